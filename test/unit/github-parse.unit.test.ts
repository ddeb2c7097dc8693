import { describe, expect, it } from "vitest";
import { PUBLISH_INPUTS, type PublishInputName } from "../../src/config/inputs/github.js";
import { parseEnvironment } from "../../src/config/parse/github.js";
import { parsePublishSettings } from "../../src/config/parts.js";
import { InputError } from "../../src/errors.js";
import { parseBoolean } from "../../src/util/parse.js";
import { configProblems } from "../helpers/config-errors.js";

const parse = (inputs: Partial<Record<PublishInputName, string>>) =>
  parsePublishSettings((name) => inputs[name]);

function problems(inputs: Partial<Record<PublishInputName, string>>): string[] {
  return configProblems(() => parse(inputs));
}

describe("publishing inputs", () => {
  it("applies the documented defaults (the token's default is the unresolved expression: no token)", () => {
    expect(parse({})).toEqual({
      token: undefined,
      comment: true,
      commentKey: "preview",
      commentMode: "update",
      deployment: true,
      environment: "pr-<number>",
    });
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression
    expect(PUBLISH_INPUTS["github-token"].default).toBe("${{ github.token }}");
  });

  it("reads every input", () => {
    expect(
      parse({
        "github-token": " ghs_abc123 ",
        comment: "No",
        "comment-key": "docs.site_2",
        "comment-mode": "Minimize-Old",
        deployment: "0",
        environment: "preview <ref> <number>",
      }),
    ).toEqual({
      token: "ghs_abc123",
      comment: false,
      commentKey: "docs.site_2",
      commentMode: "minimize-old",
      deployment: false,
      environment: "preview <ref> <number>",
    });
  });

  it.each([
    ["true", true],
    ["TRUE", true],
    ["yes", true],
    ["1", true],
    [" false ", false],
    ["No", false],
    ["0", false],
  ])("accepts %j as a boolean", (raw, value) => {
    expect(parseBoolean("comment", raw)).toBe(value);
  });

  it("says what booleans are accepted", () => {
    expect(() => parseBoolean("comment", "on")).toThrow(InputError);
    expect(problems({ comment: "sometimes" })).toEqual([
      'Input "comment" must be true or false (also accepted: yes/no, 1/0, in any case) (got "sometimes").',
    ]);
  });

  it.each(["has space", "a--b", "x>y", "<!--", "a".repeat(65), "ключ"])(
    "rejects the comment key %j",
    (key) => {
      expect(problems({ "comment-key": key })[0]).toMatch(/^Input "comment-key" must be 1 to 64 letters/);
    },
  );

  it("rejects an unknown comment mode, naming the accepted ones", () => {
    expect(problems({ "comment-mode": "append" })).toEqual([
      'Input "comment-mode" must be one of update, recreate, minimize-old (got "append").',
    ]);
  });

  it.each(["pr-<number>", "preview-<ref>", "staging", "Preview 42", "<ref>"])(
    "accepts the environment %j",
    (env) => {
      expect(parseEnvironment("environment", env)).toBe(env);
    },
  );

  it("rejects environments GitHub would not take or with unknown placeholders", () => {
    expect(problems({ environment: "pr/<number>" })[0]).toMatch(/only letters, digits, spaces/);
    expect(problems({ environment: "-pr" })[0]).toMatch(/must start with a letter or digit/);
    expect(problems({ environment: "pr-<pr>" })[0]).toMatch(/unknown placeholder: only <number> and <ref>/);
    expect(problems({ environment: "e".repeat(256) })[0]).toMatch(/at most 255 characters/);
    expect(parseEnvironment("environment", "e".repeat(255))).toHaveLength(255);
  });

  it("never shows the token in an error", () => {
    const [message] = problems({ "github-token": "ghp_secret value" });
    expect(message).toContain('"github-token"');
    expect(message).not.toContain("ghp_secret");
  });

  it("reports every invalid input at once", () => {
    expect(
      problems({ comment: "maybe", deployment: "perhaps", "comment-mode": "x", environment: "a/b" }),
    ).toHaveLength(4);
  });
});
