/** probePublicUrl against local servers standing in for a provider's edge and the gate. */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { freePort } from "../../src/app/ports.js";
import { PROBE_HEADERS, probePublicUrl } from "../../src/tunnel/probe.js";
import { failure } from "../fixtures/tunnel/failure.js";

const servers: http.Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

async function serve(handler: http.RequestListener): Promise<string> {
  const server = http.createServer(handler);
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const fast = { initialMs: 10, maxMs: 50 };

describe("probePublicUrl", () => {
  it("retries until the gate answers the nonce, sending the ngrok and UA headers", async () => {
    let calls = 0;
    const seen: http.IncomingHttpHeaders[] = [];
    const url = await serve((req, res) => {
      calls++;
      seen.push(req.headers);
      // The edge is not routing yet for the first two requests.
      if (calls <= 2) res.writeHead(502).end("bad gateway");
      else res.writeHead(200).end(req.url === "/__preview/probe" ? "n0nce" : "other");
    });
    const result = await probePublicUrl({
      url,
      path: "/__preview/probe",
      nonce: "n0nce",
      timeoutMs: 5000,
      provider: "ssh",
      backoff: fast,
    });
    expect(result.attempts).toBe(3);
    expect(seen[0]?.["ngrok-skip-browser-warning"]).toBe(PROBE_HEADERS["ngrok-skip-browser-warning"]);
    expect(seen[0]?.["user-agent"]).toBe("preview-tunnel-probe/1");
  });

  it("fails at the deadline with the provider, the last answer and what to try", async () => {
    const url = await serve((_req, res) => res.writeHead(200).end("somebody else's preview"));
    const error = await failure(
      probePublicUrl({
        url,
        path: "/__preview/probe",
        nonce: "mine",
        timeoutMs: 300,
        provider: "ngrok",
        lastOutput: () => "  agent said hello",
        backoff: fast,
      }),
    );
    expect(error.message).toMatch(
      /The ngrok tunnel's URL http:\/\/127\.0\.0\.1:\d+ did not reach this run's gate within 300ms/,
    );
    expect(error.message).toMatch(/Last answer: HTTP 200: somebody else's preview\./);
    expect(error.message).toMatch(/ngrok printed:\n {2}agent said hello/);
    expect(error.message).toMatch(/another run holding the same ngrok domain/);
  });

  it("names the socket error when nothing answers", async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const error = await failure(
      probePublicUrl({ url, path: "/p", nonce: "x", timeoutMs: 200, provider: "cloudflared", backoff: fast }),
    );
    expect(error.message).toMatch(/Last answer: no answer \(ECONNREFUSED/);
    expect(error.message).toMatch(/another provider than cloudflared/);
  });

  it("says so for a rate limit", async () => {
    const url = await serve((_req, res) => res.writeHead(429).end("error code: 1015"));
    const error = await failure(
      probePublicUrl({ url, path: "/p", nonce: "x", timeoutMs: 200, provider: "cloudflared", backoff: fast }),
    );
    expect(error.message).toMatch(/HTTP 429: error code: 1015/);
    expect(error.message).toMatch(/rate-limiting/);
  });

  it("stops at once when cancelled", async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const controller = new AbortController();
    const reason = new Error("cancelled by test");
    const pending = probePublicUrl({
      url,
      path: "/p",
      nonce: "x",
      timeoutMs: 60_000,
      provider: "ssh",
      signal: controller.signal,
    });
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
  });
});
