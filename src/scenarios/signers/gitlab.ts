/**
 * GitLab: no signature, the secret token itself in X-Gitlab-Token (the gate's signer), with
 * X-Gitlab-Event and the UUID headers GitLab sends
 * (https://docs.gitlab.com/user/project/integrations/webhooks/#delivery-headers).
 */
import { gitlab } from "../../webhooks/gitlab.js";
import type { Signer } from "./types.js";

export const signGitlabDelivery: Signer = (d) => ({
  url: d.url,
  body: d.body,
  headers: {
    "User-Agent": "GitLab/18.0.0",
    "X-Gitlab-Event": d.event ?? "Push Hook",
    "X-Gitlab-Event-UUID": d.deliveryId,
    "X-Gitlab-Webhook-UUID": "00000000-0000-4000-8000-000000000001",
    "X-Gitlab-Instance": "https://gitlab.example.com",
    ...gitlab.sign({ body: d.body, url: d.url, nowSeconds: d.nowSeconds }, d.secret),
  },
});
