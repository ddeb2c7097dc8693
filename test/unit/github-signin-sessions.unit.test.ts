/**
 * Sessions (opaque ids found by selector and checked in constant time, bounded, expiring), the token-check cache, the
 * headers the app gets (the gate's header rewriting), and the page script (valid JavaScript, served with a content hash).
 */
import { Script } from "node:vm";
import { describe, expect, it } from "vitest";
import { assetUrl, SIGNIN_JS } from "../../src/gate/github-signin/assets.js";
import {
  DigestCache,
  digestKey,
  SESSION_COOKIE,
  SessionStore,
} from "../../src/gate/github-signin/sessions.js";
import type { AllowedVerdict, DeniedVerdict } from "../../src/gate/github-signin/verdict.js";
import { type RequestHeaderOptions, requestHeaders } from "../../src/gate/headers.js";

const alice: AllowedVerdict = { kind: "allowed", login: "alice", via: "session", because: "write on o/r" };
const bob: DeniedVerdict = { kind: "denied", login: "bob", via: "session", reason: "needs write on o/r" };

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe("SessionStore", () => {
  it("gives 32 random bytes (base64url) per session and finds it by cookie, returning the same verdict object", () => {
    const time = clock();
    const store = new SessionStore({ ttlMs: undefined, max: 10, now: time.now });
    const a = store.create(alice);
    const b = store.create(bob);
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(store.find(`x=1; ${SESSION_COOKIE}=${a}; y=2`)?.verdict).toBe(alice);
    expect(store.find(`${SESSION_COOKIE}=nope; ${SESSION_COOKIE}=${b}`)?.verdict).toBe(bob);
    expect(store.find(`${SESSION_COOKIE}=${a}x`)).toBeUndefined();
    // Only a cookie of that very name counts, wherever it stands in the header.
    expect(store.find(`x${SESSION_COOKIE}=${a}`)).toBeUndefined();
    expect(store.find(`other=${SESSION_COOKIE}=${a}`)).toBeUndefined();
    expect(store.find(`a=1;${SESSION_COOKIE}=${a};b=2`)?.verdict).toBe(alice);
    expect(store.find(`a=1;  ${SESSION_COOKIE}= ${a} `)?.verdict).toBe(alice);
    expect(store.find(undefined)).toBeUndefined();
    // As long as the preview: no expiry.
    time.advance(365 * 24 * 3600_000);
    expect(store.find(`${SESSION_COOKIE}=${a}`)?.verdict).toBe(alice);
  });

  it("expires sessions after the TTL, forgets the oldest beyond the bound, and ends them on sign-out", () => {
    const time = clock();
    const store = new SessionStore({ ttlMs: 60_000, max: 2, now: time.now });
    const first = store.create(alice);
    time.advance(59_999);
    expect(store.find(`${SESSION_COOKIE}=${first}`)).toBeDefined();
    time.advance(1);
    expect(store.find(`${SESSION_COOKIE}=${first}`)).toBeUndefined();
    expect(store.size).toBe(0);
    const [x, y, z] = [store.create(alice), store.create(alice), store.create(bob)];
    expect(store.size).toBe(2);
    expect(store.find(`${SESSION_COOKIE}=${x}`)).toBeUndefined();
    expect(store.end(`${SESSION_COOKIE}=${y}; ${SESSION_COOKIE}=${z}`)).toBe(2);
    expect(store.find(`${SESSION_COOKIE}=${z}`)).toBeUndefined();
  });

  it("finds a session by its selector but lets in only the whole id: a wrong, short or long verifier is refused", () => {
    const store = new SessionStore({ ttlMs: undefined, max: 10, now: Date.now });
    const id = store.create(alice);
    const cookie = (value: string) => `${SESSION_COOKIE}=${value}`;
    expect(store.find(cookie(id))?.verdict).toBe(alice);
    const last = id.at(-1) === "A" ? "B" : "A";
    for (const wrong of [
      `${id.slice(0, -1)}${last}`, // one character off at the end
      `${id.slice(0, 12)}${"A".repeat(31)}`, // the selector alone
      id.slice(0, -1), // short
      `${id}A`, // long
      `${id.slice(0, -1)}é`, // same length in characters, longer in bytes
      digestKey(id),
    ]) {
      expect(store.find(cookie(wrong)), wrong).toBeUndefined();
      expect(store.end(cookie(wrong)), wrong).toBe(0);
    }
    expect(store.find(cookie(id))?.verdict).toBe(alice);
    expect(store.end(cookie(id))).toBe(1);
  });
});

describe("DigestCache", () => {
  it("remembers for the TTL and within a bound", () => {
    const time = clock();
    const cache = new DigestCache<string>({ ttlMs: 60_000, max: 2, now: time.now });
    cache.set("a", "A");
    time.advance(59_999);
    expect(cache.get("a")).toBe("A");
    time.advance(1);
    expect(cache.get("a")).toBeUndefined();
    cache.set("b", "B");
    cache.set("c", "C");
    cache.set("d", "D");
    expect([cache.get("b"), cache.get("c"), cache.get("d")]).toEqual([undefined, "C", "D"]);
  });
});

describe("the headers the app gets (gate/headers.ts)", () => {
  const raw = [
    "Host",
    "preview.example",
    "x-preview-user",
    "mallory",
    "X-PREVIEW-USER",
    "eve",
    "Authorization",
    "Bearer gho_secret",
    "Cookie",
    `theme=dark; ${SESSION_COOKIE}=sessionsecret; lang=en`,
  ];
  const options: RequestHeaderOptions = {
    stripAuthorization: false,
    stripSessionCookie: true,
    added: [],
    addedNames: new Set(),
    forwardedFor: "203.0.113.9",
    forwardedProto: "https",
    forwardedHost: undefined,
    upgrade: false,
    bodyLength: undefined,
    chunked: false,
    defaultHost: "127.0.0.1:1",
  };
  const forwarded = ["X-Forwarded-For", "203.0.113.9", "X-Forwarded-Proto", "https"];

  it("drops what clients say in X-Preview-User and the session cookie, and names the signed-in login", () => {
    expect(requestHeaders(raw, { ...options, previewUser: alice.login })).toEqual([
      "Host",
      "preview.example",
      "Authorization",
      "Bearer gho_secret",
      "Cookie",
      "theme=dark; lang=en",
      ...forwarded,
      "X-Preview-User",
      "alice",
    ]);
  });

  it("drops a consumed Authorization; with no login (the run's token, or another auth mode) X-Preview-User is gone", () => {
    const viaToken = requestHeaders(raw, { ...options, stripAuthorization: true, previewUser: "alice" });
    expect(viaToken).not.toContain("Authorization");
    expect(viaToken.slice(-2)).toEqual(["X-Preview-User", "alice"]);
    const run = requestHeaders(["Authorization", "Bearer run", "Cookie", `${SESSION_COOKIE}=s`], {
      ...options,
      stripAuthorization: true,
    });
    expect(run).toEqual(["Host", "127.0.0.1:1", ...forwarded]);
    const spoofed = requestHeaders(raw, { ...options, stripSessionCookie: false });
    expect(spoofed.filter((h) => h.toLowerCase() === "x-preview-user")).toEqual([]);
  });
});

describe("the page script", () => {
  it("is valid JavaScript, served under a URL with its content hash", () => {
    expect(() => new Script(SIGNIN_JS)).not.toThrow();
    expect(assetUrl("js")).toMatch(/^\/__preview\/signin\/signin\.js\?v=[0-9a-f]{12}$/);
    expect(assetUrl("css")).toMatch(/^\/__preview\/signin\/signin\.css\?v=[0-9a-f]{12}$/);
  });
});
