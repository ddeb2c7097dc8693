/** Delays between retries: doubling from `initialMs` up to `maxMs`. */
export interface Backoff {
  readonly initialMs: number;
  readonly maxMs: number;
}

export const DEFAULT_BACKOFF: Backoff = { initialMs: 250, maxMs: 5000 };

/** Delay before retry number `attempt` (0-based), never past the deadline. */
export function backoffDelay(backoff: Backoff, attempt: number, deadline = Number.POSITIVE_INFINITY): number {
  const delay = Math.min(backoff.maxMs, backoff.initialMs * 2 ** Math.min(attempt, 20));
  return Math.max(0, Math.min(delay, deadline - Date.now()));
}
