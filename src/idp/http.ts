/** Reading requests and writing the provider's responses (JSON, OAuth errors, HTML, redirects). */
import type { IncomingMessage, ServerResponse } from "node:http";

/** Forms of the provider are a few hundred bytes; anything far larger is not a client of ours. */
export const MAX_FORM_BYTES = 64 * 1024;

export class BodyTooLarge extends Error {}

/**
 * The parameters of a request: the query for GET/HEAD, the urlencoded body for POST. A POST
 * with another content type yields undefined (the endpoints answer invalid_request).
 */
export async function readParams(
  req: IncomingMessage,
  query: URLSearchParams,
): Promise<URLSearchParams | undefined> {
  if (req.method !== "POST") return query;
  const type = (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
  const body = await readBody(req);
  if (type !== "application/x-www-form-urlencoded") return undefined;
  return new URLSearchParams(body.toString("utf8"));
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  // Refused before reading when announced; counted while reading when chunked.
  if (Number(req.headers["content-length"] ?? 0) > MAX_FORM_BYTES) return Promise.reject(new BodyTooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_FORM_BYTES) {
        chunks.push(chunk);
        return;
      }
      // Keep draining (not destroying) the request, so the 413 can still be sent.
      req.off("data", onData);
      req.resume();
      reject(new BodyTooLarge());
    };
    req.on("data", onData);
    req.once("end", () => resolve(Buffer.concat(chunks)));
    req.once("error", reject);
  });
}

/**
 * A parameter given at most once (RFC 6749 section 3.1: parameters MUST NOT repeat). Returns
 * undefined when absent or empty (sent without a value is treated as omitted), and null
 * when repeated.
 */
export function single(params: URLSearchParams, name: string): string | undefined | null {
  const values = params.getAll(name);
  if (values.length > 1) return null;
  const value = values[0];
  return value === undefined || value === "" ? undefined : value;
}

// JSON endpoints are also called from browsers (SPAs fetch discovery, JWKS and userinfo).
const CORS = { "access-control-allow-origin": "*" };

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = Buffer.from(JSON.stringify(body));
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": String(text.length),
    ...CORS,
    ...headers,
  });
  res.end(text);
}

/** Token responses and their errors must never be cached (RFC 6749 section 5.1). */
export const NO_STORE = { "cache-control": "no-store", pragma: "no-cache" };

/** An error in the format of RFC 6749 section 5.2: `{error, error_description}`. */
export function sendOAuthError(
  res: ServerResponse,
  status: number,
  error: string,
  description: string,
  headers: Record<string, string> = {},
): void {
  sendJson(res, status, { error, error_description: description }, { ...NO_STORE, ...headers });
}

// Login and error pages: not framable (clickjacking a consent page is a classic), no scripts.
const HTML_HEADERS = {
  "content-type": "text/html; charset=utf-8",
  "cache-control": "no-store",
  "x-frame-options": "DENY",
  "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
  "referrer-policy": "no-referrer",
};

export function sendHtml(res: ServerResponse, status: number, html: string): void {
  const body = Buffer.from(html);
  res.writeHead(status, { ...HTML_HEADERS, "content-length": String(body.length) });
  res.end(body);
}

export function sendRedirect(res: ServerResponse, location: string): void {
  res.writeHead(302, { location, "cache-control": "no-store", "content-length": "0" });
  res.end();
}

export function sendMethodNotAllowed(res: ServerResponse, allowed: readonly string[]): void {
  res.writeHead(405, { allow: allowed.join(", "), "content-type": "text/plain", ...CORS });
  res.end("method not allowed\n");
}

/** Answers a CORS preflight for the JSON endpoints (userinfo sends an Authorization header). */
export function sendPreflight(res: ServerResponse, methods: readonly string[]): void {
  res.writeHead(204, {
    ...CORS,
    "access-control-allow-methods": methods.join(", "),
    "access-control-allow-headers": "authorization, content-type",
    "access-control-max-age": "600",
  });
  res.end();
}
