/**
 * Publishing the preview to the pull request: the context of the run, the publisher, and the
 * API client, which is loaded (Octokit and its plugins) only when there is a token to publish with.
 * The run's temporary repository webhook: its manager, and its API client (loaded likewise).
 */
import type { GitHubApi } from "./api.js";
import type { GitHubClientOptions } from "./client.js";
import type { RepoHooksApi } from "./hooks-api.js";

export { type GitHubApi, GitHubApiError, type RepoRef } from "./api.js";
export type { GitHubClientOptions } from "./client.js";
export {
  type PublishContext,
  type RunRepository,
  readPublishContext,
  readRunRepository,
  tokenReadOnlyForFork,
} from "./context.js";
export { environmentName } from "./deployment.js";
export type { HookDelivery, RepoHooksApi } from "./hooks-api.js";
export {
  Publisher,
  type PublisherOptions,
  type PublisherSnapshot,
  type PublishRecord,
  type SignIn,
} from "./publisher.js";
export type { PublishSettings } from "./settings.js";
export {
  type CreatedHook,
  type PingOutcome,
  removeHook,
  type WebhookHooks,
  webhookHooks,
} from "./webhook-hook.js";

/** The REST/GraphQL client (Octokit with retries and throttling), loaded now. */
export async function loadGitHubApi(options: GitHubClientOptions): Promise<GitHubApi> {
  return (await import("./client.js")).createGitHubApi(options);
}

/** client.ts: Octokit with retries and throttling, its error-wrapping `apiCall`, the publishing API. */
export type GitHubClientModule = typeof import("./client.js");

/** Loads client.ts now, for callers that make calls beyond publishing (the relay). */
export async function loadGitHubClient(): Promise<GitHubClientModule> {
  return import("./client.js");
}

/** The repository-webhook client (Octokit with retries and throttling), loaded now. */
export async function loadHooksApi(options: GitHubClientOptions): Promise<RepoHooksApi> {
  return (await import("./hooks-client.js")).createHooksApi(options);
}
