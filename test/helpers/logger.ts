import type { Logger } from "../../src/util/logger.js";

/** A silent logger that keeps the warnings and errors, for assertions. */
export function warningLogger(): { logger: Logger; warnings: string[] } {
  const warnings: string[] = [];
  const logger: Logger = {
    info: () => {},
    warning: (m) => warnings.push(m),
    error: (m) => warnings.push(m),
    debug: () => {},
    startGroup: () => {},
    endGroup: () => {},
    write: () => {},
  };
  return { logger, warnings };
}
