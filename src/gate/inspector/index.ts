/**
 * The live request inspector at /__preview/inspect: a page listing the requests through the
 * preview as they happen (Server-Sent Events), their details redacted as in the HAR, replay
 * with edits (webhook deliveries signed again), copy as curl and Download HAR.
 *
 * How the gate uses it (one inspector per gate; server.ts, stages/inspector-intake.ts,
 * stages/tracking.ts, stages/inspect.ts):
 * - `owns(ex.path)` before the recording begins: the inspector's own requests are neither
 *   recorded nor counted in the summary (and never fed back to it);
 * - `redeemReplay(header)` before the recording begins, for a request carrying REPLAY_HEADER
 *   (then taken off): a valid ticket lets the request past user auth as the reviewer who
 *   pressed Replay (the header never reaches the app);
 * - `handle(...)` as a stage AFTER user auth (never exempt: not for webhook-verified
 *   requests, not for replay tickets), BEFORE the /__preview/ 404 namespace, only for a
 *   request user auth marked signed in (`ex.signedIn`): the only place that calls
 *   `authenticated()`;
 * - `add(...)` for every finished exchange that was recorded (the recorder's entry, or the
 *   in-memory capture when recording is off; the webhook verdict, the redeemed ticket);
 * - `close()` first when the gate closes.
 */
import type { Logger } from "../../util/logger.js";
import type { Redactor } from "../../util/secrets.js";
import { isUnder } from "../request-path.js";
import type { WebhookRoute } from "../stages/webhook.js";
import { Details } from "./detail.js";
import { DEFAULT_FEED_LIMITS, Feed, type FeedLimits, type FinishedExchange } from "./feed.js";
import type { HarSnapshot } from "./har-download.js";
import { INSPECT_PATH } from "./protocol.js";
import type { GateAddress } from "./replay.js";
import { route } from "./routes.js";
import { DEFAULT_STREAM_LIMITS, EventStreams, type StreamLimits } from "./streams.js";
import { type ReplayTicket, ReplayTickets } from "./tickets.js";

export type { FeedLimits, FinishedExchange } from "./feed.js";
export type { HarSnapshot } from "./har-download.js";
export type { ExchangeDetail, ExchangeSummary, ReplayEdits, ReplayOutcome } from "./protocol.js";
export { INSPECT_PATH } from "./protocol.js";
export type { GateAddress } from "./replay.js";
export type { StreamLimits } from "./streams.js";
export type { ReplayTicket } from "./tickets.js";
export { REPLAY_HEADER } from "./tickets.js";

/** The checked, decoded path is the inspector's (`ex.path`, not the raw one). */
export function isInspectorPath(path: string): boolean {
  return isUnder(path, INSPECT_PATH);
}

declare const AUTHENTICATED: unique symbol;

/**
 * A request to the inspector that the gate's user auth let in (Basic, Bearer, a login-link
 * session or the GitHub sign-in; or auth: none). Made only by `authenticated()`, which only
 * the gate's inspect stage calls, for a request user auth marked signed in: the routes
 * cannot be reached without it.
 */
export interface AuthenticatedRequest {
  readonly req: import("node:http").IncomingMessage;
  readonly res: import("node:http").ServerResponse;
  /** The checked, decoded path (`ex.path`). */
  readonly path: string;
  /** Who is signed in, when the sign-in names users (the GitHub sign-in's login). */
  readonly user: string | undefined;
  /** The client's address as the gate established it (`ex.clientIp`). */
  readonly clientIp: string | undefined;
  readonly [AUTHENTICATED]: true;
}

/** For the gate's inspect stage only: the request passed user auth with its own credentials. */
export function authenticated(
  request: Omit<AuthenticatedRequest, typeof AUTHENTICATED>,
): AuthenticatedRequest {
  return request as AuthenticatedRequest;
}

export interface InspectorOptions {
  /** The gate's secret registry: what the HAR redacts, the inspector redacts. */
  readonly secrets: Redactor;
  /** The gate's webhook routes (`webhookRoutes(settings.webhooks)`): replay signs deliveries with them. */
  readonly webhooks: readonly WebhookRoute[];
  /** The gate's loopback address, once it listens: replays are sent there. */
  readonly gate: () => GateAddress | undefined;
  /** The header the gate trusts from loopback for the client's address (the gate's clientIpHeader). */
  readonly clientIpHeader?: string;
  /** The preview's public origin, once known (same-origin check of replays). */
  readonly publicOrigin: () => string | undefined;
  /** The recorder's HAR so far (`() => recorder.snapshot()`); undefined: built from the kept exchanges. */
  readonly har?: HarSnapshot;
  readonly logger: Logger;
  readonly feedLimits?: Partial<FeedLimits>;
  readonly streamLimits?: Partial<StreamLimits>;
  /** Per replay request (default 30 s). */
  readonly replayTimeoutMs?: number;
  /** Largest replay edit accepted (default 32 MiB: a body up to max-body, in base64). */
  readonly maxEditBytes?: number;
}

export interface Inspector {
  /** The path (checked and decoded) is the inspector's: not recorded, not counted. */
  owns(path: string): boolean;
  /** Answers a request under /__preview/inspect that user auth let in. */
  handle(request: AuthenticatedRequest): void;
  /** The ticket a replay carries in REPLAY_HEADER, once: undefined when unknown, used or expired. */
  redeemReplay(value: string | undefined): ReplayTicket | undefined;
  /** One finished, recorded exchange. */
  add(exchange: FinishedExchange): void;
  /** Open event streams (each inspector tab holds one). */
  readonly streams: number;
  /** Ends every stream; idempotent. */
  close(): void;
}

export function createInspector(options: InspectorOptions): Inspector {
  const { secrets, logger } = options;
  const feed = new Feed({ ...DEFAULT_FEED_LIMITS, ...options.feedLimits });
  const streams = new EventStreams(feed, secrets, { ...DEFAULT_STREAM_LIMITS, ...options.streamLimits });
  const details = new Details(secrets, options.webhooks);
  const tickets = new ReplayTickets();
  const context = {
    feed,
    details,
    streams,
    har: options.har,
    publicOrigin: options.publicOrigin,
    maxEditBytes: options.maxEditBytes ?? 32 * 1024 * 1024,
    replay: {
      details,
      tickets,
      gate: options.gate,
      clientIpHeader: options.clientIpHeader?.toLowerCase(),
      timeoutMs: options.replayTimeoutMs ?? 30_000,
      listedWithinMs: 5000,
    },
    onError: (what: string, error: unknown) =>
      logger.warning(`inspector: ${what} failed: ${error instanceof Error ? error.message : String(error)}`),
  };
  return {
    owns: isInspectorPath,
    handle(request) {
      route(request.req, request.res, request.path.slice(INSPECT_PATH.length), request, context);
    },
    redeemReplay: (value) => tickets.redeem(value),
    add: (exchange) => {
      feed.add(exchange);
    },
    get streams() {
      return streams.size;
    },
    close: () => streams.close(),
  };
}
