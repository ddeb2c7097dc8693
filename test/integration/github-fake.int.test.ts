/** The fake GitHub itself, through plain fetch: what end-to-end tests rely on. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FakeGitHub } from "../helpers/fake-github.js";

let fake: FakeGitHub;
beforeEach(async () => {
  fake = await FakeGitHub.start({ token: "tok", login: "ci-bot[bot]" });
});
afterEach(async () => {
  await fake.close();
});

const call = async (method: string, path: string, body?: unknown, token = "tok") => {
  const response = await fetch(`${fake.url}${path}`, {
    method,
    headers: { authorization: `token ${token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, data: text ? JSON.parse(text) : undefined };
};

describe("FakeGitHub", () => {
  it("rejects a wrong token and unknown routes, and records both", async () => {
    expect((await call("GET", "/user", undefined, "nope")).status).toBe(401);
    expect((await call("GET", "/nowhere")).status).toBe(404);
    expect(fake.requests.map((r) => [r.route, r.status])).toEqual([
      ["user", 401],
      [undefined, 404],
    ]);
  });

  it("answers the viewer query and /user with its login", async () => {
    expect((await call("POST", "/graphql", { query: "query { viewer { login } }" })).data).toEqual({
      data: { viewer: { login: "ci-bot[bot]" } },
    });
    expect((await call("GET", "/user")).data).toMatchObject({ login: "ci-bot[bot]", type: "Bot" });
  });

  it("keeps comments: create, update own only, delete own only, with bodies capped like GitHub", async () => {
    const theirs = fake.seedComment({ issue: 3, body: "theirs", login: "someone" });
    const created = await call("POST", "/repos/o/r/issues/3/comments", { body: "mine" });
    expect(created.status).toBe(201);
    expect(created.data).toMatchObject({
      body: "mine",
      user: { login: "ci-bot[bot]" },
      node_id: `IC_${created.data.id}`,
    });
    expect(
      (await call("PATCH", `/repos/o/r/issues/comments/${created.data.id}`, { body: "edited" })).status,
    ).toBe(200);
    expect((await call("PATCH", `/repos/o/r/issues/comments/${theirs.id}`, { body: "x" })).status).toBe(403);
    expect((await call("DELETE", `/repos/o/r/issues/comments/${theirs.id}`)).status).toBe(403);
    expect((await call("POST", "/repos/o/r/issues/3/comments", { body: "x".repeat(65_537) })).status).toBe(
      422,
    );
    expect(fake.commentsOn(3).map((c) => c.body)).toEqual(["theirs", "edited"]);
    expect((await call("DELETE", `/repos/o/r/issues/comments/${created.data.id}`)).status).toBe(204);
    expect(fake.commentsOn(3)).toHaveLength(1);
  });

  it("injects failures in order: status, GraphQL error, primary rate limit", async () => {
    fake.fail("create-deployment", { status: 500, times: 2 });
    fake.primaryRateLimit("create-deployment", { resetIn: 30 });
    fake.fail("minimize-comment", { graphqlError: { type: "FORBIDDEN", message: "nope" } });
    const statuses = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await call("POST", "/repos/o/r/deployments", { ref: "abc" })).status);
    expect(statuses).toEqual([500, 500, 403, 201]);
    const limited = fake.requestsTo("create-deployment")[2];
    expect(limited?.status).toBe(403);
    const minimize = await call("POST", "/graphql", {
      query: "mutation { minimizeComment(input: {}) { x } }",
    });
    expect(minimize.data.errors[0].type).toBe("FORBIDDEN");
  });

  it("answers a secondary rate limit with retry-after", async () => {
    fake.secondaryRateLimit("list-comments", { retryAfter: 7 });
    const response = await call("GET", "/repos/o/r/issues/1/comments");
    expect(response.status).toBe(403);
    expect(response.headers.get("retry-after")).toBe("7");
    expect(response.data.message).toMatch(/secondary rate limit/);
    expect((await call("GET", "/repos/o/r/issues/1/comments")).status).toBe(200);
  });

  it("keeps deployments and their statuses, rejecting unknown states", async () => {
    const { data } = await call("POST", "/repos/o/r/deployments", { ref: "abc", environment: "pr-1" });
    expect(
      (
        await call("POST", `/repos/o/r/deployments/${data.id}/statuses`, {
          state: "success",
          environment_url: "https://x",
        })
      ).status,
    ).toBe(201);
    expect(
      (await call("POST", `/repos/o/r/deployments/${data.id}/statuses`, { state: "destroyed" })).status,
    ).toBe(422);
    expect(fake.deployments[0]).toMatchObject({ ref: "abc", environment: "pr-1" });
    expect(fake.deployments[0]?.statuses.map((s) => s.state)).toEqual(["success"]);
    expect((await call("GET", `/repos/o/r/deployments/${data.id}/statuses`)).data[0].state).toBe("success");
  });
});

describe("FakeGitHub extensions", () => {
  it("serves an extension's routes before the core's (form bodies parsed, public ones without the token), records them and injects failures", async () => {
    const seen: unknown[] = [];
    const ext = await FakeGitHub.start({
      token: "tok",
      extensions: [
        {
          routes: [
            { method: "POST", pattern: /^\/login\/echo\/(\w+)$/, name: "echo", rawPath: true, public: true },
            {
              method: "GET",
              pattern: /^\/user$/,
              name: "user-of-ext",
              public: true,
              claims: (req) => req.headers.authorization === "token ext-user",
            },
          ],
          handle(route, request) {
            if (route === "user-of-ext") return request.send(200, { login: "ext-user" });
            seen.push([route, request.params, request.body]);
            request.send(200, { id: request.fake.newId() });
          },
        },
      ],
    });
    try {
      const post = () =>
        fetch(`${ext.url}/login/echo/abc`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: "client_id=c1&scope=read%3Aorg",
        });
      const ok = await post();
      expect(ok.status).toBe(200);
      expect(((await ok.json()) as { id: number }).id).toBeGreaterThan(0);
      ext.fail("echo", { status: 503 });
      expect((await post()).status).toBe(503);
      expect(seen).toEqual([["echo", ["abc"], { client_id: "c1", scope: "read:org" }]]);
      expect(ext.requestsTo("echo").map((r) => r.status)).toEqual([200, 503]);
      // A route the extension claims shadows the core's; others still reach the core.
      const user = (token: string) =>
        fetch(`${ext.url}/user`, { headers: { authorization: `token ${token}` } }).then(
          async (r) => [r.status, ((await r.json()) as { login?: string }).login] as const,
        );
      expect(await user("ext-user")).toEqual([200, "ext-user"]);
      expect(await user("tok")).toEqual([200, "github-actions[bot]"]);
      expect(await user("other")).toEqual([401, undefined]);
    } finally {
      await ext.close();
    }
  });
});
