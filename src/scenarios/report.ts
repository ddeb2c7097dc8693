/**
 * The run for people: a job-summary markdown table, and up to 10 annotations (as data: the
 * caller emits them with core.error(message, { title, file, startLine })) pointing at the
 * scenario lines that failed.
 */
import { oauthRowParts } from "./oauth/report.js";
import { detailLines } from "./report-details.js";
import { failureSummary, type ScenarioResult, type ScenarioRun } from "./runner.js";

export const MAX_ANNOTATIONS = 10;

export interface Annotation {
  readonly file: string;
  readonly line: number;
  readonly title: string;
  readonly message: string;
}

/** Table cells: no pipes or newlines that would break the row, no markup injected by a response. */
function cell(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const cut = flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
  return cut.replace(/[\\`*_{}[\]<>|]/g, (c) => `\\${c}`);
}

const ms = (value: number | undefined) => (value === undefined ? "–" : `${Math.round(value)} ms`);

function statuses(r: ScenarioResult): string {
  const counts = new Map<string, number>();
  for (const d of r.deliveries) {
    const key = d.status === undefined ? "no response" : String(d.status);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([status, n]) => (r.deliveries.length > 1 ? `${status} ×${n}` : status)).join(", ");
}

function row(r: ScenarioResult): string {
  const s = r.scenario;
  if (s.oauth) {
    const parts = oauthRowParts(r, s.oauth);
    return [
      r.passed ? "✅" : "❌",
      cell(parts.name),
      cell(parts.kind),
      parts.requests,
      cell(parts.expected),
      cell(parts.statuses || "–"),
      ms(r.latency?.p50),
      ms(r.latency?.p99),
      cell(`${s.source.file}:${s.source.line}`),
      r.passed ? "" : cell(failureSummary(r), 200),
    ].join(" | ");
  }
  if (s.expectDeliveries) {
    return [
      r.passed ? "✅" : "❌",
      cell(s.name),
      cell(`github deliveries: ${s.expectDeliveries.events.map((e) => e.label).join(", ")}`),
      `${r.deliveries.length}`,
      cell(s.expectDeliveries.statusText),
      cell(statuses(r) || "–"),
      ms(r.latency?.p50),
      ms(r.latency?.p99),
      cell(`${s.source.file}:${s.source.line}`),
      r.passed ? "" : cell(failureSummary(r), 200),
    ].join(" | ");
  }
  const b = s.behaviour;
  const flags = [
    s.tamper ? "tampered" : "",
    s.timestampOffsetSeconds !== 0 ? `offset ${s.timestampOffsetSeconds}s` : "",
    b?.duplicate ? "duplicated" : "",
    b?.retry ? `retry ${b.retry.schedule}` : "",
    b?.events && b.order !== "as-listed" ? b.order : "",
    s.followUp ? `then ×${s.followUp.then.length}` : "",
  ]
    .filter(Boolean)
    .join(", ");
  const name = flags ? `${s.name} (${flags})` : s.name;
  const deliveries =
    s.repeat > 1 ? `${r.deliveries.length}/${s.repeat} ×${s.concurrency}` : `${r.deliveries.length}`;
  return [
    r.passed ? "✅" : "❌",
    cell(name),
    cell(s.provider + (b?.events ? ` ${b.events.length} events` : s.event ? ` ${s.event}` : "")),
    deliveries,
    cell(s.expect.statusText),
    cell(statuses(r) || "–"),
    ms(r.latency?.p50),
    ms(r.latency?.p99),
    cell(`${s.source.file}:${s.source.line}`),
    r.passed ? "" : cell(failureSummary(r), 200),
  ].join(" | ");
}

export function summaryMarkdown(run: ScenarioRun): string {
  const lines = [
    run.results.some((r) => r.scenario.oauth) ? "### Webhook and OAuth scenarios" : "### Webhook scenarios",
    "",
    `${run.failed === 0 ? "✅" : "❌"} ${run.passed} passed, ${run.failed} failed in ${(run.durationMs / 1000).toFixed(1)} s${run.cancelled ? " (cancelled)" : ""}`,
    "",
  ];
  if (run.results.length === 0) return [...lines, "No scenarios ran.", ""].join("\n");
  lines.push(
    "| | Scenario | Provider | Deliveries | Expected | Status | p50 | p99 | Where | Why |",
    "|---|---|---|---|---|---|---|---|---|---|",
    ...run.results.map((r) => `| ${row(r)} |`),
    "",
  );
  const details = run.results.map((r) => [r, detailLines(r)] as const).filter(([, l]) => l.length > 0);
  if (details.length > 0) {
    lines.push("Deliveries in detail (retries, order, duplicates, follow-up requests):", "");
    for (const [r, list] of details) {
      lines.push(
        `- ${cell(r.scenario.name)} (${cell(`${r.scenario.source.file}:${r.scenario.source.line}`)})`,
      );
      for (const line of list) lines.push(`  - ${cell(line, 400)}`);
    }
    lines.push("");
  }
  const shots = run.results.filter((r) => r.screenshot !== undefined);
  if (shots.length > 0) {
    lines.push(
      "Screenshots of the browser scenarios' last page (next to the HAR recording):",
      "",
      ...shots.map((r) => `- ${cell(r.scenario.name)}: ${cell(r.screenshot as string, 400)}`),
      "",
    );
  }
  return lines.join("\n");
}

/** Failed scenarios as annotations at their lines, at most MAX_ANNOTATIONS (the rest are counted in the last). */
export function annotations(run: ScenarioRun): Annotation[] {
  const failed = run.results.filter((r) => !r.passed);
  const shown = failed.slice(0, MAX_ANNOTATIONS).map((r) => ({
    file: r.scenario.source.file,
    line: r.scenario.source.line,
    title: `${r.scenario.oauth ? "OAuth" : r.scenario.expectDeliveries ? "GitHub deliveries" : "Webhook"} scenario failed: ${r.scenario.name}`,
    message: failureSummary(r),
  }));
  const rest = failed.length - shown.length;
  const last = shown[shown.length - 1];
  if (rest > 0 && last) {
    shown[shown.length - 1] = {
      ...last,
      message: `${last.message}\n(${rest} more failed scenarios: see the job summary)`,
    };
  }
  return shown;
}
