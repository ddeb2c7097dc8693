/**
 * The run's temporary GitHub webhook (github-webhook): GitHub itself delivers to the preview.
 *
 * - Opened before anything starts: the token is tried on the repository's hooks (a token that
 *   may not manage them fails the run here), and hooks that crashed runs left are swept.
 * - Made in the publish phase, once the app is ready: its id is saved at once (a post step
 *   deletes it if this process dies), its deletion registered for teardown, and GitHub's ping
 *   awaited; a ping not answered 2xx fails the run, saying why.
 * - Pointed at the new URL when the tunnel comes back on another one.
 *
 * Adds the hook to the run context: its delivery log (for expect-deliveries) and the ping.
 */
import { errorMessage, StartError } from "../../errors.js";
import type { WebhookHooks } from "../../github/index.js";
import type { GithubWebhookSettings } from "../../github/settings.js";
import { type SavedHook, STATE } from "../../session/state.js";
import { CANCEL_GRACE_MS, type RunContext } from "../context.js";
import type { GithubWebhookReached } from "../reached.js";
import { throwIfCancelled } from "./hold.js";

export interface RunWebhook {
  /** Makes the hook point at `url`, saves and registers it, waits for GitHub's ping. */
  create(url: string): Promise<void>;
  /** The tunnel came back on `url`: the hook follows (a warning if it cannot). */
  moveTo(url: string): void;
}

/**
 * Tries the token and sweeps what earlier runs left; undefined when the run has no webhook.
 * Throws a StartError when the token may not manage the repository's hooks.
 */
export async function openGithubWebhook(ctx: RunContext): Promise<RunWebhook | undefined> {
  const settings = ctx.settings.githubWebhook;
  if (settings === undefined) return undefined;
  // Loaded only by a run with a webhook (the CLI's runs do without the GitHub part).
  const { loadHooksApi, readPublishContext, webhookHooks } = await import("../../github/index.js");
  // Only the repository and pull request are wanted here, not the commit the workspace holds.
  const context = await readPublishContext(ctx.deps.baseEnv, {
    logger: ctx.logger,
    gitHead: async () => undefined,
  });
  if (context === undefined) {
    throw new StartError(
      "github-webhook needs the repository to make the webhook in (GITHUB_REPOSITORY, owner/name).",
    );
  }
  if (ctx.provider === "local") {
    ctx.logger.warning(
      "github-webhook with provider local: the preview's URL is on this machine, which GitHub cannot reach; choose a public tunnel provider.",
    );
  }
  const api = await loadHooksApi({ token: settings.token, apiUrl: context.apiUrl, logger: ctx.logger });
  const pr = context.pullRequest;
  const hooks = webhookHooks({
    api,
    repo: context.repo,
    logger: ctx.logger,
    // The preview (comment key and pull request, else branch) and the run: see webhook-marker.ts.
    marker: { scope: `${settings.key}-${pr ? `pr${pr.number}` : context.ref || "run"}`, run: ctx.id },
  });
  const swept = await hooks.sweep();
  if (swept.refused !== undefined) {
    throw new StartError(
      `Input "github-webhook-token" may not manage the webhooks of ${context.repo.owner}/${context.repo.repo}: ${swept.refused}`,
    );
  }
  return new TemporaryHook(ctx, settings, hooks, { ...context.repo, apiUrl: context.apiUrl });
}

class TemporaryHook implements RunWebhook {
  #hookId: number | undefined;
  /** Repointing, one after another. */
  #moves: Promise<void> = Promise.resolve();

  constructor(
    private readonly ctx: RunContext,
    private readonly settings: GithubWebhookSettings,
    private readonly hooks: WebhookHooks,
    private readonly where: Omit<SavedHook, "id">,
  ) {}

  async create(url: string): Promise<void> {
    const { ctx, settings, hooks } = this;
    let hook: { id: number; url: string };
    try {
      hook = await hooks.create({
        publicUrl: url,
        path: settings.path,
        events: settings.events,
        secret: settings.secret,
      });
    } catch (error) {
      throw new StartError(`The temporary GitHub webhook (github-webhook): ${errorMessage(error)}`, {
        cause: error,
      });
    }
    const id = hook.id;
    this.#hookId = id;
    // At once: if this process dies from here on, the post step deletes the hook.
    ctx.deps.state.save(STATE.githubHook, JSON.stringify({ id, ...this.where } satisfies SavedHook));
    ctx.teardown.add("github webhook", () => this.#remove(id));
    const reached: GithubWebhookReached = {
      hookId: id,
      log: { events: settings.events, list: () => hooks.deliveries(id) },
    };
    ctx.reached.githubWebhook = reached;

    const ping = await hooks.waitForPing(id, { signal: ctx.signal });
    throwIfCancelled(ctx.signal);
    // The app's answer is quoted, and it may echo a secret.
    const message = ctx.secrets.redact(ping.message);
    reached.ping = { ok: ping.ok, message };
    if (ping.ok) ctx.logger.info(message);
    else {
      ctx.logger.error(message);
      ctx.fail(message);
    }
    // The tunnel moved while the hook was being made.
    const now = ctx.reached.url;
    if (now !== undefined && now !== url) this.moveTo(now);
    await this.#moves;
  }

  moveTo(url: string): void {
    const id = this.#hookId;
    // Before it exists, the hook is made with the URL of that moment.
    if (id === undefined) return;
    this.#moves = this.#moves.then(async () => {
      if (this.ctx.teardown.started) return;
      try {
        await this.hooks.repoint(id, {
          publicUrl: url,
          path: this.settings.path,
          secret: this.settings.secret,
        });
      } catch (error) {
        this.ctx.logger.warning(
          `GitHub still delivers to the preview's old URL: could not point the temporary webhook at ${url}: ${errorMessage(error)}`,
        );
      }
    });
  }

  async #remove(id: number): Promise<void> {
    await this.#moves;
    const removal = this.hooks.remove(id);
    // A cancelled run must be done before the runner kills it; the post step deletes it then.
    const gone = this.ctx.signal.aborted ? await withinMs(removal, CANCEL_GRACE_MS, false) : await removal;
    if (gone) this.ctx.deps.state.save(STATE.githubHook, "");
  }
}

/** `promise`'s value, or `fallback` after `ms`. */
function withinMs<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}
