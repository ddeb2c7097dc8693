/**
 * The gate's settings: who may get through (allow-list, user auth, webhook signatures), what
 * is added to and limited of each request, what is recorded. Built by src/config from the
 * inputs; the gate only reads them.
 */
import type { CidrList } from "../util/parse.js";
import { type NamedSecret, namedSecrets } from "../util/secrets.js";
import type { WebhookProvider } from "../webhooks/providers.js";
import type { GithubSignInSettings } from "./github-signin/settings.js";

export const AUTH_MODES = ["basic", "bearer", "none", "github"] as const;
export type AuthMode = (typeof AUTH_MODES)[number];

/** The user name of generated basic credentials. */
export const DEFAULT_USERNAME = "preview";

export type GateAuth =
  | { readonly mode: "basic"; readonly username: string; readonly password: string }
  | { readonly mode: "bearer"; readonly token: string }
  | { readonly mode: "none" }
  /**
   * Reviewers sign in with GitHub; `token` is the run's own bearer token (the test command,
   * scenarios and later steps), accepted beside the sign-ins.
   */
  | { readonly mode: "github"; readonly token: string; readonly signin: GithubSignInSettings };

/** Client addresses allowed through; the entries as written, for messages. */
export type AllowList = CidrList;

export interface WebhookRule {
  readonly provider: WebhookProvider;
  /** Starts with "/"; matches the path itself and everything below it. */
  readonly pathPrefix: string;
  /** Name of the environment variable the secret came from, for messages. */
  readonly secretEnv: string;
  readonly secret: string;
}

export interface RecordSettings {
  /** Absolute path of the HAR file. */
  readonly path: string;
}

/** Everything the gate needs from the inputs. */
export interface GateSettings {
  readonly auth: GateAuth;
  /** True when the credentials were generated (the caller masks and outputs them). */
  readonly credentialsGenerated: boolean;
  /** undefined: every client address is allowed. */
  readonly allowCidrs: AllowList | undefined;
  readonly requestHeaders: readonly (readonly [name: string, value: string])[];
  readonly maxBodyBytes: number;
  readonly webhooks: readonly WebhookRule[];
  /** undefined: recording is off. */
  readonly record: RecordSettings | undefined;
  /** Bytes kept of each body: in the recording, and by the inspector (also when recording is off). */
  readonly recordBodyLimit: number;
  /** The live request inspector at /__preview/inspect (gate/inspector); off, its path is the app's. */
  readonly inspector: boolean;
}

/** Framing and routing headers the gate owns: request-headers cannot set them. */
export const GATE_MANAGED_HEADERS: ReadonlySet<string> = new Set([
  "host",
  "connection",
  "keep-alive",
  "proxy-connection",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
  "content-length",
  "expect",
  // Who signed in with GitHub (auth: github); a client's own is always dropped.
  "x-preview-user",
]);

/** Every secret of the settings, named: to mask before anything is logged, to keep out of recordings. */
export function namedGateSecrets(settings: GateSettings): NamedSecret[] {
  const { auth } = settings;
  const secrets: [label: string, value: string][] = [];
  if (auth.mode === "basic") {
    secrets.push(['the password of input "credentials"', auth.password]);
    // What a Basic Authorization header carries, base64-encoded.
    secrets.push(['input "credentials"', `${auth.username}:${auth.password}`]);
  }
  if (auth.mode === "bearer") secrets.push(['the token of input "credentials"', auth.token]);
  if (auth.mode === "github") secrets.push(["the run's bearer token (auth: github)", auth.token]);
  for (const rule of settings.webhooks)
    secrets.push([`the ${rule.provider} webhook secret in ${rule.secretEnv}`, rule.secret]);
  return namedSecrets(...secrets);
}

/** The values of namedGateSecrets. */
export function gateSecrets(settings: GateSettings): string[] {
  return namedGateSecrets(settings).map((secret) => secret.value);
}
