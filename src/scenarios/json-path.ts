/**
 * A small JSONPath subset for `expect.json`: `$`, `.name`, `["name"]` / `['name']` and
 * `[index]` (negative counts from the end), e.g. `$.data.items[0].id`. No wildcards or
 * filters: an expectation names exactly one value.
 */

export type PathStep = string | number;

const STEP = /^(?:\.([A-Za-z_$][\w$-]*)|\[(-?\d+)\]|\["((?:[^"\\]|\\.)*)"\]|\['((?:[^'\\]|\\.)*)'\])/;

/** The steps of a path, or undefined when it is not in the supported subset. */
export function parseJsonPath(path: string): PathStep[] | undefined {
  let rest = path.trim();
  if (!rest.startsWith("$")) return undefined;
  rest = rest.slice(1);
  const steps: PathStep[] = [];
  while (rest !== "") {
    const m = STEP.exec(rest);
    if (!m) return undefined;
    if (m[1] !== undefined) steps.push(m[1]);
    else if (m[2] !== undefined) steps.push(Number(m[2]));
    else steps.push((m[3] ?? m[4] ?? "").replace(/\\(.)/g, "$1"));
    rest = rest.slice(m[0].length);
  }
  return steps;
}

export const MISSING: unique symbol = Symbol("missing");

/** The value at the path, or MISSING. */
export function valueAt(root: unknown, steps: readonly PathStep[]): unknown {
  let node: unknown = root;
  for (const step of steps) {
    if (typeof step === "number") {
      if (!Array.isArray(node)) return MISSING;
      const index = step < 0 ? node.length + step : step;
      if (index < 0 || index >= node.length) return MISSING;
      node = node[index];
    } else {
      if (node === null || typeof node !== "object" || Array.isArray(node) || !Object.hasOwn(node, step)) {
        return MISSING;
      }
      node = (node as Record<string, unknown>)[step];
    }
  }
  return node;
}

/** Structural equality of JSON values (object key order does not matter). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => jsonEqual(v, b[i]))
    );
  }
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length &&
    ka.every(
      (k) =>
        Object.hasOwn(b, k) &&
        jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
    )
  );
}
