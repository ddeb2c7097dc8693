/**
 * One run, as explicit phases: boot -> ready -> expose -> publish -> test -> hold -> teardown.
 * Every resource is registered for teardown the moment it exists; teardown runs whatever
 * happens, so failures and cancellation clean up the same way.
 */
import { describeExit } from "../app/process.js";
import { sweepMarked } from "../app/stop.js";
import type { Config } from "../config/config.js";
import { RUN_ID_ENV, STATE } from "../config/names.js";
import { CancelledError, errorMessage } from "../errors.js";
import { chooseProvider } from "../tunnel/index.js";
import type { Tunnel } from "../tunnel/provider.js";
import { formatDuration, sleep } from "../util/time.js";
import { type BootedApp, bootApp } from "./boot.js";
import { type PipelineDeps, RunContext, type RunResult } from "./context.js";
import { runTestCommand } from "./test-command.js";

export { CANCEL_GRACE_MS, type PipelineDeps, type Reporter, type RunResult } from "./context.js";

/** keep-alive meaning "until interrupted" (the longest timer Node allows, ~24.8 days). */
export const FOREVER_MS = 2 ** 31 - 1;

export async function runPipeline(config: Config, deps: PipelineDeps): Promise<RunResult> {
  // Fails on an unavailable provider before anything starts.
  const { provider, reason } = chooseProvider(config.provider);
  const ctx = new RunContext(config, deps);
  const { logger, signal } = ctx;
  deps.state.save(STATE.runId, ctx.id);
  deps.state.save(STATE.appLog, ctx.appLog);

  let url: string | undefined;
  let testExitCode: number | undefined;
  let outcome: RunResult["outcome"] = "no-test";
  let failure: string | undefined;
  const result = (): RunResult => ({
    outcome,
    url,
    provider: provider.name,
    appLog: ctx.appLog,
    testExitCode,
    phases: ctx.clock.records,
    failure,
  });

  const publisher = deps.publisher;
  // Registered first, so it runs last: the PR shows "stopped" once everything is down.
  if (publisher) ctx.teardown.add("publishing", () => publisher.stopped());
  // Anything the app or test left behind (even outside their process groups) carries the run id.
  ctx.teardown.add("stragglers", async () => {
    const swept = await sweepMarked(RUN_ID_ENV, ctx.id, ctx.grace());
    if (swept > 0)
      logger.warning(`Stopped ${swept} leftover process(es) of this run that had left their process group.`);
  });

  let thrown: unknown;
  try {
    throwIfCancelled(signal);
    void publisher?.starting();
    const app = await bootApp(ctx);
    watchForCrash(ctx, app);

    logger.info(reason);
    const tunnel: Tunnel = await ctx.clock.run(
      "expose",
      async () => {
        const opened = await provider.open(
          { host: app.ready.host ?? "127.0.0.1", port: app.port },
          { logger, signal, runDir: ctx.dir },
        );
        ctx.teardown.add("tunnel", () => opened.close());
        return opened;
      },
      (t) => `${provider.name}: ${t.url}`,
    );
    url = tunnel.url;

    await ctx.clock.run(
      "publish",
      async () => {
        await deps.reporter.preview({ url: tunnel.url, provider: provider.name });
        void publisher?.live({ url: tunnel.url, provider: provider.name });
        logger.info(`Preview: ${tunnel.url}`);
      },
      () => tunnel.url,
    );

    if (config.test) {
      const test = config.test;
      testExitCode = await ctx.clock.run(
        "test",
        () => runTestCommand(ctx, test, tunnel.url, app.gone),
        (code) => `exit code ${code}`,
      );
      outcome = testExitCode === 0 ? "passed" : "failed";
      void publisher?.testsDone({ passed: testExitCode === 0 ? 1 : 0, total: 1 });
      if (outcome === "failed") failure = `The test command exited with code ${testExitCode}.`;
    } else {
      ctx.clock.skip("test", "no test command");
    }

    await hold(ctx, app, tunnel.url, () => deps.reporter.holding?.(result()));
    const exit = app.process.exitInfo();
    if (exit) {
      const crash = `The app ${describeExit(exit)} while the preview was up.`;
      outcome = "failed";
      failure = failure ? `${failure} ${crash}` : crash;
    }
  } catch (error) {
    thrown = signal.aborted && signal.reason instanceof CancelledError ? signal.reason : error;
    if (thrown instanceof CancelledError) {
      outcome = "cancelled";
      failure = `Cancelled by ${thrown.signal}.`;
    } else {
      outcome = "start-failed";
      failure = errorMessage(error);
    }
    void publisher?.failed(failure);
  }
  await ctx.clock.run(
    "teardown",
    () => ctx.teardown.run(),
    () => "done",
  );
  deps.state.save(STATE.tornDown, "true");
  await publisher?.settled();
  await deps.reporter.finished(result());
  if (thrown !== undefined) throw thrown;
  return result();
}

function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw signal.reason instanceof Error ? signal.reason : new CancelledError("SIGTERM");
}

/** Once the app is up, its exit is news: log it with its last lines and tell the reporter. */
function watchForCrash(ctx: RunContext, app: BootedApp): void {
  void app.process.exited.then(async (exit) => {
    if (ctx.teardown.started) return;
    await app.tail.flush();
    const message = `The app ${describeExit(exit)} while the preview was up.`;
    ctx.logger.error(`${message}\n${app.describeTail()}`);
    void ctx.deps.publisher?.failed(message);
    await ctx.deps.reporter.crashed?.(`${message}\n${app.describeTail()}`);
  });
}

/** Holds the preview: until told to stop (supervisor), for keep-alive, or not at all. */
async function hold(ctx: RunContext, app: BootedApp, url: string, announce: () => unknown): Promise<void> {
  // Whoever is told "holding" may stop listening (the main step exits in background mode):
  // show the app's output up to now, and let the PR show the preview as live, first.
  await app.tail.flush();
  await ctx.deps.publisher?.settled();
  const stop = ctx.deps.stop;
  const keepAliveMs = stop ? FOREVER_MS : ctx.config.keepAliveMs;
  if (keepAliveMs <= 0 || app.process.exitInfo()) {
    ctx.clock.skip("hold", keepAliveMs > 0 ? "the app had exited" : "keep-alive 0s");
    await announce();
    return;
  }
  await ctx.clock.run(
    "hold",
    async () => {
      await announce();
      const until = new Date(Date.now() + keepAliveMs);
      ctx.logger.info(
        stop
          ? `The preview at ${url} stays up until the post step stops it.`
          : keepAliveMs >= FOREVER_MS
            ? `Keeping the preview at ${url} up until interrupted (Ctrl-C).`
            : `Keeping the preview at ${url} up for ${formatDuration(keepAliveMs)}, until ${until.toISOString()}.`,
      );
      // Held until a stop request (supervisor), a cancellation, or the app exits; but an
      // exited app is held on too when a supervisor keeps the preview for its post step.
      const ends = [ctx.signal, ...(stop ? [stop] : [app.gone])];
      await sleep(keepAliveMs, AbortSignal.any(ends));
      throwIfCancelled(ctx.signal);
    },
    () => (stop ? "until stopped" : formatDuration(keepAliveMs)),
  );
}
