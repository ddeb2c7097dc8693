/**
 * OAuth scenarios in a real headless Chromium (found as the action finds it, else the one in
 * the @sparticuz/chromium dev dependency: test/setup/chromium.ts; driven by playwright-core)
 * through the whole pipeline against examples/oauth-app: the browser signs in
 * by clicking the user's button on the provider's login page (or Deny), the screenshot of the
 * last page lands next to the HAR as a real PNG, failures are precise and still screenshot,
 * the built CLI loads its vendored playwright-core, a cancelled run closes the browser, and no
 * browser process is left after any test.
 */
import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, inject, it } from "vitest";
import { EXIT } from "../../src/errors.js";
import { parseScenarioText } from "../../src/scenarios/load.js";
import { runScenarios } from "../../src/scenarios/runner.js";
import { junitTestcase } from "../helpers/junit.js";
import { processesWithMark } from "../helpers/processes.js";
import { until } from "../helpers/wait.js";
import { type Harness, ROOT, runCliCaptured, useHarness } from "./harness.js";

// Chosen once for the run by the global setup; undefined only where no Chromium can run.
const BROWSER = inject("testBrowser");
const CHROMIUM = BROWSER.path ?? "";
const APP = `${process.execPath} examples/oauth-app/server.mjs`;
const EXAMPLE = "examples/oauth-app/browser.scenarios.yml";

let h: Harness;
useHarness((created) => {
  h = created;
});
beforeEach((ctx) => {
  if (BROWSER.skip !== undefined) ctx.skip(BROWSER.skip);
});

function cliArgs(start: string, scenarios: string) {
  const har = path.join(h.tempDir, "recording", "requests.har");
  const junit = path.join(h.tempDir, "junit.xml");
  const args = [
    "run",
    "--start",
    start,
    "--ready",
    "/health",
    "--scenarios",
    scenarios,
    "--junit-path",
    junit,
    "--record",
    har,
    "--browser-path",
    CHROMIUM,
  ];
  return { args, har, junit };
}

async function run(start: string, scenarios: string, extra: readonly string[] = []) {
  const { args, har, junit } = cliArgs(start, scenarios);
  const { code, stdout, stderr } = await runCliCaptured(h, [...args, ...extra]);
  return { code, out: stdout + stderr, junit: readFileSync(junit, "utf8"), har };
}

/** The screenshot of a scenario, next to the HAR. */
const shot = (har: string, name: string) => path.join(path.dirname(har), `requests.${name}.png`);

/** Width and height of a PNG, after checking its signature and that IHDR comes first. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  expect(bytes.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function expectPng(file: string): void {
  expect(existsSync(file), file).toBe(true);
  const { width, height } = pngSize(file);
  expect(width).toBeGreaterThan(0);
  expect(height).toBeGreaterThan(0);
}

describe("OAuth scenarios in a real browser, through the pipeline", () => {
  it("alice signs in by her button and Deny refuses; screenshots next to the HAR", async () => {
    const { code, out, junit, har } = await run(APP, EXAMPLE);
    expect(out).toContain("Scenarios: 2 passed, 0 failed");
    expect(out).toContain(`browser ${CHROMIUM} `);
    expect(out).toMatch(/ \d+\.[\d.]+, driven by playwright-core from /);
    const alice = shot(har, "alice-signs-in-with-a-browser");
    const deny = shot(har, "deny-in-the-browser-signs-nobody-in");
    expect(out).toContain(
      `scenario passed: alice signs in with a browser (oauth, browser, ${EXAMPLE}:11): 200, p50`,
    );
    expect(out).toContain(`(screenshot: ${alice})`);
    expect(out).toContain(
      `scenario passed: Deny in the browser signs nobody in (oauth, browser, ${EXAMPLE}:24)`,
    );
    for (const [name, file] of [
      ["alice signs in with a browser", alice],
      ["Deny in the browser signs nobody in", deny],
    ] as const) {
      expectPng(file);
      expect(junitTestcase(junit, name)).toContain(`<system-out>[[ATTACHMENT|${file}]]</system-out>`);
    }
    // The browser signed in to the gate with a login link (its token redacted in the HAR),
    // and no credential is in the recording.
    const recording = readFileSync(har, "utf8");
    expect(recording).toContain("/__preview/login?token=redacted");
    const password = /PREVIEW_PASSWORD=(\S+)/.exec(out)?.[1] as string;
    expect(password.length).toBeGreaterThan(10);
    expect(recording).not.toContain(password);
    // No request of the browser met the gate's login (a 401 with its challenge).
    type Entry = { response: { status: number; headers: { name: string }[] } };
    const challenged = (JSON.parse(recording) as { log: { entries: Entry[] } }).log.entries.filter(
      (e) => e.response.status === 401 && e.response.headers.some((x) => /^www-authenticate$/i.test(x.name)),
    );
    expect(challenged).toEqual([]);
    expect(code).toBe(EXIT.ok);
  });

  it("signs in behind bearer auth too: the browser holds the gate's session, not its token", async () => {
    const { code, out, har } = await run(APP, EXAMPLE, ["--auth", "bearer"]);
    expect(out).toContain("Scenarios: 2 passed, 0 failed");
    const token = /PREVIEW_TOKEN=(\S+)/.exec(out)?.[1] as string;
    expect(token.length).toBeGreaterThan(10);
    expect(readFileSync(har, "utf8")).not.toContain(token);
    expectPng(shot(har, "alice-signs-in-with-a-browser"));
    expect(code).toBe(EXIT.ok);
  });

  it("a wrong expectation, an unknown user and a denied login that expects a session fail precisely, each with a screenshot", async () => {
    const file = path.join(h.tempDir, "browser.yml");
    writeFileSync(
      file,
      [
        "scenarios:",
        "  - name: by email",
        "    oauth: { user: alice@example.com, browser: true, check: /me }",
        "    expect: { json: { $.sub: alice } }",
        "  - name: expects bob",
        "    oauth: { user: alice, browser: true, check: /me }",
        "    expect: { json: { $.sub: bob } }",
        "  - name: carol",
        "    oauth: { user: carol, browser: true }",
        "  - name: denied but expects a session",
        "    oauth: { deny: true, browser: true, callback-status: 403, check: /me }",
        "    expect: { status: 200 }",
        "",
      ].join("\n"),
    );
    const { code, out, junit, har } = await run(APP, file);
    expect(out).toContain("Scenarios: 1 passed, 3 failed");
    expect(out).toMatch(/scenario passed: by email \(oauth, browser, \/.*browser\.yml:2\)/);
    expect(out).toMatch(
      /scenario FAILED: expects bob \(oauth, browser, \/.*browser\.yml:5\): GET \/me: JSON \$\.sub: expected "bob", got "alice"/,
    );
    expect(out).toMatch(
      /scenario FAILED: carol \(oauth, browser, \/.*browser\.yml:8\): login page: expected a button for the test user carol, got only alice \(idp-users\)/,
    );
    expect(out).toMatch(
      /scenario FAILED: denied but expects a session \(oauth, browser, \/.*browser\.yml:10\): GET \/me \(no session expected\): status: expected 200, got 401/,
    );
    for (const name of ["by-email", "expects-bob", "carol", "denied-but-expects-a-session"]) {
      expectPng(shot(har, name));
    }
    // The failure lists the browser's navigations: the login page's form was submitted.
    const bob = junitTestcase(junit, "expects bob");
    expect(bob).toContain(
      '<failure message="GET /me: JSON $.sub: expected &quot;bob&quot;, got &quot;alice&quot;"',
    );
    expect(bob).toMatch(/start: GET \/login -&gt; 302 \/__preview\/idp\/authorize\?/);
    expect(bob).toMatch(/authorize: GET \/__preview\/idp\/authorize\?[^&]*.* -&gt; 200/);
    expect(bob).toMatch(/login: POST \/__preview\/idp\/login -&gt; 302 \/auth\/callback\?code=/);
    expect(bob).toMatch(/callback: GET \/auth\/callback\?code=.* -&gt; 302 \//);
    expect(bob).toMatch(/check: GET \/me -&gt; 200/);
    expect(bob).toContain(`screenshot: ${shot(har, "expects-bob")}`);
    // Deny was clicked: the provider sent the browser back with access_denied.
    expect(junitTestcase(junit, "denied but expects a session")).toMatch(
      /login: POST \/__preview\/idp\/login -&gt; 302 \/auth\/callback\?error=access_denied/,
    );
    // No login_hint: the browser chose on the page.
    expect(junit).not.toContain("login_hint");
    expect(code).toBe(EXIT.testFailed);
  });

  it("reports a localhost redirect URI, with a screenshot of the provider's refusal", async () => {
    const { code, out, junit, har } = await run(
      `OIDC_REDIRECT_URI=http://localhost:$PORT/auth/callback ${APP}`,
      EXAMPLE,
    );
    expect(out).toContain("Scenarios: 0 passed, 2 failed");
    expect(out).toMatch(
      /scenario FAILED: alice signs in with a browser \(oauth, browser, examples\/oauth-app\/browser\.scenarios\.yml:11\): redirect_uri: expected on the public URL, http:\/\/127\.0\.0\.1:\d+\/auth\/callback, got http:\/\/localhost:\d+\/auth\/callback: a localhost redirect URI \(the classic bug/,
    );
    const failed = junitTestcase(junit, "alice signs in with a browser");
    // The page the browser was left on: the provider's own error, as text.
    expect(failed).toMatch(/response: redirect_uri mismatch - preview-tunnel test identity provider/);
    expectPng(shot(har, "alice-signs-in-with-a-browser"));
    expectPng(shot(har, "deny-in-the-browser-signs-nobody-in"));
    expect(code).toBe(EXIT.testFailed);
  });

  it("the built CLI drives the browser with the playwright-core vendored in dist/", async () => {
    const { args } = cliArgs(APP, EXAMPLE);
    const { code, out } = await new Promise<{ code: number; out: string }>((resolve) => {
      execFile(
        process.execPath,
        [path.join(ROOT, "dist/cli.js"), ...args],
        { cwd: ROOT, env: h.env, timeout: 60_000 },
        (error, stdout, stderr) =>
          resolve({ code: error ? ((error as { code?: number }).code ?? -1) : 0, out: stdout + stderr }),
      );
    });
    expect(out).toContain(`driven by playwright-core from ${path.join(ROOT, "dist", "playwright-core")}`);
    expect(out).toContain("Scenarios: 2 passed, 0 failed");
    expect(code).toBe(EXIT.ok);
  });
});

describe("the vendored playwright-core", () => {
  it("launches Chromium and takes a screenshot on its own, with no node_modules around it", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "pt-vendored-"));
    try {
      cpSync(path.join(ROOT, "dist", "playwright-core"), path.join(dir, "playwright-core"), {
        recursive: true,
      });
      const script = path.join(dir, "shot.cjs");
      writeFileSync(
        script,
        `const { chromium } = require("./playwright-core/index.js");
(async () => {
  const browser = await chromium.launch({ executablePath: ${JSON.stringify(CHROMIUM)}, args: ["--no-sandbox"], handleSIGINT: false });
  try {
    const page = await browser.newPage();
    await page.setContent("<h1>vendored</h1>");
    await page.screenshot({ path: ${JSON.stringify(path.join(dir, "shot.png"))} });
  } finally {
    await browser.close();
  }
})().catch((error) => { console.error(error); process.exit(1); });
`,
      );
      const failure = await new Promise<string | undefined>((resolve) => {
        execFile(
          process.execPath,
          [script],
          { cwd: dir, env: h.env, timeout: 30_000 },
          (error, _out, stderr) => resolve(error ? `${error.message}\n${stderr}` : undefined),
        );
      });
      expect(failure).toBeUndefined();
      expect(pngSize(path.join(dir, "shot.png"))).toEqual({ width: 1280, height: 720 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the browser's lifetime", () => {
  const browserProcesses = () =>
    processesWithMark(h.mark.value).filter((pid) => {
      try {
        return /chrom/i.test(readFileSync(`/proc/${pid}/cmdline`, "utf8"));
      } catch {
        return false; // gone meanwhile
      }
    });

  const [scenario] = parseScenarioText(
    ["scenarios:", "  - name: hangs", "    oauth: { user: alice, browser: true, check: /me }"].join("\n"),
    { file: "hang.yml", dir: ROOT },
  ).scenarios;

  it("a cancelled run closes the browser at once, whatever page it waits for", async () => {
    let arrived = false;
    const server = http.createServer(() => {
      // Never answers: the browser waits on /login until the run is cancelled.
      arrived = true;
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const controller = new AbortController();
    try {
      const running = runScenarios({
        scenarios: [scenario as NonNullable<typeof scenario>],
        baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        env: {},
        signal: controller.signal,
        // Far beyond the test's own time limit: the run can end only through the cancellation.
        timeoutMs: 3_600_000,
        browser: {
          executablePath: CHROMIUM,
          env: h.env,
          screenshotsNear: path.join(h.tempDir, "requests.har"),
        },
      });
      await until("the browser's request for /login", () => (arrived ? true : undefined), 20_000);
      // The browser's processes carry the test's mark: the check after each test would see them.
      expect(browserProcesses().length).toBeGreaterThan(0);
      controller.abort();
      const result = await running;
      expect(result.cancelled).toBe(true);
      expect(result.results[0]?.deliveries[0]?.error).toBe("cancelled");
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it("a browser that cannot start fails the scenario with the reason, not the run", async () => {
    const result = await runScenarios({
      scenarios: [scenario as NonNullable<typeof scenario>],
      baseUrl: "http://127.0.0.1:9",
      env: {},
      browser: { executablePath: "/bin/true", env: h.env, screenshotsNear: path.join(h.tempDir, "r.har") },
    });
    expect(result.failed).toBe(1);
    expect(result.results[0]?.deliveries[0]?.error).toMatch(
      /^the browser \/bin\/true could not be started: /,
    );
  });
});
