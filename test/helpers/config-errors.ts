import { expect } from "vitest";
import { ConfigError } from "../../src/errors.js";

function problemsOf(error: unknown): string[] {
  expect(error).toBeInstanceOf(ConfigError);
  return (error as ConfigError).problems.map((p) => p.message);
}

/**
 * The messages of the ConfigError that `read` must throw, or reject with when it returns a
 * promise (fails the test if there is none).
 */
export function configProblems(read: () => Promise<unknown>): Promise<string[]>;
export function configProblems(read: () => unknown): string[];
export function configProblems(read: () => unknown): string[] | Promise<string[]> {
  let result: unknown;
  try {
    result = read();
  } catch (error) {
    return problemsOf(error);
  }
  if (result instanceof Promise) {
    return result.then(
      () => {
        throw new Error("expected a ConfigError");
      },
      (error: unknown) => problemsOf(error),
    );
  }
  throw new Error("expected a ConfigError");
}
