import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import {
  createRunPublisher
} from "./chunk-5EFNQMPJ.js";
import {
  setSecret,
  warning
} from "./chunk-YKLKHHX5.js";
import {
  runPipeline
} from "./chunk-IYPUM6QB.js";
import {
  childEnv,
  configSecrets,
  redactingLogger
} from "./chunk-CCJA65KF.js";
import {
  clientCredentials
} from "./chunk-FQHZH3D3.js";
import {
  SecretRegistry,
  tooShortWarning
} from "./chunk-QSITGZFO.js";
import {
  STATE
} from "./chunk-O3TADS5N.js";
import {
  nodeLauncher
} from "./chunk-ZJNQSVQY.js";

// src/action/outputs.ts
function previewOutputs(config, info) {
  const auth = config.gate.auth;
  const access = clientCredentials(auth);
  return {
    url: info.url,
    provider: info.provider,
    "har-path": info.harPath ?? "",
    "inspector-url": info.inspectorUrl ?? "",
    ...auth.mode === "basic" ? { username: auth.username, password: auth.password } : {},
    ...auth.mode === "bearer" || auth.mode === "github" ? { token: auth.token } : {},
    "auth-header": access.PREVIEW_AUTH_HEADER ?? ""
  };
}
function resultOutputs(result) {
  return {
    "app-log": result.appLog,
    "logs-dir": result.logsDir,
    ...result.testExitCode === void 0 ? {} : { "test-exit-code": String(result.testExitCode) },
    passed: String(result.scenarios?.passed ?? 0),
    failed: String(result.scenarios?.failed ?? 0),
    "junit-path": result.scenarios?.junitPath ?? ""
  };
}
function publishOutputs(record) {
  return {
    "comment-id": record.commentId === void 0 ? "" : String(record.commentId),
    "deployment-id": record.deploymentId === void 0 ? "" : String(record.deploymentId),
    environment: record.environment ?? ""
  };
}

// src/action/secrets.ts
function actionSecrets(config, env) {
  const secrets = new SecretRegistry({
    onAdd: (value) => setSecret(value),
    onTooShort: (label) => warning(tooShortWarning(label))
  });
  for (const { label, value } of configSecrets(config, env)) secrets.add(value, label);
  return secrets;
}

// src/action/wiring.ts
async function runWired(wired) {
  const { config, secrets, state, setOutputs } = wired;
  const redact = (text) => secrets.redact(text);
  const { publisher, relay } = await createRunPublisher({
    settings: config.publish,
    logger: redactingLogger(wired.logger, redact),
    redact,
    onRecord: (record, snapshot) => {
      setOutputs(publishOutputs(record));
      state.save(STATE.publisher, JSON.stringify(snapshot));
    },
    route: config.relay.publish,
    env: process.env,
    signal: wired.signal,
    onRelay: (record) => state.save(STATE.relay, JSON.stringify(record))
  });
  return runPipeline(config, {
    logger: wired.logger,
    launcher: nodeLauncher,
    state,
    publisher,
    run: wired.run,
    // What children may inherit of this process's environment (the inputs, if any, withheld).
    baseEnv: childEnv(process.env),
    secrets,
    signal: wired.signal,
    ...wired.urgent ? { urgent: wired.urgent } : {},
    stop: wired.stop,
    reporter: {
      ...wired.report,
      preview: (info) => setOutputs(previewOutputs(config, info)),
      holding: (result) => {
        relay?.phaseTimes(result.phases);
        if (result.scenarios) relay?.scenariosDone(result.scenarios);
        return wired.report.holding?.(result);
      }
    }
  });
}

export {
  resultOutputs,
  actionSecrets,
  runWired
};
