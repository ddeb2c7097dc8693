/**
 * A read of the process table from /proc (Linux). Used to find every process of a run,
 * including grandchildren that left the process group, and to tell zombies (which still
 * answer kill(pid, 0)) from live processes. Elsewhere the functions return empty results
 * and callers fall back to process-group signals.
 */
import { readdirSync, readFileSync } from "node:fs";

export interface ProcInfo {
  readonly pid: number;
  readonly ppid: number;
  readonly pgid: number;
  /** Session id: the pid of the session's leader. */
  readonly sid: number;
  /** When it started, in clock ticks after boot: with the pid, names one process (pids are reused). */
  readonly startTime: number;
  /** One letter from /proc/<pid>/stat: R, S, D, Z (zombie), T, ... */
  readonly state: string;
}

export const hasProcTable = process.platform === "linux";

export function readProc(pid: number): ProcInfo | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name is in parentheses and may itself contain spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return {
      pid,
      state: fields[0] ?? "?",
      ppid: Number(fields[1]),
      pgid: Number(fields[2]),
      sid: Number(fields[3]),
      startTime: Number(fields[19]),
    };
  } catch {
    return undefined;
  }
}

export function listProcs(): ProcInfo[] {
  if (!hasProcTable) return [];
  const procs: ProcInfo[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const info = readProc(Number(name));
    if (info) procs.push(info);
  }
  return procs;
}

/**
 * pid and all its live descendants, plus live members of its process group and of its
 * session: every process a run starts leads a session of its own (spawned detached), so a
 * daemon that left the tree and lost the run's marker (`env -i`, a double fork) is still found
 * unless it also made a session of its own (setsid). A session is named by its leader's pid,
 * which the system does not reuse while the session exists.
 */
export function processTree(rootPid: number, procs: readonly ProcInfo[] = listProcs()): number[] {
  const children = new Map<number, number[]>();
  for (const p of procs) {
    if (p.state === "Z") continue;
    const list = children.get(p.ppid) ?? [];
    list.push(p.pid);
    children.set(p.ppid, list);
  }
  const found = new Set<number>();
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.pop() as number;
    if (found.has(pid)) continue;
    found.add(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  for (const p of procs)
    if ((p.pgid === rootPid || p.sid === rootPid) && p.state !== "Z" && p.pid !== process.pid)
      found.add(p.pid);
  return [...found].filter((pid) => procs.some((p) => p.pid === pid && p.state !== "Z"));
}

/** Live processes whose environment has NAME=value (only our own processes are readable). */
export function processesWithEnv(
  name: string,
  value: string,
  procs: readonly ProcInfo[] = listProcs(),
): number[] {
  const needle = Buffer.from(`${name}=${value}\0`);
  const pids: number[] = [];
  for (const p of procs) {
    if (p.state === "Z" || p.pid === process.pid) continue;
    try {
      const environ = readFileSync(`/proc/${p.pid}/environ`);
      if (
        environ.indexOf(needle) === 0 ||
        environ.indexOf(Buffer.concat([Buffer.from([0]), needle])) !== -1
      ) {
        pids.push(p.pid);
      }
    } catch {
      // gone, or not ours
    }
  }
  return pids;
}

/** True while the process exists and is not a zombie. */
export function isAlive(pid: number): boolean {
  if (hasProcTable) {
    const info = readProc(pid);
    return info !== undefined && info.state !== "Z";
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
