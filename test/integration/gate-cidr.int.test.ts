import { afterEach, describe, expect, it } from "vitest";
import type { Gate } from "../../src/gate/server.js";
import { request, startApp, startTestGate, type TestApp } from "./gate-helpers.js";

let app: TestApp;
let gate: Gate;

afterEach(async () => {
  await gate?.close();
  await app?.close();
});

const ALLOW = "203.0.113.0/24, 2001:db8:1::/48\n198.51.100.7";

describe("allow-cidrs behind a tunnel agent (client named in a header by a loopback peer)", () => {
  it.each([
    ["IPv4 inside a CIDR", "203.0.113.55", 200],
    ["IPv4 single address", "198.51.100.7", 200],
    ["IPv4 outside", "198.51.100.8", 403],
    ["IPv6 inside a CIDR", "2001:db8:1:ffff::1", 200],
    ["IPv6 outside", "2001:db8:2::1", 403],
    ["IPv4-mapped IPv6 inside", "::ffff:203.0.113.9", 200],
    ["the right-most of a chain decides", "203.0.113.1, 192.0.2.1", 403],
    ["a forged left entry does not help", "192.0.2.1, 203.0.113.1", 200],
    ["an unreadable value", "not-an-ip", 403],
  ])("%s (%s) -> %i", async (_what, forwarded, status) => {
    app = await startApp();
    gate = await startTestGate(
      app.port,
      { auth: "none", "allow-cidrs": ALLOW },
      { clientIpHeader: "x-forwarded-for" },
    );
    const res = await request(gate.port, "/", { headers: { "x-forwarded-for": forwarded } });
    expect(res.status).toBe(status);
    expect(app.received).toHaveLength(status === 200 ? 1 : 0);
    if (status === 403) expect(res.body).toContain("allow-cidrs");
  });

  it("reads cloudflared's CF-Connecting-IP when told to", async () => {
    app = await startApp();
    gate = await startTestGate(
      app.port,
      { auth: "none", "allow-cidrs": ALLOW },
      { clientIpHeader: "CF-Connecting-IP" },
    );
    expect((await request(gate.port, "/", { headers: { "cf-connecting-ip": "2001:db8:1::5" } })).status).toBe(
      200,
    );
    expect((await request(gate.port, "/", { headers: { "cf-connecting-ip": "192.0.2.10" } })).status).toBe(
      403,
    );
    // The app learns the client's address.
    expect(app.received[0]?.headers["x-forwarded-for"]).toBe("2001:db8:1::5");
  });

  it("ignores the header when no provider vouches for it", async () => {
    app = await startApp();
    gate = await startTestGate(app.port, { auth: "none", "allow-cidrs": ALLOW });
    const res = await request(gate.port, "/", { headers: { "x-forwarded-for": "203.0.113.55" } });
    expect(res.status).toBe(403);
    expect(res.body).toContain("127.0.0.1");
  });
});

describe("allow-cidrs with plain loopback peers", () => {
  it("checks the IPv4 peer 127.0.0.1", async () => {
    app = await startApp();
    gate = await startTestGate(app.port, { auth: "none", "allow-cidrs": "127.0.0.0/8" });
    expect((await request(gate.port, "/", { host: "127.0.0.1" })).status).toBe(200);
    expect((await request(gate.port, "/", { host: "::1" })).status).toBe(403);
  });

  it("checks the IPv6 peer ::1", async () => {
    app = await startApp();
    gate = await startTestGate(app.port, { auth: "none", "allow-cidrs": "::1/128" });
    expect((await request(gate.port, "/", { host: "::1" })).status).toBe(200);
    expect((await request(gate.port, "/", { host: "127.0.0.1" })).status).toBe(403);
    expect(app.received[0]?.headers["x-forwarded-for"]).toBe("::1");
  });

  it("denies before asking for credentials", async () => {
    app = await startApp();
    gate = await startTestGate(app.port, { credentials: "a:b", "allow-cidrs": "10.0.0.0/8" });
    const res = await request(gate.port, "/");
    expect(res.status).toBe(403);
    expect(res.headers["www-authenticate"]).toBeUndefined();
  });
});
