/**
 * Stage: user auth (basic, bearer, or the session cookie of a login link), unless a webhook
 * signature verified or the request carries a redeemed replay ticket (sent from the
 * inspector by a signed-in reviewer) — neither exempts the inspector's own requests. The
 * gate's own credentials and session cookie are marked to be taken out before the request
 * goes to the app; a request whose credentials passed is marked signed in.
 */
import type { Authenticator } from "../auth.js";
import { reply } from "../respond.js";
import { SESSION_COOKIE } from "../session-cookie.js";
import type { Stage } from "../stage.js";

/** Basic, Bearer and sessions do not name users (the GitHub sign-in does). */
const SIGNED_IN = { user: undefined } as const;

export function userAuthStage(auth: Authenticator): Stage {
  return (ex) => {
    ex.stripSessionCookie = ex.basics.cookie?.includes(SESSION_COOKIE) ?? false;
    if (!ex.inspecting && (ex.webhookVerified || ex.replay !== undefined)) return false;
    const result = auth.check(ex.basics);
    if (result.ok) {
      ex.stripAuthorization = result.via === "header";
      ex.signedIn = SIGNED_IN;
      return false;
    }
    reply(ex, 401, result.reason, { "www-authenticate": result.challenge });
    return true;
  };
}
