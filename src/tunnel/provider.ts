import type { Logger } from "../util/logger.js";
import type { ProviderName } from "./settings.js";

/** Where the tunnel should send traffic: a port on loopback (the gate's, later). */
export interface TunnelTarget {
  readonly host: string;
  readonly port: number;
}

export interface OpenOptions {
  readonly logger: Logger;
  /** Aborted on cancellation: open() stops waiting and cleans up what it started. */
  readonly signal: AbortSignal;
  /** Directory for this run's files (keys, known_hosts, configs, logs). */
  readonly runDir: string;
  /**
   * Environment for the processes the provider starts (ssh, cloudflared). Pass the run's
   * marker (RUN_ID_ENV) here so a final sweep finds them. Default: process.env.
   */
  readonly env?: NodeJS.ProcessEnv;
  /**
   * Proves a URL reaches the gate (see probe.ts). When given, providers that reconnect on
   * their own run it after a reconnect before they announce the tunnel is back, so a
   * half-working reconnect keeps retrying instead of being reported as up.
   */
  readonly probe?: (url: string, signal: AbortSignal) => Promise<void>;
}

export interface TunnelEvents {
  /** The tunnel died and could not be brought back; the preview is unreachable. */
  lost: [error: Error];
  /** The tunnel came back after a reconnect with a different public URL. */
  url: [url: string];
}

/** An open tunnel. */
export interface Tunnel {
  /** Public URL, without a trailing slash (the current one, after any reconnect). */
  readonly url: string;
  /** Closes the tunnel and stops its process; idempotent, never throws. */
  close(): Promise<void>;
  on<E extends keyof TunnelEvents>(event: E, listener: (...args: TunnelEvents[E]) => void): this;
}

export interface TunnelProvider {
  readonly name: Exclude<ProviderName, "auto">;
  /**
   * Header in which the provider's agent (connecting to the gate from loopback) names the
   * real client, for the gate's allow-list; undefined when it does not pass it on.
   */
  readonly clientIpHeader?: string;
  open(target: TunnelTarget, options: OpenOptions): Promise<Tunnel>;
}
