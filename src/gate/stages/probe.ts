/**
 * Stage: the tunnel probe carrying the run's key, answered with the run's nonce (probe.ts) —
 * the one request answered before the allow-list, unrecorded.
 */
import type { ProbeResponder } from "../probe.js";
import type { Stage } from "../stage.js";

export function probeStage(responder: ProbeResponder | undefined): Stage {
  return (ex) =>
    responder !== undefined && ex.res !== undefined && responder.answer(ex.req, ex.res, ex.pathname);
}
