/** Parsers of the app's inputs (pure: the working directory is checked when resolving). */
import path from "node:path";
import type { AppSettings, ReadySpec } from "../../app/settings.js";
import { InputError } from "../../errors.js";
import {
  parseDuration,
  parseEnvLines,
  parsePort,
  parsePositiveDuration,
  parseStatusRanges,
} from "../../util/parse.js";
import type { AppInputName } from "../inputs/app.js";
import type { InputReader } from "../inputs/reader.js";

export function parseStart(input: string, raw: string): string {
  if (raw.trim() === "")
    throw new InputError(input, raw, 'is required: the shell command that starts the app, e.g. "npm start"');
  return raw.trim();
}

/** Empty: a free port is chosen when the app starts. */
export function parseOptionalPort(input: string, raw: string): number | undefined {
  return raw.trim() === "" ? undefined : parsePort(input, raw);
}

/** `http(s)://...`, `/path`, `tcp` or `log:<regex>`; empty means GET / on the app's port. */
export function parseReady(input: string, raw: string): ReadySpec {
  const value = raw.trim();
  if (value === "") return { kind: "path", path: "/" };
  if (value === "tcp") return { kind: "tcp" };
  if (value.startsWith("log:")) {
    const source = value.slice(4);
    if (source === "")
      throw new InputError(input, raw, 'needs a regular expression after "log:", e.g. "log:listening on"');
    try {
      return { kind: "log", pattern: new RegExp(source) };
    } catch (error) {
      throw new InputError(
        input,
        raw,
        `has an invalid regular expression after "log:" (${(error as Error).message})`,
      );
    }
  }
  if (value.startsWith("/")) return { kind: "path", path: value };
  if (/^https?:\/\//i.test(value)) {
    try {
      return { kind: "http", url: new URL(value) };
    } catch {
      // fall through to the common message
    }
  }
  throw new InputError(
    input,
    raw,
    'must be a URL ("http://127.0.0.1:3000/health"), a path on the app\'s port ("/health"), "tcp", or "log:<regex>"',
  );
}

/** The app's settings as parsed: the working directory (resolved against `cwd`) is checked when resolving. */
export interface ParsedApp {
  readonly workingDirectory: string;
  /** The other settings; undefined when one of them is invalid. */
  readonly settings: Omit<AppSettings, "workingDirectory"> | undefined;
}

/**
 * One port, whichever input gives it: `PORT` in `env` becomes the port (the app is probed
 * there), and may not disagree with `port`.
 */
export function portFromEnv(input: string, envPort: string, port: number | undefined): number {
  const shown = `PORT=${envPort}`;
  let fromEnv: number;
  try {
    fromEnv = parsePort(input, envPort);
  } catch {
    throw new InputError(input, shown, "sets PORT, which must be the app's TCP port, from 1 to 65535");
  }
  if (port !== undefined && port !== fromEnv)
    throw new InputError(
      input,
      shown,
      `sets PORT to ${fromEnv} but "port" is ${port}: give the app's port once, in "port" (or only in env)`,
    );
  return fromEnv;
}

/** Reads every app input into the reader. */
export function parseAppInputs(
  inputs: InputReader<AppInputName>,
  context: { readonly cwd: string },
): ParsedApp {
  const settings = readAppSettings(inputs);
  const envPort = settings?.env.PORT;
  const port =
    envPort === undefined
      ? settings?.port
      : inputs.check("env", () => portFromEnv("env", envPort, settings?.port));
  return {
    workingDirectory: path.resolve(context.cwd, inputs.raw("working-directory").trim()),
    settings: settings && (envPort === undefined || port !== undefined) ? { ...settings, port } : undefined,
  };
}

function readAppSettings(inputs: InputReader<AppInputName>) {
  return inputs.readAll({
    start: ["start", parseStart],
    port: ["port", parseOptionalPort],
    env: ["env", parseEnvLines],
    ready: ["ready", parseReady],
    readyTimeoutMs: ["ready-timeout", parsePositiveDuration],
    readyStatus: ["ready-status", parseStatusRanges],
    stopGraceMs: ["stop-grace", parseDuration],
  });
}
