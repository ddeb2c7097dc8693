/**
 * The post step's cleanup of a run (post.ts loads it only when the main step started one):
 * stops the background supervisor after `keep-alive`, cleans up whatever a killed main step
 * left, finishes publishing, reports an app crash in background mode. Cleanup problems are
 * warnings only. It reads no input: what it needs is in the saved state and in the run's
 * Config, which the main step wrote to the run folder (and which it deletes at its end).
 */

import * as core from "@actions/core";
import {
  describeExit,
  isAlive,
  LogTail,
  nodeLauncher,
  processesWithEnv,
  runToEnd,
  stopProcessTree,
  sweepMarked,
} from "../app/index.js";
import { childEnv } from "../config/child-env.js";
import type { Config } from "../config/config.js";
import { configSecrets } from "../config/secrets.js";
import { readConfigFileIfAny, removeConfigFile } from "../config/serialize.js";
import { errorMessage } from "../errors.js";
import { loadHooksApi, type PublisherSnapshot, readPublishContext, removeHook } from "../github/index.js";
import type { RunResult } from "../pipeline/context.js";
import type { RelayRecord } from "../relay/index.js";
import { RUN_ID_ENV } from "../session/run.js";
import { abortOnSignals } from "../session/signals.js";
import type { SavedHook, SavedState } from "../session/state.js";
import { type OwedStop, readStopPlan, removeStopPlan } from "../session/stop-plan.js";
import { redactingLogger } from "../util/logger.js";
import { SecretRegistry } from "../util/secrets.js";
import { formatDuration, sleep } from "../util/time.js";
import { coreLogger } from "./logger.js";
import { createPublisher } from "./publishing.js";
import { readActionState } from "./state.js";
import { writeSummary } from "./summary.js";

export async function cleanUp(state: SavedState & { readonly runId: string }): Promise<void> {
  const cancel = abortOnSignals();
  try {
    // The run's settings as the main step built them (gone once a teardown finished the run).
    const config = state.runDir ? readConfigFileIfAny(state.runDir) : undefined;
    if (
      state.supervisorPid !== undefined &&
      isAlive(state.supervisorPid) &&
      belongsToRun(state.supervisorPid, state.runId)
    ) {
      await holdForKeepAlive(config?.keepAliveMs ?? 0, cancel.signal);
      await stopSupervisor(state, state.supervisorPid);
    } else if (state.tornDown) {
      core.info("preview-tunnel: the main step already tore the preview down; checking for leftovers.");
    }
    // Before the process trees: as the run's own teardown does (a stop command may need the app).
    await runOwedStops(state.runDir, state.runId);
    await stopLeftovers(state, state.runId);
    const final = readActionState();
    await deleteLeftoverHook(final.githubHook, config);
    if (!final.tornDown) await finishPublishing(final, config);
    await reportBackgroundRun(final, config?.failOnCrash ?? true);
  } catch (error) {
    core.warning(`preview-tunnel cleanup: ${errorMessage(error)}`);
  } finally {
    // Whatever happened: the run's secrets leave the run folder.
    if (state.runDir) {
      removeConfigFile(state.runDir);
      removeStopPlan(state.runDir);
    }
    cancel.dispose();
  }
}

const POST_GRACE_MS = 3000;
const KILLED = "The preview stopped unexpectedly: the process running it was killed.";
/** The supervisor's own teardown (publishing the final status included) gets this long. */
const SUPERVISOR_STOP_MS = 20_000;

/** In background mode, `keep-alive` holds the preview for reviewers before it is stopped. */
async function holdForKeepAlive(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0) return;
  core.info(
    `preview-tunnel: keeping the preview up for ${formatDuration(ms)} (keep-alive), until ${new Date(Date.now() + ms).toISOString()}.`,
  );
  await sleep(ms, signal);
}

async function stopSupervisor(state: SavedState, pid: number): Promise<void> {
  core.info("preview-tunnel: stopping the preview.");
  // Show what the supervisor logs while it tears down (after what the main step showed).
  const log = state.runDir
    ? new LogTail(`${state.runDir}/supervisor.log`, 50, state.supervisorLogShown)
    : undefined;
  log?.onLine((line) => process.stdout.write(`${line}\n`));
  await log?.start().catch(() => undefined);
  try {
    process.kill(pid, "SIGTERM");
  } catch {
    // already gone
  }
  const deadline = Date.now() + SUPERVISOR_STOP_MS;
  while (isAlive(pid) && Date.now() < deadline) await sleep(50);
  if (isAlive(pid)) {
    core.warning(
      `preview-tunnel: the supervisor did not stop within ${formatDuration(SUPERVISOR_STOP_MS)}; killing it.`,
    );
    await stopProcessTree(pid, { graceMs: 0 });
  }
  await log?.close();
}

/**
 * The stop commands the process running the preview still owed when it died (it was killed,
 * or the supervisor did not stop in time): what they stop (Docker's containers) belongs to no
 * process of the run, so nothing else would. Last started, first stopped. A failure is a
 * warning, in the summary too.
 */
async function runOwedStops(runDir: string | undefined, runId: string): Promise<void> {
  const plan = runDir ? readStopPlan(runDir) : undefined;
  if (!runDir || !plan) return;
  const warnings: string[] = [];
  for (const owed of [...plan.stops].reverse()) {
    const warning = await runOwedStop(owed, plan.graceMs, runId);
    if (warning) {
      core.warning(warning);
      warnings.push(warning);
    }
  }
  removeStopPlan(runDir);
  if (warnings.length > 0 && process.env.GITHUB_STEP_SUMMARY) {
    const lines = ["**preview-tunnel post step, warnings:**", "", ...warnings.map((w) => `- ⚠️ ${w}`), ""];
    await core.summary
      .addRaw(lines.join("\n"))
      .write()
      .catch((error) => core.warning(`Could not write the job summary: ${errorMessage(error)}`));
  }
}

/** Runs one owed stop command; returns a warning when it failed. */
async function runOwedStop(owed: OwedStop, graceMs: number, runId: string): Promise<string | undefined> {
  const what = `the stop command of ${owed.service}`;
  core.info(`preview-tunnel: running ${what}, which the run still owed: ${owed.command}`);
  try {
    const outcome = await runToEnd(
      nodeLauncher,
      {
        command: owed.command,
        cwd: owed.cwd,
        env: childEnv(process.env, { ...owed.env, [RUN_ID_ENV]: runId }),
        output: { file: owed.log },
      },
      { timeoutMs: graceMs, killGraceMs: 0 },
    );
    if (outcome.kind === "exited" && outcome.exit.code === 0) {
      core.info(`preview-tunnel: ${what} finished after ${formatDuration(outcome.ms)}.`);
      return undefined;
    }
    const how =
      outcome.kind === "exited"
        ? describeExit(outcome.exit)
        : `did not finish within ${formatDuration(graceMs)} (stop-grace) and was killed`;
    return `preview-tunnel: ${what} ${how}: what it stops may still be running (its output: ${owed.log}).`;
  } catch (error) {
    return `preview-tunnel: ${what} could not be started: ${errorMessage(error)}`;
  }
}

async function stopLeftovers(state: SavedState, runId: string): Promise<void> {
  for (const [what, pid] of [
    ["test command", state.testPid],
    ["app", state.appPid],
  ] as const) {
    if (pid === undefined || !isAlive(pid) || !belongsToRun(pid, runId)) continue;
    core.info(`preview-tunnel: stopping the ${what} (pid ${pid}) left by the main step.`);
    await stopProcessTree(pid, { graceMs: POST_GRACE_MS });
  }
  const swept = await sweepMarked(RUN_ID_ENV, runId, POST_GRACE_MS);
  if (swept > 0) core.info(`preview-tunnel: stopped ${swept} leftover process(es) of the run.`);
  if (state.appLog) core.info(`preview-tunnel: the app's log is at ${state.appLog}`);
}

/**
 * The process that ran the preview died without tearing down (killed, or the runner's
 * timeout): mark the deployment and the comment as failed and stopped from here, with the
 * publishing settings (and token) of the run's Config.
 */
async function finishPublishing(state: SavedState, config: Config | undefined): Promise<void> {
  if (state.relay && config) await finishRelay(state.relay, config);
  if (!state.publisher) return;
  if (config === undefined) {
    core.warning(
      "preview-tunnel: the run's settings are gone, so the deployment and comment cannot be finished.",
    );
    return;
  }
  const secrets = runSecrets(config);
  const publisher = await createPublisher({
    settings: config.publish,
    logger: redactingLogger(coreLogger, (text) => secrets.redact(text)),
    redact: (text) => secrets.redact(text),
    resume: JSON.parse(state.publisher) as PublisherSnapshot,
  });
  await publisher.failed(KILLED);
  await publisher.stopped();
}

/**
 * The statuses went to the relay workflow: upload the last one (where the preview was, failed,
 * stopped), continuing the series the killed process left.
 */
async function finishRelay(saved: string, config: Config): Promise<void> {
  const record = JSON.parse(saved) as RelayRecord;
  const context = await readPublishContext(process.env, { logger: coreLogger });
  const pr = context?.pullRequest;
  const { finishForkStatus } = await import("../relay/index.js");
  await finishForkStatus({
    commentKey: config.publish.commentKey,
    pullRequest: pr && { number: pr.number, headSha: pr.headSha },
    env: process.env,
    logger: coreLogger,
    record,
    reason: KILLED,
  });
}

/**
 * The run's temporary GitHub webhook outlived the process that made it (killed, or its teardown
 * could not delete it): deleted with the token of the run's Config, never one from inputs or state.
 */
async function deleteLeftoverHook(hook: SavedHook | undefined, config: Config | undefined): Promise<void> {
  if (hook === undefined) return;
  const { id, owner, repo, apiUrl } = hook;
  const token = config?.githubWebhook?.token;
  if (config === undefined || token === undefined) {
    core.warning(
      `preview-tunnel: the temporary GitHub webhook ${id} of ${owner}/${repo} is left, and the run's settings (its token) are gone: the next run of this preview deletes it, or delete it under Settings → Webhooks.`,
    );
    return;
  }
  const secrets = runSecrets(config);
  const logger = redactingLogger(coreLogger, (text) => secrets.redact(text));
  core.info(`preview-tunnel: deleting the temporary GitHub webhook ${id} the run left.`);
  const api = await loadHooksApi({ token, apiUrl, logger });
  await removeHook(api, { owner, repo }, id, logger);
}

/** The secrets of the run's Config, to redact what the post step logs and publishes. */
function runSecrets(config: Config): SecretRegistry {
  const secrets = new SecretRegistry();
  for (const { label, value } of configSecrets(config, process.env)) secrets.add(value, label);
  return secrets;
}

/** The supervisor's final result goes to the summary; a crash fails the job if asked. */
async function reportBackgroundRun(state: SavedState, failOnCrash: boolean): Promise<void> {
  if (state.supervisorPid === undefined) return;
  if (state.result) {
    const result = JSON.parse(state.result) as RunResult;
    await writeSummary(result).catch((error) =>
      core.warning(`Could not write the job summary: ${errorMessage(error)}`),
    );
  }
  if (!state.crash) return;
  if (failOnCrash) core.setFailed(state.crash);
  else core.warning(state.crash);
}

/**
 * A saved pid may have been reused by an unrelated process since; on Linux we can check
 * that it still carries our run id. Elsewhere we trust the pid (the runner's own
 * RUNNER_TRACKING_ID cleanup is the backstop there).
 */
function belongsToRun(pid: number, runId: string): boolean {
  if (process.platform !== "linux") return true;
  return processesWithEnv(RUN_ID_ENV, runId).includes(pid);
}
