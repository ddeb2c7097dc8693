/** Inputs of the app under test: how it starts, when it is ready, how it stops. */
import type { InputSpec } from "./reader.js";

export const APP_INPUTS = {
  start: {
    description:
      "Shell command that starts the app under test (run through bash, or cmd on Windows), e.g. `npm start`. Required, unless `services` lists several.",
    default: "",
    placeholder: "<command>",
  },
  stop: {
    description:
      "Shell command run at teardown before the app's process tree is stopped, with the same environment and directory as `start`, e.g. `docker compose down -v`. It runs however the run ends (passed, failed, cancelled, in the post step when the main step was killed), is killed after `stop-grace`, and its output goes to the app's log; a failure is a warning in the summary.",
    default: "",
    placeholder: "<command>",
  },
  setup: {
    description:
      "Shell command run once before `start`, with the same environment and directory (migrations, seeding). If it fails, the run stops (exit code 3) with its last output.",
    default: "",
    placeholder: "<command>",
  },
  "start-mode": {
    description:
      "`attached`: `start` is the app, and its exit is a crash. `detached`: `start` launches the app elsewhere and may exit 0 (e.g. `docker compose up -d --wait`); readiness decides, and while the preview is up the readiness probe watches it (every 2s, down after 3 failures in a row). `auto`: attached, but detached when `stop` is set and `start` exits 0. A non-zero exit of `start` always fails at once.",
    default: "auto",
    placeholder: "<auto|attached|detached>",
  },
  "working-directory": {
    description:
      "Directory the app and the test command run in, relative to the workspace (with `services`, each one's `working-directory` is relative to it).",
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
      "Extra environment for the app: one `KEY=VALUE` per line (lines starting with `#` are skipped). With `services`, for every service (a service's own `env` wins). `PORT` here is the app's port, as if given in `port` (both given: they must agree).",
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
    description:
      "How long to wait for the app to become ready, e.g. `500ms`, `90s`, `2m` (with `services`, for each one that sets none).",
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
    description:
      "Time between SIGTERM and SIGKILL when stopping the app's process tree, and the longest a `stop` command may run.",
    default: "5s",
    placeholder: "<duration>",
  },
  services: {
    description:
      "Several services behind one gate and one tunnel: a YAML list (inline, or the path of a YAML file) of `name` and `start`, with optional `stop`, `setup`, `start-mode`, `port`, `ready`, `ready-timeout`, `working-directory`, `env`, `path` (route prefix at the gate, `/` by default; `none`: no requests), `strip-prefix` and `depends-on`. They start in dependency order (independent ones in parallel) and stop in reverse; each gets the others' local URLs as `<NAME>_URL`. Replaces `start`, `stop`, `setup`, `port` and `ready`.",
    default: "",
    placeholder: "<YAML list|file>",
  },
} as const satisfies Record<string, InputSpec>;

export type AppInputName = keyof typeof APP_INPUTS;
