/**
 * The stop commands a run still owes, in the run folder (`stops.json`), for the post step:
 * when the process running the preview is killed (SIGKILL, the runner's timeout), its own
 * teardown never runs, and what `stop` cleans up (Docker's containers) belongs to no process
 * of the run. Each service is added the moment its setup or start command runs, with what
 * its stop command needs (directory, environment, log) since PORT, PREVIEW_URL and the
 * services' URLs were chosen at run time; it is removed once its stop command ran. The file
 * holds the services' environment (the `env` input, the identity provider's client secret):
 * written 0600, and deleted once nothing is owed (teardown, and the post step's end).
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

export const STOP_PLAN_FILE = "stops.json";

export interface OwedStop {
  readonly service: string;
  readonly command: string;
  readonly cwd: string;
  /** What the run added to the environment (the runner's own is the post step's too). */
  readonly env: Readonly<Record<string, string>>;
  /** The service's log, where the command's output goes. */
  readonly log: string;
}

export interface StopPlanFile {
  /** How long each stop command may run. */
  readonly graceMs: number;
  /** In the order the services started; owed in reverse. */
  readonly stops: readonly OwedStop[];
}

export class StopPlan {
  readonly #file: string;
  #stops: OwedStop[] = [];

  constructor(
    runDir: string,
    private readonly graceMs: number,
  ) {
    this.#file = path.join(runDir, STOP_PLAN_FILE);
  }

  owe(stop: OwedStop): void {
    if (this.#stops.some((s) => s.service === stop.service)) return;
    this.#stops.push(stop);
    this.#write();
  }

  paid(service: string): void {
    this.#stops = this.#stops.filter((s) => s.service !== service);
    this.#write();
  }

  #write(): void {
    try {
      if (this.#stops.length === 0) {
        rmSync(this.#file, { force: true });
        return;
      }
      const data: StopPlanFile = { graceMs: this.graceMs, stops: this.#stops };
      writeFileSync(`${this.#file}.tmp`, JSON.stringify(data), { mode: 0o600 });
      renameSync(`${this.#file}.tmp`, this.#file);
    } catch {
      // A run folder we cannot write: the post step then has nothing to run (the run's own
      // teardown still does).
    }
  }
}

/** What the run folder says is owed; undefined when nothing is (or it cannot be read). */
export function readStopPlan(runDir: string): StopPlanFile | undefined {
  try {
    const data = JSON.parse(readFileSync(path.join(runDir, STOP_PLAN_FILE), "utf8")) as StopPlanFile;
    return Array.isArray(data.stops) && data.stops.length > 0 ? data : undefined;
  } catch {
    return undefined;
  }
}

/** Deletes the file; idempotent, never throws. */
export function removeStopPlan(runDir: string): void {
  try {
    rmSync(path.join(runDir, STOP_PLAN_FILE), { force: true });
  } catch {
    // nothing of ours to delete
  }
}
