import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import {
  namedIdpSecrets
} from "./chunk-3Y4TJIQ3.js";
import {
  INPUTS,
  inputEnvName,
  namedTunnelSecrets
} from "./chunk-7S3VWT3P.js";
import {
  namedScenarioSecrets
} from "./chunk-STNDWCUP.js";
import {
  namedGateSecrets
} from "./chunk-FQHZH3D3.js";
import {
  namedGithubWebhookSecrets,
  namedPublishSecrets
} from "./chunk-MTL5JJZW.js";
import {
  RUN_DIR_ENV
} from "./chunk-O3TADS5N.js";
import {
  path_default
} from "./chunk-C6CPBUKC.js";
import {
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync
} from "./chunk-RIQZ67RY.js";

// src/util/env.ts
function mergeEnv(...sources) {
  const env = {};
  for (const source of sources) {
    for (const [name, value] of Object.entries(source)) if (value !== void 0) env[name] = value;
  }
  return env;
}

// src/config/child-env.ts
var FILE_COMMANDS = /* @__PURE__ */ new Set([
  "GITHUB_OUTPUT",
  "GITHUB_STATE",
  "GITHUB_ENV",
  "GITHUB_PATH",
  "GITHUB_STEP_SUMMARY"
]);
var TOKENS = /* @__PURE__ */ new Set(["GITHUB_TOKEN", "GH_TOKEN", "NGROK_AUTHTOKEN"]);
var DEBUG_FLAGS = /* @__PURE__ */ new Set(["ACTIONS_STEP_DEBUG", "ACTIONS_RUNNER_DEBUG"]);
var cliInputNames;
function isWithheld(name) {
  const upper = name.toUpperCase();
  if (upper.startsWith("INPUT_") || upper.startsWith("STATE_")) return true;
  if (upper.startsWith("ACTIONS_")) return !DEBUG_FLAGS.has(upper);
  if (FILE_COMMANDS.has(upper) || TOKENS.has(upper) || upper === RUN_DIR_ENV) return true;
  cliInputNames ??= new Set(Object.keys(INPUTS).map((input) => inputEnvName(input)));
  return cliInputNames.has(upper);
}
function childEnv(runnerEnv, ...given) {
  const kept = Object.fromEntries(Object.entries(runnerEnv).filter(([name]) => !isWithheld(name)));
  return mergeEnv(kept, ...given);
}

// src/util/logger.ts
function redactingLogger(logger, redact) {
  return {
    info: (m) => logger.info(redact(m)),
    warning: (m) => logger.warning(redact(m)),
    error: (m) => logger.error(redact(m)),
    debug: (m) => logger.debug(redact(m)),
    startGroup: (title) => logger.startGroup(redact(title)),
    endGroup: () => logger.endGroup(),
    write: (text) => logger.write(redact(text))
  };
}

// src/config/secrets.ts
function configSecrets(config, env) {
  return [
    ...namedGateSecrets(config.gate),
    ...namedTunnelSecrets(config.tunnel),
    ...namedPublishSecrets(config.publish),
    ...namedScenarioSecrets(config.scenarios, env),
    ...namedIdpSecrets(config.idp),
    ...namedGithubWebhookSecrets(config.githubWebhook)
  ];
}

// src/session/stop-plan.ts
var STOP_PLAN_FILE = "stops.json";
var StopPlan = class {
  constructor(runDir, graceMs) {
    this.graceMs = graceMs;
    this.#file = path_default.join(runDir, STOP_PLAN_FILE);
  }
  graceMs;
  #file;
  #stops = [];
  owe(stop) {
    if (this.#stops.some((s) => s.service === stop.service)) return;
    this.#stops.push(stop);
    this.#write();
  }
  paid(service) {
    this.#stops = this.#stops.filter((s) => s.service !== service);
    this.#write();
  }
  #write() {
    try {
      if (this.#stops.length === 0) {
        rmSync(this.#file, { force: true });
        return;
      }
      const data = { graceMs: this.graceMs, stops: this.#stops };
      writeFileSync(`${this.#file}.tmp`, JSON.stringify(data), { mode: 384 });
      renameSync(`${this.#file}.tmp`, this.#file);
    } catch {
    }
  }
};
function readStopPlan(runDir) {
  try {
    const data = JSON.parse(readFileSync(path_default.join(runDir, STOP_PLAN_FILE), "utf8"));
    return Array.isArray(data.stops) && data.stops.length > 0 ? data : void 0;
  } catch {
    return void 0;
  }
}
function removeStopPlan(runDir) {
  try {
    rmSync(path_default.join(runDir, STOP_PLAN_FILE), { force: true });
  } catch {
  }
}

export {
  mergeEnv,
  childEnv,
  redactingLogger,
  configSecrets,
  StopPlan,
  readStopPlan,
  removeStopPlan
};
