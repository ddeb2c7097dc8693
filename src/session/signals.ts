import { CancelledError } from "../errors.js";

/**
 * Turns SIGINT/SIGTERM (a cancelled workflow, or Ctrl-C) into an abort of the run, so it
 * tears down. Returns the signal and a function that removes the handlers.
 */
export function abortOnSignals(onSignal?: (signal: NodeJS.Signals) => void): {
  signal: AbortSignal;
  dispose: () => void;
} {
  const controller = new AbortController();
  const handler = (sig: NodeJS.Signals) => {
    onSignal?.(sig);
    if (!controller.signal.aborted) controller.abort(new CancelledError(sig));
  };
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
  return {
    signal: controller.signal,
    dispose: () => {
      process.off("SIGINT", handler);
      process.off("SIGTERM", handler);
    },
  };
}
