import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import {
  Publisher,
  loadGitHubApi,
  readPublishContext,
  tokenReadOnlyForFork
} from "./chunk-YBFULNOX.js";
import {
  parseCidrs
} from "./chunk-LDT6WRPX.js";
import {
  BlockList
} from "./chunk-VTIJIBSJ.js";
import {
  path_default
} from "./chunk-C6CPBUKC.js";
import {
  readFileSync,
  rmSync,
  writeFileSync
} from "./chunk-RIQZ67RY.js";

// src/config/serialize.ts
var CONFIG_VERSION = 1;
var CONFIG_FILE = "config.json";
var TAG = "__preview_tunnel_type";
function serializeConfig(config) {
  return JSON.stringify({ version: CONFIG_VERSION, config }, function replacer(key, value) {
    const original = this[key];
    if (original instanceof URL) return { [TAG]: "URL", href: original.href };
    if (value instanceof RegExp) return { [TAG]: "RegExp", source: value.source, flags: value.flags };
    if (isCidrList(value)) return { [TAG]: "CidrList", entries: value.entries };
    return value;
  });
}
function deserializeConfig(text) {
  const data = JSON.parse(text, (_key, value) => revive(value));
  if (!isRecord(data) || data.version !== CONFIG_VERSION || !isRecord(data.config)) {
    throw new Error(
      `The run's config file is not one this version wrote (expected version ${CONFIG_VERSION}).`
    );
  }
  return data.config;
}
function revive(value) {
  if (!isRecord(value) || typeof value[TAG] !== "string") return value;
  switch (value[TAG]) {
    case "URL":
      return new URL(String(value.href));
    case "RegExp":
      return new RegExp(String(value.source), String(value.flags));
    case "CidrList":
      return parseCidrs("allow-cidrs", Array.isArray(value.entries) ? value.entries.join(",") : "");
    default:
      throw new Error(`The run's config file has an unknown value type ${String(value[TAG])}.`);
  }
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function isCidrList(value) {
  return isRecord(value) && value.blockList instanceof BlockList && Array.isArray(value.entries);
}
function configFile(runDir) {
  return path_default.join(runDir, CONFIG_FILE);
}
function writeConfigFile(runDir, config) {
  const file = configFile(runDir);
  writeFileSync(file, serializeConfig(config), { mode: 384, flag: "wx" });
  return file;
}
function readConfigFile(runDir) {
  return deserializeConfig(readFileSync(configFile(runDir), "utf8"));
}
function readConfigFileIfAny(runDir) {
  try {
    return readConfigFile(runDir);
  } catch {
    return void 0;
  }
}
function removeConfigFile(runDir) {
  try {
    rmSync(configFile(runDir), { force: true });
  } catch {
  }
}

// src/action/publishing.ts
async function createPublisher(options) {
  const { settings, logger } = options;
  const context = "context" in options ? options.context : await readPublishContext(process.env, { logger });
  const api = settings.token && context ? (
    // No cancellation signal: a cancelled run must still mark its deployment and comment.
    await loadGitHubApi({ token: settings.token, apiUrl: context.apiUrl, logger })
  ) : void 0;
  const publisher = new Publisher({
    api,
    context,
    settings,
    logger,
    redact: options.redact,
    resume: options.resume,
    onRecord: (record) => options.onRecord?.(record, publisher.snapshot()),
    onForbidden: options.onForbidden
  });
  return publisher;
}
async function createRunPublisher(options) {
  const { route, logger, env, settings } = options;
  const context = await readPublishContext(env, { logger });
  const forked = context !== void 0 && tokenReadOnlyForFork(context);
  const relayOnly = route === "relay" || route === "auto" && forked;
  if (!relayOnly && (route === "direct" || !context?.pullRequest)) {
    return { publisher: await createPublisher({ ...options, context }), relay: void 0 };
  }
  const { forkStatusPublisher, withRelayFallback } = await import("./relay-JZ7AA4AF.js");
  const pr = context?.pullRequest;
  const relay = forkStatusPublisher({
    commentKey: settings.commentKey,
    pullRequest: pr && { number: pr.number, headSha: pr.headSha },
    env,
    logger,
    active: relayOnly,
    signal: options.signal,
    onRecord: options.onRelay
  });
  if (relayOnly) {
    logger.info(
      forked ? "This pull request comes from a fork, so the workflow's token is read-only: the preview's status goes to the relay workflow (`mode: relay`) as artifacts, which publishes the comment and deployment. The URL is also in the step's `url` output and the job summary." : "publish: relay: the preview's status goes to the relay workflow (`mode: relay`) as artifacts, which publishes the comment and deployment."
    );
    return { publisher: relay, relay };
  }
  let handedOver = false;
  const handOver = () => {
    if (!handedOver) {
      logger.info(
        "publish: auto: from now on the preview's status goes to the relay workflow (`mode: relay`) as artifacts."
      );
    }
    handedOver = true;
    relay.activate();
  };
  const direct = await createPublisher({ ...options, context, onForbidden: handOver });
  return { publisher: withRelayFallback(direct, relay), relay };
}

export {
  writeConfigFile,
  readConfigFile,
  readConfigFileIfAny,
  removeConfigFile,
  createPublisher,
  createRunPublisher
};
