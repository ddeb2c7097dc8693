import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import {
  __require
} from "./chunk-PGICO5ZK.js";

// builtin:fs
var builtin = __require("node:fs");
var fs_default = builtin;
var appendFileSync = /* @__PURE__ */ (() => builtin.appendFileSync)();
var accessSync = /* @__PURE__ */ (() => builtin.accessSync)();
var chmodSync = /* @__PURE__ */ (() => builtin.chmodSync)();
var closeSync = /* @__PURE__ */ (() => builtin.closeSync)();
var copyFileSync = /* @__PURE__ */ (() => builtin.copyFileSync)();
var createReadStream = /* @__PURE__ */ (() => builtin.createReadStream)();
var createWriteStream = /* @__PURE__ */ (() => builtin.createWriteStream)();
var existsSync = /* @__PURE__ */ (() => builtin.existsSync)();
var lstatSync = /* @__PURE__ */ (() => builtin.lstatSync)();
var mkdirSync = /* @__PURE__ */ (() => builtin.mkdirSync)();
var mkdtempSync = /* @__PURE__ */ (() => builtin.mkdtempSync)();
var openSync = /* @__PURE__ */ (() => builtin.openSync)();
var readdirSync = /* @__PURE__ */ (() => builtin.readdirSync)();
var readFileSync = /* @__PURE__ */ (() => builtin.readFileSync)();
var renameSync = /* @__PURE__ */ (() => builtin.renameSync)();
var rmSync = /* @__PURE__ */ (() => builtin.rmSync)();
var statSync = /* @__PURE__ */ (() => builtin.statSync)();
var unlinkSync = /* @__PURE__ */ (() => builtin.unlinkSync)();
var watch = /* @__PURE__ */ (() => builtin.watch)();
var writeFileSync = /* @__PURE__ */ (() => builtin.writeFileSync)();
var constants = /* @__PURE__ */ (() => builtin.constants)();
var promises = /* @__PURE__ */ (() => builtin.promises)();

export {
  fs_default,
  appendFileSync,
  accessSync,
  chmodSync,
  closeSync,
  copyFileSync,
  createReadStream,
  createWriteStream,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  watch,
  writeFileSync,
  constants,
  promises
};
