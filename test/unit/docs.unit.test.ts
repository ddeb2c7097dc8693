import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { renderActionYml, renderReadme } from "../../scripts/docs.js";
import { INPUTS, OUTPUTS } from "../../src/config/names.js";

describe("action.yml and README", () => {
  const actionYml = readFileSync("action.yml", "utf8");
  const action = parse(actionYml);

  it("action.yml is what `npm run docs` writes from src/config/names.ts", () => {
    expect(actionYml).toBe(renderActionYml());
  });

  it("declares every input and output with a description, and the node24 runtime with a post step", () => {
    expect(Object.keys(action.inputs)).toEqual(Object.keys(INPUTS));
    expect(Object.keys(action.outputs)).toEqual(Object.keys(OUTPUTS));
    for (const [name, spec] of Object.entries(INPUTS)) {
      expect(action.inputs[name].description, name).toBe(spec.description);
      expect(action.inputs[name].default ?? "", name).toBe(spec.default);
    }
    expect(action.runs).toEqual({ using: "node24", main: "dist/main.js", post: "dist/post.js" });
    expect(action.runs["post-if"]).toBeUndefined();
    expect(action.branding).toBeDefined();
  });

  it("the README's tables are up to date", () => {
    const readme = readFileSync("README.md", "utf8");
    expect(readme).toBe(renderReadme(readme));
    for (const name of Object.keys(INPUTS)) expect(readme).toContain(`| \`${name}\` |`);
  });

  it("the README starts with the two set-up commands: the demo and the tests", () => {
    const readme = readFileSync("README.md", "utf8");
    const firstBlock = /```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? "";
    const commands = firstBlock.split("\n").filter((l) => l.trim() !== "");
    expect(commands).toHaveLength(2);
    expect(commands[0]).toMatch(/^npm ci && npm run demo\b/);
    expect(commands[1]).toMatch(/^npm ci && npm test\b/);
  });
});
