import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// builtin:module
var require_module = __commonJS({
  "builtin:module"(exports, module2) {
    module2.exports = __require("node:module");
  }
});

// builtin:os
var require_os = __commonJS({
  "builtin:os"(exports, module2) {
    module2.exports = __require("node:os");
  }
});

// builtin:path
var require_path = __commonJS({
  "builtin:path"(exports, module2) {
    module2.exports = __require("node:path");
  }
});

// builtin:fs
var require_fs = __commonJS({
  "builtin:fs"(exports, module2) {
    module2.exports = __require("node:fs");
  }
});

// src/util/compile-cache.ts
var import_node_module = __toESM(require_module(), 1);
var import_node_os = __toESM(require_os(), 1);
var import_node_path2 = __toESM(require_path(), 1);

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

// src/util/compile-cache.ts
function enableCompileCache(env = process.env) {
  const runnerTemp = env.RUNNER_TEMP;
  const dir = runnerTemp ? import_node_path2.default.join(runnerTemp, "preview-tunnel-compile-cache") : import_node_path2.default.join((0, import_node_os.tmpdir)(), "node-compile-cache");
  try {
    makeDir(dir);
    import_node_module.default.enableCompileCache?.(dir);
  } catch {
  }
}

// src/main.ts
enableCompileCache();
var { runMain } = await import("./action-main.js");
await runMain();
