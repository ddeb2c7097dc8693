/**
 * The real client (Octokit + retry + throttling, real HTTP) against the local fake GitHub.
 */

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createGitHubApi, type GitHubClientOptions } from "../../src/github/client.js";
import { commentMarker } from "../../src/github/comment-body.js";
import { type PublishContext, readPublishContext } from "../../src/github/context.js";
import { Publisher } from "../../src/github/publisher.js";
import type { PublishSettings } from "../../src/github/settings.js";
import { FakeGitHub } from "../helpers/fake-github.js";
import { warningLogger } from "../helpers/logger.js";

const TOKEN = "ghs_integration_token";
const HEAD = "d".repeat(40);
const MARKER = commentMarker("preview");

const memoryLogger = warningLogger;

const settings = (overrides: Partial<PublishSettings> = {}): PublishSettings => ({
  token: TOKEN,
  comment: true,
  commentKey: "preview",
  commentMode: "update",
  deployment: true,
  environment: "pr-<number>",
  ...overrides,
});

let fake: FakeGitHub;
beforeEach(async () => {
  fake = await FakeGitHub.start({ token: TOKEN });
});
afterEach(async () => {
  await fake.close();
});

/** The context exactly as the runner's variables give it, with GITHUB_API_URL at the fake. */
async function prContext(apiUrl = fake.url): Promise<PublishContext> {
  const dir = mkdtempSync(path.join(tmpdir(), "pt-gh-"));
  const eventPath = path.join(dir, "event.json");
  writeFileSync(
    eventPath,
    JSON.stringify({
      pull_request: {
        number: 7,
        head: { sha: HEAD, ref: "feature", repo: { full_name: "o/r" } },
        base: { ref: "main", repo: { full_name: "o/r" } },
      },
      repository: { full_name: "o/r", private: false },
    }),
  );
  const context = await readPublishContext(
    {
      GITHUB_REPOSITORY: "o/r",
      GITHUB_EVENT_NAME: "pull_request",
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_SHA: "e".repeat(40),
      GITHUB_API_URL: apiUrl,
      GITHUB_RUN_ID: "5",
    },
    { logger: memoryLogger().logger, gitHead: async () => undefined },
  );
  if (!context) throw new Error("no context");
  return context;
}

async function publisher(
  options: { settings?: PublishSettings; client?: Partial<GitHubClientOptions>; apiUrl?: string } = {},
) {
  const log = memoryLogger();
  const apiUrl = options.apiUrl ?? fake.url;
  const api = createGitHubApi({
    token: TOKEN,
    apiUrl,
    logger: log.logger,
    retryUnitMs: 1,
    pacing: "none",
    ...options.client,
  });
  const p = new Publisher({
    api,
    context: await prContext(apiUrl),
    settings: options.settings ?? settings(),
    logger: log.logger,
  });
  return { p, ...log };
}

async function fullRun(p: Publisher) {
  await p.starting();
  await p.live({ url: "https://pv.example", provider: "local", signIn: { method: "HTTP basic auth" } });
  await p.testsDone({ passed: 4, total: 4 });
  await p.stopped();
}

describe("Publisher with the real client against a fake GitHub", () => {
  it("publishes a whole run, and the next run updates the same comment (never another user's)", async () => {
    const theirs = fake.seedComment({
      owner: "o",
      repo: "r",
      issue: 7,
      body: `${MARKER}\nlooks like ours`,
      login: "mallory",
    });

    const first = await publisher();
    await fullRun(first.p);
    expect(first.warnings).toEqual([]);
    const ours = fake.commentsOn(7).filter((c) => c.login === "github-actions[bot]");
    expect(ours).toHaveLength(1);
    expect(ours[0]?.body).toContain("⚪ Preview stopped at");
    expect(ours[0]?.body).toContain("✅ tests passed 4 of 4");
    expect(theirs.body).toBe(`${MARKER}\nlooks like ours`);
    expect(fake.deployments).toHaveLength(1);
    expect(fake.deployments[0]?.request).toMatchObject({
      ref: HEAD,
      environment: "pr-7",
      transient_environment: true,
      production_environment: false,
      auto_merge: false,
      required_contexts: [],
    });
    expect(fake.deployments[0]?.statuses.map((s) => [s.state, s.environment_url ?? null])).toEqual([
      ["in_progress", null],
      ["success", "https://pv.example"],
      ["inactive", null],
    ]);
    expect(
      fake.deployments[0]?.statuses.every((s) => s.log_url === "https://github.com/o/r/actions/runs/5"),
    ).toBe(true);
    expect(first.p.record).toEqual({
      commentId: ours[0]?.id,
      deploymentId: fake.deployments[0]?.id,
      environment: "pr-7",
    });

    const second = await publisher();
    await second.p.starting();
    expect(second.warnings).toEqual([]);
    expect(fake.commentsOn(7)).toHaveLength(2);
    expect(second.p.record.commentId).toBe(ours[0]?.id);
    expect(fake.requestsTo("update-comment").every((r) => r.path.endsWith(`/${ours[0]?.id}`))).toBe(true);
    expect(fake.requests.every((r) => r.headers.authorization === `token ${TOKEN}`)).toBe(true);
  });

  it("finds its comment on a later page", async () => {
    for (let i = 0; i < 150; i++) {
      fake.seedComment({
        owner: "o",
        repo: "r",
        issue: 7,
        body: i === 130 ? `${MARKER}\nold` : `chatter ${i}`,
        login: i === 130 ? "github-actions[bot]" : "someone",
      });
    }
    const { p, warnings } = await publisher({ settings: settings({ deployment: false }) });
    await p.starting();
    expect(warnings).toEqual([]);
    expect(fake.requestsTo("list-comments").map((r) => r.path)).toEqual([
      "/repos/o/r/issues/7/comments?per_page=100",
      "/repos/o/r/issues/7/comments?per_page=100&page=2",
    ]);
    expect(fake.requestsTo("create-comment")).toHaveLength(0);
    expect(fake.comments[130]?.body).toContain("Preview starting");
  });

  it("retries 5xx and waits out a secondary rate limit, then succeeds", async () => {
    fake.fail("create-comment", { status: 502, times: 2 });
    fake.secondaryRateLimit("create-deployment", { retryAfter: 2 });
    const { p, warnings } = await publisher({ client: { retryUnitMs: 40 } });
    await p.starting();
    expect(fake.requestsTo("create-comment").map((r) => r.status)).toEqual([502, 502, 201]);
    const [limited, retried] = fake.requestsTo("create-deployment");
    expect([limited?.status, retried?.status]).toEqual([403, 201]);
    expect((retried?.at ?? 0) - (limited?.at ?? 0)).toBeGreaterThanOrEqual(75); // retry-after 2 at 40 ms/s
    expect(warnings).toEqual([expect.stringMatching(/secondary rate limit hit .*retrying in 2s/)]);
    expect(fake.commentsOn(7)).toHaveLength(1);
    expect(fake.deployments).toHaveLength(1);
  });

  it("degrades a 403 on the deployment to one warning; the comment carries on", async () => {
    fake.fail("create-deployment", { status: 403, message: "Resource not accessible by integration" });
    const { p, warnings } = await publisher();
    await fullRun(p);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("`deployments: write`");
    expect(fake.requestsTo("create-deployment")).toHaveLength(1);
    expect(fake.requestsTo("create-deployment-status")).toHaveLength(0);
    expect(fake.commentsOn(7)[0]?.body).toContain("Preview stopped");
    expect(p.record.deploymentId).toBeUndefined();
  });

  it("minimize-old hides the previous run's comment as outdated, once", async () => {
    const old = fake.seedComment({
      owner: "o",
      repo: "r",
      issue: 7,
      body: `${MARKER}\nold`,
      login: "github-actions[bot]",
    });
    const theirs = fake.seedComment({ owner: "o", repo: "r", issue: 7, body: MARKER, login: "mallory" });
    const run = async () => {
      const { p, warnings } = await publisher({
        settings: settings({ commentMode: "minimize-old", deployment: false }),
      });
      await p.starting();
      expect(warnings).toEqual([]);
    };
    await run();
    expect(old.minimized).toBe(true);
    expect(old.minimizedReason).toBe("OUTDATED");
    expect(theirs.minimized).toBe(false);
    await run();
    // The second run minimizes only the first run's comment, not `old` again.
    expect(fake.requestsTo("minimize-comment")).toHaveLength(2);
    expect(
      fake
        .commentsOn(7)
        .filter((c) => !c.minimized)
        .map((c) => c.login),
    ).toEqual(["mallory", "github-actions[bot]"]);
  });

  it("recreate deletes its earlier comment so the new one comes last", async () => {
    const old = fake.seedComment({
      owner: "o",
      repo: "r",
      issue: 7,
      body: `${MARKER}\nold`,
      login: "github-actions[bot]",
    });
    fake.seedComment({ owner: "o", repo: "r", issue: 7, body: "later chatter", login: "someone" });
    const { p, warnings } = await publisher({
      settings: settings({ commentMode: "recreate", deployment: false }),
    });
    await p.starting();
    expect(warnings).toEqual([]);
    expect(fake.comments.some((c) => c.id === old.id)).toBe(false);
    expect(fake.commentsOn(7).at(-1)?.body).toContain("Preview starting");
  });

  it("works with an Enterprise Server style API URL (/api/v3, GraphQL at /api/graphql)", async () => {
    const { p, warnings } = await publisher({ apiUrl: `${fake.url}/api/v3` });
    await fullRun(p);
    expect(warnings).toEqual([]);
    expect(fake.requests.every((r) => r.path.startsWith("/api/"))).toBe(true);
    expect(fake.requestsTo("viewer")[0]?.path).toBe("/api/graphql");
    expect(fake.deployments[0]?.statuses.map((s) => s.state)).toEqual(["in_progress", "success", "inactive"]);
  });

  it("gives a hung call a deadline and retries it", async () => {
    fake.fail("create-deployment", { delayMs: 10_000 });
    const { p, warnings } = await publisher({
      settings: settings({ comment: false }),
      client: { attemptTimeoutMs: 100 },
    });
    const started = Date.now();
    await p.starting();
    expect(Date.now() - started).toBeLessThan(5000);
    expect(warnings).toEqual([]);
    expect(fake.requestsTo("create-deployment").map((r) => r.status)).toEqual([-1, 201]);
  });

  it("stops at once, without retrying, when the caller aborts", async () => {
    const controller = new AbortController();
    fake.fail("create-deployment", { delayMs: 10_000 });
    const { p, warnings } = await publisher({
      settings: settings({ comment: false }),
      // A back-off far beyond the test's time limit: waiting for a retry would fail the test.
      client: { signal: controller.signal, retryUnitMs: 3_600_000 },
    });
    setTimeout(() => controller.abort(), 100);
    await p.starting();
    expect(warnings).toEqual([
      expect.stringMatching(/could not create the deployment: the request was cancelled/),
    ]);
    expect(fake.requestsTo("create-deployment")).toHaveLength(1);
  });

  it("does not space writes to a loopback API by default", async () => {
    const log = memoryLogger();
    const api = createGitHubApi({ token: TOKEN, apiUrl: fake.url, logger: log.logger });
    const started = Date.now();
    await api.createDeployment({ owner: "o", repo: "r" }, { ref: HEAD, environment: "e", description: "d" });
    await api.createIssueComment({ owner: "o", repo: "r" }, 7, "a");
    await api.createIssueComment({ owner: "o", repo: "r" }, 7, "b");
    expect(Date.now() - started).toBeLessThan(900);
  });

  it("spaces writes as GitHub asks when pacing is on", async () => {
    const { p } = await publisher({ settings: settings({ comment: false }), client: { pacing: "github" } });
    await p.starting();
    const [create, status] = [
      fake.requestsTo("create-deployment")[0],
      fake.requestsTo("create-deployment-status")[0],
    ];
    expect((status?.at ?? 0) - (create?.at ?? 0)).toBeGreaterThanOrEqual(900);
  });
});
