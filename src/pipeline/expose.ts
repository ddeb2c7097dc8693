/**
 * The expose phase: the gate in front of the app's port, the tunnel in front of the gate,
 * and proof that the public URL really reaches this run's gate before anyone is told it.
 */
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { STATE } from "../config/names.js";
import { type Gate, startGate } from "../gate/index.js";
import { probePublicUrl } from "../tunnel/probe.js";
import type { Tunnel, TunnelProvider } from "../tunnel/provider.js";
import type { RunContext } from "./context.js";

/** Reserved path the gate answers with the run's nonce (before auth, never recorded). */
export const PROBE_PATH = "/__preview/probe";

export interface Exposure {
  readonly gate: Gate;
  readonly tunnel: Tunnel;
}

export interface ExposeHooks {
  /** The app could not be reached for a request (502/504): show its log tail. */
  readonly onUpstreamError: (error: Error) => void;
  /** Other reserved paths (the identity provider); true when answered. */
  readonly reserved?: (req: IncomingMessage, res: ServerResponse) => boolean;
}

export async function expose(
  ctx: RunContext,
  provider: TunnelProvider,
  appPort: number,
  hooks: ExposeHooks,
): Promise<Exposure> {
  const { config, logger, signal } = ctx;
  const nonce = randomBytes(16).toString("hex");
  const gate = await startGate({
    // Until readiness tells which loopback address the app took (see setUpstreamHost).
    upstream: { host: "127.0.0.1", port: appPort },
    settings: config.gate,
    logger,
    clientIpHeader: provider.clientIpHeader,
    onUpstreamError: hooks.onUpstreamError,
    reserved: (req, res) => answerProbe(nonce, req, res) || (hooks.reserved?.(req, res) ?? false),
    secrets: ctx.secrets,
  });
  ctx.teardown.add("gate", () => gate.close());
  if (gate.harPath) ctx.deps.state.save(STATE.harPath, gate.harPath);

  const probe = (url: string, probeSignal: AbortSignal) =>
    probePublicUrl({
      url,
      path: PROBE_PATH,
      nonce,
      timeoutMs: config.tunnel.timeoutMs,
      signal: AbortSignal.any([signal, probeSignal]),
      provider: provider.name,
    }).then(() => undefined);
  const tunnel = await provider.open(
    { host: "127.0.0.1", port: gate.port },
    { logger, signal, runDir: ctx.dir, env: ctx.childEnv(), probe },
  );
  ctx.teardown.add("tunnel", () => tunnel.close());
  const probed = await probePublicUrl({
    url: tunnel.url,
    path: PROBE_PATH,
    nonce,
    timeoutMs: config.tunnel.timeoutMs,
    signal,
    provider: provider.name,
  });
  logger.info(`The public URL ${tunnel.url} reaches the gate (probed in ${Math.round(probed.elapsedMs)}ms).`);
  gate.setPublicUrl(tunnel.url);
  return { gate, tunnel };
}

function answerProbe(nonce: string, req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== "GET" || (req.url ?? "").split("?")[0] !== PROBE_PATH) return false;
  res.writeHead(200, { "content-type": "text/plain", "cache-control": "no-store" });
  res.end(nonce);
  return true;
}
