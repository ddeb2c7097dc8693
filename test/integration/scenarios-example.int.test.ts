/**
 * examples/webhooks-app (GitHub and Stripe endpoints verified with @octokit/webhooks-methods
 * and stripe.webhooks.constructEvent) with its scenario file: behind a gate that verifies
 * the same paths (so deliveries skip the login and forgeries stop at the gate), and straight
 * to the app (so the app's own verification refuses them).
 */
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Gate } from "../../src/gate/index.js";
import { formatProblem, loadScenarioFile } from "../../src/scenarios/load.js";
import { runScenarios } from "../../src/scenarios/runner.js";
import type { Scenario } from "../../src/scenarios/types.js";
import { localProvider } from "../../src/tunnel/local.js";
import type { OpenOptions } from "../../src/tunnel/provider.js";
import { type ChildApp, startChildApp } from "../fixtures/scenarios/apps.js";
import { expectNoProcessLeft } from "../helpers/processes.js";
import { startTestGate, testLogger } from "./gate-helpers.js";

/** The local "tunnel": the public URL is the gate's loopback URL. */
const tunnelOptions: OpenOptions = {
  logger: testLogger(),
  signal: new AbortController().signal,
  runDir: tmpdir(),
};
const SECRETS = {
  GITHUB_WEBHOOK_SECRET: "example-github-secret",
  STRIPE_WEBHOOK_SECRET: "whsec_example_stripe_secret",
};
const FILE = "examples/webhooks-app/scenarios.yml";

let app: ChildApp;
let gate: Gate;
let publicUrl: string;
let scenarios: Scenario[];

beforeAll(async () => {
  const loaded = loadScenarioFile(FILE, { env: SECRETS });
  expect(loaded.problems.map(formatProblem)).toEqual([]);
  scenarios = loaded.scenarios;
  app = await startChildApp(path.resolve("examples/webhooks-app/server.mjs"), SECRETS);
  gate = await startTestGate(
    app.port,
    {
      auth: "bearer",
      credentials: "preview-token",
      "verify-webhooks":
        "github /webhooks/github GITHUB_WEBHOOK_SECRET\nstripe /webhooks/stripe STRIPE_WEBHOOK_SECRET",
    },
    { env: SECRETS },
  );
  publicUrl = (await localProvider.open({ host: "127.0.0.1", port: gate.port }, tunnelOptions)).url;
  gate.setPublicUrl(publicUrl);
});

afterAll(async () => {
  await gate?.close();
  await app?.close();
  if (app) await expectNoProcessLeft(app.mark);
});

async function events(): Promise<unknown[]> {
  return (await (await fetch(`${app.url}/events`)).json()) as unknown[];
}

describe("examples/webhooks-app", () => {
  it("every scenario of its file passes through the gate; forgeries never reach the app", async () => {
    const run = await runScenarios({ scenarios, baseUrl: publicUrl, env: SECRETS });
    const failed = run.results
      .filter((r) => !r.passed)
      .map((r) => `${r.scenario.name}: ${JSON.stringify(r.deliveries[0])}`);
    expect(failed).toEqual([]);
    expect(run.results).toHaveLength(7);
    const rejected = run.results.filter((r) => r.scenario.expectRejected);
    expect(rejected.map((r) => r.deliveries[0]?.status)).toEqual([403, 403]);
    // ping + pull_request + 20 pushes + 2 Stripe events: the tampered and stale ones stopped at the gate.
    expect(await events()).toHaveLength(24);
  });

  it("straight to the app, its own verification refuses the tampered (401) and the stale (400) delivery", async () => {
    const before = (await events()).length;
    const run = await runScenarios({ scenarios, baseUrl: app.url, env: SECRETS });
    expect(run.failed).toBe(0);
    const rejected = run.results.filter((r) => r.scenario.expectRejected);
    expect(rejected.map((r) => r.deliveries[0]?.status)).toEqual([401, 400]);
    expect(rejected[1]?.deliveries[0]?.responseExcerpt).toContain("Timestamp outside the tolerance zone");
    expect((await events()).length - before).toBe(24);
  });

  it("without the gate rule, deliveries need the preview's credentials", async () => {
    const open = await startTestGate(app.port, { auth: "bearer", credentials: "preview-token" });
    try {
      const ping = scenarios.filter((s) => s.name === "GitHub ping is acknowledged");
      const run = await runScenarios({ scenarios: ping, baseUrl: open.url, env: SECRETS });
      expect(run.results[0]?.deliveries[0]?.status).toBe(401);
    } finally {
      await open.close();
    }
  });
});
