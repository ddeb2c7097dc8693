import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import {
  readActionState,
  writeSummary
} from "./chunk-2HJ4RZUR.js";
import {
  createPublisher,
  readConfigFileIfAny,
  removeConfigFile
} from "./chunk-5EFNQMPJ.js";
import {
  coreLogger
} from "./chunk-LFGR7MS7.js";
import {
  info,
  setFailed,
  summary,
  warning
} from "./chunk-YKLKHHX5.js";
import {
  abortOnSignals
} from "./chunk-7FW4473H.js";
import {
  childEnv,
  configSecrets,
  readStopPlan,
  redactingLogger,
  removeStopPlan
} from "./chunk-CCJA65KF.js";
import "./chunk-3Y4TJIQ3.js";
import {
  loadHooksApi,
  readPublishContext,
  removeHook
} from "./chunk-YBFULNOX.js";
import "./chunk-APRB5VJX.js";
import "./chunk-7S3VWT3P.js";
import "./chunk-STNDWCUP.js";
import "./chunk-FQHZH3D3.js";
import "./chunk-ADOYJPIF.js";
import "./chunk-MTL5JJZW.js";
import {
  SecretRegistry
} from "./chunk-QSITGZFO.js";
import {
  RUN_ID_ENV
} from "./chunk-O3TADS5N.js";
import {
  LogTail,
  describeExit,
  isAlive,
  nodeLauncher,
  processesWithEnv,
  runToEnd,
  stopProcessTree,
  sweepMarked
} from "./chunk-ZJNQSVQY.js";
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
  errorMessage,
  formatDuration,
  sleep
} from "./chunk-S4FSG2IO.js";
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
    await runOwedStops(state.runDir, state.runId);
    await stopLeftovers(state, state.runId);
    const final = readActionState();
    await deleteLeftoverHook(final.githubHook, config);
    if (!final.tornDown) await finishPublishing(final, config);
    await reportBackgroundRun(final, config?.failOnCrash ?? true);
  } catch (error) {
    warning(`preview-tunnel cleanup: ${errorMessage(error)}`);
  } finally {
    if (state.runDir) {
      removeConfigFile(state.runDir);
      removeStopPlan(state.runDir);
    }
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
async function runOwedStops(runDir, runId) {
  const plan = runDir ? readStopPlan(runDir) : void 0;
  if (!runDir || !plan) return;
  const warnings = [];
  for (const owed of [...plan.stops].reverse()) {
    const warning2 = await runOwedStop(owed, plan.graceMs, runId);
    if (warning2) {
      warning(warning2);
      warnings.push(warning2);
    }
  }
  removeStopPlan(runDir);
  if (warnings.length > 0 && process.env.GITHUB_STEP_SUMMARY) {
    const lines = ["**preview-tunnel post step, warnings:**", "", ...warnings.map((w) => `- \u26A0\uFE0F ${w}`), ""];
    await summary.addRaw(lines.join("\n")).write().catch((error) => warning(`Could not write the job summary: ${errorMessage(error)}`));
  }
}
async function runOwedStop(owed, graceMs, runId) {
  const what = `the stop command of ${owed.service}`;
  info(`preview-tunnel: running ${what}, which the run still owed: ${owed.command}`);
  try {
    const outcome = await runToEnd(
      nodeLauncher,
      {
        command: owed.command,
        cwd: owed.cwd,
        env: childEnv(process.env, { ...owed.env, [RUN_ID_ENV]: runId }),
        output: { file: owed.log }
      },
      { timeoutMs: graceMs, killGraceMs: 0 }
    );
    if (outcome.kind === "exited" && outcome.exit.code === 0) {
      info(`preview-tunnel: ${what} finished after ${formatDuration(outcome.ms)}.`);
      return void 0;
    }
    const how = outcome.kind === "exited" ? describeExit(outcome.exit) : `did not finish within ${formatDuration(graceMs)} (stop-grace) and was killed`;
    return `preview-tunnel: ${what} ${how}: what it stops may still be running (its output: ${owed.log}).`;
  } catch (error) {
    return `preview-tunnel: ${what} could not be started: ${errorMessage(error)}`;
  }
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
  const secrets = runSecrets(config);
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
  const { finishForkStatus } = await import("./relay-JZ7AA4AF.js");
  await finishForkStatus({
    commentKey: config.publish.commentKey,
    pullRequest: pr && { number: pr.number, headSha: pr.headSha },
    env: process.env,
    logger: coreLogger,
    record,
    reason: KILLED
  });
}
async function deleteLeftoverHook(hook, config) {
  if (hook === void 0) return;
  const { id, owner, repo, apiUrl } = hook;
  const token = config?.githubWebhook?.token;
  if (config === void 0 || token === void 0) {
    warning(
      `preview-tunnel: the temporary GitHub webhook ${id} of ${owner}/${repo} is left, and the run's settings (its token) are gone: the next run of this preview deletes it, or delete it under Settings \u2192 Webhooks.`
    );
    return;
  }
  const secrets = runSecrets(config);
  const logger = redactingLogger(coreLogger, (text) => secrets.redact(text));
  info(`preview-tunnel: deleting the temporary GitHub webhook ${id} the run left.`);
  const api = await loadHooksApi({ token, apiUrl, logger });
  await removeHook(api, { owner, repo }, id, logger);
}
function runSecrets(config) {
  const secrets = new SecretRegistry();
  for (const { label, value } of configSecrets(config, process.env)) secrets.add(value, label);
  return secrets;
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
