/**
 * Waits until the app is really ready: an HTTP GET answered with an accepted status, a TCP
 * port accepting connections, or a line of its output matching a pattern. Always bounded
 * by a deadline (wait-on's default is to wait forever).
 */

import http from "node:http";
import https from "node:https";
import net from "node:net";
import { type StatusRange, statusAccepted } from "../util/parse.js";
import { formatDuration, sleep } from "../util/time.js";
import type { ReadySpec } from "./settings.js";

export interface ReadinessOptions {
  readonly spec: ReadySpec;
  /** The app's port, for `path` and `tcp` probes. */
  readonly port: number;
  readonly statuses: readonly StatusRange[];
  readonly timeoutMs: number;
  /** Subscribes to the app's output lines, for `log:` probes; returns an unsubscribe function. */
  readonly onLine?: (listener: (line: string) => void) => () => void;
  /** Lines already printed before we started waiting (for `log:` probes). */
  readonly seenLines?: () => readonly string[];
  /** Aborts the wait (e.g. the app exited); waitForReady then rejects with the reason. */
  readonly signal?: AbortSignal;
}

export interface ReadyResult {
  readonly attempts: number;
  readonly elapsedMs: number;
  /** What answered, e.g. "GET http://127.0.0.1:3000/health -> 200". */
  readonly detail: string;
  /** The address that answered, when a network probe did (127.0.0.1 or ::1 for localhost). */
  readonly host?: string;
}

export class ReadyTimeoutError extends Error {
  constructor(
    readonly probe: string,
    readonly lastResult: string,
    readonly attempts: number,
    timeoutMs: number,
  ) {
    super(
      `The app was not ready after ${formatDuration(timeoutMs)}: ${probe}, ${attempts} attempt${attempts === 1 ? "" : "s"}; last result: ${lastResult}.`,
    );
    this.name = "ReadyTimeoutError";
  }
}

/** First poll interval; doubled-ish after each failed attempt up to MAX_INTERVAL_MS. */
export const FIRST_INTERVAL_MS = 10;
export const MAX_INTERVAL_MS = 250;
/**
 * A refused connection costs microseconds on loopback and means nothing listens yet, so
 * those are re-tried at a short interval: the app is seen within a few ms of listening.
 * After the first seconds (a slow boot) a little less often, to leave the CPU to the app.
 */
const REFUSED_INTERVAL_MS = 5;
const REFUSED_INTERVAL_LATER_MS = 25;
const REFUSED_FAST_FOR_MS = 5000;
/** One probe may take this long (a dev server's first answer can be slow to compile). */
const ATTEMPT_TIMEOUT_MS = 5000;

interface Attempt {
  readonly ok: boolean;
  readonly detail: string;
  /** Nothing listened at all (ECONNREFUSED everywhere). */
  readonly refused: boolean;
  /** Some address gave no answer within the attempt's time. */
  readonly timedOut?: boolean;
  readonly host?: string;
}

export async function waitForReady(options: ReadinessOptions): Promise<ReadyResult> {
  const started = performance.now();
  if (options.spec.kind === "log") return waitForLine(options, options.spec.pattern, started);

  const probe = makeProbe(options);
  const deadline = started + options.timeoutMs;
  let attempts = 0;
  let interval = FIRST_INTERVAL_MS;
  let last: Attempt = { ok: false, detail: "no attempt finished", refused: false };
  for (;;) {
    throwIfAborted(options.signal);
    const remaining = deadline - performance.now();
    if (remaining <= 0)
      throw new ReadyTimeoutError(probe.description, last.detail, attempts, options.timeoutMs);
    attempts++;
    const budget = Math.min(ATTEMPT_TIMEOUT_MS, remaining);
    const result = await probe.attempt(budget);
    if (result.ok)
      return { attempts, elapsedMs: performance.now() - started, detail: result.detail, host: result.host };
    // An attempt cut short by the overall deadline (often to a few ms) ends in "no answer",
    // which would hide what the app really answered before: keep the previous result then.
    if (!(result.timedOut && budget < ATTEMPT_TIMEOUT_MS && attempts > 1)) last = result;
    throwIfAborted(options.signal);
    const refusedCap =
      performance.now() - started < REFUSED_FAST_FOR_MS ? REFUSED_INTERVAL_MS : REFUSED_INTERVAL_LATER_MS;
    interval = Math.min(result.refused ? refusedCap : MAX_INTERVAL_MS, interval * 1.5);
    await sleep(Math.min(interval, Math.max(0, deadline - performance.now())), options.signal);
  }
}

/**
 * One probe of a service that is up (a detached service is watched this way): the readiness
 * check once, within `timeoutMs`. A `log:` readiness cannot be asked again, so the port is:
 * a TCP connection.
 */
export async function probeOnce(
  options: Pick<ReadinessOptions, "spec" | "port" | "statuses">,
  timeoutMs: number,
): Promise<{ readonly ok: boolean; readonly detail: string }> {
  const spec: ReadySpec = options.spec.kind === "log" ? { kind: "tcp" } : options.spec;
  const { ok, detail } = await makeProbe({ ...options, spec, timeoutMs }).attempt(timeoutMs);
  return { ok, detail };
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted)
    throw signal.reason instanceof Error ? signal.reason : new Error(String(signal.reason));
}

async function waitForLine(
  options: ReadinessOptions,
  pattern: RegExp,
  started: number,
): Promise<ReadyResult> {
  const description = `waited for a line of the app's output matching /${pattern.source}/`;
  const hit = (options.seenLines?.() ?? []).find((line) => pattern.test(line));
  if (hit !== undefined)
    return { attempts: 1, elapsedMs: performance.now() - started, detail: `line: ${hit}` };
  if (!options.onLine) throw new Error("log readiness needs the app's output");
  const subscribe = options.onLine;
  return new Promise<ReadyResult>((resolve, reject) => {
    let lines = 0;
    const finish = (error?: Error, line?: string) => {
      unsubscribe();
      clearTimeout(timer);
      options.signal?.removeEventListener("abort", onAbort);
      if (error) reject(error);
      else resolve({ attempts: lines, elapsedMs: performance.now() - started, detail: `line: ${line}` });
    };
    const unsubscribe = subscribe((line) => {
      lines++;
      if (pattern.test(line)) finish(undefined, line);
    });
    const timer = setTimeout(
      () =>
        finish(
          new ReadyTimeoutError(
            description,
            `${lines} lines printed, none matched`,
            lines,
            options.timeoutMs,
          ),
        ),
      options.timeoutMs,
    );
    const onAbort = () =>
      finish(options.signal?.reason instanceof Error ? options.signal.reason : new Error("aborted"));
    if (options.signal?.aborted) onAbort();
    else options.signal?.addEventListener("abort", onAbort, { once: true });
  });
}

interface Probe {
  readonly description: string;
  attempt(timeoutMs: number): Promise<Attempt>;
}

/** `localhost` may resolve to ::1 or 127.0.0.1 depending on the resolver: try both. */
function loopbackHosts(hostname: string): string[] {
  return hostname === "localhost" ? ["127.0.0.1", "::1"] : [hostname.replace(/^\[|\]$/g, "")];
}

function makeProbe(options: ReadinessOptions): Probe {
  const spec = options.spec;
  if (spec.kind === "tcp") {
    const hosts = loopbackHosts("localhost");
    return {
      description: `connected to TCP port ${options.port} on ${hosts.join(" and ")}`,
      attempt: (timeoutMs) => anyOf(hosts.map((host) => tcpAttempt(host, options.port, timeoutMs))),
    };
  }
  if (spec.kind === "log") throw new Error("log readiness has no network probe");
  const url = spec.kind === "http" ? spec.url : new URL(spec.path, `http://localhost:${options.port}`);
  const hosts = loopbackHosts(url.hostname);
  const where = hosts.length > 1 ? ` (on ${hosts.join(" and ")})` : "";
  return {
    description: `probed GET ${url.href}${where}`,
    attempt: (timeoutMs) => anyOf(hosts.map((host) => httpAttempt(url, host, options.statuses, timeoutMs))),
  };
}

/**
 * Succeeds with the first successful attempt; otherwise reports all failures, in the order
 * of the addresses (not of arrival, so the message is the same from one run to the next).
 */
async function anyOf(attempts: Promise<Attempt>[]): Promise<Attempt> {
  if (attempts.length === 1) return attempts[0] as Promise<Attempt>;
  return new Promise((resolve) => {
    const failures: Attempt[] = [];
    let failed = 0;
    attempts.forEach((attempt, index) => {
      void attempt.then((result) => {
        if (result.ok) {
          resolve(result);
          return;
        }
        failures[index] = result;
        if (++failed === attempts.length) {
          resolve({
            ok: false,
            refused: failures.every((f) => f.refused),
            timedOut: failures.some((f) => f.timedOut),
            detail: failures.map((f) => f.detail).join("; "),
          });
        }
      });
    });
  });
}

/** Errors meaning "nothing listens there (yet)", including a host without IPv6 loopback. */
const NOTHING_LISTENS = new Set(["ECONNREFUSED", "EADDRNOTAVAIL", "EAFNOSUPPORT", "ENETUNREACH"]);

function failure(host: string, error: NodeJS.ErrnoException): Attempt {
  const code = error.code ?? error.message;
  return { ok: false, refused: NOTHING_LISTENS.has(error.code ?? ""), detail: `${host}: ${code}` };
}

function tcpAttempt(host: string, port: number, timeoutMs: number): Promise<Attempt> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (result: Attempt) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(
      () => done({ ok: false, refused: false, timedOut: true, detail: `${host}: timed out` }),
      timeoutMs,
    );
    socket.once("connect", () =>
      done({ ok: true, refused: false, host, detail: `TCP ${host}:${port} accepted a connection` }),
    );
    socket.once("error", (error) => done(failure(host, error)));
  });
}

function httpAttempt(
  url: URL,
  host: string,
  statuses: readonly StatusRange[],
  timeoutMs: number,
): Promise<Attempt> {
  return new Promise((resolve) => {
    const client = url.protocol === "https:" ? https : http;
    const request = client.request({
      host,
      port: url.port || (url.protocol === "https:" ? 443 : 80),
      path: `${url.pathname}${url.search}`,
      method: "GET",
      headers: {
        host: url.host,
        accept: "text/html,application/json;q=0.9,*/*;q=0.8",
        "user-agent": "preview-tunnel readiness probe",
      },
      agent: false,
      // The app's own dev certificate is usually self-signed; this only asks "is it up?".
      rejectUnauthorized: false,
      servername: net.isIP(url.hostname) ? undefined : url.hostname,
    });
    const done = (result: Attempt) => {
      clearTimeout(timer);
      request.destroy();
      resolve(result);
    };
    const timer = setTimeout(
      () =>
        done({
          ok: false,
          refused: false,
          timedOut: true,
          detail: `${host}: no answer within ${formatDuration(timeoutMs)}`,
        }),
      timeoutMs,
    );
    request.once("response", (response) => {
      const status = response.statusCode ?? 0;
      response.resume();
      const ok = statusAccepted(statuses, status);
      done({ ok, refused: false, host, detail: `GET ${url.href} via ${host} -> HTTP ${status}` });
    });
    request.once("error", (error) => done(failure(host, error)));
    request.end();
  });
}
