/**
 * `expect-deliveries` against GitHub's delivery log of a real (fake GitHub) temporary webhook:
 * the hook manager creates it through the Octokit client, the fake delivers GitHub's events to
 * an app that verifies them with @octokit/webhooks-methods, and the runner reads the log:
 * events delivered and answered 2xx pass (also when they arrive while it polls); an event that
 * never came, one the app refused, one the hook does not get, and a run without a hook fail
 * with what GitHub saw.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHooksApi } from "../../src/github/hooks-client.js";
import { type WebhookHooks, webhookHooks } from "../../src/github/webhook-hook.js";
import type { GithubDeliveryLog } from "../../src/scenarios/expect-deliveries.js";
import { junitXml } from "../../src/scenarios/junit.js";
import { formatProblem, parseScenarioText } from "../../src/scenarios/load.js";
import { annotations, summaryMarkdown } from "../../src/scenarios/report.js";
import { runScenarios } from "../../src/scenarios/runner.js";
import type { Scenario } from "../../src/scenarios/types.js";
import { type ChildApp, startChildApp } from "../fixtures/scenarios/apps.js";
import { findAll, parseXml } from "../fixtures/scenarios/xml.js";
import { FakeGitHub } from "../helpers/fake-github.js";
import { FakeHooks } from "../helpers/fake-github-hooks.js";
import { expectNoProcessLeft } from "../helpers/processes.js";
import { until } from "../helpers/wait.js";
import { testLogger } from "./gate-helpers.js";

const SECRET = "secret of the run's github webhook";
const EVENTS = ["push", "pull_request"];
let app: ChildApp;
let fake: FakeGitHub;
let fakeHooks: FakeHooks;
let hooks: WebhookHooks;

beforeAll(async () => {
  app = await startChildApp(path.resolve("test/fixtures/scenarios/verifier-app.mjs"), {
    GITHUB_WEBHOOK_SECRET: SECRET,
  });
  fakeHooks = new FakeHooks();
  fake = await FakeGitHub.start({ token: "tok", extensions: [fakeHooks] });
  const api = createHooksApi({ token: "tok", apiUrl: fake.url, logger: testLogger(), retries: 0 });
  hooks = webhookHooks({
    api,
    repo: { owner: "o", repo: "r" },
    logger: testLogger(),
    marker: { scope: "preview-pr-1", run: "r1" },
    pollMs: 20,
  });
});

afterAll(async () => {
  await fake?.close();
  await app?.close();
  if (app) await expectNoProcessLeft(app.mark);
});

function load(yaml: string): Scenario[] {
  const { scenarios, problems } = parseScenarioText(`scenarios:\n${yaml}`, { file: "d.yml", dir: "." });
  expect(problems.map(formatProblem)).toEqual([]);
  return scenarios;
}

async function hookLog(secret: string, events = EVENTS): Promise<{ id: number; log: GithubDeliveryLog }> {
  const hook = await hooks.create({ publicUrl: app.url, path: "/hooks/github", events, secret });
  const ping = await hooks.waitForPing(hook.id, { timeoutMs: 10_000 });
  expect(ping.ok).toBe(secret === SECRET);
  return { id: hook.id, log: { events, list: () => hooks.deliveries(hook.id) } };
}

describe("expect-deliveries", () => {
  it("passes for events GitHub delivered and the app accepted, also ones arriving while it waits", async () => {
    const { id, log } = await hookLog(SECRET);
    await fakeHooks.deliverEvent("push", { ref: "refs/heads/preview" });
    const scenarios = load(`  - name: GitHub delivered the push and the pull request
    expect-deliveries: { events: [push, pull_request.opened], within: 10s }
`);
    const running = runScenarios({ scenarios, baseUrl: app.url, env: {}, githubDeliveries: log });
    // The pull request comes only after the runner looked at the log once.
    const looked = fake.requestsTo("list-hook-deliveries").length;
    await until("the runner to read the log", () =>
      fake.requestsTo("list-hook-deliveries").length > looked ? true : undefined,
    );
    await fakeHooks.deliverEvent("pull_request", { action: "opened", number: 7 });
    const run = await running;
    const r = run.results[0];
    expect(r?.error).toBeUndefined();
    expect(r?.deliveries.map((d) => [d.label, d.status, d.passed])).toEqual([
      ["push", 200, true],
      ["pull_request.opened", 200, true],
    ]);
    expect(r?.passed).toBe(true);
    const markdown = summaryMarkdown(run);
    expect(markdown).toContain("github deliveries: push, pull\\_request.opened");
    expect(markdown).toContain("GitHub delivered push: 200 in");
    const testcase = findAll(parseXml(junitXml(run)), "testcase")[0];
    expect(testcase?.attributes.classname).toBe("github.deliveries");
    await hooks.remove(id);
  });

  it("fails with what GitHub saw: an event that never came, one the hook does not get, no hook at all", async () => {
    const { id, log } = await hookLog(SECRET);
    await fakeHooks.deliverEvent("pull_request", { action: "opened", number: 8 });
    const scenarios = load(`  - name: a closed pull request
    expect-deliveries: { events: [pull_request.closed], within: 300ms }
  - name: issues
    expect-deliveries: { events: [issues] }
`);
    const run = await runScenarios({ scenarios, baseUrl: app.url, env: {}, githubDeliveries: log });
    expect(run.results.map((r) => r.error)).toEqual([
      "GitHub delivered no pull_request.closed within 0.3 s (the webhook got: pull_request.opened, ping)",
      "the webhook is not subscribed to issues (it gets push, pull_request); add them to github-webhook",
    ]);
    expect(annotations(run).map((a) => [a.title, a.line])).toEqual([
      ["GitHub deliveries scenario failed: a closed pull request", 2],
      ["GitHub deliveries scenario failed: issues", 4],
    ]);
    const without = await runScenarios({ scenarios: scenarios.slice(0, 1), baseUrl: app.url, env: {} });
    expect(without.results[0]?.error).toBe(
      "expect-deliveries needs the run's temporary GitHub webhook (github-webhook), and this run has none",
    );
    await hooks.remove(id);
  });

  it("fails at once when the app refused a named event, with GitHub's words", async () => {
    // The hook signs with another secret than the app's: the app refuses every delivery.
    const { id, log } = await hookLog("not the app's secret");
    await fakeHooks.deliverEvent("push", { ref: "refs/heads/x" });
    const scenarios = load(`  - name: the push
    expect-deliveries: { events: [push], within: 10s }
`);
    const started = performance.now();
    const run = await runScenarios({ scenarios, baseUrl: app.url, env: {}, githubDeliveries: log });
    expect(performance.now() - started).toBeLessThan(10_000);
    const r = run.results[0];
    expect(r?.deliveries[0]?.mismatches).toEqual([
      { what: "status", expected: "2xx", actual: "401 (Invalid HTTP Response: 401)" },
    ]);
    expect(r?.passed).toBe(false);
    await hooks.remove(id);
  });
});
