import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import {
  actionSecrets,
  resultOutputs,
  runWired
} from "./chunk-QGBRULF6.js";
import {
  readConfigFile,
  removeConfigFile
} from "./chunk-XUMRW72Z.js";
import {
  coreLogger
} from "./chunk-KXBCKHGL.js";
import "./chunk-NL6I4WQY.js";
import "./chunk-CXVGGTGC.js";
import "./chunk-7EVMY665.js";
import "./chunk-S2ADTU3Q.js";
import "./chunk-ESD6MRBG.js";
import "./chunk-ASMHSPIK.js";
import "./chunk-GCCKFXDP.js";
import "./chunk-APRB5VJX.js";
import "./chunk-7S3VWT3P.js";
import "./chunk-STNDWCUP.js";
import "./chunk-ESYU76G7.js";
import "./chunk-WG4NBYV4.js";
import "./chunk-MTL5JJZW.js";
import "./chunk-QSITGZFO.js";
import {
  RUN_DIR_ENV,
  RUN_ID_ENV,
  STATE,
  fileState
} from "./chunk-URHJZ42D.js";
import "./chunk-VAXRBNA3.js";
import "./chunk-CUHLHYZM.js";
import "./chunk-H5VRMRXI.js";
import "./chunk-4APMPA4J.js";
import "./chunk-F6NLBT5A.js";
import "./chunk-2OFYNOAK.js";
import "./chunk-H7O7IPFX.js";
import "./chunk-IWCDQGAF.js";
import "./chunk-HWQAXG6F.js";
import "./chunk-DKZ2NEOY.js";
import "./chunk-L2ZVH472.js";
import {
  CancelledError,
  errorMessage
} from "./chunk-6OTEV7IO.js";
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
