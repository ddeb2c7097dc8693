/**
 * Standard Webhooks / Svix: the example event of the specification
 * (https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md#payload-structure)
 * and Svix's invoice example (https://docs.svix.com/receiving/introduction).
 */
import { json, type PayloadExample } from "./types.js";

export const STANDARD_WEBHOOKS_EXAMPLES: Readonly<Record<string, PayloadExample>> = {
  "contact.created": json({
    type: "contact.created",
    timestamp: "2022-11-03T20:26:10.344522Z",
    data: { id: "1f81eb52-5198-4599-803e-771906343485", type: "contact" },
  }),
};

export const SVIX_EXAMPLES: Readonly<Record<string, PayloadExample>> = {
  "invoice.paid": json({
    type: "invoice.paid",
    timestamp: "2025-01-01T12:00:00.000Z",
    data: { id: "invoice_WF7WtCLFFtd8ubcTgboSFNql", status: "paid", attempt: 2 },
  }),
};
