import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import {
  debug,
  endGroup,
  error,
  info,
  startGroup,
  warning
} from "./chunk-YKLKHHX5.js";
import {
  randomBytes
} from "./chunk-DDG4KZIH.js";

// src/action/workflow-commands.ts
function looksLikeCommand(line) {
  return line.trimStart().startsWith("::") || line.includes("##[");
}
function neutralizeCommands(text, token = newToken) {
  if (!text.includes("::") && !text.includes("##[")) return text;
  const parts = text.split(/(\r\n|\r|\n)/);
  let changed = false;
  for (let i = 0; i < parts.length; i += 2) {
    const line = parts[i];
    if (!looksLikeCommand(line)) continue;
    const t = token();
    parts[i] = `::stop-commands::${t}
${line}
::${t}::`;
    changed = true;
  }
  return changed ? parts.join("") : text;
}
function newToken() {
  return randomBytes(16).toString("hex");
}

// src/action/logger.ts
var coreLogger = {
  info: (m) => info(neutralizeCommands(m)),
  warning: (m) => warning(m),
  error: (m) => error(m),
  debug: (m) => debug(m),
  startGroup: (t) => startGroup(t),
  endGroup: () => endGroup(),
  write: (text) => process.stdout.write(neutralizeCommands(text))
};

export {
  coreLogger
};
