/**
 * Raw HTTP/1.1 on plain sockets, for the hostile cases: a client that writes exact bytes
 * (pipelined, mis-framed) and reads every response until the server closes, and an app that
 * writes exact bytes back (extra responses, bytes after a response). node:http would refuse
 * to produce most of these, which is why they are written by hand.
 */
import net from "node:net";

export interface RawResponse {
  readonly status: number;
  /** Lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/**
 * Splits a byte stream of HTTP/1.1 responses (Content-Length or chunked framing).
 * `methods[i]` is the method of the i-th request, so answers to HEAD are read without a body.
 */
export function parseResponses(bytes: Buffer, methods: readonly string[] = []): RawResponse[] {
  const text = bytes.toString("latin1");
  const out: RawResponse[] = [];
  let at = 0;
  while (at < text.length) {
    const end = text.indexOf("\r\n\r\n", at);
    if (end === -1) throw new Error(`incomplete response head: ${JSON.stringify(text.slice(at, at + 200))}`);
    const [statusLine = "", ...lines] = text.slice(at, end).split("\r\n");
    const status = Number(statusLine.split(" ")[1]);
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(":");
      headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
    }
    at = end + 4;
    let body = "";
    if (status === 100) continue;
    if (methods[out.length] === "HEAD" || status === 204 || status === 304) {
      // HEAD: no body whatever the headers say.
    } else if (headers["transfer-encoding"]?.toLowerCase() === "chunked") {
      for (;;) {
        const lineEnd = text.indexOf("\r\n", at);
        const size = Number.parseInt(text.slice(at, lineEnd), 16);
        at = lineEnd + 2;
        if (size === 0) {
          at = text.indexOf("\r\n", at) + 2;
          break;
        }
        body += text.slice(at, at + size);
        at += size + 2;
      }
    } else if (headers["content-length"] !== undefined) {
      const length = Number(headers["content-length"]);
      body = text.slice(at, at + length);
      at += length;
    } else {
      body = text.slice(at);
      at = text.length;
    }
    out.push({ status, headers, body });
  }
  return out;
}

/**
 * Writes `bytes` on a fresh connection and resolves with everything the server sent once it
 * closes the connection. The caller makes the server close: the last request says
 * `Connection: close`, or the request is one the server rejects. (The socket is not
 * half-closed: node:http would abort the pipelined requests still waiting.) A server that
 * keeps the connection open fails the test once it has been idle for `idleMs`.
 */
export function sendRaw(port: number, bytes: string | Buffer, idleMs = 5000): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.setTimeout(idleMs, () => {
      socket.destroy();
      reject(
        new Error(
          `the server kept the connection open; it sent ${JSON.stringify(Buffer.concat(chunks).toString("latin1"))}`,
        ),
      );
    });
    const chunks: Buffer[] = [];
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("error", (error: NodeJS.ErrnoException) => {
      // A server that closes while we still write resets the connection: what came is the answer.
      if (error.code === "ECONNRESET" || error.code === "EPIPE") resolve(Buffer.concat(chunks));
      else reject(error);
    });
    socket.on("close", () => resolve(Buffer.concat(chunks)));
    socket.write(typeof bytes === "string" ? Buffer.from(bytes, "latin1") : bytes);
  });
}

/** One request on a fresh connection, closed after the answer. */
export async function rawRequest(port: number, bytes: string): Promise<RawResponse[]> {
  return parseResponses(await sendRaw(port, bytes));
}

export interface RawApp {
  readonly port: number;
  /** Every byte each connection received, in order of connection. */
  readonly received: string[];
  /** Connections the app accepted, and how many of them the peer has closed. */
  readonly accepted: () => number;
  readonly closed: () => number;
  close(): Promise<void>;
}

/**
 * An app on a raw socket: `answer` is called with each request head it reads (requests
 * without bodies only) and writes whatever bytes it likes on the connection.
 */
export async function startRawApp(
  answer: (request: { line: string; index: number; socket: net.Socket }) => void,
): Promise<RawApp> {
  const received: string[] = [];
  const sockets = new Set<net.Socket>();
  let accepted = 0;
  let closed = 0;
  const server = net.createServer((socket) => {
    const id = accepted++;
    received[id] = "";
    sockets.add(socket);
    let pending = "";
    let index = 0;
    socket.on("data", (chunk: Buffer) => {
      received[id] += chunk.toString("latin1");
      pending += chunk.toString("latin1");
      for (let end = pending.indexOf("\r\n\r\n"); end !== -1; end = pending.indexOf("\r\n\r\n")) {
        const line = pending.slice(0, pending.indexOf("\r\n"));
        pending = pending.slice(end + 4);
        answer({ line, index: index++, socket });
      }
    });
    socket.on("error", () => undefined);
    socket.on("close", () => {
      closed++;
      sockets.delete(socket);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    received,
    accepted: () => accepted,
    closed: () => closed,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A complete response with a Content-Length. */
export function rawResponse(body: string, status = 200, extra = ""): string {
  return `HTTP/1.1 ${status} OK\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(body, "latin1")}\r\n${extra}\r\n${body}`;
}
