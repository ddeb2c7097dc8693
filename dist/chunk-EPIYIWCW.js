import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import {
  require_crypto,
  require_http,
  require_path,
  require_stream
} from "./chunk-BVXFKNV2.js";
import {
  require_fs
} from "./chunk-HWQAXG6F.js";
import {
  __commonJS,
  __require,
  __toESM
} from "./chunk-PGICO5ZK.js";

// builtin:timers/promises
var require_promises = __commonJS({
  "builtin:timers/promises"(exports, module) {
    module.exports = __require("node:timers/promises");
  }
});

// builtin:fs/promises
var require_promises2 = __commonJS({
  "builtin:fs/promises"(exports, module) {
    module.exports = __require("node:fs/promises");
  }
});

// builtin:vm
var require_vm = __commonJS({
  "builtin:vm"(exports, module) {
    module.exports = __require("node:vm");
  }
});

// builtin:net
var require_net = __commonJS({
  "builtin:net"(exports, module) {
    module.exports = __require("node:net");
  }
});

// builtin:zlib
var require_zlib = __commonJS({
  "builtin:zlib"(exports, module) {
    module.exports = __require("node:zlib");
  }
});

// src/errors.ts
var EXIT = {
  ok: 0,
  testFailed: 1,
  invalidInput: 2,
  startFailed: 3,
  /** 128 + signal number, as shells report a run ended by a signal. */
  sigint: 130,
  sigterm: 143
};
var InputError = class extends Error {
  constructor(input, value, problem) {
    super(`Input "${input}" ${problem} (got ${JSON.stringify(value)}).`);
    this.input = input;
    this.value = value;
    this.problem = problem;
    this.name = "InputError";
  }
  input;
  value;
  problem;
  exitCode = EXIT.invalidInput;
};
var ConfigError = class extends Error {
  constructor(problems) {
    super(
      problems.length === 1 ? problems[0]?.message ?? "Invalid input." : `${problems.length} inputs are invalid:
${problems.map((p) => `  - ${p.message}`).join("\n")}`
    );
    this.problems = problems;
    this.name = "ConfigError";
  }
  problems;
  exitCode = EXIT.invalidInput;
};
var StartError = class extends Error {
  exitCode = EXIT.startFailed;
  constructor(message, options) {
    super(message, options);
    this.name = "StartError";
  }
};
var CancelledError = class extends Error {
  constructor(signal) {
    super(`Cancelled by ${signal}.`);
    this.signal = signal;
    this.name = "CancelledError";
    this.exitCode = signal === "SIGINT" ? EXIT.sigint : EXIT.sigterm;
  }
  signal;
  exitCode;
};
function exitCodeOf(error) {
  return error instanceof Error && "exitCode" in error && typeof error.exitCode === "number" ? error.exitCode : EXIT.testFailed;
}
function errorMessage(error) {
  return error instanceof Error ? error.message : String(error);
}

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

// src/gate/auth.ts
var import_node_crypto2 = __toESM(require_crypto(), 1);

// src/util/secure-compare.ts
var import_node_crypto = __toESM(require_crypto(), 1);
function sha256(data) {
  return typeof import_node_crypto.hash === "function" ? (0, import_node_crypto.hash)("sha256", data, "buffer") : (0, import_node_crypto.createHash)("sha256").update(data).digest();
}
function safeEqual(a, b) {
  return (0, import_node_crypto.timingSafeEqual)(sha256(a), sha256(b));
}
var SecretMatcher = class {
  #expected;
  #length;
  #scratch;
  constructor(secret) {
    let size = 256;
    while (size < secret.length) size *= 2;
    this.#expected = Buffer.alloc(size);
    secret.copy(this.#expected);
    this.#length = secret.length;
    this.#scratch = Buffer.alloc(size);
  }
  /** Whether `given`, decoded from `encoding` (e.g. the base64 of Basic credentials), is the secret. */
  matches(given, encoding) {
    const scratch = this.#scratch;
    scratch.fill(0);
    const written = scratch.write(given, 0, encoding);
    const fits = Buffer.byteLength(given, encoding) <= scratch.length;
    const same = (0, import_node_crypto.timingSafeEqual)(scratch, this.#expected);
    return same && fits && written === this.#length;
  }
};

// src/gate/respond.ts
var import_node_http = __toESM(require_http(), 1);

// src/gate/exchange.ts
function readBasics(raw) {
  let host;
  let duplicateHost = false;
  let connection;
  let contentLength;
  let transferEncoding;
  let authorization;
  let cookie;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i];
    const value = raw[i + 1];
    switch (name.length) {
      case 4:
        if (name.toLowerCase() === "host") {
          if (host === void 0) host = value;
          else duplicateHost = true;
        }
        break;
      case 6:
        if (name.toLowerCase() === "cookie") cookie = cookie === void 0 ? value : `${cookie}; ${value}`;
        break;
      case 10:
        if (name.toLowerCase() === "connection")
          connection = connection === void 0 ? value : `${connection}, ${value}`;
        break;
      case 13:
        if (authorization === void 0 && name.toLowerCase() === "authorization") authorization = value;
        break;
      case 14:
        if (contentLength === void 0 && name.toLowerCase() === "content-length") contentLength = value;
        break;
      case 17:
        if (name.toLowerCase() === "transfer-encoding") {
          transferEncoding = transferEncoding === void 0 ? value : `${transferEncoding}, ${value}`;
        }
        break;
    }
  }
  return { host, duplicateHost, connection, contentLength, transferEncoding, authorization, cookie };
}
function createExchange(req, res, socket, head2, expectContinue) {
  const url = req.url ?? "/";
  const q = url.indexOf("?");
  return {
    req,
    basics: readBasics(req.rawHeaders),
    res,
    socket,
    head: head2,
    pathname: q === -1 ? url : url.slice(0, q),
    path: "",
    started: performance.now(),
    startedAt: Date.now(),
    expectContinue,
    clientIp: void 0,
    refusal: void 0,
    stripAuthorization: false,
    stripSessionCookie: false,
    body: void 0,
    webhookVerified: false,
    webhook: void 0,
    record: void 0,
    upstream: void 0,
    sentAt: void 0,
    firstByteAt: void 0,
    status: 0,
    finished: false
  };
}
function announcesBody(basics) {
  const length = basics.contentLength;
  return length !== void 0 && length !== "0" || basics.transferEncoding !== void 0;
}

// src/gate/respond.ts
function reply(ex, status, message, extra = {}) {
  const body = Buffer.from(`preview-tunnel gate: ${message}
`);
  const headers = {
    "content-type": "text/plain; charset=utf-8",
    "content-length": String(body.length),
    "cache-control": "no-store",
    ...extra
  };
  if (!ex.res || announcesBody(ex.basics) && !ex.req.readableEnded) headers.connection = "close";
  ex.status = status;
  ex.record?.note(message);
  ex.record?.response(status, import_node_http.STATUS_CODES[status] ?? "", flatten(headers), "1.1");
  ex.record?.responseBody(body);
  if (ex.res) {
    const res = ex.res;
    if (res.headersSent || res.destroyed) {
      res.destroy();
      return;
    }
    res.writeHead(status, headers);
    res.end(body);
    return;
  }
  writeRaw(ex, status, import_node_http.STATUS_CODES[status] ?? "", flatten(headers), body);
}
function writeRaw(ex, status, statusText, rawHeaders, body) {
  if (ex.socket.destroyed) return;
  ex.socket.end(Buffer.concat([Buffer.from(head(status, statusText, rawHeaders)), body ?? Buffer.alloc(0)]));
}
function head(status, statusText, rawHeaders) {
  let text = `HTTP/1.1 ${status} ${statusText}\r
`;
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) text += `${rawHeaders[i]}: ${rawHeaders[i + 1]}\r
`;
  return `${text}\r
`;
}
function flatten(headers) {
  const raw = [];
  for (const [name, value] of Object.entries(headers)) raw.push(name, value);
  return raw;
}

// src/gate/session-cookie.ts
var SESSION_COOKIE = "preview_tunnel_session";
function cookieValues(header, name) {
  const values = [];
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq !== -1 && part.slice(0, eq).trim() === name) values.push(part.slice(eq + 1).trim());
  }
  return values;
}
function withoutSessionCookie(header) {
  const kept = header.split(";").map((p) => p.trim()).filter((p) => p !== "" && p.slice(0, p.indexOf("=")).trim() !== SESSION_COOKIE);
  return kept.length === 0 ? void 0 : kept.join("; ");
}

// src/gate/auth.ts
var SESSION_TTL_MS = 24 * 36e5;
var MAX_SESSIONS = 1e4;
var MAX_LOGIN_TOKENS = 1e3;
function digestKey(value) {
  return sha256(value).toString("base64");
}
var Authenticator = class {
  #auth;
  /** "user:password" (basic) or the token (bearer). */
  #expected;
  #challenge;
  /** Keyed by the digest of the secret value, so a lookup's timing depends on the hash only. */
  #sessions = /* @__PURE__ */ new Map();
  #loginTokens = /* @__PURE__ */ new Set();
  #onMinted;
  /** `onMinted` is told every login token and session id made (to keep them out of reports). */
  constructor(auth, onMinted = () => void 0) {
    this.#auth = auth;
    this.#onMinted = onMinted;
    if (auth.mode === "basic") {
      this.#expected = new SecretMatcher(Buffer.from(`${auth.username}:${auth.password}`, "utf8"));
      this.#challenge = 'Basic realm="preview", charset="UTF-8"';
    } else if (auth.mode === "bearer") {
      this.#expected = new SecretMatcher(Buffer.from(auth.token, "utf8"));
      this.#challenge = 'Bearer realm="preview"';
    } else {
      this.#expected = void 0;
      this.#challenge = "";
    }
  }
  get mode() {
    return this.#auth.mode;
  }
  /** Checks the session cookie first (a browser after a login link), then Authorization. */
  check(request) {
    if (this.#expected === void 0) return { ok: true, via: "none" };
    const cookie = request.cookie;
    if (cookie?.includes(SESSION_COOKIE) && this.#hasSession(cookie)) return { ok: true, via: "session" };
    const header = request.authorization;
    if (header === void 0) return this.#fail("credentials required");
    const space = header.indexOf(" ");
    const scheme = header.slice(0, space).toLowerCase();
    const value = header.slice(space + 1).trim();
    if (this.#auth.mode === "basic") {
      if (space === -1 || scheme !== "basic") return this.#fail("use Basic credentials");
      return this.#expected.matches(value, "base64") ? { ok: true, via: "header" } : this.#fail("wrong credentials");
    }
    if (space === -1 || scheme !== "bearer") return this.#fail("use a Bearer token");
    return this.#expected.matches(value, "utf8") ? { ok: true, via: "header" } : { ok: false, reason: "wrong token", challenge: `${this.#challenge}, error="invalid_token"` };
  }
  #fail(reason) {
    return { ok: false, reason, challenge: this.#challenge };
  }
  #hasSession(cookieHeader) {
    const now = Date.now();
    for (const value of cookieValues(cookieHeader, SESSION_COOKIE)) {
      const key = digestKey(value);
      const expires = this.#sessions.get(key);
      if (expires === void 0) continue;
      if (expires > now) return true;
      this.#sessions.delete(key);
    }
    return false;
  }
  /** A new single-use login token (for `/__preview/login?token=...`). */
  createLoginToken() {
    const token = (0, import_node_crypto2.randomBytes)(32).toString("base64url");
    if (this.#loginTokens.size >= MAX_LOGIN_TOKENS) {
      const oldest = this.#loginTokens.values().next().value;
      if (oldest !== void 0) this.#loginTokens.delete(oldest);
    }
    this.#loginTokens.add(digestKey(token));
    this.#onMinted(token);
    return token;
  }
  /** `/__preview/login?token=...`: a valid unused token becomes a session cookie and a 303 to `/`. */
  login(ex) {
    const res = ex.res;
    if (!res) {
      reply(ex, 400, "the login link cannot be used for a WebSocket");
      return;
    }
    if (ex.req.method !== "GET") {
      reply(ex, 405, "the login link is opened with GET", { allow: "GET" });
      return;
    }
    const url = ex.req.url ?? "";
    const query = url.indexOf("?");
    const token = query === -1 ? "" : new URLSearchParams(url.slice(query + 1)).get("token") ?? "";
    const redirect = { location: "/", "referrer-policy": "no-referrer" };
    if (this.#auth.mode === "none") {
      reply(ex, 303, "no login needed, see /", redirect);
      return;
    }
    const key = digestKey(token);
    if (token !== "" && this.#loginTokens.delete(key)) {
      const session = this.#newSession();
      reply(ex, 303, "logged in, see /", {
        ...redirect,
        "set-cookie": `${SESSION_COOKIE}=${session}; Path=/; Max-Age=${SESSION_TTL_MS / 1e3}; Secure; HttpOnly; SameSite=Lax`
      });
      return;
    }
    if (this.check(ex.basics).ok) {
      reply(ex, 303, "already logged in, see /", redirect);
      return;
    }
    reply(
      ex,
      401,
      "this login link is not valid or was already used; ask for a new one or use the credentials",
      {
        "www-authenticate": this.#challenge
      }
    );
  }
  #newSession() {
    const id = (0, import_node_crypto2.randomBytes)(32).toString("base64url");
    if (this.#sessions.size >= MAX_SESSIONS) {
      const oldest = this.#sessions.keys().next().value;
      if (oldest !== void 0) this.#sessions.delete(oldest);
    }
    this.#sessions.set(digestKey(id), Date.now() + SESSION_TTL_MS);
    this.#onMinted(id);
    return id;
  }
};
function clientCredentials(auth) {
  if (auth.mode === "basic") {
    return {
      PREVIEW_USERNAME: auth.username,
      PREVIEW_PASSWORD: auth.password,
      PREVIEW_AUTH_HEADER: `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString("base64")}`
    };
  }
  if (auth.mode === "bearer")
    return { PREVIEW_TOKEN: auth.token, PREVIEW_AUTH_HEADER: `Bearer ${auth.token}` };
  return {};
}

// src/util/time.ts
var import_promises = __toESM(require_promises(), 1);
function formatDuration(ms) {
  if (ms < 1e3) return `${Math.round(ms)}ms`;
  if (ms < 6e4) return `${(ms / 1e3).toFixed(ms < 1e4 ? 2 : 1)}s`;
  const m = Math.floor(ms / 6e4);
  const s = Math.round(ms % 6e4 / 1e3);
  return s === 0 ? `${m}m` : `${m}m${s}s`;
}
async function sleep(ms, signal) {
  try {
    await (0, import_promises.setTimeout)(ms, void 0, { signal });
  } catch {
  }
}

// src/gate/reserved-paths.ts
var RESERVED_ROOT = "/__preview";
var RESERVED_PREFIX = `${RESERVED_ROOT}/`;
var PROBE_PATH = "/__preview/probe";
var LOGIN_PATH = "/__preview/login";
var IDP_MOUNT_PATH = "/__preview/idp";
function isReservedPath(path2) {
  return path2.startsWith(RESERVED_PREFIX);
}

// src/gate/replay.ts
var import_promises2 = __toESM(require_promises2(), 1);

// src/webhooks/discord.ts
var import_node_crypto4 = __toESM(require_crypto(), 1);

// src/webhooks/compare.ts
var import_node_crypto3 = __toESM(require_crypto(), 1);
function hmac(algorithm, key, ...data) {
  const mac = (0, import_node_crypto3.createHmac)(algorithm, key);
  for (const part of data) mac.update(part);
  return mac.digest();
}
function headerValue(headers, name) {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}
var OK = { ok: true };
function missing(header) {
  return { ok: false, status: 401, reason: `missing ${header} header` };
}
function bad(reason) {
  return { ok: false, status: 403, reason };
}
var TOLERANCE_SECONDS = 300;
function staleness(timestamp, nowSeconds, toleranceSeconds = TOLERANCE_SECONDS) {
  if (!Number.isFinite(timestamp)) return bad("timestamp is not a number");
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) {
    return bad(`timestamp is outside the ${toleranceSeconds} s tolerance`);
  }
  return void 0;
}

// src/webhooks/discord.ts
var SIGNATURE = "x-signature-ed25519";
var TIMESTAMP = "x-signature-timestamp";
var publicKeys = /* @__PURE__ */ new Map();
function publicKey(hex) {
  if (!publicKeys.has(hex)) {
    let key;
    if (/^[0-9a-f]{64}$/i.test(hex)) {
      const x = Buffer.from(hex, "hex").toString("base64url");
      key = (0, import_node_crypto4.createPublicKey)({ key: { kty: "OKP", crv: "Ed25519", x }, format: "jwk" });
    }
    publicKeys.set(hex, key);
  }
  return publicKeys.get(hex);
}
var lastPrivate;
function privateKey(pem) {
  if (lastPrivate?.pem !== pem) lastPrivate = { pem, key: (0, import_node_crypto4.createPrivateKey)(pem) };
  return lastPrivate.key;
}
function signDiscord(body, timestamp, privateKeyPem) {
  const data = Buffer.concat([Buffer.from(timestamp), Buffer.from(body)]);
  return (0, import_node_crypto4.sign)(null, data, privateKey(privateKeyPem)).toString("hex");
}
function verifyDiscord(request, publicKeyHex) {
  const signature = headerValue(request.headers, SIGNATURE);
  if (signature === void 0) return missing("X-Signature-Ed25519");
  const timestamp = headerValue(request.headers, TIMESTAMP);
  if (timestamp === void 0) return missing("X-Signature-Timestamp");
  const key = publicKey(publicKeyHex.trim());
  if (key === void 0) return bad("the configured Discord public key is not 64 hex characters");
  if (!/^[0-9a-f]{128}$/i.test(signature)) return bad("X-Signature-Ed25519 is not 128 hex characters");
  const data = Buffer.concat([Buffer.from(timestamp), request.body]);
  return (0, import_node_crypto4.verify)(null, data, key, Buffer.from(signature, "hex")) ? OK : bad("X-Signature-Ed25519 does not verify with the public key");
}
var discord = {
  provider: "discord",
  signatureHeaders: [SIGNATURE],
  verify: verifyDiscord,
  /** `privateKeyPem`: the PKCS#8 PEM of the key pair whose public key the app was given. */
  sign: (input, privateKeyPem) => {
    const timestamp = String(input.nowSeconds);
    return { [TIMESTAMP]: timestamp, [SIGNATURE]: signDiscord(input.body, timestamp, privateKeyPem) };
  }
};

// src/webhooks/github.ts
var HEADER = "x-hub-signature-256";
function signGithub(body, secret) {
  return `sha256=${hmac("sha256", secret, body).toString("hex")}`;
}
function verifyGithub(request, secret) {
  const signature = headerValue(request.headers, HEADER);
  if (signature === void 0) return missing("X-Hub-Signature-256");
  return safeEqual(signature, signGithub(request.body, secret)) ? OK : bad("X-Hub-Signature-256 does not match");
}
var github = {
  provider: "github",
  signatureHeaders: [HEADER, "x-hub-signature"],
  verify: verifyGithub,
  sign: (input, secret) => ({ [HEADER]: signGithub(input.body, secret) })
};

// src/webhooks/gitlab.ts
var HEADER2 = "x-gitlab-token";
function verifyGitlab(request, secret) {
  const token = headerValue(request.headers, HEADER2);
  if (token === void 0) return missing("X-Gitlab-Token");
  return safeEqual(token, secret) ? OK : bad("X-Gitlab-Token does not match");
}
var gitlab = {
  provider: "gitlab",
  signatureHeaders: [HEADER2],
  verify: verifyGitlab,
  sign: (_input, secret) => ({ [HEADER2]: secret })
};

// src/webhooks/linear.ts
var HEADER3 = "linear-signature";
var LINEAR_TOLERANCE_SECONDS = 60;
function signLinear(body, secret) {
  return hmac("sha256", secret, body).toString("hex");
}
function linearBodyTimestamp(body) {
  try {
    const parsed = JSON.parse(body.toString("utf8"));
    if (typeof parsed !== "object" || parsed === null) return void 0;
    const value = parsed.webhookTimestamp;
    return typeof value === "number" && Number.isFinite(value) ? value : void 0;
  } catch {
    return void 0;
  }
}
function verifyLinear(request, secret) {
  const signature = headerValue(request.headers, HEADER3);
  if (signature === void 0) return missing("Linear-Signature");
  if (!safeEqual(signature, signLinear(request.body, secret))) return bad("Linear-Signature does not match");
  const timestamp = linearBodyTimestamp(request.body);
  if (timestamp === void 0) return bad("the signed body has no numeric webhookTimestamp");
  return staleness(timestamp / 1e3, request.nowSeconds, LINEAR_TOLERANCE_SECONDS) ?? OK;
}
var linear = {
  provider: "linear",
  signatureHeaders: [HEADER3],
  verify: verifyLinear,
  // Re-signing cannot refresh webhookTimestamp (it is part of the body): a replayed Linear
  // delivery older than 60 s stays stale, as it would for the app.
  sign: (input, secret) => ({ [HEADER3]: signLinear(input.body, secret) })
};

// src/webhooks/paddle.ts
var HEADER4 = "paddle-signature";
var PADDLE_TOLERANCE_SECONDS = 5;
function signPaddle(body, secret, timestamp) {
  return `ts=${timestamp};h1=${hmac("sha256", secret, `${timestamp}:`, body).toString("hex")}`;
}
function verifyPaddle(request, secret) {
  const header = headerValue(request.headers, HEADER4);
  if (header === void 0) return missing("Paddle-Signature");
  let timestamp;
  const signatures = [];
  for (const item of header.split(";")) {
    const eq = item.indexOf("=");
    const key = item.slice(0, eq).trim();
    const value = item.slice(eq + 1).trim();
    if (key === "ts") timestamp = value;
    else if (key === "h1") signatures.push(value);
  }
  if (timestamp === void 0 || !/^\d+$/.test(timestamp) || signatures.length === 0) {
    return bad('Paddle-Signature lacks "ts=" or "h1="');
  }
  if (request.nowSeconds - Number(timestamp) > PADDLE_TOLERANCE_SECONDS) {
    return bad(`timestamp is more than ${PADDLE_TOLERANCE_SECONDS} s old`);
  }
  const expected = hmac("sha256", secret, `${timestamp}:`, request.body).toString("hex");
  let match = false;
  for (const signature of signatures) match = safeEqual(signature, expected) || match;
  return match ? OK : bad("no h1 signature in Paddle-Signature matches");
}
var paddle = {
  provider: "paddle",
  signatureHeaders: [HEADER4],
  verify: verifyPaddle,
  sign: (input, secret) => ({ [HEADER4]: signPaddle(input.body, secret, input.nowSeconds) })
};

// src/webhooks/pagerduty.ts
var HEADER5 = "x-pagerduty-signature";
function signPagerduty(body, secret) {
  return `v1=${hmac("sha256", secret, body).toString("hex")}`;
}
function verifyPagerduty(request, secret) {
  const header = headerValue(request.headers, HEADER5);
  if (header === void 0) return missing("X-PagerDuty-Signature");
  const expected = signPagerduty(request.body, secret);
  let match = false;
  for (const candidate of header.split(",")) match = safeEqual(candidate.trim(), expected) || match;
  return match ? OK : bad("no v1 signature in X-PagerDuty-Signature matches");
}
var pagerduty = {
  provider: "pagerduty",
  signatureHeaders: [HEADER5],
  verify: verifyPagerduty,
  sign: (input, secret) => ({ [HEADER5]: signPagerduty(input.body, secret) })
};

// src/webhooks/shopify.ts
var HEADER6 = "x-shopify-hmac-sha256";
function signShopify(body, secret) {
  return hmac("sha256", secret, body).toString("base64");
}
function verifyShopify(request, secret) {
  const signature = headerValue(request.headers, HEADER6);
  if (signature === void 0) return missing("X-Shopify-Hmac-Sha256");
  const given = Buffer.from(signature, "base64");
  return safeEqual(given, hmac("sha256", secret, request.body)) ? OK : bad("X-Shopify-Hmac-Sha256 does not match");
}
var shopify = {
  provider: "shopify",
  signatureHeaders: [HEADER6],
  verify: verifyShopify,
  sign: (input, secret) => ({ [HEADER6]: signShopify(input.body, secret) })
};

// src/webhooks/slack.ts
var SIGNATURE2 = "x-slack-signature";
var TIMESTAMP2 = "x-slack-request-timestamp";
function signSlack(body, secret, timestamp) {
  return `v0=${hmac("sha256", secret, `v0:${timestamp}:`, body).toString("hex")}`;
}
function verifySlack(request, secret) {
  const signature = headerValue(request.headers, SIGNATURE2);
  if (signature === void 0) return missing("X-Slack-Signature");
  const timestamp = headerValue(request.headers, TIMESTAMP2);
  if (timestamp === void 0) return missing("X-Slack-Request-Timestamp");
  if (!/^\d+$/.test(timestamp)) return bad("X-Slack-Request-Timestamp is not a number");
  const stale = staleness(Number(timestamp), request.nowSeconds);
  if (stale) return stale;
  const expected = `v0=${hmac("sha256", secret, `v0:${timestamp}:`, request.body).toString("hex")}`;
  return safeEqual(signature, expected) ? OK : bad("X-Slack-Signature does not match");
}
var slack = {
  provider: "slack",
  signatureHeaders: [SIGNATURE2],
  verify: verifySlack,
  sign: (input, secret) => ({
    [TIMESTAMP2]: String(input.nowSeconds),
    [SIGNATURE2]: signSlack(input.body, secret, input.nowSeconds)
  })
};

// src/webhooks/square.ts
var HEADER7 = "x-square-hmacsha256-signature";
function signSquare(notificationUrl, body, signatureKey) {
  return hmac("sha256", signatureKey, notificationUrl, body).toString("base64");
}
function verifySquare(request, signatureKey) {
  const signature = headerValue(request.headers, HEADER7);
  if (signature === void 0) return missing("x-square-hmacsha256-signature");
  return safeEqual(signature, signSquare(request.url, request.body, signatureKey)) ? OK : bad("x-square-hmacsha256-signature does not match (Square signs the public notification URL)");
}
var square = {
  provider: "square",
  signatureHeaders: [HEADER7, "x-square-signature"],
  verify: verifySquare,
  sign: (input, signatureKey) => ({ [HEADER7]: signSquare(input.url, input.body, signatureKey) })
};

// src/webhooks/standard-webhooks.ts
var import_node_crypto5 = __toESM(require_crypto(), 1);
function standardWebhooksKey(secret) {
  return Buffer.from(secret.startsWith("whsec_") ? secret.slice("whsec_".length) : secret, "base64");
}
function signStandardWebhook(id, timestamp, body, secret) {
  return `v1,${hmac("sha256", standardWebhooksKey(secret), `${id}.${timestamp}.`, body).toString("base64")}`;
}
function triple(headers, prefixes) {
  for (const prefix of prefixes) {
    const signature = headerValue(headers, `${prefix}-signature`);
    if (signature === void 0) continue;
    return {
      prefix,
      signature,
      id: headerValue(headers, `${prefix}-id`),
      timestamp: headerValue(headers, `${prefix}-timestamp`)
    };
  }
  return void 0;
}
function verifyWith(prefixes) {
  return (request, secret) => {
    const found = triple(request.headers, prefixes);
    const first = prefixes[0] ?? "webhook";
    if (found === void 0) return missing(`${first}-signature`);
    if (found.id === void 0) return missing(`${found.prefix}-id`);
    if (found.timestamp === void 0) return missing(`${found.prefix}-timestamp`);
    if (!/^\d+$/.test(found.timestamp)) return bad(`${found.prefix}-timestamp is not a number`);
    const stale = staleness(Number(found.timestamp), request.nowSeconds);
    if (stale) return stale;
    const expected = hmac(
      "sha256",
      standardWebhooksKey(secret),
      `${found.id}.${found.timestamp}.`,
      request.body
    );
    let match = false;
    for (const entry of found.signature.split(" ")) {
      const comma = entry.indexOf(",");
      if (entry.slice(0, comma) !== "v1") continue;
      match = safeEqual(Buffer.from(entry.slice(comma + 1), "base64"), expected) || match;
    }
    return match ? OK : bad(`no v1 signature in ${found.prefix}-signature matches`);
  };
}
function signWith(prefix) {
  return (input, secret) => {
    const headers = input.headers ?? {};
    const id = headerValue(headers, `${prefix}-id`) ?? headerValue(headers, "webhook-id") ?? `msg_${(0, import_node_crypto5.randomUUID)().replaceAll("-", "")}`;
    return {
      [`${prefix}-id`]: id,
      [`${prefix}-timestamp`]: String(input.nowSeconds),
      [`${prefix}-signature`]: signStandardWebhook(id, input.nowSeconds, input.body, secret)
    };
  };
}
var standardWebhooks = {
  provider: "standard-webhooks",
  signatureHeaders: ["webhook-signature"],
  verify: verifyWith(["webhook"]),
  sign: signWith("webhook")
};
var svix = {
  provider: "svix",
  signatureHeaders: ["svix-signature", "webhook-signature"],
  verify: verifyWith(["svix", "webhook"]),
  sign: signWith("svix")
};

// src/webhooks/stripe.ts
var HEADER8 = "stripe-signature";
function signStripe(body, secret, timestamp) {
  return `t=${timestamp},v1=${hmac("sha256", secret, `${timestamp}.`, body).toString("hex")}`;
}
function verifyStripe(request, secret) {
  const header = headerValue(request.headers, HEADER8);
  if (header === void 0) return missing("Stripe-Signature");
  let timestamp;
  const signatures = [];
  for (const item of header.split(",")) {
    const eq = item.indexOf("=");
    const key = item.slice(0, eq).trim();
    const value = item.slice(eq + 1).trim();
    if (key === "t") timestamp = value;
    else if (key === "v1") signatures.push(value);
  }
  if (timestamp === void 0 || !/^\d+$/.test(timestamp) || signatures.length === 0) {
    return bad('Stripe-Signature lacks "t=" or "v1="');
  }
  const stale = staleness(Number(timestamp), request.nowSeconds);
  if (stale) return stale;
  const expected = hmac("sha256", secret, `${timestamp}.`, request.body).toString("hex");
  let match = false;
  for (const signature of signatures) match = safeEqual(signature, expected) || match;
  return match ? OK : bad("no v1 signature in Stripe-Signature matches");
}
var stripe = {
  provider: "stripe",
  signatureHeaders: [HEADER8],
  verify: verifyStripe,
  sign: (input, secret) => ({ [HEADER8]: signStripe(input.body, secret, input.nowSeconds) })
};

// src/webhooks/twilio.ts
var import_node_crypto6 = __toESM(require_crypto(), 1);
var HEADER9 = "x-twilio-signature";
function formData(body) {
  const grouped = /* @__PURE__ */ new Map();
  for (const [name, value] of new URLSearchParams(body.toString("utf8"))) {
    const values = grouped.get(name);
    if (values) values.push(value);
    else grouped.set(name, [value]);
  }
  let data = "";
  for (const name of [...grouped.keys()].sort()) {
    for (const value of [...new Set(grouped.get(name))].sort()) data += name + value;
  }
  return data;
}
function usesBodyHash(url) {
  return /[?&]bodySHA256=/.test(url);
}
function signTwilio(url, body, authToken) {
  const data = usesBodyHash(url) ? url : url + formData(body);
  return hmac("sha1", authToken, Buffer.from(data, "utf8")).toString("base64");
}
function urlVariants(url) {
  const m = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)(.*)$/i.exec(url);
  if (!m) return [url];
  const [, scheme = "", authority = "", rest = ""] = m;
  const portStart = authority.indexOf(":", authority.lastIndexOf("]") + 1);
  const host = portStart === -1 ? authority : authority.slice(0, portStart);
  const port = scheme.toLowerCase() === "https://" ? ":443" : ":80";
  return [.../* @__PURE__ */ new Set([url, scheme + host + rest, scheme + host + port + rest])];
}
function verifyTwilio(request, authToken) {
  const signature = headerValue(request.headers, HEADER9);
  if (signature === void 0) return missing("X-Twilio-Signature");
  let match = false;
  for (const url of urlVariants(request.url)) {
    match = safeEqual(signature, signTwilio(url, request.body, authToken)) || match;
  }
  if (!match) return bad("X-Twilio-Signature does not match (Twilio signs the public URL it requested)");
  if (usesBodyHash(request.url)) {
    const expected = new URL(request.url).searchParams.get("bodySHA256") ?? "";
    const actual = (0, import_node_crypto6.createHash)("sha256").update(request.body).digest("hex");
    if (!safeEqual(expected, actual)) return bad("body does not match the bodySHA256 query parameter");
  }
  return OK;
}
function twilioUrl(url, body) {
  if (!usesBodyHash(url)) return url;
  const parsed = new URL(url);
  parsed.searchParams.set("bodySHA256", (0, import_node_crypto6.createHash)("sha256").update(body).digest("hex"));
  return parsed.href;
}
var twilio = {
  provider: "twilio",
  signatureHeaders: [HEADER9],
  verify: verifyTwilio,
  sign: (input, authToken) => ({ [HEADER9]: signTwilio(input.url, input.body, authToken) })
};

// src/webhooks/index.ts
var SCHEMES = {
  github,
  stripe,
  slack,
  shopify,
  twilio,
  "standard-webhooks": standardWebhooks,
  svix,
  pagerduty,
  gitlab,
  linear,
  square,
  discord,
  paddle
};
var SIGNATURE_HEADERS = new Set(
  Object.values(SCHEMES).flatMap((s) => s.signatureHeaders)
);

// src/gate/redact.ts
var SENSITIVE_HEADERS = /* @__PURE__ */ new Set([
  "authorization",
  "proxy-authorization",
  "cookie",
  "set-cookie",
  ...SIGNATURE_HEADERS
]);
var SENSITIVE_LENGTHS = new Set([...SENSITIVE_HEADERS].map((h) => h.length));
function isSensitiveHeader(name) {
  return SENSITIVE_LENGTHS.has(name.length) && SENSITIVE_HEADERS.has(name.toLowerCase());
}
function redactUrlPath(pathAndQuery) {
  return pathAndQuery.startsWith(`${LOGIN_PATH}?`) ? `${LOGIN_PATH}?token=redacted` : pathAndQuery;
}

// src/gate/replay.ts
var SKIPPED = /* @__PURE__ */ new Set([
  "host",
  "connection",
  "keep-alive",
  "proxy-connection",
  "transfer-encoding",
  "te",
  "trailer",
  "upgrade",
  "expect",
  "content-length",
  "x-forwarded-for",
  "x-forwarded-proto",
  "x-forwarded-host"
]);
async function replayHar(options) {
  const har = JSON.parse(await (0, import_promises2.readFile)(options.harPath, "utf8"));
  if (!Array.isArray(har?.log?.entries))
    throw new Error(`${options.harPath} is not a HAR file (no log.entries)`);
  const send = options.send ?? globalThis.fetch;
  const results = [];
  for (const entry of har.log.entries) {
    let recorded;
    try {
      recorded = new URL(entry.request.url);
    } catch {
      results.push({
        method: entry.request.method,
        path: entry.request.url,
        error: "recorded URL is not valid"
      });
      continue;
    }
    const method = entry.request.method;
    const path2 = `${recorded.pathname}${recorded.search}`;
    if (options.filter && !options.filter.test(`${method} ${path2}`)) continue;
    results.push(await replayOne(entry, recorded, method, path2, options, send));
  }
  return results;
}
function notReplayable(entry, pathname) {
  if (isReservedPath(pathname)) return "a path of the gate, not replayed";
  if (entry.response.status === 101) return "WebSocket upgrades are not replayed";
  const post = entry.request.postData;
  if (entry.request.bodySize > 0 && (post === void 0 || post._truncated || post.text === "")) {
    return "the request body was not recorded in full (raise record-body-limit)";
  }
  return void 0;
}
function recordedBody(entry) {
  const post = entry.request.postData;
  return post ? Buffer.from(post.text, post._encoding === "base64" ? "base64" : "utf8") : void 0;
}
function replayHeaders(recorded) {
  const headers = {};
  const present = /* @__PURE__ */ new Set();
  for (const { name, value } of recorded) {
    const lower = name.toLowerCase();
    present.add(lower);
    if (SKIPPED.has(lower) || value === REDACTED) continue;
    headers[lower] = headers[lower] === void 0 ? value : `${headers[lower]}, ${value}`;
  }
  return { headers, present };
}
function signAgain(scheme, secret, request) {
  const { body, signBase, path: path2 } = request;
  const signedUrl = scheme.provider === "twilio" ? twilioUrl(signBase + path2, body) : signBase + path2;
  const headers = scheme.sign(
    { body, url: signedUrl, nowSeconds: Math.floor(Date.now() / 1e3), headers: request.headers },
    secret
  );
  return { headers, path: signedUrl.slice(signBase.length) };
}
async function replayOne(entry, recorded, method, path2, options, send) {
  const refused = notReplayable(entry, recorded.pathname);
  if (refused !== void 0) return { method, path: path2, error: refused };
  const body = recordedBody(entry);
  const base = (options.to ?? recorded.origin).replace(/\/+$/, "");
  let target = base + path2;
  const { headers, present } = replayHeaders(entry.request.headers);
  let signedAs;
  for (const { provider, secret } of options.secrets ?? []) {
    const scheme = SCHEMES[provider];
    if (!scheme.signatureHeaders.some((h) => present.has(h))) continue;
    const signBase = (options.publicUrl ?? base).replace(/\/+$/, "");
    const signed = signAgain(scheme, secret, { body: body ?? Buffer.alloc(0), signBase, path: path2, headers });
    target = base + signed.path;
    Object.assign(headers, signed.headers);
    signedAs = provider;
    break;
  }
  for (const [name, value] of Object.entries(options.headers ?? {})) headers[name.toLowerCase()] = value;
  try {
    const response = await send(target, {
      method,
      headers,
      body: body && method !== "GET" && method !== "HEAD" ? new Uint8Array(body) : void 0,
      redirect: "manual",
      signal: AbortSignal.timeout(options.timeoutMs ?? 3e4)
    });
    await response.arrayBuffer?.().catch(() => void 0);
    return signedAs ? { method, path: path2, status: response.status, signedAs } : { method, path: path2, status: response.status };
  } catch (error) {
    const cause = error.cause;
    return {
      method,
      path: path2,
      error: cause ? `${errorMessage(error)}: ${errorMessage(cause)}` : errorMessage(error)
    };
  }
}

// src/gate/limits.ts
var import_node_http2 = __toESM(require_http(), 1);
var DEFAULT_TIMEOUTS = { headersMs: 1e4, requestMs: 3e5, upstreamMs: 6e4 };
var DEFAULT_MAX_UPSTREAM_CONNECTIONS = 128;
function serverOptions(timeouts) {
  return {
    headersTimeout: timeouts.headersMs,
    requestTimeout: timeouts.requestMs,
    // Node checks both timeouts on this interval (30 s by default, far coarser than a short timeout).
    connectionsCheckingInterval: Math.max(
      10,
      Math.min(1e3, Math.floor(Math.min(timeouts.headersMs, timeouts.requestMs) / 4))
    ),
    keepAliveTimeout: 5e3,
    noDelay: true
  };
}
var UpstreamAgent = class extends import_node_http2.default.Agent {
  keepSocketAlive(socket) {
    if (super.keepSocketAlive(socket) === false) return false;
    socket.on("data", destroyUnasked);
    return true;
  }
  reuseSocket(socket, request) {
    socket.off("data", destroyUnasked);
    super.reuseSocket(socket, request);
  }
};
function destroyUnasked() {
  this.destroy();
}
function upstreamAgent(maxSockets) {
  return new UpstreamAgent({
    keepAlive: true,
    maxSockets,
    maxFreeSockets: Math.min(maxSockets, 256),
    scheduling: "lifo"
  });
}
function declaredLength(value) {
  if (value === void 0) return void 0;
  const length = Number(value);
  return Number.isSafeInteger(length) && length >= 0 ? length : void 0;
}
function tooLargeMessage(max) {
  return `request body larger than the gate's max-body (${formatSize(max)})`;
}
function formatSize(bytes) {
  for (const [unit, size] of [
    ["gb", 1024 ** 3],
    ["mb", 1024 ** 2],
    ["kb", 1024]
  ]) {
    if (bytes >= size && bytes % size === 0) return `${bytes / size}${unit}`;
  }
  return `${bytes}b`;
}
var BodyTooLargeError = class extends Error {
  constructor(max) {
    super(tooLargeMessage(max));
    this.max = max;
    this.name = "BodyTooLargeError";
  }
  max;
};
function readBody(req, max) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    const cleanup = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
      req.off("close", onClose);
    };
    const onData = (chunk) => {
      size += chunk.length;
      if (size > max) {
        cleanup();
        req.pause();
        reject(new BodyTooLargeError(max));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (error) => {
      cleanup();
      reject(error);
    };
    const onClose = () => {
      cleanup();
      reject(new Error("the client closed the connection before sending the whole body"));
    };
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
    req.on("close", onClose);
  });
}
var UpstreamTimeoutError = class extends Error {
  constructor(ms) {
    super(`the app did not answer within ${formatDuration(ms)}`);
    this.ms = ms;
    this.name = "UpstreamTimeoutError";
  }
  ms;
  code = "UPSTREAM_TIMEOUT";
};
function upstreamFailure(error) {
  if (error instanceof UpstreamTimeoutError)
    return { status: 504, message: `${error.message} (504 Gateway Timeout)` };
  const code = error.code;
  const what = code === "ECONNREFUSED" ? "the app refused the connection (is it still running?)" : code === "ECONNRESET" || error.message === "socket hang up" ? "the app closed the connection without answering" : `the app could not be reached (${code ?? error.message})`;
  return { status: 502, message: `${what}; its log is in the workflow's step log` };
}

// src/gate/probe.ts
var import_node_crypto7 = __toESM(require_crypto(), 1);
var PROBE_KEY_HEADER = "x-preview-probe-key";
function newProbeSecrets() {
  return { key: (0, import_node_crypto7.randomBytes)(24).toString("base64url"), nonce: (0, import_node_crypto7.randomBytes)(16).toString("hex") };
}
var ProbeResponder = class {
  #key;
  #nonce;
  constructor(secrets) {
    this.#key = new SecretMatcher(Buffer.from(secrets.key, "utf8"));
    this.#nonce = secrets.nonce;
  }
  /** Answers (true) a GET of the exact probe path that carries the key; false for anything else. */
  answer(req, res, pathname) {
    if (pathname !== PROBE_PATH || req.method !== "GET") return false;
    const given = req.headers[PROBE_KEY_HEADER];
    if (typeof given !== "string" || !this.#key.matches(given, "utf8")) return false;
    res.writeHead(200, { "content-type": "text/plain", "cache-control": "no-store" });
    res.end(this.#nonce);
    return true;
  }
};

// src/gate/request-path.ts
var refuse = (refused) => Object.freeze({ refused });
var NOT_ORIGIN_FORM = refuse("the request target must be a path starting with /");
var DOUBLE_SLASH = refuse("the path must not start with // (it reads as a host name)");
var DOT_SEGMENT = refuse('the path must not hold "." or ".." segments');
var BACKSLASH = refuse("the path must not hold a backslash");
var FRAGMENT = refuse("the request target must not hold a fragment (#)");
var CONTROL = refuse("the path must not hold control characters");
var ENCODED_SEPARATOR = refuse("the path must not hold an encoded /, \\ or NUL (%2F, %5C, %00)");
var BAD_ENCODING = refuse("the path holds invalid percent-encoding");
var DOUBLE_ENCODING = refuse("the path must not hold double-encoded characters (%25 followed by hex)");
var SLASH = 47;
var DOT = 46;
var PERCENT = 37;
var SEMICOLON = 59;
function endsSegment(path2, i) {
  if (i >= path2.length) return true;
  const c = path2.charCodeAt(i);
  return c === SLASH || c === SEMICOLON;
}
function isDotSegment(path2, start) {
  if (path2.charCodeAt(start) !== DOT) return false;
  if (endsSegment(path2, start + 1)) return true;
  return path2.charCodeAt(start + 1) === DOT && endsSegment(path2, start + 2);
}
function hexValue(c) {
  if (c >= 48 && c <= 57) return c - 48;
  const lower = c | 32;
  if (lower >= 97 && lower <= 102) return lower - 97 + 10;
  return -1;
}
function encodedByte(path2, i) {
  if (i + 2 >= path2.length) return -1;
  const high = hexValue(path2.charCodeAt(i + 1));
  const low = hexValue(path2.charCodeAt(i + 2));
  return high < 0 || low < 0 ? -1 : high * 16 + low;
}
function requestPath(pathname) {
  if (pathname.charCodeAt(0) !== SLASH) return pathname === "*" ? pathname : NOT_ORIGIN_FORM;
  if (pathname.charCodeAt(1) === SLASH) return DOUBLE_SLASH;
  let encoded = false;
  for (let i = 0; i < pathname.length; i++) {
    const c = pathname.charCodeAt(i);
    if (c === SLASH) {
      if (isDotSegment(pathname, i + 1)) return DOT_SEGMENT;
    } else if (c === PERCENT) {
      const byte = encodedByte(pathname, i);
      if (byte < 0) return BAD_ENCODING;
      if (byte === SLASH || byte === 92 || byte === 0) return ENCODED_SEPARATOR;
      encoded = true;
      i += 2;
    } else if (c === 92) {
      return BACKSLASH;
    } else if (c === 35) {
      return FRAGMENT;
    } else if (c <= 32 || c === 127) {
      return CONTROL;
    }
  }
  return encoded ? decoded(pathname) : pathname;
}
function decoded(pathname) {
  let path2;
  try {
    path2 = decodeURIComponent(pathname);
  } catch {
    return BAD_ENCODING;
  }
  for (let i = 0; i < path2.length; i++) {
    const c = path2.charCodeAt(i);
    if (c === SLASH) {
      if (isDotSegment(path2, i + 1)) return DOT_SEGMENT;
    } else if (c === PERCENT) {
      const byte = encodedByte(path2, i);
      if (byte === DOT || byte === SLASH || byte === 92 || byte === PERCENT || byte === 0)
        return DOUBLE_ENCODING;
    } else if (c === 92) {
      return BACKSLASH;
    } else if (c < 32 || c === 127) {
      return CONTROL;
    }
  }
  return path2;
}
function isUnder(path2, prefix) {
  if (prefix === "/") return true;
  if (!path2.startsWith(prefix)) return false;
  return path2.length === prefix.length || path2.charCodeAt(prefix.length) === SLASH;
}

// src/gate/gc-pacer.ts
var import_node_vm = __toESM(require_vm(), 1);
import v8 from "node:v8";
var DEFAULT_PACE_BYTES = 8 * 1024 * 1024;
var exposed;
function exposeGc() {
  if (exposed !== void 0) return exposed;
  const existing = globalThis.gc;
  if (typeof existing === "function") {
    exposed = existing;
    return exposed;
  }
  try {
    v8.setFlagsFromString("--expose-gc");
    const gc = import_node_vm.default.runInNewContext("gc");
    exposed = typeof gc === "function" ? gc : null;
  } catch {
    exposed = null;
  }
  return exposed;
}
var GcPacer = class {
  constructor(gc, paceBytes = DEFAULT_PACE_BYTES) {
    this.gc = gc;
    this.paceBytes = paceBytes;
  }
  gc;
  paceBytes;
  #since = 0;
  /** Called for every body chunk the gate forwards, either way. */
  forwarded(bytes) {
    if (this.gc === null) return;
    this.#since += bytes;
    if (this.#since < this.paceBytes) return;
    this.#since = 0;
    this.gc({ type: "minor" });
  }
};

// src/gate/listen.ts
var import_node_http3 = __toESM(require_http(), 1);
var AVOID_TRIES = 10;
async function listen(handlers, options) {
  const sockets = /* @__PURE__ */ new Set();
  const createServer = () => {
    const server = import_node_http3.default.createServer(serverOptions(options.timeouts));
    server.on("request", (req, res) => handlers.request(req, res, false));
    server.on("checkContinue", (req, res) => handlers.request(req, res, true));
    server.on("upgrade", handlers.upgrade);
    server.on("connection", (socket) => {
      sockets.add(socket);
      socket.once("close", () => sockets.delete(socket));
    });
    return server;
  };
  const start = (server, host, wanted, ipv6Only = false) => new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen({ host, port: wanted, ipv6Only }, () => {
      server.off("error", reject);
      const address = server.address();
      resolve(typeof address === "object" && address ? address.port : wanted);
    });
  });
  let main = createServer();
  let port = await start(main, "127.0.0.1", 0);
  const avoided = [];
  for (let tries = 1; options.avoid?.(port) && tries < AVOID_TRIES; tries++) {
    avoided.push(main);
    main = createServer();
    port = await start(main, "127.0.0.1", 0);
  }
  for (const server of avoided) server.close();
  const servers = [main];
  if (options.ipv6) {
    const v6 = createServer();
    try {
      await start(v6, "::1", port, true);
      servers.push(v6);
    } catch (error) {
      options.logger.debug(`gate: not listening on [::1]:${port}: ${errorMessage(error)}`);
    }
  }
  return {
    port,
    close() {
      for (const server of servers) {
        server.close();
        server.closeAllConnections();
      }
      for (const socket of sockets) socket.destroy();
    }
  };
}

// src/gate/proxy.ts
var import_node_http4 = __toESM(require_http(), 1);

// src/gate/client-ip.ts
var import_node_net = __toESM(require_net(), 1);
function normalizeAddress(address) {
  return address.startsWith("::ffff:") && (0, import_node_net.isIPv4)(address.slice(7)) ? address.slice(7) : address;
}
function isLoopback(address) {
  return address === "::1" || address.startsWith("127.") || address === "::ffff:127.0.0.1";
}
function parseForwarded(value) {
  let v = value.trim();
  const bracket = /^\[([^\]]+)\](?::\d+)?$/.exec(v);
  if (bracket?.[1] !== void 0) v = bracket[1];
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d+$/.test(v)) v = v.slice(0, v.lastIndexOf(":"));
  return (0, import_node_net.isIP)(v) === 0 ? void 0 : normalizeAddress(v);
}
function clientAddress(req, trustedHeader) {
  const peer = normalizeAddress(req.socket.remoteAddress ?? "");
  if (trustedHeader === void 0 || !isLoopback(peer)) return peer;
  const raw = req.headers[trustedHeader];
  const value = Array.isArray(raw) ? raw.join(",") : raw;
  if (value === void 0) return peer;
  const last = value.slice(value.lastIndexOf(",") + 1);
  return parseForwarded(last);
}
function isAllowed(allow, address) {
  if (allow === void 0) return true;
  if (address === void 0 || address === "") return false;
  return allow.blockList.check(address, (0, import_node_net.isIPv4)(address) ? "ipv4" : "ipv6");
}

// src/gate/framing.ts
var FRAMING_HEADERS = /* @__PURE__ */ new Set(["content-length", "transfer-encoding", "host"]);
var NAMES_FRAMING = {
  status: 400,
  message: "the Connection header names a framing header (Content-Length, Transfer-Encoding or Host); the gate does not remove those"
};
var OTHER_CODING = {
  status: 501,
  message: "a request body with a transfer coding other than chunked is not supported"
};
var TE_ON_HTTP10 = {
  status: 400,
  message: "Transfer-Encoding in an HTTP/1.0 request (its framing is ambiguous)"
};
var TWO_HOSTS = { status: 400, message: "the request has more than one Host header" };
function namesFramingHeader(connection) {
  if (connection.indexOf(",") === -1) return isFramingToken(connection);
  for (const token of connection.split(",")) {
    if (isFramingToken(token)) return true;
  }
  return false;
}
function isFramingToken(token) {
  const name = token.trim();
  const length = name.length;
  if (length !== 4 && length !== 14 && length !== 17) return false;
  return FRAMING_HEADERS.has(name.toLowerCase());
}
function framingRefusal(basics, httpVersion) {
  if (basics.duplicateHost) return TWO_HOSTS;
  if (basics.connection !== void 0 && namesFramingHeader(basics.connection)) return NAMES_FRAMING;
  const coding = basics.transferEncoding;
  if (coding !== void 0) {
    if (httpVersion === "1.0") return TE_ON_HTTP10;
    if (coding.trim().toLowerCase() !== "chunked") return OTHER_CODING;
  }
  return void 0;
}

// src/gate/headers.ts
var HOP_BY_HOP = /* @__PURE__ */ new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
  "proxy-authorization",
  "proxy-authenticate"
]);
function connectionTokens(raw) {
  let tokens;
  for (let i = 0; i < raw.length; i += 2) {
    if (raw[i].length !== 10 || raw[i].toLowerCase() !== "connection") continue;
    const value = raw[i + 1];
    const lower = value.toLowerCase();
    if (lower === "keep-alive" || lower === "close") continue;
    for (const token of value.split(",")) {
      const name = token.trim().toLowerCase();
      if (name === "" || HOP_BY_HOP.has(name) || FRAMING_HEADERS.has(name)) continue;
      tokens ??= /* @__PURE__ */ new Set();
      tokens.add(name);
    }
  }
  return tokens;
}
var GATE_SET = /* @__PURE__ */ new Set(["x-forwarded-for", "x-forwarded-proto", "x-forwarded-host", "expect"]);
function requestHeaders(raw, options) {
  const named = connectionTokens(raw);
  const out = [];
  let upgradeValue;
  let host = false;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i];
    const value = raw[i + 1];
    const lower = name.toLowerCase();
    if (HOP_BY_HOP.has(lower)) {
      if (lower === "upgrade") upgradeValue = value;
      continue;
    }
    if (GATE_SET.has(lower) || named?.has(lower) || options.addedNames.has(lower)) continue;
    if (lower === "authorization" && options.stripAuthorization) continue;
    if (lower === "content-length" && options.bodyLength !== void 0) continue;
    if (lower === "host") host = true;
    if (lower === "cookie" && options.stripSessionCookie) {
      const kept = withoutSessionCookie(value);
      if (kept !== void 0) out.push(name, kept);
      continue;
    }
    out.push(name, value);
  }
  if (!host) out.push("Host", options.defaultHost);
  for (const [name, value] of options.added) out.push(name, value);
  out.push("X-Forwarded-For", options.forwardedFor, "X-Forwarded-Proto", options.forwardedProto);
  if (options.forwardedHost !== void 0) out.push("X-Forwarded-Host", options.forwardedHost);
  if (options.bodyLength !== void 0) out.push("Content-Length", String(options.bodyLength));
  else if (options.chunked) out.push("Transfer-Encoding", "chunked");
  if (options.upgrade && upgradeValue !== void 0)
    out.push("Connection", "upgrade", "Upgrade", upgradeValue);
  return out;
}
function responseHeaders(raw, keepUpgrade = false) {
  const named = connectionTokens(raw);
  const out = [];
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i];
    const lower = name.toLowerCase();
    if (HOP_BY_HOP.has(lower) && !(keepUpgrade && (lower === "upgrade" || lower === "connection"))) continue;
    if (named?.has(lower)) continue;
    out.push(name, raw[i + 1]);
  }
  return out;
}
function rawHeader(raw, lower) {
  for (let i = 0; i < raw.length; i += 2) {
    if (raw[i].length === lower.length && raw[i].toLowerCase() === lower)
      return raw[i + 1];
  }
  return void 0;
}

// src/gate/proxy.ts
var IDEMPOTENT = /* @__PURE__ */ new Set(["GET", "HEAD", "OPTIONS"]);
var ReverseProxy = class {
  #options;
  #addedNames;
  #upstream;
  #defaultHost;
  /** Upgraded connection pairs, destroyed when the gate closes. */
  tunnels = /* @__PURE__ */ new Set();
  constructor(options) {
    this.#options = options;
    this.#addedNames = new Set(options.addedHeaders.map(([name]) => name.toLowerCase()));
    this.#upstream = options.upstream;
    this.#defaultHost = hostHeader(options.upstream);
  }
  /** The app's loopback address (127.0.0.1 or ::1), once readiness found which it took. */
  setUpstreamHost(host) {
    this.#upstream = { host, port: this.#upstream.port };
    this.#defaultHost = hostHeader(this.#upstream);
  }
  #headers(ex, upgrade, streaming) {
    const { req } = ex;
    const peer = normalizeAddress(req.socket.remoteAddress ?? "");
    let forwardedFor = ex.clientIp ?? peer;
    if (this.#options.clientIpHeader === "x-forwarded-for" && isLoopback(peer)) {
      const chain = req.headers["x-forwarded-for"];
      if (typeof chain === "string" && chain !== "") forwardedFor = chain;
    }
    const publicUrl = this.#options.publicUrl();
    return requestHeaders(req.rawHeaders, {
      stripAuthorization: ex.stripAuthorization,
      stripSessionCookie: ex.stripSessionCookie,
      added: this.#options.addedHeaders,
      addedNames: this.#addedNames,
      forwardedFor,
      forwardedProto: publicUrl ? publicUrl.protocol.slice(0, -1) : "http",
      forwardedHost: publicUrl ? publicUrl.host : ex.basics.host,
      upgrade,
      bodyLength: ex.body?.length,
      chunked: streaming && ex.basics.contentLength === void 0,
      defaultHost: this.#defaultHost
    });
  }
  #request(ex, headers, agent) {
    const upstream = import_node_http4.default.request({
      host: this.#upstream.host,
      port: this.#upstream.port,
      method: ex.req.method,
      path: ex.req.url,
      headers,
      agent,
      setHost: false
    });
    ex.upstream = upstream;
    return upstream;
  }
  forward(ex, retried = false) {
    const { req } = ex;
    const res = ex.res;
    const body = ex.body;
    const streaming = body === void 0 && announcesBody(ex.basics);
    const upstream = this.#request(ex, this.#headers(ex, false, streaming), this.#options.agent);
    let settled = false;
    let timer;
    const sent = () => {
      ex.sentAt = performance.now();
      const ms = this.#options.upstreamTimeoutMs;
      timer = setTimeout(() => upstream.destroy(new UpstreamTimeoutError(ms)), ms);
    };
    upstream.on("response", (up) => {
      clearTimeout(timer);
      settled = true;
      this.#respond(ex, res, up);
    });
    upstream.on("error", (error) => {
      clearTimeout(timer);
      if (settled) return;
      settled = true;
      if (!retried && upstream.reusedSocket && error.code === "ECONNRESET" && !streaming && body === void 0 && IDEMPOTENT.has(req.method ?? "")) {
        this.forward(ex, true);
        return;
      }
      if (res.writableEnded || res.destroyed) return;
      const failure = upstreamFailure(error);
      this.#options.onUpstreamError(error);
      reply(ex, failure.status, failure.message);
    });
    if (body !== void 0) {
      upstream.end(body);
      sent();
      return;
    }
    if (!streaming) {
      upstream.end();
      sent();
      return;
    }
    if (ex.expectContinue) res.writeContinue();
    const max = this.#options.maxBodyBytes;
    const record = ex.record;
    let seen = 0;
    const onData = (chunk) => {
      seen += chunk.length;
      if (seen > max) {
        stop();
        settled = true;
        clearTimeout(timer);
        upstream.destroy();
        reply(ex, 413, tooLargeMessage(max));
        return;
      }
      record?.requestBody(chunk);
      this.#options.pacer.forwarded(chunk.length);
      if (!upstream.write(chunk)) req.pause();
    };
    const onDrain = () => req.resume();
    const onEnd = () => {
      stop();
      upstream.end();
      sent();
    };
    const stop = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      upstream.off("drain", onDrain);
    };
    req.on("data", onData);
    req.on("end", onEnd);
    upstream.on("drain", onDrain);
  }
  #respond(ex, res, up) {
    ex.firstByteAt = performance.now();
    if (res.destroyed || res.writableEnded) {
      up.destroy();
      return;
    }
    const status = up.statusCode ?? 502;
    const headers = responseHeaders(up.rawHeaders);
    const record = ex.record;
    record?.response(status, up.statusMessage ?? "", headers, up.httpVersion);
    res.writeHead(status, up.statusMessage, headers);
    const length = rawHeader(headers, "content-length");
    if (length === void 0 && status !== 204 && status !== 304) res.flushHeaders();
    let draining = false;
    const whole = length === void 0 ? -1 : Number(length);
    let ended = false;
    up.on("data", (chunk) => {
      record?.responseBody(chunk);
      this.#options.pacer.forwarded(chunk.length);
      if (chunk.length === whole) {
        ended = true;
        res.end(chunk);
        return;
      }
      if (res.write(chunk)) return;
      up.pause();
      if (!draining) {
        draining = true;
        res.on("drain", () => up.resume());
      }
    });
    up.on("end", () => {
      if (!ended) res.end();
    });
    up.on("close", () => {
      if (!up.complete) res.destroy();
    });
    up.on("error", () => void 0);
  }
  upgrade(ex) {
    const { socket } = ex;
    const upstream = this.#request(ex, this.#headers(ex, true, false), false);
    const ms = this.#options.upstreamTimeoutMs;
    ex.sentAt = performance.now();
    const timer = setTimeout(() => upstream.destroy(new UpstreamTimeoutError(ms)), ms);
    let settled = false;
    socket.on("error", () => void 0);
    upstream.on("upgrade", (up, upSocket, upHead) => {
      clearTimeout(timer);
      settled = true;
      ex.firstByteAt = performance.now();
      const headers = responseHeaders(up.rawHeaders, true);
      const status = up.statusCode ?? 101;
      ex.status = status;
      ex.record?.response(status, up.statusMessage ?? "", headers, up.httpVersion);
      this.#options.finishUpgrade(ex);
      if (socket.destroyed) {
        upSocket.destroy();
        return;
      }
      socket.write(head(status, up.statusMessage ?? "", headers));
      if (upHead.length > 0) socket.write(upHead);
      if (ex.head !== void 0 && ex.head.length > 0) upSocket.write(ex.head);
      const pair = {
        destroy: () => {
          socket.destroy();
          upSocket.destroy();
          this.tunnels.delete(pair);
        }
      };
      this.tunnels.add(pair);
      upSocket.on("error", pair.destroy);
      upSocket.on("close", pair.destroy);
      socket.on("error", pair.destroy);
      socket.on("close", pair.destroy);
      socket.pipe(upSocket).pipe(socket);
    });
    upstream.on("response", (up) => {
      clearTimeout(timer);
      settled = true;
      ex.firstByteAt = performance.now();
      const status = up.statusCode ?? 502;
      const headers = [...responseHeaders(up.rawHeaders), "Connection", "close"];
      ex.status = status;
      ex.record?.response(status, up.statusMessage ?? "", headers, up.httpVersion);
      if (socket.destroyed) {
        up.destroy();
        return;
      }
      socket.write(head(status, up.statusMessage ?? "", headers));
      up.on("data", (chunk) => {
        ex.record?.responseBody(chunk);
        socket.write(chunk);
      });
      up.on("end", () => {
        socket.end();
        this.#options.finishUpgrade(ex);
      });
      up.on("error", () => socket.destroy());
    });
    upstream.on("error", (error) => {
      clearTimeout(timer);
      if (settled) return;
      settled = true;
      const failure = upstreamFailure(error);
      this.#options.onUpstreamError(error);
      reply(ex, failure.status, failure.message);
      this.#options.finishUpgrade(ex);
    });
    upstream.end();
  }
};
function hostHeader(upstream) {
  return `${upstream.host.includes(":") ? `[${upstream.host}]` : upstream.host}:${upstream.port}`;
}

// src/gate/recorder.ts
var import_node_fs = __toESM(require_fs(), 1);
var import_promises3 = __toESM(require_promises2(), 1);
var import_node_path = __toESM(require_path(), 1);
var import_node_stream = __toESM(require_stream(), 1);

// src/gate/har-serialize.ts
var import_node_zlib = __toESM(require_zlib(), 1);
var NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;
var QUOTE = 34;
var BACKSLASH2 = 92;
var DOT2 = 46;
var ZERO = 48;
var SHORT = 48;
var SHORT_TEXT = 1024;
function writers(buf) {
  const fast = buf;
  if (typeof fast.latin1Write === "function" && typeof fast.utf8Write === "function") {
    return buf;
  }
  return {
    latin1Write: (text, offset) => buf.write(text, offset, "latin1"),
    utf8Write: (text, offset) => buf.write(text, offset)
  };
}
var JsonOut = class {
  #buf;
  #w;
  #pos = 0;
  #initialBytes;
  constructor(initialBytes = 64 * 1024) {
    this.#initialBytes = initialBytes;
    this.#buf = Buffer.allocUnsafe(initialBytes);
    this.#w = writers(this.#buf);
  }
  #use(buf) {
    this.#buf = buf;
    this.#w = writers(buf);
  }
  get length() {
    return this.#pos;
  }
  #room(bytes) {
    if (this.#pos + bytes <= this.#buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.#buf.length * 2, this.#pos + bytes));
    this.#buf.copy(bigger, 0, 0, this.#pos);
    this.#use(bigger);
  }
  // Short pieces are copied by a plain loop: calling into native code costs more than the
  // copy for the few bytes of a constant, a number or a typical header value.
  /** Pre-encoded bytes. */
  raw(bytes) {
    const n = bytes.length;
    this.#room(n);
    if (n > SHORT) {
      this.#buf.set(bytes, this.#pos);
      this.#pos += n;
      return;
    }
    const buf = this.#buf;
    let pos = this.#pos;
    for (let i = 0; i < n; i++) buf[pos++] = bytes[i];
    this.#pos = pos;
  }
  /** Text known to be ASCII without anything to escape (numbers, dates, header names). */
  ascii(text) {
    const n = text.length;
    this.#room(n);
    if (n > SHORT) {
      this.#pos += this.#w.latin1Write(text, this.#pos);
      return;
    }
    const buf = this.#buf;
    let pos = this.#pos;
    for (let i = 0; i < n; i++) buf[pos++] = text.charCodeAt(i);
    this.#pos = pos;
  }
  /**
   * A duration in milliseconds, rounded to the microsecond, as a JSON number: the same text
   * as String(Math.round(ms * 1000) / 1000) for values >= 0, without formatting a double
   * (that took a tenth of a HAR entry's serialization for its four timings).
   */
  millis(ms) {
    const micros = Math.round(ms * 1e3);
    if (!(micros >= 0) || micros > Number.MAX_SAFE_INTEGER) {
      this.ascii(String(Math.round(ms * 1e3) / 1e3));
      return;
    }
    const whole = Math.floor(micros / 1e3);
    const fraction = micros - whole * 1e3;
    this.ascii(String(whole));
    if (fraction === 0) return;
    this.#room(4);
    const buf = this.#buf;
    let pos = this.#pos;
    buf[pos++] = DOT2;
    buf[pos++] = ZERO + Math.floor(fraction / 100);
    const tens = fraction % 100;
    if (tens !== 0) {
      buf[pos++] = ZERO + Math.floor(tens / 10);
      if (tens % 10 !== 0) buf[pos++] = ZERO + tens % 10;
    }
    this.#pos = pos;
  }
  /** Text that is already JSON (e.g. from JSON.stringify). */
  json(text) {
    this.#room(text.length * 3);
    this.#pos += this.#w.utf8Write(text, this.#pos);
  }
  /** A JSON string literal. */
  str(text) {
    const n = text.length;
    if (n <= SHORT_TEXT) {
      this.#room(2 * n + 2);
      const buf = this.#buf;
      let pos = this.#pos;
      buf[pos++] = QUOTE;
      let i = 0;
      for (; i < n; i++) {
        const c = text.charCodeAt(i);
        if (c < 32 || c > 126) break;
        if (c === QUOTE || c === BACKSLASH2) buf[pos++] = BACKSLASH2;
        buf[pos++] = c;
      }
      if (i === n) {
        buf[pos++] = QUOTE;
        this.#pos = pos;
        return;
      }
    }
    if (NEEDS_ESCAPE.test(text)) {
      this.json(JSON.stringify(text));
      return;
    }
    this.#room(n * 3 + 2);
    this.#buf[this.#pos++] = QUOTE;
    this.#pos += this.#w.utf8Write(text, this.#pos);
    this.#buf[this.#pos++] = QUOTE;
  }
  /** Forgets what was written after `length` (an entry that failed half-way). */
  rollback(length) {
    this.#pos = Math.min(this.#pos, length);
  }
  /** A copy of the bytes written since `start`. */
  copySince(start) {
    return Buffer.from(this.#buf.subarray(start, this.#pos));
  }
  /** A view of the bytes written so far (valid until the next write or reset). */
  bytes() {
    return this.#buf.subarray(0, this.#pos);
  }
  /** Starts over, keeping the buffer (memory is reused, not allocated per batch) unless a burst grew it. */
  reset() {
    this.#pos = 0;
    if (this.#buf.length > this.#initialBytes * 4) this.#use(Buffer.allocUnsafe(this.#initialBytes));
  }
};
function parts() {
  const b = (text) => Buffer.from(text);
  return {
    started: b('{"startedDateTime":"'),
    time: b('","time":'),
    method: b(',"request":{"method":'),
    url: b(',"url":'),
    httpVersion: b(',"httpVersion":'),
    httpVersion11: b(',"httpVersion":"HTTP/1.1"'),
    cookies: b(',"cookies":['),
    headers: b('],"headers":['),
    headerName: b('{"name":"'),
    headerValue: b('","value":'),
    redactedValue: b('","value":"[redacted]"}'),
    cookieName: b('{"name":'),
    redactedCookie: b(',"value":"[redacted]"}'),
    comma: b(","),
    objectEnd: b("}"),
    queryString: b('],"queryString":'),
    noQuery: b('],"queryString":[]'),
    queryName: b('{"name":'),
    queryValue: b(',"value":'),
    postData: b(',"postData":'),
    requestEnd: b(',"headersSize":-1,"bodySize":'),
    noBody: b(',"headersSize":-1,"bodySize":0'),
    status: b('},"response":{"status":'),
    statusText: b(',"statusText":'),
    content: b('],"content":{"size":'),
    mimeType: b(',"mimeType":'),
    text: b(',"text":'),
    base64: b(',"encoding":"base64"'),
    comment: b(',"comment":'),
    redirect: b('},"redirectURL":'),
    noRedirect: b('},"redirectURL":""'),
    responseEnd: b(',"headersSize":-1,"bodySize":'),
    timings: b('},"cache":{},"timings":{"blocked":-1,"dns":-1,"connect":-1,"send":'),
    wait: b(',"wait":'),
    receive: b(',"receive":'),
    timingsEnd: b(',"ssl":-1}'),
    client: b(',"_clientAddress":')
  };
}
var BlockCache = class {
  #raw;
  #bytes;
  /** Writes the cached bytes when `raw` equals the last block seen (true), else nothing (false). */
  hit(out, raw) {
    const last = this.#raw;
    if (last === void 0 || this.#bytes === void 0 || last.length !== raw.length) return false;
    if (last !== raw) {
      for (let i = 0; i < raw.length; i++) if (last[i] !== raw[i]) return false;
    }
    out.raw(this.#bytes);
    return true;
  }
  /** Remembers the block `raw` as the bytes written to `out` since `start`. */
  store(out, raw, start) {
    this.#raw = raw;
    this.#bytes = out.copySince(start);
  }
};
var Serializer = class {
  #p = parts();
  #requestBlock = new BlockCache();
  #responseBlock = new BlockCache();
  #redactor;
  /** The redactor's version the caches below were made with. */
  #redactorVersion;
  #isoSecond = -1;
  #isoPrefix = "";
  #lastUrl;
  #lastParsed;
  constructor(redactor) {
    this.#redactor = redactor;
    this.#redactorVersion = redactor.version;
  }
  /** Cached blocks and URLs were redacted without a secret added since (a new login link): drop them. */
  #checkRedactor() {
    if (this.#redactor.version === this.#redactorVersion) return;
    this.#redactorVersion = this.#redactor.version;
    this.#requestBlock = new BlockCache();
    this.#responseBlock = new BlockCache();
    this.#lastParsed = void 0;
  }
  /** ISO timestamps up to the second, formatted once per second (toISOString costs more than a header block). */
  #iso(ms) {
    const second = Math.floor(ms / 1e3);
    if (second !== this.#isoSecond) {
      this.#isoSecond = second;
      this.#isoPrefix = new Date(second * 1e3).toISOString().slice(0, 19);
    }
    return this.#isoPrefix;
  }
  /** The URL as recorded; the last one is remembered (consecutive requests often share it). */
  #url(url) {
    if (url !== this.#lastUrl || this.#lastParsed === void 0) {
      this.#lastUrl = url;
      this.#lastParsed = parseUrl(this.#redactor.redact(url, "redacted"));
    }
    return this.#lastParsed;
  }
  #httpVersion(out, version) {
    if (version === "1.1") out.raw(this.#p.httpVersion11);
    else {
      out.raw(this.#p.httpVersion);
      out.str(`HTTP/${version}`);
    }
  }
  #cachedBlock(out, cache, raw, kind) {
    if (cache.hit(out, raw)) return;
    const start = out.length;
    this.#block(out, raw, kind);
    cache.store(out, raw, start);
  }
  /** `"cookies":[...],"headers":[...` (without the closing bracket). */
  #block(out, raw, cookies) {
    const p = this.#p;
    out.raw(p.cookies);
    let first = true;
    const cookie = (name) => {
      if (name === "") return;
      if (!first) out.raw(p.comma);
      first = false;
      out.raw(p.cookieName);
      out.str(name);
      out.raw(p.redactedCookie);
    };
    if (cookies === "request") {
      const header = rawHeader(raw, "cookie");
      if (header !== void 0)
        for (const part of header.split(";")) cookie(part.slice(0, part.indexOf("=")).trim());
    } else {
      for (let i = 0; i + 1 < raw.length; i += 2) {
        if (raw[i].length !== 10 || raw[i].toLowerCase() !== "set-cookie") continue;
        const value = raw[i + 1];
        cookie(value.slice(0, value.indexOf("=")).trim());
      }
    }
    out.raw(p.headers);
    for (let i = 0; i + 1 < raw.length; i += 2) {
      const name = raw[i];
      if (i > 0) out.raw(p.comma);
      out.raw(p.headerName);
      out.ascii(name);
      if (isSensitiveHeader(name)) {
        out.raw(p.redactedValue);
        continue;
      }
      out.raw(p.headerValue);
      out.str(this.#redactor.redact(raw[i + 1]));
      out.raw(p.objectEnd);
    }
  }
  /** Appends one entry's JSON to `out`. */
  write(out, entry) {
    const p = this.#p;
    const redactor = this.#redactor;
    this.#checkRedactor();
    out.raw(p.started);
    out.ascii(this.#iso(entry.startedAt));
    out.ascii(millisSuffix(entry.startedAt - this.#isoSecond * 1e3));
    out.raw(p.time);
    out.millis(entry.time);
    out.raw(p.method);
    out.str(entry.method);
    const { href, query } = this.#url(entry.url);
    out.raw(p.url);
    out.str(href);
    this.#httpVersion(out, entry.httpVersion);
    this.#cachedBlock(out, this.#requestBlock, entry.requestHeaders, "request");
    if (query.length === 0) out.raw(p.noQuery);
    else {
      out.raw(p.queryString);
      out.json("[");
      query.forEach(([name, value], i) => {
        if (i > 0) out.raw(p.comma);
        out.raw(p.queryName);
        out.str(name);
        out.raw(p.queryValue);
        out.str(redactor.redact(value));
        out.raw(p.objectEnd);
      });
      out.json("]");
    }
    if (entry.request.size > 0) {
      out.raw(p.postData);
      out.json(JSON.stringify(this.#postData(entry)));
    }
    if (entry.request.size === 0) out.raw(p.noBody);
    else {
      out.raw(p.requestEnd);
      out.ascii(String(entry.request.size));
    }
    out.raw(p.status);
    out.ascii(String(entry.status));
    out.raw(p.statusText);
    out.str(entry.statusText);
    this.#httpVersion(out, entry.responseVersion);
    this.#cachedBlock(out, this.#responseBlock, entry.responseHeaders, "response");
    const mimeType = rawHeader(entry.responseHeaders, "content-type") ?? "x-unknown";
    const body = bodyText(
      entry.reply,
      mimeType,
      rawHeader(entry.responseHeaders, "content-encoding"),
      redactor
    );
    out.raw(p.content);
    out.ascii(String(entry.reply.size));
    out.raw(p.mimeType);
    out.str(mimeType);
    if (body.text !== void 0) {
      out.raw(p.text);
      out.str(body.text);
    }
    if (body.base64) out.raw(p.base64);
    if (body.comment !== void 0) {
      out.raw(p.comment);
      out.str(body.comment);
    }
    const location = rawHeader(entry.responseHeaders, "location");
    if (location === void 0) out.raw(p.noRedirect);
    else {
      out.raw(p.redirect);
      out.str(redactor.redact(location));
    }
    out.raw(p.responseEnd);
    out.ascii(String(entry.reply.size));
    out.raw(p.timings);
    out.millis(entry.send);
    out.raw(p.wait);
    out.millis(entry.wait);
    out.raw(p.receive);
    out.millis(entry.receive);
    out.raw(p.timingsEnd);
    if (entry.notes) {
      out.raw(p.comment);
      out.str(redactor.redact(entry.notes.join("; ")));
    }
    if (entry.clientAddress !== void 0) {
      out.raw(p.client);
      out.str(entry.clientAddress);
    }
    out.raw(p.objectEnd);
  }
  #postData(entry) {
    const mimeType = rawHeader(entry.requestHeaders, "content-type") ?? "";
    const body = bodyText(
      entry.request,
      mimeType,
      rawHeader(entry.requestHeaders, "content-encoding"),
      this.#redactor
    );
    const data = { mimeType, text: body.text ?? "" };
    if (body.base64) data._encoding = "base64";
    if (entry.request.size > entry.request.kept) data._truncated = true;
    if (body.comment !== void 0) data.comment = body.comment;
    return data;
  }
};
var TEXT_TYPES = /^(?:text\/|application\/(?:[\w.+-]*\+)?(?:json|xml|javascript|x-www-form-urlencoded|graphql|x-ndjson))/i;
function isText(mimeType, contentEncoding) {
  return (contentEncoding === void 0 || contentEncoding === "identity") && TEXT_TYPES.test(mimeType);
}
function bodyText(capture, mimeType, contentEncoding, redactor) {
  if (capture.size === 0) return { base64: false };
  const comment = capture.size > capture.kept ? `truncated: recorded ${capture.kept} of ${capture.size} bytes` : void 0;
  if (capture.kept === 0) return { base64: false, comment };
  const bytes = capture.bytes();
  if (isText(mimeType, contentEncoding)) {
    return { text: redactor.redact(bytes.toString("utf8")), base64: false, comment };
  }
  if (redactor.containsSecret(bytes))
    return { base64: false, comment: "binary body left out: it contains a secret" };
  const decoded2 = redactor.empty ? void 0 : decompressed(bytes, contentEncoding);
  if (decoded2 === "unreadable")
    return {
      base64: false,
      comment: `${contentEncoding} body left out: it could not be checked for secrets`
    };
  if (decoded2 !== void 0 && redactor.containsSecret(decoded2))
    return { base64: false, comment: `${contentEncoding} body left out: it contains a secret` };
  return { text: bytes.toString("base64"), base64: true, comment };
}
var MAX_DECOMPRESSED = 8 * 1024 * 1024;
function decompressed(bytes, contentEncoding) {
  const encoding = contentEncoding?.trim().toLowerCase();
  const zlib = { maxOutputLength: MAX_DECOMPRESSED, finishFlush: import_node_zlib.constants.Z_SYNC_FLUSH };
  try {
    if (encoding === "gzip" || encoding === "x-gzip") return (0, import_node_zlib.gunzipSync)(bytes, zlib);
    if (encoding === "br")
      return (0, import_node_zlib.brotliDecompressSync)(bytes, {
        maxOutputLength: MAX_DECOMPRESSED,
        finishFlush: import_node_zlib.constants.BROTLI_OPERATION_FLUSH
      });
    if (encoding === "deflate") {
      try {
        return (0, import_node_zlib.inflateSync)(bytes, zlib);
      } catch {
        return (0, import_node_zlib.inflateRawSync)(bytes, zlib);
      }
    }
  } catch {
    return "unreadable";
  }
  return void 0;
}
var PLAIN_URL = /^https?:\/\/[A-Za-z0-9\-._~:/@!$&'()*+,;=]+$/;
function parseUrl(recorded) {
  if (!recorded.includes("?") && PLAIN_URL.test(recorded)) return { href: recorded, query: [] };
  try {
    const parsed = new URL(recorded);
    return { href: parsed.href, query: [...parsed.searchParams] };
  } catch {
    return { href: "http://invalid.invalid/", query: [] };
  }
}
var MILLIS;
function millisSuffix(ms) {
  MILLIS ??= Array.from({ length: 1e3 }, (_, i) => `.${String(i).padStart(3, "0")}Z`);
  return MILLIS[Math.floor(ms)] ?? `.${String(Math.floor(ms)).padStart(3, "0")}Z`;
}

// src/gate/recorder.ts
var VERSION = true ? "0.1.0" : "dev";
var MAX_PENDING_BYTES = 32 * 1024 * 1024;
var FLUSH_BYTES = 512 * 1024;
var FLUSH_MS = 25;
var BUFFER_BYTES = FLUSH_BYTES + 256 * 1024;
var Capture = class {
  first;
  rest;
  kept = 0;
  size = 0;
  add(chunk, limit) {
    this.size += chunk.length;
    if (this.kept >= limit) return;
    const take = Math.min(chunk.length, limit - this.kept);
    const kept = take === chunk.length && chunk.byteOffset === 0 && chunk.buffer.byteLength === take ? chunk : Buffer.copyBytesFrom(chunk, 0, take);
    if (this.first === void 0) this.first = kept;
    else if (this.rest === void 0) this.rest = [kept];
    else this.rest.push(kept);
    this.kept += take;
  }
  bytes() {
    const first = this.first;
    if (first === void 0) return Buffer.alloc(0);
    if (this.rest === void 0) return first;
    return Buffer.concat([first, ...this.rest], this.kept);
  }
};
var Entry = class {
  constructor(sink, method, url, httpVersion, requestHeaders2, startedAt, clientAddress2) {
    this.sink = sink;
    this.method = method;
    this.url = url;
    this.httpVersion = httpVersion;
    this.requestHeaders = requestHeaders2;
    this.startedAt = startedAt;
    this.clientAddress = clientAddress2;
  }
  sink;
  method;
  url;
  httpVersion;
  requestHeaders;
  startedAt;
  clientAddress;
  request = new Capture();
  reply = new Capture();
  status = 0;
  statusText = "";
  responseHeaders = [];
  responseVersion = "1.1";
  notes;
  send = 0;
  wait = 0;
  receive = 0;
  time = 0;
  requestBody(chunk) {
    this.request.add(chunk, this.sink.bodyLimit);
  }
  response(status, statusText, rawHeaders, httpVersion) {
    this.status = status;
    this.statusText = statusText;
    this.responseHeaders = rawHeaders;
    this.responseVersion = httpVersion;
  }
  responseBody(chunk) {
    this.reply.add(chunk, this.sink.bodyLimit);
  }
  note(text) {
    this.notes ??= [];
    this.notes.push(text);
  }
  finish(timing) {
    const end = performance.now();
    const sent = timing.sentAt ?? timing.started;
    const first = timing.firstByteAt ?? end;
    this.send = Math.max(0, sent - timing.started);
    this.wait = Math.max(0, first - sent);
    this.receive = Math.max(0, end - first);
    this.time = end - timing.started;
    if (this.status === 0) this.note("no response: the connection closed first");
    this.sink.enqueue(this);
  }
};
var HEADER_TEXT = (version) => `{"log":{"version":"1.2","creator":{"name":"preview-tunnel","version":${JSON.stringify(version)}},"pages":[],"entries":[`;
var FOOTER = "\n]}}\n";
var FOOTER_BYTES = Buffer.from(FOOTER);
var HarRecorder = class _HarRecorder {
  bodyLimit;
  path;
  #serializer;
  /** Entries are serialized into one buffer while the other is being written. */
  #out = new JsonOut(BUFFER_BYTES);
  #spare = new JsonOut(BUFFER_BYTES);
  #logger;
  #file;
  #position;
  #written = 0;
  #dropped = 0;
  #timer;
  #writing;
  /** Bytes of the write in flight. */
  #inFlight = 0;
  #failed = false;
  #closed;
  /** Finished exchanges not serialized yet. */
  #queue = [];
  #draining = false;
  constructor(options, file, position) {
    this.path = options.path;
    this.bodyLimit = options.bodyLimit;
    this.#serializer = new Serializer(options.redactor);
    this.#logger = options.logger;
    this.#file = file;
    this.#position = position;
  }
  static async open(options) {
    await (0, import_promises3.mkdir)(import_node_path.default.dirname(options.path), { recursive: true });
    const file = await (0, import_promises3.open)(options.path, "w", 384);
    const header = Buffer.from(HEADER_TEXT(VERSION));
    await file.write(Buffer.concat([header, Buffer.from(FOOTER)]), 0, void 0, 0);
    return new _HarRecorder(options, file, header.length);
  }
  /** Starts recording one exchange; `url` is absolute, e.g. the public URL plus the path. */
  begin(method, url, httpVersion, rawHeaders, startedAt, clientAddress2) {
    return new Entry(this, method, url, httpVersion, rawHeaders, startedAt, clientAddress2);
  }
  /**
   * Queues a finished exchange; the queue is serialized in one batch after the current I/O
   * (setImmediate), off the request path, and the bytes are written in larger batches.
   */
  enqueue(entry) {
    if (this.#closed !== void 0 || this.#failed) return;
    this.#queue.push(entry);
    if (!this.#draining) {
      this.#draining = true;
      setImmediate(this.#drain);
    }
  }
  #drain = () => {
    this.#draining = false;
    const queue = this.#queue;
    this.#queue = [];
    for (const entry of queue) this.#serialize(entry);
    if (this.#writing === void 0) this.#schedule();
  };
  #serialize(entry) {
    if (this.#failed) return;
    const out = this.#out;
    if (out.length >= MAX_PENDING_BYTES) {
      this.#dropped++;
      return;
    }
    const start = out.length;
    try {
      out.ascii(this.#written === 0 ? "\n" : ",\n");
      this.#serializer.write(out, entry);
      this.#written++;
    } catch (error) {
      out.rollback(start);
      this.#logger.debug(`recorder: could not serialize an entry: ${errorMessage(error)}`);
    }
  }
  /** Writes now when a batch is big enough, else within FLUSH_MS: few large writes, not many small ones. */
  #schedule() {
    if (this.#out.length >= FLUSH_BYTES) this.#flush();
    else if (this.#out.length > 0 && this.#timer === void 0) {
      this.#timer = setTimeout(() => this.#flush(), FLUSH_MS).unref();
    }
  }
  #flush() {
    clearTimeout(this.#timer);
    this.#timer = void 0;
    if (this.#writing !== void 0 || this.#out.length === 0 || this.#failed) return;
    const full = this.#out;
    this.#out = this.#spare;
    this.#spare = full;
    const body = full.bytes();
    const length = body.length;
    this.#inFlight = length;
    this.#writing = this.#file.writev([body, FOOTER_BYTES], this.#position).then(
      () => {
        this.#position += length;
      },
      (error) => {
        this.#failed = true;
        this.#logger.warning(`Recording to ${this.path} stopped: ${errorMessage(error)}`);
      }
    ).finally(() => {
      full.reset();
      this.#inFlight = 0;
      this.#writing = void 0;
      this.#schedule();
    });
  }
  /**
   * The recording so far as a complete HAR, for a download while recording goes on. What
   * finished before the call is written first. The bytes before the write position never
   * change afterwards (each write starts over the closing brackets), so they are read as they
   * are, with the closing brackets appended: no lock, and the recording goes on meanwhile.
   */
  async snapshot() {
    if (this.#closed !== void 0) {
      await this.#closed;
      return (0, import_node_fs.createReadStream)(this.path);
    }
    this.#drain();
    const target = this.#position + this.#inFlight + this.#out.length;
    while (this.#position < target && !this.#failed && this.#closed === void 0) {
      if (this.#writing === void 0) this.#flush();
      if (this.#writing === void 0) break;
      await this.#writing;
    }
    const end = this.#position;
    const file = this.path;
    return import_node_stream.Readable.from(
      (async function* () {
        yield* (0, import_node_fs.createReadStream)(file, { start: 0, end: end - 1 });
        yield FOOTER_BYTES;
      })()
    );
  }
  /** Writes what is pending and closes the file; idempotent. */
  close() {
    this.#closed ??= this.#close();
    return this.#closed;
  }
  async #close() {
    try {
      this.#drain();
      while (this.#writing !== void 0 || this.#out.length > 0 && !this.#failed) {
        if (this.#writing === void 0) this.#flush();
        await this.#writing;
      }
      if (this.#dropped > 0 && !this.#failed) {
        const note = `${this.#dropped} requests were not recorded: writing the recording could not keep up`;
        const footer = Buffer.from(`
],"comment":${JSON.stringify(note)}}}
`);
        await this.#file.write(footer, 0, footer.length, this.#position);
        await this.#file.truncate(this.#position + footer.length);
        this.#logger.warning(`Recording ${this.path}: ${note}.`);
      }
    } catch (error) {
      this.#logger.warning(`Recording to ${this.path} could not be finished: ${errorMessage(error)}`);
    } finally {
      await this.#file.close().catch(() => void 0);
    }
  }
};
function recordedUrl(base, pathAndQuery) {
  return base + redactUrlPath(pathAndQuery.startsWith("/") ? pathAndQuery : `/${pathAndQuery}`);
}

// src/gate/settings.ts
var AUTH_MODES = ["basic", "bearer", "none"];
var DEFAULT_USERNAME = "preview";
var GATE_MANAGED_HEADERS = /* @__PURE__ */ new Set([
  "host",
  "connection",
  "keep-alive",
  "proxy-connection",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
  "content-length",
  "expect"
]);
function namedGateSecrets(settings) {
  const { auth } = settings;
  const secrets = [];
  if (auth.mode === "basic") {
    secrets.push(['the password of input "credentials"', auth.password]);
    secrets.push(['input "credentials"', `${auth.username}:${auth.password}`]);
  }
  if (auth.mode === "bearer") secrets.push(['the token of input "credentials"', auth.token]);
  for (const rule of settings.webhooks)
    secrets.push([`the ${rule.provider} webhook secret in ${rule.secretEnv}`, rule.secret]);
  return namedSecrets(...secrets);
}

// src/gate/stage.ts
function runStages(stages, ex, failed, from = 0) {
  try {
    for (let i = from; i < stages.length; i++) {
      const stage = stages[i];
      const result = stage ? stage(ex) : false;
      if (result === true) return;
      if (result !== false) {
        result.then(
          (handled) => {
            if (!handled) runStages(stages, ex, failed, i + 1);
          },
          (error) => failed(ex, error)
        );
        return;
      }
    }
  } catch (error) {
    failed(ex, error);
  }
}

// src/gate/stages/allow-list.ts
function allowListStage(allow, clientIpHeader) {
  return (ex) => {
    ex.clientIp = clientAddress(ex.req, clientIpHeader);
    if (!isAllowed(allow, ex.clientIp)) {
      ex.refusal = {
        status: 403,
        message: `client address ${ex.clientIp ?? "(unknown)"} is not in allow-cidrs`
      };
    }
    return false;
  };
}

// src/gate/stages/body-limit.ts
function bodyLimitStage(maxBodyBytes) {
  return (ex) => {
    const length = declaredLength(ex.basics.contentLength);
    if (ex.body !== void 0 || length === void 0 || length <= maxBodyBytes) return false;
    reply(ex, 413, tooLargeMessage(maxBodyBytes));
    return true;
  };
}

// src/gate/stages/forward.ts
function forwardStage(proxy) {
  return (ex) => {
    if (ex.res) proxy.forward(ex);
    else proxy.upgrade(ex);
    return true;
  };
}

// src/gate/stages/login-link.ts
function loginLinkStage(auth) {
  return (ex) => {
    if (ex.path !== LOGIN_PATH) return false;
    auth.login(ex);
    return true;
  };
}

// src/gate/stages/namespace.ts
function namespaceStage() {
  return (ex) => {
    if (!isReservedPath(ex.path)) return false;
    reply(ex, 404, `${ex.path} is not a path of the gate`);
    return true;
  };
}

// src/gate/stages/probe.ts
function probeStage(responder) {
  return (ex) => responder !== void 0 && ex.res !== void 0 && responder.answer(ex.req, ex.res, ex.pathname);
}

// src/gate/stages/refusal.ts
var CLOSE = { connection: "close" };
function refusalStage(refusedConnections) {
  return (ex) => {
    const refused = ex.refusal;
    if (refused === void 0) return false;
    if (refused.close) refusedConnections.add(ex.req.socket);
    reply(ex, refused.status, refused.message, refused.close ? CLOSE : void 0);
    return true;
  };
}

// src/gate/stages/request-checks.ts
function requestChecksStage() {
  return (ex) => {
    if (ex.refusal !== void 0) return false;
    const framing = framingRefusal(ex.basics, ex.req.httpVersion);
    if (framing !== void 0) {
      ex.refusal = { ...framing, close: true };
      return false;
    }
    const path2 = requestPath(ex.pathname);
    if (typeof path2 !== "string") ex.refusal = { status: 400, message: path2.refused };
    else ex.path = path2;
    return false;
  };
}

// src/gate/stages/reserved-routes.ts
function reservedRoutesStage(route) {
  return (ex) => route !== void 0 && ex.refusal === void 0 && ex.res !== void 0 && isReservedPath(ex.path) && route(ex.req, ex.res, ex.path);
}

// src/gate/stages/tracking.ts
function tracker(stats, recorder, base) {
  const finish = (ex) => {
    if (ex.finished) return;
    ex.finished = true;
    const res = ex.res;
    const status = res ? res.headersSent ? res.statusCode : 0 : ex.status;
    if (res && !res.writableFinished) ex.upstream?.destroy();
    stats.add({
      method: ex.req.method ?? "",
      path: ex.pathname,
      status,
      ms: performance.now() - ex.started,
      at: ex.startedAt
    });
    ex.record?.finish(ex);
  };
  const stage = (ex) => {
    if (ex.res) ex.res.once("close", () => finish(ex));
    else ex.socket.once("close", () => finish(ex));
    ex.record = recorder?.begin(
      ex.req.method ?? "GET",
      recordedUrl(base(), ex.req.url ?? "/"),
      ex.req.httpVersion,
      ex.req.rawHeaders,
      ex.startedAt,
      ex.clientIp
    );
    return false;
  };
  return { stage, finish };
}

// src/gate/stages/user-auth.ts
function userAuthStage(auth) {
  return (ex) => {
    ex.stripSessionCookie = ex.basics.cookie?.includes(SESSION_COOKIE) ?? false;
    if (ex.webhookVerified) return false;
    const result = auth.check(ex.basics);
    if (result.ok) {
      ex.stripAuthorization = result.via === "header";
      return false;
    }
    reply(ex, 401, result.reason, { "www-authenticate": result.challenge });
    return true;
  };
}

// src/gate/stages/webhook.ts
function webhookRoutes(rules) {
  return rules.map((rule) => ({ rule, scheme: SCHEMES[rule.provider] })).sort((a, b) => b.rule.pathPrefix.length - a.rule.pathPrefix.length);
}
function matchRoute(routes, path2) {
  for (const route of routes) {
    if (isUnder(path2, route.rule.pathPrefix)) return route;
  }
  return void 0;
}
function webhookStage(options) {
  const { routes, maxBodyBytes } = options;
  if (routes.length === 0) return () => false;
  return (ex) => {
    if (ex.req.method !== "POST") return false;
    const route = matchRoute(routes, ex.path);
    if (route === void 0) return false;
    const { scheme, rule } = route;
    if (ex.path !== ex.pathname && !isUnder(ex.pathname, rule.pathPrefix)) return false;
    if (!ex.res) {
      reply(
        ex,
        403,
        `${rule.pathPrefix} is a ${rule.provider} webhook path; upgrades are not accepted there`
      );
      return true;
    }
    if (!scheme.signatureHeaders.some((h) => ex.req.headers[h] !== void 0)) {
      const reason = `missing ${scheme.signatureHeaders[0]} header`;
      ex.webhook = { provider: rule.provider, ok: false, reason };
      reply(ex, 401, `${rule.provider} webhook rejected: ${reason}`);
      return true;
    }
    const length = declaredLength(ex.basics.contentLength);
    if (length !== void 0 && length > maxBodyBytes) {
      reply(ex, 413, tooLargeMessage(maxBodyBytes));
      return true;
    }
    if (ex.expectContinue) ex.res.writeContinue();
    return readBody(ex.req, maxBodyBytes).then(
      (body) => {
        ex.record?.requestBody(body);
        const verdict = scheme.verify(
          {
            headers: ex.req.headers,
            body,
            url: options.publicUrl(ex.req.url ?? "/", ex),
            nowSeconds: Math.floor(Date.now() / 1e3)
          },
          rule.secret
        );
        if (!verdict.ok) {
          ex.webhook = { provider: rule.provider, ok: false, reason: verdict.reason };
          reply(ex, verdict.status, `${rule.provider} webhook rejected: ${verdict.reason}`);
          return true;
        }
        ex.body = body;
        ex.webhookVerified = true;
        ex.webhook = { provider: rule.provider, ok: true };
        return false;
      },
      (error) => {
        if (error instanceof BodyTooLargeError) reply(ex, 413, error.message);
        else ex.res?.destroy();
        return true;
      }
    );
  };
}

// src/gate/stats.ts
var RECENT_LIMIT = 100;
function statusClass(status) {
  if (status >= 100 && status < 600) return `${Math.floor(status / 100)}xx`;
  return "no response";
}
var StatsCollector = class {
  #ring = new Array(RECENT_LIMIT);
  #next = 0;
  #total = 0;
  #byClass = {
    "1xx": 0,
    "2xx": 0,
    "3xx": 0,
    "4xx": 0,
    "5xx": 0,
    "no response": 0
  };
  add(sample) {
    this.#ring[this.#next] = sample;
    this.#next = (this.#next + 1) % RECENT_LIMIT;
    this.#total++;
    this.#byClass[statusClass(sample.status)]++;
  }
  snapshot() {
    const recent = [];
    for (let i = 0; i < RECENT_LIMIT; i++) {
      const sample = this.#ring[(this.#next + i) % RECENT_LIMIT];
      if (sample) recent.push(sample);
    }
    return { total: this.#total, byClass: { ...this.#byClass }, recent };
  }
};

// src/gate/server.ts
var UPSTREAM_ERROR_INTERVAL_MS = 1e4;
async function startGate(options) {
  const { settings, logger } = options;
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const clientIpHeader = options.clientIpHeader?.toLowerCase();
  const secrets = options.secrets ?? new SecretRegistry();
  for (const { label, value } of namedGateSecrets(settings)) secrets.add(value, label);
  const auth = new Authenticator(settings.auth, (minted) => secrets.add(minted, "a login token or session"));
  const stats = new StatsCollector();
  const agent = upstreamAgent(options.maxUpstreamConnections ?? DEFAULT_MAX_UPSTREAM_CONNECTIONS);
  const recorder = settings.record ? await HarRecorder.open({
    path: settings.record.path,
    bodyLimit: settings.record.bodyLimit,
    redactor: secrets,
    logger
  }) : void 0;
  let port = 0;
  let publicUrl;
  let publicBase;
  const gateUrl = () => `http://127.0.0.1:${port}`;
  const base = () => publicBase ?? gateUrl();
  const track = tracker(stats, recorder, base);
  const proxy = new ReverseProxy({
    upstream: options.upstream,
    agent,
    upstreamTimeoutMs: timeouts.upstreamMs,
    maxBodyBytes: settings.maxBodyBytes,
    addedHeaders: settings.requestHeaders,
    clientIpHeader,
    publicUrl: () => publicUrl,
    onUpstreamError: throttledReport(options, logger),
    finishUpgrade: track.finish,
    pacer: options.gcPacer ?? new GcPacer(exposeGc())
  });
  const refusedConnections = /* @__PURE__ */ new WeakSet();
  const stages = [
    probeStage(options.probe ? new ProbeResponder(options.probe) : void 0),
    allowListStage(settings.allowCidrs, clientIpHeader),
    requestChecksStage(),
    reservedRoutesStage(options.reserved),
    track.stage,
    refusalStage(refusedConnections),
    loginLinkStage(auth),
    webhookStage({
      routes: webhookRoutes(settings.webhooks),
      maxBodyBytes: settings.maxBodyBytes,
      publicUrl: (pathAndQuery, ex) => (publicBase ?? `http://${ex.basics.host ?? `127.0.0.1:${port}`}`) + pathAndQuery
    }),
    userAuthStage(auth),
    namespaceStage(),
    bodyLimitStage(settings.maxBodyBytes),
    forwardStage(proxy)
  ];
  const failed = (ex, error) => {
    logger.warning(`gate: ${ex.req.method} ${ex.pathname} failed: ${errorMessage(error)}`);
    reply(ex, 500, "internal error in the gate");
  };
  let listening;
  try {
    listening = await listen(
      {
        request: (req, res, expectContinue) => {
          if (refusedConnections.has(req.socket)) return;
          runStages(stages, createExchange(req, res, req.socket, void 0, expectContinue), failed);
        },
        upgrade: (req, socket, head2) => {
          if (refusedConnections.has(socket)) return;
          runStages(stages, createExchange(req, void 0, socket, head2, false), failed);
        }
      },
      { timeouts, ipv6: options.ipv6 ?? true, logger, avoid: (port2) => port2 === options.avoidPort }
    );
  } catch (error) {
    agent.destroy();
    await recorder?.close();
    throw error;
  }
  port = listening.port;
  let closing;
  const close = async () => {
    listening.close();
    for (const tunnel of [...proxy.tunnels]) tunnel.destroy();
    agent.destroy();
    await recorder?.close();
  };
  return {
    port,
    url: gateUrl(),
    harPath: recorder?.path,
    setPublicUrl(url) {
      publicUrl = new URL(url);
      publicBase = url.replace(/\/+$/, "");
    },
    setUpstreamHost: (host) => proxy.setUpstreamHost(host),
    loginUrl() {
      return `${base()}${LOGIN_PATH}?token=${auth.createLoginToken()}`;
    },
    stats: () => stats.snapshot(),
    close() {
      closing ??= close().catch((error) => logger.warning(`gate: close: ${errorMessage(error)}`));
      return closing;
    }
  };
}
function throttledReport(options, logger) {
  let last = Number.NEGATIVE_INFINITY;
  return (error) => {
    logger.debug(`gate: upstream error: ${errorMessage(error)}`);
    const now = performance.now();
    if (now - last < (options.upstreamErrorIntervalMs ?? UPSTREAM_ERROR_INTERVAL_MS)) return;
    last = now;
    try {
      options.onUpstreamError?.(error);
    } catch (hookError) {
      logger.debug(`gate: onUpstreamError failed: ${errorMessage(hookError)}`);
    }
  };
}

// src/gate/summary.ts
var MAX_PATH = 80;
function cell(text) {
  const short = text.length > MAX_PATH ? `${text.slice(0, MAX_PATH - 1)}\u2026` : text;
  return short.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/`/g, "'").replace(/\r?\n/g, " ");
}
function gateSummaryMarkdown(stats, options = {}) {
  const lines = [`### ${options.heading ?? "Requests through the gate"}`, ""];
  if (stats.total === 0) return [...lines, "No requests reached the gate.", ""].join("\n");
  const classes = Object.entries(stats.byClass).filter(([, n]) => n > 0);
  lines.push(
    `${stats.total} request${stats.total === 1 ? "" : "s"}: ${classes.map(([c, n]) => `${n} \xD7 ${c}`).join(", ")}`,
    "",
    "| status class | requests |",
    "| --- | ---: |",
    ...classes.map(([c, n]) => `| ${c} | ${n} |`),
    ""
  );
  const shown = stats.recent.length;
  lines.push(
    shown < stats.total ? `Last ${shown} requests:` : "Requests:",
    "",
    "| method | path | status | ms |",
    "| --- | --- | ---: | ---: |",
    ...stats.recent.map(
      (r) => `| ${cell(r.method)} | \`${cell(r.path)}\` | ${r.status === 0 ? "\u2014" : r.status} | ${Math.round(r.ms)} |`
    ),
    ""
  );
  return lines.join("\n");
}

export {
  EXIT,
  InputError,
  ConfigError,
  StartError,
  CancelledError,
  exitCodeOf,
  errorMessage,
  namedSecrets,
  tooShortWarning,
  SecretRegistry,
  require_net,
  safeEqual,
  clientCredentials,
  formatDuration,
  sleep,
  RESERVED_ROOT,
  RESERVED_PREFIX,
  PROBE_PATH,
  LOGIN_PATH,
  IDP_MOUNT_PATH,
  PROBE_KEY_HEADER,
  newProbeSecrets,
  require_promises2 as require_promises,
  discord,
  github,
  gitlab,
  linear,
  paddle,
  pagerduty,
  shopify,
  slack,
  square,
  standardWebhooks,
  svix,
  stripe,
  twilioUrl,
  twilio,
  replayHar,
  requestPath,
  isUnder,
  require_zlib,
  AUTH_MODES,
  DEFAULT_USERNAME,
  GATE_MANAGED_HEADERS,
  namedGateSecrets,
  startGate,
  gateSummaryMarkdown
};
