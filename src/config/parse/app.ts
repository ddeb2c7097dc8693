/**
 * Parsers of the app's inputs (pure: the working directories are checked, and `services` read,
 * when resolving).
 */
import path from "node:path";
import {
  type AppSettings,
  DEFAULT_SERVICE_NAME,
  type ReadySpec,
  type ServiceSettings,
  START_MODES,
  type StartMode,
} from "../../app/settings.js";
import { InputError } from "../../errors.js";
import {
  parseChoice,
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
    throw new InputError(
      input,
      raw,
      'is required: the shell command that starts the app, e.g. "npm start" (or "services", a list of several)',
    );
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

/** Empty: `auto` (attached, or detached when `stop` is set and `start` exits 0). */
export function parseStartMode(input: string, raw: string): StartMode {
  return parseChoice(input, raw.trim() === "" ? "auto" : raw, START_MODES);
}

/** Empty: no such command. */
export function parseOptionalCommand(_input: string, raw: string): string | undefined {
  return raw.trim() === "" ? undefined : raw.trim();
}

/** What the top-level inputs give every service unless it says otherwise. */
export interface ServiceDefaults {
  /** Absolute; a service's own `working-directory` is relative to it. */
  readonly workingDirectory: string;
  /** The `env` input: under each service's own. */
  readonly env: Readonly<Record<string, string>>;
  readonly readyTimeoutMs: number;
  readonly startMode: StartMode;
}

/** The single-service inputs as the one-entry list they are. */
export function singleService(
  fields: Pick<ServiceSettings, "start" | "stop" | "setup" | "port" | "ready">,
  defaults: ServiceDefaults,
): ServiceSettings {
  return {
    name: DEFAULT_SERVICE_NAME,
    ...fields,
    startMode: defaults.startMode,
    workingDirectory: defaults.workingDirectory,
    env: defaults.env,
    readyTimeoutMs: defaults.readyTimeoutMs,
    path: "/",
    stripPrefix: false,
    dependsOn: [],
  };
}

/** `services` as given: empty (the single-service inputs), inline YAML, or a YAML file's path. */
export type ServicesSource =
  | { readonly kind: "none" }
  | { readonly kind: "inline"; readonly text: string }
  | { readonly kind: "file"; readonly file: string };

export function parseServicesSource(raw: string, cwd: string): ServicesSource {
  const value = raw.trim();
  if (value === "") return { kind: "none" };
  // A list, a flow collection, several lines or `key: value`: YAML; anything else names a file.
  if (/\n|^[-[{]|^[A-Za-z_][\w-]*\s*:(?:\s|$)/.test(value)) return { kind: "inline", text: value };
  return { kind: "file", file: path.resolve(cwd, value) };
}

/** The single-service inputs, which `services` replaces (each service has its own). */
const SINGLE_SERVICE_INPUTS = ["start", "stop", "setup", "port", "ready"] as const;

/**
 * The app's settings as parsed: the working directories (resolved against `cwd`) are checked,
 * and `services` read, when resolving.
 */
export interface ParsedApp {
  readonly workingDirectory: string;
  /** What every service gets unless it says otherwise. */
  readonly defaults: ServiceDefaults;
  /** The single-service inputs' one service; undefined with `services`, or when one is invalid. */
  readonly single: ServiceSettings | undefined;
  readonly services: ServicesSource;
  /** The settings of every service; undefined when one of them is invalid. */
  readonly common: Pick<AppSettings, "readyStatus" | "stopGraceMs"> | undefined;
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
  const workingDirectory = path.resolve(context.cwd, inputs.raw("working-directory").trim());
  const defaults: ServiceDefaults = {
    workingDirectory,
    env: inputs.readOrDefault("env", parseEnvLines),
    readyTimeoutMs: inputs.readOrDefault("ready-timeout", parsePositiveDuration),
    startMode: inputs.readOrDefault("start-mode", parseStartMode),
  };
  const services = inputs.readOrDefault("services", (_input, raw) => parseServicesSource(raw, context.cwd));
  let single: ServiceSettings | undefined;
  if (services.kind === "none") {
    const fields = inputs.readAll({
      start: ["start", parseStart],
      stop: ["stop", parseOptionalCommand],
      setup: ["setup", parseOptionalCommand],
      port: ["port", parseOptionalPort],
      ready: ["ready", parseReady],
    });
    const envPort = defaults.env.PORT;
    const port =
      fields === undefined || envPort === undefined
        ? fields?.port
        : inputs.check("env", () => portFromEnv("env", envPort, fields.port));
    single =
      fields && (envPort === undefined || port !== undefined)
        ? singleService({ ...fields, port }, defaults)
        : undefined;
  } else {
    for (const name of SINGLE_SERVICE_INPUTS) {
      const raw = inputs.raw(name);
      if (raw.trim() === "") continue;
      inputs.report(
        name,
        new InputError(
          name,
          raw,
          `cannot be used together with "services": each service has its own "${name}" (make this one a service of the list, with "path: /" if it is the default)`,
        ),
      );
    }
  }
  return {
    workingDirectory,
    defaults,
    single,
    services,
    common: inputs.readAll({
      readyStatus: ["ready-status", parseStatusRanges],
      stopGraceMs: ["stop-grace", parseDuration],
    }),
  };
}
