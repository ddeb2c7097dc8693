/** The scenario inputs: files and globs, the JUnit path, the timeout; file problems as input problems. */

import path from "node:path";
import { describe, expect, it } from "vitest";
import { InputReader } from "../../src/config/inputs/reader.js";
import { SCENARIO_INPUTS, type ScenarioInputName } from "../../src/config/inputs/scenarios.js";
import { collectScenarioSettings, parseScenarioSettings } from "../../src/config/parts.js";
import { parseScenarioFiles, ScenarioInputError } from "../../src/config/resolve/scenarios.js";
import { ConfigError } from "../../src/errors.js";

const cwd = path.resolve("test/fixtures/scenarios");
const env = { GITHUB_WEBHOOK_SECRET: "x", STRIPE_WEBHOOK_SECRET: "y" };
const settings = (inputs: Partial<Record<ScenarioInputName, string>>, e: Record<string, string> = env) =>
  parseScenarioSettings((name) => inputs[name], e, { cwd, runDir: "/tmp/run-1" });

describe("scenario inputs", () => {
  it("default to no scenarios, a report in the run folder and a 30 s timeout", async () => {
    expect(await settings({})).toEqual({
      files: [],
      scenarios: [],
      junitPath: "/tmp/run-1/scenarios-junit.xml",
      timeoutMs: 30_000,
    });
    expect(SCENARIO_INPUTS["scenario-timeout"].default).toBe("30s");
  });

  it("take paths and globs, one per line, in order and without duplicates", () => {
    const files = parseScenarioFiles(
      "scenarios",
      "gate.yml\n# a comment\n\nmalformed/bad-*.yml\ngate.yml",
      cwd,
    );
    expect(files.map((f) => path.relative(cwd, f))).toEqual([
      "gate.yml",
      "malformed/bad-json-path.yml",
      "malformed/bad-path.yml",
      "malformed/bad-placeholder.yml",
      "malformed/bad-status.yml",
    ]);
  });

  it("load the files, showing paths relative to the workspace (absolute outside it)", async () => {
    const root = process.cwd();
    const s = await parseScenarioSettings(
      (name) =>
        (
          ({
            scenarios: "examples/webhooks-app/scenarios.yml",
            "junit-path": "out/j.xml",
            "scenario-timeout": "5s",
          }) as Partial<Record<ScenarioInputName, string>>
        )[name],
      env,
      { cwd: root },
    );
    expect(s.scenarios).toHaveLength(7);
    expect(s.scenarios[0]?.source.file).toBe("examples/webhooks-app/scenarios.yml");
    expect(s.junitPath).toBe(path.join(root, "out/j.xml"));
    expect(s.timeoutMs).toBe(5000);
    const outside = await settings({ scenarios: "../../../examples/webhooks-app/scenarios.yml" });
    expect(outside.scenarios[0]?.source.file).toBe(path.resolve("examples/webhooks-app/scenarios.yml"));
  });

  it("report a missing file, an empty glob and a bad timeout together", async () => {
    await expect(settings({ scenarios: "nope.yml", "scenario-timeout": "5" })).rejects.toThrow(ConfigError);
    try {
      await settings({ scenarios: "nope.yml", "scenario-timeout": "5" });
    } catch (error) {
      expect((error as ConfigError).problems.map((p) => p.input)).toEqual(["scenarios", "scenario-timeout"]);
      expect((error as ConfigError).message).toContain(
        `names no file (resolved to ${path.join(cwd, "nope.yml")})`,
      );
    }
    expect(() => parseScenarioFiles("scenarios", "none/*.yml", cwd)).toThrow(/matches no file/);
  });

  it("turn each problem of a scenario file into an input problem that keeps its file and line", async () => {
    const inputs = new InputReader<ScenarioInputName>(
      (name) => (name === "scenarios" ? "malformed/repeat-zero.yml\nmalformed/bad-path.yml" : undefined),
      SCENARIO_INPUTS,
    );
    expect(await collectScenarioSettings(inputs, env, { cwd })).toBeUndefined();
    expect(inputs.problems).toHaveLength(3);
    const [first] = inputs.problems;
    expect(first).toBeInstanceOf(ScenarioInputError);
    expect((first as ScenarioInputError).location).toMatchObject({
      file: "malformed/repeat-zero.yml",
      line: 7,
      column: 13,
    });
    expect(first?.message).toBe(
      'Input "scenarios": malformed/repeat-zero.yml:7:13: scenario "burst" (scenarios[0]): field "repeat" must be a whole number from 1 to 10000 (got 0)',
    );
  });

  it("check that each secret-env is set", async () => {
    await expect(settings({ scenarios: "../../../examples/webhooks-app/scenarios.yml" }, {})).rejects.toThrow(
      /names GITHUB_WEBHOOK_SECRET, which is not set or empty/,
    );
  });
});
