/**
 * Time that moves only when someone waits: sleep(ms) yields to the event loop once, then
 * jumps the clock forward. Tests of polling (device flow) run at once, and the fake GitHub
 * given the same clock judges the pace of polls in the same time.
 */
import type { Clock } from "../../src/gate/github-signin/clock.js";

export class VirtualClock implements Clock {
  #now: number;
  /** Every wait asked for, in order. */
  readonly sleeps: number[] = [];

  constructor(start = Date.UTC(2026, 0, 1)) {
    this.#now = start;
  }

  now = (): number => this.#now;

  advance(ms: number): void {
    this.#now += ms;
  }

  sleep = async (ms: number, signal?: AbortSignal): Promise<void> => {
    if (signal?.aborted) return;
    this.sleeps.push(ms);
    const wake = this.#now + ms;
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (signal?.aborted) return;
    this.#now = Math.max(this.#now, wake);
  };
}
