/**
 * Starts a shell command as the leader of its own process group, with its output going
 * straight to a log file (so it never blocks on us, and survives us if we die), and stops
 * the whole tree on request. `@actions/exec` cannot detach or kill a tree, hence spawn.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import { shellCommand } from "../util/shell.js";
import { stopProcessTree } from "./stop.js";

export interface ExitInfo {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export function describeExit(exit: ExitInfo): string {
  return exit.signal ? `was killed by ${exit.signal}` : `exited with code ${exit.code}`;
}

export interface StartOptions {
  readonly command: string;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** Append stdout and stderr to this file; "inherit" shares ours (for the test command). */
  readonly output: { readonly file: string } | "inherit";
}

/** A started process tree. */
export interface ManagedProcess {
  readonly pid: number;
  /** Settles when the shell we started exits (its children may live on). */
  readonly exited: Promise<ExitInfo>;
  /** The exit, once it happened. */
  exitInfo(): ExitInfo | undefined;
  /**
   * Stops the whole tree; idempotent, never throws. `cutoff`: the latest end of the grace,
   * read while waiting (see StopOptions).
   */
  stop(graceMs: number, cutoff?: () => number): Promise<void>;
}

/** The effect boundary for starting processes, so the pipeline can be tested with fakes. */
export interface ProcessLauncher {
  start(options: StartOptions): Promise<ManagedProcess>;
}

export const nodeLauncher: ProcessLauncher = { start: startProcess };

export async function startProcess(options: StartOptions): Promise<ManagedProcess> {
  const shell = shellCommand(options.command);
  const fd = options.output === "inherit" ? undefined : openSync(options.output.file, "a");
  let child: ChildProcess;
  try {
    child = spawn(shell.file, shell.args, {
      cwd: options.cwd,
      env: options.env,
      detached: true,
      stdio: fd === undefined ? ["ignore", "inherit", "inherit"] : ["ignore", fd, fd],
      windowsHide: true,
      windowsVerbatimArguments: shell.windowsVerbatimArguments,
    });
  } finally {
    // The child holds its own copy of the descriptor.
    if (fd !== undefined) closeSync(fd);
  }
  await new Promise<void>((resolve, reject) => {
    child.once("spawn", resolve);
    child.once("error", reject);
  });
  const pid = child.pid as number;
  let exit: ExitInfo | undefined;
  const exited = new Promise<ExitInfo>((resolve) => {
    child.once("exit", (code, signal) => {
      exit = { code, signal };
      resolve(exit);
    });
  });
  let stopping: Promise<void> | undefined;
  return {
    pid,
    exited,
    exitInfo: () => exit,
    stop(graceMs, cutoff) {
      stopping ??= stopProcessTree(pid, { graceMs, ...(cutoff ? { cutoff } : {}) })
        .then(() => undefined)
        .catch(() => undefined);
      return stopping;
    },
  };
}
