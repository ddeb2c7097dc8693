/** Stage: one-time login links (`/__preview/login?token=...`), which become a session cookie. */
import type { Authenticator } from "../auth.js";
import { LOGIN_PATH } from "../reserved-paths.js";
import type { Stage } from "../stage.js";

export function loginLinkStage(auth: Authenticator): Stage {
  return (ex) => {
    if (ex.path !== LOGIN_PATH) return false;
    auth.login(ex);
    return true;
  };
}
