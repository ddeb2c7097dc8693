/**
 * The temporary webhook manager through the real Octokit client against the fake GitHub, whose
 * hooks really deliver: a ping the app verifies with @octokit/webhooks-methods is reported
 * with its status and duration; a ping the app answers 500 is reported with the app's status
 * and words; a URL nobody answers is reported as unreachable (after redeliveries); a token
 * without Webhooks: write is told which permission it lacks; stale hooks are swept by marker;
 * deleting is idempotent and never throws.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { newWebhookSecret } from "../../src/config/resolve/github-webhook.js";
import { createHooksApi } from "../../src/github/hooks-client.js";
import { type WebhookHooks, webhookHooks } from "../../src/github/webhook-hook.js";
import { markedUrl, readMarker } from "../../src/github/webhook-marker.js";
import { type ChildApp, startChildApp } from "../fixtures/scenarios/apps.js";
import { FakeGitHub } from "../helpers/fake-github.js";
import { FakeHooks } from "../helpers/fake-github-hooks.js";
import { expectNoProcessLeft } from "../helpers/processes.js";
import { type LogLines, startApp, type TestApp, testLogger } from "./gate-helpers.js";

const SECRET = "the run's webhook secret for these tests";
const repo = { owner: "o", repo: "r" };
const marker = { scope: "preview-pr-7", run: "run-2" };
let verifier: ChildApp;
let fake: FakeGitHub;
let fakeHooks: FakeHooks;
let logger: LogLines;
let hooks: WebhookHooks;
let other: TestApp | undefined;

beforeAll(async () => {
  verifier = await startChildApp(path.resolve("test/fixtures/scenarios/verifier-app.mjs"), {
    GITHUB_WEBHOOK_SECRET: SECRET,
  });
});
afterAll(async () => {
  await verifier?.close();
  if (verifier) await expectNoProcessLeft(verifier.mark);
});
beforeEach(async () => {
  fakeHooks = new FakeHooks();
  fake = await FakeGitHub.start({ token: "tok", extensions: [fakeHooks] });
  logger = testLogger();
  hooks = manager();
});
afterEach(async () => {
  await fake.close();
  await other?.close();
  other = undefined;
});

function manager(extra: { staleAfterMs?: number } = {}): WebhookHooks {
  const api = createHooksApi({ token: "tok", apiUrl: fake.url, logger, retries: 0 });
  return webhookHooks({ api, repo, logger, marker, pollMs: 20, ...extra });
}

async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("a temporary webhook", () => {
  it("is created with the run's secret and a marker, and its ping is verified by the app", async () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(newWebhookSecret()).not.toBe(secret);

    const hook = await hooks.create({
      publicUrl: `${verifier.url}/`,
      path: "/hooks/github",
      events: ["push", "pull_request"],
      secret: SECRET,
    });
    expect(hook.url).toBe(`${verifier.url}/hooks/github`);
    const stored = fakeHooks.live()[0];
    expect(stored?.config).toMatchObject({ content_type: "json", insecure_ssl: "0", secret: SECRET });
    expect(readMarker(stored?.config.url ?? "")).toEqual(marker);
    expect(stored?.events).toEqual(["push", "pull_request"]);

    const ping = await hooks.waitForPing(hook.id, { timeoutMs: 10_000 });
    expect(ping).toMatchObject({ ok: true, statusCode: 200, attempts: 1 });
    expect(ping.message).toMatch(/^GitHub's ping reached the app: 200 in \d+ ms\.$/);
    expect((await hooks.deliveries(hook.id)).map((d) => [d.event, d.statusCode, d.status])).toEqual([
      ["ping", 200, "OK"],
    ]);
  });

  it("follows the preview to a new URL: same id, secret and marker; GitHub delivers there", async () => {
    other = await startApp((_req, res) => res.end("old"));
    const hook = await hooks.create({
      publicUrl: `http://127.0.0.1:${other.port}`,
      path: "/hooks/github",
      events: ["push"],
      secret: SECRET,
    });
    await fakeHooks.settled();
    const moved = await hooks.repoint(hook.id, {
      publicUrl: verifier.url,
      path: "/hooks/github",
      secret: SECRET,
    });
    expect(moved).toEqual({ id: hook.id, url: `${verifier.url}/hooks/github` });
    const stored = fakeHooks.live()[0];
    expect(readMarker(stored?.config.url ?? "")).toEqual(marker);
    expect(stored?.config.secret).toBe(SECRET);
    // The verifier checks the signature made with the (same) secret at the new URL.
    const [push] = await fakeHooks.deliverEvent("push", { ref: "refs/heads/main" });
    expect([push?.statusCode, push?.response?.payload]).toEqual([
      200,
      expect.stringContaining('"event":"push"'),
    ]);
    expect(fake.requestsTo("update-hook")[0]?.body).toMatchObject({
      config: { content_type: "json", insecure_ssl: "0" },
    });
  });

  it("a ping the app answers 500 is reported with the app's status and response", async () => {
    other = await startApp((_req, res) => {
      res.writeHead(500, { "content-type": "text/plain" });
      res.end("boom: no handler for ping");
    });
    const hook = await hooks.create({
      publicUrl: `http://127.0.0.1:${other.port}`,
      path: "/webhooks/github",
      events: ["push"],
      secret: SECRET,
    });
    const ping = await hooks.waitForPing(hook.id, { timeoutMs: 10_000 });
    expect(ping).toMatchObject({
      ok: false,
      reason: "app",
      statusCode: 500,
      status: "Invalid HTTP Response: 500",
      response: "boom: no handler for ping",
      attempts: 1,
    });
    expect(ping.message).toContain("GitHub's ping got 500 from the app");
    expect(ping.message).toContain("boom: no handler for ping");
    // The app answered: no redelivery was asked for.
    expect(fake.requestsTo("redeliver-hook-delivery")).toEqual([]);
  });

  it("a URL nobody answers is reported as unreachable, after the redeliveries", async () => {
    const port = await closedPort();
    const hook = await hooks.create({
      publicUrl: `http://127.0.0.1:${port}`,
      path: "/webhooks/github",
      events: ["push"],
      secret: SECRET,
    });
    const ping = await hooks.waitForPing(hook.id, { timeoutMs: 10_000, redeliveries: 2 });
    expect(ping).toMatchObject({ ok: false, reason: "unreachable", statusCode: 0, attempts: 3 });
    expect(ping.message).toBe(
      "GitHub could not reach the preview (failed to connect to host, 3 attempts): the tunnel's public URL did not answer GitHub.",
    );
    expect(fake.requestsTo("redeliver-hook-delivery")).toHaveLength(2);
  });

  it("a ping GitHub could not deliver at first succeeds on redelivery", async () => {
    let connections = 0;
    other = await startApp((_req, res) => res.end("ok"));
    other.server.prependListener("connection", (socket) => {
      // The first connection is dropped, as by a tunnel edge not ready yet.
      if (++connections === 1) socket.destroy();
    });
    const hook = await hooks.create({
      publicUrl: `http://127.0.0.1:${other.port}`,
      path: "/webhooks/github",
      events: ["push"],
      secret: SECRET,
    });
    const ping = await hooks.waitForPing(hook.id, { timeoutMs: 10_000 });
    expect(ping).toMatchObject({ ok: true, statusCode: 200, attempts: 2 });
    expect(logger.lines.some((l) => l.includes("asking it to redeliver"))).toBe(true);
    const log = await hooks.deliveries(hook.id);
    expect(log.map((d) => [d.redelivery, d.statusCode])).toEqual([
      [true, 200],
      [false, 0],
    ]);
    expect(log[0]?.guid).toBe(log[1]?.guid);
  });

  it("no ping in the log within the deadline is reported as such", async () => {
    const hook = await hooks.create({
      publicUrl: verifier.url,
      path: "/hooks/github",
      events: ["push"],
      secret: SECRET,
    });
    await fakeHooks.settled();
    // The log is answered empty from now on (as if GitHub had not logged the ping yet).
    fakeHooks.deliveries.length = 0;
    const ping = await hooks.waitForPing(hook.id, { timeoutMs: 300 });
    expect(ping).toMatchObject({ ok: false, reason: "no-ping", attempts: 0 });
    expect(ping.message).toBe("GitHub's delivery log of the webhook showed no ping within 0.3 s.");
  });
});

describe("refusals", () => {
  it("a 403 names the permission the token lacks, and that GITHUB_TOKEN cannot do it", async () => {
    fakeHooks.permission = "read";
    const create = () =>
      hooks.create({ publicUrl: verifier.url, path: "/hooks/github", events: ["push"], secret: SECRET });
    await expect(create()).rejects.toThrow(
      /^could not create the repository webhook: GitHub answered 403: Resource not accessible by integration; the token lacks the repository permission Webhooks: write\. Use a fine-grained personal access token or a GitHub App installation token \(e\.g\. from actions\/create-github-app-token\) with the repository permission Webhooks: write; the workflow's GITHUB_TOKEN cannot manage webhooks$/,
    );
    fakeHooks.tokenKind = "personal access token";
    await expect(create()).rejects.toThrow(
      /Resource not accessible by personal access token; the token lacks/,
    );
    await expect(create()).rejects.toMatchObject({ status: 403, forbidden: true });
    expect(fakeHooks.hooks).toEqual([]);
  });

  it("a 404 says the token may not administer the repository's webhooks", async () => {
    fake.fail("create-hook", { status: 404, message: "Not Found" });
    await expect(
      hooks.create({ publicUrl: verifier.url, path: "/hooks/github", events: ["push"], secret: SECRET }),
    ).rejects.toThrow(
      /GitHub answered 404: Not Found; either o\/r is not visible to this token or the token may not administer its webhooks \(a classic personal access token needs the admin:repo_hook scope/,
    );
  });

  it("GitHub's 422 is passed on with its reasons", async () => {
    await expect(
      hooks.create({ publicUrl: "https://example.com", path: "/hooks", events: ["push"], secret: SECRET }),
    ).rejects.toThrow(/GitHub answered 422: Validation Failed: fake-github delivers only to loopback URLs/);
  });
});

describe("cleaning up", () => {
  it("remove is idempotent and never throws; a failure is a warning", async () => {
    const hook = await hooks.create({
      publicUrl: verifier.url,
      path: "/hooks/github",
      events: ["push"],
      secret: SECRET,
    });
    await fakeHooks.settled();
    fake.fail("delete-hook", { status: 500, message: "GitHub is down" });
    expect(await hooks.remove(hook.id)).toBe(false);
    expect(logger.lines.find((l) => l.startsWith("warning:"))).toContain(
      `Could not delete the temporary webhook ${hook.id} of o/r`,
    );
    expect(fakeHooks.live()).toHaveLength(1);
    expect(await hooks.remove(hook.id)).toBe(true);
    expect(await hooks.remove(hook.id)).toBe(true);
    expect(fakeHooks.live()).toEqual([]);
    expect(logger.lines.filter((l) => l.startsWith("info:")).slice(-2)).toEqual([
      `info: Deleted the temporary webhook ${hook.id} of o/r.`,
      `info: The temporary webhook ${hook.id} of o/r was already gone.`,
    ]);
  });

  it("sweep deletes this preview's earlier hooks and any of ours older than a day, nothing else", async () => {
    const url = (scope: string, run: string) =>
      markedUrl("http://127.0.0.1:9", "/webhooks/github", { scope, run });
    const dayAgo = new Date(Date.now() - 25 * 3_600_000);
    const earlier = fakeHooks.seedHook({ url: url(marker.scope, "run-1") });
    const otherPreview = fakeHooks.seedHook({ url: url("preview-pr-8", "run-5") });
    const abandoned = fakeHooks.seedHook({ url: url("preview-pr-3", "run-0"), createdAt: dayAgo });
    const someoneElse = fakeHooks.seedHook({ url: "http://127.0.0.1:9/ci", createdAt: dayAgo });
    const current = fakeHooks.seedHook({ url: url(marker.scope, marker.run) });
    const result = await hooks.sweep();
    expect(result.deleted.map((d) => [d.id, d.why])).toEqual([
      [earlier.id, "an earlier run of this preview"],
      [abandoned.id, "a run 25 h ago"],
    ]);
    expect(fakeHooks.live().map((h) => h.id)).toEqual([otherPreview.id, someoneElse.id, current.id]);
    expect(result.deleted[0]?.url).toBe("http://127.0.0.1:9/webhooks/github");
  });

  it("a token that may not list the hooks is refused (it could not make one either), naming Webhooks: write", async () => {
    fakeHooks.permission = "none";
    const result = await hooks.sweep();
    expect(result.deleted).toEqual([]);
    expect(result.refused).toMatch(
      /^could not list the repository's webhooks: GitHub answered 403: Resource not accessible by integration; the token lacks the repository permission Webhooks: write\./,
    );
  });

  it("a sweep GitHub fails otherwise is a warning, not a failure", async () => {
    fake.fail("list-hooks", { status: 500, message: "GitHub is down" });
    expect(await hooks.sweep()).toEqual({ deleted: [] });
    expect(logger.lines.find((l) => l.startsWith("warning:"))).toMatch(
      /^warning: Could not look for webhooks earlier runs left behind: could not list the repository's webhooks: GitHub answered 500/,
    );
  });
});
