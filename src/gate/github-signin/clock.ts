/**
 * Time for the sign-in's waits (device-flow polling, expiry, idle flows), behind an
 * interface so tests drive it without sleeping.
 */
import { sleep } from "../../util/time.js";

export interface Clock {
  /** Milliseconds, like Date.now(). */
  now(): number;
  /** Resolves after `ms`, or early (without throwing) when the signal aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) => sleep(ms, signal),
};
