/**
 * The OpenID Provider Metadata. It advertises exactly what the endpoints do, no more: a
 * relying party that picks an advertised option must get it.
 */
import { endpoint, type IdpContext, PATHS } from "./context.js";
import { SIGNING_ALGS } from "./types.js";
import { claimNames } from "./users.js";

export const SCOPES_SUPPORTED = ["openid", "profile", "email", "address", "phone", "offline_access"];
export const TOKEN_AUTH_METHODS = ["client_secret_basic", "client_secret_post"] as const;

export function providerMetadata(ctx: IdpContext): Record<string, unknown> {
  return {
    issuer: ctx.issuer(),
    authorization_endpoint: endpoint(ctx, PATHS.authorize),
    token_endpoint: endpoint(ctx, PATHS.token),
    userinfo_endpoint: endpoint(ctx, PATHS.userinfo),
    jwks_uri: endpoint(ctx, PATHS.jwks),
    end_session_endpoint: endpoint(ctx, PATHS.logout),
    scopes_supported: SCOPES_SUPPORTED,
    response_types_supported: ["code"],
    response_modes_supported: ["query"],
    grant_types_supported: ["authorization_code", "refresh_token"],
    subject_types_supported: ["public"],
    id_token_signing_alg_values_supported: [...SIGNING_ALGS],
    token_endpoint_auth_methods_supported: [...TOKEN_AUTH_METHODS],
    code_challenge_methods_supported: ["S256"],
    claims_supported: claimNames(ctx.users),
    prompt_values_supported: ["none", "login", "consent", "select_account"],
    // RFC 9207: the authorization response names its issuer (mix-up attack defence); clients
    // that read this flag then require it.
    authorization_response_iss_parameter_supported: true,
    claims_parameter_supported: false,
    request_parameter_supported: false,
    // Its default is true, so it must be said explicitly.
    request_uri_parameter_supported: false,
  };
}
