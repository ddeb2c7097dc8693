/**
 * Checks on the process table: after a test, no process of it may be left. Every process a
 * test starts carries a unique marker in its environment (passed down to all descendants),
 * so leftovers are found even when they left their process group.
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { processesWithEnv } from "../../src/app/proc-table.js";

export const MARK_ENV = "PREVIEW_TUNNEL_TEST_MARK";

export function newMark(): { env: Record<string, string>; value: string } {
  const value = randomUUID();
  return { value, env: { [MARK_ENV]: value } };
}

export function processesWithMark(value: string): number[] {
  return processesWithEnv(MARK_ENV, value);
}

/** Waits (polling, with a deadline) until no live process carries the mark. */
export async function expectNoProcessLeft(value: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let left = processesWithMark(value);
  while (left.length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    left = processesWithMark(value);
  }
  if (left.length > 0) {
    const described = left.map((pid) => `${pid} (${commandOf(pid)})`);
    for (const pid of left) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // gone meanwhile
      }
    }
    throw new Error(`processes left behind: ${described.join(", ")}`);
  }
}

/** A process's command line, shortened, for messages. */
function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ").trim().slice(0, 160);
  } catch {
    return "?";
  }
}
