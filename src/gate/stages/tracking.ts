/**
 * Stage: from here on an exchange is counted (stats) and recorded (the HAR, when on), and
 * finished once, when its connection closes.
 */
import type { Exchange } from "../exchange.js";
import { type HarRecorder, recordedUrl } from "../recorder.js";
import type { Stage } from "../stage.js";
import type { StatsCollector } from "../stats.js";

export interface Tracker {
  readonly stage: Stage;
  /** Counts and records the exchange, once (also for upgrades, which the proxy finishes). */
  finish(ex: Exchange): void;
}

export function tracker(
  stats: StatsCollector,
  recorder: HarRecorder | undefined,
  /** The public URL's origin when known, else the gate's own: recorded URLs start with it. */
  base: () => string,
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
    ex.record?.finish(ex);
  };
  const stage: Stage = (ex) => {
    if (ex.res) ex.res.once("close", () => finish(ex));
    else ex.socket.once("close", () => finish(ex));
    ex.record = recorder?.begin(
      ex.req.method ?? "GET",
      recordedUrl(base(), ex.req.url ?? "/"),
      ex.req.httpVersion,
      ex.req.rawHeaders,
      ex.startedAt,
      ex.clientIp,
    );
    return false;
  };
  return { stage, finish };
}
