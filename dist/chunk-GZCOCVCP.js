import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import {
  COMMENT_MODES,
  ENVIRONMENT_MAX,
  ENVIRONMENT_PLACEHOLDERS
} from "./chunk-6JRKY42D.js";
import {
  INPUTS
} from "./chunk-INIC66EX.js";
import {
  DEFAULT_CLOUDFLARED_VERSION,
  SSH_DEFAULTS,
  TUNNEL_PROVIDERS,
  sshService
} from "./chunk-ASYGN275.js";
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
} from "./chunk-P6W5CQM5.js";
import {
  WEBHOOK_PROVIDERS,
  isWebhookProvider
} from "./chunk-WXR4GUQT.js";
import {
  JUNIT_FILE
} from "./chunk-D6N3VSFQ.js";
import {
  DEFAULT_USERS,
  DENY_HINT,
  RESERVED_CLAIMS,
  newClientSecret
} from "./chunk-5X4Z3MXZ.js";
import {
  AUTH_MODES,
  ConfigError,
  DEFAULT_USERNAME,
  GATE_MANAGED_HEADERS,
  InputError,
  RESERVED_PREFIX,
  RESERVED_ROOT,
  isUnder,
  requestPath
} from "./chunk-EPIYIWCW.js";
import {
  require_crypto,
  require_http,
  require_path
} from "./chunk-BVXFKNV2.js";
import {
  require_fs
} from "./chunk-HWQAXG6F.js";
import {
  __toESM
} from "./chunk-PGICO5ZK.js";

// src/config/resolve/scenarios.ts
var fs = __toESM(require_fs(), 1);
var import_node_path2 = __toESM(require_path(), 1);

// src/config/parse/scenarios.ts
var import_node_path = __toESM(require_path(), 1);
function parseScenarioPatterns(_input, raw) {
  return raw.split(/\r?\n/).map((line) => line.trim()).filter((entry) => entry !== "" && !entry.startsWith("#"));
}
function parseJunitPath(input, raw, fallback, cwd) {
  const value = raw.trim();
  if (value.includes("\0")) throw new InputError(input, raw, "must be a file path");
  return import_node_path.default.resolve(cwd, value === "" ? fallback : value);
}
function parseScenarioInputs(inputs, defaults) {
  const fallback = import_node_path.default.join(defaults.runDir ?? defaults.cwd, JUNIT_FILE);
  return {
    patterns: inputs.readOrDefault("scenarios", parseScenarioPatterns),
    settings: inputs.readAll({
      junitPath: ["junit-path", (input, value) => parseJunitPath(input, value, fallback, defaults.cwd)],
      timeoutMs: ["scenario-timeout", parseDuration]
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
      const glob = fs.globSync;
      if (glob === void 0) {
        throw new InputError(
          input,
          entry,
          "uses a glob, which needs Node.js 22 or later; list the files instead"
        );
      }
      const matches = glob(entry, { cwd }).map((f) => import_node_path2.default.resolve(cwd, f)).filter((f) => fs.statSync(f, { throwIfNoEntry: false })?.isFile()).sort();
      if (matches.length === 0) {
        throw new InputError(
          input,
          entry,
          `matches no file (relative to ${cwd}); give paths or globs of YAML files`
        );
      }
      files.push(...matches);
    } else {
      const file = import_node_path2.default.resolve(cwd, entry);
      if (!fs.statSync(file, { throwIfNoEntry: false })?.isFile()) {
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
    const part = await import("./scenarios-PLFGGZPR.js");
    const loaded = part.loadScenarioFiles(files, { cwd, env });
    for (const problem of loaded.problems)
      inputs.report("scenarios", new ScenarioInputError(problem, part.formatProblem(problem)));
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

// src/config/config.ts
var import_node_path7 = __toESM(require_path(), 1);

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
    const rank = (problem) => this.#rank.get(problem) ?? Number.MAX_SAFE_INTEGER;
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
var import_node_path3 = __toESM(require_path(), 1);
function parseStart(input, raw) {
  if (raw.trim() === "")
    throw new InputError(input, raw, 'is required: the shell command that starts the app, e.g. "npm start"');
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
function parseAppInputs(inputs, context) {
  return {
    workingDirectory: import_node_path3.default.resolve(context.cwd, inputs.raw("working-directory").trim()),
    settings: inputs.readAll({
      start: ["start", parseStart],
      port: ["port", parseOptionalPort],
      env: ["env", parseEnvLines],
      ready: ["ready", parseReady],
      readyTimeoutMs: ["ready-timeout", parsePositiveDuration],
      readyStatus: ["ready-status", parseStatusRanges],
      stopGraceMs: ["stop-grace", parseDuration]
    })
  };
}

// src/config/parse/gate.ts
var import_node_http = __toESM(require_http(), 1);
var import_node_path4 = __toESM(require_path(), 1);
function parseAuthMode(input, raw) {
  return parseChoice(input, raw, AUTH_MODES);
}
var TOKEN68 = /^[A-Za-z0-9\-._~+/]+=*$/;
function parseCredentials(input, raw, mode) {
  const value = raw.trim();
  if (mode === "none") return { auth: { mode: "none" } };
  if (mode === "bearer") {
    if (value === "") return { generate: mode };
    if (!TOKEN68.test(value)) {
      throw new InputError(
        input,
        masked(value),
        "must be a bearer token made of letters, digits and -._~+/ (optionally ending in =) for auth: bearer"
      );
    }
    return { auth: { mode, token: value } };
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
      (0, import_node_http.validateHeaderValue)(name, value);
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
  return import_node_path4.default.resolve(cwd, chosen);
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
    bodyLimit: ["record-body-limit", (input, value) => parseSize(input, value, { allowZero: true })]
  });
  if (rest === void 0 || credentials === void 0) return void 0;
  const { recordPath, bodyLimit, ...settings } = rest;
  return {
    ...settings,
    credentials,
    record: recordPath === void 0 ? void 0 : { path: recordPath, bodyLimit }
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

// src/config/parse/idp.ts
var import_node_path5 = __toESM(require_path(), 1);
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
function shorten(text) {
  return text.length > SHOWN_MAX ? `${text.slice(0, SHOWN_MAX)}\u2026` : text;
}
function parseUsersSource(_input, raw, cwd) {
  const value = raw.trim();
  if (value === "") return { kind: "default" };
  if (INLINE.test(value)) return { kind: "inline", text: value };
  return { kind: "file", file: import_node_path5.default.resolve(cwd, value) };
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
    const fail = (problem) => {
      throw new InputError(input, shorten(JSON.stringify(entry) ?? String(entry)), `${problem}${where}`);
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

// src/config/parse/tunnel.ts
var import_node_path6 = __toESM(require_path(), 1);
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
function opensshKeyEncrypted(text) {
  const body = /-----BEGIN OPENSSH PRIVATE KEY-----\n([\s\S]+)\n-----END/.exec(text)?.[1];
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
  if (!inline) return { file: import_node_path6.default.resolve(cwd, value) };
  return { text: checkPolicy(input, raw, value) };
}
function checkPolicy(input, raw, text) {
  if (text.trim().startsWith("{")) {
    try {
      JSON.parse(text);
    } catch (error) {
      throw new InputError(input, raw, `is not valid JSON (${error.message})`);
    }
    return text;
  }
  if (!POLICY_KEYS.test(text)) {
    throw new InputError(
      input,
      raw,
      "is not a Traffic Policy: it needs a top-level on_http_request, on_http_response or on_tcp_connect list"
    );
  }
  return text;
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

// src/config/resolve/app.ts
var import_node_fs = __toESM(require_fs(), 1);
function resolveApp(parsed, inputs) {
  const dir = parsed.workingDirectory;
  if ((0, import_node_fs.statSync)(dir, { throwIfNoEntry: false })?.isDirectory())
    return parsed.settings && { ...parsed.settings, workingDirectory: dir };
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

// src/config/resolve/gate.ts
var import_node_crypto = __toESM(require_crypto(), 1);
var GENERATED_BYTES = 24;
function generateSecret() {
  return (0, import_node_crypto.randomBytes)(GENERATED_BYTES).toString("base64url");
}
function resolveGate(parsed) {
  const { credentials, ...settings } = parsed;
  if (credentials.generate === void 0)
    return { ...settings, auth: credentials.auth, credentialsGenerated: false };
  const auth = credentials.generate === "bearer" ? { mode: "bearer", token: generateSecret() } : { mode: "basic", username: DEFAULT_USERNAME, password: generateSecret() };
  return { ...settings, auth, credentialsGenerated: true };
}

// src/config/resolve/idp.ts
var import_node_fs2 = __toESM(require_fs(), 1);
async function loadIdpUsers(input, raw, source) {
  if (source.kind === "default") return [...DEFAULT_USERS];
  let text;
  let where = "";
  if (source.kind === "file") {
    if (!(0, import_node_fs2.statSync)(source.file, { throwIfNoEntry: false })?.isFile()) {
      throw new InputError(
        input,
        raw,
        `must be YAML or JSON listing the test users, or the path of such a file (${source.file} does not exist)`
      );
    }
    text = (0, import_node_fs2.readFileSync)(source.file, "utf8");
    where = ` (in ${source.file})`;
  } else {
    text = source.text;
  }
  const { parse } = await import("./dist-BEK2B23D.js");
  let data;
  try {
    data = parse(text);
  } catch (error) {
    const reason = (error.message.split("\n")[0] ?? "").trim();
    throw new InputError(input, shorten(raw), `is not valid YAML or JSON${where}: ${reason}`);
  }
  return checkUsers(input, shorten(raw), where, data);
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

// src/config/resolve/tunnel.ts
var import_node_fs3 = __toESM(require_fs(), 1);
function readTrafficPolicy(input, raw, source) {
  if ("text" in source) return source.text;
  if (!(0, import_node_fs3.statSync)(source.file, { throwIfNoEntry: false })?.isFile()) {
    throw new InputError(
      input,
      raw,
      `must be a Traffic Policy file (${source.file} does not exist) or the policy inline as YAML or JSON with on_http_request/on_http_response`
    );
  }
  return checkPolicy(input, raw, (0, import_node_fs3.readFileSync)(source.file, "utf8"));
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
  const { cwd, env, runDir } = context;
  const inputs = new InputReader(source, INPUTS);
  const parsed = {
    app: parseAppInputs(inputs, { cwd }),
    run: parseRunInputs(inputs),
    gate: parseGateInputs(inputs, env, { cwd, record: import_node_path7.default.join(runDir, "requests.har") }),
    tunnel: parseTunnelInputs(inputs, env, { cwd }),
    publish: parsePublishInputs(inputs),
    scenarios: parseScenarioInputs(inputs, { cwd, runDir }),
    idp: parseIdpInputs(inputs, { cwd })
  };
  const app = resolveApp(parsed.app, inputs);
  const gate = parsed.gate && resolveGate(parsed.gate);
  const tunnel = resolveTunnel(parsed.tunnel, inputs);
  const scenarios = await resolveScenarios(parsed.scenarios, inputs, { cwd, env });
  const idp = await resolveIdp(parsed.idp, inputs);
  const { run, publish } = parsed;
  const oauth = scenarios?.scenarios.some((s) => s.oauth !== void 0) ?? false;
  const config = app && run && gate && tunnel && scenarios ? {
    ...app,
    ...run,
    gate,
    tunnel,
    publish,
    scenarios,
    idp: withClientSecret(idp, idp.enabled || oauth)
  } : void 0;
  return inputs.complete(config);
}

export {
  ScenarioInputError,
  buildConfig
};
