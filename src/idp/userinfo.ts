/**
 * The UserInfo endpoint: the bearer access token must be ours (signature), current (exp),
 * for this issuer and a registered client (aud), an access token and not an id_token (typ),
 * and its grant not revoked. Failures answer as RFC 6750 section 3 says.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { IdpContext } from "./context.js";
import { sendJson } from "./http.js";
import { ACCESS_TOKEN_TYP } from "./tokens.js";
import { userClaims } from "./users.js";

const REALM = 'realm="preview-tunnel idp"';

function reject(res: ServerResponse, status: number, error: string | undefined, description: string): void {
  // Without any token, the challenge carries no error code (RFC 6750 section 3.1).
  const challenge =
    error === undefined
      ? `Bearer ${REALM}`
      : `Bearer ${REALM}, error="${error}", error_description="${description}"`;
  sendJson(
    res,
    status,
    { error: error ?? "invalid_request", error_description: description },
    { "www-authenticate": challenge, "cache-control": "no-store" },
  );
}

export async function userinfo(ctx: IdpContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const match = /^Bearer\s+([A-Za-z0-9._~+/-]+=*)\s*$/i.exec(req.headers.authorization ?? "");
  const token = match?.[1];
  if (!token) {
    reject(res, 401, undefined, "a Bearer access token in the Authorization header is required");
    return;
  }
  let claims: Awaited<ReturnType<Awaited<ReturnType<IdpContext["keys"]>>["verify"]>>;
  try {
    claims = await (await ctx.keys()).verify(token, {
      issuer: ctx.issuer(),
      typ: ACCESS_TOKEN_TYP,
      currentDate: new Date(ctx.now()),
      requiredClaims: ["sub", "exp", "jti", "client_id", "aud"],
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    ctx.logger.warning(`idp: userinfo refused a token: ${reason}`);
    reject(res, 401, "invalid_token", "the access token is invalid or expired");
    return;
  }
  const clientId = claims.client_id;
  if (typeof clientId !== "string" || claims.aud !== clientId || !ctx.clients.has(clientId)) {
    reject(res, 401, "invalid_token", "the access token is not for a registered client");
    return;
  }
  const grant = ctx.grants.accessTokenGrant(String(claims.jti));
  if (!grant) {
    reject(res, 401, "invalid_token", "the access token was revoked");
    return;
  }
  if (!grant.scopes.includes("openid")) {
    reject(res, 403, "insufficient_scope", "userinfo needs the openid scope");
    return;
  }
  const user = ctx.users.find((u) => u.sub === grant.sub);
  sendJson(
    res,
    200,
    { ...(user ? userClaims(user, grant.scopes) : {}), sub: grant.sub },
    { "cache-control": "no-store" },
  );
}
