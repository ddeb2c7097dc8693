/**
 * Resolving the GitHub sign-in's settings: the repository whose access decides (the input,
 * else the workflow's), whether it is public and who authored the pull request (the event
 * payload, read with the publish context's own reader), and where GitHub is
 * (GITHUB_SERVER_URL / GITHUB_API_URL, for GitHub Enterprise Server).
 */
import { InputError } from "../../errors.js";
import {
  type GithubSignInSettings,
  githubSignInSettings,
  githubUrlsFromEnv,
} from "../../gate/github-signin/index.js";
import { readRunRepository } from "../../github/index.js";
import type { Logger } from "../../util/logger.js";
import type { InputReader } from "../inputs/reader.js";
import type { SignInInputName } from "../inputs/signin.js";
import type { ParsedSignIn } from "../parse/signin.js";

const quiet = () => undefined;
/** An unreadable payload is warned about by publishing, which reads it too. */
const SILENT: Logger = {
  info: quiet,
  warning: quiet,
  error: quiet,
  debug: quiet,
  startGroup: quiet,
  endGroup: quiet,
  write: quiet,
};

export function resolveSignIn(
  parsed: ParsedSignIn | undefined,
  inputs: InputReader<SignInInputName>,
  env: Readonly<Record<string, string | undefined>>,
): GithubSignInSettings | undefined {
  if (parsed === undefined) return undefined;
  const run = readRunRepository(env, { logger: SILENT });
  const workflowRepository = run && { owner: run.repo.owner, name: run.repo.repo };
  const repository = parsed.repository ?? workflowRepository;
  if (repository === undefined) {
    inputs.report(
      "github-repository",
      new InputError(
        "github-repository",
        "",
        'is needed with "auth: github" outside a GitHub Actions run (GITHUB_REPOSITORY is not set): the repository whose access decides who gets in, as "owner/name", e.g. "octo/app"',
      ),
    );
    return undefined;
  }
  const same =
    workflowRepository !== undefined &&
    `${repository.owner}/${repository.name}`.toLowerCase() ===
      `${workflowRepository.owner}/${workflowRepository.name}`.toLowerCase();
  return githubSignInSettings({
    clientId: parsed.clientId,
    repository,
    // Another repository's visibility is not in the payload: public is the cautious guess
    // (`read` is then warned about as meaning everyone).
    repositoryIsPublic: same ? !run?.isPrivate : true,
    pullRequestAuthor: run?.pullRequestAuthor,
    allow: parsed.allow,
    sessionTtlMs: parsed.sessionTtlMs,
    ...githubUrlsFromEnv(env),
  });
}
