/** Markdown for the job summary: counts by status class and the last requests through the gate. */
import type { GateStats } from "./stats.js";

const MAX_PATH = 80;

function cell(text: string): string {
  const short = text.length > MAX_PATH ? `${text.slice(0, MAX_PATH - 1)}…` : text;
  return short.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/`/g, "'").replace(/\r?\n/g, " ");
}

export function gateSummaryMarkdown(stats: GateStats, options: { heading?: string } = {}): string {
  const lines = [`### ${options.heading ?? "Requests through the gate"}`, ""];
  if (stats.total === 0) return [...lines, "No requests reached the gate.", ""].join("\n");
  const classes = Object.entries(stats.byClass).filter(([, n]) => n > 0);
  lines.push(
    `${stats.total} request${stats.total === 1 ? "" : "s"}: ${classes.map(([c, n]) => `${n} × ${c}`).join(", ")}`,
    "",
    "| status class | requests |",
    "| --- | ---: |",
    ...classes.map(([c, n]) => `| ${c} | ${n} |`),
    "",
  );
  const byService = Object.entries(stats.byService ?? {});
  if (byService.length > 0)
    lines.push(
      `Answered by service: ${byService.map(([name, n]) => `\`${cell(name)}\` ${n}`).join(", ")}`,
      "",
    );
  // With several services behind the gate, each request says which one answered ("—": the gate).
  const routed = byService.length > 0;
  const shown = stats.recent.length;
  lines.push(
    shown < stats.total ? `Last ${shown} requests:` : "Requests:",
    "",
    routed ? "| method | path | service | status | ms |" : "| method | path | status | ms |",
    routed ? "| --- | --- | --- | ---: | ---: |" : "| --- | --- | ---: | ---: |",
    ...stats.recent.map(
      (r) =>
        `| ${cell(r.method)} | \`${cell(r.path)}\` | ${routed ? `${r.service === undefined ? "—" : `\`${cell(r.service)}\``} | ` : ""}${r.status === 0 ? "—" : r.status} | ${Math.round(r.ms)} |`,
    ),
    "",
  );
  return lines.join("\n");
}
