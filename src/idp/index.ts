/** The test identity provider's public API, for the gate, the pipeline and the tests. */
export { IDP_MOUNT_PATH, PATHS as IDP_PATHS } from "./context.js";
export type { IdpEnvValues } from "./env.js";
export { idpEnv, idpIssuer, idpPostLogoutRedirectUris, idpRedirectUris, previewClient } from "./env.js";
export type { Idp } from "./idp.js";
export {
  createIdp,
  DEFAULT_CODE_TTL_MS,
  DEFAULT_REFRESH_TTL_MS,
  DEFAULT_TOKEN_TTL_MS,
  normalizeIssuer,
} from "./idp.js";
export {
  DEFAULT_USERS,
  DENY_HINT,
  type IdpRunSettings,
  type IdpSettings,
  newClientSecret,
  RESERVED_CLAIMS,
} from "./settings.js";
export type { StandaloneIdp, StandaloneOptions } from "./standalone.js";
export { startStandaloneIdp } from "./standalone.js";
export type { IdpClient, IdpOptions, IdpUser, SigningAlg } from "./types.js";
export { SIGNING_ALGS } from "./types.js";
