/**
 * Linear: sets `webhookTimestamp` (ms) in the JSON body, since that signed field is what
 * @linear/sdk checks for freshness, then signs with the gate's signer (Linear-Signature).
 * Headers as Linear sends them (https://linear.app/developers/webhooks).
 */
import { linear } from "../../webhooks/linear.js";
import type { Signer } from "./types.js";

/** The body with webhookTimestamp set, or the body as is when it is not a JSON object. */
export function withWebhookTimestamp(body: Buffer, timestampMs: number): Buffer {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString("utf8"));
  } catch {
    return body;
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return body;
  return Buffer.from(JSON.stringify({ ...parsed, webhookTimestamp: timestampMs }));
}

function entityType(body: Buffer): string | undefined {
  try {
    const type = (JSON.parse(body.toString("utf8")) as { type?: unknown }).type;
    return typeof type === "string" ? type : undefined;
  } catch {
    return undefined;
  }
}

export const signLinearDelivery: Signer = (d) => {
  const body = withWebhookTimestamp(d.body, d.nowSeconds * 1000);
  return {
    url: d.url,
    body,
    headers: {
      "User-Agent": "Linear-Webhook",
      "Linear-Delivery": d.deliveryId,
      "Linear-Event": d.event ?? entityType(body) ?? "Issue",
      "Linear-Timestamp": String(d.nowSeconds * 1000),
      ...linear.sign({ body, url: d.url, nowSeconds: d.nowSeconds }, d.secret),
    },
  };
};
