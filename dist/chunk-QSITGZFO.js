import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);

// src/util/multi-search.ts
var BLOCK = 3;
var TABLE_BITS = 15;
var TABLE_MASK = (1 << TABLE_BITS) - 1;
var blockHash = (text, end) => (text.charCodeAt(end - 2) << 10 ^ text.charCodeAt(end - 1) << 5 ^ text.charCodeAt(end)) & TABLE_MASK;
var MultiSearch = class {
  /** Length of the shortest pattern: the window the shift table looks at. */
  #window;
  #shift;
  /** Patterns whose first `window` characters end in a block with this hash, longest first. */
  #buckets = /* @__PURE__ */ new Map();
  /** Patterns shorter than 3 characters are ignored. */
  constructor(patterns) {
    const usable = [...new Set(patterns)].filter((p) => p.length >= BLOCK).sort((a, b) => b.length - a.length);
    this.#window = usable.length === 0 ? 0 : Math.min(...usable.map((p) => p.length));
    const m = this.#window;
    this.#shift = new Uint16Array(1 << TABLE_BITS).fill(Math.max(1, m - BLOCK + 1));
    for (const pattern of usable) {
      for (let end = BLOCK - 1; end < m; end++) {
        const h2 = blockHash(pattern, end);
        const shift = m - 1 - end;
        if (shift < this.#shift[h2]) this.#shift[h2] = shift;
      }
      const h = blockHash(pattern, m - 1);
      const bucket = this.#buckets.get(h);
      if (bucket) bucket.push(pattern);
      else this.#buckets.set(h, [pattern]);
    }
  }
  get empty() {
    return this.#window === 0;
  }
  /** The leftmost match at or after `from` (the longest pattern starting there), or undefined. */
  next(text, from = 0) {
    const m = this.#window;
    if (m === 0) return void 0;
    const n = text.length;
    const shift = this.#shift;
    let pos = from + m - 1;
    while (pos < n) {
      const h = blockHash(text, pos);
      const s = shift[h];
      if (s > 0) {
        pos += s;
        continue;
      }
      const start = pos - m + 1;
      for (const pattern of this.#buckets.get(h) ?? []) {
        if (text.startsWith(pattern, start)) return { start, end: start + pattern.length };
      }
      pos++;
    }
    return void 0;
  }
  /** True when any pattern occurs in the text. */
  test(text) {
    return this.next(text) !== void 0;
  }
  /** Every non-overlapping match replaced (leftmost first, longest at each place). */
  replace(text, replacement) {
    let match = this.next(text);
    if (match === void 0) return text;
    let out = "";
    let last = 0;
    while (match !== void 0) {
      out += text.slice(last, match.start) + replacement;
      last = match.end;
      match = this.next(text, last);
    }
    return out + text.slice(last);
  }
};

// src/util/secrets.ts
var REDACTED = "[redacted]";
var MIN_SECRET_LENGTH = 8;
function namedSecrets(...secrets) {
  return secrets.flatMap(([label, value]) => value ? [{ label, value }] : []);
}
function tooShortWarning(label) {
  return `${label} is shorter than ${MIN_SECRET_LENGTH} characters, so it is not redacted from the recording, reports and comments (it would garble ordinary text); use a longer secret.`;
}
var SecretRegistry = class {
  #options;
  #values = /* @__PURE__ */ new Set();
  #forms = /* @__PURE__ */ new Set();
  #version = 0;
  #text;
  #bytes;
  constructor(options = {}) {
    this.#options = options;
  }
  get version() {
    return this.#version;
  }
  get empty() {
    return this.#forms.size === 0;
  }
  /** Registers a secret; `label` names where it came from (for the too-short warning). Empty values are ignored. */
  add(value, label) {
    if (value === void 0 || value === "" || this.#values.has(value)) return;
    this.#values.add(value);
    this.#options.onAdd?.(value);
    if (value.length < MIN_SECRET_LENGTH) {
      this.#options.onTooShort?.(label);
      return;
    }
    for (const form of encodedForms(value)) this.#forms.add(form);
    if (value.includes("\n")) {
      const lines = value.split(/\r?\n/).filter((line) => !line.startsWith("-----"));
      for (const line of lines) if (line.length >= MIN_SECRET_LENGTH) this.add(line, label);
      const joined = lines.join("");
      if (joined !== value && joined.length >= MIN_SECRET_LENGTH)
        for (const form of encodedForms(joined)) this.#forms.add(form);
    }
    this.#version++;
    this.#text = void 0;
    this.#bytes = void 0;
  }
  /** The text with every secret (in every form above) replaced. */
  redact(text, replacement = REDACTED) {
    if (this.#forms.size === 0) return text;
    this.#text ??= new MultiSearch(this.#forms);
    return this.#text.replace(text, replacement);
  }
  /** True when binary content holds a secret (as UTF-8 bytes, in any of the forms). */
  containsSecret(bytes) {
    if (this.#forms.size === 0) return false;
    this.#bytes ??= new MultiSearch([...this.#forms].map((f) => Buffer.from(f, "utf8").toString("latin1")));
    return this.#bytes.test(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1"));
  }
  /** A copy of a JSON-like value (plain objects, arrays, strings) with every string redacted. */
  redactDeep(value) {
    if (this.#forms.size === 0) return value;
    return redactValue(value, (text) => this.redact(text));
  }
};
function redactValue(value, redact) {
  if (typeof value === "string") return redact(value);
  if (Array.isArray(value)) return value.map((v) => redactValue(v, redact));
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactValue(v, redact)]));
  }
  return value;
}
function encodedForms(value) {
  const forms = /* @__PURE__ */ new Set([value]);
  const json = JSON.stringify(value).slice(1, -1);
  forms.add(json);
  forms.add(json.replaceAll("/", "\\/"));
  forms.add(JSON.stringify(json).slice(1, -1));
  const uri = encodeURIComponent(value);
  forms.add(uri);
  forms.add(uri.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()));
  forms.add(new URLSearchParams([["", value]]).toString().slice(1));
  const html = value.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
  for (const apostrophe of ["&#39;", "&#x27;", "&apos;"]) forms.add(html.replaceAll("'", apostrophe));
  const bytes = Buffer.from(value, "utf8");
  forms.add(bytes.toString("base64"));
  forms.add(bytes.toString("base64url"));
  for (const core of base64Cores(bytes)) {
    forms.add(core);
    forms.add(core.replaceAll("+", "-").replaceAll("/", "_"));
  }
  return forms;
}
function base64Cores(bytes) {
  const cores = [];
  for (let offset = 0; offset < 3; offset++) {
    const total = offset + bytes.length;
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString("base64");
    const first = Math.ceil(offset * 8 / 6);
    const end = Math.floor(total * 8 / 6);
    if (end - first >= MIN_SECRET_LENGTH) cores.push(encoded.slice(first, end));
  }
  return cores;
}

export {
  REDACTED,
  namedSecrets,
  tooShortWarning,
  SecretRegistry
};
