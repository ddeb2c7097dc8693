import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import {
  buildConfig
} from "./chunk-GHZ7UY42.js";
import "./chunk-SKAUZFMM.js";
import {
  FOREVER_MS,
  childEnv,
  runPipeline
} from "./chunk-4RTR66C2.js";
import "./chunk-S2ADTU3Q.js";
import "./chunk-7EVMY665.js";
import {
  abortOnSignals
} from "./chunk-H3IK2KXZ.js";
import {
  configSecrets,
  newRun,
  noState,
  nodeLauncher,
  redactingLogger
} from "./chunk-JNPI4FDS.js";
import "./chunk-H5VRMRXI.js";
import "./chunk-43J54ITV.js";
import {
  require_os
} from "./chunk-4APMPA4J.js";
import "./chunk-U3LP44OY.js";
import "./chunk-APRB5VJX.js";
import "./chunk-F6NLBT5A.js";
import "./chunk-WXR4GUQT.js";
import {
  inputEnvName
} from "./chunk-HO5Z7ZKV.js";
import "./chunk-2JR2XLQM.js";
import "./chunk-E2CMEZH3.js";
import "./chunk-5MZJDRGG.js";
import "./chunk-ASMHSPIK.js";
import {
  clientCredentials
} from "./chunk-WO4RLYMO.js";
import "./chunk-FGPKYI5V.js";
import "./chunk-IWCDQGAF.js";
import {
  SecretRegistry,
  tooShortWarning
} from "./chunk-QSITGZFO.js";
import "./chunk-HWQAXG6F.js";
import "./chunk-JOYH5WIN.js";
import "./chunk-NASAAU6J.js";
import "./chunk-L2ZVH472.js";
import {
  formatDuration
} from "./chunk-5ZE6XM6U.js";
import {
  CancelledError,
  EXIT,
  errorMessage,
  exitCodeOf
} from "./chunk-TQQFERRB.js";
import {
  __toESM
} from "./chunk-PGICO5ZK.js";

// src/cli/run.ts
var import_node_os = __toESM(require_os(), 1);
async function runCommand(values, io, logger) {
  const cancel = abortOnSignals((sig) => logger.warning(`Received ${sig}: tearing down.`));
  const secrets = new SecretRegistry({ onTooShort: (label) => logger.warning(tooShortWarning(label)) });
  const safeLogger = redactingLogger(logger, (text) => secrets.redact(text));
  try {
    const run = newRun((0, import_node_os.tmpdir)());
    const source = (name) => values[name] ?? io.env[inputEnvName(name)];
    const config = await buildConfig(source, { cwd: io.cwd, env: io.env, runDir: run.dir });
    for (const { label, value } of configSecrets(config, io.env)) secrets.add(value, label);
    const holdForever = config.test === void 0 && config.scenarios.scenarios.length === 0 && source("keep-alive") === void 0;
    const result = await runPipeline(holdForever ? { ...config, keepAliveMs: FOREVER_MS } : config, {
      logger,
      launcher: nodeLauncher,
      state: noState,
      run,
      baseEnv: childEnv(io.env),
      secrets,
      signal: cancel.signal,
      reporter: {
        preview: ({ url, harPath }) => {
          const access = Object.entries(clientCredentials(config.gate.auth)).map(([k, v]) => `${k}=${v}
`);
          io.stdout.write(`PREVIEW_URL=${url}
${access.join("")}`);
          if (harPath) safeLogger.info(`Every request through the gate is recorded in ${harPath}`);
        },
        finished: (r) => {
          io.stderr.write(secrets.redact(phaseTable(r)));
          safeLogger.info(
            `Done: ${r.outcome}${r.failure ? ` (${r.failure.split("\n")[0]})` : ""}. App log: ${r.appLog}`
          );
        }
      }
    });
    return result.outcome === "failed" ? EXIT.testFailed : EXIT.ok;
  } catch (error) {
    if (!(error instanceof CancelledError)) safeLogger.error(errorMessage(error));
    return exitCodeOf(error);
  } finally {
    cancel.dispose();
  }
}
function phaseTable(result) {
  const rows = result.phases.map(
    (p) => `  ${p.name.padEnd(9)} ${p.status.padEnd(8)} ${(p.status === "skipped" ? "" : formatDuration(p.ms)).padStart(7)}  ${p.detail}`
  );
  return `${rows.join("\n")}
`;
}
export {
  runCommand
};
