import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import {
  __export,
  __require
} from "./chunk-PGICO5ZK.js";

// builtin:https
var https_exports = {};
__export(https_exports, {
  Agent: () => Agent,
  Server: () => Server,
  createServer: () => createServer,
  default: () => https_default,
  get: () => get,
  globalAgent: () => globalAgent,
  request: () => request
});
var builtin = __require("node:https");
var https_default = builtin;
var Agent = /* @__PURE__ */ (() => builtin.Agent)();
var globalAgent = /* @__PURE__ */ (() => builtin.globalAgent)();
var Server = /* @__PURE__ */ (() => builtin.Server)();
var createServer = /* @__PURE__ */ (() => builtin.createServer)();
var get = /* @__PURE__ */ (() => builtin.get)();
var request = /* @__PURE__ */ (() => builtin.request)();

export {
  https_default,
  Agent,
  https_exports
};
