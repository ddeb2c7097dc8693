import nock from "nock";
import { describe, expect, it } from "vitest";
import { type GitHubApi, GitHubApiError } from "../../src/github/api.js";
import { createGitHubApi } from "../../src/github/client.js";
import { commentMarker } from "../../src/github/comment-body.js";
import type { PublishContext } from "../../src/github/context.js";
import { Publisher, type PublisherOptions, type PublishRecord } from "../../src/github/publisher.js";
import type { PublishSettings } from "../../src/github/settings.js";
import { SecretRegistry } from "../../src/util/secrets.js";
import { warningLogger } from "../helpers/logger.js";
import { useStrictNock } from "../helpers/nock.js";

const API = "https://api.github.test";
const BOT = "github-actions[bot]";
const HEAD = "1".repeat(40);
const PUSH_SHA = "2".repeat(40);
const RUN = "https://github.com/octo/app/actions/runs/77";
const MARKER = commentMarker("preview");
const C = "/repos/octo/app/issues/42/comments";

const memoryLogger = warningLogger;

const settings = (overrides: Partial<PublishSettings> = {}): PublishSettings => ({
  token: "t",
  comment: true,
  commentKey: "preview",
  commentMode: "update",
  deployment: true,
  environment: "pr-<number>",
  ...overrides,
});

const prContext = (overrides: Partial<PublishContext> = {}): PublishContext => ({
  eventName: "pull_request",
  repo: { owner: "octo", repo: "app" },
  serverUrl: "https://github.com",
  apiUrl: API,
  pullRequest: { number: 42, headSha: HEAD, headRef: "feature", baseRef: "main", fromFork: false },
  sha: HEAD,
  servedSha: HEAD,
  servedIsTestMerge: false,
  ref: "feature",
  isPrivate: false,
  runUrl: RUN,
  ...overrides,
});

const pushContext = (): PublishContext =>
  prContext({ eventName: "push", pullRequest: undefined, sha: PUSH_SHA, servedSha: PUSH_SHA, ref: "main" });

function publisher(overrides: Partial<PublisherOptions> = {}) {
  const log = memoryLogger();
  const records: PublishRecord[] = [];
  const p = new Publisher({
    api: createGitHubApi({ token: "t", apiUrl: API, logger: log.logger, retryUnitMs: 1, pacing: "none" }),
    context: prContext(),
    settings: settings(),
    logger: log.logger,
    now: () => new Date("2026-05-01T10:00:00Z"),
    onRecord: (r) => records.push(r),
    ...overrides,
  });
  return { p, records, ...log };
}

const restComment = (id: number, body: string, login = BOT) => ({
  id,
  node_id: `IC_${id}`,
  body,
  user: { login },
  html_url: `https://github.com/octo/app/pull/42#issuecomment-${id}`,
});

/** Collects request bodies a nock interceptor matched. */
function capture<T = Record<string, unknown>>(into: T[]) {
  return (body: T) => {
    into.push(body);
    return true;
  };
}

const viewer = (login = BOT) =>
  nock(API)
    .post("/graphql", (b: { query?: string }) => String(b?.query).includes("viewer"))
    .reply(200, { data: { viewer: { login } } });

useStrictNock();

describe("Publisher: the sticky comment", () => {
  it("creates the comment, then updates it in place, leaving another user's marked comment alone", async () => {
    viewer();
    nock(API)
      .get(C)
      .query(true)
      .reply(200, [restComment(10, `${MARKER}\nquoted by a human`, "mallory")]);
    const created: { body: string }[] = [];
    const updated: { body: string }[] = [];
    nock(API).post(C, capture(created)).reply(201, restComment(50, "x"));
    nock(API)
      .patch("/repos/octo/app/issues/comments/50", capture(updated))
      .times(3)
      .reply(200, restComment(50, "x"));

    const { p, warnings, records } = publisher({ settings: settings({ deployment: false }) });
    await p.starting();
    await p.live({ url: "https://pv.example", provider: "cloudflared" });
    await p.testsDone({ passed: 2, total: 3 });
    await p.stopped();

    expect(warnings).toEqual([]);
    expect(created).toHaveLength(1);
    expect(created[0]?.body.startsWith(MARKER)).toBe(true);
    expect(created[0]?.body).toContain("Preview starting");
    expect(updated.map((u) => /### (.*)/.exec(u.body)?.[1])).toEqual([
      "🟢 Preview is live",
      "🟢 Preview is live",
      "⚪ Preview stopped at 2026-05-01 10:00 UTC",
    ]);
    expect(updated[1]?.body).toContain("❌ tests failed: 2 of 3 passed");
    expect(p.record).toEqual({ commentId: 50, deploymentId: undefined, environment: undefined });
    // Reported whenever what a later process would need changed; the id never changed.
    expect(records.length).toBeGreaterThan(0);
    expect(new Set(records.map((r) => JSON.stringify(r)))).toEqual(
      new Set([JSON.stringify({ commentId: 50, deploymentId: undefined, environment: undefined })]),
    );
  });

  it("on a later run finds its own comment among others and updates it instead of posting another", async () => {
    viewer();
    nock(API)
      .get(C)
      .query(true)
      .reply(200, [
        restComment(10, `${MARKER} copied`, "mallory"),
        restComment(11, "unrelated", BOT),
        restComment(12, `${commentMarker("preview-2")}`, BOT),
        restComment(50, `${MARKER}\nold`, BOT),
      ]);
    const updated: { body: string }[] = [];
    nock(API).patch("/repos/octo/app/issues/comments/50", capture(updated)).reply(200, restComment(50, "x"));
    const { p, warnings } = publisher({ settings: settings({ deployment: false }) });
    await p.starting();
    expect(warnings).toEqual([]);
    expect(updated).toHaveLength(1);
    expect(p.record.commentId).toBe(50);
  });

  it("recreate: posts a new comment and deletes only its own earlier ones", async () => {
    viewer();
    nock(API)
      .get(C)
      .query(true)
      .reply(200, [restComment(40, MARKER), restComment(41, MARKER, "mallory"), restComment(43, MARKER)]);
    nock(API).post(C).reply(201, restComment(60, "x"));
    nock(API).delete("/repos/octo/app/issues/comments/40").reply(204);
    nock(API).delete("/repos/octo/app/issues/comments/43").reply(204);
    const { p, warnings } = publisher({ settings: settings({ deployment: false, commentMode: "recreate" }) });
    await p.starting();
    expect(warnings).toEqual([]);
    expect(p.record.commentId).toBe(60);
  });

  it("minimize-old: posts a new comment and minimizes its own earlier ones not yet minimized, as OUTDATED", async () => {
    viewer();
    nock(API)
      .get(C)
      .query(true)
      .reply(200, [restComment(40, MARKER), restComment(41, MARKER, "mallory"), restComment(42, MARKER)]);
    nock(API).post(C).reply(201, restComment(60, "x"));
    const nodes: { variables: { ids: string[] } }[] = [];
    nock(API)
      .post(
        "/graphql",
        (b: { query: string; variables: { ids: string[] } }) =>
          String(b?.query).includes("nodes(") && capture(nodes)(b),
      )
      .reply(200, {
        data: {
          nodes: [
            { id: "IC_40", isMinimized: true },
            { id: "IC_42", isMinimized: false },
          ],
        },
      });
    const minimized: { query: string; variables: { id: string } }[] = [];
    nock(API)
      .post(
        "/graphql",
        (b: { query: string; variables: { id: string } }) =>
          String(b?.query).includes("minimizeComment") && capture(minimized)(b),
      )
      .reply(200, { data: { minimizeComment: { minimizedComment: { isMinimized: true } } } });
    const { p, warnings } = publisher({
      settings: settings({ deployment: false, commentMode: "minimize-old" }),
    });
    await p.starting();
    expect(warnings).toEqual([]);
    expect(nodes[0]?.variables.ids).toEqual(["IC_40", "IC_42"]);
    expect(minimized.map((m) => m.variables.id)).toEqual(["IC_42"]);
    expect(minimized[0]?.query).toContain("classifier: OUTDATED");
  });

  it("posts the comment again when someone deleted it during the run", async () => {
    viewer();
    nock(API).get(C).query(true).reply(200, []);
    nock(API).post(C).reply(201, restComment(50, "x"));
    nock(API).patch("/repos/octo/app/issues/comments/50").reply(404, { message: "Not Found" });
    nock(API).post(C).reply(201, restComment(51, "x"));
    const { p, warnings } = publisher({ settings: settings({ deployment: false }) });
    await p.starting();
    await p.live({ url: "https://pv.example", provider: "local" });
    expect(warnings).toEqual([]);
    expect(p.record.commentId).toBe(51);
  });

  it("degrades a 403 to one warning, then stops commenting; the deployment carries on", async () => {
    viewer();
    nock(API).get(C).query(true).reply(200, []);
    nock(API).post(C).reply(403, { message: "Resource not accessible by integration" });
    nock(API).post("/repos/octo/app/deployments").reply(201, { id: 7 });
    const states: { state: string }[] = [];
    nock(API).post("/repos/octo/app/deployments/7/statuses", capture(states)).times(4).reply(201, {});
    const { p, warnings } = publisher();
    await expect(p.starting()).resolves.toBeUndefined();
    await p.live({ url: "https://pv.example", provider: "local" });
    await p.failed("tests broke");
    await p.stopped();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^GitHub refused the PR comment \(could not create the pull request comment: HTTP 403: Resource not accessible by integration/,
    );
    expect(warnings[0]).toContain("`pull-requests: write`");
    expect(warnings[0]).toContain("the preview and the tests carry on");
    expect(states.map((s) => s.state)).toEqual(["in_progress", "success", "error", "inactive"]);
  });

  it("skips a fork PR up front with one warning and no API call", async () => {
    const { p, warnings, records } = publisher({
      context: prContext({
        pullRequest: { number: 42, headSha: HEAD, headRef: "f", baseRef: "main", fromFork: true },
      }),
    });
    await p.starting();
    await p.live({ url: "https://pv.example", provider: "local" });
    await p.stopped();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/comes from a fork, so the workflow's token is read-only/);
    expect(warnings[0]).not.toMatch(/pull_request_target/);
    expect(records).toEqual([]);
    expect(p.record).toEqual({ commentId: undefined, deploymentId: undefined, environment: undefined });
  });

  it("scrubs secrets from what it publishes, and keeps the one-click link off a public repository", async () => {
    const registry = new SecretRegistry();
    registry.add("hunter2-password", "a password");
    viewer();
    nock(API).get(C).query(true).reply(200, []);
    const bodies: { body: string }[] = [];
    nock(API).post(C, capture(bodies)).reply(201, restComment(50, "x"));
    nock(API).patch("/repos/octo/app/issues/comments/50", capture(bodies)).reply(200, restComment(50, "x"));
    const { p } = publisher({
      settings: settings({ deployment: false }),
      redact: (text) => registry.redact(text),
    });
    await p.live({
      url: "https://pv.example",
      provider: "local",
      signIn: { method: "basic auth", oneClickUrl: "https://pv.example/__login?token=abc" },
    });
    await p.failed("login failed with password hunter2-password");
    const all = bodies.map((b) => b.body).join("\n");
    expect(all).not.toContain("hunter2-password");
    expect(all).toContain("login failed with password [redacted]");
    expect(all).not.toContain("__login?token=abc");
  });
});

describe("Publisher: the deployment", () => {
  /** Exactly `count` statuses are expected (afterEach fails on unused or extra calls). */
  function deploymentMocks(id: number, count: number) {
    const created: Record<string, unknown>[] = [];
    const statuses: Record<string, unknown>[] = [];
    nock(API).post("/repos/octo/app/deployments", capture(created)).reply(201, { id });
    nock(API)
      .post(`/repos/octo/app/deployments/${id}/statuses`, capture(statuses))
      .times(count)
      .reply(201, {});
    return { created, statuses };
  }

  it("on success: in_progress (run link) -> success (preview URL) -> inactive", async () => {
    const { created, statuses } = deploymentMocks(7, 3);
    const { p, warnings, records } = publisher({ settings: settings({ comment: false }) });
    await p.starting();
    await p.starting(); // idempotent
    await p.live({ url: "https://pv.example", provider: "ngrok" });
    await p.testsDone({ passed: 1, total: 1 });
    await p.stopped();
    await p.stopped(); // idempotent
    expect(warnings).toEqual([]);
    expect(created).toEqual([
      {
        ref: HEAD,
        environment: "pr-42",
        description: "Starting the preview",
        auto_merge: false,
        required_contexts: [],
        transient_environment: true,
        production_environment: false,
      },
    ]);
    expect(statuses).toEqual([
      { state: "in_progress", description: "Starting the preview", log_url: RUN },
      {
        state: "success",
        description: "Preview via ngrok",
        log_url: RUN,
        environment_url: "https://pv.example",
      },
      { state: "inactive", description: "Preview stopped", log_url: RUN },
    ]);
    expect(records.at(-1)).toEqual({ commentId: undefined, deploymentId: 7, environment: "pr-42" });
  });

  it("when the preview never came up: in_progress -> failure -> inactive", async () => {
    const { statuses } = deploymentMocks(8, 3);
    const { p } = publisher({ settings: settings({ comment: false }) });
    await p.starting();
    await p.failed("The app exited with code 1 before it was ready.\nlog tail...");
    await p.stopped();
    expect(statuses.map((s) => [s.state, s.description])).toEqual([
      ["in_progress", "Starting the preview"],
      ["failure", "The app exited with code 1 before it was ready."],
      ["inactive", "Preview stopped"],
    ]);
  });

  it("when it broke after going live: success -> error -> inactive", async () => {
    const { statuses } = deploymentMocks(9, 4);
    const { p } = publisher({ settings: settings({ comment: false }) });
    await p.starting();
    await p.live({ url: "https://pv.example", provider: "local" });
    await p.failed("The app was killed by SIGKILL while the preview was up.");
    await p.stopped();
    expect(statuses.map((s) => s.state)).toEqual(["in_progress", "success", "error", "inactive"]);
  });

  it("on push: no comment, a deployment of GITHUB_SHA in preview-<branch>", async () => {
    const { created, statuses } = deploymentMocks(10, 3);
    const { p, warnings } = publisher({ context: pushContext() });
    await p.starting();
    await p.live({ url: "https://pv.example", provider: "local" });
    await p.stopped();
    expect(warnings).toEqual([]);
    expect(created[0]).toMatchObject({ ref: PUSH_SHA, environment: "preview-main" });
    expect(statuses.map((s) => s.state)).toEqual(["in_progress", "success", "inactive"]);
    expect(p.record).toEqual({ commentId: undefined, deploymentId: 10, environment: "preview-main" });
  });

  it("carries on from a snapshot in another process: marks the same deployment inactive and updates the same comment", async () => {
    const statuses: Record<string, unknown>[] = [];
    nock(API).post("/repos/octo/app/deployments/21/statuses", capture(statuses)).reply(201, {});
    const bodies: { body: string }[] = [];
    nock(API).patch("/repos/octo/app/issues/comments/31", capture(bodies)).reply(200, restComment(31, "x"));
    const first = publisher({ settings: settings() });
    const snapshot = {
      ...first.p.snapshot(),
      commentId: 31,
      deploymentId: 21,
      phase: "live" as const,
      url: "https://pv.example",
      provider: "local",
    };
    const { p, warnings } = publisher({ resume: JSON.parse(JSON.stringify(snapshot)) });
    await p.stopped();
    expect(warnings).toEqual([]);
    expect(statuses.map((s) => s.state)).toEqual(["inactive"]);
    expect(bodies[0]?.body).toContain("`https://pv.example/` (no longer reachable)");
  });
});

describe("Publisher never throws", () => {
  const failing = (error: unknown): GitHubApi =>
    new Proxy({} as GitHubApi, {
      get: () => () => Promise.reject(error),
    });

  it.each([
    ["a 500 after retries", new GitHubApiError("could not create the deployment: HTTP 500: boom", 500)],
    ["a network error", new TypeError("fetch failed")],
    ["a thrown string", "weird"],
  ])("turns %s into warnings and keeps going", async (_, error) => {
    const { p, warnings } = publisher({ api: failing(error) });
    await expect(p.starting()).resolves.toBeUndefined();
    await expect(p.live({ url: "https://pv.example", provider: "local" })).resolves.toBeUndefined();
    await expect(p.stopped()).resolves.toBeUndefined();
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings.every((w) => w.startsWith("Publishing the preview: "))).toBe(true);
  });

  it("says once that nothing is published without a token", async () => {
    const { p, warnings } = publisher({ api: undefined });
    await p.starting();
    await p.stopped();
    expect(warnings).toEqual([
      'No GitHub token (input "github-token" is empty): the preview is not published as a PR comment or deployment.',
    ]);
  });

  it("keeps calls in order even when the caller does not await", async () => {
    const order: string[] = [];
    const api: GitHubApi = {
      viewerLogin: async () => BOT,
      listIssueComments: async () => [],
      createIssueComment: async (_r, _n, body) => {
        order.push(`create ${/### (.*)/.exec(body)?.[1]}`);
        return { id: 1, nodeId: "IC_1", body, author: BOT, url: undefined };
      },
      updateIssueComment: async (_r, id, body) => {
        order.push(`update ${/### (.*)/.exec(body)?.[1]}`);
        return { id, nodeId: "IC_1", body, author: BOT, url: undefined };
      },
      deleteIssueComment: async () => {},
      minimizedComments: async () => new Set(),
      minimizeComment: async () => {},
      createDeployment: async () => {
        order.push("deployment");
        return { id: 2 };
      },
      createDeploymentStatus: async (_r, _id, s) => {
        await new Promise((resolve) => setImmediate(resolve));
        order.push(s.state);
      },
    };
    const { p } = publisher({ api });
    void p.starting();
    void p.live({ url: "https://pv.example", provider: "local" });
    void p.stopped();
    await p.settled();
    expect(order).toEqual([
      "deployment",
      "in_progress",
      "create ⏳ Preview starting",
      "success",
      "update 🟢 Preview is live",
      "inactive",
      "update ⚪ Preview stopped at 2026-05-01 10:00 UTC",
    ]);
  });
});
