import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import {
  __require
} from "./chunk-PGICO5ZK.js";

// builtin:stream
var builtin = __require("node:stream");
var Readable = /* @__PURE__ */ (() => builtin.Readable)();
var Writable = /* @__PURE__ */ (() => builtin.Writable)();
var Duplex = /* @__PURE__ */ (() => builtin.Duplex)();
var pipeline = /* @__PURE__ */ (() => builtin.pipeline)();

export {
  Readable,
  Writable,
  Duplex,
  pipeline
};
