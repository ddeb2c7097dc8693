/**
 * The GitHub sign-in in front of a real app, used as the gate will use it (reserved paths,
 * then check(), then refusal or proxy with X-Preview-User), against the fake GitHub: the
 * whole browser sign-in over HTTP, refusals, sign-out, tokens for scripts, GitHub being down,
 * device-flow failures with a retry, cross-site posts, open redirects, idle sign-ins that
 * stop polling, and that no token or session id reaches a log, the summary or the app.
 */
import { afterEach, describe, expect, it } from "vitest";
import { CSP } from "../../src/gate/answer.js";
import { systemClock } from "../../src/gate/github-signin/clock.js";
import { fetchHttp, type Http } from "../../src/gate/github-signin/http.js";
import { SecretMatcher } from "../../src/util/secure-compare.js";
import { TEST_CLIENT_ID } from "../helpers/fake-github-device.js";
import {
  BrowserLike,
  type Page,
  type SignInGate,
  type SignInGateOptions,
  startSignInGate,
  userCodeOf,
} from "../helpers/signin-gate.js";
import { VirtualClock } from "../helpers/virtual-clock.js";
import { until } from "../helpers/wait.js";
import { request } from "./gate-helpers.js";

let gate: SignInGate | undefined;
afterEach(async () => {
  await gate?.close();
  gate = undefined;
});

async function start(options: SignInGateOptions = {}): Promise<SignInGate> {
  gate = await startSignInGate(options);
  return gate;
}

const json = (page: Page) => JSON.parse(page.body) as Record<string, unknown>;

/** Starts a sign-in from `path`, approves it at the fake GitHub's page as `login`, waits for the status. */
async function signIn(g: SignInGate, browser: BrowserLike, login: string, path = "/") {
  const asked = await browser.get(path);
  expect(asked.status).toBe(401);
  const action =
    /<form method="post" action="([^"]+)">/.exec(asked.body)?.[1]?.replaceAll("&amp;", "&") ?? "";
  const started = await browser.post(action);
  expect(started.status).toBe(303);
  const codePage = await browser.get(started.headers.location ?? "");
  const userCode = userCodeOf(codePage);
  // What a person does at GitHub: the approve form, filled in and submitted.
  const approved = await fetch(`${g.fake.url}/login/device`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ user_code: userCode, login, decision: "approve" }).toString(),
  });
  expect(approved.status).toBe(200);
  const status = await until("the sign-in to finish", async () => {
    const s = json(await browser.get("/__preview/signin/status"));
    return s.state === "pending" ? undefined : s;
  });
  return { status, codePage, userCode, continued: () => browser.get("/__preview/signin/continue") };
}

describe("signing in with GitHub through the gate", () => {
  it("a browser gets the sign-in page, signs in by the device flow and lands on the page it asked for; the app sees X-Preview-User", async () => {
    const g = await start();
    const browser = new BrowserLike(g.url);
    const asked = await browser.get("/deep/path?x=1");
    expect(asked.status).toBe(401);
    expect(asked.headers["www-authenticate"]).toBe('Bearer realm="preview"');
    expect(asked.headers["content-security-policy"]).toBe(CSP);
    expect(asked.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(asked.body).toContain(
      "This preview is open to write access to o/r, or the pull request&#39;s author.",
    );
    expect(asked.body).toContain('action="/__preview/signin/start?to=%2Fdeep%2Fpath%3Fx%3D1"');

    const started = await browser.post("/__preview/signin/start?to=%2Fdeep%2Fpath%3Fx%3D1");
    expect(started.status).toBe(303);
    expect(started.headers.location).toBe("/__preview/signin?to=%2Fdeep%2Fpath%3Fx%3D1");
    expect(started.headers["set-cookie"]).toEqual([
      expect.stringMatching(
        /^preview_tunnel_signin=[A-Za-z0-9_-]{43}; Path=\/__preview\/signin; Max-Age=900; HttpOnly; SameSite=Lax$/,
      ),
    ]);
    const codePage = await browser.get(started.headers.location ?? "");
    expect(codePage.status).toBe(200);
    const userCode = userCodeOf(codePage);
    expect(codePage.body).toContain(
      `href="${g.fake.url}/login/device" target="_blank" rel="noopener noreferrer"`,
    );
    expect(codePage.body).toContain('data-state="pending"');
    expect(json(await browser.get("/__preview/signin/status"))).toEqual({ state: "pending", expiresIn: 900 });
    // Without JavaScript, Continue leads back here while the sign-in waits.
    expect((await browser.get("/__preview/signin/continue")).headers.location).toBe(
      "/__preview/signin?to=%2Fdeep%2Fpath%3Fx%3D1",
    );

    g.device.approve(userCode, "alice");
    const status = await until("approval", async () => {
      const s = json(await browser.get("/__preview/signin/status"));
      return s.state === "done" ? s : undefined;
    });
    expect(status).toEqual({ state: "done", login: "alice", allowed: true });
    const continued = await browser.get("/__preview/signin/continue");
    expect(continued.status).toBe(303);
    expect(continued.headers.location).toBe("/deep/path?x=1");
    expect(continued.headers["set-cookie"]).toEqual([
      expect.stringMatching(/^preview_tunnel_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax$/),
      "preview_tunnel_signin=; Path=/__preview/signin; Max-Age=0; HttpOnly; SameSite=Lax",
    ]);

    // The app: the login, none of the gate's cookies, and not what the client claimed to be.
    const landed = await browser.get("/deep/path?x=1", {
      "x-preview-user": "mallory",
      cookie: `theme=dark; ${browser.cookieHeader("/")}`,
    });
    expect(landed.status).toBe(200);
    expect(json(landed)).toEqual({
      path: "/deep/path?x=1",
      user: "alice",
      cookie: "theme=dark",
      authorization: null,
    });
    // A signed-in browser sent to the sign-in page goes straight on.
    expect((await browser.get("/__preview/signin?to=%2Fother")).headers.location).toBe("/other");

    expect(g.signin.audit()).toEqual({
      signedIn: [
        {
          login: "alice",
          via: "browser",
          detail: "write on o/r",
          firstAt: expect.any(Number),
          lastAt: expect.any(Number),
          count: 1,
        },
      ],
      refused: [],
    });
    expect(g.logger.lines).toContain("info: GitHub sign-in: alice signed in (write on o/r)");
  });

  it("someone without write access gets a 403 page saying who and why; signing out ends the session", async () => {
    const g = await start();
    const browser = new BrowserLike(g.url);
    const { status, continued } = await signIn(g, browser, "bob", "/reports");
    expect(status).toEqual({
      state: "done",
      login: "bob",
      allowed: false,
      reason: "needs write on o/r, or to be the pull request's author; bob has read",
    });
    expect((await continued()).headers.location).toBe("/reports");
    const refused = await browser.get("/reports");
    expect(refused.status).toBe(403);
    expect(refused.body).toContain("You are signed in with GitHub as <strong>bob</strong>.");
    expect(refused.body).toContain(
      "Refused: needs write on o/r, or to be the pull request&#39;s author; bob has read.",
    );
    expect(refused.body).toContain('<form method="post" action="/__preview/logout">');
    const api = await browser.get("/reports", { accept: "application/json" });
    expect([api.status, api.body]).toEqual([
      403,
      "preview-tunnel gate: bob may not open this preview: needs write on o/r, or to be the pull request's author; bob has read\n",
    ]);
    expect(g.app.received).toEqual([]);

    // Another site cannot sign the visitor out.
    const forged = await browser.post("/__preview/logout", {
      origin: "https://evil.example",
      "sec-fetch-site": "cross-site",
    });
    expect(forged.status).toBe(403);
    expect((await browser.get("/reports")).status).toBe(403);

    const session = browser.cookieHeader("/") ?? "";
    expect((await browser.get("/__preview/logout")).body).toContain("Sign out of this preview?");
    const out = await browser.post("/__preview/logout");
    expect(out.status).toBe(303);
    expect(out.headers.location).toBe("/__preview/logout");
    expect(out.headers["set-cookie"]?.[0]).toBe(
      "preview_tunnel_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax",
    );
    expect((await browser.get("/__preview/logout")).body).toContain("You are signed out");
    // The session is gone on the gate too, not only the browser's cookie.
    expect((await browser.get("/reports", { cookie: session })).status).toBe(401);
    expect(g.signin.audit().refused).toMatchObject([
      {
        login: "bob",
        via: "browser",
        detail: "needs write on o/r, or to be the pull request's author; bob has read",
      },
    ]);
    expect(g.logger.lines).toContain("info: GitHub sign-in: bob signed out");
  });

  it("scripts get in with Authorization: Bearer <GitHub token> (checked once, then cached) or the run's token", async () => {
    const runToken = "run-token-0123456789abcdef";
    let now = 1_000_000;
    const g = await start({
      signin: {
        runToken: new SecretMatcher(Buffer.from(runToken)),
        clock: { now: () => now, sleep: systemClock.sleep },
      },
    });
    const script = new BrowserLike(g.url);
    const api = (authorization?: string) =>
      script.get("/api/items", { accept: "*/*", ...(authorization ? { authorization } : {}) });
    /** Calls to GitHub's GET /user: one per token check. */
    const userCalls = () => g.fake.requests.filter((r) => r.path === "/user").length;
    const alice = g.device.issueToken("alice");
    expect(json(await api(`Bearer ${alice}`))).toEqual({
      path: "/api/items",
      user: "alice",
      cookie: null,
      authorization: null,
    });
    expect((await api(`token ${alice}`)).status).toBe(200);
    expect(userCalls()).toBe(1);
    // After the cache's minute, GitHub is asked again.
    now += 60_000;
    expect((await api(`Bearer ${alice}`)).status).toBe(200);
    expect(userCalls()).toBe(2);

    // Requests arriving together with a new token make one check.
    const carol = g.device.issueToken("carol");
    const together = await Promise.all(Array.from({ length: 5 }, () => api(`Bearer ${carol}`)));
    expect(together.map((p) => json(p).user)).toEqual(["carol", "carol", "carol", "carol", "carol"]);
    expect(userCalls()).toBe(3);

    const bob = await api(`Bearer ${g.device.issueToken("bob")}`);
    expect([bob.status, bob.body]).toEqual([
      403,
      "preview-tunnel gate: bob may not open this preview: needs write on o/r, or to be the pull request's author; bob has read\n",
    ]);
    const invalid = await api("Bearer gho_revoked_or_made_up_0000");
    expect(invalid.status).toBe(401);
    expect(invalid.headers["www-authenticate"]).toBe('Bearer realm="preview", error="invalid_token"');
    expect((await api("Bearer gho_revoked_or_made_up_0000")).status).toBe(401);
    expect(userCalls()).toBe(5);
    const none = await api();
    expect([none.status, none.headers["www-authenticate"]]).toEqual([401, 'Bearer realm="preview"']);
    expect(none.body).toContain("open this URL in a browser, or send Authorization: Bearer <GitHub token>");

    // The run's own token: in, with no GitHub login, and no call to GitHub.
    expect(json(await api(`Bearer ${runToken}`))).toEqual({
      path: "/api/items",
      user: null,
      cookie: null,
      authorization: null,
    });
    expect(userCalls()).toBe(5);
    expect(g.signin.audit()).toMatchObject({
      signedIn: [
        { login: "alice", via: "github-token", count: 2 },
        { login: "carol", via: "github-token", detail: "author of the pull request", count: 1 },
      ],
      refused: [{ login: "bob", via: "github-token" }],
    });
    expect(g.logger.lines).toContain(
      "info: GitHub sign-in: alice signed in with a GitHub token (write on o/r)",
    );
  });

  it("answers 503 when GitHub cannot be reached or hangs, and lets nobody in", async () => {
    const g = await start({ signin: { http: fetchHttp(300) } });
    const browser = new BrowserLike(g.url);
    g.fake.fail("device-code", { delayMs: 30_000 });
    const started = await browser.post("/__preview/signin/start?to=%2Fx");
    expect(started.status).toBe(503);
    expect(started.headers["retry-after"]).toBe("10");
    expect(started.body).toContain("<h1>GitHub can't be reached</h1>");
    expect(started.body).toContain("(GitHub could not be reached: no answer within 0.3s)");
    expect(started.body).toContain("Nobody is let in until it does.");
    expect(started.body).toContain('href="/x">Try again</a>');

    g.fake.fail("token-user", { status: 502 });
    const token = g.device.issueToken("alice");
    const api = await browser.get("/x", { authorization: `Bearer ${token}`, accept: "*/*" });
    expect([api.status, api.body]).toEqual([
      503,
      "preview-tunnel gate: GitHub cannot check who you are: GitHub answered 502\n",
    ]);
    const page = await browser.get("/x", { authorization: `Bearer ${token}` });
    // Not remembered: once GitHub answers again, the same token gets in.
    expect(page.status).toBe(200);
    expect(g.app.received).toHaveLength(1);
  });

  it("shows device-flow failures with a way to retry: disabled, expired, cancelled", async () => {
    const g = await start();
    const browser = new BrowserLike(g.url);
    g.device.clients[TEST_CLIENT_ID] = { kind: "oauth-app", deviceFlow: false };
    const disabled = await browser.post("/__preview/signin/start?to=%2F");
    expect(disabled.status).toBe(502);
    expect(disabled.body).toContain("Device sign-in is turned off.");
    expect(disabled.body).toContain("Enable Device Flow");
    expect(disabled.body).toContain('action="/__preview/signin/start?to=%2F"');
    g.device.clients[TEST_CLIENT_ID] = { kind: "oauth-app", deviceFlow: true };

    const started = await browser.post("/__preview/signin/start?to=%2F");
    const first = userCodeOf(await browser.get(started.headers.location ?? ""));
    g.device.expire(first);
    const expired = await until("expiry", async () => {
      const s = json(await browser.get("/__preview/signin/status"));
      return s.state === "failed" ? s : undefined;
    });
    expect(expired).toEqual({
      state: "failed",
      code: "expired_token",
      title: "The code expired.",
      text: "It was not approved in time. Get a new code to try again.",
    });
    const reloaded = await browser.get("/__preview/signin");
    expect(reloaded.body).toContain('data-state="failed"');
    expect(reloaded.body).toContain('<div id="retry">');

    const retried = await browser.post("/__preview/signin/start?to=%2F");
    const second = userCodeOf(await browser.get(retried.headers.location ?? ""));
    expect(second).not.toBe(first);
    g.device.deny(second);
    const cancelled = await until("the cancel", async () => {
      const s = json(await browser.get("/__preview/signin/status"));
      return s.state === "failed" ? s : undefined;
    });
    expect(cancelled).toMatchObject({ code: "access_denied", title: "Sign-in cancelled." });
    // Only the browser's newest sign-in is polled: the first one was dropped at the retry.
    const polls = (code: string) => g.device.grant(code).polls.length;
    const firstPolls = polls(first);
    await until("the second to be polled after the first stopped", () =>
      polls(second) > 0 ? true : undefined,
    );
    expect(polls(first)).toBe(firstPolls);
  });

  it("marks its cookies Secure when the preview is reached over https, and lasts github-session-ttl", async () => {
    const g = await start({ secure: true, settings: { sessionTtlMs: 2 * 3600_000 } });
    const browser = new BrowserLike(g.url);
    const started = await browser.post("/__preview/signin/start?to=%2F");
    expect(started.headers["set-cookie"]?.[0]).toMatch(/; HttpOnly; SameSite=Lax; Secure$/);
    g.device.approve(userCodeOf(await browser.get(started.headers.location ?? "")), "alice");
    await until("approval", async () =>
      json(await browser.get("/__preview/signin/status")).state === "done" ? true : undefined,
    );
    const continued = await browser.get("/__preview/signin/continue");
    expect(continued.headers["set-cookie"]).toEqual([
      expect.stringMatching(
        /^preview_tunnel_session=[\w-]{43}; Path=\/; Max-Age=7200; HttpOnly; SameSite=Lax; Secure$/,
      ),
      "preview_tunnel_signin=; Path=/__preview/signin; Max-Age=0; HttpOnly; SameSite=Lax; Secure",
    ]);
  });

  it("refuses sign-in starts and sign-outs from other sites, before asking GitHub anything", async () => {
    const g = await start();
    const browser = new BrowserLike(g.url);
    for (const headers of [
      { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
      { origin: "https://evil.example", "sec-fetch-site": "" },
      { origin: "null", "sec-fetch-site": "" },
    ]) {
      const page = await browser.post("/__preview/signin/start?to=%2F", headers);
      expect(page.status).toBe(403);
      expect(page.body).toContain("A sign-in can only be started from the preview itself.");
    }
    expect((await browser.get("/__preview/signin/start")).status).toBe(405);
    expect(g.fake.requestsTo("device-code")).toEqual([]);
  });

  it("never redirects to another origin, whatever the return path says", async () => {
    const g = await start();
    const browser = new BrowserLike(g.url);
    const started = await browser.post(
      `/__preview/signin/start?to=${encodeURIComponent("//evil.example/x")}`,
    );
    expect(started.headers.location).toBe("/__preview/signin?to=%2F");
    g.device.approve(userCodeOf(await browser.get(started.headers.location ?? "")), "alice");
    await until("approval", async () =>
      json(await browser.get("/__preview/signin/status")).state === "done" ? true : undefined,
    );
    expect(
      (await browser.get(`/__preview/signin/continue?to=${encodeURIComponent("https://evil.example")}`))
        .headers.location,
    ).toBe("/");
    for (const to of ["//evil.example", "/\\evil.example", "https://evil.example", "/..//evil.example"]) {
      expect((await browser.get(`/__preview/signin?to=${encodeURIComponent(to)}`)).headers.location).toBe(
        "/",
      );
    }
    // A path that looks protocol-relative never reaches the sign-in: the gate's path checks refuse it.
    const odd = await request(g.port, "//evil.example/x", { headers: { accept: "text/html" } });
    expect(odd.status).toBe(400);
    expect(odd.body).not.toContain("evil.example/x?");
    // One that passes them (a query that reads like a URL) comes back to itself only.
    const query = await request(g.port, "/x?next=//evil.example", { headers: { accept: "text/html" } });
    expect(query.status).toBe(401);
    expect(query.body).toContain('action="/__preview/signin/start?to=%2Fx%3Fnext%3D%2F%2Fevil.example"');
  });

  it("stops polling GitHub for a sign-in nobody watches, and close() stops all polling", async () => {
    const clock = new VirtualClock();
    const g = await start({
      device: { intervalSeconds: 5, now: clock.now },
      signin: { clock, limits: { idleMs: 60_000 } },
    });
    const browser = new BrowserLike(g.url);
    expect((await browser.post("/__preview/signin/start?to=%2F")).status).toBe(303);
    // The code from GitHub's side: the page is never asked for, so nobody watches this sign-in.
    const code = g.device.grants[0]?.userCode ?? "";
    await until("the idle sign-in to stop", () =>
      g.logger.lines.includes(
        "debug: GitHub sign-in: a sign-in nobody watched for 60s stopped polling GitHub",
      )
        ? true
        : undefined,
    );
    // Polled every 5 s for the minute after it started, then no more.
    expect(g.device.grant(code).polls).toHaveLength(12);
    expect(json(await browser.get("/__preview/signin/status"))).toMatchObject({
      state: "failed",
      code: "abandoned",
    });

    // Two sign-ins polling; close() returns once neither polls any more, and a third cannot start.
    let inFlight = 0;
    const counting: Http = async (request) => {
      inFlight++;
      try {
        return await fetchHttp()(request);
      } finally {
        inFlight--;
      }
    };
    await gate?.close();
    const h = await start({ signin: { http: counting } });
    const a = new BrowserLike(h.url);
    const b = new BrowserLike(h.url);
    const codes: string[] = [];
    for (const visitor of [a, b]) {
      const s = await visitor.post("/__preview/signin/start?to=%2F");
      codes.push(userCodeOf(await visitor.get(s.headers.location ?? "")));
    }
    await until("both to poll", () =>
      codes.every((c) => h.device.grant(c).polls.length > 0) ? true : undefined,
    );
    await h.signin.close();
    expect(inFlight).toBe(0);
    const after = codes.map((c) => h.device.grant(c).polls.length);
    await h.signin.close();
    expect(codes.map((c) => h.device.grant(c).polls.length)).toEqual(after);
    expect((await a.post("/__preview/signin/start?to=%2F")).status).toBe(503);
  });
});

describe("secrets stay secret", () => {
  it("no GitHub token, session id, sign-in id or device code reaches the log, the audit, the app or a page", async () => {
    const runToken = "run-token-fedcba9876543210";
    const g = await start({ signin: { runToken: new SecretMatcher(Buffer.from(runToken)) } });
    const pages: Page[] = [];
    const ids: string[] = [];
    for (const login of ["alice", "bob"]) {
      const browser = new BrowserLike(g.url);
      const { codePage, continued } = await signIn(g, browser, login, "/leak");
      pages.push(codePage, await continued(), await browser.get("/leak"));
      pages.push(await browser.get("/__preview/signin"), await browser.get("/__preview/logout"));
      pages.push(await browser.post("/__preview/logout"));
      for (const line of browser.setCookies) {
        const value = /^preview_tunnel_(?:session|signin)=([^;]*)/.exec(line)?.[1];
        expect(value, line).toBeDefined();
        if (value) ids.push(value);
      }
    }
    const script = new BrowserLike(g.url);
    pages.push(
      await script.get("/leak", { authorization: `Bearer ${g.device.issueToken("alice")}`, accept: "*/*" }),
    );
    pages.push(
      await script.get("/leak", { authorization: `Bearer ${g.device.issueToken("bob")}`, accept: "*/*" }),
    );
    pages.push(await script.get("/leak", { authorization: `Bearer ${runToken}` }));

    const tokens = [...g.device.tokens.keys()];
    const deviceCodes = g.device.grants.map((grant) => grant.deviceCode);
    expect([tokens.length, deviceCodes.length, ids.length]).toEqual([4, 2, 4]);
    const secrets = [...tokens, ...deviceCodes, ...ids, runToken];
    const places = {
      log: g.logger.lines.join("\n"),
      audit: JSON.stringify(g.signin.audit()),
      app: JSON.stringify(
        g.app.received.map((r) => ({ url: r.url, headers: r.rawHeaders, body: r.body.toString() })),
      ),
      // Everything a client got but the Set-Cookie headers that hand it its own ids.
      pages: JSON.stringify(pages.map((p) => ({ ...p, headers: { ...p.headers, "set-cookie": undefined } }))),
    };
    for (const [where, text] of Object.entries(places)) {
      for (const secret of secrets) expect(text.includes(secret), `${where} holds a secret`).toBe(false);
    }
    // The checks above looked at real content.
    expect(places.app).toContain('"X-Preview-User","alice"');
    expect(places.log).toContain("GitHub sign-in: bob was refused");
    expect(places.audit).toContain("needs write on o/r");
  });
});
