import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);

// src/webhooks/providers.ts
var WEBHOOK_PROVIDERS = [
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
  "paddle"
];
function isWebhookProvider(name) {
  return WEBHOOK_PROVIDERS.some((provider) => provider === name);
}

export {
  WEBHOOK_PROVIDERS,
  isWebhookProvider
};
