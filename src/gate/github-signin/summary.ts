/** Markdown for the job summary: who signed in with GitHub and who was refused (never a token). */
import type { AuditEntry, SignInAudit } from "./audit.js";

const HOW: Record<AuditEntry["via"], string> = { browser: "browser", "github-token": "GitHub token" };

function cell(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/`/g, "'").replace(/\r?\n/g, " ");
}

function row(entry: AuditEntry, outcome: string): string {
  const times = entry.count > 1 ? ` (${entry.count}×)` : "";
  return `| \`${cell(entry.login)}\` | ${outcome}${times} | ${HOW[entry.via]} | ${cell(entry.detail)} |`;
}

export function signInSummaryMarkdown(audit: SignInAudit): string {
  const lines = ["### GitHub sign-ins", ""];
  if (audit.signedIn.length === 0 && audit.refused.length === 0) {
    return [...lines, "Nobody signed in with GitHub.", ""].join("\n");
  }
  lines.push(
    `${audit.signedIn.length} signed in, ${audit.refused.length} refused.`,
    "",
    "| login | outcome | how | rule or reason |",
    "| --- | --- | --- | --- |",
    ...audit.signedIn.map((e) => row(e, "✅ signed in")),
    ...audit.refused.map((e) => row(e, "⛔ refused")),
    "",
  );
  return lines.join("\n");
}
