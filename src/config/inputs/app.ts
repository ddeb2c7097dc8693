/** Inputs of the app under test: how it starts, when it is ready, how it stops. */
import type { InputSpec } from "./reader.js";

export const APP_INPUTS = {
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
      "Port the app listens on, given to it as `PORT`. Empty: `PORT` from `env` if set there, else a free port is chosen and passed as `PORT`. When both are given they must agree.",
    default: "",
    placeholder: "<1-65535>",
  },
  env: {
    description:
      "Extra environment for the app: one `KEY=VALUE` per line (lines starting with `#` are skipped). `PORT` here is the app's port, as if given in `port` (both given: they must agree).",
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
} as const satisfies Record<string, InputSpec>;

export type AppInputName = keyof typeof APP_INPUTS;
