/**
 * The relay's two front doors, for the action's entries to call:
 * - forkStatusPublisher(): in the preview job, when it cannot publish (a fork, a read-only
 *   token, `publish: relay`), a stand-in for the Publisher that uploads status artifacts;
 * - runRelayAction(): `mode: relay`, in the `workflow_run` job that publishes them.
 * Nothing heavy is loaded here: @actions/artifact only at the first upload, the relay itself
 * (with yauzl and the REST calls) only in `mode: relay`.
 */
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { loadGitHubClient } from "../github/index.js";
import type { Logger } from "../util/logger.js";
import type { PublishSettings, RelayOutcome } from "./relay.js";
import type { RelaySettings } from "./settings.js";
import { type RelayRecord, RelayStatusPublisher } from "./status-publisher.js";
import { loadArtifactStore, StatusUploader } from "./upload.js";

export type { RelayOutcome } from "./relay.js";
export { DEFAULT_RELAY_SETTINGS, KNOWN_TUNNEL_DOMAINS, type RelaySettings } from "./settings.js";
export { type RelayRecord, RelayStatusPublisher } from "./status-publisher.js";

export interface ForkStatusOptions {
  /** The comment key (one series of statuses per preview of the job). */
  readonly commentKey: string;
  /** From the preview job's own event (PublishContext.pullRequest): compared by the relay, never used. */
  readonly pullRequest?: { readonly number: number; readonly headSha: string } | undefined;
  readonly env: NodeJS.ProcessEnv;
  readonly logger: Logger;
  /** false for `publish: auto`: upload only after activate() (GitHub refused the token). */
  readonly active?: boolean;
  /** Longest teardown waits for the last upload. Default 5 s. */
  readonly finalTimeoutMs?: number;
  /** The run's cancellation: once aborted, the series ends as "cancelled" (not failed). */
  readonly signal?: AbortSignal | undefined;
  /** Where the preview is, for the post step to finish the series if this process is killed. */
  readonly onRecord?: (record: RelayRecord) => void;
}

/** The preview job's status publisher for the relay workflow. */
export function forkStatusPublisher(options: ForkStatusOptions): RelayStatusPublisher {
  const { env } = options;
  const attempt = Number(env.GITHUB_RUN_ATTEMPT || "1");
  const uploader = new StatusUploader({
    store: () => loadArtifactStore({ tempDir: env.RUNNER_TEMP || tmpdir(), env }),
    key: options.commentKey,
    attempt: Number.isInteger(attempt) && attempt > 0 ? attempt : 1,
    logger: options.logger,
  });
  return new RelayStatusPublisher({
    sink: uploader,
    pullRequest: options.pullRequest?.number,
    headSha: options.pullRequest?.headSha,
    active: options.active,
    finalTimeoutMs: options.finalTimeoutMs,
    signal: options.signal,
    onRecord: options.onRecord,
  });
}

/**
 * The post step, after the process running the preview was killed while it uploaded statuses:
 * the last status of the series (where the preview was, then failed and stopped).
 */
export async function finishForkStatus(
  options: ForkStatusOptions & { readonly record: RelayRecord; readonly reason: string },
): Promise<void> {
  // Told the whole story before it uploads, so it goes out as one last status.
  const publisher = forkStatusPublisher({ ...options, active: false });
  const { url, provider } = options.record;
  if (url) await publisher.live({ url, provider: provider ?? "tunnel" });
  await publisher.failed(options.reason);
  await publisher.stopped();
  publisher.activate();
  await publisher.settled();
}

/** The calls the pipeline makes on a publisher (pipeline/context.ts PreviewPublisher). */
export interface PublisherCalls {
  starting(): Promise<void>;
  live(info: {
    readonly url: string;
    readonly provider: string;
    readonly signIn?: { readonly method: string; readonly where?: string; readonly oneClickUrl?: string };
  }): Promise<void>;
  testsDone(result: { readonly passed: number; readonly total: number }): Promise<void>;
  failed(reason: string): Promise<void>;
  stopped(): Promise<void>;
  settled(): Promise<void>;
}

/**
 * `publish: auto`: every call goes to both; the relay publisher (created with `active: false`)
 * uploads only once activated, which the Publisher's `onForbidden` does.
 */
export function withRelayFallback(publisher: PublisherCalls, relay: RelayStatusPublisher): PublisherCalls {
  const both = async (a: Promise<void>, b: Promise<void>) => {
    await Promise.all([a, b]);
  };
  return {
    starting: () => both(publisher.starting(), relay.starting()),
    live: (info) => both(publisher.live(info), relay.live(info)),
    testsDone: (result) => both(publisher.testsDone(result), relay.testsDone(result)),
    failed: (reason) => both(publisher.failed(reason), relay.failed(reason)),
    stopped: () => both(publisher.stopped(), relay.stopped()),
    settled: () => both(publisher.settled(), relay.settled()),
  };
}

export interface RelayActionOptions {
  readonly settings: RelaySettings;
  /** github-token, comment, comment-mode, deployment, environment (comment-key is settings.commentKey). */
  readonly publish: PublishSettings;
  readonly env: NodeJS.ProcessEnv;
  readonly logger: Logger;
  /** Aborted on SIGINT/SIGTERM: the relay stops following and returns. */
  readonly signal?: AbortSignal;
}

/**
 * `mode: relay`: reads the workflow_run event and publishes the preview run's statuses. Throws
 * (for the step to fail) only when it cannot work at all: the wrong event, no token.
 */
export async function runRelayAction(options: RelayActionOptions): Promise<RelayOutcome | undefined> {
  const { env, logger, publish } = options;
  // Loaded here: the fork side (above) never needs the relay, yauzl or the REST calls.
  const [{ parseRelayEvent }, { runRelay }, { createRelayApi }] = await Promise.all([
    import("./event.js"),
    import("./relay.js"),
    import("./api.js"),
  ]);
  const eventName = env.GITHUB_EVENT_NAME ?? "";
  let payload: unknown = {};
  if (env.GITHUB_EVENT_PATH) payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, "utf8"));
  const event = parseRelayEvent(eventName, payload);
  if (typeof event === "string") {
    if (eventName !== "workflow_run") throw new Error(`Input "mode" is "relay", but ${event}.`);
    logger.info(`Relay: ${event}.`);
    return undefined;
  }
  if (!publish.token) {
    throw new Error(
      'Input "github-token" is empty: the relay needs a token with `actions: read`, `pull-requests: write` and `deployments: write`.',
    );
  }
  const apiUrl = (env.GITHUB_API_URL || "https://api.github.com").replace(/\/+$/, "");
  const client = { token: publish.token, apiUrl, logger, signal: options.signal };
  return runRelay(
    {
      event,
      settings: options.settings,
      publish: { ...publish, commentKey: options.settings.commentKey },
      serverUrl: env.GITHUB_SERVER_URL || "https://github.com",
      apiUrl,
    },
    {
      api: await createRelayApi(client),
      github: (await loadGitHubClient()).createGitHubApi(client),
      logger,
      signal: options.signal,
    },
  );
}
