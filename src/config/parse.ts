/**
 * Parsers for the value formats of the inputs. Each throws an InputError that names the
 * input, shows the value and says what is accepted. Written by hand rather than with
 * `ms` or similar because those accept too much ("1 year", bare numbers), and a typo in a
 * timeout should fail loudly before anything starts.
 */
import { InputError } from "../errors.js";

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;
const DURATION = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h))+$/;
const DURATION_PART = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;

/** "500ms", "90s", "2m", "1h", "1m30s" -> milliseconds. */
export function parseDuration(input: string, raw: string): number {
  const value = raw.trim().toLowerCase();
  if (!DURATION.test(value)) {
    const hint = /^\d+(\.\d+)?$/.test(value) ? `; add a unit, e.g. "${value}s"` : "";
    throw new InputError(
      input,
      raw,
      `is not a duration: use a number with a unit ms, s, m or h, e.g. "500ms", "90s", "2m", "1m30s"${hint}`,
    );
  }
  let total = 0;
  for (const [, amount, unit] of value.matchAll(DURATION_PART)) {
    total += Number(amount) * UNIT_MS[unit as keyof typeof UNIT_MS];
  }
  return Math.round(total);
}

export function parsePort(input: string, raw: string): number {
  const value = raw.trim();
  const port = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new InputError(input, raw, "must be a TCP port number from 1 to 65535");
  }
  return port;
}

const ENV_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Lines of KEY=VALUE; blank lines and lines starting with # are skipped. */
export function parseEnvLines(input: string, raw: string): Record<string, string> {
  const env: Record<string, string> = {};
  raw.split(/\r?\n/).forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("#")) return;
    const eq = trimmed.indexOf("=");
    const key = eq === -1 ? trimmed : trimmed.slice(0, eq).trim();
    if (eq === -1 || !ENV_KEY.test(key)) {
      // Show only what would be the key: values are often secrets.
      const shown = eq === -1 ? `${trimmed.split(/\s/)[0]?.slice(0, 40) ?? ""}…` : key;
      throw new InputError(
        input,
        shown,
        `line ${index + 1} is not KEY=VALUE with KEY made of letters, digits and _ (not starting with a digit)`,
      );
    }
    env[key] = trimmed.slice(eq + 1);
  });
  return env;
}

export interface StatusRange {
  readonly min: number;
  readonly max: number;
}

/** "200-399", "200,204", "2xx,301" -> ranges of accepted HTTP statuses. */
export function parseStatusRanges(input: string, raw: string): StatusRange[] {
  const parts = raw
    .split(",")
    .map((p) => p.trim())
    .filter((p) => p !== "");
  const fail = (): never => {
    throw new InputError(
      input,
      raw,
      'must be HTTP statuses (100-599) as a list of codes, ranges or classes, e.g. "200-399", "200,204", "2xx"',
    );
  };
  if (parts.length === 0) fail();
  return parts.map((part) => {
    const cls = /^([1-5])xx$/i.exec(part);
    if (cls) return { min: Number(cls[1]) * 100, max: Number(cls[1]) * 100 + 99 };
    const m = /^(\d{3})(?:\s*-\s*(\d{3}))?$/.exec(part);
    if (!m) return fail();
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : Number(m[2]);
    if (min < 100 || max > 599 || min > max) return fail();
    return { min, max };
  });
}

export function statusAccepted(ranges: readonly StatusRange[], status: number): boolean {
  return ranges.some((r) => status >= r.min && status <= r.max);
}

export type ReadySpec =
  | { readonly kind: "http"; readonly url: URL }
  | { readonly kind: "path"; readonly path: string }
  | { readonly kind: "tcp" }
  | { readonly kind: "log"; readonly pattern: RegExp };

/** `http(s)://...`, `/path`, `tcp` or `log:<regex>`; empty means GET / on the app's port. */
export function parseReady(input: string, raw: string): ReadySpec {
  const value = raw.trim();
  if (value === "") return { kind: "path", path: "/" };
  if (value === "tcp") return { kind: "tcp" };
  if (value.startsWith("log:")) {
    const source = value.slice(4);
    if (source === "")
      throw new InputError(input, raw, 'needs a regular expression after "log:", e.g. "log:listening on"');
    try {
      return { kind: "log", pattern: new RegExp(source) };
    } catch (error) {
      throw new InputError(
        input,
        raw,
        `has an invalid regular expression after "log:" (${(error as Error).message})`,
      );
    }
  }
  if (value.startsWith("/")) return { kind: "path", path: value };
  if (/^https?:\/\//i.test(value)) {
    try {
      return { kind: "http", url: new URL(value) };
    } catch {
      // fall through to the common message
    }
  }
  throw new InputError(
    input,
    raw,
    'must be a URL ("http://127.0.0.1:3000/health"), a path on the app\'s port ("/health"), "tcp", or "log:<regex>"',
  );
}

export const PROVIDERS = ["auto", "ngrok", "cloudflared", "ssh", "local"] as const;
export type ProviderName = (typeof PROVIDERS)[number];

export function parseProvider(input: string, raw: string): ProviderName {
  const value = raw.trim().toLowerCase();
  if (!(PROVIDERS as readonly string[]).includes(value)) {
    throw new InputError(input, raw, `must be one of ${PROVIDERS.join(", ")}`);
  }
  return value as ProviderName;
}

const TRUE = ["true", "yes", "1"];
const FALSE = ["false", "no", "0"];

export function parseBoolean(input: string, raw: string): boolean {
  const value = raw.trim().toLowerCase();
  if (TRUE.includes(value)) return true;
  if (FALSE.includes(value)) return false;
  throw new InputError(input, raw, "must be true or false (also accepted: yes/no, 1/0, in any case)");
}
