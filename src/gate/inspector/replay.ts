/**
 * Replay from the page: the recorded request (redacted as in the HAR, so without anyone's
 * credentials, cookies or signatures), optionally with edited headers and body, sent again
 * THROUGH THE GATE on loopback, so it is verified, recorded and listed like any request. It
 * carries a single-use ticket (tickets.ts) instead of credentials: the gate lets it in as the
 * reviewer who pressed Replay. A POST under a verify-webhooks path is signed again with that
 * route's secret and a fresh timestamp, as `preview-tunnel replay` does (signAgain).
 */
import http from "node:http";
import type { HarNameValue } from "../har.js";
import { notReplayable, recordedBody, replayHeaders, signAgain } from "../replay.js";
import type { Details } from "./detail.js";
import type { FeedItem } from "./feed.js";
import type { ReplayEdits, ReplayOutcome } from "./protocol.js";
import { REPLAY_HEADER, type ReplayTickets } from "./tickets.js";

/** Where the gate listens on loopback. */
export interface GateAddress {
  readonly host: string;
  readonly port: number;
}

/** Who pressed Replay, as the gate's user auth established it. */
export interface Replayer {
  readonly user: string | undefined;
  readonly clientIp: string | undefined;
}

export interface ReplayOptions {
  readonly details: Details;
  readonly tickets: ReplayTickets;
  /** The gate's loopback address; undefined until it listens. */
  readonly gate: () => GateAddress | undefined;
  /**
   * The header the gate trusts from loopback for the client's address (its clientIpHeader),
   * so the replay passes allow-cidrs as the reviewer and is listed with their address.
   */
  readonly clientIpHeader: string | undefined;
  readonly timeoutMs: number;
  /** How long to wait, after the response, for the gate to list the new exchange. */
  readonly listedWithinMs: number;
}

export type ReplayAnswer =
  | { readonly ok: true; readonly outcome: ReplayOutcome }
  | { readonly ok: false; readonly status: number; readonly error: string };

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const BAD_VALUE = /[\r\n\0]/;

const refused = (status: number, error: string): ReplayAnswer => ({ ok: false, status, error });

/** The edits from the page, checked: the edits, or why they are refused. */
export function checkEdits(value: unknown): ReplayEdits | string {
  if (value === null || typeof value !== "object" || Array.isArray(value))
    return "the body must be a JSON object";
  const edits = value as Record<string, unknown>;
  for (const key of Object.keys(edits)) {
    if (!["headers", "body", "bodyBase64", "sign"].includes(key)) return `unknown field "${key}"`;
  }
  if (edits.headers !== undefined) {
    if (!Array.isArray(edits.headers)) return '"headers" must be a list of [name, value] pairs';
    for (const pair of edits.headers) {
      if (
        !Array.isArray(pair) ||
        pair.length !== 2 ||
        typeof pair[0] !== "string" ||
        typeof pair[1] !== "string"
      )
        return '"headers" must be a list of [name, value] pairs';
      if (!TOKEN.test(pair[0])) return `header name ${JSON.stringify(pair[0])} is not a valid HTTP token`;
      if (BAD_VALUE.test(pair[1])) return `the value of ${pair[0]} must not hold CR, LF or NUL`;
    }
  }
  if (edits.body !== undefined && typeof edits.body !== "string") return '"body" must be a string';
  if (edits.bodyBase64 !== undefined) {
    if (typeof edits.bodyBase64 !== "string" || !/^[A-Za-z0-9+/]*={0,2}$/.test(edits.bodyBase64))
      return '"bodyBase64" must be base64';
    if (edits.body !== undefined) return 'give "body" or "bodyBase64", not both';
  }
  if (edits.sign !== undefined && typeof edits.sign !== "boolean") return '"sign" must be true or false';
  return edits as ReplayEdits;
}

export async function replay(
  item: FeedItem,
  edits: ReplayEdits,
  who: Replayer,
  options: ReplayOptions,
): Promise<ReplayAnswer> {
  const entry = options.details.entry(item);
  if (entry === undefined)
    return refused(409, "only the summary of this request is kept; it cannot be replayed");
  const url = new URL(entry.request.url);
  const newBody =
    edits.bodyBase64 !== undefined
      ? Buffer.from(edits.bodyBase64, "base64")
      : edits.body !== undefined
        ? Buffer.from(edits.body, "utf8")
        : undefined;
  const why = notReplayable(entry, url.pathname);
  // A body recorded only in part can still be sent when the edit gives one.
  if (why !== undefined && !(newBody !== undefined && why.startsWith("the request body")))
    return refused(409, why);
  const body = newBody ?? recordedBody(entry) ?? Buffer.alloc(0);
  const recordedHeaders: readonly HarNameValue[] =
    edits.headers === undefined
      ? entry.request.headers
      : edits.headers.map(([name, value]) => ({ name, value }));
  const { headers } = replayHeaders(recordedHeaders);
  delete headers[REPLAY_HEADER];

  let path = options.details.path(item);
  const route = edits.sign === false ? undefined : options.details.route(item);
  if (route !== undefined) {
    const signed = signAgain(route.scheme, route.rule.secret, { body, signBase: url.origin, path, headers });
    Object.assign(headers, signed.headers);
    path = signed.path;
  }
  const gate = options.gate();
  if (gate === undefined) return refused(503, "the gate is not listening yet");
  const ticket = options.tickets.issue(item.id, who.user);
  if (ticket === undefined) return refused(429, "too many replays waiting; try again in a moment");
  const sendsBody = item.method !== "GET" && item.method !== "HEAD";
  headers.host = url.host;
  headers[REPLAY_HEADER] = ticket.value;
  if (sendsBody) headers["content-length"] = String(body.length);
  if (options.clientIpHeader !== undefined && who.clientIp !== undefined)
    headers[options.clientIpHeader] = who.clientIp;

  let status: number;
  try {
    status = await send(gate, item.method, path, headers, sendsBody ? body : undefined, options.timeoutMs);
  } catch (error) {
    return refused(502, `the replay did not get an answer: ${(error as Error).message}`);
  }
  const id = await within(ticket.recorded, options.listedWithinMs);
  return {
    ok: true,
    outcome: {
      replayOf: item.id,
      status,
      ...(id === undefined ? {} : { id }),
      ...(route === undefined ? {} : { signedAs: route.rule.provider }),
    },
  };
}

/** One request on a fresh connection; resolves with the status once the response is read. */
function send(
  gate: GateAddress,
  method: string,
  path: string,
  headers: Record<string, string>,
  body: Buffer | undefined,
  timeoutMs: number,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: gate.host, port: gate.port, method, path, headers, agent: false, setHost: false },
      (response) => {
        response.resume();
        response.once("end", () => resolve(response.statusCode ?? 0));
        response.once("error", reject);
      },
    );
    request.setTimeout(timeoutMs, () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.once("error", reject);
    request.end(body);
  });
}

/** The promise's value, or undefined after `ms`. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}
