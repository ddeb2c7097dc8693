/** The action's main step: one run of the pipeline, reported through outputs and the summary. */
import { tmpdir } from "node:os";
import * as core from "@actions/core";
import { nodeLauncher } from "../app/process.js";
import { getConfig } from "../config/config.js";
import { type InputName, OUTPUTS, type OutputName } from "../config/names.js";
import { CancelledError, errorMessage } from "../errors.js";
import { runPipeline } from "../pipeline/pipeline.js";
import { abortOnSignals } from "../session/signals.js";
import { coreLogger } from "./logger.js";
import { actionState } from "./state.js";
import { writeSummary } from "./summary.js";

const output = (name: OutputName, value: string) => {
  if (!(name in OUTPUTS)) throw new Error(`unknown output ${name}`);
  core.setOutput(name, value);
};

export async function runMain(): Promise<void> {
  const cancel = abortOnSignals((sig) => coreLogger.warning(`Received ${sig}: tearing the preview down.`));
  try {
    const config = getConfig((name: InputName) => core.getInput(name), {
      cwd: process.env.GITHUB_WORKSPACE ?? process.cwd(),
    });
    const result = await runPipeline(config, {
      logger: coreLogger,
      launcher: nodeLauncher,
      state: actionState,
      tempDir: process.env.RUNNER_TEMP || tmpdir(),
      baseEnv: process.env,
      signal: cancel.signal,
      reporter: {
        preview: ({ url, provider }) => {
          output("url", url);
          output("provider", provider);
        },
        finished: async (result) => {
          output("app-log", result.appLog);
          if (result.testExitCode !== undefined) output("test-exit-code", String(result.testExitCode));
          await writeSummary(result).catch((error) =>
            core.warning(`Could not write the job summary: ${errorMessage(error)}`),
          );
        },
      },
    });
    if (result.outcome === "failed") core.setFailed(result.failure ?? "The run failed.");
  } catch (error) {
    core.setFailed(
      error instanceof CancelledError ? `${error.message} The preview was torn down.` : errorMessage(error),
    );
  } finally {
    cancel.dispose();
  }
}
