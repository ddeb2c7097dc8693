/**
 * Slack: X-Slack-Signature = "v0=" + hex HMAC-SHA256 of "v0:<timestamp>:<body>", with
 * X-Slack-Request-Timestamp; 300 s tolerance.
 */
import { bad, headerValue, hmac, missing, OK, safeEqual, staleness } from "./compare.js";
import type { SignedRequest, SignInput, Verdict, WebhookScheme } from "./types.js";

const SIGNATURE = "x-slack-signature";
const TIMESTAMP = "x-slack-request-timestamp";

export function signSlack(body: Buffer | string, secret: string, timestamp: number): string {
  return `v0=${hmac("sha256", secret, `v0:${timestamp}:`, body).toString("hex")}`;
}

export function verifySlack(request: SignedRequest, secret: string): Verdict {
  const signature = headerValue(request.headers, SIGNATURE);
  if (signature === undefined) return missing("X-Slack-Signature");
  const timestamp = headerValue(request.headers, TIMESTAMP);
  if (timestamp === undefined) return missing("X-Slack-Request-Timestamp");
  if (!/^\d+$/.test(timestamp)) return bad("X-Slack-Request-Timestamp is not a number");
  const stale = staleness(Number(timestamp), request.nowSeconds);
  if (stale) return stale;
  const expected = `v0=${hmac("sha256", secret, `v0:${timestamp}:`, request.body).toString("hex")}`;
  return safeEqual(signature, expected) ? OK : bad("X-Slack-Signature does not match");
}

export const slack: WebhookScheme = {
  provider: "slack",
  signatureHeaders: [SIGNATURE],
  verify: verifySlack,
  sign: (input: SignInput, secret) => ({
    [TIMESTAMP]: String(input.nowSeconds),
    [SIGNATURE]: signSlack(input.body, secret, input.nowSeconds),
  }),
};
