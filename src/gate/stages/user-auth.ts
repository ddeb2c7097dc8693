/**
 * Stage: user auth (basic, bearer, or the session cookie of a login link), unless a webhook
 * signature verified. The gate's own credentials and session cookie are marked to be taken
 * out before the request goes to the app.
 */
import type { Authenticator } from "../auth.js";
import { reply } from "../respond.js";
import { SESSION_COOKIE } from "../session-cookie.js";
import type { Stage } from "../stage.js";

export function userAuthStage(auth: Authenticator): Stage {
  return (ex) => {
    ex.stripSessionCookie = ex.basics.cookie?.includes(SESSION_COOKIE) ?? false;
    if (ex.webhookVerified) return false;
    const result = auth.check(ex.basics);
    if (result.ok) {
      ex.stripAuthorization = result.via === "header";
      return false;
    }
    reply(ex, 401, result.reason, { "www-authenticate": result.challenge });
    return true;
  };
}
