/**
 * Stage: any other path in the gate's namespace is the gate's, and unknown: 404, never the
 * app's. With the inspector off, its paths are not the gate's: they go to the app.
 */
import { isReservedPath } from "../reserved-paths.js";
import { reply } from "../respond.js";
import type { Stage } from "../stage.js";

export function namespaceStage(inspector: boolean): Stage {
  return (ex) => {
    if (!isReservedPath(ex.path, inspector)) return false;
    reply(ex, 404, `${ex.path} is not a path of the gate`);
    return true;
  };
}
