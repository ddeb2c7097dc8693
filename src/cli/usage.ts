/** What `preview-tunnel --help` and `--version` print (cheap to load: no part of the run). */
import { INPUTS } from "../config/names.js";
import { SECRET_INPUTS } from "./secret-files.js";

declare const __VERSION__: string;
export const VERSION = typeof __VERSION__ === "string" ? __VERSION__ : "dev";

export const REPLAY_USAGE = [
  "  preview-tunnel replay <file.har> [--to <url>] [--filter <regex>]",
  '                        [--secret <provider>=<ENV_VAR>]... [--header "Name: value"]...',
  "      Re-sends the recorded requests in order (to --to, default the recorded URL) and prints",
  '      each status. --filter matches "METHOD /path?query". Webhook deliveries are signed again',
  "      with the secret in ENV_VAR for that provider. Exit 1 if a request got no response.",
].join("\n");

export function usage(): string {
  const flags = Object.entries(INPUTS).map(([name, spec]) => {
    const def = spec.default ? ` (default: ${spec.default})` : "";
    const fromFile = (SECRET_INPUTS as readonly string[]).includes(name)
      ? `\n  --${name}-file <path>\n      The value of --${name}, read from a file (keeps the secret off the command line).`
      : "";
    return `  --${name} ${spec.placeholder}\n      ${spec.description.replace(/`/g, "")}${def}${fromFile}`;
  });
  return [
    `preview-tunnel ${VERSION}: boot an app, wait until it is ready, expose it, test it, tear it all down.`,
    "",
    "Usage:",
    '  preview-tunnel run --start "<command>" [--port <n>] [--test "<command>"] [options]',
    '  preview-tunnel run --services <services.yml> [--test "<command>"] [options]',
    "  preview-tunnel replay <file.har> [options]",
    "  preview-tunnel --help | --version",
    "",
    "Options of run (the same names as the action's inputs):",
    ...flags,
    "",
    "Every option can also come from the environment as PREVIEW_TUNNEL_<NAME> (e.g.",
    "PREVIEW_TUNNEL_SSH_KEY). Secrets (--credentials, --ssh-key, --ngrok-authtoken,",
    "--github-token) are better given that way or from a file (--ssh-key-file key): a command",
    'line is visible to other users of the machine. A value may start with "-" (--ssh-key',
    '"$(cat key)" or --ssh-key="$(cat key)") unless it looks like an option.',
    "",
    "Without --test, --scenarios and --keep-alive the preview stays up until Ctrl-C. The preview's",
    "credentials are printed (PREVIEW_USERNAME/PREVIEW_PASSWORD or PREVIEW_TOKEN, and",
    "PREVIEW_AUTH_HEADER) beside PREVIEW_URL.",
    "",
    "Replay:",
    REPLAY_USAGE,
    "",
    "Exit codes: 0 test passed (or no test), 1 test failed, 2 invalid input,",
    "3 app or tunnel could not start, 130/143 interrupted by SIGINT/SIGTERM.",
    "",
  ].join("\n");
}
