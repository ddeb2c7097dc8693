// The import graph of src/ and the rules it must keep (test/unit/floors.unit.test.ts checks
// them; `node scripts/run-ts.mjs scripts/floors.ts` prints the graph's floors and problems).
//
// Floors, top to bottom; an import only goes down (a type-only or dynamic import counts too):
//
//   entries      src/main.ts post.ts supervisor.ts cli.ts
//   front doors  src/action/ src/cli/          (never each other)
//   adapter      src/config/                   (never src/pipeline/)
//   pipeline     src/pipeline/
//   parts        src/app/ gate/ tunnel/ github/ scenarios/ idp/ relay/
//   shared       src/session/ src/webhooks/    (never each other)
//   leaves       src/util/ src/errors.ts
//
// From outside a part only its index.ts (its API) and settings.ts (its settings type) are
// imported; a part imports another part that way too, one way only (no cycles). Written by
// hand rather than with madge or dpdm: those need a TypeScript compiler API, which the
// TypeScript 7 this project uses does not offer, and a regular expression over import
// statements finds every kind of import this code base writes.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

export const FLOORS: readonly { readonly name: string; readonly units: readonly string[] }[] = [
  { name: "entries", units: ["main.ts", "post.ts", "supervisor.ts", "cli.ts"] },
  { name: "front doors", units: ["action", "cli"] },
  { name: "adapter", units: ["config"] },
  { name: "pipeline", units: ["pipeline"] },
  { name: "parts", units: ["app", "gate", "tunnel", "github", "scenarios", "idp", "relay"] },
  { name: "shared", units: ["session", "webhooks"] },
  { name: "leaves", units: ["util", "errors.ts"] },
];

/** Floors whose units may import each other (their public modules, for parts). */
const OPEN_FLOORS = new Set(["parts", "leaves"]);
/** Imports a floor rule would allow but the design does not. */
const FORBIDDEN: readonly (readonly [from: string, to: string])[] = [["config", "pipeline"]];
/** What a part offers the rest of the code. */
const PUBLIC_MODULES = new Set(["index.ts", "settings.ts"]);

export interface Import {
  /** Repository-relative path of the imported .ts file. */
  readonly target: string;
  readonly kind: "static" | "type" | "dynamic";
}

/** File (repository-relative, e.g. "src/gate/server.ts") -> what it imports of src/. */
export type ImportGraph = ReadonlyMap<string, readonly Import[]>;

const STATEMENT = /^[ \t]*(import|export)(\s+type)?\b[^;]*?\bfrom\s*["']([^"']+)["']/gm;
const BARE = /^[ \t]*import\s*["']([^"']+)["']/gm;
const DYNAMIC = /\bimport\(\s*["']([^"']+)["']\s*\)/g;

/** The relative imports of one file's text, resolved to .ts paths. */
export function importsOf(file: string, text: string): Import[] {
  const found: Import[] = [];
  const add = (specifier: string | undefined, kind: Import["kind"]) => {
    if (specifier === undefined || !specifier.startsWith(".")) return;
    const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
    if (!resolved.endsWith(".js") && !resolved.endsWith(".ts")) return;
    found.push({ target: resolved.replace(/\.js$/, ".ts"), kind });
  };
  for (const m of text.matchAll(STATEMENT)) add(m[3], m[2] ? "type" : "static");
  for (const m of text.matchAll(BARE)) add(m[1], "static");
  for (const m of text.matchAll(DYNAMIC)) add(m[1], "dynamic");
  return found;
}

/** Every .ts file under `dir` (repository-relative, posix separators). */
function sourceFiles(root: string, dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const rel = `${dir}/${name}`;
    if (statSync(path.join(root, rel)).isDirectory()) return sourceFiles(root, rel);
    return rel.endsWith(".ts") ? [rel] : [];
  });
}

export function readImportGraph(root: string, dir = "src"): ImportGraph {
  const graph = new Map<string, Import[]>();
  for (const file of sourceFiles(root, dir)) {
    graph.set(file, importsOf(file, readFileSync(path.join(root, file), "utf8")));
  }
  return graph;
}

/** Strongly connected groups of more than one file, or a file importing itself (Tarjan). */
export function findCycles(graph: ImportGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let next = 0;
  const visit = (file: string) => {
    index.set(file, next);
    low.set(file, next);
    next++;
    stack.push(file);
    onStack.add(file);
    for (const { target } of graph.get(file) ?? []) {
      if (!graph.has(target)) continue;
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file) ?? 0, low.get(target) ?? 0));
      } else if (onStack.has(target)) {
        low.set(file, Math.min(low.get(file) ?? 0, index.get(target) ?? 0));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const group: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop();
      if (member === undefined) break;
      onStack.delete(member);
      group.push(member);
    } while (member !== file);
    const selfImport = (graph.get(file) ?? []).some((i) => i.target === file);
    if (group.length > 1 || selfImport) cycles.push(group.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return cycles;
}

/** The unit of a file: its folder under src/ ("gate"), or the file itself for top-level files. */
export function unitOf(file: string): string {
  return file.split("/")[1] ?? file;
}

/** Index of the floor a file is on (0 = top), or undefined when its unit is on none. */
export function floorOf(file: string): number | undefined {
  const unit = unitOf(file);
  const found = FLOORS.findIndex((floor) => floor.units.includes(unit));
  return found === -1 ? undefined : found;
}

/** Every import that breaks a floor rule, and every file on no floor, as messages. */
export function floorViolations(graph: ImportGraph): string[] {
  const problems: string[] = [];
  for (const [file, imports] of graph) {
    const from = floorOf(file);
    if (from === undefined) {
      problems.push(`${file} is on no floor: add ${unitOf(file)} to FLOORS in scripts/floors.ts`);
      continue;
    }
    for (const { target, kind } of imports) {
      const to = floorOf(target);
      const [a, b] = [unitOf(file), unitOf(target)];
      if (to === undefined || a === b) continue;
      const floor = FLOORS[from]?.name ?? "";
      const what = `${file} imports ${target}${kind === "static" ? "" : ` (${kind})`}`;
      if (to < from) problems.push(`${what}: up from ${floor} to ${FLOORS[to]?.name}`);
      else if (to === from && !OPEN_FLOORS.has(floor)) problems.push(`${what}: across ${floor}`);
      else if (FORBIDDEN.some(([x, y]) => x === a && y === b))
        problems.push(`${what}: ${a} never imports ${b}`);
      else if (FLOORS[to]?.name === "parts" && !PUBLIC_MODULES.has(path.posix.basename(target)))
        problems.push(`${what}: from outside ${b}/ only its index.ts or settings.ts`);
    }
  }
  return problems;
}

if (process.argv[1]?.endsWith("floors.mjs")) {
  const graph = readImportGraph(process.cwd());
  for (const [i, floor] of FLOORS.entries()) {
    const files = [...graph.keys()].filter((f) => floorOf(f) === i);
    console.log(
      `${floor.name.padEnd(12)} ${String(files.length).padStart(3)} files  ${floor.units.join(" ")}`,
    );
  }
  const cycles = findCycles(graph);
  const violations = floorViolations(graph);
  for (const cycle of cycles) console.log(`cycle: ${cycle.join(" -> ")}`);
  for (const violation of violations) console.log(violation);
  console.log(`${cycles.length} cycle(s), ${violations.length} floor problem(s)`);
  process.exitCode = cycles.length + violations.length === 0 ? 0 : 1;
}
