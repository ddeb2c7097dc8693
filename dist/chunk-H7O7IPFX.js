import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import {
  __commonJS,
  __require
} from "./chunk-PGICO5ZK.js";

// builtin:http
var require_http = __commonJS({
  "builtin:http"(exports, module) {
    module.exports = __require("node:http");
  }
});

export {
  require_http
};
