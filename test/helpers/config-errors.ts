import { expect } from "vitest";
import { ConfigError } from "../../src/errors.js";

/** The messages of the ConfigError that `read` must throw (fails the test if it throws none). */
export function configProblems(read: () => unknown): string[] {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems.map((p) => p.message);
  }
  throw new Error("expected a ConfigError");
}
