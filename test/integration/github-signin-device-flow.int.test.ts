/**
 * The device-flow client and the user-token checks against the fake GitHub over real HTTP.
 * Time is virtual and shared with the fake, so the pace of polling (interval, slow_down) is
 * judged exactly, at once and without sleeping.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { decideAccess } from "../../src/gate/github-signin/access.js";
import { parseAllow } from "../../src/gate/github-signin/allow.js";
import {
  type DeviceCode,
  DeviceFlowClient,
  DeviceFlowError,
  type PollResult,
  waitForToken,
} from "../../src/gate/github-signin/device-flow.js";
import { GithubUserApi } from "../../src/gate/github-signin/github-user.js";
import { fetchHttp, type Http } from "../../src/gate/github-signin/http.js";
import { FakeGitHub } from "../helpers/fake-github.js";
import { FakeDeviceFlow, type FakeDeviceOptions, TEST_CLIENT_ID } from "../helpers/fake-github-device.js";
import { VirtualClock } from "../helpers/virtual-clock.js";

const USERS: FakeDeviceOptions["users"] = [
  { login: "alice", repos: { "o/r": "write", "o/p": "write" } },
  { login: "bob" },
  { login: "carol" },
  { login: "dave", teams: { "acme/qa": "active" } },
  { login: "erin", teams: { "acme/qa": "pending", "acme/dev": "active" } },
];

let fake: FakeGitHub | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function start(options: Partial<FakeDeviceOptions> = {}) {
  const clock = new VirtualClock();
  const device = new FakeDeviceFlow({ users: USERS, now: clock.now, ...options });
  fake = await FakeGitHub.start({ token: "core-token", extensions: [device] });
  const http = fetchHttp();
  const client = (clientId = TEST_CLIENT_ID, scope = "", through: Http = http) =>
    new DeviceFlowClient({ serverUrl: fake?.url ?? "", clientId, scope, http: through });
  return { clock, device, fake, client, http };
}

/** Waits for the token, doing `act` after the n-th poll (1-based). */
function waitActing(
  env: Awaited<ReturnType<typeof start>>,
  client: DeviceFlowClient,
  code: DeviceCode,
  acts: Record<number, () => void> = {},
) {
  let polls = 0;
  return waitForToken(client, code, {
    clock: env.clock,
    onPoll: () => {
      polls++;
      acts[polls]?.();
    },
  });
}

async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("device flow client", () => {
  it("gets a code, then polls at GitHub's interval (none before it) until approved", async () => {
    const env = await start();
    const client = env.client(TEST_CLIENT_ID, "read:org");
    const code = await client.requestCode();
    expect(code).toMatchObject({
      userCode: expect.stringMatching(/^[A-Z]{4}-[A-Z]{4}$/),
      verificationUri: `${env.fake.url}/login/device`,
      expiresInMs: 900_000,
      intervalMs: 5000,
    });
    const grant = env.device.grant(code.userCode);
    const result = await waitActing(env, client, code, {
      3: () => env.device.approve(code.userCode, "alice"),
    });
    expect(result).toEqual({ kind: "token", token: expect.stringMatching(/^gho_/), scope: "read:org" });
    expect(env.device.tokens.get((result as { token: string }).token)?.login).toBe("alice");
    expect(grant.polls.map((p) => [p.at - grant.issuedAt, p.answer])).toEqual([
      [5000, "authorization_pending"],
      [10_000, "authorization_pending"],
      [15_000, "authorization_pending"],
      [20_000, "token"],
    ]);
    // As GitHub wants it: a form, JSON asked for, the device grant type, the scope only when there is one.
    const [codeRequest] = env.fake.requestsTo("device-code");
    expect(codeRequest?.headers.accept).toBe("application/json");
    expect(codeRequest?.body).toEqual({ client_id: TEST_CLIENT_ID, scope: "read:org" });
    expect(env.fake.requestsTo("device-token")[0]?.body).toEqual({
      client_id: TEST_CLIENT_ID,
      device_code: grant.deviceCode,
      grant_type: "urn:ietf:params:oauth:grant-type:device_code",
    });
    await env.client().requestCode();
    expect(env.fake.requestsTo("device-code")[1]?.body).toEqual({ client_id: TEST_CLIENT_ID });
  });

  it("slows down by 5 s (or to GitHub's new interval) when told to, and keeps that pace", async () => {
    const env = await start();
    const client = env.client();
    const code = await client.requestCode();
    const grant = env.device.grant(code.userCode);
    // Polling faster than GitHub's 5 s: the fake answers slow_down and raises it to 10 s.
    const hasty: DeviceCode = { ...code, intervalMs: 2000 };
    const seen: [PollResult["kind"], number][] = [];
    let polls = 0;
    const result = await waitForToken(client, hasty, {
      clock: env.clock,
      onPoll: (r, next) => {
        seen.push([r.kind, next]);
        if (++polls === 3) env.device.approve(code.userCode, "bob");
      },
    });
    expect(result.kind).toBe("token");
    expect(seen).toEqual([
      ["slow-down", 10_000],
      ["pending", 10_000],
      ["pending", 10_000],
      ["token", 10_000],
    ]);
    expect(grant.polls.map((p) => [p.at - grant.issuedAt, p.answer])).toEqual([
      [2000, "slow_down"],
      [12_000, "authorization_pending"],
      [22_000, "authorization_pending"],
      [32_000, "token"],
    ]);
  });

  it("adds 5 s on slow_down when GitHub names no new interval", async () => {
    const env = await start();
    // GitHub's answer without its "interval" field: the client must add the 5 s itself.
    const withoutInterval: Http = async (request) => {
      const response = await env.http(request);
      return { ...response, text: response.text.replace(/,?"interval":\d+/, "") };
    };
    const client = env.client(TEST_CLIENT_ID, "", withoutInterval);
    const code = await client.requestCode();
    const grant = env.device.grant(code.userCode);
    const result = await waitActing(env, client, code, {
      1: () => env.device.slowDown(code.userCode),
      2: () => env.device.approve(code.userCode, "alice"),
    });
    expect(result.kind).toBe("token");
    expect(grant.polls.map((p) => [p.at - grant.issuedAt, p.answer])).toEqual([
      [5000, "authorization_pending"],
      [10_000, "slow_down"],
      [20_000, "token"],
    ]);
  });

  it("stops at expired_token, access_denied and its own deadline, without polling past it", async () => {
    const env = await start();
    const client = env.client();
    const expired = await client.requestCode();
    const result = await waitActing(env, client, expired, { 1: () => env.device.expire(expired.userCode) });
    expect(result).toEqual({ kind: "failed", error: expect.objectContaining({ code: "expired_token" }) });

    const denied = await client.requestCode();
    const refused = await waitActing(env, client, denied, { 2: () => env.device.deny(denied.userCode) });
    expect(refused).toEqual({ kind: "failed", error: expect.objectContaining({ code: "access_denied" }) });

    const short = await client.requestCode();
    const late = await waitForToken(client, { ...short, expiresInMs: 12_000 }, { clock: env.clock });
    expect(late).toEqual({ kind: "failed", error: expect.objectContaining({ code: "expired_token" }) });
    expect(env.device.grant(short.userCode).polls.map((p) => p.answer)).toEqual([
      "authorization_pending",
      "authorization_pending",
    ]);
  });

  it("reports device flow disabled, an unknown client and an unsupported grant type", async () => {
    const env = await start({
      clients: {
        [TEST_CLIENT_ID]: { kind: "oauth-app", deviceFlow: true },
        "Ov23.off": { kind: "oauth-app", deviceFlow: false },
      },
    });
    const failure = (promise: Promise<unknown>) =>
      promise.then(
        () => undefined,
        (e: DeviceFlowError) => [e.constructor, e.code],
      );
    expect(await failure(env.client("Ov23.off").requestCode())).toEqual([
      DeviceFlowError,
      "device_flow_disabled",
    ]);
    expect(await failure(env.client("nobody").requestCode())).toEqual([
      DeviceFlowError,
      "incorrect_client_credentials",
    ]);

    // Turned off while a sign-in waits.
    const client = env.client();
    const code = await client.requestCode();
    const off = await waitActing(env, client, code, {
      1: () => {
        env.device.clients[TEST_CLIENT_ID] = { kind: "oauth-app", deviceFlow: false };
      },
    });
    expect(off).toEqual({ kind: "failed", error: expect.objectContaining({ code: "device_flow_disabled" }) });

    // A grant type GitHub does not take (the HTTP boundary rewrites it on the way).
    env.device.clients[TEST_CLIENT_ID] = { kind: "oauth-app", deviceFlow: true };
    const rewriting: Http = (request) =>
      env.http({
        ...request,
        body: request.body?.replace(/grant_type=[^&]*/, "grant_type=password"),
      });
    const odd = env.client(TEST_CLIENT_ID, "", rewriting);
    const oddCode = await odd.requestCode();
    const unsupported = await waitForToken(odd, oddCode, { clock: env.clock });
    expect(unsupported).toEqual({
      kind: "failed",
      error: expect.objectContaining({ code: "unsupported_grant_type" }),
    });
  });

  it("rides out a few 5xx or network errors, gives up as unreachable after three in a row", async () => {
    const env = await start();
    const client = env.client();
    const code = await client.requestCode();
    env.fake.fail("device-token", { status: 502, times: 2 });
    const result = await waitActing(env, client, code, {
      3: () => env.device.approve(code.userCode, "alice"),
    });
    expect(result.kind).toBe("token");

    const again = await client.requestCode();
    env.fake.fail("device-token", { status: 503, times: 3 });
    expect(await waitForToken(client, again, { clock: env.clock })).toEqual({
      kind: "failed",
      error: expect.objectContaining({ code: "unreachable", message: "GitHub answered 503" }),
    });

    let calls = 0;
    const flaky: Http = (request) => {
      calls++;
      return request.url.endsWith("/access_token")
        ? Promise.reject(new Error("socket hang up"))
        : env.http(request);
    };
    const broken = env.client(TEST_CLIENT_ID, "", flaky);
    const brokenCode = await broken.requestCode();
    expect(await waitForToken(broken, brokenCode, { clock: env.clock })).toEqual({
      kind: "failed",
      error: expect.objectContaining({
        code: "unreachable",
        message: "GitHub could not be reached: socket hang up",
      }),
    });
    expect(calls).toBe(4);

    env.fake.fail("device-code", { status: 500 });
    await expect(client.requestCode()).rejects.toMatchObject({ code: "unreachable" });
    const nowhere = new DeviceFlowClient({
      serverUrl: `http://127.0.0.1:${await closedPort()}`,
      clientId: TEST_CLIENT_ID,
      scope: "",
      http: env.http,
    });
    await expect(nowhere.requestCode()).rejects.toMatchObject({
      code: "unreachable",
      message: expect.stringContaining("GitHub could not be reached: fetch failed (connect ECONNREFUSED"),
    });
  });

  it("stops when asked (signal or keepGoing), between polls", async () => {
    const env = await start();
    const client = env.client();
    const code = await client.requestCode();
    let polls = 0;
    const stopped = await waitForToken(client, code, { clock: env.clock, keepGoing: () => ++polls <= 2 });
    expect(stopped).toEqual({ kind: "stopped" });
    expect(env.device.grant(code.userCode).polls).toHaveLength(2);
    const controller = new AbortController();
    controller.abort();
    expect(await waitForToken(client, code, { clock: env.clock, signal: controller.signal })).toEqual({
      kind: "stopped",
    });
  });
});

describe("the fake's device flow, as a client sees it", () => {
  it("answers form-encoded without Accept: application/json, enforces the interval, approves from its page", async () => {
    const env = await start();
    const post = (path: string, form: Record<string, string>, accept?: string) =>
      fetch(`${env.fake.url}${path}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", ...(accept ? { accept } : {}) },
        body: new URLSearchParams(form).toString(),
      });
    const plain = await post("/login/device/code", { client_id: TEST_CLIENT_ID });
    expect(plain.headers.get("content-type")).toContain("application/x-www-form-urlencoded");
    const form = new URLSearchParams(await plain.text());
    const deviceCode = form.get("device_code") ?? "";
    const userCode = form.get("user_code") ?? "";
    const poll = async () =>
      (await (
        await post(
          "/login/oauth/access_token",
          {
            client_id: TEST_CLIENT_ID,
            device_code: deviceCode,
            grant_type: "urn:ietf:params:oauth:grant-type:device_code",
          },
          "application/json",
        )
      ).json()) as Record<string, unknown>;
    expect(await poll()).toMatchObject({ error: "slow_down", interval: 10 });
    env.clock.advance(10_000);
    expect(await poll()).toMatchObject({ error: "authorization_pending" });

    const page = await (await fetch(`${env.fake.url}/login/device?user_code=${userCode}`)).text();
    expect(page).toContain(`value="${userCode}"`);
    const approve = await post("/login/device", {
      user_code: userCode.toLowerCase().replace("-", ""),
      login: "dave",
      decision: "approve",
    });
    expect(await approve.text()).toContain("Congratulations, you're all set!");
    env.clock.advance(10_000);
    const token = await poll();
    expect(token).toMatchObject({ access_token: expect.stringMatching(/^gho_/), token_type: "bearer" });
    env.clock.advance(10_000);
    expect(await poll()).toMatchObject({ error: "incorrect_device_code" });
    const reused = await post("/login/device", { user_code: userCode, login: "dave", decision: "approve" });
    expect(reused.status).toBe(404);
  });
});

describe("who the token's owner is, and the decision", () => {
  const target = (author?: string, name = "r") => ({
    owner: "o",
    name,
    repo: `o/${name}`,
    author,
    repoIsPublic: name === "r",
  });

  async function api(options: Partial<FakeDeviceOptions> = {}) {
    const env = await start({
      repos: { "o/r": { private: false }, "o/p": { private: true } },
      clients: {
        [TEST_CLIENT_ID]: { kind: "oauth-app", deviceFlow: true },
        "Iv1.app": { kind: "github-app", deviceFlow: true, installedOn: ["o/p"] },
        "Iv1.members": { kind: "github-app", deviceFlow: true, installedOn: ["o/p"], membersRead: true },
      },
      ...options,
    });
    return { ...env, api: new GithubUserApi({ apiUrl: env.fake.url, http: env.http }) };
  }

  it("lets in write and the author; refuses read with the reason; asks only what the rules need", async () => {
    const env = await api();
    const rules = parseAllow("");
    const decide = (login: string, author?: string) =>
      decideAccess(env.api, env.device.issueToken(login), rules, target(author));
    expect(await decide("alice")).toEqual({ kind: "allowed", login: "alice", because: "write on o/r" });
    expect(await decide("bob", "carol")).toEqual({
      kind: "denied",
      login: "bob",
      reason: "needs write on o/r, or to be the pull request's author; bob has read",
    });
    const before = env.fake.requestsTo("token-repo").length;
    expect(await decide("carol", "carol")).toEqual({
      kind: "allowed",
      login: "carol",
      because: "author of the pull request",
    });
    expect(env.fake.requestsTo("token-repo")).toHaveLength(before);
    // The API as GitHub wants it: Bearer token, JSON media type, API version.
    const [user] = env.fake.requestsTo("token-user");
    expect(user?.headers).toMatchObject({
      authorization: expect.stringMatching(/^Bearer gho_/),
      accept: "application/vnd.github+json",
      "x-github-api-version": "2022-11-28",
    });
  });

  it("checks teams (read:org for an OAuth App, Members: read for a GitHub App) and says why it could not", async () => {
    const env = await api();
    const rules = parseAllow("write\nteams: acme/qa");
    const decide = (login: string, scopes: string[], client = TEST_CLIENT_ID) =>
      decideAccess(env.api, env.device.issueToken(login, scopes, client), rules, target());
    expect(await decide("dave", ["read:org"])).toEqual({
      kind: "allowed",
      login: "dave",
      because: "member of acme/qa",
    });
    expect(await decide("erin", ["read:org"])).toEqual({
      kind: "denied",
      login: "erin",
      reason:
        "needs write on o/r, or to be in acme/qa; erin has read; the invitation to acme/qa is not accepted yet",
    });
    const unreadable =
      "the membership of acme/qa could not be read (the sign-in app needs read:org, or Members: read for a GitHub App, and the organisation must allow it)";
    expect(await decide("dave", [])).toEqual({
      kind: "denied",
      login: "dave",
      reason: `needs write on o/r, or to be in acme/qa; dave has read; ${unreadable}`,
    });
    expect(await decide("dave", [], "Iv1.app")).toMatchObject({
      kind: "denied",
      reason: expect.stringContaining(unreadable),
    });
    expect(await decide("dave", [], "Iv1.members")).toMatchObject({ kind: "allowed" });
  });

  it("sees a private repository only with a GitHub App installed on it", async () => {
    const env = await api();
    const rules = parseAllow("write");
    expect(
      await decideAccess(env.api, env.device.issueToken("alice"), rules, target(undefined, "p")),
    ).toEqual({
      kind: "denied",
      login: "alice",
      reason:
        "needs write on o/p; o/p is private and not visible to this sign-in (it needs a GitHub App installed on the repository)",
    });
    expect(
      await decideAccess(
        env.api,
        env.device.issueToken("alice", [], "Iv1.app"),
        rules,
        target(undefined, "p"),
      ),
    ).toEqual({
      kind: "allowed",
      login: "alice",
      because: "write on o/p",
    });
  });

  it("tells an invalid token from GitHub being unavailable (5xx, rate limit, unreachable)", async () => {
    const env = await api();
    const rules = parseAllow("");
    expect(await decideAccess(env.api, "gho_not_issued_here", rules, target())).toEqual({
      kind: "invalid-token",
    });
    env.fake.fail("token-user", { status: 502 });
    expect(await decideAccess(env.api, env.device.issueToken("alice"), rules, target())).toEqual({
      kind: "unavailable",
      reason: "GitHub answered 502",
    });
    env.fake.fail("token-repo", { status: 403, headers: { "x-ratelimit-remaining": "0" } });
    expect(await decideAccess(env.api, env.device.issueToken("alice"), rules, target())).toEqual({
      kind: "unavailable",
      reason: "GitHub's rate limit for this token is used up",
    });
    const nowhere = new GithubUserApi({ apiUrl: `http://127.0.0.1:${await closedPort()}`, http: env.http });
    expect(await decideAccess(nowhere, "gho_x", rules, target())).toEqual({
      kind: "unavailable",
      reason: "GitHub could not be reached (fetch failed)",
    });
  });
});
