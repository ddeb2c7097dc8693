/**
 * Twilio: the gate's signer over the PUBLIC URL. Form bodies are signed with their sorted
 * parameters; for JSON bodies Twilio adds a bodySHA256 query parameter (the body's hex
 * SHA-256) and signs the URL alone, so the URL this returns is the one to request.
 */
import { twilio, twilioUrl } from "../../webhooks/twilio.js";
import type { Signer } from "./types.js";

function isJson(contentType: string): boolean {
  return /^application\/(?:[\w.+-]+\+)?json\b/i.test(contentType.trim());
}

export const signTwilioDelivery: Signer = (d) => {
  let url = d.url;
  if (isJson(d.contentType) && !/[?&]bodySHA256=/.test(url)) {
    const parsed = new URL(url);
    parsed.searchParams.set("bodySHA256", "");
    url = parsed.href;
  }
  url = twilioUrl(url, d.body);
  return {
    url,
    body: d.body,
    headers: {
      "User-Agent": "TwilioProxy/1.1",
      "I-Twilio-Idempotency-Token": d.deliveryId,
      ...twilio.sign({ body: d.body, url, nowSeconds: d.nowSeconds }, d.secret),
    },
  };
};
