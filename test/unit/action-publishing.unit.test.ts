/**
 * Which publisher a run gets from `publish` and its event: the Publisher, the relay's status
 * uploader, or both (the uploader activated only once GitHub refuses the token).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createRunPublisher } from "../../src/action/publishing.js";
import type { PublishRoute } from "../../src/relay/settings.js";
import { warningLogger } from "../helpers/logger.js";

const dir = mkdtempSync(path.join(tmpdir(), "pt-publishing-"));

function env(event: "fork" | "branch" | "push"): NodeJS.ProcessEnv {
  const file = path.join(dir, `${event}.json`);
  const head = event === "fork" ? "someone/app" : "octo/app";
  writeFileSync(
    file,
    JSON.stringify(
      event === "push"
        ? { repository: { full_name: "octo/app" } }
        : {
            pull_request: {
              number: 7,
              head: { sha: "a".repeat(40), ref: "feature", repo: { full_name: head } },
              base: { ref: "main", repo: { full_name: "octo/app" } },
            },
          },
    ),
  );
  // No artifact service variables: an upload attempt says so (how "uploading" shows here).
  return {
    GITHUB_REPOSITORY: "octo/app",
    GITHUB_EVENT_NAME: event === "push" ? "push" : "pull_request",
    GITHUB_EVENT_PATH: file,
    GITHUB_WORKSPACE: dir,
  };
}

async function chosen(route: PublishRoute, event: "fork" | "branch" | "push") {
  const log = warningLogger();
  const { publisher, relay } = await createRunPublisher({
    settings: {
      token: undefined,
      comment: false,
      commentKey: "preview",
      commentMode: "update",
      deployment: false,
      environment: "pr-<number>",
    },
    logger: log.logger,
    route,
    env: env(event),
    signal: new AbortController().signal,
  });
  await publisher.starting();
  await publisher.settled();
  const uploads = log.warnings.some((w) => w.startsWith("Cannot upload the preview's status"));
  return { relay: relay !== undefined, relayOnly: relay !== undefined && publisher === relay, uploads };
}

describe("createRunPublisher", () => {
  it.each([
    ["auto", "fork", { relay: true, relayOnly: true, uploads: true }],
    ["auto", "branch", { relay: true, relayOnly: false, uploads: false }],
    ["auto", "push", { relay: false, relayOnly: false, uploads: false }],
    ["direct", "fork", { relay: false, relayOnly: false, uploads: false }],
    ["direct", "branch", { relay: false, relayOnly: false, uploads: false }],
    ["relay", "branch", { relay: true, relayOnly: true, uploads: true }],
    ["relay", "fork", { relay: true, relayOnly: true, uploads: true }],
  ] as const)("publish: %s on a %s run", async (route, event, expected) => {
    expect(await chosen(route, event)).toEqual(expected);
  });
});
