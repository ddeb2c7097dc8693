/**
 * Parsers of the identity provider's inputs. Pure: the test users (YAML or JSON, inline or in
 * a file) are read and parsed when resolving; checkUsers checks what the YAML holds.
 */
import path from "node:path";
import { InputError } from "../../errors.js";
import type { IdpUser } from "../../idp/index.js";
import { DENY_HINT, type IdpSettings, RESERVED_CLAIMS } from "../../idp/settings.js";
import { parseBoolean } from "../../util/parse.js";
import type { IdpInputName } from "../inputs/idp.js";
import type { InputReader } from "../inputs/reader.js";

// The unreserved characters of RFC 3986: safe unescaped in URLs and in HTTP Basic credentials.
const CLIENT_ID = /^[A-Za-z0-9._~-]{1,128}$/;

export function parseClientId(input: string, raw: string): string {
  const value = raw.trim();
  if (!CLIENT_ID.test(value)) {
    throw new InputError(
      input,
      raw,
      'must be 1 to 128 letters, digits, ".", "_", "~" or "-", e.g. "preview-app"',
    );
  }
  return value;
}

const ENV_PREFIX = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

export function parseEnvPrefix(input: string, raw: string): string {
  const value = raw.trim();
  if (!ENV_PREFIX.test(value)) {
    throw new InputError(
      input,
      raw,
      'must be the start of an environment variable name: letters, digits and "_", not starting with a digit, e.g. "OIDC_" or "AUTH_"',
    );
  }
  return value;
}

/** "/auth/callback, /other/callback" -> the paths, in order, without duplicates. */
export function parseRedirectPaths(input: string, raw: string): string[] {
  const paths = [
    ...new Set(
      raw
        .split(/[,\n]/)
        .map((p) => p.trim())
        .filter((p) => p !== ""),
    ),
  ];
  if (paths.length === 0) {
    throw new InputError(input, raw, 'must list at least one path, e.g. "/auth/callback"');
  }
  for (const p of paths) {
    // "//host" would be another host once appended to the public URL's origin.
    if (!p.startsWith("/") || p.startsWith("//") || /[\s#\\]/.test(p)) {
      throw new InputError(
        input,
        raw,
        `has "${p}", which is not a path: each must start with a single "/" and contain no spaces, "#" or "\\", e.g. "/auth/callback"`,
      );
    }
    // URIs are compared exactly, and a browser follows the normalized form: they must agree.
    const url = new URL(p, "https://preview.invalid");
    if (url.pathname + url.search !== p) {
      throw new InputError(
        input,
        raw,
        `has "${p}", which is not in normal form (it would be sent as "${url.pathname}${url.search}"): write it that way`,
      );
    }
  }
  return paths;
}

// Starts like YAML/JSON content rather than a file name.
const INLINE = /^(?:\[|\{|-\s|-$)|\n|^[A-Za-z_][\w-]*\s*:(?:\s|$)/;
const SHOWN_MAX = 120;

export function shorten(text: string): string {
  return text.length > SHOWN_MAX ? `${text.slice(0, SHOWN_MAX)}…` : text;
}

/** Where the test users come from: the default user, YAML/JSON text, or a file of it. */
export type UsersSource =
  | { readonly kind: "default" }
  | { readonly kind: "inline"; readonly text: string }
  | { readonly kind: "file"; readonly file: string };

/** `idp-users` as given: empty (the default user), inline YAML/JSON, or a file path (resolved against `cwd`). */
export function parseUsersSource(_input: string, raw: string, cwd: string): UsersSource {
  const value = raw.trim();
  if (value === "") return { kind: "default" };
  if (INLINE.test(value)) return { kind: "inline", text: value };
  return { kind: "file", file: path.resolve(cwd, value) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;
const SUB_MAX = 255; // OpenID Connect Core 2: at most 255 ASCII characters.

/**
 * The test users in `data` (parsed YAML or JSON: a list of users or `{users: [...]}`), checked;
 * `shown` is the input's value as errors show it, `where` names the file it came from.
 */
export function checkUsers(input: string, shown: string, where: string, data: unknown): IdpUser[] {
  const list = isRecord(data) && Array.isArray(data.users) ? data.users : data;
  if (!Array.isArray(list)) {
    throw new InputError(
      input,
      shown,
      `must be a YAML or JSON list of users${where}, each with at least "sub", e.g. "- sub: alice\\n  email: alice@example.com"`,
    );
  }
  if (list.length === 0) throw new InputError(input, shown, `must list at least one user${where}`);
  const subs = new Map<string, number>();
  const emails = new Map<string, number>();
  return list.map((entry: unknown, index) => {
    const n = index + 1;
    const fail = (problem: string): never => {
      throw new InputError(input, shorten(JSON.stringify(entry) ?? String(entry)), `${problem}${where}`);
    };
    if (!isRecord(entry))
      return fail(`has entry #${n} that is not a mapping of claims with "sub", e.g. "- sub: bob"`);
    const { sub, email, name, ...claims } = entry;
    if (typeof sub !== "string" || sub.trim() === "") {
      return fail(`has user #${n} without "sub" as text (the user's stable id, e.g. "bob"; quote numbers)`);
    }
    if (sub.length > SUB_MAX || !/^[\x21-\x7E]+$/.test(sub)) {
      return fail(
        `has user #${n} whose "sub" is not 1 to ${SUB_MAX} printable ASCII characters without spaces`,
      );
    }
    if (sub === DENY_HINT) {
      return fail(
        `has user #${n} with sub "${DENY_HINT}", which is reserved: login_hint=${DENY_HINT} refuses the login`,
      );
    }
    if (email !== undefined && (typeof email !== "string" || !EMAIL.test(email))) {
      return fail(`has user #${n} whose "email" is not an address like "bob@example.com"`);
    }
    if (name !== undefined && typeof name !== "string")
      return fail(`has user #${n} whose "name" is not text`);
    const reserved = Object.keys(claims).find((claim) =>
      (RESERVED_CLAIMS as readonly string[]).includes(claim),
    );
    if (reserved !== undefined) {
      return fail(
        `has user #${n} with the claim "${reserved}", which the provider sets itself (reserved: ${RESERVED_CLAIMS.join(", ")})`,
      );
    }
    const firstSub = subs.get(sub);
    if (firstSub !== undefined)
      return fail(`has users #${firstSub} and #${n} with the same sub "${sub}"; subs must be unique`);
    subs.set(sub, n);
    if (typeof email === "string") {
      const firstEmail = emails.get(email.toLowerCase());
      if (firstEmail !== undefined) {
        return fail(
          `has users #${firstEmail} and #${n} with the same email "${email}"; emails must be unique`,
        );
      }
      emails.set(email.toLowerCase(), n);
    }
    return {
      sub,
      ...(typeof email === "string" ? { email } : {}),
      ...(typeof name === "string" ? { name } : {}),
      ...(Object.keys(claims).length > 0 ? { claims } : {}),
    };
  });
}

/** The identity provider's settings as parsed: the test users are still to be read. */
export interface ParsedIdp extends Omit<IdpSettings, "users"> {
  readonly users: UsersSource;
}

/**
 * Reads every identity provider input; an invalid one is reported by the reader and its
 * default used here (the caller throws once every input has been read).
 */
export function parseIdpInputs(
  inputs: InputReader<IdpInputName>,
  context: { readonly cwd: string },
): ParsedIdp {
  return {
    enabled: inputs.readOrDefault("idp", parseBoolean),
    users: inputs.readOrDefault("idp-users", (input, raw) => parseUsersSource(input, raw, context.cwd)),
    requirePkce: inputs.readOrDefault("idp-require-pkce", parseBoolean),
    envPrefix: inputs.readOrDefault("idp-env-prefix", parseEnvPrefix),
    redirectPaths: inputs.readOrDefault("idp-redirect-paths", parseRedirectPaths),
    clientId: inputs.readOrDefault("idp-client-id", parseClientId),
  };
}
