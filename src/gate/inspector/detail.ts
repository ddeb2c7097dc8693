/**
 * One exchange in full, for the detail view and Replay: the recorder's own serializer turns
 * the captured exchange into its HAR entry, so headers and bodies are redacted exactly as in
 * the HAR (it runs only when someone opens a detail, not per request).
 */
import type { Redactor } from "../../util/secrets.js";
import type { HarEntry } from "../har.js";
import { JsonOut, Serializer } from "../har-serialize.js";
import { notReplayable } from "../replay.js";
import { requestPath } from "../request-path.js";
import { matchRoute, type WebhookRoute } from "../stages/webhook.js";
import { curlCommand } from "./curl.js";
import type { FeedItem } from "./feed.js";
import type { ExchangeDetail, RecordedBody } from "./protocol.js";
import { pathOf, shownPath, summarize } from "./summary.js";

export class Details {
  readonly #serializer: Serializer;
  readonly #out = new JsonOut(16 * 1024);
  readonly #redactor: Redactor;
  readonly #routes: readonly WebhookRoute[];

  constructor(redactor: Redactor, routes: readonly WebhookRoute[]) {
    this.#redactor = redactor;
    this.#serializer = new Serializer(redactor);
    this.#routes = routes;
  }

  /** The exchange's HAR entry as JSON text (as the recording has it), or undefined once dropped. */
  entryJson(item: FeedItem): string | undefined {
    const recorded = item.recorded;
    if (recorded === undefined) return undefined;
    const out = this.#out;
    out.reset();
    this.#serializer.write(out, recorded);
    return out.bytes().toString("utf8");
  }

  entry(item: FeedItem): HarEntry | undefined {
    const json = this.entryJson(item);
    return json === undefined ? undefined : (JSON.parse(json) as HarEntry);
  }

  /** Path and query to send a replay to: as received (not as URL parsing rewrites it), redacted. */
  path(item: FeedItem): string {
    return shownPath(item, this.#redactor);
  }

  /** The webhook route a replay of this request is signed for (a POST under a verify-webhooks path). */
  route(item: FeedItem): WebhookRoute | undefined {
    if (item.method !== "POST") return undefined;
    const pathname = pathOf(item.url).split("?")[0] ?? "/";
    const path = requestPath(pathname);
    return typeof path === "string" ? matchRoute(this.#routes, path) : undefined;
  }

  detail(item: FeedItem): ExchangeDetail {
    const summary = summarize(item, this.#redactor);
    const replays = item.replays ?? [];
    const entry = this.entry(item);
    const recorded = item.recorded;
    if (entry === undefined || recorded === undefined) {
      return {
        summary,
        kept: false,
        replays,
        notReplayable: "only the summary of this request is kept (older requests are dropped to save memory)",
      };
    }
    const post = entry.request.postData;
    const content = entry.response.content;
    const requestBody: RecordedBody | undefined =
      post === undefined
        ? undefined
        : {
            size: entry.request.bodySize,
            mimeType: post.mimeType,
            text: post.text,
            ...(post._encoding === undefined ? {} : { encoding: post._encoding }),
            truncated: post._truncated === true,
            ...(post.comment === undefined ? {} : { comment: post.comment }),
          };
    const responseBody: RecordedBody | undefined =
      content.size === 0
        ? undefined
        : {
            size: content.size,
            mimeType: content.mimeType,
            ...(content.text === undefined ? {} : { text: content.text }),
            ...(content.encoding === undefined ? {} : { encoding: content.encoding }),
            truncated: recorded.reply.size > recorded.reply.kept,
            ...(content.comment === undefined ? {} : { comment: content.comment }),
          };
    const refused = notReplayable(entry, new URL(entry.request.url).pathname);
    const route = this.route(item);
    return {
      summary,
      kept: true,
      url: entry.request.url,
      httpVersion: entry.request.httpVersion,
      requestHeaders: entry.request.headers,
      responseHeaders: entry.response.headers,
      statusText: entry.response.statusText,
      ...(requestBody === undefined ? {} : { requestBody }),
      ...(responseBody === undefined ? {} : { responseBody }),
      timings: { send: entry.timings.send, wait: entry.timings.wait, receive: entry.timings.receive },
      curl: curlCommand(entry, item.id),
      replays,
      ...(refused === undefined ? {} : { notReplayable: refused }),
      ...(route === undefined ? {} : { signsAs: route.rule.provider }),
    };
  }
}
