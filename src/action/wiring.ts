/**
 * One run of the pipeline in the action, wired the same way wherever it runs: the main step
 * (foreground) and the background supervisor. The publisher (with the step outputs and the
 * saved snapshot it records), the step outputs when the preview is up, the child environment.
 * What differs between the two is only where outputs go and what happens at the end.
 */
import { nodeLauncher } from "../app/index.js";
import { childEnv } from "../config/child-env.js";
import type { Config } from "../config/config.js";
import type { OutputName } from "../config/names.js";
import type { Reporter, RunResult } from "../pipeline/context.js";
import { runPipeline } from "../pipeline/pipeline.js";
import type { RunIdentity } from "../session/run.js";
import { STATE, type StateStore } from "../session/state.js";
import { type Logger, redactingLogger } from "../util/logger.js";
import type { SecretRegistry } from "../util/secrets.js";
import { previewOutputs, publishOutputs } from "./outputs.js";
import { createRunPublisher } from "./publishing.js";

export interface WiredRun {
  readonly config: Config;
  readonly run: RunIdentity;
  /** The step log; the pipeline redacts what it logs with `secrets`. */
  readonly logger: Logger;
  readonly secrets: SecretRegistry;
  /** Where what the post step needs is saved (core.saveState, or the run folder's file). */
  readonly state: StateStore;
  /** Sets step outputs (directly in the main step, over IPC from the supervisor). */
  readonly setOutputs: (outputs: Partial<Record<OutputName, string>>) => void;
  /** Aborted on SIGINT/SIGTERM: the run tears down and rejects with CancelledError. */
  readonly signal: AbortSignal;
  /** Aborted on a second signal: what is still being stopped is killed at once. */
  readonly urgent?: AbortSignal;
  /** The supervisor's normal end (the post step stopping it): the preview is held until then. */
  readonly stop?: AbortSignal;
  /** How the run's end (and, in the supervisor, its holding and a crash) is reported. */
  readonly report: Pick<Reporter, "holding" | "crashed" | "finished">;
}

export async function runWired(wired: WiredRun): Promise<RunResult> {
  const { config, secrets, state, setOutputs } = wired;
  const redact = (text: string) => secrets.redact(text);
  const { publisher, relay } = await createRunPublisher({
    settings: config.publish,
    logger: redactingLogger(wired.logger, redact),
    redact,
    onRecord: (record, snapshot) => {
      setOutputs(publishOutputs(record));
      state.save(STATE.publisher, JSON.stringify(snapshot));
    },
    route: config.relay.publish,
    env: process.env,
    signal: wired.signal,
    onRelay: (record) => state.save(STATE.relay, JSON.stringify(record)),
  });
  return runPipeline(config, {
    logger: wired.logger,
    launcher: nodeLauncher,
    state,
    publisher,
    run: wired.run,
    // What children may inherit of this process's environment (the inputs, if any, withheld).
    baseEnv: childEnv(process.env),
    secrets,
    signal: wired.signal,
    ...(wired.urgent ? { urgent: wired.urgent } : {}),
    stop: wired.stop,
    reporter: {
      ...wired.report,
      preview: (info) => setOutputs(previewOutputs(config, info)),
      holding: (result) => {
        // The relay's last status carries the phase times and scenario counts so far.
        relay?.phaseTimes(result.phases);
        if (result.scenarios) relay?.scenariosDone(result.scenarios);
        return wired.report.holding?.(result);
      },
    },
  });
}
