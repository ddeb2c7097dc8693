import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import {
  statusAccepted
} from "./chunk-LDT6WRPX.js";
import {
  https_default
} from "./chunk-EHOPSBCD.js";
import {
  spawn,
  spawnSync
} from "./chunk-TATCJCUR.js";
import {
  net_default,
  open
} from "./chunk-VTIJIBSJ.js";
import {
  http_default
} from "./chunk-VWFGOYLM.js";
import {
  closeSync,
  openSync,
  readFileSync,
  readdirSync,
  watch
} from "./chunk-RIQZ67RY.js";
import {
  formatDuration,
  sleep
} from "./chunk-S4FSG2IO.js";

// src/app/command.ts
async function runToEnd(launcher, options, bounds) {
  const started = performance.now();
  const ms = () => performance.now() - started;
  const child = await launcher.start(options);
  let timer;
  let onAbort;
  const early = new Promise((resolve) => {
    if (bounds.timeoutMs !== void 0) timer = setTimeout(() => resolve("timed-out"), bounds.timeoutMs);
    onAbort = () => resolve("aborted");
    if (bounds.signal?.aborted) onAbort();
    else bounds.signal?.addEventListener("abort", onAbort, { once: true });
  });
  try {
    const first = await Promise.race([child.exited, early]);
    if (typeof first !== "string") {
      await child.stop(0);
      return { kind: "exited", exit: first, ms: ms() };
    }
    await child.stop(bounds.killGraceMs);
    return { kind: first, ms: ms() };
  } finally {
    clearTimeout(timer);
    if (onAbort) bounds.signal?.removeEventListener("abort", onAbort);
  }
}

// src/app/log-tail.ts
var CHUNK = 64 * 1024;
var MAX_LINE = 8 * 1024;
var POLL_MS = 100;
var LogTail = class {
  constructor(path, keepLines = 50, from = 0) {
    this.path = path;
    this.keepLines = keepLines;
    this.position = from;
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
  /** Bytes read so far (the offset of the next unread byte). */
  get offset() {
    return this.position;
  }
  async start() {
    this.handle = await open(this.path, "r");
    try {
      this.watcher = watch(this.path, () => this.poke());
      this.watcher.on("error", () => void 0);
    } catch {
    }
    this.timer = setInterval(() => this.poke(), POLL_MS);
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

// src/app/proc-table.ts
var hasProcTable = process.platform === "linux";
function readProc(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return {
      pid,
      state: fields[0] ?? "?",
      ppid: Number(fields[1]),
      pgid: Number(fields[2]),
      sid: Number(fields[3]),
      startTime: Number(fields[19])
    };
  } catch {
    return void 0;
  }
}
function listProcs() {
  if (!hasProcTable) return [];
  const procs = [];
  for (const name of readdirSync("/proc")) {
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
  for (const p of procs)
    if ((p.pgid === rootPid || p.sid === rootPid) && p.state !== "Z" && p.pid !== process.pid)
      found.add(p.pid);
  return [...found].filter((pid) => procs.some((p) => p.pid === pid && p.state !== "Z"));
}
function processesWithEnv(name, value, procs = listProcs()) {
  const needle = Buffer.from(`${name}=${value}\0`);
  const pids = [];
  for (const p of procs) {
    if (p.state === "Z" || p.pid === process.pid) continue;
    try {
      const environ = readFileSync(`/proc/${p.pid}/environ`);
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
var POLL_MS2 = 20;
var AFTER_KILL_MS = 2e3;
async function stopProcessTree(rootPid, options) {
  if ((options.platform ?? process.platform) === "win32") {
    spawnSync("taskkill", ["/PID", String(rootPid), "/T", "/F"], { stdio: "ignore", windowsHide: true });
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
  const ended = () => Date.now() >= Math.min(graceEnd, options.cutoff?.() ?? graceEnd);
  while (!ended() && anyAlive(rootPid, pids)) {
    await pause(POLL_MS2);
    for (const pid of targets()) pids.add(pid);
  }
  if (!anyAlive(rootPid, pids)) return { killed: 0 };
  pids = new Set([...pids, ...targets()].filter(isAlive));
  const killed = pids.size;
  signalAll(rootPid, pids, "SIGKILL");
  const killEnd = Date.now() + AFTER_KILL_MS;
  while (Date.now() < killEnd && anyAlive(rootPid, pids)) await pause(POLL_MS2);
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
async function sweepMarked(name, value, graceMs, cutoff) {
  const pids = processesWithEnv(name, value);
  await Promise.all(pids.map((pid) => stopProcessTree(pid, { graceMs, ...cutoff ? { cutoff } : {} })));
  return pids.length;
}

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

// src/app/process.ts
function describeExit(exit) {
  return exit.signal ? `was killed by ${exit.signal}` : `exited with code ${exit.code}`;
}
var nodeLauncher = { start: startProcess };
async function startProcess(options) {
  const shell = shellCommand(options.command);
  const fd = options.output === "inherit" ? void 0 : openSync(options.output.file, "a");
  let child;
  try {
    child = spawn(shell.file, shell.args, {
      cwd: options.cwd,
      env: options.env,
      detached: true,
      stdio: fd === void 0 ? ["ignore", "inherit", "inherit"] : ["ignore", fd, fd],
      windowsHide: true,
      windowsVerbatimArguments: shell.windowsVerbatimArguments
    });
  } finally {
    if (fd !== void 0) closeSync(fd);
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
    stop(graceMs, cutoff) {
      stopping ??= stopProcessTree(pid, { graceMs, ...cutoff ? { cutoff } : {} }).then(() => void 0).catch(() => void 0);
      return stopping;
    }
  };
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
async function probeOnce(options, timeoutMs) {
  const spec = options.spec.kind === "log" ? { kind: "tcp" } : options.spec;
  const { ok, detail } = await makeProbe({ ...options, spec, timeoutMs }).attempt(timeoutMs);
  return { ok, detail };
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
    const socket = net_default.connect({ host, port });
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
    const client = url.protocol === "https:" ? https_default : http_default;
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
      servername: net_default.isIP(url.hostname) ? void 0 : url.hostname
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

// src/app/liveness.ts
var LIVENESS_INTERVAL_MS = 2e3;
var LIVENESS_FAILURES = 3;
function watchLiveness(options) {
  const interval = options.intervalMs ?? LIVENESS_INTERVAL_MS;
  const limit = options.failures ?? LIVENESS_FAILURES;
  let stopped = false;
  let failed = 0;
  let timer;
  const next = () => {
    if (stopped) return;
    timer = setTimeout(check, interval);
    timer.unref();
  };
  const check = async () => {
    const result = await probeOnce(options, interval);
    if (stopped) return;
    failed = result.ok ? 0 : failed + 1;
    if (failed < limit) return next();
    stopped = true;
    options.onDown(`${limit} probes in a row failed, ${interval / 1e3}s apart; the last: ${result.detail}`);
  };
  next();
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    }
  };
}

// src/app/order.ts
function startOrder(services) {
  const known = new Set(services.map((s) => s.name));
  const pending = new Map(services.map((s) => [s.name, s.dependsOn.filter((d) => known.has(d))]));
  const placed = /* @__PURE__ */ new Set();
  const levels = [];
  while (pending.size > 0) {
    const level = [...pending].filter(([, deps]) => deps.every((d) => placed.has(d))).map(([name]) => name);
    if (level.length === 0) return { cycle: findCycle(pending) };
    for (const name of level) {
      pending.delete(name);
      placed.add(name);
    }
    levels.push(level);
  }
  return { levels };
}
function findCycle(pending) {
  const path = [];
  let current = pending.keys().next().value;
  while (!path.includes(current)) {
    path.push(current);
    current = (pending.get(current) ?? []).find((d) => pending.has(d));
  }
  return [...path.slice(path.indexOf(current)), current];
}

// src/app/ports.ts
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net_default.createServer();
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
    const socket = net_default.connect({ host, port });
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

// src/app/settings.ts
var START_MODES = ["auto", "attached", "detached"];
var DEFAULT_SERVICE_NAME = "app";
function serviceUrlEnv(name) {
  return `${name.toUpperCase().replace(/-/g, "_")}_URL`;
}

export {
  START_MODES,
  DEFAULT_SERVICE_NAME,
  serviceUrlEnv,
  runToEnd,
  ReadyTimeoutError,
  waitForReady,
  LIVENESS_INTERVAL_MS,
  LIVENESS_FAILURES,
  watchLiveness,
  LogTail,
  startOrder,
  freePort,
  portInUse,
  readProc,
  listProcs,
  processTree,
  processesWithEnv,
  isAlive,
  stopProcessTree,
  sweepMarked,
  describeExit,
  nodeLauncher
};
