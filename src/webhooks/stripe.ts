/**
 * Stripe: Stripe-Signature = "t=<unix>,v1=<hex>[,v1=...]", hex HMAC-SHA256 of "<t>.<body>"
 * keyed with the whole "whsec_..." string; 300 s tolerance.
 */
import { bad, headerValue, hmac, missing, OK, safeEqual, staleness } from "./compare.js";
import type { SignedRequest, SignInput, Verdict, WebhookScheme } from "./types.js";

const HEADER = "stripe-signature";

export function signStripe(body: Buffer | string, secret: string, timestamp: number): string {
  return `t=${timestamp},v1=${hmac("sha256", secret, `${timestamp}.`, body).toString("hex")}`;
}

export function verifyStripe(request: SignedRequest, secret: string): Verdict {
  const header = headerValue(request.headers, HEADER);
  if (header === undefined) return missing("Stripe-Signature");
  let timestamp: string | undefined;
  const signatures: string[] = [];
  for (const item of header.split(",")) {
    const eq = item.indexOf("=");
    const key = item.slice(0, eq).trim();
    const value = item.slice(eq + 1).trim();
    if (key === "t") timestamp = value;
    else if (key === "v1") signatures.push(value);
  }
  if (timestamp === undefined || !/^\d+$/.test(timestamp) || signatures.length === 0) {
    return bad('Stripe-Signature lacks "t=" or "v1="');
  }
  const stale = staleness(Number(timestamp), request.nowSeconds);
  if (stale) return stale;
  const expected = hmac("sha256", secret, `${timestamp}.`, request.body).toString("hex");
  // Check every candidate so the time taken does not depend on which one matched.
  let match = false;
  for (const signature of signatures) match = safeEqual(signature, expected) || match;
  return match ? OK : bad("no v1 signature in Stripe-Signature matches");
}

export const stripe: WebhookScheme = {
  provider: "stripe",
  signatureHeaders: [HEADER],
  verify: verifyStripe,
  sign: (input: SignInput, secret) => ({ [HEADER]: signStripe(input.body, secret, input.nowSeconds) }),
};
