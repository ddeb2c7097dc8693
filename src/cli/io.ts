/** The hidden command the CLI's watchdog runs as (see cli/watchdog.ts). */
export const WATCHDOG_COMMAND = "__watchdog";

/** What the CLI reads and writes: its streams, working directory and environment (tests pass their own). */
export interface CliIo {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** The CLI's own script, to start its watchdog with (cli/watchdog.ts); none: no watchdog. */
  readonly script?: string;
}
