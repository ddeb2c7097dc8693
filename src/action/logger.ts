import * as core from "@actions/core";
import type { Logger } from "../util/logger.js";

/** Logger for the step log, with annotations for warnings and errors. */
export const coreLogger: Logger = {
  info: (m) => core.info(m),
  warning: (m) => core.warning(m),
  error: (m) => core.error(m),
  debug: (m) => core.debug(m),
  startGroup: (t) => core.startGroup(t),
  endGroup: () => core.endGroup(),
  write: (text) => process.stdout.write(text),
};
