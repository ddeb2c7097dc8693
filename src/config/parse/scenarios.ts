/**
 * Parsers of the scenario inputs. Pure: the files named (paths or globs) are found, loaded and
 * checked when resolving, and the browser is looked for only when a scenario needs one.
 */
import path from "node:path";
import { InputError } from "../../errors.js";
import { JUNIT_FILE } from "../../scenarios/settings.js";
import { parsePositiveDuration } from "../../util/parse.js";
import type { InputReader } from "../inputs/reader.js";
import type { ScenarioInputName } from "../inputs/scenarios.js";

/** The lines of `scenarios`: paths or globs, without blank lines and comments. */
export function parseScenarioPatterns(_input: string, raw: string): string[] {
  return raw
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((entry) => entry !== "" && !entry.startsWith("#"));
}

export function parseJunitPath(input: string, raw: string, fallback: string, cwd: string): string {
  const value = raw.trim();
  if (value.includes("\0")) throw new InputError(input, raw, "must be a file path");
  return path.resolve(cwd, value === "" ? fallback : value);
}

/** The scenario settings as parsed: the files are still to be found and loaded. */
export interface ParsedScenarios {
  readonly patterns: readonly string[];
  /** The report's path and the timeout; undefined when one of them is invalid. */
  readonly settings: { readonly junitPath: string; readonly timeoutMs: number } | undefined;
}

export interface ScenarioDefaults {
  /** Directory paths and globs resolve against (the workspace). */
  readonly cwd: string;
  /** This run's folder: where the JUnit report goes by default. */
  readonly runDir?: string | undefined;
}

export function parseScenarioInputs(
  inputs: InputReader<ScenarioInputName>,
  defaults: ScenarioDefaults,
): ParsedScenarios {
  const fallback = path.join(defaults.runDir ?? defaults.cwd, JUNIT_FILE);
  return {
    patterns: inputs.readOrDefault("scenarios", parseScenarioPatterns),
    settings: inputs.readAll({
      junitPath: ["junit-path", (input, value) => parseJunitPath(input, value, fallback, defaults.cwd)],
      timeoutMs: ["scenario-timeout", parsePositiveDuration],
    }),
  };
}
