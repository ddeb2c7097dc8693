/**
 * Stage: what the request inspector needs to know before the exchange is tracked. A request
 * for the inspector itself (its checked path, nothing refused) is marked: it is neither
 * recorded nor counted, and never exempt from user auth. Any other request carrying a replay
 * ticket (a replay sent from the inspector) has it redeemed, and the header taken off before
 * anything records or forwards it: the app never sees it.
 */
import { rawHeader } from "../headers.js";
import { type Inspector, REPLAY_HEADER } from "../inspector/index.js";
import type { Stage } from "../stage.js";

export function inspectorIntakeStage(inspector: Inspector | undefined): Stage {
  if (inspector === undefined) return () => false;
  return (ex) => {
    if (ex.refusal === undefined && inspector.owns(ex.path)) {
      ex.inspecting = true;
      return false;
    }
    const raw = ex.req.rawHeaders;
    const ticket = rawHeader(raw, REPLAY_HEADER);
    if (ticket === undefined) return false;
    ex.replay = inspector.redeemReplay(ticket);
    for (let i = raw.length - 2; i >= 0; i -= 2) {
      if (raw[i]?.toLowerCase() === REPLAY_HEADER) raw.splice(i, 2);
    }
    delete ex.req.headers[REPLAY_HEADER];
    return false;
  };
}
