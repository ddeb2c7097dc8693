/**
 * What a run that died (SIGKILL, a crash) left running, and stopping it: the processes that
 * carry its marker, and the trees, process groups and sessions of the processes it started
 * (which find a daemon that lost the marker with `env -i`). A leader's pid counts only while
 * it is the same process (same start time); once it is gone, the members of its session and
 * group are still its own (the system reuses no pid that names a live session or group).
 */
import {
  isAlive,
  listProcs,
  type ProcInfo,
  processesWithEnv,
  processTree,
  readProc,
  stopProcessTree,
} from "../app/index.js";
import type { RunEntry } from "../session/registry.js";
import { RUN_ID_ENV } from "../session/run.js";

/** The live processes a run left, by pid. */
export function leftoversOf(
  entry: Pick<RunEntry, "runId" | "leaders">,
  procs: readonly ProcInfo[] = listProcs(),
): number[] {
  const pids = new Set(processesWithEnv(RUN_ID_ENV, entry.runId, procs));
  for (const { pid, startTime } of entry.leaders) {
    const root = procs.find((p) => p.pid === pid && p.state !== "Z");
    if (root === undefined) {
      for (const p of procs) if (p.state !== "Z" && (p.sid === pid || p.pgid === pid)) pids.add(p.pid);
    } else if (startTime === 0 || root.startTime === startTime) {
      for (const member of processTree(pid, procs)) pids.add(member);
    }
  }
  pids.delete(process.pid);
  return [...pids];
}

/** Stops what a run left (SIGTERM, `graceMs`, SIGKILL); returns how many processes there were. */
export async function stopLeftovers(
  entry: Pick<RunEntry, "runId" | "leaders">,
  graceMs: number,
): Promise<number> {
  const pids = leftoversOf(entry);
  await Promise.all(pids.map((pid) => stopProcessTree(pid, { graceMs })));
  return pids.length;
}

/** True while the process that ran `entry` is alive (the same process: same start time, read now). */
export function runnerAlive(entry: Pick<RunEntry, "pid" | "startTime">): boolean {
  if (!isAlive(entry.pid)) return false;
  const now = readProc(entry.pid);
  return entry.startTime === 0 || now === undefined || now.startTime === entry.startTime;
}
