/** Constant-time comparisons and small helpers shared by the verifiers. */
import { createHmac } from "node:crypto";
import type { HeaderMap, Verdict } from "./types.js";

export { safeEqual } from "../util/secure-compare.js";

export function hmac(
  algorithm: "sha256" | "sha1",
  key: string | Buffer,
  ...data: (string | Buffer)[]
): Buffer {
  const mac = createHmac(algorithm, key);
  for (const part of data) mac.update(part);
  return mac.digest();
}

/** First value of a header (lower-case name). */
export function headerValue(headers: HeaderMap, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export const OK: Verdict = { ok: true };

export function missing(header: string): Verdict {
  return { ok: false, status: 401, reason: `missing ${header} header` };
}

export function bad(reason: string): Verdict {
  return { ok: false, status: 403, reason };
}

/** Seconds of clock difference tolerated by timestamped schemes (Stripe, Slack, Standard Webhooks). */
export const TOLERANCE_SECONDS = 300;

/** Undefined when the timestamp is within the tolerance, else the 403 verdict. */
export function staleness(
  timestamp: number,
  nowSeconds: number,
  toleranceSeconds = TOLERANCE_SECONDS,
): Verdict | undefined {
  if (!Number.isFinite(timestamp)) return bad("timestamp is not a number");
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) {
    return bad(`timestamp is outside the ${toleranceSeconds} s tolerance`);
  }
  return undefined;
}
