/**
 * What redaction costs the HAR recorder (`node bench/run.mjs redact`): serializing the same
 * entries (bodies of 60 B, 1 KiB and 64 KiB, none holding a secret) with
 *   - no secrets at all (the floor),
 *   - the run's SecretRegistry holding a typical run's secrets (credentials, two webhook
 *     secrets, an SSH key, the GitHub token, the IdP secret, a few login tokens and sessions),
 *     every encoded form of each in one matcher,
 *   - the redactor it replaced (three forms of each secret, one `includes` per form),
 * side by side, in rounds with the order rotated. Reports ratios; asserts nothing.
 */
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { type EntryData, JsonOut, Serializer } from "../src/gate/har-serialize.js";
import { type Redactor, SecretRegistry } from "../src/util/secrets.js";

const ROUNDS = 15;
const ROUND_MS = 250;

/** The redactor before the registry: raw, JSON-escaped and URL-encoded forms, scanned one by one. */
class PreviousRedactor implements Redactor {
  readonly version = 0;
  readonly empty: boolean;
  readonly #forms: string[];
  readonly #bytes: Buffer[];
  constructor(secrets: readonly string[]) {
    const usable = secrets.filter((s) => s.length >= 4);
    this.#forms = [
      ...new Set(usable.flatMap((s) => [s, JSON.stringify(s).slice(1, -1), encodeURIComponent(s)])),
    ];
    this.#bytes = usable.map((s) => Buffer.from(s));
    this.empty = usable.length === 0;
  }
  redact(text: string, replacement = "[redacted]"): string {
    let out = text;
    for (const form of this.#forms) if (out.includes(form)) out = out.replaceAll(form, replacement);
    return out;
  }
  containsSecret(bytes: Uint8Array): boolean {
    return this.#bytes.some((s) => Buffer.from(bytes).includes(s));
  }
}

function runSecrets(): string[] {
  const token = () => randomBytes(32).toString("base64url");
  return [
    token(),
    `preview:${token()}`,
    `whsec_${randomBytes(24).toString("base64")}`,
    token(),
    generateKeyPairSync("ed25519").privateKey.export({ format: "pem", type: "pkcs8" }).toString(),
    `ghs_${randomBytes(27).toString("base64url")}`,
    token(),
    ...Array.from({ length: 6 }, token),
  ];
}

function capture(body: Buffer) {
  return { size: body.length, kept: body.length, bytes: () => body };
}

function entry(body: Buffer, type: string): EntryData {
  return {
    method: "GET",
    url: "https://pr-7.example.test/api/items?page=2&sort=name",
    httpVersion: "1.1",
    requestHeaders: ["Host", "pr-7.example.test", "User-Agent", "bench/1.0", "Accept", "*/*"],
    startedAt: Date.now(),
    clientAddress: "203.0.113.7",
    request: capture(Buffer.alloc(0)),
    reply: capture(body),
    status: 200,
    statusText: "OK",
    responseHeaders: ["Content-Type", type, "Content-Length", String(body.length)],
    responseVersion: "1.1",
    notes: undefined,
    send: 0.1,
    wait: 1.234,
    receive: 0.05,
    time: 1.384,
  };
}

function bodyOf(size: number): Buffer {
  const item = { id: 1, name: "a product name", price: 12.5, tags: ["x", "y"], description: "lorem ipsum" };
  let text = "";
  while (text.length < size) text += `${JSON.stringify(item)},`;
  return Buffer.from(`[${text.slice(0, size - 2)}]`);
}

/** Entries serialized per millisecond during ROUND_MS. */
function rate(redactor: Redactor, entries: readonly EntryData[]): number {
  const serializer = new Serializer(redactor);
  const out = new JsonOut();
  let n = 0;
  const started = performance.now();
  while (performance.now() - started < ROUND_MS) {
    for (const e of entries) {
      serializer.write(out, e);
      n++;
    }
    out.reset();
  }
  return n / (performance.now() - started);
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

const secrets = runSecrets();
const registry = new SecretRegistry();
for (const s of secrets) registry.add(s, "bench");
const contenders: [string, Redactor][] = [
  ["no secrets", new SecretRegistry()],
  ["registry", registry],
  ["previous", new PreviousRedactor(secrets)],
];

console.log(
  `HAR serialization, ${ROUNDS} rounds of ${ROUND_MS} ms per contender and size; Node ${process.version}`,
);
for (const size of [60, 1024, 64 * 1024]) {
  const entries = Array.from({ length: 16 }, () => entry(bodyOf(size), "application/json"));
  const rates = new Map<string, number[]>(contenders.map(([name]) => [name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < contenders.length; i++) {
      const [name, redactor] = contenders[(i + round) % contenders.length] as [string, Redactor];
      rates.get(name)?.push(rate(redactor, entries));
    }
  }
  // The ratio within each round, median over rounds: a busy machine slows a round's runs alike.
  const floor = rates.get("no secrets") ?? [];
  const line = contenders
    .map(([name]) => {
      const r = rates.get(name) ?? [];
      const ratio = median(r.map((x, i) => x / (floor[i] ?? Number.NaN)));
      return `${name} ${(median(r) * 1000).toFixed(0)}/s (${ratio.toFixed(2)})`;
    })
    .join(", ");
  console.log(`body ${String(size).padStart(5)} B: ${line}`);
}
console.log(
  `(registry: ${secrets.length} secrets; in brackets the median over rounds of the ratio to "no secrets" within the round, higher is faster)`,
);
