/**
 * allow-cidrs comes first for every route: the identity provider, the login link, the
 * reserved namespace, webhook paths, proxied paths and upgrades. The one exception is the
 * tunnel probe carrying the run's key (gate/probe.ts), which reaches nothing but the nonce.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { sign } from "@octokit/webhooks-methods";
import { afterEach, describe, expect, it } from "vitest";
import { newProbeSecrets, PROBE_KEY_HEADER, type ProbeSecrets } from "../../src/gate/index.js";
import type { Gate } from "../../src/gate/server.js";
import { createIdp, DEFAULT_USERS, type Idp } from "../../src/idp/index.js";
import { idpRoute } from "../../src/pipeline/identity.js";
import { basic, request, startApp, startTestGate, type TestApp } from "../integration/gate-helpers.js";
import { type Harness, nodeApp, useHarness } from "../integration/harness.js";
import { parseResponses, sendRaw } from "./raw-http.js";

const SECRET = "gh-secret-allow-list";
const AUTH = basic("u", "p");
const REDIRECT = "http://127.0.0.1:9/cb";
const AUTHORIZE = `/__preview/idp/authorize?client_id=app&response_type=code&scope=openid&redirect_uri=${encodeURIComponent(REDIRECT)}`;

let app: TestApp | undefined;
let gate: Gate | undefined;

afterEach(async () => {
  await gate?.close();
  await app?.close();
  gate = undefined;
  app = undefined;
});

async function setup(
  allow: string,
): Promise<{ gate: Gate; app: TestApp; probe: ProbeSecrets; idpCalls: () => number }> {
  app = await startApp();
  let calls = 0;
  let idp: Idp | undefined;
  const probe = newProbeSecrets();
  const route = idpRoute(() => idp);
  gate = await startTestGate(
    app.port,
    { credentials: "u:p", "allow-cidrs": allow, "verify-webhooks": "github /hooks/github GH_SECRET" },
    {
      env: { GH_SECRET: SECRET },
      probe,
      reserved: (req, res, path) => {
        calls++;
        return route(req, res, path);
      },
    },
  );
  idp = createIdp({
    issuer: `${gate.url}/__preview/idp`,
    clients: [{ clientId: "app", clientSecret: "s3cret-client", redirectUris: [REDIRECT] }],
    users: DEFAULT_USERS,
    requirePkce: false,
  });
  return { gate, app, probe, idpCalls: () => calls };
}

async function hook(port: number, target: string) {
  const body = JSON.stringify({ zen: "Approachable is better than simple." });
  return request(port, target, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-github-event": "push",
      "x-hub-signature-256": await sign(SECRET, body),
    },
    body,
  });
}

async function upgrade(port: number): Promise<number | undefined> {
  const bytes = [
    "GET /ws HTTP/1.1",
    "Host: gate",
    `Authorization: ${AUTH}`,
    "Connection: Upgrade",
    "Upgrade: websocket",
    "Sec-WebSocket-Version: 13",
    "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
    "",
    "",
  ].join("\r\n");
  return parseResponses(await sendRaw(port, bytes))[0]?.status;
}

describe("a client outside allow-cidrs", () => {
  // 127.0.0.1 (every test client) is outside this list.
  const DENY = "192.0.2.0/24, 2001:db8::/32";

  it("gets 403 on every route, the identity provider's and the gate's own included", async () => {
    const { gate, app, probe, idpCalls } = await setup(DENY);
    const link = new URL(gate.loginUrl());
    const statuses = {
      discovery: (await request(gate.port, "/__preview/idp/.well-known/openid-configuration")).status,
      jwks: (await request(gate.port, "/__preview/idp/jwks")).status,
      token: (await request(gate.port, "/__preview/idp/token", { method: "POST", body: "grant_type=x" }))
        .status,
      login: (await request(gate.port, `${link.pathname}${link.search}`)).status,
      namespace: (await request(gate.port, "/__preview/other", { headers: { authorization: AUTH } })).status,
      inspector: (await request(gate.port, "/__preview/inspect", { headers: { authorization: AUTH } }))
        .status,
      inspectorEvents: (
        await request(gate.port, "/__preview/inspect/events", { headers: { authorization: AUTH } })
      ).status,
      probeWithoutKey: (await request(gate.port, "/__preview/probe")).status,
      probeWithWrongKey: (
        await request(gate.port, "/__preview/probe", { headers: { [PROBE_KEY_HEADER]: `${probe.key}x` } })
      ).status,
      webhook: (await hook(gate.port, "/hooks/github")).status,
      proxied: (await request(gate.port, "/", { headers: { authorization: AUTH } })).status,
      hostilePath: (await request(gate.port, "/hooks/github/%2e%2e/admin")).status,
      upgrade: await upgrade(gate.port),
    };
    expect(statuses).toEqual({
      discovery: 403,
      jwks: 403,
      token: 403,
      login: 403,
      namespace: 403,
      inspector: 403,
      inspectorEvents: 403,
      probeWithoutKey: 403,
      probeWithWrongKey: 403,
      webhook: 403,
      proxied: 403,
      hostilePath: 403,
      upgrade: 403,
    });
    const authorize = await request(gate.port, AUTHORIZE);
    expect(authorize.status).toBe(403);
    expect(authorize.body).not.toContain("alice");
    expect(authorize.body).toContain("is not in allow-cidrs");
    expect(idpCalls()).toBe(0);
    expect(app.received).toEqual([]);
  });

  it("still gets the tunnel probe's nonce when it carries the run's key, and nothing else with it", async () => {
    const { gate, app, probe } = await setup(DENY);
    const keyed = { [PROBE_KEY_HEADER]: probe.key };
    const res = await request(gate.port, "/__preview/probe", { headers: keyed });
    expect(res.status).toBe(200);
    expect(res.body).toBe(probe.nonce);
    // The key opens the exact probe path with GET, nothing else.
    expect((await request(gate.port, "/__preview/probe", { method: "POST", headers: keyed })).status).toBe(
      403,
    );
    expect((await request(gate.port, "/__preview/probe/x", { headers: keyed })).status).toBe(403);
    expect((await request(gate.port, "/__preview/%70robe", { headers: keyed })).status).toBe(403);
    expect((await request(gate.port, "/", { headers: { ...keyed, authorization: AUTH } })).status).toBe(403);
    expect((await request(gate.port, "/__preview/idp/jwks", { headers: keyed })).status).toBe(403);
    expect(app.received).toEqual([]);
  });
});

describe("a client inside allow-cidrs", () => {
  it("reaches every route as usual, and the probe still wants its key", async () => {
    const { gate, app, probe, idpCalls } = await setup("127.0.0.1/32, ::1/128");
    const authorize = await request(gate.port, AUTHORIZE);
    expect(authorize.status).toBe(200);
    expect(authorize.body).toContain("alice");
    expect((await request(gate.port, "/__preview/idp/.well-known/openid-configuration")).status).toBe(200);
    expect(idpCalls()).toBe(2);
    const link = new URL(gate.loginUrl());
    expect((await request(gate.port, `${link.pathname}${link.search}`)).status).toBe(303);
    const keyed = await request(gate.port, "/__preview/probe", {
      headers: { [PROBE_KEY_HEADER]: probe.key },
    });
    expect(keyed.body).toBe(probe.nonce);
    // Without the key the probe path is an ordinary reserved path: sign-in, then 404.
    expect((await request(gate.port, "/__preview/probe")).status).toBe(401);
    const signedIn = await request(gate.port, "/__preview/probe", { headers: { authorization: AUTH } });
    expect(signedIn.status).toBe(404);
    expect(signedIn.body).not.toContain(probe.nonce);
    expect((await hook(gate.port, "/hooks/github")).status).toBe(200);
    expect((await request(gate.port, "/x", { headers: { authorization: AUTH } })).status).toBe(200);
    expect(app.received.map((r) => r.url)).toEqual(["/hooks/github", "/x"]);
  });
});

describe("through the whole pipeline", () => {
  let h: Harness;
  useHarness((created) => {
    h = created;
  });

  it("the runner's probe passes a restrictive allow-cidrs, while the identity provider and the app stay closed to others", async () => {
    const checks = [
      "/__preview/idp/.well-known/openid-configuration",
      AUTHORIZE,
      "/__preview/probe",
      "/health",
    ];
    const outs = checks.map((_, i) => path.join(h.tempDir, `check-${i}.json`));
    const result = await h.run({
      start: nodeApp("health-only.mjs"),
      ready: "/health",
      idp: "true",
      // The local provider's probe comes from 127.0.0.1, outside this list: only its key lets it in.
      "allow-cidrs": "192.0.2.0/24",
      test: checks
        .map(
          (p, i) => `CHECK_OUT='${outs[i]}' CHECK_PATH='${p}' CHECK_STATUS=403 ${nodeApp("check-url.mjs")}`,
        )
        .join(" && "),
    });
    const reports = outs.map(
      (out) => JSON.parse(readFileSync(out, "utf8")) as { status: number; body: string },
    );
    expect(reports.map((r) => r.status)).toEqual([403, 403, 403, 403]);
    expect(reports[1]?.body).not.toContain("alice");
    expect(h.messages("info").some((m) => /reaches the gate \(probed in/.test(m))).toBe(true);
    expect(result.outcome).toBe("passed");
  });
});
