import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import {
  __require
} from "./chunk-PGICO5ZK.js";

// builtin:os
var builtin = __require("node:os");
var os_default = builtin;
var arch = /* @__PURE__ */ (() => builtin.arch)();
var platform = /* @__PURE__ */ (() => builtin.platform)();
var tmpdir = /* @__PURE__ */ (() => builtin.tmpdir)();
var constants = /* @__PURE__ */ (() => builtin.constants)();
var EOL = /* @__PURE__ */ (() => builtin.EOL)();

export {
  os_default,
  arch,
  platform,
  tmpdir,
  constants,
  EOL
};
