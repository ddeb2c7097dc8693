import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import {
  path_default
} from "./chunk-C6CPBUKC.js";
import {
  existsSync
} from "./chunk-RIQZ67RY.js";
import {
  __require
} from "./chunk-PGICO5ZK.js";

// builtin:module
var builtin = __require("node:module");
var createRequire = /* @__PURE__ */ (() => builtin.createRequire)();

// builtin:url
var builtin2 = __require("node:url");
var fileURLToPath = /* @__PURE__ */ (() => builtin2.fileURLToPath)();

// src/util/vendored.ts
function vendoredDir(name) {
  return path_default.join(path_default.dirname(fileURLToPath(import.meta.url)), name);
}
async function loadVendored(dir, specifier) {
  const entry = dir === void 0 ? void 0 : path_default.join(dir, "index.js");
  const copied = entry !== void 0 && existsSync(entry);
  const loaded = copied ? createRequire(entry)(entry) : await import(specifier);
  return {
    module: loaded.default ?? loaded,
    from: copied ? dir : specifier
  };
}

export {
  createRequire,
  fileURLToPath,
  vendoredDir,
  loadVendored
};
