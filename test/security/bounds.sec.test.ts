/**
 * Inputs that were accepted but wrong, or failed unclearly: durations past Node's timer
 * limit, a zero scenario timeout, malformed traffic policies, PORT given twice, YAML alias
 * bombs, too many scenarios, oversized files. Each gets a clear error naming the input (and
 * the file and line), exit code 2, before anything starts.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildConfig } from "../../src/config/config.js";
import { INPUTS, type InputName } from "../../src/config/names.js";
import { configProblems } from "../helpers/config-errors.js";

const cwd = mkdtempSync(path.join(tmpdir(), "pt-sec-bounds-"));

type Inputs = Partial<Record<InputName, string>>;

function config(inputs: Inputs, env: Record<string, string> = {}) {
  return buildConfig((name) => inputs[name], { cwd, env, runDir: path.join(cwd, "run") });
}

function problems(inputs: Inputs, env: Record<string, string> = {}): Promise<string[]> {
  return configProblems(() => config({ start: "npm start", ...inputs }, env));
}

function file(name: string, text: string): string {
  const p = path.join(cwd, name);
  writeFileSync(p, text);
  return p;
}

const DURATION_INPUTS = (Object.keys(INPUTS) as InputName[]).filter(
  (name) => INPUTS[name].placeholder === "<duration>",
);

describe("durations past Node's timer limit (2^31 - 1 ms, about 24.8 days)", () => {
  it("keep-alive 600h is refused, not a teardown at once", async () => {
    expect(await problems({ "keep-alive": "600h" })).toEqual([
      'Input "keep-alive" is too long: durations may be at most 596h (about 24.8 days, the longest Node.js timer) (got "600h").',
    ]);
  });

  it.each(DURATION_INPUTS)("%s refuses 600h and accepts 596h", async (name) => {
    expect(DURATION_INPUTS.length).toBeGreaterThanOrEqual(5);
    expect((await problems({ [name]: "600h" }))[0]).toContain(`Input "${name}" is too long`);
    await expect(config({ start: "npm start", [name]: "596h" })).resolves.toBeDefined();
  });

  it("a scenario file's timeout is bounded too, with its file and line", async () => {
    const scenarios = file(
      "long.yml",
      "scenarios:\n  - name: slow\n    provider: github\n    path: /hooks\n    event: push\n    secret-env: S\n    timeout: 700h\n",
    );
    const [message] = await problems({ scenarios }, { S: "a-secret-long-enough" });
    expect(message).toContain(`${path.basename(scenarios)}:7:14: scenario`);
    expect(message).toContain("is too long");
  });
});

describe("accepted but wrong", () => {
  it("scenario-timeout 0s is refused (every scenario would fail)", async () => {
    expect(await problems({ "scenario-timeout": "0s" })).toEqual([
      'Input "scenario-timeout" must be longer than 0, e.g. "60s" (got "0s").',
    ]);
  });

  it("a scenario's own timeout 0s is refused, with its file and line", async () => {
    const scenarios = file(
      "zero.yml",
      "scenarios:\n  - name: zero\n    provider: github\n    path: /hooks\n    event: push\n    secret-env: S\n    timeout: 0s\n",
    );
    const [message] = await problems({ scenarios }, { S: "a-secret-long-enough" });
    expect(message).toContain(`${path.basename(scenarios)}:7:14: scenario`);
    expect(message).toContain("must be longer than 0");
  });
});
