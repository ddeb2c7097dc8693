/**
 * Stripe: Event objects shaped like https://docs.stripe.com/api/events/object with the
 * objects of https://docs.stripe.com/api (checkout sessions, payment intents, charges,
 * customers, subscriptions, invoices), trimmed to the fields apps commonly read. Each event
 * type has its own event id (`evt_...`, derived from the type), so an app that deduplicates by
 * event id tells the events of a list apart; `duplicate: true` resends the same one.
 */
import { createHash } from "node:crypto";
import { json, type PayloadExample, PREVIEW_URL } from "./types.js";

const CREATED = 1735732800;
const CUSTOMER = "cus_PreviewTunnel";
const SUBSCRIPTION = "sub_1PreviewTunnel";
const INVOICE = "in_1PreviewTunnel";
const PAYMENT_INTENT = "pi_3PreviewTunnel";
const CHARGE = "ch_3PreviewTunnel";

function eventId(type: string): string {
  return `evt_1PT${createHash("sha256").update(type).digest("hex").slice(0, 20)}`;
}

const event = (type: string, object: Record<string, unknown>, previous?: Record<string, unknown>) =>
  json({
    id: eventId(type),
    object: "event",
    api_version: "2025-06-30.basil",
    created: CREATED,
    data: previous ? { object, previous_attributes: previous } : { object },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
  });

const checkoutSession = (status: string, paymentStatus: string) => ({
  id: "cs_test_a1PreviewTunnel",
  object: "checkout.session",
  amount_subtotal: 2000,
  amount_total: 2000,
  currency: "usd",
  customer: CUSTOMER,
  customer_details: { email: "jenny.rosen@example.com", name: "Jenny Rosen" },
  mode: "payment",
  payment_intent: PAYMENT_INTENT,
  payment_status: paymentStatus,
  status,
  success_url: `${PREVIEW_URL}/success`,
  metadata: {},
});

const paymentIntent = (status: string, extra: Record<string, unknown> = {}) => ({
  id: PAYMENT_INTENT,
  object: "payment_intent",
  amount: 2000,
  amount_received: status === "succeeded" ? 2000 : 0,
  currency: "usd",
  customer: CUSTOMER,
  latest_charge: CHARGE,
  payment_method: "pm_card_visa",
  payment_method_types: ["card"],
  status,
  metadata: {},
  ...extra,
});

const charge = (status: string, refunded: boolean) => ({
  id: CHARGE,
  object: "charge",
  amount: 2000,
  amount_captured: 2000,
  amount_refunded: refunded ? 2000 : 0,
  currency: "usd",
  customer: CUSTOMER,
  paid: status === "succeeded",
  payment_intent: PAYMENT_INTENT,
  refunded,
  status,
  receipt_email: "jenny.rosen@example.com",
  metadata: {},
});

const customer = {
  id: CUSTOMER,
  object: "customer",
  created: CREATED,
  email: "jenny.rosen@example.com",
  name: "Jenny Rosen",
  metadata: {},
};

const subscription = (status: string, extra: Record<string, unknown> = {}) => ({
  id: SUBSCRIPTION,
  object: "subscription",
  customer: CUSTOMER,
  status,
  cancel_at_period_end: false,
  created: CREATED,
  start_date: CREATED,
  items: {
    object: "list",
    data: [
      {
        id: "si_PreviewTunnel",
        object: "subscription_item",
        quantity: 1,
        current_period_start: CREATED,
        current_period_end: CREATED + 30 * 86_400,
        price: {
          id: "price_1PreviewTunnel",
          object: "price",
          currency: "usd",
          unit_amount: 2000,
          recurring: { interval: "month", interval_count: 1 },
          product: "prod_PreviewTunnel",
        },
      },
    ],
  },
  metadata: {},
  ...extra,
});

const invoice = (status: string, paid: boolean) => ({
  id: INVOICE,
  object: "invoice",
  customer: CUSTOMER,
  amount_due: 2000,
  amount_paid: paid ? 2000 : 0,
  amount_remaining: paid ? 0 : 2000,
  attempt_count: 1,
  billing_reason: "subscription_cycle",
  currency: "usd",
  hosted_invoice_url: "https://invoice.stripe.com/i/acct_PreviewTunnel/test_PreviewTunnel",
  parent: { type: "subscription_details", subscription_details: { subscription: SUBSCRIPTION } },
  status,
  metadata: {},
});

export const STRIPE_EXAMPLES: Readonly<Record<string, PayloadExample>> = {
  "checkout.session.completed": event("checkout.session.completed", checkoutSession("complete", "paid")),
  "payment_intent.succeeded": event("payment_intent.succeeded", paymentIntent("succeeded")),
  "checkout.session.expired": event("checkout.session.expired", checkoutSession("expired", "unpaid")),
  "checkout.session.async_payment_succeeded": event(
    "checkout.session.async_payment_succeeded",
    checkoutSession("complete", "paid"),
  ),
  "checkout.session.async_payment_failed": event(
    "checkout.session.async_payment_failed",
    checkoutSession("complete", "unpaid"),
  ),
  "payment_intent.created": event("payment_intent.created", paymentIntent("requires_payment_method")),
  "payment_intent.payment_failed": event(
    "payment_intent.payment_failed",
    paymentIntent("requires_payment_method", {
      last_payment_error: {
        code: "card_declined",
        decline_code: "generic_decline",
        message: "Your card was declined.",
        type: "card_error",
      },
    }),
  ),
  "payment_intent.canceled": event(
    "payment_intent.canceled",
    paymentIntent("canceled", { cancellation_reason: "requested_by_customer" }),
  ),
  "charge.succeeded": event("charge.succeeded", charge("succeeded", false)),
  "charge.failed": event("charge.failed", charge("failed", false)),
  "charge.refunded": event("charge.refunded", charge("succeeded", true)),
  "customer.created": event("customer.created", customer),
  "customer.updated": event("customer.updated", customer, { email: "jenny@example.com" }),
  "customer.deleted": event("customer.deleted", { ...customer, deleted: true }),
  "customer.subscription.created": event("customer.subscription.created", subscription("incomplete")),
  "customer.subscription.updated": event("customer.subscription.updated", subscription("active"), {
    status: "incomplete",
  }),
  "customer.subscription.deleted": event(
    "customer.subscription.deleted",
    subscription("canceled", { canceled_at: CREATED + 86_400, ended_at: CREATED + 86_400 }),
  ),
  "customer.subscription.trial_will_end": event(
    "customer.subscription.trial_will_end",
    subscription("trialing", { trial_end: CREATED + 3 * 86_400 }),
  ),
  "invoice.created": event("invoice.created", invoice("draft", false)),
  "invoice.finalized": event("invoice.finalized", invoice("open", false)),
  "invoice.paid": event("invoice.paid", invoice("paid", true)),
  "invoice.payment_succeeded": event("invoice.payment_succeeded", invoice("paid", true)),
  "invoice.payment_failed": event("invoice.payment_failed", invoice("open", false)),
};
