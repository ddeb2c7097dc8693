/**
 * The suite's own machinery: the prerequisite check that runs before any test, the choice of
 * Chromium for the browser tests, the closing line naming skipped tests, and CI's reading of
 * the report (no skip unless test/platform-skips.json allows it on this platform).
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  PLATFORM_SKIPS,
  type PlatformSkip,
  readPlatformSkips,
  reviewReport,
  type VitestJsonReport,
} from "../../scripts/check-test-report.js";
import { CONDITIONS } from "../../scripts/machine-conditions.js";
import { skippedSummary } from "../reporters/skipped.js";
import { FORCE_NPM_ENV, resolveTestBrowser } from "../setup/chromium.js";
import { missingPrerequisite } from "../setup/prerequisites.js";

const dir = mkdtempSync(path.join(tmpdir(), "pt-suite-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the prerequisite check", () => {
  it("passes with ssh on PATH, and without it says in one line how to install it", () => {
    expect(missingPrerequisite(process.env)).toBeUndefined();
    const empty = path.join(dir, "empty-bin");
    mkdirSync(empty);
    const message = missingPrerequisite({ PATH: empty });
    expect(message).toMatch(/^The tests need "ssh" \(the OpenSSH client\) on PATH, and there is none: /);
    expect(message).toContain("apt-get install openssh-client");
    expect(message).toContain("brew install openssh");
    expect(message).not.toContain("\n");
  });
});

describe("the browser for the browser tests", () => {
  const chrome = path.join(dir, "bin", "chrome");
  mkdirSync(path.dirname(chrome));
  writeFileSync(chrome, "#!/bin/sh\n");
  chmodSync(chrome, 0o755);

  it("is CHROME_PATH or one on PATH, as the action finds it", async () => {
    expect(await resolveTestBrowser({ CHROME_PATH: chrome, PATH: "/nowhere" }, dir)).toEqual({
      path: chrome,
      from: "CHROME_PATH",
    });
    const chromium = path.join(dir, "bin", "chromium");
    writeFileSync(chromium, "#!/bin/sh\n");
    chmodSync(chromium, 0o755);
    expect(await resolveTestBrowser({ PATH: path.dirname(chromium) }, dir)).toEqual({
      path: chromium,
      from: "PATH (chromium)",
    });
  });

  it("refuses a CHROME_PATH that leads nowhere, and an unknown mode", async () => {
    await expect(resolveTestBrowser({ CHROME_PATH: "/nope/chrome", PATH: "/nowhere" }, dir)).rejects.toThrow(
      "CHROME_PATH (/nope/chrome) does not exist: point it at a Chromium or Chrome executable, or unset it to use the machine's or @sparticuz/chromium's",
    );
    await expect(resolveTestBrowser({ [FORCE_NPM_ENV]: "system" }, dir)).rejects.toThrow(
      `${FORCE_NPM_ENV} must be "npm" (use @sparticuz/chromium) or empty (got "system")`,
    );
  });
});

describe("the closing line about skipped tests", () => {
  it("names each test skipped for a missing dependency, with its reason", () => {
    expect(skippedSummary([])).toBeUndefined();
    expect(
      skippedSummary([
        { name: "test/a.int.test.ts > real sshd > forwards", note: "no OpenSSH sshd" },
        { name: "test/b.unit.test.ts > filtered", note: undefined },
      ]),
    ).toBe(
      "Skipped 1 test for what this machine lacks: test/a.int.test.ts > real sshd > forwards (no OpenSSH sshd). 1 more skipped without a reason (a filter, .only or .skip).",
    );
  });
});

describe("CI's reading of the report", () => {
  const root = "/repo";
  const report = (tests: [string, string, string][], failedFile = false): VitestJsonReport => ({
    numPassedTests: tests.filter(([, , status]) => status === "passed").length,
    numFailedTests: tests.filter(([, , status]) => status === "failed").length,
    testResults: [
      {
        name: "/repo/test/x.int.test.ts",
        status: tests.some(([, , s]) => s === "failed") ? "failed" : "passed",
        assertionResults: tests.map(([suite, title, status]) => ({ ancestorTitles: [suite], title, status })),
      },
      ...(failedFile
        ? [{ name: "/repo/test/broken.int.test.ts", status: "failed", assertionResults: [] }]
        : []),
    ],
  });
  const windowsOnly: PlatformSkip = {
    test: "test/x.int.test.ts > paths > NUL device",
    platforms: ["win32"],
    why: "Windows only",
  };

  it("counts passed, failed and skipped; a file that failed to load counts as failed", () => {
    const review = reviewReport(
      report([
        ["paths", "NUL device", "passed"],
        ["a", "b", "failed"],
      ]),
      [windowsOnly],
      "linux",
      root,
    );
    expect(review).toEqual({ passed: 1, failed: 1, skipped: 0, problems: [] });
    expect(
      reviewReport(report([["paths", "NUL device", "passed"]], true), [windowsOnly], "linux", root).failed,
    ).toBe(1);
  });

  it("fails on a skip not listed, or listed for another platform; allows a listed one", () => {
    const skippedRun = report([
      ["paths", "NUL device", "skipped"],
      ["ssh", "real sshd", "skipped"],
    ]);
    expect(reviewReport(skippedRun, [windowsOnly], "linux", root)).toEqual({
      passed: 0,
      failed: 0,
      skipped: 2,
      problems: [
        `skipped on linux, which ${PLATFORM_SKIPS} does not allow for it: test/x.int.test.ts > paths > NUL device`,
        "skipped, and CI runs every test: test/x.int.test.ts > ssh > real sshd",
      ],
    });
    expect(reviewReport(skippedRun, [windowsOnly], "win32", root).problems).toEqual([
      "skipped, and CI runs every test: test/x.int.test.ts > ssh > real sshd",
    ]);
  });

  it("fails on a list entry that names no test of the suite", () => {
    expect(reviewReport(report([["a", "b", "passed"]]), [windowsOnly], "linux", root).problems).toEqual([
      `${PLATFORM_SKIPS} names no test of the suite: test/x.int.test.ts > paths > NUL device`,
    ]);
  });

  it("allows a skip listed `when` a condition of the machine holds only where it does (no Docker engine)", () => {
    const dockerTest: PlatformSkip = {
      test: "test/x.int.test.ts > compose > runs the example",
      platforms: ["linux"],
      why: "needs a Docker engine",
      when: "no-docker-engine",
    };
    const skippedRun = report([["compose", "runs the example", "skipped"]]);
    expect(reviewReport(skippedRun, [dockerTest], "linux", root, () => true).problems).toEqual([]);
    expect(reviewReport(skippedRun, [dockerTest], "linux", root, () => false).problems).toEqual([
      `skipped, but ${PLATFORM_SKIPS} allows it only when this machine has no working \`docker compose\` with a Docker engine, and this machine has one: test/x.int.test.ts > compose > runs the example`,
    ]);
    // Not skipped: nothing to check.
    const asked: string[] = [];
    reviewReport(report([["compose", "runs the example", "passed"]]), [dockerTest], "linux", root, (c) => {
      asked.push(c);
      return false;
    });
    expect(asked).toEqual([]);
    // On this machine, as CI checks it: the condition is what the Docker test itself skips on.
    const why = CONDITIONS["no-docker-engine"].check();
    expect(reviewReport(skippedRun, [dockerTest], "linux", root).problems).toHaveLength(
      why === undefined ? 1 : 0,
    );
  });

  it("reads the project's list, and refuses an entry without platforms or reason", () => {
    expect(readPlatformSkips(PLATFORM_SKIPS).length).toBeGreaterThan(0);
    const bad = path.join(dir, "skips.json");
    writeFileSync(bad, JSON.stringify({ tests: [{ test: "t", platforms: [], why: "w" }] }));
    expect(() => readPlatformSkips(bad)).toThrow(
      `${bad}: tests[0] must have "test", "platforms" (a non-empty list) and "why"`,
    );
    writeFileSync(
      bad,
      JSON.stringify({ tests: [{ test: "t", platforms: ["linux"], why: "w", when: "no-gpu" }] }),
    );
    expect(() => readPlatformSkips(bad)).toThrow(
      `${bad}: tests[0].when must be one of no-docker-engine (got "no-gpu")`,
    );
  });
});
