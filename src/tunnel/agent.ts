/**
 * Starts a tunnel agent (ssh, cloudflared) as the leader of its own process group, with its
 * output read line by line, and stops it with SIGTERM, a grace period, then SIGKILL. Its own
 * group, so a Ctrl-C in the terminal reaches us first and teardown stops it in order.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { describeExit, type ExitInfo, stopProcessTree } from "../app/index.js";
import { OutputLines } from "./output.js";

export interface AgentOptions {
  readonly command: string;
  readonly args: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  readonly cwd?: string;
  /** Where a copy of its output goes. */
  readonly logFile?: string;
}

export interface Agent {
  readonly pid: number;
  readonly output: OutputLines;
  /** Settles when the process exits. */
  readonly exited: Promise<ExitInfo>;
  exitInfo(): ExitInfo | undefined;
  /** Idempotent, never throws. */
  stop(graceMs?: number): Promise<void>;
}

export const AGENT_GRACE_MS = 3000;

export async function startAgent(options: AgentOptions): Promise<Agent> {
  const output = new OutputLines(60, options.logFile);
  const child: ChildProcess = spawn(options.command, [...options.args], {
    cwd: options.cwd,
    env: options.env,
    detached: process.platform !== "win32",
    // stdin stays open and unwritten: some SSH services end the session on EOF.
    stdio: ["pipe", "pipe", "pipe"],
    windowsHide: true,
  });
  await new Promise<void>((resolve, reject) => {
    child.once("spawn", resolve);
    child.once("error", reject);
  });
  child.stdin?.on("error", () => undefined);
  output.follow(child.stdout);
  output.follow(child.stderr);
  let exit: ExitInfo | undefined;
  // "close", not "exit": by then its last output has been read (and logged).
  const exited = new Promise<ExitInfo>((resolve) => {
    child.once("close", (code, signal) => {
      exit = { code, signal };
      resolve(exit);
    });
  });
  const pid = child.pid as number;
  let stopping: Promise<void> | undefined;
  return {
    pid,
    output,
    exited,
    exitInfo: () => exit,
    stop(graceMs = AGENT_GRACE_MS) {
      stopping ??= (async () => {
        if (exit) return;
        child.stdin?.destroy();
        await stopProcessTree(pid, { graceMs }).catch(() => undefined);
        // The exit event follows the kill; don't report "stopped" before it.
        await Promise.race([exited, new Promise((r) => setTimeout(r, 1000).unref())]);
      })();
      return stopping;
    },
  };
}

export { describeExit };
