/**
 * The webhook providers whose signatures the run knows: the gate verifies them
 * (verify-webhooks), the scenarios sign deliveries as they do, replay signs again. One list
 * for all three, below the parts that share it.
 */
export const WEBHOOK_PROVIDERS = [
  "github",
  "stripe",
  "slack",
  "shopify",
  "twilio",
  "standard-webhooks",
  "svix",
  "pagerduty",
  "gitlab",
  "linear",
  "square",
  "discord",
  "paddle",
] as const;
export type WebhookProvider = (typeof WEBHOOK_PROVIDERS)[number];

export function isWebhookProvider(name: string): name is WebhookProvider {
  return WEBHOOK_PROVIDERS.some((provider) => provider === name);
}
