/**
 * Square: the gate's signer over notification URL + body, with the headers Square sends
 * (https://developer.squareup.com/docs/webhooks/step3validate).
 */
import { square } from "../../webhooks/square.js";
import type { Signer } from "./types.js";

export const signSquareDelivery: Signer = (d) => ({
  url: d.url,
  body: d.body,
  headers: {
    "User-Agent": "Square Connect v2",
    "Square-Version": "2025-07-16",
    "Square-Environment": "Sandbox",
    "Square-Initial-Delivery-Timestamp": new Date(d.nowSeconds * 1000).toISOString(),
    "Square-Retry-Number": "0",
    ...square.sign({ body: d.body, url: d.url, nowSeconds: d.nowSeconds }, d.secret),
  },
});
