/**
 * Background mode of the main step: starts the supervisor detached (own process group,
 * output to a file, IPC channel), relays its output to the step log until the preview is
 * up and tested, then lets it go and exits. The post step stops it. The supervisor reads the
 * run's Config from the run folder (written by the main step), never the inputs.
 */

import { spawn } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import path from "node:path";
import * as core from "@actions/core";
import { LogTail, stopProcessTree } from "../app/index.js";
import { childEnv } from "../config/child-env.js";
import type { Config } from "../config/config.js";
import { OUTPUTS, type OutputName } from "../config/names.js";
import { CancelledError } from "../errors.js";
import { CANCEL_GRACE_MS, type RunResult } from "../pipeline/context.js";
import { RUN_DIR_ENV, RUN_ID_ENV } from "../session/run.js";
import { STATE } from "../session/state.js";
import { isSupervisorMessage } from "./supervisor-protocol.js";

export type BackgroundOutcome =
  | { readonly kind: "holding"; readonly result: RunResult }
  | { readonly kind: "failed"; readonly message: string };

export interface BackgroundOptions {
  /** The run's id and folder (newRun). */
  readonly run: { readonly id: string; readonly dir: string };
  readonly signal: AbortSignal;
  /** Path of the supervisor bundle (dist/supervisor.js beside dist/main.js). */
  readonly supervisorScript: string;
  /** Variables the supervisor needs beyond a child's environment (the relay's upload). */
  readonly env?: Readonly<Record<string, string>>;
}

/** The action keeps the preview up beyond its main step when asked, or when there is nothing to test. */
export function runsInBackground(config: Config): boolean {
  return config.keepRunning || (config.test === undefined && config.scenarios.scenarios.length === 0);
}

export async function startInBackground(options: BackgroundOptions): Promise<BackgroundOutcome> {
  const { id: runId, dir: runDir } = options.run;

  const logFile = path.join(runDir, "supervisor.log");
  const fd = openSync(logFile, "a");
  const child = spawn(process.execPath, [options.supervisorScript], {
    detached: true,
    stdio: ["ignore", fd, fd, "ipc"],
    // It reads the run's Config from the run folder: no inputs, only what any child may have.
    env: childEnv(process.env, options.env ?? {}, { [RUN_ID_ENV]: runId, [RUN_DIR_ENV]: runDir }),
    windowsHide: true,
  });
  closeSync(fd);
  if (child.pid !== undefined) core.saveState(STATE.supervisorPid, String(child.pid));

  // The supervisor logs with workflow commands (groups, masks, annotations): relayed as they
  // are, the runner interprets them as if this step had printed them.
  const relay = new LogTail(logFile, 50);
  relay.onLine((line) => process.stdout.write(`${line}\n`));
  await relay.start();

  let failure: string | undefined;
  const outcome = await new Promise<BackgroundOutcome>((resolve) => {
    child.on("message", (message) => {
      if (!isSupervisorMessage(message)) return;
      if (message.type === "output" && message.name in OUTPUTS)
        core.setOutput(message.name as OutputName, message.value);
      else if (message.type === "holding") resolve({ kind: "holding", result: message.result });
      else if (message.type === "failed") failure = message.message;
    });
    child.once("error", (error) =>
      resolve({ kind: "failed", message: `Could not start the supervisor: ${error.message}` }),
    );
    child.once("exit", (code, signal) => {
      const exited = `The preview supervisor ${signal ? `was killed by ${signal}` : `exited with code ${code}`}.`;
      resolve({ kind: "failed", message: cancelled ?? failure ?? exited });
    });
    let cancelled: string | undefined;
    const onAbort = () => {
      const reason = options.signal.reason;
      cancelled = `${reason instanceof CancelledError ? reason.message : "Cancelled."} The preview was torn down.`;
      // The supervisor tears down on SIGTERM; make sure it is gone in time.
      child.kill("SIGTERM");
      void stopAfter(child.pid, CANCEL_GRACE_MS + 1000);
    };
    if (options.signal.aborted) onAbort();
    else options.signal.addEventListener("abort", onAbort, { once: true });
  });

  await relay.close();
  core.saveState(STATE.supervisorLogShown, String(relay.offset));
  if (outcome.kind === "holding") {
    child.disconnect();
    child.unref();
  }
  return outcome;
}

/** Waits for the process to exit on its own, then stops its whole tree. */
async function stopAfter(pid: number | undefined, ms: number): Promise<void> {
  if (pid === undefined) return;
  await stopProcessTree(pid, { graceMs: ms });
}
