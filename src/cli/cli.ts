/**
 * The command line: `preview-tunnel run --start ... [--test ...]`, the same pipeline as the
 * action. Exit codes: 0 passed, 1 test failed, 2 invalid input, 3 app or tunnel could not
 * start, 130/143 interrupted.
 */

import { tmpdir } from "node:os";
import { parseArgs } from "node:util";
import { nodeLauncher } from "../app/index.js";
import { childEnv } from "../config/child-env.js";
import { buildConfig } from "../config/config.js";
import { INPUTS, type InputName, inputEnvName } from "../config/names.js";
import { configSecrets } from "../config/secrets.js";
import { CancelledError, EXIT, errorMessage, exitCodeOf } from "../errors.js";
import { clientCredentials } from "../gate/index.js";
import { FOREVER_MS, type RunResult, runPipeline } from "../pipeline/pipeline.js";
import { newRun } from "../session/run.js";
import { abortOnSignals } from "../session/signals.js";
import { noState } from "../session/state.js";
import { consoleLogger, redactingLogger } from "../util/logger.js";
import { SecretRegistry, tooShortWarning } from "../util/secrets.js";
import { formatDuration } from "../util/time.js";
import type { CliIo } from "./io.js";
import { REPLAY_USAGE, runReplay } from "./replay.js";

export type { CliIo } from "./io.js";

declare const __VERSION__: string;
const VERSION = typeof __VERSION__ === "string" ? __VERSION__ : "dev";

const defaultIo: CliIo = {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
};

export function usage(): string {
  const flags = Object.entries(INPUTS).map(([name, spec]) => {
    const def = spec.default ? ` (default: ${spec.default})` : "";
    return `  --${name} ${spec.placeholder}\n      ${spec.description.replace(/`/g, "")}${def}`;
  });
  return [
    `preview-tunnel ${VERSION}: boot an app, wait until it is ready, expose it, test it, tear it all down.`,
    "",
    "Usage:",
    '  preview-tunnel run --start "<command>" [--port <n>] [--test "<command>"] [options]',
    "  preview-tunnel replay <file.har> [options]",
    "  preview-tunnel --help | --version",
    "",
    "Options of run (the same names as the action's inputs):",
    ...flags,
    "",
    "Every option can also come from the environment as PREVIEW_TUNNEL_<NAME> (e.g.",
    "PREVIEW_TUNNEL_SSH_KEY): use that for secrets, which a command line would show to",
    "other users of the machine.",
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

/** Runs the CLI and returns its exit code. */
export async function runCli(argv: readonly string[], io: CliIo = defaultIo): Promise<number> {
  if (argv[0] === "replay") return runReplay(argv.slice(1), io);
  const logger = consoleLogger(io.stderr);
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    logger.error(`${errorMessage(error)}\nRun "preview-tunnel --help" for the options.`);
    return EXIT.invalidInput;
  }
  if (parsed.values.help) {
    io.stdout.write(usage());
    return EXIT.ok;
  }
  if (parsed.values.version) {
    io.stdout.write(`${VERSION}\n`);
    return EXIT.ok;
  }
  const [command, ...rest] = parsed.positionals;
  if (command !== "run" || rest.length > 0) {
    logger.error(
      command === undefined
        ? 'Missing command: use "preview-tunnel run --start <command>" (see --help).'
        : `Unknown command "${[command, ...rest].join(" ")}": the commands are "run" and "replay" (see --help).`,
    );
    return EXIT.invalidInput;
  }

  const cancel = abortOnSignals((sig) => logger.warning(`Received ${sig}: tearing down.`));
  const secrets = new SecretRegistry({ onTooShort: (label) => logger.warning(tooShortWarning(label)) });
  // Terminals of shared machines and CI logs are read by others: the run's output shows no
  // secret, except the credentials printed on purpose beside PREVIEW_URL.
  const safeLogger = redactingLogger(logger, (text) => secrets.redact(text));
  try {
    const values = parsed.values as Partial<Record<InputName, string>>;
    const run = newRun(tmpdir());
    // Secrets (ssh-key, credentials, tokens) are better passed in the environment than on a
    // command line that other users can list: PREVIEW_TUNNEL_<NAME> for any input.
    const source = (name: InputName) => values[name] ?? io.env[inputEnvName(name)];
    const config = await buildConfig(source, { cwd: io.cwd, env: io.env, runDir: run.dir });
    for (const { label, value } of configSecrets(config, io.env)) secrets.add(value, label);
    // Run locally without a test, the preview is what the user wants: hold it until Ctrl-C.
    const holdForever =
      config.test === undefined &&
      config.scenarios.scenarios.length === 0 &&
      source("keep-alive") === undefined;
    // The pipeline redacts what it logs with `secrets`.
    const result = await runPipeline(holdForever ? { ...config, keepAliveMs: FOREVER_MS } : config, {
      logger,
      launcher: nodeLauncher,
      state: noState,
      run,
      baseEnv: childEnv(io.env),
      secrets,
      signal: cancel.signal,
      reporter: {
        preview: ({ url, harPath }) => {
          // Local runs: the credentials are the user's own, printed so they can use the preview.
          const access = Object.entries(clientCredentials(config.gate.auth)).map(([k, v]) => `${k}=${v}\n`);
          io.stdout.write(`PREVIEW_URL=${url}\n${access.join("")}`);
          if (harPath) safeLogger.info(`Every request through the gate is recorded in ${harPath}`);
        },
        finished: (r) => {
          io.stderr.write(secrets.redact(phaseTable(r)));
          safeLogger.info(
            `Done: ${r.outcome}${r.failure ? ` (${r.failure.split("\n")[0]})` : ""}. App log: ${r.appLog}`,
          );
        },
      },
    });
    return result.outcome === "failed" ? EXIT.testFailed : EXIT.ok;
  } catch (error) {
    // A cancelled run said why already (the signal handler logged it).
    if (!(error instanceof CancelledError)) safeLogger.error(errorMessage(error));
    return exitCodeOf(error);
  } finally {
    cancel.dispose();
  }
}

/** What the run did, one phase a line, for the terminal. */
function phaseTable(result: RunResult): string {
  const rows = result.phases.map(
    (p) =>
      `  ${p.name.padEnd(9)} ${p.status.padEnd(8)} ${(p.status === "skipped" ? "" : formatDuration(p.ms)).padStart(7)}  ${p.detail}`,
  );
  return `${rows.join("\n")}\n`;
}

function parse(argv: readonly string[]) {
  const options = Object.fromEntries(Object.keys(INPUTS).map((name) => [name, { type: "string" as const }]));
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      ...options,
      help: { type: "boolean", short: "h" },
      version: { type: "boolean", short: "v" },
    },
  });
}
