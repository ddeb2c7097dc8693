/**
 * The hold phase: the preview stays up after the checks, until told to stop (the supervisor,
 * for the post step), for keep-alive, or not at all. Whoever is told "holding" may stop
 * listening (the main step exits in background mode), so the app's output so far and the
 * pull request's "live" come first.
 */

import { CancelledError } from "../../errors.js";
import { formatDuration, sleep } from "../../util/time.js";
import type { RunContext } from "../context.js";
import type { BootedApp } from "../reached.js";

/** keep-alive meaning "until interrupted" (the longest timer Node allows, ~24.8 days). */
export const FOREVER_MS = 2 ** 31 - 1;

export async function hold(ctx: RunContext, app: BootedApp): Promise<void> {
  const announce = () => ctx.deps.reporter.holding?.(ctx.result());
  const url = ctx.reached.url;
  await app.flush();
  await ctx.deps.publisher?.settled();
  const stop = ctx.deps.stop;
  const keepAliveMs = stop ? FOREVER_MS : ctx.settings.keepAliveMs;
  if (keepAliveMs <= 0 || app.down()) {
    ctx.clock.skip("hold", keepAliveMs > 0 ? "the app was down" : "keep-alive 0s");
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

export function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw signal.reason instanceof Error ? signal.reason : new CancelledError("SIGTERM");
}
