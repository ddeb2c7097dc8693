import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import {
  actionSecrets,
  resultOutputs,
  runWired
} from "./chunk-BWQPZ2S2.js";
import {
  readConfigFile,
  removeConfigFile
} from "./chunk-5EFNQMPJ.js";
import {
  coreLogger
} from "./chunk-LFGR7MS7.js";
import "./chunk-YKLKHHX5.js";
import "./chunk-IYPUM6QB.js";
import "./chunk-Y4O7CTZI.js";
import "./chunk-3AIUAVFA.js";
import "./chunk-CCJA65KF.js";
import "./chunk-3Y4TJIQ3.js";
import "./chunk-YBFULNOX.js";
import "./chunk-APRB5VJX.js";
import "./chunk-7S3VWT3P.js";
import "./chunk-STNDWCUP.js";
import "./chunk-FQHZH3D3.js";
import "./chunk-ADOYJPIF.js";
import "./chunk-MTL5JJZW.js";
import "./chunk-QSITGZFO.js";
import {
  RUN_DIR_ENV,
  RUN_ID_ENV,
  STATE,
  fileState
} from "./chunk-O3TADS5N.js";
import "./chunk-ZJNQSVQY.js";
import "./chunk-LDT6WRPX.js";
import "./chunk-EHOPSBCD.js";
import "./chunk-NR726SSU.js";
import "./chunk-TATCJCUR.js";
import "./chunk-VTIJIBSJ.js";
import "./chunk-VWFGOYLM.js";
import "./chunk-C6CPBUKC.js";
import "./chunk-RIQZ67RY.js";
import "./chunk-YJNIKON3.js";
import "./chunk-DDG4KZIH.js";
import {
  CancelledError,
  errorMessage
} from "./chunk-S4FSG2IO.js";
import "./chunk-PGICO5ZK.js";

// src/action/supervisor.ts
async function runSupervisor() {
  const runId = process.env[RUN_ID_ENV];
  const runDir = process.env[RUN_DIR_ENV];
  if (!runId || !runDir) {
    process.stderr.write(`preview-tunnel supervisor: ${RUN_ID_ENV} and ${RUN_DIR_ENV} must be set
`);
    process.exitCode = 2;
    return;
  }
  const send = (message) => {
    if (process.connected) process.send?.(message);
  };
  const setOutputs = (outputs) => {
    for (const [name, value] of Object.entries(outputs)) send({ type: "output", name, value });
  };
  let attached = true;
  let secrets;
  const redact = (text) => secrets ? secrets.redact(text) : text;
  const stepLog = { ...coreLogger, write: (text) => attached && coreLogger.write(text) };
  process.on("disconnect", () => {
    attached = false;
  });
  const cancel = new AbortController();
  const stop = new AbortController();
  let holding = false;
  const onSignal = (signal) => {
    if (holding && signal === "SIGTERM") stop.abort();
    else if (!cancel.signal.aborted) cancel.abort(new CancelledError(signal));
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
  const state = fileState(runDir);
  try {
    const config = readConfigFile(runDir);
    secrets = actionSecrets(config, process.env);
    await runWired({
      config,
      run: { id: runId, dir: runDir },
      logger: stepLog,
      secrets,
      state,
      setOutputs,
      signal: cancel.signal,
      stop: stop.signal,
      report: {
        holding: (result) => {
          holding = true;
          setOutputs(resultOutputs(result));
          send({ type: "holding", result });
        },
        crashed: (message) => state.save(STATE.crash, redact(message)),
        finished: (result) => state.save(STATE.result, JSON.stringify(result))
      }
    });
  } catch (error) {
    send({ type: "failed", message: redact(errorMessage(error)) });
    process.exitCode = 1;
  } finally {
    process.off("SIGTERM", onSignal);
    process.off("SIGINT", onSignal);
    removeConfigFile(runDir);
    if (process.connected) process.disconnect();
  }
}
export {
  runSupervisor
};
