/** Parsers of the publishing inputs (the PR comment and the deployment). Pure. */
import { InputError } from "../../errors.js";
import {
  COMMENT_MODES,
  type CommentMode,
  ENVIRONMENT_MAX,
  ENVIRONMENT_PLACEHOLDERS,
  type PublishSettings,
} from "../../github/settings.js";
import { parseBoolean, parseChoice } from "../../util/parse.js";
import type { PublishInputName } from "../inputs/github.js";
import type { InputReader } from "../inputs/reader.js";

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
  return parseChoice(input, raw, COMMENT_MODES);
}

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
export function parsePublishInputs(inputs: InputReader<PublishInputName>): PublishSettings {
  return {
    token: inputs.readOrDefault("github-token", parseToken),
    comment: inputs.readOrDefault("comment", parseBoolean),
    commentKey: inputs.readOrDefault("comment-key", parseCommentKey),
    commentMode: inputs.readOrDefault("comment-mode", parseCommentMode),
    deployment: inputs.readOrDefault("deployment", parseBoolean),
    environment: inputs.readOrDefault("environment", parseEnvironment),
  };
}
