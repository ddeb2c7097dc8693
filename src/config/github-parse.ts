/**
 * Inputs of the publishing part (PR comment and deployment): their documentation and
 * parsers. getConfig reads them through `collectPublishSettings`, so every invalid input of
 * the run is reported together with the others.
 */

import { InputError } from "../errors.js";
import { parseBoolean } from "../util/parse.js";
import type { InputSpec } from "./names.js";
import { InputReader } from "./reader.js";

export const PUBLISH_INPUTS = {
  "github-token": {
    description:
      "Token used to post the pull request comment and the deployment. Needs `pull-requests: write` (comment) and `deployments: write` (deployment) in the job's `permissions`.",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not JS
    default: "${{ github.token }}",
    placeholder: "<token>",
  },
  comment: {
    description:
      "Post a sticky comment on the pull request with the preview's URL, the commit it serves and its status, updated in place as the run goes (`true` or `false`).",
    default: "true",
    placeholder: "<true|false>",
  },
  "comment-key": {
    description:
      "Tells this preview's comment apart from others on the same pull request (e.g. one per app in a matrix): letters, digits, `.`, `_` and `-`.",
    default: "preview",
    placeholder: "<key>",
  },
  "comment-mode": {
    description:
      "What to do with this preview's comment from an earlier run: `update` it in place, `recreate` it (delete and post a new one, so it comes last), or `minimize-old` (hide the earlier one as outdated and post a new one).",
    default: "update",
    placeholder: "<update|recreate|minimize-old>",
  },
  deployment: {
    description:
      "Create a GitHub deployment for the preview (shown on the pull request with a link to the URL; marked inactive at teardown) (`true` or `false`).",
    default: "true",
    placeholder: "<true|false>",
  },
  environment: {
    description:
      "Deployment environment: `<number>` is replaced by the pull request number and `<ref>` by the branch name. Without a pull request (push, workflow_dispatch) a name containing `<number>` becomes `preview-<ref>`.",
    default: "pr-<number>",
    placeholder: "<name>",
  },
} as const satisfies Record<string, InputSpec>;

export type PublishInputName = keyof typeof PUBLISH_INPUTS;

export const PUBLISH_OUTPUTS = {
  "comment-id": "ID of the pull request comment showing the preview (empty when none was posted).",
  "deployment-id": "ID of the GitHub deployment of the preview (empty when none was created).",
  environment: "Deployment environment of the preview (empty when no deployment was created).",
} as const satisfies Record<string, string>;

export const COMMENT_MODES = ["update", "recreate", "minimize-old"] as const;
export type CommentMode = (typeof COMMENT_MODES)[number];

/** How the preview is published to the pull request. */
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

/**
 * The token arrives resolved from the runner. An unresolved `${{ ... }}` (the action.yml
 * default seen from the CLI) or an empty value means "no token". Its value is never put into
 * an error message.
 */
export function parseToken(input: string, raw: string): string | undefined {
  const value = raw.trim();
  if (value === "" || value.startsWith("${{")) return undefined;
  if (/\s/.test(value)) {
    throw new InputError(input, "***", "must be a single token without spaces or line breaks");
  }
  return value;
}

// The key goes into an HTML comment marker: no "--" (it would end the comment early) and
// nothing that needs escaping.
const COMMENT_KEY = /^[A-Za-z0-9._-]{1,64}$/;

export function parseCommentKey(input: string, raw: string): string {
  const value = raw.trim();
  if (!COMMENT_KEY.test(value) || value.includes("--")) {
    throw new InputError(
      input,
      raw,
      'must be 1 to 64 letters, digits, ".", "_" or "-" (without "--"), e.g. "preview" or "docs-site"',
    );
  }
  return value;
}

export function parseCommentMode(input: string, raw: string): CommentMode {
  const value = raw.trim().toLowerCase();
  if (!(COMMENT_MODES as readonly string[]).includes(value)) {
    throw new InputError(input, raw, `must be one of ${COMMENT_MODES.join(", ")}`);
  }
  return value as CommentMode;
}

/** GitHub's limit for an environment name. */
export const ENVIRONMENT_MAX = 255;
export const ENVIRONMENT_PLACEHOLDERS = ["<number>", "<ref>"] as const;
/** Room kept for a substituted `<number>` (PR numbers are far shorter). */
const NUMBER_ROOM = 12;
// Conservative: what the environments UI and the API's path segment take without escaping.
const ENVIRONMENT_TEXT = /^[A-Za-z0-9._ -]*$/;

export function parseEnvironment(input: string, raw: string): string {
  const value = raw.trim();
  const literal = value.replaceAll("<number>", "").replaceAll("<ref>", "");
  if (literal.includes("<") || literal.includes(">")) {
    throw new InputError(
      input,
      raw,
      `has an unknown placeholder: only ${ENVIRONMENT_PLACEHOLDERS.join(" and ")} are replaced`,
    );
  }
  if (!ENVIRONMENT_TEXT.test(literal) || value === "" || !/^[A-Za-z0-9<]/.test(value)) {
    throw new InputError(
      input,
      raw,
      'must start with a letter or digit and contain only letters, digits, spaces, ".", "_", "-" and the placeholders <number> and <ref>, e.g. "pr-<number>"',
    );
  }
  const numbers = value.split("<number>").length - 1;
  if (literal.length + numbers * NUMBER_ROOM > ENVIRONMENT_MAX) {
    throw new InputError(input, raw, `must be at most ${ENVIRONMENT_MAX} characters long`);
  }
  return value;
}

/**
 * Reads every publishing input; an invalid one is reported by the reader and its default
 * used here (the caller throws once every input has been read).
 */
export function collectPublishSettings(inputs: InputReader<PublishInputName>): PublishSettings {
  return {
    token: inputs.readOrDefault("github-token", parseToken),
    comment: inputs.readOrDefault("comment", parseBoolean),
    commentKey: inputs.readOrDefault("comment-key", parseCommentKey),
    commentMode: inputs.readOrDefault("comment-mode", parseCommentMode),
    deployment: inputs.readOrDefault("deployment", parseBoolean),
    environment: inputs.readOrDefault("environment", parseEnvironment),
  };
}

/** Reads every publishing input; throws one ConfigError naming all invalid ones. */
export function parsePublishSettings(
  source: (name: PublishInputName) => string | undefined,
): PublishSettings {
  const inputs = new InputReader(source, PUBLISH_INPUTS);
  const settings = collectPublishSettings(inputs);
  inputs.throwIfInvalid();
  return settings;
}
