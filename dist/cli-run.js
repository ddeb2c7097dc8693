import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import {
  buildConfig
} from "./chunk-AZQK2MJW.js";
import "./chunk-SKAUZFMM.js";
import {
  FOREVER_MS,
  runPipeline
} from "./chunk-IYPUM6QB.js";
import "./chunk-Y4O7CTZI.js";
import "./chunk-3AIUAVFA.js";
import {
  abortOnSignals
} from "./chunk-7FW4473H.js";
import {
  childEnv,
  configSecrets,
  redactingLogger
} from "./chunk-CCJA65KF.js";
import "./chunk-3Y4TJIQ3.js";
import "./chunk-YBFULNOX.js";
import "./chunk-APRB5VJX.js";
import "./chunk-WXR4GUQT.js";
import {
  inputEnvName
} from "./chunk-7S3VWT3P.js";
import "./chunk-STNDWCUP.js";
import {
  clientCredentials
} from "./chunk-FQHZH3D3.js";
import "./chunk-ADOYJPIF.js";
import "./chunk-MTL5JJZW.js";
import {
  SecretRegistry,
  tooShortWarning
} from "./chunk-QSITGZFO.js";
import {
  RunRegistry,
  leftoversOf,
  runnerAlive,
  startWatchdog,
  stopLeftovers
} from "./chunk-DFYG2IFB.js";
import {
  newRun,
  noState
} from "./chunk-O3TADS5N.js";
import {
  listProcs,
  nodeLauncher,
  readProc
} from "./chunk-ZJNQSVQY.js";
import "./chunk-LDT6WRPX.js";
import "./chunk-EHOPSBCD.js";
import {
  tmpdir
} from "./chunk-NR726SSU.js";
import "./chunk-TATCJCUR.js";
import "./chunk-VTIJIBSJ.js";
import "./chunk-VWFGOYLM.js";
import "./chunk-C6CPBUKC.js";
import "./chunk-RIQZ67RY.js";
import "./chunk-P7Z7VSPS.js";
import "./chunk-JOYH5WIN.js";
import "./chunk-YJNIKON3.js";
import "./chunk-DDG4KZIH.js";
import {
  CancelledError,
  EXIT,
  errorMessage,
  exitCodeOf,
  formatDuration
} from "./chunk-S4FSG2IO.js";
import "./chunk-PGICO5ZK.js";

// src/cli/run.ts
var DEAD_RUN_GRACE_MS = 2e3;
async function runCommand(values, io, logger) {
  let signals = 0;
  const cancel = abortOnSignals(
    (sig) => logger.warning(
      ++signals === 1 ? `Received ${sig}: tearing down.` : `Received ${sig} again: stopping what is left at once.`
    )
  );
  const secrets = new SecretRegistry({ onTooShort: (label) => logger.warning(tooShortWarning(label)) });
  const safeLogger = redactingLogger(logger, (text) => secrets.redact(text));
  const registry = RunRegistry.forUser(tmpdir());
  let watchdog;
  let run;
  try {
    if (registry) await stopDeadRuns(registry, io.cwd, safeLogger);
    run = newRun(tmpdir());
    const source = (name) => values[name] ?? io.env[inputEnvName(name)];
    const config = await buildConfig(source, { cwd: io.cwd, env: io.env, runDir: run.dir });
    registry?.write({
      runId: run.id,
      pid: process.pid,
      startTime: startTimeOf(process.pid),
      cwd: io.cwd,
      leaders: [],
      startedAt: (/* @__PURE__ */ new Date()).toISOString()
    });
    if (io.script) {
      watchdog = startWatchdog(io.script, run.id, registry?.dir, io.env);
      await watchdog.ready;
    }
    for (const { label, value } of configSecrets(config, io.env)) secrets.add(value, label);
    const holdForever = config.test === void 0 && config.scenarios.scenarios.length === 0 && source("keep-alive") === void 0;
    const result = await runPipeline(holdForever ? { ...config, keepAliveMs: FOREVER_MS } : config, {
      logger,
      launcher: nodeLauncher,
      state: registry ? registry.leaderState(run.id, startTimeOf) : noState,
      run,
      baseEnv: childEnv(io.env),
      secrets,
      signal: cancel.signal,
      urgent: cancel.urgent,
      reporter: {
        preview: ({ url, harPath, inspectorUrl }) => {
          const access = Object.entries(clientCredentials(config.gate.auth)).map(([k, v]) => `${k}=${v}
`);
          io.stdout.write(`PREVIEW_URL=${url}
${access.join("")}`);
          if (harPath) safeLogger.info(`Every request through the gate is recorded in ${harPath}`);
          if (inspectorUrl) safeLogger.info(`Watch and replay the requests live at ${inspectorUrl}`);
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
    await watchdog?.dismiss();
    if (run) registry?.remove(run.id);
    cancel.dispose();
  }
}
var startTimeOf = (pid) => readProc(pid)?.startTime ?? 0;
async function stopDeadRuns(registry, cwd, logger) {
  const procs = listProcs();
  for (const entry of registry.entries()) {
    if (runnerAlive(entry)) continue;
    if (entry.cwd !== cwd) {
      if (leftoversOf(entry, procs).length === 0) registry.remove(entry.runId);
      continue;
    }
    const stopped = await stopLeftovers(entry, DEAD_RUN_GRACE_MS);
    if (stopped > 0)
      logger.warning(
        `Stopped ${stopped} process(es) left running by an earlier run in ${cwd} (run ${entry.runId.slice(0, 8)}, started ${entry.startedAt}), whose preview-tunnel process had died without tearing down.`
      );
    registry.remove(entry.runId);
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
