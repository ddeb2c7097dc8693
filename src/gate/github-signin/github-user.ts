/**
 * What the reviewer's own token tells about them (REST, with `Authorization: Bearer`):
 *
 *   GET /user                                             -> login
 *   GET /repos/{owner}/{repo}                             -> permissions {admin, maintain, push, triage, pull}
 *   GET /orgs/{org}/teams/{team_slug}/memberships/{user}  -> state "active" | "pending"; 404: not a member
 *
 * A repository the token cannot see answers 404 (a private one, for an OAuth App token
 * without `repo` or a GitHub App not installed on it). Team endpoints need `read:org`
 * (OAuth App) or "Members: read" (GitHub App); without, GitHub answers 403 or 404.
 */
import type { PermissionLevel } from "./allow.js";
import { type Http, type HttpResponse, jsonObject } from "./http.js";

export const API_VERSION = "2022-11-28";

/** GitHub could not answer (network, 5xx, rate limit), or did so unexpectedly: nobody gets in. */
export class GithubUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = "GithubUnavailable";
  }
}

/** The token is not (or no longer) valid: 401 from /user. */
export class GithubTokenInvalid extends Error {
  constructor() {
    super("GitHub does not accept this token");
    this.name = "GithubTokenInvalid";
  }
}

export type RepositoryAccess =
  | { readonly visible: false }
  | { readonly visible: true; readonly private: boolean; readonly level: PermissionLevel | undefined };

export type TeamMembership = "active" | "pending" | "none" | "not-readable";

/** The highest level `permissions` grants (GitHub calls write "push" and read "pull"). */
export function highestLevel(permissions: unknown): PermissionLevel | undefined {
  if (typeof permissions !== "object" || permissions === null) return undefined;
  const p = permissions as Record<string, unknown>;
  if (p.admin === true) return "admin";
  if (p.maintain === true) return "maintain";
  if (p.push === true) return "write";
  if (p.triage === true) return "triage";
  if (p.pull === true) return "read";
  return undefined;
}

const ORG_SCOPES = ["read:org", "write:org", "admin:org"];

/** OAuth App tokens list their scopes in X-OAuth-Scopes; GitHub App tokens send no such header. */
function lacksOrgScope(response: HttpResponse): boolean {
  const scopes = response.header("x-oauth-scopes");
  if (scopes === undefined) return false;
  const granted = scopes.split(",").map((s) => s.trim());
  return !ORG_SCOPES.some((s) => granted.includes(s));
}

export class GithubUserApi {
  readonly #apiUrl: string;
  readonly #http: Http;

  constructor(options: { readonly apiUrl: string; readonly http: Http }) {
    this.#apiUrl = options.apiUrl;
    this.#http = options.http;
  }

  async #get(token: string, path: string, signal: AbortSignal | undefined): Promise<HttpResponse> {
    let response: HttpResponse;
    try {
      response = await this.#http({
        method: "GET",
        url: `${this.#apiUrl}${path}`,
        headers: {
          accept: "application/vnd.github+json",
          authorization: `Bearer ${token}`,
          "x-github-api-version": API_VERSION,
          "user-agent": "preview-tunnel",
        },
        signal,
      });
    } catch (error) {
      throw new GithubUnavailable(`GitHub could not be reached (${(error as Error).message})`);
    }
    if (response.status >= 500) throw new GithubUnavailable(`GitHub answered ${response.status}`);
    if (
      (response.status === 403 || response.status === 429) &&
      response.header("x-ratelimit-remaining") === "0"
    ) {
      throw new GithubUnavailable("GitHub's rate limit for this token is used up");
    }
    return response;
  }

  async login(token: string, signal?: AbortSignal): Promise<string> {
    const response = await this.#get(token, "/user", signal);
    if (response.status === 401) throw new GithubTokenInvalid();
    const login = jsonObject(response.text)?.login;
    if (response.status !== 200 || typeof login !== "string" || login === "") {
      throw new GithubUnavailable(`GitHub answered ${response.status} without a login to GET /user`);
    }
    return login;
  }

  async repository(
    token: string,
    owner: string,
    repo: string,
    signal?: AbortSignal,
  ): Promise<RepositoryAccess> {
    const path = `/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}`;
    const response = await this.#get(token, path, signal);
    if (response.status === 404 || response.status === 403) return { visible: false };
    if (response.status === 401) throw new GithubTokenInvalid();
    const data = jsonObject(response.text);
    if (response.status !== 200 || data === undefined) {
      throw new GithubUnavailable(`GitHub answered ${response.status} to GET ${path}`);
    }
    return { visible: true, private: data.private === true, level: highestLevel(data.permissions) };
  }

  async teamMembership(
    token: string,
    org: string,
    slug: string,
    login: string,
    signal?: AbortSignal,
  ): Promise<TeamMembership> {
    const path = `/orgs/${encodeURIComponent(org)}/teams/${encodeURIComponent(slug)}/memberships/${encodeURIComponent(login)}`;
    const response = await this.#get(token, path, signal);
    if (response.status === 403) return "not-readable";
    // An OAuth token without an org scope may get 404 rather than 403: its scopes tell.
    if (response.status === 404) return lacksOrgScope(response) ? "not-readable" : "none";
    if (response.status === 401) throw new GithubTokenInvalid();
    const state = jsonObject(response.text)?.state;
    if (response.status !== 200 || (state !== "active" && state !== "pending")) {
      throw new GithubUnavailable(`GitHub answered ${response.status} to GET ${path}`);
    }
    return state;
  }
}
