/**
 * One delivery on its way, as the provider makes it: signed right before it is sent (exactly
 * the signed bytes go out), and under `retry` sent again after each answer the provider would
 * not accept (non-2xx, or none in time), with the same delivery id and a fresh signature,
 * until the app accepts or the (compressed, load-time bounded) schedule ends. `duplicate`
 * sends an accepted delivery once more, the same way.
 */

import { errorMessage } from "../errors.js";
import { sleep } from "../util/time.js";
import { checkReply, excerpt } from "./expect.js";
import { type agentsFor, type Sent, send } from "./http.js";
import type { Mismatch } from "./mismatch.js";
import type { AttemptResult, DeliveryResult } from "./results.js";
import { PROVIDERS } from "./signers/index.js";
import { tamper } from "./tamper.js";
import type { TemplateVars } from "./template.js";
import type { Expectations, Scenario } from "./types.js";

/** Merges header sets case-insensitively: a later set replaces an earlier value, keeping its spelling. */
export function mergeHeaders(...sets: Readonly<Record<string, string>>[]): Record<string, string> {
  const byLower = new Map<string, [string, string]>();
  for (const set of sets)
    for (const [name, value] of Object.entries(set)) byLower.set(name.toLowerCase(), [name, value]);
  return Object.fromEntries(byLower.values());
}

/** Everything of a scenario that is the same for each of its deliveries. */
export interface Prepared {
  readonly url: string;
  readonly secret: string;
  readonly headers: Record<string, string>;
  readonly vars: TemplateVars;
}

/** One body to deliver: the scenario's, or one event of its list. */
export interface Unit {
  readonly event: string | undefined;
  readonly label: string | undefined;
  readonly body: Buffer;
  readonly contentType: string;
}

export interface SendContext {
  readonly agents: ReturnType<typeof agentsFor>;
  readonly timeoutMs: number;
  readonly signal: AbortSignal | undefined;
}

export interface Delivered {
  readonly result: DeliveryResult;
  /** The last answer (captures read it). */
  readonly reply: Sent | undefined;
}

const accepted = (status: number | undefined) => status !== undefined && status >= 200 && status < 300;

/**
 * Sends one delivery (with its retries). `check` decides what its (last) answer must be:
 * the scenario's expectations, or for a duplicate what `expect-duplicate` says.
 */
/**
 * One delivery id's signing times: each send of it (retry, duplicate) is signed at a later
 * second than the one before (by up to a second ahead of the clock), as a provider's later
 * attempt is, so its signature differs too: an app must dedupe by the delivery id, not by the
 * bytes of a signature.
 */
export interface SigningClock {
  lastSeconds: number | undefined;
}

export async function sendDelivery(
  s: Scenario,
  p: Prepared,
  unit: Unit,
  deliveryId: string,
  index: number,
  run: SendContext,
  check: (reply: Sent) => Mismatch[],
  clock: SigningClock,
  duplicate = false,
): Promise<Delivered> {
  const retry = s.behaviour?.retry;
  const delays = retry?.delaysMs ?? [];
  const timeoutMs = s.timeoutMs ?? retry?.providerTimeoutMs ?? run.timeoutMs;
  const attempts: AttemptResult[] = [];
  let reply: Sent | undefined;
  let error: string | undefined;
  for (let i = 0; i <= delays.length; i++) {
    const waitedMs = i === 0 ? 0 : (delays[i - 1] as number);
    if (i > 0) await sleep(waitedMs, run.signal);
    if (run.signal?.aborted && i > 0) break;
    // Signed here, right before sending: a timestamp is as fresh as the provider's would be.
    const now = Math.floor(Date.now() / 1000 + s.timestampOffsetSeconds);
    // At most a second ahead: verifiers with a tight window (Paddle's 5 s) still accept it.
    const later = clock.lastSeconds === undefined ? now : Math.max(now, clock.lastSeconds + 1);
    const nowSeconds = later <= now + 1 ? later : now;
    clock.lastSeconds = nowSeconds;
    let signed = PROVIDERS[s.provider].sign({
      url: p.url,
      body: unit.body,
      contentType: unit.contentType,
      nowSeconds,
      event: unit.event,
      deliveryId,
      secret: p.secret,
    });
    if (s.tamper) signed = tamper(s.provider, signed);
    const headers = mergeHeaders({ "Content-Type": unit.contentType }, signed.headers, p.headers);
    try {
      reply = await send(signed.url, {
        method: s.method,
        headers,
        body: signed.body,
        agents: run.agents,
        timeoutMs,
        ...(run.signal ? { signal: run.signal } : {}),
      });
      error = undefined;
    } catch (e) {
      reply = undefined;
      error = errorMessage(e);
    }
    attempts.push({
      attempt: i + 1,
      waitedMs,
      status: reply?.status,
      latencyMs: reply?.latencyMs ?? 0,
      error,
    });
    if (accepted(reply?.status)) break;
  }
  const common = {
    index,
    ...(unit.label === undefined ? {} : { label: unit.label }),
    ...(duplicate ? { duplicate: true } : {}),
    ...(retry ? { attempts } : {}),
  };
  if (reply === undefined) {
    return {
      result: {
        ...common,
        passed: false,
        status: undefined,
        latencyMs: 0,
        mismatches: [],
        error,
        responseExcerpt: "",
      },
      reply,
    };
  }
  const mismatches = check(reply);
  return {
    result: {
      ...common,
      passed: mismatches.length === 0,
      status: reply.status,
      latencyMs: reply.latencyMs,
      mismatches,
      error: undefined,
      responseExcerpt: excerpt(reply.body, p.vars.redact),
    },
    reply,
  };
}

/** What `expect-duplicate` requires of the duplicate's answer, given the first one's. */
export function duplicateCheck(
  expectation: Expectations | "same-status",
  first: DeliveryResult,
  vars: TemplateVars,
): (reply: Sent) => Mismatch[] {
  if (expectation !== "same-status") return (reply) => checkReply(expectation, reply, vars);
  return (reply) =>
    reply.status === first.status
      ? []
      : [
          {
            what: "duplicate status",
            expected: `${first.status ?? "an answer"} (as the first delivery)`,
            actual: String(reply.status),
          },
        ];
}
