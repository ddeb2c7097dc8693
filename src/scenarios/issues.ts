/**
 * zod issues -> one precise message each: the field, what is wrong, what is accepted. Unions
 * are narrowed to the alternative the input was evidently meant as (the mapping key it
 * used, or the list it is), so `body: {file: 3}` says "body.file must be a file path"
 * rather than "body is invalid".
 */
import type * as z from "zod";

/** What is wrong, and where: at the value, at a mapping key, or in the mapping that lacks a field. */
export interface Draft {
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly at: "value" | "key" | "missing";
}

const EXPECTED: Readonly<Record<string, string>> = {
  object: "a mapping",
  record: "a mapping",
  array: "a list",
  string: "a text",
  boolean: "true or false",
  number: "a number",
  int: "a whole number",
  null: "null",
};

/** Per-parse fallback for issues whose schema gave no message of its own. */
export const fallbackError: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === "invalid_type") return `must be ${EXPECTED[issue.expected] ?? issue.expected}`;
  if (issue.code === "too_small" && issue.origin === "array") return "must list at least one item";
  if (issue.code === "too_small" && issue.origin === "string") return "must not be empty";
  return undefined;
};

/** The allowed keys of the mapping at a path (relative to a scenario), for "unknown field" messages. */
export type KnownKeys = (path: readonly PropertyKey[]) => readonly string[] | undefined;

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let node = data;
  for (const step of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<PropertyKey, unknown>)[step];
  }
  return node;
}

/** Levenshtein distance, small strings only. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] ?? 0;
      row[j] = Math.min(current + 1, (row[j - 1] ?? 0) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length] ?? 0;
}

export function closest(word: string, candidates: readonly string[]): string | undefined {
  const normal = (s: string) => s.toLowerCase().replaceAll("_", "-");
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of candidates) {
    const d = distance(normal(word), normal(candidate));
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function unknownKey(key: string, known: readonly string[] | undefined): string {
  if (/^(secret|token|signing-secret|signing_secret|auth-token|key)$/i.test(key)) {
    return `is not allowed: secrets are never written in scenario files; put it in an environment variable (from a repository secret) and name that variable in secret-env`;
  }
  const guess = known ? closest(key, known) : undefined;
  const hint = guess ? `; did you mean "${guess}"?` : "";
  return `is not a known field${hint}${known ? ` Known fields here: ${known.join(", ")}` : ""}`;
}

/** Flattens zod issues into drafts; `base` prefixes every path (e.g. ["scenarios", 3]). */
export function drafts(
  issues: readonly z.core.$ZodIssue[],
  data: unknown,
  base: readonly PropertyKey[],
  knownKeys: KnownKeys,
): Draft[] {
  const out: Draft[] = [];
  const visit = (issue: z.core.$ZodIssue, prefix: readonly PropertyKey[]) => {
    const path = [...prefix, ...issue.path];
    const relative = path.slice(base.length);
    if (issue.code === "invalid_union") {
      const input = valueAt(data, path);
      // The alternative the input was meant as: every issue of it lies inside the input,
      // under a key or index the input actually has (so not "missing field" of another shape).
      const meant = issue.errors.find(
        (option) =>
          option.length > 0 &&
          option.every(
            (i) =>
              i.path.length > 0 &&
              input !== null &&
              typeof input === "object" &&
              Object.hasOwn(input, i.path[0] as PropertyKey) &&
              i.code !== "unrecognized_keys",
          ),
      );
      if (meant) for (const inner of meant) visit(inner, path);
      else if (input === undefined && path.length > 0)
        out.push({ path, message: `is missing: it ${issue.message}`, at: "missing" });
      else out.push({ path, message: issue.message, at: "value" });
      return;
    }
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        out.push({ path: [...path, key], message: unknownKey(key, knownKeys(relative)), at: "key" });
      }
      return;
    }
    if (issue.code === "invalid_key") {
      const first = issue.issues[0];
      out.push({ path, message: first?.message ?? issue.message, at: "key" });
      return;
    }
    if (path.length > 0 && valueAt(data, path) === undefined) {
      out.push({ path, message: `is missing: it ${issue.message}`, at: "missing" });
      return;
    }
    const input = valueAt(data, path);
    if (issue.code === "invalid_value" && typeof input === "string") {
      const guess = closest(input, issue.values.map(String));
      out.push({
        path,
        message: guess ? `${issue.message}; did you mean "${guess}"?` : issue.message,
        at: "value",
      });
      return;
    }
    out.push({ path, message: issue.message, at: "value" });
  };
  for (const issue of issues) visit(issue, base);
  return out;
}
