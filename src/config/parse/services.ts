/**
 * The `services` input, checked entry by entry (pure: the YAML is parsed when resolving, and
 * the working directories are checked there too). Every problem names the service (or the
 * entry's number when it has no usable name) and the field, and all of them are reported at
 * once: unknown fields, duplicate names, ports or paths, a `depends-on` naming no service or
 * itself, a dependency cycle (named in order), a path that is not an absolute route prefix.
 */
import path from "node:path";
import { startOrder } from "../../app/index.js";
import {
  type ReadySpec,
  type ServiceSettings,
  START_MODES,
  type StartMode,
  serviceUrlEnv,
} from "../../app/settings.js";
import { InputError } from "../../errors.js";
import {
  parseBoolean,
  parseChoice,
  parseEnvLines,
  parsePort,
  parsePositiveDuration,
} from "../../util/parse.js";
import { parseReady, portFromEnv, type ServiceDefaults } from "./app.js";
import { shorten } from "./idp.js";

export const SERVICES_INPUT = "services";

/** The fields of one entry, in the order the README lists them. */
export const SERVICE_FIELDS = [
  "name",
  "start",
  "stop",
  "setup",
  "start-mode",
  "port",
  "ready",
  "ready-timeout",
  "working-directory",
  "env",
  "path",
  "strip-prefix",
  "depends-on",
] as const;

type Field = (typeof SERVICE_FIELDS)[number];

const NAME = /^[A-Za-z][A-Za-z0-9_-]{0,39}$/;
/** A route prefix: `/`, or `/`-separated segments of URL path characters (no `%`, no dot segments). */
const ROUTE = /^(?:\/[A-Za-z0-9._~!$&'()*+,;=:@-]+)+$/;
/** `path: none`: a service that gets no requests (a worker, a database). */
const NO_ROUTE = "none";

/** Where a problem is: the service's name when it has a usable one, else its place in the list. */
type Where = string;

function problem(where: Where, message: string, value: unknown): InputError {
  const shown = typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
  return new InputError(SERVICES_INPUT, shorten(shown), `has a problem in ${where}: ${message}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Scalars as YAML gives them (3000, true) read as the strings the top-level inputs are. */
function scalar(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}

/** A parser of the top-level inputs, its InputError retold for this service and field. */
function field<T>(where: Where, name: Field, value: unknown, parse: (input: string, raw: string) => T): T {
  const raw = scalar(value);
  if (raw === undefined)
    throw problem(where, `"${name}" must be a single value, not a list or mapping`, value);
  try {
    return parse(name, raw);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throw problem(where, error.message.replace(/^Input /, "").replace(/ \(got .*\)\.$/s, ""), error.value);
  }
}

function text(where: Where, name: Field, value: unknown, required: boolean): string | undefined {
  if (value === undefined || value === null) {
    if (required) throw problem(where, `"${name}" is required`, "");
    return undefined;
  }
  const raw = scalar(value);
  if (raw === undefined || (required && raw.trim() === ""))
    throw problem(where, `"${name}" must be a shell command (a string)`, value);
  return raw.trim() === "" ? undefined : raw.trim();
}

function envField(where: Where, value: unknown): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (typeof value === "string") return field(where, "env", value, parseEnvLines);
  if (!isRecord(value)) throw problem(where, '"env" must be a mapping of NAME: value', "(a list)");
  const env: Record<string, string> = {};
  for (const [key, entry] of Object.entries(value)) {
    const raw = entry === null ? "" : scalar(entry);
    // Only the key is shown: values are often secrets.
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key) || raw === undefined)
      throw problem(where, `"env" must map variable names (letters, digits, _) to single values`, key);
    env[key] = raw;
  }
  return env;
}

function routeField(where: Where, value: unknown): string | undefined {
  if (value === undefined || value === null) return "/";
  const raw = scalar(value)?.trim();
  if (raw === NO_ROUTE) return undefined;
  if (raw === undefined || !raw.startsWith("/"))
    throw problem(
      where,
      `"path" must be a route prefix starting with "/" (e.g. "/api"; "/" for the default service), or "none" for a service that gets no requests`,
      value,
    );
  const trimmed = raw === "/" ? raw : raw.replace(/\/+$/, "");
  if (trimmed !== "/" && (!ROUTE.test(trimmed) || /\/\.\.?(?:\/|$)/.test(trimmed)))
    throw problem(
      where,
      `"path" must be a plain route prefix: segments of letters, digits and -._~!$&'()*+,;=:@, no "." or ".." segments, no "//", no "%", "?" or "#"`,
      value,
    );
  return trimmed;
}

function dependsOnField(where: Where, value: unknown): string[] {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  const names = list.map(scalar);
  if (names.some((n) => n === undefined))
    throw problem(where, `"depends-on" must be a service name or a list of them`, value);
  return names as string[];
}

/** One entry, or its problems. */
function parseEntry(
  entry: unknown,
  index: number,
  defaults: ServiceDefaults,
  problems: InputError[],
): ServiceSettings | undefined {
  const position = `entry ${index + 1}`;
  if (!isRecord(entry)) {
    problems.push(
      problem(position, `each entry must be a mapping of fields (${SERVICE_FIELDS.join(", ")})`, entry),
    );
    return undefined;
  }
  const rawName = scalar(entry.name);
  const named = rawName !== undefined && NAME.test(rawName);
  const where = named ? `service "${rawName}"` : position;
  const before = problems.length;
  const attempt = <T>(read: () => T): T | undefined => {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(error);
      return undefined;
    }
  };
  for (const key of Object.keys(entry)) {
    if (!(SERVICE_FIELDS as readonly string[]).includes(key))
      problems.push(
        problem(where, `unknown field "${key}" (the fields are ${SERVICE_FIELDS.join(", ")})`, key),
      );
  }
  if (!named)
    problems.push(
      problem(
        where,
        entry.name === undefined
          ? `"name" is required`
          : `"name" must start with a letter and hold only letters, digits, - and _ (at most 40)`,
        entry.name ?? "",
      ),
    );
  else if (serviceUrlEnv(rawName) === "PREVIEW_URL")
    problems.push(problem(where, `"name" must not be "preview": its PREVIEW_URL is the public URL`, rawName));

  const start = attempt(() => text(where, "start", entry.start, true));
  const stop = attempt(() => text(where, "stop", entry.stop, false));
  const setup = attempt(() => text(where, "setup", entry.setup, false));
  const startMode = attempt(() =>
    entry["start-mode"] === undefined
      ? defaults.startMode
      : field(where, "start-mode", entry["start-mode"], (input, raw) => parseChoice(input, raw, START_MODES)),
  );
  const port = attempt(() =>
    entry.port === undefined || entry.port === null ? undefined : field(where, "port", entry.port, parsePort),
  );
  const ready = attempt<ReadySpec>(() =>
    entry.ready === undefined || entry.ready === null
      ? { kind: "path", path: "/" }
      : field(where, "ready", entry.ready, parseReady),
  );
  const readyTimeoutMs = attempt(() =>
    entry["ready-timeout"] === undefined
      ? defaults.readyTimeoutMs
      : field(where, "ready-timeout", entry["ready-timeout"], parsePositiveDuration),
  );
  const dir = attempt(() => text(where, "working-directory", entry["working-directory"], false));
  const env = attempt(() => ({ ...defaults.env, ...envField(where, entry.env) }));
  // PORT in env is the service's port (it is probed there), as in the single-service inputs.
  const envPort = env?.PORT;
  const servicePort =
    envPort === undefined
      ? port
      : attempt(() => field(where, "env", envPort, (input, raw) => portFromEnv(input, raw, port)));
  const route = attempt(() => routeField(where, entry.path));
  const stripPrefix = attempt(() =>
    entry["strip-prefix"] === undefined
      ? false
      : field(where, "strip-prefix", entry["strip-prefix"], parseBoolean),
  );
  const dependsOn = attempt(() => dependsOnField(where, entry["depends-on"]));
  if (problems.length > before || !named) return undefined;
  return {
    name: rawName,
    start: start as string,
    stop,
    setup,
    startMode: startMode as StartMode,
    workingDirectory: path.resolve(defaults.workingDirectory, dir ?? "."),
    port: servicePort,
    env: env as Record<string, string>,
    ready: ready as ReadySpec,
    readyTimeoutMs: readyTimeoutMs as number,
    path: route,
    stripPrefix: stripPrefix as boolean,
    dependsOn: dependsOn as string[],
  };
}

/** Names, ports, paths and dependencies across the entries. */
function checkTogether(services: readonly ServiceSettings[], problems: InputError[]): void {
  const names = services.map((s) => s.name);
  const seen = new Map<string, string>();
  const ports = new Map<number, string>();
  const routes = new Map<string, string>();
  for (const s of services) {
    const where = `service "${s.name}"`;
    // API and api, web-app and web_app would both set the same <NAME>_URL.
    const variable = serviceUrlEnv(s.name);
    const twin = seen.get(variable);
    if (twin !== undefined)
      problems.push(
        problem(
          where,
          `"name" repeats service "${twin}" (names must differ, also in case and in - versus _)`,
          s.name,
        ),
      );
    else seen.set(variable, s.name);
    if (s.port !== undefined) {
      const other = ports.get(s.port);
      if (other !== undefined)
        problems.push(problem(where, `"port" ${s.port} is service "${other}"'s too`, s.port));
      else ports.set(s.port, s.name);
    }
    if (s.path !== undefined) {
      const other = routes.get(s.path);
      if (other !== undefined)
        problems.push(
          problem(
            where,
            `"path" ${s.path} is service "${other}"'s too (a path left out is "/"; give one of them another, e.g. "/api", or "none")`,
            s.path,
          ),
        );
      else routes.set(s.path, s.name);
    }
    for (const dependency of s.dependsOn) {
      if (dependency === s.name)
        problems.push(problem(where, `"depends-on" names the service itself`, dependency));
      else if (!names.includes(dependency))
        problems.push(
          problem(
            where,
            `"depends-on" names "${dependency}", which is not one of the services (${names.join(", ")})`,
            dependency,
          ),
        );
    }
  }
  const order = startOrder(
    services.map((s) => ({ ...s, dependsOn: s.dependsOn.filter((d) => d !== s.name) })),
  );
  if ("cycle" in order) {
    const first = order.cycle[0] as string;
    problems.push(
      problem(
        `service "${first}"`,
        `"depends-on" makes a cycle: ${order.cycle.join(" -> ")}`,
        order.cycle[1] ?? first,
      ),
    );
  }
}

/** The services of a parsed `services` document, or the problems found (all of them). */
export function parseServiceList(
  data: unknown,
  defaults: ServiceDefaults,
): { readonly services: ServiceSettings[] } | { readonly problems: InputError[] } {
  const example = `e.g. "- name: web\\n  start: npm start"`;
  if (!Array.isArray(data))
    return {
      problems: [
        new InputError(
          SERVICES_INPUT,
          shorten(JSON.stringify(data) ?? ""),
          `must be a YAML list of services, ${example}`,
        ),
      ],
    };
  if (data.length === 0)
    return { problems: [new InputError(SERVICES_INPUT, "[]", `must list at least one service, ${example}`)] };
  const problems: InputError[] = [];
  const services = data.map((entry, i) => parseEntry(entry, i, defaults, problems));
  const complete = services.filter((s): s is ServiceSettings => s !== undefined);
  checkTogether(complete, problems);
  return problems.length > 0 ? { problems } : { services: complete };
}
