/**
 * The few GitHub API calls publishing needs, as an interface: the comment, deployment and
 * publisher logic is tested against in-memory fakes, and only client.ts knows Octokit.
 */

export interface RepoRef {
  readonly owner: string;
  readonly repo: string;
}

export interface IssueComment {
  /** REST id (what the comment-id output and the REST endpoints use). */
  readonly id: number;
  /** GraphQL node id (what minimizeComment takes). */
  readonly nodeId: string;
  readonly body: string;
  /** Login of the author as REST reports it (bots end in "[bot]"); undefined for a deleted user. */
  readonly author: string | undefined;
  readonly url: string | undefined;
}

export interface NewDeployment {
  /** Commit SHA the deployment is for (the PR head, so it shows on the pull request). */
  readonly ref: string;
  readonly environment: string;
  readonly description: string;
}

export type DeploymentState = "in_progress" | "success" | "failure" | "error" | "inactive";

export interface NewDeploymentStatus {
  readonly state: DeploymentState;
  readonly description: string;
  readonly logUrl: string | undefined;
  readonly environmentUrl: string | undefined;
}

export interface GitHubApi {
  /** Login of the token's own identity ("github-actions[bot]" for the default token). */
  viewerLogin(): Promise<string>;
  /** Every comment of an issue or pull request, all pages, oldest first. */
  listIssueComments(repo: RepoRef, issueNumber: number): Promise<IssueComment[]>;
  createIssueComment(repo: RepoRef, issueNumber: number, body: string): Promise<IssueComment>;
  updateIssueComment(repo: RepoRef, commentId: number, body: string): Promise<IssueComment>;
  deleteIssueComment(repo: RepoRef, commentId: number): Promise<void>;
  /** Which of these comments are already minimized (so they are not minimized again). */
  minimizedComments(nodeIds: readonly string[]): Promise<Set<string>>;
  /** Hides a comment as outdated. */
  minimizeComment(nodeId: string): Promise<void>;
  createDeployment(repo: RepoRef, deployment: NewDeployment): Promise<{ readonly id: number }>;
  createDeploymentStatus(repo: RepoRef, deploymentId: number, status: NewDeploymentStatus): Promise<void>;
}

/** A failed call, with the HTTP status when there was one; the token is never part of it. */
export class GitHubApiError extends Error {
  constructor(
    message: string,
    /** HTTP status; undefined for network errors and GraphQL errors in a 200 response. */
    readonly status: number | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "GitHubApiError";
  }

  /** The token may not do this (read-only token, missing `permissions`, bad token). */
  get forbidden(): boolean {
    return (this.status === 401 || this.status === 403) && !this.rateLimited;
  }

  get rateLimited(): boolean {
    return /rate limit/i.test(this.message);
  }
}
