/**
 * The `workflow_run` event the relay runs on. GitHub writes it, so it is the trusted source of
 * what the relay publishes for: the base repository, the run, its head commit, branch and
 * repository. Nothing of that is ever taken from the status artifact.
 */
import { z } from "zod";
import type { RepoRef } from "../github/index.js";

export type RelayAction = "requested" | "completed";

export interface RelayEvent {
  readonly action: RelayAction;
  /** The base repository (where the comment and deployment go). */
  readonly repo: RepoRef;
  readonly isPrivate: boolean;
  readonly run: {
    readonly id: number;
    readonly attempt: number;
    /** The event that started the preview run; the relay acts only for "pull_request". */
    readonly event: string;
    readonly htmlUrl: string;
    readonly headSha: string;
    readonly headBranch: string;
    /** owner/name of the repository the pull request's head lives in (the fork). */
    readonly headRepository: string;
    /** On `completed`: success, failure, cancelled, timed_out, ... */
    readonly conclusion: string | undefined;
  };
  /** workflow_run.pull_requests: filled for pull requests inside the repository, empty for forks. */
  readonly pullRequests: readonly {
    readonly number: number;
    readonly headSha: string;
    readonly baseRef: string;
  }[];
}

const fullName = z.string().regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/);
const sha = z.string().regex(/^[0-9a-f]{40}([0-9a-f]{24})?$/);

const payloadSchema = z.object({
  action: z.string(),
  repository: z.object({ full_name: fullName, private: z.boolean().optional() }),
  workflow_run: z.object({
    id: z.int().positive(),
    run_attempt: z.int().positive().optional(),
    event: z.string(),
    html_url: z.url({ protocol: /^https?$/ }),
    head_sha: sha,
    head_branch: z.string().nullable().optional(),
    conclusion: z.string().nullable().optional(),
    head_repository: z.object({ full_name: fullName }).nullable().optional(),
    pull_requests: z
      .array(
        z.object({
          number: z.int().positive(),
          head: z.object({ sha }),
          base: z.object({ ref: z.string() }),
        }),
      )
      .optional(),
  }),
});

/**
 * The relay's view of the event payload (GITHUB_EVENT_PATH's JSON), or a sentence saying why
 * there is nothing to relay.
 */
export function parseRelayEvent(eventName: string, payload: unknown): RelayEvent | string {
  if (eventName !== "workflow_run") {
    return `the relay runs on "workflow_run" events, not "${eventName}": see "Pull requests from forks" in the README for the workflows`;
  }
  const parsed = payloadSchema.safeParse(payload);
  if (!parsed.success)
    return `the workflow_run event payload is not as expected (${parsed.error.issues[0]?.path.join(".")})`;
  const { action, repository, workflow_run: run } = parsed.data;
  if (action !== "requested" && action !== "completed") return `nothing to do on "${action}"`;
  const [owner = "", repo = ""] = repository.full_name.split("/");
  return {
    action,
    repo: { owner, repo },
    isPrivate: repository.private === true,
    run: {
      id: run.id,
      attempt: run.run_attempt ?? 1,
      event: run.event,
      htmlUrl: run.html_url,
      headSha: run.head_sha,
      headBranch: run.head_branch ?? "",
      // A deleted head repository shows as null; its pull request cannot be found then.
      headRepository: run.head_repository?.full_name ?? "",
      conclusion: run.conclusion ?? undefined,
    },
    pullRequests: (run.pull_requests ?? []).map((pr) => ({
      number: pr.number,
      headSha: pr.head.sha,
      baseRef: pr.base.ref,
    })),
  };
}
