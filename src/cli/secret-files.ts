/**
 * Secrets on the command line: a private key starts with "-----BEGIN", which a flag's value may
 * not (node's parseArgs takes it for an option), and any value there is visible to other users
 * of the machine. So each secret-valued flag also has a `--<name>-file <path>` form that reads
 * the value from a file (and PREVIEW_TUNNEL_<NAME> stays the way to pass it in the
 * environment); and a flag's value may start with "-" as long as it does not look like an
 * option.
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { InputName } from "../config/names.js";

/** The inputs whose value is a secret: each also has `--<name>-file`. */
export const SECRET_INPUTS = [
  "credentials",
  "ssh-key",
  "ngrok-authtoken",
  "github-token",
  "github-webhook-token",
] as const satisfies readonly InputName[];

export const fileFlag = (name: InputName) => `${name}-file`;

/** The `--<name>-file` options, for parseArgs. */
export function secretFileOptions(): Record<string, { type: "string" }> {
  return Object.fromEntries(SECRET_INPUTS.map((name) => [fileFlag(name), { type: "string" as const }]));
}

/** A secret file's size beyond any key or token: a wrong path (a log, an archive) fails at once. */
const MAX_SECRET_FILE_BYTES = 64 * 1024;

/**
 * The values of the `--<name>-file` flags given, read from their files (relative to `cwd`).
 * Throws an Error whose message names the flag for a missing, unreadable or oversized file,
 * and for a flag given both ways.
 */
export function readSecretFiles(
  values: Readonly<Record<string, string | boolean | undefined>>,
  cwd: string,
): Partial<Record<InputName, string>> {
  const read: Partial<Record<InputName, string>> = {};
  for (const name of SECRET_INPUTS) {
    const given = values[fileFlag(name)];
    if (typeof given !== "string") continue;
    if (values[name] !== undefined)
      throw new Error(`--${name} and --${fileFlag(name)} were both given: give one`);
    const file = path.resolve(cwd, given);
    const stat = statSync(file, { throwIfNoEntry: false });
    if (stat === undefined) throw new Error(`--${fileFlag(name)}: ${file} does not exist`);
    if (!stat.isFile()) throw new Error(`--${fileFlag(name)}: ${file} is not a file`);
    if (stat.size > MAX_SECRET_FILE_BYTES)
      throw new Error(`--${fileFlag(name)}: ${file} has ${stat.size} bytes, too many for a key or token`);
    try {
      read[name] = readFileSync(file, "utf8");
    } catch (error) {
      throw new Error(
        `--${fileFlag(name)}: ${file} cannot be read (${(error as NodeJS.ErrnoException).code})`,
      );
    }
  }
  return read;
}

const LOOKS_LIKE_OPTION = /^--?[A-Za-z]/;

/**
 * `--name value` -> `--name=value` for the string flags, so a value may start with "-" (a key's
 * "-----BEGIN", a negative offset) unless it looks like an option itself ("--test", "-h").
 */
export function joinDashValues(argv: readonly string[], stringFlags: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const next = argv[i + 1];
    if (arg === "--") return [...out, ...argv.slice(i)];
    if (
      arg.startsWith("--") &&
      stringFlags.has(arg.slice(2)) &&
      next?.startsWith("-") &&
      !LOOKS_LIKE_OPTION.test(next)
    ) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}
