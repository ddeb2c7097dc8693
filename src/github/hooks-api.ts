/**
 * The repository-webhook calls a temporary hook needs, as an interface: the manager
 * (webhook-hook.ts) is tested against the local fake GitHub through the real client, and
 * only hooks-client.ts knows Octokit.
 */
import type { RepoRef } from "./api.js";

export interface RepoHook {
  readonly id: number;
  /** config.url as GitHub keeps it (query string included). */
  readonly url: string;
  readonly events: readonly string[];
  readonly active: boolean;
  /** ISO time GitHub created it. */
  readonly createdAt: string;
}

export interface NewRepoHook {
  readonly url: string;
  /** Signs every delivery (X-Hub-Signature-256); GitHub never shows it again. */
  readonly secret: string;
  readonly events: readonly string[];
}

/** One attempt in a hook's delivery log (a redelivery is an attempt of its own, same guid). */
export interface HookDelivery {
  readonly id: number;
  /** X-GitHub-Delivery: shared by a delivery and its redeliveries. */
  readonly guid: string;
  readonly deliveredAt: string;
  readonly redelivery: boolean;
  /** GitHub's `duration` (seconds) in ms. */
  readonly durationMs: number;
  /** "OK", "Invalid HTTP Response: 500", "failed to connect to host", "timed out"... */
  readonly status: string;
  /** The app's HTTP status; 0 when GitHub got no HTTP answer. */
  readonly statusCode: number;
  readonly event: string;
  readonly action: string | undefined;
}

export interface HookDeliveryDetail extends HookDelivery {
  /** The app's response body as GitHub recorded it (may be cut by GitHub). */
  readonly responseBody: string | undefined;
}

export interface RepoHooksApi {
  createHook(repo: RepoRef, hook: NewRepoHook): Promise<RepoHook>;
  /** Changes where the hook delivers (its config's URL); the secret is given again so it is kept. */
  updateHookUrl(repo: RepoRef, hookId: number, config: Omit<NewRepoHook, "events">): Promise<void>;
  /** Every hook of the repository (all pages). */
  listHooks(repo: RepoRef): Promise<RepoHook[]>;
  /** "gone" when GitHub answers 404 (deleted already). */
  deleteHook(repo: RepoRef, hookId: number): Promise<"deleted" | "gone">;
  /** Newest first, at most `limit` (GitHub keeps them for 3 days). */
  listDeliveries(repo: RepoRef, hookId: number, limit: number): Promise<HookDelivery[]>;
  getDelivery(repo: RepoRef, hookId: number, deliveryId: number): Promise<HookDeliveryDetail>;
  /** Asks GitHub to send the delivery again (it answers 202 and sends it soon after). */
  redeliver(repo: RepoRef, hookId: number, deliveryId: number): Promise<void>;
}
