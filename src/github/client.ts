/**
 * The real GitHubApi: Octokit from @actions/github (which brings the runner's proxy
 * settings) with the retry and throttling plugins, the combination GitHub recommends for
 * Actions (as peter-evans/create-pull-request does).
 *
 * - 5xx, 429 and network errors are retried by plugin-retry (after 1 s, 4 s, 9 s); each
 *   attempt has a deadline, and the caller's abort signal stops everything at once.
 * - Primary and secondary rate limits are handled by plugin-throttling: we log a warning and
 *   retry a bounded number of times, waiting what GitHub says (retry-after / the reset
 *   time), but never longer than `maxRateLimitWaitSeconds`: a preview is not worth holding a
 *   job for an hour.
 * - Writes are spaced as GitHub asks of integrations (plugin-throttling: 1 s between
 *   mutations, 3 s between notification-triggering ones such as comments).
 */
import { getOctokit } from "@actions/github";
import { defaults } from "@actions/github/lib/utils";
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import type { Logger } from "../util/logger.js";
import {
  type GitHubApi,
  GitHubApiError,
  type IssueComment,
  type NewDeployment,
  type NewDeploymentStatus,
  type RepoRef,
} from "./api.js";

export interface GitHubClientOptions {
  /** A secret: goes only into the Authorization header. */
  readonly token: string;
  /** GITHUB_API_URL: https://api.github.com, or https://HOST/api/v3 on GitHub Enterprise Server. */
  readonly apiUrl: string;
  readonly logger: Logger;
  /**
   * Aborts requests in flight and stops retrying (e.g. when teardown must finish before the
   * runner's SIGKILL).
   */
  readonly signal?: AbortSignal;
  /** Longest one attempt of a request may take (a hung connection is retried). Default 20 s. */
  readonly attemptTimeoutMs?: number;
  /** Retries of 5xx/429/network errors. Default 3. */
  readonly retries?: number;
  /** Retries after hitting a rate limit. Default 2. */
  readonly rateLimitRetries?: number;
  /** Longest wait for a rate limit to lift before giving up on the call. Default 60 s. */
  readonly maxRateLimitWaitSeconds?: number;
  /** How long one second of a retry delay lasts, in ms. Default 1000; tests shrink it. */
  readonly retryUnitMs?: number;
  /**
   * "github": space writes as GitHub asks. "none": no spacing, for tests and end-to-end runs
   * against a local fake. Default: "none" when the API is on loopback (GitHub never is),
   * else "github".
   */
  readonly pacing?: "github" | "none";
}

type Octokit = ReturnType<typeof getOctokit>;

export function createGitHubApi(options: GitHubClientOptions): GitHubApi {
  return new OctokitGitHubApi(createOctokit(options));
}

export function createOctokit(options: GitHubClientOptions): Octokit {
  const { logger } = options;
  const unit = options.retryUnitMs ?? 1000;
  const rateLimitRetries = options.rateLimitRetries ?? 2;
  const maxWait = options.maxRateLimitWaitSeconds ?? 60;
  const onLimit =
    (kind: string) =>
    (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
      const call = `${request.method} ${request.url}`;
      if (retryCount < rateLimitRetries && retryAfter <= maxWait) {
        logger.warning(
          `GitHub API ${kind} hit (${call}); retrying in ${retryAfter}s (retry ${retryCount + 1} of ${rateLimitRetries}).`,
        );
        return true;
      }
      logger.warning(
        `GitHub API ${kind} hit (${call}); giving up on this call${retryAfter > maxWait ? ` (it would have to wait ${retryAfter}s)` : ""}.`,
      );
      return false;
    };
  return getOctokit(
    options.token,
    {
      baseUrl: options.apiUrl.replace(/\/+$/, ""),
      // @actions/github's proxy-aware transport (passing `request` replaces its defaults).
      request: { ...defaults.request },
      retry: { retries: options.retries ?? 3, retryAfterBaseValue: unit },
      throttle: {
        onRateLimit: onLimit("rate limit"),
        onSecondaryRateLimit: onLimit("secondary rate limit"),
        retryAfterBaseValue: unit,
        ...((options.pacing ?? defaultPacing(options.apiUrl)) === "none"
          ? { write: unpaced, notifications: unpaced }
          : {}),
      },
      log: {
        debug: (m: string) => logger.debug(m),
        info: (m: string) => logger.debug(m),
        warn: (m: string) => logger.info(m),
        error: (m: string) => logger.info(m),
      },
    },
    // First, so it wraps each attempt inside the retries rather than all of them.
    attemptLimit(options.attemptTimeoutMs ?? 20_000, options.signal),
    retry,
    throttling,
  );
}

type Plugin = Parameters<typeof getOctokit>[2];
type RequestOptions = { request?: Record<string, unknown> };
type Hook = {
  wrap(
    name: "request",
    hook: (request: () => Promise<unknown>, options: RequestOptions) => Promise<unknown>,
  ): void;
};

/**
 * Gives each attempt a deadline (Octokit has none, and undici's is minutes) combined with
 * the caller's abort signal. Once the caller aborted, the error is not an Octokit
 * RequestError, so plugin-retry does not retry it.
 */
function attemptLimit(timeoutMs: number, signal: AbortSignal | undefined): NonNullable<Plugin> {
  return ((octokit: { hook: Hook }) => {
    octokit.hook.wrap("request", async (request, options) => {
      if (signal?.aborted) throw new Error("the request was cancelled");
      const deadline = AbortSignal.timeout(timeoutMs);
      // Every hook of a request shares this options object (the inner ones are already
      // bound to it), so the signal is set on it rather than passed along.
      options.request = {
        ...options.request,
        signal: signal ? AbortSignal.any([signal, deadline]) : deadline,
      };
      try {
        return await request();
      } catch (error) {
        if (signal?.aborted) throw new Error("the request was cancelled", { cause: error });
        throw error;
      }
    });
    return {};
  }) as unknown as NonNullable<Plugin>;
}

function defaultPacing(apiUrl: string): "github" | "none" {
  try {
    const host = new URL(apiUrl).hostname;
    return host === "127.0.0.1" || host === "localhost" || host === "[::1]" ? "none" : "github";
  } catch {
    return "github";
  }
}

/**
 * A stand-in for a Bottleneck group that runs jobs at once. plugin-throttling only calls
 * `key(id).schedule(options, fn, ...args)` on its groups.
 */
const unpaced = {
  key: () => ({
    schedule: (_options: unknown, fn: (...args: unknown[]) => unknown, ...args: unknown[]) =>
      Promise.resolve(fn(...args)),
  }),
} as unknown as NonNullable<NonNullable<Parameters<typeof getOctokit>[1]>["throttle"]>["write"];

interface RestComment {
  id: number;
  node_id: string;
  body?: string | undefined;
  html_url?: string | undefined;
  user: { login: string } | null;
}

const toComment = (c: RestComment): IssueComment => ({
  id: c.id,
  nodeId: c.node_id,
  body: c.body ?? "",
  author: c.user?.login,
  url: c.html_url,
});

/** Most ids a GraphQL `nodes` query takes at once. */
const NODES_PAGE = 100;

class OctokitGitHubApi implements GitHubApi {
  constructor(private readonly octokit: Octokit) {}

  viewerLogin(): Promise<string> {
    // GraphQL `viewer` answers for every kind of token; REST GET /user is refused to
    // installation tokens such as the default GITHUB_TOKEN ("Resource not accessible by
    // integration").
    return apiCall("read the token's login", async () => {
      const result = await this.octokit.graphql<{ viewer: { login: string } }>("query { viewer { login } }");
      return result.viewer.login;
    });
  }

  listIssueComments(repo: RepoRef, issueNumber: number): Promise<IssueComment[]> {
    return apiCall("list the pull request's comments", async () => {
      const comments = await this.octokit.paginate(this.octokit.rest.issues.listComments, {
        ...repo,
        issue_number: issueNumber,
        per_page: 100,
      });
      return comments.map(toComment);
    });
  }

  createIssueComment(repo: RepoRef, issueNumber: number, body: string): Promise<IssueComment> {
    return apiCall("create the pull request comment", async () => {
      const { data } = await this.octokit.rest.issues.createComment({
        ...repo,
        issue_number: issueNumber,
        body,
      });
      return toComment(data);
    });
  }

  updateIssueComment(repo: RepoRef, commentId: number, body: string): Promise<IssueComment> {
    return apiCall("update the pull request comment", async () => {
      const { data } = await this.octokit.rest.issues.updateComment({ ...repo, comment_id: commentId, body });
      return toComment(data);
    });
  }

  deleteIssueComment(repo: RepoRef, commentId: number): Promise<void> {
    return apiCall("delete the earlier pull request comment", async () => {
      await this.octokit.rest.issues.deleteComment({ ...repo, comment_id: commentId });
    });
  }

  minimizedComments(nodeIds: readonly string[]): Promise<Set<string>> {
    return apiCall("read which comments are minimized", async () => {
      const minimized = new Set<string>();
      for (let i = 0; i < nodeIds.length; i += NODES_PAGE) {
        const result = await this.octokit.graphql<{
          nodes: ({ id: string; isMinimized?: boolean } | null)[];
        }>("query($ids: [ID!]!) { nodes(ids: $ids) { ... on IssueComment { id isMinimized } } }", {
          ids: nodeIds.slice(i, i + NODES_PAGE),
        });
        for (const node of result.nodes) if (node?.isMinimized) minimized.add(node.id);
      }
      return minimized;
    });
  }

  minimizeComment(nodeId: string): Promise<void> {
    return apiCall("minimize the earlier pull request comment", async () => {
      await this.octokit.graphql(
        "mutation($id: ID!) { minimizeComment(input: {subjectId: $id, classifier: OUTDATED}) { minimizedComment { isMinimized } } }",
        { id: nodeId },
      );
    });
  }

  createDeployment(repo: RepoRef, deployment: NewDeployment): Promise<{ id: number }> {
    return apiCall("create the deployment", async () => {
      const response = await this.octokit.rest.repos.createDeployment({
        ...repo,
        ref: deployment.ref,
        environment: deployment.environment,
        description: deployment.description,
        // A preview must not merge the default branch into the PR, wait for commit
        // statuses, or pose as production; "transient" lets GitHub show it as destroyed
        // once it is inactive.
        auto_merge: false,
        required_contexts: [],
        transient_environment: true,
        production_environment: false,
      });
      // 202 means GitHub merged or is merging instead of deploying (only with auto_merge).
      if (!("id" in response.data)) {
        throw new GitHubApiError(`no deployment was created: ${response.data.message ?? "202"}`, 202);
      }
      return { id: response.data.id };
    });
  }

  createDeploymentStatus(repo: RepoRef, deploymentId: number, status: NewDeploymentStatus): Promise<void> {
    return apiCall(`set the deployment status to ${status.state}`, async () => {
      await this.octokit.rest.repos.createDeploymentStatus({
        ...repo,
        deployment_id: deploymentId,
        state: status.state,
        description: status.description,
        ...(status.logUrl ? { log_url: status.logUrl } : {}),
        ...(status.environmentUrl ? { environment_url: status.environmentUrl } : {}),
      });
    });
  }
}

/** Runs one call, turning Octokit's errors into GitHubApiError("could not <what>: ..."). */
export async function apiCall<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof GitHubApiError)
      throw new GitHubApiError(`could not ${what}: ${error.message}`, error.status);
    const status = statusOf(error);
    const message = error instanceof Error ? error.message : String(error);
    throw new GitHubApiError(`could not ${what}: ${status ? `HTTP ${status}: ` : ""}${message}`, status, {
      cause: error,
    });
  }
}

function statusOf(error: unknown): number | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  if ("status" in error && typeof error.status === "number") return error.status;
  // GraphQL answers 200 with errors; a FORBIDDEN one means what a REST 403 means.
  if ("errors" in error && Array.isArray(error.errors)) {
    if (error.errors.some((e: { type?: unknown }) => e?.type === "FORBIDDEN")) return 403;
  }
  return undefined;
}
