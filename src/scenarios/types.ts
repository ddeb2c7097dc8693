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

export interface Scenario {
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
