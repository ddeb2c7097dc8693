/** PagerDuty v3: the gate's signer (X-PagerDuty-Signature v1=) and its delivery headers. */
import { pagerduty } from "../../webhooks/pagerduty.js";
import type { Signer } from "./types.js";

export const signPagerdutyDelivery: Signer = (d) => ({
  url: d.url,
  body: d.body,
  headers: {
    "User-Agent": "PagerDuty-Webhook/V3.0",
    "X-Webhook-Id": d.deliveryId,
    "X-Webhook-Subscription": "PSUBSCR",
    ...pagerduty.sign({ body: d.body, url: d.url, nowSeconds: d.nowSeconds }, d.secret),
  },
});
