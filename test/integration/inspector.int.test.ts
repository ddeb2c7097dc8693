/**
 * The request inspector through the real gate (startGate, configured from input values by
 * the real parsers), in front of the verifier app (each webhook route checked by the
 * provider's own library: @octokit/webhooks-methods, stripe):
 * - live events over SSE with ids; a dropped stream resumes from Last-Event-ID with exactly
 *   the missed exchanges; a gap beyond the ring is announced; polling as JSON;
 * - a stream that does not read is dropped, not buffered; the number of streams is bounded;
 * - replay re-signs deliveries with a fresh timestamp (a stale Stripe delivery the gate
 *   refused is accepted on replay by stripe's constructEvent), links the new exchange to the
 *   original, sends edits, and sends unsigned when asked; it passes the allow-list as the
 *   reviewer, and its ticket reaches neither the app nor the recording;
 * - who may use it: every route needs the preview's sign-in (basic, bearer, a login link's
 *   session); neither a replay ticket nor a webhook signature (even under a "/" rule) opens
 *   it; replay only by POST, same origin, JSON; the allow-list applies to it;
 * - `inspector: false` (and the default with auth: none) gives its path to the app; an
 *   explicit `true` with auth: none works and warns;
 * - Download HAR validates with har-validator, from the recorder's file or from memory;
 *   the inspector's own requests are neither recorded nor counted;
 * - details are redacted exactly as in the HAR; copy as curl holds no credentials.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sign as octokitSign } from "@octokit/webhooks-methods";
import Stripe from "stripe";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Har } from "../../src/gate/har.js";
import { REPLAY_HEADER } from "../../src/gate/inspector/index.js";
import type {
  ExchangeDetail,
  ExchangeSummary,
  PollAnswer,
  ReplayOutcome,
} from "../../src/gate/inspector/protocol.js";
import type { Gate, GateOptions } from "../../src/gate/server.js";
import { type ChildApp, startChildApp } from "../fixtures/scenarios/apps.js";
import { expectNoProcessLeft } from "../helpers/processes.js";
import { SseClient } from "../helpers/sse-client.js";
import { until } from "../helpers/wait.js";
import {
  basic,
  harValidator,
  type Inputs,
  type LogLines,
  type Reply,
  type RequestOptions,
  request,
  startApp,
  startTestGate,
  type TestApp,
  testLogger,
} from "./gate-helpers.js";

const PASSWORD = "inspector-Pass-2024";
const AUTH = basic("reviewer", PASSWORD);
const SECRETS = {
  GITHUB_WEBHOOK_SECRET: "gh-webhook-secret-for-inspector",
  STRIPE_WEBHOOK_SECRET: "whsec_inspectorStripeSecret0123",
};
const WEBHOOKS = [
  "github /hooks/github GITHUB_WEBHOOK_SECRET",
  "stripe /hooks/stripe STRIPE_WEBHOOK_SECRET",
].join("\n");
/** The tunnel agent names the client in X-Forwarded-For (as ngrok does); the gate trusts it from loopback. */
const CLIENT_IP_HEADER = "x-forwarded-for";
const stripe = new Stripe("sk_test_inspector");

let app: ChildApp;
let dir: string;
let logger: LogLines;
const gates: Gate[] = [];
const apps: TestApp[] = [];
const streams: SseClient[] = [];

beforeAll(async () => {
  app = await startChildApp(path.resolve("test/fixtures/scenarios/verifier-app.mjs"), SECRETS);
});
afterAll(async () => {
  await app.close();
  await expectNoProcessLeft(app.mark);
});
afterEach(async () => {
  for (const s of streams.splice(0)) s.close();
  for (const g of gates.splice(0)) await g.close();
  for (const a of apps.splice(0)) await a.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/**
 * The real gate in front of `appPort` (the verifier app unless given): Basic auth, both
 * webhook routes, recording to a HAR in a temp dir, unless `inputs` say otherwise.
 */
async function gate(
  inputs: Inputs = {},
  extra: Partial<Pick<GateOptions, "inspectorLimits">> & { appPort?: number } = {},
): Promise<Gate> {
  dir = mkdtempSync(path.join(tmpdir(), "inspector-"));
  logger = testLogger();
  const g = await startTestGate(
    extra.appPort ?? app.port,
    {
      credentials: `reviewer:${PASSWORD}`,
      "verify-webhooks": WEBHOOKS,
      record: path.join(dir, "requests.har"),
      ...inputs,
    },
    { env: SECRETS, clientIpHeader: CLIENT_IP_HEADER, logger, inspectorLimits: extra.inspectorLimits },
  );
  gates.push(g);
  return g;
}

async function open(g: Gate, headers: Record<string, string> = {}, query = ""): Promise<SseClient> {
  const s = await SseClient.open(g.port, `/__preview/inspect/events${query}`, {
    authorization: AUTH,
    ...headers,
  });
  streams.push(s);
  return s;
}

const inspect = (g: Gate, sub: string, options: RequestOptions = {}): Promise<Reply> =>
  request(g.port, `/__preview/inspect${sub}`, {
    ...options,
    headers: { authorization: AUTH, ...options.headers },
  });

async function githubDelivery(g: Gate, payload: object): Promise<Reply> {
  const body = JSON.stringify(payload);
  return request(g.port, "/hooks/github", {
    method: "POST",
    body,
    headers: {
      "content-type": "application/json",
      "x-github-event": "pull_request",
      "x-github-delivery": "72d3162e-cc78-11e3-81ab-4c9367dc0958",
      "x-hub-signature-256": await octokitSign(SECRETS.GITHUB_WEBHOOK_SECRET, body),
    },
  });
}

function stripeDelivery(g: Gate, ageSeconds: number): Promise<Reply> {
  const body = JSON.stringify({ id: "evt_1", object: "event", type: "invoice.paid", data: { object: {} } });
  return request(g.port, "/hooks/stripe", {
    method: "POST",
    body,
    headers: {
      "content-type": "application/json",
      "stripe-signature": stripe.webhooks.generateTestHeaderString({
        payload: body,
        secret: SECRETS.STRIPE_WEBHOOK_SECRET,
        timestamp: Math.floor(Date.now() / 1000) - ageSeconds,
      }),
    },
  });
}

const SAME_ORIGIN = { "sec-fetch-site": "same-origin", "content-type": "application/json" };

async function replay(
  g: Gate,
  id: number,
  edits: object = {},
  headers: Record<string, string> = SAME_ORIGIN,
) {
  const reply = await inspect(g, `/replay/${id}`, { method: "POST", body: JSON.stringify(edits), headers });
  return { status: reply.status, body: JSON.parse(reply.body) as ReplayOutcome & { error?: string } };
}

async function detail(g: Gate, id: number, headers: Record<string, string> = {}): Promise<ExchangeDetail> {
  const reply = await inspect(g, `/requests/${id}`, { headers });
  expect(reply.status).toBe(200);
  return JSON.parse(reply.body) as ExchangeDetail;
}

const received = async (): Promise<Record<string, number>> =>
  JSON.parse((await request(app.port, "/received")).body) as Record<string, number>;

describe("the live list", () => {
  it("streams each exchange with its id; a dropped stream resumes from Last-Event-ID; a gap beyond the ring is announced; JSON polling", async () => {
    const g = await gate({}, { inspectorLimits: { feed: { entries: 5 }, streams: { maxStreams: 4 } } });
    const first = await open(g);
    expect(first.status).toBe(200);
    expect(first.headers["content-type"]).toBe("text/event-stream; charset=utf-8");
    expect(first.headers["cache-control"]).toContain("no-store");
    const [hello] = await first.waitFor("hello", 1);
    expect(JSON.parse(hello?.data ?? "")).toMatchObject({ oldest: 1, newest: 0 });
    expect(first.retry).toBe(1000);

    expect((await request(g.port, "/health", { headers: { authorization: AUTH } })).status).toBe(200);
    expect((await githubDelivery(g, { action: "opened" })).status).toBe(200);
    expect((await request(g.port, "/health")).status).toBe(401);
    const live = await first.waitFor("message", 3);
    expect(live.map((e) => e.id)).toEqual(["1", "2", "3"]);
    const [health, hook, refused] = first.summaries<ExchangeSummary>();
    expect(health).toMatchObject({ id: 1, method: "GET", path: "/health", status: 200, client: "127.0.0.1" });
    expect(health?.contentType).toBe("application/json");
    expect(hook).toMatchObject({
      id: 2,
      method: "POST",
      path: "/hooks/github",
      status: 200,
      webhook: { provider: "github", ok: true },
    });
    expect(hook?.requestBytes).toBe(JSON.stringify({ action: "opened" }).length);
    expect(refused).toMatchObject({ id: 3, status: 401, note: "credentials required" });

    // Dropped: two exchanges happen meanwhile; the resumed stream gets exactly those, then live ones.
    first.close();
    await request(g.port, "/a", { headers: { authorization: AUTH } });
    await request(g.port, "/b", { headers: { authorization: AUTH } });
    const resumed = await open(g, { "last-event-id": "3" });
    await resumed.waitFor("message", 2);
    await request(g.port, "/c", { headers: { authorization: AUTH } });
    await resumed.waitFor("message", 3);
    expect(resumed.summaries<ExchangeSummary>().map((s) => [s.id, s.path])).toEqual([
      [4, "/a"],
      [5, "/b"],
      [6, "/c"],
    ]);
    expect(resumed.events.some((e) => e.event === "gap")).toBe(false);

    // Six exchanges, five kept: resuming from the start says one is gone and sends 2..6.
    const fromStart = await open(g, {}, "?lastEventId=0");
    const gap = (await fromStart.waitFor("gap", 1))[0];
    expect(JSON.parse(gap?.data ?? "")).toEqual({ missed: 1 });
    await fromStart.waitFor("message", 5);
    expect(fromStart.summaries<ExchangeSummary>().map((s) => s.id)).toEqual([2, 3, 4, 5, 6]);

    // An id from an earlier gate (above the newest) gets everything kept.
    const stale = await open(g, { "last-event-id": "999" });
    await stale.waitFor("message", 5);

    const poll = await inspect(g, "/events?lastEventId=4", { headers: { accept: "application/json" } });
    const answer = JSON.parse(poll.body) as PollAnswer;
    expect(answer).toMatchObject({ oldest: 2, newest: 6, missed: 0 });
    expect(answer.events.map((s) => s.id)).toEqual([5, 6]);

    // Three streams open (the first one's was let go): room for one more of four, not two.
    expect((await open(g)).status).toBe(200);
    expect((await inspect(g, "/events")).status).toBe(503);
    // The inspector's own requests (streams, the poll) are not in the list or the counts.
    expect(g.stats().total).toBe(6);
    const har = JSON.parse(readFileSync(await harFile(g), "utf8")) as Har;
    expect(har.log.entries.map((e) => new URL(e.request.url).pathname)).toEqual([
      "/health",
      "/hooks/github",
      "/health",
      "/a",
      "/b",
      "/c",
    ]);
  });

  it("drops a stream that does not read rather than buffering for it, and bounds the number of streams", async () => {
    const g = await gate(
      { record: "none" },
      { inspectorLimits: { streams: { maxStreams: 2, maxBufferedBytes: 512 * 1024 } } },
    );
    const reader = await open(g);
    const sleeper = await open(g);
    await reader.waitFor("hello", 1);
    await sleeper.waitFor("hello", 1);
    const third = await inspect(g, "/events");
    expect(third.status).toBe(503);
    expect(third.headers["retry-after"]).toBe("5");
    expect(JSON.parse(third.body).error).toMatch(/too many open inspector pages/);

    sleeper.pause();
    // Requests with long paths through the gate: megabytes of events the sleeper does not read.
    // Once the gate drops its stream, there is room for another: that is how we know.
    const long = `/${"x".repeat(8000)}`;
    let sent = 0;
    let another: SseClient | undefined;
    while (another === undefined) {
      await Promise.all(
        Array.from({ length: 50 }, () =>
          request(g.port, `${long}/${sent++}`, { headers: { authorization: AUTH } }),
        ),
      );
      const attempt = await open(g);
      if (attempt.status === 200) another = attempt;
      else attempt.close();
      if (sent > 20_000) throw new Error("the stream that does not read was never dropped");
    }
    // Reading again, the client finds its connection cut, short of the events sent meanwhile.
    sleeper.response.resume();
    await until("the dropped stream to end at the client", () => (sleeper.closed ? true : undefined));
    expect(sleeper.summaries().length).toBeLessThan(sent);
    // The reading stream got every one of them.
    await reader.waitFor("message", sent);
    expect(reader.closed).toBe(false);
  });
});

describe("replay", () => {
  it("signs deliveries again with a fresh timestamp (the provider's own verifier accepts them) and links the new exchange", async () => {
    const g = await gate();
    const before = await received();
    expect((await githubDelivery(g, { action: "opened", number: 7 })).status).toBe(200);
    const stale = await stripeDelivery(g, 3600);
    expect(stale.status).toBe(403);
    expect(stale.body).toMatch(/stripe webhook rejected/);
    const list = await open(g);
    await list.waitFor("message", 2);
    expect(list.summaries<ExchangeSummary>()[1]?.webhook).toMatchObject({ provider: "stripe", ok: false });
    expect(list.summaries<ExchangeSummary>()[1]?.webhook?.reason).toMatch(/tolerance|old|stale/i);

    const github = await replay(g, 1);
    expect(github.status).toBe(200);
    expect(github.body).toEqual({ replayOf: 1, id: 3, status: 200, signedAs: "github" });
    const replayed = await detail(g, 3);
    expect(replayed.summary).toMatchObject({
      replayOf: 1,
      webhook: { provider: "github", ok: true },
      status: 200,
    });
    // The app checked it with @octokit/webhooks-methods and said so.
    expect(JSON.parse(replayed.responseBody?.text ?? "")).toMatchObject({
      ok: true,
      provider: "github",
      event: "pull_request",
    });
    expect(replayed.requestBody?.text).toBe(JSON.stringify({ action: "opened", number: 7 }));
    expect((await detail(g, 1)).replays).toEqual([3]);
    await list.waitFor("message", 3);
    expect(list.summaries<ExchangeSummary>()[2]).toMatchObject({ id: 3, replayOf: 1 });

    // The stale Stripe delivery, signed again now, passes the gate and stripe's constructEvent.
    const fresh = await replay(g, 2);
    expect(fresh.body).toMatchObject({ replayOf: 2, id: 4, status: 200, signedAs: "stripe" });
    expect(JSON.parse((await detail(g, 4)).responseBody?.text ?? "")).toMatchObject({
      ok: true,
      event: "invoice.paid",
    });
    const after = await received();
    expect((after.github ?? 0) - (before.github ?? 0)).toBe(2);
    expect((after.stripe ?? 0) - (before.stripe ?? 0)).toBe(1);
  });

  it("sends edited headers and body (signed for the new body), or unsigned when asked", async () => {
    const g = await gate();
    await githubDelivery(g, { action: "opened" });
    const edited = JSON.stringify({ action: "closed", edited: true });
    const withEdits = await replay(g, 1, {
      headers: [
        ["content-type", "application/json"],
        ["x-github-event", "issues"],
        ["X-Extra", "from the editor"],
      ],
      body: edited,
    });
    expect(withEdits.body).toMatchObject({ status: 200, signedAs: "github", id: 2 });
    const d = await detail(g, 2);
    expect(JSON.parse(d.responseBody?.text ?? "")).toMatchObject({
      ok: true,
      event: "issues",
      bytes: edited.length,
    });
    expect(d.requestHeaders).toContainEqual({ name: "x-extra", value: "from the editor" });
    // Unsigned: the gate refuses it before the app, as it would any unsigned delivery.
    const unsigned = await replay(g, 1, { sign: false });
    expect(unsigned.body).toMatchObject({ status: 401, id: 3 });
    expect(unsigned.body.signedAs).toBeUndefined();
    expect((await detail(g, 3)).summary.webhook).toMatchObject({
      ok: false,
      reason: "missing x-hub-signature-256 header",
    });
    // Ordinary requests replay too: the ticket stands in for the reviewer's credentials.
    await request(g.port, "/health?x=1", { headers: { authorization: AUTH } });
    const health = await replay(g, 4);
    expect(health.body).toEqual({ replayOf: 4, id: 5, status: 200 });
    expect((await detail(g, 5)).url).toBe(`http://127.0.0.1:${g.port}/health?x=1`);
    // The path goes out as it came in, not as URL parsing would rewrite it.
    await request(g.port, "/raw/<b>?q=<i>&r=a%20b", { headers: { authorization: AUTH } });
    expect((await replay(g, 6)).body).toMatchObject({ replayOf: 6, id: 7 });
    expect((await detail(g, 7)).summary.path).toBe("/raw/<b>?q=<i>&r=a%20b");
  });

  it("refuses what cannot be replayed with the reason", async () => {
    const g = await gate({ "record-body-limit": "8b" });
    await githubDelivery(g, { action: "opened", long: "a body longer than eight bytes" });
    const cut = await replay(g, 1);
    expect(cut.status).toBe(409);
    expect(cut.body.error).toMatch(/not recorded in full \(raise record-body-limit\)/);
    // With a body given in the edit it can go.
    expect((await replay(g, 1, { body: "{}" })).body).toMatchObject({ status: 200, id: 2 });
    expect((await replay(g, 99)).status).toBe(404);
    expect((await replay(g, 1, { nonsense: 1 })).body.error).toBe('unknown field "nonsense"');
    const notJson = await inspect(g, "/replay/1", { method: "POST", body: "{", headers: SAME_ORIGIN });
    expect(notJson.status).toBe(400);
  });
});

describe("who may use the inspector", () => {
  it("replay only by POST, from the same origin, as JSON", async () => {
    const g = await gate();
    await request(g.port, "/health", { headers: { authorization: AUTH } });
    const get = await inspect(g, "/replay/1");
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe("POST");
    const crossSite = await replay(
      g,
      1,
      {},
      { "sec-fetch-site": "cross-site", "content-type": "application/json" },
    );
    expect(crossSite.status).toBe(403);
    expect(crossSite.body.error).toMatch(/same origin/);
    expect(
      (await replay(g, 1, {}, { "sec-fetch-site": "same-site", "content-type": "application/json" })).status,
    ).toBe(403);
    expect(
      (await replay(g, 1, {}, { origin: "https://evil.example", "content-type": "application/json" })).status,
    ).toBe(403);
    expect((await replay(g, 1, {}, { origin: "null", "content-type": "application/json" })).status).toBe(403);
    expect((await replay(g, 1, {}, { "content-type": "application/json" })).status).toBe(403);
    const form = await replay(g, 1, {}, { "sec-fetch-site": "same-origin", "content-type": "text/plain" });
    expect(form.status).toBe(415);
    // Browsers without Sec-Fetch-Site: the Origin must be the preview's.
    const origin = await replay(g, 1, {}, { origin: g.url, "content-type": "application/json" });
    expect(origin.body).toMatchObject({ status: 200, id: 2 });
    expect(g.stats().total).toBe(2);
    expect((await inspect(g, "/har", { method: "POST" })).headers.allow).toBe("GET, HEAD");
    expect((await inspect(g, "/nothing")).status).toBe(404);
  });

  /** Every inspector route and method a visitor could try. */
  const ROUTES = ["", "/", "/app.js", "/app.css", "/icon.svg", "/events", "/requests/1", "/har", "/nothing"];

  async function expectLockedOut(g: Gate, headers: Record<string, string>, challenge: RegExp) {
    for (const sub of ROUTES) {
      const r = await request(g.port, `/__preview/inspect${sub}`, { headers });
      expect(r.status, sub).toBe(401);
      expect(r.headers["www-authenticate"], sub).toMatch(challenge);
      expect(r.body, sub).not.toContain("/health");
    }
    const poll = await request(g.port, "/__preview/inspect/events", {
      headers: { ...headers, accept: "application/json" },
    });
    expect(poll.status).toBe(401);
    // A replay without the session fails, whatever else it carries.
    const replayed = await request(g.port, "/__preview/inspect/replay/1", {
      method: "POST",
      body: "{}",
      headers: { ...headers, ...SAME_ORIGIN },
    });
    expect(replayed.status).toBe(401);
  }

  it("needs the preview's sign-in on every route (basic, or a login link's session); a replay without it fails", async () => {
    const g = await gate();
    await request(g.port, "/health", { headers: { authorization: AUTH } });
    await expectLockedOut(g, {}, /^Basic realm="preview"/);
    await expectLockedOut(g, { authorization: basic("reviewer", "nope") }, /^Basic/);
    await expectLockedOut(g, { authorization: `Bearer ${PASSWORD}` }, /^Basic/);
    // A login link's session cookie is the sign-in too.
    const link = new URL(g.loginUrl());
    const login = await request(g.port, `${link.pathname}${link.search}`);
    const cookie = (login.headers["set-cookie"]?.[0] ?? "").split(";")[0] ?? "";
    expect(cookie).toMatch(/^preview_tunnel_session=/);
    expect((await request(g.port, "/__preview/inspect", { headers: { cookie } })).status).toBe(200);
    const replayed = await request(g.port, "/__preview/inspect/replay/1", {
      method: "POST",
      body: "{}",
      headers: { cookie, ...SAME_ORIGIN },
    });
    expect(JSON.parse(replayed.body)).toMatchObject({ replayOf: 1, status: 200 });
    // Counted: /health, the login link and the replay; none of the inspector's own requests.
    expect(g.stats().total).toBe(3);
  });

  it("with bearer auth: the token opens it, nothing else does", async () => {
    const token = "inspector-bearer-token-0123456789";
    const g = await gate({ auth: "bearer", credentials: token });
    expect((await request(g.port, "/health", { headers: { authorization: `Bearer ${token}` } })).status).toBe(
      200,
    );
    await expectLockedOut(g, {}, /^Bearer realm="preview"/);
    await expectLockedOut(g, { authorization: "Bearer wrong-token" }, /invalid_token/);
    await expectLockedOut(g, { authorization: basic("reviewer", token) }, /^Bearer/);
    const page = await request(g.port, "/__preview/inspect", {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(page.status).toBe(200);
    expect(page.headers["content-security-policy"]).toContain("script-src 'self'");
    const d = JSON.parse(
      (
        await request(g.port, "/__preview/inspect/requests/1", {
          headers: { authorization: `Bearer ${token}` },
        })
      ).body,
    ) as ExchangeDetail;
    expect(d.requestHeaders).toContainEqual({ name: "authorization", value: "[redacted]" });
    expect(d.curl).not.toContain(token);
  });

  it("neither a replay ticket nor a webhook signature opens it, not even under a '/' webhook rule", async () => {
    const g = await gate({ "verify-webhooks": "github / GITHUB_WEBHOOK_SECRET" });
    await request(g.port, "/health", { headers: { authorization: AUTH } });
    const ticketed = await request(g.port, "/__preview/inspect/requests/1", {
      headers: { [REPLAY_HEADER]: "a-made-up-ticket" },
    });
    expect(ticketed.status).toBe(401);
    // Signed for the "/" rule, which covers every path: still the sign-in for the inspector.
    for (const sub of ["/replay/1", "/events", "/har", "/requests/1"]) {
      const body = JSON.stringify({ action: "opened" });
      const signed = await request(g.port, `/__preview/inspect${sub}`, {
        method: "POST",
        body,
        headers: {
          ...SAME_ORIGIN,
          "x-github-event": "ping",
          "x-hub-signature-256": await octokitSign(SECRETS.GITHUB_WEBHOOK_SECRET, body),
        },
      });
      expect(signed.status, sub).toBe(401);
    }
    // The same signature does open an app path under the rule (the rule itself works).
    const body = JSON.stringify({ zen: "ok" });
    const app = await request(g.port, "/hooks/github", {
      method: "POST",
      body,
      headers: {
        "content-type": "application/json",
        "x-github-event": "ping",
        "x-hub-signature-256": await octokitSign(SECRETS.GITHUB_WEBHOOK_SECRET, body),
      },
    });
    expect(app.status).toBe(200);
    // A made-up ticket on an app path is no exemption either.
    expect((await request(g.port, "/health", { headers: { [REPLAY_HEADER]: "made-up" } })).status).toBe(401);
    expect(g.stats().total).toBe(3);
  });

  it("is behind the allow-list like every path; a replay passes it as the reviewer who pressed Replay", async () => {
    const g = await gate({ "allow-cidrs": "10.0.0.0/8" });
    const outside = await request(g.port, "/__preview/inspect", { headers: { authorization: AUTH } });
    expect(outside.status).toBe(403);
    expect(outside.body).toContain("not in allow-cidrs");
    const reviewer = { authorization: AUTH, [CLIENT_IP_HEADER]: "10.1.2.3" };
    expect((await request(g.port, "/__preview/inspect", { headers: reviewer })).status).toBe(200);
    expect((await request(g.port, "/health", { headers: reviewer })).status).toBe(200);
    const replayed = await inspect(g, "/replay/2", {
      method: "POST",
      body: "{}",
      headers: { ...SAME_ORIGIN, [CLIENT_IP_HEADER]: "10.1.2.3" },
    });
    expect(JSON.parse(replayed.body)).toEqual({ replayOf: 2, id: 3, status: 200 });
    expect((await detail(g, 3, reviewer)).summary).toMatchObject({ client: "10.1.2.3", replayOf: 2 });
  });
});

describe("the replay ticket", () => {
  it("reaches neither the app nor the recording, and lets the replay in once", async () => {
    const echo = await startApp((req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ headers: req.headers }));
    });
    apps.push(echo);
    const g = await gate({}, { appPort: echo.port });
    await request(g.port, "/page?x=1", { headers: { authorization: AUTH, "x-app": "kept" } });
    const replayed = await replay(g, 1);
    expect(replayed.body).toEqual({ replayOf: 1, id: 2, status: 200 });
    expect(echo.received).toHaveLength(2);
    const [original, again] = echo.received;
    expect(again?.url).toBe("/page?x=1");
    expect(again?.headers["x-app"]).toBe("kept");
    // Neither the ticket nor anyone's credentials reached the app.
    for (const r of [original, again]) {
      expect(r?.headers[REPLAY_HEADER]).toBeUndefined();
      expect(r?.headers.authorization).toBeUndefined();
    }
    const d = await detail(g, 2);
    expect(d.requestHeaders?.some((h) => h.name.toLowerCase() === REPLAY_HEADER)).toBe(false);
    const har = readFileSync(await harFile(g), "utf8");
    expect(har.toLowerCase()).not.toContain(REPLAY_HEADER);
  });
});

describe("turned off, or with auth: none", () => {
  it("inspector: false gives /__preview/inspect to the app like any path; the rest of the namespace stays the gate's", async () => {
    const echo = await startApp();
    apps.push(echo);
    const g = await gate({ inspector: "false" }, { appPort: echo.port });
    expect(g.inspectorUrl()).toBeUndefined();
    for (const sub of ["", "/events", "/replay/1"]) {
      const r = await request(g.port, `/__preview/inspect${sub}`, { headers: { authorization: AUTH } });
      expect(r.status, sub).toBe(200);
      expect(r.body).toBe(`app saw GET /__preview/inspect${sub}`);
    }
    // Still behind the sign-in, and recorded and counted like any request.
    expect((await request(g.port, "/__preview/inspect")).status).toBe(401);
    expect((await request(g.port, "/__preview/other", { headers: { authorization: AUTH } })).status).toBe(
      404,
    );
    expect(g.stats().total).toBe(5);
  });

  it("is off by default with auth: none (the path is the app's); asked for, it is open to anyone and the gate warns", async () => {
    const echo = await startApp();
    apps.push(echo);
    const off = await gate({ auth: "none" }, { appPort: echo.port });
    expect((await request(off.port, "/__preview/inspect")).body).toBe("app saw GET /__preview/inspect");
    expect(logger.lines.join("\n")).not.toContain("inspector");
    const on = await gate({ auth: "none", inspector: "true" }, { appPort: echo.port });
    expect(logger.lines).toContainEqual(
      expect.stringMatching(/^warning: The request inspector is on with auth: none/),
    );
    await request(on.port, "/page");
    const page = await request(on.port, "/__preview/inspect");
    expect(page.status).toBe(200);
    expect(page.headers["content-type"]).toBe("text/html; charset=utf-8");
    const d = JSON.parse((await request(on.port, "/__preview/inspect/requests/1")).body) as ExchangeDetail;
    expect(d.summary).toMatchObject({ path: "/page", status: 200 });
  });

  it("names its page on the public URL once the tunnel gives one", async () => {
    const g = await gate();
    expect(g.inspectorUrl()).toBe(`http://127.0.0.1:${g.port}/__preview/inspect`);
    g.setPublicUrl("https://preview.example.test");
    expect(g.inspectorUrl()).toBe("https://preview.example.test/__preview/inspect");
  });
});

async function harFile(g: Gate): Promise<string> {
  const file = path.join(dir, "downloaded.har");
  const r = await inspect(g, "/har");
  expect(r.status).toBe(200);
  expect(r.headers["content-disposition"]).toBe('attachment; filename="preview-requests.har"');
  writeFileSync(file, r.body);
  return file;
}

describe("Download HAR", () => {
  it("is the recorder's file so far, valid while recording goes on, without the inspector's own requests", async () => {
    const g = await gate();
    await request(g.port, "/health", { headers: { authorization: AUTH } });
    await githubDelivery(g, { action: "opened" });
    await inspect(g, "");
    await inspect(g, "/requests/1");
    const first = JSON.parse(readFileSync(await harFile(g), "utf8")) as Har;
    await expect(harValidator.har(first)).resolves.toBeTruthy();
    expect(first.log.entries).toHaveLength(2);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => request(g.port, `/n/${i}`, { headers: { authorization: AUTH } })),
    );
    const second = JSON.parse(readFileSync(await harFile(g), "utf8")) as Har;
    await expect(harValidator.har(second)).resolves.toBeTruthy();
    expect(second.log.entries).toHaveLength(22);
    expect(second.log.entries.some((e) => e.request.url.includes("/__preview/inspect"))).toBe(false);
    expect(JSON.stringify(second)).not.toContain(PASSWORD);
  });

  it("is built from the kept exchanges when recording is off, and says so", async () => {
    const g = await gate({ record: "none" }, { inspectorLimits: { feed: { entries: 3 } } });
    for (const p of ["/one", "/two", "/three", "/four"])
      await request(g.port, p, { headers: { authorization: AUTH } });
    await githubDelivery(g, { action: "opened" });
    const har = JSON.parse(readFileSync(await harFile(g), "utf8")) as Har;
    await expect(harValidator.har(har)).resolves.toBeTruthy();
    expect(har.log.entries.map((e) => new URL(e.request.url).pathname)).toEqual([
      "/three",
      "/four",
      "/hooks/github",
    ]);
    expect(har.log.comment).toMatch(
      /^Built by the request inspector .*; 2 earlier requests are no longer kept\.$/,
    );
    expect(JSON.stringify(har)).not.toContain(SECRETS.GITHUB_WEBHOOK_SECRET);
    expect(har.log.entries[2]?.request.headers).toContainEqual({
      name: "x-hub-signature-256",
      value: "[redacted]",
    });
  });
});

describe("details and copy as curl", () => {
  it("are redacted exactly as the HAR is, and curl carries a placeholder instead of the preview's credentials", async () => {
    const g = await gate();
    const secretBody = JSON.stringify({ note: `the password is ${PASSWORD}` });
    await request(g.port, "/echo?token=abc", {
      method: "POST",
      body: secretBody,
      headers: {
        authorization: AUTH,
        cookie: `app_session=s-123; preview_tunnel_session=opaque-session-value`,
        "content-type": "application/json",
        "x-copy": `Basic ${Buffer.from(`reviewer:${PASSWORD}`).toString("base64")}`,
        "x-quote": "it's <b>$HOME</b>",
      },
    });
    const d = await detail(g, 1);
    await g.close();
    gates.splice(0);
    const har = JSON.parse(readFileSync(path.join(dir, "requests.har"), "utf8")) as Har;
    const entry = har.log.entries[0];
    expect(d.requestHeaders).toEqual(entry?.request.headers);
    expect(d.responseHeaders).toEqual(entry?.response.headers);
    expect(d.requestBody?.text).toBe(entry?.request.postData?.text);
    expect(d.responseBody?.text).toBe(entry?.response.content.text);
    expect(d.url).toBe(entry?.request.url);
    expect(d.requestHeaders).toContainEqual({ name: "authorization", value: "[redacted]" });
    expect(d.requestBody?.text).toBe(JSON.stringify({ note: "the password is [redacted]" }));

    const curl = d.curl ?? "";
    expect(curl).toContain(`curl -sS -X 'POST' 'http://127.0.0.1:${g.port}/echo?token=abc'`);
    expect(curl).toContain('-H "$PREVIEW_AUTH_HEADER"');
    expect(curl).toContain(`-H 'content-type: application/json'`);
    expect(curl).toContain(`-H 'x-quote: it'\\''s <b>$HOME</b>'`);
    expect(curl).toContain(`--data-binary '{"note":"the password is [redacted]"}'`);
    for (const leak of [PASSWORD, AUTH, AUTH.slice(6), "opaque-session-value", "s-123"]) {
      expect(curl).not.toContain(leak);
    }
    expect(curl).not.toMatch(/^\s*-H '(authorization|cookie)/im);
    // A value with a secret inside is sent as the recording has it: redacted.
    expect(curl).toMatch(/-H 'x-copy: Basic [A-Za-z0-9+/]*\[redacted\]'/);
    expect(curl).not.toContain("# Left out");
  });
});
