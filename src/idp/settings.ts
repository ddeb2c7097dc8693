/**
 * The test identity provider's settings: whether it runs, its test users, PKCE, the app's
 * client and where its settings go in the app's environment. Built by src/config.
 */
import { randomBytes } from "node:crypto";
import { type NamedSecret, namedSecrets } from "../util/secrets.js";
import type { IdpUser } from "./types.js";

/** The user a run gets when `idp-users` is not set. */
export const DEFAULT_USERS: readonly IdpUser[] = [
  { sub: "alice", email: "alice@example.com", name: "Alice Example" },
];

/**
 * `login_hint` value that makes /authorize answer `error=access_denied`, as if the user had
 * pressed "Deny": scripted runs set one parameter either way (a user or the refusal).
 */
export const DENY_HINT = "deny";

/**
 * Claims that belong to the token, not the user: a configured user may not override them, or
 * a typo in the users file would forge `aud` or `exp`.
 */
export const RESERVED_CLAIMS = [
  "iss",
  "aud",
  "exp",
  "iat",
  "nbf",
  "jti",
  "nonce",
  "auth_time",
  "azp",
  "at_hash",
  "c_hash",
  "sid",
  "scope",
  "client_id",
] as const;

/** The identity provider's settings from the inputs (the client secret is not one: see IdpRunSettings). */
export interface IdpSettings {
  readonly enabled: boolean;
  readonly users: readonly IdpUser[];
  readonly requirePkce: boolean;
  readonly envPrefix: string;
  /** Paths on the public URL; the registered redirect URIs are the public URL plus each. */
  readonly redirectPaths: readonly string[];
  readonly clientId: string;
}

/** What a run's identity provider needs: the settings and the client secret generated once for the run. */
export interface IdpRunSettings extends IdpSettings {
  readonly clientSecret: string;
}

/** The client secret, named: to mask before anything is logged (only when the provider runs). */
export function namedIdpSecrets(settings: IdpRunSettings): NamedSecret[] {
  return settings.enabled
    ? namedSecrets(["the identity provider's client secret", settings.clientSecret])
    : [];
}

/** A client secret for one run: 32 random bytes (256 bits), URL-safe. */
export function newClientSecret(): string {
  return randomBytes(32).toString("base64url");
}
