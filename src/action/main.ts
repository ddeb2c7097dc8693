/**
 * The action's main step. It builds the run's Config once (its secrets generated once) and
 * writes it to the run folder for the processes after it (the supervisor, the post step). With
 * a test (and without keep-running) it runs the whole pipeline here and tears down at its end;
 * otherwise the preview goes to a background supervisor that outlives this step, and the post
 * step stops it. With `mode: relay` it runs the relay instead (relay-main.ts).
 */
import { tmpdir } from "node:os";
import path from "node:path";
import * as core from "@actions/core";
import { buildConfig, type Config, readActionMode } from "../config/config.js";
import type { InputName, InputSource, OutputName } from "../config/names.js";
import { ScenarioInputError } from "../config/resolve/scenarios.js";
import { removeConfigFile, writeConfigFile } from "../config/serialize.js";
import { CancelledError, ConfigError, errorMessage } from "../errors.js";
import { ARTIFACT_RUNTIME_ENV } from "../relay/settings.js";
import { newRun, type RunIdentity } from "../session/run.js";
import { abortOnSignals } from "../session/signals.js";
import { STATE } from "../session/state.js";
import { makeDir } from "../util/make-dir.js";
import type { SecretRegistry } from "../util/secrets.js";
import { runsInBackground, startInBackground } from "./background.js";
import { coreLogger } from "./logger.js";
import { resultOutputs } from "./outputs.js";
import { actionSecrets } from "./secrets.js";
import { actionState } from "./state.js";
import { annotateScenarios, writeSummary } from "./summary.js";
import { runWired } from "./wiring.js";

export async function runMain(): Promise<void> {
  const cancel = abortOnSignals((sig) => coreLogger.warning(`Received ${sig}: tearing the preview down.`));
  let secrets: SecretRegistry | undefined;
  try {
    const source: InputSource = (name: InputName) => core.getInput(name);
    if (readActionMode(source) === "relay") {
      // Its own path: no app, no run folder, nothing for the post step to do.
      core.saveState(STATE.mode, "relay");
      const { runRelayMode } = await import("./relay-main.js");
      await runRelayMode(source, cancel.signal);
      return;
    }
    const run = newRun(process.env.RUNNER_TEMP || tmpdir());
    const config = await buildConfig(source, {
      cwd: process.env.GITHUB_WORKSPACE ?? process.cwd(),
      env: process.env,
      runDir: run.dir,
    });
    secrets = actionSecrets(config, process.env);
    saveRun(run, config);
    if (runsInBackground(config)) await background(config, run, cancel.signal, secrets);
    else await foreground(config, run, cancel, secrets);
  } catch (error) {
    // A bad scenario file is pointed at in the file itself.
    if (error instanceof ConfigError) {
      for (const problem of error.problems) {
        if (problem instanceof ScenarioInputError) {
          core.error(problem.message, { file: problem.location.file, startLine: problem.location.line });
        }
      }
    }
    const message =
      error instanceof CancelledError ? `${error.message} The preview was torn down.` : errorMessage(error);
    // A start failure quotes the app's output, which may echo a secret.
    core.setFailed(secrets ? secrets.redact(message) : message);
  } finally {
    cancel.dispose();
  }
}

/**
 * The run folder, with the Config in it for the supervisor and the post step (which finishes
 * publishing if this process is killed), and where the post step finds both.
 */
function saveRun(run: RunIdentity, config: Config): void {
  makeDir(run.dir);
  writeConfigFile(run.dir, config);
  core.saveState(STATE.runId, run.id);
  core.saveState(STATE.runDir, run.dir);
}

const setOutputs = (outputs: Partial<Record<OutputName, string>>) => {
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value);
};

async function foreground(
  config: Config,
  run: RunIdentity,
  cancel: { readonly signal: AbortSignal; readonly urgent: AbortSignal },
  secrets: SecretRegistry,
): Promise<void> {
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
          await writeSummary(r).catch((error) =>
            core.warning(`Could not write the job summary: ${errorMessage(error)}`),
          );
        },
      },
    });
    if (result.outcome === "failed") core.setFailed(result.failure ?? "The run failed.");
  } finally {
    // Torn down: nothing is left for the post step to finish.
    removeConfigFile(run.dir);
  }
}

async function background(
  config: Config,
  run: RunIdentity,
  signal: AbortSignal,
  secrets: SecretRegistry,
): Promise<void> {
  const outcome = await startInBackground({
    run,
    signal,
    supervisorScript: path.join(path.dirname(process.argv[1] ?? "."), "supervisor.js"),
    env: relayUploadEnv(config),
  });
  // The supervisor redacted with the run's registry; this one has the same secrets.
  if (outcome.kind === "failed") {
    core.setFailed(secrets.redact(outcome.message));
    return;
  }
  const result = secrets.redactDeep(outcome.result);
  core.saveState(STATE.appLog, result.appLog);
  annotateScenarios(result);
  await writeSummary(result).catch((error) =>
    core.warning(`Could not write the job summary: ${errorMessage(error)}`),
  );
  core.info(`The preview at ${result.url} stays up for the next steps; the post step tears it down.`);
  if (result.outcome === "failed") core.setFailed(result.failure ?? "The tests failed.");
}

/**
 * What the supervisor needs beyond a child's environment: when the preview's statuses may go to
 * the relay workflow, the artifact service's token and URL (ACTIONS_*, withheld from every
 * child). The supervisor's own children still never get them (config/child-env.ts).
 */
function relayUploadEnv(config: Config): Record<string, string> {
  if (config.relay.publish === "direct") return {};
  const env: Record<string, string> = {};
  for (const name of ARTIFACT_RUNTIME_ENV) {
    const value = process.env[name];
    if (value) env[name] = value;
  }
  return env;
}
