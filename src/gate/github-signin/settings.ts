/**
 * Settings of the GitHub sign-in (`auth: github`): the app reviewers sign in with, where
 * GitHub is (github.com or an Enterprise Server), which repository access is checked on,
 * who is let in, and how long a sign-in lasts.
 */
import { type AllowRules, DEFAULT_ALLOW, describeAllow, parseAllow, scopeFor } from "./allow.js";

export interface RepositoryRef {
  readonly owner: string;
  readonly name: string;
}

export interface GithubSignInSettings {
  /** Client ID of the OAuth App or GitHub App with device flow enabled (not a secret). */
  readonly clientId: string;
  /** https://github.com or the Enterprise Server's URL (GITHUB_SERVER_URL), no trailing slash. */
  readonly serverUrl: string;
  /** https://api.github.com or <server>/api/v3 (GITHUB_API_URL), no trailing slash. */
  readonly apiUrl: string;
  readonly repository: RepositoryRef;
  /** Public repositories give every GitHub user "read". */
  readonly repositoryIsPublic: boolean;
  /** Login of the pull request's author (for `author`); undefined without a pull request. */
  readonly pullRequestAuthor: string | undefined;
  readonly allow: AllowRules;
  /** How long a sign-in lasts; undefined: as long as the preview (a browser-session cookie). */
  readonly sessionTtlMs: number | undefined;
  /** How long the check of an `Authorization: Bearer <GitHub token>` is remembered. */
  readonly tokenCacheMs: number;
  /** Scope asked for in the device flow, derived from the rules ("" or "read:org"). */
  readonly scope: string;
}

export const GITHUB_SIGNIN_DEFAULTS = {
  serverUrl: "https://github.com",
  apiUrl: "https://api.github.com",
  allow: DEFAULT_ALLOW,
  tokenCacheMs: 60_000,
} as const;

export interface GithubSignInSettingsInput {
  readonly clientId: string;
  readonly repository: RepositoryRef;
  readonly repositoryIsPublic: boolean;
  readonly pullRequestAuthor?: string | undefined;
  /** Parsed rules; default `write, author`. */
  readonly allow?: AllowRules;
  readonly sessionTtlMs?: number | undefined;
  readonly tokenCacheMs?: number;
  readonly serverUrl?: string;
  readonly apiUrl?: string;
}

const trimSlash = (url: string) => url.replace(/\/+$/, "");

/** Complete settings from what the adapter (config) read; fills defaults, derives the scope. */
export function githubSignInSettings(input: GithubSignInSettingsInput): GithubSignInSettings {
  const allow = input.allow ?? parseAllow(DEFAULT_ALLOW);
  return {
    clientId: input.clientId,
    serverUrl: trimSlash(input.serverUrl || GITHUB_SIGNIN_DEFAULTS.serverUrl),
    apiUrl: trimSlash(input.apiUrl || GITHUB_SIGNIN_DEFAULTS.apiUrl),
    repository: input.repository,
    repositoryIsPublic: input.repositoryIsPublic,
    pullRequestAuthor: input.pullRequestAuthor || undefined,
    allow,
    sessionTtlMs: input.sessionTtlMs,
    tokenCacheMs: input.tokenCacheMs ?? GITHUB_SIGNIN_DEFAULTS.tokenCacheMs,
    scope: scopeFor(allow),
  };
}

/** GITHUB_SERVER_URL and GITHUB_API_URL as the runner sets them (Enterprise Server included). */
export function githubUrlsFromEnv(env: Readonly<Record<string, string | undefined>>): {
  serverUrl: string;
  apiUrl: string;
} {
  return {
    serverUrl: trimSlash(env.GITHUB_SERVER_URL || GITHUB_SIGNIN_DEFAULTS.serverUrl),
    apiUrl: trimSlash(env.GITHUB_API_URL || GITHUB_SIGNIN_DEFAULTS.apiUrl),
  };
}

export function repoName(repository: RepositoryRef): string {
  return `${repository.owner}/${repository.name}`;
}

/** How reviewers get in, for the PR comment: "Sign in with GitHub (write access to o/r, or ...)". */
export function describeSignIn(settings: GithubSignInSettings): string {
  return `Sign in with GitHub (${describeAllow(settings.allow, repoName(settings.repository))})`;
}
