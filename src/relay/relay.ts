/**
 * The relay (base side): runs on `workflow_run` with a write token, reads the preview run's
 * status artifacts as data, and keeps the sticky comment and the deployment in step with them
 * through the same Publisher the preview job uses when it can publish itself.
 *
 * - requested: follow the run (poll.ts) and show each newer status, until the run completes,
 *   relay-timeout, or a status is refused.
 * - completed: show the final state from the run's conclusion and mark the deployment
 *   inactive, finding comment and deployment by their marker and environment, so this works
 *   even when the `requested` relay died.
 *
 * Never fails open: a status that cannot be read or does not pass sanitize.ts is not shown;
 * the comment says the relay refused it (in its own words) and a warning says why.
 */
import { errorMessage } from "../errors.js";
import type { PublishContext } from "../github/index.js";
import {
  environmentName,
  type GitHubApi,
  GitHubApiError,
  Publisher,
  type PublisherOptions,
  type PublisherSnapshot,
} from "../github/index.js";
import type { Logger } from "../util/logger.js";
import type { RelayApi, RunArtifact } from "./api.js";
import type { RelayEvent } from "./event.js";
import { type PollEnd, type PollOptions, pollRun } from "./poll.js";
import { readStatusArtifact } from "./read.js";
import { logText, type Sanitized, sanitizeStatus } from "./sanitize.js";
import type { RelaySettings } from "./settings.js";
import { type RelayStatus, statusSequenceOf } from "./status.js";

export type PublishSettings = PublisherOptions["settings"];

export interface RelayOptions {
  readonly event: RelayEvent;
  readonly settings: RelaySettings;
  /** The comment and deployment inputs, as for a preview that publishes itself. */
  readonly publish: PublishSettings;
  /** GITHUB_SERVER_URL and GITHUB_API_URL. */
  readonly serverUrl: string;
  readonly apiUrl: string;
}

export interface RelayDeps {
  readonly api: RelayApi;
  /** undefined without a token: nothing can be published. */
  readonly github: GitHubApi | undefined;
  readonly logger: Logger;
  readonly now?: () => Date;
  readonly signal?: AbortSignal;
  /** For polling (tests pass short real waits). */
  readonly sleep?: PollOptions["sleep"];
}

export interface RelayOutcome {
  /** The pull request published to; undefined when none was found. */
  readonly pullRequest: number | undefined;
  /** Sequence numbers of the statuses shown, in order. */
  readonly shown: readonly number[];
  /** Why a status was refused (the relay's words), when one was. */
  readonly refused: string | undefined;
  /** "error": the API refused (e.g. no `actions: read`); see the warning. */
  readonly end: PollEnd | "refused" | "final" | "nothing" | "error";
}

/** Comment text for a preview that failed (its own reason stays in its run's log: free text). */
export const FAILED_TEXT =
  "The preview job reported a failure. Its log in the workflow run says why (the relay does not copy text from the preview job).";

export function refusedText(reason: string): string {
  return `The relay refused the preview job's status report: ${reason}. Nothing from it is shown here; the relay workflow's log has the details.`;
}

const ANY_FAILURE = /^(failure|timed_out|startup_failure|action_required|stale)$/;

export async function runRelay(options: RelayOptions, deps: RelayDeps): Promise<RelayOutcome> {
  const { event } = options;
  const { logger } = deps;
  const nothing: RelayOutcome = { pullRequest: undefined, shown: [], refused: undefined, end: "nothing" };
  if (event.run.event !== "pull_request") {
    logger.info(
      `The triggering run was started by "${logText(event.run.event, 40)}", not a pull request: nothing to relay.`,
    );
    return nothing;
  }
  let pr: { number: number; baseRef: string } | undefined;
  try {
    pr = await findPullRequest(options.event, deps.api);
  } catch (error) {
    logger.warning(`Could not find the pull request of run ${event.run.id}: ${errorMessage(error)}`);
    return nothing;
  }
  if (!pr) {
    logger.warning(
      `No pull request has the head ${event.run.headRepository || "(deleted repository)"}@${event.run.headSha.slice(0, 12)}: nothing to publish for run ${event.run.id}.`,
    );
    return nothing;
  }
  const relay = new Relay(options, deps, pr);
  return event.action === "requested" ? relay.follow() : relay.finish();
}

/**
 * The run's pull request, from the event only: workflow_run.pull_requests when GitHub filled it
 * (same-repository branches), else the pull request whose head is the run's head repository,
 * branch and commit (for forks GitHub leaves pull_requests empty), an open one first.
 */
async function findPullRequest(
  event: RelayEvent,
  api: RelayApi,
): Promise<{ number: number; baseRef: string } | undefined> {
  const listed = event.pullRequests.find((pr) => pr.headSha === event.run.headSha);
  if (listed) return { number: listed.number, baseRef: listed.baseRef };
  const [owner] = event.run.headRepository.split("/");
  if (!owner || !event.run.headBranch) return undefined;
  const found = await api.pullRequestsWithHead(event.repo, `${owner}:${event.run.headBranch}`);
  const match = found
    .filter(
      (pr) =>
        pr.headSha === event.run.headSha &&
        pr.headRepository.toLowerCase() === event.run.headRepository.toLowerCase(),
    )
    .sort((a, b) => Number(b.open) - Number(a.open) || b.number - a.number)[0];
  return match && { number: match.number, baseRef: match.baseRef };
}

class Relay {
  private readonly context: PublishContext;
  private readonly fromFork: boolean;

  constructor(
    private readonly options: RelayOptions,
    private readonly deps: RelayDeps,
    private readonly pr: { number: number; baseRef: string },
  ) {
    const { event } = options;
    const base = `${event.repo.owner}/${event.repo.repo}`;
    this.fromFork = event.run.headRepository.toLowerCase() !== base.toLowerCase();
    this.context = {
      eventName: "workflow_run",
      repo: event.repo,
      serverUrl: options.serverUrl.replace(/\/+$/, ""),
      apiUrl: options.apiUrl.replace(/\/+$/, ""),
      pullRequest: {
        number: pr.number,
        headSha: event.run.headSha,
        headRef: event.run.headBranch,
        baseRef: pr.baseRef,
        fromFork: this.fromFork,
      },
      sha: event.run.headSha,
      servedSha: event.run.headSha,
      servedIsTestMerge: false,
      ref: event.run.headBranch,
      isPrivate: event.isPrivate,
      runUrl: event.run.htmlUrl,
    };
  }

  /** `requested`: show each newer status until the run completes. */
  async follow(): Promise<RelayOutcome> {
    const { event, settings } = this.options;
    const { logger } = this.deps;
    const publisher = this.publisher(this.options.publish, undefined);
    const shown = new Shown(publisher);
    const sequences: number[] = [];
    let applied = 0;
    let end: RelayOutcome["end"] = "aborted";
    let refused: string | undefined;
    const poller = pollRun({
      api: this.deps.api,
      repo: event.repo,
      runId: event.run.id,
      poll: settings.poll,
      timeoutMs: settings.timeoutMs,
      logger,
      signal: this.deps.signal,
      sleep: this.deps.sleep,
    });
    try {
      for (;;) {
        const next = await poller.next();
        if (next.done) {
          end = next.value;
          break;
        }
        const newest = this.newest(next.value.artifacts);
        if (!newest || newest.sequence <= applied) continue;
        const result = await this.load(newest);
        if (!result) continue; // not downloaded: tried again at the next poll
        applied = newest.sequence;
        if (!result.ok) {
          refused = result.reason;
          await publisher.failed(refusedText(result.reason));
          end = "refused";
          await poller.return("aborted");
          break;
        }
        shown.apply(result.status, result.linkUrl);
        sequences.push(newest.sequence);
      }
    } catch (error) {
      end = "error";
      logger.warning(`Stopped following the preview run: ${this.explain(error)}`);
    }
    if (end === "timeout" || end === "poll-limit") {
      logger.info(
        "Stopped following the preview run (relay-timeout). The relay of its `completed` event shows the final state.",
      );
    }
    await publisher.settled();
    return { pullRequest: this.pr.number, shown: sequences, refused, end };
  }

  /** `completed`: the final state, from the newest status and the run's conclusion. */
  async finish(): Promise<RelayOutcome> {
    const { event, publish } = this.options;
    const { api, logger } = this.deps;
    let artifacts: readonly RunArtifact[] = [];
    try {
      const listing = await api.listRunArtifacts(event.repo, event.run.id);
      if (listing.modified) artifacts = listing.value;
    } catch (error) {
      logger.warning(`Could not list the preview run's artifacts: ${this.explain(error)}`);
    }
    const newest = this.newest(artifacts);
    if (!newest) {
      // The preview published itself (publish: auto with a write token), or never got as far
      // as its first status: either way the relay wrote nothing that needs finishing.
      logger.info("The preview run left no status for the relay: nothing to finish.");
      return { pullRequest: this.pr.number, shown: [], refused: undefined, end: "nothing" };
    }
    const result = await this.load(newest);

    let deployments: { id: number; state: string | undefined }[] = [];
    if (publish.deployment) {
      const environment = environmentName(publish.environment, this.context);
      try {
        deployments = await api.deployments(event.repo, environment, event.run.headSha);
      } catch (error) {
        logger.warning(`Could not look up the preview's deployment: ${this.explain(error)}`);
      }
    }
    // The newest deployment still shown as up; an inactive one is left alone.
    const active = deployments[0]?.state === "inactive" ? undefined : deployments[0];
    const resume: PublisherSnapshot = {
      deploymentId: active?.id,
      ...(result?.ok ? snapshotOf(result.status, result.linkUrl) : {}),
      // As the `requested` relay left it (it stopped at the refusal).
      ...(result && !result.ok ? { phase: "failed", failure: refusedText(result.reason) } : {}),
    };
    // Update the comment in place whatever comment-mode says: this run's comment already exists.
    const publisher = this.publisher({ ...publish, commentMode: "update" }, resume);
    const conclusion = event.run.conclusion ?? "";
    if (ANY_FAILURE.test(conclusion) && resume.failure === undefined) {
      await publisher.failed(`The preview run ended with "${conclusion}".`);
    }
    await publisher.stopped();
    await publisher.settled();
    return {
      pullRequest: this.pr.number,
      shown: result?.ok ? [newest.sequence] : [],
      refused: result && !result.ok ? result.reason : undefined,
      end: "final",
    };
  }

  private publisher(settings: PublishSettings, resume: PublisherSnapshot | undefined): Publisher {
    return new Publisher({
      api: this.deps.github,
      context: this.context,
      settings,
      logger: this.deps.logger,
      now: this.deps.now,
      resume,
      fork: this.fromFork ? { repository: this.options.event.run.headRepository } : undefined,
    });
  }

  /** The status artifact with the highest sequence for this key and run attempt. */
  private newest(artifacts: readonly RunArtifact[]): (RunArtifact & { sequence: number }) | undefined {
    const { settings, event } = this.options;
    let best: (RunArtifact & { sequence: number }) | undefined;
    for (const artifact of artifacts) {
      if (artifact.expired) continue;
      const sequence = statusSequenceOf(artifact.name, settings.commentKey, event.run.attempt);
      if (sequence !== undefined && (!best || sequence > best.sequence)) best = { ...artifact, sequence };
    }
    return best;
  }

  /** Reads and sanitizes one status; undefined when it could not be downloaded (try again). */
  private async load(artifact: RunArtifact & { sequence: number }): Promise<Sanitized | undefined> {
    const { event, settings } = this.options;
    const { logger } = this.deps;
    let read: Awaited<ReturnType<typeof readStatusArtifact>>;
    try {
      read = await readStatusArtifact(this.deps.api, event.repo, artifact, settings.limits);
    } catch (error) {
      logger.warning(`Could not download the preview's status ${artifact.name}: ${this.explain(error)}`);
      return undefined;
    }
    if (!read.ok) {
      const detail = read.detail === undefined ? "" : ` (${logText(read.detail)})`;
      logger.warning(`Refused the preview's status ${artifact.name}: ${read.reason}${detail}.`);
      return { ok: false, reason: read.reason };
    }
    const sanitized = sanitizeStatus(
      read.value,
      { pullRequest: this.pr.number, headSha: event.run.headSha, sequence: artifact.sequence },
      settings.allowedHosts,
    );
    if (!sanitized.ok) logger.warning(`Refused the preview's status ${artifact.name}: ${sanitized.reason}.`);
    else for (const warning of sanitized.warnings) logger.warning(warning);
    return sanitized;
  }

  private explain(error: unknown): string {
    if (error instanceof GitHubApiError && error.forbidden) {
      return `${error.message}. The relay job needs \`actions: read\` (the run's artifacts), \`pull-requests: write\` and \`deployments: write\` in its \`permissions:\`.`;
    }
    return errorMessage(error);
  }
}

/**
 * Drives the Publisher forward only (starting → live → tests → failed → stopped), so seeing the
 * same status again, or a newer one, never sends the comment or deployment backwards.
 */
class Shown {
  private started = false;
  private url: string | undefined;
  private tests = "";
  private failed = false;
  private stopped = false;

  constructor(private readonly publisher: Publisher) {}

  apply(status: RelayStatus, linkUrl: boolean): void {
    const p = this.publisher;
    if (this.stopped) return;
    if (!this.started) {
      this.started = true;
      void p.starting();
    }
    const url = status.url ?? "";
    // Live with its URL; without one (the local provider) only while it says live.
    const up =
      url !== "" ? status.status !== "starting" : status.status === "live" || status.status === "tests";
    if (up && !this.failed && (this.url === undefined || (url !== "" && url !== this.url))) {
      this.url = url;
      void p.live({ url, provider: status.provider ?? "tunnel", linkUrl });
    }
    const tests = JSON.stringify(status.tests ?? null);
    if (status.tests && tests !== this.tests) {
      this.tests = tests;
      void p.testsDone(status.tests);
    }
    if (status.status === "failed" && !this.failed) {
      this.failed = true;
      void p.failed(FAILED_TEXT);
    }
    const final =
      status.status === "stopped" ||
      status.status === "cancelled" ||
      (status.status === "failed" && status.times?.ended !== undefined);
    if (final) {
      this.stopped = true;
      void p.stopped();
    }
  }
}

/** What a status says, as a Publisher snapshot to resume from (without writing anything). */
function snapshotOf(status: RelayStatus, linkUrl: boolean): PublisherSnapshot {
  const up = status.status !== "starting";
  return {
    // Never "stopped": the completed relay's stopped() must still write the final state.
    phase: status.status === "failed" ? "failed" : up ? "live" : "starting",
    url: up ? status.url : undefined,
    urlUnverified: !linkUrl || undefined,
    provider: up ? status.provider : undefined,
    tests: status.tests,
    failure: status.status === "failed" ? FAILED_TEXT : undefined,
  };
}
