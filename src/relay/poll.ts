/**
 * Follows the triggering run: its state and its artifacts, with conditional requests
 * (If-None-Match: a 304 costs no rate limit) and a growing wait between polls. Ends when the
 * run completes (after one last listing), at the deadline, after `maxPolls`, or on abort.
 */

import { errorMessage } from "../errors.js";
import { GitHubApiError, type RepoRef } from "../github/index.js";
import type { Logger } from "../util/logger.js";
import { sleep as defaultSleep } from "../util/time.js";
import type { RelayApi, RunArtifact } from "./api.js";
import type { RelaySettings } from "./settings.js";

export interface PollUpdate {
  /** Every artifact of the run, as last listed. */
  readonly artifacts: readonly RunArtifact[];
  /** The list differs from the previous update's. */
  readonly changed: boolean;
  /** The run has completed: this is the last update. */
  readonly completed: boolean;
}

export type PollEnd = "completed" | "timeout" | "poll-limit" | "aborted";

export interface PollOptions {
  readonly api: RelayApi;
  readonly repo: RepoRef;
  readonly runId: number;
  readonly poll: RelaySettings["poll"];
  readonly timeoutMs: number;
  readonly logger: Logger;
  readonly signal?: AbortSignal | undefined;
  readonly now?: () => number;
  /** Waits `ms` or until the signal aborts. */
  readonly sleep?: (ms: number, signal: AbortSignal | undefined) => Promise<void>;
}

/**
 * Yields an update after every poll (so a failed download is tried again at the next), the last
 * one when the run completed.
 */
export async function* pollRun(options: PollOptions): AsyncGenerator<PollUpdate, PollEnd> {
  const { api, repo, runId, poll, logger, signal } = options;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const deadline = now() + options.timeoutMs;
  let runTag: string | undefined;
  let listTag: string | undefined;
  let artifacts: readonly RunArtifact[] = [];
  let wait = poll.initialMs;

  for (let polls = 1; ; polls++) {
    if (signal?.aborted) return "aborted";
    let changed = false;
    let completed = false;
    try {
      // The run first: once it is completed, a listing made after that has every artifact.
      const run = await api.getRun(repo, runId, runTag);
      if (run.modified) {
        runTag = run.etag;
        completed = run.value.status === "completed";
      }
      const listing = await api.listRunArtifacts(repo, runId, listTag);
      if (listing.modified) {
        listTag = listing.etag;
        changed = !sameArtifacts(artifacts, listing.value);
        artifacts = listing.value;
      }
    } catch (error) {
      // No `actions: read`, or the run is gone: polling again will not help.
      if (error instanceof GitHubApiError && (error.forbidden || error.status === 404)) throw error;
      logger.warning(`Following the preview run: ${errorMessage(error)}; trying again.`);
    }
    yield { artifacts, changed, completed };
    if (completed) return "completed";
    // Back to short waits when something moved: the next status usually follows soon.
    wait = changed ? poll.initialMs : Math.min(Math.round(wait * poll.factor), poll.maxMs);
    if (polls >= poll.maxPolls) return "poll-limit";
    const left = deadline - now();
    if (left <= 0) return "timeout";
    await sleep(Math.min(wait, left), signal);
  }
}

function sameArtifacts(a: readonly RunArtifact[], b: readonly RunArtifact[]): boolean {
  if (a.length !== b.length) return false;
  const ids = new Set(a.map((x) => x.id));
  return b.every((x) => ids.has(x.id));
}
