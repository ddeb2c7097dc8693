/** Messages from the background supervisor to the main step, over the IPC channel. */
import type { RunResult } from "../pipeline/context.js";

export type SupervisorMessage =
  /** A step output to set (only the main step can write GITHUB_OUTPUT). */
  | { readonly type: "output"; readonly name: string; readonly value: string }
  /** The preview is up and the tests (if any) are done: the main step may exit. */
  | { readonly type: "holding"; readonly result: RunResult }
  /** The run failed before holding; the supervisor tears down and exits. */
  | { readonly type: "failed"; readonly message: string };

export function isSupervisorMessage(value: unknown): value is SupervisorMessage {
  const type = (value as { type?: unknown } | null)?.type;
  return type === "output" || type === "holding" || type === "failed";
}
