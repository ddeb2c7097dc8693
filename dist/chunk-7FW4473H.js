import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import {
  CancelledError
} from "./chunk-S4FSG2IO.js";

// src/session/signals.ts
function abortOnSignals(onSignal) {
  const controller = new AbortController();
  const urgent = new AbortController();
  const handler = (sig) => {
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
    }
  };
}

export {
  abortOnSignals
};
