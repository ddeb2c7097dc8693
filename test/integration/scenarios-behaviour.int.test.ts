/**
 * Delivery behaviour as the pipeline runs it: deliveries to the public URL (the local tunnel)
 * through a real gate that verifies them, into an app that verifies them again with the
 * providers' own libraries and does its work as production apps do (dedupe or not, flaky,
 * slow, work finished after the 200). Duplicates keep their delivery id and are re-signed;
 * retries follow the (compressed) provider schedules until the app accepts, and the reports
 * show every attempt; events go in the order asked (a seeded shuffle is replayable); `then`
 * requests (with the preview's login) check the app's work, polling under `eventually`.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Gate } from "../../src/gate/index.js";
import { junitXml } from "../../src/scenarios/junit.js";
import { formatProblem, loadScenarioFile, parseScenarioText } from "../../src/scenarios/load.js";
import { ordered } from "../../src/scenarios/order.js";
import { summaryMarkdown } from "../../src/scenarios/report.js";
import { runScenarios, type ScenarioRun } from "../../src/scenarios/runner.js";
import type { Scenario } from "../../src/scenarios/types.js";
import { localProvider } from "../../src/tunnel/local.js";
import { type ChildApp, startChildApp } from "../fixtures/scenarios/apps.js";
import { SECRETS } from "../fixtures/scenarios/secrets.js";
import { findAll, parseXml } from "../fixtures/scenarios/xml.js";
import { expectNoProcessLeft } from "../helpers/processes.js";
import { basic, startApp, startTestGate, testLogger } from "./gate-helpers.js";

const RULES = [
  "stripe /webhooks/stripe STRIPE_WEBHOOK_SECRET",
  "stripe /naive/stripe STRIPE_WEBHOOK_SECRET",
  "stripe /flaky/stripe STRIPE_WEBHOOK_SECRET",
  "github /webhooks/github GITHUB_WEBHOOK_SECRET",
  "github /flaky/github GITHUB_WEBHOOK_SECRET",
  "github /slow/github GITHUB_WEBHOOK_SECRET",
  "github /broken/github GITHUB_WEBHOOK_SECRET",
  "svix /flaky/svix SVIX_WEBHOOK_SECRET",
].join("\n");

let app: ChildApp;
let gate: Gate;
let scenarios: Scenario[];
let run: ScenarioRun;

beforeAll(async () => {
  const loaded = loadScenarioFile("test/fixtures/scenarios/behaviour.yml", { env: SECRETS });
  expect(loaded.problems.map(formatProblem)).toEqual([]);
  scenarios = loaded.scenarios;
  app = await startChildApp(path.resolve("test/fixtures/scenarios/orders-app.mjs"), SECRETS);
  gate = await startTestGate(
    app.port,
    { credentials: "user:pw", "verify-webhooks": RULES },
    { env: SECRETS },
  );
  const tunnel = await localProvider.open(
    { host: "127.0.0.1", port: gate.port },
    { logger: testLogger(), signal: new AbortController().signal, runDir: "." },
  );
  gate.setPublicUrl(tunnel.url);
  run = await runScenarios({
    scenarios,
    baseUrl: tunnel.url,
    authHeader: basic("user", "pw"),
    env: SECRETS,
    logger: testLogger(),
  });
});

afterAll(async () => {
  await gate?.close();
  await app?.close();
  if (app) await expectNoProcessLeft(app.mark);
});

const result = (name: string) => {
  const r = run.results.find((x) => x.scenario.name === name);
  if (!r) throw new Error(`no scenario ${name}`);
  return r;
};

async function attemptsSeen(): Promise<Record<string, number>> {
  return (await (await fetch(`${app.url}/attempts`)).json()) as Record<string, number>;
}

describe("duplicates", () => {
  it("the same delivery twice: an app that dedupes answers alike and acts once", () => {
    const r = result("a duplicate charge is processed once");
    expect(r.deliveries.map((d) => [d.status, d.duplicate ?? false, d.passed])).toEqual([
      [200, false, true],
      [200, true, true],
    ]);
    expect(r.deliveries[1]?.responseExcerpt).toContain('"outcome":"duplicate"');
    expect(r.followUps?.map((f) => [f.request, f.status, f.passed])).toEqual([
      ["GET /charges/ch_dedupe", 200, true],
    ]);
    expect(r.passed).toBe(true);
  });

  it("an app that does not dedupe is caught by the then request", () => {
    const r = result("a careless app processes the duplicate twice");
    expect(r.deliveries.every((d) => d.passed)).toBe(true);
    expect(r.followUps?.[0]?.mismatches).toEqual([{ what: "JSON $.processed", expected: "1", actual: "2" }]);
    expect(r.passed).toBe(false);
  });
});

describe("a duplicate on the wire", () => {
  it("keeps the delivery id (Stripe event id, X-GitHub-Delivery, svix-id) and is signed at a later second", async () => {
    const recorder = await startApp((_req, res) => res.end("ok"));
    try {
      const { scenarios: dupes, problems } = parseScenarioText(
        `scenarios:
  - { name: s, provider: stripe, path: /s, secret-env: STRIPE_WEBHOOK_SECRET, duplicate: true }
  - { name: g, provider: github, event: push, path: /g, secret-env: GITHUB_WEBHOOK_SECRET, duplicate: true }
  - { name: v, provider: svix, path: /v, secret-env: SVIX_WEBHOOK_SECRET, duplicate: true }
`,
        { file: "d.yml", dir: "." },
      );
      expect(problems).toEqual([]);
      const dupRun = await runScenarios({
        scenarios: dupes,
        baseUrl: `http://127.0.0.1:${recorder.port}`,
        env: SECRETS,
      });
      expect(dupRun.failed).toBe(0);
      const byPath = (p: string) => recorder.received.filter((r) => r.url === p);
      const [s1, s2] = byPath("/s");
      expect(s1?.body.equals(s2?.body ?? Buffer.alloc(0))).toBe(true);
      const t = (h: unknown) => Number(/t=(\d+)/.exec(String(h))?.[1]);
      expect(t(s2?.headers["stripe-signature"])).toBeGreaterThan(t(s1?.headers["stripe-signature"]));
      const [g1, g2] = byPath("/g");
      expect(g2?.headers["x-github-delivery"]).toBe(g1?.headers["x-github-delivery"]);
      const [v1, v2] = byPath("/v");
      expect(v2?.headers["svix-id"]).toBe(v1?.headers["svix-id"]);
      expect(v2?.headers["svix-signature"]).not.toBe(v1?.headers["svix-signature"]);
    } finally {
      await recorder.close();
    }
  });
});

describe("then, capture and eventually", () => {
  it("polls until the work the app did after its 200 shows (the override reached it)", () => {
    const r = result("the order is paid once the queue ran");
    const f = r.followUps?.[0];
    expect(f).toMatchObject({ request: "GET /orders/pi_async", status: 200, passed: true });
    // The first GET came before the queue ran: 404, then asked again.
    expect(f?.requests).toBeGreaterThan(1);
    expect(r.passed).toBe(true);
  });

  it("captures a value of the app's answer", () => {
    const r = result("a value of the answer feeds the next request");
    expect(r.followUps?.[0]?.request).toMatch(/^GET \/events\/evt_1PT[0-9a-f]{20}$/);
    expect(r.passed).toBe(true);
  });

  it("a GitHub catalog event arrives with its event header and action", () => {
    expect(result("a GitHub event from the catalog").passed).toBe(true);
  });
});

describe("retries", () => {
  it("resend until the app accepts, same delivery id, each attempt listed", async () => {
    const r = result("a flaky app is accepted on the third attempt");
    expect(r.passed).toBe(true);
    expect(r.deliveries[0]?.attempts?.map((a) => [a.attempt, a.status, a.waitedMs])).toEqual([
      [1, 500, 0],
      [2, 500, 10],
      [3, 200, 20],
    ]);
    const seen = await attemptsSeen();
    // One delivery id across the three attempts.
    expect(Object.entries(seen).filter(([k]) => k.startsWith("github:"))).toEqual([
      [expect.stringMatching(/^github:[0-9a-f-]{36}$/), 3],
    ]);
  });

  it("the providers' schedules, compressed", () => {
    const stripe = result("stripe's schedule, compressed");
    expect(stripe.deliveries[0]?.attempts?.map((a) => [a.status, a.waitedMs])).toEqual([
      [500, 0],
      [500, 3],
      [200, 15],
    ]);
    const svix = result("svix's schedule, compressed");
    expect(svix.deliveries[0]?.attempts?.map((a) => [a.status, a.waitedMs])).toEqual([
      [500, 0],
      [500, 5],
      [200, 300],
    ]);
    expect(stripe.passed && svix.passed).toBe(true);
  });

  it("a delivery that got no answer in time is sent again", () => {
    const r = result("GitHub's redelivery after a timeout");
    expect(r.deliveries[0]?.attempts?.map((a) => [a.status, a.error])).toEqual([
      [undefined, "no response within 500 ms"],
      [200, undefined],
    ]);
    expect(r.passed).toBe(true);
  });

  it("when the schedule ends the scenario fails with every attempt", () => {
    const r = result("retries end");
    expect(r.deliveries[0]?.attempts?.map((a) => a.status)).toEqual([500, 500]);
    expect(r.passed).toBe(false);
  });
});

describe("order", () => {
  it("reversed: a careful app ends in the right state, a careless one does not", () => {
    const careful = result("subscription events out of order, careful app");
    expect(careful.order).toEqual({
      mode: "reversed",
      seed: undefined,
      sent: ["customer.subscription.updated", "customer.subscription.created"],
    });
    expect(careful.deliveries.map((d) => [d.label, d.status])).toEqual([
      ["customer.subscription.updated", 200],
      ["customer.subscription.created", 200],
    ]);
    expect(careful.passed).toBe(true);
    const careless = result("the same order breaks a careless app");
    expect(careless.followUps?.[0]?.mismatches).toEqual([
      { what: "JSON $.status", expected: '"active"', actual: '"incomplete"' },
    ]);
    expect(careless.passed).toBe(false);
  });

  it("shuffled with a seed: the same order every time, reported with its seed", () => {
    const r = result("customer events shuffled with a seed");
    const labels = [
      "customer.created",
      "customer.updated",
      "customer.deleted",
      "customer.subscription.trial_will_end",
    ];
    expect(r.order).toEqual({ mode: "shuffled", seed: 7, sent: ordered(labels, "shuffled", 7) });
    expect(r.order?.sent).not.toEqual(labels);
    expect(r.deliveries.map((d) => d.label)).toEqual(r.order?.sent);
    expect(r.passed).toBe(true);
  });
});

describe("reports", () => {
  it("the summary and the JUnit report show every attempt, the order, the seed and the then requests", () => {
    expect(run.failed).toBe(3);
    const markdown = summaryMarkdown(run);
    expect(markdown).toContain("delivery 1: 3 attempts: 500 → 500 after 10 ms → 200 after 20 ms");
    expect(markdown).toContain("sent reversed: customer.subscription.updated, customer.subscription.created");
    expect(markdown).toContain("(seed 7; add seed: 7 to replay it)");
    expect(markdown).toMatch(/then GET /);
    const root = parseXml(junitXml(run));
    const cases = findAll(root, "testcase");
    const flaky = cases.find((c) => c.attributes.name === "a flaky app is accepted on the third attempt");
    expect(flaky?.children.find((c) => c.name === "system-out")?.text).toContain("3 attempts: 500 → 500");
    const ends = cases.find((c) => c.attributes.name === "retries end")?.children[0];
    expect(ends?.name).toBe("failure");
    expect(ends?.attributes.message).toBe("status: expected 2xx, got 500 (after 2 attempts)");
    expect(ends?.text).toContain("delivery 1: 2 attempts: 500 → 500 after 10 ms");
    const careless = cases.find((c) => c.attributes.name === "a careless app processes the duplicate twice");
    expect(careless?.children[0]?.attributes.message).toBe(
      "then GET /charges/ch_naive (line 29): FAILED, 200; JSON $.processed: expected 1, got 2",
    );
  });
});
