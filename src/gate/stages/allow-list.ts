/**
 * Stage: the client allow-list (allow-cidrs), first for every path, the reserved ones
 * included. Finds the client's address (from the tunnel agent's header when it connects from
 * loopback) and notes a refusal, answered once the exchange is tracked.
 */
import { clientAddress, isAllowed } from "../client-ip.js";
import type { AllowList } from "../settings.js";
import type { Stage } from "../stage.js";

export function allowListStage(allow: AllowList | undefined, clientIpHeader: string | undefined): Stage {
  return (ex) => {
    ex.clientIp = clientAddress(ex.req, clientIpHeader);
    if (!isAllowed(allow, ex.clientIp)) {
      ex.refusal = {
        status: 403,
        message: `client address ${ex.clientIp ?? "(unknown)"} is not in allow-cidrs`,
      };
    }
    return false;
  };
}
