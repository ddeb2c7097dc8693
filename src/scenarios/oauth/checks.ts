/**
 * What an OAuth scenario checks at each step of the login, shared by the scripted login
 * (run.ts) and the real browser (browser-run.ts): the authorization request the app sends the
 * browser to, the provider's answer, the callback's status, the replay's, and what the
 * session shows. Each difference is a Mismatch (expected vs actual).
 */

import { IDP_MOUNT_PATH } from "../../idp/index.js";
import { statusAccepted } from "../../util/parse.js";
import { checkReply, type Reply } from "../expect.js";
import type { Mismatch } from "../mismatch.js";
import type { TemplateVars } from "../template.js";
import type { Scenario } from "../types.js";
import type { OAuthFlow } from "./types.js";

/** Where the gate serves the preview's identity provider. */
export const IDP_PATH = IDP_MOUNT_PATH;

const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\]|0\.0\.0\.0|\[::\])$/i;

/** The preview's public URL and the identity provider's /authorize on it. */
export interface Endpoints {
  /** Without a trailing slash. */
  readonly base: string;
  readonly origin: string;
  readonly authorize: string;
}

export function endpoints(baseUrl: string): Endpoints {
  const base = baseUrl.replace(/\/+$/, "");
  return { base, origin: new URL(base).origin, authorize: `${base}${IDP_PATH}/authorize` };
}

/** A URL for a report: path and query, with long values (codes, states, challenges) cut short. */
export function shown(url: URL, origin: string): string {
  const copy = new URL(url.href);
  for (const [name, value] of copy.searchParams) {
    if (value.length > 16 && name !== "redirect_uri") copy.searchParams.set(name, `${value.slice(0, 8)}…`);
  }
  const text = copy.origin === origin ? copy.pathname + copy.search : copy.href;
  return decodeURIComponent(text);
}

/** The start path did not send the browser to the identity provider at all. */
export function notSentToProvider(flow: OAuthFlow, at: Endpoints, actual: string): Mismatch {
  return {
    what: `GET ${flow.start}`,
    expected: `a redirect (3xx) to the identity provider ${at.authorize}`,
    actual,
  };
}

export interface AuthorizationCheck {
  readonly mismatches: Mismatch[];
  readonly state: string | undefined;
  readonly redirectUri: string | undefined;
}

/**
 * The authorization request the app sent the browser to: the preview's own /authorize, with a
 * redirect_uri on the PUBLIC URL (a localhost one is the classic bug), a state, PKCE with S256.
 */
export function checkAuthorizationRequest(
  flow: OAuthFlow,
  authorize: URL,
  at: Endpoints,
): AuthorizationCheck {
  const mismatches: Mismatch[] = [];
  if (authorize.origin + authorize.pathname !== at.authorize) {
    mismatches.push({
      what: `GET ${flow.start} redirect`,
      expected: `to the preview's identity provider ${at.authorize}`,
      actual: `${authorize.origin}${authorize.pathname} (is OIDC_ISSUER passed on to the app?)`,
    });
    return { mismatches, state: undefined, redirectUri: undefined };
  }
  const params = authorize.searchParams;
  const redirectUri = params.get("redirect_uri");
  const redirect = redirectUri && URL.canParse(redirectUri) ? new URL(redirectUri) : undefined;
  const wantedRedirect = `${at.origin}${flow.redirectPath ?? redirect?.pathname ?? "/auth/callback"}`;
  if (!redirectUri || !redirect) {
    mismatches.push({
      what: "redirect_uri",
      expected: `a URL on the public URL, ${wantedRedirect}`,
      actual: redirectUri ? JSON.stringify(redirectUri) : "absent",
    });
  } else if (redirect.origin !== at.origin) {
    const local = LOOPBACK.test(redirect.hostname);
    mismatches.push({
      what: "redirect_uri",
      expected: `on the public URL, ${wantedRedirect}`,
      actual: local
        ? `${redirectUri}: a localhost redirect URI (the classic bug: the app builds it from the address it listens on or the request's Host; behind the tunnel it must be the public URL, e.g. from OIDC_REDIRECT_URI)`
        : `${redirectUri}: not on the public URL ${at.origin} (the provider accepts only the registered redirect URIs)`,
    });
  } else if (flow.redirectPath !== undefined && redirect.pathname !== flow.redirectPath) {
    mismatches.push({ what: "redirect_uri path", expected: flow.redirectPath, actual: redirect.pathname });
  }
  const state = params.get("state");
  if (!state) {
    mismatches.push({
      what: "state",
      expected:
        "a state in the authorization request (it ties the callback to this browser: CSRF protection)",
      actual: "absent",
    });
  }
  const challenge = params.get("code_challenge");
  const method = params.get("code_challenge_method");
  if (!challenge) {
    mismatches.push({
      what: "PKCE",
      expected: "code_challenge with code_challenge_method=S256",
      actual: "no code_challenge",
    });
  } else if (method !== "S256") {
    mismatches.push({
      what: "PKCE code_challenge_method",
      expected: "S256",
      actual: method === null ? "absent (that is plain)" : JSON.stringify(method),
    });
  }
  return { mismatches, state: state || undefined, redirectUri: redirectUri ?? undefined };
}

/** A page's text without its markup, shortened: what a report shows of an HTML answer. */
export function pageText(html: string, redact: (text: string) => string = (text) => text): string {
  // Redacted before it is cut, so a secret on the page cannot be left half-shown.
  return redact(
    html
      .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/gi, " ")
      .replace(/<[^>]*>/g, " ")
      .replace(/\s+/g, " ")
      .trim(),
  ).slice(0, 300);
}

/** The provider answered with a page instead of sending the browser back. */
export function notSentBack(
  redirectUri: string | undefined,
  status: number,
  html: string,
  redact?: (text: string) => string,
): Mismatch {
  return {
    what: "identity provider",
    expected: `a redirect back to ${redirectUri ?? "the redirect_uri"}`,
    actual: `${status}: ${pageText(html, redact)}`,
  };
}

/** The provider sent the browser back with an error where a code was expected (not with deny). */
export function providerError(flow: OAuthFlow, callback: URL): Mismatch | undefined {
  const error = callback.searchParams.get("error");
  if (flow.negative === "deny" || error === null) return undefined;
  const description = callback.searchParams.get("error_description");
  return {
    what: "identity provider",
    expected: `a code for ${flow.user}`,
    actual: `error=${error}${description ? ` (${description})` : ""}`,
  };
}

const refusedFlow = (flow: OAuthFlow) => flow.negative === "deny" || flow.negative === "tamper-state";

/** The app's callback answered with callback-status (a refusal, for deny and tamper-state). */
export function callbackMismatch(flow: OAuthFlow, status: number): Mismatch | undefined {
  if (statusAccepted(flow.callbackStatus.ranges, status)) return undefined;
  const what =
    flow.negative === "deny"
      ? "callback after denied consent: status"
      : flow.negative === "tamper-state"
        ? "callback with a wrong state: status"
        : "callback status";
  const hint = refusedFlow(flow) ? " (the app did not refuse it)" : "";
  return { what, expected: flow.callbackStatus.text, actual: `${status}${hint}` };
}

/** The same callback a second time was refused with replay-status. */
export function replayMismatch(flow: OAuthFlow, status: number): Mismatch | undefined {
  if (statusAccepted(flow.replayStatus.ranges, status)) return undefined;
  return {
    what: "replayed callback: status",
    expected: flow.replayStatus.text,
    actual: `${status} (the app accepted the same callback twice)`,
  };
}

/** The check path's response against the scenario's `expect` (the user's session, or none). */
export function sessionMismatches(
  s: Scenario,
  flow: OAuthFlow,
  reply: Reply,
  vars: TemplateVars,
): Mismatch[] {
  const label = `GET ${flow.check}${refusedFlow(flow) ? " (no session expected)" : ""}`;
  return checkReply(s.expect, reply, vars).map((m) => ({ ...m, what: `${label}: ${m.what}` }));
}
