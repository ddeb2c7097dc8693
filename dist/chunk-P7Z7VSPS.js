import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import {
  escapeHtml
} from "./chunk-JOYH5WIN.js";
import {
  CONTINUE_PATH,
  LOGOUT_PATH,
  SCRIPT_PATH,
  SESSION_COOKIE,
  SIGNIN_PATH,
  SIGNIN_PREFIX,
  START_PATH,
  STATUS_PATH,
  STYLE_PATH,
  assetAnswer,
  cookieValues,
  describeAllow,
  evaluate,
  htmlAnswer,
  isSameOrigin,
  isSignInPath,
  jsonAnswer,
  redirectAnswer,
  repoName,
  sha256Base64,
  teamName,
  textAnswer,
  wantsHtml
} from "./chunk-YJNIKON3.js";
import {
  createHash,
  randomBytes,
  timingSafeEqual
} from "./chunk-DDG4KZIH.js";
import {
  errorMessage,
  sleep
} from "./chunk-S4FSG2IO.js";

// src/gate/github-signin/return-to.ts
var MAX_LENGTH = 2048;
var BASE = "http://preview.invalid";
function safeReturnPath(raw) {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > MAX_LENGTH) return "/";
  if (raw[0] !== "/" || raw[1] === "/" || raw[1] === "\\") return "/";
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c <= 32 || c === 127 || c === 92) return "/";
  }
  let url;
  try {
    url = new URL(raw, BASE);
  } catch {
    return "/";
  }
  if (url.origin !== BASE) return "/";
  const path = url.pathname;
  if (!path.startsWith("/") || path.startsWith("//")) return "/";
  if (path === SIGNIN_PATH || path.startsWith(SIGNIN_PREFIX) || path === LOGOUT_PATH) return "/";
  return `${path}${url.search}`;
}

// src/gate/github-signin/http.ts
var DEFAULT_HTTP_TIMEOUT_MS = 1e4;
function fetchHttp(timeoutMs = DEFAULT_HTTP_TIMEOUT_MS) {
  return async (request) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
    try {
      const response = await fetch(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        signal,
        redirect: "manual"
      });
      const text = await response.text();
      return { status: response.status, header: (name) => response.headers.get(name) ?? void 0, text };
    } catch (error) {
      if (timeout.aborted && !request.signal?.aborted) {
        throw new Error(`no answer within ${timeoutMs / 1e3}s`);
      }
      throw error;
    }
  };
}
function jsonObject(text) {
  try {
    const value = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? value : void 0;
  } catch {
    return void 0;
  }
}

// src/gate/github-signin/github-user.ts
var API_VERSION = "2022-11-28";
var GithubUnavailable = class extends Error {
  constructor(message) {
    super(message);
    this.name = "GithubUnavailable";
  }
};
var GithubTokenInvalid = class extends Error {
  constructor() {
    super("GitHub does not accept this token");
    this.name = "GithubTokenInvalid";
  }
};
function highestLevel(permissions) {
  if (typeof permissions !== "object" || permissions === null) return void 0;
  const p = permissions;
  if (p.admin === true) return "admin";
  if (p.maintain === true) return "maintain";
  if (p.push === true) return "write";
  if (p.triage === true) return "triage";
  if (p.pull === true) return "read";
  return void 0;
}
var ORG_SCOPES = ["read:org", "write:org", "admin:org"];
function lacksOrgScope(response) {
  const scopes = response.header("x-oauth-scopes");
  if (scopes === void 0) return false;
  const granted = scopes.split(",").map((s) => s.trim());
  return !ORG_SCOPES.some((s) => granted.includes(s));
}
var GithubUserApi = class {
  #apiUrl;
  #http;
  constructor(options) {
    this.#apiUrl = options.apiUrl;
    this.#http = options.http;
  }
  async #get(token, path, signal) {
    let response;
    try {
      response = await this.#http({
        method: "GET",
        url: `${this.#apiUrl}${path}`,
        headers: {
          accept: "application/vnd.github+json",
          authorization: `Bearer ${token}`,
          "x-github-api-version": API_VERSION,
          "user-agent": "preview-tunnel"
        },
        signal
      });
    } catch (error) {
      throw new GithubUnavailable(`GitHub could not be reached (${error.message})`);
    }
    if (response.status >= 500) throw new GithubUnavailable(`GitHub answered ${response.status}`);
    if ((response.status === 403 || response.status === 429) && response.header("x-ratelimit-remaining") === "0") {
      throw new GithubUnavailable("GitHub's rate limit for this token is used up");
    }
    return response;
  }
  async login(token, signal) {
    const response = await this.#get(token, "/user", signal);
    if (response.status === 401) throw new GithubTokenInvalid();
    const login = jsonObject(response.text)?.login;
    if (response.status !== 200 || typeof login !== "string" || login === "") {
      throw new GithubUnavailable(`GitHub answered ${response.status} without a login to GET /user`);
    }
    return login;
  }
  async repository(token, owner, repo, signal) {
    const path = `/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}`;
    const response = await this.#get(token, path, signal);
    if (response.status === 404 || response.status === 403) return { visible: false };
    if (response.status === 401) throw new GithubTokenInvalid();
    const data = jsonObject(response.text);
    if (response.status !== 200 || data === void 0) {
      throw new GithubUnavailable(`GitHub answered ${response.status} to GET ${path}`);
    }
    return { visible: true, private: data.private === true, level: highestLevel(data.permissions) };
  }
  async teamMembership(token, org, slug, login, signal) {
    const path = `/orgs/${encodeURIComponent(org)}/teams/${encodeURIComponent(slug)}/memberships/${encodeURIComponent(login)}`;
    const response = await this.#get(token, path, signal);
    if (response.status === 403) return "not-readable";
    if (response.status === 404) return lacksOrgScope(response) ? "not-readable" : "none";
    if (response.status === 401) throw new GithubTokenInvalid();
    const state = jsonObject(response.text)?.state;
    if (response.status !== 200 || state !== "active" && state !== "pending") {
      throw new GithubUnavailable(`GitHub answered ${response.status} to GET ${path}`);
    }
    return state;
  }
};

// src/gate/github-signin/access.ts
async function decideAccess(api, token, rules, target, signal) {
  try {
    const login = await api.login(token, signal);
    const teams = /* @__PURE__ */ new Set();
    const notes = [];
    let facts = { login, level: void 0, teams, notes };
    let decision = evaluate(rules, target, facts);
    if (decision.allowed) return { kind: "allowed", login, because: decision.because };
    if (rules.level) {
      const repo = await api.repository(token, target.owner, target.name, signal);
      if (repo.visible) {
        facts = { ...facts, level: repo.level };
      } else {
        notes.push(
          target.repoIsPublic ? `GitHub did not show ${target.repo} to this sign-in` : `${target.repo} is private and not visible to this sign-in (it needs a GitHub App installed on the repository)`
        );
      }
      decision = evaluate(rules, target, facts);
      if (decision.allowed) return { kind: "allowed", login, because: decision.because };
    }
    for (const team of rules.teams) {
      const state = await api.teamMembership(token, team.org, team.slug, login, signal);
      if (state === "active") {
        teams.add(teamName(team).toLowerCase());
        break;
      }
      if (state === "pending") notes.push(`the invitation to ${teamName(team)} is not accepted yet`);
      if (state === "not-readable") {
        notes.push(
          `the membership of ${teamName(team)} could not be read (the sign-in app needs read:org, or Members: read for a GitHub App, and the organisation must allow it)`
        );
      }
    }
    decision = evaluate(rules, target, facts);
    return decision.allowed ? { kind: "allowed", login, because: decision.because } : { kind: "denied", login, reason: decision.reason };
  } catch (error) {
    if (error instanceof GithubTokenInvalid) return { kind: "invalid-token" };
    if (error instanceof GithubUnavailable) return { kind: "unavailable", reason: error.message };
    throw error;
  }
}

// src/gate/github-signin/assets.ts
var SIGNIN_JS = `"use strict";
(() => {
  const root = document.getElementById("signin");
  if (!root) return;
  const byId = (id) => document.getElementById(id);
  const copy = byId("copy");
  if (copy) {
    copy.addEventListener("click", () => {
      const code = copy.getAttribute("data-code") || "";
      const done = () => {
        copy.textContent = "Copied";
        setTimeout(() => { copy.textContent = "Copy"; }, 2000);
      };
      const select = () => {
        const range = document.createRange();
        range.selectNodeContents(byId("user-code"));
        const selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(code).then(done, select);
      } else {
        select();
      }
    });
  }
  if (root.getAttribute("data-state") !== "pending") return;
  const statusUrl = root.getAttribute("data-status-url");
  const next = byId("continue");
  next.setAttribute("aria-disabled", "true");
  next.tabIndex = -1;
  const show = (id) => {
    for (const other of ["state-pending", "state-done", "state-failed"]) byId(other).hidden = other !== id;
  };
  let delay = 1000;
  let timer;
  let settled = false;
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(poll, delay);
  };
  const settle = (status) => {
    if (status.state === "pending") return later();
    settled = true;
    byId("steps").classList.add("ended");
    byId("hint").hidden = true;
    if (status.state === "done") {
      show("state-done");
      byId("login").textContent = status.login;
      if (!status.allowed) {
        byId("refused-reason").textContent = status.reason;
        byId("refused").hidden = false;
      }
      next.removeAttribute("aria-disabled");
      next.tabIndex = 0;
      next.focus();
      return;
    }
    show("state-failed");
    byId("failure-title").textContent = status.title || "Sign-in failed.";
    byId("failure-text").textContent = status.text || "";
    next.hidden = true;
    byId("retry").hidden = false;
  };
  function poll() {
    fetch(statusUrl, { credentials: "same-origin", cache: "no-store", headers: { accept: "application/json" } })
      .then((response) => response.json())
      .then(settle, () => {
        // The gate did not answer (a network hiccup): keep asking, less often.
        delay = Math.min(delay * 2, 10000);
        later();
      });
  }
  // Back from GitHub's tab: ask at once rather than at the next tick.
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible" && !settled) {
      clearTimeout(timer);
      poll();
    }
  });
  later();
})();
`;
var SIGNIN_CSS = `:root {
  color-scheme: light dark;
  --fg: #1f2328; --muted: #59636e; --bg: #f6f8fa; --card: #ffffff; --border: #d1d9e0;
  --accent: #1f883d; --accent-hover: #1a7f37; --accent-fg: #ffffff; --link: #0969da;
  --ok-bg: #dafbe1; --ok-fg: #116329; --error-bg: #ffebe9; --error-fg: #a40e26;
}
@media (prefers-color-scheme: dark) {
  :root {
    --fg: #f0f6fc; --muted: #9198a1; --bg: #0d1117; --card: #151b23; --border: #3d444d;
    --accent: #238636; --accent-hover: #29903b; --link: #4493f8;
    --ok-bg: #12261e; --ok-fg: #3fb950; --error-bg: #25171c; --error-fg: #ff7b72;
  }
}
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body {
  margin: 0; min-height: 100vh; display: flex; justify-content: center; align-items: flex-start;
  padding: 10vh 1rem 2rem; background: var(--bg); color: var(--fg);
  font: 16px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif;
}
main {
  width: 100%; max-width: 30rem; background: var(--card); border: 1px solid var(--border);
  border-radius: 12px; padding: 2rem; box-shadow: 0 1px 3px rgba(31, 35, 40, 0.08);
}
.context { margin: 0 0 1.25rem; font-size: 0.875rem; color: var(--muted); }
.context strong { color: var(--fg); font-weight: 600; }
h1 { margin: 0 0 1rem; font-size: 1.5rem; line-height: 1.25; font-weight: 600; }
p { margin: 0.5rem 0 1rem; }
.muted { margin-top: 1.5rem; font-size: 0.8125rem; color: var(--muted); }
code { font: 0.85em ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, monospace; background: var(--bg); padding: 0.1em 0.35em; border-radius: 4px; }
ol.steps { margin: 0 0 1rem; padding-left: 1.25rem; }
ol.steps li { margin-bottom: 1rem; }
ol.steps li p { margin: 0 0 0.5rem; }
ol.steps.ended { opacity: 0.5; }
.code-row { display: flex; gap: 0.5rem; align-items: stretch; }
.code {
  flex: 1; display: flex; align-items: center; justify-content: center; padding: 0.5rem 0.75rem;
  font: 600 1.75rem/1.2 ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, monospace;
  letter-spacing: 0.12em; border: 1px dashed var(--border); border-radius: 8px; background: var(--bg);
  user-select: all;
}
.button {
  display: inline-flex; align-items: center; justify-content: center; gap: 0.5rem;
  padding: 0.625rem 1rem; border: 1px solid var(--border); border-radius: 6px;
  background: var(--bg); color: var(--fg); font: inherit; font-weight: 600; text-decoration: none; cursor: pointer;
}
.button:hover { border-color: var(--muted); }
.button.primary { background: var(--accent); border-color: var(--accent); color: var(--accent-fg); }
.button.primary:hover { background: var(--accent-hover); }
.button.wide { width: 100%; }
.button[aria-disabled="true"] { opacity: 0.45; pointer-events: none; }
form { margin: 0; }
.status {
  display: flex; align-items: center; gap: 0.625rem; margin: 0 0 1rem; padding: 0.75rem 1rem;
  border-radius: 8px; background: var(--bg); border: 1px solid var(--border);
}
.status.ok { background: var(--ok-bg); color: var(--ok-fg); border-color: transparent; }
.status.error { background: var(--error-bg); color: var(--error-fg); border-color: transparent; }
.spinner {
  flex: none; width: 1rem; height: 1rem; border: 2px solid var(--border); border-top-color: var(--link);
  border-radius: 50%; animation: spin 0.9s linear infinite;
}
@keyframes spin { to { transform: rotate(360deg); } }
@media (prefers-reduced-motion: reduce) { .spinner { animation: none; } }
`;
var versions;
function assetUrl(kind) {
  versions ??= {
    js: createHash("sha256").update(SIGNIN_JS).digest("hex").slice(0, 12),
    css: createHash("sha256").update(SIGNIN_CSS).digest("hex").slice(0, 12)
  };
  return `${kind === "js" ? SCRIPT_PATH : STYLE_PATH}?v=${versions[kind]}`;
}

// src/gate/github-signin/audit.ts
var MAX_ENTRIES = 500;
var AuditLog = class {
  #signedIn = /* @__PURE__ */ new Map();
  #refused = /* @__PURE__ */ new Map();
  #dropped = 0;
  /** Records an outcome; returns true when it is new for this login (worth a log line). */
  record(allowed, login, via, detail, at) {
    const entries = allowed ? this.#signedIn : this.#refused;
    const key = `${via} ${login.toLowerCase()} ${detail}`;
    const known = entries.get(key);
    if (known) {
      known.lastAt = at;
      known.count++;
      return false;
    }
    if (this.#signedIn.size + this.#refused.size >= MAX_ENTRIES) {
      this.#dropped++;
      return false;
    }
    entries.set(key, { login, via, detail, firstAt: at, lastAt: at, count: 1 });
    return true;
  }
  /** Outcomes not listed because the list was full. */
  get dropped() {
    return this.#dropped;
  }
  snapshot() {
    const copy = (entries) => [...entries.values()].map((e) => ({ ...e }));
    return { signedIn: copy(this.#signedIn), refused: copy(this.#refused) };
  }
};

// src/gate/github-signin/clock.ts
var systemClock = {
  now: () => Date.now(),
  sleep: (ms, signal) => sleep(ms, signal)
};

// src/gate/github-signin/device-flow.ts
var DEVICE_GRANT_TYPE = "urn:ietf:params:oauth:grant-type:device_code";
var DEFAULT_INTERVAL_MS = 5e3;
var SLOW_DOWN_STEP_MS = 5e3;
var MIN_INTERVAL_MS = 50;
var MAX_TRANSIENT_FAILURES = 3;
var DeviceFlowError = class extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
    this.name = "DeviceFlowError";
  }
  code;
};
var KNOWN_ERRORS = /* @__PURE__ */ new Set([
  "expired_token",
  "access_denied",
  "device_flow_disabled",
  "incorrect_client_credentials",
  "unsupported_grant_type",
  "incorrect_device_code"
]);
function seconds(value, fallbackMs) {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? value * 1e3 : fallbackMs;
}
function oauthError(data) {
  const code = data?.error;
  if (typeof code !== "string") return void 0;
  const description = typeof data?.error_description === "string" ? `: ${data.error_description}` : "";
  return new DeviceFlowError(
    KNOWN_ERRORS.has(code) ? code : "unexpected",
    `GitHub answered ${code}${description}`
  );
}
var DeviceFlowClient = class {
  #options;
  #headers = {
    accept: "application/json",
    "content-type": "application/x-www-form-urlencoded",
    "user-agent": "preview-tunnel"
  };
  constructor(options) {
    this.#options = options;
  }
  /** A new device code; throws a DeviceFlowError (unreachable, device_flow_disabled, ...). */
  async requestCode(signal) {
    const { serverUrl, clientId, scope, http } = this.#options;
    const form = new URLSearchParams({ client_id: clientId });
    if (scope !== "") form.set("scope", scope);
    let response;
    try {
      response = await http({
        method: "POST",
        url: `${serverUrl}/login/device/code`,
        headers: this.#headers,
        body: form.toString(),
        signal
      });
    } catch (error) {
      throw new DeviceFlowError("unreachable", `GitHub could not be reached: ${describe(error)}`);
    }
    if (response.status >= 500) {
      throw new DeviceFlowError("unreachable", `GitHub answered ${response.status}`);
    }
    const data = jsonObject(response.text);
    const refused = oauthError(data);
    if (refused && refused.code !== "unexpected") throw refused;
    if (response.status === 404 || response.status === 401) {
      throw new DeviceFlowError(
        "incorrect_client_credentials",
        `GitHub answered ${response.status} to client ID ${clientId}`
      );
    }
    if (refused) throw refused;
    const deviceCode = data?.device_code;
    const userCode = data?.user_code;
    if (response.status !== 200 || typeof deviceCode !== "string" || typeof userCode !== "string") {
      throw new DeviceFlowError(
        "unexpected",
        `GitHub answered ${response.status} without a device code to POST /login/device/code`
      );
    }
    return {
      deviceCode,
      userCode,
      verificationUri: verificationUri(data?.verification_uri, serverUrl),
      expiresInMs: seconds(data?.expires_in, 9e5),
      intervalMs: Math.max(MIN_INTERVAL_MS, seconds(data?.interval, DEFAULT_INTERVAL_MS))
    };
  }
  /** One poll of the token endpoint. */
  async poll(deviceCode, signal) {
    const { serverUrl, clientId, http } = this.#options;
    let response;
    try {
      response = await http({
        method: "POST",
        url: `${serverUrl}/login/oauth/access_token`,
        headers: this.#headers,
        body: new URLSearchParams({
          client_id: clientId,
          device_code: deviceCode,
          grant_type: DEVICE_GRANT_TYPE
        }).toString(),
        signal
      });
    } catch (error) {
      return { kind: "transient", message: `GitHub could not be reached: ${describe(error)}` };
    }
    if (response.status >= 500) return { kind: "transient", message: `GitHub answered ${response.status}` };
    const data = jsonObject(response.text);
    const token = data?.access_token;
    if (typeof token === "string" && token !== "") {
      return { kind: "token", token, scope: typeof data?.scope === "string" ? data.scope : "" };
    }
    if (data?.error === "authorization_pending") return { kind: "pending" };
    if (data?.error === "slow_down") {
      const given = data.interval;
      return { kind: "slow-down", intervalMs: typeof given === "number" ? seconds(given, 0) : void 0 };
    }
    const refused = oauthError(data);
    if (refused) return { kind: "failed", error: refused };
    return {
      kind: "failed",
      error: new DeviceFlowError(
        "unexpected",
        `GitHub answered ${response.status} without a token or an error`
      )
    };
  }
};
function verificationUri(given, serverUrl) {
  const fallback = `${serverUrl}/login/device`;
  if (typeof given !== "string") return fallback;
  try {
    return new URL(given).origin === new URL(serverUrl).origin ? given : fallback;
  } catch {
    return fallback;
  }
}
function describe(error) {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause;
  return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
}
async function waitForToken(client, code, options) {
  const { clock, signal } = options;
  const deadline = clock.now() + code.expiresInMs;
  let interval = code.intervalMs;
  let transient = 0;
  for (; ; ) {
    await clock.sleep(interval, signal);
    if (signal?.aborted || options.keepGoing?.() === false) return { kind: "stopped" };
    if (clock.now() >= deadline) {
      return { kind: "failed", error: new DeviceFlowError("expired_token", "the code expired") };
    }
    const result = await client.poll(code.deviceCode, signal);
    if (signal?.aborted) return { kind: "stopped" };
    if (result.kind === "slow-down") {
      interval = Math.max(interval + SLOW_DOWN_STEP_MS, result.intervalMs ?? 0);
    }
    if (result.kind === "transient") {
      transient++;
      if (transient >= MAX_TRANSIENT_FAILURES) {
        return { kind: "failed", error: new DeviceFlowError("unreachable", result.message) };
      }
    } else {
      transient = 0;
    }
    options.onPoll?.(result, interval);
    if (result.kind === "token" || result.kind === "failed") return result;
  }
}

// src/gate/github-signin/sessions.ts
function newSecret() {
  return randomBytes(32).toString("base64url");
}
function digestKey(secret) {
  return sha256Base64(secret);
}
var NAME_EQ = `${SESSION_COOKIE}=`;
var ID_LENGTH = 43;
var SELECTOR_LENGTH = 12;
function startsCookie(header, at) {
  let i = at - 1;
  while (i >= 0 && (header[i] === " " || header[i] === "	")) i--;
  return i < 0 || header[i] === ";";
}
var SessionStore = class {
  /** By selector. */
  #sessions = /* @__PURE__ */ new Map();
  #options;
  constructor(options) {
    this.#options = options;
  }
  get size() {
    return this.#sessions.size;
  }
  /** A new session for this decision; returns its id, for the cookie only. */
  create(verdict) {
    const { ttlMs, max, now } = this.#options;
    if (this.#sessions.size >= max) {
      const oldest = this.#sessions.keys().next().value;
      if (oldest !== void 0) this.#sessions.delete(oldest);
    }
    let id = newSecret();
    while (this.#sessions.has(id.slice(0, SELECTOR_LENGTH))) id = newSecret();
    this.#sessions.set(id.slice(0, SELECTOR_LENGTH), {
      verifier: Buffer.from(id.slice(SELECTOR_LENGTH)),
      session: { verdict, expiresAt: ttlMs === void 0 ? Infinity : now() + ttlMs }
    });
    return id;
  }
  /**
   * The live session named by a Cookie header, if any. On every request of the preview:
   * scans the header in place (no split) and looks at values of the session cookie only.
   */
  find(cookieHeader2) {
    if (cookieHeader2 === void 0) return void 0;
    let from = 0;
    for (; ; ) {
      const at = cookieHeader2.indexOf(NAME_EQ, from);
      if (at === -1) return void 0;
      from = at + NAME_EQ.length;
      if (!startsCookie(cookieHeader2, at)) continue;
      const end = cookieHeader2.indexOf(";", from);
      const selector = this.#match(cookieHeader2.slice(from, end === -1 ? void 0 : end).trim());
      if (selector === void 0) continue;
      const { session } = this.#sessions.get(selector);
      if (session.expiresAt > this.#options.now()) return session;
      this.#sessions.delete(selector);
    }
  }
  /** Ends every session the Cookie header names; returns how many there were. */
  end(cookieHeader2) {
    if (cookieHeader2 === void 0) return 0;
    let ended = 0;
    for (const id of cookieValues(cookieHeader2, SESSION_COOKIE)) {
      const selector = this.#match(id);
      if (selector !== void 0 && this.#sessions.delete(selector)) ended++;
    }
    return ended;
  }
  clear() {
    this.#sessions.clear();
  }
  /** The selector of the session `id` names (its verifier compared in constant time), or undefined. */
  #match(id) {
    if (id.length !== ID_LENGTH) return void 0;
    const selector = id.slice(0, SELECTOR_LENGTH);
    const entry = this.#sessions.get(selector);
    if (entry === void 0) return void 0;
    const given = Buffer.from(id.slice(SELECTOR_LENGTH));
    return given.length === entry.verifier.length && timingSafeEqual(given, entry.verifier) ? selector : void 0;
  }
};
var DigestCache = class {
  #entries = /* @__PURE__ */ new Map();
  #ttlMs;
  #max;
  #now;
  constructor(options) {
    this.#ttlMs = options.ttlMs;
    this.#max = options.max;
    this.#now = options.now;
  }
  get(key) {
    const entry = this.#entries.get(key);
    if (entry === void 0) return void 0;
    if (entry.expiresAt > this.#now()) return entry.value;
    this.#entries.delete(key);
    return void 0;
  }
  set(key, value) {
    this.#entries.delete(key);
    if (this.#entries.size >= this.#max) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== void 0) this.#entries.delete(oldest);
    }
    this.#entries.set(key, { value, expiresAt: this.#now() + this.#ttlMs });
  }
  clear() {
    this.#entries.clear();
  }
};

// src/gate/github-signin/flows.ts
var FLOW_COOKIE = "preview_tunnel_signin";
var TooManyFlows = class extends Error {
  constructor() {
    super("too many sign-ins are in progress");
    this.name = "TooManyFlows";
  }
};
var Flows = class {
  #entries = /* @__PURE__ */ new Map();
  #running = /* @__PURE__ */ new Set();
  #options;
  #closed = false;
  constructor(options) {
    this.#options = options;
  }
  get size() {
    return this.#entries.size;
  }
  /**
   * Asks GitHub for a device code and starts polling; returns the id for the browser's
   * cookie. A sign-in this browser had in progress is dropped first. Throws DeviceFlowError
   * or TooManyFlows.
   */
  async start(returnTo, cookieHeader2) {
    this.#sweep();
    for (const key2 of this.#keys(cookieHeader2)) this.#drop(key2);
    if (this.#closed || this.#entries.size >= this.#options.max) throw new TooManyFlows();
    const controller = new AbortController();
    const code = await this.#options.client.requestCode(controller.signal);
    const { clock } = this.#options;
    const flow = {
      userCode: code.userCode,
      verificationUri: code.verificationUri,
      expiresAt: clock.now() + code.expiresInMs,
      returnTo,
      state: { kind: "pending" },
      lastSeen: clock.now(),
      endedAt: void 0
    };
    const id = newSecret();
    const key = digestKey(id);
    this.#entries.set(key, { flow, controller });
    const running = this.#poll(flow, code, controller.signal).finally(() => this.#running.delete(running));
    this.#running.add(running);
    return { id, flow };
  }
  /** The sign-in this browser has in progress; asking counts as someone watching it. */
  find(cookieHeader2) {
    this.#sweep();
    for (const key of this.#keys(cookieHeader2)) {
      const entry = this.#entries.get(key);
      if (entry === void 0) continue;
      entry.flow.lastSeen = this.#options.clock.now();
      return entry.flow;
    }
    return void 0;
  }
  /** Forgets the browser's sign-in (after its session was handed over). */
  finish(cookieHeader2) {
    for (const key of this.#keys(cookieHeader2)) this.#drop(key);
  }
  /** Stops all polling; idempotent. */
  async close() {
    this.#closed = true;
    for (const key of [...this.#entries.keys()]) this.#drop(key);
    await Promise.allSettled([...this.#running]);
  }
  async #poll(flow, code, signal) {
    const { clock, idleMs } = this.#options;
    const watched = () => clock.now() - flow.lastSeen <= idleMs;
    await this.#follow(flow, code, signal, watched);
    flow.endedAt = clock.now();
  }
  async #follow(flow, code, signal, watched) {
    const { client, clock } = this.#options;
    try {
      const result = await waitForToken(client, code, { clock, signal, keepGoing: watched });
      if (result.kind === "stopped") {
        if (!signal.aborted) {
          flow.state = { kind: "failed", code: "abandoned", detail: "nobody was waiting for it" };
          this.#options.onIdle?.();
        }
        return;
      }
      if (result.kind === "failed") {
        flow.state = { kind: "failed", code: result.error.code, detail: result.error.message };
        return;
      }
      flow.state = await this.#options.complete(result.token, signal);
    } catch (error) {
      flow.state = { kind: "failed", code: "unexpected", detail: error.message };
    }
  }
  #keys(cookieHeader2) {
    if (cookieHeader2 === void 0 || !cookieHeader2.includes(FLOW_COOKIE)) return [];
    return cookieValues(cookieHeader2, FLOW_COOKIE).map(digestKey);
  }
  #drop(key) {
    const entry = this.#entries.get(key);
    if (entry === void 0) return;
    entry.controller.abort();
    this.#entries.delete(key);
  }
  /** Forgets ended sign-ins nobody asked about for a while (since they ended, at least). */
  #sweep() {
    const now = this.#options.clock.now();
    for (const [key, { flow }] of this.#entries) {
      const ended = flow.endedAt;
      if (ended !== void 0 && now - Math.max(flow.lastSeen, ended) > this.#options.idleMs) this.#drop(key);
    }
  }
};

// src/gate/github-signin/pages.ts
function page(title, context, body) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>${escapeHtml(title)} \xB7 preview of ${escapeHtml(context.repo)}</title>
<link rel="stylesheet" href="${escapeHtml(assetUrl("css"))}">
</head>
<body>
<main>
<p class="context">Preview of <strong>${escapeHtml(context.repo)}</strong></p>
${body}
</main>
</body>
</html>
`;
}
var withTo = (path, to) => `${path}?to=${encodeURIComponent(to)}`;
function startForm(to, label, primary = true) {
  return `<form method="post" action="${escapeHtml(withTo(START_PATH, to))}">
<button class="button${primary ? " primary" : ""} wide" type="submit">${escapeHtml(label)}</button>
</form>`;
}
function startPage(context, to, notice) {
  const note = notice ? `<p class="status error" role="alert">${escapeHtml(notice)}</p>
` : "";
  return page(
    "Sign in",
    context,
    `<h1>Sign in to open this preview</h1>
${note}<p>This preview is open to ${escapeHtml(context.allowed)}. Sign in with your GitHub account to continue.</p>
${startForm(to, "Sign in with GitHub")}
<p class="muted">GitHub shows the preview your login only. Your GitHub token is used once to check your access, then dropped.
Scripts can send <code>Authorization: Bearer $(gh auth token)</code> instead.</p>`
  );
}
function codePage(context, model) {
  const { state } = model;
  const shown = new URL(model.verificationUri);
  const linkText = `${shown.host}${shown.pathname}`;
  const failed = state.kind === "failed" ? failureText(state.code, state.detail) : void 0;
  const login = state.kind === "done" ? state.login : "";
  const refused = state.kind === "done" && state.refused ? state.refused : "";
  return page(
    "Sign in",
    context,
    `<div id="signin" data-state="${state.kind}" data-status-url="${STATUS_PATH}">
<h1>Sign in with GitHub</h1>
<ol id="steps" class="steps${state.kind === "pending" ? "" : " ended"}">
<li><p>Copy this code:</p>
<div class="code-row"><output id="user-code" class="code">${escapeHtml(model.userCode)}</output><button type="button" id="copy" class="button" data-code="${escapeHtml(model.userCode)}">Copy</button></div></li>
<li><p>Enter it at GitHub and approve:</p>
<a id="open-github" class="button wide" href="${escapeHtml(model.verificationUri)}" target="_blank" rel="noopener noreferrer">Open ${escapeHtml(linkText)} <span aria-hidden="true">\u2197</span></a></li>
</ol>
<div id="state-pending" class="status" role="status"${state.kind === "pending" ? "" : " hidden"}><span class="spinner" aria-hidden="true"></span><span>Waiting for approval at GitHub\u2026</span></div>
<div id="state-done" class="status ok" role="status"${state.kind === "done" ? "" : " hidden"}><span>Signed in as <strong id="login">${escapeHtml(login)}</strong>.<span id="refused"${refused ? "" : " hidden"}> This account cannot open the preview: <span id="refused-reason">${escapeHtml(refused)}</span>.</span></span></div>
<div id="state-failed" class="status error" role="alert"${failed ? "" : " hidden"}><span><strong id="failure-title">${escapeHtml(failed?.title ?? "")}</strong> <span id="failure-text">${escapeHtml(failed?.text ?? "")}</span></span></div>
<a id="continue" class="button primary wide" href="${escapeHtml(withTo(CONTINUE_PATH, model.to))}"${failed ? " hidden" : ""}>Continue</a>
<div id="retry"${failed ? "" : " hidden"}>${startForm(model.to, "Get a new code")}</div>
<p id="hint" class="muted"${state.kind === "pending" ? "" : " hidden"}>The code is valid for ${Math.max(1, Math.round(model.minutesLeft))} more minutes. This page follows your approval by itself.</p>
</div>
<script src="${escapeHtml(assetUrl("js"))}" defer></script>`
  );
}
function deniedPage(context, login, reason) {
  return page(
    "Access refused",
    context,
    `<h1>You can't open this preview</h1>
<p>You are signed in with GitHub as <strong>${escapeHtml(login)}</strong>.</p>
<p class="status error" role="alert">Refused: ${escapeHtml(reason)}.</p>
<form method="post" action="${LOGOUT_PATH}"><button id="sign-out" class="button wide" type="submit">Sign out</button></form>
<p class="muted">Sign out to use another GitHub account, or ask a maintainer of ${escapeHtml(context.repo)} for access.</p>`
  );
}
function unavailablePage(context, reason, retry) {
  return page(
    "GitHub unreachable",
    context,
    `<h1>GitHub can't be reached</h1>
<p>This preview checks who you are with GitHub, and could not ask it (${escapeHtml(reason)}).</p>
<p>Nobody is let in until it does.</p>
<a class="button primary wide" href="${escapeHtml(retry)}">Try again</a>`
  );
}
function failurePage(context, code, detail, to) {
  const { title, text } = failureText(code, detail);
  return page(
    title,
    context,
    `<h1>${escapeHtml(title)}</h1>
<p class="status error" role="alert">${escapeHtml(text)}</p>
${startForm(to, "Try again")}`
  );
}
function signOutPage(context, login) {
  return page(
    "Sign out",
    context,
    `<h1>Sign out of this preview?</h1>
<p>You are signed in with GitHub as <strong>${escapeHtml(login)}</strong>.</p>
<form method="post" action="${LOGOUT_PATH}"><button id="sign-out" class="button primary wide" type="submit">Sign out</button></form>`
  );
}
function signedOutPage(context) {
  return page(
    "Signed out",
    context,
    `<h1>You are signed out</h1>
<p>This browser no longer has access to the preview.</p>
<a class="button wide" href="/">Sign in again</a>`
  );
}
function refusedPostPage(context, message) {
  return page("Request refused", context, `<h1>Request refused</h1>
<p>${escapeHtml(message)}</p>`);
}
function failureText(code, detail) {
  switch (code) {
    case "expired_token":
      return {
        title: "The code expired.",
        text: "It was not approved in time. Get a new code to try again."
      };
    case "access_denied":
      return {
        title: "Sign-in cancelled.",
        text: "It was cancelled at GitHub. Get a new code to try again."
      };
    case "device_flow_disabled":
      return {
        title: "Device sign-in is turned off.",
        text: 'The GitHub app this preview signs in with does not allow device flow. Whoever manages the app must tick "Enable Device Flow" in its settings.'
      };
    case "incorrect_client_credentials":
      return {
        title: "GitHub does not know this app.",
        text: "GitHub does not recognise the client ID this preview signs in with (github-oauth-client-id). Check it against the app's settings."
      };
    case "unsupported_grant_type":
    case "incorrect_device_code":
      return { title: "GitHub refused the sign-in.", text: `${detail}. Get a new code to try again.` };
    case "unreachable":
      return { title: "GitHub can't be reached.", text: `${detail}. Nobody is let in until it answers.` };
    case "unavailable":
      return {
        title: "GitHub can't be reached.",
        text: `Your sign-in was approved, but GitHub could not be asked about your access (${detail}).`
      };
    case "abandoned":
      return {
        title: "The sign-in stopped.",
        text: "Nobody was watching it for a while, so the preview stopped waiting. Get a new code."
      };
    default:
      return { title: "Sign-in failed.", text: `${detail}.` };
  }
}

// src/gate/github-signin/verdict.ts
var NEEDS_SIGN_IN = Object.freeze({ kind: "sign-in", invalidToken: false });
var INVALID_TOKEN = Object.freeze({ kind: "sign-in", invalidToken: true });
var RUN_TOKEN = Object.freeze({
  kind: "allowed",
  login: void 0,
  via: "run-token",
  because: "the run's own token"
});

// src/gate/github-signin/signin.ts
var DEFAULT_LIMITS = {
  maxSessions: 1e4,
  maxFlows: 50,
  idleMs: 6e4,
  maxTokenChecks: 16,
  maxCachedTokens: 1e3
};
var REALM = 'Bearer realm="preview"';
var PLAUSIBLE_TOKEN = /^[\w.~+/=-]{8,2048}$/;
var BUSY = Object.freeze({ kind: "unavailable", reason: "too many sign-in checks at once" });
var withTo2 = (path, to) => `${path}?to=${encodeURIComponent(to)}`;
function bearerValue(header) {
  const space = header.indexOf(" ");
  if (space === -1) return void 0;
  const scheme = header.slice(0, space).toLowerCase();
  if (scheme !== "bearer" && scheme !== "token") return void 0;
  const value = header.slice(space + 1).trim();
  return value === "" ? void 0 : value;
}
var GithubSignIn = class {
  #settings;
  #logger;
  #runToken;
  #onMinted;
  #clock;
  #limits;
  #api;
  #sessions;
  #tokenChecks;
  #inflight = /* @__PURE__ */ new Map();
  #flows;
  #audit = new AuditLog();
  #abort = new AbortController();
  #target;
  #page;
  #closing;
  constructor(options) {
    const settings = options.settings;
    this.#settings = settings;
    this.#logger = options.logger;
    this.#runToken = options.runToken;
    this.#onMinted = options.onMinted ?? (() => void 0);
    this.#clock = options.clock ?? systemClock;
    this.#limits = { ...DEFAULT_LIMITS, ...options.limits };
    const http = options.http ?? fetchHttp();
    const now = () => this.#clock.now();
    this.#api = new GithubUserApi({ apiUrl: settings.apiUrl, http });
    this.#sessions = new SessionStore({ ttlMs: settings.sessionTtlMs, max: this.#limits.maxSessions, now });
    this.#tokenChecks = new DigestCache({
      ttlMs: settings.tokenCacheMs,
      max: this.#limits.maxCachedTokens,
      now
    });
    const repo = repoName(settings.repository);
    this.#target = {
      owner: settings.repository.owner,
      name: settings.repository.name,
      repo,
      author: settings.pullRequestAuthor,
      repoIsPublic: settings.repositoryIsPublic
    };
    this.#page = { repo, allowed: describeAllow(settings.allow, repo) };
    this.#flows = new Flows({
      client: new DeviceFlowClient({
        serverUrl: settings.serverUrl,
        clientId: settings.clientId,
        scope: settings.scope,
        http
      }),
      clock: this.#clock,
      idleMs: this.#limits.idleMs,
      max: this.#limits.maxFlows,
      complete: (token, signal) => this.#completeFlow(token, signal),
      onIdle: () => this.#logger.debug(
        `GitHub sign-in: a sign-in nobody watched for ${Math.round(this.#limits.idleMs / 1e3)}s stopped polling GitHub`
      )
    });
  }
  /**
   * Whether a request may reach the app. Synchronous for a session cookie, the run's token
   * and a recently checked GitHub token; a promise only while GitHub is asked about a token.
   */
  check(request) {
    const session = this.#sessions.find(request.cookie);
    if (session !== void 0) return session.verdict;
    const header = request.authorization;
    if (header === void 0) return NEEDS_SIGN_IN;
    const token = bearerValue(header);
    if (token === void 0) return NEEDS_SIGN_IN;
    if (this.#runToken?.matches(token, "utf8")) return RUN_TOKEN;
    if (!PLAUSIBLE_TOKEN.test(token)) return INVALID_TOKEN;
    const key = digestKey(token);
    const known = this.#tokenChecks.get(key) ?? this.#inflight.get(key);
    if (known !== void 0) return known;
    if (this.#inflight.size >= this.#limits.maxTokenChecks || this.#closing) return BUSY;
    const checking = this.#checkToken(token, key).finally(() => this.#inflight.delete(key));
    this.#inflight.set(key, checking);
    return checking;
  }
  /** The answer for someone not let in: a page for browsers, short text for API clients. */
  refusal(verdict, request) {
    const html = wantsHtml(request.accept);
    const to = safeReturnPath(request.url);
    switch (verdict.kind) {
      case "sign-in": {
        const challenge = verdict.invalidToken ? `${REALM}, error="invalid_token"` : REALM;
        if (html) return htmlAnswer(401, startPage(this.#page, to), { "www-authenticate": challenge });
        return textAnswer(
          401,
          verdict.invalidToken ? "GitHub does not accept this token" : "sign in with GitHub: open this URL in a browser, or send Authorization: Bearer <GitHub token>",
          { "www-authenticate": challenge }
        );
      }
      case "denied":
        return html ? htmlAnswer(403, deniedPage(this.#page, verdict.login, verdict.reason)) : textAnswer(403, `${verdict.login} may not open this preview: ${verdict.reason}`);
      case "unavailable":
        return html ? htmlAnswer(503, unavailablePage(this.#page, verdict.reason, to), { "retry-after": "10" }) : textAnswer(503, `GitHub cannot check who you are: ${verdict.reason}`, { "retry-after": "10" });
    }
  }
  /**
   * The answer for one of the sign-in's own paths, or undefined for any other path (cheap:
   * the gate may call it for every request).
   */
  route(req, context) {
    const { pathname } = context;
    if (!isSignInPath(pathname)) return void 0;
    const method = req.method ?? "GET";
    const read = method === "GET" || method === "HEAD";
    const query = new URLSearchParams((req.url ?? "").split("?")[1] ?? "");
    const to = safeReturnPath(query.get("to"));
    const cookie = req.headers.cookie;
    switch (pathname) {
      case SIGNIN_PATH:
        return read ? this.#signInPage(cookie, to) : notAllowed("GET");
      case START_PATH:
        return method === "POST" ? this.#start(req, context, to) : notAllowed("POST");
      case STATUS_PATH:
        return read ? this.#status(cookie) : notAllowed("GET");
      case CONTINUE_PATH:
        return read ? this.#continue(cookie, context, to) : notAllowed("GET");
      case SCRIPT_PATH:
        return read ? assetAnswer("text/javascript; charset=utf-8", Buffer.from(SIGNIN_JS)) : notAllowed("GET");
      case STYLE_PATH:
        return read ? assetAnswer("text/css; charset=utf-8", Buffer.from(SIGNIN_CSS)) : notAllowed("GET");
      case LOGOUT_PATH:
        if (read) return this.#logoutPage(cookie);
        return method === "POST" ? this.#logout(req, context) : notAllowed("GET, POST");
      default:
        return textAnswer(404, `${pathname} is not a path of the gate`);
    }
  }
  /** Who signed in and who was refused (logins and reasons; never tokens). */
  audit() {
    return this.#audit.snapshot();
  }
  /** Stops all polling and token checks; idempotent, never throws. */
  close() {
    this.#closing ??= (async () => {
      this.#abort.abort();
      await this.#flows.close();
      await Promise.allSettled([...this.#inflight.values()]);
      this.#tokenChecks.clear();
    })().catch((error) => this.#logger.warning(`GitHub sign-in: close: ${errorMessage(error)}`));
    return this.#closing;
  }
  async #checkToken(token, key) {
    const outcome = await decideAccess(
      this.#api,
      token,
      this.#settings.allow,
      this.#target,
      this.#abort.signal
    );
    if (outcome.kind === "unavailable") {
      this.#logger.warning(`GitHub sign-in: a token could not be checked: ${outcome.reason}`);
      return { kind: "unavailable", reason: outcome.reason };
    }
    const verdict = outcome.kind === "invalid-token" ? INVALID_TOKEN : this.#decided(outcome, "github-token");
    if (!this.#abort.signal.aborted) this.#tokenChecks.set(key, verdict);
    return verdict;
  }
  async #completeFlow(token, signal) {
    const outcome = await decideAccess(this.#api, token, this.#settings.allow, this.#target, signal);
    if (outcome.kind === "unavailable")
      return { kind: "failed", code: "unavailable", detail: outcome.reason };
    if (outcome.kind === "invalid-token") {
      return {
        kind: "failed",
        code: "unexpected",
        detail: "GitHub did not accept the token it had just issued"
      };
    }
    const verdict = this.#decided(outcome, "session");
    const sessionId = this.#sessions.create(verdict);
    this.#onMinted(sessionId);
    return { kind: "done", verdict, sessionId };
  }
  /** The verdict for a decision, recorded for the summary and logged once per login. */
  #decided(outcome, via) {
    const allowed = outcome.kind === "allowed";
    const detail = allowed ? outcome.because : outcome.reason;
    const how = via === "session" ? "browser" : "github-token";
    if (this.#audit.record(allowed, outcome.login, how, detail, this.#clock.now())) {
      const by = via === "session" ? "" : " with a GitHub token";
      this.#logger.info(
        allowed ? `GitHub sign-in: ${outcome.login} signed in${by} (${detail})` : `GitHub sign-in: ${outcome.login} was refused${by} (${detail})`
      );
    }
    return Object.freeze(
      allowed ? { kind: "allowed", login: outcome.login, via, because: outcome.because } : { kind: "denied", login: outcome.login, reason: outcome.reason, via }
    );
  }
  #signInPage(cookie, to) {
    if (this.#sessions.find(cookie) !== void 0) return redirectAnswer(to);
    const flow = this.#flows.find(cookie);
    if (flow === void 0) {
      const stale = cookie?.includes(FLOW_COOKIE) ? "That sign-in ended. Start a new one." : void 0;
      return htmlAnswer(200, startPage(this.#page, to, stale));
    }
    const state = flow.state;
    return htmlAnswer(
      200,
      codePage(this.#page, {
        userCode: flow.userCode,
        verificationUri: flow.verificationUri,
        to: flow.returnTo,
        minutesLeft: (flow.expiresAt - this.#clock.now()) / 6e4,
        state: state.kind === "done" ? {
          kind: "done",
          login: state.verdict.login ?? "",
          refused: state.verdict.kind === "denied" ? state.verdict.reason : void 0
        } : state
      }),
      {},
      false
    );
  }
  async #start(req, context, to) {
    if (!isSameOrigin(req.headers, context.publicOrigin)) {
      return htmlAnswer(
        403,
        refusedPostPage(this.#page, "A sign-in can only be started from the preview itself.")
      );
    }
    let started;
    try {
      started = await this.#flows.start(to, req.headers.cookie);
    } catch (error) {
      if (error instanceof TooManyFlows) {
        return htmlAnswer(
          503,
          unavailablePage(this.#page, "too many sign-ins are in progress; try again in a minute", to),
          { "retry-after": "60" }
        );
      }
      if (!(error instanceof DeviceFlowError)) throw error;
      this.#logger.warning(`GitHub sign-in: no device code: ${error.message}`);
      return error.code === "unreachable" ? htmlAnswer(503, unavailablePage(this.#page, error.message, to), { "retry-after": "10" }) : htmlAnswer(502, failurePage(this.#page, error.code, error.message, to));
    }
    this.#onMinted(started.id);
    const seconds2 = Math.ceil((started.flow.expiresAt - this.#clock.now()) / 1e3);
    return redirectAnswer(withTo2(SIGNIN_PATH, to), {
      "set-cookie": cookieHeader(FLOW_COOKIE, started.id, SIGNIN_PATH, context.secure, seconds2)
    });
  }
  #status(cookie) {
    const flow = this.#flows.find(cookie);
    if (flow === void 0) {
      return jsonAnswer(404, {
        state: "none",
        title: "The sign-in ended.",
        text: "This browser has no sign-in in progress any more. Get a new code to start again."
      });
    }
    const state = flow.state;
    switch (state.kind) {
      case "pending":
        return jsonAnswer(200, {
          state: "pending",
          expiresIn: Math.max(0, Math.round((flow.expiresAt - this.#clock.now()) / 1e3))
        });
      case "done":
        return jsonAnswer(200, {
          state: "done",
          login: state.verdict.login,
          allowed: state.verdict.kind === "allowed",
          reason: state.verdict.kind === "denied" ? state.verdict.reason : void 0
        });
      case "failed":
        return jsonAnswer(200, {
          state: "failed",
          code: state.code,
          ...failureText(state.code, state.detail)
        });
    }
  }
  #continue(cookie, context, to) {
    const flow = this.#flows.find(cookie);
    const state = flow?.state;
    if (flow === void 0 || state?.kind !== "done") {
      return redirectAnswer(withTo2(SIGNIN_PATH, flow?.returnTo ?? to));
    }
    this.#flows.finish(cookie);
    return redirectAnswer(flow.returnTo, {
      "set-cookie": [
        cookieHeader(SESSION_COOKIE, state.sessionId, "/", context.secure, this.#sessionSeconds()),
        cookieHeader(FLOW_COOKIE, "", SIGNIN_PATH, context.secure, 0)
      ]
    });
  }
  #logoutPage(cookie) {
    const session = this.#sessions.find(cookie);
    return htmlAnswer(
      200,
      session?.verdict.login ? signOutPage(this.#page, session.verdict.login) : signedOutPage(this.#page)
    );
  }
  #logout(req, context) {
    if (!isSameOrigin(req.headers, context.publicOrigin)) {
      return htmlAnswer(
        403,
        refusedPostPage(this.#page, "Signing out is only possible from the preview itself.")
      );
    }
    const cookie = req.headers.cookie;
    const login = this.#sessions.find(cookie)?.verdict.login;
    this.#sessions.end(cookie);
    this.#flows.finish(cookie);
    if (login !== void 0) this.#logger.info(`GitHub sign-in: ${login} signed out`);
    return redirectAnswer(LOGOUT_PATH, {
      "set-cookie": [
        cookieHeader(SESSION_COOKIE, "", "/", context.secure, 0),
        cookieHeader(FLOW_COOKIE, "", SIGNIN_PATH, context.secure, 0)
      ]
    });
  }
  /** Max-Age of the session cookie; undefined: a browser-session cookie (the preview's life). */
  #sessionSeconds() {
    const ttl = this.#settings.sessionTtlMs;
    return ttl === void 0 ? void 0 : Math.max(1, Math.floor(ttl / 1e3));
  }
};
function notAllowed(allow) {
  return textAnswer(405, `use ${allow.replace(", ", " or ")} here`, { allow });
}
function cookieHeader(name, value, path, secure, maxAgeSeconds) {
  const age = maxAgeSeconds === void 0 ? "" : `; Max-Age=${maxAgeSeconds}`;
  return `${name}=${value}; Path=${path}${age}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}

export {
  safeReturnPath,
  GithubSignIn
};
