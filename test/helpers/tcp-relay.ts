/**
 * A TCP relay on 127.0.0.1:0 in front of a server, for a browser test that needs to break
 * the connection between the browser and the server: `cut()` destroys every connection
 * through it (as a network drop would), `hold()` keeps new connections waiting, unconnected,
 * until released (the client's bytes wait in the relay). Nothing is changed; the heads of
 * the HTTP/1.1 requests going through are noted in `requests` (what the browser sent, which
 * its devtools do not all show, e.g. Last-Event-ID).
 */
import net from "node:net";

/** One request's line and headers (names lower-cased). */
export interface RequestHead {
  readonly line: string;
  readonly headers: Readonly<Record<string, string>>;
}

export class TcpRelay {
  readonly requests: RequestHead[] = [];
  readonly #server: net.Server;
  readonly #open = new Set<net.Socket>();
  #held: (() => void)[] | undefined;

  private constructor(
    server: net.Server,
    readonly port: number,
    private readonly target: { readonly host: string; readonly port: number },
  ) {
    this.#server = server;
  }

  static async start(target: { readonly host: string; readonly port: number }): Promise<TcpRelay> {
    let relay: TcpRelay | undefined;
    const server = net.createServer((client) => relay?.accept(client));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    relay = new TcpRelay(server, (server.address() as net.AddressInfo).port, target);
    return relay;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  private accept(client: net.Socket): void {
    this.#track(client);
    const sniff = this.#sniffer();
    // Bytes from the client before the way upstream is open (held, or still connecting).
    const early: Buffer[] = [];
    let upstream: net.Socket | undefined;
    client.on("data", (chunk: Buffer) => {
      sniff(chunk);
      if (upstream === undefined) early.push(chunk);
      else if (!upstream.write(chunk)) client.pause();
    });
    client.once("end", () => upstream?.end());
    const connect = () => {
      if (client.destroyed) return;
      const way = net.connect(this.target);
      upstream = way;
      this.#track(way);
      for (const chunk of early.splice(0)) way.write(chunk);
      if (client.readableEnded) way.end();
      way.on("drain", () => client.resume());
      way.pipe(client);
      client.once("close", () => way.destroy());
      way.once("close", () => client.destroy());
    };
    if (this.#held) this.#held.push(connect);
    else connect();
  }

  #track(socket: net.Socket): void {
    this.#open.add(socket);
    socket.once("close", () => this.#open.delete(socket));
    socket.on("error", () => undefined);
  }

  /** Reads request heads off a connection's bytes, skipping bodies by Content-Length. */
  #sniffer(): (chunk: Buffer) => void {
    let text = "";
    let skip = 0;
    return (chunk) => {
      // latin1: one character per byte, so Content-Length counts characters.
      text += chunk.toString("latin1");
      for (;;) {
        const skipped = Math.min(skip, text.length);
        text = text.slice(skipped);
        skip -= skipped;
        const end = text.indexOf("\r\n\r\n");
        if (skip > 0 || end === -1) return;
        const [line = "", ...fields] = text.slice(0, end).split("\r\n");
        const headers: Record<string, string> = {};
        for (const field of fields) {
          const colon = field.indexOf(":");
          headers[field.slice(0, colon).trim().toLowerCase()] = field.slice(colon + 1).trim();
        }
        this.requests.push({ line, headers });
        text = text.slice(end + 4);
        skip = Number(headers["content-length"] ?? 0);
      }
    };
  }

  /** Every connection through the relay is cut. */
  cut(): void {
    for (const socket of [...this.#open]) socket.destroy();
  }

  /** New connections wait until the returned function is called. */
  hold(): () => void {
    this.#held = [];
    return () => {
      const waiting = this.#held ?? [];
      this.#held = undefined;
      for (const connect of waiting) connect();
    };
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}
