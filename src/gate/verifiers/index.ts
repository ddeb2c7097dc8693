import type { WebhookProvider } from "../../config/gate-parse.js";
import { discord } from "./discord.js";
import { github } from "./github.js";
import { gitlab } from "./gitlab.js";
import { linear } from "./linear.js";
import { paddle } from "./paddle.js";
import { pagerduty } from "./pagerduty.js";
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
