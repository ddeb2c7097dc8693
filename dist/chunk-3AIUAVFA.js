import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import {
  __require
} from "./chunk-PGICO5ZK.js";

// builtin:events
var builtin = __require("node:events");
var EventEmitter = /* @__PURE__ */ (() => builtin.EventEmitter)();

export {
  EventEmitter
};
