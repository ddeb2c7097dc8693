/**
 * From a path in the parsed data (["scenarios", 2, "expect", "status"]) back to where it is
 * written in the YAML file, so every problem names a line and column.
 */
import { type Document, isAlias, isMap, isScalar, isSeq, type LineCounter, type Node } from "yaml";

export interface Located {
  /** The value's node, when the path exists. */
  readonly node: Node | undefined;
  /** The key's node of the last step, when it is a mapping key. */
  readonly key: Node | undefined;
  /** The deepest node that exists on the path (the mapping a missing field belongs in). */
  readonly nearest: Node | undefined;
}

export function locate(doc: Document, path: readonly PropertyKey[]): Located {
  let current: unknown = doc.contents;
  let key: Node | undefined;
  let nearest = isNodeLike(current) ? current : undefined;
  for (const step of path) {
    if (isAlias(current)) current = current.resolve(doc);
    key = undefined;
    if (isMap(current)) {
      const pair = current.items.find((p) => isScalar(p.key) && String(p.key.value) === String(step));
      if (pair === undefined) return { node: undefined, key: undefined, nearest };
      key = isNodeLike(pair.key) ? pair.key : undefined;
      current = pair.value;
    } else if (isSeq(current) && typeof step === "number") {
      current = current.items[step];
    } else {
      return { node: undefined, key: undefined, nearest };
    }
    if (!isNodeLike(current)) return { node: undefined, key, nearest: key ?? nearest };
    nearest = current;
  }
  return { node: isNodeLike(current) ? current : undefined, key, nearest };
}

function isNodeLike(value: unknown): value is Node {
  return typeof value === "object" && value !== null && "range" in value;
}

export interface Position {
  readonly line: number;
  readonly column: number;
}

export function position(node: Node | undefined, lines: LineCounter): Position {
  const offset = node?.range?.[0] ?? 0;
  const { line, col } = lines.linePos(offset);
  return { line: Math.max(line, 1), column: Math.max(col, 1) };
}
