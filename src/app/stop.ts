/**
 * Stops a whole process tree: SIGTERM to the group and every descendant, a grace period,
 * then SIGKILL. Dev servers (CRA, Vite, nodemon, ...) leave grandchildren holding the
 * port, so signalling only the shell we started is not enough. "Already gone" is success.
 */
import { spawnSync } from "node:child_process";
import { hasProcTable, isAlive, listProcs, processesWithEnv, processTree } from "./proc-table.js";

export interface StopOptions {
  readonly graceMs: number;
  /**
   * The latest moment the grace may end, read again while waiting: a cancellation during
   * teardown brings it forward. Default: no limit but graceMs.
   */
  readonly cutoff?: () => number;
  /** Also stop any process carrying this marker in its environment (see RUN_ID_ENV). */
  readonly marker?: { readonly name: string; readonly value: string };
  readonly platform?: NodeJS.Platform;
}

export interface StopResult {
  /** Processes that were still running and got SIGKILL after the grace period. */
  readonly killed: number;
}

const POLL_MS = 20;
const AFTER_KILL_MS = 2000;

export async function stopProcessTree(rootPid: number, options: StopOptions): Promise<StopResult> {
  if ((options.platform ?? process.platform) === "win32") {
    // Windows has no process groups or signals to send: taskkill walks the tree itself.
    spawnSync("taskkill", ["/PID", String(rootPid), "/T", "/F"], { stdio: "ignore", windowsHide: true });
    return { killed: 0 };
  }
  const targets = () => {
    const procs = listProcs();
    const pids = new Set(processTree(rootPid, procs));
    if (options.marker)
      for (const pid of processesWithEnv(options.marker.name, options.marker.value, procs)) pids.add(pid);
    return pids;
  };
  // Collect descendants before signalling: once their parent dies they are reparented and
  // can no longer be found through it.
  let pids = targets();
  signalAll(rootPid, pids, "SIGTERM");
  const graceEnd = Date.now() + options.graceMs;
  const ended = () => Date.now() >= Math.min(graceEnd, options.cutoff?.() ?? graceEnd);
  while (!ended() && anyAlive(rootPid, pids)) {
    await pause(POLL_MS);
    for (const pid of targets()) pids.add(pid);
  }
  if (!anyAlive(rootPid, pids)) return { killed: 0 };
  pids = new Set([...pids, ...targets()].filter(isAlive));
  const killed = pids.size;
  signalAll(rootPid, pids, "SIGKILL");
  const killEnd = Date.now() + AFTER_KILL_MS;
  while (Date.now() < killEnd && anyAlive(rootPid, pids)) await pause(POLL_MS);
  return { killed };
}

function signalAll(groupId: number, pids: Iterable<number>, signal: NodeJS.Signals): void {
  trySignal(-groupId, signal);
  for (const pid of pids) trySignal(pid, signal);
}

function trySignal(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // ESRCH: already gone, which is what we want. EPERM: not ours to stop.
  }
}

function anyAlive(groupId: number, pids: Iterable<number>): boolean {
  for (const pid of pids) if (isAlive(pid)) return true;
  if (hasProcTable) return false;
  // Without /proc, ask the group as a whole.
  try {
    process.kill(-groupId, 0);
    return true;
  } catch {
    return false;
  }
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Stops every live process carrying NAME=value in its environment (Linux only): the last
 * sweep of a run, for processes that left their process group (setsid, double fork).
 * Returns how many there were.
 */
export async function sweepMarked(
  name: string,
  value: string,
  graceMs: number,
  cutoff?: () => number,
): Promise<number> {
  const pids = processesWithEnv(name, value);
  await Promise.all(pids.map((pid) => stopProcessTree(pid, { graceMs, ...(cutoff ? { cutoff } : {}) })));
  return pids.length;
}
