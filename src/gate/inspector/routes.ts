/**
 * The inspector's routes under /__preview/inspect, for requests the gate's user auth already
 * let in (index.ts):
 *
 *   GET  /                 the page          GET  /app.js, /app.css, /icon.svg   its assets
 *   GET  /events           Server-Sent Events (JSON with Accept: application/json, for polling)
 *   GET  /requests/:id     one exchange in full (JSON)
 *   POST /replay/:id       replay (JSON edits), same-origin only
 *   GET  /har              the HAR so far
 *
 * Every answer is uncacheable (but the hashed assets), nosniff, and readable by this origin
 * only (Cross-Origin-Resource-Policy); the page's has the strict CSP.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { pipeline } from "node:stream/promises";
import { type Answer, assetAnswer, htmlAnswer, jsonAnswer, textAnswer, writeAnswer } from "../answer.js";
import { BodyTooLargeError, readBody } from "../limits.js";
import { isSameOrigin } from "../request-guard.js";
import type { Details } from "./detail.js";
import type { Feed } from "./feed.js";
import { feedHar, type HarSnapshot } from "./har-download.js";
import { pageAssets } from "./page.js";
import { INSPECT_PATH } from "./protocol.js";
import { checkEdits, type Replayer, type ReplayOptions, replay } from "./replay.js";
import { type EventStreams, resumeId } from "./streams.js";

export interface RouteContext {
  readonly feed: Feed;
  readonly details: Details;
  readonly streams: EventStreams;
  readonly replay: ReplayOptions;
  readonly har: HarSnapshot | undefined;
  /** The preview's public origin (https://...), when known: what a same-origin POST names. */
  readonly publicOrigin: () => string | undefined;
  readonly maxEditBytes: number;
  readonly onError: (what: string, error: unknown) => void;
}

const SAME_ORIGIN_ONLY = { "cross-origin-resource-policy": "same-origin" } as const;
const HAR_NAME = "preview-requests.har";

function answer(res: ServerResponse, a: Answer): void {
  writeAnswer(res, { ...a, headers: { ...a.headers, ...SAME_ORIGIN_ONLY } });
}

function json(res: ServerResponse, status: number, data: unknown): void {
  answer(res, jsonAnswer(status, data));
}

function error(
  res: ServerResponse,
  status: number,
  message: string,
  extra: Record<string, string> = {},
): void {
  const a = jsonAnswer(status, { error: message });
  answer(res, { ...a, headers: { ...a.headers, ...extra } });
}

function methodNotAllowed(res: ServerResponse, allowed: string): void {
  error(res, 405, `use ${allowed.replace(", HEAD", "")} here`, { allow: allowed });
}

const ID = /^[1-9]\d{0,14}$/;

type ReadRoute = "page" | "script" | "style" | "icon" | "events" | "har" | "request";

function readRoute(first: string, id: string | undefined, rest: number): ReadRoute | undefined {
  if (rest > 0) return undefined;
  if (id === undefined) {
    const routes: Record<string, ReadRoute> = {
      "": "page",
      "app.js": "script",
      "app.css": "style",
      "icon.svg": "icon",
      events: "events",
      har: "har",
    };
    return Object.hasOwn(routes, first) ? routes[first] : undefined;
  }
  return first === "requests" ? "request" : undefined;
}

/** Answers `sub`, the path after /__preview/inspect ("" or "/" for the page itself). */
export function route(
  req: IncomingMessage,
  res: ServerResponse,
  sub: string,
  who: Replayer,
  ctx: RouteContext,
) {
  const method = req.method ?? "GET";
  const [, first = "", id, ...rest] = sub.split("/");
  if (first === "replay" && id !== undefined && rest.length === 0) {
    if (method !== "POST") return methodNotAllowed(res, "POST");
    void postReplay(req, res, id, who, ctx);
    return;
  }
  const read = readRoute(first, id, rest.length);
  if (read === undefined) return error(res, 404, `${INSPECT_PATH}${sub} is not a page of the inspector`);
  if (method !== "GET" && method !== "HEAD") return methodNotAllowed(res, "GET, HEAD");
  const assets = pageAssets();
  switch (read) {
    case "page":
      return answer(res, htmlAnswer(200, assets.html));
    case "script":
      return answer(res, assetAnswer("text/javascript; charset=utf-8", assets.js.body));
    case "style":
      return answer(res, assetAnswer("text/css; charset=utf-8", assets.css.body));
    case "icon":
      return answer(res, assetAnswer("image/svg+xml", assets.icon.body));
    case "events":
      return events(req, res, ctx);
    case "request": {
      const item = id !== undefined && ID.test(id) ? ctx.feed.get(Number(id)) : undefined;
      if (item === undefined) return error(res, 404, `request ${id} is not kept (or never was)`);
      return json(res, 200, ctx.details.detail(item));
    }
    case "har":
      void downloadHar(res, ctx);
      return;
  }
}

function events(req: IncomingMessage, res: ServerResponse, ctx: RouteContext) {
  const q = (req.url ?? "").indexOf("?");
  const query = new URLSearchParams(q === -1 ? "" : (req.url ?? "").slice(q + 1));
  const after = resumeId(req, query);
  if (req.headers.accept?.includes("application/json")) return json(res, 200, ctx.streams.poll(after));
  if (req.method === "HEAD") return answer(res, textAnswer(200, "event stream"));
  if (!ctx.streams.start(res, after)) {
    error(res, 503, "too many open inspector pages; close one and reload", { "retry-after": "5" });
  }
}

async function postReplay(
  req: IncomingMessage,
  res: ServerResponse,
  idText: string,
  who: Replayer,
  ctx: RouteContext,
): Promise<void> {
  // CSRF: a cross-site page can neither send this (Sec-Fetch-Site / Origin) nor make it JSON
  // without a CORS preflight, which nothing here answers.
  if (!isSameOrigin(req.headers, ctx.publicOrigin())) {
    req.resume();
    return error(res, 403, "replay must come from the inspector page itself (same origin)");
  }
  if (!/^application\/json\b/i.test(req.headers["content-type"] ?? "")) {
    req.resume();
    return error(res, 415, "send the replay's edits as application/json");
  }
  const item = ID.test(idText) ? ctx.feed.get(Number(idText)) : undefined;
  if (item === undefined) {
    req.resume();
    return error(res, 404, `request ${idText} is not kept (or never was)`);
  }
  let body: Buffer;
  try {
    body = await readBody(req, ctx.maxEditBytes);
  } catch (e) {
    if (e instanceof BodyTooLargeError) return error(res, 413, e.message, { connection: "close" });
    res.destroy();
    return;
  }
  let parsed: unknown;
  try {
    parsed = body.length === 0 ? {} : JSON.parse(body.toString("utf8"));
  } catch {
    return error(res, 400, "the edits are not JSON");
  }
  const edits = checkEdits(parsed);
  if (typeof edits === "string") return error(res, 400, edits);
  try {
    const result = await replay(item, edits, who, ctx.replay);
    if (result.ok) json(res, 200, result.outcome);
    else error(res, result.status, result.error);
  } catch (e) {
    ctx.onError("replay", e);
    error(res, 500, "the replay failed in the gate");
  }
}

async function downloadHar(res: ServerResponse, ctx: RouteContext): Promise<void> {
  const headers = {
    "content-type": "application/json; charset=utf-8",
    "content-disposition": `attachment; filename="${HAR_NAME}"`,
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    ...SAME_ORIGIN_ONLY,
  };
  if (ctx.har === undefined) {
    const body = feedHar(ctx.feed, ctx.details);
    res.writeHead(200, { ...headers, "content-length": String(body.length) });
    res.end(res.req?.method === "HEAD" ? undefined : body);
    return;
  }
  try {
    const snapshot = await ctx.har();
    res.writeHead(200, headers);
    if (res.req?.method === "HEAD") {
      res.end();
      return;
    }
    await pipeline(snapshot, res);
  } catch (e) {
    ctx.onError("HAR download", e);
    if (!res.headersSent) error(res, 500, "the recording could not be read");
    else res.destroy();
  }
}
