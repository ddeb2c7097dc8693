import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import {
  createPublisher
} from "./chunk-6UPPLOBH.js";
import {
  setSecret,
  warning
} from "./chunk-XVRMAUBD.js";
import {
  childEnv,
  runPipeline
} from "./chunk-Y65AUZ4B.js";
import {
  STATE,
  configSecrets,
  nodeLauncher,
  redactingLogger
} from "./chunk-6JRKY42D.js";
import {
  SecretRegistry,
  clientCredentials,
  tooShortWarning
} from "./chunk-EPIYIWCW.js";

// src/action/outputs.ts
function previewOutputs(config, info) {
  const auth = config.gate.auth;
  const access = clientCredentials(auth);
  return {
    url: info.url,
    provider: info.provider,
    "har-path": info.harPath ?? "",
    ...auth.mode === "basic" ? { username: auth.username, password: auth.password } : {},
    ...auth.mode === "bearer" ? { token: auth.token } : {},
    "auth-header": access.PREVIEW_AUTH_HEADER ?? ""
  };
}
function resultOutputs(result) {
  return {
    "app-log": result.appLog,
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
  const publisher = await createPublisher({
    settings: config.publish,
    logger: redactingLogger(wired.logger, redact),
    redact,
    onRecord: (record, snapshot) => {
      setOutputs(publishOutputs(record));
      state.save(STATE.publisher, JSON.stringify(snapshot));
    }
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
    stop: wired.stop,
    reporter: {
      ...wired.report,
      preview: (info) => setOutputs(previewOutputs(config, info))
    }
  });
}

export {
  resultOutputs,
  actionSecrets,
  runWired
};
