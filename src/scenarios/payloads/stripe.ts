/**
 * Stripe: Event objects shaped like https://docs.stripe.com/api/events/object with the
 * objects of https://docs.stripe.com/api/checkout/sessions/object and
 * https://docs.stripe.com/api/payment_intents/object, trimmed.
 */
import { json, type PayloadExample, PREVIEW_URL } from "./types.js";

const event = (type: string, object: Record<string, unknown>) => ({
  id: "evt_1PreviewTunnel0000000000",
  object: "event",
  api_version: "2025-06-30.basil",
  created: 1735732800,
  data: { object },
  livemode: false,
  pending_webhooks: 1,
  request: { id: null, idempotency_key: null },
  type,
});

export const STRIPE_EXAMPLES: Readonly<Record<string, PayloadExample>> = {
  "checkout.session.completed": json(
    event("checkout.session.completed", {
      id: "cs_test_a1PreviewTunnel",
      object: "checkout.session",
      amount_subtotal: 2000,
      amount_total: 2000,
      currency: "usd",
      customer: "cus_PreviewTunnel",
      customer_details: { email: "jenny.rosen@example.com", name: "Jenny Rosen" },
      mode: "payment",
      payment_intent: "pi_3PreviewTunnel",
      payment_status: "paid",
      status: "complete",
      success_url: `${PREVIEW_URL}/success`,
      metadata: {},
    }),
  ),
  "payment_intent.succeeded": json(
    event("payment_intent.succeeded", {
      id: "pi_3PreviewTunnel",
      object: "payment_intent",
      amount: 2000,
      amount_received: 2000,
      currency: "usd",
      customer: "cus_PreviewTunnel",
      payment_method: "pm_card_visa",
      payment_method_types: ["card"],
      status: "succeeded",
      metadata: {},
    }),
  ),
};
