import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import {
  __require
} from "./chunk-PGICO5ZK.js";

// builtin:path
var builtin = __require("node:path");
var path_default = builtin;
var resolve = /* @__PURE__ */ (() => builtin.resolve)();
var join = /* @__PURE__ */ (() => builtin.join)();
var relative = /* @__PURE__ */ (() => builtin.relative)();
var dirname = /* @__PURE__ */ (() => builtin.dirname)();
var basename = /* @__PURE__ */ (() => builtin.basename)();
var extname = /* @__PURE__ */ (() => builtin.extname)();
var sep = /* @__PURE__ */ (() => builtin.sep)();
var delimiter = /* @__PURE__ */ (() => builtin.delimiter)();

export {
  path_default,
  resolve,
  join,
  relative,
  dirname,
  basename,
  extname,
  sep,
  delimiter
};
