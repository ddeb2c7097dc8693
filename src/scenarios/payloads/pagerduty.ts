/**
 * PagerDuty: incident.triggered in the v3 webhook envelope of
 * https://developer.pagerduty.com/docs/db0fa8c8984fc-overview#webhook-payload.
 */
import { json, type PayloadExample } from "./types.js";

export const PAGERDUTY_EXAMPLES: Readonly<Record<string, PayloadExample>> = {
  "incident.triggered": json({
    event: {
      id: "01DEN4HPBQAAAG05V5QQYBRZMF",
      event_type: "incident.triggered",
      resource_type: "incident",
      occurred_at: "2025-01-01T12:00:00.000Z",
      agent: { html_url: "https://acme.pagerduty.com/users/PLH1HKV", id: "PLH1HKV", type: "user_reference" },
      client: null,
      data: {
        id: "PGR0VU2",
        type: "incident",
        self: "https://api.pagerduty.com/incidents/PGR0VU2",
        html_url: "https://acme.pagerduty.com/incidents/PGR0VU2",
        number: 2,
        status: "triggered",
        incident_key: "d3640fbd41094207a1c11e58e46b1662",
        title: "A little bump in the road",
        urgency: "high",
        service: { id: "PF9KMXH", type: "service_reference", summary: "API Service" },
      },
    },
  }),
};
