import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sign as octokitSign } from "@octokit/webhooks-methods";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Har } from "../../src/gate/har.js";
import { replayHar } from "../../src/gate/replay.js";
import type { Gate } from "../../src/gate/server.js";
import { until } from "../helpers/wait.js";
import { basic, harValidator, request, startApp, startTestGate, type TestApp } from "./gate-helpers.js";

const PASSWORD = "pw-Very-Secret-42";
const HOOK_SECRET = "hook-secret-value-9000";
const env = { GH_SECRET: HOOK_SECRET };

let dir: string;
const apps: TestApp[] = [];
const gates: Gate[] = [];

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "gate-har-"));
});

afterEach(async () => {
  for (const gate of gates.splice(0)) await gate.close();
  for (const app of apps.splice(0)) await app.close();
  rmSync(dir, { recursive: true, force: true });
});

async function setup(harName: string) {
  const app = await startApp((req, res, body) => {
    res.writeHead(200, [
      "Content-Type",
      req.url?.startsWith("/bin") ? "application/octet-stream" : "application/json",
      "Set-Cookie",
      "app_session=s-123; HttpOnly",
    ]);
    res.end(req.url?.startsWith("/bin") ? body : JSON.stringify({ path: req.url, size: body.length }));
  });
  apps.push(app);
  const harPath = path.join(dir, harName);
  const gate = await startTestGate(
    app.port,
    {
      credentials: `alice:${PASSWORD}`,
      "verify-webhooks": "github /hooks/github GH_SECRET",
      record: harPath,
      "record-body-limit": "1kb",
    },
    { env },
  );
  gates.push(gate);
  gate.setPublicUrl("https://pr-7.example.test");
  return { app, gate, harPath };
}

const auth = { authorization: basic("alice", PASSWORD) };

function readHar(file: string): Har {
  return JSON.parse(readFileSync(file, "utf8")) as Har;
}

describe("recording", () => {
  it("writes a valid HAR 1.2 with credentials, cookies, signatures and secrets redacted", async () => {
    const { gate, harPath } = await setup("run.har");
    const ghBody = JSON.stringify({ zen: "Design for failure.", hook_id: 1 });
    const ghSignature = await octokitSign(HOOK_SECRET, ghBody);
    const link = new URL(gate.loginUrl());
    const login = await request(gate.port, `${link.pathname}${link.search}`);
    const sessionCookie = login.headers["set-cookie"]?.[0]?.split(";")[0] ?? "";
    const sessionId = sessionCookie.split("=")[1] ?? "";

    const statuses = [
      (await request(gate.port, "/api/items?page=2&q=a+b", { headers: auth })).status,
      (
        await request(gate.port, "/api/echo", {
          method: "POST",
          headers: { ...auth, "content-type": "application/json", "x-debug": `token ${PASSWORD}` },
          body: JSON.stringify({ note: `the password is ${PASSWORD}`, secret: HOOK_SECRET }),
        })
      ).status,
      (
        await request(gate.port, "/api/big", {
          method: "POST",
          headers: { ...auth, "content-type": "text/plain" },
          body: "x".repeat(5000),
        })
      ).status,
      (
        await request(gate.port, "/bin/data", {
          method: "PUT",
          headers: { ...auth, "content-type": "application/octet-stream" },
          body: Buffer.from([0, 1, 2, 255]),
        })
      ).status,
      (await request(gate.port, "/", { headers: { cookie: `${sessionCookie}; theme=dark` } })).status,
      (await request(gate.port, "/no-auth")).status,
      (
        await request(gate.port, "/hooks/github", {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "x-github-event": "ping",
            "x-hub-signature-256": ghSignature,
          },
          body: ghBody,
        })
      ).status,
    ];
    expect(statuses).toEqual([200, 200, 200, 200, 200, 401, 200]);

    // The file is valid while the gate runs, not only after close.
    await until("all entries written", () => (readHar(harPath).log.entries.length === 8 ? true : undefined));
    await harValidator.har(readHar(harPath));
    await gate.close();

    const text = readFileSync(harPath, "utf8");
    const har = JSON.parse(text) as Har;
    await expect(harValidator.har(har)).resolves.toBeTruthy();
    expect(har.log.version).toBe("1.2");
    expect(har.log.entries.map((e) => e.response.status)).toEqual([303, 200, 200, 200, 200, 200, 401, 200]);

    for (const secret of [
      PASSWORD,
      HOOK_SECRET,
      Buffer.from(`alice:${PASSWORD}`).toString("base64"),
      ghSignature,
      ghSignature.slice("sha256=".length),
      link.searchParams.get("token") ?? "missing",
      sessionId,
      "s-123",
    ]) {
      expect(text).not.toContain(secret);
    }

    const [loginEntry, get, post, big, bin, cookie, denied, hook] = har.log.entries;
    expect(loginEntry?.request.url).toBe("https://pr-7.example.test/__preview/login?token=redacted");
    expect(loginEntry?.response.redirectURL).toBe("/");
    expect(get?.response.redirectURL).toBe("");
    expect(get?.request.url).toBe("https://pr-7.example.test/api/items?page=2&q=a+b");
    expect(get?.request.queryString).toEqual([
      { name: "page", value: "2" },
      { name: "q", value: "a b" },
    ]);
    expect(get?.request.headers).toContainEqual({ name: "authorization", value: "[redacted]" });
    expect(get?.response.cookies).toEqual([{ name: "app_session", value: "[redacted]" }]);
    expect(get?.response.content.text).toBe('{"path":"/api/items?page=2&q=a+b","size":0}');
    expect(post?.request.postData?.text).toContain("the password is [redacted]");
    expect(post?.request.headers).toContainEqual({ name: "x-debug", value: "token [redacted]" });
    expect(big?.request.bodySize).toBe(5000);
    expect(big?.request.postData?.text).toHaveLength(1024);
    expect(big?.request.postData?.comment).toBe("truncated: recorded 1024 of 5000 bytes");
    expect(bin?.request.postData).toMatchObject({ text: "AAEC/w==", _encoding: "base64" });
    expect(bin?.response.content).toMatchObject({ size: 4, text: "AAEC/w==", encoding: "base64" });
    expect(cookie?.request.cookies).toEqual([
      { name: "preview_tunnel_session", value: "[redacted]" },
      { name: "theme", value: "[redacted]" },
    ]);
    expect(denied?.comment).toBe("credentials required");
    expect(hook?.request.headers).toContainEqual({ name: "x-hub-signature-256", value: "[redacted]" });
    expect(hook?.request.postData?.text).toBe(ghBody);
    for (const entry of har.log.entries) {
      expect(entry.time).toBeGreaterThanOrEqual(0);
      expect(entry._clientAddress).toBe("127.0.0.1");
    }
  });
});

describe("replay", () => {
  it("re-sends recorded requests to another app, signing webhooks again", async () => {
    const first = await setup("first.har");
    const ghBody = JSON.stringify({ action: "opened", number: 7 });
    await request(first.gate.port, "/api/items", { headers: auth });
    await request(first.gate.port, "/api/echo", {
      method: "POST",
      headers: { ...auth, "content-type": "application/json" },
      body: '{"a":1}',
    });
    await request(first.gate.port, "/hooks/github", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-github-event": "pull_request",
        "x-hub-signature-256": await octokitSign(HOOK_SECRET, ghBody),
      },
      body: ghBody,
    });
    await first.gate.close();

    const second = await setup("second.har");
    const results = await replayHar({
      harPath: first.harPath,
      to: second.gate.url,
      secrets: [{ provider: "github", secret: HOOK_SECRET }],
      headers: auth,
    });
    expect(results).toEqual([
      { method: "GET", path: "/api/items", status: 200 },
      { method: "POST", path: "/api/echo", status: 200 },
      { method: "POST", path: "/hooks/github", status: 200, signedAs: "github" },
    ]);
    expect(second.app.received.map((r) => [r.method, r.url, r.body.toString()])).toEqual([
      ["GET", "/api/items", ""],
      ["POST", "/api/echo", '{"a":1}'],
      ["POST", "/hooks/github", ghBody],
    ]);
    expect(second.app.received[2]?.headers["x-github-event"]).toBe("pull_request");

    // Without the secret the delivery is unsigned and the gate turns it away; a filter picks entries.
    const unsigned = await replayHar({
      harPath: first.harPath,
      to: second.gate.url,
      filter: /^POST \/hooks\//,
    });
    expect(unsigned).toEqual([{ method: "POST", path: "/hooks/github", status: 401 }]);
  });
});
