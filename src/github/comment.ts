/**
 * The sticky pull request comment: one per preview key, found again on every run and
 * updated in place (or recreated / minimized, per `comment-mode`).
 *
 * Earlier comments are recognised by the hidden marker AND the author being the token's own
 * identity: anyone can paste the marker into a comment, and we must never edit, delete or
 * hide someone else's.
 */

import type { Logger } from "../util/logger.js";
import { type GitHubApi, GitHubApiError, type IssueComment, type RepoRef } from "./api.js";
import { commentMarker } from "./comment-body.js";
import type { CommentMode } from "./settings.js";

/** Identity of the default GITHUB_TOKEN, assumed when the token's login cannot be read. */
export const ACTIONS_BOT = "github-actions[bot]";

export interface StickyCommentOptions {
  readonly api: GitHubApi;
  readonly repo: RepoRef;
  readonly issueNumber: number;
  readonly key: string;
  readonly mode: CommentMode;
  readonly logger: Logger;
  /** The comment this run already posted (e.g. saved by the main step and read in post). */
  readonly commentId?: number | undefined;
}

export class StickyComment {
  private id: number | undefined;

  constructor(private readonly options: StickyCommentOptions) {
    this.id = options.commentId;
  }

  get commentId(): number | undefined {
    return this.id;
  }

  /**
   * Shows `body`: updates this run's comment, or on the first call deals with earlier ones
   * as the mode says. Throws GitHubApiError when the comment itself cannot be written;
   * trouble with earlier comments is only a warning.
   */
  async publish(body: string): Promise<number> {
    if (this.id !== undefined) {
      try {
        return (await this.options.api.updateIssueComment(this.options.repo, this.id, body)).id;
      } catch (error) {
        // Someone deleted it while the preview was up: post it again.
        if (!(error instanceof GitHubApiError && error.status === 404)) throw error;
        this.options.logger.info("The preview comment was deleted; posting it again.");
        return this.create(body);
      }
    }
    const earlier = await this.earlierComments();
    const { api, repo, mode, logger } = this.options;
    const first = earlier[0];
    if (mode === "update" && first) {
      if (earlier.length > 1)
        logger.debug(`${earlier.length} earlier preview comments; updating the oldest.`);
      this.id = first.id;
      return (await api.updateIssueComment(repo, first.id, body)).id;
    }
    // New comment first: if posting fails, the earlier ones stay as they are.
    const id = await this.create(body);
    if (mode === "recreate") await this.deleteAll(earlier);
    if (mode === "minimize-old") await this.minimizeAll(earlier);
    return id;
  }

  private async create(body: string): Promise<number> {
    const created = await this.options.api.createIssueComment(
      this.options.repo,
      this.options.issueNumber,
      body,
    );
    this.id = created.id;
    return created.id;
  }

  /** Our own earlier comments with this key, oldest first. */
  private async earlierComments(): Promise<IssueComment[]> {
    const { api, repo, issueNumber, key } = this.options;
    const login = await this.ownLogin();
    const marker = commentMarker(key);
    const comments = await api.listIssueComments(repo, issueNumber);
    const marked = comments.filter((c) => c.body.includes(marker));
    const ours = marked.filter((c) => c.author !== undefined && sameLogin(c.author, login));
    if (ours.length < marked.length) {
      this.options.logger.debug(
        `Ignoring ${marked.length - ours.length} comment(s) carrying the preview marker that ${login} did not write.`,
      );
    }
    return ours;
  }

  /**
   * GraphQL `viewer { login }` works for personal tokens, GitHub App installation tokens and
   * the default GITHUB_TOKEN alike (REST GET /user refuses installation tokens). If it fails
   * anyway, assume the default token, the common case: a wrong guess only means a new
   * comment instead of an update, never someone else's comment changed (GitHub refuses it).
   */
  private async ownLogin(): Promise<string> {
    try {
      return await this.options.api.viewerLogin();
    } catch (error) {
      if (error instanceof GitHubApiError && error.forbidden) throw error;
      this.options.logger.debug(
        `${error instanceof Error ? error.message : String(error)}; assuming the token is ${ACTIONS_BOT}.`,
      );
      return ACTIONS_BOT;
    }
  }

  private async deleteAll(comments: readonly IssueComment[]): Promise<void> {
    for (const comment of comments) {
      try {
        await this.options.api.deleteIssueComment(this.options.repo, comment.id);
      } catch (error) {
        this.options.logger.warning(`${(error as Error).message} (comment ${comment.id}).`);
      }
    }
  }

  private async minimizeAll(comments: readonly IssueComment[]): Promise<void> {
    if (comments.length === 0) return;
    const { api, logger } = this.options;
    // Each run would otherwise minimize every earlier comment again (one write each).
    const already = await api.minimizedComments(comments.map((c) => c.nodeId)).catch((error: Error) => {
      logger.debug(`${error.message}; minimizing all earlier comments.`);
      return new Set<string>();
    });
    for (const comment of comments) {
      if (already.has(comment.nodeId)) continue;
      try {
        await api.minimizeComment(comment.nodeId);
      } catch (error) {
        logger.warning(`${(error as Error).message} (comment ${comment.id}).`);
      }
    }
  }
}

/**
 * REST reports bots as "name[bot]"; GraphQL sometimes as "name". Logins are
 * case-insensitive.
 */
export function sameLogin(a: string, b: string): boolean {
  const norm = (login: string) => login.toLowerCase().replace(/\[bot\]$/, "");
  const botA = /\[bot\]$/i.test(a);
  const botB = /\[bot\]$/i.test(b);
  if (botA === botB) return a.toLowerCase() === b.toLowerCase();
  return norm(a) === norm(b);
}
