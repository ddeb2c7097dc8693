/** Where the pipeline reports progress: the step log in the action, the terminal in the CLI. */
export interface Logger {
  info(message: string): void;
  warning(message: string): void;
  error(message: string): void;
  debug(message: string): void;
  /** Opens a collapsible group (a no-op heading in a terminal). */
  startGroup(title: string): void;
  endGroup(): void;
  /** Raw text as it is, e.g. the app's output. */
  write(text: string): void;
}

/** Logger for the CLI: plain lines on stderr, so stdout stays the app's and the tests' output. */
export function consoleLogger(stream: NodeJS.WritableStream = process.stderr, verbose = false): Logger {
  const line = (text: string) => stream.write(`${text}\n`);
  return {
    info: (m) => line(`preview-tunnel: ${m}`),
    warning: (m) => line(`preview-tunnel: warning: ${m}`),
    error: (m) => line(`preview-tunnel: error: ${m}`),
    debug: (m) => {
      if (verbose) line(`preview-tunnel: debug: ${m}`);
    },
    startGroup: (title) => line(`── ${title}`),
    endGroup: () => line("──"),
    write: (text) => stream.write(text),
  };
}

/** The same logger with `redact` applied to every message and every chunk of raw text. */
export function redactingLogger(logger: Logger, redact: (text: string) => string): Logger {
  return {
    info: (m) => logger.info(redact(m)),
    warning: (m) => logger.warning(redact(m)),
    error: (m) => logger.error(redact(m)),
    debug: (m) => logger.debug(redact(m)),
    startGroup: (title) => logger.startGroup(redact(title)),
    endGroup: () => logger.endGroup(),
    write: (text) => logger.write(redact(text)),
  };
}
