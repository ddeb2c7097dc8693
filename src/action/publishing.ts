/** Builds the Publisher for this run: the GitHub context, an API client if there is a token. */

import {
  loadGitHubApi,
  Publisher,
  type PublisherSnapshot,
  type PublishRecord,
  readPublishContext,
} from "../github/index.js";
import type { PublishSettings } from "../github/settings.js";
import type { Logger } from "../util/logger.js";

export interface PublishingOptions {
  readonly settings: PublishSettings;
  readonly logger: Logger;
  readonly onRecord?: (record: PublishRecord, snapshot: PublisherSnapshot) => void;
  /** Redacts the run's secrets from what is published. */
  readonly redact?: (text: string) => string;
  readonly resume?: PublisherSnapshot;
}

export async function createPublisher(options: PublishingOptions): Promise<Publisher> {
  const { settings, logger } = options;
  const context = await readPublishContext(process.env, { logger });
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
  });
  return publisher;
}
