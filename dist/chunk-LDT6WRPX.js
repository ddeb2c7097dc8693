import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import {
  BlockList,
  isIP
} from "./chunk-VTIJIBSJ.js";
import {
  InputError
} from "./chunk-S4FSG2IO.js";

// src/util/parse.ts
function masked(value) {
  return `<${value.length} characters, hidden>`;
}
var UNIT_MS = { ms: 1, s: 1e3, m: 6e4, h: 36e5 };
var DURATION = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h))+$/;
var DURATION_PART = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;
function isDurationUnit(unit) {
  return Object.hasOwn(UNIT_MS, unit);
}
var MAX_DURATION_MS = 2 ** 31 - 1;
var MAX_DURATION_TEXT = "596h (about 24.8 days, the longest Node.js timer)";
function parseDuration(input, raw, options = {}) {
  const value = raw.trim().toLowerCase();
  if (!DURATION.test(value)) {
    const hint = /^\d+(\.\d+)?$/.test(value) ? `; add a unit, e.g. "${value}s"` : "";
    throw new InputError(
      input,
      raw,
      `is not a duration: use a number with a unit ms, s, m or h, e.g. "500ms", "90s", "2m", "1m30s"${hint}`
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
function parsePositiveDuration(input, raw) {
  const ms = parseDuration(input, raw);
  if (ms <= 0) throw new InputError(input, raw, 'must be longer than 0, e.g. "60s"');
  return ms;
}
function parsePort(input, raw) {
  const value = raw.trim();
  const port = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new InputError(input, raw, "must be a TCP port number from 1 to 65535");
  }
  return port;
}
var TRUE = ["true", "yes", "1"];
var FALSE = ["false", "no", "0"];
function parseBoolean(input, raw) {
  const value = raw.trim().toLowerCase();
  if (TRUE.includes(value)) return true;
  if (FALSE.includes(value)) return false;
  throw new InputError(input, raw, "must be true or false (also accepted: yes/no, 1/0, in any case)");
}
var ENV_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
function parseEnvLines(input, raw) {
  const env = {};
  raw.split(/\r?\n/).forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("#")) return;
    const eq = trimmed.indexOf("=");
    const key = eq === -1 ? trimmed : trimmed.slice(0, eq).trim();
    if (eq === -1 || !ENV_KEY.test(key)) {
      const shown = eq === -1 ? `${trimmed.split(/\s/)[0]?.slice(0, 40) ?? ""}\u2026` : key;
      throw new InputError(
        input,
        shown,
        `line ${index + 1} is not KEY=VALUE with KEY made of letters, digits and _ (not starting with a digit)`
      );
    }
    env[key] = trimmed.slice(eq + 1);
  });
  return env;
}
function parseStatusRanges(input, raw) {
  const parts = raw.split(",").map((p) => p.trim()).filter((p) => p !== "");
  const fail = () => {
    throw new InputError(
      input,
      raw,
      'must be HTTP statuses (100-599) as a list of codes, ranges or classes, e.g. "200-399", "200,204", "2xx"'
    );
  };
  if (parts.length === 0) fail();
  return parts.map((part) => {
    const cls = /^([1-5])xx$/i.exec(part);
    if (cls) return { min: Number(cls[1]) * 100, max: Number(cls[1]) * 100 + 99 };
    const m = /^(\d{3})(?:\s*-\s*(\d{3}))?$/.exec(part);
    if (!m) return fail();
    const min = Number(m[1]);
    const max = m[2] === void 0 ? min : Number(m[2]);
    if (min < 100 || max > 599 || min > max) return fail();
    return { min, max };
  });
}
function statusAccepted(ranges, status) {
  return ranges.some((r) => status >= r.min && status <= r.max);
}
var SIZE = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)$/;
var SIZE_UNIT = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };
function isSizeUnit(unit) {
  return Object.hasOwn(SIZE_UNIT, unit);
}
function parseSize(input, raw, options = {}) {
  const value = raw.trim().toLowerCase();
  const m = SIZE.exec(value);
  const unit = m?.[2] ?? "";
  const bytes = m && isSizeUnit(unit) ? Math.floor(Number(m[1]) * SIZE_UNIT[unit]) : Number.NaN;
  if (!Number.isFinite(bytes) || bytes < 0 || bytes === 0 && !options.allowZero) {
    const hint = /^\d+(\.\d+)?$/.test(value) ? `; add a unit, e.g. "${value}kb"` : "";
    throw new InputError(
      input,
      raw,
      `is not a size: use a number with a unit b, kb, mb or gb (1kb = 1024 bytes), e.g. "512kb", "25mb", "1gb"${options.allowZero ? ', or "0b"' : ""}${hint}`
    );
  }
  return bytes;
}
function parseCidrs(input, raw) {
  const entries = raw.split(/[\s,]+/).map((e) => e.trim()).filter((e) => e !== "");
  if (entries.length === 0) return void 0;
  const blockList = new BlockList();
  for (const entry of entries) {
    const slash = entry.indexOf("/");
    const address = slash === -1 ? entry : entry.slice(0, slash);
    const family = isIP(address);
    const prefixText = slash === -1 ? void 0 : entry.slice(slash + 1);
    const max = family === 6 ? 128 : 32;
    const prefix = prefixText === void 0 ? max : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : -1;
    if (family === 0 || prefix < 0 || prefix > max) {
      throw new InputError(
        input,
        entry,
        'must list IPv4 or IPv6 addresses or CIDRs separated by commas or newlines, e.g. "203.0.113.0/24, 2001:db8::/32, 198.51.100.7"'
      );
    }
    const type = family === 6 ? "ipv6" : "ipv4";
    if (prefix === max) blockList.addAddress(address, type);
    else blockList.addSubnet(address, prefix, type);
  }
  return { blockList, entries };
}
function parseChoice(input, raw, choices) {
  const value = raw.trim().toLowerCase();
  const found = choices.find((choice) => choice === value);
  if (found === void 0) throw new InputError(input, raw, `must be one of ${choices.join(", ")}`);
  return found;
}

export {
  masked,
  MAX_DURATION_MS,
  MAX_DURATION_TEXT,
  parseDuration,
  parsePositiveDuration,
  parsePort,
  parseBoolean,
  parseEnvLines,
  parseStatusRanges,
  statusAccepted,
  parseSize,
  parseCidrs,
  parseChoice
};
