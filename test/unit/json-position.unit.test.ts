import { describe, expect, it } from "vitest";
import { jsonErrorOffset, lineAndColumn } from "../../src/util/json-position.js";

describe("jsonErrorOffset", () => {
  it.each([
    '{"a": [1, 2.5e3, -0, "x\\"y\\u00e9", true, false, null, {}, []], "b": {"c": {}}}',
    "  [ ]  ",
    '"just a string"',
    "0",
    `${"[".repeat(100_000)}${"]".repeat(100_000)}`,
  ])("accepts what JSON.parse accepts: %#", (text) => {
    expect(() => JSON.parse(text)).not.toThrow();
    expect(jsonErrorOffset(text)).toBeUndefined();
  });

  it.each([
    ['{\n  "log": {\n    "entries": [,]\n  }\n}\n', 3, 17],
    ['{"a": 1,}', 1, 9],
    ['{"a" 1}', 1, 6],
    ["[1 2]", 1, 4],
    ['{"a": tru}', 1, 7],
    ["[01]", 1, 3],
    ['["tab\there"]', 1, 2],
    ['{"a": [1, 2}', 1, 12],
    ["[1]\n]", 2, 1],
    ['{"a": ', 1, 7],
    ["", 1, 1],
  ])("finds where %j goes wrong: line %i column %i", (text, line, column) => {
    expect(() => JSON.parse(text)).toThrow();
    const offset = jsonErrorOffset(text);
    expect(offset).toBeDefined();
    expect(lineAndColumn(text, offset as number)).toEqual({ line, column });
  });
});
