/**
 * Shopify: orders/create shaped like the example payload in
 * https://shopify.dev/docs/api/webhooks?reference=toml#list-orders-create, trimmed.
 */
import { json, type PayloadExample } from "./types.js";

export const SHOPIFY_EXAMPLES: Readonly<Record<string, PayloadExample>> = {
  "orders/create": json(
    {
      id: 820982911946154500,
      admin_graphql_api_id: "gid://shopify/Order/820982911946154508",
      email: "jon@example.com",
      created_at: "2025-01-01T12:00:00-05:00",
      currency: "USD",
      financial_status: "voided",
      name: "#9999",
      order_number: 1234,
      subtotal_price: "199.00",
      total_price: "199.00",
      total_tax: "0.00",
      customer: { id: 115310627314723950, email: "john@example.com", first_name: "John", last_name: "Smith" },
      line_items: [
        {
          id: 866550311766439000,
          name: "Aviator sunglasses",
          price: "199.00",
          quantity: 1,
          sku: "SKU2006-001",
          product_id: 788032119674292900,
        },
      ],
      test: true,
    },
    "orders/create",
  ),
};
