/** Stage: forward to the app (proxy.ts), a request or a WebSocket upgrade; always answers. */
import type { ReverseProxy } from "../proxy.js";
import type { Stage } from "../stage.js";

export function forwardStage(proxy: ReverseProxy): Stage {
  return (ex) => {
    if (ex.res) proxy.forward(ex);
    else proxy.upgrade(ex);
    return true;
  };
}
