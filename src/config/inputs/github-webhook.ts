/** Inputs of the run's temporary GitHub webhook: GitHub's own deliveries to the preview. */
import { DEFAULT_WEBHOOK_PATH, DEFAULT_WEBHOOK_SECRET_ENV } from "../../github/settings.js";
import type { InputSpec } from "./reader.js";

export const GITHUB_WEBHOOK_INPUTS = {
  "github-webhook": {
    description:
      "Events a temporary repository webhook subscribes to for the length of the run, so GitHub itself delivers them to the preview, e.g. `push, pull_request, issue_comment` (comma or newline separated; `*` for all). GitHub's ping must be answered 2xx; `expect-deliveries` scenarios check later deliveries. Needs `github-webhook-token`. Empty: no webhook.",
    default: "",
    placeholder: "<events>",
  },
  "github-webhook-path": {
    description:
      "Path on the preview GitHub delivers to; the gate verifies GitHub's signature there (as `verify-webhooks` would).",
    default: DEFAULT_WEBHOOK_PATH,
    placeholder: "<path>",
  },
  "github-webhook-token": {
    description:
      "Token that creates and deletes the temporary webhook: a fine-grained personal access token or a GitHub App installation token (e.g. from `actions/create-github-app-token`) with the repository permission Webhooks: write. The workflow's `GITHUB_TOKEN` cannot manage webhooks.",
    default: "",
    placeholder: "<token>",
  },
  "github-webhook-secret-env": {
    description:
      "Environment variable the app gets the webhook's secret in (made for the run and masked), to verify `X-Hub-Signature-256` with.",
    default: DEFAULT_WEBHOOK_SECRET_ENV,
    placeholder: "<NAME>",
  },
} as const satisfies Record<string, InputSpec>;

export type GithubWebhookInputName = keyof typeof GITHUB_WEBHOOK_INPUTS;
