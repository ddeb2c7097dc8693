/**
 * The fake GitHub's repository webhooks, through plain fetch: a created hook really delivers a
 * ping, signed as GitHub signs, that an app verifies with @octokit/webhooks-methods (the app
 * is a separate process the test never calls: what it answered is known only from the
 * delivery log, as on GitHub); the log, redelivery, deletion, validation and permissions.
 */
import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type ChildApp, startChildApp } from "../fixtures/scenarios/apps.js";
import { FakeGitHub } from "../helpers/fake-github.js";
import { FakeHooks } from "../helpers/fake-github-hooks.js";
import { expectNoProcessLeft } from "../helpers/processes.js";

const SECRET = "hook secret for the fake's tests";
let app: ChildApp;
let fake: FakeGitHub;
let hooks: FakeHooks;

beforeAll(async () => {
  app = await startChildApp(path.resolve("test/fixtures/scenarios/verifier-app.mjs"), {
    GITHUB_WEBHOOK_SECRET: SECRET,
  });
});
afterAll(async () => {
  await app?.close();
  if (app) await expectNoProcessLeft(app.mark);
});
beforeEach(async () => {
  hooks = new FakeHooks();
  fake = await FakeGitHub.start({ token: "tok", extensions: [hooks] });
});
afterEach(async () => {
  await fake.close();
});

const call = async (method: string, route: string, body?: unknown) => {
  const response = await fetch(`${fake.url}${route}`, {
    method,
    headers: { authorization: "Bearer tok", "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, data: text ? JSON.parse(text) : undefined };
};

const hookBody = (url: string, extra: Record<string, unknown> = {}) => ({
  name: "web",
  active: true,
  events: ["push", "pull_request"],
  config: { url, content_type: "json", secret: SECRET, insecure_ssl: "0" },
  ...extra,
});

describe("creating a hook", () => {
  it("answers 201 without the secret, then delivers a ping the app verifies with @octokit/webhooks-methods", async () => {
    const created = await call("POST", "/repos/o/r/hooks", hookBody(`${app.url}/hooks/github?mark=1`));
    expect(created.status).toBe(201);
    expect(created.data).toMatchObject({
      type: "Repository",
      name: "web",
      active: true,
      events: ["push", "pull_request"],
      config: { url: `${app.url}/hooks/github?mark=1`, content_type: "json", secret: "********" },
      last_response: { code: null, status: "unused" },
    });
    await hooks.settled();
    const [ping] = hooks.deliveriesOf(created.data.id);
    expect(ping).toMatchObject({ event: "ping", statusCode: 200, status: "OK", redelivery: false });
    expect(JSON.parse(ping?.response?.payload ?? "{}")).toMatchObject({ ok: true, event: "ping" });
    const headers = ping?.request.headers ?? {};
    const body = ping?.request.body ?? "";
    expect(headers["X-Hub-Signature"]).toBe(`sha1=${createHmac("sha1", SECRET).update(body).digest("hex")}`);
    expect(headers["User-Agent"]).toMatch(/^GitHub-Hookshot\/[0-9a-f]{7}$/);
    expect(headers["X-GitHub-Delivery"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(headers["X-GitHub-Hook-ID"]).toBe(String(created.data.id));
    expect(headers["X-GitHub-Hook-Installation-Target-Type"]).toBe("repository");
    expect(JSON.parse(body)).toMatchObject({ hook_id: created.data.id, hook: { id: created.data.id } });
    expect((await call("GET", `/repos/o/r/hooks/${created.data.id}`)).data.last_response).toEqual({
      code: 200,
      status: "active",
      message: "OK",
    });
  });

  it("records what the app answered: 401 for a ping signed with another secret", async () => {
    const created = await call("POST", "/repos/o/r/hooks", {
      ...hookBody(`${app.url}/hooks/github`),
      config: { url: `${app.url}/hooks/github`, content_type: "json", secret: "not the app's secret" },
    });
    await hooks.settled();
    expect(hooks.deliveriesOf(created.data.id)[0]).toMatchObject({
      statusCode: 401,
      status: "Invalid HTTP Response: 401",
    });
  });

  it("records status_code 0 when nothing listens at the URL", async () => {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    await new Promise((resolve) => server.close(resolve));
    const created = await call("POST", "/repos/o/r/hooks", hookBody(`http://127.0.0.1:${port}/x`));
    await hooks.settled();
    expect(hooks.deliveriesOf(created.data.id)[0]).toMatchObject({
      statusCode: 0,
      status: "failed to connect to host",
    });
  });

  it("validates the body as GitHub does (422 Validation Failed) and delivers only to loopback", async () => {
    const cases: [unknown, string][] = [
      [{ ...hookBody(`${app.url}/h`), name: "jenkins" }, "invalid"],
      [{ name: "web", config: {} }, "Config must contain a URL"],
      [{ name: "web" }, "missing_field"],
      [hookBody("ftp://127.0.0.1/h"), "URL must be http or https"],
      [hookBody("https://example.com/h"), "delivers only to loopback URLs"],
      [{ ...hookBody(`${app.url}/h`), config: { url: `${app.url}/h`, content_type: "xml" } }, "invalid"],
      [{ ...hookBody(`${app.url}/h`), config: { url: `${app.url}/h`, insecure_ssl: "2" } }, "invalid"],
      [{ ...hookBody(`${app.url}/h`), events: ["Push!"] }, "is not a valid event name"],
    ];
    for (const [body, text] of cases) {
      const answer = await call("POST", "/repos/o/r/hooks", body);
      expect(answer.status, JSON.stringify(body)).toBe(422);
      expect(answer.data.message).toBe("Validation Failed");
      expect(JSON.stringify(answer.data.errors)).toContain(text);
    }
    expect((await call("POST", "/repos/o/r/hooks", hookBody(`${app.url}/same`))).status).toBe(201);
    const twice = await call("POST", "/repos/o/r/hooks", hookBody(`${app.url}/same`));
    expect(twice.data.errors).toEqual([
      { resource: "Hook", code: "custom", message: "Hook already exists on this repository" },
    ]);
    await hooks.settled();
  });
});

describe("the delivery log", () => {
  it("lists deliveries newest first in GitHub's shape, pages with a cursor, shows request and response", async () => {
    const created = await call("POST", "/repos/o/r/hooks", hookBody(`${app.url}/hooks/github`));
    await hooks.settled();
    await hooks.deliverEvent("push", { ref: "refs/heads/main" });
    await hooks.deliverEvent("pull_request", { action: "opened", number: 1 });
    await hooks.deliverEvent("issues", { action: "opened" }); // not subscribed
    const list = await call("GET", `/repos/o/r/hooks/${created.data.id}/deliveries`);
    expect(list.data.map((d: { event: string; action: string | null }) => [d.event, d.action])).toEqual([
      ["pull_request", "opened"],
      ["push", null],
      ["ping", null],
    ]);
    expect(Object.keys(list.data[0]).sort()).toEqual(
      [
        "id",
        "guid",
        "delivered_at",
        "redelivery",
        "duration",
        "status",
        "status_code",
        "event",
        "action",
        "installation_id",
        "repository_id",
        "throttled_at",
        "url",
      ].sort(),
    );
    expect(list.data[0]).toMatchObject({ status: "OK", status_code: 200, redelivery: false });
    expect(typeof list.data[0].duration).toBe("number");

    const first = await call("GET", `/repos/o/r/hooks/${created.data.id}/deliveries?per_page=2`);
    expect(first.data).toHaveLength(2);
    const next = /<([^>]+)>; rel="next"/.exec(first.headers.get("link") ?? "")?.[1] ?? "";
    expect(next).toContain("cursor=v1_");
    const second = await call("GET", new URL(next).pathname + new URL(next).search);
    expect(second.data.map((d: { event: string }) => d.event)).toEqual(["ping"]);

    const detail = await call("GET", `/repos/o/r/hooks/${created.data.id}/deliveries/${list.data[1].id}`);
    expect(detail.data.request.payload).toEqual({ ref: "refs/heads/main" });
    expect(detail.data.request.headers["X-GitHub-Event"]).toBe("push");
    expect(JSON.parse(detail.data.response.payload)).toMatchObject({ ok: true, event: "push" });
  });

  it("redelivers with the same GUID (202, redelivery: true) and deletes hooks (204, then 404)", async () => {
    const created = await call("POST", "/repos/o/r/hooks", hookBody(`${app.url}/hooks/github`));
    await hooks.settled();
    const [ping] = hooks.deliveriesOf(created.data.id);
    const again = await call(
      "POST",
      `/repos/o/r/hooks/${created.data.id}/deliveries/${ping?.id}/attempts`,
      undefined,
    );
    expect(again.status).toBe(202);
    await hooks.settled();
    const [, redelivered] = hooks.deliveriesOf(created.data.id);
    expect(redelivered).toMatchObject({ guid: ping?.guid, redelivery: true, event: "ping", statusCode: 200 });
    expect((await call("DELETE", `/repos/o/r/hooks/${created.data.id}`)).status).toBe(204);
    expect((await call("DELETE", `/repos/o/r/hooks/${created.data.id}`)).status).toBe(404);
    expect((await call("GET", "/repos/o/r/hooks")).data).toEqual([]);
    expect((await hooks.deliverEvent("push", {})).length).toBe(0);
  });
});

describe("permissions", () => {
  it("a token without Webhooks: write gets GitHub's 403 and the permission it lacks", async () => {
    hooks.permission = "read";
    const refused = await call("POST", "/repos/o/r/hooks", hookBody(`${app.url}/h`));
    expect(refused.status).toBe(403);
    expect(refused.data.message).toBe("Resource not accessible by integration");
    expect(refused.headers.get("x-accepted-github-permissions")).toBe("repository_hooks=write");
    expect((await call("GET", "/repos/o/r/hooks")).status).toBe(200);
    hooks.permission = "none";
    hooks.tokenKind = "personal access token";
    const list = await call("GET", "/repos/o/r/hooks");
    expect(list.status).toBe(403);
    expect(list.data.message).toBe("Resource not accessible by personal access token");
    expect(list.headers.get("x-accepted-github-permissions")).toBe("repository_hooks=read");
    expect(hooks.hooks).toEqual([]);
  });
});
