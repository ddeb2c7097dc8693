/**
 * cloudflared quick tunnel (no account): `cloudflared tunnel --url http://<gate>` with an
 * isolated config (a user's ~/.cloudflared/config.yaml breaks quick tunnels) and a local
 * metrics server, whose /quicktunnel gives the hostname and /ready says the edge connection
 * is up: no log scraping, except to recognise the creation rate limit.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { freePort } from "../app/index.js";
import { StartError } from "../errors.js";
import { makeDir } from "../util/make-dir.js";
import { formatDuration, sleep } from "../util/time.js";
import { type Agent, describeExit, startAgent } from "./agent.js";
import type { Backoff } from "./backoff.js";
import { type CloudflaredInstaller, findOnPath } from "./cloudflared-install.js";
import { KeptTunnel, type Session } from "./keep-up.js";
import type { OpenOptions, Tunnel, TunnelProvider, TunnelTarget } from "./provider.js";

export interface CloudflaredProviderOptions {
  readonly version: string;
  /** tunnel-timeout: for the hostname and /ready, and for each comeback. */
  readonly timeoutMs: number;
  /** Used when no cloudflared is on PATH. */
  readonly installer: () => Promise<CloudflaredInstaller>;
  /** An executable to use instead of looking on PATH (tests). */
  readonly executable?: string;
  /** Public URL for a hostname; tests map the stand-in's hostname to its local port. */
  readonly publicUrl?: (hostname: string) => string | Promise<string>;
  readonly backoff?: Backoff;
}

/** What cloudflared prints when trycloudflare.com refuses to create more tunnels. */
const RATE_LIMITED = /429 Too Many Requests|error code: 1015|failed to unmarshal quick Tunnel/i;

export function cloudflaredProvider(options: CloudflaredProviderOptions): TunnelProvider {
  return {
    name: "cloudflared",
    // cloudflared sets it from the edge; X-Forwarded-For could carry a client-supplied value.
    clientIpHeader: "cf-connecting-ip",
    open: (target, openOptions) => openCloudflared(options, target, openOptions),
  };
}

async function openCloudflared(
  options: CloudflaredProviderOptions,
  target: TunnelTarget,
  open: OpenOptions,
): Promise<Tunnel> {
  const { logger, runDir } = open;
  const env = open.env ?? process.env;
  makeDir(runDir);
  let executable = options.executable ?? findOnPath("cloudflared", env);
  if (executable !== undefined) logger.info(`cloudflared: using ${executable}`);
  else executable = await (await options.installer()).install(options.version, logger);
  const config = path.join(runDir, "cloudflared.yml");
  // Empty on purpose: keeps ~/.cloudflared/config.yaml (tunnel, ingress) out of a quick tunnel.
  writeFileSync(config, "# isolated from ~/.cloudflared by preview-tunnel\n");
  const host = target.host.includes(":") ? `[${target.host}]` : target.host;
  const connect = (signal: AbortSignal) =>
    connectOnce({
      options,
      executable: executable as string,
      config,
      origin: `http://${host}:${target.port}`,
      env,
      logFile: path.join(runDir, "cloudflared.log"),
      signal,
    });
  let first: Session;
  try {
    first = await connect(AbortSignal.any([open.signal, AbortSignal.timeout(options.timeoutMs)]));
  } catch (error) {
    if (open.signal.aborted && open.signal.reason instanceof Error) throw open.signal.reason;
    throw error;
  }
  logger.info(`cloudflared: quick tunnel up at ${first.url}`);
  return new KeptTunnel(first, {
    provider: "cloudflared",
    connect,
    timeoutMs: options.timeoutMs,
    logger,
    probe: open.probe,
    backoff: options.backoff,
  });
}

interface ConnectArgs {
  readonly options: CloudflaredProviderOptions;
  readonly executable: string;
  readonly config: string;
  readonly origin: string;
  readonly env: NodeJS.ProcessEnv;
  readonly logFile: string;
  readonly signal: AbortSignal;
}

/** The metrics port is picked free just before cloudflared binds it: on a lost race, pick again. */
async function connectOnce(args: ConnectArgs): Promise<Session> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startAndWait(args);
    } catch (error) {
      if (attempt >= 3 || !/address already in use/i.test((error as Error).message)) throw error;
    }
  }
}

async function startAndWait(args: ConnectArgs): Promise<Session> {
  const { options, signal } = args;
  signal.throwIfAborted();
  const metrics = `127.0.0.1:${await freePort()}`;
  let agent: Agent;
  try {
    agent = await startAgent({
      command: args.executable,
      args: [
        "tunnel",
        "--no-autoupdate",
        "--config",
        args.config,
        "--metrics",
        metrics,
        "--url",
        args.origin,
      ],
      env: args.env,
      logFile: args.logFile,
    });
  } catch (error) {
    throw new StartError(
      `cloudflared could not be started from ${args.executable} (${(error as Error).message}).`,
    );
  }
  const started = Date.now();
  const failure = (what: string, hint: string) =>
    new StartError(
      `The cloudflared quick tunnel ${what}.\ncloudflared printed:\n${agent.output.describe(12)}\n${hint}`,
    );
  try {
    const hostname = await waitForTunnel(
      agent,
      metrics,
      signal,
      (what, hint) => failure(what, hint),
      started,
    );
    const url = (await options.publicUrl?.(hostname)) ?? `https://${hostname}`;
    return {
      url,
      ended: agent.exited.then((exit) => `cloudflared ${describeExit(exit)}`),
      stop: () => agent.stop(),
    };
  } catch (error) {
    await agent.stop();
    throw error;
  }
}

const RATE_LIMIT_HINT =
  "trycloudflare.com is rate-limiting the creation of quick tunnels from this address (HTTP 429, error code 1015). Wait a few minutes and re-run, or use provider: ngrok or ssh.";

/** Polls the metrics server: /quicktunnel for the hostname, then /ready for a 200. */
async function waitForTunnel(
  agent: Agent,
  metrics: string,
  signal: AbortSignal,
  failure: (what: string, hint: string) => Error,
  started: number,
): Promise<string> {
  let rateLimited = false;
  const stopWatching = agent.output.onLine((line) => {
    if (RATE_LIMITED.test(line)) rateLimited = true;
  });
  let hostname = "";
  let lastReady = "no answer yet";
  try {
    for (let attempt = 0; ; attempt++) {
      if (rateLimited) throw failure("could not be created", RATE_LIMIT_HINT);
      const exit = agent.exitInfo();
      if (exit) throw failure(`${describeExit(exit)} before it was ready`, "Check its output above.");
      if (signal.aborted) {
        const reason = signal.reason as Error | undefined;
        if (reason && reason.name !== "TimeoutError") throw reason;
        throw failure(
          hostname === ""
            ? `got no hostname within ${formatDuration(Date.now() - started)} (tunnel-timeout)`
            : `got ${hostname} but was not ready within ${formatDuration(Date.now() - started)} (last /ready: ${lastReady})`,
          "Raise tunnel-timeout, or use provider: ngrok or ssh.",
        );
      }
      if (hostname === "") hostname = await quickTunnelHostname(metrics, signal);
      if (hostname !== "") {
        const ready = await getText(`http://${metrics}/ready`, signal);
        if (ready?.status === 200) return hostname;
        lastReady = ready === undefined ? "no answer" : `HTTP ${ready.status}`;
      }
      await Promise.race([sleep(Math.min(1000, 50 * 2 ** attempt), signal), agent.exited]);
    }
  } finally {
    stopWatching();
  }
}

async function quickTunnelHostname(metrics: string, signal: AbortSignal): Promise<string> {
  const answer = await getText(`http://${metrics}/quicktunnel`, signal);
  if (answer?.status !== 200) return "";
  try {
    const hostname = (JSON.parse(answer.body) as { hostname?: unknown }).hostname;
    return typeof hostname === "string" && /^[A-Za-z0-9.-]+$/.test(hostname) ? hostname : "";
  } catch {
    return "";
  }
}

async function getText(
  url: string,
  signal: AbortSignal,
): Promise<{ status: number; body: string } | undefined> {
  try {
    const response = await fetch(url, { signal: AbortSignal.any([signal, AbortSignal.timeout(2000)]) });
    return { status: response.status, body: await response.text() };
  } catch {
    return undefined;
  }
}
