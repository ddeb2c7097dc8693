import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import WebSocket, { WebSocketServer } from "ws";
import type { Gate } from "../../src/gate/server.js";
import { basic, request, startApp, startTestGate, type TestApp } from "./gate-helpers.js";

let app: TestApp | undefined;
let gate: Gate | undefined;
const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  await gate?.close();
  await app?.close();
  for (const cleanup of cleanups.splice(0)) await cleanup();
  gate = undefined;
  app = undefined;
});

describe("headers", () => {
  it("answers HEAD with the app's Content-Length and no body, and the connection stays usable", async () => {
    app = await startApp((req, res) => {
      res.writeHead(200, { "content-type": "text/plain", "content-length": "11" });
      res.end(req.method === "HEAD" ? undefined : "hello world");
    });
    gate = await startTestGate(app.port, { auth: "none" });
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    cleanups.push(() => agent.destroy());
    const send = (method: string) =>
      new Promise<{ status: number; length: string | undefined; body: string }>((resolve, reject) => {
        const req = http.request({ port: gate?.port, path: "/file", method, agent }, (res) => {
          let body = "";
          res.on("data", (c: Buffer) => {
            body += c.toString();
          });
          res.on("end", () =>
            resolve({ status: res.statusCode ?? 0, length: res.headers["content-length"], body }),
          );
        });
        req.on("error", reject);
        req.end();
      });
    expect(await send("HEAD")).toEqual({ status: 200, length: "11", body: "" });
    expect(await send("GET")).toEqual({ status: 200, length: "11", body: "hello world" });
    expect(await send("HEAD")).toEqual({ status: 200, length: "11", body: "" });
    expect(app.connections()).toBe(1);
  });

  it("drops hop-by-hop headers, adds request-headers and X-Forwarded-* from the public URL", async () => {
    app = await startApp((_req, res) => {
      res.writeHead(200, [
        "Set-Cookie",
        "a=1",
        "Set-Cookie",
        "b=2",
        "X-Internal",
        "hidden",
        "Connection",
        "X-Internal",
        "Keep-Alive",
        "timeout=5",
      ]);
      res.end("ok");
    });
    gate = await startTestGate(app.port, {
      credentials: "u:p",
      "request-headers": "X-Preview: yes\nX-Tenant: pr-42",
    });
    gate.setPublicUrl("https://pr-42.example.test/");
    const res = await request(gate.port, "/h", {
      headers: {
        authorization: basic("u", "p"),
        connection: "keep-alive, X-Hop",
        "x-hop": "should not pass",
        te: "trailers",
        "proxy-authorization": "Basic abc",
        "x-tenant": "client-chosen",
        "x-forwarded-for": "6.6.6.6",
        "x-keep": "kept",
      },
    });
    expect(res.status).toBe(200);
    expect(res.headers["set-cookie"]).toEqual(["a=1", "b=2"]);
    expect(res.headers["x-internal"]).toBeUndefined();
    const seen = app.received[0]?.headers ?? {};
    expect(seen["x-hop"]).toBeUndefined();
    expect(seen.te).toBeUndefined();
    expect(seen["proxy-authorization"]).toBeUndefined();
    expect(seen.authorization).toBeUndefined();
    expect(seen["x-keep"]).toBe("kept");
    expect(seen["x-preview"]).toBe("yes");
    expect(seen["x-tenant"]).toBe("pr-42");
    expect(seen["x-forwarded-for"]).toBe("127.0.0.1");
    expect(seen["x-forwarded-proto"]).toBe("https");
    expect(seen["x-forwarded-host"]).toBe("pr-42.example.test");
    expect(seen.host).toBe(`127.0.0.1:${gate.port}`);
  });

  it("keeps the tunnel agent's X-Forwarded-For chain when it is the trusted hop", async () => {
    app = await startApp();
    gate = await startTestGate(app.port, { auth: "none" }, { clientIpHeader: "x-forwarded-for" });
    await request(gate.port, "/", { headers: { "x-forwarded-for": "198.51.100.1, 203.0.113.9" } });
    expect(app.received[0]?.headers["x-forwarded-for"]).toBe("198.51.100.1, 203.0.113.9");
  });
});

describe("streaming", () => {
  it("passes Server-Sent Events through as they happen", async () => {
    let send: ((text: string) => void) | undefined;
    let end: (() => void) | undefined;
    const sse = http.createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
      res.flushHeaders(); // as SSE servers do: the client sees the stream open before any event
      send = (text) => res.write(text);
      end = () => res.end();
    });
    await new Promise<void>((resolve) => sse.listen(0, "127.0.0.1", resolve));
    cleanups.push(() => {
      sse.closeAllConnections();
      sse.close();
    });
    gate = await startTestGate((sse.address() as AddressInfo).port, { auth: "none" });

    const events: string[] = [];
    const done = new Promise<void>((resolve, reject) => {
      http
        .get({ host: "127.0.0.1", port: gate?.port, path: "/events", agent: false }, (res) => {
          expect(res.headers["content-type"]).toBe("text/event-stream");
          // Headers arrive before any event was sent: the stream is not held back.
          send?.("data: one\n\n");
          res.setEncoding("utf8");
          res.on("data", (chunk: string) => {
            events.push(chunk);
            // Each event reaches the client while the response is still open.
            if (events.join("").includes("data: one") && !events.join("").includes("two"))
              send?.("data: two\n\n");
            else if (events.join("").includes("data: two")) end?.();
          });
          res.on("end", resolve);
        })
        .on("error", reject);
    });
    await done;
    expect(events.join("")).toBe("data: one\n\ndata: two\n\n");
  });

  it("echoes WebSocket messages through the gate, with auth applied to the upgrade", async () => {
    const wss = new WebSocketServer({ port: 0, host: "127.0.0.1" });
    await new Promise<void>((resolve) => wss.once("listening", () => resolve()));
    wss.on("connection", (socket) => socket.on("message", (data, binary) => socket.send(data, { binary })));
    cleanups.push(() => new Promise<void>((resolve) => wss.close(() => resolve())));
    gate = await startTestGate((wss.address() as AddressInfo).port, { credentials: "u:p" });

    const denied = new WebSocket(`ws://127.0.0.1:${gate.port}/ws`);
    const status = await new Promise<number>((resolve) => {
      denied.on("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
      denied.on("error", () => resolve(-1));
    });
    expect(status).toBe(401);

    const ws = new WebSocket(`ws://127.0.0.1:${gate.port}/ws`, {
      headers: { authorization: basic("u", "p") },
    });
    await new Promise<void>((resolve, reject) => {
      ws.once("open", () => resolve());
      ws.once("error", reject);
    });
    const replies: string[] = [];
    const all = new Promise<void>((resolve) =>
      ws.on("message", (data: Buffer) => {
        replies.push(data.toString());
        if (replies.length === 3) resolve();
      }),
    );
    for (const text of ["hello", "x".repeat(200_000), "bye"]) ws.send(text);
    await all;
    expect(replies.map((r) => r.length)).toEqual([5, 200_000, 3]);
    const closed = new Promise((resolve) => ws.once("close", resolve));
    ws.close();
    await closed;
    expect(gate.stats().recent.map((r) => r.status)).toEqual([401, 101]);
  });

  it("streams a large download with backpressure", async () => {
    const size = 64 * 1024 * 1024;
    app = await startApp((_req, res) => {
      res.writeHead(200, { "content-type": "application/octet-stream", "content-length": String(size) });
      const chunk = Buffer.alloc(1024 * 1024, 1);
      let sent = 0;
      const pump = () => {
        while (sent < size) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once("drain", pump);
        }
        res.end();
      };
      pump();
    });
    gate = await startTestGate(app.port, { auth: "none" });
    const received = await new Promise<number>((resolve, reject) => {
      http.get({ host: "127.0.0.1", port: gate?.port, path: "/big", agent: false }, (res) => {
        let n = 0;
        res.on("data", (c: Buffer) => {
          n += c.length;
        });
        res.on("end", () => resolve(n));
        res.on("error", reject);
      });
    });
    expect(received).toBe(size);
  });
});
