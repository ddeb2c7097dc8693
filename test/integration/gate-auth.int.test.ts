import { afterEach, describe, expect, it } from "vitest";
import type { Gate } from "../../src/gate/server.js";
import { basic, request, startApp, startTestGate, type TestApp } from "./gate-helpers.js";

let app: TestApp;
let gate: Gate;

afterEach(async () => {
  await gate?.close();
  await app?.close();
});

describe("auth: basic", () => {
  it("lets the right credentials through and keeps them from the app", async () => {
    app = await startApp();
    gate = await startTestGate(app.port, { credentials: "alice:s3cret-pass" });
    const ok = await request(gate.port, "/hello", {
      headers: { authorization: basic("alice", "s3cret-pass") },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toBe("app saw GET /hello");
    expect(app.received[0]?.headers.authorization).toBeUndefined();
  });

  it.each([
    ["wrong password", basic("alice", "wrong")],
    ["wrong user", basic("bob", "s3cret-pass")],
    ["a prefix of the password", basic("alice", "s3cret")],
    ["wrong scheme", "Bearer s3cret-pass"],
    ["no credentials", undefined],
  ])("answers 401 with a Basic challenge for %s, and the app sees nothing", async (_what, authorization) => {
    app = await startApp();
    gate = await startTestGate(app.port, { credentials: "alice:s3cret-pass" });
    const res = await request(gate.port, "/", { headers: authorization ? { authorization } : {} });
    expect(res.status).toBe(401);
    expect(res.headers["www-authenticate"]).toBe('Basic realm="preview", charset="UTF-8"');
    expect(res.headers["content-type"]).toMatch(/^text\/plain/);
    expect(app.received).toHaveLength(0);
  });

  it("accepts the scheme name in any case", async () => {
    app = await startApp();
    gate = await startTestGate(app.port, { credentials: "alice:pw" });
    const token = Buffer.from("alice:pw").toString("base64");
    expect((await request(gate.port, "/", { headers: { authorization: `basic ${token}` } })).status).toBe(
      200,
    );
  });
});

describe("auth: bearer", () => {
  it("accepts the token and rejects a wrong, missing or differently-schemed one", async () => {
    app = await startApp();
    gate = await startTestGate(app.port, { auth: "bearer", credentials: "tok-123456" });
    expect((await request(gate.port, "/", { headers: { authorization: "Bearer tok-123456" } })).status).toBe(
      200,
    );
    const wrong = await request(gate.port, "/", { headers: { authorization: "Bearer tok-1234567" } });
    expect(wrong.status).toBe(401);
    expect(wrong.headers["www-authenticate"]).toBe('Bearer realm="preview", error="invalid_token"');
    const missing = await request(gate.port, "/");
    expect(missing.status).toBe(401);
    expect(missing.headers["www-authenticate"]).toBe('Bearer realm="preview"');
    expect(
      (await request(gate.port, "/", { headers: { authorization: basic("x", "tok-123456") } })).status,
    ).toBe(401);
    expect(app.received).toHaveLength(1);
    expect(app.received[0]?.headers.authorization).toBeUndefined();
  });
});

describe("auth: none", () => {
  it("lets everything through and passes the client's own Authorization to the app", async () => {
    app = await startApp();
    gate = await startTestGate(app.port, { auth: "none" });
    const res = await request(gate.port, "/api", { headers: { authorization: "Bearer app-token" } });
    expect(res.status).toBe(200);
    expect(app.received[0]?.headers.authorization).toBe("Bearer app-token");
  });
});

describe("login link", () => {
  it("sets a Secure, HttpOnly, SameSite=Lax session cookie once, then works as credentials", async () => {
    app = await startApp();
    gate = await startTestGate(app.port, { credentials: "alice:pw" });
    gate.setPublicUrl("https://preview.example.test");
    const link = new URL(gate.loginUrl());
    expect(link.origin).toBe("https://preview.example.test");
    expect(link.pathname).toBe("/__preview/login");

    // A HEAD (a link checker) does not use the token up.
    expect((await request(gate.port, `${link.pathname}${link.search}`, { method: "HEAD" })).status).toBe(405);
    const first = await request(gate.port, `${link.pathname}${link.search}`);
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe("/");
    const setCookie = first.headers["set-cookie"]?.[0] ?? "";
    expect(setCookie).toMatch(/^preview_tunnel_session=[A-Za-z0-9_-]{40,};/);
    for (const flag of ["Secure", "HttpOnly", "SameSite=Lax", "Path=/"]) expect(setCookie).toContain(flag);
    const cookie = setCookie.split(";")[0] ?? "";

    // Single use: the same link again (without the cookie) gets nothing.
    const again = await request(gate.port, `${link.pathname}${link.search}`);
    expect(again.status).toBe(401);
    expect(again.headers["set-cookie"]).toBeUndefined();

    // The cookie is a credential; the app never sees it, but sees its own cookies.
    const page = await request(gate.port, "/page", { headers: { cookie: `theme=dark; ${cookie}` } });
    expect(page.status).toBe(200);
    expect(app.received[0]?.headers.cookie).toBe("theme=dark");

    expect((await request(gate.port, "/", { headers: { cookie: `${cookie}x` } })).status).toBe(401);
    expect(
      (await request(gate.port, "/", { headers: { cookie: "preview_tunnel_session=forged" } })).status,
    ).toBe(401);
  });

  it("rejects a made-up token", async () => {
    app = await startApp();
    gate = await startTestGate(app.port, { credentials: "alice:pw" });
    const res = await request(gate.port, "/__preview/login?token=made-up");
    expect(res.status).toBe(401);
    expect(res.headers["set-cookie"]).toBeUndefined();
  });

  it("keeps the rest of /__preview/ to the gate", async () => {
    app = await startApp();
    gate = await startTestGate(app.port, { credentials: "alice:pw" });
    const res = await request(gate.port, "/__preview/other", {
      headers: { authorization: basic("alice", "pw") },
    });
    expect(res.status).toBe(404);
    expect(app.received).toHaveLength(0);
  });
});

describe("reserved hook", () => {
  it("runs before auth, with the checked and decoded path", async () => {
    app = await startApp();
    gate = await startTestGate(
      app.port,
      { credentials: "alice:pw" },
      {
        reserved: (_req, res, path) => {
          if (path !== "/__preview/mine") return false;
          res.end("reserved ok");
          return true;
        },
      },
    );
    const res = await request(gate.port, "/__preview/m%69ne");
    expect(res.status).toBe(200);
    expect(res.body).toBe("reserved ok");
  });
});
