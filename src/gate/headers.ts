/**
 * Header rewriting on both sides of the proxy (RFC 9110 section 7.6.1): hop-by-hop headers
 * and the ones Connection names stay on their hop, the gate's own credentials stay at the
 * gate, X-Forwarded-* tell the app what the client saw, and request-headers are added.
 * Works on raw [name, value, ...] arrays so duplicates (Set-Cookie) keep their order.
 */

import { FRAMING_HEADERS } from "./framing.js";
import { withoutSessionCookie } from "./session-cookie.js";

const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
  "proxy-authorization",
  "proxy-authenticate",
]);

/**
 * Names listed in Connection headers (lower-case), which are hop-by-hop too; never the
 * framing headers (Content-Length, Transfer-Encoding, Host): dropping those would send a body
 * without its framing (a request naming them is refused before it gets here, see framing.ts).
 */
function connectionTokens(raw: readonly string[]): Set<string> | undefined {
  let tokens: Set<string> | undefined;
  for (let i = 0; i < raw.length; i += 2) {
    if ((raw[i] as string).length !== 10 || (raw[i] as string).toLowerCase() !== "connection") continue;
    const value = raw[i + 1] as string;
    // Nearly every request says just one of these: no list to split.
    const lower = value.toLowerCase();
    if (lower === "keep-alive" || lower === "close") continue;
    for (const token of value.split(",")) {
      const name = token.trim().toLowerCase();
      if (name === "" || HOP_BY_HOP.has(name) || FRAMING_HEADERS.has(name)) continue;
      tokens ??= new Set();
      tokens.add(name);
    }
  }
  return tokens;
}

export interface RequestHeaderOptions {
  /** The gate consumed Authorization. */
  readonly stripAuthorization: boolean;
  readonly stripSessionCookie: boolean;
  /** The GitHub login of who signed in (auth: github), sent as X-Preview-User. */
  readonly previewUser?: string | undefined;
  /** Configured request-headers, replacing any the client sent with the same name. */
  readonly added: readonly (readonly [string, string])[];
  readonly addedNames: ReadonlySet<string>;
  readonly forwardedFor: string;
  readonly forwardedProto: string;
  readonly forwardedHost: string | undefined;
  /** Keep Upgrade and say Connection: upgrade (WebSocket). */
  readonly upgrade: boolean;
  /** The body was buffered: its exact length replaces any framing the client used. */
  readonly bodyLength: number | undefined;
  /** The body streams without a length: chunk it (a GET with a body would otherwise lose it). */
  readonly chunked: boolean;
  /** Used when the client sent no Host (HTTP/1.0). */
  readonly defaultHost: string;
}

/** Set by the gate alone: whatever a client sends under these names is dropped. */
const GATE_SET = new Set([
  "x-forwarded-for",
  "x-forwarded-proto",
  "x-forwarded-host",
  "expect",
  // Who signed in with GitHub: a client's own would let anyone claim to be anyone.
  "x-preview-user",
]);

export function requestHeaders(raw: readonly string[], options: RequestHeaderOptions): string[] {
  const named = connectionTokens(raw);
  const out: string[] = [];
  let upgradeValue: string | undefined;
  let host = false;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i] as string;
    const value = raw[i + 1] as string;
    const lower = name.toLowerCase();
    if (HOP_BY_HOP.has(lower)) {
      if (lower === "upgrade") upgradeValue = value;
      continue;
    }
    if (GATE_SET.has(lower) || named?.has(lower) || options.addedNames.has(lower)) continue;
    if (lower === "authorization" && options.stripAuthorization) continue;
    if (lower === "content-length" && options.bodyLength !== undefined) continue;
    if (lower === "host") host = true;
    if (lower === "cookie" && options.stripSessionCookie) {
      const kept = withoutSessionCookie(value);
      if (kept !== undefined) out.push(name, kept);
      continue;
    }
    out.push(name, value);
  }
  if (!host) out.push("Host", options.defaultHost);
  for (const [name, value] of options.added) out.push(name, value);
  out.push("X-Forwarded-For", options.forwardedFor, "X-Forwarded-Proto", options.forwardedProto);
  if (options.forwardedHost !== undefined) out.push("X-Forwarded-Host", options.forwardedHost);
  if (options.previewUser !== undefined) out.push("X-Preview-User", options.previewUser);
  if (options.bodyLength !== undefined) out.push("Content-Length", String(options.bodyLength));
  else if (options.chunked) out.push("Transfer-Encoding", "chunked");
  if (options.upgrade && upgradeValue !== undefined)
    out.push("Connection", "upgrade", "Upgrade", upgradeValue);
  return out;
}

/** Response headers for the client: hop-by-hop ones removed (Node frames the body itself). */
export function responseHeaders(raw: readonly string[], keepUpgrade = false): string[] {
  const named = connectionTokens(raw);
  const out: string[] = [];
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i] as string;
    const lower = name.toLowerCase();
    if (HOP_BY_HOP.has(lower) && !(keepUpgrade && (lower === "upgrade" || lower === "connection"))) continue;
    if (named?.has(lower)) continue;
    out.push(name, raw[i + 1] as string);
  }
  return out;
}

/** Value of a header in a raw array (case-insensitive), first occurrence. */
export function rawHeader(raw: readonly string[], lower: string): string | undefined {
  for (let i = 0; i < raw.length; i += 2) {
    if ((raw[i] as string).length === lower.length && (raw[i] as string).toLowerCase() === lower)
      return raw[i + 1];
  }
  return undefined;
}
