/**
 * The runner as the pipeline uses it: deliveries to the PUBLIC URL (here the local tunnel,
 * which is the gate's loopback URL), through a real gate with verify-webhooks rules in front
 * of the verifier app. Verified deliveries reach the app without the preview's login;
 * tampered and stale ones are refused by the gate and never reach it; then the JUnit XML,
 * the summary and the annotations of the run.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Gate } from "../../src/gate/index.js";
import { junitXml } from "../../src/scenarios/junit.js";
import { formatProblem, loadScenarioFiles } from "../../src/scenarios/load.js";
import { annotations, summaryMarkdown } from "../../src/scenarios/report.js";
import { runScenarios, type ScenarioRun } from "../../src/scenarios/runner.js";
import type { Scenario } from "../../src/scenarios/types.js";
import { localProvider } from "../../src/tunnel/local.js";
import type { OpenOptions } from "../../src/tunnel/provider.js";
import { type ChildApp, startChildApp } from "../fixtures/scenarios/apps.js";
import { SECRETS } from "../fixtures/scenarios/secrets.js";
import { findAll, parseXml } from "../fixtures/scenarios/xml.js";
import { expectNoProcessLeft } from "../helpers/processes.js";
import { basic, startTestGate, testLogger } from "./gate-helpers.js";

/** The local "tunnel": the public URL is the gate's loopback URL. */
const tunnelOptions: OpenOptions = {
  logger: testLogger(),
  signal: new AbortController().signal,
  runDir: tmpdir(),
};
/** The gate's rules: these providers' paths skip the login when signed; linear's has no rule. */
const SECRET_ENV: Record<string, string> = {
  github: "GITHUB_WEBHOOK_SECRET",
  stripe: "STRIPE_WEBHOOK_SECRET",
  slack: "SLACK_SIGNING_SECRET",
  shopify: "SHOPIFY_API_SECRET",
  twilio: "TWILIO_AUTH_TOKEN",
  "standard-webhooks": "STANDARD_WEBHOOK_SECRET",
  svix: "SVIX_WEBHOOK_SECRET",
  pagerduty: "PAGERDUTY_WEBHOOK_SECRET",
  gitlab: "GITLAB_WEBHOOK_TOKEN",
};
const GATE_PROVIDERS = Object.keys(SECRET_ENV);
const RULES = GATE_PROVIDERS.map((p) => `${p} /hooks/${p} ${SECRET_ENV[p]}`).join("\n");

let app: ChildApp;
let gate: Gate;
let publicUrl: string;
let scenarios: Scenario[];
let run: ScenarioRun;
const logger = testLogger();
const dir = mkdtempSync(path.join(tmpdir(), "scenarios-gate-"));

beforeAll(async () => {
  const loaded = loadScenarioFiles([
    "test/fixtures/scenarios/providers.yml",
    "test/fixtures/scenarios/gate.yml",
  ]);
  expect(loaded.problems.map(formatProblem)).toEqual([]);
  // Providers the gate verifies, and the gate-only scenarios.
  scenarios = loaded.scenarios.filter(
    (s) => GATE_PROVIDERS.includes(s.provider) || s.source.file.endsWith("gate.yml"),
  );
  app = await startChildApp(path.resolve("test/fixtures/scenarios/verifier-app.mjs"), SECRETS);
  gate = await startTestGate(
    app.port,
    { credentials: "user:pw", "verify-webhooks": RULES },
    { env: SECRETS },
  );
  const tunnel = await localProvider.open({ host: "127.0.0.1", port: gate.port }, tunnelOptions);
  publicUrl = tunnel.url;
  gate.setPublicUrl(publicUrl);
  run = await runScenarios({
    scenarios,
    baseUrl: publicUrl,
    authHeader: basic("user", "pw"),
    env: SECRETS,
    logger,
  });
});

afterAll(async () => {
  await gate?.close();
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
  if (app) await expectNoProcessLeft(app.mark);
});

const result = (name: string) => {
  const r = run.results.find((x) => x.scenario.name === name);
  if (!r) throw new Error(`no scenario ${name}`);
  return r;
};

async function received(): Promise<Record<string, number>> {
  return (await (await fetch(`${app.url}/received`)).json()) as Record<string, number>;
}

describe("through the gate", () => {
  it("signed deliveries of every gate-verified provider reach the app without the preview's login", () => {
    for (const provider of GATE_PROVIDERS) {
      const r = result(`${provider} accepted`);
      expect(r.deliveries[0]?.responseExcerpt, provider).toContain('"ok":true');
      expect(r.passed, provider).toBe(true);
    }
  });

  it("tampered and stale deliveries are refused by the gate (403) and pass as expect-rejected", () => {
    const rejected = run.results.filter((r) => / (tampered|stale)$/.test(r.scenario.name));
    expect(rejected.length).toBeGreaterThanOrEqual(GATE_PROVIDERS.length * 2 - 5);
    for (const r of rejected) {
      expect(r.deliveries[0]?.status, r.scenario.name).toBe(403);
      expect(r.deliveries[0]?.responseExcerpt, r.scenario.name).toContain("webhook rejected");
      expect(r.passed, r.scenario.name).toBe(true);
    }
  });

  it("the app saw only the deliveries the gate verified", async () => {
    const counts = await received();
    for (const provider of GATE_PROVIDERS) {
      const expected = provider === "github" ? 1 + 24 + 1 : provider === "twilio" ? 2 : 1;
      expect(counts[provider] ?? 0, provider).toBe(expected);
    }
  });

  it("a webhook path the gate does not verify needs the login; send-auth sends it", () => {
    expect(result("linear needs the preview's login without a gate rule").passed).toBe(true);
    expect(result("linear with send-auth reaches the app, which verifies it").passed).toBe(true);
  });

  it("repeat and concurrency: 24 deliveries, each signed and accepted", () => {
    const r = result("github push, 12 at a time");
    expect(r.deliveries).toHaveLength(24);
    expect(r.deliveries.map((d) => d.index)).toEqual([...Array(24).keys()]);
    expect(r.passed).toBe(true);
    expect(r.latency?.p99).toBeGreaterThanOrEqual(r.latency?.p50 ?? 0);
  });

  it("a wrong expectation fails with expected vs actual; a missing secret fails without sending", () => {
    const wrong = result(`github expecting 202 & <escaped> "text"`);
    expect(wrong.passed).toBe(false);
    expect(wrong.deliveries[0]?.mismatches).toEqual([
      { what: "status", expected: "202", actual: "200" },
      expect.objectContaining({ what: "body contains", expected: JSON.stringify("<b>&'quoted'</b>") }),
    ]);
    const missing = result("stripe without its secret");
    expect(missing.passed).toBe(false);
    expect(missing.error).toBe("secret-env STRIPE_SECRET_NOT_SET is not set or empty");
    expect(missing.deliveries).toEqual([]);
    expect(run.failed).toBe(2);
    expect(run.passed).toBe(scenarios.length - 2);
  });

  it("logs one line per scenario, failures with their file and line, as info (annotations come separately)", () => {
    const lines = logger.lines.filter((l) => l.includes("scenario"));
    expect(lines).toHaveLength(scenarios.length);
    expect(lines.every((l) => l.startsWith("info: "))).toBe(true);
    expect(lines.find((l) => l.includes("FAILED: stripe without its secret"))).toMatch(
      /test\/fixtures\/scenarios\/gate\.yml:\d+/,
    );
  });
});

describe("reports", () => {
  it("JUnit XML is well-formed, with a suite per file and file/line per test case", () => {
    const file = path.join(dir, "junit.xml");
    writeFileSync(file, junitXml(run, { timestamp: new Date("2025-01-01T00:00:00Z") }));
    const root = parseXml(readFileSync(file, "utf8"));
    expect(root.name).toBe("testsuites");
    expect(root.attributes).toMatchObject({ tests: String(scenarios.length), failures: "1", errors: "1" });
    const suites = findAll(root, "testsuite");
    expect(suites.map((s) => s.attributes.name)).toEqual([
      "test/fixtures/scenarios/providers.yml",
      "test/fixtures/scenarios/gate.yml",
    ]);
    expect(suites[1]?.attributes).toMatchObject({ tests: "5", failures: "1", errors: "1", skipped: "0" });
    const cases = findAll(root, "testcase");
    expect(cases).toHaveLength(scenarios.length);
    for (const [i, c] of cases.entries()) {
      const s = scenarios[i] as Scenario;
      expect(c.attributes).toMatchObject({
        name: s.name,
        classname: `webhooks.${s.provider}`,
        file: s.source.file,
        line: String(s.source.line),
      });
      expect(Number(c.attributes.time)).toBeGreaterThanOrEqual(0);
    }
    const failed = cases.find((c) => c.attributes.name === `github expecting 202 & <escaped> "text"`);
    const failure = failed?.children[0];
    expect(failure?.name).toBe("failure");
    expect(failure?.attributes.type).toBe("ExpectationFailed");
    expect(failure?.attributes.message).toContain("status: expected 202, got 200");
    expect(failure?.text).toContain("status: expected 202, actual 200");
    expect(failure?.text).toContain(`body contains: expected "<b>&'quoted'</b>"`);
    expect(failure?.text).toContain('response (200): {"ok":true,"provider":"github","event":"ping"');
    const error = cases.find((c) => c.attributes.name === "stripe without its secret")?.children[0];
    expect(error?.name).toBe("error");
    expect(error?.attributes.message).toBe("secret-env STRIPE_SECRET_NOT_SET is not set or empty");
  });

  it("the job summary has a row per scenario; annotations point at the failing lines", () => {
    const markdown = summaryMarkdown(run);
    expect(markdown).toContain(`❌ ${scenarios.length - 2} passed, 2 failed`);
    const rows = markdown.split("\n").filter((l) => /^\| (✅|❌) \|/.test(l));
    expect(rows).toHaveLength(scenarios.length);
    expect(rows.find((r) => r.includes("github push, 12 at a time"))).toContain("| 24/24 ×12 |");
    expect(markdown).toContain('github expecting 202 & \\<escaped\\> "text"');
    const notes = annotations(run);
    const gateFile = "test/fixtures/scenarios/gate.yml";
    expect(notes).toEqual([
      {
        file: gateFile,
        line: result(`github expecting 202 & <escaped> "text"`).scenario.source.line,
        title: `Webhook scenario failed: github expecting 202 & <escaped> "text"`,
        message: expect.stringContaining("status: expected 202, got 200"),
      },
      {
        file: gateFile,
        line: 38,
        title: "Webhook scenario failed: stripe without its secret",
        message: "secret-env STRIPE_SECRET_NOT_SET is not set or empty",
      },
    ]);
  });
});
