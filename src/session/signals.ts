import { CancelledError } from "../errors.js";

/**
 * Turns SIGINT/SIGTERM (a cancelled workflow, or Ctrl-C) into an abort of the run, so it
 * tears down: `signal` aborts on the first, `urgent` on the next (the runner sends SIGTERM
 * 7.5 s after its SIGINT; a user presses Ctrl-C again), when waiting is over. Returns both and
 * a function that removes the handlers.
 */
export function abortOnSignals(onSignal?: (signal: NodeJS.Signals) => void): {
  signal: AbortSignal;
  urgent: AbortSignal;
  dispose: () => void;
} {
  const controller = new AbortController();
  const urgent = new AbortController();
  const handler = (sig: NodeJS.Signals) => {
    onSignal?.(sig);
    if (!controller.signal.aborted) controller.abort(new CancelledError(sig));
    else if (!urgent.signal.aborted) urgent.abort(new CancelledError(sig));
  };
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
  return {
    signal: controller.signal,
    urgent: urgent.signal,
    dispose: () => {
      process.off("SIGINT", handler);
      process.off("SIGTERM", handler);
    },
  };
}
