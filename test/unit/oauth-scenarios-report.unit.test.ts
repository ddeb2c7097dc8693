/** OAuth scenario results in the reports: JUnit testcase with file/line, summary row, annotations. */
import { describe, expect, it } from "vitest";
import { junitXml } from "../../src/scenarios/junit.js";
import { parseScenarioText } from "../../src/scenarios/load.js";
import { annotations, summaryMarkdown } from "../../src/scenarios/report.js";
import type { ScenarioResult, ScenarioRun } from "../../src/scenarios/runner.js";

const { scenarios, problems } = parseScenarioText(
  [
    "scenarios:",
    "  - name: alice signs in",
    "    oauth: { user: alice, check: /me }",
    "    expect: { json: { $.sub: alice } }",
    "  - name: replay",
    "    oauth: { user: alice, replay-callback: true }",
  ].join("\n"),
  { file: "examples/s.yml", dir: process.cwd() },
);
const [login, replay] = scenarios;

function result(scenario: NonNullable<typeof login>, passed: boolean): ScenarioResult {
  const mismatches = passed
    ? []
    : [
        {
          what: "replayed callback: status",
          expected: "4xx",
          actual: "302 (the app accepted the same callback twice)",
        },
      ];
  return {
    scenario,
    passed,
    error: undefined,
    deliveries: [
      { index: 0, passed, status: 302, latencyMs: 12, mismatches, error: undefined, responseExcerpt: "" },
    ],
    durationMs: 20,
    latency: { p50: 12, p99: 12, max: 12 },
    steps: [
      { step: "start", request: "/login", status: 302, location: "/__preview/idp/authorize?state=abc" },
      {
        step: "authorize",
        request: "/__preview/idp/authorize?login_hint=alice",
        status: 302,
        location: "/auth/callback?code=x",
      },
      { step: "callback", request: "/auth/callback?code=x", status: 302, location: "/" },
      { step: "replay", request: "/auth/callback?code=x", status: 302, location: "/" },
    ],
  };
}

describe("OAuth scenario reports", () => {
  expect(problems).toEqual([]);
  if (!login || !replay) throw new Error("scenarios did not load");
  const run: ScenarioRun = {
    results: [result(login, true), result(replay, false)],
    passed: 1,
    failed: 1,
    durationMs: 40,
    cancelled: false,
  };

  it("JUnit: a testcase per scenario with file and line; the failure with expected vs actual and the requests", () => {
    const xml = junitXml(run, { timestamp: new Date("2026-01-01T00:00:00Z") });
    expect(xml).toContain(
      '<testcase name="alice signs in" classname="oauth.alice" file="examples/s.yml" line="2" time="0.020"/>',
    );
    expect(xml).toContain(
      '<testcase name="replay" classname="oauth.alice.replay-callback" file="examples/s.yml" line="5" time="0.020">',
    );
    expect(xml).toContain(
      '<failure message="replayed callback: status: expected 4xx, got 302 (the app accepted the same callback twice)" type="ExpectationFailed">oauth login at /login as alice, callback replayed (examples/s.yml:5)&#10;  replayed callback: status: expected 4xx, actual 302',
    );
    expect(xml).toContain("replay: GET /auth/callback?code=x -&gt; 302 /");
  });

  it("summary: a row per scenario with its requests' statuses; annotations at the failed line", () => {
    const md = summaryMarkdown(run);
    expect(md).toContain("### Webhook and OAuth scenarios");
    expect(md).toContain(
      "| ✅ | alice signs in | oauth as alice | 4 | callback 2xx, 3xx; /me 2xx | 302 → 302 → 302 → 302 | 12 ms | 12 ms | examples/s.yml:2 |  |",
    );
    expect(md).toMatch(
      /\| ❌ \| replay \(replay-callback\) \| oauth as alice \| 4 \| callback 2xx, 3xx; replay 4xx \|/,
    );
    expect(annotations(run)).toEqual([
      {
        file: "examples/s.yml",
        line: 5,
        title: "OAuth scenario failed: replay",
        message:
          "replayed callback: status: expected 4xx, got 302 (the app accepted the same callback twice)",
      },
    ]);
  });
});
