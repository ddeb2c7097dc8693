/**
 * No secret the run knows leaves it, raw or encoded (leaks.ts decodes every form): not in
 * the HAR, the JUnit report, the job summary, the step log, what is sent to GitHub (the PR
 * comment, the deployment), the step's outputs (but the three that carry the credentials on
 * purpose), nor replay's output. The app is echo-env.mjs, which hands out its environment
 * (where the webhook secret legitimately is) in every form it can.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  brotliCompressSync,
  brotliDecompressSync,
  deflateSync,
  gunzipSync,
  gzipSync,
  inflateSync,
} from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/cli.js";
import type { Har } from "../../src/gate/har.js";
import type { Gate } from "../../src/gate/server.js";
import { FakeGitHub } from "../helpers/fake-github.js";
import { expectNoProcessLeft, newMark } from "../helpers/processes.js";
import { FakeRunner } from "../helpers/runner.js";
import { basic, request, startApp, startTestGate, type TestApp } from "../integration/gate-helpers.js";
import { Capture, nodeApp, ROOT } from "../integration/harness.js";
import { hostileRun, type Secrets } from "./hostile-run.js";
import { leakedSecrets, shownLog } from "./leaks.js";

let mark = newMark();
let dir: string;
let github: FakeGitHub;
beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "pt-sec-redact-"));
  github = await FakeGitHub.start({ login: "github-actions[bot]" });
});
afterEach(async () => {
  await github.close();
  await expectNoProcessLeft(mark.value);
  mark = newMark();
  rmSync(dir, { recursive: true, force: true });
});

/** The outputs that carry the preview's credentials on purpose (masked by the runner). */
const CREDENTIAL_OUTPUTS = new Set(["password", "token", "auth-header"]);

function artifacts(runner: FakeRunner, stdout: string): Record<string, string> {
  const outputs = runner.outputs();
  const read = (file: string | undefined) => (file ? readFileSync(file, "utf8") : "");
  return {
    "step log": shownLog(stdout),
    "job summary": runner.summary(),
    outputs: JSON.stringify(Object.entries(outputs).filter(([name]) => !CREDENTIAL_OUTPUTS.has(name))),
    "what was sent to GitHub": JSON.stringify(github.requests.map((r) => ({ path: r.path, body: r.body }))),
    HAR: read(outputs["har-path"]),
    JUnit: read(outputs["junit-path"]),
  };
}

function expectNoLeak(found: Record<string, string>, secrets: Secrets): void {
  const leaks = Object.entries(found)
    .map(([where, text]) => [where, leakedSecrets(text, secrets)] as const)
    .filter(([, labels]) => labels.length > 0);
  expect(Object.fromEntries(leaks)).toEqual({});
}

describe("secrets in what the action writes", () => {
  it("a run whose app echoes its environment to the test command and to a failing scenario", async () => {
    const run = hostileRun(dir, { githubApiUrl: github.url, scenarios: true });
    const runner = new FakeRunner({ ...mark.env, ...run.stepEnv });
    const main = runner.main(run.inputs);
    // The scenario fails on purpose: its report quotes the app's answer.
    expect((await main.exited).code, main.output()).toBe(1);

    const found = artifacts(runner, main.output());
    expectNoLeak(found, run.secrets);
    // The reports did quote the app: what it echoed is there, with the secrets blanked.
    expect(found.HAR).toContain("MY_APP_SETTING");
    expect(found.HAR).toContain("[redacted]");
    expect(found.JUnit).toContain("GITHUB_WEBHOOK_SECRET");
    expect(found.JUnit).toContain("[redacted]");
    expect(found["job summary"]).toContain("GITHUB\\_WEBHOOK\\_SECRET");
    expect(found["what was sent to GitHub"]).toContain("preview-tunnel:");
    expect((await runner.post().exited).code).toBe(0);
  });

  it("an app that prints its environment and crashes at boot (its output is quoted in the failure)", async () => {
    const run = hostileRun(dir, { githubApiUrl: github.url, start: nodeApp("echo-env.mjs", "crash") });
    const runner = new FakeRunner({ ...mark.env, ...run.stepEnv });
    const main = runner.main(run.inputs);
    expect((await main.exited).code).toBe(1);

    const found = artifacts(runner, main.output());
    expectNoLeak(found, run.secrets);
    expect(found["step log"]).toContain("The app exited with code 1 before it was ready.");
    expect(found["step log"]).toContain("env.json");
    expect(found["what was sent to GitHub"]).toContain("env.json");
    expect((await runner.post().exited).code).toBe(0);
  });
});

describe("secrets the gate mints", () => {
  let app: TestApp | undefined;
  let gate: Gate | undefined;
  afterEach(async () => {
    await gate?.close();
    await app?.close();
  });

  it("keeps login-link tokens and session ids out of the recording", async () => {
    // An app that echoes the URL it was asked for, and one cookie back.
    app = await startApp((req, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      res.end(`you asked for ${decodeURIComponent(req.url ?? "")}`);
    });
    const harPath = path.join(dir, "gate.har");
    gate = await startTestGate(app.port, { credentials: "alice:a-long-password-1", record: harPath });
    const token = new URL(gate.loginUrl()).searchParams.get("token") ?? "";
    const login = await request(gate.port, `/__preview/login?token=${token}`);
    const session = /preview_tunnel_session=([^;]+)/.exec(String(login.headers["set-cookie"]))?.[1] ?? "";
    expect(session).not.toBe("");
    // The token and the session pasted where the gate does not expect them.
    const auth = { authorization: basic("alice", "a-long-password-1") };
    await request(gate.port, `/echo?t=${token}`, { headers: auth });
    await request(gate.port, `/echo?s=${encodeURIComponent(session)}`, { headers: auth });
    await gate.close();
    const har = readFileSync(harPath, "utf8");
    expect(har).toContain("you asked for /echo?t=");
    expect(leakedSecrets(har, { "login token": token, session })).toEqual([]);
  });
});

describe("secrets in compressed bodies", () => {
  let app: TestApp | undefined;
  let gate: Gate | undefined;
  afterEach(async () => {
    await gate?.close();
    await app?.close();
  });

  it("leaves out of the recording a gzip, br or deflate body that holds a secret once decompressed", async () => {
    const password = "a-long-password-2";
    const WEBHOOK = "whsec_compressed-secret-123";
    const page = (secret: string) => Buffer.from(`<pre>${"filler ".repeat(50)}${secret}</pre>`);
    const codings: Record<string, [(b: Buffer) => Buffer, (b: Buffer) => Buffer]> = {
      gzip: [gzipSync, gunzipSync],
      br: [brotliCompressSync, brotliDecompressSync],
      deflate: [deflateSync, inflateSync],
    };
    app = await startApp((req, res) => {
      const [, coding = "gzip", what = ""] = (req.url ?? "").split("/");
      const compress = codings[coding]?.[0] ?? gzipSync;
      res.writeHead(200, { "content-type": "text/html", "content-encoding": coding });
      res.end(compress(page(what === "secret" ? WEBHOOK : "nothing secret")));
    });
    const harPath = path.join(dir, "compressed.har");
    gate = await startTestGate(
      app.port,
      { credentials: `alice:${password}`, record: harPath, "verify-webhooks": "github /hooks HOOK" },
      { env: { HOOK: WEBHOOK } },
    );
    const auth = { authorization: basic("alice", password) };
    for (const coding of Object.keys(codings)) {
      await request(gate.port, `/${coding}/secret`, { headers: auth });
      await request(gate.port, `/${coding}/plain`, { headers: auth });
    }
    await gate.close();
    const har = JSON.parse(readFileSync(harPath, "utf8")) as Har;
    const bodies = har.log.entries.map((e) => {
      const coding = e.response.headers.find((h) => h.name === "content-encoding")?.value ?? "";
      const text = e.response.content.text;
      const decompress = codings[coding]?.[1];
      return {
        url: e.request.url,
        text: text && decompress ? decompress(Buffer.from(text, "base64")).toString() : "",
        comment: e.response.content.comment ?? "",
      };
    });
    expect(leakedSecrets(JSON.stringify(bodies), { webhook: WEBHOOK })).toEqual([]);
    for (const coding of Object.keys(codings)) {
      expect(bodies.find((b) => b.url.endsWith(`/${coding}/secret`))?.comment).toBe(
        `${coding} body left out: it contains a secret`,
      );
      // Compressed bodies without a secret are recorded as they came.
      expect(bodies.find((b) => b.url.endsWith(`/${coding}/plain`))?.text).toContain("nothing secret");
    }
  });
});

describe("secrets in replay's output", () => {
  let target: http.Server | undefined;
  afterEach(async () => {
    target?.closeAllConnections();
    await new Promise((resolve) => target?.close(resolve));
  });

  it("shows no --header credential nor --secret value, even when a recording made elsewhere holds them", async () => {
    target = http.createServer((_req, res) => res.end("ok"));
    await new Promise<void>((resolve) => target?.listen(0, "127.0.0.1", resolve));
    const port = (target.address() as AddressInfo).port;
    const token = `tok_${"x7Yq".repeat(8)}`;
    const hookSecret = `whsec_${"Zr9p".repeat(8)}`;
    // A HAR from browser devtools: the token in a URL, the secret in a form body.
    const entry = (url: string, body?: string) => ({
      startedDateTime: new Date(0).toISOString(),
      time: 1,
      request: {
        method: body ? "POST" : "GET",
        url,
        httpVersion: "HTTP/1.1",
        cookies: [],
        headers: [{ name: "x-hub-signature-256", value: "sha256=00" }],
        queryString: [],
        ...(body ? { postData: { mimeType: "application/x-www-form-urlencoded", text: body } } : {}),
        headersSize: -1,
        bodySize: body?.length ?? 0,
      },
      response: {
        status: 200,
        statusText: "OK",
        httpVersion: "HTTP/1.1",
        cookies: [],
        headers: [],
        content: { size: 0, mimeType: "text/plain" },
        redirectURL: "",
        headersSize: -1,
        bodySize: 0,
      },
      cache: {},
      timings: { send: 0, wait: 1, receive: 0 },
    });
    const harPath = path.join(dir, "elsewhere.har");
    writeFileSync(
      harPath,
      JSON.stringify({
        log: {
          version: "1.2",
          creator: { name: "devtools", version: "1" },
          entries: [
            entry(`https://app.example/api?access_token=${token}`),
            entry(`https://app.example/hooks/github?secret=${encodeURIComponent(hookSecret)}`, "a=1"),
          ],
        },
      }),
    );
    const stdout = new Capture();
    const stderr = new Capture();
    const code = await runCli(
      [
        "replay",
        harPath,
        "--to",
        `http://127.0.0.1:${port}`,
        "--header",
        `Authorization: Bearer ${token}`,
        "--secret",
        "github=REPLAY_HOOK_SECRET",
      ],
      { stdout, stderr, cwd: ROOT, env: { ...process.env, REPLAY_HOOK_SECRET: hookSecret } },
    );
    expect(code, stderr.text).toBe(0);
    expect(stdout.text).toContain("GET /api?access_token=");
    expect(leakedSecrets(stdout.text + stderr.text, { token, "webhook secret": hookSecret })).toEqual([]);
  });
});
