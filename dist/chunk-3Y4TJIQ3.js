import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import {
  namedSecrets
} from "./chunk-QSITGZFO.js";
import {
  randomBytes
} from "./chunk-DDG4KZIH.js";

// src/idp/settings.ts
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
  return randomBytes(32).toString("base64url");
}

export {
  DEFAULT_USERS,
  DENY_HINT,
  RESERVED_CLAIMS,
  namedIdpSecrets,
  newClientSecret
};
