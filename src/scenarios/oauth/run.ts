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

import { errorMessage } from "../../errors.js";
import { DENY_HINT } from "../../idp/index.js";
import { excerpt } from "../expect.js";
import { type agentsFor, type Sent, send } from "../http.js";
import type { Mismatch } from "../mismatch.js";
import type { TemplateVars } from "../template.js";
import type { Scenario } from "../types.js";
import {
  callbackMismatch,
  checkAuthorizationRequest,
  endpoints,
  IDP_PATH,
  notSentBack,
  notSentToProvider,
  providerError,
  replayMismatch,
  sessionMismatches,
  shown,
} from "./checks.js";
import { CookieJar } from "./jar.js";
import type { OAuthFlow, OAuthOutcome, OAuthStep } from "./types.js";

export { IDP_PATH } from "./checks.js";
export type { OAuthOutcome, OAuthStep } from "./types.js";

const MAX_APP_REDIRECTS = 5;

export interface OAuthRunOptions {
  readonly baseUrl: string;
  readonly authHeader: string | undefined;
  readonly vars: TemplateVars;
  readonly agents: ReturnType<typeof agentsFor>;
  readonly timeoutMs: number;
  readonly signal: AbortSignal | undefined;
}

class Client {
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
  const at = endpoints(options.baseUrl);
  const client = new Client(options, at.origin, s.timeoutMs ?? options.timeoutMs);
  const mismatches: Mismatch[] = [];
  let failedExcerpt: string | undefined;
  const fail = (m: Mismatch | undefined, reply?: Sent) => {
    if (m === undefined) return;
    mismatches.push(m);
    if (failedExcerpt === undefined && reply) failedExcerpt = excerpt(reply.body, options.vars.redact);
  };
  const outcome = (error?: string): OAuthOutcome => ({
    mismatches,
    steps: client.steps,
    error,
    status: client.last?.status,
    responseExcerpt: failedExcerpt ?? (client.last ? excerpt(client.last.body, options.vars.redact) : ""),
    latencyMs: client.latencyMs,
  });

  try {
    // 1. The app's login start must send the browser to our /authorize.
    const start = await client.get("start", new URL(at.base + flow.start));
    if (!start.location) {
      fail(notSentToProvider(flow, at, `${start.reply.status} without a redirect`), start.reply);
      return outcome();
    }
    const request = checkAuthorizationRequest(flow, start.location, at);
    for (const m of request.mismatches) fail(m);
    if (mismatches.length > 0 || !request.state) return outcome();
    const { state } = request;

    // 2. The provider signs the user in (or is refused consent) and redirects back.
    const hinted = new URL(start.location.href);
    hinted.searchParams.set("login_hint", flow.negative === "deny" ? DENY_HINT : (flow.user ?? ""));
    const consent = await client.get("authorize", hinted);
    if (!consent.location) {
      fail(
        notSentBack(
          request.redirectUri,
          consent.reply.status,
          excerpt(consent.reply.body, options.vars.redact),
        ),
        consent.reply,
      );
      return outcome();
    }
    const callback = new URL(consent.location.href);
    const refusal = providerError(flow, callback);
    if (refusal) {
      fail(refusal);
      return outcome();
    }
    if (flow.negative === "tamper-state") callback.searchParams.set("state", `${state}-tampered`);

    // 3. The app's callback.
    const answered = await client.get("callback", callback);
    fail(callbackMismatch(flow, answered.reply.status), answered.reply);
    // Like a browser, follow the app's own redirects after the callback (to its home page).
    let next = answered.location;
    for (let i = 0; next && i < MAX_APP_REDIRECTS; i++) {
      if (next.origin !== at.origin || next.pathname.startsWith(IDP_PATH)) break;
      next = (await client.get("redirect", next)).location;
    }

    // 4. The same callback again must be refused.
    if (flow.negative === "replay-callback") {
      const replay = await client.get("replay", consent.location);
      fail(replayMismatch(flow, replay.reply.status), replay.reply);
    }

    // 5. What the session shows.
    if (flow.check !== undefined) {
      const checked = await client.get("check", new URL(at.base + flow.check));
      for (const m of sessionMismatches(s, flow, { ...checked.reply }, options.vars)) fail(m, checked.reply);
    }
    return outcome();
  } catch (error) {
    if (error instanceof NoResponse) return outcome(error.message);
    throw error;
  }
}
