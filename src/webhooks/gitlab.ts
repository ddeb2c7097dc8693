/** GitLab: X-Gitlab-Token carries the secret token itself; compared in constant time. */
import { bad, headerValue, missing, OK, safeEqual } from "./compare.js";
import type { SignedRequest, Verdict, WebhookScheme } from "./types.js";

const HEADER = "x-gitlab-token";

export function verifyGitlab(request: SignedRequest, secret: string): Verdict {
  const token = headerValue(request.headers, HEADER);
  if (token === undefined) return missing("X-Gitlab-Token");
  return safeEqual(token, secret) ? OK : bad("X-Gitlab-Token does not match");
}

export const gitlab: WebhookScheme = {
  provider: "gitlab",
  signatureHeaders: [HEADER],
  verify: verifyGitlab,
  sign: (_input, secret) => ({ [HEADER]: secret }),
};
