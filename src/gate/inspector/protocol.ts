/**
 * What the inspector's routes send to its page, as JSON: shared by the server side and the
 * page's script (src/gate/inspector/page/), so the two cannot drift apart. Types only, with
 * no imports: the page is compiled for the browser.
 */

/** The base path of every inspector route. */
export const INSPECT_PATH = "/__preview/inspect";

/** One exchange in the live list. Everything here is redacted as in the HAR. */
export interface ExchangeSummary {
  /** Increases by one per exchange through the gate (the SSE event id). */
  readonly id: number;
  /** Date.now() when the request arrived. */
  readonly startedAt: number;
  readonly method: string;
  /** Path and query as recorded (the login link's token and known secrets replaced). */
  readonly path: string;
  /** 0: the connection closed before a response. */
  readonly status: number;
  readonly durationMs: number;
  /** Bytes of the request and response bodies (counted whole, also beyond the body limit). */
  readonly requestBytes: number;
  readonly responseBytes: number;
  readonly client?: string;
  /** The webhook verifier's verdict, for a POST under a verify-webhooks path. */
  readonly webhook?: { readonly provider: string; readonly ok: boolean; readonly reason?: string };
  /** The service that answered, when the preview has several. */
  readonly service?: string;
  /** The exchange this one replays (sent from the inspector). */
  readonly replayOf?: number;
  /** Why the gate answered itself (401, 413, ...), when it did. */
  readonly note?: string;
  /** The response's Content-Type, without parameters. */
  readonly contentType?: string;
}

export interface NameValue {
  readonly name: string;
  readonly value: string;
}

/** A body as recorded: text (redacted), base64 for binary, or left out with a reason. */
export interface RecordedBody {
  readonly size: number;
  readonly mimeType: string;
  readonly text?: string;
  readonly encoding?: "base64";
  /** Only the first bytes were kept (record-body-limit). */
  readonly truncated: boolean;
  /** Why the text is missing or partial, as the HAR says it. */
  readonly comment?: string;
}

/** GET /requests/:id */
export interface ExchangeDetail {
  readonly summary: ExchangeSummary;
  /** False when only the summary is kept (the detail was dropped to stay within memory). */
  readonly kept: boolean;
  readonly url?: string;
  readonly httpVersion?: string;
  readonly requestHeaders?: readonly NameValue[];
  readonly responseHeaders?: readonly NameValue[];
  readonly statusText?: string;
  readonly requestBody?: RecordedBody;
  readonly responseBody?: RecordedBody;
  readonly timings?: { readonly send: number; readonly wait: number; readonly receive: number };
  /** A curl command line without the preview's credentials (see curl.ts). */
  readonly curl?: string;
  /** Exchanges that replayed this one. */
  readonly replays: readonly number[];
  /** Why Replay is not offered, when it is not. */
  readonly notReplayable?: string;
  /** Replay signs the delivery again for this provider. */
  readonly signsAs?: string;
}

/** POST /replay/:id body: every field optional (the recorded request as it was). */
export interface ReplayEdits {
  /** Replaces every header of the recorded request. */
  readonly headers?: readonly (readonly [string, string])[];
  /** Replaces the body: text (UTF-8) ... */
  readonly body?: string;
  /** ... or bytes in base64. */
  readonly bodyBase64?: string;
  /** False: send as edited, without signing a webhook delivery again (default true). */
  readonly sign?: boolean;
}

/** POST /replay/:id answer. */
export interface ReplayOutcome {
  readonly replayOf: number;
  /** The new exchange's id, once the gate finished it. */
  readonly id?: number;
  readonly status: number;
  readonly signedAs?: string;
}

/** The first event of a stream (`event: hello`), and the JSON poll's envelope. */
export interface StreamHello {
  /** Changes when the gate restarts: ids start over, the page starts its list over. */
  readonly epoch: string;
  readonly oldest: number;
  readonly newest: number;
  /** Pings come this often; a stream silent for longer is dead. */
  readonly heartbeatMs: number;
}

/** GET /events with Accept: application/json (where SSE cannot pass, e.g. a buffering proxy). */
export interface PollAnswer extends StreamHello {
  readonly events: readonly ExchangeSummary[];
  /** Exchanges after the asked id that are no longer kept. */
  readonly missed: number;
}

/** `event: gap`: exchanges after the last seen id that are no longer kept. */
export interface StreamGap {
  readonly missed: number;
}
