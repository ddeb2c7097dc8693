/**
 * Stage: checks before any decision on the path. A request whose framing is disputed
 * (framing.ts) is refused and its connection closed; a path that is not a plain, checked one
 * (request-path.ts) is refused; otherwise `ex.path` is set, the one form of the path every
 * later decision uses.
 */
import { framingRefusal } from "../framing.js";
import { requestPath } from "../request-path.js";
import type { Stage } from "../stage.js";

export function requestChecksStage(): Stage {
  return (ex) => {
    if (ex.refusal !== undefined) return false;
    const framing = framingRefusal(ex.basics, ex.req.httpVersion);
    if (framing !== undefined) {
      ex.refusal = { ...framing, close: true };
      return false;
    }
    const path = requestPath(ex.pathname);
    if (typeof path !== "string") ex.refusal = { status: 400, message: path.refused };
    else ex.path = path;
    return false;
  };
}
