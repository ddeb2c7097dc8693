/**
 * What a scenario's delivery behaviour did, as plain lines for the reports (the job summary
 * lists them under its table, the JUnit report in each test case): every attempt of a retried
 * delivery, the order of a list of events (and the seed of a shuffle, to replay it), the
 * duplicate's answer, each `then` request, and the GitHub deliveries `expect-deliveries` saw.
 */
import type { DeliveryResult, FollowUpResult, ScenarioResult } from "./results.js";
import { formatWait } from "./retry.js";

const answer = (status: number | undefined, error: string | undefined) =>
  status === undefined ? `no answer (${error ?? "none"})` : String(status);

function attemptsLine(d: DeliveryResult): string | undefined {
  if (d.attempts === undefined || d.attempts.length === 0) return undefined;
  const steps = d.attempts.map((a) =>
    a.attempt === 1
      ? answer(a.status, a.error)
      : `${answer(a.status, a.error)} after ${formatWait(a.waitedMs)}`,
  );
  const what = d.duplicate ? "the duplicate" : d.label !== undefined ? d.label : `delivery ${d.index + 1}`;
  return `${what}: ${d.attempts.length} attempt${d.attempts.length === 1 ? "" : "s"}: ${steps.join(" → ")}`;
}

export function followUpLine(f: FollowUpResult): string {
  const outcome = f.passed ? "passed" : "FAILED";
  const reply = f.error !== undefined ? f.error : answer(f.status, undefined);
  const polls = f.requests > 1 ? ` after ${f.requests} requests in ${formatWait(f.elapsedMs)}` : "";
  const why = f.mismatches.map((m) => `${m.what}: expected ${m.expected}, got ${m.actual}`).join("; ");
  return `then ${f.request} (line ${f.line}): ${outcome}, ${reply}${polls}${why ? `; ${why}` : ""}`;
}

/** The lines of one result; empty when it has nothing beyond its table row. */
export function detailLines(r: ScenarioResult): string[] {
  const s = r.scenario;
  const lines: string[] = [];
  if (s.expectDeliveries) {
    for (const d of r.deliveries) {
      lines.push(
        `GitHub delivered ${d.label ?? "?"}: ${answer(d.status, d.error)} in ${Math.round(d.latencyMs)} ms`,
      );
    }
    return lines;
  }
  if (r.order) {
    const seed =
      r.order.mode === "shuffled" ? ` (seed ${r.order.seed}; add seed: ${r.order.seed} to replay it)` : "";
    lines.push(`sent ${r.order.mode}${seed}: ${r.order.sent.join(", ")}`);
  }
  const retry = s.behaviour?.retry;
  if (retry) {
    const compressed = retry.compress === 1 ? "" : ` compressed ${retry.compress}x`;
    lines.push(`retry: ${retry.schedule}${compressed}`);
  }
  for (const d of r.deliveries) {
    const attempts = attemptsLine(d);
    if (attempts !== undefined) lines.push(attempts);
    else if (d.duplicate)
      lines.push(`the duplicate of delivery ${d.index + 1}: ${answer(d.status, d.error)}`);
  }
  for (const f of r.followUps ?? []) lines.push(followUpLine(f));
  return lines;
}
