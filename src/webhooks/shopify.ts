/** Shopify: X-Shopify-Hmac-Sha256 = base64 HMAC-SHA256 of the raw body. */
import { bad, headerValue, hmac, missing, OK, safeEqual } from "./compare.js";
import type { SignedRequest, SignInput, Verdict, WebhookScheme } from "./types.js";

const HEADER = "x-shopify-hmac-sha256";

export function signShopify(body: Buffer | string, secret: string): string {
  return hmac("sha256", secret, body).toString("base64");
}

export function verifyShopify(request: SignedRequest, secret: string): Verdict {
  const signature = headerValue(request.headers, HEADER);
  if (signature === undefined) return missing("X-Shopify-Hmac-Sha256");
  // Compare the decoded bytes: base64 padding or line breaks do not matter, the MAC does.
  const given = Buffer.from(signature, "base64");
  return safeEqual(given, hmac("sha256", secret, request.body))
    ? OK
    : bad("X-Shopify-Hmac-Sha256 does not match");
}

export const shopify: WebhookScheme = {
  provider: "shopify",
  signatureHeaders: [HEADER],
  verify: verifyShopify,
  sign: (input: SignInput, secret) => ({ [HEADER]: signShopify(input.body, secret) }),
};
