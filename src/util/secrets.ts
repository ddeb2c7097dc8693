/**
 * The run's secrets, in one place: every value that must never be written out (inputs
 * marked secret, generated credentials, webhook and signing secrets, the login links'
 * tokens and the sessions they open, the identity provider's client secret). Everything the
 * run writes for others to read (the HAR, the JUnit report, the job summary, annotations,
 * the PR comment, the step log, replay output) goes through `redact`, which replaces each
 * secret in the forms an app or a report is likely to print it in:
 *
 * - as is, JSON-escaped (also with `\/`), HTML/XML-escaped;
 * - URL-encoded (encodeURIComponent, with lower-case escapes too, and the form encoding
 *   with `+` for spaces);
 * - base64 and base64url, alone or inside a longer base64 text at any byte offset (as in a
 *   Basic `user:password` header);
 * - a multi-line secret (a PEM key) also line by line and with its lines joined, so it is
 *   caught whatever joins its lines (`\n`, `\r\n`, a JSON `\\n`, `%0A`, `<br>`).
 *
 * Secrets shorter than MIN_SECRET_LENGTH are not redacted: a short value occurs by chance in
 * ordinary text, and replacing it there would garble recordings without protecting much.
 * Whoever registers one is told (onTooShort) so the user can be warned.
 */
import { MultiSearch } from "./multi-search.js";

export const REDACTED = "[redacted]";
export const MIN_SECRET_LENGTH = 8;

export interface SecretRegistryOptions {
  /** Told of every new value, e.g. core.setSecret so the runner masks it in the step log. */
  readonly onAdd?: (value: string) => void;
  /** A value too short to redact was registered; `label` says which (never the value). */
  readonly onTooShort?: (label: string) => void;
}

/** A secret of the run's settings, named for messages. */
export interface NamedSecret {
  /** Where it came from, e.g. `input "credentials"` (never the value). */
  readonly label: string;
  readonly value: string;
}

/** The secrets that are set (undefined or empty values are left out). */
export function namedSecrets(
  ...secrets: readonly (readonly [label: string, value: string | undefined])[]
): NamedSecret[] {
  return secrets.flatMap(([label, value]) => (value ? [{ label, value }] : []));
}

/** What reports need of the registry. */
export interface Redactor {
  /** Changes whenever a secret is added (cached redacted output is stale then). */
  readonly version: number;
  /** True while there is nothing to redact. */
  readonly empty: boolean;
  redact(text: string, replacement?: string): string;
  containsSecret(bytes: Uint8Array): boolean;
}

/** The warning for a secret too short to redact. */
export function tooShortWarning(label: string): string {
  return `${label} is shorter than ${MIN_SECRET_LENGTH} characters, so it is not redacted from the recording, reports and comments (it would garble ordinary text); use a longer secret.`;
}

export class SecretRegistry implements Redactor {
  readonly #options: SecretRegistryOptions;
  readonly #values = new Set<string>();
  readonly #forms = new Set<string>();
  #version = 0;
  #text: MultiSearch | undefined;
  #bytes: MultiSearch | undefined;

  constructor(options: SecretRegistryOptions = {}) {
    this.#options = options;
  }

  get version(): number {
    return this.#version;
  }

  get empty(): boolean {
    return this.#forms.size === 0;
  }

  /** Registers a secret; `label` names where it came from (for the too-short warning). Empty values are ignored. */
  add(value: string | undefined, label: string): void {
    if (value === undefined || value === "" || this.#values.has(value)) return;
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
    this.#text = undefined;
    this.#bytes = undefined;
  }

  /** The text with every secret (in every form above) replaced. */
  redact(text: string, replacement = REDACTED): string {
    if (this.#forms.size === 0) return text;
    this.#text ??= new MultiSearch(this.#forms);
    return this.#text.replace(text, replacement);
  }

  /** True when binary content holds a secret (as UTF-8 bytes, in any of the forms). */
  containsSecret(bytes: Uint8Array): boolean {
    if (this.#forms.size === 0) return false;
    // Latin-1 maps each byte to one character, so the byte patterns are searched as text.
    this.#bytes ??= new MultiSearch([...this.#forms].map((f) => Buffer.from(f, "utf8").toString("latin1")));
    return this.#bytes.test(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1"));
  }

  /** A copy of a JSON-like value (plain objects, arrays, strings) with every string redacted. */
  redactDeep<T>(value: T): T {
    if (this.#forms.size === 0) return value;
    return redactValue(value, (text) => this.redact(text)) as T;
  }
}

function redactValue(value: unknown, redact: (text: string) => string): unknown {
  if (typeof value === "string") return redact(value);
  if (Array.isArray(value)) return value.map((v) => redactValue(v, redact));
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactValue(v, redact)]));
  }
  return value;
}

/** The ways a value is commonly written out (see the module comment). */
export function encodedForms(value: string): Set<string> {
  const forms = new Set<string>([value]);
  const json = JSON.stringify(value).slice(1, -1);
  forms.add(json);
  forms.add(json.replaceAll("/", "\\/"));
  // JSON in a JSON string (a response body quoted in a JSON report).
  forms.add(JSON.stringify(json).slice(1, -1));
  const uri = encodeURIComponent(value);
  forms.add(uri);
  forms.add(uri.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()));
  forms.add(new URLSearchParams([["", value]]).toString().slice(1));
  const html = value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
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

/**
 * The characters of base64 that depend only on `bytes`, for each of the three offsets the
 * bytes can have inside a longer encoded text: one of these occurs wherever they were encoded.
 */
function base64Cores(bytes: Buffer): string[] {
  const cores: string[] = [];
  for (let offset = 0; offset < 3; offset++) {
    const total = offset + bytes.length;
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString("base64");
    // Character i holds bits 6i..6i+5: skip those touching the filler, and the last partial one.
    const first = Math.ceil((offset * 8) / 6);
    const end = Math.floor((total * 8) / 6);
    if (end - first >= MIN_SECRET_LENGTH) cores.push(encoded.slice(first, end));
  }
  return cores;
}
