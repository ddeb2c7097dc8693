/**
 * The provider on a port of its own, for tests and local experiments: the same handler the
 * gate mounts, under the same mount path, so its issuer looks like the preview's.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { IDP_MOUNT_PATH } from "../gate/index.js";
import { createIdp, type Idp } from "./idp.js";
import type { IdpOptions } from "./types.js";

export interface StandaloneIdp {
  readonly idp: Idp;
  /** The issuer, e.g. `http://127.0.0.1:41234/__preview/idp`. */
  readonly issuer: string;
  /** `http://127.0.0.1:<port>`, without the mount path. */
  readonly origin: string;
  close(): Promise<void>;
}

export interface StandaloneOptions extends Omit<IdpOptions, "issuer"> {
  /** Loopback by default: nothing else should reach a test provider. */
  readonly host?: string;
  /** 0 (default): a free port chosen by the OS. */
  readonly port?: number;
  readonly mountPath?: string;
}

export async function startStandaloneIdp(options: StandaloneOptions): Promise<StandaloneIdp> {
  const host = options.host ?? "127.0.0.1";
  const mount = (options.mountPath ?? IDP_MOUNT_PATH).replace(/\/+$/, "");
  let idp: Idp | undefined;
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://idp.invalid").pathname;
    if (!idp || (path !== mount && !path.startsWith(`${mount}/`))) {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found\n");
      return;
    }
    void idp.handle(req, res, path.slice(mount.length) || "/");
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  // The port is known only now: created with its final issuer, as the gate does via setIssuer.
  idp = createIdp({ ...options, issuer: `${origin}${mount}` });
  await idp.ready();
  const created = idp;
  return {
    idp: created,
    get issuer() {
      return created.issuer;
    },
    origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
