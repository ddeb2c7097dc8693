import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import {
  ACTION_MODES,
  DEFAULT_RELAY_SETTINGS,
  PUBLISH_ROUTES,
  isAllowedHostEntry
} from "./chunk-SKAUZFMM.js";
import {
  DEFAULT_USERS,
  DENY_HINT,
  RESERVED_CLAIMS,
  newClientSecret
} from "./chunk-3Y4TJIQ3.js";
import {
  readRunRepository
} from "./chunk-YBFULNOX.js";
import {
  WEBHOOK_PROVIDERS,
  isWebhookProvider
} from "./chunk-WXR4GUQT.js";
import {
  DEFAULT_CLOUDFLARED_VERSION,
  INPUTS,
  SSH_DEFAULTS,
  TUNNEL_PROVIDERS,
  sshService
} from "./chunk-7S3VWT3P.js";
import {
  JUNIT_FILE
} from "./chunk-STNDWCUP.js";
import {
  AUTH_MODES,
  DEFAULT_USERNAME,
  GATE_MANAGED_HEADERS
} from "./chunk-FQHZH3D3.js";
import {
  COMMENT_MODES,
  ENVIRONMENT_MAX,
  ENVIRONMENT_PLACEHOLDERS,
  githubWebhookEnv
} from "./chunk-MTL5JJZW.js";
import {
  DEFAULT_SERVICE_NAME,
  START_MODES,
  serviceUrlEnv,
  startOrder
} from "./chunk-ZJNQSVQY.js";
import {
  masked,
  parseBoolean,
  parseChoice,
  parseCidrs,
  parseDuration,
  parseEnvLines,
  parsePort,
  parsePositiveDuration,
  parseSize,
  parseStatusRanges
} from "./chunk-LDT6WRPX.js";
import {
  MakeDirError,
  makeDir
} from "./chunk-VTIJIBSJ.js";
import {
  validateHeaderValue
} from "./chunk-VWFGOYLM.js";
import {
  path_default
} from "./chunk-C6CPBUKC.js";
import {
  accessSync,
  closeSync,
  constants,
  existsSync,
  fs_default,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  unlinkSync
} from "./chunk-RIQZ67RY.js";
import {
  RESERVED_PREFIX,
  RESERVED_ROOT,
  githubSignInSettings,
  githubUrlsFromEnv,
  isUnder,
  parseAllow,
  requestPath
} from "./chunk-YJNIKON3.js";
import {
  randomBytes
} from "./chunk-DDG4KZIH.js";
import {
  ConfigError,
  InputError
} from "./chunk-S4FSG2IO.js";

// src/config/parse/scenarios.ts
function parseScenarioPatterns(_input, raw) {
  return raw.split(/\r?\n/).map((line) => line.trim()).filter((entry) => entry !== "" && !entry.startsWith("#"));
}
function parseJunitPath(input, raw, fallback, cwd) {
  const value = raw.trim();
  if (value.includes("\0")) throw new InputError(input, raw, "must be a file path");
  return path_default.resolve(cwd, value === "" ? fallback : value);
}
function parseScenarioInputs(inputs, defaults) {
  const fallback = path_default.join(defaults.runDir ?? defaults.cwd, JUNIT_FILE);
  return {
    patterns: inputs.readOrDefault("scenarios", parseScenarioPatterns),
    settings: inputs.readAll({
      junitPath: ["junit-path", (input, value) => parseJunitPath(input, value, fallback, defaults.cwd)],
      timeoutMs: ["scenario-timeout", parsePositiveDuration]
    })
  };
}

// src/config/resolve/scenarios.ts
var ScenarioInputError = class extends InputError {
  constructor(location, formatted) {
    super("scenarios", location.file, "has an invalid scenario file");
    this.location = location;
    this.message = `Input "scenarios": ${formatted}`;
    this.name = "ScenarioInputError";
  }
  location;
};
var GLOB_CHARS = /[*?[\]{}]/;
function expandScenarioFiles(input, patterns, cwd) {
  const files = [];
  for (const entry of patterns) {
    if (GLOB_CHARS.test(entry)) {
      const glob = fs_default.globSync;
      if (glob === void 0) {
        throw new InputError(
          input,
          entry,
          "uses a glob, which needs Node.js 22 or later; list the files instead"
        );
      }
      const matches = glob(entry, { cwd }).map((f) => path_default.resolve(cwd, f)).filter((f) => fs_default.statSync(f, { throwIfNoEntry: false })?.isFile()).sort();
      if (matches.length === 0) {
        throw new InputError(
          input,
          entry,
          `matches no file (relative to ${cwd}); give paths or globs of YAML files`
        );
      }
      files.push(...matches);
    } else {
      const file = path_default.resolve(cwd, entry);
      if (!fs_default.statSync(file, { throwIfNoEntry: false })?.isFile()) {
        throw new InputError(
          input,
          entry,
          `names no file (resolved to ${file}); give paths or globs of YAML files`
        );
      }
      files.push(file);
    }
  }
  return [...new Set(files)];
}
async function resolveScenarios(parsed, inputs, context) {
  const { cwd, env } = context;
  const before = inputs.problems.length;
  const files = inputs.check("scenarios", () => expandScenarioFiles("scenarios", parsed.patterns, cwd));
  let scenarios = [];
  let browserPath;
  if (files !== void 0 && files.length > 0) {
    const part = await import("./scenarios-H44GCLC6.js");
    const loaded = part.loadScenarioFiles(files, { cwd, env });
    for (const problem2 of loaded.problems)
      inputs.report("scenarios", new ScenarioInputError(problem2, part.formatProblem(problem2)));
    scenarios = loaded.scenarios;
    if (scenarios.some((s) => s.oauth?.browser)) {
      const input = "browser-path";
      const raw = inputs.raw(input);
      const found = part.findBrowser(raw, env, cwd);
      if (found.path === void 0) inputs.report(input, new InputError(input, raw, found.problem));
      browserPath = found.path;
    }
  }
  if (inputs.problems.length > before || files === void 0 || parsed.settings === void 0)
    return void 0;
  return {
    files,
    scenarios,
    ...parsed.settings,
    ...browserPath !== void 0 ? { browserPath } : {}
  };
}

// src/config/inputs/reader.ts
var InputReader = class {
  constructor(source, specs) {
    this.source = source;
    this.specs = specs;
    this.#order = Object.keys(specs);
  }
  source;
  specs;
  /** Every problem found so far, in the order found (throwIfInvalid sorts them by input). */
  problems = [];
  #rank = /* @__PURE__ */ new Map();
  #order;
  /** The given value, or the default when the input is missing or blank. */
  raw(name) {
    const value = this.source(name);
    return value === void 0 || value.trim() === "" ? this.specs[name].default : value;
  }
  /** Parses one input; on an InputError remembers it and returns undefined. */
  read(name, parse) {
    const attempt = this.#attempt(name, parse);
    return attempt.ok ? attempt.value : void 0;
  }
  /** Like read(), but an invalid value yields its default (its problem is still reported). */
  readOrDefault(name, parse) {
    const attempt = this.#attempt(name, parse);
    return attempt.ok ? attempt.value : parse(name, this.specs[name].default);
  }
  /**
   * Reads every field; all their values when each is valid, otherwise undefined (the problems
   * are kept). Values may themselves be undefined ("not given"): only a problem fails.
   */
  readAll(fields) {
    const values = {};
    let valid = true;
    for (const [key, [name, parse]] of Object.entries(fields)) {
      const attempt = this.#attempt(name, parse);
      if (attempt.ok) values[key] = attempt.value;
      else valid = false;
    }
    return valid ? values : void 0;
  }
  /** A problem with `name` found after reading it (a file, a browser): reported with the others. */
  report(name, error) {
    this.problems.push(error);
    this.#rank.set(error, this.#order.indexOf(name));
  }
  /** Runs `check`; its InputError is reported for `name` (and undefined returned). */
  check(name, check) {
    try {
      return check();
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      this.report(name, error);
      return void 0;
    }
  }
  /** Throws one ConfigError listing every invalid input read so far, in the inputs' order. */
  throwIfInvalid() {
    if (this.problems.length === 0) return;
    const rank = (problem2) => this.#rank.get(problem2) ?? Number.MAX_SAFE_INTEGER;
    throw new ConfigError(this.problems.toSorted((a, b) => rank(a) - rank(b)));
  }
  /**
   * `value` when every input read so far is valid; otherwise the ConfigError listing the
   * problems (a value left undefined always comes with its problem: the reader's invariant).
   */
  complete(value) {
    this.throwIfInvalid();
    if (value === void 0) throw new Error("An input was invalid but no problem was reported.");
    return value;
  }
  #attempt(name, parse) {
    try {
      return { ok: true, value: parse(name, this.raw(name)) };
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      this.report(name, error);
      return { ok: false };
    }
  }
};

// src/config/parse/app.ts
function parseStart(input, raw) {
  if (raw.trim() === "")
    throw new InputError(
      input,
      raw,
      'is required: the shell command that starts the app, e.g. "npm start" (or "services", a list of several)'
    );
  return raw.trim();
}
function parseOptionalPort(input, raw) {
  return raw.trim() === "" ? void 0 : parsePort(input, raw);
}
function parseReady(input, raw) {
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
        `has an invalid regular expression after "log:" (${error.message})`
      );
    }
  }
  if (value.startsWith("/")) return { kind: "path", path: value };
  if (/^https?:\/\//i.test(value)) {
    try {
      return { kind: "http", url: new URL(value) };
    } catch {
    }
  }
  throw new InputError(
    input,
    raw,
    `must be a URL ("http://127.0.0.1:3000/health"), a path on the app's port ("/health"), "tcp", or "log:<regex>"`
  );
}
function parseStartMode(input, raw) {
  return parseChoice(input, raw.trim() === "" ? "auto" : raw, START_MODES);
}
function parseOptionalCommand(_input, raw) {
  return raw.trim() === "" ? void 0 : raw.trim();
}
function singleService(fields, defaults) {
  return {
    name: DEFAULT_SERVICE_NAME,
    ...fields,
    startMode: defaults.startMode,
    workingDirectory: defaults.workingDirectory,
    env: defaults.env,
    readyTimeoutMs: defaults.readyTimeoutMs,
    path: "/",
    stripPrefix: false,
    dependsOn: []
  };
}
function parseServicesSource(raw, cwd) {
  const value = raw.trim();
  if (value === "") return { kind: "none" };
  if (/\n|^[-[{]|^[A-Za-z_][\w-]*\s*:(?:\s|$)/.test(value)) return { kind: "inline", text: value };
  return { kind: "file", file: path_default.resolve(cwd, value) };
}
var SINGLE_SERVICE_INPUTS = ["start", "stop", "setup", "port", "ready"];
function portFromEnv(input, envPort, port) {
  const shown = `PORT=${envPort}`;
  let fromEnv;
  try {
    fromEnv = parsePort(input, envPort);
  } catch {
    throw new InputError(input, shown, "sets PORT, which must be the app's TCP port, from 1 to 65535");
  }
  if (port !== void 0 && port !== fromEnv)
    throw new InputError(
      input,
      shown,
      `sets PORT to ${fromEnv} but "port" is ${port}: give the app's port once, in "port" (or only in env)`
    );
  return fromEnv;
}
function parseAppInputs(inputs, context) {
  const workingDirectory = path_default.resolve(context.cwd, inputs.raw("working-directory").trim());
  const defaults = {
    workingDirectory,
    env: inputs.readOrDefault("env", parseEnvLines),
    readyTimeoutMs: inputs.readOrDefault("ready-timeout", parsePositiveDuration),
    startMode: inputs.readOrDefault("start-mode", parseStartMode)
  };
  const services = inputs.readOrDefault("services", (_input, raw) => parseServicesSource(raw, context.cwd));
  let single;
  if (services.kind === "none") {
    const fields = inputs.readAll({
      start: ["start", parseStart],
      stop: ["stop", parseOptionalCommand],
      setup: ["setup", parseOptionalCommand],
      port: ["port", parseOptionalPort],
      ready: ["ready", parseReady]
    });
    const envPort = defaults.env.PORT;
    const port = fields === void 0 || envPort === void 0 ? fields?.port : inputs.check("env", () => portFromEnv("env", envPort, fields.port));
    single = fields && (envPort === void 0 || port !== void 0) ? singleService({ ...fields, port }, defaults) : void 0;
  } else {
    for (const name of SINGLE_SERVICE_INPUTS) {
      const raw = inputs.raw(name);
      if (raw.trim() === "") continue;
      inputs.report(
        name,
        new InputError(
          name,
          raw,
          `cannot be used together with "services": each service has its own "${name}" (make this one a service of the list, with "path: /" if it is the default)`
        )
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
      stopGraceMs: ["stop-grace", parseDuration]
    })
  };
}

// src/config/parse/gate.ts
function parseAuthMode(input, raw) {
  return parseChoice(input, raw, AUTH_MODES);
}
var TOKEN68 = /^[A-Za-z0-9\-._~+/]+=*$/;
function parseCredentials(input, raw, mode) {
  const value = raw.trim();
  if (mode === "none") return { auth: { mode: "none" } };
  if (mode === "bearer" || mode === "github") {
    if (value !== "" && !TOKEN68.test(value)) {
      throw new InputError(
        input,
        masked(value),
        `must be a bearer token made of letters, digits and -._~+/ (optionally ending in =) for auth: ${mode}`
      );
    }
    if (mode === "github") return { github: { token: value === "" ? void 0 : value } };
    return value === "" ? { generate: mode } : { auth: { mode, token: value } };
  }
  if (value === "") return { generate: mode };
  const colon = value.indexOf(":");
  const username = colon === -1 ? "" : value.slice(0, colon);
  const password = colon === -1 ? "" : value.slice(colon + 1);
  if (colon <= 0 || password === "" || /[\p{Cc}]/u.test(value)) {
    throw new InputError(
      input,
      masked(value),
      'must be "user:password" (a non-empty user without ":" and a non-empty password) for auth: basic'
    );
  }
  return { auth: { mode, username, password } };
}
var HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
function parseRequestHeaders(input, raw) {
  const headers = [];
  raw.split(/\r?\n/).forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("#")) return;
    const colon = trimmed.indexOf(":");
    const name = colon === -1 ? trimmed : trimmed.slice(0, colon).trim();
    const value = colon === -1 ? "" : trimmed.slice(colon + 1).trim();
    if (colon === -1 || !HEADER_NAME.test(name)) {
      throw new InputError(
        input,
        trimmed,
        `line ${index + 1} is not "Name: value" with a header name made of letters, digits and !#$%&'*+-.^_\`|~`
      );
    }
    if (GATE_MANAGED_HEADERS.has(name.toLowerCase())) {
      throw new InputError(
        input,
        trimmed,
        `line ${index + 1} sets ${name}, which the gate manages itself; these cannot be set: ${[...GATE_MANAGED_HEADERS].join(", ")}`
      );
    }
    try {
      validateHeaderValue(name, value);
    } catch {
      throw new InputError(
        input,
        trimmed,
        `line ${index + 1} has a value with characters not allowed in a header`
      );
    }
    headers.push([name, value]);
  });
  return headers;
}
var ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
var CONVENTIONAL_ENV_NAME = /^[A-Z_][A-Z0-9_]{0,63}$/;
function shownWebhookLine(parts) {
  const [provider = "", pathPrefix = "", ...rest] = parts;
  const tail = rest.join(" ");
  const shownTail = rest.length === 1 && CONVENTIONAL_ENV_NAME.test(tail) ? tail : rest.length === 0 ? "" : masked(tail);
  return [provider, pathPrefix, shownTail].filter((part) => part !== "").join(" ");
}
var INLINE_SECRET = `must be the NAME of an environment variable holding the secret (e.g. GITHUB_WEBHOOK_SECRET, set in the step's env from a secret: "GITHUB_WEBHOOK_SECRET: \${{ secrets.GITHUB_WEBHOOK_SECRET }}"), not the secret itself`;
function webhookPrefixProblem(prefix) {
  if (!prefix.startsWith("/") || /[?#]/.test(prefix)) return 'starting with "/" without "?" or "#"';
  if (/[^\x21-\x7e]|%/.test(prefix)) return "of printable ASCII characters without percent-encoding (%)";
  const checked = requestPath(prefix);
  if (typeof checked !== "string") return `that the gate accepts as a path (${checked.refused})`;
  if (isUnder(prefix, RESERVED_ROOT)) return `outside ${RESERVED_PREFIX} (the gate's own paths)`;
  return void 0;
}
function parseVerifyWebhooks(input, raw, env) {
  const rules = [];
  raw.split(/\r?\n/).forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("#")) return;
    const where = `line ${index + 1}`;
    const parts = trimmed.split(/\s+/);
    const [provider = "", pathPrefix = "", secretEnv = ""] = parts;
    const shown = shownWebhookLine(parts);
    if (parts.length > 3) {
      throw new InputError(
        input,
        shown,
        `${where} has more than three columns: "<provider> <path-prefix> <SECRET_ENV_VAR>"; the third column ${INLINE_SECRET}`
      );
    }
    if (parts.length !== 3) {
      throw new InputError(
        input,
        shown,
        `${where} must be "<provider> <path-prefix> <SECRET_ENV_VAR>", e.g. "github /webhooks/github GITHUB_WEBHOOK_SECRET"`
      );
    }
    const name = provider.toLowerCase();
    if (!isWebhookProvider(name)) {
      throw new InputError(
        input,
        shown,
        `${where} names an unknown provider; use one of ${WEBHOOK_PROVIDERS.join(", ")}`
      );
    }
    const prefixProblem = webhookPrefixProblem(pathPrefix);
    if (prefixProblem !== void 0) {
      throw new InputError(
        input,
        shown,
        `${where} needs a path prefix ${prefixProblem}, e.g. "/webhooks/github"`
      );
    }
    if (!ENV_NAME.test(secretEnv)) {
      throw new InputError(input, shown, `${where}: the third column ${INLINE_SECRET}`);
    }
    const secret = env[secretEnv];
    if (secret === void 0 || secret === "") {
      throw new InputError(
        input,
        shown,
        CONVENTIONAL_ENV_NAME.test(secretEnv) ? `${where} reads the secret from ${secretEnv}, which is not set or empty; set it in the step's env, e.g. "${secretEnv}: \${{ secrets.${secretEnv} }}"` : `${where}: the third column names no environment variable that is set; it ${INLINE_SECRET}`
      );
    }
    const normalized = pathPrefix.length > 1 ? pathPrefix.replace(/\/+$/, "") : pathPrefix;
    if (rules.some((r) => r.pathPrefix === normalized)) {
      throw new InputError(
        input,
        shown,
        `${where} repeats the path prefix ${normalized}; each prefix may appear once`
      );
    }
    rules.push({ provider: name, pathPrefix: normalized, secretEnv, secret });
  });
  return rules;
}
function parseRecordPath(input, raw, fallback, cwd) {
  const value = raw.trim();
  if (value.toLowerCase() === "none") return void 0;
  const chosen = value === "" ? fallback : value;
  if (chosen === void 0 || chosen === "") return void 0;
  if (chosen.includes("\0")) throw new InputError(input, raw, 'must be a file path or "none"');
  return path_default.resolve(cwd, chosen);
}
function parseInspector(input, raw, mode) {
  return raw.trim() === "" ? mode !== "none" : parseBoolean(input, raw);
}
function parseGateInputs(inputs, env, defaults) {
  const mode = inputs.read("auth", parseAuthMode);
  const credentials = mode === void 0 ? void 0 : inputs.read("credentials", (input, value) => parseCredentials(input, value, mode));
  const rest = inputs.readAll({
    allowCidrs: ["allow-cidrs", parseCidrs],
    requestHeaders: ["request-headers", parseRequestHeaders],
    maxBodyBytes: ["max-body", (input, value) => parseSize(input, value)],
    webhooks: ["verify-webhooks", (input, value) => parseVerifyWebhooks(input, value, env)],
    recordPath: ["record", (input, value) => parseRecordPath(input, value, defaults.record, defaults.cwd)],
    recordBodyLimit: ["record-body-limit", (input, value) => parseSize(input, value, { allowZero: true })]
  });
  const inspector = mode === void 0 ? void 0 : inputs.read("inspector", (input, value) => parseInspector(input, value, mode));
  if (rest === void 0 || credentials === void 0 || inspector === void 0) return void 0;
  const { recordPath, ...settings } = rest;
  return {
    ...settings,
    credentials,
    record: recordPath === void 0 ? void 0 : { path: recordPath },
    inspector
  };
}

// src/config/parse/github.ts
function parseToken(input, raw) {
  const value = raw.trim();
  if (value === "" || value.startsWith("${{")) return void 0;
  if (/\s/.test(value)) {
    throw new InputError(input, "***", "must be a single token without spaces or line breaks");
  }
  return value;
}
var COMMENT_KEY = /^[A-Za-z0-9._-]{1,64}$/;
function parseCommentKey(input, raw) {
  const value = raw.trim();
  if (!COMMENT_KEY.test(value) || value.includes("--")) {
    throw new InputError(
      input,
      raw,
      'must be 1 to 64 letters, digits, ".", "_" or "-" (without "--"), e.g. "preview" or "docs-site"'
    );
  }
  return value;
}
function parseCommentMode(input, raw) {
  return parseChoice(input, raw, COMMENT_MODES);
}
var NUMBER_ROOM = 12;
var ENVIRONMENT_TEXT = /^[A-Za-z0-9._ -]*$/;
function parseEnvironment(input, raw) {
  const value = raw.trim();
  const literal = value.replaceAll("<number>", "").replaceAll("<ref>", "");
  if (literal.includes("<") || literal.includes(">")) {
    throw new InputError(
      input,
      raw,
      `has an unknown placeholder: only ${ENVIRONMENT_PLACEHOLDERS.join(" and ")} are replaced`
    );
  }
  if (!ENVIRONMENT_TEXT.test(literal) || value === "" || !/^[A-Za-z0-9<]/.test(value)) {
    throw new InputError(
      input,
      raw,
      'must start with a letter or digit and contain only letters, digits, spaces, ".", "_", "-" and the placeholders <number> and <ref>, e.g. "pr-<number>"'
    );
  }
  const numbers = value.split("<number>").length - 1;
  if (literal.length + numbers * NUMBER_ROOM > ENVIRONMENT_MAX) {
    throw new InputError(input, raw, `must be at most ${ENVIRONMENT_MAX} characters long`);
  }
  return value;
}
function parsePublishInputs(inputs) {
  return {
    token: inputs.readOrDefault("github-token", parseToken),
    comment: inputs.readOrDefault("comment", parseBoolean),
    commentKey: inputs.readOrDefault("comment-key", parseCommentKey),
    commentMode: inputs.readOrDefault("comment-mode", parseCommentMode),
    deployment: inputs.readOrDefault("deployment", parseBoolean),
    environment: inputs.readOrDefault("environment", parseEnvironment)
  };
}

// src/config/parse/github-webhook.ts
var EVENT_NAME = /^(?:\*|[a-z][a-z0-9_]*)$/;
function parseWebhookEvents(input, raw) {
  const names = raw.split(/[\s,]+/).filter((name) => name !== "");
  for (const name of names) {
    if (EVENT_NAME.test(name)) continue;
    const event = name.split(".")[0] ?? "";
    if (name.includes(".") && EVENT_NAME.test(event)) {
      throw new InputError(
        input,
        raw,
        `subscribes to events, not actions: write "${event}" instead of "${name}" (an expect-deliveries scenario can name ${name})`
      );
    }
    throw new InputError(
      input,
      raw,
      `must list GitHub event names (lower case, separated by commas or lines, e.g. "push, pull_request, issue_comment") or "*" for all; "${name}" is not one`
    );
  }
  return [...new Set(names)];
}
function parseWebhookPath(input, raw) {
  const value = raw.trim();
  const problem2 = webhookPrefixProblem(value);
  if (problem2 !== void 0)
    throw new InputError(input, raw, `must be a path ${problem2}, e.g. "/webhooks/github"`);
  return value.length > 1 ? value.replace(/\/+$/, "") : value;
}
var ENV_NAME2 = /^[A-Za-z_][A-Za-z0-9_]*$/;
function parseSecretEnvName(input, raw) {
  const value = raw.trim();
  if (!ENV_NAME2.test(value)) {
    throw new InputError(
      input,
      raw,
      'must be the name of an environment variable (letters, digits and "_", not starting with a digit), e.g. "GITHUB_WEBHOOK_SECRET"'
    );
  }
  return value;
}
var TOKEN_NEEDED = "is required when github-webhook is set: a fine-grained personal access token or a GitHub App installation token (e.g. from actions/create-github-app-token) with the repository permission Webhooks: write; the workflow's GITHUB_TOKEN cannot manage webhooks";
function parseGithubWebhookInputs(inputs, env) {
  const events = inputs.read("github-webhook", parseWebhookEvents);
  const path = inputs.read("github-webhook-path", parseWebhookPath);
  const token = inputs.readAll({ token: ["github-webhook-token", parseToken] });
  const secretEnv = inputs.read("github-webhook-secret-env", parseSecretEnvName);
  if (events === void 0) return void 0;
  if (events.length === 0) return { events, path, token: void 0, secretEnv };
  if (token !== void 0 && token.token === void 0) {
    inputs.report("github-webhook-token", new InputError("github-webhook-token", "", TOKEN_NEEDED));
  }
  if (!/^[^/\s]+\/[^/\s]+$/.test(env.GITHUB_REPOSITORY ?? "")) {
    inputs.report(
      "github-webhook",
      new InputError(
        "github-webhook",
        inputs.raw("github-webhook"),
        "needs the repository to make the webhook in: GITHUB_REPOSITORY (owner/name), which GitHub Actions sets, is not set; outside Actions set it yourself"
      )
    );
  }
  return { events, path, token: token?.token, secretEnv };
}

// src/config/parse/idp.ts
var CLIENT_ID = /^[A-Za-z0-9._~-]{1,128}$/;
function parseClientId(input, raw) {
  const value = raw.trim();
  if (!CLIENT_ID.test(value)) {
    throw new InputError(
      input,
      raw,
      'must be 1 to 128 letters, digits, ".", "_", "~" or "-", e.g. "preview-app"'
    );
  }
  return value;
}
var ENV_PREFIX = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
function parseEnvPrefix(input, raw) {
  const value = raw.trim();
  if (!ENV_PREFIX.test(value)) {
    throw new InputError(
      input,
      raw,
      'must be the start of an environment variable name: letters, digits and "_", not starting with a digit, e.g. "OIDC_" or "AUTH_"'
    );
  }
  return value;
}
function parseRedirectPaths(input, raw) {
  const paths = [
    ...new Set(
      raw.split(/[,\n]/).map((p) => p.trim()).filter((p) => p !== "")
    )
  ];
  if (paths.length === 0) {
    throw new InputError(input, raw, 'must list at least one path, e.g. "/auth/callback"');
  }
  for (const p of paths) {
    if (!p.startsWith("/") || p.startsWith("//") || /[\s#\\]/.test(p)) {
      throw new InputError(
        input,
        raw,
        `has "${p}", which is not a path: each must start with a single "/" and contain no spaces, "#" or "\\", e.g. "/auth/callback"`
      );
    }
    const url = new URL(p, "https://preview.invalid");
    if (url.pathname + url.search !== p) {
      throw new InputError(
        input,
        raw,
        `has "${p}", which is not in normal form (it would be sent as "${url.pathname}${url.search}"): write it that way`
      );
    }
  }
  return paths;
}
var INLINE = /^(?:\[|\{|-\s|-$)|\n|^[A-Za-z_][\w-]*\s*:(?:\s|$)/;
var SHOWN_MAX = 120;
function shorten(text2) {
  return text2.length > SHOWN_MAX ? `${text2.slice(0, SHOWN_MAX)}\u2026` : text2;
}
function parseUsersSource(_input, raw, cwd) {
  const value = raw.trim();
  if (value === "") return { kind: "default" };
  if (INLINE.test(value)) return { kind: "inline", text: value };
  return { kind: "file", file: path_default.resolve(cwd, value) };
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
var EMAIL = /^[^\s@]+@[^\s@]+$/;
var SUB_MAX = 255;
function checkUsers(input, shown, where, data) {
  const list = isRecord(data) && Array.isArray(data.users) ? data.users : data;
  if (!Array.isArray(list)) {
    throw new InputError(
      input,
      shown,
      `must be a YAML or JSON list of users${where}, each with at least "sub", e.g. "- sub: alice\\n  email: alice@example.com"`
    );
  }
  if (list.length === 0) throw new InputError(input, shown, `must list at least one user${where}`);
  const subs = /* @__PURE__ */ new Map();
  const emails = /* @__PURE__ */ new Map();
  return list.map((entry, index) => {
    const n = index + 1;
    const fail = (problem2) => {
      throw new InputError(input, shorten(JSON.stringify(entry) ?? String(entry)), `${problem2}${where}`);
    };
    if (!isRecord(entry))
      return fail(`has entry #${n} that is not a mapping of claims with "sub", e.g. "- sub: bob"`);
    const { sub, email, name, ...claims } = entry;
    if (typeof sub !== "string" || sub.trim() === "") {
      return fail(`has user #${n} without "sub" as text (the user's stable id, e.g. "bob"; quote numbers)`);
    }
    if (sub.length > SUB_MAX || !/^[\x21-\x7E]+$/.test(sub)) {
      return fail(
        `has user #${n} whose "sub" is not 1 to ${SUB_MAX} printable ASCII characters without spaces`
      );
    }
    if (sub === DENY_HINT) {
      return fail(
        `has user #${n} with sub "${DENY_HINT}", which is reserved: login_hint=${DENY_HINT} refuses the login`
      );
    }
    if (email !== void 0 && (typeof email !== "string" || !EMAIL.test(email))) {
      return fail(`has user #${n} whose "email" is not an address like "bob@example.com"`);
    }
    if (name !== void 0 && typeof name !== "string")
      return fail(`has user #${n} whose "name" is not text`);
    const reserved = Object.keys(claims).find(
      (claim) => RESERVED_CLAIMS.includes(claim)
    );
    if (reserved !== void 0) {
      return fail(
        `has user #${n} with the claim "${reserved}", which the provider sets itself (reserved: ${RESERVED_CLAIMS.join(", ")})`
      );
    }
    const firstSub = subs.get(sub);
    if (firstSub !== void 0)
      return fail(`has users #${firstSub} and #${n} with the same sub "${sub}"; subs must be unique`);
    subs.set(sub, n);
    if (typeof email === "string") {
      const firstEmail = emails.get(email.toLowerCase());
      if (firstEmail !== void 0) {
        return fail(
          `has users #${firstEmail} and #${n} with the same email "${email}"; emails must be unique`
        );
      }
      emails.set(email.toLowerCase(), n);
    }
    return {
      sub,
      ...typeof email === "string" ? { email } : {},
      ...typeof name === "string" ? { name } : {},
      ...Object.keys(claims).length > 0 ? { claims } : {}
    };
  });
}
function parseIdpInputs(inputs, context) {
  return {
    enabled: inputs.readOrDefault("idp", parseBoolean),
    users: inputs.readOrDefault("idp-users", (input, raw) => parseUsersSource(input, raw, context.cwd)),
    requirePkce: inputs.readOrDefault("idp-require-pkce", parseBoolean),
    envPrefix: inputs.readOrDefault("idp-env-prefix", parseEnvPrefix),
    redirectPaths: inputs.readOrDefault("idp-redirect-paths", parseRedirectPaths),
    clientId: inputs.readOrDefault("idp-client-id", parseClientId)
  };
}

// src/config/parse/relay.ts
function parseMode(input, raw) {
  return parseChoice(input, raw, ACTION_MODES);
}
function parsePreviewMode(input, raw) {
  const mode = parseMode(input, raw);
  if (mode !== "preview")
    throw new InputError(
      input,
      raw,
      'is "relay", which runs only as the GitHub Action in a workflow_run job (see the README, "Pull requests from forks"); previews run with "preview", the default'
    );
  return mode;
}
function parsePublishRoute(input, raw) {
  return parseChoice(input, raw, PUBLISH_ROUTES);
}
function parseAllowedHosts(input, raw) {
  const entries = raw.split(/[\s,]+/).map((e) => e.trim().toLowerCase()).filter((e) => e !== "");
  for (const entry of entries) {
    if (!isAllowedHostEntry(entry)) {
      throw new InputError(
        input,
        entry,
        'must list host names separated by commas or newlines, each a host ("preview.example.com") or "*." and a domain of at least two labels ("*.tunnels.example.com"); no scheme, port or path'
      );
    }
  }
  return entries;
}
function parseRelayInputs(inputs, readMode = parseMode) {
  return inputs.readAll({
    mode: ["mode", readMode],
    publish: ["publish", parsePublishRoute],
    timeoutMs: ["relay-timeout", parsePositiveDuration],
    allowedHosts: ["relay-allowed-hosts", parseAllowedHosts]
  });
}

// src/config/parse/run.ts
function parseProvider(input, raw) {
  return parseChoice(input, raw, TUNNEL_PROVIDERS);
}
function parseTest(_input, raw) {
  return raw.trim() === "" ? void 0 : raw.trim();
}
function parseRunInputs(inputs) {
  return inputs.readAll({
    provider: ["provider", parseProvider],
    test: ["test", parseTest],
    keepAliveMs: ["keep-alive", parseDuration],
    keepRunning: ["keep-running", parseBoolean],
    failOnCrash: ["fail-on-crash", parseBoolean]
  });
}

// src/config/parse/signin.ts
var CLIENT_ID2 = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
function parseGithubClientId(input, raw) {
  const value = raw.trim();
  if (value === "") {
    throw new InputError(
      input,
      raw,
      'is required with "auth: github": the client ID of the GitHub App or OAuth App reviewers sign in with (device flow enabled), e.g. "Iv23liAbCdEf0123" (see the README, "Sign in with GitHub")'
    );
  }
  if (!CLIENT_ID2.test(value)) {
    throw new InputError(
      input,
      raw,
      `must be a GitHub client ID: letters, digits, ".", "_" and "-", e.g. "Iv23liAbCdEf0123" (the Client ID on the app's page, not its App ID or a secret)`
    );
  }
  return value;
}
function parseSessionTtl(input, raw) {
  return raw.trim() === "" ? void 0 : parsePositiveDuration(input, raw);
}
var REPOSITORY = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/;
function parseRepository(input, raw) {
  const value = raw.trim();
  if (value === "") return void 0;
  const match = REPOSITORY.exec(value);
  if (!match || match[2] === "." || match[2] === "..") {
    throw new InputError(input, raw, 'must be a repository as "owner/name", e.g. "octo/app"');
  }
  return { owner: match[1], name: match[2] };
}
function parseSignInInputs(inputs) {
  const github = isGithubMode(inputs.raw("auth"));
  const rest = inputs.readAll({
    allow: ["github-allow", (input, value) => parseAllow(value, input)],
    sessionTtlMs: ["github-session-ttl", parseSessionTtl],
    repository: ["github-repository", parseRepository]
  });
  const clientId = github ? inputs.read("github-oauth-client-id", parseGithubClientId) : inputs.read(
    "github-oauth-client-id",
    (input, raw) => raw.trim() === "" ? "" : parseGithubClientId(input, raw)
  );
  return github && rest && clientId !== void 0 ? { clientId, ...rest } : void 0;
}
function isGithubMode(raw) {
  try {
    return parseAuthMode("auth", raw) === "github";
  } catch {
    return false;
  }
}

// src/config/parse/tunnel.ts
function parseSshHost(input, raw) {
  const value = raw.trim();
  if (value.includes("@")) {
    throw new InputError(input, raw, 'must be a host name only: put the user in "ssh-user"');
  }
  if (/^[^:]+:\d+$/.test(value)) {
    throw new InputError(input, raw, 'must be a host name only: put the port in "ssh-port"');
  }
  if (!/^[A-Za-z0-9_.:-]+$/.test(value) || value.startsWith("-")) {
    throw new InputError(
      input,
      raw,
      'must be a host name or IP address, e.g. "localhost.run" or "a.pinggy.io"'
    );
  }
  return value;
}
function parseSshUser(input, raw) {
  const value = raw.trim();
  if (value === "") return void 0;
  if (!/^[A-Za-z0-9_.+:=-]+$/.test(value) || value.startsWith("-")) {
    throw new InputError(
      input,
      raw,
      "must be a user name made of letters, digits and _ . + : = - (not starting with -)"
    );
  }
  return value;
}
var REMOTE = /^(?:(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9_.*-]+):)?(\d{1,5})$/;
function parseSshRemote(input, raw) {
  const value = raw.trim();
  const match = REMOTE.exec(value);
  if (!match || Number(match[2]) > 65535) {
    throw new InputError(
      input,
      raw,
      'must be the remote side of "ssh -R": [bind_address:]port or name:port with a port from 0 to 65535, e.g. "80", "0", "myapp:80"'
    );
  }
  return value;
}
function parseUrlTemplate(input, raw) {
  const value = raw.trim();
  if (value === "") return void 0;
  const leftover = value.replaceAll("{port}", "").match(/\{[^}]*\}/);
  let url;
  try {
    url = new URL(value.replaceAll("{port}", "1"));
  } catch {
    url = void 0;
  }
  if (leftover || !url || url.protocol !== "http:" && url.protocol !== "https:") {
    throw new InputError(
      input,
      raw,
      'must be an http(s) URL where {port} stands for the allocated port, e.g. "https://{port}.example.com" or "http://127.0.0.1:{port}"'
    );
  }
  return value.replace(/\/+$/, "");
}
function parseSshKey(input, raw) {
  const value = raw.replace(/\r\n?/g, "\n").trim();
  if (value === "") return void 0;
  if (/^(ssh-|ecdsa-|sk-)/.test(value)) {
    throw new InputError(
      input,
      masked(value),
      "is a public key: give the private key's text (-----BEGIN OPENSSH PRIVATE KEY----- ...) and put the public key on the server"
    );
  }
  const pem = /^-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----\n[\s\S]+\n-----END \1PRIVATE KEY-----$/.exec(value);
  if (!pem) {
    throw new InputError(
      input,
      masked(value),
      `must be a private key's whole text, from "-----BEGIN ... PRIVATE KEY-----" to "-----END ... PRIVATE KEY-----"`
    );
  }
  if (/Proc-Type: 4,ENCRYPTED/.test(value) || pem[1] === "ENCRYPTED " || opensshKeyEncrypted(value)) {
    throw new InputError(
      input,
      masked(value),
      "is protected by a passphrase, which ssh cannot ask for here: use a key without a passphrase (ssh-keygen -N '')"
    );
  }
  return `${value}
`;
}
function opensshKeyEncrypted(text2) {
  const body = /-----BEGIN OPENSSH PRIVATE KEY-----\n([\s\S]+)\n-----END/.exec(text2)?.[1];
  if (body === void 0) return false;
  const bytes = Buffer.from(body.replace(/\s+/g, ""), "base64");
  const magic = "openssh-key-v1\0";
  if (bytes.subarray(0, magic.length).toString("latin1") !== magic || bytes.length < magic.length + 4)
    return false;
  const length = bytes.readUInt32BE(magic.length);
  const cipher = bytes.subarray(magic.length + 4, magic.length + 4 + length).toString("latin1");
  return cipher !== "none";
}
function parseKnownHosts(input, raw) {
  const lines = raw.replace(/\r\n?/g, "\n").split("\n");
  const kept = [];
  lines.forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("#")) return;
    const fields = trimmed.split(/\s+/);
    if (fields[0]?.startsWith("@")) fields.shift();
    const [hosts, type, key] = fields;
    if (hosts === void 0 || type === void 0 || key === void 0 || !/^(ssh-|ecdsa-|sk-)[A-Za-z0-9@.-]+$/.test(type) || !/^[A-Za-z0-9+/]+=*$/.test(key)) {
      throw new InputError(
        input,
        trimmed.length > 60 ? `${trimmed.slice(0, 60)}\u2026` : trimmed,
        `line ${index + 1} is not a known_hosts line "<hosts> <key type> <base64 key>", e.g. "[localhost.run]:22 ssh-ed25519 AAAA..." (ssh-keyscan prints them)`
      );
    }
    kept.push(trimmed);
  });
  return kept.length === 0 ? void 0 : `${kept.join("\n")}
`;
}
function parseCloudflaredVersion(input, raw) {
  const value = raw.trim();
  if (!/^\d{4}\.\d{1,2}\.\d{1,3}$/.test(value)) {
    throw new InputError(
      input,
      raw,
      `must be a cloudflared release version YEAR.MONTH.PATCH, e.g. "${DEFAULT_CLOUDFLARED_VERSION}"`
    );
  }
  return value;
}
function parseNgrokAuthtoken(input, raw) {
  const value = raw.trim();
  if (value === "") return void 0;
  if (!/^[A-Za-z0-9_-]{8,}$/.test(value)) {
    throw new InputError(
      input,
      masked(value),
      "must be an ngrok authtoken (letters, digits, _ and -, as the ngrok dashboard shows it); check the secret holds only the token"
    );
  }
  return value;
}
var DOMAIN = /^(?=.{1,253}$)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z0-9-]{2,63}$/;
function parseNgrokDomain(input, raw) {
  const value = raw.trim();
  if (value === "") return void 0;
  if (!DOMAIN.test(value)) {
    const hint = /^[a-z]+:\/\//i.test(value) ? ": leave out the scheme and path" : "";
    throw new InputError(
      input,
      raw,
      `must be a domain name reserved in your ngrok account, e.g. "my-app.ngrok-free.app"${hint}`
    );
  }
  return value.toLowerCase();
}
var POLICY_KEYS = /^\s*"?(on_http_request|on_http_response|on_tcp_connect|inbound|outbound)"?\s*:/m;
function parseTrafficPolicy(input, raw, cwd) {
  const value = raw.trim();
  if (value === "") return void 0;
  const inline = value.includes("\n") || value.startsWith("{") || POLICY_KEYS.test(value);
  if (!inline) return { file: path_default.resolve(cwd, value) };
  return { text: checkPolicy(input, raw, value) };
}
function checkPolicy(input, raw, text2) {
  if (text2.trim().startsWith("{")) {
    try {
      JSON.parse(text2);
    } catch (error) {
      throw new InputError(input, raw, `is not valid JSON (${error.message})`);
    }
    return text2;
  }
  if (!POLICY_KEYS.test(text2)) {
    throw new InputError(
      input,
      raw,
      "is not a Traffic Policy: it needs a top-level on_http_request, on_http_response or on_tcp_connect list"
    );
  }
  return text2;
}
function parseTunnelInputs(inputs, env, context) {
  const host = inputs.read("ssh-host", parseSshHost);
  const serviceDefaults = SSH_DEFAULTS[sshService(host ?? "")];
  const values = inputs.readAll({
    timeoutMs: ["tunnel-timeout", parsePositiveDuration],
    port: [
      "ssh-port",
      (input, value) => value.trim() === "" ? serviceDefaults.port : parsePort(input, value)
    ],
    user: ["ssh-user", parseSshUser],
    key: ["ssh-key", parseSshKey],
    knownHosts: ["ssh-known-hosts", parseKnownHosts],
    remote: [
      "ssh-remote",
      (input, value) => value.trim() === "" ? serviceDefaults.remote : parseSshRemote(input, value)
    ],
    urlTemplate: ["ssh-url", parseUrlTemplate],
    version: ["cloudflared-version", parseCloudflaredVersion],
    fromInput: ["ngrok-authtoken", parseNgrokAuthtoken],
    domain: ["ngrok-domain", parseNgrokDomain]
  });
  const trafficPolicy = inputs.readAll({
    source: ["ngrok-traffic-policy", (input, value) => parseTrafficPolicy(input, value, context.cwd)]
  });
  const before = inputs.problems.length;
  const fromEnv = inputs.raw("ngrok-authtoken").trim() === "" ? inputs.check(
    "ngrok-authtoken",
    () => parseNgrokAuthtoken("NGROK_AUTHTOKEN", env.NGROK_AUTHTOKEN ?? "")
  ) : void 0;
  if (inputs.problems.length > before || host === void 0 || values === void 0)
    return { settings: void 0, trafficPolicy };
  const { timeoutMs, port, user, key, knownHosts, remote, urlTemplate, version, fromInput, domain } = values;
  return {
    settings: {
      timeoutMs,
      ssh: {
        host,
        port,
        user: user ?? serviceDefaults.user,
        key,
        knownHosts,
        remote,
        urlTemplate,
        service: sshService(host)
      },
      cloudflared: { version },
      ngrok: {
        authtoken: fromInput ?? fromEnv,
        authtokenFrom: fromInput !== void 0 ? "ngrok-authtoken" : fromEnv !== void 0 ? "NGROK_AUTHTOKEN" : void 0,
        domain
      }
    },
    trafficPolicy
  };
}

// src/util/yaml.ts
var YAML_INPUT_LIMITS = { bytes: 1024 * 1024, aliases: 100 };
function fileTooLarge(file) {
  const size = statSync(file).size;
  return size > YAML_INPUT_LIMITS.bytes ? `is too large: ${file} has ${size} bytes, at most ${YAML_INPUT_LIMITS.bytes} (1 MiB)` : void 0;
}
async function loadYaml() {
  const loaded = await import("./dist-BEK2B23D.js");
  return typeof loaded.parse === "function" ? loaded : loaded.default;
}
async function parseYamlInput(text2) {
  const bytes = Buffer.byteLength(text2);
  if (bytes > YAML_INPUT_LIMITS.bytes)
    return {
      ok: false,
      problem: "is too large",
      detail: `${bytes} bytes, at most ${YAML_INPUT_LIMITS.bytes} (1 MiB)`
    };
  const yaml = await loadYaml();
  try {
    return { ok: true, data: yaml.parse(text2, { maxAliasCount: YAML_INPUT_LIMITS.aliases }) };
  } catch (error) {
    const detail = (error.message.split("\n")[0] ?? "").trim();
    return error instanceof ReferenceError ? { ok: false, problem: "expands its YAML aliases (*name) too far", detail } : { ok: false, problem: "is not valid YAML or JSON", detail };
  }
}

// src/config/parse/services.ts
var SERVICES_INPUT = "services";
var SERVICE_FIELDS = [
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
  "depends-on"
];
var NAME = /^[A-Za-z][A-Za-z0-9_-]{0,39}$/;
var ROUTE = /^(?:\/[A-Za-z0-9._~!$&'()*+,;=:@-]+)+$/;
var NO_ROUTE = "none";
function problem(where, message, value) {
  const shown = typeof value === "string" ? value : JSON.stringify(value) ?? String(value);
  return new InputError(SERVICES_INPUT, shorten(shown), `has a problem in ${where}: ${message}`);
}
function isRecord2(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function scalar(value) {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return void 0;
}
function field(where, name, value, parse) {
  const raw = scalar(value);
  if (raw === void 0)
    throw problem(where, `"${name}" must be a single value, not a list or mapping`, value);
  try {
    return parse(name, raw);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throw problem(where, error.message.replace(/^Input /, "").replace(/ \(got .*\)\.$/s, ""), error.value);
  }
}
function text(where, name, value, required) {
  if (value === void 0 || value === null) {
    if (required) throw problem(where, `"${name}" is required`, "");
    return void 0;
  }
  const raw = scalar(value);
  if (raw === void 0 || required && raw.trim() === "")
    throw problem(where, `"${name}" must be a shell command (a string)`, value);
  return raw.trim() === "" ? void 0 : raw.trim();
}
function envField(where, value) {
  if (value === void 0 || value === null) return {};
  if (typeof value === "string") return field(where, "env", value, parseEnvLines);
  if (!isRecord2(value)) throw problem(where, '"env" must be a mapping of NAME: value', "(a list)");
  const env = {};
  for (const [key, entry] of Object.entries(value)) {
    const raw = entry === null ? "" : scalar(entry);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key) || raw === void 0)
      throw problem(where, `"env" must map variable names (letters, digits, _) to single values`, key);
    env[key] = raw;
  }
  return env;
}
function routeField(where, value) {
  if (value === void 0 || value === null) return "/";
  const raw = scalar(value)?.trim();
  if (raw === NO_ROUTE) return void 0;
  if (raw === void 0 || !raw.startsWith("/"))
    throw problem(
      where,
      `"path" must be a route prefix starting with "/" (e.g. "/api"; "/" for the default service), or "none" for a service that gets no requests`,
      value
    );
  const trimmed = raw === "/" ? raw : raw.replace(/\/+$/, "");
  if (trimmed !== "/" && (!ROUTE.test(trimmed) || /\/\.\.?(?:\/|$)/.test(trimmed)))
    throw problem(
      where,
      `"path" must be a plain route prefix: segments of letters, digits and -._~!$&'()*+,;=:@, no "." or ".." segments, no "//", no "%", "?" or "#"`,
      value
    );
  return trimmed;
}
function dependsOnField(where, value) {
  if (value === void 0 || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  const names = list.map(scalar);
  if (names.some((n) => n === void 0))
    throw problem(where, `"depends-on" must be a service name or a list of them`, value);
  return names;
}
function parseEntry(entry, index, defaults, problems) {
  const position = `entry ${index + 1}`;
  if (!isRecord2(entry)) {
    problems.push(
      problem(position, `each entry must be a mapping of fields (${SERVICE_FIELDS.join(", ")})`, entry)
    );
    return void 0;
  }
  const rawName = scalar(entry.name);
  const named = rawName !== void 0 && NAME.test(rawName);
  const where = named ? `service "${rawName}"` : position;
  const before = problems.length;
  const attempt = (read) => {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(error);
      return void 0;
    }
  };
  for (const key of Object.keys(entry)) {
    if (!SERVICE_FIELDS.includes(key))
      problems.push(
        problem(where, `unknown field "${key}" (the fields are ${SERVICE_FIELDS.join(", ")})`, key)
      );
  }
  if (!named)
    problems.push(
      problem(
        where,
        entry.name === void 0 ? `"name" is required` : `"name" must start with a letter and hold only letters, digits, - and _ (at most 40)`,
        entry.name ?? ""
      )
    );
  else if (serviceUrlEnv(rawName) === "PREVIEW_URL")
    problems.push(problem(where, `"name" must not be "preview": its PREVIEW_URL is the public URL`, rawName));
  const start = attempt(() => text(where, "start", entry.start, true));
  const stop = attempt(() => text(where, "stop", entry.stop, false));
  const setup = attempt(() => text(where, "setup", entry.setup, false));
  const startMode = attempt(
    () => entry["start-mode"] === void 0 ? defaults.startMode : field(where, "start-mode", entry["start-mode"], (input, raw) => parseChoice(input, raw, START_MODES))
  );
  const port = attempt(
    () => entry.port === void 0 || entry.port === null ? void 0 : field(where, "port", entry.port, parsePort)
  );
  const ready = attempt(
    () => entry.ready === void 0 || entry.ready === null ? { kind: "path", path: "/" } : field(where, "ready", entry.ready, parseReady)
  );
  const readyTimeoutMs = attempt(
    () => entry["ready-timeout"] === void 0 ? defaults.readyTimeoutMs : field(where, "ready-timeout", entry["ready-timeout"], parsePositiveDuration)
  );
  const dir = attempt(() => text(where, "working-directory", entry["working-directory"], false));
  const env = attempt(() => ({ ...defaults.env, ...envField(where, entry.env) }));
  const envPort = env?.PORT;
  const servicePort = envPort === void 0 ? port : attempt(() => field(where, "env", envPort, (input, raw) => portFromEnv(input, raw, port)));
  const route = attempt(() => routeField(where, entry.path));
  const stripPrefix = attempt(
    () => entry["strip-prefix"] === void 0 ? false : field(where, "strip-prefix", entry["strip-prefix"], parseBoolean)
  );
  const dependsOn = attempt(() => dependsOnField(where, entry["depends-on"]));
  if (problems.length > before || !named) return void 0;
  return {
    name: rawName,
    start,
    stop,
    setup,
    startMode,
    workingDirectory: path_default.resolve(defaults.workingDirectory, dir ?? "."),
    port: servicePort,
    env,
    ready,
    readyTimeoutMs,
    path: route,
    stripPrefix,
    dependsOn
  };
}
function checkTogether(services, problems) {
  const names = services.map((s) => s.name);
  const seen = /* @__PURE__ */ new Map();
  const ports = /* @__PURE__ */ new Map();
  const routes = /* @__PURE__ */ new Map();
  for (const s of services) {
    const where = `service "${s.name}"`;
    const variable = serviceUrlEnv(s.name);
    const twin = seen.get(variable);
    if (twin !== void 0)
      problems.push(
        problem(
          where,
          `"name" repeats service "${twin}" (names must differ, also in case and in - versus _)`,
          s.name
        )
      );
    else seen.set(variable, s.name);
    if (s.port !== void 0) {
      const other = ports.get(s.port);
      if (other !== void 0)
        problems.push(problem(where, `"port" ${s.port} is service "${other}"'s too`, s.port));
      else ports.set(s.port, s.name);
    }
    if (s.path !== void 0) {
      const other = routes.get(s.path);
      if (other !== void 0)
        problems.push(
          problem(
            where,
            `"path" ${s.path} is service "${other}"'s too (a path left out is "/"; give one of them another, e.g. "/api", or "none")`,
            s.path
          )
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
            dependency
          )
        );
    }
  }
  const order = startOrder(
    services.map((s) => ({ ...s, dependsOn: s.dependsOn.filter((d) => d !== s.name) }))
  );
  if ("cycle" in order) {
    const first = order.cycle[0];
    problems.push(
      problem(
        `service "${first}"`,
        `"depends-on" makes a cycle: ${order.cycle.join(" -> ")}`,
        order.cycle[1] ?? first
      )
    );
  }
}
function parseServiceList(data, defaults) {
  const example = `e.g. "- name: web\\n  start: npm start"`;
  if (!Array.isArray(data))
    return {
      problems: [
        new InputError(
          SERVICES_INPUT,
          shorten(JSON.stringify(data) ?? ""),
          `must be a YAML list of services, ${example}`
        )
      ]
    };
  if (data.length === 0)
    return { problems: [new InputError(SERVICES_INPUT, "[]", `must list at least one service, ${example}`)] };
  const problems = [];
  const services = data.map((entry, i) => parseEntry(entry, i, defaults, problems));
  const complete = services.filter((s) => s !== void 0);
  checkTogether(complete, problems);
  return problems.length > 0 ? { problems } : { services: complete };
}

// src/config/resolve/app.ts
var isDirectory = (dir) => statSync(dir, { throwIfNoEntry: false })?.isDirectory() === true;
async function resolveApp(parsed, inputs) {
  const dir = parsed.workingDirectory;
  if (!isDirectory(dir)) {
    inputs.report(
      "working-directory",
      new InputError(
        "working-directory",
        inputs.raw("working-directory"),
        `must be an existing directory (${dir} is not one)`
      )
    );
    return void 0;
  }
  const services = parsed.single ? [parsed.single] : await readServices(parsed, inputs);
  return services && parsed.common && { ...parsed.common, services, workingDirectory: dir };
}
async function readServices(parsed, inputs) {
  const source = parsed.services;
  if (source.kind === "none") return void 0;
  const raw = inputs.raw(SERVICES_INPUT);
  let text2 = source.kind === "inline" ? source.text : "";
  let where = "";
  if (source.kind === "file") {
    if (!statSync(source.file, { throwIfNoEntry: false })?.isFile()) {
      inputs.report(
        SERVICES_INPUT,
        new InputError(
          SERVICES_INPUT,
          raw,
          `must be a YAML list of services, or the path of a file holding one (${source.file} does not exist)`
        )
      );
      return void 0;
    }
    const large = fileTooLarge(source.file);
    if (large !== void 0) {
      inputs.report(SERVICES_INPUT, new InputError(SERVICES_INPUT, raw, large));
      return void 0;
    }
    text2 = readFileSync(source.file, "utf8");
    where = ` (in ${source.file})`;
  } else if (Buffer.byteLength(text2) > YAML_INPUT_LIMITS.bytes) {
    inputs.report(
      SERVICES_INPUT,
      new InputError(
        SERVICES_INPUT,
        shorten(text2),
        `is too large: at most ${YAML_INPUT_LIMITS.bytes} bytes (1 MiB)`
      )
    );
    return void 0;
  }
  const yaml = await loadYaml();
  const document = yaml.parseDocument(text2);
  const error = document.errors[0];
  if (error) {
    const line = error.linePos?.[0]?.line;
    const reason = (error.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "").trim();
    const at = line === void 0 ? "" : ` at line ${line}`;
    const shown = line === void 0 ? shorten(text2) : shorten(text2.split("\n")[line - 1] ?? "");
    inputs.report(
      SERVICES_INPUT,
      new InputError(SERVICES_INPUT, shown, `is not valid YAML${where}${at}: ${reason}`)
    );
    return void 0;
  }
  let list;
  try {
    list = document.toJS({ maxAliasCount: YAML_INPUT_LIMITS.aliases });
  } catch (error2) {
    const detail = (error2.message.split("\n")[0] ?? "").trim();
    inputs.report(
      SERVICES_INPUT,
      new InputError(
        SERVICES_INPUT,
        shorten(text2),
        `expands its YAML aliases (*name) too far${where}: ${detail}`
      )
    );
    return void 0;
  }
  const result = parseServiceList(list, parsed.defaults);
  if ("problems" in result) {
    for (const problem2 of result.problems) inputs.report(SERVICES_INPUT, problem2);
    return void 0;
  }
  const missing = result.services.filter((s) => !isDirectory(s.workingDirectory));
  for (const s of missing) {
    inputs.report(
      SERVICES_INPUT,
      new InputError(
        SERVICES_INPUT,
        s.workingDirectory,
        `has a problem in service "${s.name}": "working-directory" must be an existing directory${where}`
      )
    );
  }
  return missing.length > 0 ? void 0 : result.services;
}

// src/config/resolve/gate.ts
var GENERATED_BYTES = 24;
function generateSecret() {
  return randomBytes(GENERATED_BYTES).toString("base64url");
}
function resolveGate(parsed, signin) {
  const { credentials, ...settings } = parsed;
  if ("github" in credentials) {
    if (signin === void 0) return void 0;
    const given = credentials.github.token;
    return {
      ...settings,
      auth: { mode: "github", token: given ?? generateSecret(), signin },
      credentialsGenerated: given === void 0
    };
  }
  if (credentials.generate === void 0)
    return { ...settings, auth: credentials.auth, credentialsGenerated: false };
  const auth = credentials.generate === "bearer" ? { mode: "bearer", token: generateSecret() } : { mode: "basic", username: DEFAULT_USERNAME, password: generateSecret() };
  return { ...settings, auth, credentialsGenerated: true };
}

// src/config/resolve/github-webhook.ts
async function resolveGithubWebhook(parsed, inputs, key) {
  if (parsed === void 0 || parsed.events.length === 0) return void 0;
  const { githubEventProblem } = await import("./scenarios-H44GCLC6.js");
  let valid = true;
  for (const event of parsed.events) {
    const problem2 = event === "*" ? void 0 : githubEventProblem(event, false);
    if (problem2 === void 0) continue;
    inputs.report("github-webhook", new InputError("github-webhook", event, problem2));
    valid = false;
  }
  const { events, path, token, secretEnv } = parsed;
  if (!valid || path === void 0 || token === void 0 || secretEnv === void 0) return void 0;
  return { events, path, token, secretEnv, secret: newWebhookSecret(), key };
}
function withGithubWebhook(webhook, parts, inputs) {
  if (webhook === void 0) return parts;
  const { app, gate } = parts;
  const taken = gate.webhooks.find((rule) => rule.pathPrefix === webhook.path);
  if (taken !== void 0) {
    inputs.report(
      "github-webhook-path",
      new InputError(
        "github-webhook-path",
        webhook.path,
        `is also a verify-webhooks path (${taken.provider} ${taken.pathPrefix} ${taken.secretEnv}); github-webhook verifies its path with the secret made for the run: remove that verify-webhooks line or choose another github-webhook-path`
      )
    );
  }
  const setsIt = app.services.find((service) => Object.hasOwn(service.env, webhook.secretEnv));
  if (setsIt !== void 0) {
    inputs.report(
      "github-webhook-secret-env",
      new InputError(
        "github-webhook-secret-env",
        webhook.secretEnv,
        `names a variable that ${app.services.length > 1 ? `the env of service "${setsIt.name}"` : 'input "env"'} sets too; the app gets the webhook's secret (made for the run) in it: remove it from env or choose another name`
      )
    );
  }
  if (taken !== void 0 || setsIt !== void 0) return parts;
  return {
    app: {
      ...app,
      services: app.services.map((service) => ({
        ...service,
        env: { ...service.env, [webhook.secretEnv]: webhook.secret }
      }))
    },
    gate: {
      ...gate,
      webhooks: [
        ...gate.webhooks,
        {
          provider: "github",
          pathPrefix: webhook.path,
          secretEnv: webhook.secretEnv,
          secret: webhook.secret
        }
      ]
    }
  };
}
async function checkExpectDeliveries(scenarios, webhook, inputs) {
  const expecting = scenarios.filter((s) => s.expectDeliveries !== void 0);
  if (expecting.length === 0 || webhook === void 0 && inputs.raw("github-webhook").trim() !== "") return;
  const { formatProblem } = await import("./scenarios-H44GCLC6.js");
  const report = (s, message) => {
    const problem2 = { ...s.source, message: `scenario "${s.name}": ${message}` };
    inputs.report("scenarios", new ScenarioInputError(problem2, formatProblem(problem2)));
  };
  for (const s of expecting) {
    if (webhook === void 0) {
      report(
        s,
        `expect-deliveries reads what GitHub delivered to the run's temporary webhook, and this run makes none: set github-webhook (e.g. "push, pull_request") and github-webhook-token`
      );
      continue;
    }
    if (webhook.events.includes("*")) continue;
    const missing = (s.expectDeliveries?.events ?? []).filter((e) => !webhook.events.includes(e.event));
    if (missing.length > 0) {
      report(
        s,
        `expect-deliveries names ${missing.map((e) => e.label).join(", ")}, but github-webhook does not subscribe to ${[...new Set(missing.map((e) => e.event))].join(", ")} (it lists ${webhook.events.join(", ")}): add it to github-webhook`
      );
    }
  }
}
function newWebhookSecret() {
  return randomBytes(32).toString("hex");
}

// src/config/resolve/idp.ts
async function loadIdpUsers(input, raw, source) {
  if (source.kind === "default") return [...DEFAULT_USERS];
  let text2;
  let where = "";
  if (source.kind === "file") {
    if (!statSync(source.file, { throwIfNoEntry: false })?.isFile()) {
      throw new InputError(
        input,
        raw,
        `must be YAML or JSON listing the test users, or the path of such a file (${source.file} does not exist)`
      );
    }
    const tooLarge = fileTooLarge(source.file);
    if (tooLarge !== void 0) throw new InputError(input, raw, tooLarge);
    text2 = readFileSync(source.file, "utf8");
    where = ` (in ${source.file})`;
  } else {
    text2 = source.text;
  }
  const parsed = await parseYamlInput(text2);
  if (!parsed.ok) throw new InputError(input, shorten(raw), `${parsed.problem}${where}: ${parsed.detail}`);
  return checkUsers(input, shorten(raw), where, parsed.data);
}
async function resolveIdp(parsed, inputs) {
  const input = "idp-users";
  let users;
  try {
    users = await loadIdpUsers(input, inputs.raw(input), parsed.users);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    inputs.report(input, error);
    users = [...DEFAULT_USERS];
  }
  return { ...parsed, users };
}
function withClientSecret(settings, enabled) {
  return { ...settings, enabled, clientSecret: newClientSecret() };
}

// src/config/resolve/outputs.ts
var RunFolderError = class extends InputError {
  constructor(dir, reason) {
    super("run folder", dir, reason);
    this.message = `The run's folder ${dir} cannot be created (it goes under RUNNER_TEMP on a runner, else TMPDIR or the system's temporary directory): ${reason}.`;
    this.name = "RunFolderError";
  }
};
function makeRunFolder(dir) {
  try {
    makeDir(dir, 448);
  } catch (error) {
    if (!(error instanceof MakeDirError)) throw error;
    throw new RunFolderError(dir, error.reason);
  }
}
function checkOutputFile(input, raw, file) {
  const fail = (why) => {
    throw new InputError(input, raw, `must be a file that can be written (${why})`);
  };
  try {
    makeDir(path_default.dirname(file));
  } catch (error) {
    if (!(error instanceof MakeDirError)) throw error;
    fail(error.message);
  }
  const stat = statSync(file, { throwIfNoEntry: false });
  if (stat?.isDirectory()) fail(`${file} is a directory`);
  if (stat !== void 0 && !stat.isFile()) fail(`${file} is not a regular file`);
  try {
    if (stat !== void 0) accessSync(file, constants.W_OK);
    else {
      closeSync(openSync(file, "wx", 384));
      unlinkSync(file);
    }
  } catch (error) {
    fail(`${error.code ?? "error"} writing ${file}`);
  }
}

// src/config/resolve/signin.ts
var quiet = () => void 0;
var SILENT = {
  info: quiet,
  warning: quiet,
  error: quiet,
  debug: quiet,
  startGroup: quiet,
  endGroup: quiet,
  write: quiet
};
function resolveSignIn(parsed, inputs, env) {
  if (parsed === void 0) return void 0;
  const run = readRunRepository(env, { logger: SILENT });
  const workflowRepository = run && { owner: run.repo.owner, name: run.repo.repo };
  const repository = parsed.repository ?? workflowRepository;
  if (repository === void 0) {
    inputs.report(
      "github-repository",
      new InputError(
        "github-repository",
        "",
        'is needed with "auth: github" outside a GitHub Actions run (GITHUB_REPOSITORY is not set): the repository whose access decides who gets in, as "owner/name", e.g. "octo/app"'
      )
    );
    return void 0;
  }
  const same = workflowRepository !== void 0 && `${repository.owner}/${repository.name}`.toLowerCase() === `${workflowRepository.owner}/${workflowRepository.name}`.toLowerCase();
  return githubSignInSettings({
    clientId: parsed.clientId,
    repository,
    // Another repository's visibility is not in the payload: public is the cautious guess
    // (`read` is then warned about as meaning everyone).
    repositoryIsPublic: same ? !run?.isPrivate : true,
    pullRequestAuthor: run?.pullRequestAuthor,
    allow: parsed.allow,
    sessionTtlMs: parsed.sessionTtlMs,
    ...githubUrlsFromEnv(env)
  });
}

// src/config/resolve/traffic-policy.ts
var PHASES = ["on_tcp_connect", "on_http_request", "on_http_response"];
var RULE_KEYS = ["name", "expressions", "actions"];
var ACTION_KEYS = ["type", "config"];
var OLD_PHASES = {
  inbound: "on_http_request",
  outbound: "on_http_response"
};
var isMapping = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
async function trafficPolicyProblem(text2) {
  const parsed = await parseYamlInput(text2);
  if (!parsed.ok) return `${parsed.problem}: ${parsed.detail}`;
  return shapeProblem(parsed.data);
}
function shapeProblem(policy) {
  const phases = `the phases ${PHASES.join(", ")}`;
  if (!isMapping(policy)) return `is not a Traffic Policy: its top level must be a mapping of ${phases}`;
  const keys = Object.keys(policy);
  if (keys.length === 0) return `is an empty Traffic Policy: give at least one of ${phases}`;
  for (const key of keys) {
    const renamed = OLD_PHASES[key];
    if (renamed !== void 0)
      return `uses "${key}", a phase of ngrok's old policy format: name it "${renamed}"`;
    if (!PHASES.includes(key))
      return `has an unknown top-level key "${key}": a Traffic Policy holds ${phases}`;
    const rules = policy[key];
    if (rules === null || rules === void 0) continue;
    if (!Array.isArray(rules)) return `has ${key} that is not a list of rules`;
    for (const [index, rule] of rules.entries()) {
      const problem2 = ruleProblem(rule, `${key}[${index}]`);
      if (problem2 !== void 0) return problem2;
    }
  }
  return void 0;
}
function ruleProblem(rule, at) {
  if (!isMapping(rule)) return `has ${at} that is not a rule: a mapping with actions (and name, expressions)`;
  const unknown = Object.keys(rule).find((key) => !RULE_KEYS.includes(key));
  if (unknown !== void 0) return `has ${at}.${unknown}, unknown in a rule (${RULE_KEYS.join(", ")})`;
  if (rule.name !== void 0 && typeof rule.name !== "string") return `has ${at}.name that is not a string`;
  const { expressions, actions } = rule;
  if (expressions !== void 0 && (!Array.isArray(expressions) || !expressions.every((e) => typeof e === "string")))
    return `has ${at}.expressions that is not a list of CEL expressions (strings)`;
  if (!Array.isArray(actions))
    return `has ${at} without actions: each rule needs a list of actions, e.g. "- type: deny"`;
  for (const [index, action] of actions.entries()) {
    const where = `${at}.actions[${index}]`;
    if (!isMapping(action)) return `has ${where} that is not an action: a mapping with type (and config)`;
    const extra = Object.keys(action).find((key) => !ACTION_KEYS.includes(key));
    if (extra !== void 0) return `has ${where}.${extra}, unknown in an action (type, config)`;
    if (typeof action.type !== "string" || action.type.trim() === "")
      return `has ${where} without a type, e.g. "add-headers", "deny", "restrict-ips"`;
    if (action.config !== void 0 && action.config !== null && !isMapping(action.config))
      return `has ${where}.config that is not a mapping`;
  }
  return void 0;
}

// src/config/resolve/tunnel.ts
function readTrafficPolicy(input, raw, source) {
  if ("text" in source) return source.text;
  if (!statSync(source.file, { throwIfNoEntry: false })?.isFile()) {
    throw new InputError(
      input,
      raw,
      `must be a Traffic Policy file (${source.file} does not exist) or the policy inline as YAML or JSON with on_http_request/on_http_response`
    );
  }
  const tooLarge = fileTooLarge(source.file);
  if (tooLarge !== void 0) throw new InputError(input, raw, tooLarge);
  return checkPolicy(input, raw, readFileSync(source.file, "utf8"));
}
function resolveTunnel(parsed, inputs) {
  const input = "ngrok-traffic-policy";
  const source = parsed.trafficPolicy?.source;
  const trafficPolicy = source === void 0 ? void 0 : inputs.check(input, () => readTrafficPolicy(input, inputs.raw(input), source));
  if (!parsed.settings || !parsed.trafficPolicy || source !== void 0 && trafficPolicy === void 0)
    return void 0;
  return { ...parsed.settings, ngrok: { ...parsed.settings.ngrok, trafficPolicy } };
}

// src/config/config.ts
async function buildConfig(source, context) {
  const { runDir } = context;
  const made = !existsSync(runDir);
  try {
    makeRunFolder(runDir);
  } catch (error) {
    if (error instanceof RunFolderError) throw new ConfigError([error]);
    throw error;
  }
  try {
    return await readInputs(source, context);
  } catch (error) {
    if (made) rmSync(runDir, { recursive: true, force: true });
    throw error;
  }
}
async function readInputs(source, context) {
  const { cwd, env, runDir } = context;
  const inputs = new InputReader(source, INPUTS);
  const parsed = {
    app: parseAppInputs(inputs, { cwd }),
    run: parseRunInputs(inputs),
    gate: parseGateInputs(inputs, env, { cwd, record: path_default.join(runDir, "requests.har") }),
    signin: parseSignInInputs(inputs),
    tunnel: parseTunnelInputs(inputs, env, { cwd }),
    publish: parsePublishInputs(inputs),
    scenarios: parseScenarioInputs(inputs, { cwd, runDir }),
    idp: parseIdpInputs(inputs, { cwd }),
    relay: parseRelayInputs(inputs, parsePreviewMode),
    githubWebhook: parseGithubWebhookInputs(inputs, env)
  };
  const app = await resolveApp(parsed.app, inputs);
  const signin = resolveSignIn(parsed.signin, inputs, env);
  const gate = parsed.gate && resolveGate(parsed.gate, signin);
  const tunnel = resolveTunnel(parsed.tunnel, inputs);
  const policy = tunnel?.ngrok.trafficPolicy;
  const policyProblem = policy === void 0 ? void 0 : await trafficPolicyProblem(policy);
  if (policyProblem !== void 0) {
    const input = "ngrok-traffic-policy";
    inputs.report(input, new InputError(input, shorten(inputs.raw(input)), policyProblem));
  }
  const githubWebhook = await resolveGithubWebhook(parsed.githubWebhook, inputs, parsed.publish.commentKey);
  const scenarios = await resolveScenarios(parsed.scenarios, inputs, {
    cwd,
    env: { ...env, ...githubWebhookEnv(githubWebhook) }
  });
  if (scenarios) await checkExpectDeliveries(scenarios.scenarios, githubWebhook, inputs);
  const hooked = app && gate && withGithubWebhook(githubWebhook, { app, gate }, inputs);
  const idp = await resolveIdp(parsed.idp, inputs);
  const record = gate?.record;
  if (record !== void 0)
    inputs.check("record", () => checkOutputFile("record", inputs.raw("record"), record.path));
  if (scenarios !== void 0 && scenarios.scenarios.length > 0)
    inputs.check(
      "junit-path",
      () => checkOutputFile("junit-path", inputs.raw("junit-path"), scenarios.junitPath)
    );
  const { run, publish, relay } = parsed;
  const oauth = scenarios?.scenarios.some((s) => s.oauth !== void 0) ?? false;
  const config = hooked && run && tunnel && scenarios && relay ? {
    ...hooked.app,
    ...run,
    gate: hooked.gate,
    tunnel,
    publish,
    scenarios,
    idp: withClientSecret(idp, idp.enabled || oauth),
    relay: { publish: relay.publish },
    githubWebhook
  } : void 0;
  return inputs.complete(config);
}
function readActionMode(source) {
  const inputs = new InputReader(source, INPUTS);
  return inputs.complete(inputs.read("mode", parseMode));
}
function buildRelayConfig(source) {
  const inputs = new InputReader(source, INPUTS);
  const publish = parsePublishInputs(inputs);
  const relay = parseRelayInputs(inputs);
  return inputs.complete(
    relay && {
      publish,
      relay: {
        ...DEFAULT_RELAY_SETTINGS,
        commentKey: publish.commentKey,
        timeoutMs: relay.timeoutMs,
        allowedHosts: relay.allowedHosts
      }
    }
  );
}

export {
  ScenarioInputError,
  buildConfig,
  readActionMode,
  buildRelayConfig
};
