/**
 * Shopify: the gate's signer (X-Shopify-Hmac-Sha256) and the four other headers
 * @shopify/shopify-api's webhooks.validate() requires (topic, shop domain, API version,
 * webhook id), plus the triggered-at and event-id headers Shopify adds
 * (https://shopify.dev/docs/apps/build/webhooks/subscribe/https#step-2-validate-the-origin-of-your-webhook).
 * Override the shop or the API version with the scenario's `headers`.
 */
import { shopify } from "../../webhooks/shopify.js";
import type { Signer } from "./types.js";

export const SHOPIFY_API_VERSION = "2025-07";

export const signShopifyDelivery: Signer = (d) => ({
  url: d.url,
  body: d.body,
  headers: {
    "User-Agent": "Shopify-Captain-Hook",
    "X-Shopify-Topic": d.event ?? "orders/create",
    "X-Shopify-Shop-Domain": "preview-tunnel-test.myshopify.com",
    "X-Shopify-API-Version": SHOPIFY_API_VERSION,
    "X-Shopify-Webhook-Id": d.deliveryId,
    "X-Shopify-Event-Id": d.deliveryId,
    "X-Shopify-Triggered-At": new Date(d.nowSeconds * 1000).toISOString(),
    ...shopify.sign({ body: d.body, url: d.url, nowSeconds: d.nowSeconds }, d.secret),
  },
});
