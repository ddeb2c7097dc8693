/**
 * Text from outside the action (the app's output, response excerpts in messages) goes to the
 * step log, where the runner would act on any line it reads as a workflow command: a line
 * that starts with `::` after leading white space, or that contains `##[` (the runner's older
 * form). The app relays what its clients send, so such a line could add masks, annotations or
 * groups, or stop command processing for the rest of the job. Those lines are shown verbatim
 * between `::stop-commands::<token>` and `::<token>::`, as GitHub's docs advise for untrusted
 * output; every other line is written unchanged, and our own commands keep working.
 */
import { randomBytes } from "node:crypto";

function looksLikeCommand(line: string): boolean {
  return line.trimStart().startsWith("::") || line.includes("##[");
}

/** `text` with every line the runner would act on wrapped so that it is only shown. */
export function neutralizeCommands(text: string, token: () => string = newToken): string {
  if (!text.includes("::") && !text.includes("##[")) return text;
  // The runner reads lines as .NET's ReadLine does: a lone \r ends a line too. Odd indices
  // hold the line ends, which are kept as they were.
  const parts = text.split(/(\r\n|\r|\n)/);
  let changed = false;
  for (let i = 0; i < parts.length; i += 2) {
    const line = parts[i] as string;
    if (!looksLikeCommand(line)) continue;
    // A fresh token each time: the wrapped line itself cannot name it to end the stop early.
    const t = token();
    parts[i] = `::stop-commands::${t}\n${line}\n::${t}::`;
    changed = true;
  }
  return changed ? parts.join("") : text;
}

function newToken(): string {
  return randomBytes(16).toString("hex");
}
