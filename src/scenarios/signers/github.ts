/**
 * GitHub: the gate's signer (X-Hub-Signature-256) plus the headers GitHub sends with every
 * delivery (https://docs.github.com/en/webhooks/webhook-events-and-payloads#delivery-headers).
 */
import { github } from "../../webhooks/github.js";
import type { Signer } from "./types.js";

export const signGithubDelivery: Signer = (d) => ({
  url: d.url,
  body: d.body,
  headers: {
    "User-Agent": "GitHub-Hookshot/preview-tunnel",
    "X-GitHub-Event": d.event ?? "ping",
    "X-GitHub-Delivery": d.deliveryId,
    "X-GitHub-Hook-ID": "1",
    "X-GitHub-Hook-Installation-Target-Type": "repository",
    "X-GitHub-Hook-Installation-Target-ID": "1",
    ...github.sign({ body: d.body, url: d.url, nowSeconds: d.nowSeconds }, d.secret),
  },
});
