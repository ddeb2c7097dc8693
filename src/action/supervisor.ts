/**
 * The background supervisor: a detached process started by the main step that runs the
 * pipeline and keeps the preview up after the main step exits, until the post step sends
 * SIGTERM. It reports to the main step over IPC while that is attached, and writes what the
 * post step needs to the run folder.
 */

import * as core from "@actions/core";
import { nodeLauncher } from "../app/index.js";
import { childEnv } from "../config/child-env.js";
import { buildConfig } from "../config/config.js";
import type { OutputName } from "../config/names.js";
import { CancelledError, errorMessage } from "../errors.js";
import { runPipeline } from "../pipeline/pipeline.js";
import { RUN_DIR_ENV, RUN_ID_ENV } from "../session/run.js";
import { fileState, STATE } from "../session/state.js";
import { type Logger, redactingLogger } from "../util/logger.js";
import type { SecretRegistry } from "../util/secrets.js";
import { coreLogger } from "./logger.js";
import { previewOutputs, publishOutputs, resultOutputs } from "./outputs.js";
import { createPublisher } from "./publishing.js";
import { actionSecrets } from "./secrets.js";
import type { SupervisorMessage } from "./supervisor-protocol.js";

export async function runSupervisor(): Promise<void> {
  const runId = process.env[RUN_ID_ENV];
  const runDir = process.env[RUN_DIR_ENV];
  if (!runId || !runDir) {
    process.stderr.write(`preview-tunnel supervisor: ${RUN_ID_ENV} and ${RUN_DIR_ENV} must be set\n`);
    process.exitCode = 2;
    return;
  }
  const send = (message: SupervisorMessage) => {
    if (process.connected) process.send?.(message);
  };
  const setOutputs = (outputs: Partial<Record<OutputName, string>>) => {
    for (const [name, value] of Object.entries(outputs)) send({ type: "output", name, value });
  };

  // Once the main step has left, nobody reads the app's output through us: it stays in app.log.
  let attached = true;
  let secrets: SecretRegistry | undefined;
  const redact = (text: string) => (secrets ? secrets.redact(text) : text);
  const stepLog: Logger = { ...coreLogger, write: (text) => attached && coreLogger.write(text) };
  // The pipeline redacts what it logs itself; the rest of this process logs through this.
  const logger = redactingLogger(stepLog, redact);
  process.on("disconnect", () => {
    attached = false;
  });

  // SIGTERM before the preview is held is a cancellation (the main step was cancelled);
  // while it is held, it is the post step's normal stop.
  const cancel = new AbortController();
  const stop = new AbortController();
  let holding = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (holding && signal === "SIGTERM") stop.abort();
    else if (!cancel.signal.aborted) cancel.abort(new CancelledError(signal));
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);

  const state = fileState(runDir);
  try {
    const config = await buildConfig((name) => core.getInput(name), {
      cwd: process.env.GITHUB_WORKSPACE ?? process.cwd(),
      env: process.env,
      runDir,
    });
    secrets = actionSecrets(config, process.env);
    const publisher = await createPublisher({
      settings: config.publish,
      logger,
      redact,
      onRecord: (record, snapshot) => {
        setOutputs(publishOutputs(record));
        state.save(STATE.publisher, JSON.stringify(snapshot));
      },
    });
    await runPipeline(config, {
      logger: stepLog,
      launcher: nodeLauncher,
      state,
      publisher,
      run: { id: runId, dir: runDir },
      // What its children may inherit of its environment (the inputs, if any, withheld).
      baseEnv: childEnv(process.env),
      secrets,
      signal: cancel.signal,
      stop: stop.signal,
      reporter: {
        preview: (info) => setOutputs(previewOutputs(config, info)),
        holding: (result) => {
          holding = true;
          setOutputs(resultOutputs(result));
          send({ type: "holding", result });
        },
        crashed: (message) => state.save(STATE.crash, redact(message)),
        finished: (result) => state.save(STATE.result, JSON.stringify(result)),
      },
    });
  } catch (error) {
    send({ type: "failed", message: redact(errorMessage(error)) });
    process.exitCode = 1;
  } finally {
    process.off("SIGTERM", onSignal);
    process.off("SIGINT", onSignal);
    if (process.connected) process.disconnect();
  }
}
