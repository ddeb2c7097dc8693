/**
 * The gate: a reverse proxy on loopback in front of the app, where every tunnel provider
 * points. Each request goes through an ordered list of small stages (stages/*.ts), any of
 * which may answer:
 *
 *   probe (the tunnel probe with the run's key: the one exception to the allow-list)
 *   -> allow-list -> request checks (framing, path) -> reserved routes (the identity provider;
 *   not recorded) -> inspector intake (its own requests marked, replay tickets redeemed)
 *   -> tracking (counted and recorded from here, but the inspector's own) -> refusal
 *   -> login link -> sign-in routes (auth: github) -> webhook verification -> user auth
 *   -> inspector (never exempt) -> namespace (/__preview/) -> body limit -> forward
 *
 * Every decision on a path uses `ex.path`, the one checked and decoded form of it. A new
 * stage is a module in stages/ and one line in the list below.
 */
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { errorMessage } from "../errors.js";
import type { Logger } from "../util/logger.js";
import { SecretRegistry } from "../util/secrets.js";
import { SecretMatcher } from "../util/secure-compare.js";
import { Authenticator } from "./auth.js";
import { createExchange, type Exchange } from "./exchange.js";
import { exposeGc, GcPacer } from "./gc-pacer.js";
import type { GithubSignIn, SignInAudit } from "./github-signin/index.js";
import { createInspector, type FeedLimits, type StreamLimits } from "./inspector/index.js";
import {
  DEFAULT_MAX_UPSTREAM_CONNECTIONS,
  DEFAULT_TIMEOUTS,
  type Timeouts,
  upstreamAgent,
} from "./limits.js";
import { listen } from "./listen.js";
import { ProbeResponder, type ProbeSecrets } from "./probe.js";
import { ReverseProxy } from "./proxy.js";
import { HarRecorder } from "./recorder.js";
import { INSPECT_PATH, LOGIN_PATH } from "./reserved-paths.js";
import { reply } from "./respond.js";
import { type GateSettings, namedGateSecrets } from "./settings.js";
import { runStages, type Stage } from "./stage.js";
import { allowListStage } from "./stages/allow-list.js";
import { bodyLimitStage } from "./stages/body-limit.js";
import { forwardStage, routedForwardStage } from "./stages/forward.js";
import { inspectStage } from "./stages/inspect.js";
import { inspectorIntakeStage } from "./stages/inspector-intake.js";
import { loginLinkStage } from "./stages/login-link.js";
import { namespaceStage } from "./stages/namespace.js";
import { probeStage } from "./stages/probe.js";
import { refusalStage } from "./stages/refusal.js";
import { requestChecksStage } from "./stages/request-checks.js";
import { type ReservedRoute, reservedRoutesStage } from "./stages/reserved-routes.js";
import { signInAuthStage } from "./stages/signin-auth.js";
import { signInRoutesStage } from "./stages/signin-routes.js";
import { tracker } from "./stages/tracking.js";
import { userAuthStage } from "./stages/user-auth.js";
import { webhookRoutes, webhookStage } from "./stages/webhook.js";
import { type GateStats, StatsCollector } from "./stats.js";

/** A service behind the gate, for `routes`. */
export interface GateRoute {
  readonly name: string;
  /** `/`, or `/a/b` without a trailing slash. */
  readonly prefix: string;
  readonly stripPrefix: boolean;
  readonly host: string;
  readonly port: number;
}

export interface GateOptions {
  /** Where the app listens (one app; or give `routes`). */
  readonly upstream?: { readonly host: string; readonly port: number };
  /**
   * Several services, by path prefix: the longest prefix matching the checked path wins (at
   * segment boundaries), and a path none of them claims gets 404. Replaces `upstream`. A
   * single route at `/` costs nothing per request: it is forwarded as `upstream` is.
   */
  readonly routes?: readonly GateRoute[];
  readonly settings: GateSettings;
  readonly logger: Logger;
  /**
   * Header in which the tunnel agent (connecting from loopback) names the client, e.g.
   * "x-forwarded-for" (ngrok) or "cf-connecting-ip" (cloudflared). Undefined: the socket peer.
   */
  readonly clientIpHeader?: string;
  readonly timeouts?: Partial<Timeouts>;
  /** Concurrent connections to the app; more requests wait for a free one (default 128). */
  readonly maxUpstreamConnections?: number;
  /**
   * The app refused, reset or timed out (the client got 502/504). For printing the app's log
   * tail to the step log; called at most once per `upstreamErrorIntervalMs`.
   */
  readonly onUpstreamError?: (error: Error, service: string | undefined) => void;
  readonly upstreamErrorIntervalMs?: number;
  /**
   * Called for requests whose path is under /__preview/ (after the allow-list and the path
   * checks, before sign-in, not recorded) with the checked, decoded path: true when it
   * answered, e.g. the identity provider under /__preview/idp.
   */
  readonly reserved?: ReservedRoute;
  /** The run's probe key and nonce: /__preview/probe answers only a request carrying the key. */
  readonly probe?: ProbeSecrets;
  /**
   * The run's secrets: kept out of the recording. The gate adds its own (credentials, webhook
   * secrets, the login links' tokens and the sessions it opens). Default: a registry of its own.
   */
  readonly secrets?: SecretRegistry;
  /** Also listen on [::1] at the same port, for agents that resolve localhost to ::1 (default true). */
  readonly ipv6?: boolean;
  /** The app's port when it was chosen free before the gate started: the gate takes another. */
  readonly avoidPort?: number;
  /** The services' ports, chosen free before the gate started: the gate takes none of them. */
  readonly avoidPorts?: readonly number[];
  /** Told of every streamed body chunk (default: a young-generation GC per 8 MiB, see gc-pacer.ts). */
  readonly gcPacer?: GcPacer;
  /**
   * With auth: github, the sign-in to use (tests build their own, with a clock or limits of
   * their own). Default: one built from the settings, with the run's token beside it.
   */
  readonly signIn?: GithubSignIn;
  /** The request inspector's bounds (default: the last 1,000 exchanges, 16 open pages). */
  readonly inspectorLimits?: {
    readonly feed?: Partial<FeedLimits>;
    readonly streams?: Partial<StreamLimits>;
  };
}

export interface Gate {
  readonly port: number;
  /** http://127.0.0.1:port */
  readonly url: string;
  /** Path of the HAR file, when recording. */
  readonly harPath: string | undefined;
  /** The tunnel's public URL: used for X-Forwarded-Proto/-Host, Twilio signatures, recordings, login links. */
  setPublicUrl(url: string): void;
  /** The app's loopback address, once known (the gate starts before the app); one service's when named. */
  setUpstreamHost(host: string, service?: string): void;
  /** A one-time login link (`/__preview/login?token=...`) on the public URL when known. */
  loginUrl(): string;
  /** The request inspector's page on the public URL when known; undefined when it is off. */
  inspectorUrl(): string | undefined;
  stats(): GateStats;
  /** With auth: github, who signed in and who was refused (logins and reasons, never tokens). */
  signInAudit(): SignInAudit | undefined;
  /** Stops listening, closes every connection, finishes the recording; idempotent, never throws. */
  close(): Promise<void>;
}

const UPSTREAM_ERROR_INTERVAL_MS = 10_000;

export async function startGate(options: GateOptions): Promise<Gate> {
  const { settings, logger } = options;
  const timeouts: Timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const clientIpHeader = options.clientIpHeader?.toLowerCase();
  const secrets = options.secrets ?? new SecretRegistry();
  for (const { label, value } of namedGateSecrets(settings)) secrets.add(value, label);
  const auth = new Authenticator(settings.auth, (minted) => secrets.add(minted, "a login token or session"));
  const signin = await startSignIn(options, (minted) => secrets.add(minted, "a GitHub sign-in's session"));
  const stats = new StatsCollector();
  const agent = upstreamAgent(options.maxUpstreamConnections ?? DEFAULT_MAX_UPSTREAM_CONNECTIONS);
  const recorder = settings.record
    ? await HarRecorder.open({
        path: settings.record.path,
        bodyLimit: settings.recordBodyLimit,
        redactor: secrets,
        logger,
      })
    : undefined;

  let port = 0;
  let publicUrl: URL | undefined;
  let publicBase: string | undefined;
  const gateUrl = () => `http://127.0.0.1:${port}`;
  const base = () => publicBase ?? gateUrl();

  // Built once: the webhook stage verifies with them, the inspector's replay signs with them.
  const routes = webhookRoutes(settings.webhooks);
  if (settings.inspector && settings.auth.mode === "none") {
    logger.warning(
      `The request inspector is on with auth: none: anyone with the preview's URL can watch its traffic at ${INSPECT_PATH} (redacted as in the HAR) and replay it. Set "inspector: false" or give the preview a sign-in.`,
    );
  }
  const inspector = settings.inspector
    ? createInspector({
        secrets,
        webhooks: routes,
        gate: () => (port === 0 ? undefined : { host: "127.0.0.1", port }),
        clientIpHeader,
        publicOrigin: () => publicUrl?.origin,
        har: recorder ? () => recorder.snapshot() : undefined,
        logger,
        feedLimits: options.inspectorLimits?.feed,
        streamLimits: options.inspectorLimits?.streams,
      })
    : undefined;

  const track = tracker(
    stats,
    recorder,
    base,
    inspector && {
      bodyLimit: settings.recordBodyLimit,
      finished: (ex, recorded) =>
        inspector.add({
          recorded,
          webhook: ex.webhook,
          replay: ex.replay,
          ...(ex.service === undefined ? {} : { service: ex.service }),
        }),
    },
  );
  const report = throttledReport(options, logger);
  const pacer = options.gcPacer ?? new GcPacer(exposeGc());
  const serviceRoutes = gateRoutes(options);
  // One pool for every service: node's agent keeps the sockets of each host:port apart.
  const proxies = new Map(
    serviceRoutes.map((route) => [
      route.name,
      new ReverseProxy({
        upstream: { host: route.host, port: route.port },
        agent,
        upstreamTimeoutMs: timeouts.upstreamMs,
        maxBodyBytes: settings.maxBodyBytes,
        addedHeaders: settings.requestHeaders,
        clientIpHeader,
        publicUrl: () => publicUrl,
        onUpstreamError: (error) => report(error, serviceRoutes.length > 1 ? route.name : undefined),
        finishUpgrade: track.finish,
        pacer,
      }),
    ]),
  );
  const only =
    serviceRoutes.length === 1 && serviceRoutes[0]?.prefix === "/" && !serviceRoutes[0].stripPrefix;
  const forward = only
    ? forwardStage(proxies.values().next().value as ReverseProxy)
    : routedForwardStage(
        serviceRoutes.map((route) => ({ ...route, proxy: proxies.get(route.name) as ReverseProxy })),
      );

  // Connections the gate answered with "Connection: close" after a framing dispute. node has
  // already parsed what was pipelined behind that request and hands it over as more
  // requests: none of them is answered or forwarded; node closes the connection once the
  // refusal is written.
  const refusedConnections = new WeakSet<Duplex>();

  const stages: Stage[] = [
    probeStage(options.probe ? new ProbeResponder(options.probe) : undefined),
    allowListStage(settings.allowCidrs, clientIpHeader),
    requestChecksStage(),
    reservedRoutesStage(options.reserved),
    inspectorIntakeStage(inspector),
    track.stage,
    refusalStage(refusedConnections),
    loginLinkStage(auth),
    signInRoutesStage(signin, () => publicUrl),
    webhookStage({
      routes,
      maxBodyBytes: settings.maxBodyBytes,
      publicUrl: (pathAndQuery, ex) =>
        (publicBase ?? `http://${ex.basics.host ?? `127.0.0.1:${port}`}`) + pathAndQuery,
    }),
    signin ? signInAuthStage(signin, auth) : userAuthStage(auth),
    inspectStage(inspector),
    namespaceStage(settings.inspector),
    bodyLimitStage(settings.maxBodyBytes),
    forward,
  ];

  const failed = (ex: Exchange, error: unknown) => {
    logger.warning(`gate: ${ex.req.method} ${ex.pathname} failed: ${errorMessage(error)}`);
    reply(ex, 500, "internal error in the gate");
  };

  let listening: Awaited<ReturnType<typeof listen>>;
  try {
    listening = await listen(
      {
        request: (req, res, expectContinue) => {
          if (refusedConnections.has(req.socket)) return;
          runStages(stages, createExchange(req, res, req.socket, undefined, expectContinue), failed);
        },
        upgrade: (req: IncomingMessage, socket, head) => {
          if (refusedConnections.has(socket)) return;
          runStages(stages, createExchange(req, undefined, socket, head, false), failed);
        },
      },
      {
        timeouts,
        ipv6: options.ipv6 ?? true,
        logger,
        avoid: (port) => port === options.avoidPort || (options.avoidPorts?.includes(port) ?? false),
      },
    );
  } catch (error) {
    inspector?.close();
    agent.destroy();
    await signin?.close();
    await recorder?.close();
    throw error;
  }
  port = listening.port;

  let closing: Promise<void> | undefined;
  const close = async () => {
    // First: its event streams end cleanly instead of being cut with the connections.
    inspector?.close();
    listening.close();
    for (const proxy of proxies.values()) for (const tunnel of [...proxy.tunnels]) tunnel.destroy();
    agent.destroy();
    await signin?.close();
    await recorder?.close();
  };

  return {
    port,
    url: gateUrl(),
    harPath: recorder?.path,
    setPublicUrl(url: string) {
      publicUrl = new URL(url);
      publicBase = url.replace(/\/+$/, "");
    },
    setUpstreamHost(host, service) {
      for (const [name, proxy] of proxies)
        if (service === undefined || name === service) proxy.setUpstreamHost(host);
    },
    loginUrl() {
      return `${base()}${LOGIN_PATH}?token=${auth.createLoginToken()}`;
    },
    inspectorUrl: () => (inspector ? `${base()}${INSPECT_PATH}` : undefined),
    stats: () => stats.snapshot(),
    signInAudit: () => signin?.audit(),
    close() {
      closing ??= close().catch((error: unknown) => logger.warning(`gate: close: ${errorMessage(error)}`));
      return closing;
    },
  };
}

/**
 * The GitHub sign-in for auth: github (loaded only then), with the run's own token beside it;
 * rules that do not do what they seem to are warned about once, here.
 */
async function startSignIn(
  options: GateOptions,
  onMinted: (secret: string) => void,
): Promise<GithubSignIn | undefined> {
  const auth = options.settings.auth;
  if (auth.mode !== "github") return undefined;
  const { allowWarnings, GithubSignIn, repoName } = await import("./github-signin/index.js");
  const settings = auth.signin;
  for (const warning of allowWarnings(settings.allow, {
    repo: repoName(settings.repository),
    author: settings.pullRequestAuthor,
    repoIsPublic: settings.repositoryIsPublic,
  })) {
    options.logger.warning(warning);
  }
  if (options.signIn) return options.signIn;
  return new GithubSignIn({
    settings,
    logger: options.logger,
    runToken: new SecretMatcher(Buffer.from(auth.token, "utf8")),
    onMinted,
  });
}

/** `routes`, or `upstream` as the one route at `/`. */
function gateRoutes(options: GateOptions): readonly GateRoute[] {
  // No route at all (every service has `path: none`): every request gets 404.
  if (options.routes !== undefined) return options.routes;
  if (options.upstream === undefined) throw new Error("startGate needs an upstream or routes");
  return [{ name: "app", prefix: "/", stripPrefix: false, ...options.upstream }];
}

/** The app could not be reached: told to the hook at most once per interval (it prints the app's log). */
function throttledReport(
  options: GateOptions,
  logger: Logger,
): (error: Error, service: string | undefined) => void {
  // Per service: one service's errors do not hide another's.
  const last = new Map<string | undefined, number>();
  return (error, service) => {
    logger.debug(`gate: upstream error: ${errorMessage(error)}`);
    const now = performance.now();
    const before = last.get(service) ?? Number.NEGATIVE_INFINITY;
    if (now - before < (options.upstreamErrorIntervalMs ?? UPSTREAM_ERROR_INTERVAL_MS)) return;
    last.set(service, now);
    try {
      options.onUpstreamError?.(error, service);
    } catch (hookError) {
      logger.debug(`gate: onUpstreamError failed: ${errorMessage(hookError)}`);
    }
  };
}
