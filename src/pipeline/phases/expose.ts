/**
 * The expose phase: the gate in front of the app's port, the tunnel in front of the gate,
 * and proof that the public URL really reaches this run's gate before anyone is told it. Adds
 * the exposure (gate, tunnel) and the public URL; tears down the tunnel, then the gate. The
 * tunnel is watched: a new URL after a reconnect is announced again, a lost one fails the run.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { errorMessage } from "../../errors.js";
import {
  type GateRoute,
  newProbeSecrets,
  PROBE_KEY_HEADER,
  PROBE_PATH,
  startGate,
} from "../../gate/index.js";
import { STATE } from "../../session/state.js";
import { probePublicUrl, type TunnelProvider } from "../../tunnel/index.js";
import type { RunContext } from "../context.js";
import type { Exposure } from "../reached.js";

export interface ExposeOptions {
  readonly provider: TunnelProvider;
  /** The services' ports (they start later, knowing the public URL): the gate takes none of them. */
  readonly appPorts: readonly number[];
  /** The services behind the gate, by path prefix. */
  readonly routes: readonly GateRoute[];
  /** Other reserved paths (the identity provider), given the checked path; true when answered. */
  readonly reserved?: (req: IncomingMessage, res: ServerResponse, path: string) => boolean;
  /** The tunnel came back on another URL. */
  readonly onNewUrl: (url: string, exposure: Exposure) => void;
}

export function expose(ctx: RunContext, options: ExposeOptions): Promise<Exposure> {
  const { provider } = options;
  return ctx.clock.run(
    "expose",
    async () => {
      const exposure = await openExposure(ctx, options);
      ctx.reached.exposure = exposure;
      ctx.reached.url = exposure.tunnel.url;
      watchTunnel(ctx, exposure, options.onNewUrl);
      return exposure;
    },
    (e) => `${provider.name}: ${e.tunnel.url}`,
  );
}

async function openExposure(ctx: RunContext, options: ExposeOptions): Promise<Exposure> {
  const { settings, logger, signal } = ctx;
  const { provider } = options;
  // The gate answers the probe with the nonce, only to a request carrying the key (gate/probe.ts).
  const probeSecrets = newProbeSecrets();
  const probeOptions = {
    path: PROBE_PATH,
    nonce: probeSecrets.nonce,
    headers: { [PROBE_KEY_HEADER]: probeSecrets.key },
    timeoutMs: settings.tunnel.timeoutMs,
    provider: provider.name,
  };
  const gate = await startGate({
    // 127.0.0.1 until readiness tells which loopback address each service took (setUpstreamHost).
    routes: options.routes,
    // Chosen free a moment ago and not taken yet: the OS could give one to the gate.
    avoidPorts: options.appPorts,
    settings: settings.gate,
    logger,
    clientIpHeader: provider.clientIpHeader,
    onUpstreamError: (error, service) => {
      const app = ctx.reached.app;
      if (app && !ctx.teardown.started) {
        const what = service === undefined ? "the app" : `service "${service}"`;
        logger.warning(
          `A request through the gate could not reach ${what} (${errorMessage(error)}).\n${app.describeTail(service)}`,
        );
      }
    },
    reserved: options.reserved,
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

/** A tunnel that reconnects with a new URL is announced again; one that is lost fails the run. */
function watchTunnel(ctx: RunContext, exposure: Exposure, onNewUrl: ExposeOptions["onNewUrl"]): void {
  exposure.tunnel.on("url", (url) => {
    ctx.logger.warning(`The tunnel reconnected with a new public URL: ${url}`);
    exposure.gate.setPublicUrl(url);
    ctx.reached.url = url;
    onNewUrl(url, exposure);
  });
  exposure.tunnel.on("lost", (error) => {
    if (ctx.teardown.started) return;
    const lost = `The tunnel was lost and could not be brought back: ${errorMessage(error)}`;
    ctx.reached.tunnelLost = lost;
    ctx.logger.error(lost);
    void ctx.deps.publisher?.failed(lost);
  });
}
