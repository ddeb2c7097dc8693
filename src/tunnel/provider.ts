import type { ProviderName } from "../config/parse.js";

/** Where the tunnel should send traffic: a port on loopback. */
export interface TunnelTarget {
  readonly host: string;
  readonly port: number;
}

/** An open tunnel. */
export interface Tunnel {
  /** Public URL, without a trailing slash. */
  readonly url: string;
  /** Closes the tunnel; idempotent, never throws. */
  close(): Promise<void>;
}

export interface TunnelProvider {
  readonly name: Exclude<ProviderName, "auto">;
  open(target: TunnelTarget): Promise<Tunnel>;
}
