/**
 * The boot and ready phases: start the app (knowing its public URL), follow its output, wait
 * until it answers, point the gate at it. Adds the app; tears it down (and its log tail). Once
 * the app is up, its exit is news: logged with its last lines and reported.
 */

import {
  describeExit,
  type ExitInfo,
  freePort,
  LogTail,
  type ManagedProcess,
  portInUse,
  ReadyTimeoutError,
  waitForReady,
} from "../../app/index.js";
import { StartError } from "../../errors.js";
import { STATE } from "../../session/state.js";
import { formatDuration } from "../../util/time.js";
import type { RunContext } from "../context.js";
import type { BootedApp, Exposure } from "../reached.js";
import type { PipelineSettings } from "../settings.js";

export const LOG_TAIL_LINES = 50;

export class AppExitedError extends Error {
  constructor(readonly exit: ExitInfo) {
    super(`The app ${describeExit(exit)}`);
  }
}

/** The app's port: the configured one (which must be free), or one the OS says is free. */
export async function chooseAppPort(settings: PipelineSettings): Promise<number> {
  if (settings.port === undefined) return freePort();
  if (await portInUse(settings.port)) {
    throw new StartError(
      `Port ${settings.port} is already in use before the app started, so readiness would probe another process. Stop whatever listens there, or choose another "port".`,
    );
  }
  return settings.port;
}

/**
 * Boots the app on `port` with `appEnv` (the preview's public URL and, when on, the identity
 * provider's settings and the scenarios' public keys), then points the gate at it.
 */
export async function boot(
  ctx: RunContext,
  exposure: Exposure,
  port: number,
  appEnv: Record<string, string>,
): Promise<BootedApp> {
  const app = await bootApp(ctx, port, appEnv);
  ctx.reached.app = app;
  exposure.gate.setUpstreamHost(app.ready.host ?? "127.0.0.1");
  watchForCrash(ctx, app);
  return app;
}

/** Once the app is up, its exit is news: log it with its last lines and tell the reporter. */
function watchForCrash(ctx: RunContext, app: BootedApp): void {
  void app.process.exited.then(async (exit) => {
    if (ctx.teardown.started) return;
    await app.tail.flush();
    const message = `The app ${describeExit(exit)} while the preview was up.`;
    ctx.logger.error(`${message}\n${app.describeTail()}`);
    void ctx.deps.publisher?.failed(message);
    await ctx.deps.reporter.crashed?.(ctx.secrets.redact(`${message}\n${app.describeTail()}`));
  });
}

/**
 * Starts the app with PORT, the `env` input and `extraEnv` (the preview's public URL and,
 * when on, the identity provider's settings), and waits until it is ready.
 */
async function bootApp(ctx: RunContext, port: number, extraEnv: Record<string, string>): Promise<BootedApp> {
  const { settings, logger } = ctx;
  const tail = new LogTail(ctx.appLog, LOG_TAIL_LINES);
  const describeTail = () => formatTail(tail, ctx.appLog);

  const app = await ctx.clock.run(
    "boot",
    async () => {
      logger.startGroup(`App: ${settings.start}`);
      logger.info(
        `Starting the app in ${settings.workingDirectory} with PORT=${port}; its output goes to ${ctx.appLog}`,
      );
      const started = await ctx.deps.launcher.start({
        command: settings.start,
        cwd: settings.workingDirectory,
        env: ctx.childEnv(extraEnv, { PORT: String(port) }, settings.env),
        output: { file: ctx.appLog },
      });
      ctx.deps.state.save(STATE.appPid, String(started.pid));
      ctx.teardown.add("log", () => tail.close());
      ctx.teardown.add("app", async () => {
        logger.info("Stopping the app");
        await started.stop(ctx.grace(), ctx.cutoff);
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
          spec: settings.ready,
          port,
          statuses: settings.readyStatus,
          timeoutMs: settings.readyTimeoutMs,
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
