/**
 * Standard Webhooks and Svix: the gate's signers (webhook-id/-timestamp/-signature, or the
 * svix- names). The message id is derived from the delivery id so the signer stays pure.
 */
import { standardWebhooks, svix } from "../../webhooks/standard-webhooks.js";
import type { DeliveryToSign, Signer } from "./types.js";

const messageId = (d: DeliveryToSign) => `msg_${d.deliveryId.replaceAll("-", "")}`;

export const signStandardWebhooksDelivery: Signer = (d) => ({
  url: d.url,
  body: d.body,
  headers: standardWebhooks.sign(
    { body: d.body, url: d.url, nowSeconds: d.nowSeconds, headers: { "webhook-id": messageId(d) } },
    d.secret,
  ),
});

export const signSvixDelivery: Signer = (d) => ({
  url: d.url,
  body: d.body,
  headers: {
    "User-Agent": "Svix-Webhooks/1.0",
    ...svix.sign(
      { body: d.body, url: d.url, nowSeconds: d.nowSeconds, headers: { "svix-id": messageId(d) } },
      d.secret,
    ),
  },
});
