/**
 * One run, as a list of phases over a typed run context (context.ts): expose (gate, tunnel,
 * probe) -> boot -> ready -> publish (and the GitHub webhook) -> test -> scenarios -> hold -> teardown. The tunnel comes
 * first so the app starts knowing its public URL (PREVIEW_URL; the identity provider's issuer
 * and redirect URIs are built on it). Each phase (phases/*.ts) adds what it made to the
 * context and registers its teardown the moment a resource exists; teardown runs whatever
 * happens, so failures and cancellation clean up the same way.
 */
import { sweepMarked } from "../app/index.js";
import { CancelledError, errorMessage } from "../errors.js";
import { RUN_ID_ENV } from "../session/run.js";
import { STATE } from "../session/state.js";
import { chooseProvider } from "../tunnel/index.js";
import { type PipelineDeps, RunContext, type RunResult } from "./context.js";
import { RunIdentity } from "./identity.js";
import { announceChecks, announcePreview, publish } from "./phases/announce.js";
import { boot, chooseServicePorts, gateRoutes } from "./phases/boot.js";
import { expose } from "./phases/expose.js";
import { openGithubWebhook } from "./phases/github-webhook.js";
import { hold, throwIfCancelled } from "./phases/hold.js";
import { scenarioEnv, scenarioKeys, scenarios } from "./phases/scenarios.js";
import { test } from "./phases/test.js";
import type { PipelineSettings } from "./settings.js";

export { CANCEL_GRACE_MS, type PipelineDeps, type Reporter, type RunResult } from "./context.js";
export { FOREVER_MS } from "./phases/hold.js";
export type { PipelineSettings } from "./settings.js";

export async function runPipeline(settings: PipelineSettings, deps: PipelineDeps): Promise<RunResult> {
  // Fails on an unavailable provider before anything starts.
  const { provider, reason } = chooseProvider(settings.provider, {
    settings: settings.tunnel,
    env: deps.baseEnv,
  });
  const ctx = new RunContext(settings, deps, provider.name);
  deps.state.save(STATE.runId, ctx.id);
  deps.state.save(STATE.appLog, ctx.appLog);
  registerRunTeardown(ctx);

  let thrown: unknown;
  try {
    throwIfCancelled(ctx.signal);
    void deps.publisher?.starting();
    // Before anything starts: a token that may not manage webhooks fails the run here.
    const webhook = await openGithubWebhook(ctx);
    const ports = await chooseServicePorts(settings.services);
    ctx.logger.info(reason);
    const identity = new RunIdentity(ctx);
    const exposure = await expose(ctx, {
      provider,
      appPorts: [...ports.values()],
      routes: gateRoutes(settings.services, ports),
      reserved: identity.route,
      onNewUrl: (url, moved) => {
        identity.moveTo(url);
        webhook?.moveTo(url);
        void announcePreview(ctx, moved, url);
      },
    });
    const url = exposure.tunnel.url;
    const keys = await scenarioKeys(ctx);
    const app = await boot(ctx, exposure, ports, {
      PREVIEW_URL: url,
      ...(identity.enabled ? await identity.start(url) : {}),
      ...(await scenarioEnv(ctx, keys)),
    });
    await publish(ctx, exposure, webhook && ((url) => webhook.create(url)));
    await test(ctx, app);
    await scenarios(ctx, exposure, keys);
    announceChecks(ctx);
    await hold(ctx, app);
    const down = app.down();
    if (down) ctx.fail(down);
    if (ctx.reached.tunnelLost) ctx.fail(ctx.reached.tunnelLost);
  } catch (error) {
    thrown = ctx.signal.aborted && ctx.signal.reason instanceof CancelledError ? ctx.signal.reason : error;
    const cancelled = thrown instanceof CancelledError;
    const why = thrown instanceof CancelledError ? `Cancelled by ${thrown.signal}.` : errorMessage(error);
    ctx.abort(cancelled ? "cancelled" : "start-failed", why);
    void deps.publisher?.failed(why);
  }
  await ctx.clock.run(
    "teardown",
    () => ctx.teardown.run(),
    () => "done",
  );
  // A signal during teardown (which shortened it) still means the run was cancelled.
  if (thrown === undefined && ctx.signal.aborted) {
    thrown = ctx.signal.reason instanceof CancelledError ? ctx.signal.reason : new CancelledError("SIGTERM");
    ctx.abort("cancelled", `Cancelled by ${(thrown as CancelledError).signal} during teardown.`);
  }
  deps.state.save(STATE.tornDown, "true");
  await deps.publisher?.settled();
  await deps.reporter.finished(ctx.result());
  if (thrown !== undefined) throw thrown;
  return ctx.result();
}

/** What every run tears down last, registered first. */
function registerRunTeardown(ctx: RunContext): void {
  const publisher = ctx.deps.publisher;
  // Runs last: the PR shows "stopped" once everything is down.
  if (publisher) ctx.teardown.add("publishing", () => publisher.stopped());
  // Anything the app or test left behind (even outside their process groups) carries the run id.
  ctx.teardown.add("stragglers", async () => {
    const swept = await sweepMarked(RUN_ID_ENV, ctx.id, ctx.grace(), ctx.cutoff);
    if (swept > 0)
      ctx.logger.warning(
        `Stopped ${swept} leftover process(es) of this run that had left their process group.`,
      );
  });
}
