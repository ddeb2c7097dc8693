/**
 * Square: payment.created shaped like
 * https://developer.squareup.com/reference/square/payments-api/webhooks/payment.created, trimmed.
 */
import { json, type PayloadExample } from "./types.js";

export const SQUARE_EXAMPLES: Readonly<Record<string, PayloadExample>> = {
  "payment.created": json({
    merchant_id: "6SSW7HV8K2ST5",
    type: "payment.created",
    event_id: "13b867cf-db3d-4b1c-90b6-2f32a9d78124",
    created_at: "2025-01-01T12:00:00.000Z",
    data: {
      type: "payment",
      id: "KkAkhdMsgzn59SM8A89WgKwekxLZY",
      object: {
        payment: {
          id: "KkAkhdMsgzn59SM8A89WgKwekxLZY",
          amount_money: { amount: 100, currency: "USD" },
          status: "APPROVED",
          source_type: "CARD",
          location_id: "S8GWD5R9QB376",
          order_id: "03O3USaPaAaFnI6kkwB1JxGgBsUZY",
          created_at: "2025-01-01T12:00:00.000Z",
          version: 0,
        },
      },
    },
  }),
};
