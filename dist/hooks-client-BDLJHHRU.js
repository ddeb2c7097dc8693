import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import {
  createOctokit
} from "./chunk-D4HHA7UA.js";
import "./chunk-7YWQCBFD.js";
import {
  GitHubApiError
} from "./chunk-APRB5VJX.js";
import "./chunk-NR726SSU.js";
import "./chunk-RIQZ67RY.js";
import "./chunk-PGICO5ZK.js";

// src/github/hooks-client.ts
var PERMISSION_NAMES = { repository_hooks: "Webhooks" };
var TOKEN_HELP = "a fine-grained personal access token or a GitHub App installation token (e.g. from actions/create-github-app-token) with the repository permission Webhooks: write; the workflow's GITHUB_TOKEN cannot manage webhooks";
function permissionsWanted(header) {
  if (!header) return void 0;
  const names = header.split(/[,;]/).map((part) => part.trim()).filter(Boolean).map((part) => {
    const [name = "", level = ""] = part.split("=");
    return `${PERMISSION_NAMES[name] ?? name}${level ? `: ${level}` : ""}`;
  });
  return names.length > 0 ? names.join(" or ") : void 0;
}
function githubMessage(error) {
  const data = error.response?.data;
  const errors = Array.isArray(data?.errors) ? data.errors.map(
    (e) => typeof e?.message === "string" ? e.message : `${String(e?.field ?? "")} ${String(e?.code ?? "")}`.trim()
  ).filter(Boolean) : [];
  const message = typeof data?.message === "string" ? data.message : error.message ?? "";
  return errors.length > 0 ? `${message}: ${errors.join("; ")}` : message;
}
async function hooksCall(what, repo, fn) {
  try {
    return await fn();
  } catch (error) {
    const e = typeof error === "object" && error !== null ? error : {};
    const status = typeof e.status === "number" ? e.status : void 0;
    const said = githubMessage(e);
    let advice = "";
    if (status === 403 && !/rate limit/i.test(said)) {
      const wanted = permissionsWanted(e.response?.headers?.["x-accepted-github-permissions"]) ?? "Webhooks: write";
      const needed = wanted === "Webhooks: read" ? "Webhooks: write" : wanted;
      advice = `; the token lacks the repository permission ${needed}. Use ${TOKEN_HELP}`;
    } else if (status === 404) {
      advice = `; either ${repo.owner}/${repo.repo} is not visible to this token or the token may not administer its webhooks (a classic personal access token needs the admin:repo_hook scope and a user with admin rights on the repository). Use ${TOKEN_HELP}`;
    } else if (status === 401) {
      advice = "; the token is not valid (expired or revoked?)";
    }
    const answered = status === void 0 ? "" : `GitHub answered ${status}: `;
    throw new GitHubApiError(`could not ${what}: ${answered}${said}${advice}`, status, { cause: error });
  }
}
var toHook = (h) => ({
  id: h.id,
  url: h.config.url ?? "",
  events: h.events,
  active: h.active,
  createdAt: h.created_at
});
var toDelivery = (d) => ({
  id: d.id,
  guid: d.guid,
  deliveredAt: d.delivered_at,
  redelivery: d.redelivery,
  durationMs: Math.round(d.duration * 1e3),
  status: d.status,
  statusCode: d.status_code,
  event: d.event,
  action: d.action ?? void 0
});
var OctokitHooksApi = class {
  #octokit;
  constructor(octokit) {
    this.#octokit = octokit;
  }
  createHook(repo, hook) {
    return hooksCall("create the repository webhook", repo, async () => {
      const { data } = await this.#octokit.rest.repos.createWebhook({
        ...repo,
        name: "web",
        active: true,
        events: [...hook.events],
        config: { url: hook.url, content_type: "json", secret: hook.secret, insecure_ssl: "0" }
      });
      return toHook(data);
    });
  }
  updateHookUrl(repo, hookId, config) {
    return hooksCall(`change the URL of the repository webhook ${hookId}`, repo, async () => {
      await this.#octokit.rest.repos.updateWebhook({
        ...repo,
        hook_id: hookId,
        config: { url: config.url, content_type: "json", secret: config.secret, insecure_ssl: "0" }
      });
    });
  }
  listHooks(repo) {
    return hooksCall("list the repository's webhooks", repo, async () => {
      const hooks = await this.#octokit.paginate(this.#octokit.rest.repos.listWebhooks, {
        ...repo,
        per_page: 100
      });
      return hooks.map(toHook);
    });
  }
  async deleteHook(repo, hookId) {
    try {
      await hooksCall(
        `delete the repository webhook ${hookId}`,
        repo,
        () => this.#octokit.rest.repos.deleteWebhook({ ...repo, hook_id: hookId })
      );
      return "deleted";
    } catch (error) {
      if (error instanceof GitHubApiError && error.status === 404) return "gone";
      throw error;
    }
  }
  listDeliveries(repo, hookId, limit) {
    return hooksCall("read the webhook's deliveries", repo, async () => {
      const out = [];
      const pages = this.#octokit.paginate.iterator(this.#octokit.rest.repos.listWebhookDeliveries, {
        ...repo,
        hook_id: hookId,
        per_page: Math.min(100, limit)
      });
      for await (const page of pages) {
        for (const d of page.data) out.push(toDelivery(d));
        if (out.length >= limit) break;
      }
      return out.slice(0, limit);
    });
  }
  getDelivery(repo, hookId, deliveryId) {
    return hooksCall("read a webhook delivery", repo, async () => {
      const { data } = await this.#octokit.rest.repos.getWebhookDelivery({
        ...repo,
        hook_id: hookId,
        delivery_id: deliveryId
      });
      const payload = data.response?.payload;
      return {
        ...toDelivery(data),
        responseBody: typeof payload === "string" ? payload : payload == null ? void 0 : JSON.stringify(payload)
      };
    });
  }
  redeliver(repo, hookId, deliveryId) {
    return hooksCall("redeliver a webhook delivery", repo, async () => {
      await this.#octokit.rest.repos.redeliverWebhookDelivery({
        ...repo,
        hook_id: hookId,
        delivery_id: deliveryId
      });
    });
  }
};
function createHooksApi(options) {
  return new OctokitHooksApi(createOctokit(options));
}
export {
  createHooksApi,
  permissionsWanted
};
