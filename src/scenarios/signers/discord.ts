/** Discord interactions: Ed25519 with the run's private key (the gate's signer). */
import { discord } from "../../webhooks/discord.js";
import type { Signer } from "./types.js";

export const signDiscordDelivery: Signer = (d) => ({
  url: d.url,
  body: d.body,
  headers: {
    "User-Agent": "Discord-Interactions/1.0 (+https://discord.com)",
    ...discord.sign({ body: d.body, url: d.url, nowSeconds: d.nowSeconds }, d.secret),
  },
});
