/**
 * Discord: the PING interaction every endpoint must answer with {"type":1}, and a slash
 * command, shaped like https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-object.
 */
import { json, type PayloadExample } from "./types.js";

export const DISCORD_EXAMPLES: Readonly<Record<string, PayloadExample>> = {
  ping: json({
    id: "1234567890123456789",
    application_id: "987654321098765432",
    type: 1,
    version: 1,
    token: "interaction-token",
  }),
  application_command: json({
    id: "1234567890123456790",
    application_id: "987654321098765432",
    type: 2,
    version: 1,
    token: "interaction-token",
    guild_id: "290926798626357999",
    channel_id: "645027906669510667",
    member: { user: { id: "53908232506183680", username: "Mason" }, roles: [] },
    data: {
      id: "771825006014889984",
      name: "preview",
      type: 1,
      options: [{ name: "pr", type: 4, value: 42 }],
    },
  }),
};
