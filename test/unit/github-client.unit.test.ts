import nock from "nock";
import { describe, expect, it } from "vitest";
import { GitHubApiError } from "../../src/github/api.js";
import { createGitHubApi, type GitHubClientOptions } from "../../src/github/client.js";
import type { Logger } from "../../src/util/logger.js";
import { useStrictNock } from "../helpers/nock.js";

const API = "https://api.github.test";
const TOKEN = "ghs_unit_test_token_value";
const REPO = { owner: "octo", repo: "app" };

function memoryLogger() {
  const warnings: string[] = [];
  const all: string[] = [];
  const logger: Logger = {
    info: (m) => all.push(m),
    warning: (m) => {
      warnings.push(m);
      all.push(m);
    },
    error: (m) => all.push(m),
    debug: (m) => all.push(m),
    startGroup: () => {},
    endGroup: () => {},
    write: () => {},
  };
  return { logger, warnings, all };
}

function api(options: Partial<GitHubClientOptions> = {}) {
  const log = memoryLogger();
  const client = createGitHubApi({
    token: TOKEN,
    apiUrl: API,
    logger: log.logger,
    retryUnitMs: 1,
    pacing: "none",
    ...options,
  });
  return { client, ...log };
}

const comment = (id: number, login = "github-actions[bot]") => ({
  id,
  node_id: `IC_${id}`,
  body: `comment ${id}`,
  user: { login },
  html_url: `https://github.com/octo/app/pull/1#issuecomment-${id}`,
});

useStrictNock();

describe("the Octokit-backed GitHubApi", () => {
  it("sends the token, creates a comment and maps the response", async () => {
    nock(API, { reqheaders: { authorization: `token ${TOKEN}` } })
      .post("/repos/octo/app/issues/7/comments", { body: "hello" })
      .reply(201, comment(11));
    const { client } = api();
    expect(await client.createIssueComment(REPO, 7, "hello")).toEqual({
      id: 11,
      nodeId: "IC_11",
      body: "comment 11",
      author: "github-actions[bot]",
      url: "https://github.com/octo/app/pull/1#issuecomment-11",
    });
  });

  it("retries 5xx and then succeeds", async () => {
    nock(API).post("/repos/octo/app/deployments").reply(502, { message: "Bad Gateway" });
    nock(API).post("/repos/octo/app/deployments").reply(503, { message: "Unavailable" });
    nock(API).post("/repos/octo/app/deployments").reply(201, { id: 5 });
    const { client } = api();
    expect(
      await client.createDeployment(REPO, { ref: "abc", environment: "pr-1", description: "d" }),
    ).toEqual({ id: 5 });
  });

  it("gives up after the configured retries with a GitHubApiError carrying the status", async () => {
    const scope = nock(API)
      .patch("/repos/octo/app/issues/comments/3")
      .times(3)
      .reply(500, { message: "boom" });
    const { client } = api({ retries: 2 });
    const error = await client.updateIssueComment(REPO, 3, "x").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubApiError);
    expect((error as GitHubApiError).status).toBe(500);
    expect((error as GitHubApiError).message).toMatch(
      /^could not update the pull request comment: HTTP 500: boom/,
    );
    expect(scope.isDone()).toBe(true);
  });

  it("does not retry a 403 and marks it forbidden, without the token in the message", async () => {
    const scope = nock(API)
      .post("/repos/octo/app/issues/7/comments")
      .reply(403, { message: "Resource not accessible by integration" });
    const { client } = api();
    const error = (await client.createIssueComment(REPO, 7, "x").catch((e: unknown) => e)) as GitHubApiError;
    expect(error.status).toBe(403);
    expect(error.forbidden).toBe(true);
    expect(error.message).toContain("Resource not accessible by integration");
    expect(error.message).not.toContain(TOKEN);
    expect(scope.isDone()).toBe(true);
  });

  it("honours retry-after on a secondary rate limit, with a warning", async () => {
    const times: number[] = [];
    nock(API)
      .post("/repos/octo/app/issues/7/comments")
      .reply(() => {
        times.push(Date.now());
        return [
          403,
          {
            message:
              "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
          },
          { "retry-after": "3" },
        ];
      });
    nock(API)
      .post("/repos/octo/app/issues/7/comments")
      .reply(() => {
        times.push(Date.now());
        return [201, comment(12)];
      });
    const { client, warnings } = api({ retryUnitMs: 50 });
    expect((await client.createIssueComment(REPO, 7, "x")).id).toBe(12);
    expect(times).toHaveLength(2);
    const waited = (times[1] ?? 0) - (times[0] ?? 0);
    expect(waited).toBeGreaterThanOrEqual(145); // 3 s of retry-after at 50 ms per second
    expect(waited).toBeLessThan(1500); // not the 60 s fallback
    expect(warnings).toEqual([
      "GitHub API secondary rate limit hit (POST /repos/{owner}/{repo}/issues/{issue_number}/comments); retrying in 3s (retry 1 of 2).",
    ]);
  });

  it("gives up on a rate limit that would take longer than allowed", async () => {
    nock(API)
      .post("/repos/octo/app/deployments")
      .reply(403, { message: "You have exceeded a secondary rate limit." }, { "retry-after": "600" });
    const { client, warnings } = api({ maxRateLimitWaitSeconds: 30 });
    const error = (await client
      .createDeployment(REPO, { ref: "a", environment: "e", description: "d" })
      .catch((e: unknown) => e)) as GitHubApiError;
    expect(error.status).toBe(403);
    expect(error.rateLimited).toBe(true);
    expect(error.forbidden).toBe(false);
    expect(warnings[0]).toMatch(/giving up on this call \(it would have to wait 600s\)/);
  });

  it("retries a primary rate limit until its reset, a bounded number of times", async () => {
    const reset = String(Math.floor(Date.now() / 1000));
    const limited = [
      403,
      { message: "API rate limit exceeded" },
      { "x-ratelimit-remaining": "0", "x-ratelimit-reset": reset },
    ] as const;
    nock(API)
      .get("/repos/octo/app/issues/7/comments")
      .query(true)
      .times(3)
      .reply(...limited);
    const { client, warnings } = api({ rateLimitRetries: 2 });
    const error = (await client.listIssueComments(REPO, 7).catch((e: unknown) => e)) as GitHubApiError;
    expect(error.rateLimited).toBe(true);
    expect(warnings.filter((w) => w.includes("retrying"))).toHaveLength(2);
    expect(warnings.at(-1)).toMatch(/giving up/);
  });

  it("lists every page of comments", async () => {
    nock(API)
      .get("/repos/octo/app/issues/7/comments")
      .query({ per_page: "100" })
      .reply(
        200,
        Array.from({ length: 100 }, (_, i) => comment(i + 1)),
        { link: `<${API}/repos/octo/app/issues/7/comments?per_page=100&page=2>; rel="next"` },
      );
    nock(API)
      .get("/repos/octo/app/issues/7/comments")
      .query({ per_page: "100", page: "2" })
      .reply(200, [comment(101, "someone")]);
    const { client } = api();
    const comments = await client.listIssueComments(REPO, 7);
    expect(comments).toHaveLength(101);
    expect(comments.at(-1)).toMatchObject({ id: 101, author: "someone" });
  });

  it("creates deployments as transient, non-production previews without auto-merge or required contexts", async () => {
    let sent: unknown;
    nock(API)
      .post("/repos/octo/app/deployments", (body) => {
        sent = body;
        return true;
      })
      .reply(201, { id: 9 });
    nock(API)
      .post("/repos/octo/app/deployments/9/statuses", {
        state: "success",
        description: "up",
        log_url: "https://run",
        environment_url: "https://preview",
      })
      .reply(201, {});
    const { client } = api();
    await client.createDeployment(REPO, { ref: "abc", environment: "pr-1", description: "Preview" });
    await client.createDeploymentStatus(REPO, 9, {
      state: "success",
      description: "up",
      logUrl: "https://run",
      environmentUrl: "https://preview",
    });
    expect(sent).toEqual({
      ref: "abc",
      environment: "pr-1",
      description: "Preview",
      auto_merge: false,
      required_contexts: [],
      transient_environment: true,
      production_environment: false,
    });
  });

  it("treats a 202 (merge instead of deployment) as an error", async () => {
    nock(API)
      .post("/repos/octo/app/deployments")
      .reply(202, { message: "Auto-merged main into topic branch." });
    const { client } = api();
    await expect(
      client.createDeployment(REPO, { ref: "a", environment: "e", description: "d" }),
    ).rejects.toThrow(/no deployment was created: Auto-merged/);
  });

  it("talks to GitHub Enterprise Server under /api/v3, GraphQL under /api/graphql", async () => {
    const ghes = "https://ghe.example.test";
    nock(ghes)
      .post("/api/graphql")
      .reply(200, { data: { viewer: { login: "ci-bot[bot]" } } });
    nock(ghes).delete("/api/v3/repos/octo/app/issues/comments/4").reply(204);
    const { client } = api({ apiUrl: `${ghes}/api/v3/` });
    expect(await client.viewerLogin()).toBe("ci-bot[bot]");
    await client.deleteIssueComment(REPO, 4);
  });

  it("minimizes as OUTDATED and reads which comments are minimized", async () => {
    const bodies: { query: string; variables: Record<string, unknown> }[] = [];
    const record = (body: (typeof bodies)[number]) => {
      bodies.push(body);
      return true;
    };
    nock(API)
      .post("/graphql", record)
      .reply(200, {
        data: { nodes: [{ id: "IC_1", isMinimized: true }, null, { id: "IC_3", isMinimized: false }] },
      });
    nock(API)
      .post("/graphql", record)
      .reply(200, { data: { minimizeComment: { minimizedComment: { isMinimized: true } } } });
    const { client } = api();
    expect(await client.minimizedComments(["IC_1", "IC_2", "IC_3"])).toEqual(new Set(["IC_1"]));
    await client.minimizeComment("IC_3");
    expect(bodies[0]?.variables).toEqual({ ids: ["IC_1", "IC_2", "IC_3"] });
    expect(bodies[1]?.query).toContain("minimizeComment(input: {subjectId: $id, classifier: OUTDATED})");
    expect(bodies[1]?.variables).toEqual({ id: "IC_3" });
  });

  it("maps a GraphQL FORBIDDEN error to a 403", async () => {
    nock(API)
      .post("/graphql")
      .reply(200, {
        data: null,
        errors: [{ type: "FORBIDDEN", message: "Resource not accessible by integration" }],
      });
    const { client } = api();
    const error = (await client.minimizeComment("IC_1").catch((e: unknown) => e)) as GitHubApiError;
    expect(error.status).toBe(403);
    expect(error.forbidden).toBe(true);
  });
});
