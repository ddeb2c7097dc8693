/**
 * The action's post step: stops whatever the main step left running (it was killed, or
 * timed out). Never fails the job: problems become warnings.
 */
import * as core from "@actions/core";
import { processesWithEnv } from "../app/proc-table.js";
import { stopProcessTree, sweepMarked } from "../app/stop.js";
import { RUN_ID_ENV } from "../config/names.js";
import { errorMessage } from "../errors.js";
import { readActionState } from "./state.js";

const POST_GRACE_MS = 3000;

export async function runPost(): Promise<void> {
  try {
    const state = readActionState();
    if (!state.runId) {
      core.info("preview-tunnel: the main step started nothing; nothing to clean up.");
      return;
    }
    if (state.tornDown)
      core.info("preview-tunnel: the main step already tore the preview down; checking for leftovers.");
    for (const [what, pid] of [
      ["test command", state.testPid],
      ["app", state.appPid],
    ] as const) {
      if (pid === undefined || !belongsToRun(pid, state.runId)) continue;
      core.info(`preview-tunnel: stopping the ${what} (pid ${pid}) left by the main step.`);
      await stopProcessTree(pid, { graceMs: POST_GRACE_MS });
    }
    const swept = await sweepMarked(RUN_ID_ENV, state.runId, POST_GRACE_MS);
    if (swept > 0) core.info(`preview-tunnel: stopped ${swept} leftover process(es) of the run.`);
    if (state.appLog) core.info(`preview-tunnel: the app's log is at ${state.appLog}`);
  } catch (error) {
    core.warning(`preview-tunnel cleanup: ${errorMessage(error)}`);
  }
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
