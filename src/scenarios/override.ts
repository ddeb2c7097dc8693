/**
 * `override: { $.data.object.amount: 500 }`: values set in a built-in (or JSON) body before it
 * is signed, as `stripe trigger --override` does. Only paths that exist may be set: a typo
 * would otherwise add a field nobody reads and the scenario would pass for the wrong reason.
 */
import { closest } from "./issues.js";
import { MISSING, type PathStep, valueAt } from "./json-path.js";

/** "$.data.object.amount" for steps ["data", "object", "amount"]. */
export function pathText(steps: readonly PathStep[]): string {
  return `$${steps.map((s) => (typeof s === "number" ? `[${s}]` : /^[A-Za-z_$][\w$-]*$/.test(s) ? `.${s}` : `[${JSON.stringify(s)}]`)).join("")}`;
}

/** Every path of a JSON value (objects and arrays too), at most `limit`. */
export function allPaths(value: unknown, limit = 5000): string[] {
  const out: string[] = [];
  const walk = (node: unknown, at: PathStep[]) => {
    if (out.length >= limit) return;
    if (at.length > 0) out.push(pathText(at));
    if (Array.isArray(node)) {
      for (const [i, v] of node.entries()) walk(v, [...at, i]);
    } else if (node !== null && typeof node === "object")
      for (const [k, v] of Object.entries(node)) walk(v, [...at, k]);
  };
  walk(value, []);
  return out;
}

/** Why a path cannot be set in `value`, or undefined when it can. */
export function missingPath(value: unknown, steps: readonly PathStep[]): string | undefined {
  if (steps.length === 0) return "is the whole body: name a field inside it";
  if (valueAt(value, steps) !== MISSING) return undefined;
  const guess = closest(pathText(steps), allPaths(value));
  return `does not exist in the body${guess ? `; did you mean ${guess}?` : ""}`;
}

/** A copy of `value` with each path set (every path must exist: check with missingPath first). */
export function applyOverrides(
  value: unknown,
  overrides: readonly (readonly [readonly PathStep[], unknown])[],
): unknown {
  const copy = structuredClone(value);
  for (const [steps, replacement] of overrides) {
    const parent = valueAt(copy, steps.slice(0, -1)) as Record<PropertyKey, unknown> | unknown[];
    const last = steps[steps.length - 1] as PathStep;
    if (Array.isArray(parent) && typeof last === "number") {
      parent[last < 0 ? parent.length + last : last] = replacement;
    } else {
      (parent as Record<PropertyKey, unknown>)[last] = replacement;
    }
  }
  return copy;
}
