/**
 * The app under test: how it is started (command, directory, port, environment), how to tell
 * it is ready, how it is stopped. Built by src/config from the inputs.
 */
import type { StatusRange } from "../util/parse.js";

/** How to tell that the app is ready. */
export type ReadySpec =
  | { readonly kind: "http"; readonly url: URL }
  | { readonly kind: "path"; readonly path: string }
  | { readonly kind: "tcp" }
  | { readonly kind: "log"; readonly pattern: RegExp };

export interface AppSettings {
  /** Shell command that starts the app. */
  readonly start: string;
  /** Absolute directory the app and the test command run in. */
  readonly workingDirectory: string;
  /** Port given to the app as PORT; undefined means "pick a free one at start". */
  readonly port: number | undefined;
  /** Added to the app's environment (after PORT, so it can override it). */
  readonly env: Readonly<Record<string, string>>;
  /** How to tell that the app is ready. */
  readonly ready: ReadySpec;
  readonly readyTimeoutMs: number;
  readonly readyStatus: readonly StatusRange[];
  /** Time between SIGTERM and SIGKILL when stopping a process tree. */
  readonly stopGraceMs: number;
}
