/**
 * Stage: answers what the allow-list or the request checks refused. After a framing dispute
 * the connection is closed: what was pipelined behind the request is never answered.
 */
import type { Duplex } from "node:stream";
import { reply } from "../respond.js";
import type { Stage } from "../stage.js";

const CLOSE = { connection: "close" } as const;

export function refusalStage(refusedConnections: WeakSet<Duplex>): Stage {
  return (ex) => {
    const refused = ex.refusal;
    if (refused === undefined) return false;
    if (refused.close) refusedConnections.add(ex.req.socket);
    reply(ex, refused.status, refused.message, refused.close ? CLOSE : undefined);
    return true;
  };
}
