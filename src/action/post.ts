/**
 * The action's post step (runs even when the job failed or was cancelled). It reads no input:
 * what the main step saved says whether there is anything to clean up; only then is the
 * cleanup (post-cleanup.ts) loaded, so a job whose main step started nothing pays next to
 * nothing here. This module stays light for that: the saved state is read from the
 * environment as core.getState reads it, and the one line is written as core.info writes it.
 */
import { errorMessage } from "../errors.js";
import { readSavedState } from "../session/state.js";

/** The post step's STATE_<key> variables, as the runner sets them (core.getState reads the same). */
const savedState = (key: string) => process.env[`STATE_${key}`] ?? "";

export async function runPost(): Promise<void> {
  try {
    const state = readSavedState(savedState);
    if (state.mode === "relay") {
      process.stdout.write("preview-tunnel: relay mode; nothing to clean up.\n");
      return;
    }
    const runId = state.runId;
    if (!runId) {
      process.stdout.write("preview-tunnel: the main step started nothing; nothing to clean up.\n");
      return;
    }
    const { cleanUp } = await import("./post-cleanup.js");
    await cleanUp({ ...state, runId });
  } catch (error) {
    (await import("@actions/core")).warning(`preview-tunnel cleanup: ${errorMessage(error)}`);
  }
}
