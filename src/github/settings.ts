/** How the preview is published to the pull request: the sticky comment and the deployment. */
import { type NamedSecret, namedSecrets } from "../util/secrets.js";

export const COMMENT_MODES = ["update", "recreate", "minimize-old"] as const;
export type CommentMode = (typeof COMMENT_MODES)[number];

/** GitHub's limit for an environment name. */
export const ENVIRONMENT_MAX = 255;
/** Replaced in the environment name: by the pull request number and the branch name. */
export const ENVIRONMENT_PLACEHOLDERS = ["<number>", "<ref>"] as const;

export interface PublishSettings {
  /** undefined: no token, so nothing is published (e.g. the CLI outside Actions). A secret. */
  readonly token: string | undefined;
  readonly comment: boolean;
  readonly commentKey: string;
  readonly commentMode: CommentMode;
  readonly deployment: boolean;
  /** Environment name, possibly with `<number>` / `<ref>` placeholders (see environmentName). */
  readonly environment: string;
}

/** The token, named: to mask before anything is logged. */
export function namedPublishSecrets(settings: PublishSettings): NamedSecret[] {
  return namedSecrets(['input "github-token"', settings.token]);
}
