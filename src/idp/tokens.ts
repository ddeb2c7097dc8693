/**
 * Issuing tokens. Access tokens are JWTs (RFC 9068, `typ: at+jwt`) so an app's API can verify
 * them locally against the JWKS like it would with a real provider; each one's `jti` is also
 * recorded, so a replayed code can revoke it (a pure JWT could not be taken back).
 */
import { type IdpContext, seconds } from "./context.js";
import type { Grant } from "./grants.js";
import { randomToken } from "./secrets.js";
import type { IdpClient } from "./types.js";
import { userClaims } from "./users.js";

export const ACCESS_TOKEN_TYP = "at+jwt";

export interface TokenResponse {
  access_token: string;
  token_type: "Bearer";
  expires_in: number;
  scope: string;
  id_token?: string;
  refresh_token: string;
}

export async function issueTokens(
  ctx: IdpContext,
  client: IdpClient,
  grant: Grant,
  nonce: string | undefined,
): Promise<TokenResponse> {
  const keys = await ctx.keys();
  const now = ctx.now();
  const iat = seconds(now);
  const exp = seconds(now + ctx.tokenTtlMs);
  const jti = randomToken(16);
  const accessToken = await keys.sign(
    "RS256",
    {
      iss: ctx.issuer(),
      sub: grant.sub,
      aud: client.clientId,
      client_id: client.clientId,
      scope: grant.scopes.join(" "),
      auth_time: grant.authTime,
      iat,
      exp,
      jti,
    },
    ACCESS_TOKEN_TYP,
  );
  ctx.grants.trackAccessToken(jti, grant.id, now + ctx.tokenTtlMs);

  const response: TokenResponse = {
    access_token: accessToken,
    token_type: "Bearer",
    expires_in: Math.floor(ctx.tokenTtlMs / 1000),
    scope: grant.scopes.join(" "),
    refresh_token: ctx.grants.issueRefreshToken(grant.id, now + ctx.refreshTtlMs),
  };
  if (grant.scopes.includes("openid")) {
    const user = ctx.users.find((u) => u.sub === grant.sub);
    response.id_token = await keys.sign(
      client.idTokenSigningAlg ?? "RS256",
      {
        // User claims first: the token's own claims below always win.
        ...(user ? userClaims(user, grant.scopes) : {}),
        iss: ctx.issuer(),
        sub: grant.sub,
        aud: client.clientId,
        iat,
        exp,
        auth_time: grant.authTime,
        ...(nonce === undefined ? {} : { nonce }),
      },
      "JWT",
    );
  }
  return response;
}
