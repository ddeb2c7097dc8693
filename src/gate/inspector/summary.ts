/** One exchange's line in the list, redacted as the HAR is (made when first sent, then kept). */
import type { Redactor } from "../../util/secrets.js";
import { rawHeader } from "../headers.js";
import type { FeedItem } from "./feed.js";
import type { ExchangeSummary } from "./protocol.js";

/** Path and query of an absolute URL ("https://host/a?b" -> "/a?b"). */
export function pathOf(url: string): string {
  const scheme = url.indexOf("://");
  if (scheme === -1) return url;
  const slash = url.indexOf("/", scheme + 3);
  return slash === -1 ? "/" : url.slice(slash);
}

/** Path and query as the list shows them and replay sends them: as received, known secrets replaced. */
export function shownPath(item: FeedItem, redactor: Redactor): string {
  // As the HAR writes URLs: a plain word, so the path stays a valid URI.
  return pathOf(redactor.redact(item.url, "redacted"));
}

export function summarize(item: FeedItem, redactor: Redactor): ExchangeSummary {
  const contentType = rawHeader(item.responseHeaders, "content-type")?.split(";")[0]?.trim();
  return {
    id: item.id,
    startedAt: item.startedAt,
    method: item.method,
    path: shownPath(item, redactor),
    status: item.status,
    durationMs: Math.round(item.durationMs * 1000) / 1000,
    requestBytes: item.requestBytes,
    responseBytes: item.responseBytes,
    ...(item.client === undefined ? {} : { client: item.client }),
    ...(item.webhook === undefined
      ? {}
      : {
          webhook: {
            provider: item.webhook.provider,
            ok: item.webhook.ok,
            ...(item.webhook.reason === undefined ? {} : { reason: redactor.redact(item.webhook.reason) }),
          },
        }),
    ...(item.service === undefined ? {} : { service: item.service }),
    ...(item.replayOf === undefined ? {} : { replayOf: item.replayOf }),
    ...(item.notes === undefined ? {} : { note: redactor.redact(item.notes.join("; ")) }),
    ...(contentType ? { contentType } : {}),
  };
}

/** The summary as JSON, made once per exchange and shared by every stream and poll. */
export function summaryJson(item: FeedItem, redactor: Redactor): string {
  item.json ??= JSON.stringify(summarize(item, redactor));
  return item.json;
}
