/**
 * A command run to its end (a service's setup or stop command): started like the app, in a
 * process group of its own with its output in a log file, and waited for; past its time
 * limit, or when the run is cancelled, its whole tree is stopped.
 */
import type { ExitInfo, ProcessLauncher, StartOptions } from "./process.js";

export interface CommandBounds {
  /** Longest the command may run; undefined: until it exits (or `signal`). */
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
  /** Grace between SIGTERM and SIGKILL when it is stopped early. */
  readonly killGraceMs: number;
}

export type CommandOutcome =
  | { readonly kind: "exited"; readonly exit: ExitInfo; readonly ms: number }
  | { readonly kind: "timed-out"; readonly ms: number }
  | { readonly kind: "aborted"; readonly ms: number };

export async function runToEnd(
  launcher: ProcessLauncher,
  options: StartOptions,
  bounds: CommandBounds,
): Promise<CommandOutcome> {
  const started = performance.now();
  const ms = () => performance.now() - started;
  const child = await launcher.start(options);
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const early = new Promise<"timed-out" | "aborted">((resolve) => {
    if (bounds.timeoutMs !== undefined) timer = setTimeout(() => resolve("timed-out"), bounds.timeoutMs);
    onAbort = () => resolve("aborted");
    if (bounds.signal?.aborted) onAbort();
    else bounds.signal?.addEventListener("abort", onAbort, { once: true });
  });
  try {
    const first = await Promise.race([child.exited, early]);
    if (typeof first !== "string") {
      // The command's own children (a daemon it forked without leaving its group) go with it.
      await child.stop(0);
      return { kind: "exited", exit: first, ms: ms() };
    }
    await child.stop(bounds.killGraceMs);
    return { kind: first, ms: ms() };
  } finally {
    clearTimeout(timer);
    if (onAbort) bounds.signal?.removeEventListener("abort", onAbort);
  }
}
