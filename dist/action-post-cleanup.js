import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import {
  readActionState,
  writeSummary
} from "./chunk-ERKIPKXT.js";
import {
  createPublisher,
  readConfigFileIfAny,
  removeConfigFile
} from "./chunk-DSZIWXGX.js";
import {
  coreLogger
} from "./chunk-YPZWI73F.js";
import {
  info,
  setFailed,
  warning
} from "./chunk-LZ37G2FO.js";
import {
  abortOnSignals
} from "./chunk-H3IK2KXZ.js";
import {
  LogTail,
  RUN_ID_ENV,
  configSecrets,
  isAlive,
  processesWithEnv,
  redactingLogger,
  stopProcessTree,
  sweepMarked
} from "./chunk-JNPI4FDS.js";
import "./chunk-H5VRMRXI.js";
import "./chunk-43J54ITV.js";
import "./chunk-4APMPA4J.js";
import {
  readPublishContext
} from "./chunk-U3LP44OY.js";
import "./chunk-APRB5VJX.js";
import "./chunk-F6NLBT5A.js";
import "./chunk-2JR2XLQM.js";
import "./chunk-E2CMEZH3.js";
import "./chunk-ASMHSPIK.js";
import "./chunk-WO4RLYMO.js";
import "./chunk-FGPKYI5V.js";
import "./chunk-IWCDQGAF.js";
import {
  SecretRegistry
} from "./chunk-QSITGZFO.js";
import "./chunk-HWQAXG6F.js";
import "./chunk-NASAAU6J.js";
import "./chunk-L2ZVH472.js";
import {
  formatDuration,
  sleep
} from "./chunk-5ZE6XM6U.js";
import {
  errorMessage
} from "./chunk-TQQFERRB.js";
import "./chunk-PGICO5ZK.js";

// src/action/post-cleanup.ts
async function cleanUp(state) {
  const cancel = abortOnSignals();
  try {
    const config = state.runDir ? readConfigFileIfAny(state.runDir) : void 0;
    if (state.supervisorPid !== void 0 && isAlive(state.supervisorPid) && belongsToRun(state.supervisorPid, state.runId)) {
      await holdForKeepAlive(config?.keepAliveMs ?? 0, cancel.signal);
      await stopSupervisor(state, state.supervisorPid);
    } else if (state.tornDown) {
      info("preview-tunnel: the main step already tore the preview down; checking for leftovers.");
    }
    await stopLeftovers(state, state.runId);
    const final = readActionState();
    if (!final.tornDown) await finishPublishing(final, config);
    await reportBackgroundRun(final, config?.failOnCrash ?? true);
  } catch (error) {
    warning(`preview-tunnel cleanup: ${errorMessage(error)}`);
  } finally {
    if (state.runDir) removeConfigFile(state.runDir);
    cancel.dispose();
  }
}
var POST_GRACE_MS = 3e3;
var KILLED = "The preview stopped unexpectedly: the process running it was killed.";
var SUPERVISOR_STOP_MS = 2e4;
async function holdForKeepAlive(ms, signal) {
  if (ms <= 0) return;
  info(
    `preview-tunnel: keeping the preview up for ${formatDuration(ms)} (keep-alive), until ${new Date(Date.now() + ms).toISOString()}.`
  );
  await sleep(ms, signal);
}
async function stopSupervisor(state, pid) {
  info("preview-tunnel: stopping the preview.");
  const log = state.runDir ? new LogTail(`${state.runDir}/supervisor.log`, 50, state.supervisorLogShown) : void 0;
  log?.onLine((line) => process.stdout.write(`${line}
`));
  await log?.start().catch(() => void 0);
  try {
    process.kill(pid, "SIGTERM");
  } catch {
  }
  const deadline = Date.now() + SUPERVISOR_STOP_MS;
  while (isAlive(pid) && Date.now() < deadline) await sleep(50);
  if (isAlive(pid)) {
    warning(
      `preview-tunnel: the supervisor did not stop within ${formatDuration(SUPERVISOR_STOP_MS)}; killing it.`
    );
    await stopProcessTree(pid, { graceMs: 0 });
  }
  await log?.close();
}
async function stopLeftovers(state, runId) {
  for (const [what, pid] of [
    ["test command", state.testPid],
    ["app", state.appPid]
  ]) {
    if (pid === void 0 || !isAlive(pid) || !belongsToRun(pid, runId)) continue;
    info(`preview-tunnel: stopping the ${what} (pid ${pid}) left by the main step.`);
    await stopProcessTree(pid, { graceMs: POST_GRACE_MS });
  }
  const swept = await sweepMarked(RUN_ID_ENV, runId, POST_GRACE_MS);
  if (swept > 0) info(`preview-tunnel: stopped ${swept} leftover process(es) of the run.`);
  if (state.appLog) info(`preview-tunnel: the app's log is at ${state.appLog}`);
}
async function finishPublishing(state, config) {
  if (state.relay && config) await finishRelay(state.relay, config);
  if (!state.publisher) return;
  if (config === void 0) {
    warning(
      "preview-tunnel: the run's settings are gone, so the deployment and comment cannot be finished."
    );
    return;
  }
  const secrets = new SecretRegistry();
  for (const { label, value } of configSecrets(config, process.env)) secrets.add(value, label);
  const publisher = await createPublisher({
    settings: config.publish,
    logger: redactingLogger(coreLogger, (text) => secrets.redact(text)),
    redact: (text) => secrets.redact(text),
    resume: JSON.parse(state.publisher)
  });
  await publisher.failed(KILLED);
  await publisher.stopped();
}
async function finishRelay(saved, config) {
  const record = JSON.parse(saved);
  const context = await readPublishContext(process.env, { logger: coreLogger });
  const pr = context?.pullRequest;
  const { finishForkStatus } = await import("./relay-2IDJHIYV.js");
  await finishForkStatus({
    commentKey: config.publish.commentKey,
    pullRequest: pr && { number: pr.number, headSha: pr.headSha },
    env: process.env,
    logger: coreLogger,
    record,
    reason: KILLED
  });
}
async function reportBackgroundRun(state, failOnCrash) {
  if (state.supervisorPid === void 0) return;
  if (state.result) {
    const result = JSON.parse(state.result);
    await writeSummary(result).catch(
      (error) => warning(`Could not write the job summary: ${errorMessage(error)}`)
    );
  }
  if (!state.crash) return;
  if (failOnCrash) setFailed(state.crash);
  else warning(state.crash);
}
function belongsToRun(pid, runId) {
  if (process.platform !== "linux") return true;
  return processesWithEnv(RUN_ID_ENV, runId).includes(pid);
}
export {
  cleanUp
};
