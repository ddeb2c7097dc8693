/**
 * Webhook signature schemes, one per provider: how each signs a delivery and how it is
 * verified. Shared by the gate (verify-webhooks), the scenarios (signed deliveries) and replay.
 */

import { discord } from "./discord.js";
import { github } from "./github.js";
import { gitlab } from "./gitlab.js";
import { linear } from "./linear.js";
import { paddle } from "./paddle.js";
import { pagerduty } from "./pagerduty.js";
import type { WebhookProvider } from "./providers.js";
import { shopify } from "./shopify.js";
import { slack } from "./slack.js";
import { square } from "./square.js";
import { standardWebhooks, svix } from "./standard-webhooks.js";
import { stripe } from "./stripe.js";
import { twilio } from "./twilio.js";
import type { WebhookScheme } from "./types.js";

export type { SignedRequest, SignInput, Verdict, WebhookScheme } from "./types.js";

export const SCHEMES: Readonly<Record<WebhookProvider, WebhookScheme>> = {
  github,
  stripe,
  slack,
  shopify,
  twilio,
  "standard-webhooks": standardWebhooks,
  svix,
  pagerduty,
  gitlab,
  linear,
  square,
  discord,
  paddle,
};

/** Every header any provider uses for a signature or token (redacted in recordings). */
export const SIGNATURE_HEADERS: ReadonlySet<string> = new Set(
  Object.values(SCHEMES).flatMap((s) => s.signatureHeaders),
);
