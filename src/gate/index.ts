/** The gate's public API, for the pipeline and the CLI. */

export { clientCredentials, LOGIN_PATH, SESSION_COOKIE } from "./auth.js";
export type { Timeouts } from "./limits.js";
export { DEFAULT_MAX_UPSTREAM_CONNECTIONS, DEFAULT_TIMEOUTS } from "./limits.js";
export type { ProbeSecrets } from "./probe.js";
export { newProbeSecrets, PROBE_KEY_HEADER, PROBE_PATH } from "./probe.js";
export type { ReplayOptions, ReplayResult, ReplaySecret, SendFn } from "./replay.js";
export { formatReplayResults, replayHar } from "./replay.js";
export { isUnder, requestPath } from "./request-path.js";
export type { Gate, GateOptions } from "./server.js";
export { startGate } from "./server.js";
export type { GateStats, RequestSample, StatusClass } from "./stats.js";
export { gateSummaryMarkdown } from "./summary.js";
