/**
 * The last stage: forwards to the app over a keep-alive pool, streaming both ways with
 * backpressure (nothing is buffered but a verified webhook's body), flushing response
 * headers at once for streams (Server-Sent Events), and piping WebSocket upgrades.
 * Streamed request bodies are counted against max-body; beyond it the upstream request is
 * aborted and the client gets 413.
 */
import http from "node:http";
import { isLoopback, normalizeAddress } from "./client-ip.js";
import { announcesBody, type Exchange } from "./exchange.js";
import type { GcPacer } from "./gc-pacer.js";
import { rawHeader, requestHeaders, responseHeaders } from "./headers.js";
import { tooLargeMessage, UpstreamTimeoutError, upstreamFailure } from "./limits.js";
import { head, reply } from "./respond.js";

export interface ProxyOptions {
  readonly upstream: { readonly host: string; readonly port: number };
  readonly agent: http.Agent;
  readonly upstreamTimeoutMs: number;
  readonly maxBodyBytes: number;
  readonly addedHeaders: readonly (readonly [string, string])[];
  /** Lower-case name of the header the tunnel agent names the client in, if trusted. */
  readonly clientIpHeader: string | undefined;
  readonly publicUrl: () => URL | undefined;
  /** The app refused, reset or timed out before answering. */
  readonly onUpstreamError: (error: Error) => void;
  /** An upgrade exchange is over as far as stats and recording go (switched or answered). */
  readonly finishUpgrade: (ex: Exchange) => void;
  /** Told of every streamed body chunk, so dead chunk buffers are collected in time. */
  readonly pacer: GcPacer;
}

/** Bodyless requests are retried once when a pooled connection turns out closed by the app. */
const IDEMPOTENT = new Set(["GET", "HEAD", "OPTIONS"]);

export class ReverseProxy {
  readonly #options: ProxyOptions;
  readonly #addedNames: ReadonlySet<string>;
  #upstream: { readonly host: string; readonly port: number };
  #defaultHost: string;
  /** Upgraded connection pairs, destroyed when the gate closes. */
  readonly tunnels = new Set<{ destroy(): void }>();

  constructor(options: ProxyOptions) {
    this.#options = options;
    this.#addedNames = new Set(options.addedHeaders.map(([name]) => name.toLowerCase()));
    this.#upstream = options.upstream;
    this.#defaultHost = hostHeader(options.upstream);
  }

  /** The app's loopback address (127.0.0.1 or ::1), once readiness found which it took. */
  setUpstreamHost(host: string): void {
    this.#upstream = { host, port: this.#upstream.port };
    this.#defaultHost = hostHeader(this.#upstream);
  }

  #headers(ex: Exchange, upgrade: boolean, streaming: boolean): string[] {
    const { req } = ex;
    const peer = normalizeAddress(req.socket.remoteAddress ?? "");
    let forwardedFor = ex.clientIp ?? peer;
    // The tunnel agent's own X-Forwarded-For chain is kept; anyone else's could be forged.
    if (this.#options.clientIpHeader === "x-forwarded-for" && isLoopback(peer)) {
      const chain = req.headers["x-forwarded-for"];
      if (typeof chain === "string" && chain !== "") forwardedFor = chain;
    }
    const publicUrl = this.#options.publicUrl();
    return requestHeaders(req.rawHeaders, {
      stripAuthorization: ex.stripAuthorization,
      stripSessionCookie: ex.stripSessionCookie,
      previewUser: ex.previewUser,
      added: this.#options.addedHeaders,
      addedNames: this.#addedNames,
      forwardedFor,
      forwardedProto: publicUrl ? publicUrl.protocol.slice(0, -1) : "http",
      forwardedHost: publicUrl ? publicUrl.host : ex.basics.host,
      upgrade,
      bodyLength: ex.body?.length,
      chunked: streaming && ex.basics.contentLength === undefined,
      defaultHost: this.#defaultHost,
    });
  }

  #request(ex: Exchange, headers: string[], agent: http.Agent | false): http.ClientRequest {
    const upstream = http.request({
      host: this.#upstream.host,
      port: this.#upstream.port,
      method: ex.req.method,
      path: ex.upstreamPath ?? ex.req.url,
      headers,
      agent,
      setHost: false,
    });
    ex.upstream = upstream;
    return upstream;
  }

  forward(ex: Exchange, retried = false): void {
    const { req } = ex;
    const res = ex.res as http.ServerResponse;
    const body = ex.body;
    const streaming = body === undefined && announcesBody(ex.basics);
    const upstream = this.#request(ex, this.#headers(ex, false, streaming), this.#options.agent);
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const sent = () => {
      ex.sentAt = performance.now();
      const ms = this.#options.upstreamTimeoutMs;
      timer = setTimeout(() => upstream.destroy(new UpstreamTimeoutError(ms)), ms);
    };

    upstream.on("response", (up) => {
      clearTimeout(timer);
      settled = true;
      this.#respond(ex, res, up);
    });
    upstream.on("error", (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      if (settled) return;
      settled = true;
      if (
        !retried &&
        upstream.reusedSocket &&
        error.code === "ECONNRESET" &&
        !streaming &&
        body === undefined &&
        IDEMPOTENT.has(req.method ?? "")
      ) {
        this.forward(ex, true);
        return;
      }
      if (res.writableEnded || res.destroyed) return;
      const failure = upstreamFailure(error);
      this.#options.onUpstreamError(error);
      reply(ex, failure.status, failure.message);
    });

    if (body !== undefined) {
      upstream.end(body);
      sent();
      return;
    }
    if (!streaming) {
      upstream.end();
      sent();
      return;
    }
    // Streamed body: counted, recorded up to the cap, backpressure both ways.
    if (ex.expectContinue) res.writeContinue();
    const max = this.#options.maxBodyBytes;
    const record = ex.record;
    let seen = 0;
    const onData = (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > max) {
        stop();
        settled = true;
        clearTimeout(timer);
        upstream.destroy();
        reply(ex, 413, tooLargeMessage(max));
        return;
      }
      record?.requestBody(chunk);
      this.#options.pacer.forwarded(chunk.length);
      if (!upstream.write(chunk)) req.pause();
    };
    const onDrain = () => req.resume();
    const onEnd = () => {
      stop();
      upstream.end();
      sent();
    };
    const stop = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      upstream.off("drain", onDrain);
    };
    req.on("data", onData);
    req.on("end", onEnd);
    upstream.on("drain", onDrain);
  }

  #respond(ex: Exchange, res: http.ServerResponse, up: http.IncomingMessage): void {
    ex.firstByteAt = performance.now();
    if (res.destroyed || res.writableEnded) {
      up.destroy();
      return;
    }
    const status = up.statusCode ?? 502;
    const headers = responseHeaders(up.rawHeaders);
    const record = ex.record;
    record?.response(status, up.statusMessage ?? "", headers, up.httpVersion);
    res.writeHead(status, up.statusMessage, headers);
    // Streams (SSE, long polls) must not wait for a first body chunk to show their headers.
    const length = rawHeader(headers, "content-length");
    if (length === undefined && status !== 204 && status !== 304) res.flushHeaders();
    let draining = false;
    // A body that arrives in one chunk goes out with the end of the response in one call.
    const whole = length === undefined ? -1 : Number(length);
    let ended = false;
    up.on("data", (chunk: Buffer) => {
      record?.responseBody(chunk);
      this.#options.pacer.forwarded(chunk.length);
      if (chunk.length === whole) {
        ended = true;
        res.end(chunk);
        return;
      }
      if (res.write(chunk)) return;
      up.pause();
      // Listened for only when needed: most responses fit the socket's buffer at once.
      if (!draining) {
        draining = true;
        res.on("drain", () => up.resume());
      }
    });
    up.on("end", () => {
      if (!ended) res.end();
    });
    up.on("close", () => {
      // The app went away mid-response: the client must see a broken response, not a short one.
      if (!up.complete) res.destroy();
    });
    up.on("error", () => undefined);
  }

  upgrade(ex: Exchange): void {
    const { socket } = ex;
    const upstream = this.#request(ex, this.#headers(ex, true, false), false);
    const ms = this.#options.upstreamTimeoutMs;
    ex.sentAt = performance.now();
    const timer = setTimeout(() => upstream.destroy(new UpstreamTimeoutError(ms)), ms);
    let settled = false;
    socket.on("error", () => undefined);

    upstream.on("upgrade", (up, upSocket, upHead) => {
      clearTimeout(timer);
      settled = true;
      ex.firstByteAt = performance.now();
      const headers = responseHeaders(up.rawHeaders, true);
      const status = up.statusCode ?? 101;
      ex.status = status;
      ex.record?.response(status, up.statusMessage ?? "", headers, up.httpVersion);
      this.#options.finishUpgrade(ex);
      if (socket.destroyed) {
        upSocket.destroy();
        return;
      }
      socket.write(head(status, up.statusMessage ?? "", headers));
      if (upHead.length > 0) socket.write(upHead);
      if (ex.head !== undefined && ex.head.length > 0) upSocket.write(ex.head);
      const pair = {
        destroy: () => {
          socket.destroy();
          upSocket.destroy();
          this.tunnels.delete(pair);
        },
      };
      this.tunnels.add(pair);
      upSocket.on("error", pair.destroy);
      upSocket.on("close", pair.destroy);
      socket.on("error", pair.destroy);
      socket.on("close", pair.destroy);
      socket.pipe(upSocket).pipe(socket);
    });

    upstream.on("response", (up) => {
      // The app declined the upgrade: relay its answer and close.
      clearTimeout(timer);
      settled = true;
      ex.firstByteAt = performance.now();
      const status = up.statusCode ?? 502;
      const headers = [...responseHeaders(up.rawHeaders), "Connection", "close"];
      ex.status = status;
      ex.record?.response(status, up.statusMessage ?? "", headers, up.httpVersion);
      if (socket.destroyed) {
        up.destroy();
        return;
      }
      socket.write(head(status, up.statusMessage ?? "", headers));
      up.on("data", (chunk: Buffer) => {
        ex.record?.responseBody(chunk);
        socket.write(chunk);
      });
      up.on("end", () => {
        socket.end();
        this.#options.finishUpgrade(ex);
      });
      up.on("error", () => socket.destroy());
    });

    upstream.on("error", (error) => {
      clearTimeout(timer);
      if (settled) return;
      settled = true;
      const failure = upstreamFailure(error);
      this.#options.onUpstreamError(error);
      reply(ex, failure.status, failure.message);
      this.#options.finishUpgrade(ex);
    });
    upstream.end();
  }
}

function hostHeader(upstream: { readonly host: string; readonly port: number }): string {
  return `${upstream.host.includes(":") ? `[${upstream.host}]` : upstream.host}:${upstream.port}`;
}
