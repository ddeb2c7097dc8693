/** Where problems of one file are collected, each worded with its scenario and field and located in the YAML. */
import { type Document, isMap, isScalar, isSeq, type LineCounter, type Node } from "yaml";
import { locate, position } from "./locate.js";
import type { ScenarioProblem } from "./types.js";

export interface FileOptions {
  /** Shown in problems and results. */
  readonly file: string;
  /** Directory `body.file` paths resolve against. */
  readonly dir: string;
  /** When given, every secret-env must be set (non-empty) in it. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export type ProblemAt = "value" | "key" | "missing";

export class FileContext {
  readonly problems: ScenarioProblem[] = [];
  constructor(
    readonly doc: Document,
    readonly lines: LineCounter,
    readonly options: FileOptions,
  ) {}

  /** Records a problem at `fullPath`, worded "<scenario>: field "<path>" <message>". */
  add(fullPath: readonly PropertyKey[], message: string, at: ProblemAt): void {
    const found = locate(this.doc, fullPath);
    const node =
      at === "key"
        ? (found.key ?? found.nearest)
        : at === "missing"
          ? found.nearest
          : (found.node ?? found.nearest);
    const { line, column } = position(node, this.lines);
    const got = at === "value" && found.node ? ` (got ${shown(found.node)})` : "";
    this.problems.push({
      file: this.options.file,
      line,
      column,
      message: `${this.label(fullPath)}${message}${got}`,
    });
  }

  /** 'scenario "Ping": field "expect.status" ' */
  private label(fullPath: readonly PropertyKey[]): string {
    let prefix = "";
    let rest = fullPath;
    if (fullPath[0] === "scenarios" && typeof fullPath[1] === "number") {
      const name = locate(this.doc, [...fullPath.slice(0, 2), "name"]).node;
      prefix =
        isScalar(name) && typeof name.value === "string" && name.value !== ""
          ? `scenario "${name.value}" (scenarios[${fullPath[1]}]): `
          : `scenarios[${fullPath[1]}]: `;
      rest = fullPath.slice(2);
    }
    if (rest.length === 0) return prefix === "" ? "the file " : prefix.replace(/: $/, " ");
    return `${prefix}field "${fieldName(rest)}" `;
  }
}

function fieldName(steps: readonly PropertyKey[]): string {
  let out = "";
  for (const step of steps) {
    if (typeof step === "number") out += `[${step}]`;
    else if (/^[\w-]+$/.test(String(step))) out += `${out === "" ? "" : "."}${String(step)}`;
    else out += `[${JSON.stringify(String(step))}]`;
  }
  return out;
}

function shown(node: Node): string {
  if (isScalar(node)) {
    const text = JSON.stringify(node.value) ?? String(node.value);
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
  }
  if (isMap(node)) return "a mapping";
  if (isSeq(node)) return "a list";
  return "an alias";
}
