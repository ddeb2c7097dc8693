/**
 * The run's errors, each carrying the exit code the CLI ends with (the action fails its step
 * on any of them): 0 passed, 1 test failed, 2 invalid input, 3 could not start, 130/143
 * interrupted. Front doors read `exitCodeOf(error)` instead of telling the classes apart.
 */
export const EXIT = {
  ok: 0,
  testFailed: 1,
  invalidInput: 2,
  startFailed: 3,
  /** 128 + signal number, as shells report a run ended by a signal. */
  sigint: 130,
  sigterm: 143,
} as const;

/** One invalid input: names it, shows the value and says what would be accepted. */
export class InputError extends Error {
  readonly exitCode: number = EXIT.invalidInput;
  constructor(
    readonly input: string,
    readonly value: string,
    readonly problem: string,
  ) {
    super(`Input "${input}" ${problem} (got ${JSON.stringify(value)}).`);
    this.name = "InputError";
  }
}

/** All invalid inputs of one run, reported together so one edit can fix them all. */
export class ConfigError extends Error {
  readonly exitCode: number = EXIT.invalidInput;
  constructor(readonly problems: readonly InputError[]) {
    super(
      problems.length === 1
        ? (problems[0]?.message ?? "Invalid input.")
        : `${problems.length} inputs are invalid:\n${problems.map((p) => `  - ${p.message}`).join("\n")}`,
    );
    this.name = "ConfigError";
  }
}

/** The app or the tunnel could not be brought up. */
export class StartError extends Error {
  readonly exitCode: number = EXIT.startFailed;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "StartError";
  }
}

/** The run was cancelled by a signal: 128 + the signal's number, as shells report it. */
export class CancelledError extends Error {
  readonly exitCode: number;
  constructor(readonly signal: NodeJS.Signals) {
    super(`Cancelled by ${signal}.`);
    this.name = "CancelledError";
    this.exitCode = signal === "SIGINT" ? EXIT.sigint : EXIT.sigterm;
  }
}

/** The exit code an error ends a run with: its own, or 1 (a failed run) for any other. */
export function exitCodeOf(error: unknown): number {
  return error instanceof Error && "exitCode" in error && typeof error.exitCode === "number"
    ? error.exitCode
    : EXIT.testFailed;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
