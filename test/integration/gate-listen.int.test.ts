/**
 * The gate's port is never the app's: the app's port is picked free before the gate starts,
 * and the OS may hand that very port to the gate's own listen on port 0 (seen under load,
 * with the app then failing on EADDRINUSE). Such a port is kept while the gate takes another.
 */
import http from "node:http";
import { describe, expect, it } from "vitest";
import { DEFAULT_TIMEOUTS } from "../../src/gate/limits.js";
import { listen } from "../../src/gate/listen.js";
import { warningLogger } from "../helpers/logger.js";

const handlers = {
  request: (_req: http.IncomingMessage, res: http.ServerResponse) => res.end("gate"),
  upgrade: () => undefined,
};

function bindable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = http.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

describe("the gate's listening port", () => {
  it("is another one when the first the OS gives is to be avoided, and the avoided one is let go", async () => {
    const offered: number[] = [];
    const listening = await listen(handlers, {
      timeouts: DEFAULT_TIMEOUTS,
      ipv6: false,
      logger: warningLogger().logger,
      // Whatever the OS gives first plays the app's port.
      avoid: (port) => {
        offered.push(port);
        return offered.length === 1;
      },
    });
    try {
      expect(offered).toHaveLength(2);
      expect(listening.port).toBe(offered[1]);
      expect(listening.port).not.toBe(offered[0]);
      const answer = await fetch(`http://127.0.0.1:${listening.port}/`);
      expect(await answer.text()).toBe("gate");
      // The app can have its port.
      expect(await bindable(offered[0] as number)).toBe(true);
    } finally {
      listening.close();
    }
  });
});
