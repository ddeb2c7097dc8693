/**
 * Every provider a scenario can name: its signer and the facts the loader checks against
 * (does it sign a timestamp, does it send the event in a header, what key signs it).
 */
import { WEBHOOK_PROVIDERS, type WebhookProvider } from "../../webhooks/providers.js";
import { signDiscordDelivery } from "./discord.js";
import { signGithubDelivery } from "./github.js";
import { signGitlabDelivery } from "./gitlab.js";
import { signLinearDelivery } from "./linear.js";
import { signPaddleDelivery } from "./paddle.js";
import { signPagerdutyDelivery } from "./pagerduty.js";
import { signShopifyDelivery } from "./shopify.js";
import { signSlackDelivery } from "./slack.js";
import { signSquareDelivery } from "./square.js";
import { signStandardWebhooksDelivery, signSvixDelivery } from "./standard-webhooks.js";
import { signStripeDelivery } from "./stripe.js";
import { signTwilioDelivery } from "./twilio.js";
import type { Signer } from "./types.js";

export type { DeliveryToSign, SignedDelivery, Signer } from "./types.js";

/** Every provider the gate verifies can be sent as a scenario: one list for both. */
export const SCENARIO_PROVIDERS = WEBHOOK_PROVIDERS;
export type ScenarioProvider = WebhookProvider;

export interface ProviderSpec {
  readonly sign: Signer;
  /** A signed timestamp the receiver checks, so timestamp-offset can make a delivery stale. */
  readonly timestamped: boolean;
  /** The header that carries `event`, when the provider sends one. */
  readonly eventHeader?: string;
  /** The event header has no sensible default: a scenario must name the event (or an example that does). */
  readonly eventRequired?: boolean;
  /** "ed25519": signed with a key pair generated per run (public key given to the app). */
  readonly key: "secret" | "ed25519";
  /** What the secret is called in the provider's dashboard, for messages. */
  readonly secretName: string;
  /** The header with the signature (or token): `tamper` alters it when no body byte is signed. */
  readonly signatureHeader: string;
  /** False when the body is not signed (GitLab's token): `tamper` then alters the token. */
  readonly signsBody: boolean;
}

export const PROVIDERS: Readonly<Record<ScenarioProvider, ProviderSpec>> = {
  github: {
    signatureHeader: "x-hub-signature-256",
    signsBody: true,
    sign: signGithubDelivery,
    timestamped: false,
    eventHeader: "X-GitHub-Event",
    eventRequired: true,
    key: "secret",
    secretName: "webhook secret",
  },
  stripe: {
    signatureHeader: "stripe-signature",
    signsBody: true,
    sign: signStripeDelivery,
    timestamped: true,
    key: "secret",
    secretName: "signing secret (whsec_...)",
  },
  slack: {
    signatureHeader: "x-slack-signature",
    signsBody: true,
    sign: signSlackDelivery,
    timestamped: true,
    key: "secret",
    secretName: "signing secret",
  },
  shopify: {
    signatureHeader: "x-shopify-hmac-sha256",
    signsBody: true,
    sign: signShopifyDelivery,
    timestamped: false,
    eventHeader: "X-Shopify-Topic",
    eventRequired: true,
    key: "secret",
    secretName: "app client secret",
  },
  twilio: {
    signatureHeader: "x-twilio-signature",
    signsBody: true,
    sign: signTwilioDelivery,
    timestamped: false,
    key: "secret",
    secretName: "auth token",
  },
  "standard-webhooks": {
    signatureHeader: "webhook-signature",
    signsBody: true,
    sign: signStandardWebhooksDelivery,
    timestamped: true,
    key: "secret",
    secretName: "signing secret (whsec_...)",
  },
  svix: {
    signatureHeader: "svix-signature",
    signsBody: true,
    sign: signSvixDelivery,
    timestamped: true,
    key: "secret",
    secretName: "signing secret (whsec_...)",
  },
  pagerduty: {
    signatureHeader: "x-pagerduty-signature",
    signsBody: true,
    sign: signPagerdutyDelivery,
    timestamped: false,
    key: "secret",
    secretName: "webhook secret",
  },
  gitlab: {
    signatureHeader: "x-gitlab-token",
    signsBody: false,
    sign: signGitlabDelivery,
    timestamped: false,
    eventHeader: "X-Gitlab-Event",
    eventRequired: true,
    key: "secret",
    secretName: "secret token",
  },
  linear: {
    signatureHeader: "linear-signature",
    signsBody: true,
    sign: signLinearDelivery,
    timestamped: true,
    eventHeader: "Linear-Event",
    key: "secret",
    secretName: "webhook signing secret",
  },
  square: {
    signatureHeader: "x-square-hmacsha256-signature",
    signsBody: true,
    sign: signSquareDelivery,
    timestamped: false,
    key: "secret",
    secretName: "signature key",
  },
  // Discord signs a timestamp but its verifier checks no tolerance; an offset is still allowed.
  discord: {
    signatureHeader: "x-signature-ed25519",
    signsBody: true,
    sign: signDiscordDelivery,
    timestamped: true,
    key: "ed25519",
    secretName: "public key",
  },
  paddle: {
    signatureHeader: "paddle-signature",
    signsBody: true,
    sign: signPaddleDelivery,
    timestamped: true,
    key: "secret",
    secretName: "secret key",
  },
};

export const TIMESTAMPED_PROVIDERS = SCENARIO_PROVIDERS.filter((p) => PROVIDERS[p].timestamped);
