/** Paddle Billing: the gate's signer (Paddle-Signature ts=;h1=). */
import { paddle } from "../../webhooks/paddle.js";
import type { Signer } from "./types.js";

export const signPaddleDelivery: Signer = (d) => ({
  url: d.url,
  body: d.body,
  headers: {
    "User-Agent": "Paddle",
    ...paddle.sign({ body: d.body, url: d.url, nowSeconds: d.nowSeconds }, d.secret),
  },
});
