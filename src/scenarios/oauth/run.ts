/**
 * Drives one OAuth login through the preview's PUBLIC URL like a browser: a cookie jar,
 * redirects followed by hand, the gate's Authorization on the app's requests (the identity
 * provider under /__preview/idp is exempt from the gate's login and gets none).
 *
 *   1. GET start          -> must redirect to <public URL>/__preview/idp/authorize with a
 *                            redirect_uri on the public URL, a state and PKCE (S256)
 *   2. GET /authorize     + login_hint=<user> (or "deny") -> the provider redirects back
 *   3. GET the callback   (its state changed with tamper-state) -> callback-status
 *   4. replay-callback:   the same callback again -> replay-status
 *   5. GET check          -> the scenario's `expect` (the session shows the user, or none)
 *
 * Every difference is a Mismatch (expected vs actual); a step that makes the rest meaningless
 * (no redirect, a wrong redirect_uri) ends the flow there.
 */

import { statusAccepted } from "../../config/parse.js";
import { errorMessage } from "../../errors.js";
import { DENY_HINT, IDP_MOUNT_PATH } from "../../idp/index.js";
import { checkReply, excerpt, type Mismatch } from "../expect.js";
import { type agentsFor, type Sent, send } from "../http.js";
import type { TemplateVars } from "../template.js";
import type { Scenario } from "../types.js";
import { CookieJar } from "./jar.js";
import type { OAuthFlow } from "./types.js";

/** Where the gate serves the preview's identity provider. */
export const IDP_PATH = IDP_MOUNT_PATH;
const MAX_APP_REDIRECTS = 5;

export interface OAuthStep {
  /** "start", "authorize", "callback", "replay", "check", or "redirect" (followed after the callback). */
  readonly step: string;
  /** Path and query as requested (the query's code and state shortened). */
  readonly request: string;
  readonly status: number | undefined;
  /** Where it redirected, when it did. */
  readonly location: string | undefined;
}

export interface OAuthOutcome {
  readonly mismatches: Mismatch[];
  readonly steps: OAuthStep[];
  /** No response to a request: refused, reset, timed out or cancelled. */
  readonly error: string | undefined;
  /** The last response's status, or undefined when the first request got none. */
  readonly status: number | undefined;
  /** Of the response the first mismatch is about (or the last one). */
  readonly responseExcerpt: string;
  readonly latencyMs: number;
}

export interface OAuthRunOptions {
  readonly baseUrl: string;
  readonly authHeader: string | undefined;
  readonly vars: TemplateVars;
  readonly agents: ReturnType<typeof agentsFor>;
  readonly timeoutMs: number;
  readonly signal: AbortSignal | undefined;
}

const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\]|0\.0\.0\.0|\[::\])$/i;

/** A URL for a report: path and query, with long values (codes, states, challenges) cut short. */
function shown(url: URL, origin: string): string {
  const copy = new URL(url.href);
  for (const [name, value] of copy.searchParams) {
    if (value.length > 16 && name !== "redirect_uri") copy.searchParams.set(name, `${value.slice(0, 8)}…`);
  }
  const text = copy.origin === origin ? copy.pathname + copy.search : copy.href;
  return decodeURIComponent(text);
}

class Browser {
  readonly jar = new CookieJar();
  readonly steps: OAuthStep[] = [];
  latencyMs = 0;
  last: Sent | undefined;

  constructor(
    private readonly options: OAuthRunOptions,
    private readonly origin: string,
    private readonly timeoutMs: number,
  ) {}

  /** GET like a browser: the jar's cookies, and the gate's credentials unless it is the provider. */
  async get(step: string, url: URL): Promise<{ reply: Sent; location: URL | undefined }> {
    const headers: Record<string, string> = {};
    const sameOrigin = url.origin === this.origin;
    const cookie = sameOrigin ? this.jar.header() : undefined;
    if (cookie) headers.Cookie = cookie;
    if (sameOrigin && this.options.authHeader && !url.pathname.startsWith(IDP_PATH)) {
      headers.Authorization = this.options.authHeader;
    }
    const request = shown(url, this.origin);
    let reply: Sent;
    try {
      reply = await send(url.href, {
        method: "GET",
        headers,
        body: Buffer.alloc(0),
        agents: this.options.agents,
        timeoutMs: this.timeoutMs,
        ...(this.options.signal ? { signal: this.options.signal } : {}),
      });
    } catch (error) {
      this.steps.push({ step, request, status: undefined, location: undefined });
      throw new NoResponse(`no response to GET ${request} (${step}): ${errorMessage(error)}`);
    }
    this.latencyMs += reply.latencyMs;
    this.last = reply;
    if (sameOrigin) this.jar.store(reply.headers["set-cookie"]);
    const raw = reply.headers.location;
    const location = reply.status >= 300 && reply.status < 400 && raw ? new URL(raw, url) : undefined;
    this.steps.push({
      step,
      request,
      status: reply.status,
      location: location && shown(location, this.origin),
    });
    return { reply, location };
  }
}

class NoResponse extends Error {}

export async function runOAuthFlow(
  s: Scenario,
  flow: OAuthFlow,
  options: OAuthRunOptions,
): Promise<OAuthOutcome> {
  const base = options.baseUrl.replace(/\/+$/, "");
  const origin = new URL(base).origin;
  const authorizeEndpoint = `${base}${IDP_PATH}/authorize`;
  const browser = new Browser(options, origin, s.timeoutMs ?? options.timeoutMs);
  const mismatches: Mismatch[] = [];
  let failedExcerpt: string | undefined;
  const fail = (m: Mismatch, reply?: Sent) => {
    mismatches.push(m);
    if (failedExcerpt === undefined && reply) failedExcerpt = excerpt(reply.body);
  };
  const outcome = (error?: string): OAuthOutcome => ({
    mismatches,
    steps: browser.steps,
    error,
    status: browser.last?.status,
    responseExcerpt: failedExcerpt ?? (browser.last ? excerpt(browser.last.body) : ""),
    latencyMs: browser.latencyMs,
  });

  try {
    // 1. The app's login start must send the browser to our /authorize.
    const start = await browser.get("start", new URL(base + flow.start));
    if (!start.location) {
      fail(
        {
          what: `GET ${flow.start}`,
          expected: `a redirect (3xx) to the identity provider ${authorizeEndpoint}`,
          actual: `${start.reply.status} without a redirect`,
        },
        start.reply,
      );
      return outcome();
    }
    const authorize = start.location;
    if (authorize.origin + authorize.pathname !== authorizeEndpoint) {
      fail({
        what: `GET ${flow.start} redirect`,
        expected: `to the preview's identity provider ${authorizeEndpoint}`,
        actual: `${authorize.origin}${authorize.pathname} (is OIDC_ISSUER passed on to the app?)`,
      });
      return outcome();
    }
    const params = authorize.searchParams;
    const redirectUri = params.get("redirect_uri");
    const redirect = redirectUri && URL.canParse(redirectUri) ? new URL(redirectUri) : undefined;
    const wantedRedirect = `${origin}${flow.redirectPath ?? redirect?.pathname ?? "/auth/callback"}`;
    if (!redirectUri || !redirect) {
      fail({
        what: "redirect_uri",
        expected: `a URL on the public URL, ${wantedRedirect}`,
        actual: redirectUri ? JSON.stringify(redirectUri) : "absent",
      });
    } else if (redirect.origin !== origin) {
      const local = LOOPBACK.test(redirect.hostname);
      fail({
        what: "redirect_uri",
        expected: `on the public URL, ${wantedRedirect}`,
        actual: local
          ? `${redirectUri}: a localhost redirect URI (the classic bug: the app builds it from the address it listens on or the request's Host; behind the tunnel it must be the public URL, e.g. from OIDC_REDIRECT_URI)`
          : `${redirectUri}: not on the public URL ${origin} (the provider accepts only the registered redirect URIs)`,
      });
    } else if (flow.redirectPath !== undefined && redirect.pathname !== flow.redirectPath) {
      fail({ what: "redirect_uri path", expected: flow.redirectPath, actual: redirect.pathname });
    }
    const state = params.get("state");
    if (!state) {
      fail({
        what: "state",
        expected:
          "a state in the authorization request (it ties the callback to this browser: CSRF protection)",
        actual: "absent",
      });
    }
    const challenge = params.get("code_challenge");
    const method = params.get("code_challenge_method");
    if (!challenge) {
      fail({
        what: "PKCE",
        expected: "code_challenge with code_challenge_method=S256",
        actual: "no code_challenge",
      });
    } else if (method !== "S256") {
      fail({
        what: "PKCE code_challenge_method",
        expected: "S256",
        actual: method === null ? "absent (that is plain)" : JSON.stringify(method),
      });
    }
    if (mismatches.length > 0 || !state) return outcome();

    // 2. The provider signs the user in (or is refused consent) and redirects back.
    const hinted = new URL(authorize.href);
    hinted.searchParams.set("login_hint", flow.negative === "deny" ? DENY_HINT : (flow.user ?? ""));
    const consent = await browser.get("authorize", hinted);
    if (!consent.location) {
      fail(
        {
          what: "identity provider",
          expected: `a redirect back to ${redirectUri}`,
          actual: `${consent.reply.status}: ${excerpt(consent.reply.body)
            .replace(/<[^>]*>/g, " ")
            .replace(/\s+/g, " ")
            .trim()
            .slice(0, 300)}`,
        },
        consent.reply,
      );
      return outcome();
    }
    const callback = new URL(consent.location.href);
    const error = callback.searchParams.get("error");
    if (flow.negative !== "deny" && error !== null) {
      const description = callback.searchParams.get("error_description");
      fail({
        what: "identity provider",
        expected: `a code for ${flow.user}`,
        actual: `error=${error}${description ? ` (${description})` : ""}`,
      });
      return outcome();
    }
    if (flow.negative === "tamper-state") callback.searchParams.set("state", `${state}-tampered`);

    // 3. The app's callback.
    const what =
      flow.negative === "deny"
        ? "callback after denied consent: status"
        : flow.negative === "tamper-state"
          ? "callback with a wrong state: status"
          : "callback status";
    const answered = await browser.get("callback", callback);
    if (!statusAccepted(flow.callbackStatus.ranges, answered.reply.status)) {
      const hint =
        flow.negative === "deny" || flow.negative === "tamper-state" ? " (the app did not refuse it)" : "";
      fail(
        { what, expected: flow.callbackStatus.text, actual: `${answered.reply.status}${hint}` },
        answered.reply,
      );
    }
    // Like a browser, follow the app's own redirects after the callback (to its home page).
    let next = answered.location;
    for (let i = 0; next && i < MAX_APP_REDIRECTS; i++) {
      if (next.origin !== origin || next.pathname.startsWith(IDP_PATH)) break;
      next = (await browser.get("redirect", next)).location;
    }

    // 4. The same callback again must be refused.
    if (flow.negative === "replay-callback") {
      const replay = await browser.get("replay", consent.location);
      if (!statusAccepted(flow.replayStatus.ranges, replay.reply.status)) {
        fail(
          {
            what: "replayed callback: status",
            expected: flow.replayStatus.text,
            actual: `${replay.reply.status} (the app accepted the same callback twice)`,
          },
          replay.reply,
        );
      }
    }

    // 5. What the session shows.
    if (flow.check !== undefined) {
      const checked = await browser.get("check", new URL(base + flow.check));
      const refused = flow.negative === "deny" || flow.negative === "tamper-state";
      const label = `GET ${flow.check}${refused ? " (no session expected)" : ""}`;
      const found = checkReply(s.expect, { ...checked.reply }, options.vars);
      for (const m of found) fail({ ...m, what: `${label}: ${m.what}` }, checked.reply);
    }
    return outcome();
  } catch (error) {
    if (error instanceof NoResponse) return outcome(error.message);
    throw error;
  }
}
