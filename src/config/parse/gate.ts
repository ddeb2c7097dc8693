/**
 * Parsers of the gate's inputs (auth, allow-list, header injection, limits, webhook
 * verification, recording), each throwing an InputError that names the input, shows the value
 * and says what is accepted. Credentials are secrets: their errors show a masked value, never
 * the value itself. Pure: credentials left empty are generated when resolving.
 */
import { validateHeaderValue } from "node:http";
import path from "node:path";
import { InputError } from "../../errors.js";
import { isUnder, RESERVED_PREFIX, RESERVED_ROOT, requestPath } from "../../gate/index.js";
import {
  AUTH_MODES,
  type AuthMode,
  GATE_MANAGED_HEADERS,
  type GateAuth,
  type GateSettings,
  type WebhookRule,
} from "../../gate/settings.js";
import { masked, parseBoolean, parseChoice, parseCidrs, parseSize } from "../../util/parse.js";
import { isWebhookProvider, WEBHOOK_PROVIDERS } from "../../webhooks/providers.js";
import type { GateInputName } from "../inputs/gate.js";
import type { InputReader } from "../inputs/reader.js";

export function parseAuthMode(input: string, raw: string): AuthMode {
  return parseChoice(input, raw, AUTH_MODES);
}

// RFC 9110 token68 (the Bearer token syntax of RFC 6750).
const TOKEN68 = /^[A-Za-z0-9\-._~+/]+=*$/;

/**
 * The credentials given, or which kind to generate (when resolving) when none were. With
 * `github` only the run's own token is known here (undefined: generate); the sign-in's
 * settings join it when resolving.
 */
export type CredentialsChoice =
  | { readonly auth: Exclude<GateAuth, { mode: "github" }>; readonly generate?: undefined }
  | { readonly generate: "basic" | "bearer" }
  | { readonly github: { readonly token: string | undefined }; readonly generate?: undefined };

/** Credentials for the mode; empty means "generate". */
export function parseCredentials(input: string, raw: string, mode: AuthMode): CredentialsChoice {
  const value = raw.trim();
  if (mode === "none") return { auth: { mode: "none" } };
  if (mode === "bearer" || mode === "github") {
    if (value !== "" && !TOKEN68.test(value)) {
      throw new InputError(
        input,
        masked(value),
        `must be a bearer token made of letters, digits and -._~+/ (optionally ending in =) for auth: ${mode}`,
      );
    }
    if (mode === "github") return { github: { token: value === "" ? undefined : value } };
    return value === "" ? { generate: mode } : { auth: { mode, token: value } };
  }
  if (value === "") return { generate: mode };
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
  return { auth: { mode, username, password } };
}

// RFC 9110 field-name token.
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

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
    if (GATE_MANAGED_HEADERS.has(name.toLowerCase())) {
      throw new InputError(
        input,
        trimmed,
        `line ${index + 1} sets ${name}, which the gate manages itself; these cannot be set: ${[...GATE_MANAGED_HEADERS].join(", ")}`,
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
export function webhookPrefixProblem(prefix: string): string | undefined {
  if (!prefix.startsWith("/") || /[?#]/.test(prefix)) return 'starting with "/" without "?" or "#"';
  if (/[^\x21-\x7e]|%/.test(prefix)) return "of printable ASCII characters without percent-encoding (%)";
  const checked = requestPath(prefix);
  if (typeof checked !== "string") return `that the gate accepts as a path (${checked.refused})`;
  if (isUnder(prefix, RESERVED_ROOT)) return `outside ${RESERVED_PREFIX} (the gate's own paths)`;
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
    if (!isWebhookProvider(name)) {
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
    rules.push({ provider: name, pathPrefix: normalized, secretEnv, secret });
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

/**
 * Whether the request inspector is on. Left empty it follows the sign-in: on when the preview
 * has one, off with `auth: none` (anyone with the URL would see the traffic); an explicit
 * `true` turns it on whatever the auth (the gate warns).
 */
export function parseInspector(input: string, raw: string, mode: AuthMode): boolean {
  return raw.trim() === "" ? mode !== "none" : parseBoolean(input, raw);
}

/** The gate's settings as parsed: credentials left empty are still to be generated. */
export interface ParsedGate extends Omit<GateSettings, "auth" | "credentialsGenerated"> {
  readonly credentials: CredentialsChoice;
}

export interface GateDefaults {
  /** HAR path used when `record` is empty (e.g. under RUNNER_TEMP); undefined: no recording. */
  readonly record?: string | undefined;
  /** Directory relative paths resolve against. */
  readonly cwd: string;
}

/** Reads every gate input into the reader; the parsed settings, or undefined when one is invalid. */
export function parseGateInputs(
  inputs: InputReader<GateInputName>,
  env: Readonly<Record<string, string | undefined>>,
  defaults: GateDefaults,
): ParsedGate | undefined {
  const mode = inputs.read("auth", parseAuthMode);
  // Credentials only make sense for a valid mode; a bad mode is already reported.
  const credentials =
    mode === undefined
      ? undefined
      : inputs.read("credentials", (input, value) => parseCredentials(input, value, mode));
  const rest = inputs.readAll({
    allowCidrs: ["allow-cidrs", parseCidrs],
    requestHeaders: ["request-headers", parseRequestHeaders],
    maxBodyBytes: ["max-body", (input, value) => parseSize(input, value)],
    webhooks: ["verify-webhooks", (input, value) => parseVerifyWebhooks(input, value, env)],
    recordPath: ["record", (input, value) => parseRecordPath(input, value, defaults.record, defaults.cwd)],
    recordBodyLimit: ["record-body-limit", (input, value) => parseSize(input, value, { allowZero: true })],
  });
  const inspector =
    mode === undefined
      ? undefined
      : inputs.read("inspector", (input, value) => parseInspector(input, value, mode));
  if (rest === undefined || credentials === undefined || inspector === undefined) return undefined;
  const { recordPath, ...settings } = rest;
  return {
    ...settings,
    credentials,
    record: recordPath === undefined ? undefined : { path: recordPath },
    inspector,
  };
}
