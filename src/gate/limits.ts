/**
 * Limits that keep one client or a stuck app from holding the gate: body size (413 before
 * the app sees a byte when Content-Length says so; counted when chunked), header and request
 * timeouts, a bounded upstream connection pool, and the 502/504 answers for a failing app.
 */

import type { IncomingMessage } from "node:http";
import http from "node:http";
import type { Duplex } from "node:stream";
import { formatDuration } from "../util/time.js";

export interface Timeouts {
  /** Until the request headers are complete. */
  readonly headersMs: number;
  /** Until the whole request (headers and body) is received. */
  readonly requestMs: number;
  /** From the request being sent to the app until its response begins. */
  readonly upstreamMs: number;
}

export const DEFAULT_TIMEOUTS: Timeouts = { headersMs: 10_000, requestMs: 300_000, upstreamMs: 60_000 };
export const DEFAULT_MAX_UPSTREAM_CONNECTIONS = 128;

export function serverOptions(timeouts: Timeouts): http.ServerOptions {
  return {
    headersTimeout: timeouts.headersMs,
    requestTimeout: timeouts.requestMs,
    // Node checks both timeouts on this interval (30 s by default, far coarser than a short timeout).
    connectionsCheckingInterval: Math.max(
      10,
      Math.min(1000, Math.floor(Math.min(timeouts.headersMs, timeouts.requestMs) / 4)),
    ),
    keepAliveTimeout: 5000,
    noDelay: true,
  };
}

/**
 * A keep-alive pool that drops a connection on which the app sends bytes while no request is
 * waiting (a second response to one request, a body after a HEAD answer): that connection is
 * out of step, and reused, the next client would get the stray bytes as its answer. node 24
 * does the same in its own agent; older versions drop the bytes and reuse the connection.
 * (Bytes the app sends after the connection was handed to the next request cannot be told
 * apart from that request's answer: see the README's Security section.)
 */
class UpstreamAgent extends http.Agent {
  override keepSocketAlive(socket: Duplex): boolean {
    // Typed void in @types/node; node's returns true after setting TCP keep-alive and unref.
    if ((super.keepSocketAlive(socket) as unknown) === false) return false;
    socket.on("data", destroyUnasked);
    return true;
  }

  override reuseSocket(socket: Duplex, request: http.ClientRequest): void {
    socket.off("data", destroyUnasked);
    super.reuseSocket(socket, request);
  }
}

function destroyUnasked(this: Duplex): void {
  this.destroy();
}

/** Keep-alive pool to the app; maxSockets bounds concurrent upstream connections (others queue). */
export function upstreamAgent(maxSockets: number): http.Agent {
  return new UpstreamAgent({
    keepAlive: true,
    maxSockets,
    maxFreeSockets: Math.min(maxSockets, 256),
    scheduling: "lifo",
  });
}

/** Content-Length as a number, when the request has a valid one. */
export function declaredLength(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const length = Number(value);
  return Number.isSafeInteger(length) && length >= 0 ? length : undefined;
}

export function tooLargeMessage(max: number): string {
  return `request body larger than the gate's max-body (${formatSize(max)})`;
}

export function formatSize(bytes: number): string {
  for (const [unit, size] of [
    ["gb", 1024 ** 3],
    ["mb", 1024 ** 2],
    ["kb", 1024],
  ] as const) {
    if (bytes >= size && bytes % size === 0) return `${bytes / size}${unit}`;
  }
  return `${bytes}b`;
}

export class BodyTooLargeError extends Error {
  constructor(readonly max: number) {
    super(tooLargeMessage(max));
    this.name = "BodyTooLargeError";
  }
}

/** Reads a whole body of at most `max` bytes; rejects with BodyTooLargeError beyond it. */
export function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
      req.off("close", onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        cleanup();
        req.pause();
        reject(new BodyTooLargeError(max));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onClose = () => {
      cleanup();
      reject(new Error("the client closed the connection before sending the whole body"));
    };
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
    req.on("close", onClose);
  });
}

export class UpstreamTimeoutError extends Error {
  readonly code = "UPSTREAM_TIMEOUT";
  constructor(readonly ms: number) {
    super(`the app did not answer within ${formatDuration(ms)}`);
    this.name = "UpstreamTimeoutError";
  }
}

/** The answer for an upstream failure before any response byte: 504 for a timeout, else 502. */
export function upstreamFailure(error: Error): { status: 502 | 504; message: string } {
  if (error instanceof UpstreamTimeoutError)
    return { status: 504, message: `${error.message} (504 Gateway Timeout)` };
  const code = (error as NodeJS.ErrnoException).code;
  const what =
    code === "ECONNREFUSED"
      ? "the app refused the connection (is it still running?)"
      : code === "ECONNRESET" || error.message === "socket hang up"
        ? "the app closed the connection without answering"
        : `the app could not be reached (${code ?? error.message})`;
  return { status: 502, message: `${what}; its log is in the workflow's step log` };
}
