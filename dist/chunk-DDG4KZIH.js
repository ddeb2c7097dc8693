import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import {
  __require
} from "./chunk-PGICO5ZK.js";

// builtin:crypto
var builtin = __require("node:crypto");
var createHash = /* @__PURE__ */ (() => builtin.createHash)();
var createHmac = /* @__PURE__ */ (() => builtin.createHmac)();
var createPrivateKey = /* @__PURE__ */ (() => builtin.createPrivateKey)();
var createPublicKey = /* @__PURE__ */ (() => builtin.createPublicKey)();
var generateKeyPairSync = /* @__PURE__ */ (() => builtin.generateKeyPairSync)();
var randomBytes = /* @__PURE__ */ (() => builtin.randomBytes)();
var randomInt = /* @__PURE__ */ (() => builtin.randomInt)();
var randomUUID = /* @__PURE__ */ (() => builtin.randomUUID)();
var sign = /* @__PURE__ */ (() => builtin.sign)();
var timingSafeEqual = /* @__PURE__ */ (() => builtin.timingSafeEqual)();
var verify = /* @__PURE__ */ (() => builtin.verify)();
var hash = /* @__PURE__ */ (() => builtin.hash)();

export {
  createHash,
  createHmac,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  randomInt,
  randomUUID,
  sign,
  timingSafeEqual,
  verify,
  hash
};
