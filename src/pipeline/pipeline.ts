/**
 * One run, as explicit phases: boot -> ready -> expose -> publish -> test -> hold -> teardown.
 * Every resource is registered for teardown the moment it exists; teardown runs in
 * `finally`, so failures and cancellation clean up the same way.
 */
import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { constants } from "node:os";
import path from "node:path";
import { LogTail } from "../app/log-tail.js";
import { freePort, portInUse } from "../app/ports.js";
import { describeExit, type ExitInfo, type ManagedProcess, type ProcessLauncher } from "../app/process.js";
import { ReadyTimeoutError, waitForReady } from "../app/readiness.js";
import { sweepMarked } from "../app/stop.js";
import type { Config } from "../config/config.js";
import { RUN_ID_ENV, STATE } from "../config/names.js";
import { CancelledError, StartError } from "../errors.js";
import type { StateStore } from "../session/state.js";
import { Teardown } from "../session/teardown.js";
import { chooseProvider } from "../tunnel/index.js";
import type { Tunnel } from "../tunnel/provider.js";
import type { Logger } from "../util/logger.js";
import { formatDuration, sleep } from "../util/time.js";
import { PhaseClock, type PhaseRecord } from "./phases.js";

/** How the outside world learns about the preview (step outputs, or the terminal). */
export interface Reporter {
  /** The preview is up and probed. */
  preview(info: { readonly url: string; readonly provider: string }): void | Promise<void>;
  /** The run is over (after teardown). */
  finished(result: RunResult): void | Promise<void>;
}

export interface PipelineDeps {
  readonly logger: Logger;
  readonly launcher: ProcessLauncher;
  readonly state: StateStore;
  readonly reporter: Reporter;
  /** Directory for this run's files (a run-specific folder is made inside). */
  readonly tempDir: string;
  /** Environment the app and the test command inherit. */
  readonly baseEnv: NodeJS.ProcessEnv;
  /** Aborted on SIGINT/SIGTERM: the run tears down and rejects with CancelledError. */
  readonly signal: AbortSignal;
}

export interface RunResult {
  readonly outcome: "passed" | "failed" | "no-test" | "start-failed" | "cancelled";
  readonly url: string | undefined;
  readonly provider: string;
  readonly appLog: string;
  readonly testExitCode: number | undefined;
  readonly phases: readonly PhaseRecord[];
  /** Why the run failed, when it did. */
  readonly failure: string | undefined;
}

/** Teardown must finish inside the runner's 7.5 s between SIGINT and SIGTERM. */
export const CANCEL_GRACE_MS = 3000;
export const LOG_TAIL_LINES = 50;
/** keep-alive meaning "until interrupted" (the longest timer Node allows, ~24.8 days). */
export const FOREVER_MS = 2 ** 31 - 1;

export async function runPipeline(config: Config, deps: PipelineDeps): Promise<RunResult> {
  const { logger, signal } = deps;
  // Fails on an unavailable provider before anything starts.
  const { provider, reason } = chooseProvider(config.provider);
  const runId = randomUUID();
  const runDir = path.join(deps.tempDir, `preview-tunnel-${runId.slice(0, 8)}`);
  mkdirSync(runDir, { recursive: true });
  const appLog = path.join(runDir, "app.log");
  const clock = new PhaseClock();
  const teardown = new Teardown((m) => logger.warning(m));
  const grace = () => (signal.aborted ? Math.min(config.stopGraceMs, CANCEL_GRACE_MS) : config.stopGraceMs);
  deps.state.save(STATE.runId, runId);
  deps.state.save(STATE.appLog, appLog);

  let url: string | undefined;
  let testExitCode: number | undefined;
  let outcome: RunResult["outcome"] = "no-test";
  let failure: string | undefined;
  const finish = async (): Promise<RunResult> => {
    const result = {
      outcome,
      url,
      provider: provider.name,
      appLog,
      testExitCode,
      phases: clock.records,
      failure,
    };
    await deps.reporter.finished(result);
    return result;
  };

  // Anything the app or test left behind (even outside their process groups) carries the run id.
  teardown.add("stragglers", async () => {
    const swept = await sweepMarked(RUN_ID_ENV, runId, grace());
    if (swept > 0)
      logger.warning(`Stopped ${swept} leftover process(es) of this run that had left their process group.`);
  });

  try {
    throwIfCancelled(signal);
    const port = config.port ?? (await freePort());
    if (config.port !== undefined && (await portInUse(port))) {
      throw new StartError(
        `Port ${port} is already in use before the app started, so readiness would probe another process. Stop whatever listens there, or choose another "port".`,
      );
    }

    // boot
    const tail = new LogTail(appLog, LOG_TAIL_LINES);
    const app = await clock.run(
      "boot",
      async () => {
        logger.startGroup(`App: ${config.start}`);
        logger.info(
          `Starting the app in ${config.workingDirectory} with PORT=${port}; its output goes to ${appLog}`,
        );
        const started = await deps.launcher.start({
          command: config.start,
          cwd: config.workingDirectory,
          env: { ...deps.baseEnv, PORT: String(port), ...config.env, [RUN_ID_ENV]: runId },
          output: { file: appLog },
        });
        deps.state.save(STATE.appPid, String(started.pid));
        teardown.add("log", () => tail.close());
        teardown.add("app", async () => {
          logger.info("Stopping the app");
          await started.stop(grace());
        });
        await tail.start();
        tail.onLine((line) => logger.write(`${line}\n`));
        return started;
      },
      (p) => `pid ${p.pid}`,
    );
    const appExit = watchExit(app);

    // ready
    const ready = await clock.run(
      "ready",
      async () => {
        try {
          return await waitForReady({
            spec: config.ready,
            port,
            statuses: config.readyStatus,
            timeoutMs: config.readyTimeoutMs,
            onLine: (listener) => tail.onLine(listener),
            seenLines: () => tail.tail(),
            signal: AbortSignal.any([signal, appExit.signal]),
          });
        } catch (error) {
          throw await startFailure(error, app, tail, appLog, signal);
        } finally {
          logger.endGroup();
        }
      },
      (r) => `${r.detail} after ${formatDuration(r.elapsedMs)}`,
    );
    logger.info(`The app is ready (${ready.detail}) after ${formatDuration(ready.elapsedMs)}.`);
    // From here on its output keeps streaming; a crash is reported and fails the run.
    void appExit.exited.then(async (exit) => {
      if (teardown.started) return;
      await tail.flush();
      logger.error(`The app ${describeExit(exit)} while the preview was up.\n${formatTail(tail, appLog)}`);
    });

    // expose
    logger.info(reason);
    const tunnel: Tunnel = await clock.run(
      "expose",
      async () => {
        const opened = await provider.open(
          { host: ready.host ?? "127.0.0.1", port },
          { logger, signal, runDir },
        );
        teardown.add("tunnel", () => opened.close());
        return opened;
      },
      (t) => `${provider.name}: ${t.url}`,
    );
    url = tunnel.url;

    // publish
    await clock.run(
      "publish",
      async () => {
        await deps.reporter.preview({ url: tunnel.url, provider: provider.name });
        logger.info(`Preview: ${tunnel.url}`);
      },
      () => tunnel.url,
    );

    // test
    if (config.test) {
      const test = config.test;
      testExitCode = await clock.run(
        "test",
        () => runTest(test, tunnel.url, config, deps, runId, teardown, grace, appExit.signal),
        (code) => `exit code ${code}`,
      );
      outcome = testExitCode === 0 ? "passed" : "failed";
      if (outcome === "failed") failure = `The test command exited with code ${testExitCode}.`;
    } else {
      clock.skip("test", "no test command");
    }

    // hold
    if (config.keepAliveMs > 0 && !app.exitInfo()) {
      await clock.run(
        "hold",
        async () => {
          const until = new Date(Date.now() + config.keepAliveMs);
          logger.info(
            config.keepAliveMs >= FOREVER_MS
              ? `Keeping the preview at ${tunnel.url} up until interrupted (Ctrl-C).`
              : `Keeping the preview at ${tunnel.url} up for ${formatDuration(config.keepAliveMs)}, until ${until.toISOString()}.`,
          );
          await sleep(config.keepAliveMs, AbortSignal.any([signal, appExit.signal]));
          throwIfCancelled(signal);
        },
        () => formatDuration(config.keepAliveMs),
      );
    } else {
      clock.skip("hold", config.keepAliveMs > 0 ? "the app had exited" : "keep-alive 0s");
    }
    const exit = app.exitInfo();
    if (exit) {
      const crash = `The app ${describeExit(exit)} while the preview was up.`;
      outcome = "failed";
      failure = failure ? `${failure} ${crash}` : crash;
    }
  } catch (error) {
    if (error instanceof CancelledError || signal.aborted) {
      outcome = "cancelled";
      failure = `Cancelled by ${signal.reason instanceof CancelledError ? signal.reason.signal : "a signal"}.`;
    } else {
      outcome = "start-failed";
      failure = error instanceof Error ? error.message : String(error);
    }
    await clock.run(
      "teardown",
      () => teardown.run(),
      () => "done",
    );
    deps.state.save(STATE.tornDown, "true");
    await finish();
    throw signal.aborted && signal.reason instanceof CancelledError ? signal.reason : error;
  }
  await clock.run(
    "teardown",
    () => teardown.run(),
    () => "done",
  );
  deps.state.save(STATE.tornDown, "true");
  return finish();
}

function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw signal.reason instanceof Error ? signal.reason : new CancelledError("SIGTERM");
}

/** An abort signal that fires when the process exits, with the exit as its reason. */
function watchExit(app: ManagedProcess): { signal: AbortSignal; exited: Promise<ExitInfo> } {
  const controller = new AbortController();
  const exited = app.exited.then((exit) => {
    controller.abort(new AppExitedError(exit));
    return exit;
  });
  return { signal: controller.signal, exited };
}

class AppExitedError extends Error {
  constructor(readonly exit: ExitInfo) {
    super(`The app ${describeExit(exit)}`);
  }
}

async function startFailure(
  error: unknown,
  app: ManagedProcess,
  tail: LogTail,
  appLog: string,
  signal: AbortSignal,
): Promise<unknown> {
  if (signal.aborted) return signal.reason;
  await tail.flush();
  if (error instanceof AppExitedError) {
    return new StartError(
      `The app ${describeExit(error.exit)} before it was ready.\n${formatTail(tail, appLog)}`,
    );
  }
  if (error instanceof ReadyTimeoutError) {
    const exit = app.exitInfo();
    const still = exit ? ` The app ${describeExit(exit)}.` : "";
    return new StartError(`${error.message}${still}\n${formatTail(tail, appLog)}`, { cause: error });
  }
  return error;
}

function formatTail(tail: LogTail, appLog: string): string {
  const lines = tail.tail();
  if (lines.length === 0) return `The app printed nothing (log: ${appLog}).`;
  return `Last ${lines.length} line(s) of its output (full log: ${appLog}):\n${lines.map((l) => `  | ${l}`).join("\n")}`;
}

async function runTest(
  command: string,
  url: string,
  config: Config,
  deps: PipelineDeps,
  runId: string,
  teardown: Teardown,
  grace: () => number,
  appGone: AbortSignal,
): Promise<number> {
  deps.logger.info(`Running the test command against ${url}: ${command}`);
  const test = await deps.launcher.start({
    command,
    cwd: config.workingDirectory,
    env: { ...deps.baseEnv, PREVIEW_URL: url, [RUN_ID_ENV]: runId },
    output: "inherit",
  });
  deps.state.save(STATE.testPid, String(test.pid));
  const stopTest = teardown.add("test command", () => test.stop(grace()));
  const cancelled = new Promise<never>((_, reject) => {
    const onAbort = () => reject(deps.signal.reason);
    if (deps.signal.aborted) onAbort();
    else deps.signal.addEventListener("abort", onAbort, { once: true });
  });
  cancelled.catch(() => undefined);
  const exit = await Promise.race([test.exited, cancelled]);
  await stopTest();
  if (appGone.aborted) deps.logger.warning("The app exited while the test command ran.");
  // A test killed by a signal reports 128 + its number, as shells do.
  return exit.code ?? 128 + (exit.signal ? (constants.signals[exit.signal] ?? 0) : 0);
}
