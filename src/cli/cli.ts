/**
 * The command line: `preview-tunnel run --start ... [--test ...]`, the same pipeline as the
 * action, and `preview-tunnel replay <har>`. Exit codes: 0 passed, 1 test failed, 2 invalid
 * input, 3 app or tunnel could not start, 130/143 interrupted (each error carries its own).
 * Only the arguments are read here; a command's modules are loaded when it runs, so --help
 * and --version load next to nothing.
 */
import { parseArgs } from "node:util";
import { INPUTS, type InputName } from "../config/names.js";
import { EXIT, errorMessage } from "../errors.js";
import { consoleLogger } from "../util/logger.js";
import { type CliIo, WATCHDOG_COMMAND } from "./io.js";
import { joinDashValues, readSecretFiles, secretFileOptions } from "./secret-files.js";
import { usage, VERSION } from "./usage.js";

export type { CliIo } from "./io.js";

const defaultIo: CliIo = {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
  ...(process.argv[1] ? { script: process.argv[1] } : {}),
};

/** Runs the CLI and returns its exit code. */
export async function runCli(argv: readonly string[], io: CliIo = defaultIo): Promise<number> {
  if (argv[0] === "replay") return (await import("./replay.js")).runReplay(argv.slice(1), io);
  if (argv[0] === WATCHDOG_COMMAND) return (await import("./watchdog.js")).runWatchdog(argv.slice(1));
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
  let fromFiles: Partial<Record<InputName, string>>;
  try {
    fromFiles = readSecretFiles(parsed.values, io.cwd);
  } catch (error) {
    logger.error(errorMessage(error));
    return EXIT.invalidInput;
  }
  const values = { ...(parsed.values as Partial<Record<InputName, string>>), ...fromFiles };
  return (await import("./run.js")).runCommand(values, io, logger);
}

function parse(argv: readonly string[]) {
  const options = {
    ...Object.fromEntries(Object.keys(INPUTS).map((name) => [name, { type: "string" as const }])),
    ...secretFileOptions(),
  };
  return parseArgs({
    args: joinDashValues(argv, new Set(Object.keys(options))),
    allowPositionals: true,
    strict: true,
    options: {
      ...options,
      help: { type: "boolean", short: "h" },
      version: { type: "boolean", short: "v" },
    },
  });
}
