/** The step outputs, in one place for the main step and the background supervisor. */
import type { Config } from "../config/config.js";
import type { OutputName } from "../config/names.js";
import { clientCredentials } from "../gate/index.js";
import type { PublishRecord } from "../github/index.js";
import type { RunResult } from "../pipeline/context.js";

type Outputs = Partial<Record<OutputName, string>>;

/** When the preview is up (and again when its URL changes). Secrets are masked already. */
export function previewOutputs(
  config: Config,
  info: {
    readonly url: string;
    readonly provider: string;
    readonly harPath: string | undefined;
    readonly inspectorUrl?: string | undefined;
  },
): Outputs {
  const auth = config.gate.auth;
  const access = clientCredentials(auth);
  return {
    url: info.url,
    provider: info.provider,
    "har-path": info.harPath ?? "",
    "inspector-url": info.inspectorUrl ?? "",
    ...(auth.mode === "basic" ? { username: auth.username, password: auth.password } : {}),
    ...(auth.mode === "bearer" || auth.mode === "github" ? { token: auth.token } : {}),
    "auth-header": access.PREVIEW_AUTH_HEADER ?? "",
  };
}

/** When the tests are done (or the run is over). */
export function resultOutputs(result: RunResult): Outputs {
  return {
    "app-log": result.appLog,
    "logs-dir": result.logsDir,
    ...(result.testExitCode === undefined ? {} : { "test-exit-code": String(result.testExitCode) }),
    passed: String(result.scenarios?.passed ?? 0),
    failed: String(result.scenarios?.failed ?? 0),
    "junit-path": result.scenarios?.junitPath ?? "",
  };
}

export function publishOutputs(record: PublishRecord): Outputs {
  return {
    "comment-id": record.commentId === undefined ? "" : String(record.commentId),
    "deployment-id": record.deploymentId === undefined ? "" : String(record.deploymentId),
    environment: record.environment ?? "",
  };
}
