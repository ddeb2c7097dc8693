/**
 * The event catalog end to end: every GitHub event/action of @octokit/webhooks-examples and
 * every built-in Stripe event loads as a scenario, is sent signed, and is accepted by the
 * provider's own verifier (@octokit/webhooks-methods, stripe) with the event it names. The
 * built bundle carries the GitHub bodies only as the compressed file beside it.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { brotliDecompressSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatProblem, parseScenarioText } from "../../src/scenarios/load.js";
import {
  CATALOG_FILE,
  CATALOG_PACKAGE,
  type ExamplesIndex,
  githubCatalogBody,
  githubEventOf,
  pickGithubExamples,
} from "../../src/scenarios/payloads/github-catalog.js";
import { GITHUB_CATALOG_NAMES } from "../../src/scenarios/payloads/github-catalog-names.js";
import { exampleNames } from "../../src/scenarios/payloads/index.js";
import { renderBody } from "../../src/scenarios/render.js";
import { runScenarios, type ScenarioRun } from "../../src/scenarios/runner.js";
import type { Scenario } from "../../src/scenarios/types.js";
import { type ChildApp, startChildApp } from "../fixtures/scenarios/apps.js";
import { SECRETS } from "../fixtures/scenarios/secrets.js";
import { expectNoProcessLeft } from "../helpers/processes.js";

const STRIPE = exampleNames("stripe");
let app: ChildApp;
let scenarios: Scenario[];
let run: ScenarioRun;

beforeAll(async () => {
  const items = [
    ...GITHUB_CATALOG_NAMES.map(
      (name) =>
        `  - { name: "github ${name}", provider: github, event: "${name}", path: /hooks/github, secret-env: GITHUB_WEBHOOK_SECRET, expect: { json: { "$.event": "${githubEventOf(name)}" } } }`,
    ),
    ...STRIPE.map(
      (name) =>
        `  - { name: "stripe ${name}", provider: stripe, event: "${name}", path: /hooks/stripe, secret-env: STRIPE_WEBHOOK_SECRET, expect: { json: { "$.event": "${name}" } } }`,
    ),
  ];
  const loaded = parseScenarioText(`scenarios:\n${items.join("\n")}\n`, { file: "catalog.yml", dir: "." });
  expect(loaded.problems.map(formatProblem)).toEqual([]);
  scenarios = loaded.scenarios;
  app = await startChildApp(path.resolve("test/fixtures/scenarios/verifier-app.mjs"), SECRETS);
  run = await runScenarios({ scenarios, baseUrl: app.url, env: SECRETS, parallel: 8 });
});

afterAll(async () => {
  await app?.close();
  if (app) await expectNoProcessLeft(app.mark);
});

describe("the event catalog", () => {
  it("has every event/action of @octokit/webhooks-examples and the Stripe events", () => {
    expect(GITHUB_CATALOG_NAMES.length).toBeGreaterThanOrEqual(150);
    expect(GITHUB_CATALOG_NAMES).toEqual(
      expect.arrayContaining(["pull_request.opened", "push", "issue_comment.created"]),
    );
    expect(STRIPE).toEqual(
      expect.arrayContaining(["customer.subscription.created", "invoice.payment_failed", "charge.refunded"]),
    );
    expect(scenarios).toHaveLength(GITHUB_CATALOG_NAMES.length + STRIPE.length);
  });

  it("sends each GitHub example as it is, under its event header, with its action in the body", () => {
    const vars = { env: {}, previewUrl: "http://127.0.0.1:1" };
    for (const s of scenarios.filter((x) => x.provider === "github")) {
      const name = s.name.replace(/^github /, "");
      expect(s.event, name).toBe(githubEventOf(name));
      const sent = renderBody(s.body, s.contentType, vars).toString("utf8");
      const action = name.includes(".") ? name.slice(name.indexOf(".") + 1) : undefined;
      expect((JSON.parse(sent) as { action?: string }).action, name).toBe(action);
      // The three trimmed built-ins (ping, push, pull_request) win over the catalog's.
      if (!exampleNames("github").includes(name)) expect(sent, name).toBe(githubCatalogBody(name));
    }
  });

  it("every delivery is accepted by the provider's own verifier, with the event it names", () => {
    const failed = run.results
      .filter((r) => !r.passed)
      .map(
        (r) => `${r.scenario.name}: ${r.error ?? r.deliveries[0]?.error ?? r.deliveries[0]?.responseExcerpt}`,
      );
    expect(failed).toEqual([]);
    expect(run.passed).toBe(scenarios.length);
  });

  it("the bundle carries the GitHub bodies compressed beside it, not inside it", () => {
    const bundled = JSON.parse(
      brotliDecompressSync(readFileSync(path.join("dist", CATALOG_FILE))).toString("utf8"),
    );
    const index = JSON.parse(
      readFileSync(createRequire(`${process.cwd()}/`).resolve(CATALOG_PACKAGE), "utf8"),
    ) as ExamplesIndex;
    expect(bundled).toEqual(pickGithubExamples(index));
    expect(readFileSync(path.join("dist", CATALOG_FILE)).length).toBeLessThan(64 * 1024);
    // A login that appears only in the catalog's bodies, never in the code.
    expect(JSON.stringify(bundled)).toContain("Codertocat");
    expect(readFileSync("dist/main.js", "utf8")).not.toContain("Codertocat");
  });
});
