/**
 * The exchanges the inspector shows: a ring of the last `entries` finished exchanges, each
 * with an id that increases by one. The gate hands over each finished exchange as the
 * recorder captured it (headers as received, bodies up to record-body-limit, timings); it is
 * kept by reference, not copied or serialized, so adding costs a few field reads. The
 * captured bodies are held up to `detailBytes` in all: beyond that the oldest exchanges keep
 * only their summary fields (their detail view says so).
 */
import type { EntryData } from "../har-serialize.js";
import type { ReplayTicket } from "./tickets.js";

/** What the gate hands over per finished exchange (see index.ts for where it calls add). */
export interface FinishedExchange {
  /** The exchange as captured: `HarRecorder.begin(...)`, or `captureExchange(...)` when recording is off; finished. */
  readonly recorded: EntryData;
  /** The webhook verifier's verdict (`ex.webhook`), for a POST under a verify-webhooks path. */
  readonly webhook?: { readonly provider: string; readonly ok: boolean; readonly reason?: string };
  /** The service that answered, when the preview has several. */
  readonly service?: string;
  /** The replay ticket the request carried (`Inspector.redeemReplay`): links it to the original. */
  readonly replay?: ReplayTicket;
}

export interface FeedLimits {
  /** Exchanges kept (summaries and, within detailBytes, details). */
  readonly entries: number;
  /** Captured body bytes kept in all; beyond it the oldest details are dropped. */
  readonly detailBytes: number;
}

export const DEFAULT_FEED_LIMITS: FeedLimits = { entries: 1000, detailBytes: 64 * 1024 * 1024 };

/** Per exchange, besides its bodies: headers, strings, the objects themselves (an estimate). */
const OVERHEAD_BYTES = 2048;

export class FeedItem {
  /** undefined once the detail was dropped (the summary fields below stay). */
  recorded: EntryData | undefined;
  readonly bytes: number;
  readonly method: string;
  readonly url: string;
  readonly status: number;
  readonly startedAt: number;
  readonly durationMs: number;
  readonly requestBytes: number;
  readonly responseBytes: number;
  readonly client: string | undefined;
  readonly notes: readonly string[] | undefined;
  readonly responseHeaders: readonly string[];
  /** The summary's JSON, made once when first sent (see summary.ts). */
  json: string | undefined;
  /** Ids of exchanges that replayed this one. */
  replays: number[] | undefined;
  readonly webhook: FinishedExchange["webhook"];
  readonly service: string | undefined;
  /** Id of the exchange this one replays. */
  readonly replayOf: number | undefined;

  // The input itself is not kept: it holds the captured bodies, which must go when the detail does.
  constructor(
    readonly id: number,
    input: FinishedExchange,
  ) {
    const r = input.recorded;
    this.webhook = input.webhook;
    this.service = input.service;
    this.replayOf = input.replay?.of;
    this.recorded = r;
    this.bytes = r.request.kept + r.reply.kept + OVERHEAD_BYTES;
    this.method = r.method;
    this.url = r.url;
    this.status = r.status;
    this.startedAt = r.startedAt;
    this.durationMs = r.time;
    this.requestBytes = r.request.size;
    this.responseBytes = r.reply.size;
    this.client = r.clientAddress;
    this.notes = r.notes;
    this.responseHeaders = r.responseHeaders;
  }
}

export class Feed {
  readonly limits: FeedLimits;
  readonly #ring: (FeedItem | undefined)[];
  #newest = 0;
  /** Bytes held by details, and the oldest id that may still hold one. */
  #detailBytes = 0;
  #oldestDetail = 1;
  #listener: ((item: FeedItem) => void) | undefined;

  constructor(limits: FeedLimits = DEFAULT_FEED_LIMITS) {
    if (!(limits.entries >= 1) || !(limits.detailBytes >= 0)) throw new Error("feed limits must be positive");
    this.limits = limits;
    this.#ring = new Array(limits.entries);
  }

  /** Id of the newest exchange (0: none yet). */
  get newest(): number {
    return this.#newest;
  }

  /** Id of the oldest exchange still kept (newest + 1 when none). */
  get oldest(): number {
    return Math.max(1, this.#newest - this.limits.entries + 1);
  }

  /** Told of every exchange added, synchronously (the streams batch it). */
  onAdd(listener: ((item: FeedItem) => void) | undefined): void {
    this.#listener = listener;
  }

  add(input: FinishedExchange): FeedItem {
    const id = ++this.#newest;
    const slot = id % this.limits.entries;
    const evicted = this.#ring[slot];
    if (evicted?.recorded !== undefined) this.#dropDetail(evicted);
    const item = new FeedItem(id, input);
    this.#ring[slot] = item;
    this.#detailBytes += item.bytes;
    // The newest keeps its detail whatever its size: it is the one most likely looked at.
    this.#oldestDetail = Math.max(this.#oldestDetail, this.oldest);
    while (this.#detailBytes > this.limits.detailBytes && this.#oldestDetail < id) {
      const old = this.get(this.#oldestDetail++);
      if (old?.recorded !== undefined) this.#dropDetail(old);
    }
    const original = input.replay === undefined ? undefined : this.get(input.replay.of);
    if (original !== undefined) original.replays = [...(original.replays ?? []), id];
    input.replay?.settle(id);
    this.#listener?.(item);
    return item;
  }

  #dropDetail(item: FeedItem): void {
    item.recorded = undefined;
    this.#detailBytes -= item.bytes;
  }

  get(id: number): FeedItem | undefined {
    if (!Number.isSafeInteger(id) || id < 1) return undefined;
    const item = this.#ring[id % this.limits.entries];
    return item?.id === id ? item : undefined;
  }

  /** The kept exchanges with an id above `id`, oldest first, and how many above it are gone. */
  after(id: number): { items: FeedItem[]; missed: number } {
    const from = Math.max(id + 1, this.oldest);
    const items: FeedItem[] = [];
    for (let i = from; i <= this.#newest; i++) {
      const item = this.get(i);
      if (item) items.push(item);
    }
    return { items, missed: Math.max(0, from - (id + 1)) };
  }

  /** Every kept exchange, oldest first. */
  all(): FeedItem[] {
    return this.after(0).items;
  }

  /** Bytes held by details (for tests and limits). */
  get detailBytes(): number {
    return this.#detailBytes;
  }
}
