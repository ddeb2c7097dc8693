/**
 * The one object the pipeline talks to about publishing: it keeps the PR comment and the
 * deployment in step with the preview's life. Publishing is a courtesy, never a reason to
 * fail a run: no method throws. When GitHub refuses (403 on a read-only token, a fork, a
 * missing `permissions:` entry) it says so once and stops trying that channel; other
 * errors are warnings.
 */

import { errorMessage } from "../errors.js";
import type { Logger } from "../util/logger.js";
import { type DeploymentState, type GitHubApi, GitHubApiError } from "./api.js";
import { StickyComment } from "./comment.js";
import {
  type CommentView,
  type PreviewPhase,
  type PreviewService,
  renderComment,
  type SignIn,
} from "./comment-body.js";
import type { PublishContext } from "./context.js";
import { tokenReadOnlyForFork } from "./context.js";
import { environmentName, PreviewDeployment } from "./deployment.js";
import type { PublishSettings } from "./settings.js";

export type { PreviewService, SignIn } from "./comment-body.js";

/** What was published, for the step outputs and the saved state. */
export interface PublishRecord {
  readonly commentId: number | undefined;
  readonly deploymentId: number | undefined;
  /** Set once a deployment exists. */
  readonly environment: string | undefined;
}

/**
 * Everything needed to carry on publishing from another process of the same run (the
 * post step after the supervisor died). JSON-safe; holds no secret (no one-click link).
 */
export interface PublisherSnapshot {
  readonly commentId?: number | undefined;
  readonly deploymentId?: number | undefined;
  readonly phase?: PreviewPhase | undefined;
  readonly url?: string | undefined;
  /** The URL is shown as text, not a link (see live()). */
  readonly urlUnverified?: boolean | undefined;
  readonly provider?: string | undefined;
  readonly tests?: { readonly passed: number; readonly total: number } | undefined;
  readonly failure?: string | undefined;
  readonly signIn?:
    | {
        readonly method: string;
        readonly where?: string | undefined;
        readonly noCredentials?: boolean | undefined;
      }
    | undefined;
  readonly services?: readonly PreviewService[] | undefined;
}

export interface PublisherOptions {
  /** undefined when there is no token: nothing is published. */
  readonly api: GitHubApi | undefined;
  /** undefined outside a GitHub Actions run: nothing is published. */
  readonly context: PublishContext | undefined;
  readonly settings: PublishSettings;
  readonly logger: Logger;
  readonly now?: () => Date;
  /**
   * Redacts the run's secrets (the run's SecretRegistry) from everything written to GitHub
   * except a one-click link on a private repository.
   */
  readonly redact?: (text: string) => string;
  /** Called as soon as a comment or deployment exists, so it can be saved for teardown. */
  readonly onRecord?: (record: PublishRecord) => void;
  readonly resume?: PublisherSnapshot;
  /**
   * Called once per channel when GitHub refuses it (401/403: a read-only token), e.g. to hand
   * the statuses to the relay workflow instead (`publish: auto`).
   */
  readonly onForbidden?: (channel: "comment" | "deployment") => void;
  /** The preview runs this fork's code (the relay publishing for it): the comment says so. */
  readonly fork?: { readonly repository: string } | undefined;
}

type Channel = "comment" | "deployment";

/** Longest failure text kept in a snapshot (saved state should stay small). */
const SNAPSHOT_FAILURE_MAX = 4000;

export class Publisher {
  private readonly enabled: Record<Channel, boolean> = { comment: false, deployment: false };
  private readonly comment: StickyComment | undefined;
  private readonly deployment: PreviewDeployment | undefined;
  private readonly environment: string | undefined;
  private readonly now: () => Date;
  private queue: Promise<void> = Promise.resolve();
  private lastRecord = "";
  private lastView = "";

  private phase: PreviewPhase | undefined;
  private url: string | undefined;
  private urlUnverified = false;
  private provider: string | undefined;
  private signIn: SignIn | undefined;
  private inspectorUrl: string | undefined;
  private tests: { passed: number; total: number } | undefined;
  private failure: string | undefined;
  private stoppedAt: Date | undefined;
  private services: readonly PreviewService[] | undefined;

  constructor(private readonly options: PublisherOptions) {
    const { api, context, settings, logger, resume } = options;
    this.now = options.now ?? (() => new Date());
    if (resume) {
      this.phase = resume.phase;
      this.url = resume.url;
      this.urlUnverified = resume.urlUnverified === true;
      this.provider = resume.provider;
      this.tests = resume.tests;
      this.failure = resume.failure;
      this.signIn = resume.signIn;
      this.services = resume.services;
    }
    const wanted = settings.comment || settings.deployment;
    if (!context) {
      if (wanted) logger.debug("Not in a GitHub Actions run: nothing is published to GitHub.");
      return;
    }
    if (!api) {
      if (wanted) {
        logger.warning(
          'No GitHub token (input "github-token" is empty): the preview is not published as a PR comment or deployment.',
        );
      }
      return;
    }
    if (tokenReadOnlyForFork(context)) {
      if (wanted) {
        logger.warning(
          "This pull request comes from a fork, so the workflow's token is read-only: the preview is not published as a PR comment or deployment. The preview and the tests run as usual; the URL is in the step's `url` output and the job summary.",
        );
      }
      return;
    }
    if (settings.comment && context.pullRequest) {
      this.enabled.comment = true;
      this.comment = new StickyComment({
        api,
        repo: context.repo,
        issueNumber: context.pullRequest.number,
        key: settings.commentKey,
        mode: settings.commentMode,
        logger,
        commentId: resume?.commentId,
      });
    } else if (settings.comment) {
      logger.debug(`No pull request on "${context.eventName}": no PR comment.`);
    }
    if (settings.deployment) {
      this.enabled.deployment = true;
      this.environment = environmentName(settings.environment, context);
      this.deployment = new PreviewDeployment({
        api,
        repo: context.repo,
        sha: context.sha,
        environment: this.environment,
        logUrl: context.runUrl,
        deploymentId: resume?.deploymentId,
      });
    }
  }

  /** Comment and deployment ids so far (undefined for what does not exist). */
  get record(): PublishRecord {
    const deploymentId = this.deployment?.deploymentId;
    return {
      commentId: this.comment?.commentId,
      deploymentId,
      environment: deploymentId === undefined ? undefined : this.environment,
    };
  }

  snapshot(): PublisherSnapshot {
    return {
      ...this.record,
      phase: this.phase,
      url: this.url,
      urlUnverified: this.urlUnverified || undefined,
      provider: this.provider,
      tests: this.tests,
      failure: this.failure?.slice(-SNAPSHOT_FAILURE_MAX),
      signIn: this.signIn && {
        method: this.signIn.method,
        where: this.signIn.where,
        noCredentials: this.signIn.noCredentials,
      },
      services: this.services,
    };
  }

  /** The app is booting: deployment in_progress, comment "starting". */
  starting(): Promise<void> {
    return this.step(() => {
      if (this.phase !== undefined) return undefined;
      this.phase = "starting";
      return { state: "in_progress", description: "Starting the preview" };
    });
  }

  /**
   * The preview is reachable: deployment success with its URL, comment "live". With
   * `linkUrl: false` (a URL the relay cannot vouch for) the comment shows the URL as text only
   * and the deployment gets none.
   */
  live(info: {
    readonly url: string;
    readonly provider: string;
    readonly signIn?: SignIn | undefined;
    readonly linkUrl?: boolean | undefined;
    readonly inspectorUrl?: string | undefined;
    /** Several services behind the preview: which path each one answers. */
    readonly services?: readonly PreviewService[] | undefined;
  }): Promise<void> {
    return this.step(() => {
      if (this.phase === "stopped") return undefined;
      this.phase = "live";
      this.url = info.url;
      this.urlUnverified = info.linkUrl === false;
      this.provider = info.provider;
      this.signIn = info.signIn;
      this.inspectorUrl = info.inspectorUrl;
      this.services = info.services;
      return {
        state: "success",
        description: `Preview via ${info.provider}`,
        environmentUrl: this.urlUnverified || !info.url ? undefined : info.url,
      };
    });
  }

  /** Test results: shown in the comment (the deployment stays as it is). */
  testsDone(result: { readonly passed: number; readonly total: number }): Promise<void> {
    return this.step(() => {
      if (this.phase === "stopped") return undefined;
      this.tests = { passed: result.passed, total: result.total };
      return "comment-only";
    });
  }

  /**
   * The run failed: deployment `failure` if the preview never came up, `error` if it broke
   * after it was live; the comment shows the reason. Teardown then calls stopped().
   */
  failed(reason: string): Promise<void> {
    return this.step(() => {
      if (this.phase === "stopped") return undefined;
      const wasLive = this.phase === "live";
      this.phase = "failed";
      this.failure = reason;
      return {
        state: wasLive ? "error" : "failure",
        description: reason.split("\n")[0] ?? "The run failed",
      };
    });
  }

  /** Teardown is done: deployment inactive, comment "stopped at <time>". Final. */
  stopped(): Promise<void> {
    return this.step(() => {
      if (this.phase === "stopped") return undefined;
      this.phase = "stopped";
      this.stoppedAt = this.now();
      return { state: "inactive", description: "Preview stopped" };
    });
  }

  /** Waits for every call so far (e.g. before the process exits). */
  settled(): Promise<void> {
    return this.queue;
  }

  /**
   * Runs calls one after another (so statuses arrive in order even if the caller does not
   * await), after `change` updated the state. `change` returns the deployment status to
   * post, "comment-only", or undefined for "nothing changed".
   */
  private step(
    change: () =>
      | { state: DeploymentState; description: string; environmentUrl?: string | undefined }
      | "comment-only"
      | undefined,
  ): Promise<void> {
    const run = async () => {
      const status = change();
      if (status === undefined) return;
      if (status !== "comment-only") {
        const { deployment } = this;
        if (deployment) {
          await this.attempt("deployment", () =>
            deployment.status(status.state, {
              description: this.scrub(status.description),
              environmentUrl: status.environmentUrl && this.scrub(status.environmentUrl),
            }),
          );
        }
      }
      await this.updateComment();
    };
    this.queue = this.queue.then(run).catch((error: unknown) => {
      // attempt() catches API errors; this is the last guard against a bug ending the run.
      this.options.logger.warning(`Publishing the preview failed: ${errorMessage(error)}`);
    });
    return this.queue;
  }

  private async updateComment(): Promise<void> {
    const { comment } = this;
    const context = this.options.context;
    if (!comment || !context || this.phase === undefined) return;
    const view = this.view(context, this.phase);
    const signature = JSON.stringify({ ...view, updatedAt: undefined });
    if (signature === this.lastView) return;
    const body = renderComment(view);
    await this.attempt("comment", async () => {
      await comment.publish(body);
      this.lastView = signature;
    });
  }

  private view(context: PublishContext, phase: PreviewPhase): CommentView {
    const pr = context.pullRequest;
    const signIn = this.signIn && {
      method: this.scrub(this.signIn.method),
      where: this.signIn.where === undefined ? undefined : this.scrub(this.signIn.where),
      // The one credential allowed out, and only where the audience is the repository's.
      oneClickUrl: context.isPrivate ? this.signIn.oneClickUrl : undefined,
      noCredentials: this.signIn.noCredentials,
    };
    return {
      key: this.options.settings.commentKey,
      phase,
      url: this.url && this.scrub(this.url),
      provider: this.provider && this.scrub(this.provider),
      tests: this.tests,
      failure: this.failure === undefined ? undefined : this.scrub(this.failure),
      stoppedAt: this.stoppedAt,
      updatedAt: this.now(),
      serverUrl: context.serverUrl,
      repo: context.repo,
      servedSha: context.servedSha,
      merge: pr && context.servedIsTestMerge ? { headSha: pr.headSha, baseRef: pr.baseRef } : undefined,
      runUrl: context.runUrl,
      signIn,
      isPrivate: context.isPrivate,
      fork: this.options.fork,
      urlUnverified: this.urlUnverified,
      inspectorUrl: this.inspectorUrl && this.scrub(this.inspectorUrl),
      services: this.services,
    };
  }

  private async attempt(channel: Channel, call: () => Promise<void>): Promise<void> {
    if (!this.enabled[channel]) return;
    const { logger } = this.options;
    try {
      await call();
    } catch (error) {
      if (error instanceof GitHubApiError && error.forbidden) {
        this.enabled[channel] = false;
        logger.warning(forbiddenMessage(channel, error));
        try {
          this.options.onForbidden?.(channel);
        } catch (hookError) {
          logger.warning(`After GitHub refused ${channel}: ${errorMessage(hookError)}`);
        }
      } else {
        logger.warning(`Publishing the preview: ${this.scrub(errorMessage(error))}`);
      }
    } finally {
      this.emitRecord();
    }
  }

  /** Tells onRecord whenever what another process would need to carry on has changed. */
  private emitRecord(): void {
    const record = this.record;
    const key = JSON.stringify(this.snapshot());
    if (key === this.lastRecord) return;
    this.lastRecord = key;
    try {
      this.options.onRecord?.(record);
    } catch (error) {
      this.options.logger.warning(`Could not save what was published: ${errorMessage(error)}`);
    }
  }

  private scrub(text: string): string {
    return this.options.redact ? this.options.redact(text) : text;
  }
}

function forbiddenMessage(channel: Channel, error: GitHubApiError): string {
  const what = channel === "comment" ? "the PR comment" : "the deployment";
  const permission = channel === "comment" ? "pull-requests: write" : "deployments: write";
  const fix =
    error.status === 401
      ? 'The token was rejected: check the "github-token" input.'
      : `The token needs \`${permission}\`: add it to the job's \`permissions:\` (on pull requests from forks and from Dependabot the token is read-only, so this is expected there).`;
  return `GitHub refused ${what} (${error.message}). ${fix} Skipping ${what} for the rest of this run; the preview and the tests carry on.`;
}
