/**
 * How the gate carries the GitHub sign-in (auth: github) beside its other parts: the
 * recording keeps the sign-in's exchanges but not its codes or ids, a login link's session
 * (how the scenarios' browser gets in) still works and names nobody, a WebSocket without a
 * session is refused, and an X-Preview-User sent by a client never reaches the app, in any
 * auth mode.
 */

import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseAllow } from "../../src/gate/github-signin/index.js";
import type { Gate } from "../../src/gate/server.js";
import { BrowserLike, type SignInGate, signInOverHttp, startSignInGate } from "../helpers/signin-gate.js";
import { until } from "../helpers/wait.js";
import { leakedSecrets } from "../security/leaks.js";
import { basic, harValidator, request, startApp, startTestGate, type TestApp } from "./gate-helpers.js";

let signInGate: SignInGate | undefined;
const gates: Gate[] = [];
const apps: TestApp[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await signInGate?.close();
  signInGate = undefined;
  for (const gate of gates.splice(0)) await gate.close();
  for (const app of apps.splice(0)) await app.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const json = (body: string) => JSON.parse(body) as Record<string, unknown>;

describe("the GitHub sign-in in the gate", () => {
  it("is recorded without its codes, ids or tokens; a refused visitor's exchange says why", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "signin-har-"));
    dirs.push(dir);
    const harPath = path.join(dir, "requests.har");
    const g = await startSignInGate({ gate: { record: { path: harPath }, recordBodyLimit: 65_536 } });
    signInGate = g;
    const alice = new BrowserLike(g.url);
    const { landed, userCode } = await signInOverHttp(alice, g.fake.url, "alice", "/orders?page=2");
    expect(json(landed.body)).toMatchObject({ path: "/orders?page=2", user: "alice" });
    const bob = new BrowserLike(g.url);
    expect((await signInOverHttp(bob, g.fake.url, "bob")).landed.status).toBe(403);
    const token = g.device.issueToken("alice");
    expect((await alice.get("/api", { authorization: `Bearer ${token}`, cookie: "" })).status).toBe(200);
    await g.gate.close();

    const text = readFileSync(harPath, "utf8");
    await harValidator.har(JSON.parse(text));
    const entries = (JSON.parse(text) as { log: { entries: HarEntry[] } }).log.entries;
    const entry = (pathname: string, status: number) =>
      entries.find((e) => new URL(e.request.url).pathname === pathname && e.response.status === status);
    // The sign-in's exchanges are there; the code page's body (the user code) is not.
    expect(entry("/__preview/signin/start", 303)).toBeDefined();
    expect(entry("/__preview/signin", 200)?.response.content.text ?? "").toBe("");
    expect(entry("/orders", 401)?.comment).toBe("sign in with GitHub");
    expect(entry("/", 403)?.comment).toBe(
      "bob may not open this preview: needs write on o/r, or to be the pull request's author; bob has read",
    );
    expect(entry("/orders", 200)).toBeDefined();
    const ids = [...alice.setCookies, ...bob.setCookies]
      .map((line) => /^preview_tunnel_(?:session|signin)=([^;]+)/.exec(line)?.[1])
      .filter((id): id is string => id !== undefined);
    expect(ids).toHaveLength(4);
    const secrets = Object.fromEntries(
      [...g.device.tokens.keys(), ...g.device.grants.map((grant) => grant.deviceCode), ...ids].map((s, i) => [
        `secret ${i}`,
        s,
      ]),
    );
    expect(leakedSecrets(text, secrets)).toEqual([]);
    expect(text).not.toContain(userCode);
  });

  it("lets a login link's session in (the scenarios' browser), naming nobody to the app", async () => {
    const g = await startSignInGate();
    signInGate = g;
    const browser = new BrowserLike(g.url);
    const link = new URL(g.gate.loginUrl());
    const opened = await browser.get(`${link.pathname}${link.search}`);
    expect(opened.status).toBe(303);
    const page = await browser.get("/inside", { "x-preview-user": "mallory" });
    expect(page.status).toBe(200);
    expect(json(page.body)).toEqual({ path: "/inside", user: null, cookie: null, authorization: null });
    // A made-up session cookie is no login link's and no sign-in's.
    const stranger = await request(g.port, "/inside", {
      headers: { cookie: "preview_tunnel_session=made-up-0123456789", accept: "text/html" },
    });
    expect(stranger.status).toBe(401);
    expect(stranger.body).toContain("Sign in to open this preview");
  });

  it("warns once when it starts that read on a public repository lets everyone in", async () => {
    const g = await startSignInGate({ settings: { allow: parseAllow("read") } });
    signInGate = g;
    expect(g.logger.lines.filter((l) => l.startsWith("warning:"))).toEqual([
      'warning: github-allow: "read" on a public repository lets every GitHub user in (everyone can read o/r); use "triage" or higher to keep it to collaborators.',
    ]);
    const bob = await signInOverHttp(new BrowserLike(g.url), g.fake.url, "bob", "/");
    expect(json(bob.landed.body)).toMatchObject({ user: "bob" });
  });

  it("refuses a WebSocket without a session with the sign-in's 401, on the socket", async () => {
    const g = await startSignInGate();
    signInGate = g;
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request({
        host: "127.0.0.1",
        port: g.port,
        path: "/socket",
        headers: { connection: "Upgrade", upgrade: "websocket", "sec-websocket-version": "13" },
      });
      req.on("response", (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("upgrade", () => reject(new Error("upgraded without a session")));
      req.on("error", reject);
      req.end();
    });
    expect(status).toBe(401);
    expect(g.app.received).toEqual([]);
  });
});

describe("X-Preview-User", () => {
  it("sent by a client never reaches the app, whatever the auth mode", async () => {
    const app = await startApp((req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ user: req.headers["x-preview-user"] ?? null }));
    });
    apps.push(app);
    const modes = [
      { inputs: { auth: "none" }, authorization: undefined },
      {
        inputs: { auth: "basic", credentials: "u:secret-password-1" },
        authorization: basic("u", "secret-password-1"),
      },
      {
        inputs: { auth: "bearer", credentials: "bearer-token-0123456789" },
        authorization: "Bearer bearer-token-0123456789",
      },
    ];
    for (const { inputs, authorization } of modes) {
      const gate = await startTestGate(app.port, inputs);
      gates.push(gate);
      const reply = await request(gate.port, "/who", {
        headers: {
          "X-Preview-User": "admin",
          "x-preview-user": "root",
          ...(authorization ? { authorization } : {}),
        },
      });
      expect([inputs.auth, reply.status, json(reply.body)]).toEqual([inputs.auth, 200, { user: null }]);
    }
    expect(app.received).toHaveLength(3);
  });
});

interface HarEntry {
  readonly request: { readonly url: string };
  readonly response: { readonly status: number; readonly content: { readonly text?: string } };
  readonly comment?: string;
}

describe("the inspector behind the GitHub sign-in", () => {
  it("opens only to a signed-in, allowed reviewer, and a replay reaches the app as sent by them", async () => {
    signInGate = await startSignInGate();
    const g = signInGate;
    const visitor = new BrowserLike(g.url);
    // Without a session: the sign-in page, not the inspector (page, stream, details, replay).
    for (const sub of ["", "/events", "/requests/1", "/har"]) {
      expect((await visitor.get(`/__preview/inspect${sub}`)).status).toBe(401);
    }
    expect((await visitor.post("/__preview/inspect/replay/1")).status).toBe(401);

    // bob (read access) is refused by the sign-in, so the inspector stays shut for him too.
    const bob = new BrowserLike(g.url);
    expect((await signInOverHttp(bob, g.fake.url, "bob")).landed.status).toBe(403);
    expect((await bob.get("/__preview/inspect/events", { accept: "application/json" })).status).toBe(403);

    const alice = new BrowserLike(g.url);
    const { landed } = await signInOverHttp(alice, g.fake.url, "alice", "/orders");
    expect(json(landed.body)).toMatchObject({ path: "/orders", user: "alice" });
    const page = await alice.get("/__preview/inspect");
    expect(page.status).toBe(200);
    expect(page.headers["content-security-policy"]).toContain("script-src 'self'");

    // Her request to /orders is in the live list; replaying it reaches the app as hers.
    const listed = await until("alice's request in the inspector", async () => {
      const poll = await alice.get("/__preview/inspect/events", { accept: "application/json" });
      expect(poll.status).toBe(200);
      const text = poll.body;
      return text.includes('"/orders"')
        ? (JSON.parse(text) as { events: { id: number; path: string }[] })
        : undefined;
    });
    const orders = listed.events.find((e) => e.path === "/orders");
    expect(orders).toBeDefined();
    const replayed = await alice.request("POST", `/__preview/inspect/replay/${orders?.id}`, {
      "content-type": "application/json",
    });
    expect(replayed.status).toBe(200);
    const outcome = JSON.parse(replayed.body) as { id: number; status: number };
    expect(outcome.status).toBe(200);
    const detail = JSON.parse((await alice.get(`/__preview/inspect/requests/${outcome.id}`)).body) as {
      responseBody?: { text: string };
    };
    expect(json(detail.responseBody?.text ?? "")).toMatchObject({ path: "/orders", user: "alice" });
  });
});
