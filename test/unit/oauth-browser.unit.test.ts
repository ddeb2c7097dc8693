/**
 * OAuth scenarios in a browser, without a browser: `browser: true` in scenario files, the
 * browser-path input (a bad path named with what is wrong and what would be right, reported
 * with the other inputs), where screenshots go, how they show in the reports, and the gate's
 * basic credentials for the browser context.
 */

import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildConfig } from "../../src/config/config.js";
import type { InputName } from "../../src/config/names.js";
import { parseScenarioSettings } from "../../src/config/parts.js";
import { findBrowser } from "../../src/scenarios/browser/find.js";
import { screenshotPaths, slug } from "../../src/scenarios/browser/screenshot.js";
import { basicChallengeOptions } from "../../src/scenarios/browser/sign-in.js";
import { junitXml } from "../../src/scenarios/junit.js";
import { formatProblem, parseScenarioText } from "../../src/scenarios/load.js";
import { summaryMarkdown } from "../../src/scenarios/report.js";
import type { ScenarioResult, ScenarioRun } from "../../src/scenarios/runner.js";
import type { Scenario } from "../../src/scenarios/types.js";
import { configProblems } from "../helpers/config-errors.js";

const parse = (lines: string[], file = "s.yml") =>
  parseScenarioText(lines.join("\n"), { file, dir: process.cwd() });
const problems = (lines: string[]) => parse(lines).problems.map(formatProblem);

const BROWSER_FILE = [
  "scenarios:",
  "  - name: alice in a browser",
  "    oauth: { user: alice, browser: true }",
];

describe("browser: true in a scenario file", () => {
  it("loads for a login as a user and for deny; off by default", () => {
    const { scenarios, problems: found } = parse([
      "scenarios:",
      "  - name: alice",
      "    oauth: { user: alice, browser: true, check: /me }",
      "    expect: { json: { $.sub: alice } }",
      "  - name: deny",
      "    oauth: { deny: true, browser: true, callback-status: 403 }",
      "  - name: scripted",
      "    oauth: { user: alice }",
    ]);
    expect(found).toEqual([]);
    expect(scenarios.map((s) => [s.name, s.oauth?.browser, s.oauth?.negative])).toEqual([
      ["alice", true, undefined],
      ["deny", true, "deny"],
      ["scripted", false, undefined],
    ]);
  });

  it("refuses the checks only the scripted login makes, and values that are not true/false", () => {
    expect(
      problems([
        "scenarios:",
        "  - name: replay",
        "    oauth:",
        "      user: alice",
        "      browser: true",
        "      replay-callback: true",
        "  - name: tamper",
        "    oauth: { user: alice, browser: true, tamper-state: true }",
        "  - name: yes",
        "    oauth: { user: alice, browser: yes }",
      ]),
    ).toEqual([
      's.yml:6:7: scenario "replay" (scenarios[0]): field "oauth.replay-callback" is checked by the scripted login only: a browser scenario signs in as user or denies consent; remove browser: true, or write a separate scenario for this check',
      's.yml:8:42: scenario "tamper" (scenarios[1]): field "oauth.tamper-state" is checked by the scripted login only: a browser scenario signs in as user or denies consent; remove browser: true, or write a separate scenario for this check',
      's.yml:10:36: scenario "yes" (scenarios[2]): field "oauth.browser" must be true or false (got "yes")',
    ]);
  });
});

describe("finding the browser", () => {
  const executables = new Set(["/usr/bin/chromium", "/opt/google/chrome", "/usr/bin/google-chrome"]);
  const check = (file: string) => (executables.has(file) ? undefined : "does not exist");
  const env = { PATH: "/usr/local/bin:/usr/bin" };

  it("takes the path given, or a command on PATH", () => {
    expect(findBrowser("/opt/google/chrome", env, "/w", check)).toEqual({
      path: "/opt/google/chrome",
      from: "browser-path",
    });
    expect(findBrowser("chromium", env, "/w", check)).toEqual({
      path: "/usr/bin/chromium",
      from: "browser-path",
    });
  });

  it("detects CHROME_PATH, then chromium, chromium-browser, google-chrome, google-chrome-stable on PATH", () => {
    expect(findBrowser("", { ...env, CHROME_PATH: "/opt/google/chrome" }, "/w", check)).toEqual({
      path: "/opt/google/chrome",
      from: "CHROME_PATH",
    });
    expect(findBrowser("", env, "/w", check)).toEqual({ path: "/usr/bin/chromium", from: "PATH (chromium)" });
    // A GitHub-hosted Ubuntu runner: Google Chrome only.
    const chromeOnly = (file: string) => (file === "/usr/bin/google-chrome" ? undefined : "does not exist");
    expect(findBrowser("", env, "/w", chromeOnly)).toEqual({
      path: "/usr/bin/google-chrome",
      from: "PATH (google-chrome)",
    });
  });

  it("says what is wrong and what would be right", () => {
    expect(findBrowser("", {}, "/w", check)).toEqual({
      problem:
        "is empty and no browser was found (CHROME_PATH is not set, and none of chromium, chromium-browser, google-chrome, google-chrome-stable is on PATH), but a scenario has browser: true; install Chromium (Debian/Ubuntu: apt-get install chromium) or Google Chrome, or set browser-path to its executable",
    });
    expect(findBrowser("", { ...env, CHROME_PATH: "/nope/chrome" }, "/w", check)).toEqual({
      problem:
        "is empty, and CHROME_PATH (/nope/chrome) does not exist: set browser-path, or point CHROME_PATH at a Chromium or Chrome executable",
    });
    expect(findBrowser("chromium-beta", env, "/w", check).problem).toMatch(/^names no executable on PATH/);
  });
});

describe("the browser-path input", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "pt-browser-"));
  const file = path.join(dir, "browser.yml");
  writeFileSync(file, BROWSER_FILE.join("\n"));
  const scripted = path.join(dir, "scripted.yml");
  writeFileSync(scripted, ["scenarios:", "  - name: alice", "    oauth: { user: alice }"].join("\n"));
  const notExecutable = path.join(dir, "chrome.txt");
  writeFileSync(notExecutable, "");
  const fakeBrowser = path.join(dir, "bin", "chromium");
  mkdirSync(path.dirname(fakeBrowser));
  writeFileSync(fakeBrowser, "#!/bin/sh\n");
  chmodSync(fakeBrowser, 0o755);

  const settings = (browserPath: string, env: Record<string, string> = {}, scenarios = file) =>
    parseScenarioSettings(
      (name) => ({ scenarios, "browser-path": browserPath })[name as "scenarios" | "browser-path"],
      env,
      { cwd: dir },
    );

  it("is the executable given, or the one found on PATH, when a scenario has browser: true", async () => {
    expect((await settings(fakeBrowser)).browserPath).toBe(fakeBrowser);
    expect((await settings("bin/chromium")).browserPath).toBe(fakeBrowser);
    expect((await settings("", { PATH: path.dirname(fakeBrowser) })).browserPath).toBe(fakeBrowser);
  });

  it("is not looked at without a browser scenario", async () => {
    expect((await settings("/nope/chromium", {}, scripted)).browserPath).toBeUndefined();
  });

  it.each([
    ["a missing file", "/nope/chromium", "/nope/chromium does not exist"],
    ["a directory", dir, `${dir} is not a file`],
    ["a file that is not executable", notExecutable, `${notExecutable} is not executable`],
  ])("fails on %s, naming the input, what is wrong and what would be right", async (_label, value, why) => {
    const [message] = await configProblems(() => settings(value));
    expect(message).toBe(
      `Input "browser-path" must be a Chromium or Chrome executable, but ${why}: give the path of one (e.g. /usr/bin/chromium), or leave browser-path empty to find one on PATH (got ${JSON.stringify(value)}).`,
    );
  });

  it("fails, with the other bad inputs of the run, when no browser is found", async () => {
    const inputs: Partial<Record<InputName, string>> = {
      start: "npm start",
      port: "70000",
      scenarios: file,
    };
    const found = await configProblems(() =>
      buildConfig((name) => inputs[name], { cwd: dir, env: { PATH: "/nowhere" }, runDir: dir }),
    );
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/^Input "port" /);
    expect(found[1]).toMatch(
      /^Input "browser-path" is empty and no browser was found \(CHROME_PATH is not set, and none of chromium, .* is on PATH\), but a scenario has browser: true; install Chromium/,
    );
  });
});

describe("screenshots", () => {
  it("are named after the HAR and the scenario, unique within the run", () => {
    expect(slug("Alice signs in (Ünïcode) — twice!")).toBe("alice-signs-in-unicode-twice");
    expect(slug("***")).toBe("scenario");
    const one = parse(
      [...BROWSER_FILE, "  - name: scripted", "    oauth: { user: alice }"],
      "a.yml",
    ).scenarios;
    const two = parse(BROWSER_FILE, "b.yml").scenarios;
    const paths = screenshotPaths([...one, ...two], "/runs/7/requests.har");
    expect([...paths.entries()].map(([s, p]) => [s.source.file, s.name, p])).toEqual([
      ["a.yml", "alice in a browser", "/runs/7/requests.alice-in-a-browser.png"],
      ["b.yml", "alice in a browser", "/runs/7/requests.alice-in-a-browser-2.png"],
    ]);
  });

  it("show in JUnit as an attachment, in the summary and in the failure text", () => {
    const [scenario] = parse(BROWSER_FILE).scenarios as [Scenario];
    const result = (passed: boolean): ScenarioResult => ({
      scenario,
      passed,
      error: undefined,
      deliveries: [
        {
          index: 0,
          passed,
          status: 200,
          latencyMs: 9,
          mismatches: passed ? [] : [{ what: "GET /me: status", expected: "2xx", actual: "401" }],
          error: undefined,
          responseExcerpt: "",
        },
      ],
      durationMs: 10,
      latency: undefined,
      steps: [
        { step: "login", method: "POST", request: "/__preview/idp/login", status: 302, location: "/cb" },
      ],
      screenshot: "/runs/7/requests.alice-in-a-browser.png",
    });
    const run = (r: ScenarioResult): ScenarioRun => ({
      results: [r],
      passed: r.passed ? 1 : 0,
      failed: r.passed ? 0 : 1,
      durationMs: 10,
      cancelled: false,
    });
    expect(junitXml(run(result(true)))).toContain(
      '<testcase name="alice in a browser" classname="oauth.alice" file="s.yml" line="2" time="0.010">\n      <system-out>[[ATTACHMENT|/runs/7/requests.alice-in-a-browser.png]]</system-out>\n    </testcase>',
    );
    const failed = junitXml(run(result(false)));
    expect(failed).toContain("oauth login at /login as alice, in a browser (s.yml:2)");
    expect(failed).toContain("login: POST /__preview/idp/login -&gt; 302 /cb");
    expect(failed).toContain(
      "screenshot: /runs/7/requests.alice-in-a-browser.png</failure>\n      <system-out>[[ATTACHMENT|",
    );
    const md = summaryMarkdown(run(result(true)));
    expect(md).toContain("| oauth as alice (browser) |");
    expect(md).toContain("- alice in a browser: /runs/7/requests.alice-in-a-browser.png");
  });
});

describe("the gate's credentials in the browser", () => {
  it("basic answers the gate's challenge on the preview's origin only; bearer and none add nothing", () => {
    const header = `Basic ${Buffer.from("preview:pa:ss").toString("base64")}`;
    expect(basicChallengeOptions(header, "https://x.example")).toEqual({
      httpCredentials: { username: "preview", password: "pa:ss", origin: "https://x.example" },
    });
    expect(basicChallengeOptions("Bearer abc", "https://x.example")).toEqual({});
    expect(basicChallengeOptions(undefined, "https://x.example")).toEqual({});
  });
});
