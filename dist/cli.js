#!/usr/bin/env node
"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
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

// src/cli/cli.ts
var import_node_os2 = require("node:os");
var import_node_util = require("node:util");

// src/app/process.ts
var import_node_child_process2 = require("node:child_process");
var import_node_fs2 = require("node:fs");

// src/util/shell.ts
function shellCommand(command, platform = process.platform) {
  if (platform === "win32") {
    return {
      file: process.env.ComSpec ?? "cmd.exe",
      args: ["/d", "/s", "/c", `"${command}"`],
      windowsVerbatimArguments: true
    };
  }
  return { file: "bash", args: ["-c", command], windowsVerbatimArguments: false };
}

// src/app/stop.ts
var import_node_child_process = require("node:child_process");

// src/app/proc-table.ts
var import_node_fs = require("node:fs");
var hasProcTable = process.platform === "linux";
function readProc(pid) {
  try {
    const stat = (0, import_node_fs.readFileSync)(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { pid, state: fields[0] ?? "?", ppid: Number(fields[1]), pgid: Number(fields[2]) };
  } catch {
    return void 0;
  }
}
function listProcs() {
  if (!hasProcTable) return [];
  const procs = [];
  for (const name of (0, import_node_fs.readdirSync)("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const info = readProc(Number(name));
    if (info) procs.push(info);
  }
  return procs;
}
function processTree(rootPid, procs = listProcs()) {
  const children = /* @__PURE__ */ new Map();
  for (const p of procs) {
    if (p.state === "Z") continue;
    const list = children.get(p.ppid) ?? [];
    list.push(p.pid);
    children.set(p.ppid, list);
  }
  const found = /* @__PURE__ */ new Set();
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.pop();
    if (found.has(pid)) continue;
    found.add(pid);
    queue.push(...children.get(pid) ?? []);
  }
  for (const p of procs) if (p.pgid === rootPid && p.state !== "Z") found.add(p.pid);
  return [...found].filter((pid) => procs.some((p) => p.pid === pid && p.state !== "Z"));
}
function processesWithEnv(name, value, procs = listProcs()) {
  const needle = Buffer.from(`${name}=${value}\0`);
  const pids = [];
  for (const p of procs) {
    if (p.state === "Z" || p.pid === process.pid) continue;
    try {
      const environ = (0, import_node_fs.readFileSync)(`/proc/${p.pid}/environ`);
      if (environ.indexOf(needle) === 0 || environ.indexOf(Buffer.concat([Buffer.from([0]), needle])) !== -1) {
        pids.push(p.pid);
      }
    } catch {
    }
  }
  return pids;
}
function isAlive(pid) {
  if (hasProcTable) {
    const info = readProc(pid);
    return info !== void 0 && info.state !== "Z";
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

// src/app/stop.ts
var POLL_MS = 20;
var AFTER_KILL_MS = 2e3;
async function stopProcessTree(rootPid, options) {
  if ((options.platform ?? process.platform) === "win32") {
    (0, import_node_child_process.spawnSync)("taskkill", ["/PID", String(rootPid), "/T", "/F"], { stdio: "ignore", windowsHide: true });
    return { killed: 0 };
  }
  const targets = () => {
    const procs = listProcs();
    const pids2 = new Set(processTree(rootPid, procs));
    if (options.marker)
      for (const pid of processesWithEnv(options.marker.name, options.marker.value, procs)) pids2.add(pid);
    return pids2;
  };
  let pids = targets();
  signalAll(rootPid, pids, "SIGTERM");
  const graceEnd = Date.now() + options.graceMs;
  while (Date.now() < graceEnd && anyAlive(rootPid, pids)) {
    await pause(POLL_MS);
    for (const pid of targets()) pids.add(pid);
  }
  if (!anyAlive(rootPid, pids)) return { killed: 0 };
  pids = new Set([...pids, ...targets()].filter(isAlive));
  const killed = pids.size;
  signalAll(rootPid, pids, "SIGKILL");
  const killEnd = Date.now() + AFTER_KILL_MS;
  while (Date.now() < killEnd && anyAlive(rootPid, pids)) await pause(POLL_MS);
  return { killed };
}
function signalAll(groupId, pids, signal) {
  trySignal(-groupId, signal);
  for (const pid of pids) trySignal(pid, signal);
}
function trySignal(pid, signal) {
  try {
    process.kill(pid, signal);
  } catch {
  }
}
function anyAlive(groupId, pids) {
  for (const pid of pids) if (isAlive(pid)) return true;
  if (hasProcTable) return false;
  try {
    process.kill(-groupId, 0);
    return true;
  } catch {
    return false;
  }
}
function pause(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
async function sweepMarked(name, value, graceMs) {
  const pids = processesWithEnv(name, value);
  await Promise.all(pids.map((pid) => stopProcessTree(pid, { graceMs })));
  return pids.length;
}

// src/app/process.ts
function describeExit(exit) {
  return exit.signal ? `was killed by ${exit.signal}` : `exited with code ${exit.code}`;
}
var nodeLauncher = { start: startProcess };
async function startProcess(options) {
  const shell = shellCommand(options.command);
  const fd = options.output === "inherit" ? void 0 : (0, import_node_fs2.openSync)(options.output.file, "a");
  let child;
  try {
    child = (0, import_node_child_process2.spawn)(shell.file, shell.args, {
      cwd: options.cwd,
      env: options.env,
      detached: true,
      stdio: fd === void 0 ? ["ignore", "inherit", "inherit"] : ["ignore", fd, fd],
      windowsHide: true,
      windowsVerbatimArguments: shell.windowsVerbatimArguments
    });
  } finally {
    if (fd !== void 0) (0, import_node_fs2.closeSync)(fd);
  }
  await new Promise((resolve, reject) => {
    child.once("spawn", resolve);
    child.once("error", reject);
  });
  const pid = child.pid;
  let exit;
  const exited = new Promise((resolve) => {
    child.once("exit", (code, signal) => {
      exit = { code, signal };
      resolve(exit);
    });
  });
  let stopping;
  return {
    pid,
    exited,
    exitInfo: () => exit,
    stop(graceMs) {
      stopping ??= stopProcessTree(pid, { graceMs }).then(() => void 0).catch(() => void 0);
      return stopping;
    }
  };
}

// src/config/config.ts
var import_node_fs3 = require("node:fs");
var import_node_path = __toESM(require("node:path"), 1);

// src/errors.ts
var EXIT = {
  ok: 0,
  testFailed: 1,
  invalidInput: 2,
  startFailed: 3,
  /** 128 + signal number, as shells report a run ended by a signal. */
  sigint: 130,
  sigterm: 143
};
var InputError = class extends Error {
  constructor(input, value, problem) {
    super(`Input "${input}" ${problem} (got ${JSON.stringify(value)}).`);
    this.input = input;
    this.value = value;
    this.problem = problem;
    this.name = "InputError";
  }
  input;
  value;
  problem;
};
var ConfigError = class extends Error {
  constructor(problems) {
    super(
      problems.length === 1 ? problems[0]?.message ?? "Invalid input." : `${problems.length} inputs are invalid:
${problems.map((p) => `  - ${p.message}`).join("\n")}`
    );
    this.problems = problems;
    this.name = "ConfigError";
  }
  problems;
  exitCode = EXIT.invalidInput;
};
var StartError = class extends Error {
  exitCode = EXIT.startFailed;
  constructor(message, options) {
    super(message, options);
    this.name = "StartError";
  }
};
var CancelledError = class extends Error {
  constructor(signal) {
    super(`Cancelled by ${signal}.`);
    this.signal = signal;
    this.name = "CancelledError";
  }
  signal;
};
function errorMessage(error) {
  return error instanceof Error ? error.message : String(error);
}

// src/config/names.ts
var INPUTS = {
  start: {
    description: "Shell command that starts the app under test (run through bash, or cmd on Windows), e.g. `npm start`. Required.",
    default: "",
    placeholder: "<command>"
  },
  "working-directory": {
    description: "Directory the app and the test command run in, relative to the workspace.",
    default: ".",
    placeholder: "<dir>"
  },
  port: {
    description: "Port the app listens on, given to it as `PORT`. Empty: a free port is chosen and passed as `PORT`.",
    default: "",
    placeholder: "<1-65535>"
  },
  env: {
    description: "Extra environment for the app: one `KEY=VALUE` per line (lines starting with `#` are skipped).",
    default: "",
    placeholder: "<KEY=VALUE lines>"
  },
  ready: {
    description: "How to tell the app is ready: a URL (`http://127.0.0.1:3000/health`), a path on the app's port (`/health`), `tcp` (the port accepts connections) or `log:<regex>` (a line of its output matches). Empty: GET `/` on the app's port.",
    default: "",
    placeholder: "<url|/path|tcp|log:regex>"
  },
  "ready-timeout": {
    description: "How long to wait for the app to become ready, e.g. `500ms`, `90s`, `2m`.",
    default: "60s",
    placeholder: "<duration>"
  },
  "ready-status": {
    description: "HTTP statuses that count as ready: codes, ranges or classes, e.g. `200-399`, `200,204`, `2xx`.",
    default: "200-399",
    placeholder: "<statuses>"
  },
  "stop-grace": {
    description: "Time between SIGTERM and SIGKILL when stopping the app's process tree.",
    default: "5s",
    placeholder: "<duration>"
  },
  provider: {
    description: "Tunnel provider: `auto`, `ngrok`, `cloudflared`, `ssh` or `local` (no tunnel: the preview is on loopback). This version implements `local`; `auto` picks it.",
    default: "auto",
    placeholder: "<name>"
  },
  test: {
    description: "Shell command run against the preview once it is up, with `PREVIEW_URL` in its environment. Its exit code is the step's result.",
    default: "",
    placeholder: "<command>"
  },
  "keep-alive": {
    description: "How long to keep the preview up after the tests before tearing it down, e.g. `10m`.",
    default: "0s",
    placeholder: "<duration>"
  }
};
var STATE = {
  runId: "run-id",
  appPid: "app-pid",
  testPid: "test-pid",
  appLog: "app-log",
  tornDown: "torn-down"
};
var RUN_ID_ENV = "PREVIEW_TUNNEL_RUN_ID";

// src/config/parse.ts
var UNIT_MS = { ms: 1, s: 1e3, m: 6e4, h: 36e5 };
var DURATION = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h))+$/;
var DURATION_PART = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;
function parseDuration(input, raw) {
  const value = raw.trim().toLowerCase();
  if (!DURATION.test(value)) {
    const hint = /^\d+(\.\d+)?$/.test(value) ? `; add a unit, e.g. "${value}s"` : "";
    throw new InputError(
      input,
      raw,
      `is not a duration: use a number with a unit ms, s, m or h, e.g. "500ms", "90s", "2m", "1m30s"${hint}`
    );
  }
  let total = 0;
  for (const [, amount, unit] of value.matchAll(DURATION_PART)) {
    total += Number(amount) * UNIT_MS[unit];
  }
  return Math.round(total);
}
function parsePort(input, raw) {
  const value = raw.trim();
  const port = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new InputError(input, raw, "must be a TCP port number from 1 to 65535");
  }
  return port;
}
var ENV_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
function parseEnvLines(input, raw) {
  const env = {};
  raw.split(/\r?\n/).forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("#")) return;
    const eq = trimmed.indexOf("=");
    const key = eq === -1 ? trimmed : trimmed.slice(0, eq).trim();
    if (eq === -1 || !ENV_KEY.test(key)) {
      const shown = eq === -1 ? `${trimmed.split(/\s/)[0]?.slice(0, 40) ?? ""}\u2026` : key;
      throw new InputError(
        input,
        shown,
        `line ${index + 1} is not KEY=VALUE with KEY made of letters, digits and _ (not starting with a digit)`
      );
    }
    env[key] = trimmed.slice(eq + 1);
  });
  return env;
}
function parseStatusRanges(input, raw) {
  const parts = raw.split(",").map((p) => p.trim()).filter((p) => p !== "");
  const fail = () => {
    throw new InputError(
      input,
      raw,
      'must be HTTP statuses (100-599) as a list of codes, ranges or classes, e.g. "200-399", "200,204", "2xx"'
    );
  };
  if (parts.length === 0) fail();
  return parts.map((part) => {
    const cls = /^([1-5])xx$/i.exec(part);
    if (cls) return { min: Number(cls[1]) * 100, max: Number(cls[1]) * 100 + 99 };
    const m = /^(\d{3})(?:\s*-\s*(\d{3}))?$/.exec(part);
    if (!m) return fail();
    const min = Number(m[1]);
    const max = m[2] === void 0 ? min : Number(m[2]);
    if (min < 100 || max > 599 || min > max) return fail();
    return { min, max };
  });
}
function statusAccepted(ranges, status) {
  return ranges.some((r) => status >= r.min && status <= r.max);
}
function parseReady(input, raw) {
  const value = raw.trim();
  if (value === "") return { kind: "path", path: "/" };
  if (value === "tcp") return { kind: "tcp" };
  if (value.startsWith("log:")) {
    const source = value.slice(4);
    if (source === "")
      throw new InputError(input, raw, 'needs a regular expression after "log:", e.g. "log:listening on"');
    try {
      return { kind: "log", pattern: new RegExp(source) };
    } catch (error) {
      throw new InputError(
        input,
        raw,
        `has an invalid regular expression after "log:" (${error.message})`
      );
    }
  }
  if (value.startsWith("/")) return { kind: "path", path: value };
  if (/^https?:\/\//i.test(value)) {
    try {
      return { kind: "http", url: new URL(value) };
    } catch {
    }
  }
  throw new InputError(
    input,
    raw,
    `must be a URL ("http://127.0.0.1:3000/health"), a path on the app's port ("/health"), "tcp", or "log:<regex>"`
  );
}
var PROVIDERS = ["auto", "ngrok", "cloudflared", "ssh", "local"];
function parseProvider(input, raw) {
  const value = raw.trim().toLowerCase();
  if (!PROVIDERS.includes(value)) {
    throw new InputError(input, raw, `must be one of ${PROVIDERS.join(", ")}`);
  }
  return value;
}

// src/config/config.ts
function getConfig(source, context) {
  const problems = [];
  const raw = (name) => {
    const value = source(name);
    return value === void 0 || value.trim() === "" ? INPUTS[name].default : value;
  };
  function read(name, parse2) {
    try {
      return parse2(name, raw(name));
    } catch (error) {
      if (error instanceof InputError) problems.push(error);
      else throw error;
      return void 0;
    }
  }
  const start = read("start", (input, value) => {
    if (value.trim() === "")
      throw new InputError(
        input,
        value,
        'is required: the shell command that starts the app, e.g. "npm start"'
      );
    return value.trim();
  });
  const workingDirectory = read("working-directory", (input, value) => {
    const dir = import_node_path.default.resolve(context.cwd, value.trim());
    const isDir = (() => {
      try {
        return (0, import_node_fs3.statSync)(dir).isDirectory();
      } catch {
        return false;
      }
    })();
    if (!isDir) throw new InputError(input, value, `must be an existing directory (${dir} is not one)`);
    return dir;
  });
  const port = read("port", (input, value) => value.trim() === "" ? void 0 : parsePort(input, value));
  const env = read("env", parseEnvLines);
  const ready = read("ready", parseReady);
  const readyTimeoutMs = read("ready-timeout", positiveDuration);
  const readyStatus = read("ready-status", parseStatusRanges);
  const stopGraceMs = read("stop-grace", parseDuration);
  const provider = read("provider", parseProvider);
  const test = read("test", (_input, value) => value.trim() === "" ? void 0 : value.trim());
  const keepAliveMs = read("keep-alive", parseDuration);
  if (ready?.kind === "http" && ready.url.protocol !== "http:" && ready.url.protocol !== "https:") {
    problems.push(new InputError("ready", raw("ready"), "must use http or https"));
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    start,
    workingDirectory,
    port,
    env,
    ready,
    readyTimeoutMs,
    readyStatus,
    stopGraceMs,
    provider,
    test,
    keepAliveMs
  };
}
function positiveDuration(input, value) {
  const ms = parseDuration(input, value);
  if (ms <= 0) throw new InputError(input, value, 'must be longer than 0, e.g. "60s"');
  return ms;
}

// src/pipeline/pipeline.ts
var import_node_crypto = require("node:crypto");
var import_node_fs5 = require("node:fs");
var import_node_os = require("node:os");
var import_node_path2 = __toESM(require("node:path"), 1);

// src/app/log-tail.ts
var import_node_fs4 = require("node:fs");
var import_promises = require("node:fs/promises");
var CHUNK = 64 * 1024;
var MAX_LINE = 8 * 1024;
var POLL_MS2 = 100;
var LogTail = class {
  constructor(path3, keepLines = 50) {
    this.path = path3;
    this.keepLines = keepLines;
  }
  path;
  keepLines;
  handle;
  watcher;
  timer;
  position = 0;
  partial = "";
  reading;
  again = false;
  buffer = Buffer.alloc(CHUNK);
  last = [];
  listeners = /* @__PURE__ */ new Set();
  closed = false;
  async start() {
    this.handle = await (0, import_promises.open)(this.path, "r");
    try {
      this.watcher = (0, import_node_fs4.watch)(this.path, () => this.poke());
      this.watcher.on("error", () => void 0);
    } catch {
    }
    this.timer = setInterval(() => this.poke(), POLL_MS2);
    this.timer.unref();
    this.poke();
  }
  onLine(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  /** The last lines read so far (at most keepLines). */
  tail() {
    return [...this.last];
  }
  /** Reads whatever is in the file now. */
  async flush() {
    this.poke();
    while (this.reading) await this.reading;
  }
  /** Reads what is left, then stops following; a trailing line without newline is emitted. */
  async close() {
    if (this.closed) return;
    await this.flush().catch(() => void 0);
    this.closed = true;
    if (this.partial !== "") this.emit(this.partial);
    this.partial = "";
    this.watcher?.close();
    if (this.timer) clearInterval(this.timer);
    await this.handle?.close().catch(() => void 0);
    this.handle = void 0;
  }
  poke() {
    if (this.closed || !this.handle) return;
    if (this.reading) {
      this.again = true;
      return;
    }
    this.reading = this.drain().catch(() => void 0).finally(() => {
      this.reading = void 0;
      if (this.again) {
        this.again = false;
        this.poke();
      }
    });
  }
  async drain() {
    for (; ; ) {
      const handle = this.handle;
      if (!handle || this.closed) return;
      const { bytesRead } = await handle.read(this.buffer, 0, CHUNK, this.position);
      if (bytesRead === 0) return;
      this.position += bytesRead;
      this.consume(this.buffer.toString("utf8", 0, bytesRead));
    }
  }
  consume(text) {
    let start = 0;
    for (; ; ) {
      const nl = text.indexOf("\n", start);
      if (nl === -1) break;
      this.emit(this.partial + text.slice(start, nl));
      this.partial = "";
      start = nl + 1;
    }
    this.partial += text.slice(start);
    if (this.partial.length > MAX_LINE) {
      this.emit(this.partial);
      this.partial = "";
    }
  }
  emit(raw) {
    const line = (raw.endsWith("\r") ? raw.slice(0, -1) : raw).slice(0, MAX_LINE);
    this.last.push(line);
    if (this.last.length > this.keepLines) this.last.shift();
    for (const listener of this.listeners) listener(line);
  }
};

// src/app/ports.ts
var import_node_net = __toESM(require("node:net"), 1);
function freePort() {
  return new Promise((resolve, reject) => {
    const server = import_node_net.default.createServer();
    server.unref();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
async function portInUse(port) {
  const tryHost = (host) => new Promise((resolve) => {
    const socket = import_node_net.default.connect({ host, port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
    socket.setTimeout(1e3, () => {
      socket.destroy();
      resolve(false);
    });
  });
  const results = await Promise.all([tryHost("127.0.0.1"), tryHost("::1")]);
  return results.some(Boolean);
}

// src/app/readiness.ts
var import_node_http = __toESM(require("node:http"), 1);
var import_node_https = __toESM(require("node:https"), 1);
var import_node_net2 = __toESM(require("node:net"), 1);

// src/util/time.ts
var import_promises2 = require("node:timers/promises");
function formatDuration(ms) {
  if (ms < 1e3) return `${Math.round(ms)}ms`;
  if (ms < 6e4) return `${(ms / 1e3).toFixed(ms < 1e4 ? 2 : 1)}s`;
  const m = Math.floor(ms / 6e4);
  const s = Math.round(ms % 6e4 / 1e3);
  return s === 0 ? `${m}m` : `${m}m${s}s`;
}
async function sleep(ms, signal) {
  try {
    await (0, import_promises2.setTimeout)(ms, void 0, { signal });
  } catch {
  }
}

// src/app/readiness.ts
var ReadyTimeoutError = class extends Error {
  constructor(probe, lastResult, attempts, timeoutMs) {
    super(
      `The app was not ready after ${formatDuration(timeoutMs)}: ${probe}, ${attempts} attempt${attempts === 1 ? "" : "s"}; last result: ${lastResult}.`
    );
    this.probe = probe;
    this.lastResult = lastResult;
    this.attempts = attempts;
    this.name = "ReadyTimeoutError";
  }
  probe;
  lastResult;
  attempts;
};
var FIRST_INTERVAL_MS = 10;
var MAX_INTERVAL_MS = 250;
var REFUSED_INTERVAL_MS = 5;
var REFUSED_INTERVAL_LATER_MS = 25;
var REFUSED_FAST_FOR_MS = 5e3;
var ATTEMPT_TIMEOUT_MS = 5e3;
async function waitForReady(options) {
  const started = performance.now();
  if (options.spec.kind === "log") return waitForLine(options, options.spec.pattern, started);
  const probe = makeProbe(options);
  const deadline = started + options.timeoutMs;
  let attempts = 0;
  let interval = FIRST_INTERVAL_MS;
  let last = { ok: false, detail: "no attempt finished", refused: false };
  for (; ; ) {
    throwIfAborted(options.signal);
    const remaining = deadline - performance.now();
    if (remaining <= 0)
      throw new ReadyTimeoutError(probe.description, last.detail, attempts, options.timeoutMs);
    attempts++;
    const budget = Math.min(ATTEMPT_TIMEOUT_MS, remaining);
    const result = await probe.attempt(budget);
    if (result.ok)
      return { attempts, elapsedMs: performance.now() - started, detail: result.detail, host: result.host };
    if (!(result.timedOut && budget < ATTEMPT_TIMEOUT_MS && attempts > 1)) last = result;
    throwIfAborted(options.signal);
    const refusedCap = performance.now() - started < REFUSED_FAST_FOR_MS ? REFUSED_INTERVAL_MS : REFUSED_INTERVAL_LATER_MS;
    interval = Math.min(result.refused ? refusedCap : MAX_INTERVAL_MS, interval * 1.5);
    await sleep(Math.min(interval, Math.max(0, deadline - performance.now())), options.signal);
  }
}
function throwIfAborted(signal) {
  if (signal?.aborted)
    throw signal.reason instanceof Error ? signal.reason : new Error(String(signal.reason));
}
async function waitForLine(options, pattern, started) {
  const description = `waited for a line of the app's output matching /${pattern.source}/`;
  const hit = (options.seenLines?.() ?? []).find((line) => pattern.test(line));
  if (hit !== void 0)
    return { attempts: 1, elapsedMs: performance.now() - started, detail: `line: ${hit}` };
  if (!options.onLine) throw new Error("log readiness needs the app's output");
  const subscribe = options.onLine;
  return new Promise((resolve, reject) => {
    let lines = 0;
    const finish = (error, line) => {
      unsubscribe();
      clearTimeout(timer);
      options.signal?.removeEventListener("abort", onAbort);
      if (error) reject(error);
      else resolve({ attempts: lines, elapsedMs: performance.now() - started, detail: `line: ${line}` });
    };
    const unsubscribe = subscribe((line) => {
      lines++;
      if (pattern.test(line)) finish(void 0, line);
    });
    const timer = setTimeout(
      () => finish(
        new ReadyTimeoutError(
          description,
          `${lines} lines printed, none matched`,
          lines,
          options.timeoutMs
        )
      ),
      options.timeoutMs
    );
    const onAbort = () => finish(options.signal?.reason instanceof Error ? options.signal.reason : new Error("aborted"));
    if (options.signal?.aborted) onAbort();
    else options.signal?.addEventListener("abort", onAbort, { once: true });
  });
}
function loopbackHosts(hostname) {
  return hostname === "localhost" ? ["127.0.0.1", "::1"] : [hostname.replace(/^\[|\]$/g, "")];
}
function makeProbe(options) {
  const spec = options.spec;
  if (spec.kind === "tcp") {
    const hosts2 = loopbackHosts("localhost");
    return {
      description: `connected to TCP port ${options.port} on ${hosts2.join(" and ")}`,
      attempt: (timeoutMs) => anyOf(hosts2.map((host) => tcpAttempt(host, options.port, timeoutMs)))
    };
  }
  if (spec.kind === "log") throw new Error("log readiness has no network probe");
  const url = spec.kind === "http" ? spec.url : new URL(spec.path, `http://localhost:${options.port}`);
  const hosts = loopbackHosts(url.hostname);
  const where = hosts.length > 1 ? ` (on ${hosts.join(" and ")})` : "";
  return {
    description: `probed GET ${url.href}${where}`,
    attempt: (timeoutMs) => anyOf(hosts.map((host) => httpAttempt(url, host, options.statuses, timeoutMs)))
  };
}
async function anyOf(attempts) {
  if (attempts.length === 1) return attempts[0];
  return new Promise((resolve) => {
    const failures = [];
    let failed = 0;
    attempts.forEach((attempt, index) => {
      void attempt.then((result) => {
        if (result.ok) {
          resolve(result);
          return;
        }
        failures[index] = result;
        if (++failed === attempts.length) {
          resolve({
            ok: false,
            refused: failures.every((f) => f.refused),
            timedOut: failures.some((f) => f.timedOut),
            detail: failures.map((f) => f.detail).join("; ")
          });
        }
      });
    });
  });
}
var NOTHING_LISTENS = /* @__PURE__ */ new Set(["ECONNREFUSED", "EADDRNOTAVAIL", "EAFNOSUPPORT", "ENETUNREACH"]);
function failure(host, error) {
  const code = error.code ?? error.message;
  return { ok: false, refused: NOTHING_LISTENS.has(error.code ?? ""), detail: `${host}: ${code}` };
}
function tcpAttempt(host, port, timeoutMs) {
  return new Promise((resolve) => {
    const socket = import_node_net2.default.connect({ host, port });
    const done = (result) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(
      () => done({ ok: false, refused: false, timedOut: true, detail: `${host}: timed out` }),
      timeoutMs
    );
    socket.once(
      "connect",
      () => done({ ok: true, refused: false, host, detail: `TCP ${host}:${port} accepted a connection` })
    );
    socket.once("error", (error) => done(failure(host, error)));
  });
}
function httpAttempt(url, host, statuses, timeoutMs) {
  return new Promise((resolve) => {
    const client = url.protocol === "https:" ? import_node_https.default : import_node_http.default;
    const request = client.request({
      host,
      port: url.port || (url.protocol === "https:" ? 443 : 80),
      path: `${url.pathname}${url.search}`,
      method: "GET",
      headers: {
        host: url.host,
        accept: "text/html,application/json;q=0.9,*/*;q=0.8",
        "user-agent": "preview-tunnel readiness probe"
      },
      agent: false,
      // The app's own dev certificate is usually self-signed; this only asks "is it up?".
      rejectUnauthorized: false,
      servername: import_node_net2.default.isIP(url.hostname) ? void 0 : url.hostname
    });
    const done = (result) => {
      clearTimeout(timer);
      request.destroy();
      resolve(result);
    };
    const timer = setTimeout(
      () => done({
        ok: false,
        refused: false,
        timedOut: true,
        detail: `${host}: no answer within ${formatDuration(timeoutMs)}`
      }),
      timeoutMs
    );
    request.once("response", (response) => {
      const status = response.statusCode ?? 0;
      response.resume();
      const ok = statusAccepted(statuses, status);
      done({ ok, refused: false, host, detail: `GET ${url.href} via ${host} -> HTTP ${status}` });
    });
    request.once("error", (error) => done(failure(host, error)));
    request.end();
  });
}

// src/session/teardown.ts
var Teardown = class {
  constructor(warn) {
    this.warn = warn;
  }
  warn;
  steps = [];
  running;
  /** Adds a step; returns a function that runs just that step early (and only once). */
  add(name, run) {
    let done;
    const once = () => {
      done ??= Promise.resolve().then(run).catch((error) => this.warn(`Teardown of ${name} failed: ${errorMessage(error)}`));
      return done;
    };
    this.steps.push({ name, run: once });
    return once;
  }
  get started() {
    return this.running !== void 0;
  }
  /** Runs every step, last registered first. Idempotent: later calls share the first run. */
  run() {
    this.running ??= (async () => {
      for (const step of [...this.steps].reverse()) await step.run();
    })();
    return this.running;
  }
};

// src/tunnel/local.ts
var import_node_events = require("node:events");
var localProvider = {
  name: "local",
  async open(target) {
    const host = target.host.includes(":") ? `[${target.host}]` : target.host;
    return Object.assign(new import_node_events.EventEmitter(), {
      url: `http://${host}:${target.port}`,
      close: async () => void 0
    });
  }
};

// src/tunnel/index.ts
function chooseProvider(name) {
  switch (name) {
    case "local":
      return { provider: localProvider, reason: "provider: local" };
    case "auto":
      return {
        provider: localProvider,
        reason: "provider: auto picked local (no public tunnel in this version)"
      };
    default:
      throw new ConfigError([
        new InputError(
          "provider",
          name,
          'names a provider this version does not implement yet: use "local" or "auto"'
        )
      ]);
  }
}

// src/pipeline/phases.ts
var PhaseClock = class {
  records = [];
  async run(name, body, detail) {
    const started = performance.now();
    try {
      const value = await body();
      this.records.push({ name, status: "ok", ms: performance.now() - started, detail: detail(value) });
      return value;
    } catch (error) {
      const message = error instanceof Error ? error.message.split("\n")[0] ?? "" : String(error);
      this.records.push({ name, status: "failed", ms: performance.now() - started, detail: message });
      throw error;
    }
  }
  skip(name, detail) {
    this.records.push({ name, status: "skipped", ms: 0, detail });
  }
};

// src/pipeline/pipeline.ts
var CANCEL_GRACE_MS = 3e3;
var LOG_TAIL_LINES = 50;
var FOREVER_MS = 2 ** 31 - 1;
async function runPipeline(config, deps) {
  const { logger, signal } = deps;
  const { provider, reason } = chooseProvider(config.provider);
  const runId = (0, import_node_crypto.randomUUID)();
  const runDir = import_node_path2.default.join(deps.tempDir, `preview-tunnel-${runId.slice(0, 8)}`);
  (0, import_node_fs5.mkdirSync)(runDir, { recursive: true });
  const appLog = import_node_path2.default.join(runDir, "app.log");
  const clock = new PhaseClock();
  const teardown = new Teardown((m) => logger.warning(m));
  const grace = () => signal.aborted ? Math.min(config.stopGraceMs, CANCEL_GRACE_MS) : config.stopGraceMs;
  deps.state.save(STATE.runId, runId);
  deps.state.save(STATE.appLog, appLog);
  let url;
  let testExitCode;
  let outcome = "no-test";
  let failure2;
  const finish = async () => {
    const result = {
      outcome,
      url,
      provider: provider.name,
      appLog,
      testExitCode,
      phases: clock.records,
      failure: failure2
    };
    await deps.reporter.finished(result);
    return result;
  };
  teardown.add("stragglers", async () => {
    const swept = await sweepMarked(RUN_ID_ENV, runId, grace());
    if (swept > 0)
      logger.warning(`Stopped ${swept} leftover process(es) of this run that had left their process group.`);
  });
  try {
    throwIfCancelled(signal);
    const port = config.port ?? await freePort();
    if (config.port !== void 0 && await portInUse(port)) {
      throw new StartError(
        `Port ${port} is already in use before the app started, so readiness would probe another process. Stop whatever listens there, or choose another "port".`
      );
    }
    const tail = new LogTail(appLog, LOG_TAIL_LINES);
    const app = await clock.run(
      "boot",
      async () => {
        logger.startGroup(`App: ${config.start}`);
        logger.info(
          `Starting the app in ${config.workingDirectory} with PORT=${port}; its output goes to ${appLog}`
        );
        const started = await deps.launcher.start({
          command: config.start,
          cwd: config.workingDirectory,
          env: { ...deps.baseEnv, PORT: String(port), ...config.env, [RUN_ID_ENV]: runId },
          output: { file: appLog }
        });
        deps.state.save(STATE.appPid, String(started.pid));
        teardown.add("log", () => tail.close());
        teardown.add("app", async () => {
          logger.info("Stopping the app");
          await started.stop(grace());
        });
        await tail.start();
        tail.onLine((line) => logger.write(`${line}
`));
        return started;
      },
      (p) => `pid ${p.pid}`
    );
    const appExit = watchExit(app);
    const ready = await clock.run(
      "ready",
      async () => {
        try {
          return await waitForReady({
            spec: config.ready,
            port,
            statuses: config.readyStatus,
            timeoutMs: config.readyTimeoutMs,
            onLine: (listener) => tail.onLine(listener),
            seenLines: () => tail.tail(),
            signal: AbortSignal.any([signal, appExit.signal])
          });
        } catch (error) {
          throw await startFailure(error, app, tail, appLog, signal);
        } finally {
          logger.endGroup();
        }
      },
      (r) => `${r.detail} after ${formatDuration(r.elapsedMs)}`
    );
    logger.info(`The app is ready (${ready.detail}) after ${formatDuration(ready.elapsedMs)}.`);
    void appExit.exited.then(async (exit2) => {
      if (teardown.started) return;
      await tail.flush();
      logger.error(`The app ${describeExit(exit2)} while the preview was up.
${formatTail(tail, appLog)}`);
    });
    logger.info(reason);
    const tunnel = await clock.run(
      "expose",
      async () => {
        const opened = await provider.open(
          { host: ready.host ?? "127.0.0.1", port },
          { logger, signal, runDir }
        );
        teardown.add("tunnel", () => opened.close());
        return opened;
      },
      (t) => `${provider.name}: ${t.url}`
    );
    url = tunnel.url;
    await clock.run(
      "publish",
      async () => {
        await deps.reporter.preview({ url: tunnel.url, provider: provider.name });
        logger.info(`Preview: ${tunnel.url}`);
      },
      () => tunnel.url
    );
    if (config.test) {
      const test = config.test;
      testExitCode = await clock.run(
        "test",
        () => runTest(test, tunnel.url, config, deps, runId, teardown, grace, appExit.signal),
        (code) => `exit code ${code}`
      );
      outcome = testExitCode === 0 ? "passed" : "failed";
      if (outcome === "failed") failure2 = `The test command exited with code ${testExitCode}.`;
    } else {
      clock.skip("test", "no test command");
    }
    if (config.keepAliveMs > 0 && !app.exitInfo()) {
      await clock.run(
        "hold",
        async () => {
          const until = new Date(Date.now() + config.keepAliveMs);
          logger.info(
            config.keepAliveMs >= FOREVER_MS ? `Keeping the preview at ${tunnel.url} up until interrupted (Ctrl-C).` : `Keeping the preview at ${tunnel.url} up for ${formatDuration(config.keepAliveMs)}, until ${until.toISOString()}.`
          );
          await sleep(config.keepAliveMs, AbortSignal.any([signal, appExit.signal]));
          throwIfCancelled(signal);
        },
        () => formatDuration(config.keepAliveMs)
      );
    } else {
      clock.skip("hold", config.keepAliveMs > 0 ? "the app had exited" : "keep-alive 0s");
    }
    const exit = app.exitInfo();
    if (exit) {
      const crash = `The app ${describeExit(exit)} while the preview was up.`;
      outcome = "failed";
      failure2 = failure2 ? `${failure2} ${crash}` : crash;
    }
  } catch (error) {
    if (error instanceof CancelledError || signal.aborted) {
      outcome = "cancelled";
      failure2 = `Cancelled by ${signal.reason instanceof CancelledError ? signal.reason.signal : "a signal"}.`;
    } else {
      outcome = "start-failed";
      failure2 = error instanceof Error ? error.message : String(error);
    }
    await clock.run(
      "teardown",
      () => teardown.run(),
      () => "done"
    );
    deps.state.save(STATE.tornDown, "true");
    await finish();
    throw signal.aborted && signal.reason instanceof CancelledError ? signal.reason : error;
  }
  await clock.run(
    "teardown",
    () => teardown.run(),
    () => "done"
  );
  deps.state.save(STATE.tornDown, "true");
  return finish();
}
function throwIfCancelled(signal) {
  if (signal.aborted) throw signal.reason instanceof Error ? signal.reason : new CancelledError("SIGTERM");
}
function watchExit(app) {
  const controller = new AbortController();
  const exited = app.exited.then((exit) => {
    controller.abort(new AppExitedError(exit));
    return exit;
  });
  return { signal: controller.signal, exited };
}
var AppExitedError = class extends Error {
  constructor(exit) {
    super(`The app ${describeExit(exit)}`);
    this.exit = exit;
  }
  exit;
};
async function startFailure(error, app, tail, appLog, signal) {
  if (signal.aborted) return signal.reason;
  await tail.flush();
  if (error instanceof AppExitedError) {
    return new StartError(
      `The app ${describeExit(error.exit)} before it was ready.
${formatTail(tail, appLog)}`
    );
  }
  if (error instanceof ReadyTimeoutError) {
    const exit = app.exitInfo();
    const still = exit ? ` The app ${describeExit(exit)}.` : "";
    return new StartError(`${error.message}${still}
${formatTail(tail, appLog)}`, { cause: error });
  }
  return error;
}
function formatTail(tail, appLog) {
  const lines = tail.tail();
  if (lines.length === 0) return `The app printed nothing (log: ${appLog}).`;
  return `Last ${lines.length} line(s) of its output (full log: ${appLog}):
${lines.map((l) => `  | ${l}`).join("\n")}`;
}
async function runTest(command, url, config, deps, runId, teardown, grace, appGone) {
  deps.logger.info(`Running the test command against ${url}: ${command}`);
  const test = await deps.launcher.start({
    command,
    cwd: config.workingDirectory,
    env: { ...deps.baseEnv, PREVIEW_URL: url, [RUN_ID_ENV]: runId },
    output: "inherit"
  });
  deps.state.save(STATE.testPid, String(test.pid));
  const stopTest = teardown.add("test command", () => test.stop(grace()));
  const cancelled = new Promise((_, reject) => {
    const onAbort = () => reject(deps.signal.reason);
    if (deps.signal.aborted) onAbort();
    else deps.signal.addEventListener("abort", onAbort, { once: true });
  });
  cancelled.catch(() => void 0);
  const exit = await Promise.race([test.exited, cancelled]);
  await stopTest();
  if (appGone.aborted) deps.logger.warning("The app exited while the test command ran.");
  return exit.code ?? 128 + (exit.signal ? import_node_os.constants.signals[exit.signal] ?? 0 : 0);
}

// src/session/signals.ts
function abortOnSignals(onSignal) {
  const controller = new AbortController();
  const handler = (sig) => {
    onSignal?.(sig);
    if (!controller.signal.aborted) controller.abort(new CancelledError(sig));
  };
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
  return {
    signal: controller.signal,
    dispose: () => {
      process.off("SIGINT", handler);
      process.off("SIGTERM", handler);
    }
  };
}

// src/session/state.ts
var noState = { save: () => void 0 };

// src/util/logger.ts
function consoleLogger(stream = process.stderr, verbose = false) {
  const line = (text) => stream.write(`${text}
`);
  return {
    info: (m) => line(`preview-tunnel: ${m}`),
    warning: (m) => line(`preview-tunnel: warning: ${m}`),
    error: (m) => line(`preview-tunnel: error: ${m}`),
    debug: (m) => {
      if (verbose) line(`preview-tunnel: debug: ${m}`);
    },
    startGroup: (title) => line(`\u2500\u2500 ${title}`),
    endGroup: () => line("\u2500\u2500"),
    write: (text) => stream.write(text)
  };
}

// src/cli/cli.ts
var VERSION = true ? "0.1.0" : "dev";
var defaultIo = {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env
};
function usage() {
  const flags = Object.entries(INPUTS).map(([name, spec]) => {
    const def = spec.default ? ` (default: ${spec.default})` : "";
    return `  --${name} ${spec.placeholder}
      ${spec.description.replace(/`/g, "")}${def}`;
  });
  return [
    `preview-tunnel ${VERSION}: boot an app, wait until it is ready, expose it, test it, tear it all down.`,
    "",
    "Usage:",
    '  preview-tunnel run --start "<command>" [--port <n>] [--test "<command>"] [options]',
    "  preview-tunnel --help | --version",
    "",
    "Options of run (the same names as the action's inputs):",
    ...flags,
    "",
    "Without --test and --keep-alive the preview stays up until Ctrl-C.",
    "Exit codes: 0 test passed (or no test), 1 test failed, 2 invalid input,",
    "3 app or tunnel could not start, 130/143 interrupted by SIGINT/SIGTERM.",
    ""
  ].join("\n");
}
async function runCli(argv, io = defaultIo) {
  const logger = consoleLogger(io.stderr);
  let parsed;
  try {
    parsed = parse(argv);
  } catch (error) {
    logger.error(`${errorMessage(error)}
Run "preview-tunnel --help" for the options.`);
    return EXIT.invalidInput;
  }
  if (parsed.values.help) {
    io.stdout.write(usage());
    return EXIT.ok;
  }
  if (parsed.values.version) {
    io.stdout.write(`${VERSION}
`);
    return EXIT.ok;
  }
  const [command, ...rest] = parsed.positionals;
  if (command !== "run" || rest.length > 0) {
    logger.error(
      command === void 0 ? 'Missing command: use "preview-tunnel run --start <command>" (see --help).' : `Unknown command "${[command, ...rest].join(" ")}": the command is "run" (see --help).`
    );
    return EXIT.invalidInput;
  }
  const cancel = abortOnSignals((sig) => logger.warning(`Received ${sig}: tearing down.`));
  try {
    const values = parsed.values;
    const config = getConfig((name) => values[name], { cwd: io.cwd });
    const holdForever = config.test === void 0 && values["keep-alive"] === void 0;
    const result = await runPipeline(holdForever ? { ...config, keepAliveMs: FOREVER_MS } : config, {
      logger,
      launcher: nodeLauncher,
      state: noState,
      tempDir: (0, import_node_os2.tmpdir)(),
      baseEnv: io.env,
      signal: cancel.signal,
      reporter: {
        preview: ({ url }) => {
          io.stdout.write(`PREVIEW_URL=${url}
`);
        },
        finished: (r) => {
          io.stderr.write(phaseTable(r));
          logger.info(
            `Done: ${r.outcome}${r.failure ? ` (${r.failure.split("\n")[0]})` : ""}. App log: ${r.appLog}`
          );
        }
      }
    });
    return result.outcome === "failed" ? EXIT.testFailed : EXIT.ok;
  } catch (error) {
    if (error instanceof CancelledError) return error.signal === "SIGINT" ? EXIT.sigint : EXIT.sigterm;
    logger.error(errorMessage(error));
    if (error instanceof ConfigError || error instanceof InputError) return EXIT.invalidInput;
    if (error instanceof StartError) return EXIT.startFailed;
    return EXIT.testFailed;
  } finally {
    cancel.dispose();
  }
}
function phaseTable(result) {
  const rows = result.phases.map(
    (p) => `  ${p.name.padEnd(9)} ${p.status.padEnd(8)} ${(p.status === "skipped" ? "" : formatDuration(p.ms)).padStart(7)}  ${p.detail}`
  );
  return `${rows.join("\n")}
`;
}
function parse(argv) {
  const options = Object.fromEntries(Object.keys(INPUTS).map((name) => [name, { type: "string" }]));
  return (0, import_node_util.parseArgs)({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      ...options,
      help: { type: "boolean", short: "h" },
      version: { type: "boolean", short: "v" }
    }
  });
}

// src/cli.ts
void runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
