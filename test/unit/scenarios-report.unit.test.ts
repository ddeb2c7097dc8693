/** JUnit XML, the job summary and the annotations, from hand-made results (escaping, limits). */
import { describe, expect, it } from "vitest";
import { junitXml, xmlEscape } from "../../src/scenarios/junit.js";
import { parseScenarioText } from "../../src/scenarios/load.js";
import { annotations, MAX_ANNOTATIONS, summaryMarkdown } from "../../src/scenarios/report.js";
import {
  latencySummary,
  percentile,
  type ScenarioResult,
  type ScenarioRun,
} from "../../src/scenarios/runner.js";
import type { Scenario } from "../../src/scenarios/types.js";
import { findAll, parseXml } from "../fixtures/scenarios/xml.js";

const NASTY = "a <b> & \"c\" 'd' \u0000\u0007 \uD800 ]]> |pipe| `code`\nnext line";

function scenarios(count: number, name = (i: number) => `scenario ${i}`): Scenario[] {
  const text = `scenarios:\n${Array.from(
    { length: count },
    (_, i) =>
      `  - { name: ${JSON.stringify(name(i))}, provider: github, event: push, path: /h, secret-env: S }\n`,
  ).join("")}`;
  const { scenarios, problems } = parseScenarioText(text, { file: "hooks/a & b.yml", dir: "." });
  expect(problems).toEqual([]);
  return scenarios;
}

const passed = (scenario: Scenario, latencyMs = 12): ScenarioResult => ({
  scenario,
  passed: true,
  error: undefined,
  deliveries: [
    {
      index: 0,
      passed: true,
      status: 200,
      latencyMs,
      mismatches: [],
      error: undefined,
      responseExcerpt: "ok",
    },
  ],
  durationMs: latencyMs + 1,
  latency: latencySummary([latencyMs]),
});

const failed = (scenario: Scenario): ScenarioResult => ({
  scenario,
  passed: false,
  error: undefined,
  deliveries: [
    {
      index: 0,
      passed: false,
      status: 500,
      latencyMs: 30,
      mismatches: [{ what: "status", expected: "2xx", actual: "500" }],
      error: undefined,
      responseExcerpt: NASTY,
    },
  ],
  durationMs: 31,
  latency: latencySummary([30]),
});

const unreachable = (scenario: Scenario): ScenarioResult => ({
  scenario,
  passed: false,
  error: undefined,
  deliveries: [
    {
      index: 0,
      passed: false,
      status: undefined,
      latencyMs: 0,
      mismatches: [],
      error: "connect ECONNREFUSED",
      responseExcerpt: "",
    },
  ],
  durationMs: 2,
  latency: undefined,
});

const runOf = (results: ScenarioResult[]): ScenarioRun => ({
  results,
  passed: results.filter((r) => r.passed).length,
  failed: results.filter((r) => !r.passed).length,
  durationMs: 1234,
  cancelled: false,
});

describe("JUnit XML", () => {
  it("escapes every special and forbidden character, in attributes and text", () => {
    expect(xmlEscape(`<&>"'\n`)).toBe("&lt;&amp;&gt;&quot;&apos;&#10;");
    expect(xmlEscape("a\u0000b\uD800c\uD83D\uDE00")).toBe("a\uFFFDb\uFFFDc\uD83D\uDE00");
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them for a name YAML can hold
    const [s] = scenarios(1, () => NASTY.replace(/[\u0000\u0007\uD800\n]/g, ""));
    const xml = junitXml(runOf([failed(s as Scenario)]));
    const root = parseXml(xml);
    const testcase = findAll(root, "testcase")[0];
    expect(testcase?.attributes.name).toBe(s?.name);
    expect(testcase?.attributes.file).toBe("hooks/a & b.yml");
    const failure = testcase?.children[0];
    expect(failure?.text).toContain(
      "response (500): a <b> & \"c\" 'd' \uFFFD\uFFFD \uFFFD ]]> |pipe| `code`\nnext line",
    );
    expect(failure?.text).toContain("status: expected 2xx, actual 500");
  });

  it("counts tests, failures (wrong response) and errors (no response) per suite and overall", () => {
    const list = scenarios(3);
    const run = runOf([
      passed(list[0] as Scenario),
      failed(list[1] as Scenario),
      unreachable(list[2] as Scenario),
    ]);
    const root = parseXml(junitXml(run, { timestamp: new Date("2025-03-04T05:06:07.890Z") }));
    expect(root.attributes).toEqual({
      name: "preview-tunnel webhook scenarios",
      tests: "3",
      failures: "1",
      errors: "1",
      time: "1.234",
    });
    const [suite] = findAll(root, "testsuite");
    expect(suite?.attributes).toMatchObject({
      name: "hooks/a & b.yml",
      file: "hooks/a & b.yml",
      tests: "3",
      failures: "1",
      errors: "1",
      skipped: "0",
      timestamp: "2025-03-04T05:06:07",
    });
    const cases = findAll(root, "testcase");
    expect(cases.map((c) => [c.attributes.line, c.children.map((x) => x.name)])).toEqual([
      ["2", []],
      ["3", ["failure"]],
      ["4", ["error"]],
    ]);
    expect(cases[2]?.children[0]?.attributes).toEqual({
      message: "connect ECONNREFUSED",
      type: "DeliveryError",
    });
  });

  it("is valid with no scenarios", () => {
    const root = parseXml(junitXml(runOf([])));
    expect(root.attributes.tests).toBe("0");
    expect(root.children).toEqual([]);
  });
});

describe("job summary and annotations", () => {
  it("renders a row per scenario, with table-breaking characters escaped", () => {
    const [a, b] = scenarios(2, (i) => (i === 0 ? "ok one" : "bad | <one>"));
    const markdown = summaryMarkdown(runOf([passed(a as Scenario), failed(b as Scenario)]));
    expect(markdown).toContain("❌ 1 passed, 1 failed in 1.2 s");
    expect(markdown).toContain(
      "| ✅ | ok one | github push | 1 | 2xx | 200 | 12 ms | 12 ms | hooks/a & b.yml:2 |  |",
    );
    expect(markdown).toContain(
      "| ❌ | bad \\| \\<one\\> | github push | 1 | 2xx | 500 | 30 ms | 30 ms | hooks/a & b.yml:3 | status: expected 2xx, got 500 |",
    );
  });

  it(`gives at most ${MAX_ANNOTATIONS} annotations, the last one counting the rest`, () => {
    const list = scenarios(13);
    const notes = annotations(runOf([passed(list[0] as Scenario), ...list.slice(1).map((s) => failed(s))]));
    expect(notes).toHaveLength(MAX_ANNOTATIONS);
    expect(notes[0]).toEqual({
      file: "hooks/a & b.yml",
      line: 3,
      title: "Webhook scenario failed: scenario 1",
      message: "status: expected 2xx, got 500",
    });
    expect(notes[9]?.message).toBe(
      "status: expected 2xx, got 500\n(2 more failed scenarios: see the job summary)",
    );
    expect(annotations(runOf([passed(list[0] as Scenario)]))).toEqual([]);
  });
});

describe("latency", () => {
  it("uses nearest-rank percentiles", () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
    expect(latencySummary([3, 1, 2])).toEqual({ p50: 2, p99: 3, max: 3 });
    expect(latencySummary([])).toBeUndefined();
  });
});
