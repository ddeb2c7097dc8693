/**
 * Parsers of the temporary GitHub webhook's inputs. Pure: the event names are checked against
 * GitHub's list (the scenarios part's, loaded only by a run that has a webhook) and the hook's
 * secret is made when resolving.
 */
import { InputError } from "../../errors.js";
import type { GithubWebhookInputName } from "../inputs/github-webhook.js";
import type { InputReader } from "../inputs/reader.js";
import { webhookPrefixProblem } from "./gate.js";
import { parseToken } from "./github.js";

/**
 * The webhook's settings as parsed; `events` empty: no webhook. A field left undefined was
 * invalid or missing (its problem is reported): the events are still checked when resolving.
 */
export interface ParsedGithubWebhook {
  readonly events: readonly string[];
  readonly path: string | undefined;
  readonly token: string | undefined;
  readonly secretEnv: string | undefined;
}

const EVENT_NAME = /^(?:\*|[a-z][a-z0-9_]*)$/;

/** "push, pull_request" (commas, spaces or lines) -> ["push", "pull_request"]; "" -> []. */
export function parseWebhookEvents(input: string, raw: string): string[] {
  const names = raw.split(/[\s,]+/).filter((name) => name !== "");
  for (const name of names) {
    if (EVENT_NAME.test(name)) continue;
    const event = name.split(".")[0] ?? "";
    if (name.includes(".") && EVENT_NAME.test(event)) {
      throw new InputError(
        input,
        raw,
        `subscribes to events, not actions: write "${event}" instead of "${name}" (an expect-deliveries scenario can name ${name})`,
      );
    }
    throw new InputError(
      input,
      raw,
      `must list GitHub event names (lower case, separated by commas or lines, e.g. "push, pull_request, issue_comment") or "*" for all; "${name}" is not one`,
    );
  }
  return [...new Set(names)];
}

/** A path on the preview, e.g. /webhooks/github ("/webhooks/github/" means the same). */
export function parseWebhookPath(input: string, raw: string): string {
  const value = raw.trim();
  const problem = webhookPrefixProblem(value);
  if (problem !== undefined)
    throw new InputError(input, raw, `must be a path ${problem}, e.g. "/webhooks/github"`);
  return value.length > 1 ? value.replace(/\/+$/, "") : value;
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function parseSecretEnvName(input: string, raw: string): string {
  const value = raw.trim();
  if (!ENV_NAME.test(value)) {
    throw new InputError(
      input,
      raw,
      'must be the name of an environment variable (letters, digits and "_", not starting with a digit), e.g. "GITHUB_WEBHOOK_SECRET"',
    );
  }
  return value;
}

const TOKEN_NEEDED =
  "is required when github-webhook is set: a fine-grained personal access token or a GitHub App installation token (e.g. from actions/create-github-app-token) with the repository permission Webhooks: write; the workflow's GITHUB_TOKEN cannot manage webhooks";

/**
 * Reads the webhook's inputs; undefined when the events are invalid. A missing token or
 * repository (GITHUB_REPOSITORY, where the hook is made) is reported too.
 */
export function parseGithubWebhookInputs(
  inputs: InputReader<GithubWebhookInputName>,
  env: Readonly<Record<string, string | undefined>>,
): ParsedGithubWebhook | undefined {
  // One by one, so every problem is reported at once.
  const events = inputs.read("github-webhook", parseWebhookEvents);
  const path = inputs.read("github-webhook-path", parseWebhookPath);
  const token = inputs.readAll({ token: ["github-webhook-token", parseToken] });
  const secretEnv = inputs.read("github-webhook-secret-env", parseSecretEnvName);
  if (events === undefined) return undefined;
  // No webhook: a token given anyway is not wanted.
  if (events.length === 0) return { events, path, token: undefined, secretEnv };
  if (token !== undefined && token.token === undefined) {
    inputs.report("github-webhook-token", new InputError("github-webhook-token", "", TOKEN_NEEDED));
  }
  if (!/^[^/\s]+\/[^/\s]+$/.test(env.GITHUB_REPOSITORY ?? "")) {
    inputs.report(
      "github-webhook",
      new InputError(
        "github-webhook",
        inputs.raw("github-webhook"),
        "needs the repository to make the webhook in: GITHUB_REPOSITORY (owner/name), which GitHub Actions sets, is not set; outside Actions set it yourself",
      ),
    );
  }
  return { events, path, token: token?.token, secretEnv };
}
