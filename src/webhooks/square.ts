/**
 * Square: x-square-hmacsha256-signature = base64 HMAC-SHA256, keyed with the subscription's
 * signature key, of the notification URL (the PUBLIC URL Square was given) followed by the
 * raw body. No timestamp is signed, so there is no staleness check (Square dedupes on event_id).
 */
import { bad, headerValue, hmac, missing, OK, safeEqual } from "./compare.js";
import type { SignedRequest, SignInput, Verdict, WebhookScheme } from "./types.js";

const HEADER = "x-square-hmacsha256-signature";

export function signSquare(notificationUrl: string, body: Buffer | string, signatureKey: string): string {
  return hmac("sha256", signatureKey, notificationUrl, body).toString("base64");
}

export function verifySquare(request: SignedRequest, signatureKey: string): Verdict {
  const signature = headerValue(request.headers, HEADER);
  if (signature === undefined) return missing("x-square-hmacsha256-signature");
  return safeEqual(signature, signSquare(request.url, request.body, signatureKey))
    ? OK
    : bad("x-square-hmacsha256-signature does not match (Square signs the public notification URL)");
}

export const square: WebhookScheme = {
  provider: "square",
  signatureHeaders: [HEADER, "x-square-signature"],
  verify: verifySquare,
  sign: (input: SignInput, signatureKey) => ({ [HEADER]: signSquare(input.url, input.body, signatureKey) }),
};
