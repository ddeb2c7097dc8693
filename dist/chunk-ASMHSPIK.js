import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import {
  namedSecrets
} from "./chunk-QSITGZFO.js";
import {
  require_crypto
} from "./chunk-L2ZVH472.js";
import {
  __toESM
} from "./chunk-PGICO5ZK.js";

// src/idp/settings.ts
var import_node_crypto = __toESM(require_crypto(), 1);
var DEFAULT_USERS = [
  { sub: "alice", email: "alice@example.com", name: "Alice Example" }
];
var DENY_HINT = "deny";
var RESERVED_CLAIMS = [
  "iss",
  "aud",
  "exp",
  "iat",
  "nbf",
  "jti",
  "nonce",
  "auth_time",
  "azp",
  "at_hash",
  "c_hash",
  "sid",
  "scope",
  "client_id"
];
function namedIdpSecrets(settings) {
  return settings.enabled ? namedSecrets(["the identity provider's client secret", settings.clientSecret]) : [];
}
function newClientSecret() {
  return (0, import_node_crypto.randomBytes)(32).toString("base64url");
}

export {
  DEFAULT_USERS,
  DENY_HINT,
  RESERVED_CLAIMS,
  namedIdpSecrets,
  newClientSecret
};
