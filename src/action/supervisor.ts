/**
 * The background supervisor: a detached process started by the main step that runs the
 * pipeline and keeps the preview up after the main step exits, until the post step sends
 * SIGTERM. It runs the Config the main step built (from the run folder; it never reads the
 * inputs, which it does not have), reports to the main step over IPC while that is attached,
 * and writes what the post step needs to the run folder.
 */

import type { OutputName } from "../config/names.js";
import { readConfigFile, removeConfigFile } from "../config/serialize.js";
import { CancelledError, errorMessage } from "../errors.js";
import { RUN_DIR_ENV, RUN_ID_ENV } from "../session/run.js";
import { fileState, STATE } from "../session/state.js";
import type { Logger } from "../util/logger.js";
import type { SecretRegistry } from "../util/secrets.js";
import { coreLogger } from "./logger.js";
import { resultOutputs } from "./outputs.js";
import { actionSecrets } from "./secrets.js";
import type { SupervisorMessage } from "./supervisor-protocol.js";
import { runWired } from "./wiring.js";

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
    // Built once by the main step, secrets and all: the same credentials it set as outputs.
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
        finished: (result) => state.save(STATE.result, JSON.stringify(result)),
      },
    });
  } catch (error) {
    send({ type: "failed", message: redact(errorMessage(error)) });
    process.exitCode = 1;
  } finally {
    process.off("SIGTERM", onSignal);
    process.off("SIGINT", onSignal);
    // Torn down (or never started): the run's secrets leave the run folder.
    removeConfigFile(runDir);
    if (process.connected) process.disconnect();
  }
}
