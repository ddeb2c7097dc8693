/**
 * Stage: the request inspector's routes (/__preview/inspect...), after user auth and before
 * the namespace's 404. Only a request whose own credentials passed user auth gets in
 * (`ex.signedIn`, set by whatever sign-in the preview has): a verified webhook signature or a
 * replay ticket, which let other requests skip the sign-in, never open the inspector.
 */
import { authenticated, type Inspector } from "../inspector/index.js";
import { reply } from "../respond.js";
import type { Stage } from "../stage.js";

export function inspectStage(inspector: Inspector | undefined): Stage {
  if (inspector === undefined) return () => false;
  return (ex) => {
    if (!ex.inspecting) return false;
    if (ex.res === undefined) {
      reply(ex, 400, "the inspector does not take WebSocket upgrades");
      return true;
    }
    if (ex.signedIn === undefined) {
      reply(ex, 401, "the inspector needs the preview's sign-in");
      return true;
    }
    inspector.handle(
      authenticated({
        req: ex.req,
        res: ex.res,
        path: ex.path,
        user: ex.signedIn.user,
        clientIp: ex.clientIp,
      }),
    );
    return true;
  };
}
