/**
 * Paddle Billing: Paddle-Signature = "ts=<unix>;h1=<hex>" (several h1 while a secret
 * rotates), hex HMAC-SHA256 of "<ts>:<body>" keyed with the endpoint's secret key. Like
 * @paddle/paddle-node-sdk (MAX_VALID_TIME_DIFFERENCE = 5), a delivery more than 5 s old is
 * rejected; a timestamp in the future is not.
 */
import { bad, headerValue, hmac, missing, OK, safeEqual } from "./compare.js";
import type { SignedRequest, SignInput, Verdict, WebhookScheme } from "./types.js";

const HEADER = "paddle-signature";
export const PADDLE_TOLERANCE_SECONDS = 5;

export function signPaddle(body: Buffer | string, secret: string, timestamp: number): string {
  return `ts=${timestamp};h1=${hmac("sha256", secret, `${timestamp}:`, body).toString("hex")}`;
}

export function verifyPaddle(request: SignedRequest, secret: string): Verdict {
  const header = headerValue(request.headers, HEADER);
  if (header === undefined) return missing("Paddle-Signature");
  let timestamp: string | undefined;
  const signatures: string[] = [];
  for (const item of header.split(";")) {
    const eq = item.indexOf("=");
    const key = item.slice(0, eq).trim();
    const value = item.slice(eq + 1).trim();
    if (key === "ts") timestamp = value;
    else if (key === "h1") signatures.push(value);
  }
  if (timestamp === undefined || !/^\d+$/.test(timestamp) || signatures.length === 0) {
    return bad('Paddle-Signature lacks "ts=" or "h1="');
  }
  if (request.nowSeconds - Number(timestamp) > PADDLE_TOLERANCE_SECONDS) {
    return bad(`timestamp is more than ${PADDLE_TOLERANCE_SECONDS} s old`);
  }
  const expected = hmac("sha256", secret, `${timestamp}:`, request.body).toString("hex");
  let match = false;
  for (const signature of signatures) match = safeEqual(signature, expected) || match;
  return match ? OK : bad("no h1 signature in Paddle-Signature matches");
}

export const paddle: WebhookScheme = {
  provider: "paddle",
  signatureHeaders: [HEADER],
  verify: verifyPaddle,
  sign: (input: SignInput, secret) => ({ [HEADER]: signPaddle(input.body, secret, input.nowSeconds) }),
};
