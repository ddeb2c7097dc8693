/**
 * Answers the gate gives itself (401, 403, 413, 502, ...): short plain text, never cached,
 * recorded like any other response. Upgrade requests are answered on the raw socket.
 */
import { STATUS_CODES } from "node:http";
import { announcesBody, type Exchange } from "./exchange.js";

export function reply(
  ex: Exchange,
  status: number,
  message: string,
  extra: Record<string, string> = {},
): void {
  const body = Buffer.from(`preview-tunnel gate: ${message}\n`);
  const headers: Record<string, string> = {
    "content-type": "text/plain; charset=utf-8",
    "content-length": String(body.length),
    "cache-control": "no-store",
    ...extra,
  };
  // An unread body would otherwise be drained before the connection can be reused.
  if (!ex.res || (announcesBody(ex.basics) && !ex.req.readableEnded)) headers.connection = "close";
  ex.status = status;
  ex.record?.note(message);
  ex.record?.response(status, STATUS_CODES[status] ?? "", flatten(headers), "1.1");
  ex.record?.responseBody(body);
  if (ex.res) {
    const res = ex.res;
    if (res.headersSent || res.destroyed) {
      res.destroy();
      return;
    }
    res.writeHead(status, headers);
    res.end(body);
    return;
  }
  writeRaw(ex, status, STATUS_CODES[status] ?? "", flatten(headers), body);
}

/** Writes a whole response on an upgrade request's socket and closes it. */
export function writeRaw(
  ex: Exchange,
  status: number,
  statusText: string,
  rawHeaders: readonly string[],
  body?: Buffer,
): void {
  if (ex.socket.destroyed) return;
  ex.socket.end(Buffer.concat([Buffer.from(head(status, statusText, rawHeaders)), body ?? Buffer.alloc(0)]));
}

export function head(status: number, statusText: string, rawHeaders: readonly string[]): string {
  let text = `HTTP/1.1 ${status} ${statusText}\r\n`;
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) text += `${rawHeaders[i]}: ${rawHeaders[i + 1]}\r\n`;
  return `${text}\r\n`;
}

export function flatten(headers: Record<string, string>): string[] {
  const raw: string[] = [];
  for (const [name, value] of Object.entries(headers)) raw.push(name, value);
  return raw;
}
