/** Random tokens and the constant-time comparison of secrets. */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** An unguessable URL-safe token of `bytes` random bytes. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/** A client secret for one run: 32 random bytes (256 bits), URL-safe. */
export function newClientSecret(): string {
  return randomToken(32);
}

/**
 * Compares two secrets in time independent of where they differ. Both sides are hashed
 * first because timingSafeEqual needs equal lengths, and comparing lengths would leak them.
 */
export function constantTimeEqual(a: string, b: string): boolean {
  const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();
  return timingSafeEqual(digest(a), digest(b));
}
