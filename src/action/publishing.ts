/**
 * Builds the publisher of a run: the Publisher (the GitHub context, an API client if there is a
 * token), the relay's status uploader for pull requests from forks (`publish`), or both.
 */

import {
  loadGitHubApi,
  type PublishContext,
  Publisher,
  type PublisherSnapshot,
  type PublishRecord,
  readPublishContext,
  tokenReadOnlyForFork,
} from "../github/index.js";
import type { PublishSettings } from "../github/settings.js";
import type { PreviewPublisher } from "../pipeline/context.js";
import type { RelayRecord, RelayStatusPublisher } from "../relay/index.js";
import type { PublishRoute } from "../relay/settings.js";
import type { Logger } from "../util/logger.js";

export interface PublishingOptions {
  readonly settings: PublishSettings;
  readonly logger: Logger;
  readonly onRecord?: (record: PublishRecord, snapshot: PublisherSnapshot) => void;
  /** Redacts the run's secrets from what is published. */
  readonly redact?: (text: string) => string;
  readonly resume?: PublisherSnapshot;
  /** Read from the environment when not given. */
  readonly context?: PublishContext | undefined;
  /** GitHub refused the token (401/403) for the comment or the deployment. */
  readonly onForbidden?: () => void;
}

export async function createPublisher(options: PublishingOptions): Promise<Publisher> {
  const { settings, logger } = options;
  const context = "context" in options ? options.context : await readPublishContext(process.env, { logger });
  const api =
    settings.token && context
      ? // No cancellation signal: a cancelled run must still mark its deployment and comment.
        await loadGitHubApi({ token: settings.token, apiUrl: context.apiUrl, logger })
      : undefined;
  const publisher: Publisher = new Publisher({
    api,
    context,
    settings,
    logger,
    redact: options.redact,
    resume: options.resume,
    onRecord: (record) => options.onRecord?.(record, publisher.snapshot()),
    onForbidden: options.onForbidden,
  });
  return publisher;
}

export interface RunPublishingOptions extends Omit<PublishingOptions, "context" | "onForbidden"> {
  /** The `publish` input. */
  readonly route: PublishRoute;
  /** The runner's environment: the event, and the artifact service's token for the relay. */
  readonly env: NodeJS.ProcessEnv;
  /** The run's cancellation: a cancelled preview's last status says so. */
  readonly signal: AbortSignal;
  /** The statuses go to the relay workflow, the preview is here: saved for the post step. */
  readonly onRelay?: (record: RelayRecord) => void;
}

export interface RunPublishing {
  readonly publisher: PreviewPublisher;
  /** The relay's status publisher, when statuses may go to the relay workflow. */
  readonly relay: RelayStatusPublisher | undefined;
}

/**
 * The run's publisher, as `publish` says: `direct`, the Publisher; `relay`, or `auto` on a pull
 * request from a fork (a read-only token), the status uploader for the relay workflow; `auto`
 * otherwise, both: the Publisher, and the uploader once GitHub refuses the token.
 */
export async function createRunPublisher(options: RunPublishingOptions): Promise<RunPublishing> {
  const { route, logger, env, settings } = options;
  const context = await readPublishContext(env, { logger });
  const forked = context !== undefined && tokenReadOnlyForFork(context);
  const relayOnly = route === "relay" || (route === "auto" && forked);
  // A fallback is for a pull request's preview only: the relay publishes nothing else.
  if (!relayOnly && (route === "direct" || !context?.pullRequest)) {
    return { publisher: await createPublisher({ ...options, context }), relay: undefined };
  }
  // Loaded only when statuses may go to the relay workflow.
  const { forkStatusPublisher, withRelayFallback } = await import("../relay/index.js");
  const pr = context?.pullRequest;
  const relay = forkStatusPublisher({
    commentKey: settings.commentKey,
    pullRequest: pr && { number: pr.number, headSha: pr.headSha },
    env,
    logger,
    active: relayOnly,
    signal: options.signal,
    onRecord: options.onRelay,
  });
  if (relayOnly) {
    logger.info(
      forked
        ? "This pull request comes from a fork, so the workflow's token is read-only: the preview's status goes to the relay workflow (`mode: relay`) as artifacts, which publishes the comment and deployment. The URL is also in the step's `url` output and the job summary."
        : "publish: relay: the preview's status goes to the relay workflow (`mode: relay`) as artifacts, which publishes the comment and deployment.",
    );
    return { publisher: relay, relay };
  }
  let handedOver = false;
  const handOver = () => {
    if (!handedOver) {
      logger.info(
        "publish: auto: from now on the preview's status goes to the relay workflow (`mode: relay`) as artifacts.",
      );
    }
    handedOver = true;
    relay.activate();
  };
  const direct = await createPublisher({ ...options, context, onForbidden: handOver });
  return { publisher: withRelayFallback(direct, relay), relay };
}
