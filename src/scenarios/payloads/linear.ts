/**
 * Linear: an Issue "create" shaped like https://linear.app/developers/webhooks#data-change-events-payload;
 * the signer sets webhookTimestamp at signing time.
 */
import { json, type PayloadExample } from "./types.js";

export const LINEAR_EXAMPLES: Readonly<Record<string, PayloadExample>> = {
  Issue: json(
    {
      action: "create",
      type: "Issue",
      createdAt: "2025-01-01T12:00:00.000Z",
      organizationId: "3b6c3e0a-4c3f-4d5e-9f4e-4f4f4f4f4f4f",
      url: "https://linear.app/acme/issue/ENG-123/fix-the-login",
      webhookId: "000f5d3b-4c3f-4d5e-9f4e-000000000001",
      webhookTimestamp: 0,
      data: {
        id: "2174add1-f7c8-44e3-bbf3-2d60b5ea8bc9",
        identifier: "ENG-123",
        title: "Fix the login",
        priority: 2,
        teamId: "72b2a2dc-6f4f-4423-9d34-24b5bd10634a",
        stateId: "fa1fd1ea-6d5a-4dbd-9e35-2e4e94bc0a4a",
        createdAt: "2025-01-01T12:00:00.000Z",
      },
    },
    "Issue",
  ),
};
