/** The gate's public API, for the pipeline and the CLI. */

export { clientCredentials } from "./auth.js";
export type { SignInAudit } from "./github-signin/audit.js";
export { describeSignIn } from "./github-signin/settings.js";
export { signInSummaryMarkdown } from "./github-signin/summary.js";
export type { Timeouts } from "./limits.js";
export { DEFAULT_MAX_UPSTREAM_CONNECTIONS, DEFAULT_TIMEOUTS } from "./limits.js";
export type { ProbeSecrets } from "./probe.js";
export { newProbeSecrets, PROBE_KEY_HEADER } from "./probe.js";
export type { ReplayOptions, ReplayResult, ReplaySecret, SendFn } from "./replay.js";
export { formatReplayResults, replayHar } from "./replay.js";
export { isUnder, requestPath } from "./request-path.js";
export {
  IDP_MOUNT_PATH,
  INSPECT_PATH,
  isReservedPath,
  LOGIN_PATH,
  LOGOUT_PATH,
  PROBE_PATH,
  RESERVED_PREFIX,
  RESERVED_ROOT,
  SIGNIN_PATH,
} from "./reserved-paths.js";
export type { Gate, GateOptions, GateRoute } from "./server.js";
export { startGate } from "./server.js";
export { SESSION_COOKIE } from "./session-cookie.js";
export type { GateStats, RequestSample, StatusClass } from "./stats.js";
export { gateSummaryMarkdown } from "./summary.js";
