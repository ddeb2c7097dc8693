/**
 * Scenario files: YAML parsed with node positions kept, checked against the schema, then
 * against the rules that span fields (provider-specific ones, files, placeholders). Every
 * problem of every scenario is collected with its file, line and column; a file with any
 * problem yields no scenarios, so nothing half-valid runs.
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { LineCounter, parseDocument } from "yaml";
import { ScenarioBuilder } from "./build.js";
import { FileContext, type FileOptions } from "./file-context.js";
import { drafts, fallbackError, type KnownKeys } from "./issues.js";
import { locate, position } from "./locate.js";
import { fileShellSchema, scenarioSchema } from "./schema.js";
import { SCENARIO_LIMITS } from "./settings.js";
import type { Scenario, ScenarioProblem } from "./types.js";

export interface LoadOptions {
  /** Paths in problems and results are shown relative to this directory (default: process.cwd()). */
  readonly cwd?: string;
  /** When given, every secret-env must be set (non-empty) in it. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export interface LoadResult {
  readonly scenarios: Scenario[];
  readonly problems: ScenarioProblem[];
}

/** Thrown by loadScenarioFilesOrThrow: every problem of every file, one per line. */
export class ScenarioFileError extends Error {
  constructor(readonly problems: readonly ScenarioProblem[]) {
    super(
      problems.length === 1
        ? `Invalid scenario file: ${formatProblem(problems[0] as ScenarioProblem)}`
        : `${problems.length} problems in scenario files:\n${problems.map((p) => `  ${formatProblem(p)}`).join("\n")}`,
    );
    this.name = "ScenarioFileError";
  }
}

export function formatProblem(p: ScenarioProblem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.message}`;
}

const SCENARIO_KEYS = Object.keys(scenarioSchema.shape);
const EXPECT_KEYS = Object.keys(scenarioSchema.shape.expect.unwrap().shape);
const knownKeys: KnownKeys = (relative) => {
  if (relative.length === 0) return SCENARIO_KEYS;
  const [first, second, third] = relative;
  if (relative.length === 1 && (first === "expect" || first === "expect-duplicate")) return EXPECT_KEYS;
  if (relative.length === 1 && first === "retry") return ["schedule", "compress", "attempts"];
  if (relative.length === 1 && first === "expect-deliveries") return ["events", "within", "status"];
  if (relative.length === 2 && first === "then")
    return ["request", "headers", "send-auth", "eventually", "expect"];
  if (relative.length === 3 && first === "then" && third === "expect") return EXPECT_KEYS;
  if (relative.length === 2 && first === "events" && typeof second === "number") return ["event", "override"];
  if (relative.length === 1 && relative[0] === "body") return ["json", "form", "text", "file", "example"];
  return undefined;
};

export function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, path.resolve(cwd, file));
  const shown = relative === "" || relative.startsWith("..") || path.isAbsolute(relative) ? file : relative;
  return shown.split(path.sep).join("/");
}

export function loadScenarioFiles(files: readonly string[], options: LoadOptions = {}): LoadResult {
  const scenarios: Scenario[] = [];
  const problems: ScenarioProblem[] = [];
  for (const file of files) {
    const result = loadScenarioFile(file, options);
    // One at a time: spreading a long list into push() overflows the stack.
    for (const scenario of result.scenarios) scenarios.push(scenario);
    for (const problem of result.problems) problems.push(problem);
    if (scenarios.length > SCENARIO_LIMITS.scenarios) {
      problems.push({
        file: displayPath(file, options.cwd ?? process.cwd()),
        line: 1,
        column: 1,
        message: `brings the run to ${scenarios.length} scenarios; a run takes at most ${SCENARIO_LIMITS.scenarios}: split them over several runs`,
      });
      return { scenarios: [], problems };
    }
  }
  return { scenarios, problems };
}

/** Like loadScenarioFiles, but throws a ScenarioFileError listing every problem. */
export function loadScenarioFilesOrThrow(files: readonly string[], options: LoadOptions = {}): Scenario[] {
  const { scenarios, problems } = loadScenarioFiles(files, options);
  if (problems.length > 0) throw new ScenarioFileError(problems);
  return scenarios;
}

export function loadScenarioFile(file: string, options: LoadOptions = {}): LoadResult {
  const cwd = options.cwd ?? process.cwd();
  const absolute = path.resolve(cwd, file);
  const shown = displayPath(file, cwd);
  let text: string;
  const problem = (message: string) => ({
    scenarios: [],
    problems: [{ file: shown, line: 1, column: 1, message }],
  });
  const size = statSync(absolute, { throwIfNoEntry: false })?.size ?? 0;
  if (size > SCENARIO_LIMITS.fileBytes)
    return problem(
      `the scenario file has ${size} bytes; at most ${SCENARIO_LIMITS.fileBytes} (1 MiB) are read: put large bodies in files of their own (body.file)`,
    );
  try {
    text = readFileSync(absolute, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "does not exist" : "cannot be read";
    return {
      scenarios: [],
      problems: [{ file: shown, line: 1, column: 1, message: `the scenario file ${reason} (${absolute})` }],
    };
  }
  return parseScenarioText(text, { ...options, file: shown, dir: path.dirname(absolute) });
}

export interface ParseOptions extends LoadOptions, FileOptions {}

/** One file's text -> its scenarios, or every problem in it. */
export function parseScenarioText(text: string, options: ParseOptions): LoadResult {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const ctx = new FileContext(doc, lines, options);
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const { line, col } = lines.linePos(error.pos[0]);
      ctx.problems.push({
        file: options.file,
        line: Math.max(line, 1),
        column: Math.max(col, 1),
        message: `the file is not valid YAML: ${error.message.split("\n")[0]}`,
      });
    }
    return { scenarios: [], problems: ctx.problems };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: SCENARIO_LIMITS.aliases });
  } catch (error) {
    // yaml refuses an alias bomb (aliases expanding exponentially) with a ReferenceError.
    ctx.add([], `expands its YAML aliases (*name) too far: ${(error as Error).message}`, "value");
    return { scenarios: [], problems: ctx.problems };
  }
  if (data === null || data === undefined) {
    ctx.add([], 'is empty: a scenario file is a mapping with "scenarios:", a list of scenarios', "value");
    return { scenarios: [], problems: ctx.problems };
  }
  const shell = fileShellSchema.safeParse(data, { error: fallbackError });
  if (!shell.success) {
    for (const d of drafts(shell.error.issues, data, [], (p) =>
      p.length === 0 ? ["scenarios"] : undefined,
    )) {
      ctx.add(d.path, d.message, d.at);
    }
    return { scenarios: [], problems: ctx.problems };
  }
  if (shell.data.scenarios.length > SCENARIO_LIMITS.scenarios) {
    ctx.add(
      ["scenarios"],
      `lists ${shell.data.scenarios.length} scenarios; a run takes at most ${SCENARIO_LIMITS.scenarios}: split them over several runs`,
      "key",
    );
    return { scenarios: [], problems: ctx.problems };
  }
  const scenarios: Scenario[] = [];
  const names = new Map<string, number>();
  shell.data.scenarios.forEach((item, index) => {
    const base = ["scenarios", index];
    const parsed = scenarioSchema.safeParse(item, { error: fallbackError });
    if (!parsed.success) {
      for (const d of drafts(parsed.error.issues, data, base, knownKeys)) ctx.add(d.path, d.message, d.at);
      return;
    }
    const scenario = new ScenarioBuilder(ctx, base, parsed.data).build();
    const earlier = names.get(parsed.data.name);
    if (earlier !== undefined) {
      ctx.add(
        [...base, "name"],
        `repeats the name of the scenario at line ${earlier}; names must be unique within a file`,
        "value",
      );
    } else {
      names.set(parsed.data.name, position(locate(doc, base).node, lines).line);
    }
    if (scenario) scenarios.push(scenario);
  });
  if (ctx.problems.length === 0) return { scenarios, problems: [] };
  // In file order, as an editor shows them.
  const problems = [...ctx.problems].sort((a, b) => a.line - b.line || a.column - b.column);
  return { scenarios: [], problems };
}
