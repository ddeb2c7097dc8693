/** A scenario as the runner uses it: validated, defaults applied, with where it was written. */
import type { StatusRange } from "../util/parse.js";
import type { PathStep } from "./json-path.js";
import type { OAuthFlow } from "./oauth/types.js";
import type { ScenarioProvider } from "./signers/index.js";

export interface SourceLocation {
  /** The file as given (relative to the working directory when it was given so): for annotations. */
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  readonly column: number;
}

/** The body before substitution; rendered and signed per delivery. */
export type BodyTemplate =
  /** Text (inline, a file or a built-in example); placeholders are escaped for `contentType`. */
  | { readonly kind: "text"; readonly text: string }
  /** A YAML/JSON value serialized with JSON.stringify after its strings are rendered. */
  | { readonly kind: "json"; readonly value: unknown }
  /** Fields URL-encoded as application/x-www-form-urlencoded. */
  | { readonly kind: "form"; readonly fields: readonly (readonly [string, string])[] };

export interface JsonExpectation {
  /** As written, for reports. */
  readonly path: string;
  readonly steps: readonly PathStep[];
  readonly value: unknown;
}

export interface Expectations {
  readonly status: readonly StatusRange[];
  /** As written (or the default), for reports: "2xx", "401, 403". */
  readonly statusText: string;
  readonly bodyContains: readonly string[];
  readonly json: readonly JsonExpectation[];
  /** Lower-case name -> text the value must contain (case-insensitive), or present/absent. */
  readonly headers: readonly (readonly [string, string | boolean])[];
  readonly maxLatencyMs: number | undefined;
}

/** `retry:` as the runner uses it: how a provider retries a delivery the app did not accept. */
export interface RetryPolicy {
  /** As written, for reports: "stripe", "1s, 5s, 30s". */
  readonly schedule: string;
  /** The factor the schedule was divided by (1 when not compressed). */
  readonly compress: number;
  /** Waits before each retry, already compressed (ms); attempts = delaysMs.length + 1. */
  readonly delaysMs: readonly number[];
  /** How long the provider waits for an answer (GitHub 10 s, Svix 15 s), unless the scenario sets `timeout`. */
  readonly providerTimeoutMs: number | undefined;
}

/** One delivery of a list of `events` (or the scenario's single one). */
export interface EventUnit {
  /** The provider's event header value (X-GitHub-Event...), when it has one. */
  readonly event: string | undefined;
  /** For reports: the event (or example) name. */
  readonly label: string;
  readonly body: BodyTemplate;
  readonly example: string | undefined;
  readonly contentType: string;
}

export type DeliveryOrder = "as-listed" | "shuffled" | "reversed";

/** How deliveries behave beyond one send: lists of events, duplicates, retries. */
export interface DeliveryBehaviour {
  /** `events:` sent one after another in `order`; undefined: the scenario's single body. */
  readonly events: readonly EventUnit[] | undefined;
  readonly order: DeliveryOrder;
  /** Seed of `order: shuffled`; undefined: a random one, reported so a failure can be replayed. */
  readonly seed: number | undefined;
  /** Each delivery is sent twice with the same delivery id, the second signed anew. */
  readonly duplicate: boolean;
  /** What the second must get: expectations, or the same status as the first. */
  readonly expectDuplicate: Expectations | "same-status";
  readonly retry: RetryPolicy | undefined;
}

/** `capture: { id: $.data.object.id }`: a value of the sent body or of the first response. */
export interface Capture {
  readonly name: string;
  readonly from: "body" | "response";
  /** As written, for messages. */
  readonly path: string;
  readonly steps: readonly PathStep[];
}

/** One `then:` request: a check of work the app did after it answered. */
export interface FollowUpRequest {
  readonly method: "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Path (template: ${capture.x}, ${env.X}, ${preview.url}). */
  readonly path: string;
  readonly headers: readonly (readonly [string, string])[];
  /** Send the preview's credentials (default true: these are our checks, not a provider's). */
  readonly sendAuth: boolean;
  /** Retry until `expect` holds or this much time passed; undefined: one request. */
  readonly eventuallyMs: number | undefined;
  readonly expect: Expectations;
  readonly line: number;
}

export interface FollowUp {
  readonly captures: readonly Capture[];
  readonly then: readonly FollowUpRequest[];
}

export interface ExpectedDelivery {
  /** X-GitHub-Event, e.g. pull_request. */
  readonly event: string;
  /** undefined: any action (or none). */
  readonly action: string | undefined;
  /** As written: "pull_request.opened". */
  readonly label: string;
}

/** `expect-deliveries`: GitHub's own deliveries to the run's temporary webhook. */
export interface ExpectDeliveries {
  readonly events: readonly ExpectedDelivery[];
  readonly withinMs: number;
  readonly status: readonly StatusRange[];
  readonly statusText: string;
}

export interface Scenario {
  /** Set for `expect-deliveries:`: the runner reads GitHub's delivery log; the webhook fields are inert. */
  readonly expectDeliveries?: ExpectDeliveries;
  /** Duplicates, retries, lists of events; undefined: one send per delivery, as before. */
  readonly behaviour?: DeliveryBehaviour;
  /** Captures and `then` requests, run after the deliveries. */
  readonly followUp?: FollowUp;
  /**
   * Set for an OAuth login scenario (`oauth:` in the file): the runner drives the login and
   * checks `expect` against `oauth.check`; the webhook fields (provider, path, body, secret,
   * repeat...) then hold inert defaults and are not used.
   */
  readonly oauth?: OAuthFlow;
  readonly name: string;
  readonly provider: ScenarioProvider;
  /** Event/topic: sent in the provider's event header when it has one. */
  readonly event: string | undefined;
  /** Path and query (template), starting with "/". */
  readonly path: string;
  readonly method: "POST" | "PUT" | "PATCH";
  readonly body: BodyTemplate;
  /** Name of the built-in example used, for reports. */
  readonly example: string | undefined;
  readonly contentType: string;
  /** Extra headers (templates), applied last: they can override the provider's. */
  readonly headers: readonly (readonly [string, string])[];
  /** Variable holding the secret; undefined for Discord. */
  readonly secretEnv: string | undefined;
  /** Discord: the variable the run's public key (hex) is exported to for the app. */
  readonly publicKeyEnv: string | undefined;
  readonly expect: Expectations;
  readonly expectRejected: boolean;
  readonly repeat: number;
  readonly concurrency: number;
  /** Added to the signing time; negative makes a stale delivery. */
  readonly timestampOffsetSeconds: number;
  readonly tamper: boolean;
  /** Also send the preview's credentials (a real provider could not). */
  readonly sendAuth: boolean;
  /** Per-delivery timeout; undefined: the run's. */
  readonly timeoutMs: number | undefined;
  readonly source: SourceLocation;
}

/** One problem of a scenario file, located precisely enough for an annotation. */
export interface ScenarioProblem extends SourceLocation {
  readonly message: string;
}
