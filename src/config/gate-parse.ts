/**
 * Inputs of the gate (auth, allow-list, header injection, limits, webhook verification,
 * recording): parsers in the style of parse.ts, each throwing an InputError that names the
 * input, shows the value and says what is accepted. Credentials are secrets: their errors
 * show a masked value, never the value itself.
 */
import { randomBytes } from "node:crypto";
import { validateHeaderValue } from "node:http";
import path from "node:path";
import { InputError } from "../errors.js";
import { isUnder, requestPath } from "../gate/request-path.js";
import { type CidrList, masked, parseCidrs, parseSize } from "../util/parse.js";
import type { InputSpec } from "./names.js";
import { InputReader } from "./reader.js";

export const GATE_INPUTS = {
  auth: {
    description:
      "How the preview is protected: `basic` (browser login prompt), `bearer` (an `Authorization: Bearer` token) or `none`.",
    default: "basic",
    placeholder: "<basic|bearer|none>",
  },
  credentials: {
    description:
      "`user:password` for `basic`, a token for `bearer`; pass it from a secret. Empty: generated (24 random bytes) and masked.",
    default: "",
    placeholder: "<user:password|token>",
  },
  "allow-cidrs": {
    description:
      "Client addresses allowed to reach the preview: IPv4/IPv6 CIDRs or single addresses, separated by commas or newlines. Empty: any address.",
    default: "",
    placeholder: "<cidrs>",
  },
  "request-headers": {
    description: "Headers added to every request proxied to the app: one `Name: value` per line.",
    default: "",
    placeholder: "<Name: value lines>",
  },
  "max-body": {
    description: "Largest request body the gate lets through (413 beyond it), e.g. `512kb`, `25mb`, `1gb`.",
    default: "25mb",
    placeholder: "<size>",
  },
  "verify-webhooks": {
    description:
      "Webhook paths that skip user auth when their signature verifies: one `<provider> <path-prefix> <SECRET_ENV_VAR>` per line. Providers: github, stripe, slack, shopify, twilio, standard-webhooks, svix, pagerduty, gitlab, linear, square, discord (the variable holds the application's public key), paddle.",
    default: "",
    placeholder: "<provider path ENV lines>",
  },
  record: {
    description:
      "Path of the HAR file recording requests through the gate; `none` turns recording off. Empty: a file under `RUNNER_TEMP`.",
    default: "",
    placeholder: "<path|none>",
  },
  "record-body-limit": {
    description:
      "Bytes of each request and response body kept in the recording, e.g. `64kb`; `0b` keeps none.",
    default: "64kb",
    placeholder: "<size>",
  },
} as const satisfies Record<string, InputSpec>;

export type GateInputName = keyof typeof GATE_INPUTS;

export const AUTH_MODES = ["basic", "bearer", "none"] as const;
export type AuthMode = (typeof AUTH_MODES)[number];

export const WEBHOOK_PROVIDERS = [
  "github",
  "stripe",
  "slack",
  "shopify",
  "twilio",
  "standard-webhooks",
  "svix",
  "pagerduty",
  "gitlab",
  "linear",
  "square",
  "discord",
  "paddle",
] as const;
export type WebhookProvider = (typeof WEBHOOK_PROVIDERS)[number];

export type GateAuth =
  | { readonly mode: "basic"; readonly username: string; readonly password: string }
  | { readonly mode: "bearer"; readonly token: string }
  | { readonly mode: "none" };

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
  /** Bytes kept of each body. */
  readonly bodyLimit: number;
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
}

export const DEFAULT_USERNAME = "preview";
const GENERATED_BYTES = 24;

export function parseAuthMode(input: string, raw: string): AuthMode {
  const value = raw.trim().toLowerCase();
  if (!(AUTH_MODES as readonly string[]).includes(value)) {
    throw new InputError(input, raw, `must be one of ${AUTH_MODES.join(", ")}`);
  }
  return value as AuthMode;
}

/** 24+ random bytes, base64url: safe in headers, URLs and shells. */
export function generateSecret(): string {
  return randomBytes(GENERATED_BYTES).toString("base64url");
}

// RFC 9110 token68 (the Bearer token syntax of RFC 6750).
const TOKEN68 = /^[A-Za-z0-9\-._~+/]+=*$/;

/** Credentials for the mode; empty means "generate". */
export function parseCredentials(
  input: string,
  raw: string,
  mode: AuthMode,
): { auth: GateAuth; generated: boolean } {
  const value = raw.trim();
  if (mode === "none") return { auth: { mode: "none" }, generated: false };
  if (mode === "bearer") {
    if (value === "") return { auth: { mode, token: generateSecret() }, generated: true };
    if (!TOKEN68.test(value)) {
      throw new InputError(
        input,
        masked(value),
        "must be a bearer token made of letters, digits and -._~+/ (optionally ending in =) for auth: bearer",
      );
    }
    return { auth: { mode, token: value }, generated: false };
  }
  if (value === "") {
    return { auth: { mode, username: DEFAULT_USERNAME, password: generateSecret() }, generated: true };
  }
  const colon = value.indexOf(":");
  const username = colon === -1 ? "" : value.slice(0, colon);
  const password = colon === -1 ? "" : value.slice(colon + 1);
  // RFC 7617: the user-id cannot contain a colon; control characters break the header.
  if (colon <= 0 || password === "" || /[\p{Cc}]/u.test(value)) {
    throw new InputError(
      input,
      masked(value),
      'must be "user:password" (a non-empty user without ":" and a non-empty password) for auth: basic',
    );
  }
  return { auth: { mode, username, password }, generated: false };
}

// RFC 9110 field-name token.
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** Framing and routing headers the gate owns; setting them would break the proxying. */
const RESERVED_HEADERS = new Set([
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
]);

/** Lines "Name: value"; blank lines and lines starting with # are skipped. */
export function parseRequestHeaders(input: string, raw: string): [string, string][] {
  const headers: [string, string][] = [];
  raw.split(/\r?\n/).forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("#")) return;
    const colon = trimmed.indexOf(":");
    const name = colon === -1 ? trimmed : trimmed.slice(0, colon).trim();
    const value = colon === -1 ? "" : trimmed.slice(colon + 1).trim();
    if (colon === -1 || !HEADER_NAME.test(name)) {
      throw new InputError(
        input,
        trimmed,
        `line ${index + 1} is not "Name: value" with a header name made of letters, digits and !#$%&'*+-.^_\`|~`,
      );
    }
    if (RESERVED_HEADERS.has(name.toLowerCase())) {
      throw new InputError(
        input,
        trimmed,
        `line ${index + 1} sets ${name}, which the gate manages itself; these cannot be set: ${[...RESERVED_HEADERS].join(", ")}`,
      );
    }
    try {
      validateHeaderValue(name, value);
    } catch {
      throw new InputError(
        input,
        trimmed,
        `line ${index + 1} has a value with characters not allowed in a header`,
      );
    }
    headers.push([name, value]);
  });
  return headers;
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** How environment variables are conventionally named: the only third columns shown in errors. */
const CONVENTIONAL_ENV_NAME = /^[A-Z_][A-Z0-9_]{0,63}$/;

/**
 * A verify-webhooks line as errors show it. The third column should name a variable, but
 * people paste the secret itself there: anything after the path that does not look like a
 * variable's name is hidden.
 */
function shownWebhookLine(parts: readonly string[]): string {
  const [provider = "", pathPrefix = "", ...rest] = parts;
  const tail = rest.join(" ");
  const shownTail =
    rest.length === 1 && CONVENTIONAL_ENV_NAME.test(tail) ? tail : rest.length === 0 ? "" : masked(tail);
  return [provider, pathPrefix, shownTail].filter((part) => part !== "").join(" ");
}

const INLINE_SECRET = `must be the NAME of an environment variable holding the secret (e.g. GITHUB_WEBHOOK_SECRET, set in the step's env from a secret: "GITHUB_WEBHOOK_SECRET: \${{ secrets.GITHUB_WEBHOOK_SECRET }}"), not the secret itself`;

/**
 * What is wrong with a webhook path prefix, or undefined. The gate matches prefixes against
 * the checked, decoded request path (gate/request-path.ts), so a prefix must be a path the
 * gate accepts, written without percent-encoding (printable ASCII), outside /__preview/.
 */
function webhookPrefixProblem(prefix: string): string | undefined {
  if (!prefix.startsWith("/") || /[?#]/.test(prefix)) return 'starting with "/" without "?" or "#"';
  if (/[^\x21-\x7e]|%/.test(prefix)) return "of printable ASCII characters without percent-encoding (%)";
  const checked = requestPath(prefix);
  if (typeof checked !== "string") return `that the gate accepts as a path (${checked.refused})`;
  if (isUnder(prefix, "/__preview")) return "outside /__preview/ (the gate's own paths)";
  return undefined;
}

/** Lines "<provider> <path-prefix> <SECRET_ENV_VAR>"; the secret is read from `env`. */
export function parseVerifyWebhooks(
  input: string,
  raw: string,
  env: Readonly<Record<string, string | undefined>>,
): WebhookRule[] {
  const rules: WebhookRule[] = [];
  raw.split(/\r?\n/).forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("#")) return;
    const where = `line ${index + 1}`;
    const parts = trimmed.split(/\s+/);
    const [provider = "", pathPrefix = "", secretEnv = ""] = parts;
    const shown = shownWebhookLine(parts);
    if (parts.length > 3) {
      throw new InputError(
        input,
        shown,
        `${where} has more than three columns: "<provider> <path-prefix> <SECRET_ENV_VAR>"; the third column ${INLINE_SECRET}`,
      );
    }
    if (parts.length !== 3) {
      throw new InputError(
        input,
        shown,
        `${where} must be "<provider> <path-prefix> <SECRET_ENV_VAR>", e.g. "github /webhooks/github GITHUB_WEBHOOK_SECRET"`,
      );
    }
    const name = provider.toLowerCase();
    if (!(WEBHOOK_PROVIDERS as readonly string[]).includes(name)) {
      throw new InputError(
        input,
        shown,
        `${where} names an unknown provider; use one of ${WEBHOOK_PROVIDERS.join(", ")}`,
      );
    }
    const prefixProblem = webhookPrefixProblem(pathPrefix);
    if (prefixProblem !== undefined) {
      throw new InputError(
        input,
        shown,
        `${where} needs a path prefix ${prefixProblem}, e.g. "/webhooks/github"`,
      );
    }
    if (!ENV_NAME.test(secretEnv)) {
      throw new InputError(input, shown, `${where}: the third column ${INLINE_SECRET}`);
    }
    const secret = env[secretEnv];
    if (secret === undefined || secret === "") {
      throw new InputError(
        input,
        shown,
        CONVENTIONAL_ENV_NAME.test(secretEnv)
          ? `${where} reads the secret from ${secretEnv}, which is not set or empty; set it in the step's env, e.g. "${secretEnv}: \${{ secrets.${secretEnv} }}"`
          : `${where}: the third column names no environment variable that is set; it ${INLINE_SECRET}`,
      );
    }
    // "/hooks/" and "/hooks" mean the same prefix.
    const normalized = pathPrefix.length > 1 ? pathPrefix.replace(/\/+$/, "") : pathPrefix;
    if (rules.some((r) => r.pathPrefix === normalized)) {
      throw new InputError(
        input,
        shown,
        `${where} repeats the path prefix ${normalized}; each prefix may appear once`,
      );
    }
    rules.push({ provider: name as WebhookProvider, pathPrefix: normalized, secretEnv, secret });
  });
  return rules;
}

/** `none` turns recording off; a relative path resolves against `cwd`. */
export function parseRecordPath(
  input: string,
  raw: string,
  fallback: string | undefined,
  cwd: string,
): string | undefined {
  const value = raw.trim();
  if (value.toLowerCase() === "none") return undefined;
  const chosen = value === "" ? fallback : value;
  if (chosen === undefined || chosen === "") return undefined;
  if (chosen.includes("\0")) throw new InputError(input, raw, 'must be a file path or "none"');
  return path.resolve(cwd, chosen);
}

export interface GateDefaults {
  /** HAR path used when `record` is empty (e.g. under RUNNER_TEMP); undefined: no recording. */
  readonly record?: string;
  /** Directory relative paths resolve against. */
  readonly cwd?: string;
}

/**
 * Reads every gate input into the reader (which collects the problems, to be reported with
 * every other input's); returns the settings, or undefined when any gate input is invalid.
 */
export function collectGateSettings(
  inputs: InputReader<GateInputName>,
  env: Readonly<Record<string, string | undefined>>,
  defaults: GateDefaults = {},
): GateSettings | undefined {
  const before = inputs.problems.length;
  const mode = inputs.read("auth", parseAuthMode);
  // Credentials only make sense for a valid mode; a bad mode is already reported.
  const credentials =
    mode === undefined
      ? undefined
      : inputs.read("credentials", (input, value) => parseCredentials(input, value, mode));
  const allowCidrs = inputs.read("allow-cidrs", parseCidrs);
  const requestHeaders = inputs.read("request-headers", parseRequestHeaders);
  const maxBodyBytes = inputs.read("max-body", (input, value) => parseSize(input, value));
  const webhooks = inputs.read("verify-webhooks", (input, value) => parseVerifyWebhooks(input, value, env));
  const cwd = defaults.cwd ?? process.cwd();
  const recordPath = inputs.read("record", (input, value) =>
    parseRecordPath(input, value, defaults.record, cwd),
  );
  const bodyLimit = inputs.read("record-body-limit", (input, value) =>
    parseSize(input, value, { allowZero: true }),
  );

  if (inputs.problems.length > before || credentials === undefined) return undefined;
  return {
    auth: credentials.auth,
    credentialsGenerated: credentials.generated,
    allowCidrs,
    requestHeaders: requestHeaders as [string, string][],
    maxBodyBytes: maxBodyBytes as number,
    webhooks: webhooks as WebhookRule[],
    record: recordPath === undefined ? undefined : { path: recordPath, bodyLimit: bodyLimit as number },
  };
}

/** Reads every gate input; throws one ConfigError listing every invalid one. */
export function parseGateSettings(
  source: (name: GateInputName) => string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  defaults: GateDefaults = {},
): GateSettings {
  const inputs = new InputReader(source, GATE_INPUTS);
  const settings = collectGateSettings(inputs, env, defaults);
  inputs.throwIfInvalid();
  return settings as GateSettings;
}

/** Every secret value in the settings: to mask in logs and to keep out of recordings. */
export function gateSecrets(settings: GateSettings): string[] {
  const secrets: string[] = [];
  if (settings.auth.mode === "basic") secrets.push(settings.auth.password);
  if (settings.auth.mode === "bearer") secrets.push(settings.auth.token);
  for (const rule of settings.webhooks) secrets.push(rule.secret);
  return secrets.filter((s) => s !== "");
}
