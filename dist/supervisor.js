import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});

// builtin:module
var builtin = __require("node:module");
var module_default = builtin;

// builtin:os
var builtin2 = __require("node:os");
var tmpdir = /* @__PURE__ */ (() => builtin2.tmpdir)();

// builtin:path
var builtin3 = __require("node:path");
var path_default = builtin3;

// builtin:fs
var builtin4 = __require("node:fs");
var mkdirSync = /* @__PURE__ */ (() => builtin4.mkdirSync)();
var statSync = /* @__PURE__ */ (() => builtin4.statSync)();

// src/util/make-dir.ts
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
  const target = path_default.resolve(dir);
  const missing = [];
  let existing = target;
  for (; ; ) {
    const stat = statSync(existing, { throwIfNoEntry: false });
    if (stat !== void 0) {
      if (!stat.isDirectory()) throw new MakeDirError(target, `${existing} is not a directory`);
      break;
    }
    const parent = path_default.dirname(existing);
    if (parent === existing) throw new MakeDirError(target, `${existing} does not exist`);
    missing.push(existing);
    existing = parent;
  }
  for (const part of missing.reverse()) {
    try {
      mkdirSync(part, mode === void 0 ? void 0 : { mode });
    } catch (error) {
      const code = error.code;
      if (code === "EEXIST" && statSync(part, { throwIfNoEntry: false })?.isDirectory()) continue;
      const why = code === "ENOENT" ? `${path_default.dirname(part)} cannot hold directories` : code === "EACCES" || code === "EPERM" ? `no permission to create ${part}` : code === "EROFS" ? `${path_default.dirname(part)} is on a read-only file system` : `${code ?? "error"} creating ${part}`;
      throw new MakeDirError(target, why);
    }
  }
}

// src/util/compile-cache.ts
function enableCompileCache(env = process.env) {
  const runnerTemp = env.RUNNER_TEMP;
  const dir = runnerTemp ? path_default.join(runnerTemp, "preview-tunnel-compile-cache") : path_default.join(tmpdir(), "node-compile-cache");
  try {
    makeDir(dir);
    module_default.enableCompileCache?.(dir);
  } catch {
  }
}

// src/supervisor.ts
enableCompileCache();
var { runSupervisor } = await import("./action-supervisor.js");
await runSupervisor();
