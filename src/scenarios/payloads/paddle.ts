/**
 * Paddle Billing: transaction.completed in the notification envelope of
 * https://developer.paddle.com/webhooks/transactions/transaction-completed, trimmed.
 */
import { json, type PayloadExample, PREVIEW_URL } from "./types.js";

export const PADDLE_EXAMPLES: Readonly<Record<string, PayloadExample>> = {
  "transaction.completed": json({
    event_id: "evt_01hv8x2acma2gz2np2arh3p3ax",
    event_type: "transaction.completed",
    occurred_at: "2025-01-01T12:00:00.000000Z",
    notification_id: "ntf_01hv8x2afkp3x4gbxm6xvy0cjy",
    data: {
      id: "txn_01hv8wptq8987qeep44cyrewp9",
      status: "completed",
      customer_id: "ctm_01hv6y1jedq4p1n0yqn5ba3ky4",
      address_id: "add_01hv8gq3318ktkfengj2r75gfx",
      business_id: null,
      custom_data: null,
      origin: "web",
      collection_mode: "automatic",
      subscription_id: "sub_01hv8x29kz0t586xy6zn1a62ny",
      invoice_id: null,
      invoice_number: null,
      billing_details: null,
      billing_period: null,
      currency_code: "USD",
      discount_id: null,
      created_at: "2025-01-01T11:59:00.000000Z",
      updated_at: "2025-01-01T12:00:00.000000Z",
      billed_at: "2025-01-01T12:00:00.000000Z",
      items: [],
      details: null,
      payments: [],
      checkout: { url: `${PREVIEW_URL}/pay` },
    },
  }),
};
