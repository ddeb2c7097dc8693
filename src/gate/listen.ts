/**
 * The gate's HTTP servers: on 127.0.0.1 at a free port, and on [::1] at the same port for
 * agents that resolve localhost to ::1. Requests, `Expect: 100-continue` requests and upgrades
 * go to the handlers; every connection is tracked so close() can end them all.
 */
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import type { Duplex } from "node:stream";
import { errorMessage } from "../errors.js";
import type { Logger } from "../util/logger.js";
import { serverOptions, type Timeouts } from "./limits.js";

export interface Handlers {
  request(req: IncomingMessage, res: ServerResponse, expectContinue: boolean): void;
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
}

export interface Listening {
  readonly port: number;
  /** Stops listening and destroys every connection. */
  close(): void;
}

export interface ListenOptions {
  readonly timeouts: Timeouts;
  readonly ipv6: boolean;
  readonly logger: Logger;
  /**
   * Ports the gate must not take: the app's, chosen free before the gate starts, which the OS
   * may hand out again the moment it is free. Such a port is kept bound while another is taken.
   */
  readonly avoid?: (port: number) => boolean;
}

/** How many ports the gate takes at most before it gives up avoiding. */
const AVOID_TRIES = 10;

export async function listen(handlers: Handlers, options: ListenOptions): Promise<Listening> {
  const sockets = new Set<Socket>();
  const createServer = () => {
    const server = http.createServer(serverOptions(options.timeouts));
    server.on("request", (req, res) => handlers.request(req, res, false));
    server.on("checkContinue", (req, res) => handlers.request(req, res, true));
    server.on("upgrade", handlers.upgrade);
    server.on("connection", (socket: Socket) => {
      sockets.add(socket);
      socket.once("close", () => sockets.delete(socket));
    });
    return server;
  };
  const start = (server: http.Server, host: string, wanted: number, ipv6Only = false) =>
    new Promise<number>((resolve, reject) => {
      server.once("error", reject);
      server.listen({ host, port: wanted, ipv6Only }, () => {
        server.off("error", reject);
        const address = server.address();
        resolve(typeof address === "object" && address ? address.port : wanted);
      });
    });

  let main = createServer();
  let port = await start(main, "127.0.0.1", 0);
  const avoided: http.Server[] = [];
  for (let tries = 1; options.avoid?.(port) && tries < AVOID_TRIES; tries++) {
    avoided.push(main);
    main = createServer();
    port = await start(main, "127.0.0.1", 0);
  }
  for (const server of avoided) server.close();
  const servers = [main];
  if (options.ipv6) {
    const v6 = createServer();
    try {
      await start(v6, "::1", port, true);
      servers.push(v6);
    } catch (error) {
      // No IPv6 loopback, or the port is taken there: 127.0.0.1 is enough.
      options.logger.debug(`gate: not listening on [::1]:${port}: ${errorMessage(error)}`);
    }
  }
  return {
    port,
    close() {
      for (const server of servers) {
        server.close();
        server.closeAllConnections();
      }
      for (const socket of sockets) socket.destroy();
    },
  };
}
