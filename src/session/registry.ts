/**
 * The CLI's registry of runs: one small file per run in a folder of the user's own under the
 * temporary directory, saying which process runs it (pid and start time), its id (the marker
 * its processes carry), its working directory, and the session leaders it started (app, test
 * command). A run removes its file when it ends; a file whose process is gone belongs to a run
 * that died (SIGKILL, a crash), whose leftovers the next run in the same directory stops.
 */
import { lstatSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { makeDir } from "../util/make-dir.js";
import type { StateStore } from "./state.js";
import { STATE } from "./state.js";

/** A process a run started, named by pid and start time (0: unknown). */
export interface Leader {
  readonly pid: number;
  readonly startTime: number;
}

export interface RunEntry {
  readonly runId: string;
  /** The CLI process running it. */
  readonly pid: number;
  /** Its start time (clock ticks after boot; 0 where unknown): a reused pid is another process. */
  readonly startTime: number;
  readonly cwd: string;
  /** Processes the run started, each leading a session (and process group) of its own. */
  readonly leaders: readonly Leader[];
  /** When it started (ISO), for messages. */
  readonly startedAt: string;
}

export class RunRegistry {
  constructor(readonly dir: string) {}

  /**
   * The current user's registry, or undefined when its folder cannot be trusted (not a
   * directory of ours with mode 0700: another user could plant entries) or made.
   */
  static forUser(base: string = tmpdir()): RunRegistry | undefined {
    const uid = process.getuid?.();
    const dir = path.join(base, `preview-tunnel-runs-${uid ?? "user"}`);
    try {
      makeDir(dir, 0o700);
      const stat = lstatSync(dir);
      if (!stat.isDirectory() || (uid !== undefined && stat.uid !== uid) || (stat.mode & 0o077) !== 0)
        return undefined;
      return new RunRegistry(dir);
    } catch {
      return undefined;
    }
  }

  file(runId: string): string {
    return path.join(this.dir, `${runId.replace(/[^A-Za-z0-9-]/g, "")}.json`);
  }

  /** Writes (or rewrites) a run's entry; never throws (the registry is a help, not a need). */
  write(entry: RunEntry): void {
    const file = this.file(entry.runId);
    try {
      writeFileSync(`${file}.tmp`, JSON.stringify(entry), { mode: 0o600 });
      renameSync(`${file}.tmp`, file);
    } catch {
      // a full disk or a vanished folder: cleanup after a crash is then left to the watchdog
    }
  }

  read(runId: string): RunEntry | undefined {
    return readEntry(this.file(runId));
  }

  remove(runId: string): void {
    rmSync(this.file(runId), { force: true });
  }

  entries(): RunEntry[] {
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return [];
    }
    return names
      .filter((name) => name.endsWith(".json"))
      .map((name) => readEntry(path.join(this.dir, name)))
      .filter((entry): entry is RunEntry => entry !== undefined);
  }

  /**
   * A StateStore that records the leaders a run starts (app, test command) in its entry, with
   * their start times (`startTimeOf`).
   */
  leaderState(runId: string, startTimeOf: (pid: number) => number): StateStore {
    return {
      save: (key, value) => {
        if (key !== STATE.appPid && key !== STATE.testPid) return;
        const entry = this.read(runId);
        const pid = Number(value);
        if (entry && Number.isInteger(pid) && pid > 1)
          this.write({ ...entry, leaders: [...entry.leaders, { pid, startTime: startTimeOf(pid) }] });
      },
    };
  }
}

function readEntry(file: string): RunEntry | undefined {
  try {
    const entry = JSON.parse(readFileSync(file, "utf8")) as Partial<RunEntry>;
    const leaders = (entry.leaders ?? []).filter(
      (l) => Number.isInteger(l?.pid) && l.pid > 1 && Number.isFinite(l.startTime),
    );
    if (typeof entry.runId !== "string" || !Number.isInteger(entry.pid) || typeof entry.cwd !== "string")
      return undefined;
    return {
      runId: entry.runId,
      pid: entry.pid as number,
      startTime: Number(entry.startTime) || 0,
      cwd: entry.cwd,
      leaders,
      startedAt: String(entry.startedAt ?? ""),
    };
  } catch {
    return undefined;
  }
}
