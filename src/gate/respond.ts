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

/** A whole response as data (the GitHub sign-in's pages and refusals, github-signin/answer.ts). */
export interface Answer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | readonly string[]>>;
  readonly body: Buffer;
  /** False when the body carries something of a sign-in (its user code): not recorded. */
  readonly recordBody: boolean;
}

/**
 * Writes an answer the way reply() writes the gate's own: recorded (its body only when
 * `recordBody`), on the raw socket for an upgrade request. `note` says why, in the recording.
 */
export function replyAnswer(ex: Exchange, answer: Answer, note?: string): void {
  const { status } = answer;
  const headers: Record<string, string | readonly string[]> = { ...answer.headers };
  if (!ex.res || (announcesBody(ex.basics) && !ex.req.readableEnded)) headers.connection = "close";
  const raw = flatten(headers);
  const statusText = STATUS_CODES[status] ?? "";
  ex.status = status;
  if (note !== undefined) ex.record?.note(note);
  ex.record?.response(status, statusText, raw, "1.1");
  if (answer.recordBody) ex.record?.responseBody(answer.body);
  if (!ex.res) {
    writeRaw(ex, status, statusText, raw, answer.body);
    return;
  }
  const res = ex.res;
  if (res.headersSent || res.destroyed) {
    res.destroy();
    return;
  }
  res.writeHead(status, headers as Record<string, string | string[]>);
  res.end(ex.req.method === "HEAD" ? undefined : answer.body);
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

export function flatten(headers: Readonly<Record<string, string | readonly string[]>>): string[] {
  const raw: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value === "string") raw.push(name, value);
    else for (const one of value) raw.push(name, one);
  }
  return raw;
}
