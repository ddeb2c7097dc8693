/**
 * A temporary repository webhook that points GitHub's real deliveries at the preview:
 * created at publish time with a secret made for the run, checked through GitHub's own
 * delivery log (the ping GitHub sends on creation must have been answered 2xx), read again for
 * `expect-deliveries`, and deleted at teardown. Deleting never throws (a warning says what was
 * left); a sweep deletes what crashed runs left behind (see webhook-marker.ts).
 *
 *   const hooks = webhookHooks({ api, repo, logger, marker: { scope: "preview-pr-7", run } });
 *   await hooks.sweep();
 *   const hook = await hooks.create({ publicUrl, path: "/webhooks/github", events, secret });
 *   // save hook.id in state now, register hooks.remove(hook.id) in teardown
 *   const ping = await hooks.waitForPing(hook.id, { timeoutMs: 60_000 });
 *   if (!ping.ok) fail(ping.message);
 */

import { errorMessage } from "../errors.js";
import type { Logger } from "../util/logger.js";
import { sleep } from "../util/time.js";
import { GitHubApiError, type RepoRef } from "./api.js";
import type { HookDelivery, RepoHook, RepoHooksApi } from "./hooks-api.js";
import { type HookMarker, markedUrl, readMarker, withoutMarker } from "./webhook-marker.js";

/** GitHub keeps a delivery log for 3 days; a hook of ours older than this belongs to a dead run. */
export const DEFAULT_STALE_AFTER_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_PING_TIMEOUT_MS = 60_000;
/** Redeliveries of a ping GitHub could not deliver at all (a tunnel edge still warming up). */
export const DEFAULT_PING_REDELIVERIES = 2;
/** Deliveries read per look at the log: a temporary hook has few. */
const LOG_LIMIT = 100;
/** Characters of the app's response quoted when a ping failed. */
const EXCERPT = 300;

export interface WebhookHooksOptions {
  readonly api: RepoHooksApi;
  readonly repo: RepoRef;
  readonly logger: Logger;
  readonly marker: HookMarker;
  /** Hooks of ours (another scope) older than this are deleted by sweep(). Default 24 h. */
  readonly staleAfterMs?: number;
  /** First pause between looks at the delivery log (then ×1.5, at most 2 s). Default 250 ms. */
  readonly pollMs?: number;
  readonly now?: () => number;
}

export interface NewTemporaryHook {
  readonly publicUrl: string;
  /** Path (and query) on the public URL, e.g. /webhooks/github. */
  readonly path: string;
  readonly events: readonly string[];
  readonly secret: string;
}

export interface CreatedHook {
  readonly id: number;
  /** Without the marker: for reports. */
  readonly url: string;
}

interface PingBase {
  readonly message: string;
  /** Deliveries of the ping GitHub made (the first and any redeliveries). */
  readonly attempts: number;
}

export type PingOutcome =
  | (PingBase & { readonly ok: true; readonly statusCode: number; readonly durationMs: number })
  | (PingBase & {
      readonly ok: false;
      /** "app": the app answered non-2xx; "unreachable": GitHub got no HTTP answer; "no-ping": none logged in time. */
      readonly reason: "app" | "unreachable" | "no-ping";
      readonly statusCode: number | undefined;
      readonly durationMs: number | undefined;
      /** GitHub's words: "Invalid HTTP Response: 500", "failed to connect to host", "timed out". */
      readonly status: string | undefined;
      /** The start of the app's response (redact before showing). */
      readonly response: string | undefined;
    });

export interface WaitOptions {
  readonly timeoutMs?: number;
  readonly redeliveries?: number;
  readonly signal?: AbortSignal;
}

export interface SweepResult {
  readonly deleted: readonly { readonly id: number; readonly url: string; readonly why: string }[];
  /**
   * Why the token may not even list the repository's hooks (GitHub answered 401, 403 or 404):
   * it cannot make the run's hook either. Other failures are only warned about.
   */
  readonly refused?: string;
}

export interface WebhookHooks {
  /** Deletes hooks earlier runs of this scope, or any run long ago, left behind. Never throws. */
  sweep(): Promise<SweepResult>;
  create(hook: NewTemporaryHook): Promise<CreatedHook>;
  /** Points the hook at another public URL (the tunnel came back on a new one); same id, log and secret. */
  repoint(hookId: number, hook: Omit<NewTemporaryHook, "events">): Promise<CreatedHook>;
  waitForPing(hookId: number, options?: WaitOptions): Promise<PingOutcome>;
  /** The hook's delivery log, newest first (for expect-deliveries). */
  deliveries(hookId: number): Promise<HookDelivery[]>;
  /** Idempotent, never throws: true when the hook is gone (deleted now or before). */
  remove(hookId: number): Promise<boolean>;
}

/**
 * Deletes one hook; idempotent, never throws: true when it is gone (deleted now or before), a
 * warning saying what is left otherwise.
 */
export async function removeHook(
  api: Pick<RepoHooksApi, "deleteHook">,
  repo: RepoRef,
  hookId: number,
  logger: Logger,
): Promise<boolean> {
  const where = `${repo.owner}/${repo.repo}`;
  try {
    const outcome = await api.deleteHook(repo, hookId);
    logger.info(
      outcome === "deleted"
        ? `Deleted the temporary webhook ${hookId} of ${where}.`
        : `The temporary webhook ${hookId} of ${where} was already gone.`,
    );
    return true;
  } catch (error) {
    logger.warning(
      `Could not delete the temporary webhook ${hookId} of ${where}: ${errorMessage(error)}. A later run deletes it (its URL carries a preview-tunnel marker), or delete it under Settings → Webhooks.`,
    );
    return false;
  }
}

const ok2xx = (code: number) => code >= 200 && code < 300;

export function webhookHooks(options: WebhookHooksOptions): WebhookHooks {
  const { api, repo, logger, marker } = options;
  const now = options.now ?? Date.now;
  const staleAfter = options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS;
  const where = `${repo.owner}/${repo.repo}`;

  const remove = (hookId: number) => removeHook(api, repo, hookId, logger);

  const sweep = async (): Promise<SweepResult> => {
    let hooks: RepoHook[];
    try {
      hooks = await api.listHooks(repo);
    } catch (error) {
      if (error instanceof GitHubApiError && [401, 403, 404].includes(error.status ?? 0))
        return { deleted: [], refused: errorMessage(error) };
      logger.warning(`Could not look for webhooks earlier runs left behind: ${errorMessage(error)}`);
      return { deleted: [] };
    }
    const deleted: { id: number; url: string; why: string }[] = [];
    for (const hook of hooks) {
      const found = readMarker(hook.url);
      if (found === undefined || (found.scope === marker.scope && found.run === marker.run)) continue;
      const age = now() - Date.parse(hook.createdAt);
      const why =
        found.scope === marker.scope
          ? "an earlier run of this preview"
          : age > staleAfter
            ? `a run ${Math.round(age / 3_600_000)} h ago`
            : undefined;
      if (why === undefined) continue;
      const url = withoutMarker(hook.url);
      if (await remove(hook.id)) deleted.push({ id: hook.id, url, why });
    }
    if (deleted.length > 0) {
      logger.info(
        `Deleted ${deleted.length} webhook(s) earlier runs left behind: ${deleted.map((d) => `${d.id} (${d.why})`).join(", ")}.`,
      );
    }
    return { deleted };
  };

  const create = async (hook: NewTemporaryHook): Promise<CreatedHook> => {
    const url = markedUrl(hook.publicUrl, hook.path, marker);
    const created = await api.createHook(repo, { url, secret: hook.secret, events: hook.events });
    logger.info(
      `Created a temporary webhook (${created.id}) on ${where} for ${hook.events.join(", ")} → ${withoutMarker(url)}`,
    );
    return { id: created.id, url: withoutMarker(url) };
  };

  const repoint = async (hookId: number, hook: Omit<NewTemporaryHook, "events">): Promise<CreatedHook> => {
    const url = markedUrl(hook.publicUrl, hook.path, marker);
    await api.updateHookUrl(repo, hookId, { url, secret: hook.secret });
    logger.info(`Pointed the temporary webhook ${hookId} of ${where} at ${withoutMarker(url)}`);
    return { id: hookId, url: withoutMarker(url) };
  };

  const deliveries = (hookId: number) => api.listDeliveries(repo, hookId, LOG_LIMIT);

  const waitForPing = async (hookId: number, wait: WaitOptions = {}): Promise<PingOutcome> => {
    const timeoutMs = wait.timeoutMs ?? DEFAULT_PING_TIMEOUT_MS;
    let redeliveries = wait.redeliveries ?? DEFAULT_PING_REDELIVERIES;
    const deadline = now() + timeoutMs;
    let pause = options.pollMs ?? 250;
    // Bounded by count as well as time, whatever the clock does.
    const maxLooks = Math.ceil(timeoutMs / (options.pollMs ?? 250)) + 5;
    let seen = 0;
    let attempts = 0;
    let latest: HookDelivery | undefined;
    for (let look = 0; look < maxLooks; look++) {
      if (wait.signal?.aborted) break;
      const pings = (await deliveries(hookId)).filter((d) => d.event === "ping");
      attempts = pings.length;
      latest = pings[0];
      if (latest !== undefined && pings.length > seen) {
        seen = pings.length;
        if (ok2xx(latest.statusCode)) {
          return {
            ok: true,
            statusCode: latest.statusCode,
            durationMs: latest.durationMs,
            attempts,
            message: `GitHub's ping reached the app: ${latest.statusCode} in ${latest.durationMs} ms.`,
          };
        }
        if (latest.statusCode !== 0 || redeliveries === 0) break;
        // GitHub got no HTTP answer: the tunnel's edge may not have been reachable yet.
        redeliveries--;
        logger.info(`GitHub could not deliver the ping (${latest.status}); asking it to redeliver.`);
        await api.redeliver(repo, hookId, latest.id);
      }
      if (now() >= deadline) break;
      await sleep(Math.min(pause, Math.max(0, deadline - now())), wait.signal);
      pause = Math.min(pause * 1.5, 2000);
    }
    return failedPing(hookId, latest, attempts, timeoutMs);
  };

  const failedPing = async (
    hookId: number,
    latest: HookDelivery | undefined,
    attempts: number,
    timeoutMs: number,
  ): Promise<PingOutcome> => {
    if (latest === undefined) {
      return {
        ok: false,
        reason: "no-ping",
        statusCode: undefined,
        durationMs: undefined,
        status: undefined,
        response: undefined,
        attempts,
        message: `GitHub's delivery log of the webhook showed no ping within ${timeoutMs / 1000} s.`,
      };
    }
    if (latest.statusCode === 0) {
      return {
        ok: false,
        reason: "unreachable",
        statusCode: 0,
        durationMs: latest.durationMs,
        status: latest.status,
        response: undefined,
        attempts,
        message: `GitHub could not reach the preview (${latest.status}${attempts > 1 ? `, ${attempts} attempts` : ""}): the tunnel's public URL did not answer GitHub.`,
      };
    }
    let response: string | undefined;
    try {
      const body = (await api.getDelivery(repo, hookId, latest.id)).responseBody?.trim();
      response = body === undefined ? undefined : body.length > EXCERPT ? `${body.slice(0, EXCERPT)}…` : body;
    } catch (error) {
      logger.debug(`Could not read the failed ping's response: ${errorMessage(error)}`);
    }
    return {
      ok: false,
      reason: "app",
      statusCode: latest.statusCode,
      durationMs: latest.durationMs,
      status: latest.status,
      response,
      attempts,
      message: `GitHub's ping got ${latest.statusCode} from the app (in ${latest.durationMs} ms)${response ? `: ${response}` : ""}. The app must answer 2xx to GitHub's deliveries; check that it verifies X-Hub-Signature-256 with the secret it was given.`,
    };
  };

  return { sweep, create, repoint, waitForPing, deliveries, remove };
}
