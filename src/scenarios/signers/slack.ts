/** Slack: the gate's signer (X-Slack-Signature v0= with X-Slack-Request-Timestamp). */
import { slack } from "../../webhooks/slack.js";
import type { Signer } from "./types.js";

export const signSlackDelivery: Signer = (d) => ({
  url: d.url,
  body: d.body,
  headers: {
    "User-Agent": "Slackbot 1.0 (+https://api.slack.com/robots)",
    ...slack.sign({ body: d.body, url: d.url, nowSeconds: d.nowSeconds }, d.secret),
  },
});
