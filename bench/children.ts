/**
 * What the benchmarks share (not a benchmark itself: bench/run.mjs runs *.bench.ts): each one
 * runs the app, the load generator (and more) as child processes of the same file in another
 * role, talking over IPC; the measured proxies get CPU 0 and the rest the other CPUs.
 */
import { type ChildProcess, execFileSync, fork, spawn } from "node:child_process";
import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { availableParallelism } from "node:os";
import type { Logger } from "../src/util/logger.js";

export type Message = Record<string, unknown>;

export const PASSWORD = "bench-password-0123456789";
export const BASIC_AUTH = `Basic ${Buffer.from(`bench:${PASSWORD}`).toString("base64")}`;

/** To the parent, from a child role. */
export function send(message: Message): void {
  process.send?.(message);
}

/** One message to a child, and its answer. */
export async function ask(proc: ChildProcess, message: Message): Promise<Message> {
  proc.send(message);
  const [reply] = (await once(proc, "message")) as [Message];
  return reply;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** The gates' logger: only their warnings and errors, on stderr. */
export const quietLogger: Logger = {
  info: () => undefined,
  warning: (m) => console.error(`gate warning: ${m}`),
  error: (m) => console.error(`gate error: ${m}`),
  debug: () => undefined,
  startGroup: () => undefined,
  endGroup: () => undefined,
  write: () => undefined,
};

export interface Pinning {
  readonly proxyCpu: string;
  readonly otherCpus: string;
}

/**
 * With 2+ CPUs and taskset (Linux), this process (the proxies) is pinned to CPU 0 and the
 * children go to the others: each proxy is then limited by its own cost per request, not by
 * how the scheduler happens to share cores with the load generator. Undefined: not pinned.
 */
export function pinProxies(): Pinning | undefined {
  const cpus = availableParallelism();
  if (process.platform !== "linux" || cpus < 2) return undefined;
  try {
    execFileSync("taskset", ["-pc", "0", String(process.pid)], { stdio: "ignore" });
    return { proxyCpu: "0", otherCpus: `1-${cpus - 1}` };
  } catch {
    return undefined;
  }
}

export interface ChildOptions {
  readonly pinned: Pinning | undefined;
  /** "proxy": beside this process (a proxy measured in a process of its own); default "others". */
  readonly cpus?: "proxy" | "others";
  readonly args?: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
}

/** This file again, in `role`; resolves with the child and its first message (it is ready). */
export async function startChild(
  role: string,
  options: ChildOptions,
): Promise<{ proc: ChildProcess; first: Message }> {
  const script = process.argv[1] as string;
  const stdio: ["ignore", "inherit", "inherit", "ipc"] = ["ignore", "inherit", "inherit", "ipc"];
  const { pinned, args = [], env = process.env } = options;
  const proc = pinned
    ? spawn(
        "taskset",
        [
          "-c",
          options.cpus === "proxy" ? pinned.proxyCpu : pinned.otherCpus,
          process.execPath,
          script,
          "--role",
          role,
          ...args,
        ],
        { stdio, env },
      )
    : fork(script, ["--role", role, ...args], { stdio, env });
  const [first] = (await once(proc, "message")) as [Message];
  return { proc, first };
}

/** The app role: a small JSON answer on a port of its own, sent to the parent as `port`. */
export function jsonAppRole(): void {
  const body = JSON.stringify({ ok: true, message: "hello from the app", items: [1, 2, 3] });
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
    res.end(body);
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, "127.0.0.1", () => send({ port: (server.address() as AddressInfo).port }));
}
