/**
 * The authorization endpoint and the login page's form. Until the client and its redirect
 * URI are known to be registered, errors are shown as a page (redirecting to an unverified
 * address would make the provider an open redirector); after that they go back to the client
 * as `error=...&state=...`, as RFC 6749 section 4.1.2.1 prescribes.
 */
import type { ServerResponse } from "node:http";
import { type AuthorizationRequest, type IdpContext, seconds } from "./context.js";
import { errorPage, loginPage } from "./html.js";
import { sendHtml, sendRedirect, single } from "./http.js";
import { isValidChallenge } from "./pkce.js";
import { DENY_HINT } from "./settings.js";
import type { IdpUser } from "./types.js";
import { findUser } from "./users.js";

type Checked =
  | { readonly kind: "page"; readonly title: string; readonly message: string }
  | {
      readonly kind: "error";
      readonly redirectUri: string;
      readonly state: string | undefined;
      readonly error: string;
      readonly description: string;
    }
  | {
      readonly kind: "ok";
      readonly request: AuthorizationRequest;
      readonly loginHint: string | undefined;
      readonly promptNone: boolean;
    };

// scope-token of RFC 6749 section 3.3: printable ASCII except space, `"` and `\`.
const SCOPE_TOKEN = /^[\x21\x23-\x5B\x5D-\x7E]+$/;
const PROMPTS = ["none", "login", "consent", "select_account"];

function check(ctx: IdpContext, params: URLSearchParams): Checked {
  const page = (title: string, message: string): Checked => ({ kind: "page", title, message });
  const clientId = single(params, "client_id");
  if (clientId === null) return page("Invalid request", "client_id is given more than once.");
  if (clientId === undefined) return page("Invalid request", "The request has no client_id.");
  const client = ctx.clients.get(clientId);
  if (!client) return page("Unknown client", `No client with client_id "${clientId}" is registered.`);
  const redirectUri = single(params, "redirect_uri");
  if (redirectUri === null) return page("Invalid request", "redirect_uri is given more than once.");
  if (redirectUri === undefined) return page("Invalid request", "The request has no redirect_uri.");
  if (!client.redirectUris.includes(redirectUri)) {
    // Naming both sides makes the classic bug (a localhost redirect URI) obvious.
    return page(
      "redirect_uri mismatch",
      `The redirect_uri "${redirectUri}" is not registered for client "${clientId}". Registered (compared exactly): ${client.redirectUris.map((u) => `"${u}"`).join(", ")}.`,
    );
  }

  // From here on the redirect URI is trusted: errors go back to the client.
  const state = params.get("state") ?? undefined;
  const fail = (error: string, description: string): Checked => ({
    kind: "error",
    redirectUri,
    state,
    error,
    description,
  });
  for (const name of [
    "state",
    "response_type",
    "response_mode",
    "scope",
    "nonce",
    "code_challenge",
    "code_challenge_method",
  ]) {
    if (single(params, name) === null) return fail("invalid_request", `${name} is given more than once`);
  }
  // Repetitions are refused above, so null no longer occurs.
  const one = (name: string) => single(params, name) ?? undefined;
  if (params.has("request")) return fail("request_not_supported", "request objects are not supported");
  if (params.has("request_uri")) return fail("request_uri_not_supported", "request_uri is not supported");

  const responseType = one("response_type");
  if (responseType === undefined) return fail("invalid_request", "response_type is required");
  if (responseType !== "code") {
    return fail("unsupported_response_type", `response_type "${responseType}" is not supported; use "code"`);
  }
  const responseMode = one("response_mode");
  if (responseMode !== undefined && responseMode !== "query") {
    return fail("invalid_request", `response_mode "${responseMode}" is not supported; only "query" is`);
  }

  const scopes = [...new Set((one("scope") ?? "").split(" ").filter((s) => s !== ""))];
  if (!scopes.every((s) => SCOPE_TOKEN.test(s))) return fail("invalid_scope", "scope has invalid characters");
  if (!scopes.includes("openid")) {
    return fail("invalid_scope", 'scope must include "openid" (this is an OpenID Connect provider)');
  }

  const challenge = one("code_challenge");
  const method = one("code_challenge_method");
  if (method !== undefined && method !== "S256") {
    return fail("invalid_request", `code_challenge_method "${method}" is not supported; only S256 is`);
  }
  if (challenge === undefined) {
    if (ctx.requirePkce) return fail("invalid_request", "code_challenge is required (PKCE with S256)");
    if (method !== undefined) return fail("invalid_request", "code_challenge_method without code_challenge");
  } else {
    // Without a method the challenge would be "plain" (RFC 7636 section 4.3), which is refused.
    if (method === undefined) {
      return fail("invalid_request", "code_challenge_method=S256 is required (plain is not supported)");
    }
    if (!isValidChallenge(challenge)) {
      return fail(
        "invalid_request",
        "code_challenge must be the base64url SHA-256 of the verifier (43 characters)",
      );
    }
  }

  const prompts = (params.get("prompt") ?? "").split(" ").filter((p) => p !== "");
  const unknownPrompt = prompts.find((p) => !PROMPTS.includes(p));
  if (unknownPrompt !== undefined)
    return fail("invalid_request", `prompt "${unknownPrompt}" is not supported`);
  if (prompts.includes("none") && prompts.length > 1) {
    return fail("invalid_request", "prompt=none cannot be combined with other values");
  }
  const maxAge = params.get("max_age");
  if (maxAge !== null && !/^\d+$/.test(maxAge))
    return fail("invalid_request", "max_age must be a number of seconds");

  return {
    kind: "ok",
    request: {
      client,
      redirectUri,
      scopes,
      state,
      nonce: one("nonce"),
      codeChallenge: challenge,
    },
    loginHint: params.get("login_hint") ?? undefined,
    promptNone: prompts.includes("none"),
  };
}

/** The redirect back to the client, with the issuer (RFC 9207) and the unchanged state. */
function redirectBack(
  ctx: IdpContext,
  res: ServerResponse,
  redirectUri: string,
  state: string | undefined,
  fields: Record<string, string>,
): void {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(fields)) url.searchParams.append(name, value);
  if (state !== undefined) url.searchParams.append("state", state);
  url.searchParams.append("iss", ctx.issuer());
  sendRedirect(res, url.href);
}

function deny(ctx: IdpContext, res: ServerResponse, request: AuthorizationRequest): void {
  ctx.logger.info(`idp: access denied to ${request.client.clientId}`);
  redirectBack(ctx, res, request.redirectUri, request.state, {
    error: "access_denied",
    error_description: "The user denied the request",
  });
}

function signIn(ctx: IdpContext, res: ServerResponse, request: AuthorizationRequest, user: IdpUser): void {
  const now = ctx.now();
  const code = ctx.grants.issueCode({
    clientId: request.client.clientId,
    redirectUri: request.redirectUri,
    codeChallenge: request.codeChallenge,
    nonce: request.nonce,
    scopes: request.scopes,
    sub: user.sub,
    // Every sign-in is a fresh one (there is no provider session), so any max_age holds.
    authTime: seconds(now),
    expiresAt: now + ctx.codeTtlMs,
  });
  ctx.logger.info(`idp: ${user.sub} signed in to ${request.client.clientId}`);
  redirectBack(ctx, res, request.redirectUri, request.state, { code });
}

/** GET or POST /authorize. */
export function authorize(ctx: IdpContext, res: ServerResponse, params: URLSearchParams): void {
  const checked = check(ctx, params);
  if (checked.kind === "page") {
    ctx.logger.warning(`idp: authorization request refused: ${checked.message}`);
    sendHtml(res, 400, errorPage(checked.title, checked.message));
    return;
  }
  if (checked.kind === "error") {
    ctx.logger.warning(`idp: authorization request refused: ${checked.error}: ${checked.description}`);
    redirectBack(ctx, res, checked.redirectUri, checked.state, {
      error: checked.error,
      error_description: checked.description,
    });
    return;
  }
  const { request, loginHint, promptNone } = checked;
  if (loginHint === DENY_HINT) {
    deny(ctx, res, request);
    return;
  }
  const user = loginHint === undefined ? undefined : findUser(ctx.users, loginHint);
  if (user) {
    signIn(ctx, res, request, user);
    return;
  }
  if (promptNone) {
    // No page may be shown and there is no provider session to reuse.
    redirectBack(ctx, res, request.redirectUri, request.state, {
      error: "login_required",
      error_description: "prompt=none needs a login_hint naming a configured user",
    });
    return;
  }
  const notice =
    loginHint === undefined ? undefined : `No test user has the sub or email "${loginHint}" (login_hint).`;
  sendHtml(
    res,
    200,
    loginPage({
      interaction: ctx.interactions.add(request),
      clientId: request.client.clientId,
      redirectUri: request.redirectUri,
      scopes: request.scopes,
      users: ctx.users,
      ...(notice === undefined ? {} : { notice }),
    }),
  );
}

/** POST /login: the login page's form (a user's button or "Deny"). */
export function loginDecision(ctx: IdpContext, res: ServerResponse, form: URLSearchParams): void {
  const id = single(form, "interaction");
  const request = typeof id === "string" ? ctx.interactions.take(id) : undefined;
  if (!request) {
    sendHtml(
      res,
      400,
      errorPage(
        "Sign-in expired",
        "This sign-in page was already used or has expired. Start the login again from the app.",
      ),
    );
    return;
  }
  if (form.get("deny") !== null) {
    deny(ctx, res, request);
    return;
  }
  const sub = single(form, "user");
  const user = typeof sub === "string" ? ctx.users.find((u) => u.sub === sub) : undefined;
  if (!user) {
    sendHtml(res, 400, errorPage("Unknown user", "Choose one of the listed test users."));
    return;
  }
  signIn(ctx, res, request, user);
}
