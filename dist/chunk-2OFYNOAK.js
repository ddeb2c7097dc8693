import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import {
  require_path
} from "./chunk-IWCDQGAF.js";
import {
  require_fs
} from "./chunk-HWQAXG6F.js";
import {
  __commonJS,
  __require,
  __toESM
} from "./chunk-PGICO5ZK.js";

// builtin:net
var require_net = __commonJS({
  "builtin:net"(exports, module) {
    module.exports = __require("node:net");
  }
});

// builtin:fs/promises
var require_promises = __commonJS({
  "builtin:fs/promises"(exports, module) {
    module.exports = __require("node:fs/promises");
  }
});

// src/util/make-dir.ts
var import_node_fs = __toESM(require_fs(), 1);
var import_node_path = __toESM(require_path(), 1);
var MakeDirError = class extends Error {
  constructor(dir, reason) {
    super(`cannot create the directory ${dir}: ${reason}`);
    this.dir = dir;
    this.reason = reason;
    this.name = "MakeDirError";
  }
  dir;
  reason;
};
function makeDir(dir, mode) {
  const target = import_node_path.default.resolve(dir);
  const missing = [];
  let existing = target;
  for (; ; ) {
    const stat = (0, import_node_fs.statSync)(existing, { throwIfNoEntry: false });
    if (stat !== void 0) {
      if (!stat.isDirectory()) throw new MakeDirError(target, `${existing} is not a directory`);
      break;
    }
    const parent = import_node_path.default.dirname(existing);
    if (parent === existing) throw new MakeDirError(target, `${existing} does not exist`);
    missing.push(existing);
    existing = parent;
  }
  for (const part of missing.reverse()) {
    try {
      (0, import_node_fs.mkdirSync)(part, mode === void 0 ? void 0 : { mode });
    } catch (error) {
      const code = error.code;
      if (code === "EEXIST" && (0, import_node_fs.statSync)(part, { throwIfNoEntry: false })?.isDirectory()) continue;
      const why = code === "ENOENT" ? `${import_node_path.default.dirname(part)} cannot hold directories` : code === "EACCES" || code === "EPERM" ? `no permission to create ${part}` : code === "EROFS" ? `${import_node_path.default.dirname(part)} is on a read-only file system` : `${code ?? "error"} creating ${part}`;
      throw new MakeDirError(target, why);
    }
  }
}

export {
  require_net,
  require_promises,
  MakeDirError,
  makeDir
};
