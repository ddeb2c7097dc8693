/** Exit codes of the CLI; the action maps every failure to core.setFailed. */
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
  readonly exitCode = EXIT.invalidInput;
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
  readonly exitCode = EXIT.startFailed;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "StartError";
  }
}

/** The run was cancelled by a signal. */
export class CancelledError extends Error {
  constructor(readonly signal: NodeJS.Signals) {
    super(`Cancelled by ${signal}.`);
    this.name = "CancelledError";
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
