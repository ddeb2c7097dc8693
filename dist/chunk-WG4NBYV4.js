import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import {
  __commonJS,
  __require
} from "./chunk-PGICO5ZK.js";

// builtin:stream
var require_stream = __commonJS({
  "builtin:stream"(exports, module) {
    module.exports = __require("node:stream");
  }
});

export {
  require_stream
};
