/**
 * What a recording must never contain: credentials headers, cookies, webhook signatures
 * and tokens (here), and any known secret value wherever it appears (a body, a query
 * string: the run's SecretRegistry, src/util/secrets.ts).
 */

import { SIGNATURE_HEADERS } from "../webhooks/index.js";
import { LOGIN_PATH } from "./reserved-paths.js";

export { REDACTED } from "../util/secrets.js";

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

/** The login link's token is a credential: keep the path, drop the query. */
export function redactUrlPath(pathAndQuery: string): string {
  return pathAndQuery.startsWith(`${LOGIN_PATH}?`) ? `${LOGIN_PATH}?token=redacted` : pathAndQuery;
}
