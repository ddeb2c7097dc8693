/**
 * The action's main step. With a test (and without keep-running) it runs the whole pipeline
 * here and tears down at its end; otherwise the preview goes to a background supervisor that
 * outlives this step, and the post step stops it.
 */
import { tmpdir } from "node:os";
import path from "node:path";
import * as core from "@actions/core";
import { nodeLauncher } from "../app/process.js";
import { type Config, getConfig, runsInBackground } from "../config/config.js";
import { type InputName, type OutputName, STATE } from "../config/names.js";
import { CancelledError, errorMessage } from "../errors.js";
import { runPipeline } from "../pipeline/pipeline.js";
import { abortOnSignals } from "../session/signals.js";
import { startInBackground } from "./background.js";
import { coreLogger } from "./logger.js";
import { createPublisher, publishOutputs } from "./publishing.js";
import { maskSecrets } from "./secrets.js";
import { actionState } from "./state.js";
import { writeSummary } from "./summary.js";

const output = (name: OutputName, value: string) => core.setOutput(name, value);

export async function runMain(): Promise<void> {
  const cancel = abortOnSignals((sig) => coreLogger.warning(`Received ${sig}: tearing the preview down.`));
  try {
    const config = getConfig((name: InputName) => core.getInput(name), {
      cwd: process.env.GITHUB_WORKSPACE ?? process.cwd(),
      env: process.env,
    });
    maskSecrets(config);
    if (runsInBackground(config)) await background(cancel.signal);
    else await foreground(config, cancel.signal);
  } catch (error) {
    core.setFailed(
      error instanceof CancelledError ? `${error.message} The preview was torn down.` : errorMessage(error),
    );
  } finally {
    cancel.dispose();
  }
}

const tempDir = () => process.env.RUNNER_TEMP || tmpdir();

async function foreground(config: Config, signal: AbortSignal): Promise<void> {
  const publisher = await createPublisher({
    settings: config.publish,
    logger: coreLogger,
    signal,
    onRecord: (record, snapshot) => {
      for (const [name, value] of Object.entries(publishOutputs(record))) output(name as OutputName, value);
      actionState.save(STATE.publisher, JSON.stringify(snapshot));
    },
  });
  const result = await runPipeline(config, {
    logger: coreLogger,
    launcher: nodeLauncher,
    state: actionState,
    publisher,
    tempDir: tempDir(),
    baseEnv: process.env,
    signal,
    reporter: {
      preview: ({ url, provider }) => {
        output("url", url);
        output("provider", provider);
      },
      finished: async (r) => {
        output("app-log", r.appLog);
        if (r.testExitCode !== undefined) output("test-exit-code", String(r.testExitCode));
        await writeSummary(r).catch((error) =>
          core.warning(`Could not write the job summary: ${errorMessage(error)}`),
        );
      },
    },
  });
  if (result.outcome === "failed") core.setFailed(result.failure ?? "The run failed.");
}

async function background(signal: AbortSignal): Promise<void> {
  const outcome = await startInBackground({
    tempDir: tempDir(),
    signal,
    supervisorScript: path.join(path.dirname(process.argv[1] ?? "."), "supervisor.js"),
  });
  if (outcome.kind === "failed") {
    core.setFailed(outcome.message);
    return;
  }
  const { result } = outcome;
  core.saveState(STATE.appLog, result.appLog);
  await writeSummary(result).catch((error) =>
    core.warning(`Could not write the job summary: ${errorMessage(error)}`),
  );
  core.info(`The preview at ${result.url} stays up for the next steps; the post step tears it down.`);
  if (result.outcome === "failed") core.setFailed(result.failure ?? "The tests failed.");
}
