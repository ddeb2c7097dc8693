import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import {
  __require
} from "./chunk-PGICO5ZK.js";

// builtin:util
var builtin = __require("node:util");
var promisify = /* @__PURE__ */ (() => builtin.promisify)();
var parseArgs = /* @__PURE__ */ (() => builtin.parseArgs)();

export {
  promisify,
  parseArgs
};
