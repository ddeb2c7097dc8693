import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import {
  createHash,
  hash,
  timingSafeEqual
} from "./chunk-DDG4KZIH.js";
import {
  InputError
} from "./chunk-S4FSG2IO.js";

// src/gate/github-signin/allow.ts
var ALLOW_INPUT = "github-allow";
var DEFAULT_ALLOW = "write, author";
var PERMISSION_LEVELS = ["read", "triage", "write", "maintain", "admin"];
var LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9_-]{0,98}[A-Za-z0-9])?$/;
var TEAM_SLUG = /^[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,98}[A-Za-z0-9_])?$/;
var ACCEPTED = `a permission level on this repository (${PERMISSION_LEVELS.join(", ")}), "author" (the pull request's author), "users: <login>, <login>" or "teams: <org>/<team-slug>, <org>/<team-slug>"; one entry per line (or separated by ";"), e.g. "write, author" or "users: alice, bob"`;
function isLevel(word) {
  return PERMISSION_LEVELS.includes(word);
}
function words(text) {
  return text.split(/[\s,]+/).filter((w) => w !== "");
}
function withoutAt(word) {
  return word.startsWith("@") ? word.slice(1) : word;
}
function parseAllow(raw, input = ALLOW_INPUT) {
  const text = raw.trim() === "" ? DEFAULT_ALLOW : raw;
  let level;
  const users = /* @__PURE__ */ new Map();
  const teams = /* @__PURE__ */ new Map();
  let author = false;
  const fail = (entry, problem) => {
    throw new InputError(input, entry, problem);
  };
  for (const entry of text.split(/\r?\n|;/).map((e) => e.trim()).filter((e) => e !== "")) {
    const list = /^([A-Za-z][\w-]*)\s*:(.*)$/s.exec(entry);
    if (list) {
      const kind = list[1].toLowerCase();
      const items = words(list[2]).map(withoutAt);
      if (kind !== "users" && kind !== "teams") {
        fail(
          entry,
          `has an unknown list "${list[1]}:" (only "users:" and "teams:" take a list); accepted: ${ACCEPTED}`
        );
      }
      if (items.length === 0) fail(entry, `has an empty "${kind}:" list: name at least one after the colon`);
      for (const item of items) {
        if (kind === "users") {
          if (!LOGIN.test(item)) {
            fail(entry, `names "${item}", which is not a GitHub login (letters, digits, "-" and "_")`);
          }
          users.set(item.toLowerCase(), item);
          continue;
        }
        const [org = "", slug = "", ...rest] = item.split("/");
        if (rest.length > 0 || !LOGIN.test(org) || !TEAM_SLUG.test(slug)) {
          fail(
            entry,
            `names "${item}", which is not a team: write <org>/<team-slug>, e.g. "teams: acme/reviewers"`
          );
        }
        teams.set(`${org}/${slug}`.toLowerCase(), { org, slug });
      }
      continue;
    }
    for (const word of words(entry)) {
      const keyword = word.toLowerCase();
      if (keyword === "author") {
        author = true;
      } else if (isLevel(keyword)) {
        if (level !== void 0 && level !== keyword) {
          fail(
            entry,
            `names two permission levels (${level} and ${keyword}): give one, the lowest that may open the preview (higher levels are included)`
          );
        }
        level = keyword;
      } else {
        const hint = LOGIN.test(withoutAt(word)) ? `; to let the user in, write "users: ${withoutAt(word)}"` : "";
        fail(entry, `has an unknown entry "${word}"${hint}; accepted: ${ACCEPTED}`);
      }
    }
  }
  return { level, users: [...users.values()], teams: [...teams.values()], author };
}
function scopeFor(rules) {
  return rules.teams.length > 0 ? "read:org" : "";
}
function describeAllow(rules, repo) {
  const parts = [];
  if (rules.level) parts.push(`${rules.level} access to ${repo}`);
  if (rules.author) parts.push("the pull request's author");
  if (rules.users.length > 0) parts.push(rules.users.join(", "));
  if (rules.teams.length > 0) parts.push(`members of ${rules.teams.map(teamName).join(", ")}`);
  return parts.join(", or ");
}
function teamName(team) {
  return `${team.org}/${team.slug}`;
}
function atLeast(have, need) {
  return have !== void 0 && PERMISSION_LEVELS.indexOf(have) >= PERMISSION_LEVELS.indexOf(need);
}
function evaluate(rules, context, facts) {
  const login = facts.login.toLowerCase();
  if (rules.users.some((u) => u.toLowerCase() === login)) {
    return { allowed: true, because: `listed in ${ALLOW_INPUT} users` };
  }
  if (rules.author && context.author !== void 0 && context.author.toLowerCase() === login) {
    return { allowed: true, because: "author of the pull request" };
  }
  if (rules.level && atLeast(facts.level, rules.level)) {
    return { allowed: true, because: `${facts.level} on ${context.repo}` };
  }
  for (const team of rules.teams) {
    if (facts.teams.has(teamName(team).toLowerCase())) {
      return { allowed: true, because: `member of ${teamName(team)}` };
    }
  }
  const needs = [];
  if (rules.level) needs.push(`${rules.level} on ${context.repo}`);
  if (rules.author && context.author !== void 0) needs.push("to be the pull request's author");
  if (rules.users.length > 0) needs.push(`to be ${rules.users.join(" or ")}`);
  if (rules.teams.length > 0) needs.push(`to be in ${rules.teams.map(teamName).join(" or ")}`);
  const known = rules.level && facts.level ? [`${facts.login} has ${facts.level}`] : [];
  const why = [...known, ...facts.notes];
  const needed = needs.length > 0 ? `needs ${needs.join(", or ")}` : "no rule of github-allow applies";
  return { allowed: false, reason: why.length > 0 ? `${needed}; ${why.join("; ")}` : needed };
}
function allowWarnings(rules, context) {
  const warnings = [];
  if (rules.level === "read" && context.repoIsPublic) {
    warnings.push(
      `${ALLOW_INPUT}: "read" on a public repository lets every GitHub user in (everyone can read ${context.repo}); use "triage" or higher to keep it to collaborators.`
    );
  }
  const onlyAuthor = rules.author && !rules.level && rules.users.length === 0 && rules.teams.length === 0;
  if (onlyAuthor && context.author === void 0) {
    warnings.push(
      `${ALLOW_INPUT}: "author" is the only rule, but this run has no pull request: nobody can sign in.`
    );
  }
  return warnings;
}

// src/gate/github-signin/settings.ts
var GITHUB_SIGNIN_DEFAULTS = {
  serverUrl: "https://github.com",
  apiUrl: "https://api.github.com",
  allow: DEFAULT_ALLOW,
  tokenCacheMs: 6e4
};
var trimSlash = (url) => url.replace(/\/+$/, "");
function githubSignInSettings(input) {
  const allow = input.allow ?? parseAllow(DEFAULT_ALLOW);
  return {
    clientId: input.clientId,
    serverUrl: trimSlash(input.serverUrl || GITHUB_SIGNIN_DEFAULTS.serverUrl),
    apiUrl: trimSlash(input.apiUrl || GITHUB_SIGNIN_DEFAULTS.apiUrl),
    repository: input.repository,
    repositoryIsPublic: input.repositoryIsPublic,
    pullRequestAuthor: input.pullRequestAuthor || void 0,
    allow,
    sessionTtlMs: input.sessionTtlMs,
    tokenCacheMs: input.tokenCacheMs ?? GITHUB_SIGNIN_DEFAULTS.tokenCacheMs,
    scope: scopeFor(allow)
  };
}
function githubUrlsFromEnv(env) {
  return {
    serverUrl: trimSlash(env.GITHUB_SERVER_URL || GITHUB_SIGNIN_DEFAULTS.serverUrl),
    apiUrl: trimSlash(env.GITHUB_API_URL || GITHUB_SIGNIN_DEFAULTS.apiUrl)
  };
}
function repoName(repository) {
  return `${repository.owner}/${repository.name}`;
}
function describeSignIn(settings) {
  return `Sign in with GitHub (${describeAllow(settings.allow, repoName(settings.repository))})`;
}

// src/gate/github-signin/summary.ts
var HOW = { browser: "browser", "github-token": "GitHub token" };
function cell(text) {
  return text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/`/g, "'").replace(/\r?\n/g, " ");
}
function row(entry, outcome) {
  const times = entry.count > 1 ? ` (${entry.count}\xD7)` : "";
  return `| \`${cell(entry.login)}\` | ${outcome}${times} | ${HOW[entry.via]} | ${cell(entry.detail)} |`;
}
function signInSummaryMarkdown(audit) {
  const lines = ["### GitHub sign-ins", ""];
  if (audit.signedIn.length === 0 && audit.refused.length === 0) {
    return [...lines, "Nobody signed in with GitHub.", ""].join("\n");
  }
  lines.push(
    `${audit.signedIn.length} signed in, ${audit.refused.length} refused.`,
    "",
    "| login | outcome | how | rule or reason |",
    "| --- | --- | --- | --- |",
    ...audit.signedIn.map((e) => row(e, "\u2705 signed in")),
    ...audit.refused.map((e) => row(e, "\u26D4 refused")),
    ""
  );
  return lines.join("\n");
}

// src/gate/inspector/protocol.ts
var INSPECT_PATH = "/__preview/inspect";

// src/gate/request-path.ts
var refuse = (refused) => Object.freeze({ refused });
var NOT_ORIGIN_FORM = refuse("the request target must be a path starting with /");
var DOUBLE_SLASH = refuse("the path must not start with // (it reads as a host name)");
var DOT_SEGMENT = refuse('the path must not hold "." or ".." segments');
var BACKSLASH = refuse("the path must not hold a backslash");
var FRAGMENT = refuse("the request target must not hold a fragment (#)");
var CONTROL = refuse("the path must not hold control characters");
var ENCODED_SEPARATOR = refuse("the path must not hold an encoded /, \\ or NUL (%2F, %5C, %00)");
var BAD_ENCODING = refuse("the path holds invalid percent-encoding");
var DOUBLE_ENCODING = refuse("the path must not hold double-encoded characters (%25 followed by hex)");
var SLASH = 47;
var DOT = 46;
var PERCENT = 37;
var SEMICOLON = 59;
function endsSegment(path, i) {
  if (i >= path.length) return true;
  const c = path.charCodeAt(i);
  return c === SLASH || c === SEMICOLON;
}
function isDotSegment(path, start) {
  if (path.charCodeAt(start) !== DOT) return false;
  if (endsSegment(path, start + 1)) return true;
  return path.charCodeAt(start + 1) === DOT && endsSegment(path, start + 2);
}
function hexValue(c) {
  if (c >= 48 && c <= 57) return c - 48;
  const lower = c | 32;
  if (lower >= 97 && lower <= 102) return lower - 97 + 10;
  return -1;
}
function encodedByte(path, i) {
  if (i + 2 >= path.length) return -1;
  const high = hexValue(path.charCodeAt(i + 1));
  const low = hexValue(path.charCodeAt(i + 2));
  return high < 0 || low < 0 ? -1 : high * 16 + low;
}
function requestPath(pathname) {
  if (pathname.charCodeAt(0) !== SLASH) return pathname === "*" ? pathname : NOT_ORIGIN_FORM;
  if (pathname.charCodeAt(1) === SLASH) return DOUBLE_SLASH;
  let encoded = false;
  for (let i = 0; i < pathname.length; i++) {
    const c = pathname.charCodeAt(i);
    if (c === SLASH) {
      if (isDotSegment(pathname, i + 1)) return DOT_SEGMENT;
    } else if (c === PERCENT) {
      const byte = encodedByte(pathname, i);
      if (byte < 0) return BAD_ENCODING;
      if (byte === SLASH || byte === 92 || byte === 0) return ENCODED_SEPARATOR;
      encoded = true;
      i += 2;
    } else if (c === 92) {
      return BACKSLASH;
    } else if (c === 35) {
      return FRAGMENT;
    } else if (c <= 32 || c === 127) {
      return CONTROL;
    }
  }
  return encoded ? decoded(pathname) : pathname;
}
function decoded(pathname) {
  let path;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return BAD_ENCODING;
  }
  for (let i = 0; i < path.length; i++) {
    const c = path.charCodeAt(i);
    if (c === SLASH) {
      if (isDotSegment(path, i + 1)) return DOT_SEGMENT;
    } else if (c === PERCENT) {
      const byte = encodedByte(path, i);
      if (byte === DOT || byte === SLASH || byte === 92 || byte === PERCENT || byte === 0)
        return DOUBLE_ENCODING;
    } else if (c === 92) {
      return BACKSLASH;
    } else if (c < 32 || c === 127) {
      return CONTROL;
    }
  }
  return path;
}
function isUnder(path, prefix) {
  if (prefix === "/") return true;
  if (!path.startsWith(prefix)) return false;
  return path.length === prefix.length || path.charCodeAt(prefix.length) === SLASH;
}

// src/gate/reserved-paths.ts
var RESERVED_ROOT = "/__preview";
var RESERVED_PREFIX = `${RESERVED_ROOT}/`;
var PROBE_PATH = "/__preview/probe";
var LOGIN_PATH = "/__preview/login";
var IDP_MOUNT_PATH = "/__preview/idp";
var SIGNIN_PATH = "/__preview/signin";
var LOGOUT_PATH = "/__preview/logout";
function isReservedPath(path, inspector = true) {
  return path.startsWith(RESERVED_PREFIX) && (inspector || !isUnder(path, INSPECT_PATH));
}

// src/gate/answer.ts
var CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
var SECURITY_HEADERS = {
  "content-security-policy": CSP,
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  // Nothing of the preview's URLs leaves for another site (GitHub's page opens from here).
  "referrer-policy": "same-origin",
  "cross-origin-opener-policy": "same-origin"
};
var NO_STORE = { "cache-control": "no-store" };
function htmlAnswer(status, html, extra = {}, recordBody = true) {
  const body = Buffer.from(html, "utf8");
  return {
    status,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "content-length": String(body.length),
      ...NO_STORE,
      ...SECURITY_HEADERS,
      ...extra
    },
    body,
    recordBody
  };
}
function jsonAnswer(status, data, recordBody = false) {
  const body = Buffer.from(JSON.stringify(data), "utf8");
  return {
    status,
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-length": String(body.length),
      ...NO_STORE,
      "x-content-type-options": "nosniff"
    },
    body,
    recordBody
  };
}
function textAnswer(status, message, extra = {}) {
  const body = Buffer.from(`preview-tunnel gate: ${message}
`, "utf8");
  return {
    status,
    headers: {
      "content-type": "text/plain; charset=utf-8",
      "content-length": String(body.length),
      ...NO_STORE,
      "x-content-type-options": "nosniff",
      ...extra
    },
    body,
    recordBody: true
  };
}
function redirectAnswer(location, extra = {}) {
  return {
    status: 303,
    headers: { location, "content-length": "0", ...NO_STORE, "referrer-policy": "no-referrer", ...extra },
    body: Buffer.alloc(0),
    recordBody: true
  };
}
function assetAnswer(contentType, content) {
  return {
    status: 200,
    headers: {
      "content-type": contentType,
      "content-length": String(content.length),
      // The URL carries a content hash (?v=...): a changed asset has another URL.
      "cache-control": "public, max-age=86400",
      "x-content-type-options": "nosniff"
    },
    body: content,
    recordBody: false
  };
}
function writeAnswer(res, answer) {
  if (res.headersSent || res.destroyed) {
    res.destroy();
    return;
  }
  res.writeHead(answer.status, answer.headers);
  res.end(res.req?.method === "HEAD" ? void 0 : answer.body);
}

// src/gate/github-signin/paths.ts
var SIGNIN_PREFIX = `${SIGNIN_PATH}/`;
var START_PATH = `${SIGNIN_PATH}/start`;
var STATUS_PATH = `${SIGNIN_PATH}/status`;
var CONTINUE_PATH = `${SIGNIN_PATH}/continue`;
var SCRIPT_PATH = `${SIGNIN_PATH}/signin.js`;
var STYLE_PATH = `${SIGNIN_PATH}/signin.css`;
function isSignInPath(pathname) {
  return pathname.startsWith("/__preview/") && (pathname === SIGNIN_PATH || pathname.startsWith(SIGNIN_PREFIX) || pathname === LOGOUT_PATH);
}

// src/util/secure-compare.ts
function sha256(data) {
  return typeof hash === "function" ? hash("sha256", data, "buffer") : createHash("sha256").update(data).digest();
}
function sha256Base64(data) {
  return typeof hash === "function" ? hash("sha256", data, "base64") : createHash("sha256").update(data).digest("base64");
}
function safeEqual(a, b) {
  return timingSafeEqual(sha256(a), sha256(b));
}
var SecretMatcher = class {
  #expected;
  #length;
  #scratch;
  constructor(secret) {
    let size = 256;
    while (size < secret.length) size *= 2;
    this.#expected = Buffer.alloc(size);
    secret.copy(this.#expected);
    this.#length = secret.length;
    this.#scratch = Buffer.alloc(size);
  }
  /** Whether `given`, decoded from `encoding` (e.g. the base64 of Basic credentials), is the secret. */
  matches(given, encoding) {
    const scratch = this.#scratch;
    scratch.fill(0);
    const written = scratch.write(given, 0, encoding);
    const fits = Buffer.byteLength(given, encoding) <= scratch.length;
    const same = timingSafeEqual(scratch, this.#expected);
    return same && fits && written === this.#length;
  }
};

// src/gate/session-cookie.ts
var SESSION_COOKIE = "preview_tunnel_session";
function cookieValues(header, name) {
  const values = [];
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq !== -1 && part.slice(0, eq).trim() === name) values.push(part.slice(eq + 1).trim());
  }
  return values;
}
function withoutSessionCookie(header) {
  const kept = header.split(";").map((p) => p.trim()).filter((p) => p !== "" && p.slice(0, p.indexOf("=")).trim() !== SESSION_COOKIE);
  return kept.length === 0 ? void 0 : kept.join("; ");
}

// src/gate/request-guard.ts
function isSameOrigin(headers, publicOrigin) {
  const site = headers["sec-fetch-site"];
  if (site !== void 0) return site === "same-origin";
  const origin = headers.origin;
  if (origin === void 0 || origin === "null") return false;
  if (publicOrigin !== void 0 && origin === publicOrigin) return true;
  try {
    return new URL(origin).host === headers.host;
  } catch {
    return false;
  }
}
function wantsHtml(accept) {
  return accept?.includes("text/html") === true;
}

export {
  sha256Base64,
  safeEqual,
  SecretMatcher,
  SESSION_COOKIE,
  cookieValues,
  withoutSessionCookie,
  ALLOW_INPUT,
  DEFAULT_ALLOW,
  PERMISSION_LEVELS,
  parseAllow,
  scopeFor,
  describeAllow,
  teamName,
  evaluate,
  allowWarnings,
  GITHUB_SIGNIN_DEFAULTS,
  githubSignInSettings,
  githubUrlsFromEnv,
  repoName,
  describeSignIn,
  signInSummaryMarkdown,
  INSPECT_PATH,
  requestPath,
  isUnder,
  RESERVED_ROOT,
  RESERVED_PREFIX,
  PROBE_PATH,
  LOGIN_PATH,
  IDP_MOUNT_PATH,
  SIGNIN_PATH,
  LOGOUT_PATH,
  isReservedPath,
  htmlAnswer,
  jsonAnswer,
  textAnswer,
  redirectAnswer,
  assetAnswer,
  writeAnswer,
  isSameOrigin,
  wantsHtml,
  SIGNIN_PREFIX,
  START_PATH,
  STATUS_PATH,
  CONTINUE_PATH,
  SCRIPT_PATH,
  STYLE_PATH,
  isSignInPath
};
