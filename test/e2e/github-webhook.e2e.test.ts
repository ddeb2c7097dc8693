/**
 * github-webhook end to end: dist/main.js and dist/post.js against the fake GitHub, whose hooks
 * really deliver (the ping on creation, and the events a test command causes) to the preview,
 * through the gate, to an app that verifies them with @octokit/webhooks-methods and the secret
 * it was given. The hook is made with its own token, pinged, read by expect-deliveries and
 * deleted on every path: success, a failed ping, a cancelled run, a killed main step (by the
 * post step), background mode; a token without the permission fails before anything starts;
 * hooks a crashed run left are swept.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { markedUrl, readMarker } from "../../src/github/webhook-marker.js";
import { FakeGitHub } from "../helpers/fake-github.js";
import { FakeHooks } from "../helpers/fake-github-hooks.js";
import { expectNoProcessLeft, newMark } from "../helpers/processes.js";
import { pullRequestRun } from "../helpers/pull-request-run.js";
import { FakeRunner } from "../helpers/runner.js";
import { until } from "../helpers/wait.js";

const TOKEN = "ghs_publishingTokenValue123";
const HOOKS_TOKEN = "github_pat_hooksTokenValue456";
const APP = "node test/fixtures/scenarios/github-hook-app.mjs";
const HANG = 'node -e "setInterval(() => {}, 1000)"';
const WHERE = { owner: "octo", repo: "app" };

let mark = newMark();
let github: FakeGitHub;
let hooks: FakeHooks;
let trigger: { url: string; close(): Promise<void> } | undefined;

beforeEach(async () => {
  hooks = new FakeHooks({ token: HOOKS_TOKEN });
  github = await FakeGitHub.start({ login: "github-actions[bot]", token: TOKEN, extensions: [hooks] });
});
afterEach(async () => {
  await trigger?.close();
  trigger = undefined;
  await github.close();
  await expectNoProcessLeft(mark.value);
  mark = newMark();
});

/** A runner on pull request 7 of octo/app, publishing to the fake. */
function prRunner(env: Record<string, string> = {}): FakeRunner {
  const probe = new FakeRunner({});
  return new FakeRunner({ ...mark.env, ...pullRequestRun(probe.dir, github.url), ...env });
}

const INPUTS = {
  start: APP,
  ready: "/health",
  provider: "local",
  "github-token": TOKEN,
  "github-webhook": "push, pull_request",
  "github-webhook-token": HOOKS_TOKEN,
};

/**
 * What the test command calls to make "GitHub" deliver a push (as pushing a branch would):
 * answers once every hook's app answered.
 */
async function startTrigger(): Promise<string> {
  const server = http.createServer((_req, res) => {
    hooks.deliverEvent("push", { ref: "refs/heads/feature", after: "b".repeat(40) }, WHERE).then(
      (sent) => res.writeHead(sent.length > 0 ? 200 : 404).end(),
      () => res.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/push`;
  trigger = { url, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
  return url;
}

const PUSH_TEST = `node -e "fetch(process.env.TRIGGER_URL, { method: 'POST' }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(2))"`;

function scenarioFile(runner: FakeRunner): string {
  const file = path.join(runner.dir, "deliveries.yml");
  writeFileSync(
    file,
    [
      "scenarios:",
      "  - name: the push reaches the app",
      "    expect-deliveries:",
      "      events: [push]",
      "      within: 30s",
      "",
    ].join("\n"),
  );
  return file;
}

const the = () => {
  expect(hooks.hooks).toHaveLength(1);
  return hooks.hooks[0] as NonNullable<(typeof hooks.hooks)[0]>;
};
const appLog = (runner: FakeRunner) => readFileSync(runner.outputs()["app-log"] ?? "", "utf8");
const hookRequests = () => github.requests.filter((r) => /\/hooks/.test(r.path));

describe("github-webhook", () => {
  it("makes the hook, GitHub's ping reaches the app, expect-deliveries sees the push, and the hook is deleted", async () => {
    const runner = prRunner({ TRIGGER_URL: await startTrigger() });
    const main = runner.main({ ...INPUTS, test: PUSH_TEST, scenarios: scenarioFile(runner) });
    expect((await main.exited).code, main.output()).toBe(0);

    const hook = the();
    expect([hook.owner, hook.repo, hook.events, hook.config.content_type]).toEqual([
      "octo",
      "app",
      ["push", "pull_request"],
      "json",
    ]);
    const url = new URL(hook.config.url);
    expect(`${url.origin}${url.pathname}`).toBe(`${runner.outputs().url}/webhooks/github`);
    expect(readMarker(hook.config.url)?.scope).toBe("preview-pr7");
    // GitHub's deliveries went through the gate, and the app verified them with its secret.
    expect(hooks.deliveries.map((d) => [d.event, d.statusCode])).toEqual([
      ["ping", 200],
      ["push", 200],
    ]);
    expect(appLog(runner)).toContain("github-hook-app: ping verified");
    expect(appLog(runner)).toContain("github-hook-app: push verified");
    expect(main.output()).toMatch(/GitHub's ping reached the app: 200 in \d+ ms\./);
    expect(main.output()).toContain(`::add-mask::${hook.config.secret}`);

    const summary = runner.summary();
    expect(summary).toMatch(/\*\*GitHub webhook:\*\* ✅ GitHub's ping reached the app: 200 in \d+ ms\./);
    expect(summary).toContain("github deliveries: push");
    expect(runner.outputs().passed).toBe("1");
    const junit = readFileSync(runner.outputs()["junit-path"] ?? "", "utf8");
    expect(junit).toMatch(/<testcase name="the push reaches the app" classname="github\.deliveries"/);
    expect(junit).toContain("GitHub delivered push: 200 in");
    // Deleted at teardown; the secret went nowhere public.
    expect(hook.deleted).toBe(true);
    expect(runner.state()["github-hook"]).toBe("");
    const secret = hook.config.secret ?? "";
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    for (const text of [
      summary,
      JSON.stringify(github.comments),
      readFileSync(runner.outputs()["har-path"] ?? "", "utf8"),
    ])
      expect(text).not.toContain(secret);
    // Each token for its own calls.
    const tokens = (hooksCalls: boolean) =>
      new Set(
        github.requests
          .filter((r) => /\/hooks/.test(r.path) === hooksCalls)
          .map((r) => r.headers.authorization),
      );
    expect(tokens(true)).toEqual(new Set([`token ${HOOKS_TOKEN}`]));
    expect(tokens(false)).toEqual(new Set([`token ${TOKEN}`]));

    const post = runner.post();
    expect((await post.exited).code).toBe(0);
    expect(post.output()).not.toContain("temporary GitHub webhook");
  });

  it("a ping the app answers 500 fails the run with the app's status and words (redacted); the hook is deleted", async () => {
    const runner = prRunner();
    const main = runner.main({ ...INPUTS, env: "HOOK_APP_STATUS=500", test: "node -e 0" });
    expect((await main.exited).code).toBe(1);
    const hook = the();
    expect(main.output()).toMatch(
      /::error::GitHub's ping got 500 from the app \(in \d+ ms\): no handler for ping \(secret \[redacted\]\)/,
    );
    expect(runner.summary()).toMatch(/\*\*GitHub webhook:\*\* ❌ GitHub's ping got 500 from the app/);
    expect(runner.summary()).not.toContain(hook.config.secret);
    expect(hook.deleted).toBe(true);
    expect((await runner.post().exited).code).toBe(0);
  });

  it("a cancelled run deletes the hook before it ends", async () => {
    const runner = prRunner();
    const main = runner.main({ ...INPUTS, test: HANG });
    await until(
      "the ping to be answered",
      () => (hooks.deliveries[0]?.statusCode === 200 ? true : undefined),
      30_000,
    );
    await until("the hook to be saved", () => (runner.state()["github-hook"] ? true : undefined), 30_000);
    main.child.kill("SIGINT");
    expect((await main.exited).code).toBe(1);
    expect(the().deleted).toBe(true);
    expect(runner.state()["github-hook"]).toBe("");
    const post = runner.post();
    expect((await post.exited).code).toBe(0);
    expect(hookRequests().filter((r) => r.method === "DELETE")).toHaveLength(1);
  });

  it("when the main step is killed, the post step deletes the hook with the token of the run's Config", async () => {
    const runner = prRunner();
    const main = runner.main({ ...INPUTS, test: HANG });
    await until("the hook to be saved", () => (runner.state()["github-hook"] ? true : undefined), 30_000);
    main.child.kill("SIGKILL");
    await main.exited;
    expect(the().deleted).toBe(false);
    // No inputs at all: the token comes from the run folder's config file.
    const post = runner.post({ inputs: false });
    expect((await post.exited).code, post.output()).toBe(0);
    expect(post.output()).toContain(`Deleted the temporary webhook ${the().id} of octo/app.`);
    expect(the().deleted).toBe(true);
  });

  it("in background mode the supervisor makes the hook and the post step's stop deletes it", async () => {
    const runner = prRunner();
    const main = runner.main(INPUTS);
    expect((await main.exited).code, main.output()).toBe(0);
    expect(main.output()).toContain("GitHub's ping reached the app: 200");
    const hook = the();
    expect(hook.deleted).toBe(false);
    // A later step pushes: the held preview gets it.
    const [push] = await hooks.deliverEvent("push", { ref: "refs/heads/feature" }, WHERE);
    expect(push?.statusCode).toBe(200);
    const post = runner.post();
    expect((await post.exited).code, post.output()).toBe(0);
    expect(hook.deleted).toBe(true);
    expect(runner.summary()).toContain("GitHub's ping reached the app: 200");
  });

  it("a token that may not manage webhooks fails before anything starts, naming Webhooks: write", async () => {
    hooks.permission = "none";
    const runner = prRunner();
    const main = runner.main({ ...INPUTS, test: "node -e 0" });
    expect((await main.exited).code).toBe(1);
    expect(main.output()).toMatch(
      /::error::Input "github-webhook-token" may not manage the webhooks of octo\/app: could not list the repository's webhooks: GitHub answered 403: Resource not accessible by integration; the token lacks the repository permission Webhooks: write\./,
    );
    expect(hooks.hooks).toEqual([]);
    expect(existsSync(path.join(runner.state()["run-dir"] ?? "", "app.log"))).toBe(false);
    expect((await runner.post().exited).code).toBe(0);
  });

  it("a token that may read but not write webhooks fails at publish with one clear failure", async () => {
    hooks.permission = "read";
    const runner = prRunner();
    const main = runner.main({ ...INPUTS, test: "node -e 0" });
    expect((await main.exited).code).toBe(1);
    expect(main.output()).toMatch(
      /::error::The temporary GitHub webhook \(github-webhook\): could not create the repository webhook: GitHub answered 403: .*the token lacks the repository permission Webhooks: write/,
    );
    expect(hooks.hooks).toEqual([]);
    expect((await runner.post().exited).code).toBe(0);
  });

  it("sweeps the hooks a crashed run of this preview left, and those of any run a day old", async () => {
    const dead = (scope: string, run: string) =>
      markedUrl("http://127.0.0.1:9", "/webhooks/github", { scope, run });
    const earlier = hooks.seedHook({ ...WHERE, url: dead("preview-pr7", "crashed-run") });
    const otherPreview = hooks.seedHook({ ...WHERE, url: dead("preview-pr8", "running") });
    const old = hooks.seedHook({
      ...WHERE,
      url: dead("docs-pr3", "gone"),
      createdAt: new Date(Date.now() - 2 * 24 * 3_600_000),
    });
    const runner = prRunner();
    const main = runner.main({ ...INPUTS, test: "node -e 0" });
    expect((await main.exited).code, main.output()).toBe(0);
    expect([earlier.deleted, old.deleted, otherPreview.deleted]).toEqual([true, true, false]);
    expect(main.output()).toMatch(
      /Deleted 2 webhook\(s\) earlier runs left behind: \d+ \(an earlier run of this preview\), \d+ \(a run 48 h ago\)/,
    );
    expect((await runner.post().exited).code).toBe(0);
  });

  it("bad input is one error naming the inputs, before anything starts", async () => {
    const runner = prRunner();
    const file = scenarioFile(runner);
    const main = runner.main({
      start: APP,
      provider: "local",
      test: "node -e 0",
      "github-webhook": "push, pul_request",
      scenarios: file,
    });
    expect((await main.exited).code).toBe(1);
    const output = main.output();
    expect(output).toContain('Input "github-webhook" is not a GitHub event; did you mean "pull_request"?');
    expect(output).toContain('Input "github-webhook-token" is required when github-webhook is set');
    expect(output).toContain("2 inputs are invalid");
    // Nothing started: no call to GitHub, no run folder.
    expect(github.requests).toEqual([]);
    expect(
      readdirSync(runner.runnerTemp).filter((name) => /^preview-tunnel-[0-9a-f]{8}$/.test(name)),
    ).toEqual([]);
  });
});
