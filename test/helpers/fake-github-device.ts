/**
 * GitHub's device flow and the user-token endpoints the GitHub sign-in reads, as an
 * extension of the fake GitHub (test/helpers/fake-github.ts):
 *
 *   POST /login/device/code          device code (JSON with Accept: application/json, else a form, as GitHub)
 *   POST /login/oauth/access_token   authorization_pending, slow_down (polling faster than the
 *                                    interval, which then grows by 5 s), expired_token,
 *                                    access_denied, device_flow_disabled, incorrect_device_code, ...
 *   GET|POST /login/device           the page a person approves on: a form to enter the code,
 *                                    choose a user and Authorize or Cancel (a real browser fills it)
 *   GET /user, GET /repos/{o}/{r}, GET /orgs/{org}/teams/{slug}/memberships/{user}
 *                                    for the tokens this extension issued (others go to the core)
 *
 *   const device = new FakeDeviceFlow({ users: [{ login: "alice", repos: { "o/r": "write" } }] });
 *   const fake = await FakeGitHub.start({ token: "core", extensions: [device] });
 *   device.approve(userCode, "alice");   // or a browser at `${fake.url}/login/device`
 *
 * Rules follow GitHub's documentation: a public repository gives every user read; a private
 * one is visible to an OAuth App token only with the `repo` scope and to a GitHub App token
 * only where the app is installed; team memberships need `read:org` (OAuth App; 404 without,
 * with X-OAuth-Scopes saying what the token has) or "Members: read" (GitHub App; 403 without),
 * and are visible only to members of the organisation.
 */
import { randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { FakeExtension, FakeGitHub, FakeRequest, FakeRoute } from "./fake-github.js";

export const TEST_CLIENT_ID = "Iv1.preview0test0app";
const DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

export type FakeLevel = "none" | "read" | "triage" | "write" | "maintain" | "admin";

export interface FakeDeviceUser {
  readonly login: string;
  /** Permission per repository ("owner/name"); a public repository gives read to anyone. */
  readonly repos?: Readonly<Record<string, FakeLevel>>;
  /** Team memberships ("org/slug") and their state; the org's membership follows. */
  readonly teams?: Readonly<Record<string, "active" | "pending">>;
}

export interface FakeClient {
  readonly kind: "oauth-app" | "github-app";
  readonly deviceFlow: boolean;
  /** GitHub App: repositories ("owner/name") it is installed on. */
  readonly installedOn?: readonly string[];
  /** GitHub App: the organisation permission "Members: read". */
  readonly membersRead?: boolean;
}

export interface FakeDeviceOptions {
  readonly users: readonly FakeDeviceUser[];
  /** Default: the test client, an OAuth App with device flow enabled. */
  readonly clients?: Readonly<Record<string, FakeClient>>;
  /** Default: "o/r", public. */
  readonly repos?: Readonly<Record<string, { readonly private: boolean }>>;
  /** GitHub's is 5; may be fractional here so real-time tests stay fast. */
  readonly intervalSeconds?: number;
  readonly expiresInSeconds?: number;
  /** Time as the fake sees it (a test's virtual clock); default Date.now. */
  readonly now?: () => number;
}

export interface FakeGrant {
  readonly deviceCode: string;
  readonly userCode: string;
  readonly clientId: string;
  readonly scope: string;
  readonly issuedAt: number;
  expiresAt: number;
  /** Seconds; grows by 5 with each slow_down. */
  interval: number;
  lastPollAt: number;
  decision: { readonly approvedBy: string } | "denied" | undefined;
  redeemed: boolean;
  /** The next poll gets slow_down whatever its pace (GitHub under load). */
  slowDownNext: boolean;
  /** Each poll: when (the fake's time) and what it was answered. */
  readonly polls: { readonly at: number; readonly answer: string }[];
}

export interface FakeToken {
  readonly login: string;
  readonly scopes: readonly string[];
  readonly clientId: string;
}

type TokenUse = FakeToken & { readonly client: FakeClient | undefined };

const LEVELS: readonly FakeLevel[] = ["none", "read", "triage", "write", "maintain", "admin"];

function permissions(level: FakeLevel) {
  const at = LEVELS.indexOf(level);
  return {
    admin: at >= 5,
    maintain: at >= 4,
    push: at >= 3,
    triage: at >= 2,
    pull: at >= 1,
  };
}

function bearer(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization ?? "";
  const match = /^(?:bearer|token) (.+)$/i.exec(header);
  return match?.[1];
}

const esc = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

const normalCode = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, "");

export class FakeDeviceFlow implements FakeExtension {
  readonly grants: FakeGrant[] = [];
  readonly tokens = new Map<string, FakeToken>();
  readonly clients: Record<string, FakeClient>;
  readonly routes: readonly FakeRoute[];
  readonly #options: FakeDeviceOptions;
  readonly #users: Map<string, FakeDeviceUser>;
  readonly #repos: Map<string, { readonly private: boolean }>;
  #fake: FakeGitHub | undefined;

  constructor(options: FakeDeviceOptions) {
    this.#options = options;
    this.clients = { ...(options.clients ?? { [TEST_CLIENT_ID]: { kind: "oauth-app", deviceFlow: true } }) };
    this.#users = new Map(options.users.map((u) => [u.login.toLowerCase(), u]));
    this.#repos = new Map(
      Object.entries(options.repos ?? { "o/r": { private: false } }).map(([k, v]) => [k.toLowerCase(), v]),
    );
    const issued = (req: IncomingMessage) => {
      const token = bearer(req);
      return token !== undefined && this.tokens.has(token);
    };
    this.routes = [
      {
        method: "POST",
        pattern: /^\/login\/device\/code$/,
        name: "device-code",
        rawPath: true,
        public: true,
      },
      {
        method: "POST",
        pattern: /^\/login\/oauth\/access_token$/,
        name: "device-token",
        rawPath: true,
        public: true,
      },
      { method: "GET", pattern: /^\/login\/device$/, name: "device-page", rawPath: true, public: true },
      { method: "POST", pattern: /^\/login\/device$/, name: "device-approve", rawPath: true, public: true },
      { method: "GET", pattern: /^\/user$/, name: "token-user", public: true, claims: issued },
      {
        method: "GET",
        pattern: /^\/repos\/([^/]+)\/([^/]+)$/,
        name: "token-repo",
        public: true,
        claims: issued,
      },
      {
        method: "GET",
        pattern: /^\/orgs\/([^/]+)\/teams\/([^/]+)\/memberships\/([^/]+)$/,
        name: "token-team-membership",
        public: true,
        claims: issued,
      },
    ];
  }

  attach(fake: FakeGitHub): void {
    this.#fake = fake;
  }

  #now(): number {
    return (this.#options.now ?? Date.now)();
  }

  /** The grant with this user code (any case, with or without the dash). */
  grant(userCode: string): FakeGrant {
    const grant = this.grants.find((g) => normalCode(g.userCode) === normalCode(userCode));
    if (!grant) throw new Error(`fake-github-device: no grant with user code ${userCode}`);
    return grant;
  }

  /** What a person does at /login/device, without a browser. */
  approve(userCode: string, login: string): void {
    if (!this.#users.has(login.toLowerCase())) throw new Error(`fake-github-device: no user ${login}`);
    this.grant(userCode).decision = { approvedBy: login };
  }

  deny(userCode: string): void {
    this.grant(userCode).decision = "denied";
  }

  /** The next poll is answered slow_down (and the interval grows by 5 s), however paced. */
  slowDown(userCode: string): void {
    this.grant(userCode).slowDownNext = true;
  }

  expire(userCode: string): void {
    this.grant(userCode).expiresAt = this.#now() - 1;
  }

  /** A token as if `login` had signed in to `clientId` (for Authorization: Bearer tests). */
  issueToken(login: string, scopes: readonly string[] = [], clientId = TEST_CLIENT_ID): string {
    const kind = this.clients[clientId]?.kind ?? "oauth-app";
    const token = `${kind === "github-app" ? "ghu" : "gho"}_${randomBytes(18).toString("base64url")}`;
    this.tokens.set(token, { login, scopes, clientId });
    return token;
  }

  handle(route: string, request: FakeRequest) {
    switch (route) {
      case "device-code":
        return this.#deviceCode(request);
      case "device-token":
        return this.#token(request);
      case "device-page":
        return this.#page(request, request.url.searchParams.get("user_code") ?? "", undefined);
      case "device-approve":
        return this.#approveForm(request);
      case "token-user":
        return this.#user(request);
      case "token-repo":
        return this.#repo(request);
      case "token-team-membership":
        return this.#membership(request);
    }
  }

  #form(request: FakeRequest): Record<string, string> {
    return (typeof request.body === "object" && request.body !== null ? request.body : {}) as Record<
      string,
      string
    >;
  }

  #deviceCode(request: FakeRequest) {
    const { client_id: clientId = "", scope = "" } = this.#form(request);
    const client = this.clients[clientId];
    if (!client) return request.send(404, { error: "Not Found" });
    if (!client.deviceFlow) {
      return request.send(400, {
        error: "device_flow_disabled",
        error_description: "Device Flow must be explicitly enabled for this App",
        error_uri: "https://docs.github.com",
      });
    }
    const now = this.#now();
    const interval = this.#options.intervalSeconds ?? 5;
    const letters = "BCDFGHJKLMNPQRSTVWXZ";
    const pick = () => Array.from(randomBytes(4), (b) => letters[b % letters.length] as string).join("");
    const grant: FakeGrant = {
      deviceCode: randomBytes(20).toString("hex"),
      userCode: `${pick()}-${pick()}`,
      clientId,
      scope,
      issuedAt: now,
      expiresAt: now + (this.#options.expiresInSeconds ?? 900) * 1000,
      interval,
      // The first poll must wait an interval too.
      lastPollAt: now,
      decision: undefined,
      redeemed: false,
      slowDownNext: false,
      polls: [],
    };
    this.grants.push(grant);
    const data = {
      device_code: grant.deviceCode,
      user_code: grant.userCode,
      verification_uri: `${this.#fake?.url ?? ""}/login/device`,
      expires_in: this.#options.expiresInSeconds ?? 900,
      interval,
    };
    this.#answer(request, data);
  }

  /** JSON when asked for (Accept: application/json), else form-encoded: GitHub's default. */
  #answer(request: FakeRequest, data: Record<string, string | number>) {
    if ((request.req.headers.accept ?? "").includes("application/json")) return request.send(200, data);
    const form = new URLSearchParams(Object.entries(data).map(([k, v]): [string, string] => [k, String(v)]));
    request.sendRaw(200, form.toString(), {
      "content-type": "application/x-www-form-urlencoded; charset=utf-8",
    });
  }

  #token(request: FakeRequest) {
    const {
      client_id: clientId = "",
      device_code: deviceCode = "",
      grant_type: grantType = "",
    } = this.#form(request);
    const error = (code: string, extra: Record<string, string | number> = {}) =>
      this.#answer(request, { error: code, error_description: code.replaceAll("_", " "), ...extra });
    const client = this.clients[clientId];
    if (!client) return error("incorrect_client_credentials");
    if (!client.deviceFlow) return error("device_flow_disabled");
    if (grantType !== DEVICE_GRANT) return error("unsupported_grant_type");
    const grant = this.grants.find((g) => g.deviceCode === deviceCode && g.clientId === clientId);
    if (!grant || grant.redeemed) return error("incorrect_device_code");
    const now = this.#now();
    const answer = (code: string) => grant.polls.push({ at: now, answer: code });
    if (now >= grant.expiresAt) {
      answer("expired_token");
      return error("expired_token");
    }
    const tooSoon = now - grant.lastPollAt < grant.interval * 1000 || grant.slowDownNext;
    grant.lastPollAt = now;
    grant.slowDownNext = false;
    if (tooSoon) {
      grant.interval += 5;
      answer("slow_down");
      return error("slow_down", { interval: grant.interval });
    }
    if (grant.decision === "denied") {
      answer("access_denied");
      return error("access_denied");
    }
    if (grant.decision === undefined) {
      answer("authorization_pending");
      return error("authorization_pending");
    }
    grant.redeemed = true;
    answer("token");
    const scopes = grant.scope.split(/[\s,]+/).filter((s) => s !== "");
    const token = this.issueToken(grant.decision.approvedBy, scopes, clientId);
    this.#answer(request, { access_token: token, token_type: "bearer", scope: scopes.join(",") });
  }

  #page(request: FakeRequest, code: string, message: string | undefined) {
    const users = [...this.#users.values()]
      .map((u) => `<option value="${esc(u.login)}">${esc(u.login)}</option>`)
      .join("");
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Device activation (fake GitHub)</title></head>
<body><h1>Device activation</h1>${message ? `<p id="message">${esc(message)}</p>` : ""}
<form method="post" action="/login/device">
<label>Code <input id="user-code" name="user_code" value="${esc(code)}" autocomplete="off"></label>
<label>Account <select id="account" name="login">${users}</select></label>
<button id="authorize" name="decision" value="approve">Authorize</button>
<button id="cancel" name="decision" value="deny">Cancel</button>
</form></body></html>`;
    request.sendRaw(message ? 404 : 200, html, { "content-type": "text/html; charset=utf-8" });
  }

  #approveForm(request: FakeRequest) {
    const { user_code: code = "", login = "", decision = "" } = this.#form(request);
    const grant = this.grants.find((g) => normalCode(g.userCode) === normalCode(code));
    if (!grant || grant.redeemed || grant.decision !== undefined || this.#now() >= grant.expiresAt) {
      return this.#page(request, code, "That code is not valid, or was already used.");
    }
    if (decision === "approve") {
      if (!this.#users.has(login.toLowerCase())) return this.#page(request, code, `No user ${login}.`);
      grant.decision = { approvedBy: login };
    } else {
      grant.decision = "denied";
    }
    const text =
      decision === "approve"
        ? "Congratulations, you're all set! Your device is now connected."
        : "Authorization cancelled.";
    request.sendRaw(200, `<!doctype html><html><body><h1 id="done">${esc(text)}</h1></body></html>`, {
      "content-type": "text/html; charset=utf-8",
    });
  }

  #tokenOf(request: FakeRequest): TokenUse {
    const token = this.tokens.get(bearer(request.req) ?? "") as FakeToken;
    return { ...token, client: this.clients[token.clientId] };
  }

  /** X-OAuth-Scopes, as GitHub sends for OAuth App tokens (GitHub App tokens get none). */
  #scopeHeaders(token: TokenUse): Record<string, string> {
    return token.client?.kind === "github-app" ? {} : { "x-oauth-scopes": token.scopes.join(", ") };
  }

  #user(request: FakeRequest) {
    const token = this.#tokenOf(request);
    request.send(
      200,
      { login: token.login, id: 5000 + token.login.length, type: "User" },
      this.#scopeHeaders(token),
    );
  }

  #repo(request: FakeRequest) {
    const token = this.#tokenOf(request);
    const [owner = "", name = ""] = request.params;
    const full = `${owner}/${name}`;
    const repo = this.#repos.get(full.toLowerCase());
    const user = this.#users.get(token.login.toLowerCase());
    const level: FakeLevel = user?.repos?.[full] ?? (repo && !repo.private ? "read" : "none");
    const visible =
      repo !== undefined &&
      (!repo.private ||
        (level !== "none" &&
          (token.client?.kind === "github-app"
            ? (token.client.installedOn ?? []).includes(full)
            : token.scopes.includes("repo"))));
    const headers = this.#scopeHeaders(token);
    if (!visible) return request.send(404, { message: "Not Found" }, headers);
    request.send(
      200,
      {
        id: 700,
        name,
        full_name: full,
        private: repo.private,
        owner: { login: owner },
        permissions: permissions(level),
      },
      headers,
    );
  }

  #membership(request: FakeRequest) {
    const token = this.#tokenOf(request);
    const [org = "", slug = "", username = ""] = request.params;
    const headers = this.#scopeHeaders(token);
    if (token.client?.kind === "github-app") {
      if (!token.client.membersRead) {
        return request.send(403, { message: "Resource not accessible by integration" }, headers);
      }
    } else if (!token.scopes.some((s) => ["read:org", "write:org", "admin:org"].includes(s))) {
      return request.send(404, { message: "Not Found" }, headers);
    }
    const inOrg = (login: string) =>
      Object.keys(this.#users.get(login.toLowerCase())?.teams ?? {}).some((t) =>
        t.toLowerCase().startsWith(`${org.toLowerCase()}/`),
      );
    if (!inOrg(token.login)) return request.send(404, { message: "Not Found" }, headers);
    const state = Object.entries(this.#users.get(username.toLowerCase())?.teams ?? {}).find(
      ([team]) => team.toLowerCase() === `${org}/${slug}`.toLowerCase(),
    )?.[1];
    if (!state) return request.send(404, { message: "Not Found" }, headers);
    request.send(
      200,
      { url: `${this.#fake?.url}/organizations/1/team/2/memberships/${username}`, role: "member", state },
      headers,
    );
  }
}
