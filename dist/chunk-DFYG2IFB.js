import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import {
  RUN_ID_ENV,
  STATE
} from "./chunk-O3TADS5N.js";
import {
  isAlive,
  listProcs,
  processTree,
  processesWithEnv,
  readProc,
  stopProcessTree
} from "./chunk-ZJNQSVQY.js";
import {
  tmpdir
} from "./chunk-NR726SSU.js";
import {
  spawn
} from "./chunk-TATCJCUR.js";
import {
  makeDir
} from "./chunk-VTIJIBSJ.js";
import {
  path_default
} from "./chunk-C6CPBUKC.js";
import {
  lstatSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync
} from "./chunk-RIQZ67RY.js";

// src/session/registry.ts
var RunRegistry = class _RunRegistry {
  constructor(dir) {
    this.dir = dir;
  }
  dir;
  /**
   * The current user's registry, or undefined when its folder cannot be trusted (not a
   * directory of ours with mode 0700: another user could plant entries) or made.
   */
  static forUser(base = tmpdir()) {
    const uid = process.getuid?.();
    const dir = path_default.join(base, `preview-tunnel-runs-${uid ?? "user"}`);
    try {
      makeDir(dir, 448);
      const stat = lstatSync(dir);
      if (!stat.isDirectory() || uid !== void 0 && stat.uid !== uid || (stat.mode & 63) !== 0)
        return void 0;
      return new _RunRegistry(dir);
    } catch {
      return void 0;
    }
  }
  file(runId) {
    return path_default.join(this.dir, `${runId.replace(/[^A-Za-z0-9-]/g, "")}.json`);
  }
  /** Writes (or rewrites) a run's entry; never throws (the registry is a help, not a need). */
  write(entry) {
    const file = this.file(entry.runId);
    try {
      writeFileSync(`${file}.tmp`, JSON.stringify(entry), { mode: 384 });
      renameSync(`${file}.tmp`, file);
    } catch {
    }
  }
  read(runId) {
    return readEntry(this.file(runId));
  }
  remove(runId) {
    rmSync(this.file(runId), { force: true });
  }
  entries() {
    let names;
    try {
      names = readdirSync(this.dir);
    } catch {
      return [];
    }
    return names.filter((name) => name.endsWith(".json")).map((name) => readEntry(path_default.join(this.dir, name))).filter((entry) => entry !== void 0);
  }
  /**
   * A StateStore that records the leaders a run starts (app, test command) in its entry, with
   * their start times (`startTimeOf`).
   */
  leaderState(runId, startTimeOf) {
    return {
      save: (key, value) => {
        if (key !== STATE.appPid && key !== STATE.testPid) return;
        const entry = this.read(runId);
        const pid = Number(value);
        if (entry && Number.isInteger(pid) && pid > 1)
          this.write({ ...entry, leaders: [...entry.leaders, { pid, startTime: startTimeOf(pid) }] });
      }
    };
  }
};
function readEntry(file) {
  try {
    const entry = JSON.parse(readFileSync(file, "utf8"));
    const leaders = (entry.leaders ?? []).filter(
      (l) => Number.isInteger(l?.pid) && l.pid > 1 && Number.isFinite(l.startTime)
    );
    if (typeof entry.runId !== "string" || !Number.isInteger(entry.pid) || typeof entry.cwd !== "string")
      return void 0;
    return {
      runId: entry.runId,
      pid: entry.pid,
      startTime: Number(entry.startTime) || 0,
      cwd: entry.cwd,
      leaders,
      startedAt: String(entry.startedAt ?? "")
    };
  } catch {
    return void 0;
  }
}

// src/cli/io.ts
var WATCHDOG_COMMAND = "__watchdog";

// src/cli/leftovers.ts
function leftoversOf(entry, procs = listProcs()) {
  const pids = new Set(processesWithEnv(RUN_ID_ENV, entry.runId, procs));
  for (const { pid, startTime } of entry.leaders) {
    const root = procs.find((p) => p.pid === pid && p.state !== "Z");
    if (root === void 0) {
      for (const p of procs) if (p.state !== "Z" && (p.sid === pid || p.pgid === pid)) pids.add(p.pid);
    } else if (startTime === 0 || root.startTime === startTime) {
      for (const member of processTree(pid, procs)) pids.add(member);
    }
  }
  pids.delete(process.pid);
  return [...pids];
}
async function stopLeftovers(entry, graceMs) {
  const pids = leftoversOf(entry);
  await Promise.all(pids.map((pid) => stopProcessTree(pid, { graceMs })));
  return pids.length;
}
function runnerAlive(entry) {
  if (!isAlive(entry.pid)) return false;
  const now = readProc(entry.pid);
  return entry.startTime === 0 || now === void 0 || now.startTime === entry.startTime;
}

// src/cli/watchdog.ts
var WATCHDOG_GRACE_MS = 2e3;
var DISMISS_WAIT_MS = 2e3;
var READY_WAIT_MS = 5e3;
function startWatchdog(script, runId, registryDir, env) {
  const child = spawn(process.execPath, [script, WATCHDOG_COMMAND, runId, registryDir ?? ""], {
    detached: true,
    stdio: ["ignore", "ignore", "ignore", "ipc"],
    env,
    windowsHide: true
  });
  child.on("error", () => void 0);
  let timer;
  const ready = new Promise((resolve) => {
    child.once("message", () => resolve());
    child.once("exit", () => resolve());
    child.once("error", () => resolve());
    timer = setTimeout(resolve, READY_WAIT_MS);
  }).then(() => {
    clearTimeout(timer);
    child.unref();
    child.channel?.unref();
  });
  return {
    ready,
    async dismiss() {
      if (child.exitCode !== null || child.signalCode !== null || !child.connected) return;
      child.ref();
      let timer2;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.send("done", () => void 0);
      await Promise.race([exited, new Promise((resolve) => timer2 = setTimeout(resolve, DISMISS_WAIT_MS))]);
      clearTimeout(timer2);
      child.unref();
    }
  };
}
function runWatchdog(args) {
  const [runId, registryDir] = args;
  if (!runId || process.send === void 0) return Promise.resolve(2);
  return new Promise((resolve) => {
    let settled = false;
    const cleanUp = () => {
      if (settled) return;
      settled = true;
      const registry = registryDir ? new RunRegistry(registryDir) : void 0;
      const entry = registry?.read(runId) ?? { runId, leaders: [] };
      void stopLeftovers(entry, WATCHDOG_GRACE_MS).catch(() => 0).then(() => {
        registry?.remove(runId);
        resolve(0);
      });
    };
    process.on("message", (message) => {
      if (message !== "done" || settled) return;
      settled = true;
      process.disconnect();
      resolve(0);
    });
    process.on("disconnect", cleanUp);
    if (!process.connected) cleanUp();
    else process.send?.("ready", void 0, void 0, () => void 0);
  });
}

export {
  RunRegistry,
  leftoversOf,
  stopLeftovers,
  runnerAlive,
  startWatchdog,
  runWatchdog
};
