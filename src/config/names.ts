/**
 * Every input and output name in one place, with the descriptions shown in action.yml, the
 * README and `preview-tunnel --help`: the tables of inputs/*.ts (one per part), merged in
 * the order action.yml lists them. `npm run docs` writes action.yml's inputs/outputs and the
 * README tables from this file; a test checks they are in step.
 */
import { APP_INPUTS } from "./inputs/app.js";
import { GATE_INPUTS } from "./inputs/gate.js";
import { PUBLISH_INPUTS, PUBLISH_OUTPUTS } from "./inputs/github.js";
import { GITHUB_WEBHOOK_INPUTS } from "./inputs/github-webhook.js";
import { IDP_INPUTS } from "./inputs/idp.js";
import type { InputSpec } from "./inputs/reader.js";
import { RELAY_INPUTS } from "./inputs/relay.js";
import { RUN_INPUTS } from "./inputs/run.js";
import { SCENARIO_INPUTS, SCENARIO_OUTPUTS } from "./inputs/scenarios.js";
import { SIGNIN_INPUTS } from "./inputs/signin.js";
import { TUNNEL_INPUTS } from "./inputs/tunnel.js";

export type { InputSpec } from "./inputs/reader.js";

export const INPUTS = {
  ...APP_INPUTS,
  ...RUN_INPUTS,
  ...GATE_INPUTS,
  ...SIGNIN_INPUTS,
  ...TUNNEL_INPUTS,
  ...PUBLISH_INPUTS,
  ...SCENARIO_INPUTS,
  ...GITHUB_WEBHOOK_INPUTS,
  ...IDP_INPUTS,
  ...RELAY_INPUTS,
} as const satisfies Record<string, InputSpec>;

export type InputName = keyof typeof INPUTS;

/** Raw value of an input by name; undefined or "" means "not given". */
export type InputSource = (name: InputName) => string | undefined;

/** Environment variable that gives an input to the CLI, e.g. ssh-key -> PREVIEW_TUNNEL_SSH_KEY. */
export function inputEnvName(name: InputName): string {
  return `PREVIEW_TUNNEL_${name.toUpperCase().replace(/-/g, "_")}`;
}

export const OUTPUTS = {
  url: "URL of the preview (no trailing slash).",
  provider: "Tunnel provider that was used.",
  "app-log":
    "Path of the file holding the app's output (stdout and stderr), e.g. to upload as an artifact. With `services`, the first service's.",
  "logs-dir": "Folder of the services' logs, one `<name>.log` each (the app's alone is `app.log`).",
  "test-exit-code": "Exit code of the test command, when one ran.",
  username: "User name for basic auth (when `auth` is `basic`).",
  password: "Password for basic auth (masked; generated unless `credentials` was given).",
  token:
    "Bearer token (when `auth` is `bearer`, or the run's own token with `github`; masked; generated unless `credentials` was given).",
  "auth-header": "A ready `Authorization` header value for the preview (masked), for later steps' requests.",
  "har-path":
    "Path of the HAR file recording every request through the gate (open it in a browser's devtools).",
  "inspector-url":
    "URL of the live request inspector on the preview (`<url>/__preview/inspect`, same sign-in as the preview); empty when `inspector` is off.",
  ...PUBLISH_OUTPUTS,
  ...SCENARIO_OUTPUTS,
} as const satisfies Record<string, string>;

export type OutputName = keyof typeof OUTPUTS;
