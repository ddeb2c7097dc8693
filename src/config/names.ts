/**
 * Every input, output and saved-state name in one place, with the descriptions shown in
 * action.yml, the README and `preview-tunnel --help`. `npm run docs` writes action.yml's
 * inputs/outputs and the README tables from this file; a test checks they are in step.
 */

import { GATE_INPUTS } from "./gate-parse.js";
import { PUBLISH_INPUTS, PUBLISH_OUTPUTS } from "./github-parse.js";
import { IDP_INPUTS } from "./idp-parse.js";
import { SCENARIO_INPUTS, SCENARIO_OUTPUTS } from "./scenarios-parse.js";
import { TUNNEL_INPUTS } from "./tunnel-parse.js";

export interface InputSpec {
  readonly description: string;
  /** Default as a string, exactly as action.yml declares it ("" when there is none). */
  readonly default: string;
  /** Placeholder for the CLI help, e.g. "<command>". */
  readonly placeholder: string;
}

export const INPUTS = {
  start: {
    description:
      "Shell command that starts the app under test (run through bash, or cmd on Windows), e.g. `npm start`. Required.",
    default: "",
    placeholder: "<command>",
  },
  "working-directory": {
    description: "Directory the app and the test command run in, relative to the workspace.",
    default: ".",
    placeholder: "<dir>",
  },
  port: {
    description:
      "Port the app listens on, given to it as `PORT`. Empty: a free port is chosen and passed as `PORT`.",
    default: "",
    placeholder: "<1-65535>",
  },
  env: {
    description:
      "Extra environment for the app: one `KEY=VALUE` per line (lines starting with `#` are skipped).",
    default: "",
    placeholder: "<KEY=VALUE lines>",
  },
  ready: {
    description:
      "How to tell the app is ready: a URL (`http://127.0.0.1:3000/health`), a path on the app's port (`/health`), `tcp` (the port accepts connections) or `log:<regex>` (a line of its output matches). Empty: GET `/` on the app's port.",
    default: "",
    placeholder: "<url|/path|tcp|log:regex>",
  },
  "ready-timeout": {
    description: "How long to wait for the app to become ready, e.g. `500ms`, `90s`, `2m`.",
    default: "60s",
    placeholder: "<duration>",
  },
  "ready-status": {
    description:
      "HTTP statuses that count as ready: codes, ranges or classes, e.g. `200-399`, `200,204`, `2xx`.",
    default: "200-399",
    placeholder: "<statuses>",
  },
  "stop-grace": {
    description: "Time between SIGTERM and SIGKILL when stopping the app's process tree.",
    default: "5s",
    placeholder: "<duration>",
  },
  provider: {
    description:
      "Tunnel provider: `ngrok`, `cloudflared` (quick tunnel), `ssh` (localhost.run, pinggy, serveo, sish or any sshd), `local` (no tunnel: the preview is on loopback), or `auto`: ngrok when an authtoken is set (`ngrok-authtoken` or `NGROK_AUTHTOKEN`), otherwise cloudflared on a GitHub runner, otherwise local.",
    default: "auto",
    placeholder: "<name>",
  },
  test: {
    description:
      "Shell command run against the preview once it is up, with `PREVIEW_URL` in its environment. Its exit code is the step's result.",
    default: "",
    placeholder: "<command>",
  },
  "keep-alive": {
    description:
      "How long to keep the preview up after the tests before tearing it down, e.g. `10m`. In background mode the post step holds it this long before stopping it.",
    default: "0s",
    placeholder: "<duration>",
  },
  "keep-running": {
    description:
      "Keep the preview up after this step (background mode), so later steps can use `steps.<id>.outputs.url`; the post step tears it down. Background mode is also used when there is no `test`.",
    default: "false",
    placeholder: "<true|false>",
  },
  "fail-on-crash": {
    description:
      "In background mode, fail the job in the post step (with the app's last output) if the app exited while the preview was up.",
    default: "true",
    placeholder: "<true|false>",
  },
  ...GATE_INPUTS,
  ...TUNNEL_INPUTS,
  ...PUBLISH_INPUTS,
  ...SCENARIO_INPUTS,
  ...IDP_INPUTS,
} as const satisfies Record<string, InputSpec>;

export type InputName = keyof typeof INPUTS;

/** Environment variable that gives an input to the CLI, e.g. ssh-key -> PREVIEW_TUNNEL_SSH_KEY. */
export function inputEnvName(name: InputName): string {
  return `PREVIEW_TUNNEL_${name.toUpperCase().replace(/-/g, "_")}`;
}

export const OUTPUTS = {
  url: "URL of the preview (no trailing slash).",
  provider: "Tunnel provider that was used.",
  "app-log": "Path of the file holding the app's output (stdout and stderr), e.g. to upload as an artifact.",
  "test-exit-code": "Exit code of the test command, when one ran.",
  username: "User name for basic auth (when `auth` is `basic`).",
  password: "Password for basic auth (masked; generated unless `credentials` was given).",
  token: "Bearer token (when `auth` is `bearer`; masked; generated unless `credentials` was given).",
  "auth-header": "A ready `Authorization` header value for the preview (masked), for later steps' requests.",
  "har-path":
    "Path of the HAR file recording every request through the gate (open it in a browser's devtools).",
  ...PUBLISH_OUTPUTS,
  ...SCENARIO_OUTPUTS,
} as const satisfies Record<string, string>;

export type OutputName = keyof typeof OUTPUTS;
