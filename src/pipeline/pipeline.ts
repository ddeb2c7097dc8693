/**
 * One run, as explicit phases: expose (gate, tunnel, probe) -> boot -> ready -> publish ->
 * test -> scenarios -> hold -> teardown. The tunnel comes first so the app starts knowing its public URL
 * (PREVIEW_URL; the identity provider's issuer and redirect URIs are built on it). Every
 * resource is registered for teardown the moment it exists; teardown runs whatever happens,
 * so failures and cancellation clean up the same way.
 */

import { describeExit, sweepMarked } from "../app/index.js";
import { CancelledError, errorMessage } from "../errors.js";
import { clientCredentials } from "../gate/index.js";
import { createScenarioKeys, scenarioAppEnv } from "../scenarios/index.js";
import { RUN_ID_ENV } from "../session/run.js";
import { STATE } from "../session/state.js";
import { chooseProvider } from "../tunnel/index.js";
import { formatDuration, sleep } from "../util/time.js";
import { signInMethod } from "./access.js";
import { type BootedApp, bootApp, chooseAppPort } from "./boot.js";
import { type PipelineDeps, RunContext, type RunResult } from "./context.js";
import { type Exposure, expose } from "./expose.js";
import { RunIdentity } from "./identity.js";
import type { ScenarioOutcome } from "./result.js";
import { runScenarioPhase } from "./scenarios.js";
import type { PipelineSettings } from "./settings.js";
import { runTestCommand } from "./test-command.js";

export { CANCEL_GRACE_MS, type PipelineDeps, type Reporter, type RunResult } from "./context.js";

/** keep-alive meaning "until interrupted" (the longest timer Node allows, ~24.8 days). */
export const FOREVER_MS = 2 ** 31 - 1;

export async function runPipeline(config: PipelineSettings, deps: PipelineDeps): Promise<RunResult> {
  // Fails on an unavailable provider before anything starts.
  const { provider, reason } = chooseProvider(config.provider, {
    settings: config.tunnel,
    env: deps.baseEnv,
  });
  const ctx = new RunContext(config, deps);
  const { logger, signal } = ctx;
  deps.state.save(STATE.runId, ctx.id);
  deps.state.save(STATE.appLog, ctx.appLog);

  let url: string | undefined;
  let exposure: Exposure | undefined;
  let testExitCode: number | undefined;
  let scenarios: ScenarioOutcome | undefined;
  let outcome: RunResult["outcome"] = "no-test";
  let failure: string | undefined;
  const fail = (reason: string) => {
    outcome = "failed";
    failure = failure ? `${failure} ${reason}` : reason;
  };
  // What it says may quote the app (its output, a response): never a secret.
  const result = (): RunResult =>
    ctx.secrets.redactDeep({
      outcome,
      url,
      provider: provider.name,
      appLog: ctx.appLog,
      harPath: exposure?.gate.harPath,
      requests: exposure?.gate.stats(),
      testExitCode,
      scenarios,
      phases: ctx.clock.records,
      failure,
    } satisfies RunResult);

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
    const port = await chooseAppPort(config);

    logger.info(reason);
    const identity = new RunIdentity(ctx);
    let app: BootedApp | undefined;
    const exposed = await ctx.clock.run(
      "expose",
      () =>
        expose(ctx, provider, port, {
          onUpstreamError: (error) => {
            if (app && !ctx.teardown.started) {
              logger.warning(
                `A request through the gate could not reach the app (${errorMessage(error)}).\n${app.describeTail()}`,
              );
            }
          },
          reserved: identity.route,
        }),
      (e) => `${provider.name}: ${e.tunnel.url}`,
    );
    exposure = exposed;
    url = exposed.tunnel.url;
    const tunnelLost = watchTunnel(ctx, exposed, (newUrl) => {
      url = newUrl;
      identity.moveTo(newUrl);
      void deps.reporter.preview({ url: newUrl, provider: provider.name, harPath: exposed.gate.harPath });
      void publisher?.live({ url: newUrl, provider: provider.name, signIn: signIn(ctx, exposed) });
    });

    const scenarioList = config.scenarios.scenarios;
    // Discord-style scenarios sign with a key pair made for this run; the app gets the public half.
    const keys = scenarioList.some((s) => s.publicKeyEnv !== undefined) ? createScenarioKeys() : undefined;
    if (keys) ctx.secrets.add(keys.discord.privateKeyPem, "the scenarios' Discord signing key");
    const appEnv = {
      PREVIEW_URL: exposed.tunnel.url,
      ...(identity.enabled ? identity.start(exposed.tunnel.url) : {}),
      ...(keys ? scenarioAppEnv(scenarioList, keys) : {}),
    };
    app = await bootApp(ctx, port, appEnv);
    exposed.gate.setUpstreamHost(app.ready.host ?? "127.0.0.1");
    watchForCrash(ctx, app);

    const publicUrl = exposed.tunnel.url;
    await ctx.clock.run(
      "publish",
      async () => {
        await deps.reporter.preview({
          url: publicUrl,
          provider: provider.name,
          harPath: exposed.gate.harPath,
        });
        void publisher?.live({ url: publicUrl, provider: provider.name, signIn: signIn(ctx, exposed) });
        logger.info(`Preview: ${publicUrl}`);
      },
      () => publicUrl,
    );

    if (config.test) {
      const test = config.test;
      const env = { PREVIEW_URL: url, ...clientCredentials(config.gate.auth) };
      testExitCode = await ctx.clock.run(
        "test",
        () => runTestCommand(ctx, test, env, app.gone),
        (code) => `exit code ${code}`,
      );
      outcome = testExitCode === 0 ? "passed" : "failed";
      if (outcome === "failed") failure = `The test command exited with code ${testExitCode}.`;
    } else {
      ctx.clock.skip("test", "no test command");
    }

    if (scenarioList.length > 0) {
      const authHeader = clientCredentials(config.gate.auth).PREVIEW_AUTH_HEADER;
      scenarios = await ctx.clock.run(
        "scenarios",
        () => runScenarioPhase(ctx, url as string, authHeader, keys, () => exposed.gate.loginUrl()),
        (r) => `${r.passed} passed, ${r.failed} failed`,
      );
      if (outcome !== "failed") outcome = "passed";
      if (scenarios.failed > 0) fail(`${scenarios.failed} scenario(s) failed.`);
    } else {
      ctx.clock.skip("scenarios", "no scenario files");
    }
    if (config.test || scenarios) {
      const testPassed = config.test ? (testExitCode === 0 ? 1 : 0) : 0;
      void publisher?.testsDone({
        passed: testPassed + (scenarios?.passed ?? 0),
        total: (config.test ? 1 : 0) + (scenarios ? scenarios.passed + scenarios.failed : 0),
      });
    }

    await hold(ctx, app, url, () => deps.reporter.holding?.(result()));
    const exit = app.process.exitInfo();
    if (exit) fail(`The app ${describeExit(exit)} while the preview was up.`);
    if (tunnelLost.lost) fail(tunnelLost.lost);
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

function signIn(ctx: RunContext, exposure: Exposure) {
  const { method, where } = signInMethod(ctx.config.gate.auth, ctx.config.gate.credentialsGenerated);
  // A one-click link carries a credential: the publisher shows it on private repositories only.
  const oneClickUrl = ctx.config.gate.auth.mode === "none" ? undefined : exposure.gate.loginUrl();
  return { method, where, oneClickUrl };
}

/** A tunnel that reconnects with a new URL is announced again; one that is lost fails the run. */
function watchTunnel(
  ctx: RunContext,
  exposure: Exposure,
  onNewUrl: (url: string) => void,
): { lost?: string } {
  const state: { lost?: string } = {};
  exposure.tunnel.on("url", (url) => {
    ctx.logger.warning(`The tunnel reconnected with a new public URL: ${url}`);
    exposure.gate.setPublicUrl(url);
    onNewUrl(url);
  });
  exposure.tunnel.on("lost", (error) => {
    if (ctx.teardown.started) return;
    state.lost = `The tunnel was lost and could not be brought back: ${errorMessage(error)}`;
    ctx.logger.error(state.lost);
    void ctx.deps.publisher?.failed(state.lost);
  });
  return state;
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
