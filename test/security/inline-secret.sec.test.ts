/**
 * A secret pasted into verify-webhooks' third column (where the NAME of an environment
 * variable belongs) is refused with an error naming the input and the line, and saying what
 * belongs there, without ever printing the value: in the parser's message, and in the step
 * log of a real run (which has started nothing).
 */

import { afterEach, describe, expect, it } from "vitest";
import { parseGateSettings } from "../../src/config/parts.js";
import { ConfigError } from "../../src/errors.js";
import { expectNoProcessLeft, newMark } from "../helpers/processes.js";
import { FakeRunner } from "../helpers/runner.js";
import { leakedSecrets, shownLog } from "./leaks.js";

const SECRET = "whsec_3kTqL9vXy2Rz8WmN4pB7cD1f";

function errorFor(lines: string, env: Record<string, string> = {}): string {
  try {
    parseGateSettings((name) => (name === "verify-webhooks" ? lines : undefined), env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error("no error");
}

const NAME_IT = "must be the NAME of an environment variable holding the secret";

describe("an inline secret in verify-webhooks", () => {
  const cases: [string, string, string][] = [
    [
      "a token-like secret (it could be a variable name, but none is set)",
      `github /hooks/github ${SECRET}`,
      "line 1",
    ],
    [
      "a secret with characters no variable name has",
      "stripe /hooks/stripe sk_live/Ab+Cd==xyzXYZ12",
      "line 1",
    ],
    [
      "a secret with spaces (more than three columns)",
      "github /hooks/github correct horse battery staple",
      "line 1",
    ],
    ["on the third line, after valid ones", `github /a GH\nstripe /b ST\nslack /c ${SECRET}`, "line 3"],
  ];
  for (const [what, lines, line] of cases) {
    it(`${what}: names the input and the line, never the value`, () => {
      const message = errorFor(lines, { GH: "gh-secret-value", ST: "st-secret-value" });
      expect(message).toContain('Input "verify-webhooks"');
      expect(message).toContain(`${line}`);
      expect(message).toContain("the third column");
      expect(message).toContain(NAME_IT);
      const value = lines.split("\n").at(-1)?.split(/\s+/).slice(2).join(" ") ?? "";
      expect(leakedSecrets(message, { value })).toEqual([]);
      for (const word of value.split(" ")) expect(message).not.toContain(word);
    });
  }

  it("stays hidden when another column is what is wrong; a conventional variable's name is shown", () => {
    for (const lines of [
      `bitbucket /hooks ${SECRET}`,
      `github hooks ${SECRET}`,
      `github /__preview/x ${SECRET}`,
    ]) {
      const message = errorFor(lines);
      expect(message).toContain('Input "verify-webhooks"');
      expect(message).not.toContain(SECRET);
      expect(message).toContain("characters, hidden");
    }
    expect(errorFor("stripe /hooks STRIPE_WEBHOOK_SECRET")).toContain(
      "reads the secret from STRIPE_WEBHOOK_SECRET, which is not set or empty",
    );
  });
});

describe("an inline secret in verify-webhooks, in a real run", () => {
  const mark = newMark();
  afterEach(async () => {
    await expectNoProcessLeft(mark.value);
  });

  it("fails the step before anything starts, without the value in the step log", async () => {
    const runner = new FakeRunner(mark.env);
    const main = runner.main({
      start: "node examples/hello/server.js",
      test: "true",
      "verify-webhooks": `stripe /hooks/stripe ${SECRET}`,
    });
    expect((await main.exited).code).toBe(1);
    const log = shownLog(main.output());
    expect(log).toContain('::error::Input "verify-webhooks" line 1: the third column');
    expect(log).toContain(NAME_IT);
    expect(leakedSecrets(log, { SECRET })).toEqual([]);
    expect(runner.state()["run-id"]).toBeUndefined();
  });
});
