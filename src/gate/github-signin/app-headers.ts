/**
 * What the app sees of a signed-in visitor: `X-Preview-User: <login>`, and nothing of the
 * sign-in's credentials. Any X-Preview-User a client sent is dropped (it would otherwise let
 * anyone claim to be anyone), and so are the session cookie and a consumed Authorization.
 */
import { withoutSessionCookie } from "../session-cookie.js";
import type { AllowedVerdict } from "./verdict.js";

export const PREVIEW_USER_HEADER = "X-Preview-User";
const LOWER = PREVIEW_USER_HEADER.toLowerCase();

/** Request headers (raw [name, value, ...]) for the app, given the verdict that let them in. */
export function appRequestHeaders(raw: readonly string[], verdict: AllowedVerdict): string[] {
  const consumedAuthorization = verdict.via !== "session";
  const out: string[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] as string;
    const value = raw[i + 1] as string;
    const lower = name.toLowerCase();
    if (lower === LOWER) continue;
    if (lower === "authorization" && consumedAuthorization) continue;
    if (lower === "cookie") {
      const kept = withoutSessionCookie(value);
      if (kept !== undefined) out.push(name, kept);
      continue;
    }
    out.push(name, value);
  }
  if (verdict.login !== undefined) out.push(PREVIEW_USER_HEADER, verdict.login);
  return out;
}
