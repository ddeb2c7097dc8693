/**
 * A response of one of the gate's own pages (the GitHub sign-in, the request inspector), as
 * data: the gate writes it (and records it) the way it writes its own answers; writeAnswer()
 * writes it to a ServerResponse directly. Shared by both, so their pages get the same
 * security headers and CSP.
 */
import type { ServerResponse } from "node:http";
import type { Answer } from "./respond.js";

/**
 * An answer's `recordBody` is false for answers carrying a sign-in's user code or state: the
 * recording (HAR) keeps the status and headers but not the body.
 */
export type { Answer };

/** Strict: only the gate's own script, style and requests; no framing, no inline code. */
export const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

const SECURITY_HEADERS = {
  "content-security-policy": CSP,
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  // Nothing of the preview's URLs leaves for another site (GitHub's page opens from here).
  "referrer-policy": "same-origin",
  "cross-origin-opener-policy": "same-origin",
} as const;

const NO_STORE = { "cache-control": "no-store" } as const;

export function htmlAnswer(
  status: number,
  html: string,
  extra: Record<string, string | readonly string[]> = {},
  recordBody = true,
): Answer {
  const body = Buffer.from(html, "utf8");
  return {
    status,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "content-length": String(body.length),
      ...NO_STORE,
      ...SECURITY_HEADERS,
      ...extra,
    },
    body,
    recordBody,
  };
}

export function jsonAnswer(status: number, data: unknown, recordBody = false): Answer {
  const body = Buffer.from(JSON.stringify(data), "utf8");
  return {
    status,
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-length": String(body.length),
      ...NO_STORE,
      "x-content-type-options": "nosniff",
    },
    body,
    recordBody,
  };
}

/** Short plain text, for API clients (curl, scripts). */
export function textAnswer(status: number, message: string, extra: Record<string, string> = {}): Answer {
  const body = Buffer.from(`preview-tunnel gate: ${message}\n`, "utf8");
  return {
    status,
    headers: {
      "content-type": "text/plain; charset=utf-8",
      "content-length": String(body.length),
      ...NO_STORE,
      "x-content-type-options": "nosniff",
      ...extra,
    },
    body,
    recordBody: true,
  };
}

export function redirectAnswer(
  location: string,
  extra: Record<string, string | readonly string[]> = {},
): Answer {
  return {
    status: 303,
    headers: { location, "content-length": "0", ...NO_STORE, "referrer-policy": "no-referrer", ...extra },
    body: Buffer.alloc(0),
    recordBody: true,
  };
}

export function assetAnswer(contentType: string, content: Buffer): Answer {
  return {
    status: 200,
    headers: {
      "content-type": contentType,
      "content-length": String(content.length),
      // The URL carries a content hash (?v=...): a changed asset has another URL.
      "cache-control": "public, max-age=86400",
      "x-content-type-options": "nosniff",
    },
    body: content,
    recordBody: false,
  };
}

export function writeAnswer(res: ServerResponse, answer: Answer): void {
  if (res.headersSent || res.destroyed) {
    res.destroy();
    return;
  }
  res.writeHead(answer.status, answer.headers as Record<string, string | string[]>);
  res.end(res.req?.method === "HEAD" ? undefined : answer.body);
}
