import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import {
  path_default
} from "./chunk-C6CPBUKC.js";
import {
  mkdirSync,
  statSync
} from "./chunk-RIQZ67RY.js";
import {
  __require
} from "./chunk-PGICO5ZK.js";

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
    const stat2 = statSync(existing, { throwIfNoEntry: false });
    if (stat2 !== void 0) {
      if (!stat2.isDirectory()) throw new MakeDirError(target, `${existing} is not a directory`);
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

// builtin:net
var builtin = __require("node:net");
var net_default = builtin;
var BlockList = /* @__PURE__ */ (() => builtin.BlockList)();
var isIP = /* @__PURE__ */ (() => builtin.isIP)();
var isIPv4 = /* @__PURE__ */ (() => builtin.isIPv4)();

// builtin:fs/promises
var builtin2 = __require("node:fs/promises");
var open = /* @__PURE__ */ (() => builtin2.open)();
var stat = /* @__PURE__ */ (() => builtin2.stat)();
var readFile = /* @__PURE__ */ (() => builtin2.readFile)();

export {
  net_default,
  BlockList,
  isIP,
  isIPv4,
  open,
  stat,
  readFile,
  MakeDirError,
  makeDir
};
