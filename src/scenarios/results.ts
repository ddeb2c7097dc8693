/** What a scenario run produced, for the reports (JSON-safe: it travels from the supervisor to the main step). */
import type { Mismatch } from "./mismatch.js";
import type { OAuthStep } from "./oauth/types.js";
import type { DeliveryOrder, Scenario } from "./types.js";

/** One attempt of a delivery under `retry` (the provider sending it again). */
export interface AttemptResult {
  /** 1-based. */
  readonly attempt: number;
  /** Waited before this attempt (ms, compressed); 0 for the first. */
  readonly waitedMs: number;
  /** undefined when no answer came (see `error`). */
  readonly status: number | undefined;
  readonly latencyMs: number;
  readonly error: string | undefined;
}

/** One `then` request (polled under `eventually`). */
export interface FollowUpResult {
  /** As sent (captures filled in): "GET /orders/ord_1". */
  readonly request: string;
  /** Where the request is written in the scenario file. */
  readonly line: number;
  readonly passed: boolean;
  /** Of the last answer; undefined when none came. */
  readonly status: number | undefined;
  /** Requests made (1 without eventually). */
  readonly requests: number;
  /** From the first request to the last answer. */
  readonly elapsedMs: number;
  /** Of the last answer. */
  readonly mismatches: readonly Mismatch[];
  /** No answer, or a capture it needed had no value. */
  readonly error: string | undefined;
  readonly responseExcerpt: string;
}

export interface DeliveryResult {
  /** 0-based among the scenario's `repeat`. */
  readonly index: number;
  readonly passed: boolean;
  /** undefined when no response came (see `error`). */
  readonly status: number | undefined;
  readonly latencyMs: number;
  readonly mismatches: readonly Mismatch[];
  /** No response: refused, reset, timed out or cancelled. */
  readonly error: string | undefined;
  readonly responseExcerpt: string;
  /** The event, for a list of `events` (or GitHub's event.action for expect-deliveries). */
  readonly label?: string;
  /** The second send of `duplicate: true`: the same delivery id, signed anew. */
  readonly duplicate?: boolean;
  /** Every attempt under `retry` (status and latency above are the last one's). */
  readonly attempts?: readonly AttemptResult[];
}

export interface LatencySummary {
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

export interface ScenarioResult {
  readonly scenario: Scenario;
  readonly passed: boolean;
  /** The scenario could not be sent at all (a secret or variable missing, cancelled). */
  readonly error: string | undefined;
  readonly deliveries: readonly DeliveryResult[];
  /** Wall time of the scenario. */
  readonly durationMs: number;
  /** Of the deliveries that got a response. */
  readonly latency: LatencySummary | undefined;
  /** OAuth scenarios: each request of the login (their one "delivery" holds every mismatch). */
  readonly steps?: readonly OAuthStep[];
  /** Browser scenarios: the PNG of the last page (next to the HAR), when one was taken. */
  readonly screenshot?: string;
  /** A list of `events`: the order they were sent in, and the seed of a shuffle. */
  readonly order?: {
    readonly mode: DeliveryOrder;
    readonly seed: number | undefined;
    readonly sent: readonly string[];
  };
  /** The `then` requests, in file order. */
  readonly followUps?: readonly FollowUpResult[];
}

export interface ScenarioRun {
  readonly results: readonly ScenarioResult[];
  readonly passed: number;
  readonly failed: number;
  readonly durationMs: number;
  readonly cancelled: boolean;
}
