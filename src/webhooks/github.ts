/** GitHub: X-Hub-Signature-256 = "sha256=" + hex HMAC-SHA256 of the raw body. */
import { bad, headerValue, hmac, missing, OK, safeEqual } from "./compare.js";
import type { SignedRequest, SignInput, Verdict, WebhookScheme } from "./types.js";

const HEADER = "x-hub-signature-256";

export function signGithub(body: Buffer | string, secret: string): string {
  return `sha256=${hmac("sha256", secret, body).toString("hex")}`;
}

export function verifyGithub(request: SignedRequest, secret: string): Verdict {
  const signature = headerValue(request.headers, HEADER);
  if (signature === undefined) return missing("X-Hub-Signature-256");
  return safeEqual(signature, signGithub(request.body, secret))
    ? OK
    : bad("X-Hub-Signature-256 does not match");
}

export const github: WebhookScheme = {
  provider: "github",
  signatureHeaders: [HEADER, "x-hub-signature"],
  verify: verifyGithub,
  sign: (input: SignInput, secret) => ({ [HEADER]: signGithub(input.body, secret) }),
};
