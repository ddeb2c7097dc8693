import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import {
  DEFAULT_CODE_TTL_MS,
  DEFAULT_REFRESH_TTL_MS,
  DEFAULT_TOKEN_TTL_MS,
  PATHS,
  SIGNING_ALGS,
  createIdp,
  idpEnv,
  idpIssuer,
  idpPostLogoutRedirectUris,
  idpRedirectUris,
  normalizeIssuer,
  previewClient,
  startStandaloneIdp
} from "./chunk-RXOWF32U.js";
import {
  DEFAULT_USERS,
  DENY_HINT,
  RESERVED_CLAIMS,
  newClientSecret
} from "./chunk-5X4Z3MXZ.js";
import {
  IDP_MOUNT_PATH
} from "./chunk-EPIYIWCW.js";
import "./chunk-BVXFKNV2.js";
import "./chunk-HWQAXG6F.js";
import "./chunk-PGICO5ZK.js";
export {
  DEFAULT_CODE_TTL_MS,
  DEFAULT_REFRESH_TTL_MS,
  DEFAULT_TOKEN_TTL_MS,
  DEFAULT_USERS,
  DENY_HINT,
  IDP_MOUNT_PATH,
  PATHS as IDP_PATHS,
  RESERVED_CLAIMS,
  SIGNING_ALGS,
  createIdp,
  idpEnv,
  idpIssuer,
  idpPostLogoutRedirectUris,
  idpRedirectUris,
  newClientSecret,
  normalizeIssuer,
  previewClient,
  startStandaloneIdp
};
