/**
 * The app under test, and the processes a run starts (the app, the test command, tunnel
 * agents): launching in a process group, following output, waiting until ready, stopping
 * whole trees. The tunnel part starts its agents with these too (a one-way dependency).
 */

export { type CommandOutcome, runToEnd } from "./command.js";
export { LIVENESS_FAILURES, LIVENESS_INTERVAL_MS, type Liveness, watchLiveness } from "./liveness.js";
export { type LineListener, LogTail } from "./log-tail.js";
export { type StartOrder, startOrder } from "./order.js";
export { freePort, portInUse } from "./ports.js";
export { isAlive, listProcs, type ProcInfo, processesWithEnv, processTree, readProc } from "./proc-table.js";
export {
  describeExit,
  type ExitInfo,
  type ManagedProcess,
  nodeLauncher,
  type ProcessLauncher,
  type StartOptions,
} from "./process.js";
export { type ReadyResult, ReadyTimeoutError, waitForReady } from "./readiness.js";
export {
  type AppSettings,
  DEFAULT_SERVICE_NAME,
  type ReadySpec,
  type ServiceSettings,
  START_MODES,
  type StartMode,
  serviceUrlEnv,
} from "./settings.js";
export { type StopOptions, type StopResult, stopProcessTree, sweepMarked } from "./stop.js";
