/**
 * The live list's Server-Sent Events. Each exchange is one event whose `id:` is its feed id,
 * so a browser that reconnects (EventSource does it by itself, sending Last-Event-ID; the
 * page's own reconnects say `?lastEventId=`) gets the ones it missed from the ring, and an
 * `event: gap` when some are no longer kept. Exchanges are sent in batches, once per turn
 * of the event loop, as one chunk written to every stream: a busy gate costs the streams one
 * JSON text per exchange, whatever the number of streams. A stream whose client does not
 * read (its socket buffer above `maxBufferedBytes`) is dropped rather than buffered without
 * bound; its browser reconnects and resumes. Streams are limited in number (503 beyond) and
 * kept alive by a ping every `heartbeatMs`, which also tells the page the stream is alive.
 */
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Redactor } from "../../util/secrets.js";
import type { Feed, FeedItem } from "./feed.js";
import type { PollAnswer, StreamHello } from "./protocol.js";
import { summaryJson } from "./summary.js";

export interface StreamLimits {
  /** Open streams at once (each browser tab holds one). */
  readonly maxStreams: number;
  readonly heartbeatMs: number;
  /** Bytes waiting in a stream's socket buffer beyond which it is dropped. */
  readonly maxBufferedBytes: number;
  /** The reconnect delay browsers are told (`retry:`). */
  readonly retryMs: number;
}

export const DEFAULT_STREAM_LIMITS: StreamLimits = {
  maxStreams: 16,
  heartbeatMs: 15_000,
  maxBufferedBytes: 1024 * 1024,
  retryMs: 1000,
};

const SSE_HEADERS = {
  "content-type": "text/event-stream; charset=utf-8",
  // no-transform: proxies must not compress (and so buffer) the stream.
  "cache-control": "no-store, no-transform",
  "x-accel-buffering": "no",
  "x-content-type-options": "nosniff",
  "cross-origin-resource-policy": "same-origin",
} as const;

/** The id a client resumes after: Last-Event-ID, else ?lastEventId=; 0 when none or unreadable. */
export function resumeId(req: IncomingMessage, query: URLSearchParams): number {
  const raw = req.headers["last-event-id"] ?? query.get("lastEventId") ?? "";
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value !== undefined && /^\d{1,15}$/.test(value) ? Number(value) : 0;
}

function event(item: FeedItem, redactor: Redactor): string {
  return `id: ${item.id}\ndata: ${summaryJson(item, redactor)}\n\n`;
}

export class EventStreams {
  readonly #feed: Feed;
  readonly #redactor: Redactor;
  readonly limits: StreamLimits;
  /** Changes per gate: a page that sees another epoch starts its list over. */
  readonly epoch = randomBytes(6).toString("hex");
  readonly #streams = new Set<ServerResponse>();
  /** The last id written to the streams (the ones after it wait for the next batch). */
  #cursor: number;
  #scheduled = false;
  #heartbeat: NodeJS.Timeout | undefined;
  #closed = false;
  /** Streams dropped for not reading (for tests and the log). */
  dropped = 0;

  constructor(feed: Feed, redactor: Redactor, limits: StreamLimits = DEFAULT_STREAM_LIMITS) {
    this.#feed = feed;
    this.#redactor = redactor;
    this.limits = limits;
    this.#cursor = feed.newest;
    feed.onAdd(() => this.#added());
  }

  get size(): number {
    return this.#streams.size;
  }

  hello(): StreamHello {
    return {
      epoch: this.epoch,
      oldest: this.#feed.oldest,
      newest: this.#feed.newest,
      heartbeatMs: this.limits.heartbeatMs,
    };
  }

  /** The JSON answer for a page that polls instead (where a proxy buffers event streams). */
  poll(after: number): PollAnswer {
    const from = after > this.#feed.newest ? 0 : after;
    const { items, missed } = this.#feed.after(from);
    return {
      ...this.hello(),
      events: items.map((item) => JSON.parse(summaryJson(item, this.#redactor))),
      missed,
    };
  }

  /** Starts a stream on `res` resuming after `lastId`; false when there are too many already. */
  start(res: ServerResponse, lastId: number): boolean {
    if (this.#closed || this.#streams.size >= this.limits.maxStreams) return false;
    res.writeHead(200, SSE_HEADERS);
    // An id above the newest is from an earlier gate (ids started over): send everything.
    const after = lastId > this.#feed.newest ? 0 : lastId;
    const { items, missed } = this.#feed.after(after);
    let text = `retry: ${this.limits.retryMs}\nevent: hello\ndata: ${JSON.stringify(this.hello())}\n\n`;
    if (missed > 0) text += `event: gap\ndata: ${JSON.stringify({ missed })}\n\n`;
    // Only up to the cursor: the next batch brings the rest to every stream alike.
    for (const item of items) if (item.id <= this.#cursor) text += event(item, this.#redactor);
    res.write(text);
    this.#streams.add(res);
    res.once("close", () => {
      this.#streams.delete(res);
      if (this.#streams.size === 0) this.#stopHeartbeat();
    });
    this.#startHeartbeat();
    if (this.#cursor < this.#feed.newest) this.#schedule();
    return true;
  }

  #added(): void {
    if (this.#streams.size === 0) {
      this.#cursor = this.#feed.newest;
      return;
    }
    this.#schedule();
  }

  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(this.#flush);
  }

  readonly #flush = (): void => {
    this.#scheduled = false;
    const { items } = this.#feed.after(this.#cursor);
    this.#cursor = this.#feed.newest;
    if (items.length === 0 || this.#streams.size === 0) return;
    let text = "";
    for (const item of items) text += event(item, this.#redactor);
    this.#broadcast(Buffer.from(text));
  };

  #broadcast(chunk: Buffer): void {
    for (const res of this.#streams) {
      if (res.destroyed) continue;
      res.write(chunk);
      if (res.writableLength > this.limits.maxBufferedBytes) {
        // Not reading: drop it; the browser reconnects and resumes from its last id.
        this.dropped++;
        this.#streams.delete(res);
        res.destroy();
      }
    }
  }

  #startHeartbeat(): void {
    if (this.#heartbeat !== undefined) return;
    this.#heartbeat = setInterval(() => {
      this.#broadcast(Buffer.from(`event: ping\ndata: ${Date.now()}\n\n`));
    }, this.limits.heartbeatMs).unref();
  }

  #stopHeartbeat(): void {
    clearInterval(this.#heartbeat);
    this.#heartbeat = undefined;
  }

  /** Ends every stream (the gate is closing); idempotent. */
  close(): void {
    this.#closed = true;
    this.#stopHeartbeat();
    for (const res of this.#streams) res.end();
    this.#streams.clear();
  }
}
