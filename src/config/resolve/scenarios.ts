/**
 * Resolving the scenario settings: the paths and globs are matched against the files, the
 * files loaded and validated (the scenarios part is loaded only now, when a run has some), and
 * the browser looked for when a scenario drives one. Each problem of a file keeps its file and
 * line (ScenarioInputError.location) for an annotation.
 */
import fs from "node:fs";
import path from "node:path";
import { InputError } from "../../errors.js";
import type { Scenario, ScenarioProblem } from "../../scenarios/index.js";
import type { ScenarioSettings } from "../../scenarios/settings.js";
import type { InputReader } from "../inputs/reader.js";
import type { ScenarioInputName } from "../inputs/scenarios.js";
import { type ParsedScenarios, parseScenarioPatterns } from "../parse/scenarios.js";

/** One problem in a scenario file, as an input problem that still knows its file and line. */
export class ScenarioInputError extends InputError {
  constructor(
    readonly location: ScenarioProblem,
    formatted: string,
  ) {
    super("scenarios", location.file, "has an invalid scenario file");
    this.message = `Input "scenarios": ${formatted}`;
    this.name = "ScenarioInputError";
  }
}

const GLOB_CHARS = /[*?[\]{}]/;

/** Paths or globs -> absolute file paths (sorted within a glob, duplicates dropped). */
export function expandScenarioFiles(input: string, patterns: readonly string[], cwd: string): string[] {
  const files: string[] = [];
  for (const entry of patterns) {
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

/** Lines of paths or globs -> absolute file paths. */
export function parseScenarioFiles(input: string, raw: string, cwd: string): string[] {
  return expandScenarioFiles(input, parseScenarioPatterns(input, raw), cwd);
}

export interface ScenarioContext {
  /** Directory paths and globs resolve against (the workspace). */
  readonly cwd: string;
  /** Environment the scenarios' secret-env and the browser lookup read. */
  readonly env: Readonly<Record<string, string | undefined>>;
}

export async function resolveScenarios(
  parsed: ParsedScenarios,
  inputs: InputReader<ScenarioInputName>,
  context: ScenarioContext,
): Promise<ScenarioSettings | undefined> {
  const { cwd, env } = context;
  const before = inputs.problems.length;
  const files = inputs.check("scenarios", () => expandScenarioFiles("scenarios", parsed.patterns, cwd));
  let scenarios: Scenario[] = [];
  let browserPath: string | undefined;
  if (files !== undefined && files.length > 0) {
    const part = await import("../../scenarios/index.js");
    const loaded = part.loadScenarioFiles(files, { cwd, env });
    for (const problem of loaded.problems)
      inputs.report("scenarios", new ScenarioInputError(problem, part.formatProblem(problem)));
    scenarios = loaded.scenarios;
    // Looked for only when needed: a run without browser scenarios needs no browser.
    if (scenarios.some((s) => s.oauth?.browser)) {
      const input = "browser-path";
      const raw = inputs.raw(input);
      const found = part.findBrowser(raw, env, cwd);
      if (found.path === undefined) inputs.report(input, new InputError(input, raw, found.problem));
      browserPath = found.path;
    }
  }
  if (inputs.problems.length > before || files === undefined || parsed.settings === undefined)
    return undefined;
  return {
    files,
    scenarios,
    ...parsed.settings,
    ...(browserPath !== undefined ? { browserPath } : {}),
  };
}
