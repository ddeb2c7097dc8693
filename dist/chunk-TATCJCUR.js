import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import {
  __require
} from "./chunk-PGICO5ZK.js";

// builtin:child_process
var builtin = __require("node:child_process");
var execFile = /* @__PURE__ */ (() => builtin.execFile)();
var execSync = /* @__PURE__ */ (() => builtin.execSync)();
var spawn = /* @__PURE__ */ (() => builtin.spawn)();
var spawnSync = /* @__PURE__ */ (() => builtin.spawnSync)();

export {
  execFile,
  execSync,
  spawn,
  spawnSync
};
