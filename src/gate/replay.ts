/**
 * Re-sends the requests of a recording (`preview-tunnel replay <har>`), in order, to the
 * same origin or another one. Recordings hold no credentials or signatures, so webhook
 * deliveries are signed again with the signer of the same scheme the gate verifies with,
 * when the provider's secret is given; extra headers (e.g. the gate's Authorization) can
 * be added to every request.
 */

import { errorMessage } from "../errors.js";
import { SCHEMES, type WebhookScheme } from "../webhooks/index.js";
import type { WebhookProvider } from "../webhooks/providers.js";
import { twilioUrl } from "../webhooks/twilio.js";
import type { HarEntry, HarNameValue } from "./har.js";
import { readHarEntries } from "./har-read.js";
import { REDACTED } from "./redact.js";
import { isReservedPath } from "./reserved-paths.js";

export interface ReplaySecret {
  readonly provider: WebhookProvider;
  readonly secret: string;
}

/** The subset of fetch replay uses; the default is globalThis.fetch. */
export type SendFn = (
  url: string,
  init: {
    method: string;
    headers: Record<string, string>;
    body?: Uint8Array;
    redirect: "manual";
    signal: AbortSignal;
  },
) => Promise<{ status: number; arrayBuffer?: () => Promise<ArrayBuffer> }>;

export interface ReplayOptions {
  readonly harPath: string;
  /** Origin (and optional base path) to send to, e.g. http://127.0.0.1:4000; default: as recorded. */
  readonly to?: string;
  /** Only entries whose "METHOD /path?query" matches. */
  readonly filter?: RegExp;
  /** Secrets to sign webhook deliveries again with. */
  readonly secrets?: readonly ReplaySecret[];
  /** Added to every request (recordings keep no credentials), e.g. { authorization: "Basic ..." }. */
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * Base URL the webhook sender would have addressed, for schemes that sign the URL
   * (Twilio); default: the URL the request is sent to.
   */
  readonly publicUrl?: string;
  readonly send?: SendFn;
  /** Per request (default 30 s). */
  readonly timeoutMs?: number;
}

export type ReplayResult =
  | {
      readonly method: string;
      readonly path: string;
      readonly status: number;
      readonly signedAs?: WebhookProvider;
    }
  | { readonly method: string; readonly path: string; readonly error: string };

/** Headers fetch sets itself or refuses, and the ones the gate adds. */
const SKIPPED = new Set([
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
  "x-forwarded-host",
]);

export async function replayHar(options: ReplayOptions): Promise<ReplayResult[]> {
  const entries = await readHarEntries(options.harPath);
  const send: SendFn = options.send ?? (globalThis.fetch as unknown as SendFn);
  const results: ReplayResult[] = [];
  for await (const entry of entries) {
    let recorded: URL;
    try {
      recorded = new URL(entry.request.url);
    } catch {
      results.push({
        method: entry.request.method,
        path: entry.request.url,
        error: "recorded URL is not valid",
      });
      continue;
    }
    const method = entry.request.method;
    const path = `${recorded.pathname}${recorded.search}`;
    if (options.filter && !options.filter.test(`${method} ${path}`)) continue;
    results.push(await replayOne(entry, recorded, method, path, options, send));
  }
  return results;
}

/** Why a recorded request cannot be sent again, or undefined when it can. */
export function notReplayable(entry: HarEntry, pathname: string): string | undefined {
  if (isReservedPath(pathname)) return "a path of the gate, not replayed";
  if (entry.response.status === 101) return "WebSocket upgrades are not replayed";
  const post = entry.request.postData;
  if (entry.request.bodySize > 0 && (post === undefined || post._truncated || post.text === "")) {
    return "the request body was not recorded in full (raise record-body-limit)";
  }
  return undefined;
}

/** The recorded request body's bytes (undefined: none was sent). */
export function recordedBody(entry: HarEntry): Buffer | undefined {
  const post = entry.request.postData;
  return post ? Buffer.from(post.text, post._encoding === "base64" ? "base64" : "utf8") : undefined;
}

/**
 * The recorded request headers that are sent again (lower-case names, repeated ones joined):
 * without the ones fetch or the gate sets and without redacted values; `present` names every
 * header the recording had, redacted or not (which signature headers a delivery carried).
 */
export function replayHeaders(recorded: readonly HarNameValue[]): {
  headers: Record<string, string>;
  present: Set<string>;
} {
  const headers: Record<string, string> = {};
  const present = new Set<string>();
  for (const { name, value } of recorded) {
    const lower = name.toLowerCase();
    present.add(lower);
    if (SKIPPED.has(lower) || value === REDACTED) continue;
    headers[lower] = headers[lower] === undefined ? value : `${headers[lower]}, ${value}`;
  }
  return { headers, present };
}

/**
 * Signs a delivery again for `scheme` with a fresh timestamp, as the sender would address
 * `signBase + path`. Returns the signature headers and the path to send to: a JSON Twilio
 * delivery names its body's hash in the URL, which is part of what is signed.
 */
export function signAgain(
  scheme: WebhookScheme,
  secret: string,
  request: { body: Buffer; signBase: string; path: string; headers: Record<string, string> },
): { headers: Record<string, string>; path: string } {
  const { body, signBase, path } = request;
  const signedUrl = scheme.provider === "twilio" ? twilioUrl(signBase + path, body) : signBase + path;
  const headers = scheme.sign(
    { body, url: signedUrl, nowSeconds: Math.floor(Date.now() / 1000), headers: request.headers },
    secret,
  );
  return { headers, path: signedUrl.slice(signBase.length) };
}

async function replayOne(
  entry: HarEntry,
  recorded: URL,
  method: string,
  path: string,
  options: ReplayOptions,
  send: SendFn,
): Promise<ReplayResult> {
  const refused = notReplayable(entry, recorded.pathname);
  if (refused !== undefined) return { method, path, error: refused };
  const body = recordedBody(entry);
  const base = (options.to ?? recorded.origin).replace(/\/+$/, "");
  let target = base + path;

  const { headers, present } = replayHeaders(entry.request.headers);

  let signedAs: WebhookProvider | undefined;
  for (const { provider, secret } of options.secrets ?? []) {
    const scheme = SCHEMES[provider];
    if (!scheme.signatureHeaders.some((h) => present.has(h))) continue;
    const signBase = (options.publicUrl ?? base).replace(/\/+$/, "");
    const signed = signAgain(scheme, secret, { body: body ?? Buffer.alloc(0), signBase, path, headers });
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
      body: body && method !== "GET" && method !== "HEAD" ? new Uint8Array(body) : undefined,
      redirect: "manual",
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
    await response.arrayBuffer?.().catch(() => undefined);
    return signedAs
      ? { method, path, status: response.status, signedAs }
      : { method, path, status: response.status };
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    return {
      method,
      path,
      error: cause ? `${errorMessage(error)}: ${errorMessage(cause)}` : errorMessage(error),
    };
  }
}

/** One line per request, for the terminal: "POST /hooks/github -> 200 (signed as github)". */
export function formatReplayResults(results: readonly ReplayResult[]): string {
  return results
    .map((r) =>
      "error" in r
        ? `${r.method} ${r.path} -> error: ${r.error}`
        : `${r.method} ${r.path} -> ${r.status}${r.signedAs ? ` (signed as ${r.signedAs})` : ""}`,
    )
    .join("\n");
}
