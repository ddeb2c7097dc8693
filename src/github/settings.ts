/**
 * How the preview is published to the pull request (the sticky comment and the deployment), and
 * the run's temporary repository webhook.
 */
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

/** Where GitHub delivers on the preview, unless `github-webhook-path` says otherwise. */
export const DEFAULT_WEBHOOK_PATH = "/webhooks/github";
/** The app's variable holding the hook's secret, unless `github-webhook-secret-env` says otherwise. */
export const DEFAULT_WEBHOOK_SECRET_ENV = "GITHUB_WEBHOOK_SECRET";

/** The run's temporary repository webhook (`github-webhook`): GitHub's own deliveries to the preview. */
export interface GithubWebhookSettings {
  /** Events it subscribes to (`*`: all). */
  readonly events: readonly string[];
  /** Path on the preview GitHub delivers to (the gate verifies GitHub's signature there). */
  readonly path: string;
  /** A token with the repository permission Webhooks: write. A secret. */
  readonly token: string;
  /** Signs GitHub's deliveries; made for the run. A secret. */
  readonly secret: string;
  /** The app's environment variable holding `secret`. */
  readonly secretEnv: string;
  /** Tells this preview's hooks from others' of the repository (the comment key). */
  readonly key: string;
}

/** The hook's token and secret, named: to mask before anything is logged. */
export function namedGithubWebhookSecrets(settings: GithubWebhookSettings | undefined): NamedSecret[] {
  return namedSecrets(
    ['input "github-webhook-token"', settings?.token],
    [`the GitHub webhook secret in ${settings?.secretEnv ?? ""}`, settings?.secret],
  );
}

/** What the app (and scenarios signing for the same path) get: the hook's secret under its name. */
export function githubWebhookEnv(settings: GithubWebhookSettings | undefined): Record<string, string> {
  return settings ? { [settings.secretEnv]: settings.secret } : {};
}
