import * as core from "@actions/core";
import { gateSummaryMarkdown, signInSummaryMarkdown } from "../gate/index.js";
import type { RunResult } from "../pipeline/pipeline.js";
import { formatDuration } from "../util/time.js";

const OUTCOME: Record<RunResult["outcome"], string> = {
  passed: "✅ tests passed",
  failed: "❌ failed",
  "no-test": "✅ preview ran (no test command)",
  "start-failed": "❌ could not start",
  cancelled: "⚪ cancelled",
};

/** Markdown for the job summary: the preview, the phases with their durations, the result. */
export function summaryMarkdown(result: RunResult): string {
  const rows = result.phases.map(
    (p) =>
      `| ${p.name} | ${p.status} | ${p.status === "skipped" ? "" : formatDuration(p.ms)} | ${escapeCell(p.detail)} |`,
  );
  return [
    "## preview-tunnel",
    "",
    `**Result:** ${OUTCOME[result.outcome]}${result.failure ? `: ${escapeCell(result.failure.split("\n")[0] ?? "")}` : ""}`,
    "",
    `**Preview:** ${result.url ? `\`${result.url}\`` : "not exposed"} (provider \`${result.provider}\`)`,
    "",
    ...(result.githubWebhook
      ? [
          `**GitHub webhook:** ${result.githubWebhook.ok ? "✅" : "❌"} ${escapeCell(result.githubWebhook.message)}`,
          "",
        ]
      : []),
    "| phase | status | time | detail |",
    "| --- | --- | --- | --- |",
    ...rows,
    "",
    `App log: \`${result.appLog}\`${result.harPath ? ` · requests recorded in \`${result.harPath}\` (HAR: open it in a browser's devtools)` : ""}`,
    "",
    ...(result.inspectorUrl
      ? [
          `**Live requests:** \`${result.inspectorUrl}\` (the request inspector, while the preview is up; same sign-in as the preview)`,
          "",
        ]
      : []),
    ...servicesMarkdown(result),
    ...warningsMarkdown(result),
    ...(result.scenarios ? [result.scenarios.summary] : []),
    ...(result.requests ? [gateSummaryMarkdown(result.requests)] : []),
    ...(result.signIns ? [signInSummaryMarkdown(result.signIns)] : []),
  ].join("\n");
}

/** With several services: which path each one answers, and its log. */
function servicesMarkdown(result: RunResult): string[] {
  if (!result.services) return [];
  return [
    "| service | path | log |",
    "| --- | --- | --- |",
    ...result.services.map(
      (s) => `| \`${s.name}\` | ${s.path === undefined ? "(no requests)" : `\`${s.path}\``} | \`${s.log}\` |`,
    ),
    "",
  ];
}

/** What went wrong without failing the run (a stop command): never left to the log alone. */
function warningsMarkdown(result: RunResult): string[] {
  if (!result.warnings || result.warnings.length === 0) return [];
  return [
    "**Warnings:**",
    "",
    ...result.warnings.map((w) => `- ⚠️ ${escapeCell(w.split("\n")[0] ?? "")}`),
    "",
  ];
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

export async function writeSummary(result: RunResult): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  await core.summary.addRaw(summaryMarkdown(result)).write();
}

/** Failed scenarios as error annotations on their files' lines (at most 10, as GitHub shows). */
export function annotateScenarios(result: RunResult): void {
  for (const a of result.scenarios?.annotations ?? []) {
    core.error(a.message, { title: a.title, file: a.file, startLine: a.line });
  }
}
