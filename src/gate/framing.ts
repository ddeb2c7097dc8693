/**
 * Request framing the gate refuses before anything reaches the app, so that the app splits
 * the byte stream into exactly the requests the gate judged (no smuggling). node's parser
 * already answers 400 to the classic cases before the gate sees a request: Content-Length
 * together with Transfer-Encoding, two or malformed Content-Lengths, a Transfer-Encoding not
 * ending in chunked, obs-fold, bare LF line ends, HTTP/1.1 without Host (test/security keeps
 * them covered). What it lets through and the gate refuses:
 *
 * - a Connection header naming Content-Length, Transfer-Encoding or Host: a proxy must drop
 *   the headers Connection names (RFC 9110 7.6.1), and dropping these would forward a body
 *   without its framing, which the app then reads as a second request;
 * - a transfer coding besides chunked (`gzip, chunked`): the gate re-frames bodies and would
 *   hand the app a still-encoded body as if it were plain (RFC 9112 6.1: 501);
 * - Transfer-Encoding in an HTTP/1.0 request (RFC 9112 6.1: faulty framing);
 * - more than one Host header (RFC 9110 7.2: 400).
 *
 * The connection is closed after each of these answers, as strict proxies do: after a
 * framing dispute nothing that follows on it can be trusted.
 */
import type { RequestBasics } from "./exchange.js";

export interface FramingRefusal {
  readonly status: 400 | 501;
  readonly message: string;
}

/** Headers that frame a message; never removed because Connection names them. */
export const FRAMING_HEADERS: ReadonlySet<string> = new Set(["content-length", "transfer-encoding", "host"]);

const NAMES_FRAMING: FramingRefusal = {
  status: 400,
  message:
    "the Connection header names a framing header (Content-Length, Transfer-Encoding or Host); the gate does not remove those",
};
const OTHER_CODING: FramingRefusal = {
  status: 501,
  message: "a request body with a transfer coding other than chunked is not supported",
};
const TE_ON_HTTP10: FramingRefusal = {
  status: 400,
  message: "Transfer-Encoding in an HTTP/1.0 request (its framing is ambiguous)",
};
const TWO_HOSTS: FramingRefusal = { status: 400, message: "the request has more than one Host header" };

/** Whether a Connection value lists Content-Length, Transfer-Encoding or Host. */
export function namesFramingHeader(connection: string): boolean {
  // Nearly every request says one token (keep-alive, close, upgrade): no list to split.
  if (connection.indexOf(",") === -1) return isFramingToken(connection);
  for (const token of connection.split(",")) {
    if (isFramingToken(token)) return true;
  }
  return false;
}

function isFramingToken(token: string): boolean {
  const name = token.trim();
  // Lower-cased only when the length is one of theirs (4, 14, 17): no copy for keep-alive.
  const length = name.length;
  if (length !== 4 && length !== 14 && length !== 17) return false;
  return FRAMING_HEADERS.has(name.toLowerCase());
}

/** Why the request's framing is refused, or undefined when it is sound. */
export function framingRefusal(basics: RequestBasics, httpVersion: string): FramingRefusal | undefined {
  if (basics.duplicateHost) return TWO_HOSTS;
  if (basics.connection !== undefined && namesFramingHeader(basics.connection)) return NAMES_FRAMING;
  const coding = basics.transferEncoding;
  if (coding !== undefined) {
    if (httpVersion === "1.0") return TE_ON_HTTP10;
    // node accepted it, so it ends in chunked; anything before that is another coding.
    if (coding.trim().toLowerCase() !== "chunked") return OTHER_CODING;
  }
  return undefined;
}
