/**
 * The live connection: an EventSource on /events. It reconnects by itself after a dropped
 * connection, sending Last-Event-ID, and the gate fills the gap from its ring. When the
 * stream ends for good (an error status, e.g. too many tabs) or falls silent (no ping within
 * twice the heartbeat), a new one is opened with ?lastEventId= after a growing pause. Where
 * nothing arrives at all (a proxy that buffers event streams, as cloudflared quick tunnels
 * do), the page polls /events as JSON instead.
 */
import type { ExchangeSummary, PollAnswer, StreamGap, StreamHello } from "../protocol.js";

export type ConnectionState = "connecting" | "live" | "reconnecting" | "polling";

export interface StreamHandlers {
  /** A new epoch (the gate restarted): the list starts over. */
  readonly onReset: () => void;
  readonly onSummary: (summary: ExchangeSummary) => void;
  readonly onGap: (missed: number) => void;
  readonly onState: (state: ConnectionState) => void;
}

/** Without a hello by then, event streams do not get through: poll. */
const FIRST_EVENT_MS = 8000;
const POLL_MS = 2000;
const MAX_PAUSE_MS = 30_000;

export class LiveStream {
  readonly #base: string;
  readonly #on: StreamHandlers;
  #source: EventSource | undefined;
  #lastId = 0;
  #epoch: string | undefined;
  #heartbeatMs = 15_000;
  #watchdog: number | undefined;
  #pause = 1000;
  #everHello = false;
  #polling = false;

  constructor(base: string, handlers: StreamHandlers) {
    this.#base = base;
    this.#on = handlers;
  }

  get lastId(): number {
    return this.#lastId;
  }

  start(): void {
    this.#open();
  }

  #open(): void {
    this.#source?.close();
    const url = `${this.#base}/events${this.#lastId > 0 ? `?lastEventId=${this.#lastId}` : ""}`;
    const source = new EventSource(url);
    this.#source = source;
    this.#arm(this.#everHello ? this.#heartbeatMs * 2 + 5000 : FIRST_EVENT_MS);
    source.addEventListener("hello", (e) => {
      const hello = JSON.parse((e as MessageEvent<string>).data) as StreamHello;
      this.#everHello = true;
      this.#pause = 1000;
      this.#hello(hello);
      this.#on.onState("live");
      this.#arm(this.#heartbeatMs * 2 + 5000);
    });
    source.addEventListener("ping", () => this.#arm(this.#heartbeatMs * 2 + 5000));
    source.addEventListener("gap", (e) => {
      this.#on.onGap((JSON.parse((e as MessageEvent<string>).data) as StreamGap).missed);
    });
    source.addEventListener("message", (e) => {
      this.#arm(this.#heartbeatMs * 2 + 5000);
      this.#summary(JSON.parse(e.data) as ExchangeSummary);
    });
    source.addEventListener("error", () => {
      if (source !== this.#source) return;
      // CONNECTING: the browser retries by itself (with Last-Event-ID); CLOSED: it gave up.
      this.#on.onState("reconnecting");
      if (source.readyState === EventSource.CLOSED) this.#later();
    });
  }

  #hello(hello: StreamHello): void {
    if (this.#epoch !== undefined && this.#epoch !== hello.epoch) {
      this.#lastId = 0;
      this.#on.onReset();
    }
    this.#epoch = hello.epoch;
    this.#heartbeatMs = hello.heartbeatMs;
  }

  #summary(summary: ExchangeSummary): void {
    if (summary.id <= this.#lastId) return;
    this.#lastId = summary.id;
    this.#on.onSummary(summary);
  }

  /** Nothing within `ms`: the stream is dead (or never got through). */
  #arm(ms: number): void {
    window.clearTimeout(this.#watchdog);
    this.#watchdog = window.setTimeout(() => {
      this.#source?.close();
      this.#source = undefined;
      if (!this.#everHello) this.#poll();
      else {
        this.#on.onState("reconnecting");
        this.#later();
      }
    }, ms);
  }

  #later(): void {
    window.clearTimeout(this.#watchdog);
    this.#source?.close();
    this.#source = undefined;
    const pause = this.#pause;
    this.#pause = Math.min(this.#pause * 2, MAX_PAUSE_MS);
    window.setTimeout(() => this.#open(), pause);
  }

  #poll(): void {
    if (!this.#polling) {
      this.#polling = true;
      this.#on.onState("polling");
    }
    fetch(`${this.#base}/events?lastEventId=${this.#lastId}`, {
      headers: { accept: "application/json" },
      credentials: "same-origin",
      cache: "no-store",
    })
      .then((response) => {
        if (!response.ok) throw new Error(String(response.status));
        return response.json() as Promise<PollAnswer>;
      })
      .then(
        (answer) => {
          this.#hello(answer);
          if (answer.missed > 0) this.#on.onGap(answer.missed);
          for (const summary of answer.events) this.#summary(summary);
          this.#on.onState("polling");
        },
        () => this.#on.onState("reconnecting"),
      )
      .finally(() => window.setTimeout(() => this.#poll(), POLL_MS));
  }
}
