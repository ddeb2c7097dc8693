/**
 * The token endpoint: the authorization_code and refresh_token grants. Every failure is an
 * OAuth error (RFC 6749 section 5.2) with the status real providers use, and is logged, so
 * a preview's log tells why an app's login broke.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { authenticateClient } from "./client-auth.js";
import type { IdpContext } from "./context.js";
import { NO_STORE, sendJson, sendOAuthError, single } from "./http.js";
import { verifierMatches } from "./pkce.js";
import { issueTokens } from "./tokens.js";
import type { IdpClient } from "./types.js";

class OAuthFailure extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly description: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(`${error}: ${description}`);
  }
}

const invalidRequest = (description: string) => new OAuthFailure(400, "invalid_request", description);
const invalidGrant = (description: string) => new OAuthFailure(400, "invalid_grant", description);

function required(form: URLSearchParams, name: string): string {
  const value = single(form, name);
  if (value === null) throw invalidRequest(`${name} is given more than once`);
  if (value === undefined) throw invalidRequest(`${name} is required`);
  return value;
}

async function authorizationCode(ctx: IdpContext, client: IdpClient, form: URLSearchParams) {
  const code = required(form, "code");
  const redeemed = ctx.grants.redeemCode(code);
  switch (redeemed.kind) {
    case "unknown":
      throw invalidGrant("the authorization code is not one this provider issued");
    case "expired":
      throw invalidGrant("the authorization code has expired");
    case "reused":
      ctx.logger.warning(`idp: authorization code reused: the tokens issued from it are revoked`);
      throw invalidGrant("the authorization code was already used; the tokens issued from it are revoked");
  }
  const record = redeemed.record;
  if (record.clientId !== client.clientId)
    throw invalidGrant("the authorization code was issued to another client");
  const redirectUri = single(form, "redirect_uri");
  if (redirectUri === null) throw invalidRequest("redirect_uri is given more than once");
  if (redirectUri === undefined)
    throw invalidRequest("redirect_uri is required: the authorization request had one");
  if (redirectUri !== record.redirectUri) {
    throw invalidGrant(
      `redirect_uri "${redirectUri}" differs from the authorization request's "${record.redirectUri}"`,
    );
  }
  const verifier = single(form, "code_verifier");
  if (verifier === null) throw invalidRequest("code_verifier is given more than once");
  if (record.codeChallenge === undefined) {
    // A verifier for a code without challenge is a PKCE downgrade (RFC 9700 section 2.1.1).
    if (verifier !== undefined)
      throw invalidGrant("code_verifier given, but the authorization request had no code_challenge");
  } else if (verifier === undefined) {
    throw invalidGrant("code_verifier is required: the authorization request had a code_challenge");
  } else if (!verifierMatches(verifier, record.codeChallenge)) {
    throw invalidGrant("code_verifier does not match the code_challenge");
  }
  const grant = ctx.grants.grant(record.grantId);
  if (!grant) throw invalidGrant("the grant was revoked");
  return issueTokens(ctx, client, grant, record.nonce);
}

async function refreshToken(ctx: IdpContext, client: IdpClient, form: URLSearchParams) {
  const token = required(form, "refresh_token");
  const redeemed = ctx.grants.redeemRefreshToken(token);
  switch (redeemed.kind) {
    case "unknown":
      throw invalidGrant("the refresh token is unknown or revoked");
    case "expired":
      throw invalidGrant("the refresh token has expired");
    case "reused":
      ctx.logger.warning(`idp: rotated refresh token reused: its grant is revoked`);
      throw invalidGrant("the refresh token was already used (they rotate); its grant is revoked");
  }
  const grant = redeemed.record;
  if (grant.clientId !== client.clientId)
    throw invalidGrant("the refresh token was issued to another client");
  const scope = single(form, "scope");
  if (scope === null) throw invalidRequest("scope is given more than once");
  if (scope !== undefined && !scope.split(" ").every((s) => s === "" || grant.scopes.includes(s))) {
    throw new OAuthFailure(400, "invalid_scope", "a refresh can only narrow the scope originally granted");
  }
  // Refreshed id_tokens carry no nonce (OpenID Connect Core section 12.2).
  return issueTokens(ctx, client, grant, undefined);
}

/** POST /token, with the urlencoded form already read (undefined: not a form). */
export async function token(
  ctx: IdpContext,
  req: IncomingMessage,
  res: ServerResponse,
  form: URLSearchParams | undefined,
): Promise<void> {
  try {
    if (!form) throw invalidRequest("the body must be application/x-www-form-urlencoded");
    const auth = authenticateClient(req, form, ctx.clients);
    if (!auth.ok) throw new OAuthFailure(auth.status, auth.error, auth.description, auth.headers);
    const grantType = required(form, "grant_type");
    let tokens: Awaited<ReturnType<typeof issueTokens>>;
    if (grantType === "authorization_code") tokens = await authorizationCode(ctx, auth.client, form);
    else if (grantType === "refresh_token") tokens = await refreshToken(ctx, auth.client, form);
    else {
      throw new OAuthFailure(
        400,
        "unsupported_grant_type",
        `grant_type "${grantType}" is not supported; use authorization_code or refresh_token`,
      );
    }
    sendJson(res, 200, tokens, NO_STORE);
  } catch (error) {
    if (!(error instanceof OAuthFailure)) throw error;
    ctx.logger.warning(`idp: token request refused: ${error.message}`);
    sendOAuthError(res, error.status, error.error, error.description, error.headers);
  }
}
