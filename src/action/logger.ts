import * as core from "@actions/core";
import type { Logger } from "../util/logger.js";
import { neutralizeCommands } from "./workflow-commands.js";

/**
 * Logger for the step log, with annotations for warnings and errors. info and write print
 * text as is, which may carry the app's words: workflow commands in it are only shown.
 * (warning, error, debug and startGroup are commands themselves; @actions/core escapes them.)
 */
export const coreLogger: Logger = {
  info: (m) => core.info(neutralizeCommands(m)),
  warning: (m) => core.warning(m),
  error: (m) => core.error(m),
  debug: (m) => core.debug(m),
  startGroup: (t) => core.startGroup(t),
  endGroup: () => core.endGroup(),
  write: (text) => process.stdout.write(neutralizeCommands(text)),
};
