/** The login flow of an OAuth scenario, as the runner uses it (Scenario.oauth), and what it found. */

import type { StatusRange } from "../../util/parse.js";
import type { Mismatch } from "../mismatch.js";

/** Which refusal the scenario checks, if any. */
export type OAuthNegative = "deny" | "replay-callback" | "tamper-state";

export interface Statuses {
  readonly ranges: readonly StatusRange[];
  /** As written (or the default), for reports. */
  readonly text: string;
}

export interface OAuthFlow {
  /** Path that starts the login, e.g. /login. */
  readonly start: string;
  /** login_hint: a test user's sub or email; undefined with `deny`. */
  readonly user: string | undefined;
  readonly negative: OAuthNegative | undefined;
  /** Path requested after the callback; the scenario's `expect` applies to its response. */
  readonly check: string | undefined;
  /** The path the redirect_uri must have, when given. */
  readonly redirectPath: string | undefined;
  readonly callbackStatus: Statuses;
  readonly replayStatus: Statuses;
  /** Drive a real headless Chromium through the login page instead of scripted requests. */
  readonly browser: boolean;
}

/** One request of a login, for the reports. */
export interface OAuthStep {
  /**
   * "start", "authorize", "login" (the login page's form, in a browser), "callback", "replay",
   * "check", or "redirect" (followed after the callback).
   */
  readonly step: string;
  /** GET when absent. */
  readonly method?: string;
  /** Path and query as requested (the query's code and state shortened). */
  readonly request: string;
  readonly status: number | undefined;
  /** Where it redirected, when it did. */
  readonly location: string | undefined;
}

export interface OAuthOutcome {
  readonly mismatches: Mismatch[];
  readonly steps: OAuthStep[];
  /** No response to a request: refused, reset, timed out or cancelled. */
  readonly error: string | undefined;
  /** The last response's status, or undefined when the first request got none. */
  readonly status: number | undefined;
  /** Of the response the first mismatch is about (or the last one). */
  readonly responseExcerpt: string;
  readonly latencyMs: number;
  /** Browser scenarios: the PNG of the last page, when it could be taken. */
  readonly screenshot?: string;
}
