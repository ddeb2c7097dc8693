/**
 * Proves a public URL works end to end before it is published: a request through the
 * provider's edge must reach this run's gate, which answers a reserved path with a per-run
 * nonce. New hostnames take a few seconds to resolve (and resolvers cache the miss), edges
 * take a moment to route: retry with backoff until the deadline, then say what was seen.
 */
import { errorMessage, StartError } from "../errors.js";
import { formatDuration, sleep } from "../util/time.js";
import { type Backoff, backoffDelay } from "./backoff.js";

export interface ProbeOptions {
  /** Public URL without a trailing slash. */
  readonly url: string;
  /** Reserved path the gate answers with the nonce, e.g. "/__preview/probe". */
  readonly path: string;
  readonly nonce: string;
  /** More headers for every probe, e.g. the key the gate wants before it answers. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  /** Provider name, for the message. */
  readonly provider: string;
  /** What the provider's agent printed last, for the message. */
  readonly lastOutput?: () => string;
  readonly backoff?: Backoff;
}

export interface ProbeResult {
  readonly attempts: number;
  readonly elapsedMs: number;
}

/** Sent with every probe: skips ngrok's browser warning page, which a browser UA would get. */
export const PROBE_HEADERS = {
  "ngrok-skip-browser-warning": "1",
  "user-agent": "preview-tunnel-probe/1",
  "cache-control": "no-cache",
} as const;

const PROBE_BACKOFF: Backoff = { initialMs: 200, maxMs: 3000 };
const ATTEMPT_TIMEOUT_MS = 10_000;
const EXCERPT_CHARS = 200;

type Seen =
  | { readonly kind: "answer"; readonly status: number; readonly body: string }
  | { readonly kind: "error"; readonly code: string; readonly message: string };

export async function probePublicUrl(options: ProbeOptions): Promise<ProbeResult> {
  const started = Date.now();
  const deadline = started + options.timeoutMs;
  const target = `${options.url}${options.path}`;
  const headers = options.headers ? { ...PROBE_HEADERS, ...options.headers } : PROBE_HEADERS;
  let seen: Seen | undefined;
  let attempts = 0;
  for (;;) {
    options.signal?.throwIfAborted();
    attempts++;
    const remaining = Math.max(1, deadline - Date.now());
    const attemptSignal = AbortSignal.timeout(Math.min(ATTEMPT_TIMEOUT_MS, remaining));
    const signal = options.signal ? AbortSignal.any([options.signal, attemptSignal]) : attemptSignal;
    try {
      const response = await fetch(target, { headers, redirect: "manual", signal });
      const body = await response.text();
      if (response.status === 200 && body.trim() === options.nonce) {
        return { attempts, elapsedMs: Date.now() - started };
      }
      seen = { kind: "answer", status: response.status, body };
    } catch (error) {
      if (options.signal?.aborted) throw options.signal.reason;
      const described = describeError(error);
      // A request cut short by the deadline says less than the answer before it.
      if (!(described.kind === "error" && described.code === "TIMEOUT" && Date.now() >= deadline && seen)) {
        seen = described;
      }
    }
    if (Date.now() >= deadline) break;
    await sleep(backoffDelay(options.backoff ?? PROBE_BACKOFF, attempts - 1, deadline), options.signal);
  }
  throw new StartError(
    [
      `The ${options.provider} tunnel's URL ${options.url} did not reach this run's gate within ${formatDuration(options.timeoutMs)} (${attempts} requests to ${options.path}).`,
      `Last answer: ${formatSeen(seen)}.`,
      ...(options.lastOutput ? [`${options.provider} printed:\n${options.lastOutput()}`] : []),
      probeHint(seen, options.provider),
    ].join("\n"),
  );
}

function describeError(error: unknown): Seen {
  // fetch wraps the socket error: the code (ENOTFOUND, ECONNREFUSED, ...) is on the cause.
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  const name = (error as { name?: string }).name;
  const code =
    typeof cause?.code === "string"
      ? cause.code
      : name === "TimeoutError" || name === "AbortError"
        ? "TIMEOUT"
        : "ERROR";
  const message = typeof cause?.message === "string" ? cause.message : errorMessage(error);
  return { kind: "error", code, message };
}

function formatSeen(seen: Seen | undefined): string {
  if (seen === undefined) return "none";
  if (seen.kind === "error") return `no answer (${seen.code}: ${seen.message})`;
  const flat = seen.body.replace(/\s+/g, " ").trim();
  const excerpt = flat.length > EXCERPT_CHARS ? `${flat.slice(0, EXCERPT_CHARS)}…` : flat;
  return `HTTP ${seen.status}${excerpt === "" ? " with an empty body" : `: ${excerpt}`}`;
}

export function probeHint(seen: Seen | undefined, provider: string): string {
  const other = `or try another provider than ${provider}`;
  if (seen === undefined) return `Raise tunnel-timeout, ${other}.`;
  if (seen.kind === "error") {
    if (seen.code === "ENOTFOUND" || seen.code === "EAI_AGAIN")
      return `The hostname does not resolve yet: new hostnames take a few seconds to appear in DNS and resolvers remember the miss. Raise tunnel-timeout, ${other}.`;
    if (seen.code === "TIMEOUT")
      return `Requests hung: the provider's edge accepted them but nothing came back. Raise tunnel-timeout, ${other}.`;
    return `The URL could not be reached (${seen.code}): the tunnel may have dropped. Check the provider's output above, ${other}.`;
  }
  if (seen.status === 200)
    return "The URL answers, but not with this run's nonce: it leads to something else, e.g. another run holding the same ngrok domain. Use a domain per run, or stop the other run.";
  if (seen.status === 429) return `The provider is rate-limiting requests. Wait and re-run, ${other}.`;
  if (seen.status >= 500)
    return `The provider's edge answered but could not reach the gate on this machine (the agent may have lost its connection). Re-run, ${other}.`;
  return `Something other than this run's gate answered the reserved path. Check the URL, ${other}.`;
}
