/**
 * Inputs of the webhook and OAuth scenarios: which files (paths or globs), where the JUnit
 * report goes, how long a delivery may take, which browser drives `browser: true` logins.
 * The files are loaded and validated here, with the other inputs, so a typo in a scenario
 * fails the run before anything starts; each problem keeps its file and line
 * (ScenarioInputError.location) for an annotation.
 */

import * as fs from "node:fs";
import path from "node:path";
import { InputError } from "../errors.js";
import { findBrowser } from "../scenarios/browser/find.js";
import { formatProblem, loadScenarioFiles } from "../scenarios/load.js";
import { DEFAULT_SCENARIO_TIMEOUT_MS } from "../scenarios/runner.js";
import type { Scenario, ScenarioProblem } from "../scenarios/types.js";
import { parseDuration } from "../util/parse.js";
import type { InputSpec } from "./names.js";
import { InputReader } from "./reader.js";

export const SCENARIO_INPUTS = {
  scenarios: {
    description:
      "Webhook scenario files (YAML) to run against the preview's public URL once it is up: paths or globs (e.g. `webhooks/*.yml`), one per line, relative to the workspace. Each delivery is signed as its provider signs it. Empty: none.",
    default: "",
    placeholder: "<files|globs>",
  },
  "junit-path": {
    description:
      "Where the webhook scenarios' JUnit XML report is written. Empty: `scenarios-junit.xml` in the run's folder under `RUNNER_TEMP`.",
    default: "",
    placeholder: "<path>",
  },
  "scenario-timeout": {
    description:
      "Longest wait for the response to one webhook delivery (or for one step of an OAuth login), e.g. `10s`; a scenario's own `timeout` wins.",
    default: `${DEFAULT_SCENARIO_TIMEOUT_MS / 1000}s`,
    placeholder: "<duration>",
  },
  "browser-path": {
    description:
      "Chromium or Chrome executable for OAuth scenarios with `browser: true` (driven headless with playwright-core, which the action ships): a path, or a command on `PATH`. Empty: `CHROME_PATH`, else the first of `chromium`, `chromium-browser`, `google-chrome`, `google-chrome-stable` on `PATH` (GitHub-hosted Ubuntu runners have Google Chrome). Only checked when such a scenario exists.",
    default: "",
    placeholder: "<path>",
  },
} as const satisfies Record<string, InputSpec>;

export type ScenarioInputName = keyof typeof SCENARIO_INPUTS;

export const SCENARIO_OUTPUTS = {
  passed: "Number of webhook scenarios that passed (0 when none ran).",
  failed: "Number of webhook scenarios that failed (0 when none ran).",
  "junit-path": "Path of the webhook scenarios' JUnit XML report (empty when no scenarios ran).",
} as const satisfies Record<string, string>;

export const JUNIT_FILE = "scenarios-junit.xml";

export interface ScenarioSettings {
  /** Absolute paths, in input order, without duplicates; empty: no scenarios. */
  readonly files: readonly string[];
  readonly scenarios: readonly Scenario[];
  /** Absolute path of the JUnit XML report. */
  readonly junitPath: string;
  readonly timeoutMs: number;
  /** The browser for OAuth scenarios with `browser: true`; undefined when there are none. */
  readonly browserPath?: string;
}

export interface ScenarioDefaults {
  /** Directory paths and globs resolve against (the workspace); default process.cwd(). */
  readonly cwd?: string;
  /** This run's folder: where the JUnit report goes by default. */
  readonly runDir?: string;
}

/** One problem in a scenario file, as an input problem that still knows its file and line. */
export class ScenarioInputError extends InputError {
  constructor(readonly location: ScenarioProblem) {
    super("scenarios", location.file, "has an invalid scenario file");
    this.message = `Input "scenarios": ${formatProblem(location)}`;
    this.name = "ScenarioInputError";
  }
}

const GLOB_CHARS = /[*?[\]{}]/;

/** Lines of paths or globs -> absolute file paths (sorted within a glob, duplicates dropped). */
export function parseScenarioFiles(input: string, raw: string, cwd: string): string[] {
  const files: string[] = [];
  for (const line of raw.split(/\r?\n/)) {
    const entry = line.trim();
    if (entry === "" || entry.startsWith("#")) continue;
    if (GLOB_CHARS.test(entry)) {
      // fs.globSync: Node 22+ (the action runs on node24).
      const glob = (fs as { globSync?: (pattern: string, options: { cwd: string }) => string[] }).globSync;
      if (glob === undefined) {
        throw new InputError(
          input,
          entry,
          "uses a glob, which needs Node.js 22 or later; list the files instead",
        );
      }
      const matches = glob(entry, { cwd })
        .map((f) => path.resolve(cwd, f))
        .filter((f) => fs.statSync(f, { throwIfNoEntry: false })?.isFile())
        .sort();
      if (matches.length === 0) {
        throw new InputError(
          input,
          entry,
          `matches no file (relative to ${cwd}); give paths or globs of YAML files`,
        );
      }
      files.push(...matches);
    } else {
      const file = path.resolve(cwd, entry);
      if (!fs.statSync(file, { throwIfNoEntry: false })?.isFile()) {
        throw new InputError(
          input,
          entry,
          `names no file (resolved to ${file}); give paths or globs of YAML files`,
        );
      }
      files.push(file);
    }
  }
  return [...new Set(files)];
}

/** The browser-path input -> the executable to launch (found on PATH when empty). */
export function parseBrowserPath(
  input: string,
  raw: string,
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): string {
  const found = findBrowser(raw, env, cwd);
  if (found.path === undefined) throw new InputError(input, raw, found.problem);
  return found.path;
}

export function parseJunitPath(input: string, raw: string, fallback: string, cwd: string): string {
  const value = raw.trim();
  if (value.includes("\0")) throw new InputError(input, raw, "must be a file path");
  return path.resolve(cwd, value === "" ? fallback : value);
}

/**
 * Reads the scenario inputs into the reader and loads the files (each file problem becomes a
 * ScenarioInputError); returns the settings, or undefined when anything is invalid.
 */
export function collectScenarioSettings(
  inputs: InputReader<ScenarioInputName>,
  env: Readonly<Record<string, string | undefined>>,
  defaults: ScenarioDefaults = {},
): ScenarioSettings | undefined {
  const before = inputs.problems.length;
  const cwd = defaults.cwd ?? process.cwd();
  const files = inputs.read("scenarios", (input, value) => parseScenarioFiles(input, value, cwd));
  const junitPath = inputs.read("junit-path", (input, value) =>
    parseJunitPath(input, value, path.join(defaults.runDir ?? cwd, JUNIT_FILE), cwd),
  );
  const timeoutMs = inputs.read("scenario-timeout", parseDuration);
  let scenarios: Scenario[] = [];
  if (files !== undefined && files.length > 0) {
    const loaded = loadScenarioFiles(files, { cwd, env });
    for (const problem of loaded.problems) inputs.problems.push(new ScenarioInputError(problem));
    scenarios = loaded.scenarios;
  }
  // Looked for only when needed: a run without browser scenarios needs no browser.
  const browserPath = scenarios.some((s) => s.oauth?.browser)
    ? inputs.read("browser-path", (input, value) => parseBrowserPath(input, value, env, cwd))
    : undefined;
  if (inputs.problems.length > before) return undefined;
  return {
    files: files ?? [],
    scenarios,
    junitPath: junitPath as string,
    timeoutMs: timeoutMs as number,
    ...(browserPath !== undefined ? { browserPath } : {}),
  };
}

/** Reads every scenario input; throws one ConfigError listing every problem. */
export function parseScenarioSettings(
  source: (name: ScenarioInputName) => string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  defaults: ScenarioDefaults = {},
): ScenarioSettings {
  const inputs = new InputReader(source, SCENARIO_INPUTS);
  const settings = collectScenarioSettings(inputs, env, defaults);
  inputs.throwIfInvalid();
  return settings as ScenarioSettings;
}
