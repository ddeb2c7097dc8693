/**
 * Stage: what is mounted under the gate's reserved paths (reserved-paths.ts), e.g. the identity
 * provider under /__preview/idp: answered here, after the allow-list and the path checks,
 * before sign-in (it has its own), and neither counted nor recorded (its traffic carries codes
 * and tokens).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { isReservedPath } from "../reserved-paths.js";
import type { Stage } from "../stage.js";

/** Answers a request under a reserved path (true), given the checked, decoded path. */
export type ReservedRoute = (req: IncomingMessage, res: ServerResponse, path: string) => boolean;

export function reservedRoutesStage(route: ReservedRoute | undefined): Stage {
  return (ex) =>
    route !== undefined &&
    ex.refusal === undefined &&
    ex.res !== undefined &&
    isReservedPath(ex.path) &&
    route(ex.req, ex.res, ex.path);
}
