/**
 * Watches a detached service while the preview is up. Its start command is gone (it launched
 * the app elsewhere, e.g. in Docker's containers), so there is no process to watch: the
 * readiness probe is asked again every 2 s, and 3 failures in a row (about 6 s of no answer)
 * mean the service is down. One failed probe is not enough: a container restarting or a
 * long garbage-collection pause would read as a crash, and a crash fails the run.
 */

import type { StatusRange } from "../util/parse.js";
import { probeOnce } from "./readiness.js";
import type { ReadySpec } from "./settings.js";

export const LIVENESS_INTERVAL_MS = 2000;
export const LIVENESS_FAILURES = 3;

export interface LivenessOptions {
  readonly spec: ReadySpec;
  readonly port: number;
  readonly statuses: readonly StatusRange[];
  /** Called once, with the last probe's result, when the service is taken for down. */
  readonly onDown: (detail: string) => void;
  readonly intervalMs?: number;
  readonly failures?: number;
}

export interface Liveness {
  /** Stops watching; idempotent. */
  stop(): void;
}

export function watchLiveness(options: LivenessOptions): Liveness {
  const interval = options.intervalMs ?? LIVENESS_INTERVAL_MS;
  const limit = options.failures ?? LIVENESS_FAILURES;
  let stopped = false;
  let failed = 0;
  let timer: NodeJS.Timeout | undefined;
  const next = () => {
    if (stopped) return;
    timer = setTimeout(check, interval);
    timer.unref();
  };
  const check = async () => {
    const result = await probeOnce(options, interval);
    if (stopped) return;
    failed = result.ok ? 0 : failed + 1;
    if (failed < limit) return next();
    stopped = true;
    options.onDown(`${limit} probes in a row failed, ${interval / 1000}s apart; the last: ${result.detail}`);
  };
  next();
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
