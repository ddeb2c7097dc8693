/**
 * User auth: Basic (browsers prompt), Bearer, or none; plus one-time login links that turn
 * into a session cookie, so a reviewer can open the preview with one click. Credentials are
 * compared in constant time by a SecretMatcher, sessions and login tokens looked up by their
 * SHA-256 digest, so neither a secret's content nor its length leaks through timing.
 */

import { randomBytes } from "node:crypto";
import { SecretMatcher, sha256Base64 } from "../util/secure-compare.js";
import type { Exchange } from "./exchange.js";
import { reply } from "./respond.js";
import { cookieValues, SESSION_COOKIE } from "./session-cookie.js";
import type { GateAuth } from "./settings.js";

const SESSION_TTL_MS = 24 * 3600_000;
/** Bounds on what unauthenticated or careless use can make the gate remember. */
const MAX_SESSIONS = 10_000;
const MAX_LOGIN_TOKENS = 1000;

export type AuthResult =
  | { readonly ok: true; readonly via: "header" | "session" | "none" }
  | { readonly ok: false; readonly reason: string; readonly challenge: string };

function digestKey(value: string): string {
  return sha256Base64(value);
}

export class Authenticator {
  readonly #auth: GateAuth;
  /** "user:password" (basic) or the token (bearer). */
  readonly #expected: SecretMatcher | undefined;
  readonly #challenge: string;
  /** Keyed by the digest of the secret value, so a lookup's timing depends on the hash only. */
  readonly #sessions = new Map<string, number>();
  readonly #loginTokens = new Set<string>();

  readonly #onMinted: (secret: string) => void;

  /** `onMinted` is told every login token and session id made (to keep them out of reports). */
  constructor(auth: GateAuth, onMinted: (secret: string) => void = () => undefined) {
    this.#auth = auth;
    this.#onMinted = onMinted;
    if (auth.mode === "basic") {
      this.#expected = new SecretMatcher(Buffer.from(`${auth.username}:${auth.password}`, "utf8"));
      this.#challenge = 'Basic realm="preview", charset="UTF-8"';
    } else if (auth.mode === "bearer" || auth.mode === "github") {
      // github: the run's own token; the sign-in (github-signin/) answers everyone else.
      this.#expected = new SecretMatcher(Buffer.from(auth.token, "utf8"));
      this.#challenge = 'Bearer realm="preview"';
    } else {
      this.#expected = undefined;
      this.#challenge = "";
    }
  }

  get mode(): GateAuth["mode"] {
    return this.#auth.mode;
  }

  /** Checks the session cookie first (a browser after a login link), then Authorization. */
  check(request: {
    readonly authorization: string | undefined;
    readonly cookie: string | undefined;
  }): AuthResult {
    if (this.#expected === undefined) return { ok: true, via: "none" };
    const cookie = request.cookie;
    if (cookie?.includes(SESSION_COOKIE) && this.#hasSession(cookie)) return { ok: true, via: "session" };
    const header = request.authorization;
    if (header === undefined) return this.#fail("credentials required");
    const space = header.indexOf(" ");
    const scheme = header.slice(0, space).toLowerCase();
    const value = header.slice(space + 1).trim();
    if (this.#auth.mode === "basic") {
      if (space === -1 || scheme !== "basic") return this.#fail("use Basic credentials");
      return this.#expected.matches(value, "base64")
        ? { ok: true, via: "header" }
        : this.#fail("wrong credentials");
    }
    if (space === -1 || scheme !== "bearer") return this.#fail("use a Bearer token");
    return this.#expected.matches(value, "utf8")
      ? { ok: true, via: "header" }
      : { ok: false, reason: "wrong token", challenge: `${this.#challenge}, error="invalid_token"` };
  }

  #fail(reason: string): AuthResult {
    return { ok: false, reason, challenge: this.#challenge };
  }

  #hasSession(cookieHeader: string): boolean {
    const now = Date.now();
    for (const value of cookieValues(cookieHeader, SESSION_COOKIE)) {
      const key = digestKey(value);
      const expires = this.#sessions.get(key);
      if (expires === undefined) continue;
      if (expires > now) return true;
      this.#sessions.delete(key);
    }
    return false;
  }

  /** A new single-use login token (for `/__preview/login?token=...`). */
  createLoginToken(): string {
    const token = randomBytes(32).toString("base64url");
    if (this.#loginTokens.size >= MAX_LOGIN_TOKENS) {
      const oldest = this.#loginTokens.values().next().value;
      if (oldest !== undefined) this.#loginTokens.delete(oldest);
    }
    this.#loginTokens.add(digestKey(token));
    this.#onMinted(token);
    return token;
  }

  /** `/__preview/login?token=...`: a valid unused token becomes a session cookie and a 303 to `/`. */
  login(ex: Exchange): void {
    const res = ex.res;
    if (!res) {
      reply(ex, 400, "the login link cannot be used for a WebSocket");
      return;
    }
    // Only a GET spends the token: a HEAD from a link checker must not use it up.
    if (ex.req.method !== "GET") {
      reply(ex, 405, "the login link is opened with GET", { allow: "GET" });
      return;
    }
    const url = ex.req.url ?? "";
    const query = url.indexOf("?");
    const token = query === -1 ? "" : (new URLSearchParams(url.slice(query + 1)).get("token") ?? "");
    const redirect = { location: "/", "referrer-policy": "no-referrer" };
    if (this.#auth.mode === "none") {
      reply(ex, 303, "no login needed, see /", redirect);
      return;
    }
    const key = digestKey(token);
    if (token !== "" && this.#loginTokens.delete(key)) {
      const session = this.#newSession();
      reply(ex, 303, "logged in, see /", {
        ...redirect,
        "set-cookie": `${SESSION_COOKIE}=${session}; Path=/; Max-Age=${SESSION_TTL_MS / 1000}; Secure; HttpOnly; SameSite=Lax`,
      });
      return;
    }
    // A used link opened again by someone already logged in is not an error.
    if (this.check(ex.basics).ok) {
      reply(ex, 303, "already logged in, see /", redirect);
      return;
    }
    reply(
      ex,
      401,
      "this login link is not valid or was already used; ask for a new one or use the credentials",
      {
        "www-authenticate": this.#challenge,
      },
    );
  }

  #newSession(): string {
    const id = randomBytes(32).toString("base64url");
    if (this.#sessions.size >= MAX_SESSIONS) {
      const oldest = this.#sessions.keys().next().value;
      if (oldest !== undefined) this.#sessions.delete(oldest);
    }
    this.#sessions.set(digestKey(id), Date.now() + SESSION_TTL_MS);
    this.#onMinted(id);
    return id;
  }
}

/**
 * What a client (the test command, the scenario runner) needs to get through the gate: the
 * environment variables PREVIEW_USERNAME/PREVIEW_PASSWORD or PREVIEW_TOKEN, and
 * PREVIEW_AUTH_HEADER, a ready Authorization header value. Empty for auth: none.
 */
export function clientCredentials(auth: GateAuth): Record<string, string> {
  if (auth.mode === "basic") {
    return {
      PREVIEW_USERNAME: auth.username,
      PREVIEW_PASSWORD: auth.password,
      PREVIEW_AUTH_HEADER: `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString("base64")}`,
    };
  }
  if (auth.mode === "bearer" || auth.mode === "github")
    return { PREVIEW_TOKEN: auth.token, PREVIEW_AUTH_HEADER: `Bearer ${auth.token}` };
  return {};
}
