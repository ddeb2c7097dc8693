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
} from "./chunk-36W6XMVW.js";
import {
  DEFAULT_USERS,
  DENY_HINT,
  RESERVED_CLAIMS,
  newClientSecret
} from "./chunk-ASMHSPIK.js";
import "./chunk-ESYU76G7.js";
import "./chunk-WG4NBYV4.js";
import "./chunk-QSITGZFO.js";
import "./chunk-2OFYNOAK.js";
import "./chunk-H7O7IPFX.js";
import "./chunk-IWCDQGAF.js";
import "./chunk-HWQAXG6F.js";
import "./chunk-JOYH5WIN.js";
import {
  IDP_MOUNT_PATH
} from "./chunk-DKZ2NEOY.js";
import "./chunk-L2ZVH472.js";
import "./chunk-6OTEV7IO.js";
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
