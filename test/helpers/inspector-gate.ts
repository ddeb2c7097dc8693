/**
 * A stand-in for the gate with the request inspector wired in the way the gate will wire it
 * (until it is: see the wiring notes in src/gate/inspector/index.ts), built from the gate's
 * own pieces on a real HTTP server on 127.0.0.1:0: the exchange, the checked path, the HAR
 * recorder (or the in-memory capture when recording is off), the webhook stage with the real
 * verifiers, Basic auth, the reverse proxy. Per request:
 *
 *   path check -> inspector's own path? (then not recorded, not counted)
 *   -> replay ticket redeemed and taken off the request -> recording begins
 *   -> webhook verification -> user auth (ticket or verified webhook let in; never for the
 *      inspector's paths) -> inspector routes -> /__preview/ 404 -> proxy
 *   -> on close: recorder entry finished, then handed to the inspector.
 *
 * Test hooks: `killStreams()` destroys the open event streams' sockets (a dropped connection);
 * `holdStreams()` keeps new /events requests waiting until released, so a test can send
 * requests while the page is disconnected; `eventRequests` lists each /events request's
 * Last-Event-ID.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { Authenticator } from "../../src/gate/auth.js";
import { clientAddress } from "../../src/gate/client-ip.js";
import { createExchange, type Exchange } from "../../src/gate/exchange.js";
import { exposeGc, GcPacer } from "../../src/gate/gc-pacer.js";
import { rawHeader } from "../../src/gate/headers.js";
import {
  authenticated,
  createInspector,
  type FeedLimits,
  type Inspector,
  isInspectorPath,
  REPLAY_HEADER,
  type ReplayTicket,
  type StreamLimits,
} from "../../src/gate/inspector/index.js";
import { upstreamAgent } from "../../src/gate/limits.js";
import { ReverseProxy } from "../../src/gate/proxy.js";
import { captureExchange, HarRecorder, type RecordedExchange, recordedUrl } from "../../src/gate/recorder.js";
import { requestPath } from "../../src/gate/request-path.js";
import { reply } from "../../src/gate/respond.js";
import type { WebhookRule } from "../../src/gate/settings.js";
import { webhookRoutes, webhookStage } from "../../src/gate/stages/webhook.js";
import { StatsCollector } from "../../src/gate/stats.js";
import { SecretRegistry } from "../../src/util/secrets.js";
import { testLogger } from "../integration/gate-helpers.js";

export interface InspectorGateOptions {
  readonly appPort: number;
  readonly username: string;
  readonly password: string;
  readonly webhooks?: readonly WebhookRule[];
  /** Record to this HAR file; undefined: recording off (the inspector keeps its own capture). */
  readonly harPath?: string;
  readonly bodyLimit?: number;
  readonly maxBodyBytes?: number;
  readonly feedLimits?: Partial<FeedLimits>;
  readonly streamLimits?: Partial<StreamLimits>;
  /** false: the inspector is off (its path goes to the app like any other). */
  readonly inspector?: boolean;
}

export interface InspectorGate {
  readonly url: string;
  readonly port: number;
  readonly inspector: Inspector | undefined;
  readonly secrets: SecretRegistry;
  readonly recorder: HarRecorder | undefined;
  /** What the gate's summary would count. */
  readonly stats: StatsCollector;
  /** Last-Event-ID (header or query) of each /events request, in order. */
  readonly eventRequests: string[];
  killStreams(): void;
  /** New /events requests wait until the returned function is called. */
  holdStreams(): () => void;
  close(): Promise<void>;
}

/** The tunnel agent names the client in X-Forwarded-For (as ngrok does); the gate trusts it from loopback. */
const CLIENT_IP_HEADER = "x-forwarded-for";

export async function startInspectorGate(options: InspectorGateOptions): Promise<InspectorGate> {
  const logger = testLogger();
  const secrets = new SecretRegistry();
  secrets.add(options.password, "password");
  for (const rule of options.webhooks ?? []) secrets.add(rule.secret, rule.secretEnv);
  const auth = new Authenticator(
    { mode: "basic", username: options.username, password: options.password },
    (minted) => secrets.add(minted, "session"),
  );
  const bodyLimit = options.bodyLimit ?? 64 * 1024;
  const maxBodyBytes = options.maxBodyBytes ?? 25 * 1024 * 1024;
  const recorder = options.harPath
    ? await HarRecorder.open({ path: options.harPath, bodyLimit, redactor: secrets, logger })
    : undefined;
  const routes = webhookRoutes(options.webhooks ?? []);
  let port = 0;
  const inspector =
    options.inspector === false
      ? undefined
      : createInspector({
          secrets,
          webhooks: routes,
          gate: () => (port === 0 ? undefined : { host: "127.0.0.1", port }),
          clientIpHeader: CLIENT_IP_HEADER,
          publicOrigin: () => `http://127.0.0.1:${port}`,
          har: recorder ? () => recorder.snapshot() : undefined,
          logger,
          feedLimits: options.feedLimits,
          streamLimits: options.streamLimits,
        });
  const stats = new StatsCollector();
  const agent = upstreamAgent(64);
  const tickets = new WeakMap<Exchange, ReplayTicket>();

  const finish = (ex: Exchange) => {
    if (ex.finished) return;
    ex.finished = true;
    const res = ex.res as http.ServerResponse;
    if (!res.writableFinished) ex.upstream?.destroy();
    const status = res.headersSent ? res.statusCode : 0;
    stats.add({
      method: ex.req.method ?? "",
      path: ex.pathname,
      status,
      ms: performance.now() - ex.started,
      at: ex.startedAt,
    });
    const record = ex.record as RecordedExchange | undefined;
    if (record === undefined) return;
    record.finish(ex);
    inspector?.add({ recorded: record, webhook: ex.webhook, replay: tickets.get(ex) });
  };

  const proxy = new ReverseProxy({
    upstream: { host: "127.0.0.1", port: options.appPort },
    agent,
    upstreamTimeoutMs: 30_000,
    maxBodyBytes,
    addedHeaders: [],
    clientIpHeader: CLIENT_IP_HEADER,
    publicUrl: () => undefined,
    onUpstreamError: () => undefined,
    finishUpgrade: finish,
    pacer: new GcPacer(exposeGc()),
  });
  const verifyWebhooks = webhookStage({
    routes,
    maxBodyBytes,
    publicUrl: (pathAndQuery, ex) => `http://${ex.basics.host ?? `127.0.0.1:${port}`}${pathAndQuery}`,
  });

  const eventRequests: string[] = [];
  const streams = new Set<Duplex>();
  let held: (() => void)[] | undefined;

  /** User auth, then the inspector's routes, the namespace and the proxy. */
  const afterWebhooks = (ex: Exchange, own: boolean) => {
    const ticket = tickets.get(ex);
    // The inspector is never exempt: no webhook signature and no replay ticket opens it.
    const exempt = !own && (ex.webhookVerified || ticket !== undefined);
    if (!exempt) {
      const result = auth.check(ex.basics);
      if (!result.ok) {
        reply(ex, 401, result.reason, { "www-authenticate": result.challenge });
        return;
      }
      ex.stripAuthorization = result.via === "header";
    }
    const res = ex.res as http.ServerResponse;
    if (own && inspector) {
      const serve = () =>
        inspector.handle(
          authenticated({ req: ex.req, res, path: ex.path, user: undefined, clientIp: ex.clientIp }),
        );
      if (ex.path === "/__preview/inspect/events") {
        eventRequests.push(
          String(
            ex.req.headers["last-event-id"] ??
              new URL(ex.req.url ?? "/", "http://x").searchParams.get("lastEventId") ??
              "",
          ),
        );
        streams.add(ex.req.socket);
        ex.req.socket.once("close", () => streams.delete(ex.req.socket));
        if (held) {
          held.push(serve);
          return;
        }
      }
      serve();
      return;
    }
    if (ex.path.startsWith("/__preview/")) {
      reply(ex, 404, `${ex.path} is not a path of the gate`);
      return;
    }
    proxy.forward(ex);
  };

  const server = http.createServer((req, res) => {
    const ex = createExchange(req, res, req.socket, undefined, false);
    ex.clientIp = clientAddress(req, CLIENT_IP_HEADER);
    const path = requestPath(ex.pathname);
    if (typeof path !== "string") {
      reply(ex, 400, path.refused);
      return;
    }
    ex.path = path;
    const own = inspector !== undefined && isInspectorPath(path);
    if (!own) {
      // The ticket is taken off the request before anything records or forwards it.
      const value = rawHeader(req.rawHeaders, REPLAY_HEADER);
      if (value !== undefined) {
        const ticket = inspector?.redeemReplay(value);
        if (ticket) tickets.set(ex, ticket);
        for (let i = req.rawHeaders.length - 2; i >= 0; i -= 2) {
          if (req.rawHeaders[i]?.toLowerCase() === REPLAY_HEADER) req.rawHeaders.splice(i, 2);
        }
        delete req.headers[REPLAY_HEADER];
      }
      const url = recordedUrl(`http://127.0.0.1:${port}`, req.url ?? "/");
      const args = [
        req.method ?? "GET",
        url,
        req.httpVersion,
        req.rawHeaders,
        ex.startedAt,
        ex.clientIp,
      ] as const;
      ex.record = recorder ? recorder.begin(...args) : captureExchange(bodyLimit, ...args);
      res.once("close", () => finish(ex));
    }
    const verdict = own ? false : verifyWebhooks(ex);
    if (verdict === true) return;
    if (verdict === false) afterWebhooks(ex, own);
    else
      verdict.then(
        (handled) => handled || afterWebhooks(ex, own),
        () => res.destroy(),
      );
  });
  const sockets = new Set<Duplex>();
  server.on("connection", (socket: Duplex) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    inspector,
    secrets,
    recorder,
    stats,
    eventRequests,
    killStreams() {
      for (const socket of streams) socket.destroy();
    },
    holdStreams() {
      held = [];
      return () => {
        const waiting = held ?? [];
        held = undefined;
        for (const serve of waiting) serve();
      };
    },
    async close() {
      inspector?.close();
      server.close();
      for (const socket of sockets) socket.destroy();
      agent.destroy();
      await recorder?.close();
    },
  };
}
