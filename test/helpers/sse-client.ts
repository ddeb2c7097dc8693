/**
 * A Server-Sent Events client on a real socket, for tests: parses the stream as it arrives
 * (id, event, data, retry; comments ignored) and waits, with a deadline, for the events a test
 * expects. `pause()` stops reading (the kernel buffers fill, the server sees backpressure).
 */
import http from "node:http";
import { until } from "./wait.js";

export interface SseEvent {
  readonly id: string | undefined;
  readonly event: string;
  readonly data: string;
}

export class SseClient {
  readonly events: SseEvent[] = [];
  retry: number | undefined;
  closed = false;
  #buffer = "";

  private constructor(
    readonly status: number,
    readonly headers: http.IncomingHttpHeaders,
    readonly response: http.IncomingMessage,
    readonly request: http.ClientRequest,
  ) {
    response.setEncoding("utf8");
    response.on("data", (text: string) => this.#feed(text));
    response.once("close", () => {
      this.closed = true;
    });
    response.on("error", () => undefined);
  }

  static open(port: number, path: string, headers: http.OutgoingHttpHeaders = {}): Promise<SseClient> {
    return new Promise((resolve, reject) => {
      const request = http.get({ host: "127.0.0.1", port, path, headers, agent: false }, (response) => {
        resolve(new SseClient(response.statusCode ?? 0, response.headers, response, request));
      });
      request.on("error", reject);
    });
  }

  #feed(text: string): void {
    this.#buffer += text;
    for (;;) {
      const end = this.#buffer.indexOf("\n\n");
      if (end === -1) return;
      const block = this.#buffer.slice(0, end);
      this.#buffer = this.#buffer.slice(end + 2);
      let id: string | undefined;
      let event = "message";
      const data: string[] = [];
      for (const line of block.split("\n")) {
        if (line.startsWith(":")) continue;
        const colon = line.indexOf(":");
        const field = colon === -1 ? line : line.slice(0, colon);
        const value = colon === -1 ? "" : line.slice(colon + 1).replace(/^ /, "");
        if (field === "id") id = value;
        else if (field === "event") event = value;
        else if (field === "data") data.push(value);
        else if (field === "retry") this.retry = Number(value);
      }
      if (data.length > 0) this.events.push({ id, event, data: data.join("\n") });
    }
  }

  /** The data of the `message` events (exchange summaries), parsed. */
  summaries<T = Record<string, unknown>>(): T[] {
    return this.events.filter((e) => e.event === "message").map((e) => JSON.parse(e.data) as T);
  }

  /** Waits until `count` events named `event` arrived; returns them. */
  async waitFor(event: string, count: number, timeoutMs = 10_000): Promise<SseEvent[]> {
    return until(
      `${count} "${event}" events`,
      () => {
        const found = this.events.filter((e) => e.event === event);
        return found.length >= count ? found : undefined;
      },
      timeoutMs,
    );
  }

  pause(): void {
    this.response.pause();
  }

  close(): void {
    this.request.destroy();
  }
}
