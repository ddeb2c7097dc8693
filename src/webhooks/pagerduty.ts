/**
 * PagerDuty (v3 webhooks): X-PagerDuty-Signature = "v1=<hex>[,v1=<hex>...]" (several while a
 * secret rotates), hex HMAC-SHA256 of the raw body.
 */
import { bad, headerValue, hmac, missing, OK, safeEqual } from "./compare.js";
import type { SignedRequest, SignInput, Verdict, WebhookScheme } from "./types.js";

const HEADER = "x-pagerduty-signature";

export function signPagerduty(body: Buffer | string, secret: string): string {
  return `v1=${hmac("sha256", secret, body).toString("hex")}`;
}

export function verifyPagerduty(request: SignedRequest, secret: string): Verdict {
  const header = headerValue(request.headers, HEADER);
  if (header === undefined) return missing("X-PagerDuty-Signature");
  const expected = signPagerduty(request.body, secret);
  let match = false;
  for (const candidate of header.split(",")) match = safeEqual(candidate.trim(), expected) || match;
  return match ? OK : bad("no v1 signature in X-PagerDuty-Signature matches");
}

export const pagerduty: WebhookScheme = {
  provider: "pagerduty",
  signatureHeaders: [HEADER],
  verify: verifyPagerduty,
  sign: (input: SignInput, secret) => ({ [HEADER]: signPagerduty(input.body, secret) }),
};
