/** The state of one request as it moves through the gate's stages. */
import type { ClientRequest, IncomingMessage, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import type { ReplayTicket } from "./inspector/tickets.js";

/**
 * What the stages tell the recording of one exchange (HarRecorder's entries implement it);
 * defined here, with the exchange that carries it, so the stages need not know the recorder.
 */
export interface Recording {
  requestBody(chunk: Buffer): void;
  response(status: number, statusText: string, rawHeaders: readonly string[], httpVersion: string): void;
  responseBody(chunk: Buffer): void;
  /** Why the gate answered itself (401, 413, ...) or what went wrong. */
  note(text: string): void;
  finish(timing: {
    started: number;
    sentAt: number | undefined;
    firstByteAt: number | undefined;
    /** The service that answered, when the gate routes among several. */
    service?: string | undefined;
  }): void;
}

/** One body as a recording captured it. */
export interface CaptureData {
  /** Bytes seen. */
  readonly size: number;
  /** Bytes kept (up to the body limit). */
  readonly kept: number;
  bytes(): Buffer;
}

/** What a recording captured of one exchange, as serialized into the HAR (har-serialize.ts). */
export interface EntryData {
  readonly method: string;
  /** Absolute URL, e.g. the public URL plus the path. */
  readonly url: string;
  readonly httpVersion: string;
  readonly requestHeaders: readonly string[];
  readonly startedAt: number;
  readonly clientAddress: string | undefined;
  readonly request: CaptureData;
  readonly reply: CaptureData;
  readonly status: number;
  readonly statusText: string;
  readonly responseHeaders: readonly string[];
  readonly responseVersion: string;
  readonly notes: readonly string[] | undefined;
  readonly send: number;
  readonly wait: number;
  readonly receive: number;
  readonly time: number;
  /** The service that answered, when the gate routes among several (`_service` in the HAR). */
  readonly service?: string | undefined;
}

/** A recording with what it captured readable (the request inspector keeps finished ones). */
export type RecordedExchange = Recording & EntryData;

/** The few request headers the gate looks at, read in one pass over rawHeaders. */
export interface RequestBasics {
  readonly host: string | undefined;
  /** More than one Host header came (RFC 9110 7.2: 400). */
  readonly duplicateHost: boolean;
  /** Every Connection header, joined with ", ". */
  readonly connection: string | undefined;
  readonly contentLength: string | undefined;
  readonly transferEncoding: string | undefined;
  readonly authorization: string | undefined;
  readonly cookie: string | undefined;
}

/**
 * One pass over rawHeaders instead of `req.headers`, which would build an object of every
 * header for each request: the gate needs five, and it runs for every request.
 */
export function readBasics(raw: readonly string[]): RequestBasics {
  let host: string | undefined;
  let duplicateHost = false;
  let connection: string | undefined;
  let contentLength: string | undefined;
  let transferEncoding: string | undefined;
  let authorization: string | undefined;
  let cookie: string | undefined;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] as string;
    const value = raw[i + 1] as string;
    switch (name.length) {
      case 4:
        if (name.toLowerCase() === "host") {
          if (host === undefined) host = value;
          else duplicateHost = true;
        }
        break;
      case 6:
        // Several Cookie headers mean one list (RFC 9110 section 5.3; node:http joins them too).
        if (name.toLowerCase() === "cookie") cookie = cookie === undefined ? value : `${cookie}; ${value}`;
        break;
      case 10:
        if (name.toLowerCase() === "connection")
          connection = connection === undefined ? value : `${connection}, ${value}`;
        break;
      case 13:
        if (authorization === undefined && name.toLowerCase() === "authorization") authorization = value;
        break;
      case 14:
        if (contentLength === undefined && name.toLowerCase() === "content-length") contentLength = value;
        break;
      case 17:
        if (name.toLowerCase() === "transfer-encoding") {
          transferEncoding = transferEncoding === undefined ? value : `${transferEncoding}, ${value}`;
        }
        break;
    }
  }
  return { host, duplicateHost, connection, contentLength, transferEncoding, authorization, cookie };
}

/** An answer decided before the path is looked at (allow-list, framing, path checks); `close` ends the connection after it. */
export interface Refusal {
  readonly status: number;
  readonly message: string;
  readonly close?: boolean;
}

/** What webhook verification decided for a POST under a verify-webhooks path (shown by the inspector). */
export interface WebhookOutcome {
  readonly provider: string;
  readonly ok: boolean;
  /** Why it was rejected. */
  readonly reason?: string;
}

export interface Exchange {
  readonly req: IncomingMessage;
  readonly basics: RequestBasics;
  /** undefined for upgrade (WebSocket) requests, which are answered on `socket` directly. */
  readonly res: ServerResponse | undefined;
  readonly socket: Duplex;
  /** Bytes the client sent after an upgrade request's headers. */
  readonly head: Buffer | undefined;
  /** The path without the query string, as the client sent it (stats, messages). */
  readonly pathname: string;
  /**
   * The path every decision is made on: checked and percent-decoded (request-path.ts). Empty
   * until the gate's checks set it, so an unchecked path matches no decision.
   */
  path: string;
  /** performance.now() and Date.now() when the request arrived. */
  readonly started: number;
  readonly startedAt: number;
  /** The client sent "Expect: 100-continue" and waits for our go before sending the body. */
  readonly expectContinue: boolean;
  clientIp: string | undefined;
  /** Decided by the checks that come before any decision on the path; answered once tracked. */
  refusal: Refusal | undefined;
  /** The gate consumed the Authorization header: the app must not see the gate's credentials. */
  stripAuthorization: boolean;
  /** The Cookie header carries the gate's session cookie, removed before forwarding. */
  stripSessionCookie: boolean;
  /** Who signed in with GitHub (auth: github): sent to the app as X-Preview-User. */
  previewUser: string | undefined;
  /** The whole body, when a stage had to buffer it (webhook verification). */
  body: Buffer | undefined;
  /** A webhook signature verified: user auth does not apply. */
  webhookVerified: boolean;
  /** Set when the path is a webhook path and its verification ran (passed or failed). */
  webhook: WebhookOutcome | undefined;
  /**
   * The request is the inspector's own (its checked path is under /__preview/inspect while the
   * inspector is on): neither recorded nor counted, never exempt from user auth.
   */
  inspecting: boolean;
  /** The replay ticket the request carried, redeemed (a replay sent from the inspector). */
  replay: ReplayTicket | undefined;
  /**
   * Set by user auth when the request's own credentials passed (Basic, Bearer, a session;
   * or auth: none), never for an exemption (a verified webhook, a replay ticket): what the
   * inspector requires. `user`: who, when the sign-in names users.
   */
  signedIn: { readonly user: string | undefined } | undefined;
  /** The recording (the HAR's entry, or the inspector's capture when recording is off). */
  record: RecordedExchange | undefined;
  upstream: ClientRequest | undefined;
  /** performance.now() when the request was fully sent upstream and when its response began. */
  sentAt: number | undefined;
  firstByteAt: number | undefined;
  /** Status given to the client when it is not a ServerResponse's (upgrades); 0: none yet. */
  status: number;
  /** Set once the exchange was counted, so it is counted once. */
  finished: boolean;
  /** The service it was routed to, when the gate routes among several. */
  service: string | undefined;
  /** The request target sent upstream when it differs from the client's (a stripped prefix). */
  upstreamPath: string | undefined;
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
    basics: readBasics(req.rawHeaders),
    res,
    socket,
    head,
    pathname: q === -1 ? url : url.slice(0, q),
    path: "",
    started: performance.now(),
    startedAt: Date.now(),
    expectContinue,
    clientIp: undefined,
    refusal: undefined,
    stripAuthorization: false,
    stripSessionCookie: false,
    previewUser: undefined,
    body: undefined,
    webhookVerified: false,
    webhook: undefined,
    inspecting: false,
    replay: undefined,
    signedIn: undefined,
    record: undefined,
    upstream: undefined,
    sentAt: undefined,
    firstByteAt: undefined,
    status: 0,
    finished: false,
    service: undefined,
    upstreamPath: undefined,
  };
}

/** The request announces a body (Content-Length > 0 or Transfer-Encoding). */
export function announcesBody(basics: RequestBasics): boolean {
  const length = basics.contentLength;
  return (length !== undefined && length !== "0") || basics.transferEncoding !== undefined;
}
