/**
 * `${env.NAME}` and `${preview.url}` in scenario bodies, paths and headers, and
 * `${capture.NAME}` in `then` requests. `$${` writes a literal `${`. Syntax is checked when the
 * file loads (with the line); values are filled in at run time, when the public URL (and the
 * captured values) are known.
 */

const PLACEHOLDER = /\$(\$?)\{([^}]*)\}/g;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export interface TemplateVars {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The public URL without a trailing slash. */
  readonly previewUrl: string;
  /**
   * The run's redaction (its secrets), applied to a response before a report quotes it,
   * and before it is cut (a secret cut in two would not be recognised).
   */
  readonly redact?: (text: string) => string;
  /** Values of `capture:`, for `then` requests. */
  readonly captures?: Readonly<Record<string, string>>;
}

/** How a substituted value is written into its context (e.g. inside a JSON string). */
export type Escape = (value: string) => string;

export const asIs: Escape = (value) => value;
/** Placeholders in JSON text sit inside strings: the value must not end the string early. */
export const jsonString: Escape = (value) => JSON.stringify(value).slice(1, -1);
export const formValue: Escape = (value) => encodeURIComponent(value);

export class TemplateError extends Error {
  override name = "TemplateError";
}

/**
 * The first unsupported placeholder, e.g. "${envX}", or undefined when all are fine.
 * `captures`: the names `${capture.NAME}` may use here (none where nothing is captured).
 */
export function badPlaceholder(text: string, captures: ReadonlySet<string> = new Set()): string | undefined {
  for (const m of text.matchAll(PLACEHOLDER)) {
    if (m[1] === "$") continue;
    const expr = (m[2] ?? "").trim();
    if (expr === "preview.url") continue;
    if (expr.startsWith("env.") && ENV_NAME.test(expr.slice(4))) continue;
    if (expr.startsWith("capture.") && captures.has(expr.slice(8))) continue;
    return m[0];
  }
  return undefined;
}

/** Names of the environment variables a text reads. */
export function envNames(text: string): string[] {
  const names: string[] = [];
  for (const m of text.matchAll(PLACEHOLDER)) {
    const expr = (m[2] ?? "").trim();
    if (m[1] !== "$" && expr.startsWith("env.")) names.push(expr.slice(4));
  }
  return names;
}

/** Fills the placeholders in; throws TemplateError naming an unset variable. */
export function render(text: string, vars: TemplateVars, escapeValue: Escape = asIs): string {
  if (!text.includes("${")) return text;
  return text.replace(PLACEHOLDER, (whole, literal: string, inner: string) => {
    if (literal === "$") return whole.slice(1);
    const expr = inner.trim();
    if (expr === "preview.url") return escapeValue(vars.previewUrl);
    if (expr.startsWith("capture.")) {
      const captured = vars.captures?.[expr.slice(8)];
      if (captured === undefined) throw new TemplateError(`${whole} has no captured value`);
      return escapeValue(captured);
    }
    const name = expr.slice(4);
    const value = vars.env[name];
    if (!expr.startsWith("env.") || value === undefined) {
      throw new TemplateError(
        expr.startsWith("env.")
          ? `\${env.${name}} is used but ${name} is not set`
          : `${whole} is not supported`,
      );
    }
    return escapeValue(value);
  });
}

/** Every string inside a JSON value rendered (keys too), so JSON.stringify escapes the values. */
export function renderJson(value: unknown, vars: TemplateVars): unknown {
  if (typeof value === "string") return render(value, vars);
  if (Array.isArray(value)) return value.map((v) => renderJson(v, vars));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [render(k, vars), renderJson(v, vars)]));
  }
  return value;
}

/** Strings found in a JSON value (keys too) with their paths, for the load-time syntax check. */
export function jsonStrings(
  value: unknown,
  at: readonly PropertyKey[] = [],
  out: [readonly PropertyKey[], string][] = [],
): [readonly PropertyKey[], string][] {
  if (typeof value === "string") out.push([at, value]);
  else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) jsonStrings(v, [...at, i], out);
  } else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      out.push([[...at, k], k]);
      jsonStrings(v, [...at, k], out);
    }
  }
  return out;
}
