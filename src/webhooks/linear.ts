/**
 * Linear: Linear-Signature = hex HMAC-SHA256 of the raw body. The timestamp that matters is
 * `webhookTimestamp` (milliseconds) INSIDE the signed body: @linear/sdk's verify() ignores
 * the Linear-Timestamp header and rejects a body timestamp more than 60 s away from now.
 */
import { bad, headerValue, hmac, missing, OK, safeEqual, staleness } from "./compare.js";
import type { SignedRequest, SignInput, Verdict, WebhookScheme } from "./types.js";

const HEADER = "linear-signature";
/** @linear/sdk: Math.abs(Date.now() - webhookTimestamp) > 60 s is rejected. */
export const LINEAR_TOLERANCE_SECONDS = 60;

export function signLinear(body: Buffer | string, secret: string): string {
  return hmac("sha256", secret, body).toString("hex");
}

/** The body's webhookTimestamp in milliseconds, or undefined when it has none. */
export function linearBodyTimestamp(body: Buffer): number | undefined {
  try {
    const parsed: unknown = JSON.parse(body.toString("utf8"));
    if (typeof parsed !== "object" || parsed === null) return undefined;
    const value = (parsed as Record<string, unknown>).webhookTimestamp;
    return typeof value === "number" && Number.isFinite(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export function verifyLinear(request: SignedRequest, secret: string): Verdict {
  const signature = headerValue(request.headers, HEADER);
  if (signature === undefined) return missing("Linear-Signature");
  if (!safeEqual(signature, signLinear(request.body, secret))) return bad("Linear-Signature does not match");
  // Checked after the MAC, like the SDK: only a signed timestamp is worth reading.
  const timestamp = linearBodyTimestamp(request.body);
  if (timestamp === undefined) return bad("the signed body has no numeric webhookTimestamp");
  return staleness(timestamp / 1000, request.nowSeconds, LINEAR_TOLERANCE_SECONDS) ?? OK;
}

export const linear: WebhookScheme = {
  provider: "linear",
  signatureHeaders: [HEADER],
  verify: verifyLinear,
  // Re-signing cannot refresh webhookTimestamp (it is part of the body): a replayed Linear
  // delivery older than 60 s stays stale, as it would for the app.
  sign: (input: SignInput, secret) => ({ [HEADER]: signLinear(input.body, secret) }),
};
