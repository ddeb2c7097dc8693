/**
 * What a recording must never contain: credentials headers, cookies, webhook signatures
 * and tokens, and any known secret value wherever it appears (a body, a query string).
 */
import { LOGIN_PATH } from "./auth.js";
import { SIGNATURE_HEADERS } from "./verifiers/index.js";

export const REDACTED = "[redacted]";

const SENSITIVE_HEADERS = new Set([
  "authorization",
  "proxy-authorization",
  "cookie",
  "set-cookie",
  ...SIGNATURE_HEADERS,
]);

const SENSITIVE_LENGTHS = new Set([...SENSITIVE_HEADERS].map((h) => h.length));

/** Any case; the length check spares lower-casing most names. */
export function isSensitiveHeader(name: string): boolean {
  return SENSITIVE_LENGTHS.has(name.length) && SENSITIVE_HEADERS.has(name.toLowerCase());
}

export class Redactor {
  /** Each secret as it appears raw and inside a JSON string. */
  readonly #forms: string[];
  readonly #secrets: Buffer[];

  constructor(secrets: readonly string[]) {
    const usable = [...new Set(secrets)].filter((s) => s.length >= 4);
    this.#forms = [
      ...new Set(usable.flatMap((s) => [s, JSON.stringify(s).slice(1, -1), encodeURIComponent(s)])),
    ];
    this.#secrets = usable.map((s) => Buffer.from(s));
  }

  /** Replaces every known secret in text (e.g. a serialized entry). */
  scrub(text: string, replacement = REDACTED): string {
    let out = text;
    for (const form of this.#forms) if (out.includes(form)) out = out.replaceAll(form, replacement);
    return out;
  }

  /** True when binary content carries a secret (it is then left out of the recording). */
  containsSecret(bytes: Buffer): boolean {
    return this.#secrets.some((s) => bytes.includes(s));
  }
}

/** The login link's token is a credential: keep the path, drop the query. */
export function redactUrlPath(pathAndQuery: string): string {
  return pathAndQuery.startsWith(`${LOGIN_PATH}?`) ? `${LOGIN_PATH}?token=redacted` : pathAndQuery;
}
