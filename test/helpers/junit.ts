import { expect } from "vitest";

/** The <testcase> element of a scenario in a JUnit report (up to the next one), failure and all. */
export function junitTestcase(junit: string, name: string): string {
  const at = junit.indexOf(`<testcase name="${name}"`);
  expect(at, `${name} in\n${junit}`).toBeGreaterThanOrEqual(0);
  const next = junit.indexOf("<testcase", at + 1);
  return junit.slice(at, next < 0 ? undefined : next);
}
