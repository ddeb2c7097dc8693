import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import {
  SEQUENCE_MAX,
  STATUS_FILE,
  STATUS_PROVIDERS,
  STATUS_SCHEMA_VERSION,
  serializeStatus,
  statusArtifactName,
  statusSequenceOf,
  statusUrl
} from "./chunk-EOOVL6RQ.js";
import "./chunk-D6DGZTI2.js";
import {
  ARTIFACT_RUNTIME_ENV,
  DEFAULT_RELAY_SETTINGS,
  KNOWN_TUNNEL_DOMAINS
} from "./chunk-SKAUZFMM.js";
import {
  loadVendored,
  vendoredDir
} from "./chunk-Y4O7CTZI.js";
import {
  loadGitHubClient
} from "./chunk-YBFULNOX.js";
import "./chunk-APRB5VJX.js";
import "./chunk-MTL5JJZW.js";
import "./chunk-QSITGZFO.js";
import {
  tmpdir
} from "./chunk-NR726SSU.js";
import "./chunk-TATCJCUR.js";
import {
  path_default
} from "./chunk-C6CPBUKC.js";
import {
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync
} from "./chunk-RIQZ67RY.js";
import {
  errorMessage,
  formatDuration
} from "./chunk-S4FSG2IO.js";
import {
  __require
} from "./chunk-PGICO5ZK.js";

// src/relay/status-publisher.ts
var RelayStatusPublisher = class {
  constructor(options) {
    this.options = options;
    this.now = options.now ?? (() => /* @__PURE__ */ new Date());
    this.active = options.active ?? true;
  }
  options;
  status;
  failedOnce = false;
  url;
  provider;
  tests;
  scenarios;
  phases;
  times = {};
  now;
  active;
  /** Starts uploading, beginning with the status as it stands. Idempotent. */
  activate() {
    if (this.active) return;
    this.active = true;
    this.record();
    if (this.status !== void 0) this.options.sink.submit(this.report(this.status));
  }
  starting() {
    if (this.status === void 0) this.change("starting", "started");
    return Promise.resolve();
  }
  live(info) {
    if (this.ended()) return Promise.resolve();
    this.url = statusUrl(info.url);
    this.provider = STATUS_PROVIDERS.includes(info.provider) ? info.provider : void 0;
    this.record();
    this.change(this.failedOnce ? "failed" : this.tests ? "tests" : "live", "live");
    return Promise.resolve();
  }
  testsDone(result) {
    if (this.ended()) return Promise.resolve();
    this.tests = { passed: result.passed, total: result.total };
    this.change(this.failedOnce ? "failed" : "tests", "tests");
    return Promise.resolve();
  }
  /** The scenarios' own counts (testsDone carries them summed with the test command). */
  scenariosDone(result) {
    if (this.ended()) return;
    this.scenarios = { passed: result.passed, failed: result.failed };
  }
  /** How long each phase took (the job summary's PhaseRecords); sent with the next status. */
  phaseTimes(records) {
    this.phases = Object.fromEntries(records.slice(0, 16).map((r) => [r.name, Math.round(r.ms)]));
  }
  /** The reason is not sent: it is free text (an app's output could hold anything). */
  failed(_reason) {
    if (this.ended() || this.cancelling()) return Promise.resolve();
    this.failedOnce = true;
    this.change("failed", void 0);
    return Promise.resolve();
  }
  /** Teardown is done: the last status. Waits for it to be uploaded, within finalTimeoutMs. */
  stopped() {
    return this.end(this.cancelling() ? "cancelled" : "stopped");
  }
  /** The run was cancelled (in place of failed() + stopped()): the last status. */
  cancelled() {
    return this.end("cancelled");
  }
  async settled() {
    if (!this.active) return;
    await this.options.sink.flush(this.options.finalTimeoutMs ?? 5e3);
  }
  async end(status) {
    if (!this.ended()) this.change(status, "ended");
    await this.settled();
  }
  cancelling() {
    return this.options.signal?.aborted === true;
  }
  /** Tells onRecord where the preview is, once uploading (the post step may have to finish). */
  record() {
    if (!this.active) return;
    try {
      this.options.onRecord?.({ url: this.url, provider: this.provider });
    } catch {
    }
  }
  ended() {
    return this.status === "stopped" || this.status === "cancelled";
  }
  change(status, time) {
    this.status = status;
    if (time && this.times[time] === void 0) this.times[time] = this.now().toISOString();
    if (this.active) this.options.sink.submit(this.report(status));
  }
  report(status) {
    const { pullRequest, headSha } = this.options;
    return {
      // A failure stays visible in the last status, which may be the only one the relay reads.
      status: this.failedOnce && status === "stopped" ? "failed" : status,
      ...this.url ? { url: this.url } : {},
      ...this.provider ? { provider: this.provider } : {},
      ...this.tests ? { tests: { ...this.tests } } : {},
      ...this.scenarios ? { scenarios: { ...this.scenarios } } : {},
      times: { ...this.times },
      ...this.phases ? { phases: { ...this.phases } } : {},
      ...pullRequest !== void 0 ? { pullRequest } : {},
      ...headSha && /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(headSha) ? { headSha } : {}
    };
  }
};

// builtin:async_hooks
var builtin = __require("node:async_hooks");
var AsyncLocalStorage = /* @__PURE__ */ (() => builtin.AsyncLocalStorage)();

// src/relay/library-output.ts
var speaking = new AsyncLocalStorage();
var installed;
function quietly(call) {
  install();
  return speaking.run(true, call);
}
var URL_QUERY = /\b(https?:\/\/[^\s"'<>?#]*)[?#][^\s"'<>]*/gi;
function asDebugLines(text) {
  return text.split(/(\r\n|\r|\n)/).map((part, i) => {
    if (i % 2 === 1 || part.trim() === "" || part.startsWith("::add-mask::")) return part;
    const command = /^::[a-z-]+(?: [^:]*)?::/i.exec(part);
    const message = command ? part.slice(command[0].length) : part;
    return `::debug::${message.replace(URL_QUERY, "$1?(redacted)")}`;
  }).join("");
}
function install() {
  const stdout = process.stdout;
  if (stdout.write === installed) return;
  const write = stdout.write;
  const wrapped = function(chunk, ...rest) {
    const text = speaking.getStore() && (typeof chunk === "string" || Buffer.isBuffer(chunk)) ? asDebugLines(chunk.toString()) : chunk;
    return write.call(this, text, ...rest);
  };
  stdout.write = wrapped;
  installed = wrapped;
}

// src/relay/upload.ts
var StatusUploader = class {
  constructor(options) {
    this.options = options;
  }
  options;
  pending;
  draining;
  sequence;
  store;
  gaveUp = false;
  /** The highest sequence uploaded so far (0 before the first). */
  get lastSequence() {
    return this.sequence ?? 0;
  }
  /** Queues `report`, replacing any status still waiting; returns at once. */
  submit(report) {
    if (this.gaveUp) return;
    this.pending = report;
    this.kick();
  }
  kick() {
    if (this.draining) return;
    this.draining = this.drain().finally(() => {
      this.draining = void 0;
      if (this.pending && !this.gaveUp) this.kick();
    });
  }
  /**
   * Waits until everything submitted is uploaded, at most `timeoutMs`. Resolves true when it
   * all went out (or failed with a warning), false on the deadline; never rejects.
   */
  async flush(timeoutMs) {
    let draining = this.draining;
    if (!draining) return true;
    let timer;
    const deadline = new Promise((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
      timer.unref?.();
    });
    let done = true;
    while (draining !== void 0 && done) {
      done = await Promise.race([draining.then(() => true), deadline]);
      draining = this.draining;
    }
    clearTimeout(timer);
    if (!done) {
      this.options.logger.warning(
        `The preview's last status did not reach the relay workflow within ${formatDuration(timeoutMs)}; the relay marks the preview stopped when the run completes.`
      );
    }
    return done;
  }
  async drain() {
    for (let report = this.take(); report; report = this.take()) {
      try {
        await this.uploadOne(report);
      } catch (error) {
        this.options.logger.warning(`Uploading the preview's status failed: ${errorMessage(error)}`);
      }
    }
  }
  take() {
    const report = this.pending;
    this.pending = void 0;
    return report;
  }
  async uploadOne(report) {
    const { logger, key, attempt } = this.options;
    let store;
    try {
      this.store ??= this.options.store();
      store = await this.store;
    } catch (error) {
      this.gaveUp = true;
      logger.warning(
        `Cannot upload the preview's status for the relay workflow: ${errorMessage(error)}. The relay will not show this preview.`
      );
      return;
    }
    if (this.sequence === void 0) {
      this.sequence = await this.existingSequence(store).catch((error) => {
        logger.debug(`Could not list the run's artifacts: ${errorMessage(error)}`);
        return 0;
      });
    }
    for (let tries = 0; tries < 2; tries++) {
      if (this.sequence >= SEQUENCE_MAX) {
        this.gaveUp = true;
        logger.warning(
          `The preview uploaded ${SEQUENCE_MAX} statuses; later ones are not sent to the relay.`
        );
        return;
      }
      const sequence = this.sequence + 1;
      const status = { ...report, schema: STATUS_SCHEMA_VERSION, sequence };
      let json;
      try {
        json = serializeStatus(status);
      } catch (error) {
        logger.warning(`The preview's status was not uploaded (it is not valid: ${errorMessage(error)}).`);
        return;
      }
      const name = statusArtifactName(key, attempt, sequence);
      try {
        await store.upload(name, json);
        this.sequence = sequence;
        logger.debug(`Uploaded the preview's status "${report.status}" as artifact ${name}.`);
        return;
      } catch (error) {
        const conflict = /\b409\b|already exists/i.test(errorMessage(error));
        if (conflict && tries === 0) {
          this.sequence = Math.max(sequence, await this.existingSequence(store).catch(() => sequence));
          continue;
        }
        logger.warning(
          `Could not upload the preview's status for the relay workflow (artifact ${name}): ${errorMessage(error)}`
        );
        this.sequence = sequence;
        return;
      }
    }
  }
  async existingSequence(store) {
    const { key, attempt } = this.options;
    let highest = 0;
    for (const name of await store.names()) {
      highest = Math.max(highest, statusSequenceOf(name, key, attempt) ?? 0);
    }
    return highest;
  }
};
var ARTIFACT_PACKAGE = "@actions/artifact";
async function loadArtifactStore(options) {
  const env = options.env ?? process.env;
  const missing = ARTIFACT_RUNTIME_ENV.filter((name) => !env[name]);
  if (missing.length > 0) {
    throw new Error(
      `${missing.join(" and ")} ${missing.length > 1 ? "are" : "is"} not set (the runner sets them for every JavaScript action step)`
    );
  }
  const { module, from } = await loadVendored(vendoredDir("artifact"), ARTIFACT_PACKAGE);
  const client = module;
  if (typeof client.uploadArtifact !== "function" || typeof client.listArtifacts !== "function") {
    throw new Error(`${from} has no artifact client`);
  }
  const retentionDays = options.retentionDays ?? 1;
  return {
    async upload(name, json) {
      const dir = mkdtempSync(path_default.join(options.tempDir, "preview-tunnel-status-"));
      try {
        const file = path_default.join(dir, STATUS_FILE);
        writeFileSync(file, json, { mode: 384 });
        await quietly(() => client.uploadArtifact(name, [file], dir, { retentionDays }));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    async names() {
      const { artifacts } = await quietly(() => client.listArtifacts());
      return artifacts.map((a) => a.name);
    }
  };
}

// src/relay/index.ts
function forkStatusPublisher(options) {
  const { env } = options;
  const attempt = Number(env.GITHUB_RUN_ATTEMPT || "1");
  const uploader = new StatusUploader({
    store: () => loadArtifactStore({ tempDir: env.RUNNER_TEMP || tmpdir(), env }),
    key: options.commentKey,
    attempt: Number.isInteger(attempt) && attempt > 0 ? attempt : 1,
    logger: options.logger
  });
  return new RelayStatusPublisher({
    sink: uploader,
    pullRequest: options.pullRequest?.number,
    headSha: options.pullRequest?.headSha,
    active: options.active,
    finalTimeoutMs: options.finalTimeoutMs,
    signal: options.signal,
    onRecord: options.onRecord
  });
}
async function finishForkStatus(options) {
  const publisher = forkStatusPublisher({ ...options, active: false });
  const { url, provider } = options.record;
  if (url) await publisher.live({ url, provider: provider ?? "tunnel" });
  await publisher.failed(options.reason);
  await publisher.stopped();
  publisher.activate();
  await publisher.settled();
}
function withRelayFallback(publisher, relay) {
  const both = async (a, b) => {
    await Promise.all([a, b]);
  };
  return {
    starting: () => both(publisher.starting(), relay.starting()),
    live: (info) => both(publisher.live(info), relay.live(info)),
    testsDone: (result) => both(publisher.testsDone(result), relay.testsDone(result)),
    failed: (reason) => both(publisher.failed(reason), relay.failed(reason)),
    stopped: () => both(publisher.stopped(), relay.stopped()),
    settled: () => both(publisher.settled(), relay.settled())
  };
}
async function runRelayAction(options) {
  const { env, logger, publish } = options;
  const [{ parseRelayEvent }, { runRelay }, { createRelayApi }] = await Promise.all([
    import("./event-PYIEYHP5.js"),
    import("./relay-VWUY4NBG.js"),
    import("./api-PJVOIQ7E.js")
  ]);
  const eventName = env.GITHUB_EVENT_NAME ?? "";
  let payload = {};
  if (env.GITHUB_EVENT_PATH) payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, "utf8"));
  const event = parseRelayEvent(eventName, payload);
  if (typeof event === "string") {
    if (eventName !== "workflow_run") throw new Error(`Input "mode" is "relay", but ${event}.`);
    logger.info(`Relay: ${event}.`);
    return void 0;
  }
  if (!publish.token) {
    throw new Error(
      'Input "github-token" is empty: the relay needs a token with `actions: read`, `pull-requests: write` and `deployments: write`.'
    );
  }
  const apiUrl = (env.GITHUB_API_URL || "https://api.github.com").replace(/\/+$/, "");
  const client = { token: publish.token, apiUrl, logger, signal: options.signal };
  return runRelay(
    {
      event,
      settings: options.settings,
      publish: { ...publish, commentKey: options.settings.commentKey },
      serverUrl: env.GITHUB_SERVER_URL || "https://github.com",
      apiUrl
    },
    {
      api: await createRelayApi(client),
      github: (await loadGitHubClient()).createGitHubApi(client),
      logger,
      signal: options.signal
    }
  );
}
export {
  DEFAULT_RELAY_SETTINGS,
  KNOWN_TUNNEL_DOMAINS,
  RelayStatusPublisher,
  finishForkStatus,
  forkStatusPublisher,
  runRelayAction,
  withRelayFallback
};
