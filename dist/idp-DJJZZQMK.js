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
} from "./chunk-KDU2MV42.js";
import {
  DEFAULT_USERS,
  DENY_HINT,
  RESERVED_CLAIMS,
  newClientSecret
} from "./chunk-3Y4TJIQ3.js";
import "./chunk-FQHZH3D3.js";
import "./chunk-ADOYJPIF.js";
import "./chunk-QSITGZFO.js";
import "./chunk-VTIJIBSJ.js";
import "./chunk-VWFGOYLM.js";
import "./chunk-C6CPBUKC.js";
import "./chunk-RIQZ67RY.js";
import "./chunk-JOYH5WIN.js";
import {
  IDP_MOUNT_PATH
} from "./chunk-YJNIKON3.js";
import "./chunk-DDG4KZIH.js";
import "./chunk-S4FSG2IO.js";
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
