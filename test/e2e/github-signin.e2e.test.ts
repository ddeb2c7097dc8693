/**
 * `auth: github` end to end: dist/main.js, dist/supervisor.js, dist/post.js and dist/cli.js
 * run as the runner (or a user) runs them, against the fake GitHub with its device flow
 * (GITHUB_SERVER_URL and GITHUB_API_URL pointed at it). A real headless Chromium signs a
 * reviewer in from a deep link; one without write access gets the denial page; signing out
 * works; the run's own token (the `auth-header` output) and a reviewer's GitHub token work
 * for scripts; the summary and the PR comment say who and how; no token, session id or
 * device code reaches a log, the HAR, the summary, the comment, the outputs or the app.
 */

import { spawn } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import { approveAtGithub, loopbackContext } from "../helpers/browser-signin.js";
import { FakeGitHub } from "../helpers/fake-github.js";
import { FakeDeviceFlow, TEST_CLIENT_ID } from "../helpers/fake-github-device.js";
import { expectNoProcessLeft, newMark, processesWithMark } from "../helpers/processes.js";
import { FakeRunner } from "../helpers/runner.js";
import { BrowserLike, signInOverHttp } from "../helpers/signin-gate.js";
import { withTestBrowser } from "../helpers/test-browser.js";
import { until } from "../helpers/wait.js";
import { leakedSecrets, shownLog } from "../security/leaks.js";

const BROWSER = inject("testBrowser");
/** The app hands out its environment and the request's headers (JSON), as a careless app does. */
const APP = "node test/fixtures/apps/echo-env.mjs";
const HOLD = "node test/fixtures/apps/wait-for-file.mjs";
const TOKEN = "ghs_e2eSignInPublishToken123";
const HEAD = "a".repeat(40);
const SHARED_SCREENS = "/work/screens/gh-signin-e2e";

let mark = newMark();
let github: FakeGitHub;
let device: FakeDeviceFlow;
beforeEach(async () => {
  device = new FakeDeviceFlow({
    users: [
      { login: "alice", repos: { "octo/app": "write" } },
      { login: "bob", repos: { "octo/app": "read" } },
      { login: "carol" },
    ],
    repos: { "octo/app": { private: false } },
    intervalSeconds: 0.1,
  });
  github = await FakeGitHub.start({ login: "github-actions[bot]", token: TOKEN, extensions: [device] });
});
afterEach(async () => {
  await github.close();
  await expectNoProcessLeft(mark.value);
  mark = newMark();
});

/** A pull_request run of octo/app (public), PR #7 by carol, with GitHub played by the fake. */
function prRunner(): FakeRunner {
  const probe = new FakeRunner({});
  const eventPath = path.join(probe.dir, "event.json");
  writeFileSync(
    eventPath,
    JSON.stringify({
      number: 7,
      repository: { full_name: "octo/app", private: false },
      pull_request: {
        number: 7,
        user: { login: "carol" },
        head: { sha: HEAD, ref: "feature", repo: { full_name: "octo/app" } },
        base: { ref: "main", repo: { full_name: "octo/app" } },
      },
    }),
  );
  return new FakeRunner({
    ...mark.env,
    GITHUB_API_URL: github.url,
    GITHUB_SERVER_URL: github.url,
    GITHUB_REPOSITORY: "octo/app",
    GITHUB_EVENT_NAME: "pull_request",
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_SHA: "b".repeat(40),
    GITHUB_RUN_ID: "42",
  });
}

const SIGNIN = {
  auth: "github",
  "github-oauth-client-id": TEST_CLIENT_ID,
  "github-token": TOKEN,
  provider: "local",
};

interface Echo {
  readonly env: Record<string, string>;
  readonly headers: Record<string, string>;
}

function isPng(file: string): boolean {
  return readFileSync(file).subarray(0, 8).toString("hex") === "89504e470d0a1a0a";
}

describe("auth: github from dist/main.js", () => {
  it("foreground: a reviewer signs in in a real Chromium and lands on the deep link; others are refused; scripts use the run's token or a GitHub token; nothing leaks", async (ctx) => {
    if (BROWSER.skip !== undefined) ctx.skip(BROWSER.skip);
    const runner = prRunner();
    const done = path.join(runner.dir, "done");
    const main = runner.main({ start: APP, ready: "/health", test: `${HOLD} ${done}`, ...SIGNIN });
    const outputs = await until(
      "the preview's outputs",
      () => (runner.outputs()["auth-header"] ? runner.outputs() : undefined),
      60_000,
    );
    const url = outputs.url as string;
    const harPath = outputs["har-path"] as string;
    expect(harPath).not.toBe("");
    const screens = path.dirname(harPath);
    const shots: string[] = [];
    const ids: string[] = [];
    const outside: string[] = [];

    await withTestBrowser({ ...process.env, ...mark.env }, async (browser) => {
      const newContext = () => loopbackContext(browser, outside);
      const keepIds = async (context: BrowserContext) => {
        for (const cookie of await context.cookies()) {
          if (cookie.name.startsWith("preview_tunnel_") && cookie.value !== "") ids.push(cookie.value);
        }
      };
      /** From the sign-in page: the code, approved at the fake GitHub as `login`, then Continue. */
      const signIn = async (context: BrowserContext, page: Page, login: string) => {
        await Promise.all([
          page.waitForURL(/\/__preview\/signin\?to=/),
          page.click("button:has-text('Sign in with GitHub')"),
        ]);
        const code = (await page.textContent("#user-code")) ?? "";
        expect(code).toMatch(/^[A-Z]{4}-[A-Z]{4}$/);
        await keepIds(context);
        expect(await approveAtGithub(context, page, code, login)).toBe(`${github.url}/login/device`);
        await page.waitForSelector("#continue:not([aria-disabled])");
        const response = page.waitForResponse((r) => !r.url().includes("/__preview/"));
        await page.click("#continue");
        const landed = await response;
        await keepIds(context);
        return landed;
      };

      // alice (write): the deep link, the sign-in page, GitHub, back where she started.
      const alice = await newContext();
      const page = await alice.newPage();
      const first = await page.goto(`${url}/deep/path?x=1`);
      expect(first?.status()).toBe(401);
      expect(await page.textContent("h1")).toBe("Sign in to open this preview");
      expect(await page.textContent("main")).toContain(
        "This preview is open to write access to octo/app, or the pull request's author.",
      );
      shots.push(path.join(screens, "github-sign-in.png"));
      await page.screenshot({ path: shots.at(-1), fullPage: true });
      const landed = await signIn(alice, page, "alice");
      expect(landed.status()).toBe(200);
      expect(page.url()).toBe(`${url}/deep/path?x=1`);
      const seen = JSON.parse((await page.textContent("body")) ?? "") as Echo;
      expect(seen.headers["x-preview-user"]).toBe("alice");
      expect(seen.headers.cookie).toBeUndefined();
      // Signing out: the preview asks for a sign-in again.
      await page.goto(`${url}/__preview/logout`);
      await Promise.all([page.waitForURL(`${url}/__preview/logout`), page.click("#sign-out")]);
      expect(await page.textContent("h1")).toBe("You are signed out");
      expect((await page.goto(`${url}/deep/path?x=1`))?.status()).toBe(401);
      await alice.close();

      // bob (read only): the denial page, 403, saying who and why.
      const bob = await newContext();
      const bobPage = await bob.newPage();
      await bobPage.goto(`${url}/reports`);
      const refused = await signIn(bob, bobPage, "bob");
      expect(refused.status()).toBe(403);
      expect(await bobPage.textContent("h1")).toBe("You can't open this preview");
      expect(await bobPage.textContent("main")).toContain(
        "Refused: needs write on octo/app, or to be the pull request's author; bob has read.",
      );
      shots.push(path.join(screens, "github-denied.png"));
      await bobPage.screenshot({ path: shots.at(-1), fullPage: true });
      await bob.close();
    });
    expect(outside).toEqual([]);
    mkdirSync(SHARED_SCREENS, { recursive: true });
    for (const file of shots) {
      expect(isPng(file)).toBe(true);
      copyFileSync(file, path.join(SHARED_SCREENS, path.basename(file)));
    }

    // Scripts: the run's token (auth-header), a spoofed X-Preview-User dropped.
    const authHeader = outputs["auth-header"] as string;
    expect(authHeader).toBe(`Bearer ${outputs.token}`);
    const asRun = await fetch(`${url}/env.json`, {
      headers: { authorization: authHeader, "x-preview-user": "mallory" },
    });
    expect(asRun.status).toBe(200);
    const appSide = (await asRun.json()) as Echo;
    expect(appSide.headers["x-preview-user"]).toBeUndefined();
    expect(appSide.headers.authorization).toBeUndefined();
    expect((await runner.get("/health")).status).toBe(200);
    // A reviewer's own GitHub token, as `curl -H "Authorization: Bearer $(gh auth token)"` sends it.
    const withToken = await fetch(`${url}/api`, {
      headers: { authorization: `Bearer ${device.issueToken("alice")}` },
    });
    expect(withToken.status).toBe(200);
    const tokenSeen = (await withToken.json()) as Echo;
    expect(tokenSeen.headers["x-preview-user"]).toBe("alice");
    expect(tokenSeen.headers.authorization).toBeUndefined();
    expect((await fetch(`${url}/api`)).status).toBe(401);
    // No redirect to another origin, whatever `to` says.
    const start = await fetch(
      `${url}/__preview/signin/start?to=${encodeURIComponent("https://evil.example/")}`,
      {
        method: "POST",
        headers: { "sec-fetch-site": "same-origin" },
        redirect: "manual",
      },
    );
    expect([start.status, start.headers.get("location")]).toEqual([303, "/__preview/signin?to=%2F"]);
    const cont = await fetch(`${url}/__preview/signin/continue?to=${encodeURIComponent("//evil.example")}`, {
      redirect: "manual",
    });
    expect(cont.headers.get("location")).toBe("/__preview/signin?to=%2F");

    // What was published while live: who may sign in (no login link), the plain URL.
    const comment = github.commentsOn(7)[0]?.body ?? "";
    expect(comment).toContain(
      "**Signing in:** Sign in with GitHub (write access to octo/app, or the pull request's author).",
    );
    expect(comment).not.toContain("Credentials are not posted");
    expect(comment).not.toContain("one click");
    expect(github.deployments[0]?.statuses[1]).toMatchObject({ state: "success", environment_url: url });

    writeFileSync(done, "");
    expect((await main.exited).code).toBe(0);
    const summary = runner.summary();
    expect(summary).toContain("### GitHub sign-ins");
    expect(summary).toContain("| `alice` | ✅ signed in | browser | write on octo/app |");
    expect(summary).toContain("| `alice` | ✅ signed in | GitHub token | write on octo/app |");
    expect(summary).toContain(
      "| `bob` | ⛔ refused | browser | needs write on octo/app, or to be the pull request's author; bob has read |",
    );
    const post = runner.post();
    expect((await post.exited).code).toBe(0);

    // Nothing secret anywhere a person or the app can read.
    const githubTokens = [...device.tokens.keys()];
    const deviceCodes = device.grants.map((g) => g.deviceCode);
    expect([githubTokens.length, deviceCodes.length, ids.length >= 4]).toEqual([3, 3, true]);
    const named = (label: string, values: readonly string[]) =>
      Object.fromEntries(values.map((value, i) => [`${label} ${i}`, value]));
    const secrets: Record<string, string> = {
      "the run's token": outputs.token as string,
      ...named("GitHub token", githubTokens),
      ...named("device code", deviceCodes),
      ...named("session or sign-in id", ids),
    };
    const { token: _token, "auth-header": _header, ...otherOutputs } = runner.outputs();
    const places: Record<string, string> = {
      "step log": shownLog(main.output() + post.output()),
      HAR: readFileSync(harPath, "utf8"),
      summary,
      comments: JSON.stringify(github.comments.map((c) => c.body)),
      "deployment statuses": JSON.stringify(github.deployments),
      "app environment": JSON.stringify(appSide.env),
    };
    for (const [where, text] of Object.entries(places))
      expect(leakedSecrets(text, secrets), where).toEqual([]);
    const { "the run's token": _run, ...notInOutputs } = secrets;
    expect(leakedSecrets(JSON.stringify(otherOutputs), secrets)).toEqual([]);
    expect(leakedSecrets(JSON.stringify(runner.outputs()), notInOutputs)).toEqual([]);
    // The places held what they should (the checks above read real content).
    expect(places.HAR).toContain("/deep/path?x=1");
    expect(places["step log"]).toContain("GitHub sign-in: alice signed in (write on octo/app)");
  });

  it("background: the supervisor holds the preview, reviewers sign in, the post step's summary lists them", async () => {
    const runner = prRunner();
    const main = runner.main({ start: APP, ready: "/health", ...SIGNIN, "github-allow": "write" });
    expect((await main.exited).code).toBe(0);
    expect(main.output()).toContain("stays up for the next steps");
    const { url } = runner.outputs();
    expect(github.commentsOn(7)[0]?.body).toContain(
      "**Signing in:** Sign in with GitHub (write access to octo/app).",
    );

    const alice = new BrowserLike(url as string);
    const { landed } = await signInOverHttp(alice, github.url, "alice", "/dashboard?tab=2");
    expect(landed.status).toBe(200);
    expect((JSON.parse(landed.body) as Echo).headers["x-preview-user"]).toBe("alice");
    const carol = new BrowserLike(url as string);
    // carol wrote the pull request, but github-allow says only "write".
    const refused = await signInOverHttp(carol, github.url, "carol", "/");
    expect(refused.landed.status).toBe(403);
    expect(refused.landed.body).toContain("needs write on octo/app");
    expect((await runner.get("/health")).status).toBe(200);

    const post = runner.post();
    expect((await post.exited).code).toBe(0);
    const summary = runner.summary();
    expect(summary).toContain("| `alice` | ✅ signed in | browser | write on octo/app |");
    expect(summary).toContain("| `carol` | ⛔ refused | browser | needs write on octo/app; carol has read |");
    await expect(fetch(url as string)).rejects.toThrow();
  });

  it("bad input: auth: github without a client ID and an unknown github-allow entry fail in one error, nothing started", async () => {
    const runner = prRunner();
    const main = runner.main({
      start: APP,
      ready: "/health",
      auth: "github",
      "github-allow": "write, maintainers",
      provider: "local",
    });
    expect((await main.exited).code).toBe(1);
    const errors = main
      .output()
      .split("\n")
      .filter((l) => l.startsWith("::error::"));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("2 inputs are invalid");
    expect(errors[0]).toContain('Input "github-oauth-client-id" is required with "auth: github"');
    expect(errors[0]).toContain('Input "github-allow" has an unknown entry "maintainers"');
    expect(main.output()).not.toContain("Starting the app");
    expect(processesWithMark(mark.value)).toEqual([]);
    expect(runner.outputs()).toEqual({});
    expect(github.requests).toEqual([]);
  });
});

describe("auth: github from dist/cli.js", () => {
  it("--auth github with --github-repository: a reviewer signs in, the test command uses PREVIEW_AUTH_HEADER", async () => {
    const dir = new FakeRunner({}).dir;
    const done = path.join(dir, "done");
    const cli = spawn(
      process.execPath,
      [
        "dist/cli.js",
        "run",
        "--start",
        APP,
        "--ready",
        "/health",
        "--provider",
        "local",
        "--record",
        "none",
        "--auth",
        "github",
        "--github-oauth-client-id",
        TEST_CLIENT_ID,
        "--github-repository",
        "octo/app",
        "--test",
        `${HOLD} ${done}`,
      ],
      {
        env: {
          PATH: process.env.PATH ?? "",
          HOME: process.env.HOME ?? dir,
          GITHUB_SERVER_URL: github.url,
          GITHUB_API_URL: github.url,
          ...mark.env,
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stdout = "";
    let stderr = "";
    cli.stdout.on("data", (c) => (stdout += c));
    cli.stderr.on("data", (c) => (stderr += c));
    const exited = new Promise<number | null>((resolve) => cli.once("exit", (code) => resolve(code)));
    const url = await until("PREVIEW_URL", () => /^PREVIEW_URL=(.*)$/m.exec(stdout)?.[1], 60_000);
    const header = await until("PREVIEW_AUTH_HEADER", () => /^PREVIEW_AUTH_HEADER=(.*)$/m.exec(stdout)?.[1]);

    const alice = new BrowserLike(url);
    const { landed } = await signInOverHttp(alice, github.url, "alice", "/from/the/cli");
    expect(landed.status).toBe(200);
    expect((JSON.parse(landed.body) as Echo).headers["x-preview-user"]).toBe("alice");
    const bob = await signInOverHttp(new BrowserLike(url), github.url, "bob", "/");
    expect(bob.landed.status).toBe(403);
    expect((await fetch(`${url}/x`, { headers: { authorization: header } })).status).toBe(200);

    writeFileSync(done, "");
    expect(await exited).toBe(0);
    expect(stderr).toContain("GitHub sign-in: alice signed in (write on octo/app)");
    expect(stderr).toContain("GitHub sign-in: bob was refused");
  });
});
