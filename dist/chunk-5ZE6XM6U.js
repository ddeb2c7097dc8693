import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import {
  __commonJS,
  __require,
  __toESM
} from "./chunk-PGICO5ZK.js";

// builtin:timers/promises
var require_promises = __commonJS({
  "builtin:timers/promises"(exports, module) {
    module.exports = __require("node:timers/promises");
  }
});

// src/util/time.ts
var import_promises = __toESM(require_promises(), 1);
function formatDuration(ms) {
  if (ms < 1e3) return `${Math.round(ms)}ms`;
  if (ms < 6e4) return `${(ms / 1e3).toFixed(ms < 1e4 ? 2 : 1)}s`;
  const m = Math.floor(ms / 6e4);
  const s = Math.round(ms % 6e4 / 1e3);
  return s === 0 ? `${m}m` : `${m}m${s}s`;
}
async function sleep(ms, signal) {
  try {
    await (0, import_promises.setTimeout)(ms, void 0, { signal });
  } catch {
  }
}

export {
  formatDuration,
  sleep
};
