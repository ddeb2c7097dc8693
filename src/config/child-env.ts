/**
 * The environment of every process the run starts (the app, the test command, the browser of
 * browser scenarios, the ssh and cloudflared agents): the runner's environment without what
 * belongs to this action or to the runner itself, plus what the run gives on purpose.
 *
 * Withheld:
 * - `INPUT_*`: the action's inputs, secrets among them (ssh-key, github-token, credentials,
 *   ngrok-authtoken); the CLI's equivalents `PREVIEW_TUNNEL_<INPUT>`, and the supervisor's
 *   `PREVIEW_TUNNEL_RUN_DIR`;
 * - the runner's file commands (`GITHUB_OUTPUT`, `GITHUB_STATE`, `GITHUB_ENV`, `GITHUB_PATH`,
 *   `GITHUB_STEP_SUMMARY`): with them the app could set this step's outputs, the job's
 *   environment or PATH;
 * - `ACTIONS_*`: the runner's tokens and service URLs (`ACTIONS_RUNTIME_TOKEN`,
 *   `ACTIONS_ID_TOKEN_REQUEST_TOKEN`/`_URL`, `ACTIONS_CACHE_URL`, `ACTIONS_RESULTS_URL`, ...),
 *   except the two debug flags `ACTIONS_STEP_DEBUG` and `ACTIONS_RUNNER_DEBUG`;
 * - `STATE_*`: this action's saved state (the post step's);
 * - `GITHUB_TOKEN`, `GH_TOKEN` and `NGROK_AUTHTOKEN`: a token put in the step's `env:` is
 *   there for this action (the ngrok authtoken is one of its inputs); the app gets one only
 *   through the `env` input.
 *
 * Kept: everything else, e.g. PATH, HOME, the user's own variables (a webhook secret the app
 * verifies with), `RUNNER_*` (`RUNNER_TRACKING_ID` is how the runner finds leftover processes
 * after the job, a last resort cleanup) and the `GITHUB_*` context variables.
 *
 * The front doors apply it: what they give the pipeline as the runner's environment (and the
 * supervisor's own environment) is already this, since the withheld names are theirs to know.
 */

import { RUN_DIR_ENV } from "../session/run.js";
import { mergeEnv } from "../util/env.js";
import { INPUTS, inputEnvName } from "./names.js";

const FILE_COMMANDS = new Set([
  "GITHUB_OUTPUT",
  "GITHUB_STATE",
  "GITHUB_ENV",
  "GITHUB_PATH",
  "GITHUB_STEP_SUMMARY",
]);
const TOKENS = new Set(["GITHUB_TOKEN", "GH_TOKEN", "NGROK_AUTHTOKEN"]);
const DEBUG_FLAGS = new Set(["ACTIONS_STEP_DEBUG", "ACTIONS_RUNNER_DEBUG"]);

let cliInputNames: Set<string> | undefined;

/** True for a variable of the runner's environment that no child process gets. */
export function isWithheld(name: string): boolean {
  // Windows treats variable names case-insensitively; so do we.
  const upper = name.toUpperCase();
  if (upper.startsWith("INPUT_") || upper.startsWith("STATE_")) return true;
  if (upper.startsWith("ACTIONS_")) return !DEBUG_FLAGS.has(upper);
  if (FILE_COMMANDS.has(upper) || TOKENS.has(upper) || upper === RUN_DIR_ENV) return true;
  cliInputNames ??= new Set(Object.keys(INPUTS).map((input) => inputEnvName(input as keyof typeof INPUTS)));
  return cliInputNames.has(upper);
}

/**
 * A child's environment: `runnerEnv` without the withheld variables, then `given` (what the
 * run gives on purpose: PORT, PREVIEW_URL, credentials, OIDC_*, the `env` input, the run's
 * marker), in that order.
 */
export function childEnv(
  runnerEnv: Readonly<Record<string, string | undefined>>,
  ...given: readonly Readonly<Record<string, string | undefined>>[]
): NodeJS.ProcessEnv {
  const kept = Object.fromEntries(Object.entries(runnerEnv).filter(([name]) => !isWithheld(name)));
  return mergeEnv(kept, ...given);
}
