/** Inputs and outputs of the webhook and OAuth scenarios. */
import { DEFAULT_SCENARIO_TIMEOUT_MS } from "../../scenarios/settings.js";
import type { InputSpec } from "./reader.js";

export const SCENARIO_INPUTS = {
  scenarios: {
    description:
      "Webhook scenario files (YAML) to run against the preview's public URL once it is up: paths or globs (e.g. `webhooks/*.yml`), one per line, relative to the workspace. Each delivery is signed as its provider signs it. Empty: none.",
    default: "",
    placeholder: "<files|globs>",
  },
  "junit-path": {
    description:
      "Where the webhook scenarios' JUnit XML report is written. Empty: `scenarios-junit.xml` in the run's folder under `RUNNER_TEMP`.",
    default: "",
    placeholder: "<path>",
  },
  "scenario-timeout": {
    description:
      "Longest wait for the response to one webhook delivery (or for one step of an OAuth login), e.g. `10s`; a scenario's own `timeout` wins.",
    default: `${DEFAULT_SCENARIO_TIMEOUT_MS / 1000}s`,
    placeholder: "<duration>",
  },
  "browser-path": {
    description:
      "Chromium or Chrome executable for OAuth scenarios with `browser: true` (driven headless with playwright-core, which the action ships): a path, or a command on `PATH`. Empty: `CHROME_PATH`, else the first of `chromium`, `chromium-browser`, `google-chrome`, `google-chrome-stable` on `PATH` (GitHub-hosted Ubuntu runners have Google Chrome). Only checked when such a scenario exists.",
    default: "",
    placeholder: "<path>",
  },
} as const satisfies Record<string, InputSpec>;

export type ScenarioInputName = keyof typeof SCENARIO_INPUTS;

export const SCENARIO_OUTPUTS = {
  passed: "Number of webhook scenarios that passed (0 when none ran).",
  failed: "Number of webhook scenarios that failed (0 when none ran).",
  "junit-path": "Path of the webhook scenarios' JUnit XML report (empty when no scenarios ran).",
} as const satisfies Record<string, string>;
