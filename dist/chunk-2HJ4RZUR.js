import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import {
  error,
  getState,
  saveState,
  summary
} from "./chunk-YKLKHHX5.js";
import {
  gateSummaryMarkdown
} from "./chunk-FQHZH3D3.js";
import {
  readSavedState
} from "./chunk-O3TADS5N.js";
import {
  signInSummaryMarkdown
} from "./chunk-YJNIKON3.js";
import {
  formatDuration
} from "./chunk-S4FSG2IO.js";

// src/action/state.ts
var actionState = { save: (key, value) => saveState(key, value) };
var readActionState = () => readSavedState((key) => getState(key));

// src/action/summary.ts
var OUTCOME = {
  passed: "\u2705 tests passed",
  failed: "\u274C failed",
  "no-test": "\u2705 preview ran (no test command)",
  "start-failed": "\u274C could not start",
  cancelled: "\u26AA cancelled"
};
function summaryMarkdown(result) {
  const rows = result.phases.map(
    (p) => `| ${p.name} | ${p.status} | ${p.status === "skipped" ? "" : formatDuration(p.ms)} | ${escapeCell(p.detail)} |`
  );
  return [
    "## preview-tunnel",
    "",
    `**Result:** ${OUTCOME[result.outcome]}${result.failure ? `: ${escapeCell(result.failure.split("\n")[0] ?? "")}` : ""}`,
    "",
    `**Preview:** ${result.url ? `\`${result.url}\`` : "not exposed"} (provider \`${result.provider}\`)`,
    "",
    ...result.githubWebhook ? [
      `**GitHub webhook:** ${result.githubWebhook.ok ? "\u2705" : "\u274C"} ${escapeCell(result.githubWebhook.message)}`,
      ""
    ] : [],
    "| phase | status | time | detail |",
    "| --- | --- | --- | --- |",
    ...rows,
    "",
    `App log: \`${result.appLog}\`${result.harPath ? ` \xB7 requests recorded in \`${result.harPath}\` (HAR: open it in a browser's devtools)` : ""}`,
    "",
    ...result.inspectorUrl ? [
      `**Live requests:** \`${result.inspectorUrl}\` (the request inspector, while the preview is up; same sign-in as the preview)`,
      ""
    ] : [],
    ...servicesMarkdown(result),
    ...warningsMarkdown(result),
    ...result.scenarios ? [result.scenarios.summary] : [],
    ...result.requests ? [gateSummaryMarkdown(result.requests)] : [],
    ...result.signIns ? [signInSummaryMarkdown(result.signIns)] : []
  ].join("\n");
}
function servicesMarkdown(result) {
  if (!result.services) return [];
  return [
    "| service | path | log |",
    "| --- | --- | --- |",
    ...result.services.map(
      (s) => `| \`${s.name}\` | ${s.path === void 0 ? "(no requests)" : `\`${s.path}\``} | \`${s.log}\` |`
    ),
    ""
  ];
}
function warningsMarkdown(result) {
  if (!result.warnings || result.warnings.length === 0) return [];
  return [
    "**Warnings:**",
    "",
    ...result.warnings.map((w) => `- \u26A0\uFE0F ${escapeCell(w.split("\n")[0] ?? "")}`),
    ""
  ];
}
function escapeCell(text) {
  return text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}
async function writeSummary(result) {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  await summary.addRaw(summaryMarkdown(result)).write();
}
function annotateScenarios(result) {
  for (const a of result.scenarios?.annotations ?? []) {
    error(a.message, { title: a.title, file: a.file, startLine: a.line });
  }
}

export {
  actionState,
  readActionState,
  writeSummary,
  annotateScenarios
};
