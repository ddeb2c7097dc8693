/** Stripe: the gate's signer (Stripe-Signature t=,v1=); the event type lives in the body. */
import { stripe } from "../../webhooks/stripe.js";
import type { Signer } from "./types.js";

export const signStripeDelivery: Signer = (d) => ({
  url: d.url,
  body: d.body,
  headers: {
    "User-Agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
    ...stripe.sign({ body: d.body, url: d.url, nowSeconds: d.nowSeconds }, d.secret),
  },
});
