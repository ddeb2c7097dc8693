/**
 * The built CLI (dist/cli.js, rebuilt by the test global setup) as a terminal starts it: a
 * process of its own, so a hang or a blocked event loop shows as a deadline passed (the
 * process is then killed) instead of a stuck test worker, and real signals reach it.
 */
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { ROOT } from "../integration/harness.js";

export const CLI = path.join(ROOT, "dist/cli.js");

export interface CliExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** The deadline passed and the CLI was killed with SIGKILL. */
  readonly timedOut: boolean;
  readonly ms: number;
}

export interface CliProcess {
  readonly child: ChildProcess;
  readonly exited: Promise<CliExit>;
  stdout(): string;
  stderr(): string;
  /** Resolves with the first match of `pattern` in stdout + stderr; rejects if the CLI exits first. */
  waitFor(pattern: RegExp): Promise<RegExpExecArray>;
}

export function startCli(
  args: readonly string[],
  options: { env: NodeJS.ProcessEnv; cwd?: string; deadlineMs?: number },
): CliProcess {
  const started = performance.now();
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    env: options.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  const listeners = new Set<() => void>();
  const changed = () => {
    for (const listener of listeners) listener();
  };
  child.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
    changed();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
    changed();
  });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill("SIGKILL");
  }, options.deadlineMs ?? 30_000);
  const exited = new Promise<CliExit>((resolve) =>
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, timedOut, ms: performance.now() - started });
    }),
  );
  return {
    child,
    exited,
    stdout: () => stdout,
    stderr: () => stderr,
    waitFor: (pattern) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(stdout + stderr);
          if (match) {
            listeners.delete(check);
            resolve(match);
          }
        };
        listeners.add(check);
        check();
        void exited.then((exit) => {
          listeners.delete(check);
          reject(
            new Error(`the CLI exited (${JSON.stringify(exit)}) before printing ${pattern}:\n${stderr}`),
          );
        });
      }),
  };
}

/** Runs the CLI to its end (or its deadline). */
export async function runCliProcess(
  args: readonly string[],
  options: { env: NodeJS.ProcessEnv; cwd?: string; deadlineMs?: number },
): Promise<CliExit & { stdout: string; stderr: string }> {
  const cli = startCli(args, options);
  const exit = await cli.exited;
  return { ...exit, stdout: cli.stdout(), stderr: cli.stderr() };
}
