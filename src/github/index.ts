/** Publishing the preview to the pull request: the context of the run, the API client, the publisher. */
export { createGitHubApi, type GitHubClientOptions } from "./client.js";
export { type PublishContext, readPublishContext } from "./context.js";
export {
  Publisher,
  type PublisherOptions,
  type PublisherSnapshot,
  type PublishRecord,
  type SignIn,
} from "./publisher.js";
export type { PublishSettings } from "./settings.js";
