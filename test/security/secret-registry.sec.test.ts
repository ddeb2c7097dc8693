/**
 * The run's SecretRegistry: every secret, in every form an app or a report writes it, is
 * replaced, checked with an independent decoder (leaks.ts); short secrets follow the
 * documented rule; the matcher finds what a naive search finds.
 */
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { MultiSearch } from "../../src/util/multi-search.js";
import { MIN_SECRET_LENGTH, REDACTED, SecretRegistry } from "../../src/util/secrets.js";
import { leakedSecrets } from "./leaks.js";

const SSH_KEY = generateKeyPairSync("rsa", { modulusLength: 2048 })
  .privateKey.export({ format: "pem", type: "pkcs1" })
  .toString();
const SECRETS = {
  token: `ghs_${randomBytes(27).toString("base64url")}`,
  password: `p@ss w/rd"&'<>+%${randomBytes(6).toString("hex")}`,
  "user:password": "",
  webhook: `whsec_${randomBytes(24).toString("base64")}`,
  "ssh-key": SSH_KEY,
};
SECRETS["user:password"] = `reviewer:${SECRETS.password}`;

function registry(): SecretRegistry {
  const r = new SecretRegistry();
  for (const [label, value] of Object.entries(SECRETS)) r.add(value, label);
  return r;
}

/** How apps, frameworks and reports write a value out (independent of the registry's list). */
const WRITERS: Record<string, (value: string) => string> = {
  raw: (v) => `value: ${v} end`,
  json: (v) => JSON.stringify({ env: { SECRET: v, OTHER: "x" } }),
  "json in json": (v) => JSON.stringify({ excerpt: JSON.stringify({ SECRET: v }) }),
  "php json (escaped slashes)": (v) => JSON.stringify({ SECRET: v }).replaceAll("/", "\\/"),
  "encodeURIComponent query": (v) => `https://app.example/cb?secret=${encodeURIComponent(v)}&x=1`,
  "lower-case escapes": (v) =>
    `/?s=${encodeURIComponent(v).replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase())}`,
  "form body": (v) => new URLSearchParams({ a: "1", secret: v, b: "2" }).toString(),
  "base64 alone": (v) => `token=${Buffer.from(v).toString("base64")}`,
  "base64url alone": (v) => `token=${Buffer.from(v).toString("base64url")}`,
  ...Object.fromEntries(
    [0, 1, 2].map((offset) => [
      `inside base64 at offset ${offset}`,
      (v: string) => Buffer.from(`${"x".repeat(offset + 3)}${v}&more`).toString("base64"),
    ]),
  ),
  "basic header": (v) => `Authorization: Basic ${Buffer.from(`someone:${v}`).toString("base64")}`,
  "html page": (v) =>
    `<td>${v.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&#39;")}</td>`,
  "xml attribute": (v) =>
    `<failure message="${v.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&apos;").replaceAll("\n", "&#10;")}"/>`,
  "crlf lines": (v) => v.replaceAll("\n", "\r\n"),
  "lines joined": (v) =>
    `key=${v
      .split("\n")
      .filter((l) => !l.startsWith("-----"))
      .join("")}`,
  "lines in a page": (v) => v.split("\n").join("<br>"),
};

describe("SecretRegistry.redact", () => {
  for (const [writer, write] of Object.entries(WRITERS)) {
    it(`leaves no secret in ${writer}`, () => {
      const r = registry();
      for (const [label, value] of Object.entries(SECRETS)) {
        const text = write(value);
        expect(leakedSecrets(text, { [label]: value }), `${label} unredacted`).toEqual([label]);
        const redacted = r.redact(text);
        expect(leakedSecrets(redacted, SECRETS), `${label} as ${writer}: ${redacted}`).toEqual([]);
        expect(redacted).toContain(REDACTED);
      }
    });
  }

  it("leaves text without a secret as it was (the same string)", () => {
    const text = `{"ok":true,"items":[1,2,3],"note":"${"ordinary text ".repeat(500)}"}`;
    expect(registry().redact(text)).toBe(text);
  });

  it("redacts secrets added later (a login link's token), and says so by its version", () => {
    const r = registry();
    const before = r.version;
    const token = randomBytes(32).toString("base64url");
    expect(r.redact(`/?token=${token}`)).toContain(token);
    r.add(token, "a login token");
    expect(r.version).toBeGreaterThan(before);
    expect(r.redact(`/?token=${token}`)).toBe(`/?token=${REDACTED}`);
  });

  it("finds secrets in binary content, in any of the forms", () => {
    const r = registry();
    const around = (text: string) => Buffer.concat([randomBytes(64), Buffer.from(text), randomBytes(64)]);
    expect(r.containsSecret(around(SECRETS.webhook))).toBe(true);
    expect(r.containsSecret(around(encodeURIComponent(SECRETS.password)))).toBe(true);
    expect(r.containsSecret(around("nothing here"))).toBe(false);
  });

  it("redacts every string of a report's data, leaving other values alone", () => {
    const r = registry();
    const data = {
      failure: `got ${SECRETS.token}`,
      nested: [{ excerpt: JSON.stringify({ k: SECRETS["ssh-key"] }) }],
      count: 3,
      when: new Date(0),
    };
    const redacted = r.redactDeep(data);
    expect(leakedSecrets(JSON.stringify(redacted), SECRETS)).toEqual([]);
    expect(redacted.count).toBe(3);
    expect(redacted.when).toBe(data.when);
  });
});

describe("SecretRegistry: who is told", () => {
  it("tells onAdd every new value once, and each line of a multi-line one (the runner masks line by line)", () => {
    const told: string[] = [];
    const r = new SecretRegistry({ onAdd: (value) => told.push(value) });
    r.add(SECRETS.token, "token");
    r.add(SECRETS.token, "token again");
    r.add(SSH_KEY, "ssh-key");
    expect(told.filter((v) => v === SECRETS.token)).toHaveLength(1);
    expect(told).toContain(SSH_KEY);
    const bodyLines = SSH_KEY.split("\n").filter(
      (l) => l.length >= MIN_SECRET_LENGTH && !l.startsWith("-----"),
    );
    for (const line of bodyLines) expect(told).toContain(line);
  });

  it(`does not redact secrets shorter than ${MIN_SECRET_LENGTH} characters, and says which (never the value)`, () => {
    const told: string[] = [];
    const short: string[] = [];
    const r = new SecretRegistry({ onAdd: (v) => told.push(v), onTooShort: (label) => short.push(label) });
    r.add("hunter2", 'input "credentials"');
    expect(short).toEqual(['input "credentials"']);
    // Still masked by the runner (core.setSecret), but not searched for in reports.
    expect(told).toEqual(["hunter2"]);
    expect(r.redact("hunter2 logged in")).toBe("hunter2 logged in");
    r.add("", "empty");
    expect(short).toHaveLength(1);
  });
});

describe("MultiSearch", () => {
  /** A deterministic pseudo-random source, so a failure can be replayed. */
  function random(seed: number): () => number {
    let state = seed;
    return () => {
      state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
      return state / 2 ** 31;
    };
  }

  /** Leftmost match, longest at that place, non-overlapping: by brute force. */
  function naiveReplace(text: string, patterns: readonly string[], replacement: string): string {
    const sorted = [...patterns].sort((a, b) => b.length - a.length);
    let out = "";
    let i = 0;
    while (i < text.length) {
      const found = sorted.find((p) => text.startsWith(p, i));
      if (found) {
        out += replacement;
        i += found.length;
      } else out += text[i++];
    }
    return out;
  }

  it("replaces what a brute-force search replaces, over random texts and patterns", () => {
    const next = random(42);
    const alphabet = "abcab-_/+=XY";
    const word = (length: number) =>
      Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join("");
    for (let round = 0; round < 300; round++) {
      const patterns = Array.from({ length: 1 + Math.floor(next() * 8) }, () =>
        word(3 + Math.floor(next() * 9)),
      );
      const text = word(Math.floor(next() * 400));
      const search = new MultiSearch(patterns);
      expect(search.replace(text, "#"), `patterns ${JSON.stringify(patterns)} in ${text}`).toBe(
        naiveReplace(text, patterns, "#"),
      );
    }
  });

  it("matches at the very start and end of the text, and returns the same string when nothing matches", () => {
    const search = new MultiSearch(["secret-one", "two-secret"]);
    expect(search.replace("secret-one middle two-secret", "*")).toBe("* middle *");
    const text = "nothing to see";
    expect(search.replace(text, "*")).toBe(text);
    expect(new MultiSearch([]).replace(text, "*")).toBe(text);
  });
});
