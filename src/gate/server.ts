/**
 * The gate: a reverse proxy on loopback in front of the app, where every tunnel provider
 * points. Each request first goes through checks that come before any decision on its path,
 * then an ordered pipeline of small stages, any of which may answer:
 *
 *   tunnel probe carrying the run's key (probe.ts, the one exception to the allow-list)
 *   -> client allow-list -> framing and path checks (framing.ts, request-path.ts)
 *   -> reserved /__preview/ hook (the identity provider; not recorded)
 *   -> login link -> webhook verification -> user auth -> /__preview/ namespace
 *   -> body limit -> proxy (recorded from the allow-list on)
 *
 * Every decision on a path uses `ex.path`, the one checked and decoded form of it.
 */

import type { IncomingMessage, ServerResponse } from "node:http";
import http from "node:http";
import type { Socket } from "node:net";
import type { Duplex } from "node:stream";
import { errorMessage } from "../errors.js";
import type { Logger } from "../util/logger.js";
import { SecretRegistry } from "../util/secrets.js";
import { Authenticator } from "./auth.js";
import { clientAddress, isAllowed } from "./client-ip.js";
import { createExchange, type Exchange } from "./exchange.js";
import { framingRefusal } from "./framing.js";
import { exposeGc, GcPacer } from "./gc-pacer.js";
import {
  DEFAULT_MAX_UPSTREAM_CONNECTIONS,
  DEFAULT_TIMEOUTS,
  declaredLength,
  serverOptions,
  type Timeouts,
  tooLargeMessage,
  upstreamAgent,
} from "./limits.js";
import { ProbeResponder, type ProbeSecrets } from "./probe.js";
import { ReverseProxy } from "./proxy.js";
import { HarRecorder, recordedUrl } from "./recorder.js";
import { requestPath } from "./request-path.js";
import { isReservedPath, LOGIN_PATH } from "./reserved-paths.js";
import { reply } from "./respond.js";
import { SESSION_COOKIE } from "./session-cookie.js";
import { type GateSettings, gateSecrets } from "./settings.js";
import { type GateStats, StatsCollector } from "./stats.js";
import { webhookRoutes, webhookStage } from "./webhook-verify.js";

export interface GateOptions {
  /** Where the app listens. */
  readonly upstream: { readonly host: string; readonly port: number };
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
  readonly onUpstreamError?: (error: Error) => void;
  readonly upstreamErrorIntervalMs?: number;
  /**
   * Called for requests whose path is under /__preview/ (after the allow-list and the path
   * checks, before sign-in, not recorded) with the checked, decoded path: true when it
   * answered, e.g. the identity provider under /__preview/idp.
   */
  readonly reserved?: (req: IncomingMessage, res: ServerResponse, path: string) => boolean;
  /** The run's probe key and nonce: /__preview/probe answers only a request carrying the key. */
  readonly probe?: ProbeSecrets;
  /**
   * The run's secrets: kept out of the recording. The gate adds its own (credentials, webhook
   * secrets, the login links' tokens and the sessions it opens). Default: a registry of its own.
   */
  readonly secrets?: SecretRegistry;
  /** Also listen on [::1] at the same port, for agents that resolve localhost to ::1 (default true). */
  readonly ipv6?: boolean;
  /** Told of every streamed body chunk (default: a young-generation GC per 8 MiB, see gc-pacer.ts). */
  readonly gcPacer?: GcPacer;
}

export interface Gate {
  readonly port: number;
  /** http://127.0.0.1:port */
  readonly url: string;
  /** Path of the HAR file, when recording. */
  readonly harPath: string | undefined;
  /** The tunnel's public URL: used for X-Forwarded-Proto/-Host, Twilio signatures, recordings, login links. */
  setPublicUrl(url: string): void;
  /** The app's loopback address, once known (the gate starts before the app). */
  setUpstreamHost(host: string): void;
  /** A one-time login link (`/__preview/login?token=...`) on the public URL when known. */
  loginUrl(): string;
  stats(): GateStats;
  /** Stops listening, closes every connection, finishes the recording; idempotent, never throws. */
  close(): Promise<void>;
}

/** Answers (true) or passes on (false); a promise only when it must wait (webhook bodies). */
type Stage = (ex: Exchange) => boolean | Promise<boolean>;

const UPSTREAM_ERROR_INTERVAL_MS = 10_000;
const CLOSE = { connection: "close" } as const;

/** An answer the gate gives before any stage; `close` ends the connection after it. */
interface Refusal {
  readonly status: number;
  readonly message: string;
  readonly close?: boolean;
}

export async function startGate(options: GateOptions): Promise<Gate> {
  const { settings, logger } = options;
  const timeouts: Timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const clientIpHeader = options.clientIpHeader?.toLowerCase();
  const secrets = options.secrets ?? new SecretRegistry();
  for (const value of gateSecrets(settings)) secrets.add(value, "a secret of the gate's inputs");
  const auth = new Authenticator(settings.auth, (minted) => secrets.add(minted, "a login token or session"));
  const probe = options.probe ? new ProbeResponder(options.probe) : undefined;
  const stats = new StatsCollector();
  const agent = upstreamAgent(options.maxUpstreamConnections ?? DEFAULT_MAX_UPSTREAM_CONNECTIONS);
  const recorder = settings.record
    ? await HarRecorder.open({
        path: settings.record.path,
        bodyLimit: settings.record.bodyLimit,
        redactor: secrets,
        logger,
      })
    : undefined;

  let port = 0;
  let publicUrl: URL | undefined;
  let publicBase: string | undefined;
  const gateUrl = () => `http://127.0.0.1:${port}`;
  const base = () => publicBase ?? gateUrl();

  let lastUpstreamReport = Number.NEGATIVE_INFINITY;
  const onUpstreamError = (error: Error) => {
    logger.debug(`gate: upstream error: ${errorMessage(error)}`);
    const now = performance.now();
    if (now - lastUpstreamReport < (options.upstreamErrorIntervalMs ?? UPSTREAM_ERROR_INTERVAL_MS)) return;
    lastUpstreamReport = now;
    try {
      options.onUpstreamError?.(error);
    } catch (hookError) {
      logger.debug(`gate: onUpstreamError failed: ${errorMessage(hookError)}`);
    }
  };

  const finish = (ex: Exchange) => {
    if (ex.finished) return;
    ex.finished = true;
    const res = ex.res;
    const status = res ? (res.headersSent ? res.statusCode : 0) : ex.status;
    // The client went away before the response was complete: stop the app's side too.
    if (res && !res.writableFinished) ex.upstream?.destroy();
    stats.add({
      method: ex.req.method ?? "",
      path: ex.pathname,
      status,
      ms: performance.now() - ex.started,
      at: ex.startedAt,
    });
    ex.record?.finish(ex);
  };

  const proxy = new ReverseProxy({
    upstream: options.upstream,
    agent,
    upstreamTimeoutMs: timeouts.upstreamMs,
    maxBodyBytes: settings.maxBodyBytes,
    addedHeaders: settings.requestHeaders,
    clientIpHeader,
    publicUrl: () => publicUrl,
    onUpstreamError,
    finishUpgrade: finish,
    pacer: options.gcPacer ?? new GcPacer(exposeGc()),
  });

  const stages: Stage[] = [
    function loginLink(ex) {
      if (ex.path !== LOGIN_PATH) return false;
      auth.login(ex);
      return true;
    },
    webhookStage({
      routes: webhookRoutes(settings.webhooks),
      maxBodyBytes: settings.maxBodyBytes,
      publicUrl: (pathAndQuery, ex) =>
        (publicBase ?? `http://${ex.basics.host ?? `127.0.0.1:${port}`}`) + pathAndQuery,
    }),
    function userAuth(ex) {
      ex.stripSessionCookie = ex.basics.cookie?.includes(SESSION_COOKIE) ?? false;
      if (ex.webhookVerified) return false;
      const result = auth.check(ex.basics);
      if (result.ok) {
        ex.stripAuthorization = result.via === "header";
        return false;
      }
      reply(ex, 401, result.reason, { "www-authenticate": result.challenge });
      return true;
    },
    function namespace(ex) {
      if (!isReservedPath(ex.path)) return false;
      reply(ex, 404, `${ex.path} is not a path of the gate`);
      return true;
    },
    function bodyLimit(ex) {
      const length = declaredLength(ex.basics.contentLength);
      if (ex.body !== undefined || length === undefined || length <= settings.maxBodyBytes) return false;
      reply(ex, 413, tooLargeMessage(settings.maxBodyBytes));
      return true;
    },
    function forward(ex) {
      if (ex.res) proxy.forward(ex);
      else proxy.upgrade(ex);
      return true;
    },
  ];

  const failed = (ex: Exchange, error: unknown) => {
    logger.warning(`gate: ${ex.req.method} ${ex.pathname} failed: ${errorMessage(error)}`);
    reply(ex, 500, "internal error in the gate");
  };

  const run = (ex: Exchange, from: number): void => {
    for (let i = from; i < stages.length; i++) {
      const result = (stages[i] as Stage)(ex);
      if (result === true) return;
      if (result !== false) {
        result.then(
          (handled) => {
            if (!handled) run(ex, i + 1);
          },
          (error: unknown) => failed(ex, error),
        );
        return;
      }
    }
  };

  /** Checks before any decision on the path; sets `ex.path`. Undefined: go on. */
  const refusal = (ex: Exchange): Refusal | undefined => {
    // First for every path, the reserved ones included (only the keyed probe came before).
    if (!isAllowed(settings.allowCidrs, ex.clientIp)) {
      return { status: 403, message: `client address ${ex.clientIp ?? "(unknown)"} is not in allow-cidrs` };
    }
    const framing = framingRefusal(ex.basics, ex.req.httpVersion);
    if (framing !== undefined) return { ...framing, close: true };
    const path = requestPath(ex.pathname);
    if (typeof path !== "string") return { status: 400, message: path.refused };
    ex.path = path;
    return undefined;
  };

  const begin = (ex: Exchange) => {
    ex.clientIp = clientAddress(ex.req, clientIpHeader);
    const refused = refusal(ex);
    const res = ex.res;
    if (
      refused === undefined &&
      res !== undefined &&
      options.reserved !== undefined &&
      isReservedPath(ex.path) &&
      options.reserved(ex.req, res, ex.path)
    ) {
      return;
    }
    if (res) res.once("close", () => finish(ex));
    else ex.socket.once("close", () => finish(ex));
    ex.record = recorder?.begin(
      ex.req.method ?? "GET",
      recordedUrl(base(), ex.req.url ?? "/"),
      ex.req.httpVersion,
      ex.req.rawHeaders,
      ex.startedAt,
      ex.clientIp,
    );
    if (refused !== undefined) {
      if (refused.close) refusedConnections.add(ex.req.socket);
      reply(ex, refused.status, refused.message, refused.close ? CLOSE : undefined);
      return;
    }
    try {
      run(ex, 0);
    } catch (error) {
      failed(ex, error);
    }
  };

  // Connections the gate answered with "Connection: close" after a framing dispute. node has
  // already parsed what was pipelined behind that request and hands it over as more
  // requests: none of them is answered or forwarded; node closes the connection once the
  // refusal is written.
  const refusedConnections = new WeakSet<Duplex>();

  const onRequest = (req: IncomingMessage, res: ServerResponse, expectContinue: boolean) => {
    if (refusedConnections.has(req.socket)) return;
    const ex = createExchange(req, res, req.socket, undefined, expectContinue);
    if (probe?.answer(req, res, ex.pathname)) return;
    begin(ex);
  };

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (refusedConnections.has(socket)) return;
    begin(createExchange(req, undefined, socket, head, false));
  };

  const sockets = new Set<Socket>();
  const createServer = () => {
    const server = http.createServer(serverOptions(timeouts));
    server.on("request", (req, res) => onRequest(req, res, false));
    server.on("checkContinue", (req, res) => onRequest(req, res, true));
    server.on("upgrade", onUpgrade);
    server.on("connection", (socket: Socket) => {
      sockets.add(socket);
      socket.once("close", () => sockets.delete(socket));
    });
    return server;
  };

  const servers: http.Server[] = [];
  const listen = (server: http.Server, host: string, wanted: number, ipv6Only = false) =>
    new Promise<number>((resolve, reject) => {
      server.once("error", reject);
      server.listen({ host, port: wanted, ipv6Only }, () => {
        server.off("error", reject);
        const address = server.address();
        resolve(typeof address === "object" && address ? address.port : wanted);
      });
    });

  const main = createServer();
  try {
    port = await listen(main, "127.0.0.1", 0);
  } catch (error) {
    agent.destroy();
    await recorder?.close();
    throw error;
  }
  servers.push(main);
  if (options.ipv6 ?? true) {
    const v6 = createServer();
    try {
      await listen(v6, "::1", port, true);
      servers.push(v6);
    } catch (error) {
      // No IPv6 loopback, or the port is taken there: 127.0.0.1 is enough.
      logger.debug(`gate: not listening on [::1]:${port}: ${errorMessage(error)}`);
    }
  }

  let closing: Promise<void> | undefined;
  const close = async () => {
    for (const server of servers) {
      server.close();
      server.closeAllConnections();
    }
    for (const tunnel of [...proxy.tunnels]) tunnel.destroy();
    for (const socket of sockets) socket.destroy();
    agent.destroy();
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
    setUpstreamHost: (host) => proxy.setUpstreamHost(host),
    loginUrl() {
      return `${base()}${LOGIN_PATH}?token=${auth.createLoginToken()}`;
    },
    stats: () => stats.snapshot(),
    close() {
      closing ??= close().catch((error: unknown) => logger.warning(`gate: close: ${errorMessage(error)}`));
      return closing;
    },
  };
}
