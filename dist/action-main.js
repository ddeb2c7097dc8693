import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import {
  actionSecrets,
  resultOutputs,
  runWired
} from "./chunk-BWQPZ2S2.js";
import {
  actionState,
  annotateScenarios,
  writeSummary
} from "./chunk-2HJ4RZUR.js";
import {
  removeConfigFile,
  writeConfigFile
} from "./chunk-5EFNQMPJ.js";
import {
  coreLogger
} from "./chunk-LFGR7MS7.js";
import {
  error,
  getInput,
  info,
  saveState,
  setFailed,
  setOutput,
  warning
} from "./chunk-YKLKHHX5.js";
import {
  ScenarioInputError,
  buildConfig,
  readActionMode
} from "./chunk-AZQK2MJW.js";
import {
  ARTIFACT_RUNTIME_ENV
} from "./chunk-SKAUZFMM.js";
import {
  CANCEL_GRACE_MS
} from "./chunk-IYPUM6QB.js";
import "./chunk-Y4O7CTZI.js";
import "./chunk-3AIUAVFA.js";
import {
  abortOnSignals
} from "./chunk-7FW4473H.js";
import {
  childEnv
} from "./chunk-CCJA65KF.js";
import "./chunk-3Y4TJIQ3.js";
import "./chunk-YBFULNOX.js";
import "./chunk-APRB5VJX.js";
import "./chunk-WXR4GUQT.js";
import {
  OUTPUTS
} from "./chunk-7S3VWT3P.js";
import "./chunk-STNDWCUP.js";
import "./chunk-FQHZH3D3.js";
import "./chunk-ADOYJPIF.js";
import "./chunk-MTL5JJZW.js";
import "./chunk-QSITGZFO.js";
import {
  RUN_DIR_ENV,
  RUN_ID_ENV,
  STATE,
  newRun
} from "./chunk-O3TADS5N.js";
import {
  LogTail,
  stopProcessTree
} from "./chunk-ZJNQSVQY.js";
import "./chunk-LDT6WRPX.js";
import "./chunk-EHOPSBCD.js";
import {
  tmpdir
} from "./chunk-NR726SSU.js";
import {
  spawn
} from "./chunk-TATCJCUR.js";
import {
  makeDir
} from "./chunk-VTIJIBSJ.js";
import "./chunk-VWFGOYLM.js";
import {
  path_default
} from "./chunk-C6CPBUKC.js";
import {
  closeSync,
  openSync
} from "./chunk-RIQZ67RY.js";
import "./chunk-P7Z7VSPS.js";
import "./chunk-JOYH5WIN.js";
import "./chunk-YJNIKON3.js";
import "./chunk-DDG4KZIH.js";
import {
  CancelledError,
  ConfigError,
  errorMessage
} from "./chunk-S4FSG2IO.js";
import "./chunk-PGICO5ZK.js";

// src/action/supervisor-protocol.ts
function isSupervisorMessage(value) {
  const type = value?.type;
  return type === "output" || type === "holding" || type === "failed";
}

// src/action/background.ts
function runsInBackground(config) {
  return config.keepRunning || config.test === void 0 && config.scenarios.scenarios.length === 0;
}
async function startInBackground(options) {
  const { id: runId, dir: runDir } = options.run;
  const logFile = path_default.join(runDir, "supervisor.log");
  const fd = openSync(logFile, "a");
  const child = spawn(process.execPath, [options.supervisorScript], {
    detached: true,
    stdio: ["ignore", fd, fd, "ipc"],
    // It reads the run's Config from the run folder: no inputs, only what any child may have.
    env: childEnv(process.env, options.env ?? {}, { [RUN_ID_ENV]: runId, [RUN_DIR_ENV]: runDir }),
    windowsHide: true
  });
  closeSync(fd);
  if (child.pid !== void 0) saveState(STATE.supervisorPid, String(child.pid));
  const relay = new LogTail(logFile, 50);
  relay.onLine((line) => process.stdout.write(`${line}
`));
  await relay.start();
  let failure;
  const outcome = await new Promise((resolve) => {
    child.on("message", (message) => {
      if (!isSupervisorMessage(message)) return;
      if (message.type === "output" && message.name in OUTPUTS)
        setOutput(message.name, message.value);
      else if (message.type === "holding") resolve({ kind: "holding", result: message.result });
      else if (message.type === "failed") failure = message.message;
    });
    child.once(
      "error",
      (error2) => resolve({ kind: "failed", message: `Could not start the supervisor: ${error2.message}` })
    );
    child.once("exit", (code, signal) => {
      const exited = `The preview supervisor ${signal ? `was killed by ${signal}` : `exited with code ${code}`}.`;
      resolve({ kind: "failed", message: cancelled ?? failure ?? exited });
    });
    let cancelled;
    const onAbort = () => {
      const reason = options.signal.reason;
      cancelled = `${reason instanceof CancelledError ? reason.message : "Cancelled."} The preview was torn down.`;
      child.kill("SIGTERM");
      void stopAfter(child.pid, CANCEL_GRACE_MS + 1e3);
    };
    if (options.signal.aborted) onAbort();
    else options.signal.addEventListener("abort", onAbort, { once: true });
  });
  await relay.close();
  saveState(STATE.supervisorLogShown, String(relay.offset));
  if (outcome.kind === "holding") {
    child.disconnect();
    child.unref();
  }
  return outcome;
}
async function stopAfter(pid, ms) {
  if (pid === void 0) return;
  await stopProcessTree(pid, { graceMs: ms });
}

// src/action/main.ts
async function runMain() {
  const cancel = abortOnSignals((sig) => coreLogger.warning(`Received ${sig}: tearing the preview down.`));
  let secrets;
  try {
    const source = (name) => getInput(name);
    if (readActionMode(source) === "relay") {
      saveState(STATE.mode, "relay");
      const { runRelayMode } = await import("./relay-main-VZWLUF37.js");
      await runRelayMode(source, cancel.signal);
      return;
    }
    const run = newRun(process.env.RUNNER_TEMP || tmpdir());
    const config = await buildConfig(source, {
      cwd: process.env.GITHUB_WORKSPACE ?? process.cwd(),
      env: process.env,
      runDir: run.dir
    });
    secrets = actionSecrets(config, process.env);
    saveRun(run, config);
    if (runsInBackground(config)) await background(config, run, cancel.signal, secrets);
    else await foreground(config, run, cancel, secrets);
  } catch (error2) {
    if (error2 instanceof ConfigError) {
      for (const problem of error2.problems) {
        if (problem instanceof ScenarioInputError) {
          error(problem.message, { file: problem.location.file, startLine: problem.location.line });
        }
      }
    }
    const message = error2 instanceof CancelledError ? `${error2.message} The preview was torn down.` : errorMessage(error2);
    setFailed(secrets ? secrets.redact(message) : message);
  } finally {
    cancel.dispose();
  }
}
function saveRun(run, config) {
  makeDir(run.dir);
  writeConfigFile(run.dir, config);
  saveState(STATE.runId, run.id);
  saveState(STATE.runDir, run.dir);
}
var setOutputs = (outputs) => {
  for (const [name, value] of Object.entries(outputs)) setOutput(name, value);
};
async function foreground(config, run, cancel, secrets) {
  try {
    const result = await runWired({
      config,
      run,
      logger: coreLogger,
      secrets,
      state: actionState,
      setOutputs,
      signal: cancel.signal,
      urgent: cancel.urgent,
      report: {
        // The pipeline redacted its result with `secrets`.
        finished: async (r) => {
          setOutputs(resultOutputs(r));
          annotateScenarios(r);
          await writeSummary(r).catch(
            (error2) => warning(`Could not write the job summary: ${errorMessage(error2)}`)
          );
        }
      }
    });
    if (result.outcome === "failed") setFailed(result.failure ?? "The run failed.");
  } finally {
    removeConfigFile(run.dir);
  }
}
async function background(config, run, signal, secrets) {
  const outcome = await startInBackground({
    run,
    signal,
    supervisorScript: path_default.join(path_default.dirname(process.argv[1] ?? "."), "supervisor.js"),
    env: relayUploadEnv(config)
  });
  if (outcome.kind === "failed") {
    setFailed(secrets.redact(outcome.message));
    return;
  }
  const result = secrets.redactDeep(outcome.result);
  saveState(STATE.appLog, result.appLog);
  annotateScenarios(result);
  await writeSummary(result).catch(
    (error2) => warning(`Could not write the job summary: ${errorMessage(error2)}`)
  );
  info(`The preview at ${result.url} stays up for the next steps; the post step tears it down.`);
  if (result.outcome === "failed") setFailed(result.failure ?? "The tests failed.");
}
function relayUploadEnv(config) {
  if (config.relay.publish === "direct") return {};
  const env = {};
  for (const name of ARTIFACT_RUNTIME_ENV) {
    const value = process.env[name];
    if (value) env[name] = value;
  }
  return env;
}
export {
  runMain
};
