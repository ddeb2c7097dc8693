/** `preview-tunnel run`: the inputs from flags and PREVIEW_TUNNEL_* variables, the pipeline, the terminal's report. */
import { tmpdir } from "node:os";
import { listProcs, nodeLauncher, readProc } from "../app/index.js";
import { childEnv } from "../config/child-env.js";
import { buildConfig } from "../config/config.js";
import { type InputName, inputEnvName } from "../config/names.js";
import { configSecrets } from "../config/secrets.js";
import { CancelledError, EXIT, errorMessage, exitCodeOf } from "../errors.js";
import { clientCredentials } from "../gate/index.js";
import { FOREVER_MS, type RunResult, runPipeline } from "../pipeline/pipeline.js";
import { RunRegistry } from "../session/registry.js";
import { newRun, type RunIdentity } from "../session/run.js";
import { abortOnSignals } from "../session/signals.js";
import { noState } from "../session/state.js";
import { type Logger, redactingLogger } from "../util/logger.js";
import { SecretRegistry, tooShortWarning } from "../util/secrets.js";
import { formatDuration } from "../util/time.js";
import type { CliIo } from "./io.js";
import { leftoversOf, runnerAlive, stopLeftovers } from "./leftovers.js";
import { startWatchdog, type Watchdog } from "./watchdog.js";

/** What the processes a dead run left get between SIGTERM and SIGKILL. */
const DEAD_RUN_GRACE_MS = 2000;

/** Runs the pipeline with the given flags; returns the exit code. */
export async function runCommand(
  values: Partial<Record<InputName, string>>,
  io: CliIo,
  logger: Logger,
): Promise<number> {
  let signals = 0;
  const cancel = abortOnSignals((sig) =>
    logger.warning(
      ++signals === 1
        ? `Received ${sig}: tearing down.`
        : `Received ${sig} again: stopping what is left at once.`,
    ),
  );
  const secrets = new SecretRegistry({ onTooShort: (label) => logger.warning(tooShortWarning(label)) });
  // Terminals of shared machines and CI logs are read by others: the run's output shows no
  // secret, except the credentials printed on purpose beside PREVIEW_URL.
  const safeLogger = redactingLogger(logger, (text) => secrets.redact(text));
  const registry = RunRegistry.forUser(tmpdir());
  let watchdog: Watchdog | undefined;
  let run: RunIdentity | undefined;
  try {
    if (registry) await stopDeadRuns(registry, io.cwd, safeLogger);
    run = newRun(tmpdir());
    // Secrets (ssh-key, credentials, tokens) are better passed in the environment than on a
    // command line that other users can list: PREVIEW_TUNNEL_<NAME> for any input.
    const source = (name: InputName) => values[name] ?? io.env[inputEnvName(name)];
    const config = await buildConfig(source, { cwd: io.cwd, env: io.env, runDir: run.dir });
    // Before anything starts: the registry entry and the watchdog clean up if this process dies.
    registry?.write({
      runId: run.id,
      pid: process.pid,
      startTime: startTimeOf(process.pid),
      cwd: io.cwd,
      leaders: [],
      startedAt: new Date().toISOString(),
    });
    if (io.script) {
      watchdog = startWatchdog(io.script, run.id, registry?.dir, io.env);
      await watchdog.ready;
    }
    for (const { label, value } of configSecrets(config, io.env)) secrets.add(value, label);
    // Run locally without a test, the preview is what the user wants: hold it until Ctrl-C.
    const holdForever =
      config.test === undefined &&
      config.scenarios.scenarios.length === 0 &&
      source("keep-alive") === undefined;
    // The pipeline redacts what it logs with `secrets`.
    const result = await runPipeline(holdForever ? { ...config, keepAliveMs: FOREVER_MS } : config, {
      logger,
      launcher: nodeLauncher,
      state: registry ? registry.leaderState(run.id, startTimeOf) : noState,
      run,
      baseEnv: childEnv(io.env),
      secrets,
      signal: cancel.signal,
      urgent: cancel.urgent,
      reporter: {
        preview: ({ url, harPath, inspectorUrl }) => {
          // Local runs: the credentials are the user's own, printed so they can use the preview.
          const access = Object.entries(clientCredentials(config.gate.auth)).map(([k, v]) => `${k}=${v}\n`);
          io.stdout.write(`PREVIEW_URL=${url}\n${access.join("")}`);
          if (harPath) safeLogger.info(`Every request through the gate is recorded in ${harPath}`);
          if (inspectorUrl) safeLogger.info(`Watch and replay the requests live at ${inspectorUrl}`);
        },
        finished: (r) => {
          io.stderr.write(secrets.redact(phaseTable(r)));
          safeLogger.info(
            `Done: ${r.outcome}${r.failure ? ` (${r.failure.split("\n")[0]})` : ""}. App log: ${r.appLog}`,
          );
        },
      },
    });
    return result.outcome === "failed" ? EXIT.testFailed : EXIT.ok;
  } catch (error) {
    // A cancelled run said why already (the signal handler logged it).
    if (!(error instanceof CancelledError)) safeLogger.error(errorMessage(error));
    return exitCodeOf(error);
  } finally {
    await watchdog?.dismiss();
    if (run) registry?.remove(run.id);
    cancel.dispose();
  }
}

const startTimeOf = (pid: number) => readProc(pid)?.startTime ?? 0;

/**
 * Leftovers of earlier runs in this directory whose CLI died without tearing down (SIGKILL,
 * and their watchdog gone too): reported and stopped.
 */
async function stopDeadRuns(registry: RunRegistry, cwd: string, logger: Logger): Promise<void> {
  const procs = listProcs();
  for (const entry of registry.entries()) {
    if (runnerAlive(entry)) continue;
    if (entry.cwd !== cwd) {
      // Another directory's run: its next run there reports it; gone already, it is forgotten.
      if (leftoversOf(entry, procs).length === 0) registry.remove(entry.runId);
      continue;
    }
    const stopped = await stopLeftovers(entry, DEAD_RUN_GRACE_MS);
    if (stopped > 0)
      logger.warning(
        `Stopped ${stopped} process(es) left running by an earlier run in ${cwd} (run ${entry.runId.slice(0, 8)}, started ${entry.startedAt}), whose preview-tunnel process had died without tearing down.`,
      );
    registry.remove(entry.runId);
  }
}

/** What the run did, one phase a line, for the terminal. */
function phaseTable(result: RunResult): string {
  const rows = result.phases.map(
    (p) =>
      `  ${p.name.padEnd(9)} ${p.status.padEnd(8)} ${(p.status === "skipped" ? "" : formatDuration(p.ms)).padStart(7)}  ${p.detail}`,
  );
  return `${rows.join("\n")}\n`;
}
