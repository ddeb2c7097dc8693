/** Random tokens and the constant-time comparison of secrets. */
import { randomBytes } from "node:crypto";

/** An unguessable URL-safe token of `bytes` random bytes. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/** A client secret for one run: 32 random bytes (256 bits), URL-safe. */
export function newClientSecret(): string {
  return randomToken(32);
}

/** Compares two secrets without leaking where they differ or their lengths. */
export { safeEqual as constantTimeEqual } from "../util/secure-compare.js";
