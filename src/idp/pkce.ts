/** PKCE (RFC 7636), S256 only: `plain` would let an intercepted code be redeemed as is. */
import { createHash } from "node:crypto";

// 43 to 128 characters of the unreserved set (RFC 7636 section 4.1).
const VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;
// base64url of a SHA-256 digest: exactly 43 characters.
const CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

export function isValidChallenge(challenge: string): boolean {
  return CHALLENGE.test(challenge);
}

export function isValidVerifier(verifier: string): boolean {
  return VERIFIER.test(verifier);
}

/** True when the verifier hashes to the challenge bound to the code. */
export function verifierMatches(verifier: string, challenge: string): boolean {
  if (!isValidVerifier(verifier)) return false;
  return createHash("sha256").update(verifier, "ascii").digest("base64url") === challenge;
}
