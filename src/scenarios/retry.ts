/**
 * How providers retry a delivery the app did not accept (any non-2xx, or no answer in time),
 * for `retry: { schedule, compress }`. Each list is the wait before each retry, counted from
 * the failure before it:
 *
 * - github: GitHub never retries (https://docs.github.com/en/webhooks/using-webhooks/handling-failed-webhook-deliveries);
 *   failed deliveries are redelivered by hand or by a script, and GitHub's own example runs
 *   every 6 hours and can redeliver for 3 days. `github` is that script: a redelivery every
 *   6 h, 12 times. It waits 10 s for an answer, as GitHub does.
 * - stripe: "up to three days with exponential backoff"; Stripe publishes no exact intervals,
 *   so this is an approximation of the times observed after the first attempt (5 min, 30 min,
 *   2 h, 4 h, 8 h, 16 h, 24 h, 48 h, 72 h).
 * - svix / standard-webhooks: Svix's published schedule (https://docs.svix.com/retries:
 *   5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h), which waits 15 s for an answer.
 *
 * A scenario compresses the schedule (`compress: 1000x`); the whole plan must fit
 * MAX_RETRY_WAIT_MS, checked when the file loads, so every retry loop is bounded in count and
 * in time before anything is sent.
 */
import type { RetryPolicy } from "./types.js";

const S = 1000;
const M = 60 * S;
const H = 60 * M;

export const RETRY_SCHEDULES: Readonly<
  Record<string, { readonly waitsMs: readonly number[]; readonly timeoutMs?: number }>
> = {
  github: { waitsMs: Array.from({ length: 12 }, () => 6 * H), timeoutMs: 10 * S },
  stripe: { waitsMs: [5 * M, 25 * M, 90 * M, 2 * H, 4 * H, 8 * H, 8 * H, 24 * H, 24 * H] },
  svix: { waitsMs: [5 * S, 5 * M, 30 * M, 2 * H, 5 * H, 10 * H, 10 * H], timeoutMs: 15 * S },
  "standard-webhooks": { waitsMs: [5 * S, 5 * M, 30 * M, 2 * H, 5 * H, 10 * H, 10 * H], timeoutMs: 15 * S },
};

/** The longest a scenario's retries may wait in all, compressed. */
export const MAX_RETRY_WAIT_MS = 10 * M;

/** "100x" or 100 -> 100. */
export function compressFactor(value: string | number | undefined): number {
  if (value === undefined) return 1;
  return typeof value === "number" ? value : Number(value.replace(/x$/i, ""));
}

/** "1 h 30 min", "2.5 s", "40 ms": for messages and reports. */
export function formatWait(ms: number): string {
  if (ms < S) return `${Math.round(ms)} ms`;
  if (ms < M) return `${Number((ms / S).toFixed(1))} s`;
  if (ms < H) return `${Number((ms / M).toFixed(1))} min`;
  return `${Number((ms / H).toFixed(1))} h`;
}

export type RetryPlan = { readonly policy: RetryPolicy } | { readonly problem: string };

/**
 * The plan of `retry:`: waits compressed and capped to `attempts`, or why it cannot run (it
 * would wait longer than MAX_RETRY_WAIT_MS in all).
 */
export function retryPlan(
  schedule: string | readonly number[],
  compress: number,
  attempts: number | undefined,
): RetryPlan {
  const named = typeof schedule === "string" ? RETRY_SCHEDULES[schedule] : undefined;
  const waits = named ? named.waitsMs : (schedule as readonly number[]);
  const capped = attempts === undefined ? waits : waits.slice(0, Math.max(0, attempts - 1));
  const delaysMs = capped.map((w) => w / compress);
  const total = delaysMs.reduce((sum, d) => sum + d, 0);
  const label = typeof schedule === "string" ? schedule : schedule.map(formatWait).join(", ");
  if (total > MAX_RETRY_WAIT_MS) {
    const raw = capped.reduce((sum, w) => sum + w, 0);
    const needed = Math.ceil(raw / MAX_RETRY_WAIT_MS);
    return {
      problem: `waits ${formatWait(total)} in all (${delaysMs.length} retries of ${label}${compress === 1 ? "" : ` compressed ${compress}x`}); at most ${formatWait(MAX_RETRY_WAIT_MS)}: compress at least ${needed}x (e.g. compress: ${10 ** Math.ceil(Math.log10(needed))}x) or set fewer attempts`,
    };
  }
  return {
    policy: { schedule: label, compress, delaysMs, providerTimeoutMs: named?.timeoutMs },
  };
}
