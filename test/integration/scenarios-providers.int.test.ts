/**
 * For every provider, a round trip over real sockets: the runner signs a delivery and the
 * provider's OWN verifier (inside test/fixtures/scenarios/verifier-app.mjs: octokit, stripe,
 * @slack/bolt, @shopify/shopify-api, twilio, standardwebhooks, @linear/sdk, square,
 * discord-interactions, @paddle/paddle-node-sdk; by hand only for PagerDuty and GitLab)
 * accepts it; the same verifier rejects it tampered, and stale where it checks a timestamp.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScenarioKeys, scenarioAppEnv } from "../../src/scenarios/keys.js";
import { formatProblem, loadScenarioFile } from "../../src/scenarios/load.js";
import { runScenarios, type ScenarioRun } from "../../src/scenarios/runner.js";
import { SCENARIO_PROVIDERS } from "../../src/scenarios/signers/index.js";
import type { Scenario } from "../../src/scenarios/types.js";
import { type ChildApp, startChildApp } from "../fixtures/scenarios/apps.js";
import { SECRETS } from "../fixtures/scenarios/secrets.js";
import { expectNoProcessLeft } from "../helpers/processes.js";

const FILE = "test/fixtures/scenarios/providers.yml";
const keys = createScenarioKeys();
let scenarios: Scenario[];
let app: ChildApp;
let run: ScenarioRun;

beforeAll(async () => {
  const loaded = loadScenarioFile(FILE, { env: SECRETS });
  expect(loaded.problems.map(formatProblem)).toEqual([]);
  scenarios = loaded.scenarios;
  app = await startChildApp(path.resolve("test/fixtures/scenarios/verifier-app.mjs"), {
    ...SECRETS,
    ...scenarioAppEnv(scenarios, keys),
  });
  run = await runScenarios({ scenarios, baseUrl: app.url, env: SECRETS, keys, parallel: 4 });
});

afterAll(async () => {
  await app?.close();
  if (app) await expectNoProcessLeft(app.mark);
});

const result = (name: string) => {
  const r = run.results.find((x) => x.scenario.name === name);
  if (!r) throw new Error(`no scenario ${name}`);
  return r;
};

/** Providers whose own verifier checks a timestamp tolerance (Discord's verifyKey does not). */
const STALE_CHECKED = ["stripe", "slack", "standard-webhooks", "svix", "linear", "paddle"];

describe.each(SCENARIO_PROVIDERS.map((provider) => ({ provider })))("$provider", ({ provider }) => {
  it("a delivery we sign is accepted by the provider's own verifier", () => {
    const r = result(`${provider} accepted`);
    expect(r.deliveries[0]?.responseExcerpt, r.deliveries[0]?.error).toContain('"ok":true');
    expect(r.passed).toBe(true);
    expect(r.deliveries[0]?.status).toBe(200);
  });

  it("the same delivery tampered with is rejected by that verifier", () => {
    const r = result(`${provider} tampered`);
    expect(r.deliveries[0]?.status, r.deliveries[0]?.responseExcerpt).toBe(401);
    expect(r.passed).toBe(true);
  });

  // Registered only where the verifier checks a timestamp, so the counts list no skipped tests.
  if (STALE_CHECKED.includes(provider))
    it("a delivery signed 10 minutes ago is rejected as stale", () => {
      const r = result(`${provider} stale`);
      expect(r.deliveries[0]?.status, r.deliveries[0]?.responseExcerpt).toBe(401);
      expect(r.passed).toBe(true);
    });
});

describe("provider specifics", () => {
  it("Twilio JSON bodies are signed through the bodySHA256 query parameter", () => {
    expect(result("twilio JSON body (bodySHA256)").passed).toBe(true);
  });

  it("Discord application commands verify with the run's generated public key", () => {
    expect(result("discord application command").passed).toBe(true);
    expect(keys.discord.publicKeyHex).toMatch(/^[0-9a-f]{64}$/);
  });

  it("every scenario of the file passed, each with a measured latency", () => {
    expect(run.results.filter((r) => !r.passed).map((r) => r.scenario.name)).toEqual([]);
    expect(run.failed).toBe(0);
    for (const r of run.results) expect(r.latency?.p50).toBeGreaterThan(0);
  });

  it("a delivery signed with the wrong secret is rejected", async () => {
    const wrong = { ...SECRETS, GITHUB_WEBHOOK_SECRET: "not the app's secret" };
    const github = scenarios.filter((s) => s.name === "github accepted");
    const again = await runScenarios({ scenarios: github, baseUrl: app.url, env: wrong });
    expect(again.results[0]?.deliveries[0]?.status).toBe(401);
    expect(again.failed).toBe(1);
  });
});
