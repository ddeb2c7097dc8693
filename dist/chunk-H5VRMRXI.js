import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import {
  __commonJS,
  __require
} from "./chunk-PGICO5ZK.js";

// builtin:https
var require_https = __commonJS({
  "builtin:https"(exports, module) {
    module.exports = __require("node:https");
  }
});

export {
  require_https
};
