/**
 * Parsers of the value formats every part's inputs share: durations, sizes, ports, booleans,
 * HTTP status ranges, CIDR lists, KEY=VALUE lines. Pure: each takes the input's name and its
 * raw value and throws an InputError that names the input, shows the value and says what is
 * accepted. Written by hand rather than with `ms` or similar because those accept too much
 * ("1 year", bare numbers), and a typo in a timeout should fail loudly before anything starts.
 */
import { BlockList, isIP } from "node:net";
import { InputError } from "../errors.js";

/** What an InputError shows of a secret: its shape, never its characters. */
export function masked(value: string): string {
  return `<${value.length} characters, hidden>`;
}

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;
const DURATION = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h))+$/;
const DURATION_PART = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;

function isDurationUnit(unit: string): unit is keyof typeof UNIT_MS {
  return Object.hasOwn(UNIT_MS, unit);
}

/**
 * The longest duration an input may give: Node's timers hold at most 2^31 - 1 ms (about 24.8
 * days) and fire at once beyond it, so a longer keep-alive or timeout would end immediately.
 * Capped (with an error) rather than chained: no run needs longer, and every timer built
 * from an input stays correct without each one having to chain.
 */
export const MAX_DURATION_MS = 2 ** 31 - 1;
export const MAX_DURATION_TEXT = "596h (about 24.8 days, the longest Node.js timer)";

/**
 * "500ms", "90s", "2m", "1h", "1m30s" -> milliseconds, at most MAX_DURATION_MS unless
 * `max` says otherwise (a timestamp offset is no timer).
 */
export function parseDuration(input: string, raw: string, options: { max?: number } = {}): number {
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
  for (const [, amount, unit = ""] of value.matchAll(DURATION_PART)) {
    if (isDurationUnit(unit)) total += Number(amount) * UNIT_MS[unit];
  }
  const ms = Math.round(total);
  if (ms > (options.max ?? MAX_DURATION_MS))
    throw new InputError(input, raw, `is too long: durations may be at most ${MAX_DURATION_TEXT}`);
  return ms;
}

/** A duration longer than 0 (a timeout). */
export function parsePositiveDuration(input: string, raw: string): number {
  const ms = parseDuration(input, raw);
  if (ms <= 0) throw new InputError(input, raw, 'must be longer than 0, e.g. "60s"');
  return ms;
}

export function parsePort(input: string, raw: string): number {
  const value = raw.trim();
  const port = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new InputError(input, raw, "must be a TCP port number from 1 to 65535");
  }
  return port;
}

const TRUE = ["true", "yes", "1"];
const FALSE = ["false", "no", "0"];

export function parseBoolean(input: string, raw: string): boolean {
  const value = raw.trim().toLowerCase();
  if (TRUE.includes(value)) return true;
  if (FALSE.includes(value)) return false;
  throw new InputError(input, raw, "must be true or false (also accepted: yes/no, 1/0, in any case)");
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

const SIZE = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)$/;
const SIZE_UNIT = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 } as const;

function isSizeUnit(unit: string): unit is keyof typeof SIZE_UNIT {
  return Object.hasOwn(SIZE_UNIT, unit);
}

/** "512kb", "25mb", "1gb", "100b" -> bytes (1kb = 1024 bytes). */
export function parseSize(input: string, raw: string, options: { allowZero?: boolean } = {}): number {
  const value = raw.trim().toLowerCase();
  const m = SIZE.exec(value);
  const unit = m?.[2] ?? "";
  const bytes = m && isSizeUnit(unit) ? Math.floor(Number(m[1]) * SIZE_UNIT[unit]) : Number.NaN;
  if (!Number.isFinite(bytes) || bytes < 0 || (bytes === 0 && !options.allowZero)) {
    const hint = /^\d+(\.\d+)?$/.test(value) ? `; add a unit, e.g. "${value}kb"` : "";
    throw new InputError(
      input,
      raw,
      `is not a size: use a number with a unit b, kb, mb or gb (1kb = 1024 bytes), e.g. "512kb", "25mb", "1gb"${options.allowZero ? ', or "0b"' : ""}${hint}`,
    );
  }
  return bytes;
}

/** Addresses and networks as a BlockList (to check addresses against), with the entries as written. */
export interface CidrList {
  readonly blockList: BlockList;
  /** As written, for messages (and to build the list again in another process). */
  readonly entries: readonly string[];
}

/** "10.0.0.0/8, 2001:db8::/32\n203.0.113.7" -> a CidrList; undefined when empty. */
export function parseCidrs(input: string, raw: string): CidrList | undefined {
  const entries = raw
    .split(/[\s,]+/)
    .map((e) => e.trim())
    .filter((e) => e !== "");
  if (entries.length === 0) return undefined;
  const blockList = new BlockList();
  for (const entry of entries) {
    const slash = entry.indexOf("/");
    const address = slash === -1 ? entry : entry.slice(0, slash);
    const family = isIP(address);
    const prefixText = slash === -1 ? undefined : entry.slice(slash + 1);
    const max = family === 6 ? 128 : 32;
    const prefix = prefixText === undefined ? max : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : -1;
    if (family === 0 || prefix < 0 || prefix > max) {
      throw new InputError(
        input,
        entry,
        'must list IPv4 or IPv6 addresses or CIDRs separated by commas or newlines, e.g. "203.0.113.0/24, 2001:db8::/32, 198.51.100.7"',
      );
    }
    const type = family === 6 ? "ipv6" : "ipv4";
    if (prefix === max) blockList.addAddress(address, type);
    else blockList.addSubnet(address, prefix, type);
  }
  return { blockList, entries };
}

/** A value picked from a fixed list (case-insensitive), e.g. a mode. */
export function parseChoice<const C extends string>(input: string, raw: string, choices: readonly C[]): C {
  const value = raw.trim().toLowerCase();
  const found = choices.find((choice) => choice === value);
  if (found === undefined) throw new InputError(input, raw, `must be one of ${choices.join(", ")}`);
  return found;
}
