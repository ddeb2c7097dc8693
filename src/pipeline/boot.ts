/** The boot and ready phases: start the app, follow its output, wait until it answers. */

import {
  describeExit,
  type ExitInfo,
  freePort,
  LogTail,
  type ManagedProcess,
  portInUse,
  type ReadyResult,
  ReadyTimeoutError,
  waitForReady,
} from "../app/index.js";
import { StartError } from "../errors.js";
import { STATE } from "../session/state.js";
import { formatDuration } from "../util/time.js";
import type { RunContext } from "./context.js";
import type { PipelineSettings } from "./settings.js";

export const LOG_TAIL_LINES = 50;

export interface BootedApp {
  readonly process: ManagedProcess;
  readonly port: number;
  readonly tail: LogTail;
  /** Aborts (with an AppExitedError) when the app exits. */
  readonly gone: AbortSignal;
  readonly ready: ReadyResult;
  /** The last lines of its output, formatted for an error message. */
  describeTail(): string;
}

export class AppExitedError extends Error {
  constructor(readonly exit: ExitInfo) {
    super(`The app ${describeExit(exit)}`);
  }
}

/** The app's port: the configured one (which must be free), or one the OS says is free. */
export async function chooseAppPort(config: PipelineSettings): Promise<number> {
  if (config.port === undefined) return freePort();
  if (await portInUse(config.port)) {
    throw new StartError(
      `Port ${config.port} is already in use before the app started, so readiness would probe another process. Stop whatever listens there, or choose another "port".`,
    );
  }
  return config.port;
}

/**
 * Starts the app with PORT, the `env` input and `extraEnv` (the preview's public URL and,
 * when on, the identity provider's settings), and waits until it is ready.
 */
export async function bootApp(
  ctx: RunContext,
  port: number,
  extraEnv: Record<string, string>,
): Promise<BootedApp> {
  const { config, logger } = ctx;
  const tail = new LogTail(ctx.appLog, LOG_TAIL_LINES);
  const describeTail = () => formatTail(tail, ctx.appLog);

  const app = await ctx.clock.run(
    "boot",
    async () => {
      logger.startGroup(`App: ${config.start}`);
      logger.info(
        `Starting the app in ${config.workingDirectory} with PORT=${port}; its output goes to ${ctx.appLog}`,
      );
      const started = await ctx.deps.launcher.start({
        command: config.start,
        cwd: config.workingDirectory,
        env: ctx.childEnv(extraEnv, { PORT: String(port) }, config.env),
        output: { file: ctx.appLog },
      });
      ctx.deps.state.save(STATE.appPid, String(started.pid));
      ctx.teardown.add("log", () => tail.close());
      ctx.teardown.add("app", async () => {
        logger.info("Stopping the app");
        await started.stop(ctx.grace());
      });
      await tail.start();
      tail.onLine((line) => logger.write(`${line}\n`));
      return started;
    },
    (p) => `pid ${p.pid}`,
  );
  const gone = new AbortController();
  void app.exited.then((exit) => gone.abort(new AppExitedError(exit)));

  const ready = await ctx.clock.run(
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
          signal: AbortSignal.any([ctx.signal, gone.signal]),
        });
      } catch (error) {
        if (ctx.signal.aborted) throw ctx.signal.reason;
        await tail.flush();
        throw startFailure(error, app, describeTail());
      } finally {
        logger.endGroup();
      }
    },
    (r) => `${r.detail} after ${formatDuration(r.elapsedMs)}`,
  );
  logger.info(`The app is ready (${ready.detail}) after ${formatDuration(ready.elapsedMs)}.`);
  return { process: app, port, tail, gone: gone.signal, ready, describeTail };
}

function startFailure(error: unknown, app: ManagedProcess, tail: string): unknown {
  if (error instanceof AppExitedError) {
    return new StartError(`The app ${describeExit(error.exit)} before it was ready.\n${tail}`);
  }
  if (error instanceof ReadyTimeoutError) {
    const exit = app.exitInfo();
    const still = exit ? ` The app ${describeExit(exit)}.` : "";
    return new StartError(`${error.message}${still}\n${tail}`, { cause: error });
  }
  return error;
}

function formatTail(tail: LogTail, appLog: string): string {
  const lines = tail.tail();
  if (lines.length === 0) return `The app printed nothing (log: ${appLog}).`;
  return `Last ${lines.length} line(s) of its output (full log: ${appLog}):\n${lines.map((l) => `  | ${l}`).join("\n")}`;
}
