/**
 * Parsers of the GitHub sign-in's inputs (`auth: github`), checked whatever the mode (the
 * sign-in is built only with it). Pure: the repository's facts (public or not, the pull
 * request's author) are read from the event payload when resolving (resolve/signin.ts).
 */
import { InputError } from "../../errors.js";
import { type AllowRules, parseAllow, type RepositoryRef } from "../../gate/github-signin/index.js";
import { parsePositiveDuration } from "../../util/parse.js";
import type { GateInputName } from "../inputs/gate.js";
import type { InputReader } from "../inputs/reader.js";
import type { SignInInputName } from "../inputs/signin.js";
import { parseAuthMode } from "./gate.js";

/** The sign-in's inputs as parsed; the repository's facts come when resolving. */
export interface ParsedSignIn {
  readonly clientId: string;
  readonly allow: AllowRules;
  readonly sessionTtlMs: number | undefined;
  /** From `github-repository`; undefined: the workflow's (GITHUB_REPOSITORY). */
  readonly repository: RepositoryRef | undefined;
}

// OAuth App client IDs ("Ov23li..."; older ones 20 hex digits) and GitHub App ones ("Iv1.…", "Iv23…").
const CLIENT_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

export function parseGithubClientId(input: string, raw: string): string {
  const value = raw.trim();
  if (value === "") {
    throw new InputError(
      input,
      raw,
      'is required with "auth: github": the client ID of the GitHub App or OAuth App reviewers sign in with (device flow enabled), e.g. "Iv23liAbCdEf0123" (see the README, "Sign in with GitHub")',
    );
  }
  if (!CLIENT_ID.test(value)) {
    throw new InputError(
      input,
      raw,
      'must be a GitHub client ID: letters, digits, ".", "_" and "-", e.g. "Iv23liAbCdEf0123" (the Client ID on the app\'s page, not its App ID or a secret)',
    );
  }
  return value;
}

/** Empty: as long as the preview. */
export function parseSessionTtl(input: string, raw: string): number | undefined {
  return raw.trim() === "" ? undefined : parsePositiveDuration(input, raw);
}

// GitHub's rules: owner of letters, digits and "-"; name of letters, digits, ".", "_", "-".
const REPOSITORY = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/;

/** "owner/name"; empty: the workflow's repository. */
export function parseRepository(input: string, raw: string): RepositoryRef | undefined {
  const value = raw.trim();
  if (value === "") return undefined;
  const match = REPOSITORY.exec(value);
  if (!match || match[2] === "." || match[2] === "..") {
    throw new InputError(input, raw, 'must be a repository as "owner/name", e.g. "octo/app"');
  }
  return { owner: match[1] as string, name: match[2] as string };
}

/**
 * Reads the sign-in's inputs: the sign-in when `auth` is `github` (undefined otherwise, and
 * when one is invalid: the reader keeps the problem). Its other inputs are checked whatever
 * the mode, as every input is (a bad value waiting for the day `auth` changes is a surprise);
 * only the client ID is required with the mode alone. The mode is read here without
 * reporting: a bad `auth` is reported by the gate's parser.
 */
export function parseSignInInputs(
  inputs: InputReader<SignInInputName | GateInputName>,
): ParsedSignIn | undefined {
  const github = isGithubMode(inputs.raw("auth"));
  const rest = inputs.readAll({
    allow: ["github-allow", (input, value) => parseAllow(value, input)],
    sessionTtlMs: ["github-session-ttl", parseSessionTtl],
    repository: ["github-repository", parseRepository],
  });
  const clientId = github
    ? inputs.read("github-oauth-client-id", parseGithubClientId)
    : inputs.read("github-oauth-client-id", (input, raw) =>
        raw.trim() === "" ? "" : parseGithubClientId(input, raw),
      );
  return github && rest && clientId !== undefined ? { clientId, ...rest } : undefined;
}

function isGithubMode(raw: string): boolean {
  try {
    return parseAuthMode("auth", raw) === "github";
  } catch {
    return false;
  }
}
