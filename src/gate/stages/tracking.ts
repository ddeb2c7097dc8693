/**
 * Stage: from here on an exchange is counted (stats) and recorded (the HAR, when on), and
 * finished once, when its connection closes; a finished recording is handed to the request
 * inspector, which captures exchanges itself when recording is off. The inspector's own
 * requests are neither counted nor recorded.
 */
import type { Exchange, RecordedExchange } from "../exchange.js";
import { captureExchange, type HarRecorder, recordedUrl } from "../recorder.js";
import type { Stage } from "../stage.js";
import type { StatsCollector } from "../stats.js";

export interface Tracker {
  readonly stage: Stage;
  /** Counts and records the exchange, once (also for upgrades, which the proxy finishes). */
  finish(ex: Exchange): void;
}

/** Who is told of each finished exchange (the request inspector). */
export interface ExchangeWatcher {
  /** Bytes of each body to capture when there is no recorder (record-body-limit). */
  readonly bodyLimit: number;
  finished(ex: Exchange, recorded: RecordedExchange): void;
}

export function tracker(
  stats: StatsCollector,
  recorder: HarRecorder | undefined,
  /** The public URL's origin when known, else the gate's own: recorded URLs start with it. */
  base: () => string,
  watcher?: ExchangeWatcher,
): Tracker {
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
      service: ex.service,
    });
    const record = ex.record;
    if (record === undefined) return;
    record.finish(ex);
    watcher?.finished(ex, record);
  };
  const stage: Stage = (ex) => {
    if (ex.inspecting) return false;
    if (ex.res) ex.res.once("close", () => finish(ex));
    else ex.socket.once("close", () => finish(ex));
    if (recorder === undefined && watcher === undefined) return false;
    const { req } = ex;
    const method = req.method ?? "GET";
    const url = recordedUrl(base(), req.url ?? "/");
    ex.record = recorder
      ? recorder.begin(method, url, req.httpVersion, req.rawHeaders, ex.startedAt, ex.clientIp)
      : captureExchange(
          watcher?.bodyLimit ?? 0,
          method,
          url,
          req.httpVersion,
          req.rawHeaders,
          ex.startedAt,
          ex.clientIp,
        );
    return false;
  };
  return { stage, finish };
}
