/**
 * Who signed in, remembered by an opaque random id in a cookie. A session holds the login
 * and the decision (allowed or refused, and why); never a GitHub token.
 *
 * A session is checked on every request of the preview, so its id is split as a "selector"
 * and a "verifier" (the split-token pattern): the selector (its first 12 characters, 72 bits)
 * finds the session in a Map, and the verifier (the other 31 characters) is compared with
 * timingSafeEqual. A lookup's timing then tells at most whether a selector exists, never how
 * much of a verifier matched. Hashing the id instead cost a SHA-256 per request, about a
 * tenth of the gate's throughput in bench/signin.bench.ts (OpenSSL 3 sets a digest up on
 * every call). GitHub tokens in the short-lived check cache, looked up far less often, are
 * kept only as their SHA-256 digest.
 */
import { randomBytes, timingSafeEqual } from "node:crypto";
import { sha256Base64 } from "../../util/secure-compare.js";
import { cookieValues, SESSION_COOKIE } from "../session-cookie.js";
import type { AllowedVerdict, DeniedVerdict } from "./verdict.js";

export { SESSION_COOKIE };

/** 32 random bytes, base64url: a session or sign-in id. */
export function newSecret(): string {
  return randomBytes(32).toString("base64url");
}

export function digestKey(secret: string): string {
  return sha256Base64(secret);
}

export interface Session {
  /** Returned as is for every request of the session (no allocation on the hot path). */
  readonly verdict: AllowedVerdict | DeniedVerdict;
  /** Date.now() after which it is gone; Infinity: as long as the preview. */
  readonly expiresAt: number;
}

const NAME_EQ = `${SESSION_COOKIE}=`;
/** newSecret()'s length: 32 bytes in base64url. */
const ID_LENGTH = 43;
const SELECTOR_LENGTH = 12;

/** The name at `at` begins a cookie: at the start, or after ";" and spaces (not inside "xpreview_..."). */
function startsCookie(header: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && (header[i] === " " || header[i] === "\t")) i--;
  return i < 0 || header[i] === ";";
}

export interface StoreOptions {
  /** undefined: sessions last as long as the preview. */
  readonly ttlMs: number | undefined;
  /** Beyond this many, the oldest is forgotten. */
  readonly max: number;
  readonly now: () => number;
}

interface Entry {
  readonly verifier: Buffer;
  readonly session: Session;
}

export class SessionStore {
  /** By selector. */
  readonly #sessions = new Map<string, Entry>();
  readonly #options: StoreOptions;

  constructor(options: StoreOptions) {
    this.#options = options;
  }

  get size(): number {
    return this.#sessions.size;
  }

  /** A new session for this decision; returns its id, for the cookie only. */
  create(verdict: AllowedVerdict | DeniedVerdict): string {
    const { ttlMs, max, now } = this.#options;
    if (this.#sessions.size >= max) {
      const oldest = this.#sessions.keys().next().value;
      if (oldest !== undefined) this.#sessions.delete(oldest);
    }
    let id = newSecret();
    // 72 random bits: a selector taken already is not expected in the preview's life.
    while (this.#sessions.has(id.slice(0, SELECTOR_LENGTH))) id = newSecret();
    this.#sessions.set(id.slice(0, SELECTOR_LENGTH), {
      verifier: Buffer.from(id.slice(SELECTOR_LENGTH)),
      session: { verdict, expiresAt: ttlMs === undefined ? Infinity : now() + ttlMs },
    });
    return id;
  }

  /**
   * The live session named by a Cookie header, if any. On every request of the preview:
   * scans the header in place (no split) and looks at values of the session cookie only.
   */
  find(cookieHeader: string | undefined): Session | undefined {
    if (cookieHeader === undefined) return undefined;
    let from = 0;
    for (;;) {
      const at = cookieHeader.indexOf(NAME_EQ, from);
      if (at === -1) return undefined;
      from = at + NAME_EQ.length;
      if (!startsCookie(cookieHeader, at)) continue;
      const end = cookieHeader.indexOf(";", from);
      const selector = this.#match(cookieHeader.slice(from, end === -1 ? undefined : end).trim());
      if (selector === undefined) continue;
      const { session } = this.#sessions.get(selector) as Entry;
      if (session.expiresAt > this.#options.now()) return session;
      this.#sessions.delete(selector);
    }
  }

  /** Ends every session the Cookie header names; returns how many there were. */
  end(cookieHeader: string | undefined): number {
    if (cookieHeader === undefined) return 0;
    let ended = 0;
    for (const id of cookieValues(cookieHeader, SESSION_COOKIE)) {
      const selector = this.#match(id);
      if (selector !== undefined && this.#sessions.delete(selector)) ended++;
    }
    return ended;
  }

  clear(): void {
    this.#sessions.clear();
  }

  /** The selector of the session `id` names (its verifier compared in constant time), or undefined. */
  #match(id: string): string | undefined {
    if (id.length !== ID_LENGTH) return undefined;
    const selector = id.slice(0, SELECTOR_LENGTH);
    const entry = this.#sessions.get(selector);
    if (entry === undefined) return undefined;
    const given = Buffer.from(id.slice(SELECTOR_LENGTH));
    // Same length in bytes too: a non-ASCII character would make it longer.
    return given.length === entry.verifier.length && timingSafeEqual(given, entry.verifier)
      ? selector
      : undefined;
  }
}

/** A bounded map from a secret's digest to a value that expires (e.g. a token's check). */
export class DigestCache<V> {
  readonly #entries = new Map<string, { readonly value: V; readonly expiresAt: number }>();
  readonly #ttlMs: number;
  readonly #max: number;
  readonly #now: () => number;

  constructor(options: { readonly ttlMs: number; readonly max: number; readonly now: () => number }) {
    this.#ttlMs = options.ttlMs;
    this.#max = options.max;
    this.#now = options.now;
  }

  get(key: string): V | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt > this.#now()) return entry.value;
    this.#entries.delete(key);
    return undefined;
  }

  set(key: string, value: V): void {
    this.#entries.delete(key);
    if (this.#entries.size >= this.#max) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    this.#entries.set(key, { value, expiresAt: this.#now() + this.#ttlMs });
  }

  clear(): void {
    this.#entries.clear();
  }
}
