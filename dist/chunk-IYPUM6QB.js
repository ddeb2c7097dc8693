import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import {
  loadVendored,
  vendoredDir
} from "./chunk-Y4O7CTZI.js";
import {
  EventEmitter
} from "./chunk-3AIUAVFA.js";
import {
  StopPlan,
  mergeEnv,
  redactingLogger
} from "./chunk-CCJA65KF.js";
import {
  namedIdpSecrets
} from "./chunk-3Y4TJIQ3.js";
import {
  DEFAULT_CLOUDFLARED_VERSION,
  applyUrlTemplate,
  defaultTunnelSettings,
  namedTunnelSecrets
} from "./chunk-7S3VWT3P.js";
import {
  namedScenarioSecrets
} from "./chunk-STNDWCUP.js";
import {
  PROBE_KEY_HEADER,
  clientCredentials,
  namedGateSecrets,
  newProbeSecrets,
  pipeline,
  startGate
} from "./chunk-FQHZH3D3.js";
import {
  Readable
} from "./chunk-ADOYJPIF.js";
import {
  githubWebhookEnv,
  namedGithubWebhookSecrets
} from "./chunk-MTL5JJZW.js";
import {
  SecretRegistry,
  tooShortWarning
} from "./chunk-QSITGZFO.js";
import {
  RUN_ID_ENV,
  STATE
} from "./chunk-O3TADS5N.js";
import {
  LIVENESS_FAILURES,
  LIVENESS_INTERVAL_MS,
  LogTail,
  ReadyTimeoutError,
  describeExit,
  freePort,
  portInUse,
  runToEnd,
  serviceUrlEnv,
  startOrder,
  stopProcessTree,
  sweepMarked,
  waitForReady,
  watchLiveness
} from "./chunk-ZJNQSVQY.js";
import {
  constants,
  os_default
} from "./chunk-NR726SSU.js";
import {
  spawn
} from "./chunk-TATCJCUR.js";
import {
  makeDir
} from "./chunk-VTIJIBSJ.js";
import {
  path_default
} from "./chunk-C6CPBUKC.js";
import {
  appendFileSync,
  chmodSync,
  copyFileSync,
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  writeFileSync
} from "./chunk-RIQZ67RY.js";
import {
  IDP_MOUNT_PATH,
  PROBE_PATH,
  describeSignIn,
  isUnder
} from "./chunk-YJNIKON3.js";
import {
  createHash
} from "./chunk-DDG4KZIH.js";
import {
  CancelledError,
  StartError,
  errorMessage,
  formatDuration,
  sleep
} from "./chunk-S4FSG2IO.js";

// src/pipeline/phases/hold.ts
var FOREVER_MS = 2 ** 31 - 1;
async function hold(ctx, app) {
  const announce = () => ctx.deps.reporter.holding?.(ctx.result());
  const url2 = ctx.reached.url;
  await app.flush();
  await ctx.deps.publisher?.settled();
  const stop = ctx.deps.stop;
  const keepAliveMs = stop ? FOREVER_MS : ctx.settings.keepAliveMs;
  if (keepAliveMs <= 0 || app.down()) {
    ctx.clock.skip("hold", keepAliveMs > 0 ? "the app was down" : "keep-alive 0s");
    await announce();
    return;
  }
  await ctx.clock.run(
    "hold",
    async () => {
      await announce();
      const until = new Date(Date.now() + keepAliveMs);
      ctx.logger.info(
        stop ? `The preview at ${url2} stays up until the post step stops it.` : keepAliveMs >= FOREVER_MS ? `Keeping the preview at ${url2} up until interrupted (Ctrl-C).` : `Keeping the preview at ${url2} up for ${formatDuration(keepAliveMs)}, until ${until.toISOString()}.`
      );
      const ends = [ctx.signal, ...stop ? [stop] : [app.gone]];
      await sleep(keepAliveMs, AbortSignal.any(ends));
      throwIfCancelled(ctx.signal);
    },
    () => stop ? "until stopped" : formatDuration(keepAliveMs)
  );
}
function throwIfCancelled(signal) {
  if (signal.aborted) throw signal.reason instanceof Error ? signal.reason : new CancelledError("SIGTERM");
}

// src/tunnel/output.ts
var ANSI = new RegExp(
  `${String.fromCharCode(27)}(?:\\[[0-9;?]*[ -/]*[@-~]|\\][^\\u0007]*(?:\\u0007|${String.fromCharCode(27)}\\\\))`,
  "g"
);
function stripAnsi(text) {
  return text.replace(ANSI, "");
}
var OutputLines = class {
  constructor(keep = 40, logFile) {
    this.keep = keep;
    this.logFile = logFile;
  }
  keep;
  logFile;
  kept = [];
  listeners = /* @__PURE__ */ new Set();
  flushers = /* @__PURE__ */ new Set();
  /** Reads a stream; `flush` listeners run after each chunk (see ssh-output.ts). */
  follow(stream) {
    if (!stream) return;
    let partial = "";
    stream.setEncoding("utf8");
    stream.on("data", (chunk) => {
      if (this.logFile) {
        try {
          appendFileSync(this.logFile, chunk);
        } catch {
        }
      }
      const parts = (partial + chunk).split(/\r?\n|\r/);
      partial = parts.pop() ?? "";
      for (const part of parts) this.push(part);
      for (const flush of this.flushers) flush();
    });
    stream.on("end", () => {
      if (partial !== "") this.push(partial);
      partial = "";
      for (const flush of this.flushers) flush();
    });
  }
  push(raw) {
    const line = stripAnsi(raw).trimEnd();
    if (line.trim() === "" || /^@+$/.test(line.trim())) return;
    this.kept.push(line);
    if (this.kept.length > this.keep) this.kept.shift();
    for (const listener of this.listeners) listener(line);
  }
  onLine(listener, onFlush) {
    this.listeners.add(listener);
    if (onFlush) this.flushers.add(onFlush);
    return () => {
      this.listeners.delete(listener);
      if (onFlush) this.flushers.delete(onFlush);
    };
  }
  /** The last lines, oldest first. */
  last(count = this.keep) {
    return this.kept.slice(-count);
  }
  /** The last lines as an indented block for error messages, or a note that there were none. */
  describe(count = 12) {
    const lines = this.last(count);
    return lines.length === 0 ? "  (it printed nothing)" : lines.map((l) => `  ${l}`).join("\n");
  }
};

// src/tunnel/agent.ts
var AGENT_GRACE_MS = 3e3;
async function startAgent(options) {
  const output = new OutputLines(60, options.logFile);
  const child = spawn(options.command, [...options.args], {
    cwd: options.cwd,
    env: options.env,
    detached: process.platform !== "win32",
    // stdin stays open and unwritten: some SSH services end the session on EOF.
    stdio: ["pipe", "pipe", "pipe"],
    windowsHide: true
  });
  await new Promise((resolve, reject) => {
    child.once("spawn", resolve);
    child.once("error", reject);
  });
  child.stdin?.on("error", () => void 0);
  output.follow(child.stdout);
  output.follow(child.stderr);
  let exit;
  const exited = new Promise((resolve) => {
    child.once("close", (code, signal) => {
      exit = { code, signal };
      resolve(exit);
    });
  });
  const pid = child.pid;
  let stopping;
  return {
    pid,
    output,
    exited,
    exitInfo: () => exit,
    stop(graceMs = AGENT_GRACE_MS) {
      stopping ??= (async () => {
        if (exit) return;
        child.stdin?.destroy();
        await stopProcessTree(pid, { graceMs }).catch(() => void 0);
        await Promise.race([exited, new Promise((r) => setTimeout(r, 1e3).unref())]);
      })();
      return stopping;
    }
  };
}

// src/tunnel/cloudflared-checksums.ts
function assetFor(platform, arch) {
  const goArch = arch === "x64" ? "amd64" : arch === "arm64" ? "arm64" : void 0;
  if (goArch === void 0) return void 0;
  if (platform === "linux")
    return { name: `cloudflared-linux-${goArch}`, archive: false, executable: "cloudflared" };
  if (platform === "darwin")
    return { name: `cloudflared-darwin-${goArch}.tgz`, archive: true, executable: "cloudflared" };
  if (platform === "win32")
    return { name: "cloudflared-windows-amd64.exe", archive: false, executable: "cloudflared.exe" };
  return void 0;
}
var PINNED_CHECKSUMS = {
  [DEFAULT_CLOUDFLARED_VERSION]: {
    "cloudflared-linux-amd64": "fcfb02b575a52ca1af2e3267af4e1517bcdeb30ac48c834c69abaed3c0576ad2",
    "cloudflared-linux-arm64": "7747d94570fb390cf47dcb4f9555c193c6355cda9793f0d878d9049e5d6a7790",
    "cloudflared-darwin-amd64.tgz": "f1727723c586500e2092368ae21871b3df7ddfd2cb097f22d81bee4a9c458bb4",
    "cloudflared-darwin-arm64.tgz": "9042c2c5d8b2de78e60f313d5fb31b6c5c1cebde787a3caf1f2c9588084ac442",
    "cloudflared-windows-amd64.exe": "c29eee2b121f5436a642eed69fd9767da7e7b8c510fa50aaa130337f931357b5"
  }
};
function checksumFromReleaseNotes(body, asset) {
  for (const line of body.split(/\r?\n/)) {
    const match = /^\s*`?([A-Za-z0-9._-]+):\s*([0-9a-fA-F]{64})\s*`?\s*$/.exec(line);
    if (match?.[1] === asset) return match[2]?.toLowerCase();
  }
  return void 0;
}

// src/tunnel/cloudflared-install.ts
var RELEASES = "https://github.com/cloudflare/cloudflared/releases/download";
var TOOL = "cloudflared";
function cloudflaredInstaller(deps) {
  return {
    async install(version, logger) {
      const asset = assetFor(deps.platform, deps.arch);
      if (asset === void 0) {
        throw new StartError(
          `cloudflared publishes no build for ${deps.platform}/${deps.arch}. Put a cloudflared on PATH, or use provider: ssh or ngrok.`
        );
      }
      const cached = deps.store.find(version, deps.arch);
      if (cached !== void 0 && existsSync(path_default.join(cached, asset.executable))) {
        logger.info(`cloudflared ${version} from the tool cache (${cached})`);
        return path_default.join(cached, asset.executable);
      }
      const expected = await deps.checksum(version, asset.name);
      if (expected === void 0) {
        throw new StartError(
          `No SHA-256 is known for cloudflared ${version} (${asset.name}), so it is not downloaded. Use the default cloudflared-version, a release whose notes list checksums, or put cloudflared on PATH.`
        );
      }
      makeDir(deps.tempDir);
      const work = mkdtempSync(path_default.join(deps.tempDir, "cloudflared-"));
      try {
        const url2 = `${deps.downloadBase}/${version}/${asset.name}`;
        const file = path_default.join(work, asset.name);
        logger.info(`Downloading ${url2}`);
        try {
          await deps.download(url2, file);
        } catch (error) {
          throw new StartError(
            `Downloading cloudflared ${version} from ${url2} failed (${errorMessage(error)}). Put a cloudflared on PATH, or use another provider.`
          );
        }
        const actual = await sha256File(file);
        if (actual !== expected.toLowerCase()) {
          rmSync(file, { force: true });
          throw new StartError(
            `The downloaded ${asset.name} (cloudflared ${version}) has SHA-256 ${actual}, not the expected ${expected}: it was deleted and not used. Re-run; if it persists, the release or the download was tampered with.`
          );
        }
        let executable = file;
        if (asset.archive) {
          const dir2 = path_default.join(work, "x");
          mkdirSync(dir2);
          await deps.extractTgz(file, dir2);
          executable = path_default.join(dir2, asset.executable);
          if (!existsSync(executable)) throw new StartError(`${asset.name} holds no ${asset.executable}.`);
        }
        if (deps.platform !== "win32") chmodSync(executable, 493);
        const dir = await deps.store.save(executable, asset.executable, version, deps.arch);
        logger.info(`cloudflared ${version} verified (sha256 ${actual.slice(0, 12)}\u2026) and cached in ${dir}`);
        return path_default.join(dir, asset.executable);
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    }
  };
}
async function sha256File(file) {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk);
  return hash.digest("hex");
}
function findOnPath(name, env = process.env, platform = process.platform) {
  const dirs = (env.PATH ?? env.Path ?? "").split(path_default.delimiter).filter((d) => d !== "");
  const exts = platform === "win32" ? (env.PATHEXT ?? ".EXE;.CMD;.BAT").split(";") : [""];
  for (const dir of dirs) {
    for (const ext of exts) {
      const candidate = path_default.join(dir, name + ext);
      if (existsSync(candidate)) return candidate;
    }
  }
  return void 0;
}
function releaseChecksums(apiUrl, fetchImpl = fetch) {
  return async (version, asset) => {
    const pinned = PINNED_CHECKSUMS[version]?.[asset];
    if (pinned !== void 0) return pinned;
    const response = await fetchImpl(`${apiUrl}/repos/cloudflare/cloudflared/releases/tags/${version}`, {
      headers: { accept: "application/vnd.github+json", "user-agent": "preview-tunnel" },
      signal: AbortSignal.timeout(3e4)
    }).catch(() => void 0);
    if (!response?.ok) return void 0;
    const release = await response.json();
    const digest = release.assets?.find((a) => a.name === asset)?.digest;
    if (typeof digest === "string" && digest.startsWith("sha256:")) return digest.slice(7).toLowerCase();
    return typeof release.body === "string" ? checksumFromReleaseNotes(release.body, asset) : void 0;
  };
}
async function fetchToFile(url2, dest) {
  const response = await fetch(url2, { signal: AbortSignal.timeout(3e5) });
  if (!response.ok || response.body === null) throw new Error(`HTTP ${response.status}`);
  await pipeline(
    Readable.fromWeb(response.body),
    createWriteStream(dest)
  );
}
function directoryStore(root) {
  const dirFor = (version, arch) => path_default.join(root, TOOL, version, arch);
  return {
    find: (version, arch) => existsSync(dirFor(version, arch)) ? dirFor(version, arch) : void 0,
    async save(file, executable, version, arch) {
      const dir = dirFor(version, arch);
      makeDir(dir);
      copyFileSync(file, path_default.join(dir, executable));
      return dir;
    }
  };
}
async function defaultInstallDeps(env = process.env) {
  const tc = await import("./tool-cache-LHHYIYTO.js");
  const onRunner = (env.RUNNER_TOOL_CACHE ?? "") !== "";
  const store = onRunner ? {
    find: (version, arch) => tc.find(TOOL, version, arch) || void 0,
    save: (file, executable, version, arch) => tc.cacheFile(file, executable, TOOL, version, arch)
  } : directoryStore(path_default.join(env.XDG_CACHE_HOME ?? path_default.join(os_default.homedir(), ".cache"), "preview-tunnel"));
  return {
    // Outside a runner tool-cache would print ::debug:: lines on the CLI's stdout.
    download: onRunner ? async (url2, dest) => {
      await tc.downloadTool(url2, dest);
    } : fetchToFile,
    store,
    extractTgz: async (file, dest) => {
      await tc.extractTar(file, dest);
    },
    checksum: releaseChecksums(env.GITHUB_API_URL ?? "https://api.github.com"),
    platform: process.platform,
    arch: process.arch,
    downloadBase: RELEASES,
    tempDir: env.RUNNER_TEMP || os_default.tmpdir()
  };
}

// src/tunnel/backoff.ts
var DEFAULT_BACKOFF = { initialMs: 250, maxMs: 5e3 };
function backoffDelay(backoff, attempt, deadline = Number.POSITIVE_INFINITY) {
  const delay = Math.min(backoff.maxMs, backoff.initialMs * 2 ** Math.min(attempt, 20));
  return Math.max(0, Math.min(delay, deadline - Date.now()));
}

// src/tunnel/keep-up.ts
var KeptTunnel = class extends EventEmitter {
  constructor(first, options) {
    super();
    this.options = options;
    this.currentUrl = first.url;
    this.adopt(first);
  }
  options;
  current;
  currentUrl;
  closing = new AbortController();
  closed;
  /** Settles when the running reconnect loop (if any) is over; for tests and close(). */
  reviving = Promise.resolve();
  get url() {
    return this.currentUrl;
  }
  adopt(session) {
    this.current = session;
    void session.ended.then((why) => {
      if (this.current !== session || this.closing.signal.aborted) return;
      this.current = void 0;
      this.reviving = this.revive(why);
    });
  }
  async revive(why) {
    const { provider, logger, timeoutMs } = this.options;
    const backoff = this.options.backoff ?? DEFAULT_BACKOFF;
    logger.warning(
      `The ${provider} tunnel dropped (${why}); reconnecting for up to ${formatDuration(timeoutMs)}.`
    );
    const deadline = Date.now() + timeoutMs;
    let lastError = why;
    let failedBefore = false;
    for (let attempt = 0; !this.closing.signal.aborted && Date.now() < deadline; attempt++) {
      const signal = AbortSignal.any([
        this.closing.signal,
        AbortSignal.timeout(Math.max(1, deadline - Date.now()))
      ]);
      let session;
      try {
        session = await this.options.connect(signal);
        if (this.options.probe) await this.options.probe(session.url, signal);
      } catch (error2) {
        await session?.stop();
        session = void 0;
        const message = errorMessage(error2);
        logger.debug(`${provider} reconnect attempt ${attempt + 1} failed: ${message}`);
        const outOfTime = signal.aborted && !this.closing.signal.aborted;
        if (!outOfTime || !failedBefore) lastError = message;
        failedBefore = true;
      }
      if (session) {
        if (this.closing.signal.aborted) {
          await session.stop();
          return;
        }
        const previous = this.currentUrl;
        this.currentUrl = session.url;
        this.adopt(session);
        if (session.url !== previous) {
          logger.warning(`The ${provider} tunnel is back with a new URL: ${session.url} (was ${previous}).`);
          this.emit("url", session.url);
        } else {
          logger.info(`The ${provider} tunnel is back at ${session.url}.`);
        }
        return;
      }
      await sleep(backoffDelay(backoff, attempt, deadline), this.closing.signal);
    }
    if (this.closing.signal.aborted) return;
    const error = new StartError(
      `The ${provider} tunnel dropped and could not be brought back within ${formatDuration(timeoutMs)}.
Last error: ${lastError}`
    );
    logger.error(error.message);
    this.emit("lost", error);
  }
  close() {
    this.closed ??= (async () => {
      this.closing.abort();
      try {
        await this.current?.stop();
        await this.reviving;
        await this.options.cleanup?.();
      } catch (error) {
        this.options.logger.warning(`Closing the ${this.options.provider} tunnel: ${errorMessage(error)}`);
      }
    })();
    return this.closed;
  }
};

// src/tunnel/cloudflared.ts
var RATE_LIMITED = /429 Too Many Requests|error code: 1015|failed to unmarshal quick Tunnel/i;
function cloudflaredProvider(options) {
  return {
    name: "cloudflared",
    // cloudflared sets it from the edge; X-Forwarded-For could carry a client-supplied value.
    clientIpHeader: "cf-connecting-ip",
    open: (target, openOptions) => openCloudflared(options, target, openOptions)
  };
}
async function openCloudflared(options, target, open) {
  const { logger, runDir } = open;
  const env = open.env ?? process.env;
  makeDir(runDir);
  let executable = options.executable ?? findOnPath("cloudflared", env);
  if (executable !== void 0) logger.info(`cloudflared: using ${executable}`);
  else executable = await (await options.installer()).install(options.version, logger);
  const config = path_default.join(runDir, "cloudflared.yml");
  writeFileSync(config, "# isolated from ~/.cloudflared by preview-tunnel\n");
  const host = target.host.includes(":") ? `[${target.host}]` : target.host;
  const connect = (signal) => connectOnce({
    options,
    executable,
    config,
    origin: `http://${host}:${target.port}`,
    env,
    logFile: path_default.join(runDir, "cloudflared.log"),
    signal
  });
  let first;
  try {
    first = await connect(AbortSignal.any([open.signal, AbortSignal.timeout(options.timeoutMs)]));
  } catch (error) {
    if (open.signal.aborted && open.signal.reason instanceof Error) throw open.signal.reason;
    throw error;
  }
  logger.info(`cloudflared: quick tunnel up at ${first.url}`);
  return new KeptTunnel(first, {
    provider: "cloudflared",
    connect,
    timeoutMs: options.timeoutMs,
    logger,
    probe: open.probe,
    backoff: options.backoff
  });
}
async function connectOnce(args) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startAndWait(args);
    } catch (error) {
      if (attempt >= 3 || !/address already in use/i.test(error.message)) throw error;
    }
  }
}
async function startAndWait(args) {
  const { options, signal } = args;
  signal.throwIfAborted();
  const metrics = `127.0.0.1:${await freePort()}`;
  let agent;
  try {
    agent = await startAgent({
      command: args.executable,
      args: [
        "tunnel",
        "--no-autoupdate",
        "--config",
        args.config,
        "--metrics",
        metrics,
        "--url",
        args.origin
      ],
      env: args.env,
      logFile: args.logFile
    });
  } catch (error) {
    throw new StartError(
      `cloudflared could not be started from ${args.executable} (${error.message}).`
    );
  }
  const started = Date.now();
  const failure = (what, hint) => new StartError(
    `The cloudflared quick tunnel ${what}.
cloudflared printed:
${agent.output.describe(12)}
${hint}`
  );
  try {
    const hostname = await waitForTunnel(
      agent,
      metrics,
      signal,
      (what, hint) => failure(what, hint),
      started
    );
    const url2 = await options.publicUrl?.(hostname) ?? `https://${hostname}`;
    return {
      url: url2,
      ended: agent.exited.then((exit) => `cloudflared ${describeExit(exit)}`),
      stop: () => agent.stop()
    };
  } catch (error) {
    await agent.stop();
    throw error;
  }
}
var RATE_LIMIT_HINT = "trycloudflare.com is rate-limiting the creation of quick tunnels from this address (HTTP 429, error code 1015). Wait a few minutes and re-run, or use provider: ngrok or ssh.";
async function waitForTunnel(agent, metrics, signal, failure, started) {
  let rateLimited = false;
  const stopWatching = agent.output.onLine((line) => {
    if (RATE_LIMITED.test(line)) rateLimited = true;
  });
  let hostname = "";
  let lastReady = "no answer yet";
  try {
    for (let attempt = 0; ; attempt++) {
      if (rateLimited) throw failure("could not be created", RATE_LIMIT_HINT);
      const exit = agent.exitInfo();
      if (exit) throw failure(`${describeExit(exit)} before it was ready`, "Check its output above.");
      if (signal.aborted) {
        const reason = signal.reason;
        if (reason && reason.name !== "TimeoutError") throw reason;
        throw failure(
          hostname === "" ? `got no hostname within ${formatDuration(Date.now() - started)} (tunnel-timeout)` : `got ${hostname} but was not ready within ${formatDuration(Date.now() - started)} (last /ready: ${lastReady})`,
          "Raise tunnel-timeout, or use provider: ngrok or ssh."
        );
      }
      if (hostname === "") hostname = await quickTunnelHostname(metrics, signal);
      if (hostname !== "") {
        const ready = await getText(`http://${metrics}/ready`, signal);
        if (ready?.status === 200) return hostname;
        lastReady = ready === void 0 ? "no answer" : `HTTP ${ready.status}`;
      }
      await Promise.race([sleep(Math.min(1e3, 50 * 2 ** attempt), signal), agent.exited]);
    }
  } finally {
    stopWatching();
  }
}
async function quickTunnelHostname(metrics, signal) {
  const answer = await getText(`http://${metrics}/quicktunnel`, signal);
  if (answer?.status !== 200) return "";
  try {
    const hostname = JSON.parse(answer.body).hostname;
    return typeof hostname === "string" && /^[A-Za-z0-9.-]+$/.test(hostname) ? hostname : "";
  } catch {
    return "";
  }
}
async function getText(url2, signal) {
  try {
    const response = await fetch(url2, { signal: AbortSignal.any([signal, AbortSignal.timeout(2e3)]) });
    return { status: response.status, body: await response.text() };
  } catch {
    return void 0;
  }
}

// src/tunnel/local.ts
var localProvider = {
  name: "local",
  async open(target) {
    const host = target.host.includes(":") ? `[${target.host}]` : target.host;
    return Object.assign(new EventEmitter(), {
      url: `http://${host}:${target.port}`,
      close: async () => void 0
    });
  }
};

// src/tunnel/ngrok-errors.ts
function ngrokErrorCode(error) {
  const code = error.errorCode;
  if (typeof code === "string") return code;
  const message = error instanceof Error ? error.message : String(error);
  return /\b(ERR_NGROK_\d+)\b/.exec(message)?.[1];
}
function ngrokAdvice(code, message, domain) {
  switch (code) {
    case "ERR_NGROK_108":
      return "Your ngrok account already has an agent session online, and the free plan allows one: parallel PR runs collide. Run previews one at a time (a workflow `concurrency:` group), stop the other agent (dashboard: Agents), or use provider: cloudflared.";
    case "ERR_NGROK_334":
      return `The endpoint${domain === void 0 ? "" : ` ${domain}`} is already online, held by another run or agent. Wait for it to end, use a domain per run, or use provider: cloudflared.`;
    case "ERR_NGROK_105":
    case "ERR_NGROK_106":
    case "ERR_NGROK_107":
      return "ngrok rejected the authtoken (invalid, revoked or reset). Copy the current one from https://dashboard.ngrok.com/get-started/your-authtoken into the NGROK_AUTHTOKEN secret (or the ngrok-authtoken input).";
    case "ERR_NGROK_4018":
      return "ngrok needs an authtoken: set the NGROK_AUTHTOKEN secret (or the ngrok-authtoken input).";
    case "ERR_NGROK_120":
    case "ERR_NGROK_121":
      return "ngrok no longer accepts this agent version: update preview-tunnel to a release with a newer @ngrok/ngrok.";
  }
  if (/traffic.?policy/i.test(message))
    return "ngrok rejected the Traffic Policy: check ngrok-traffic-policy against https://ngrok.com/docs/traffic-policy/.";
  if (domain !== void 0 && /domain|hostname/i.test(message))
    return `ngrok refused the domain ${domain}: ngrok-domain must be a domain reserved in this account (e.g. your free dev domain), or leave it empty.`;
  return "Check the message above; use provider: cloudflared or ssh to get a preview meanwhile.";
}

// src/tunnel/ngrok-loader.ts
function vendoredNgrokDir() {
  return vendoredDir("ngrok");
}
var SDK_PACKAGE = "@ngrok/ngrok";
async function loadNgrok(vendorDir = vendoredNgrokDir()) {
  let from = vendorDir ?? SDK_PACKAGE;
  try {
    const loaded = await loadVendored(vendorDir, SDK_PACKAGE);
    from = loaded.from;
    const sdk = loaded.module;
    if (typeof sdk.forward !== "function") throw new Error("it has no forward()");
    return sdk;
  } catch (error) {
    throw new StartError(
      `The ngrok SDK for ${process.platform}/${process.arch} could not be loaded from ${from} (${error.message}). This build ships it for Linux x64/arm64 (glibc), macOS and Windows x64; elsewhere use provider: cloudflared or ssh.`
    );
  }
}

// src/tunnel/ngrok.ts
var KEEP_LOG_LINES = 20;
function ngrokProvider(options) {
  return {
    name: "ngrok",
    // ngrok appends the real client address to X-Forwarded-For; the gate takes the right-most.
    clientIpHeader: "x-forwarded-for",
    open: (target, openOptions) => openNgrok(options, target, openOptions)
  };
}
async function openNgrok(options, target, open) {
  const { settings, timeoutMs } = options;
  const { logger, signal } = open;
  const authtoken = settings.authtoken;
  if (authtoken === void 0) {
    throw new StartError(
      "provider: ngrok needs an authtoken: set the NGROK_AUTHTOKEN secret (or the ngrok-authtoken input), or use provider: cloudflared or ssh."
    );
  }
  const redact = (text) => text.split(authtoken).join("***");
  const sdk = await (options.load ?? loadNgrok)();
  const logLines = [];
  const tunnel = new NgrokTunnel(logger, timeoutMs);
  const host = target.host.includes(":") ? `[${target.host}]` : target.host;
  logger.info(
    `ngrok: opening an endpoint to ${host}:${target.port} (authtoken from ${settings.authtokenFrom}${settings.domain ? `, domain ${settings.domain}` : ""}${settings.trafficPolicy ? ", with a Traffic Policy" : ""})`
  );
  const forwarding = sdk.forward({
    addr: `${host}:${target.port}`,
    authtoken,
    ...settings.domain ? { domain: settings.domain } : {},
    ...settings.trafficPolicy ? { traffic_policy: settings.trafficPolicy } : {},
    session_metadata: "preview-tunnel",
    onStatusChange: (status) => tunnel.status(status),
    onLogEvent: (line) => {
      logLines.push(redact(line));
      if (logLines.length > KEEP_LOG_LINES) logLines.shift();
    }
  });
  let listener;
  try {
    listener = await within(forwarding, timeoutMs, signal);
  } catch (error) {
    void forwarding.then((late) => late.close()).catch(() => void 0);
    if (signal.aborted && signal.reason instanceof Error) throw signal.reason;
    if (error instanceof TimedOut) {
      throw new StartError(
        `ngrok did not open the endpoint within ${formatDuration(timeoutMs)} (tunnel-timeout).${logTail(logLines)}
Raise tunnel-timeout, or use provider: cloudflared or ssh.`
      );
    }
    const code = ngrokErrorCode(error);
    throw new StartError(
      `ngrok could not open the endpoint: ${redact(errorMessage(error))}${logTail(logLines)}
${ngrokAdvice(code, errorMessage(error), settings.domain)}`
    );
  }
  const url2 = listener.url();
  if (!url2) {
    await listener.close().catch(() => void 0);
    throw new StartError(
      "ngrok opened an endpoint without a URL. Re-run, or use provider: cloudflared or ssh."
    );
  }
  tunnel.attach(listener, url2.replace(/\/+$/, ""));
  logger.info(`ngrok: endpoint up at ${tunnel.url}`);
  return tunnel;
}
var TimedOut = class extends Error {
};
function within(promise, ms, signal) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new TimedOut()), ms);
    const onAbort2 = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort2, { once: true });
    promise.then(resolve, reject).finally(() => {
      clearTimeout(timer);
      signal.removeEventListener("abort", onAbort2);
    });
  });
}
function logTail(lines) {
  return lines.length === 0 ? "" : `
ngrok logged:
${lines.slice(-8).map((l) => `  ${l}`).join("\n")}`;
}
var NgrokTunnel = class extends EventEmitter {
  constructor(logger, timeoutMs) {
    super();
    this.logger = logger;
    this.timeoutMs = timeoutMs;
  }
  logger;
  timeoutMs;
  listener;
  currentUrl = "";
  downTimer;
  closing;
  get url() {
    return this.currentUrl;
  }
  attach(listener, url2) {
    this.listener = listener;
    this.currentUrl = url2;
  }
  /** The SDK's session status: it reconnects by itself, we only watch the clock. */
  status(status) {
    if (this.closing || this.listener === void 0) return;
    if (status === "closed" && this.downTimer === void 0) {
      this.logger.warning(
        `The ngrok session dropped; waiting up to ${formatDuration(this.timeoutMs)} for it to reconnect.`
      );
      this.downTimer = setTimeout(() => {
        const error = new StartError(
          `The ngrok session dropped and did not reconnect within ${formatDuration(this.timeoutMs)}.`
        );
        this.logger.error(error.message);
        this.emit("lost", error);
      }, this.timeoutMs);
      this.downTimer.unref();
    } else if (status === "connected" && this.downTimer !== void 0) {
      clearTimeout(this.downTimer);
      this.downTimer = void 0;
      this.logger.info(`The ngrok session is back; the URL is still ${this.currentUrl}.`);
    }
  }
  close() {
    this.closing ??= (async () => {
      clearTimeout(this.downTimer);
      try {
        await this.listener?.close();
      } catch (error) {
        this.logger.warning(`Closing the ngrok endpoint: ${errorMessage(error)}`);
      }
    })();
    return this.closing;
  }
};

// src/tunnel/ssh-args.ts
function usesTemplate(settings) {
  return settings.urlTemplate !== void 0;
}
function sshArgs(settings, target, files, options) {
  const nullFile = (options.platform ?? process.platform) === "win32" ? "NUL" : "/dev/null";
  const targetHost = target.host.includes(":") ? `[${target.host}]` : target.host;
  const args = [
    "-T",
    "-F",
    nullFile,
    "-o",
    "BatchMode=yes",
    "-o",
    "IdentitiesOnly=yes",
    "-o",
    "ExitOnForwardFailure=yes",
    "-o",
    "ServerAliveInterval=15",
    "-o",
    "ServerAliveCountMax=3",
    "-o",
    `ConnectTimeout=${Math.max(1, Math.round(options.connectTimeoutS))}`,
    // VERBOSE adds "Authenticated to ..." (a fixed-port forward is up after it) and no
    // per-connection lines, unlike -v.
    "-o",
    "LogLevel=VERBOSE",
    "-o",
    `UserKnownHostsFile=${files.knownHosts}`,
    "-o",
    `GlobalKnownHostsFile=${nullFile}`,
    "-o",
    `StrictHostKeyChecking=${settings.knownHosts === void 0 ? "accept-new" : "yes"}`,
    // Servers may offer more host keys after login; recording them is not our business.
    "-o",
    "UpdateHostKeys=no",
    "-p",
    String(settings.port)
  ];
  if (files.key !== void 0) args.push("-i", files.key);
  if (settings.user !== void 0) args.push("-l", settings.user);
  args.push("-R", `${settings.remote}:${targetHost}:${target.port}`);
  if (usesTemplate(settings)) args.push("-N");
  args.push(settings.host);
  if (!usesTemplate(settings) && settings.service === "localhost.run") args.push("--", "--output", "json");
  return args;
}
function fixedRemotePort(remote) {
  const port = Number(remote.slice(remote.lastIndexOf(":") + 1));
  return port === 0 ? void 0 : port;
}

// src/tunnel/ssh-output.ts
var HTTP_URL = /\bhttps?:\/\/[A-Za-z0-9._~:%-]+(?::\d+)?(?:\/[^\s"'<>]*)?/;
function url(text) {
  const match = HTTP_URL.exec(text)?.[0];
  if (match === void 0) return void 0;
  try {
    const parsed = new URL(match);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return void 0;
  }
}
function json(line) {
  if (!line.trimStart().startsWith("{")) return void 0;
  try {
    const value = JSON.parse(line);
    return typeof value === "object" && value !== null ? value : void 0;
  } catch {
    return void 0;
  }
}
var str = (value) => typeof value === "string" ? value : void 0;
var firstLine = (text) => text.split(/\r?\n/)[0]?.trim() ?? "";
function clientEvent(line) {
  const allocated = /^Allocated port (\d+) for remote forward/.exec(line);
  if (allocated) return { kind: "allocated", port: Number(allocated[1]) };
  if (/^Authenticated to \S+/.test(line)) return { kind: "authenticated" };
  const refused = /^(?:Error|Warning): remote port forwarding failed for listen port (\d+)/.exec(line);
  if (refused) return { kind: "refused", message: line };
  return void 0;
}
function localhostRunEvent(line) {
  const event = json(line);
  if (event) {
    const type = str(event.type) ?? "";
    if (type.startsWith("v1.tcpip_forward.register.")) {
      const data = str(event.data) ?? "";
      if (type.endsWith(".accepted")) {
        const found = url(data) ?? hostUrl(str(event.id)?.split("/").pop());
        return found ? { kind: "url", url: found } : void 0;
      }
      return { kind: "refused", message: firstLine(data) || type };
    }
    if (str(event.event) === "tcpip-forward") {
      const authz = str(event.authz_code);
      const message = str(event.message) ?? "";
      if (authz !== void 0 && authz !== "OK")
        return { kind: "refused", message: firstLine(message) || authz };
      const found = hostUrl(str(event.address)) ?? url(message);
      return found ? { kind: "url", url: found } : void 0;
    }
    return void 0;
  }
  const plain = /tunneled with tls termination, (https:\/\/\S+)/.exec(line);
  if (plain?.[1]) {
    const found = url(plain[1]);
    return found ? { kind: "url", url: found } : void 0;
  }
  return void 0;
}
function hostUrl(host) {
  if (host === void 0 || !/^[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/.test(host)) return void 0;
  return `https://${host.toLowerCase()}`;
}
function serveoEvent(line) {
  const match = /Forwarding HTTP traffic from (\S+)/.exec(line);
  const found = match?.[1] ? url(match[1]) : void 0;
  return found ? { kind: "url", url: found } : void 0;
}
function sshOutputParser(service) {
  let heldHttp;
  let pinggyList = false;
  const offer = (found) => {
    if (found === void 0) return void 0;
    if (found.startsWith("https://")) {
      heldHttp = void 0;
      return { kind: "url", url: found };
    }
    heldHttp ??= found;
    return void 0;
  };
  const serviceEvent = (line) => {
    switch (service) {
      case "localhost.run":
        return localhostRunEvent(line);
      case "serveo":
        return serveoEvent(line);
      case "pinggy": {
        if (/access local server via following URL/i.test(line)) {
          pinggyList = true;
          return void 0;
        }
        const urls = json(line)?.urls;
        if (Array.isArray(urls)) {
          const all = urls.map((u) => typeof u === "string" ? url(u) : void 0);
          return offer(all.find((u) => u?.startsWith("https://")) ?? all.find((u) => u !== void 0));
        }
        return pinggyList && /^\s*https?:\/\/\S+\s*$/.test(line) ? offer(url(line)) : void 0;
      }
      case "other": {
        const sish = /^\s*(HTTPS?):\s*(https?:\/\/\S+)/.exec(line);
        return sish?.[2] ? offer(url(sish[2])) : void 0;
      }
    }
  };
  return {
    line(line) {
      return clientEvent(line) ?? serviceEvent(line);
    },
    flush() {
      const held = heldHttp;
      heldHttp = void 0;
      return held === void 0 ? void 0 : { kind: "url", url: held };
    }
  };
}
function sshFailureHint(lines, context) {
  const text = lines.join("\n");
  const { host, port } = context;
  if (/REMOTE HOST IDENTIFICATION HAS CHANGED|Host key verification failed|No \S+ host key is known/.test(text)) {
    return `The server's host key does not match "ssh-known-hosts". Check the lines with "ssh-keyscan -p ${port} ${host}", or leave ssh-known-hosts empty to accept the key on first use.`;
  }
  if (/Permission denied|Too many authentication failures/.test(text)) {
    return 'The server refused the login: check "ssh-user" and that the public half of "ssh-key" is authorised on the server.';
  }
  if (/Could not resolve hostname|Name or service not known|nodename nor servname/.test(text)) {
    return `"${host}" does not resolve: check "ssh-host" and the runner's network.`;
  }
  if (/Connection refused|Connection timed out|Network is unreachable|No route to host/.test(text)) {
    return `Nothing answered SSH at ${host}:${port}: check "ssh-host" and "ssh-port", and whether the service is up.`;
  }
  if (/remote port forwarding failed/.test(text)) {
    return 'The server refused the remote forward: the port in "ssh-remote" may be taken or not allowed (try "0"), or the server forbids forwarding (AllowTcpForwarding).';
  }
  if (/Allocated port \d+ for remote forward/.test(text)) {
    return 'This server only printed the port it allocated: set "ssh-url" to the URL template for it, e.g. "http://<server>:{port}".';
  }
  if (/invalid format|Load key .*: (?:invalid|error)/i.test(text)) {
    return '"ssh-key" could not be read as a private key: give its whole text, including the BEGIN and END lines.';
  }
  return 'Check "ssh-host", "ssh-port" and "ssh-user", or try another service (e.g. provider: cloudflared).';
}

// src/tunnel/ssh.ts
function sshProvider(options) {
  return {
    name: "ssh",
    open: (target, openOptions) => openSsh(options, target, openOptions)
  };
}
async function openSsh(options, target, open) {
  const { settings, timeoutMs } = options;
  const { logger, runDir } = open;
  makeDir(runDir);
  const files = writeFiles(settings, runDir);
  const removeKey = () => {
    if (files.key !== void 0) rmSync(files.key, { force: true });
  };
  const who = `${settings.user === void 0 ? "" : `${settings.user}@`}${settings.host}:${settings.port}`;
  logger.info(
    `ssh: connecting to ${who} (remote ${settings.remote} -> ${target.host}:${target.port}, host keys ${settings.knownHosts === void 0 ? "accepted on first use" : "pinned"})`
  );
  const connect = (signal) => connectOnce2({
    options,
    target,
    files,
    env: open.env ?? process.env,
    logFile: path_default.join(runDir, "ssh.log"),
    signal
  });
  let first;
  try {
    first = await connect(AbortSignal.any([open.signal, AbortSignal.timeout(timeoutMs)]));
  } catch (error) {
    removeKey();
    if (open.signal.aborted && open.signal.reason instanceof Error) throw open.signal.reason;
    throw error;
  }
  logger.info(`ssh: tunnel up at ${first.url}`);
  return new KeptTunnel(first, {
    provider: "ssh",
    connect,
    timeoutMs,
    logger,
    probe: open.probe,
    backoff: options.backoff,
    cleanup: removeKey
  });
}
function writeFiles(settings, runDir) {
  const knownHosts = path_default.join(runDir, "ssh_known_hosts");
  writeFileSync(knownHosts, settings.knownHosts ?? "");
  let key;
  if (settings.key !== void 0) {
    key = path_default.join(runDir, "ssh_key");
    writeFileSync(key, settings.key, { mode: 384 });
    chmodSync(key, 384);
  }
  return { knownHosts, key };
}
async function connectOnce2(args) {
  const { options, target, files, signal } = args;
  const { settings } = options;
  signal.throwIfAborted();
  let agent;
  try {
    agent = await startAgent({
      command: options.command ?? "ssh",
      args: sshArgs(settings, target, files, { connectTimeoutS: Math.min(30, options.timeoutMs / 1e3) }),
      env: args.env,
      logFile: args.logFile
    });
  } catch (error) {
    throw new StartError(
      `The ssh tunnel could not start ssh (${error.message}). Install the OpenSSH client, or use another provider.`
    );
  }
  const started = Date.now();
  let settled = false;
  let detach = () => void 0;
  try {
    const url2 = await new Promise((resolve, reject) => {
      const parser = sshOutputParser(settings.service);
      const fixedPort = fixedRemotePort(settings.remote);
      const onEvent = (event) => {
        if (event === void 0) return;
        if (event.kind === "refused") reject(failure(`refused the forward (${event.message})`));
        const template = settings.urlTemplate;
        if (template !== void 0) {
          if (event.kind === "allocated") resolve(applyUrlTemplate(template, event.port));
          if (event.kind === "authenticated" && fixedPort !== void 0)
            resolve(applyUrlTemplate(template, fixedPort));
        } else if (event.kind === "url") {
          resolve(event.url);
        }
      };
      const stopListening = agent.output.onLine(
        (line) => onEvent(parser.line(line)),
        () => onEvent(parser.flush())
      );
      const failure = (what) => {
        const lines = agent.output.last(12);
        return new StartError(
          `The ssh tunnel to ${settings.host}:${settings.port} ${what}.
ssh printed:
${agent.output.describe(12)}
${sshFailureHint(lines, settings)}`
        );
      };
      void agent.exited.then((exit) => {
        if (!settled) reject(failure(`${describeExit(exit)} before it had a public URL`));
      });
      const onAbort2 = () => {
        const timedOut = !(signal.reason instanceof Error) || signal.reason.name === "TimeoutError";
        reject(
          timedOut ? failure(`had no public URL after ${formatDuration(Date.now() - started)} (tunnel-timeout)`) : signal.reason
        );
      };
      detach = () => {
        stopListening();
        signal.removeEventListener("abort", onAbort2);
      };
      if (signal.aborted) onAbort2();
      else signal.addEventListener("abort", onAbort2, { once: true });
    }).finally(() => {
      settled = true;
      detach();
    });
    return {
      url: url2,
      ended: agent.exited.then((exit) => {
        const last = agent.output.last(1)[0];
        return `ssh ${describeExit(exit)}${last === void 0 ? "" : `: ${last}`}`;
      }),
      stop: () => agent.stop()
    };
  } catch (error) {
    await agent.stop();
    throw error;
  }
}

// src/tunnel/probe.ts
var PROBE_HEADERS = {
  "ngrok-skip-browser-warning": "1",
  "user-agent": "preview-tunnel-probe/1",
  "cache-control": "no-cache"
};
var PROBE_BACKOFF = { initialMs: 200, maxMs: 3e3 };
var ATTEMPT_TIMEOUT_MS = 1e4;
var EXCERPT_CHARS = 200;
async function probePublicUrl(options) {
  const started = Date.now();
  const deadline = started + options.timeoutMs;
  const target = `${options.url}${options.path}`;
  const headers = options.headers ? { ...PROBE_HEADERS, ...options.headers } : PROBE_HEADERS;
  let seen;
  let attempts = 0;
  for (; ; ) {
    options.signal?.throwIfAborted();
    attempts++;
    const remaining = Math.max(1, deadline - Date.now());
    const attemptSignal = AbortSignal.timeout(Math.min(ATTEMPT_TIMEOUT_MS, remaining));
    const signal = options.signal ? AbortSignal.any([options.signal, attemptSignal]) : attemptSignal;
    try {
      const response = await fetch(target, { headers, redirect: "manual", signal });
      const body = await response.text();
      if (response.status === 200 && body.trim() === options.nonce) {
        return { attempts, elapsedMs: Date.now() - started };
      }
      seen = { kind: "answer", status: response.status, body };
    } catch (error) {
      if (options.signal?.aborted) throw options.signal.reason;
      const described = describeError(error);
      if (!(described.kind === "error" && described.code === "TIMEOUT" && Date.now() >= deadline && seen)) {
        seen = described;
      }
    }
    if (Date.now() >= deadline) break;
    await sleep(backoffDelay(options.backoff ?? PROBE_BACKOFF, attempts - 1, deadline), options.signal);
  }
  throw new StartError(
    [
      `The ${options.provider} tunnel's URL ${options.url} did not reach this run's gate within ${formatDuration(options.timeoutMs)} (${attempts} requests to ${options.path}).`,
      `Last answer: ${formatSeen(seen)}.`,
      ...options.lastOutput ? [`${options.provider} printed:
${options.lastOutput()}`] : [],
      probeHint(seen, options.provider)
    ].join("\n")
  );
}
function describeError(error) {
  const cause = error.cause;
  const name = error.name;
  const code = typeof cause?.code === "string" ? cause.code : name === "TimeoutError" || name === "AbortError" ? "TIMEOUT" : "ERROR";
  const message = typeof cause?.message === "string" ? cause.message : errorMessage(error);
  return { kind: "error", code, message };
}
function formatSeen(seen) {
  if (seen === void 0) return "none";
  if (seen.kind === "error") return `no answer (${seen.code}: ${seen.message})`;
  const flat = seen.body.replace(/\s+/g, " ").trim();
  const excerpt = flat.length > EXCERPT_CHARS ? `${flat.slice(0, EXCERPT_CHARS)}\u2026` : flat;
  return `HTTP ${seen.status}${excerpt === "" ? " with an empty body" : `: ${excerpt}`}`;
}
function probeHint(seen, provider) {
  const other = `or try another provider than ${provider}`;
  if (seen === void 0) return `Raise tunnel-timeout, ${other}.`;
  if (seen.kind === "error") {
    if (seen.code === "ENOTFOUND" || seen.code === "EAI_AGAIN")
      return `The hostname does not resolve yet: new hostnames take a few seconds to appear in DNS and resolvers remember the miss. Raise tunnel-timeout, ${other}.`;
    if (seen.code === "TIMEOUT")
      return `Requests hung: the provider's edge accepted them but nothing came back. Raise tunnel-timeout, ${other}.`;
    return `The URL could not be reached (${seen.code}): the tunnel may have dropped. Check the provider's output above, ${other}.`;
  }
  if (seen.status === 200)
    return "The URL answers, but not with this run's nonce: it leads to something else, e.g. another run holding the same ngrok domain. Use a domain per run, or stop the other run.";
  if (seen.status === 429) return `The provider is rate-limiting requests. Wait and re-run, ${other}.`;
  if (seen.status >= 500)
    return `The provider's edge answered but could not reach the gate on this machine (the agent may have lost its connection). Re-run, ${other}.`;
  return `Something other than this run's gate answered the reserved path. Check the URL, ${other}.`;
}

// src/tunnel/index.ts
function chooseProvider(name, context) {
  const settings = context?.settings ?? defaultTunnelSettings();
  const env = context?.env ?? {};
  switch (name) {
    case "local":
      return {
        provider: localProvider,
        reason: "provider: local (no tunnel: the preview is on this machine)"
      };
    case "ssh":
      return {
        provider: sshProvider({ settings: settings.ssh, timeoutMs: settings.timeoutMs }),
        reason: `provider: ssh via ${settings.ssh.host}:${settings.ssh.port}`
      };
    case "cloudflared":
      return { provider: cloudflared(settings, env), reason: "provider: cloudflared (quick tunnel)" };
    case "ngrok":
      return { provider: ngrok(settings), reason: "provider: ngrok" };
    case "auto":
      if (settings.ngrok.authtoken !== void 0) {
        return {
          provider: ngrok(settings),
          reason: `provider: auto picked ngrok (an authtoken is set in ${settings.ngrok.authtokenFrom})`
        };
      }
      if (env.GITHUB_ACTIONS === "true") {
        return {
          provider: cloudflared(settings, env),
          reason: "provider: auto picked cloudflared (a GitHub runner without an ngrok authtoken)"
        };
      }
      return {
        provider: localProvider,
        reason: "provider: auto picked local (no ngrok authtoken and not on a GitHub runner: the preview stays on this machine)"
      };
  }
}
function ngrok(settings) {
  return ngrokProvider({ settings: settings.ngrok, timeoutMs: settings.timeoutMs });
}
function cloudflared(settings, env) {
  return cloudflaredProvider({
    version: settings.cloudflared.version,
    timeoutMs: settings.timeoutMs,
    installer: async () => cloudflaredInstaller(await defaultInstallDeps({ ...env }))
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

// src/pipeline/clock.ts
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

// src/pipeline/settings.ts
function pipelineSecrets(settings, env) {
  return [
    ...namedGateSecrets(settings.gate),
    ...namedTunnelSecrets(settings.tunnel),
    ...namedScenarioSecrets(settings.scenarios, env),
    ...namedIdpSecrets(settings.idp),
    ...namedGithubWebhookSecrets(settings.githubWebhook)
  ];
}

// src/pipeline/context.ts
var CANCEL_GRACE_MS = 3e3;
var RunContext = class {
  constructor(settings, deps, provider) {
    this.settings = settings;
    this.deps = deps;
    this.provider = provider;
    this.id = deps.run.id;
    this.dir = deps.run.dir;
    this.secrets = deps.secrets ?? new SecretRegistry({ onTooShort: (label) => deps.logger.warning(tooShortWarning(label)) });
    for (const { label, value } of pipelineSecrets(settings, deps.baseEnv)) this.secrets.add(value, label);
    this.logger = redactingLogger(deps.logger, (text) => this.secrets.redact(text));
    makeDir(this.dir);
    this.logsDir = path_default.join(this.dir, "logs");
    makeDir(this.logsDir);
    this.appLog = this.serviceLog(settings.services[0]?.name ?? "app");
    this.teardown = new Teardown((m) => this.logger.warning(m));
    const cut = (ms) => {
      this.#cutoff = Math.min(this.#cutoff, Date.now() + ms);
    };
    onAbort(deps.signal, () => cut(CANCEL_GRACE_MS));
    if (deps.urgent) onAbort(deps.urgent, () => cut(0));
  }
  settings;
  deps;
  provider;
  id;
  dir;
  /** The services' logs, one `<name>.log` each. */
  logsDir;
  /** The first service's log (the `app-log` output). */
  appLog;
  clock = new PhaseClock();
  teardown;
  /** Every secret of the run: what the step log, reports and the recording never show. */
  secrets;
  /** deps.logger, with every secret redacted. */
  logger;
  reached = {};
  #outcome = "no-test";
  /** When every grace still running ends at the latest (brought forward by signals). */
  #cutoff = Number.POSITIVE_INFINITY;
  #failure;
  #warnings = [];
  /** The latest end of any grace period from now on (see StopOptions.cutoff). */
  cutoff = () => this.#cutoff;
  /**
   * The environment of a process the run starts: baseEnv, plus `given` and the run's marker
   * (so a final sweep finds stragglers).
   */
  childEnv(...given) {
    return mergeEnv(this.deps.baseEnv, ...given, { [RUN_ID_ENV]: this.id });
  }
  get signal() {
    return this.deps.signal;
  }
  /** Stop grace, shortened when cancelled so teardown fits the runner's window. */
  grace() {
    const grace = this.settings.stopGraceMs;
    return this.signal.aborted ? Math.min(grace, CANCEL_GRACE_MS) : grace;
  }
  /** Where a service's output goes (its setup's, start's and stop's). */
  serviceLog(name) {
    return path_default.join(this.logsDir, `${name}.log`);
  }
  /** Something went wrong that does not fail the run (a stop command): logged, and in the summary. */
  warn(message) {
    this.logger.warning(message);
    this.#warnings.push(message);
  }
  /**
   * How long a stop command may run: stop-grace, shortened more when cancelled than the
   * process tree's grace, which comes after it (both must fit the runner's window).
   */
  stopCommandGrace() {
    const grace = this.settings.stopGraceMs;
    return this.signal.aborted ? Math.min(grace, CANCEL_GRACE_MS / 2) : grace;
  }
  /** A check ran: the run passed unless something failed. */
  passed() {
    if (this.#outcome !== "failed") this.#outcome = "passed";
  }
  /** The run failed (a test, a scenario, a crash, a lost tunnel): the reasons add up. */
  fail(reason) {
    this.#outcome = "failed";
    this.#failure = this.#failure ? `${this.#failure} ${reason}` : reason;
  }
  /** The run ended before its checks: it could not start, or it was cancelled. */
  abort(outcome, reason) {
    this.#outcome = outcome;
    this.#failure = reason;
  }
  /** The run's result so far; what it says may quote the app (its output, a response): never a secret. */
  result() {
    const { exposure, url: url2, testExitCode, scenarios: scenarios2, githubWebhook } = this.reached;
    return this.secrets.redactDeep({
      outcome: this.#outcome,
      url: url2,
      provider: this.provider,
      appLog: this.appLog,
      logsDir: this.logsDir,
      ...this.settings.services.length > 1 ? {
        services: this.settings.services.map((s) => ({
          name: s.name,
          path: s.path,
          log: this.serviceLog(s.name)
        }))
      } : {},
      ...this.#warnings.length > 0 ? { warnings: [...this.#warnings] } : {},
      harPath: exposure?.gate.harPath,
      // A link to a page that is gone once the gate is down.
      inspectorUrl: this.teardown.started ? void 0 : exposure?.gate.inspectorUrl(),
      requests: exposure?.gate.stats(),
      testExitCode,
      scenarios: scenarios2,
      signIns: exposure?.gate.signInAudit(),
      githubWebhook: githubWebhook?.ping,
      phases: this.clock.records,
      failure: this.#failure
    });
  }
};
function onAbort(signal, run) {
  if (signal.aborted) run();
  else signal.addEventListener("abort", run, { once: true });
}

// src/pipeline/identity.ts
var RunIdentity = class {
  constructor(ctx) {
    this.ctx = ctx;
  }
  ctx;
  idp;
  module;
  get enabled() {
    return this.ctx.settings.idp.enabled;
  }
  /** The gate's reserved-path hook: answers requests under the mount once the IdP exists. */
  route = idpRoute(() => this.idp);
  /** Starts it on the public URL; returns the app's OIDC_* environment. */
  async start(publicUrl) {
    const settings = this.ctx.settings.idp;
    const idp = await import("./idp-DJJZZQMK.js");
    this.module = idp;
    this.idp = idp.createIdp({
      issuer: idp.idpIssuer(publicUrl),
      clients: [this.client(idp, publicUrl)],
      users: settings.users,
      requirePkce: settings.requirePkce,
      logger: this.ctx.logger
    });
    this.ctx.logger.info(`The mock identity provider's issuer is ${this.idp.issuer}`);
    return this.env(idp, publicUrl);
  }
  /** The tunnel came back on another URL: the issuer and redirect URIs move with it. */
  moveTo(publicUrl) {
    const module = this.module;
    if (!this.idp || !module) return;
    this.idp.setIssuer(module.idpIssuer(publicUrl));
    this.idp.setClients([this.client(module, publicUrl)]);
    this.ctx.logger.warning(
      `The identity provider moved to ${this.idp.issuer}; the app still has the old ${this.ctx.settings.idp.envPrefix}* settings.`
    );
  }
  env(idp, publicUrl) {
    const settings = this.ctx.settings.idp;
    const client = this.client(idp, publicUrl);
    return idp.idpEnv(settings.envPrefix, {
      issuer: idp.idpIssuer(publicUrl),
      clientId: client.clientId,
      clientSecret: client.clientSecret,
      redirectUris: client.redirectUris
    });
  }
  client(idp, publicUrl) {
    const settings = this.ctx.settings.idp;
    return idp.previewClient({
      publicUrl,
      clientId: settings.clientId,
      clientSecret: settings.clientSecret,
      redirectPaths: settings.redirectPaths
    });
  }
};
function idpRoute(idp) {
  return (req, res, path) => {
    const current = idp();
    if (!current || !isUnder(path, IDP_MOUNT_PATH)) return false;
    void current.handle(req, res, path.slice(IDP_MOUNT_PATH.length) || "/");
    return true;
  };
}

// src/pipeline/phases/announce.ts
function signInMethod(auth, generated) {
  const where = generated ? "the credentials were generated for this run: they are in the step's outputs (masked in logs)" : "the credentials come from the workflow's `credentials` input (a secret)";
  switch (auth.mode) {
    case "basic":
      return { method: `HTTP basic auth, user \`${auth.username}\``, where };
    case "bearer":
      return { method: "an `Authorization: Bearer` token", where };
    case "none":
      return { method: "no sign-in: the preview is open to anyone with the URL", where: void 0 };
    case "github":
      return { method: describeSignIn(auth.signin), where: void 0, noCredentials: true };
  }
}
function signIn(ctx, exposure) {
  const { auth, credentialsGenerated } = ctx.settings.gate;
  const { method, where, noCredentials } = signInMethod(auth, credentialsGenerated);
  const oneClickUrl = auth.mode === "none" || auth.mode === "github" ? void 0 : exposure.gate.loginUrl();
  return { method, where, oneClickUrl, noCredentials };
}
async function announcePreview(ctx, exposure, url2) {
  const inspectorUrl = exposure.gate.inspectorUrl();
  await ctx.deps.reporter.preview({
    url: url2,
    provider: ctx.provider,
    harPath: exposure.gate.harPath,
    inspectorUrl
  });
  const { services } = ctx.settings;
  void ctx.deps.publisher?.live({
    url: url2,
    provider: ctx.provider,
    signIn: signIn(ctx, exposure),
    inspectorUrl,
    ...services.length > 1 ? { services: services.map(({ name, path }) => ({ name, path })) } : {}
  });
}
function publish(ctx, exposure, andThen) {
  const url2 = exposure.tunnel.url;
  return ctx.clock.run(
    "publish",
    async () => {
      await announcePreview(ctx, exposure, url2);
      ctx.logger.info(`Preview: ${url2}`);
      await andThen?.(url2);
    },
    () => url2
  );
}
function announceChecks(ctx) {
  const { test: test2 } = ctx.settings;
  const { scenarios: scenarios2, testExitCode } = ctx.reached;
  if (!test2 && !scenarios2) return;
  const testPassed = test2 ? testExitCode === 0 ? 1 : 0 : 0;
  void ctx.deps.publisher?.testsDone({
    passed: testPassed + (scenarios2?.passed ?? 0),
    total: (test2 ? 1 : 0) + (scenarios2 ? scenarios2.passed + scenarios2.failed : 0)
  });
}

// src/pipeline/phases/service.ts
var LOG_TAIL_LINES = 50;
var ServiceDownError = class extends Error {
  constructor(service, what, hint = "") {
    super(what);
    this.service = service;
    this.what = what;
    this.hint = hint;
    this.name = "ServiceDownError";
  }
  service;
  what;
  hint;
};
var ServiceRun = class {
  constructor(ctx, options) {
    this.ctx = ctx;
    this.options = options;
    this.name = options.settings.name;
    this.port = options.port;
    this.log = ctx.serviceLog(this.name);
    this.tail = new LogTail(this.log, LOG_TAIL_LINES);
  }
  ctx;
  options;
  name;
  port;
  tail;
  log;
  #ready;
  #process;
  /** The start command exited 0 and the app lives elsewhere: probes watch it. */
  #detached = false;
  #liveness;
  /** Its setup or start command ran: its stop command is owed. */
  #ran = false;
  #stopping;
  get ready() {
    if (this.#ready === void 0) throw new Error(`${this.name} is not ready`);
    return this.#ready;
  }
  /** "The app", or `The service "api"`. */
  get subject() {
    return this.options.alone ? "The app" : `The service "${this.name}"`;
  }
  /** "", or ` of service "api"`, after "the setup command". */
  get of() {
    return this.options.alone ? "" : ` of service "${this.name}"`;
  }
  /** Detail of a phase record: "api: ..." with several services. */
  detail(text) {
    return this.options.alone ? text : `${this.name}: ${text}`;
  }
  describeTail() {
    const lines = this.tail.tail();
    if (lines.length === 0)
      return `${this.options.alone ? "The app" : this.name} printed nothing (log: ${this.log}).`;
    return `Last ${lines.length} line(s) of its output (full log: ${this.log}):
${lines.map((l) => `  | ${l}`).join("\n")}`;
  }
  /** Starts following its log (its setup's, start's and stop's output) into the step log. */
  async open() {
    writeFileSync(this.log, "", { flag: "a", mode: 384 });
    await this.tail.start();
    const prefix = this.options.alone ? "" : `[${this.name}] `;
    const logger = this.ctx.logger;
    this.tail.onLine((line) => logger.write(`${prefix}${line}
`));
  }
  env() {
    return this.ctx.childEnv(this.options.env);
  }
  /** From now on its stop command runs at teardown, also from the post step if this process dies. */
  owe() {
    this.#ran = true;
    const { stop, workingDirectory } = this.options.settings;
    if (stop === void 0) return;
    this.options.plan.owe({
      service: this.name,
      command: stop,
      cwd: workingDirectory,
      env: this.options.env,
      log: this.log
    });
  }
  /** The setup command, to its end: a failure is a StartError with its last output. */
  async setup(signal) {
    const command = this.options.settings.setup;
    if (command === void 0) return;
    const { ctx } = this;
    await ctx.clock.run(
      "setup",
      async () => {
        ctx.logger.info(
          `Running the setup command${this.of} in ${this.options.settings.workingDirectory}: ${command}`
        );
        this.owe();
        const outcome = await runToEnd(
          ctx.deps.launcher,
          {
            command,
            cwd: this.options.settings.workingDirectory,
            env: this.env(),
            output: { file: this.log }
          },
          { signal: AbortSignal.any([ctx.signal, this.options.gone, signal]), killGraceMs: ctx.grace() }
        );
        await this.tail.flush();
        if (outcome.kind === "aborted") {
          if (ctx.signal.aborted) throw ctx.signal.reason;
          throw this.options.gone.aborted ? this.options.gone.reason : signal.reason;
        }
        if (outcome.kind === "exited" && outcome.exit.code === 0) return outcome.ms;
        const how = outcome.kind === "exited" ? describeExit(outcome.exit) : "timed out";
        throw new StartError(`The setup command${this.of} ${how}.
${this.describeTail()}`);
      },
      (ms) => this.detail(`exit code 0 after ${formatDuration(ms)}`)
    );
  }
  /** Starts the start command (its exit is watched from here on). */
  async launch() {
    const { ctx, options } = this;
    const { settings } = options;
    await ctx.clock.run(
      "boot",
      async () => {
        ctx.logger.info(
          `Starting ${this.options.alone ? "the app" : `service "${this.name}"`} in ${settings.workingDirectory} with PORT=${this.port}; its output goes to ${this.log}`
        );
        this.owe();
        const started = await ctx.deps.launcher.start({
          command: settings.start,
          cwd: settings.workingDirectory,
          env: this.env(),
          output: { file: this.log }
        });
        this.#process = started;
        if (options.first) ctx.deps.state.save(STATE.appPid, String(started.pid));
        void started.exited.then((exit) => this.exited(exit));
        return started;
      },
      (p) => this.detail(`pid ${p.pid}`)
    );
  }
  /** The start command exited: the app is down, or (detached) launched elsewhere. */
  exited(exit) {
    if (this.ctx.teardown.started || this.#stopping) return;
    const { startMode, stop } = this.options.settings;
    const detaches = startMode === "detached" || startMode === "auto" && stop !== void 0;
    if (exit.code === 0 && detaches) {
      this.#detached = true;
      this.ctx.logger.info(
        `${this.subject}'s start command exited with code 0: the app runs detached from it, so ${this.#ready ? "probes now watch it" : "readiness decides"} (${startMode === "detached" ? "start-mode: detached" : "a stop command is set"}).`
      );
      if (this.#ready) this.watch();
      return;
    }
    const hint = exit.code === 0 && startMode !== "attached" ? ` If the start command launches the app in the background (e.g. "docker compose up -d"), set "stop" (or "start-mode: detached").` : "";
    this.options.down(new ServiceDownError(this.name, `${this.subject} ${describeExit(exit)}`, hint));
  }
  /** Waits until it answers; a failure is a StartError with its last output. */
  async waitReady(signal) {
    const { ctx, options } = this;
    const { settings } = options;
    const ready = await ctx.clock.run(
      "ready",
      async () => {
        try {
          return await waitForReady({
            spec: settings.ready,
            port: this.port,
            statuses: ctx.settings.readyStatus,
            timeoutMs: settings.readyTimeoutMs,
            onLine: (listener) => this.tail.onLine(listener),
            seenLines: () => this.tail.tail(),
            signal: AbortSignal.any([ctx.signal, options.gone, signal])
          });
        } catch (error) {
          if (ctx.signal.aborted) throw ctx.signal.reason;
          if (signal.aborted && !options.gone.aborted) throw signal.reason;
          await this.tail.flush();
          throw this.startFailure(error);
        }
      },
      (r) => this.detail(`${r.detail} after ${formatDuration(r.elapsedMs)}`)
    );
    this.#ready = ready;
    ctx.logger.info(
      `${this.options.alone ? "The app" : `Service "${this.name}"`} is ready (${ready.detail}) after ${formatDuration(ready.elapsedMs)}.`
    );
    if (this.#detached || settings.startMode === "detached") this.watch();
    return ready;
  }
  startFailure(error) {
    if (error instanceof ServiceDownError) {
      if (error.service === this.name)
        return new StartError(`${error.what} before it was ready.${error.hint}
${this.describeTail()}`);
      return error;
    }
    if (error instanceof ReadyTimeoutError) {
      const exit = this.#process?.exitInfo();
      const still = exit && !this.#detached ? ` ${this.subject} ${describeExit(exit)}.` : "";
      const message = error.message.replace(/^The app/, this.subject);
      return new StartError(`${message}${still}
${this.describeTail()}`, { cause: error });
    }
    return error;
  }
  /** Detached: no process to watch, so its readiness probe is asked again while the preview is up. */
  watch() {
    if (this.#liveness || this.#stopping) return;
    const { settings } = this.options;
    this.ctx.logger.debug(
      `${this.subject} is watched by its readiness probe every ${LIVENESS_INTERVAL_MS / 1e3}s (down after ${LIVENESS_FAILURES} failures in a row).`
    );
    this.#liveness = watchLiveness({
      spec: settings.ready,
      port: this.port,
      statuses: this.ctx.settings.readyStatus,
      onDown: (detail) => {
        if (this.ctx.teardown.started || this.#stopping) return;
        this.options.down(new ServiceDownError(this.name, `${this.subject} stopped answering (${detail})`));
      }
    });
  }
  /** Its stop command (when one is owed), then its start command's tree, then its log; never throws. */
  stop() {
    this.#stopping ??= this.#stop().catch(
      (error) => this.ctx.logger.warning(`Stopping ${this.name}: ${String(error)}`)
    );
    return this.#stopping;
  }
  async #stop() {
    const { ctx } = this;
    this.#liveness?.stop();
    if (this.#ran && this.options.settings.stop !== void 0)
      await this.runStopCommand(this.options.settings.stop);
    this.options.plan.paid(this.name);
    if (this.#process) {
      ctx.logger.info(this.options.alone ? "Stopping the app" : `Stopping service "${this.name}"`);
      await this.#process.stop(ctx.grace(), ctx.cutoff);
    }
    await this.tail.close();
  }
  async runStopCommand(command) {
    const { ctx } = this;
    const { workingDirectory } = this.options.settings;
    const bound = ctx.stopCommandGrace();
    ctx.logger.info(`Running the stop command${this.of}: ${command}`);
    let outcome;
    try {
      outcome = await runToEnd(
        ctx.deps.launcher,
        { command, cwd: workingDirectory, env: this.env(), output: { file: this.log } },
        // A second signal (the runner's SIGTERM after its SIGINT) kills it at once.
        { timeoutMs: bound, killGraceMs: 0, signal: ctx.deps.urgent }
      );
    } catch (error) {
      ctx.warn(`The stop command${this.of} could not be started: ${String(error)}`);
      return;
    }
    await this.tail.flush();
    if (outcome.kind === "exited" && outcome.exit.code === 0) {
      ctx.logger.info(`The stop command${this.of} finished after ${formatDuration(outcome.ms)}.`);
    } else if (outcome.kind === "exited") {
      ctx.warn(
        `The stop command${this.of} ${describeExit(outcome.exit)}: what it stops may still be running.
${this.describeTail()}`
      );
    } else {
      ctx.warn(
        `The stop command${this.of} did not finish within ${formatDuration(bound)} (stop-grace) and was killed: what it stops may still be running.`
      );
    }
  }
};

// src/pipeline/phases/boot.ts
async function chooseServicePorts(services) {
  const ports = /* @__PURE__ */ new Map();
  for (const s of services) {
    if (s.port === void 0) continue;
    if (await portInUse(s.port)) {
      const what = services.length === 1 ? "the app" : `service "${s.name}"`;
      throw new StartError(
        `Port ${s.port} is already in use before ${what} started, so readiness would probe another process. Stop whatever listens there, or choose another "port".`
      );
    }
    ports.set(s.name, s.port);
  }
  const taken = new Set(ports.values());
  for (const s of services) {
    if (ports.has(s.name)) continue;
    let port = await freePort();
    while (taken.has(port)) port = await freePort();
    taken.add(port);
    ports.set(s.name, port);
  }
  return ports;
}
function gateRoutes(services, ports) {
  return services.flatMap(
    (s) => s.path === void 0 ? [] : [
      {
        name: s.name,
        prefix: s.path,
        stripPrefix: s.stripPrefix,
        host: "127.0.0.1",
        port: ports.get(s.name)
      }
    ]
  );
}
async function boot(ctx, exposure, ports, appEnv) {
  const services = ctx.settings.services;
  const alone = services.length === 1;
  const order = startOrder(services);
  if ("cycle" in order)
    throw new StartError(`The services depend on each other in a cycle: ${order.cycle.join(" -> ")}.`);
  const gone = new AbortController();
  let down;
  const plan = new StopPlan(ctx.dir, ctx.settings.stopGraceMs);
  const runs = /* @__PURE__ */ new Map();
  const levels = [];
  ctx.teardown.add("services", async () => {
    for (const level of [...levels].reverse()) await Promise.all(level.map((s) => s.stop()));
  });
  const make = (settings, index) => {
    const port = ports.get(settings.name);
    const urls = {};
    for (const other of services)
      if (other.name !== settings.name)
        urls[serviceUrlEnv(other.name)] = `http://127.0.0.1:${ports.get(other.name)}`;
    const env = mergeEnv(urls, appEnv, { PORT: String(port) }, settings.env);
    return new ServiceRun(ctx, {
      settings,
      port,
      env,
      alone,
      first: index === 0,
      plan,
      gone: gone.signal,
      down: (error) => {
        if (down) return;
        down = error;
        gone.abort(error);
      }
    });
  };
  try {
    for (const names of order.levels) {
      if (gone.signal.aborted) throw gone.signal.reason;
      const level = names.map((name) => {
        const index = services.findIndex((s) => s.name === name);
        const run = make(services[index], index);
        runs.set(name, run);
        return run;
      });
      levels.push(level);
      await bootLevel(ctx, level, alone);
    }
  } catch (error) {
    if (error instanceof ServiceDownError) {
      const run = runs.get(error.service);
      await run?.tail.flush();
      throw new StartError(
        `${error.what} before the preview was ready.${error.hint}
${run?.describeTail() ?? ""}`
      );
    }
    throw error;
  }
  const all = [...runs.values()];
  const app = {
    services: services.map((s) => runs.get(s.name)),
    gone: gone.signal,
    down: () => down && `${down.what} while the preview was up.`,
    flush: async () => {
      await Promise.all(all.map((s) => s.tail.flush()));
    },
    describeTail: (service) => (runs.get(service ?? "") ?? app.services[0]).describeTail()
  };
  ctx.reached.app = app;
  for (const run of all) exposure.gate.setUpstreamHost(run.ready.host ?? "127.0.0.1", run.name);
  reportDown(ctx, app);
  return app;
}
async function bootLevel(ctx, level, alone) {
  const { logger } = ctx;
  const settingsOf = (run) => ctx.settings.services.find((s) => s.name === run.name);
  const names = level.map((s) => s.name).join(", ");
  await Promise.all(level.map((s) => s.open()));
  const withSetup = level.filter((s) => settingsOf(s).setup !== void 0);
  if (withSetup.length > 0) {
    logger.startGroup(
      alone ? `Setup: ${settingsOf(level[0]).setup}` : `Setup: ${withSetup.map((s) => s.name).join(", ")}`
    );
    try {
      await together(withSetup, (s, signal) => s.setup(signal));
    } finally {
      logger.endGroup();
    }
  }
  logger.startGroup(alone ? `App: ${settingsOf(level[0]).start}` : `Services: ${names}`);
  try {
    await together(level, (s) => s.launch());
    await together(level, (s, signal) => s.waitReady(signal));
  } finally {
    logger.endGroup();
  }
}
async function together(level, work) {
  const failed = new AbortController();
  let first;
  await Promise.allSettled(
    level.map(async (run) => {
      try {
        await work(run, failed.signal);
      } catch (error) {
        first ??= { error };
        failed.abort(error);
      }
    })
  );
  if (first) throw first.error;
}
function reportDown(ctx, app) {
  app.gone.addEventListener(
    "abort",
    () => {
      if (ctx.teardown.started) return;
      const error = app.gone.reason;
      void (async () => {
        await app.flush();
        const message = app.down() ?? error.what;
        const tail = app.describeTail(error.service);
        ctx.logger.error(`${message}
${tail}`);
        void ctx.deps.publisher?.failed(message);
        await ctx.deps.reporter.crashed?.(ctx.secrets.redact(`${message}
${tail}`));
      })();
    },
    { once: true }
  );
}

// src/pipeline/phases/expose.ts
function expose(ctx, options) {
  const { provider } = options;
  return ctx.clock.run(
    "expose",
    async () => {
      const exposure = await openExposure(ctx, options);
      ctx.reached.exposure = exposure;
      ctx.reached.url = exposure.tunnel.url;
      watchTunnel(ctx, exposure, options.onNewUrl);
      return exposure;
    },
    (e) => `${provider.name}: ${e.tunnel.url}`
  );
}
async function openExposure(ctx, options) {
  const { settings, logger, signal } = ctx;
  const { provider } = options;
  const probeSecrets = newProbeSecrets();
  const probeOptions = {
    path: PROBE_PATH,
    nonce: probeSecrets.nonce,
    headers: { [PROBE_KEY_HEADER]: probeSecrets.key },
    timeoutMs: settings.tunnel.timeoutMs,
    provider: provider.name
  };
  const gate = await startGate({
    // 127.0.0.1 until readiness tells which loopback address each service took (setUpstreamHost).
    routes: options.routes,
    // Chosen free a moment ago and not taken yet: the OS could give one to the gate.
    avoidPorts: options.appPorts,
    settings: settings.gate,
    logger,
    clientIpHeader: provider.clientIpHeader,
    onUpstreamError: (error, service) => {
      const app = ctx.reached.app;
      if (app && !ctx.teardown.started) {
        const what = service === void 0 ? "the app" : `service "${service}"`;
        logger.warning(
          `A request through the gate could not reach ${what} (${errorMessage(error)}).
${app.describeTail(service)}`
        );
      }
    },
    reserved: options.reserved,
    probe: probeSecrets,
    secrets: ctx.secrets
  });
  ctx.teardown.add("gate", () => gate.close());
  if (gate.harPath) ctx.deps.state.save(STATE.harPath, gate.harPath);
  const probe = (url2, probeSignal) => probePublicUrl({ ...probeOptions, url: url2, signal: AbortSignal.any([signal, probeSignal]) }).then(
    () => void 0
  );
  const tunnel = await provider.open(
    { host: "127.0.0.1", port: gate.port },
    { logger, signal, runDir: ctx.dir, env: ctx.childEnv(), probe }
  );
  ctx.teardown.add("tunnel", () => tunnel.close());
  const probed = await probePublicUrl({ ...probeOptions, url: tunnel.url, signal });
  logger.info(`The public URL ${tunnel.url} reaches the gate (probed in ${Math.round(probed.elapsedMs)}ms).`);
  gate.setPublicUrl(tunnel.url);
  return { gate, tunnel };
}
function watchTunnel(ctx, exposure, onNewUrl) {
  exposure.tunnel.on("url", (url2) => {
    ctx.logger.warning(`The tunnel reconnected with a new public URL: ${url2}`);
    exposure.gate.setPublicUrl(url2);
    ctx.reached.url = url2;
    onNewUrl(url2, exposure);
  });
  exposure.tunnel.on("lost", (error) => {
    if (ctx.teardown.started) return;
    const lost = `The tunnel was lost and could not be brought back: ${errorMessage(error)}`;
    ctx.reached.tunnelLost = lost;
    ctx.logger.error(lost);
    void ctx.deps.publisher?.failed(lost);
  });
}

// src/pipeline/phases/github-webhook.ts
async function openGithubWebhook(ctx) {
  const settings = ctx.settings.githubWebhook;
  if (settings === void 0) return void 0;
  const { loadHooksApi, readPublishContext, webhookHooks } = await import("./github-QYVJZXZW.js");
  const context = await readPublishContext(ctx.deps.baseEnv, {
    logger: ctx.logger,
    gitHead: async () => void 0
  });
  if (context === void 0) {
    throw new StartError(
      "github-webhook needs the repository to make the webhook in (GITHUB_REPOSITORY, owner/name)."
    );
  }
  if (ctx.provider === "local") {
    ctx.logger.warning(
      "github-webhook with provider local: the preview's URL is on this machine, which GitHub cannot reach; choose a public tunnel provider."
    );
  }
  const api = await loadHooksApi({ token: settings.token, apiUrl: context.apiUrl, logger: ctx.logger });
  const pr = context.pullRequest;
  const hooks = webhookHooks({
    api,
    repo: context.repo,
    logger: ctx.logger,
    // The preview (comment key and pull request, else branch) and the run: see webhook-marker.ts.
    marker: { scope: `${settings.key}-${pr ? `pr${pr.number}` : context.ref || "run"}`, run: ctx.id }
  });
  const swept = await hooks.sweep();
  if (swept.refused !== void 0) {
    throw new StartError(
      `Input "github-webhook-token" may not manage the webhooks of ${context.repo.owner}/${context.repo.repo}: ${swept.refused}`
    );
  }
  return new TemporaryHook(ctx, settings, hooks, { ...context.repo, apiUrl: context.apiUrl });
}
var TemporaryHook = class {
  constructor(ctx, settings, hooks, where) {
    this.ctx = ctx;
    this.settings = settings;
    this.hooks = hooks;
    this.where = where;
  }
  ctx;
  settings;
  hooks;
  where;
  #hookId;
  /** Repointing, one after another. */
  #moves = Promise.resolve();
  async create(url2) {
    const { ctx, settings, hooks } = this;
    let hook;
    try {
      hook = await hooks.create({
        publicUrl: url2,
        path: settings.path,
        events: settings.events,
        secret: settings.secret
      });
    } catch (error) {
      throw new StartError(`The temporary GitHub webhook (github-webhook): ${errorMessage(error)}`, {
        cause: error
      });
    }
    const id = hook.id;
    this.#hookId = id;
    ctx.deps.state.save(STATE.githubHook, JSON.stringify({ id, ...this.where }));
    ctx.teardown.add("github webhook", () => this.#remove(id));
    const reached = {
      hookId: id,
      log: { events: settings.events, list: () => hooks.deliveries(id) }
    };
    ctx.reached.githubWebhook = reached;
    const ping = await hooks.waitForPing(id, { signal: ctx.signal });
    throwIfCancelled(ctx.signal);
    const message = ctx.secrets.redact(ping.message);
    reached.ping = { ok: ping.ok, message };
    if (ping.ok) ctx.logger.info(message);
    else {
      ctx.logger.error(message);
      ctx.fail(message);
    }
    const now = ctx.reached.url;
    if (now !== void 0 && now !== url2) this.moveTo(now);
    await this.#moves;
  }
  moveTo(url2) {
    const id = this.#hookId;
    if (id === void 0) return;
    this.#moves = this.#moves.then(async () => {
      if (this.ctx.teardown.started) return;
      try {
        await this.hooks.repoint(id, {
          publicUrl: url2,
          path: this.settings.path,
          secret: this.settings.secret
        });
      } catch (error) {
        this.ctx.logger.warning(
          `GitHub still delivers to the preview's old URL: could not point the temporary webhook at ${url2}: ${errorMessage(error)}`
        );
      }
    });
  }
  async #remove(id) {
    await this.#moves;
    const removal = this.hooks.remove(id);
    const gone = this.ctx.signal.aborted ? await withinMs(removal, CANCEL_GRACE_MS, false) : await removal;
    if (gone) this.ctx.deps.state.save(STATE.githubHook, "");
  }
};
function withinMs(promise, ms, fallback) {
  let timer;
  const late = new Promise((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

// src/pipeline/phases/scenarios.ts
async function scenarios(ctx, exposure, keys) {
  if (ctx.settings.scenarios.scenarios.length === 0) {
    ctx.clock.skip("scenarios", "no scenario files");
    return;
  }
  const url2 = ctx.reached.url ?? exposure.tunnel.url;
  const authHeader = clientCredentials(ctx.settings.gate.auth).PREVIEW_AUTH_HEADER;
  const outcome = await ctx.clock.run(
    "scenarios",
    () => runScenarioPhase(ctx, url2, authHeader, keys, () => exposure.gate.loginUrl()),
    (r) => `${r.passed} passed, ${r.failed} failed`
  );
  ctx.reached.scenarios = outcome;
  ctx.passed();
  if (outcome.failed > 0) ctx.fail(`${outcome.failed} scenario(s) failed.`);
}
async function scenarioKeys(ctx) {
  if (!ctx.settings.scenarios.scenarios.some((s) => s.publicKeyEnv !== void 0)) return void 0;
  const keys = (await import("./scenarios-H44GCLC6.js")).createScenarioKeys();
  ctx.secrets.add(keys.discord.privateKeyPem, "the scenarios' Discord signing key");
  return keys;
}
async function scenarioEnv(ctx, keys) {
  if (!keys) return {};
  return (await import("./scenarios-H44GCLC6.js")).scenarioAppEnv(ctx.settings.scenarios.scenarios, keys);
}
async function runScenarioPhase(ctx, url2, authHeader, keys, loginUrl) {
  const { scenarios: scenarios2, junitPath, timeoutMs, browserPath } = ctx.settings.scenarios;
  ctx.logger.info(`Running ${scenarios2.length} scenario(s) against ${url2}`);
  const { annotations, junitXml, runScenarios, summaryMarkdown } = await import("./scenarios-H44GCLC6.js");
  const run = await runScenarios({
    scenarios: scenarios2,
    baseUrl: url2,
    authHeader,
    // ${env.X} in scenario files and secret-env read what the app could read, no more (and
    // scenarios signing for the GitHub webhook's path sign with its secret).
    env: ctx.childEnv(githubWebhookEnv(ctx.settings.githubWebhook)),
    redact: (text) => ctx.secrets.redact(text),
    keys,
    githubDeliveries: ctx.reached.githubWebhook?.log,
    signal: ctx.signal,
    logger: ctx.logger,
    timeoutMs,
    browser: browserPath === void 0 ? void 0 : {
      executablePath: browserPath,
      // The run's marker: the teardown's sweep stops any browser process left behind.
      env: ctx.childEnv(),
      // Next to the HAR, so one upload of that folder has both.
      screenshotsNear: ctx.settings.gate.record?.path ?? path_default.join(ctx.dir, "browser"),
      loginUrl
    }
  });
  const redacted = ctx.secrets.redactDeep(run);
  const redact = (text) => ctx.secrets.redact(text);
  try {
    makeDir(path_default.dirname(junitPath));
    writeFileSync(junitPath, redact(junitXml(redacted)));
  } catch (error) {
    ctx.fail(
      `The JUnit report (input "junit-path") could not be written to ${junitPath}: ${errorMessage(error)}`
    );
  }
  ctx.logger.info(`Scenarios: ${run.passed} passed, ${run.failed} failed (JUnit: ${junitPath}).`);
  return {
    passed: run.passed,
    failed: run.failed,
    junitPath,
    summary: redact(summaryMarkdown(redacted)),
    annotations: annotations(redacted).map((a) => ({
      ...a,
      title: redact(a.title),
      message: redact(a.message)
    }))
  };
}

// src/pipeline/phases/test.ts
async function test(ctx, app) {
  const command = ctx.settings.test;
  if (!command) {
    ctx.clock.skip("test", "no test command");
    return;
  }
  const env = { PREVIEW_URL: ctx.reached.url ?? "", ...clientCredentials(ctx.settings.gate.auth) };
  const code = await ctx.clock.run(
    "test",
    () => runTestCommand(ctx, command, env, app.gone),
    (exitCode) => `exit code ${exitCode}`
  );
  ctx.reached.testExitCode = code;
  if (code === 0) ctx.passed();
  else ctx.fail(`The test command exited with code ${code}.`);
}
async function runTestCommand(ctx, command, previewEnv, appGone) {
  ctx.logger.info(`Running the test command against ${previewEnv.PREVIEW_URL}: ${command}`);
  const test2 = await ctx.deps.launcher.start({
    command,
    cwd: ctx.settings.workingDirectory,
    env: ctx.childEnv(previewEnv),
    output: "inherit"
  });
  ctx.deps.state.save(STATE.testPid, String(test2.pid));
  const stopTest = ctx.teardown.add("test command", () => test2.stop(ctx.grace(), ctx.cutoff));
  const cancelled = new Promise((_, reject) => {
    const onAbort2 = () => reject(ctx.signal.reason);
    if (ctx.signal.aborted) onAbort2();
    else ctx.signal.addEventListener("abort", onAbort2, { once: true });
  });
  cancelled.catch(() => void 0);
  const exit = await Promise.race([test2.exited, cancelled]);
  await stopTest();
  if (appGone.aborted) ctx.logger.warning("The app exited while the test command ran.");
  return exit.code ?? 128 + (exit.signal ? constants.signals[exit.signal] ?? 0 : 0);
}

// src/pipeline/pipeline.ts
async function runPipeline(settings, deps) {
  const { provider, reason } = chooseProvider(settings.provider, {
    settings: settings.tunnel,
    env: deps.baseEnv
  });
  const ctx = new RunContext(settings, deps, provider.name);
  deps.state.save(STATE.runId, ctx.id);
  deps.state.save(STATE.appLog, ctx.appLog);
  registerRunTeardown(ctx);
  let thrown;
  try {
    throwIfCancelled(ctx.signal);
    void deps.publisher?.starting();
    const webhook = await openGithubWebhook(ctx);
    const ports = await chooseServicePorts(settings.services);
    ctx.logger.info(reason);
    const identity = new RunIdentity(ctx);
    const exposure = await expose(ctx, {
      provider,
      appPorts: [...ports.values()],
      routes: gateRoutes(settings.services, ports),
      reserved: identity.route,
      onNewUrl: (url3, moved) => {
        identity.moveTo(url3);
        webhook?.moveTo(url3);
        void announcePreview(ctx, moved, url3);
      }
    });
    const url2 = exposure.tunnel.url;
    const keys = await scenarioKeys(ctx);
    const app = await boot(ctx, exposure, ports, {
      PREVIEW_URL: url2,
      ...identity.enabled ? await identity.start(url2) : {},
      ...await scenarioEnv(ctx, keys)
    });
    await publish(ctx, exposure, webhook && ((url3) => webhook.create(url3)));
    await test(ctx, app);
    await scenarios(ctx, exposure, keys);
    announceChecks(ctx);
    await hold(ctx, app);
    const down = app.down();
    if (down) ctx.fail(down);
    if (ctx.reached.tunnelLost) ctx.fail(ctx.reached.tunnelLost);
  } catch (error) {
    thrown = ctx.signal.aborted && ctx.signal.reason instanceof CancelledError ? ctx.signal.reason : error;
    const cancelled = thrown instanceof CancelledError;
    const why = thrown instanceof CancelledError ? `Cancelled by ${thrown.signal}.` : errorMessage(error);
    ctx.abort(cancelled ? "cancelled" : "start-failed", why);
    void deps.publisher?.failed(why);
  }
  await ctx.clock.run(
    "teardown",
    () => ctx.teardown.run(),
    () => "done"
  );
  if (thrown === void 0 && ctx.signal.aborted) {
    thrown = ctx.signal.reason instanceof CancelledError ? ctx.signal.reason : new CancelledError("SIGTERM");
    ctx.abort("cancelled", `Cancelled by ${thrown.signal} during teardown.`);
  }
  deps.state.save(STATE.tornDown, "true");
  await deps.publisher?.settled();
  await deps.reporter.finished(ctx.result());
  if (thrown !== void 0) throw thrown;
  return ctx.result();
}
function registerRunTeardown(ctx) {
  const publisher = ctx.deps.publisher;
  if (publisher) ctx.teardown.add("publishing", () => publisher.stopped());
  ctx.teardown.add("stragglers", async () => {
    const swept = await sweepMarked(RUN_ID_ENV, ctx.id, ctx.grace(), ctx.cutoff);
    if (swept > 0)
      ctx.logger.warning(
        `Stopped ${swept} leftover process(es) of this run that had left their process group.`
      );
  });
}

export {
  CANCEL_GRACE_MS,
  FOREVER_MS,
  runPipeline
};
