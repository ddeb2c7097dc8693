/**
 * Inputs of the test identity provider: their documentation and parsers, in the style of
 * github-parse.ts. getConfig reads them through `collectIdpSettings`, so every invalid input
 * of the run is reported together with the others.
 */

import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { InputError } from "../errors.js";
import type { IdpUser } from "../idp/types.js";
import { DEFAULT_USERS, DENY_HINT, RESERVED_CLAIMS } from "../idp/users.js";
import { parseBoolean } from "../util/parse.js";
import type { InputSpec } from "./names.js";
import { InputReader } from "./reader.js";

export const IDP_INPUTS = {
  idp: {
    description:
      "Start a strict test OpenID Connect provider, served by the gate under `<preview URL>/__preview/idp` (exempt from the gate's login), and give the app its settings in its environment: `OIDC_ISSUER`, `OIDC_CLIENT_ID`, `OIDC_CLIENT_SECRET` (generated per run, masked) and `OIDC_REDIRECT_URI` (`true` or `false`). An OAuth scenario in `scenarios` starts it too.",
    default: "false",
    placeholder: "<true|false>",
  },
  "idp-users": {
    description:
      "Test users of the identity provider, as YAML or JSON (inline, or the path of a file relative to the workspace): a list of users, each with `sub` and optionally `email`, `name` and any other claims (e.g. `groups`). Empty: one user `alice` (`alice@example.com`, `Alice Example`). Scripted logins pick one with `login_hint=<sub or email>`; `login_hint=deny` refuses consent.",
    default: "",
    placeholder: "<YAML|JSON|file>",
  },
  "idp-require-pkce": {
    description:
      "Make the identity provider refuse authorization requests without PKCE (a `code_challenge` with method S256) (`true` or `false`).",
    default: "true",
    placeholder: "<true|false>",
  },
  "idp-env-prefix": {
    description:
      "Prefix of the app's environment variables with the identity provider's settings: `<prefix>ISSUER`, `<prefix>CLIENT_ID`, `<prefix>CLIENT_SECRET` and `<prefix>REDIRECT_URI`.",
    default: "OIDC_",
    placeholder: "<prefix>",
  },
  "idp-redirect-paths": {
    description:
      "Redirect URIs registered for the app at the identity provider, as paths on the preview's public URL, separated by commas or new lines, compared exactly. The first one is passed as `<prefix>REDIRECT_URI`.",
    default: "/auth/callback",
    placeholder: "<paths>",
  },
  "idp-client-id": {
    description: "The app's `client_id` at the identity provider (its secret is generated for each run).",
    default: "preview-app",
    placeholder: "<client-id>",
  },
} as const satisfies Record<string, InputSpec>;

export type IdpInputName = keyof typeof IDP_INPUTS;

/** The identity provider's settings; the client secret is not one (it is generated per run). */
export interface IdpSettings {
  readonly enabled: boolean;
  readonly users: readonly IdpUser[];
  readonly requirePkce: boolean;
  readonly envPrefix: string;
  /** Paths on the public URL; the registered redirect URIs are the public URL plus each. */
  readonly redirectPaths: readonly string[];
  readonly clientId: string;
}

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

function shorten(text: string): string {
  return text.length > SHOWN_MAX ? `${text.slice(0, SHOWN_MAX)}…` : text;
}

/**
 * Test users: YAML or JSON inline, or a file path (resolved against `cwd`). Empty: the
 * default user alice. Either a list of users or `{users: [...]}`.
 */
export function parseIdpUsers(input: string, raw: string, cwd: string = process.cwd()): IdpUser[] {
  const value = raw.trim();
  if (value === "") return [...DEFAULT_USERS];
  let text = value;
  let where = "";
  if (!INLINE.test(value)) {
    const file = path.resolve(cwd, value);
    if (!existsSync(file) || !statSync(file).isFile()) {
      throw new InputError(
        input,
        raw,
        `must be YAML or JSON listing the test users, or the path of such a file (${file} does not exist)`,
      );
    }
    text = readFileSync(file, "utf8");
    where = ` (in ${file})`;
  }
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    const reason = ((error as Error).message.split("\n")[0] ?? "").trim();
    throw new InputError(input, shorten(raw), `is not valid YAML or JSON${where}: ${reason}`);
  }
  return checkUsers(input, shorten(raw), where, data);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;
const SUB_MAX = 255; // OpenID Connect Core 2: at most 255 ASCII characters.

function checkUsers(input: string, shown: string, where: string, data: unknown): IdpUser[] {
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

/**
 * Reads every identity provider input; an invalid one is reported by the reader and its
 * default used here (the caller throws once every input has been read).
 */
export function collectIdpSettings(
  inputs: InputReader<IdpInputName>,
  context: { readonly cwd?: string } = {},
): IdpSettings {
  const cwd = context.cwd ?? process.cwd();
  return {
    enabled: inputs.readOrDefault("idp", parseBoolean),
    users: inputs.readOrDefault("idp-users", (input, raw) => parseIdpUsers(input, raw, cwd)),
    requirePkce: inputs.readOrDefault("idp-require-pkce", parseBoolean),
    envPrefix: inputs.readOrDefault("idp-env-prefix", parseEnvPrefix),
    redirectPaths: inputs.readOrDefault("idp-redirect-paths", parseRedirectPaths),
    clientId: inputs.readOrDefault("idp-client-id", parseClientId),
  };
}

/** Reads every identity provider input; throws one ConfigError naming all invalid ones. */
export function parseIdpSettings(
  source: (name: IdpInputName) => string | undefined,
  context: { readonly cwd?: string } = {},
): IdpSettings {
  const inputs = new InputReader(source, IDP_INPUTS);
  const settings = collectIdpSettings(inputs, context);
  inputs.throwIfInvalid();
  return settings;
}
