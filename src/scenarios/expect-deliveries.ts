/**
 * `expect-deliveries`: what GitHub itself delivered to the run's temporary webhook, read from
 * the hook's delivery log (the test command before it may have pushed a branch or commented on
 * the pull request). Each named event must have a delivery the app answered 2xx (or
 * `status`), within `within`; a delivery of a named event that the app answered otherwise
 * fails the scenario at once, with GitHub's words for it. Polled with growing pauses, bounded
 * in time and in count.
 */

import { errorMessage } from "../errors.js";
import { statusAccepted } from "../util/parse.js";
import { sleep } from "../util/time.js";
import type { DeliveryResult } from "./results.js";
import type { ExpectDeliveries, ExpectedDelivery } from "./types.js";

/** One attempt of GitHub's delivery log (structurally, github/hooks-api.ts's HookDelivery). */
export interface LoggedDelivery {
  readonly guid: string;
  readonly event: string;
  readonly action: string | undefined;
  /** 0 when GitHub got no HTTP answer. */
  readonly statusCode: number;
  /** GitHub's words: "OK", "Invalid HTTP Response: 500", "failed to connect to host". */
  readonly status: string;
  readonly durationMs: number;
  readonly redelivery: boolean;
}

/** What the runner needs of the run's temporary webhook. */
export interface GithubDeliveryLog {
  /** The events the hook subscribes to ("*" for all). */
  readonly events: readonly string[];
  /** The delivery log, newest first. */
  list(): Promise<readonly LoggedDelivery[]>;
}

export interface DeliveriesOutcome {
  readonly deliveries: DeliveryResult[];
  /** Why it failed beyond the deliveries' statuses (none recorded in time, not subscribed...). */
  readonly error: string | undefined;
}

const FIRST_PAUSE_MS = 250;
const MAX_PAUSE_MS = 5000;
const MAX_LOOKS = 500;

const matches = (want: ExpectedDelivery, d: LoggedDelivery) =>
  d.event === want.event && (want.action === undefined || d.action === want.action);

/** Latest attempt per delivery (a redelivery shares its guid), newest first. */
function latestPerGuid(log: readonly LoggedDelivery[]): LoggedDelivery[] {
  const seen = new Set<string>();
  return log.filter((d) => !seen.has(d.guid) && seen.add(d.guid));
}

function asResult(d: LoggedDelivery, index: number, spec: ExpectDeliveries): DeliveryResult {
  const reached = d.statusCode !== 0;
  const ok = reached && statusAccepted(spec.status, d.statusCode);
  return {
    index,
    passed: ok,
    status: reached ? d.statusCode : undefined,
    latencyMs: d.durationMs,
    mismatches:
      ok || !reached
        ? []
        : [{ what: "status", expected: spec.statusText, actual: `${d.statusCode} (${d.status})` }],
    error: reached ? undefined : `GitHub could not deliver it: ${d.status}`,
    responseExcerpt: "",
    label: d.action === undefined ? d.event : `${d.event}.${d.action}`,
  };
}

export async function checkGithubDeliveries(
  spec: ExpectDeliveries,
  log: GithubDeliveryLog | undefined,
  signal: AbortSignal | undefined,
  pollMs = FIRST_PAUSE_MS,
): Promise<DeliveriesOutcome> {
  if (log === undefined) {
    return {
      deliveries: [],
      error:
        "expect-deliveries needs the run's temporary GitHub webhook (github-webhook), and this run has none",
    };
  }
  const unsubscribed = spec.events.filter((e) => !log.events.includes(e.event) && !log.events.includes("*"));
  if (unsubscribed.length > 0) {
    return {
      deliveries: [],
      error: `the webhook is not subscribed to ${unsubscribed.map((e) => e.event).join(", ")} (it gets ${log.events.join(", ")}); add them to github-webhook`,
    };
  }
  const deadline = performance.now() + spec.withinMs;
  let wait = pollMs;
  let latest: LoggedDelivery[] = [];
  for (let look = 0; look < MAX_LOOKS; look++) {
    try {
      latest = latestPerGuid(await log.list());
    } catch (error) {
      return { deliveries: [], error: `could not read the webhook's deliveries: ${errorMessage(error)}` };
    }
    const named = latest.filter((d) => spec.events.some((e) => matches(e, d)));
    const results = named.map((d, i) => asResult(d, i, spec));
    const failed = results.find((r) => !r.passed);
    const missing = spec.events.filter((e) => !named.some((d, i) => matches(e, d) && results[i]?.passed));
    if (failed !== undefined || missing.length === 0)
      return { deliveries: results.reverse(), error: undefined };
    if (signal?.aborted || performance.now() + wait > deadline) {
      const seen = [
        ...new Set(latest.map((d) => (d.action === undefined ? d.event : `${d.event}.${d.action}`))),
      ];
      return {
        deliveries: results.reverse(),
        error: `GitHub delivered no ${missing.map((e) => e.label).join(", ")} within ${spec.withinMs / 1000} s (the webhook got: ${seen.length > 0 ? seen.join(", ") : "nothing"})`,
      };
    }
    await sleep(wait, signal);
    wait = Math.min(wait * 1.5, MAX_PAUSE_MS);
  }
  return { deliveries: [], error: "gave up reading the webhook's deliveries" };
}
