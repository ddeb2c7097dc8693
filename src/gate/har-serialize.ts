/**
 * One recorded exchange -> the JSON bytes of a HAR 1.2 entry, redacted (sensitive headers
 * and cookies replaced, known secrets scrubbed out of every value that can carry data).
 *
 * Written straight into a growing byte buffer, with the fixed parts pre-encoded, rather than
 * built as an object graph (or a string rope) and encoded afterwards: at thousands of
 * requests a second serializing is most of what recording costs, and this does each byte
 * once. har.ts describes the shape.
 */

import { brotliDecompressSync, constants, gunzipSync, inflateRawSync, inflateSync } from "node:zlib";
import type { Redactor } from "../util/secrets.js";
import type { CaptureData, EntryData } from "./exchange.js";
import type { HarPostData } from "./har.js";
import { rawHeader } from "./headers.js";
import { isSensitiveHeader } from "./redact.js";

export type { CaptureData, EntryData } from "./exchange.js";

// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly what JSON must escape.
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const DOT = 0x2e;
const ZERO = 0x30;
/** Up to this many bytes, a JS loop beats a call into native code. */
const SHORT = 48;
/** Up to this many characters, str() escapes in a JS loop (a typical header value, a small JSON body). */
const SHORT_TEXT = 1024;

/**
 * Node's per-encoding writers, which Buffer#write dispatches to after normalizing its
 * arguments; called directly they cost a fraction (they are not in @types/node).
 */
interface EncodingWriters {
  latin1Write(text: string, offset: number): number;
  utf8Write(text: string, offset: number): number;
}

function writers(buf: Buffer): EncodingWriters {
  const fast = buf as unknown as Partial<EncodingWriters>;
  if (typeof fast.latin1Write === "function" && typeof fast.utf8Write === "function") {
    return buf as unknown as EncodingWriters;
  }
  return {
    latin1Write: (text, offset) => buf.write(text, offset, "latin1"),
    utf8Write: (text, offset) => buf.write(text, offset),
  };
}

/** A growing buffer of JSON text. */
export class JsonOut {
  #buf: Buffer;
  #w: EncodingWriters;
  #pos = 0;
  readonly #initialBytes: number;

  constructor(initialBytes = 64 * 1024) {
    this.#initialBytes = initialBytes;
    this.#buf = Buffer.allocUnsafe(initialBytes);
    this.#w = writers(this.#buf);
  }

  #use(buf: Buffer): void {
    this.#buf = buf;
    this.#w = writers(buf);
  }

  get length(): number {
    return this.#pos;
  }

  #room(bytes: number): void {
    if (this.#pos + bytes <= this.#buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.#buf.length * 2, this.#pos + bytes));
    this.#buf.copy(bigger, 0, 0, this.#pos);
    this.#use(bigger);
  }

  // Short pieces are copied by a plain loop: calling into native code costs more than the
  // copy for the few bytes of a constant, a number or a typical header value.

  /** Pre-encoded bytes. */
  raw(bytes: Buffer): void {
    const n = bytes.length;
    this.#room(n);
    if (n > SHORT) {
      this.#buf.set(bytes, this.#pos);
      this.#pos += n;
      return;
    }
    const buf = this.#buf;
    let pos = this.#pos;
    for (let i = 0; i < n; i++) buf[pos++] = bytes[i] as number;
    this.#pos = pos;
  }

  /** Text known to be ASCII without anything to escape (numbers, dates, header names). */
  ascii(text: string): void {
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
  millis(ms: number): void {
    const micros = Math.round(ms * 1000);
    if (!(micros >= 0) || micros > Number.MAX_SAFE_INTEGER) {
      this.ascii(String(Math.round(ms * 1000) / 1000));
      return;
    }
    const whole = Math.floor(micros / 1000);
    const fraction = micros - whole * 1000;
    this.ascii(String(whole));
    if (fraction === 0) return;
    this.#room(4);
    const buf = this.#buf;
    let pos = this.#pos;
    buf[pos++] = DOT;
    buf[pos++] = ZERO + Math.floor(fraction / 100);
    const tens = fraction % 100;
    if (tens !== 0) {
      buf[pos++] = ZERO + Math.floor(tens / 10);
      if (tens % 10 !== 0) buf[pos++] = ZERO + (tens % 10);
    }
    this.#pos = pos;
  }

  /** Text that is already JSON (e.g. from JSON.stringify). */
  json(text: string): void {
    this.#room(text.length * 3);
    this.#pos += this.#w.utf8Write(text, this.#pos);
  }

  /** A JSON string literal. */
  str(text: string): void {
    const n = text.length;
    if (n <= SHORT_TEXT) {
      // Printable ASCII goes in as is (quote and backslash escaped on the way); anything else
      // (control characters, non-ASCII) takes the slow path, which starts over.
      this.#room(2 * n + 2);
      const buf = this.#buf;
      let pos = this.#pos;
      buf[pos++] = QUOTE;
      let i = 0;
      for (; i < n; i++) {
        const c = text.charCodeAt(i);
        if (c < 0x20 || c > 0x7e) break;
        if (c === QUOTE || c === BACKSLASH) buf[pos++] = BACKSLASH;
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
  rollback(length: number): void {
    this.#pos = Math.min(this.#pos, length);
  }

  /** A copy of the bytes written since `start`. */
  copySince(start: number): Buffer {
    return Buffer.from(this.#buf.subarray(start, this.#pos));
  }

  /** A view of the bytes written so far (valid until the next write or reset). */
  bytes(): Buffer {
    return this.#buf.subarray(0, this.#pos);
  }

  /** Starts over, keeping the buffer (memory is reused, not allocated per batch) unless a burst grew it. */
  reset(): void {
    this.#pos = 0;
    if (this.#buf.length > this.#initialBytes * 4) this.#use(Buffer.allocUnsafe(this.#initialBytes));
  }
}

/** The fixed parts of an entry, encoded once (on first use: nothing is done on import). */
function parts() {
  const b = (text: string) => Buffer.from(text);
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
    client: b(',"_clientAddress":'),
    service: b(',"_service":'),
  };
}

type Parts = ReturnType<typeof parts>;

/**
 * The cookies and headers of the last header block seen, as bytes. Consecutive requests
 * (and responses) very often carry identical headers, and those are most of an entry.
 */
class BlockCache {
  #raw: readonly string[] | undefined;
  #bytes: Buffer | undefined;

  /** Writes the cached bytes when `raw` equals the last block seen (true), else nothing (false). */
  hit(out: JsonOut, raw: readonly string[]): boolean {
    const last = this.#raw;
    if (last === undefined || this.#bytes === undefined || last.length !== raw.length) return false;
    if (last !== raw) for (let i = 0; i < raw.length; i++) if (last[i] !== raw[i]) return false;
    out.raw(this.#bytes);
    return true;
  }

  /** Remembers the block `raw` as the bytes written to `out` since `start`. */
  store(out: JsonOut, raw: readonly string[], start: number): void {
    this.#raw = raw;
    this.#bytes = out.copySince(start);
  }
}

/** State kept between entries of one recording. */
export class Serializer {
  readonly #p: Parts = parts();
  #requestBlock = new BlockCache();
  #responseBlock = new BlockCache();
  readonly #redactor: Redactor;
  /** The redactor's version the caches below were made with. */
  #redactorVersion: number;
  #isoSecond = -1;
  #isoPrefix = "";
  #lastUrl: string | undefined;
  #lastParsed: { href: string; query: [string, string][] } | undefined;

  constructor(redactor: Redactor) {
    this.#redactor = redactor;
    this.#redactorVersion = redactor.version;
  }

  /** Cached blocks and URLs were redacted without a secret added since (a new login link): drop them. */
  #checkRedactor(): void {
    if (this.#redactor.version === this.#redactorVersion) return;
    this.#redactorVersion = this.#redactor.version;
    this.#requestBlock = new BlockCache();
    this.#responseBlock = new BlockCache();
    this.#lastParsed = undefined;
  }

  /** ISO timestamps up to the second, formatted once per second (toISOString costs more than a header block). */
  #iso(ms: number): string {
    const second = Math.floor(ms / 1000);
    if (second !== this.#isoSecond) {
      this.#isoSecond = second;
      this.#isoPrefix = new Date(second * 1000).toISOString().slice(0, 19);
    }
    return this.#isoPrefix;
  }

  /** The URL as recorded; the last one is remembered (consecutive requests often share it). */
  #url(url: string): { href: string; query: [string, string][] } {
    if (url !== this.#lastUrl || this.#lastParsed === undefined) {
      this.#lastUrl = url;
      this.#lastParsed = parseUrl(this.#redactor.redact(url, "redacted"));
    }
    return this.#lastParsed;
  }

  #httpVersion(out: JsonOut, version: string): void {
    if (version === "1.1") out.raw(this.#p.httpVersion11);
    else {
      out.raw(this.#p.httpVersion);
      out.str(`HTTP/${version}`);
    }
  }

  #cachedBlock(out: JsonOut, cache: BlockCache, raw: readonly string[], kind: "request" | "response"): void {
    if (cache.hit(out, raw)) return;
    const start = out.length;
    this.#block(out, raw, kind);
    cache.store(out, raw, start);
  }

  /** `"cookies":[...],"headers":[...` (without the closing bracket). */
  #block(out: JsonOut, raw: readonly string[], cookies: "request" | "response"): void {
    const p = this.#p;
    out.raw(p.cookies);
    let first = true;
    const cookie = (name: string) => {
      if (name === "") return;
      if (!first) out.raw(p.comma);
      first = false;
      out.raw(p.cookieName);
      out.str(name);
      out.raw(p.redactedCookie);
    };
    if (cookies === "request") {
      const header = rawHeader(raw, "cookie");
      if (header !== undefined)
        for (const part of header.split(";")) cookie(part.slice(0, part.indexOf("=")).trim());
    } else {
      for (let i = 0; i + 1 < raw.length; i += 2) {
        if ((raw[i] as string).length !== 10 || (raw[i] as string).toLowerCase() !== "set-cookie") continue;
        const value = raw[i + 1] as string;
        cookie(value.slice(0, value.indexOf("=")).trim());
      }
    }
    out.raw(p.headers);
    for (let i = 0; i + 1 < raw.length; i += 2) {
      const name = raw[i] as string;
      if (i > 0) out.raw(p.comma);
      out.raw(p.headerName);
      // Names are RFC 9110 tokens (Node's parser enforces it): nothing to escape.
      out.ascii(name);
      if (isSensitiveHeader(name)) {
        out.raw(p.redactedValue);
        continue;
      }
      out.raw(p.headerValue);
      out.str(this.#redactor.redact(raw[i + 1] as string));
      out.raw(p.objectEnd);
    }
  }

  /** Appends one entry's JSON to `out`. */
  write(out: JsonOut, entry: EntryData): void {
    const p = this.#p;
    const redactor = this.#redactor;
    this.#checkRedactor();
    out.raw(p.started);
    out.ascii(this.#iso(entry.startedAt));
    out.ascii(millisSuffix(entry.startedAt - this.#isoSecond * 1000));
    out.raw(p.time);
    out.millis(entry.time);
    out.raw(p.method);
    out.str(entry.method);
    // A plain word in URLs: "[redacted]" would not be a valid URI for HAR validators.
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
      redactor,
    );
    out.raw(p.content);
    out.ascii(String(entry.reply.size));
    out.raw(p.mimeType);
    out.str(mimeType);
    if (body.text !== undefined) {
      out.raw(p.text);
      out.str(body.text);
    }
    if (body.base64) out.raw(p.base64);
    if (body.comment !== undefined) {
      out.raw(p.comment);
      out.str(body.comment);
    }
    const location = rawHeader(entry.responseHeaders, "location");
    if (location === undefined) out.raw(p.noRedirect);
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
    if (entry.clientAddress !== undefined) {
      out.raw(p.client);
      out.str(entry.clientAddress);
    }
    if (entry.service !== undefined) {
      out.raw(p.service);
      out.str(entry.service);
    }
    out.raw(p.objectEnd);
  }

  #postData(entry: EntryData): HarPostData {
    const mimeType = rawHeader(entry.requestHeaders, "content-type") ?? "";
    const body = bodyText(
      entry.request,
      mimeType,
      rawHeader(entry.requestHeaders, "content-encoding"),
      this.#redactor,
    );
    const data: HarPostData = { mimeType, text: body.text ?? "" };
    if (body.base64) data._encoding = "base64";
    if (entry.request.size > entry.request.kept) data._truncated = true;
    if (body.comment !== undefined) data.comment = body.comment;
    return data;
  }
}

const TEXT_TYPES =
  /^(?:text\/|application\/(?:[\w.+-]*\+)?(?:json|xml|javascript|x-www-form-urlencoded|graphql|x-ndjson))/i;

function isText(mimeType: string, contentEncoding: string | undefined): boolean {
  return (contentEncoding === undefined || contentEncoding === "identity") && TEXT_TYPES.test(mimeType);
}

/** Text bodies as (scrubbed) text, others as base64; never a binary body that carries a secret. */
function bodyText(
  capture: CaptureData,
  mimeType: string,
  contentEncoding: string | undefined,
  redactor: Redactor,
): { text?: string; base64: boolean; comment?: string } {
  if (capture.size === 0) return { base64: false };
  const comment =
    capture.size > capture.kept ? `truncated: recorded ${capture.kept} of ${capture.size} bytes` : undefined;
  if (capture.kept === 0) return { base64: false, comment };
  const bytes = capture.bytes();
  if (isText(mimeType, contentEncoding)) {
    return { text: redactor.redact(bytes.toString("utf8")), base64: false, comment };
  }
  if (redactor.containsSecret(bytes))
    return { base64: false, comment: "binary body left out: it contains a secret" };
  // A compressed body shows a secret only once decompressed (many apps compress their pages).
  const decoded = redactor.empty ? undefined : decompressed(bytes, contentEncoding);
  if (decoded === "unreadable")
    return {
      base64: false,
      comment: `${contentEncoding} body left out: it could not be checked for secrets`,
    };
  if (decoded !== undefined && redactor.containsSecret(decoded))
    return { base64: false, comment: `${contentEncoding} body left out: it contains a secret` };
  return { text: bytes.toString("base64"), base64: true, comment };
}

/** Decompressed bytes are checked up to this many (a body is recorded up to the body limit anyway). */
const MAX_DECOMPRESSED = 8 * 1024 * 1024;

/**
 * A gzip, deflate or br body decompressed (as far as it goes: a recording may keep only its
 * start); undefined for other encodings; "unreadable" when corrupt or beyond MAX_DECOMPRESSED.
 */
function decompressed(bytes: Buffer, contentEncoding: string | undefined): Buffer | "unreadable" | undefined {
  const encoding = contentEncoding?.trim().toLowerCase();
  const zlib = { maxOutputLength: MAX_DECOMPRESSED, finishFlush: constants.Z_SYNC_FLUSH };
  try {
    if (encoding === "gzip" || encoding === "x-gzip") return gunzipSync(bytes, zlib);
    if (encoding === "br")
      return brotliDecompressSync(bytes, {
        maxOutputLength: MAX_DECOMPRESSED,
        finishFlush: constants.BROTLI_OPERATION_FLUSH,
      });
    if (encoding === "deflate") {
      // RFC 9110's deflate is zlib-wrapped; some servers send it raw.
      try {
        return inflateSync(bytes, zlib);
      } catch {
        return inflateRawSync(bytes, zlib);
      }
    }
  } catch {
    return "unreadable";
  }
  return undefined;
}

/** Absolute http(s) URLs made only of characters RFC 3986 allows unescaped. */
const PLAIN_URL = /^https?:\/\/[A-Za-z0-9\-._~:/@!$&'()*+,;=]+$/;

/** The URL as a valid URI and its query parameters (parsing only when needed: it is costly). */
function parseUrl(recorded: string): { href: string; query: [string, string][] } {
  if (!recorded.includes("?") && PLAIN_URL.test(recorded)) return { href: recorded, query: [] };
  try {
    const parsed = new URL(recorded);
    return { href: parsed.href, query: [...parsed.searchParams] };
  } catch {
    return { href: "http://invalid.invalid/", query: [] };
  }
}

/** ".000Z" to ".999Z", made on first use. */
let MILLIS: string[] | undefined;

function millisSuffix(ms: number): string {
  MILLIS ??= Array.from({ length: 1000 }, (_, i) => `.${String(i).padStart(3, "0")}Z`);
  return MILLIS[Math.floor(ms)] ?? `.${String(Math.floor(ms)).padStart(3, "0")}Z`;
}
