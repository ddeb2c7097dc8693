import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import {
  external_exports
} from "./chunk-D6DGZTI2.js";
import "./chunk-PGICO5ZK.js";

// src/relay/event.ts
var fullName = external_exports.string().regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/);
var sha = external_exports.string().regex(/^[0-9a-f]{40}([0-9a-f]{24})?$/);
var payloadSchema = external_exports.object({
  action: external_exports.string(),
  repository: external_exports.object({ full_name: fullName, private: external_exports.boolean().optional() }),
  workflow_run: external_exports.object({
    id: external_exports.int().positive(),
    run_attempt: external_exports.int().positive().optional(),
    event: external_exports.string(),
    html_url: external_exports.url({ protocol: /^https?$/ }),
    head_sha: sha,
    head_branch: external_exports.string().nullable().optional(),
    conclusion: external_exports.string().nullable().optional(),
    head_repository: external_exports.object({ full_name: fullName }).nullable().optional(),
    pull_requests: external_exports.array(
      external_exports.object({
        number: external_exports.int().positive(),
        head: external_exports.object({ sha }),
        base: external_exports.object({ ref: external_exports.string() })
      })
    ).optional()
  })
});
function parseRelayEvent(eventName, payload) {
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
      conclusion: run.conclusion ?? void 0
    },
    pullRequests: (run.pull_requests ?? []).map((pr) => ({
      number: pr.number,
      headSha: pr.head.sha,
      baseRef: pr.base.ref
    }))
  };
}
export {
  parseRelayEvent
};
