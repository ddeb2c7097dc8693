import type http from "node:http";
import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type { Gate } from "../../src/gate/server.js";
import { until } from "../helpers/wait.js";
import { request, startApp, startTestGate, type TestApp } from "./gate-helpers.js";

let app: TestApp;
let gate: Gate;

afterEach(async () => {
  await gate?.close();
  await app?.close();
});

/** Writes `text` on a raw connection and resolves with everything read until the gate closes it. */
function raw(port: number, text: string, keepWriting?: (socket: net.Socket) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1");
    let data = "";
    socket.on("data", (c) => {
      data += c.toString();
    });
    socket.on("close", () => resolve(data));
    socket.on("error", (error: NodeJS.ErrnoException) => {
      // A reset after the gate answered still counts as an answer.
      if (data !== "") resolve(data);
      else reject(error);
    });
    socket.write(text);
    keepWriting?.(socket);
  });
}

describe("max-body", () => {
  it("answers 413 to an oversized Content-Length before the app sees a byte", async () => {
    app = await startApp();
    gate = await startTestGate(app.port, { auth: "none", "max-body": "1kb" });
    const res = await request(gate.port, "/upload", { method: "POST", body: Buffer.alloc(1025, 97) });
    expect(res.status).toBe(413);
    expect(res.body).toContain("max-body (1kb)");
    expect(
      (await request(gate.port, "/upload", { method: "POST", body: Buffer.alloc(1024, 97) })).status,
    ).toBe(200);
    expect(app.received).toHaveLength(1);
  });

  it("does not wait for a huge announced body: 413 at once, connection closed, app untouched", async () => {
    app = await startApp();
    gate = await startTestGate(app.port, { auth: "none", "max-body": "25mb" });
    const answer = await raw(
      gate.port,
      "POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 1073741824\r\nExpect: 100-continue\r\n\r\n",
    );
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer).not.toContain("100 Continue");
    expect(answer.toLowerCase()).toContain("connection: close");
    expect(app.connections()).toBe(0);
  });

  it("counts a chunked body and stops it at the limit with 413", async () => {
    app = await startApp();
    gate = await startTestGate(app.port, { auth: "none", "max-body": "4kb" });
    const chunk = `400\r\n${"x".repeat(1024)}\r\n`;
    const answer = await raw(
      gate.port,
      "POST /stream HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n",
      (socket) => {
        // Keep sending until the gate answers (it must not wait for the end of the body).
        const pump = () => {
          while (!socket.destroyed && socket.write(chunk)) if (socket.bytesWritten > 64 * 1024) return;
        };
        pump();
        socket.on("drain", pump);
      },
    );
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    // The app may have seen the start of the body, never a complete request.
    expect(app.received).toHaveLength(0);
  });
});

describe("timeouts", () => {
  it("cuts off a client that sends its headers too slowly", async () => {
    app = await startApp();
    gate = await startTestGate(app.port, { auth: "none" }, { timeouts: { headersMs: 200 } });
    const started = performance.now();
    const answer = await raw(gate.port, "GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ");
    expect(performance.now() - started).toBeLessThan(3000);
    expect(answer).toMatch(/^(HTTP\/1\.1 408 |$)/);
    expect(app.connections()).toBe(0);
  });

  it("cuts off a client that sends its body too slowly", async () => {
    app = await startApp();
    gate = await startTestGate(app.port, { auth: "none" }, { timeouts: { headersMs: 200, requestMs: 300 } });
    const started = performance.now();
    await raw(gate.port, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nonly-a-bit");
    expect(performance.now() - started).toBeLessThan(3000);
    expect(app.received).toHaveLength(0);
  });

  it("answers 504 when the app does not answer in time", async () => {
    app = await startApp(() => undefined); // never answers
    const errors: Error[] = [];
    gate = await startTestGate(
      app.port,
      { auth: "none" },
      { timeouts: { upstreamMs: 200 }, onUpstreamError: (e) => errors.push(e) },
    );
    const res = await request(gate.port, "/slow");
    expect(res.status).toBe(504);
    expect(res.headers["content-type"]).toMatch(/^text\/plain/);
    expect(errors).toHaveLength(1);
  });
});

describe("app failures", () => {
  it("answers 502 with a short explanation when the app is down, and reports it once", async () => {
    app = await startApp();
    const port = app.port;
    await app.close();
    const errors: Error[] = [];
    gate = await startTestGate(port, { auth: "none" }, { onUpstreamError: (e) => errors.push(e) });
    const res = await request(gate.port, "/");
    expect(res.status).toBe(502);
    expect(res.headers["content-type"]).toMatch(/^text\/plain/);
    expect(res.body).toContain("refused");
    expect(res.body.length).toBeLessThan(200);
    expect((errors[0] as NodeJS.ErrnoException | undefined)?.code).toBe("ECONNREFUSED");
    // Throttled: a crashed app does not flood the step log with its log tail.
    expect((await request(gate.port, "/")).status).toBe(502);
    expect(errors).toHaveLength(1);
  });

  it("answers 502 when the app resets the connection", async () => {
    app = await startApp((req) => req.socket.destroy());
    const errors: Error[] = [];
    gate = await startTestGate(app.port, { auth: "none" }, { onUpstreamError: (e) => errors.push(e) });
    const res = await request(gate.port, "/", { method: "POST", body: "x" });
    expect(res.status).toBe(502);
    expect(errors).toHaveLength(1);
  });
});

describe("upstream connections", () => {
  it("never opens more than maxUpstreamConnections to the app", async () => {
    const waiting: http.ServerResponse[] = [];
    let active = 0;
    let peak = 0;
    app = await startApp((_req, res) => {
      active++;
      peak = Math.max(peak, active);
      waiting.push(res);
    });
    gate = await startTestGate(app.port, { auth: "none" }, { maxUpstreamConnections: 2 });
    const all = Promise.all([1, 2, 3, 4, 5].map((n) => request(gate.port, `/${n}`)));
    for (let answered = 0; answered < 5; answered++) {
      const res = await until("a request waiting in the app", () => waiting.shift());
      active--;
      res.end("ok");
    }
    expect((await all).map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(peak).toBe(2);
    expect(app.connections()).toBe(2);
  });
});
