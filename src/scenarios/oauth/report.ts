/** How an OAuth scenario shows in JUnit and the job summary: its flow, its requests, what differed. */
import type { ScenarioResult } from "../runner.js";
import type { OAuthFlow } from "./types.js";

/** "alice", "alice.replay-callback", "deny": the JUnit classname's tail. */
export function oauthLabel(flow: OAuthFlow): string {
  if (flow.negative === "deny") return "deny";
  return [flow.user ?? "", flow.negative].filter(Boolean).join(".");
}

function describe(flow: OAuthFlow): string {
  const who = flow.negative === "deny" ? "with consent denied" : `as ${flow.user}`;
  const extra =
    flow.negative === "replay-callback"
      ? ", callback replayed"
      : flow.negative === "tamper-state"
        ? ", state tampered"
        : "";
  return `login at ${flow.start} ${who}${extra}${flow.browser ? ", in a browser" : ""}`;
}

/** What is expected, in one line: the callback's status, the replay's, the check's. */
function expected(r: ScenarioResult, flow: OAuthFlow): string {
  const parts = [`callback ${flow.callbackStatus.text}`];
  if (flow.negative === "replay-callback") parts.push(`replay ${flow.replayStatus.text}`);
  if (flow.check !== undefined) parts.push(`${flow.check} ${r.scenario.expect.statusText}`);
  return parts.join("; ");
}

export function oauthRowParts(
  r: ScenarioResult,
  flow: OAuthFlow,
): { name: string; kind: string; requests: string; expected: string; statuses: string } {
  const flag = flow.negative === undefined ? "" : ` (${flow.negative})`;
  const steps = r.steps ?? [];
  return {
    name: `${r.scenario.name}${flag}`,
    kind: `${flow.negative === "deny" ? "oauth, consent denied" : `oauth as ${flow.user}`}${flow.browser ? " (browser)" : ""}`,
    requests: String(steps.length),
    expected: expected(r, flow),
    statuses: steps.map((s) => (s.status === undefined ? "no response" : String(s.status))).join(" → "),
  };
}

/** The JUnit failure body: the flow, what differed (expected vs actual), every request made. */
export function oauthFailureText(r: ScenarioResult, flow: OAuthFlow): string {
  const s = r.scenario;
  const lines = [`oauth ${describe(flow)} (${s.source.file}:${s.source.line})`];
  if (r.error !== undefined) lines.push(r.error);
  for (const d of r.deliveries) {
    if (d.error !== undefined) lines.push(`  ${d.error}`);
    for (const m of d.mismatches) lines.push(`  ${m.what}: expected ${m.expected}, actual ${m.actual}`);
  }
  const steps = r.steps ?? [];
  if (steps.length > 0) {
    lines.push("requests:");
    for (const step of steps) {
      const status = step.status === undefined ? "no response" : String(step.status);
      lines.push(
        `  ${step.step}: ${step.method ?? "GET"} ${step.request} -> ${status}${step.location ? ` ${step.location}` : ""}`,
      );
    }
  }
  const last = r.deliveries.find((d) => !d.passed);
  if (last && last.status !== undefined && last.responseExcerpt !== "") {
    lines.push(`response: ${last.responseExcerpt}`);
  }
  if (r.screenshot) lines.push(`screenshot: ${r.screenshot}`);
  return lines.join("\n");
}
