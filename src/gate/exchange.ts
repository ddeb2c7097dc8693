/** The state of one request as it moves through the gate's stages. */
import type { ClientRequest, IncomingMessage, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import type { Recording } from "./recorder.js";

export interface Exchange {
  readonly req: IncomingMessage;
  /** undefined for upgrade (WebSocket) requests, which are answered on `socket` directly. */
  readonly res: ServerResponse | undefined;
  readonly socket: Duplex;
  /** Bytes the client sent after an upgrade request's headers. */
  readonly head: Buffer | undefined;
  /** The path without the query string. */
  readonly pathname: string;
  /** performance.now() and Date.now() when the request arrived. */
  readonly started: number;
  readonly startedAt: number;
  /** The client sent "Expect: 100-continue" and waits for our go before sending the body. */
  readonly expectContinue: boolean;
  clientIp: string | undefined;
  /** The gate consumed the Authorization header: the app must not see the gate's credentials. */
  stripAuthorization: boolean;
  /** The Cookie header carries the gate's session cookie, removed before forwarding. */
  stripSessionCookie: boolean;
  /** The whole body, when a stage had to buffer it (webhook verification). */
  body: Buffer | undefined;
  /** A webhook signature verified: user auth does not apply. */
  webhookVerified: boolean;
  record: Recording | undefined;
  upstream: ClientRequest | undefined;
  /** performance.now() when the request was fully sent upstream and when its response began. */
  sentAt: number | undefined;
  firstByteAt: number | undefined;
  /** Status given to the client when it is not a ServerResponse's (upgrades); 0: none yet. */
  status: number;
  /** Set once the exchange was counted, so it is counted once. */
  finished: boolean;
}

export function createExchange(
  req: IncomingMessage,
  res: ServerResponse | undefined,
  socket: Duplex,
  head: Buffer | undefined,
  expectContinue: boolean,
): Exchange {
  const url = req.url ?? "/";
  const q = url.indexOf("?");
  return {
    req,
    res,
    socket,
    head,
    pathname: q === -1 ? url : url.slice(0, q),
    started: performance.now(),
    startedAt: Date.now(),
    expectContinue,
    clientIp: undefined,
    stripAuthorization: false,
    stripSessionCookie: false,
    body: undefined,
    webhookVerified: false,
    record: undefined,
    upstream: undefined,
    sentAt: undefined,
    firstByteAt: undefined,
    status: 0,
    finished: false,
  };
}

/** The request announces a body (Content-Length > 0 or Transfer-Encoding). */
export function announcesBody(req: IncomingMessage): boolean {
  const length = req.headers["content-length"];
  return (length !== undefined && length !== "0") || req.headers["transfer-encoding"] !== undefined;
}
