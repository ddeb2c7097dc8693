/**
 * The expose phase: the gate in front of the app's port, the tunnel in front of the gate,
 * and proof that the public URL really reaches this run's gate before anyone is told it.
 */

import type { IncomingMessage, ServerResponse } from "node:http";
import { type Gate, newProbeSecrets, PROBE_KEY_HEADER, PROBE_PATH, startGate } from "../gate/index.js";
import { STATE } from "../session/state.js";
import type { Tunnel, TunnelProvider } from "../tunnel/index.js";
import { probePublicUrl } from "../tunnel/index.js";
import type { RunContext } from "./context.js";

export interface Exposure {
  readonly gate: Gate;
  readonly tunnel: Tunnel;
}

export interface ExposeHooks {
  /** The app could not be reached for a request (502/504): show its log tail. */
  readonly onUpstreamError: (error: Error) => void;
  /** Other reserved paths (the identity provider), given the checked path; true when answered. */
  readonly reserved?: (req: IncomingMessage, res: ServerResponse, path: string) => boolean;
}

export async function expose(
  ctx: RunContext,
  provider: TunnelProvider,
  appPort: number,
  hooks: ExposeHooks,
): Promise<Exposure> {
  const { config, logger, signal } = ctx;
  // The gate answers the probe with the nonce, only to a request carrying the key (gate/probe.ts).
  const probeSecrets = newProbeSecrets();
  const probeOptions = {
    path: PROBE_PATH,
    nonce: probeSecrets.nonce,
    headers: { [PROBE_KEY_HEADER]: probeSecrets.key },
    timeoutMs: config.tunnel.timeoutMs,
    provider: provider.name,
  };
  const gate = await startGate({
    // Until readiness tells which loopback address the app took (see setUpstreamHost).
    upstream: { host: "127.0.0.1", port: appPort },
    settings: config.gate,
    logger,
    clientIpHeader: provider.clientIpHeader,
    onUpstreamError: hooks.onUpstreamError,
    reserved: hooks.reserved,
    probe: probeSecrets,
    secrets: ctx.secrets,
  });
  ctx.teardown.add("gate", () => gate.close());
  if (gate.harPath) ctx.deps.state.save(STATE.harPath, gate.harPath);

  const probe = (url: string, probeSignal: AbortSignal) =>
    probePublicUrl({ ...probeOptions, url, signal: AbortSignal.any([signal, probeSignal]) }).then(
      () => undefined,
    );
  const tunnel = await provider.open(
    { host: "127.0.0.1", port: gate.port },
    { logger, signal, runDir: ctx.dir, env: ctx.childEnv(), probe },
  );
  ctx.teardown.add("tunnel", () => tunnel.close());
  const probed = await probePublicUrl({ ...probeOptions, url: tunnel.url, signal });
  logger.info(`The public URL ${tunnel.url} reaches the gate (probed in ${Math.round(probed.elapsedMs)}ms).`);
  gate.setPublicUrl(tunnel.url);
  return { gate, tunnel };
}
