/**
 * The preview as a GitHub deployment: shown on the pull request with a "View deployment"
 * button while it is up, and as destroyed once marked inactive (it is transient).
 * Statuses: in_progress -> success -> inactive, or failure/error -> inactive.
 */

import type { DeploymentState, GitHubApi, RepoRef } from "./api.js";
import { ENVIRONMENT_MAX } from "./settings.js";

/** GitHub's limit for a deployment status description. */
export const DESCRIPTION_MAX = 140;

/**
 * The environment name for this run: `<number>` is the PR number and `<ref>` the branch.
 * Without a pull request a name that needs `<number>` becomes `preview-<ref>`, so pushes to
 * different branches get different environments.
 */
export function environmentName(
  template: string,
  context: { readonly pullRequest: { readonly number: number } | undefined; readonly ref: string },
): string {
  const ref = slug(context.ref) || "unknown";
  const base =
    context.pullRequest === undefined && template.includes("<number>")
      ? "preview-<ref>"
      : template.replaceAll("<number>", String(context.pullRequest?.number ?? ""));
  const room = ENVIRONMENT_MAX - base.replaceAll("<ref>", "").length;
  const refs = base.split("<ref>").length - 1;
  const fitted = refs > 0 ? ref.slice(0, Math.max(1, Math.floor(room / refs))) : ref;
  return base.replaceAll("<ref>", fitted).slice(0, ENVIRONMENT_MAX);
}

/** A branch name as environment-name text: "feature/Login!" -> "feature-Login". */
function slug(ref: string): string {
  return ref
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "");
}

export interface PreviewDeploymentOptions {
  readonly api: GitHubApi;
  readonly repo: RepoRef;
  /** Commit SHA: the PR head, so the deployment shows on the pull request. */
  readonly sha: string;
  readonly environment: string;
  /** Link to the workflow run, shown as the deployment's log. */
  readonly logUrl: string;
  /** A deployment this run already created (e.g. saved by the main step). */
  readonly deploymentId?: number | undefined;
}

export class PreviewDeployment {
  private id: number | undefined;
  private last: DeploymentState | undefined;

  constructor(private readonly options: PreviewDeploymentOptions) {
    this.id = options.deploymentId;
  }

  get deploymentId(): number | undefined {
    return this.id;
  }

  get state(): DeploymentState | undefined {
    return this.last;
  }

  /** Creates the deployment once; later calls return the same id. */
  async create(description: string): Promise<number> {
    if (this.id !== undefined) return this.id;
    const { id } = await this.options.api.createDeployment(this.options.repo, {
      ref: this.options.sha,
      environment: this.options.environment,
      description: shorten(description),
    });
    this.id = id;
    return id;
  }

  /**
   * Posts a status, creating the deployment first if needed. Repeating the current state
   * and anything after `inactive` are no-ops (inactive is final for this run).
   */
  async status(
    state: DeploymentState,
    details: { readonly description: string; readonly environmentUrl?: string | undefined },
  ): Promise<void> {
    if (this.last === state || this.last === "inactive") return;
    if (this.id === undefined) {
      if (state === "inactive") return; // nothing was ever deployed
      await this.create(details.description);
    }
    await this.options.api.createDeploymentStatus(this.options.repo, this.id as number, {
      state,
      description: shorten(details.description),
      logUrl: this.options.logUrl,
      environmentUrl: details.environmentUrl,
    });
    this.last = state;
  }
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= DESCRIPTION_MAX ? flat : `${flat.slice(0, DESCRIPTION_MAX - 1)}…`;
}
