/**
 * What publishing needs to know about the workflow run, read once from the runner's
 * environment and the event payload (GITHUB_EVENT_PATH).
 */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import type { Logger } from "../util/logger.js";
import type { RepoRef } from "./api.js";

export interface PullRequestInfo {
  readonly number: number;
  /** Head commit of the pull request: the deployment's ref. */
  readonly headSha: string;
  /** Head branch name, e.g. "feature/login". */
  readonly headRef: string;
  readonly baseRef: string;
  /**
   * The head branch lives in another repository (or one since deleted). On `pull_request`
   * the token is then read-only, so nothing can be published.
   */
  readonly fromFork: boolean;
  /** Login of the pull request's author (`pull_request.user.login`). */
  readonly author?: string | undefined;
}

export interface PublishContext {
  readonly eventName: string;
  readonly repo: RepoRef;
  /** https://github.com or the Enterprise Server's URL; for links. */
  readonly serverUrl: string;
  /** GITHUB_API_URL. */
  readonly apiUrl: string;
  /** undefined on events without a pull request (push, workflow_dispatch, ...). */
  readonly pullRequest: PullRequestInfo | undefined;
  /** Commit the deployment is for: the PR head, else GITHUB_SHA. */
  readonly sha: string;
  /**
   * Commit checked out in the workspace, i.e. what the preview serves. On `pull_request`
   * that is the test merge commit GITHUB_SHA, not the head. Falls back to `sha`.
   */
  readonly servedSha: string;
  /** `servedSha` is GitHub's test merge of the PR head into its base (`pull_request` checkouts). */
  readonly servedIsTestMerge: boolean;
  /** Branch (or tag) name: the PR head branch, else GITHUB_REF_NAME. */
  readonly ref: string;
  /**
   * The repository is private (or internal). False when the payload does not say: anything
   * that must not be public is then treated as public.
   */
  readonly isPrivate: boolean;
  /** Link to this workflow run (and attempt). */
  readonly runUrl: string;
}

export interface ContextDeps {
  readonly logger: Logger;
  /** Reads the event payload file. */
  readonly readFile?: (path: string) => string;
  /** `git rev-parse HEAD` in the workspace; undefined when it is not a git checkout. */
  readonly gitHead?: () => Promise<string | undefined>;
}

const PR_EVENTS_WITH_READ_ONLY_FORK_TOKEN = new Set([
  "pull_request",
  "pull_request_review",
  "pull_request_review_comment",
]);

/** The workflow's repository as the runner and the event payload describe it. */
export interface RunRepository {
  readonly repo: RepoRef;
  /** Private or internal; false when the payload does not say. */
  readonly isPrivate: boolean;
  /** Login of the pull request's author; undefined on events without a pull request. */
  readonly pullRequestAuthor: string | undefined;
}

/**
 * What the GitHub sign-in needs to know of the run (read while building the Config):
 * the repository, whether it is private, the pull request's author. Undefined outside a
 * GitHub Actions run. Read from the same payload, with the same rules, as the publish context.
 */
export function readRunRepository(
  env: Readonly<Record<string, string | undefined>>,
  deps: Pick<ContextDeps, "logger" | "readFile">,
): RunRepository | undefined {
  const run = readRun(env, deps);
  if (run === undefined) return undefined;
  return {
    repo: { owner: run.owner, repo: run.repo },
    isPrivate: isPrivateRepository(run.event),
    pullRequestAuthor: pullRequestOf(run.event, `${run.owner}/${run.repo}`)?.author,
  };
}

function readRun(
  env: Readonly<Record<string, string | undefined>>,
  deps: Pick<ContextDeps, "logger" | "readFile">,
): { readonly owner: string; readonly repo: string; readonly event: unknown } | undefined {
  const [owner, repo, ...rest] = (env.GITHUB_REPOSITORY ?? "").split("/");
  if (!owner || !repo || rest.length > 0) return undefined;
  return { owner, repo, event: readEvent(env.GITHUB_EVENT_PATH, deps) };
}

function isPrivateRepository(event: unknown): boolean {
  return booleanAt(event, "repository", "private") === true;
}

/**
 * Builds the context from the runner's variables; undefined when not inside a GitHub
 * Actions run (e.g. the CLI on a laptop), where nothing is published.
 */
export async function readPublishContext(
  env: NodeJS.ProcessEnv,
  deps: ContextDeps,
): Promise<PublishContext | undefined> {
  const run = readRun(env, deps);
  if (run === undefined) return undefined;
  const { owner, repo, event } = run;
  const eventName = env.GITHUB_EVENT_NAME ?? "";
  const serverUrl = (env.GITHUB_SERVER_URL || "https://github.com").replace(/\/+$/, "");
  const apiUrl = (env.GITHUB_API_URL || "https://api.github.com").replace(/\/+$/, "");
  const githubSha = env.GITHUB_SHA ?? "";

  const pullRequest = pullRequestOf(event, `${owner}/${repo}`);
  const sha = pullRequest?.headSha || githubSha;
  const head = await (deps.gitHead ?? (() => gitHead(env.GITHUB_WORKSPACE)))().catch(() => undefined);

  if (eventName === "pull_request_target" && pullRequest && head) {
    const mergeSha = stringAt(event, "pull_request", "merge_commit_sha");
    if (head === pullRequest.headSha || (mergeSha !== undefined && head === mergeSha)) {
      deps.logger.warning(
        `DANGER: this workflow runs on "pull_request_target" and the workspace has the pull request's own code checked out (${head.slice(0, 7)}). ` +
          "That code now runs with this repository's secrets and a write token, so anyone who can open a pull request can take them. " +
          'Run previews of pull request code on "pull_request" instead; its token is read-only on pull requests from forks, and preview-tunnel then skips publishing.',
      );
    }
  }

  const servedSha = head || githubSha || sha;
  const runId = env.GITHUB_RUN_ID ?? "";
  const attempt = Number(env.GITHUB_RUN_ATTEMPT ?? "1");
  const runUrl = `${serverUrl}/${owner}/${repo}/actions/runs/${runId}${attempt > 1 ? `/attempts/${attempt}` : ""}`;

  return {
    eventName,
    repo: { owner, repo },
    serverUrl,
    apiUrl,
    pullRequest,
    sha,
    servedSha,
    servedIsTestMerge:
      pullRequest !== undefined &&
      servedSha === githubSha &&
      servedSha !== pullRequest.headSha &&
      eventName === "pull_request",
    ref:
      pullRequest?.headRef ||
      env.GITHUB_REF_NAME ||
      (env.GITHUB_REF ?? "").replace(/^refs\/(heads|tags)\//, ""),
    isPrivate: isPrivateRepository(event),
    runUrl,
  };
}

/**
 * The token is read-only on pull requests from forks for these events; on
 * `pull_request_target` it is not (the workflow comes from the base branch).
 */
export function tokenReadOnlyForFork(context: PublishContext): boolean {
  return context.pullRequest?.fromFork === true && PR_EVENTS_WITH_READ_ONLY_FORK_TOKEN.has(context.eventName);
}

function readEvent(path: string | undefined, deps: Pick<ContextDeps, "logger" | "readFile">): unknown {
  if (!path) return {};
  try {
    return JSON.parse((deps.readFile ?? ((p) => readFileSync(p, "utf8")))(path));
  } catch (error) {
    deps.logger.warning(
      `Could not read the event payload ${path} (${error instanceof Error ? error.message : String(error)}); publishing as if there were no pull request.`,
    );
    return {};
  }
}

function pullRequestOf(event: unknown, baseRepo: string): PullRequestInfo | undefined {
  const number = valueAt(event, "pull_request", "number");
  const headSha = stringAt(event, "pull_request", "head", "sha");
  if (typeof number !== "number" || !headSha) return undefined;
  const headRepo = stringAt(event, "pull_request", "head", "repo", "full_name");
  const base = stringAt(event, "pull_request", "base", "repo", "full_name") ?? baseRepo;
  return {
    number,
    headSha,
    headRef: stringAt(event, "pull_request", "head", "ref") ?? "",
    baseRef: stringAt(event, "pull_request", "base", "ref") ?? "",
    // A deleted head repository shows as null: treat it as a fork (the safe side).
    fromFork: headRepo === undefined || headRepo.toLowerCase() !== base.toLowerCase(),
    author: stringAt(event, "pull_request", "user", "login"),
  };
}

function valueAt(value: unknown, ...keys: string[]): unknown {
  let current = value;
  for (const key of keys) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function stringAt(value: unknown, ...keys: string[]): string | undefined {
  const found = valueAt(value, ...keys);
  return typeof found === "string" ? found : undefined;
}

function booleanAt(value: unknown, ...keys: string[]): boolean | undefined {
  const found = valueAt(value, ...keys);
  return typeof found === "boolean" ? found : undefined;
}

/** `git rev-parse HEAD` in the workspace, with a short timeout; undefined when it fails. */
export function gitHead(cwd: string | undefined): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile("git", ["rev-parse", "HEAD"], { cwd: cwd || process.cwd(), timeout: 5000 }, (error, stdout) => {
      const sha = stdout.trim();
      resolve(error || !/^[0-9a-f]{40,64}$/.test(sha) ? undefined : sha);
    });
  });
}
