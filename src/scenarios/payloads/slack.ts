/**
 * Slack: a slash command, form encoded, with the fields of
 * https://api.slack.com/interactivity/slash-commands#app_command_handling.
 */
import { form, type PayloadExample } from "./types.js";

export const SLACK_EXAMPLES: Readonly<Record<string, PayloadExample>> = {
  slash_command: form({
    token: "gIkuvaNzQIHg97ATvDxqgjtO",
    team_id: "T0001",
    team_domain: "example",
    enterprise_id: "E0001",
    enterprise_name: "Globular Construct Inc",
    channel_id: "C2147483705",
    channel_name: "test",
    user_id: "U2147483697",
    user_name: "Steve",
    command: "/weather",
    text: "94070",
    api_app_id: "A123456",
    is_enterprise_install: "false",
    response_url: "https://hooks.slack.com/commands/1234/5678",
    trigger_id: "13345224609.738474920.8088930838d88f008e0",
  }),
};
