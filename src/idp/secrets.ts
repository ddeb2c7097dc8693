/** Random tokens and the constant-time comparison of secrets. */
import { randomBytes } from "node:crypto";

/** An unguessable URL-safe token of `bytes` random bytes. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/** Compares two secrets without leaking where they differ or their lengths. */
export { safeEqual as constantTimeEqual } from "../util/secure-compare.js";
