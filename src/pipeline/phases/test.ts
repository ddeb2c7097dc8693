/**
 * The test phase: the user's command against the preview, with its URL and credentials; its
 * exit code is the result. Adds the exit code; tears down the command if it is still running.
 */

import { constants } from "node:os";
import { clientCredentials } from "../../gate/index.js";
import { STATE } from "../../session/state.js";
import type { RunContext } from "../context.js";
import type { BootedApp } from "../reached.js";

export async function test(ctx: RunContext, app: BootedApp): Promise<void> {
  const command = ctx.settings.test;
  if (!command) {
    ctx.clock.skip("test", "no test command");
    return;
  }
  const env = { PREVIEW_URL: ctx.reached.url ?? "", ...clientCredentials(ctx.settings.gate.auth) };
  const code = await ctx.clock.run(
    "test",
    () => runTestCommand(ctx, command, env, app.gone),
    (exitCode) => `exit code ${exitCode}`,
  );
  ctx.reached.testExitCode = code;
  if (code === 0) ctx.passed();
  else ctx.fail(`The test command exited with code ${code}.`);
}

async function runTestCommand(
  ctx: RunContext,
  command: string,
  /** PREVIEW_URL and the credentials (PREVIEW_USERNAME/PASSWORD or PREVIEW_TOKEN, PREVIEW_AUTH_HEADER). */
  previewEnv: Record<string, string>,
  appGone: AbortSignal,
): Promise<number> {
  ctx.logger.info(`Running the test command against ${previewEnv.PREVIEW_URL}: ${command}`);
  const test = await ctx.deps.launcher.start({
    command,
    cwd: ctx.settings.workingDirectory,
    env: ctx.childEnv(previewEnv),
    output: "inherit",
  });
  ctx.deps.state.save(STATE.testPid, String(test.pid));
  const stopTest = ctx.teardown.add("test command", () => test.stop(ctx.grace(), ctx.cutoff));
  const cancelled = new Promise<never>((_, reject) => {
    const onAbort = () => reject(ctx.signal.reason);
    if (ctx.signal.aborted) onAbort();
    else ctx.signal.addEventListener("abort", onAbort, { once: true });
  });
  cancelled.catch(() => undefined);
  const exit = await Promise.race([test.exited, cancelled]);
  await stopTest();
  if (appGone.aborted) ctx.logger.warning("The app exited while the test command ran.");
  // A test killed by a signal reports 128 + its number, as shells do.
  return exit.code ?? 128 + (exit.signal ? (constants.signals[exit.signal] ?? 0) : 0);
}
