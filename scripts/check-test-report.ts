/**
 * CI's reading of the test run (`node scripts/run-ts.mjs scripts/check-test-report.ts
 * .tmp/vitest.json`): the closing line "tests: N passed, N failed, N skipped" from vitest's
 * JSON report, and a failure for any skipped test that test/platform-skips.json does not
 * allow on this platform (or allows only `when` a condition of the machine holds, and it does
 * not: scripts/machine-conditions.ts), or for an entry there that names no test of the suite
 * (a renamed test would otherwise keep its licence to skip).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { CONDITIONS, type ConditionName, isCondition } from "./machine-conditions.js";

export const PLATFORM_SKIPS = "test/platform-skips.json";

/** The parts of vitest's JSON report read here. */
export interface VitestJsonReport {
  readonly numPassedTests: number;
  readonly numFailedTests: number;
  readonly testResults: readonly {
    readonly name: string;
    readonly status: string;
    readonly assertionResults: readonly {
      readonly ancestorTitles: readonly string[];
      readonly title: string;
      readonly status: string;
    }[];
  }[];
}

export interface PlatformSkip {
  readonly test: string;
  readonly platforms: readonly string[];
  readonly why: string;
  /** Allowed only on a machine where this condition holds (e.g. no Docker engine). */
  readonly when?: ConditionName;
}

export interface Review {
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  /** What makes the run fail beyond failed tests. */
  readonly problems: readonly string[];
}

const SKIPPED = new Set(["skipped", "pending", "todo"]);

/** "file > describe > test", the file relative to the project, as test/reporters/skipped.ts names it. */
function testName(root: string, file: string, ancestors: readonly string[], title: string): string {
  return [path.relative(root, file).split(path.sep).join("/"), ...ancestors, title].join(" > ");
}

export function reviewReport(
  report: VitestJsonReport,
  allowed: readonly PlatformSkip[],
  platform: string,
  root: string,
  /** Whether a condition holds on this machine (checked only for skips that name one). */
  holds: (condition: ConditionName) => boolean = (condition) => CONDITIONS[condition].check() !== undefined,
): Review {
  const problems: string[] = [];
  const names = new Set<string>();
  let skipped = 0;
  // A file that failed to load has no tests to count: it counts as one failure.
  let unloaded = 0;
  for (const file of report.testResults) {
    if (file.status === "failed" && !file.assertionResults.some((t) => t.status === "failed")) unloaded++;
    for (const test of file.assertionResults) {
      const name = testName(root, file.name, test.ancestorTitles, test.title);
      names.add(name);
      if (!SKIPPED.has(test.status)) continue;
      skipped++;
      const entry = allowed.find((a) => a.test === name);
      if (entry === undefined) {
        problems.push(`skipped, and CI runs every test: ${name}`);
      } else if (!entry.platforms.includes(platform)) {
        problems.push(`skipped on ${platform}, which ${PLATFORM_SKIPS} does not allow for it: ${name}`);
      } else if (entry.when !== undefined && !holds(entry.when)) {
        problems.push(
          `skipped, but ${PLATFORM_SKIPS} allows it only when ${CONDITIONS[entry.when].description}, and this machine has one: ${name}`,
        );
      }
    }
  }
  for (const entry of allowed) {
    if (!names.has(entry.test)) problems.push(`${PLATFORM_SKIPS} names no test of the suite: ${entry.test}`);
  }
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + unloaded,
    skipped,
    problems,
  };
}

export function readPlatformSkips(file: string): PlatformSkip[] {
  const { tests } = JSON.parse(readFileSync(file, "utf8")) as { tests?: unknown };
  if (!Array.isArray(tests)) throw new Error(`${file}: "tests" must be a list`);
  return tests.map((entry, i) => {
    const { test, platforms, why, when } = (entry ?? {}) as Record<string, unknown>;
    const fine =
      typeof test === "string" &&
      Array.isArray(platforms) &&
      platforms.length > 0 &&
      platforms.every((p) => typeof p === "string") &&
      typeof why === "string" &&
      why.trim() !== "";
    if (!fine)
      throw new Error(`${file}: tests[${i}] must have "test", "platforms" (a non-empty list) and "why"`);
    if (when !== undefined && (typeof when !== "string" || !isCondition(when)))
      throw new Error(
        `${file}: tests[${i}].when must be one of ${Object.keys(CONDITIONS).join(", ")} (got ${JSON.stringify(when)})`,
      );
    return { test, platforms, why, ...(when === undefined ? {} : { when }) } as PlatformSkip;
  });
}

function main(reportFile: string): number {
  let report: VitestJsonReport;
  try {
    report = JSON.parse(readFileSync(reportFile, "utf8")) as VitestJsonReport;
  } catch (error) {
    console.log(`no test report (${(error as Error).message})`);
    console.log("tests: 0 passed, 1 failed, 0 skipped");
    return 1;
  }
  const review = reviewReport(report, readPlatformSkips(PLATFORM_SKIPS), process.platform, process.cwd());
  for (const problem of review.problems) console.log(problem);
  console.log(`tests: ${review.passed} passed, ${review.failed} failed, ${review.skipped} skipped`);
  return review.problems.length > 0 || review.failed > 0 ? 1 : 0;
}

const [reportFile] = process.argv.slice(2);
if (reportFile !== undefined && /check-test-report\.m?[jt]s$/.test(process.argv[1] ?? "")) {
  process.exitCode = main(reportFile);
}
