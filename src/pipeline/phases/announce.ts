/**
 * What the outside world is told about the preview, in one place: where it is and how to sign
 * in (the reporter: step outputs or the terminal; the pull request: comment and deployment),
 * when it moves, and how its checks went.
 */

import { describeSignIn } from "../../gate/index.js";
import type { GateAuth } from "../../gate/settings.js";
import type { RunContext } from "../context.js";
import type { Exposure } from "../reached.js";

/** How to sign in, in words, without the secret itself (it goes to public places). */
export function signInMethod(
  auth: GateAuth,
  generated: boolean,
): { method: string; where: string | undefined; noCredentials?: boolean } {
  const where = generated
    ? "the credentials were generated for this run: they are in the step's outputs (masked in logs)"
    : "the credentials come from the workflow's `credentials` input (a secret)";
  switch (auth.mode) {
    case "basic":
      return { method: `HTTP basic auth, user \`${auth.username}\``, where };
    case "bearer":
      return { method: "an `Authorization: Bearer` token", where };
    case "none":
      return { method: "no sign-in: the preview is open to anyone with the URL", where: undefined };
    case "github":
      // Who may open it, in words; the run's own token is for automation, not reviewers.
      return { method: describeSignIn(auth.signin), where: undefined, noCredentials: true };
  }
}

function signIn(ctx: RunContext, exposure: Exposure) {
  const { auth, credentialsGenerated } = ctx.settings.gate;
  const { method, where, noCredentials } = signInMethod(auth, credentialsGenerated);
  // A one-click link carries a credential: the publisher shows it on private repositories
  // only. Reviewers who sign in with GitHub need none.
  const oneClickUrl = auth.mode === "none" || auth.mode === "github" ? undefined : exposure.gate.loginUrl();
  return { method, where, oneClickUrl, noCredentials };
}

/** Tells the reporter (step outputs, the terminal) and the pull request where the preview is. */
export async function announcePreview(ctx: RunContext, exposure: Exposure, url: string): Promise<void> {
  const inspectorUrl = exposure.gate.inspectorUrl();
  await ctx.deps.reporter.preview({
    url,
    provider: ctx.provider,
    harPath: exposure.gate.harPath,
    inspectorUrl,
  });
  const { services } = ctx.settings;
  void ctx.deps.publisher?.live({
    url,
    provider: ctx.provider,
    signIn: signIn(ctx, exposure),
    inspectorUrl,
    ...(services.length > 1 ? { services: services.map(({ name, path }) => ({ name, path })) } : {}),
  });
}

/**
 * The publish phase: once the app is ready, the preview is announced; then `andThen` (the
 * GitHub webhook made and pinged) is part of the phase.
 */
export function publish(
  ctx: RunContext,
  exposure: Exposure,
  andThen?: (url: string) => Promise<void>,
): Promise<void> {
  const url = exposure.tunnel.url;
  return ctx.clock.run(
    "publish",
    async () => {
      await announcePreview(ctx, exposure, url);
      ctx.logger.info(`Preview: ${url}`);
      await andThen?.(url);
    },
    () => url,
  );
}

/** The checks are done: the pull request shows how many passed. */
export function announceChecks(ctx: RunContext): void {
  const { test } = ctx.settings;
  const { scenarios, testExitCode } = ctx.reached;
  if (!test && !scenarios) return;
  const testPassed = test ? (testExitCode === 0 ? 1 : 0) : 0;
  void ctx.deps.publisher?.testsDone({
    passed: testPassed + (scenarios?.passed ?? 0),
    total: (test ? 1 : 0) + (scenarios ? scenarios.passed + scenarios.failed : 0),
  });
}
