import { EventEmitter } from "node:events";
import type { Tunnel, TunnelEvents, TunnelProvider, TunnelTarget } from "./provider.js";

/** No tunnel: the preview is reachable on this machine's loopback only. */
export const localProvider: TunnelProvider = {
  name: "local",
  async open(target: TunnelTarget): Promise<Tunnel> {
    const host = target.host.includes(":") ? `[${target.host}]` : target.host;
    return Object.assign(new EventEmitter<TunnelEvents>(), {
      url: `http://${host}:${target.port}`,
      close: async () => undefined,
    });
  },
};
