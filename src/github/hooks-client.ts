/**
 * RepoHooksApi over the Octokit client of client.ts (retries, rate limits, per-attempt
 * deadlines). A refusal names what the token lacks: GitHub answers a token without the
 * "Webhooks" repository permission with 403 and `x-accepted-github-permissions:
 * repository_hooks=write`, and a classic token without admin:repo_hook (or whose user is
 * not an admin of the repository) with 404.
 */
import type { RepoRef } from "./api.js";
import { GitHubApiError } from "./api.js";
import { createOctokit, type GitHubClientOptions } from "./client.js";
import type { HookDelivery, HookDeliveryDetail, NewRepoHook, RepoHook, RepoHooksApi } from "./hooks-api.js";

type Octokit = ReturnType<typeof createOctokit>;

/** API permission names as GitHub's settings pages call them. */
const PERMISSION_NAMES: Readonly<Record<string, string>> = { repository_hooks: "Webhooks" };

const TOKEN_HELP =
  "a fine-grained personal access token or a GitHub App installation token (e.g. from actions/create-github-app-token) with the repository permission Webhooks: write; the workflow's GITHUB_TOKEN cannot manage webhooks";

/** "repository_hooks=write" -> "Webhooks: write"; several are joined with "or". */
export function permissionsWanted(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const names = header
    .split(/[,;]/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [name = "", level = ""] = part.split("=");
      return `${PERMISSION_NAMES[name] ?? name}${level ? `: ${level}` : ""}`;
    });
  return names.length > 0 ? names.join(" or ") : undefined;
}

interface HttpErrorLike {
  readonly status?: number;
  readonly message?: string;
  readonly response?: { readonly headers?: Record<string, string | undefined>; readonly data?: unknown };
}

/** GitHub's own words ("Resource not accessible by integration", a 422's errors). */
function githubMessage(error: HttpErrorLike): string {
  const data = error.response?.data as { message?: unknown; errors?: unknown } | undefined;
  const errors = Array.isArray(data?.errors)
    ? data.errors
        .map((e: { message?: unknown; field?: unknown; code?: unknown }) =>
          typeof e?.message === "string"
            ? e.message
            : `${String(e?.field ?? "")} ${String(e?.code ?? "")}`.trim(),
        )
        .filter(Boolean)
    : [];
  const message = typeof data?.message === "string" ? data.message : (error.message ?? "");
  return errors.length > 0 ? `${message}: ${errors.join("; ")}` : message;
}

/** Runs one call; an HTTP refusal becomes a GitHubApiError saying why and what would help. */
async function hooksCall<T>(what: string, repo: RepoRef, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    const e = (typeof error === "object" && error !== null ? error : {}) as HttpErrorLike;
    const status = typeof e.status === "number" ? e.status : undefined;
    const said = githubMessage(e);
    let advice = "";
    if (status === 403 && !/rate limit/i.test(said)) {
      const wanted =
        permissionsWanted(e.response?.headers?.["x-accepted-github-permissions"]) ?? "Webhooks: write";
      // Listing asks only for read, but the run's hook is made and deleted: write is what it lacks.
      const needed = wanted === "Webhooks: read" ? "Webhooks: write" : wanted;
      advice = `; the token lacks the repository permission ${needed}. Use ${TOKEN_HELP}`;
    } else if (status === 404) {
      advice = `; either ${repo.owner}/${repo.repo} is not visible to this token or the token may not administer its webhooks (a classic personal access token needs the admin:repo_hook scope and a user with admin rights on the repository). Use ${TOKEN_HELP}`;
    } else if (status === 401) {
      advice = "; the token is not valid (expired or revoked?)";
    }
    const answered = status === undefined ? "" : `GitHub answered ${status}: `;
    throw new GitHubApiError(`could not ${what}: ${answered}${said}${advice}`, status, { cause: error });
  }
}

interface RestHook {
  id: number;
  active: boolean;
  events: string[];
  created_at: string;
  config: { url?: string | undefined };
}

const toHook = (h: RestHook): RepoHook => ({
  id: h.id,
  url: h.config.url ?? "",
  events: h.events,
  active: h.active,
  createdAt: h.created_at,
});

interface RestDelivery {
  id: number;
  guid: string;
  delivered_at: string;
  redelivery: boolean;
  duration: number;
  status: string;
  status_code: number;
  event: string;
  action: string | null;
}

const toDelivery = (d: RestDelivery): HookDelivery => ({
  id: d.id,
  guid: d.guid,
  deliveredAt: d.delivered_at,
  redelivery: d.redelivery,
  durationMs: Math.round(d.duration * 1000),
  status: d.status,
  statusCode: d.status_code,
  event: d.event,
  action: d.action ?? undefined,
});

class OctokitHooksApi implements RepoHooksApi {
  readonly #octokit: Octokit;
  constructor(octokit: Octokit) {
    this.#octokit = octokit;
  }

  createHook(repo: RepoRef, hook: NewRepoHook): Promise<RepoHook> {
    return hooksCall("create the repository webhook", repo, async () => {
      const { data } = await this.#octokit.rest.repos.createWebhook({
        ...repo,
        name: "web",
        active: true,
        events: [...hook.events],
        config: { url: hook.url, content_type: "json", secret: hook.secret, insecure_ssl: "0" },
      });
      return toHook(data);
    });
  }

  updateHookUrl(repo: RepoRef, hookId: number, config: Omit<NewRepoHook, "events">): Promise<void> {
    return hooksCall(`change the URL of the repository webhook ${hookId}`, repo, async () => {
      // The whole hook, not PATCH .../config: a top-level `url` parameter would be taken by
      // Octokit as the request's own URL. The secret is given again, or GitHub would drop it.
      await this.#octokit.rest.repos.updateWebhook({
        ...repo,
        hook_id: hookId,
        config: { url: config.url, content_type: "json", secret: config.secret, insecure_ssl: "0" },
      });
    });
  }

  listHooks(repo: RepoRef): Promise<RepoHook[]> {
    return hooksCall("list the repository's webhooks", repo, async () => {
      const hooks = await this.#octokit.paginate(this.#octokit.rest.repos.listWebhooks, {
        ...repo,
        per_page: 100,
      });
      return hooks.map(toHook);
    });
  }

  async deleteHook(repo: RepoRef, hookId: number): Promise<"deleted" | "gone"> {
    try {
      await hooksCall(`delete the repository webhook ${hookId}`, repo, () =>
        this.#octokit.rest.repos.deleteWebhook({ ...repo, hook_id: hookId }),
      );
      return "deleted";
    } catch (error) {
      if (error instanceof GitHubApiError && error.status === 404) return "gone";
      throw error;
    }
  }

  listDeliveries(repo: RepoRef, hookId: number, limit: number): Promise<HookDelivery[]> {
    return hooksCall("read the webhook's deliveries", repo, async () => {
      const out: HookDelivery[] = [];
      const pages = this.#octokit.paginate.iterator(this.#octokit.rest.repos.listWebhookDeliveries, {
        ...repo,
        hook_id: hookId,
        per_page: Math.min(100, limit),
      });
      for await (const page of pages) {
        for (const d of page.data) out.push(toDelivery(d));
        if (out.length >= limit) break;
      }
      return out.slice(0, limit);
    });
  }

  getDelivery(repo: RepoRef, hookId: number, deliveryId: number): Promise<HookDeliveryDetail> {
    return hooksCall("read a webhook delivery", repo, async () => {
      const { data } = await this.#octokit.rest.repos.getWebhookDelivery({
        ...repo,
        hook_id: hookId,
        delivery_id: deliveryId,
      });
      const payload = (data.response as { payload?: unknown } | undefined)?.payload;
      return {
        ...toDelivery(data),
        responseBody:
          typeof payload === "string" ? payload : payload == null ? undefined : JSON.stringify(payload),
      };
    });
  }

  redeliver(repo: RepoRef, hookId: number, deliveryId: number): Promise<void> {
    return hooksCall("redeliver a webhook delivery", repo, async () => {
      await this.#octokit.rest.repos.redeliverWebhookDelivery({
        ...repo,
        hook_id: hookId,
        delivery_id: deliveryId,
      });
    });
  }
}

export function createHooksApi(options: GitHubClientOptions): RepoHooksApi {
  return new OctokitHooksApi(createOctokit(options));
}
