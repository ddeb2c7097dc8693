/** The login flow of an OAuth scenario, as the runner uses it (Scenario.oauth). */
import type { StatusRange } from "../../config/parse.js";

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
}
