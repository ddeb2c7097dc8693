import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import {
  loadVendored,
  require_module,
  require_url,
  vendoredDir
} from "./chunk-EGYH3FFJ.js";
import {
  parseDuration,
  parseStatusRanges,
  statusAccepted
} from "./chunk-P6W5CQM5.js";
import {
  require_https
} from "./chunk-H5VRMRXI.js";
import {
  WEBHOOK_PROVIDERS
} from "./chunk-WXR4GUQT.js";
import {
  DEFAULT_SCENARIO_TIMEOUT_MS,
  JUNIT_FILE
} from "./chunk-D6N3VSFQ.js";
import {
  require_dist
} from "./chunk-LXKJYK3N.js";
import "./chunk-RXOWF32U.js";
import {
  DENY_HINT
} from "./chunk-5X4Z3MXZ.js";
import {
  IDP_MOUNT_PATH,
  InputError,
  LOGIN_PATH,
  discord,
  errorMessage,
  github,
  gitlab,
  linear,
  paddle,
  pagerduty,
  require_zlib,
  shopify,
  slack,
  square,
  standardWebhooks,
  stripe,
  svix,
  twilio,
  twilioUrl
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
  __export,
  __toESM
} from "./chunk-PGICO5ZK.js";

// src/scenarios/browser/find.ts
var import_node_fs = __toESM(require_fs(), 1);
var import_node_path = __toESM(require_path(), 1);
var BROWSER_NAMES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];
var BROWSER_PATH_ENV = "CHROME_PATH";
var checkExecutable = (file) => {
  const stat = (0, import_node_fs.statSync)(file, { throwIfNoEntry: false });
  if (stat === void 0) return "does not exist";
  if (!stat.isFile()) return "is not a file";
  try {
    (0, import_node_fs.accessSync)(file, import_node_fs.constants.X_OK);
    return void 0;
  } catch {
    return "is not executable";
  }
};
var HINT = "install Chromium (Debian/Ubuntu: apt-get install chromium) or Google Chrome, or set browser-path to its executable";
function onPath(name, env, check) {
  for (const dir of (env.PATH ?? "").split(import_node_path.default.delimiter)) {
    if (dir === "") continue;
    const candidate = import_node_path.default.join(dir, name);
    if (check(candidate) === void 0) return candidate;
  }
  return void 0;
}
function findBrowser(given, env, cwd, check = checkExecutable) {
  const value = given.trim();
  if (value !== "") {
    if (!value.includes("/") && !value.includes(import_node_path.default.sep)) {
      const found = onPath(value, env, check);
      return found ? { path: found, from: "browser-path" } : {
        problem: `names no executable on PATH: give the full path of a Chromium or Chrome executable (e.g. /usr/bin/chromium), or leave browser-path empty to find one`
      };
    }
    const file = import_node_path.default.resolve(cwd, value);
    const why = check(file);
    return why === void 0 ? { path: file, from: "browser-path" } : {
      problem: `must be a Chromium or Chrome executable, but ${file} ${why}: give the path of one (e.g. /usr/bin/chromium), or leave browser-path empty to find one on PATH`
    };
  }
  const fromEnv = env[BROWSER_PATH_ENV]?.trim();
  if (fromEnv) {
    const file = import_node_path.default.resolve(cwd, fromEnv);
    const why = check(file);
    return why === void 0 ? { path: file, from: BROWSER_PATH_ENV } : {
      problem: `is empty, and ${BROWSER_PATH_ENV} (${file}) ${why}: set browser-path, or point ${BROWSER_PATH_ENV} at a Chromium or Chrome executable`
    };
  }
  for (const name of BROWSER_NAMES) {
    const found = onPath(name, env, check);
    if (found) return { path: found, from: `PATH (${name})` };
  }
  return {
    problem: `is empty and no browser was found (${BROWSER_PATH_ENV} is not set, and none of ${BROWSER_NAMES.join(", ")} is on PATH), but a scenario has browser: true; ${HINT}`
  };
}

// src/scenarios/oauth/report.ts
function oauthLabel(flow) {
  if (flow.negative === "deny") return "deny";
  return [flow.user ?? "", flow.negative].filter(Boolean).join(".");
}
function describe(flow) {
  const who = flow.negative === "deny" ? "with consent denied" : `as ${flow.user}`;
  const extra = flow.negative === "replay-callback" ? ", callback replayed" : flow.negative === "tamper-state" ? ", state tampered" : "";
  return `login at ${flow.start} ${who}${extra}${flow.browser ? ", in a browser" : ""}`;
}
function expected(r, flow) {
  const parts = [`callback ${flow.callbackStatus.text}`];
  if (flow.negative === "replay-callback") parts.push(`replay ${flow.replayStatus.text}`);
  if (flow.check !== void 0) parts.push(`${flow.check} ${r.scenario.expect.statusText}`);
  return parts.join("; ");
}
function oauthRowParts(r, flow) {
  const flag2 = flow.negative === void 0 ? "" : ` (${flow.negative})`;
  const steps = r.steps ?? [];
  return {
    name: `${r.scenario.name}${flag2}`,
    kind: `${flow.negative === "deny" ? "oauth, consent denied" : `oauth as ${flow.user}`}${flow.browser ? " (browser)" : ""}`,
    requests: String(steps.length),
    expected: expected(r, flow),
    statuses: steps.map((s) => s.status === void 0 ? "no response" : String(s.status)).join(" \u2192 ")
  };
}
function oauthFailureText(r, flow) {
  const s = r.scenario;
  const lines = [`oauth ${describe(flow)} (${s.source.file}:${s.source.line})`];
  if (r.error !== void 0) lines.push(r.error);
  for (const d of r.deliveries) {
    if (d.error !== void 0) lines.push(`  ${d.error}`);
    for (const m of d.mismatches) lines.push(`  ${m.what}: expected ${m.expected}, actual ${m.actual}`);
  }
  const steps = r.steps ?? [];
  if (steps.length > 0) {
    lines.push("requests:");
    for (const step of steps) {
      const status3 = step.status === void 0 ? "no response" : String(step.status);
      lines.push(
        `  ${step.step}: ${step.method ?? "GET"} ${step.request} -> ${status3}${step.location ? ` ${step.location}` : ""}`
      );
    }
  }
  const last = r.deliveries.find((d) => !d.passed);
  if (last && last.status !== void 0 && last.responseExcerpt !== "") {
    lines.push(`response: ${last.responseExcerpt}`);
  }
  if (r.screenshot) lines.push(`screenshot: ${r.screenshot}`);
  return lines.join("\n");
}

// src/scenarios/retry.ts
var S = 1e3;
var M = 60 * S;
var H = 60 * M;
var RETRY_SCHEDULES = {
  github: { waitsMs: Array.from({ length: 12 }, () => 6 * H), timeoutMs: 10 * S },
  stripe: { waitsMs: [5 * M, 25 * M, 90 * M, 2 * H, 4 * H, 8 * H, 8 * H, 24 * H, 24 * H] },
  svix: { waitsMs: [5 * S, 5 * M, 30 * M, 2 * H, 5 * H, 10 * H, 10 * H], timeoutMs: 15 * S },
  "standard-webhooks": { waitsMs: [5 * S, 5 * M, 30 * M, 2 * H, 5 * H, 10 * H, 10 * H], timeoutMs: 15 * S }
};
var MAX_RETRY_WAIT_MS = 10 * M;
function compressFactor(value) {
  if (value === void 0) return 1;
  return typeof value === "number" ? value : Number(value.replace(/x$/i, ""));
}
function formatWait(ms2) {
  if (ms2 < S) return `${Math.round(ms2)} ms`;
  if (ms2 < M) return `${Number((ms2 / S).toFixed(1))} s`;
  if (ms2 < H) return `${Number((ms2 / M).toFixed(1))} min`;
  return `${Number((ms2 / H).toFixed(1))} h`;
}
function retryPlan(schedule, compress, attempts) {
  const named = typeof schedule === "string" ? RETRY_SCHEDULES[schedule] : void 0;
  const waits = named ? named.waitsMs : schedule;
  const capped = attempts === void 0 ? waits : waits.slice(0, Math.max(0, attempts - 1));
  const delaysMs = capped.map((w) => w / compress);
  const total = delaysMs.reduce((sum, d) => sum + d, 0);
  const label = typeof schedule === "string" ? schedule : schedule.map(formatWait).join(", ");
  if (total > MAX_RETRY_WAIT_MS) {
    const raw = capped.reduce((sum, w) => sum + w, 0);
    const needed = Math.ceil(raw / MAX_RETRY_WAIT_MS);
    return {
      problem: `waits ${formatWait(total)} in all (${delaysMs.length} retries of ${label}${compress === 1 ? "" : ` compressed ${compress}x`}); at most ${formatWait(MAX_RETRY_WAIT_MS)}: compress at least ${needed}x (e.g. compress: ${10 ** Math.ceil(Math.log10(needed))}x) or set fewer attempts`
    };
  }
  return {
    policy: { schedule: label, compress, delaysMs, providerTimeoutMs: named?.timeoutMs }
  };
}

// src/scenarios/report-details.ts
var answer = (status3, error2) => status3 === void 0 ? `no answer (${error2 ?? "none"})` : String(status3);
function attemptsLine(d) {
  if (d.attempts === void 0 || d.attempts.length === 0) return void 0;
  const steps = d.attempts.map(
    (a) => a.attempt === 1 ? answer(a.status, a.error) : `${answer(a.status, a.error)} after ${formatWait(a.waitedMs)}`
  );
  const what = d.duplicate ? "the duplicate" : d.label !== void 0 ? d.label : `delivery ${d.index + 1}`;
  return `${what}: ${d.attempts.length} attempt${d.attempts.length === 1 ? "" : "s"}: ${steps.join(" \u2192 ")}`;
}
function followUpLine(f) {
  const outcome = f.passed ? "passed" : "FAILED";
  const reply = f.error !== void 0 ? f.error : answer(f.status, void 0);
  const polls = f.requests > 1 ? ` after ${f.requests} requests in ${formatWait(f.elapsedMs)}` : "";
  const why = f.mismatches.map((m) => `${m.what}: expected ${m.expected}, got ${m.actual}`).join("; ");
  return `then ${f.request} (line ${f.line}): ${outcome}, ${reply}${polls}${why ? `; ${why}` : ""}`;
}
function detailLines(r) {
  const s = r.scenario;
  const lines = [];
  if (s.expectDeliveries) {
    for (const d of r.deliveries) {
      lines.push(
        `GitHub delivered ${d.label ?? "?"}: ${answer(d.status, d.error)} in ${Math.round(d.latencyMs)} ms`
      );
    }
    return lines;
  }
  if (r.order) {
    const seed = r.order.mode === "shuffled" ? ` (seed ${r.order.seed}; add seed: ${r.order.seed} to replay it)` : "";
    lines.push(`sent ${r.order.mode}${seed}: ${r.order.sent.join(", ")}`);
  }
  const retry = s.behaviour?.retry;
  if (retry) {
    const compressed = retry.compress === 1 ? "" : ` compressed ${retry.compress}x`;
    lines.push(`retry: ${retry.schedule}${compressed}`);
  }
  for (const d of r.deliveries) {
    const attempts = attemptsLine(d);
    if (attempts !== void 0) lines.push(attempts);
    else if (d.duplicate)
      lines.push(`the duplicate of delivery ${d.index + 1}: ${answer(d.status, d.error)}`);
  }
  for (const f of r.followUps ?? []) lines.push(followUpLine(f));
  return lines;
}

// src/scenarios/runner.ts
var import_node_crypto2 = __toESM(require_crypto(), 1);

// src/scenarios/browser/screenshot.ts
var import_node_path2 = __toESM(require_path(), 1);
var MAX_SLUG = 60;
function slug(name) {
  const cut = name.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, MAX_SLUG).replace(/-+$/, "");
  return cut === "" ? "scenario" : cut;
}
function screenshotPaths(scenarios, near) {
  const dir = import_node_path2.default.dirname(near);
  const stem = import_node_path2.default.basename(near, import_node_path2.default.extname(near));
  const taken = /* @__PURE__ */ new Set();
  const paths = /* @__PURE__ */ new Map();
  for (const s of scenarios) {
    if (!s.oauth?.browser) continue;
    const base = slug(s.name);
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
    taken.add(name);
    paths.set(s, import_node_path2.default.join(dir, `${stem}.${name}.png`));
  }
  return paths;
}

// src/scenarios/json-path.ts
var STEP = /^(?:\.([A-Za-z_$][\w$-]*)|\[(-?\d+)\]|\["((?:[^"\\]|\\.)*)"\]|\['((?:[^'\\]|\\.)*)'\])/;
function parseJsonPath(path7) {
  let rest = path7.trim();
  if (!rest.startsWith("$")) return void 0;
  rest = rest.slice(1);
  const steps = [];
  while (rest !== "") {
    const m = STEP.exec(rest);
    if (!m) return void 0;
    if (m[1] !== void 0) steps.push(m[1]);
    else if (m[2] !== void 0) steps.push(Number(m[2]));
    else steps.push((m[3] ?? m[4] ?? "").replace(/\\(.)/g, "$1"));
    rest = rest.slice(m[0].length);
  }
  return steps;
}
var MISSING = /* @__PURE__ */ Symbol("missing");
function valueAt(root, steps) {
  let node2 = root;
  for (const step of steps) {
    if (typeof step === "number") {
      if (!Array.isArray(node2)) return MISSING;
      const index = step < 0 ? node2.length + step : step;
      if (index < 0 || index >= node2.length) return MISSING;
      node2 = node2[index];
    } else {
      if (node2 === null || typeof node2 !== "object" || Array.isArray(node2) || !Object.hasOwn(node2, step)) {
        return MISSING;
      }
      node2 = node2[step];
    }
  }
  return node2;
}
function jsonEqual(a, b) {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => jsonEqual(v, b[i]));
  }
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every(
    (k) => Object.hasOwn(b, k) && jsonEqual(a[k], b[k])
  );
}

// src/scenarios/template.ts
var PLACEHOLDER = /\$(\$?)\{([^}]*)\}/g;
var ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
var asIs = (value) => value;
var jsonString = (value) => JSON.stringify(value).slice(1, -1);
var formValue = (value) => encodeURIComponent(value);
var TemplateError = class extends Error {
  name = "TemplateError";
};
function badPlaceholder(text, captures = /* @__PURE__ */ new Set()) {
  for (const m of text.matchAll(PLACEHOLDER)) {
    if (m[1] === "$") continue;
    const expr = (m[2] ?? "").trim();
    if (expr === "preview.url") continue;
    if (expr.startsWith("env.") && ENV_NAME.test(expr.slice(4))) continue;
    if (expr.startsWith("capture.") && captures.has(expr.slice(8))) continue;
    return m[0];
  }
  return void 0;
}
function render(text, vars, escapeValue = asIs) {
  if (!text.includes("${")) return text;
  return text.replace(PLACEHOLDER, (whole, literal2, inner) => {
    if (literal2 === "$") return whole.slice(1);
    const expr = inner.trim();
    if (expr === "preview.url") return escapeValue(vars.previewUrl);
    if (expr.startsWith("capture.")) {
      const captured = vars.captures?.[expr.slice(8)];
      if (captured === void 0) throw new TemplateError(`${whole} has no captured value`);
      return escapeValue(captured);
    }
    const name = expr.slice(4);
    const value = vars.env[name];
    if (!expr.startsWith("env.") || value === void 0) {
      throw new TemplateError(
        expr.startsWith("env.") ? `\${env.${name}} is used but ${name} is not set` : `${whole} is not supported`
      );
    }
    return escapeValue(value);
  });
}
function renderJson(value, vars) {
  if (typeof value === "string") return render(value, vars);
  if (Array.isArray(value)) return value.map((v) => renderJson(v, vars));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [render(k, vars), renderJson(v, vars)]));
  }
  return value;
}
function jsonStrings(value, at = [], out = []) {
  if (typeof value === "string") out.push([at, value]);
  else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) jsonStrings(v, [...at, i], out);
  } else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      out.push([[...at, k], k]);
      jsonStrings(v, [...at, k], out);
    }
  }
  return out;
}

// src/scenarios/expect.ts
var EXCERPT_CHARS = 500;
var REDACTED_PREFIX_BYTES = 64 * 1024;
function excerpt(body2, redact = (text) => text) {
  const text = redact(body2.subarray(0, REDACTED_PREFIX_BYTES).toString("utf8"));
  return text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS)}\u2026` : text;
}
function headerText(value) {
  return Array.isArray(value) ? value.join(", ") : value;
}
function checkReply(expect, reply, vars) {
  const out = [];
  if (!statusAccepted(expect.status, reply.status)) {
    out.push({ what: "status", expected: expect.statusText, actual: String(reply.status) });
  }
  const text = reply.body.toString("utf8");
  for (const raw of expect.bodyContains) {
    const wanted = render(raw, vars);
    if (!text.includes(wanted)) {
      out.push({
        what: "body contains",
        expected: JSON.stringify(wanted),
        actual: JSON.stringify(excerpt(reply.body, vars.redact))
      });
    }
  }
  if (expect.json.length > 0) {
    let parsed = MISSING;
    try {
      parsed = JSON.parse(text);
    } catch {
    }
    for (const j of expect.json) {
      const expected2 = JSON.stringify(j.value);
      if (parsed === MISSING) {
        out.push({ what: `JSON ${j.path}`, expected: expected2, actual: "the body is not JSON" });
        continue;
      }
      const actual = valueAt(parsed, j.steps);
      if (actual === MISSING) out.push({ what: `JSON ${j.path}`, expected: expected2, actual: "(no such value)" });
      else if (!jsonEqual(actual, j.value))
        out.push({ what: `JSON ${j.path}`, expected: expected2, actual: JSON.stringify(actual) });
    }
  }
  for (const [name, wanted] of expect.headers) {
    const value = headerText(reply.headers[name]);
    if (wanted === true && value === void 0)
      out.push({ what: `header ${name}`, expected: "present", actual: "absent" });
    else if (wanted === false && value !== void 0) {
      out.push({ what: `header ${name}`, expected: "absent", actual: JSON.stringify(value) });
    } else if (typeof wanted === "string") {
      const needle = render(wanted, vars);
      if (value === void 0 || !value.toLowerCase().includes(needle.toLowerCase())) {
        out.push({
          what: `header ${name}`,
          expected: `contains ${JSON.stringify(needle)}`,
          actual: value === void 0 ? "absent" : JSON.stringify(value)
        });
      }
    }
  }
  if (expect.maxLatencyMs !== void 0 && reply.latencyMs > expect.maxLatencyMs) {
    out.push({
      what: "latency",
      expected: `at most ${expect.maxLatencyMs} ms`,
      actual: `${Math.round(reply.latencyMs)} ms`
    });
  }
  return out;
}

// src/scenarios/http.ts
var import_node_http = __toESM(require_http(), 1);
var import_node_https = __toESM(require_https(), 1);
var DeliveryError = class extends Error {
  name = "DeliveryError";
};
function agentsFor() {
  const h = new import_node_http.default.Agent({ keepAlive: true });
  const s = new import_node_https.default.Agent({ keepAlive: true });
  return {
    http: h,
    https: s,
    destroy() {
      h.destroy();
      s.destroy();
    }
  };
}
function send(url, options) {
  const target = new URL(url);
  const secure = target.protocol === "https:";
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const keep = options.keepBytes ?? 1024 * 1024;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const fail = (error2) => {
      if (timeout.aborted) reject(new DeliveryError(`no response within ${options.timeoutMs} ms`));
      else if (options.signal?.aborted) reject(new DeliveryError("cancelled"));
      else reject(new DeliveryError(error2.message));
    };
    const req = (secure ? import_node_https.default : import_node_http.default).request(
      target,
      {
        method: options.method,
        headers: { ...options.headers, "Content-Length": String(options.body.length) },
        agent: secure ? options.agents.https : options.agents.http,
        signal
      },
      (res) => {
        const chunks = [];
        let kept = 0;
        res.on("data", (chunk) => {
          if (kept < keep) {
            chunks.push(chunk);
            kept += chunk.length;
          }
        });
        res.on(
          "end",
          () => resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).subarray(0, keep),
            latencyMs: performance.now() - started
          })
        );
        res.on("error", fail);
      }
    );
    req.on("error", fail);
    req.end(options.body);
  });
}

// src/scenarios/signers/discord.ts
var signDiscordDelivery = (d) => ({
  url: d.url,
  body: d.body,
  headers: {
    "User-Agent": "Discord-Interactions/1.0 (+https://discord.com)",
    ...discord.sign({ body: d.body, url: d.url, nowSeconds: d.nowSeconds }, d.secret)
  }
});

// src/scenarios/signers/github.ts
var signGithubDelivery = (d) => ({
  url: d.url,
  body: d.body,
  headers: {
    "User-Agent": "GitHub-Hookshot/preview-tunnel",
    "X-GitHub-Event": d.event ?? "ping",
    "X-GitHub-Delivery": d.deliveryId,
    "X-GitHub-Hook-ID": "1",
    "X-GitHub-Hook-Installation-Target-Type": "repository",
    "X-GitHub-Hook-Installation-Target-ID": "1",
    ...github.sign({ body: d.body, url: d.url, nowSeconds: d.nowSeconds }, d.secret)
  }
});

// src/scenarios/signers/gitlab.ts
var signGitlabDelivery = (d) => ({
  url: d.url,
  body: d.body,
  headers: {
    "User-Agent": "GitLab/18.0.0",
    "X-Gitlab-Event": d.event ?? "Push Hook",
    "X-Gitlab-Event-UUID": d.deliveryId,
    "X-Gitlab-Webhook-UUID": "00000000-0000-4000-8000-000000000001",
    "X-Gitlab-Instance": "https://gitlab.example.com",
    ...gitlab.sign({ body: d.body, url: d.url, nowSeconds: d.nowSeconds }, d.secret)
  }
});

// src/scenarios/signers/linear.ts
function withWebhookTimestamp(body2, timestampMs) {
  let parsed;
  try {
    parsed = JSON.parse(body2.toString("utf8"));
  } catch {
    return body2;
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return body2;
  return Buffer.from(JSON.stringify({ ...parsed, webhookTimestamp: timestampMs }));
}
function entityType(body2) {
  try {
    const type = JSON.parse(body2.toString("utf8")).type;
    return typeof type === "string" ? type : void 0;
  } catch {
    return void 0;
  }
}
var signLinearDelivery = (d) => {
  const body2 = withWebhookTimestamp(d.body, d.nowSeconds * 1e3);
  return {
    url: d.url,
    body: body2,
    headers: {
      "User-Agent": "Linear-Webhook",
      "Linear-Delivery": d.deliveryId,
      "Linear-Event": d.event ?? entityType(body2) ?? "Issue",
      "Linear-Timestamp": String(d.nowSeconds * 1e3),
      ...linear.sign({ body: body2, url: d.url, nowSeconds: d.nowSeconds }, d.secret)
    }
  };
};

// src/scenarios/signers/paddle.ts
var signPaddleDelivery = (d) => ({
  url: d.url,
  body: d.body,
  headers: {
    "User-Agent": "Paddle",
    ...paddle.sign({ body: d.body, url: d.url, nowSeconds: d.nowSeconds }, d.secret)
  }
});

// src/scenarios/signers/pagerduty.ts
var signPagerdutyDelivery = (d) => ({
  url: d.url,
  body: d.body,
  headers: {
    "User-Agent": "PagerDuty-Webhook/V3.0",
    "X-Webhook-Id": d.deliveryId,
    "X-Webhook-Subscription": "PSUBSCR",
    ...pagerduty.sign({ body: d.body, url: d.url, nowSeconds: d.nowSeconds }, d.secret)
  }
});

// src/scenarios/signers/shopify.ts
var SHOPIFY_API_VERSION = "2025-07";
var signShopifyDelivery = (d) => ({
  url: d.url,
  body: d.body,
  headers: {
    "User-Agent": "Shopify-Captain-Hook",
    "X-Shopify-Topic": d.event ?? "orders/create",
    "X-Shopify-Shop-Domain": "preview-tunnel-test.myshopify.com",
    "X-Shopify-API-Version": SHOPIFY_API_VERSION,
    "X-Shopify-Webhook-Id": d.deliveryId,
    "X-Shopify-Event-Id": d.deliveryId,
    "X-Shopify-Triggered-At": new Date(d.nowSeconds * 1e3).toISOString(),
    ...shopify.sign({ body: d.body, url: d.url, nowSeconds: d.nowSeconds }, d.secret)
  }
});

// src/scenarios/signers/slack.ts
var signSlackDelivery = (d) => ({
  url: d.url,
  body: d.body,
  headers: {
    "User-Agent": "Slackbot 1.0 (+https://api.slack.com/robots)",
    ...slack.sign({ body: d.body, url: d.url, nowSeconds: d.nowSeconds }, d.secret)
  }
});

// src/scenarios/signers/square.ts
var signSquareDelivery = (d) => ({
  url: d.url,
  body: d.body,
  headers: {
    "User-Agent": "Square Connect v2",
    "Square-Version": "2025-07-16",
    "Square-Environment": "Sandbox",
    "Square-Initial-Delivery-Timestamp": new Date(d.nowSeconds * 1e3).toISOString(),
    "Square-Retry-Number": "0",
    ...square.sign({ body: d.body, url: d.url, nowSeconds: d.nowSeconds }, d.secret)
  }
});

// src/scenarios/signers/standard-webhooks.ts
var messageId = (d) => `msg_${d.deliveryId.replaceAll("-", "")}`;
var signStandardWebhooksDelivery = (d) => ({
  url: d.url,
  body: d.body,
  headers: standardWebhooks.sign(
    { body: d.body, url: d.url, nowSeconds: d.nowSeconds, headers: { "webhook-id": messageId(d) } },
    d.secret
  )
});
var signSvixDelivery = (d) => ({
  url: d.url,
  body: d.body,
  headers: {
    "User-Agent": "Svix-Webhooks/1.0",
    ...svix.sign(
      { body: d.body, url: d.url, nowSeconds: d.nowSeconds, headers: { "svix-id": messageId(d) } },
      d.secret
    )
  }
});

// src/scenarios/signers/stripe.ts
var signStripeDelivery = (d) => ({
  url: d.url,
  body: d.body,
  headers: {
    "User-Agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
    ...stripe.sign({ body: d.body, url: d.url, nowSeconds: d.nowSeconds }, d.secret)
  }
});

// src/scenarios/signers/twilio.ts
function isJson(contentType) {
  return /^application\/(?:[\w.+-]+\+)?json\b/i.test(contentType.trim());
}
var signTwilioDelivery = (d) => {
  let url = d.url;
  if (isJson(d.contentType) && !/[?&]bodySHA256=/.test(url)) {
    const parsed = new URL(url);
    parsed.searchParams.set("bodySHA256", "");
    url = parsed.href;
  }
  url = twilioUrl(url, d.body);
  return {
    url,
    body: d.body,
    headers: {
      "User-Agent": "TwilioProxy/1.1",
      "I-Twilio-Idempotency-Token": d.deliveryId,
      ...twilio.sign({ body: d.body, url, nowSeconds: d.nowSeconds }, d.secret)
    }
  };
};

// src/scenarios/signers/index.ts
var SCENARIO_PROVIDERS = WEBHOOK_PROVIDERS;
var PROVIDERS = {
  github: {
    signatureHeader: "x-hub-signature-256",
    signsBody: true,
    sign: signGithubDelivery,
    timestamped: false,
    eventHeader: "X-GitHub-Event",
    eventRequired: true,
    key: "secret",
    secretName: "webhook secret"
  },
  stripe: {
    signatureHeader: "stripe-signature",
    signsBody: true,
    sign: signStripeDelivery,
    timestamped: true,
    key: "secret",
    secretName: "signing secret (whsec_...)"
  },
  slack: {
    signatureHeader: "x-slack-signature",
    signsBody: true,
    sign: signSlackDelivery,
    timestamped: true,
    key: "secret",
    secretName: "signing secret"
  },
  shopify: {
    signatureHeader: "x-shopify-hmac-sha256",
    signsBody: true,
    sign: signShopifyDelivery,
    timestamped: false,
    eventHeader: "X-Shopify-Topic",
    eventRequired: true,
    key: "secret",
    secretName: "app client secret"
  },
  twilio: {
    signatureHeader: "x-twilio-signature",
    signsBody: true,
    sign: signTwilioDelivery,
    timestamped: false,
    key: "secret",
    secretName: "auth token"
  },
  "standard-webhooks": {
    signatureHeader: "webhook-signature",
    signsBody: true,
    sign: signStandardWebhooksDelivery,
    timestamped: true,
    key: "secret",
    secretName: "signing secret (whsec_...)"
  },
  svix: {
    signatureHeader: "svix-signature",
    signsBody: true,
    sign: signSvixDelivery,
    timestamped: true,
    key: "secret",
    secretName: "signing secret (whsec_...)"
  },
  pagerduty: {
    signatureHeader: "x-pagerduty-signature",
    signsBody: true,
    sign: signPagerdutyDelivery,
    timestamped: false,
    key: "secret",
    secretName: "webhook secret"
  },
  gitlab: {
    signatureHeader: "x-gitlab-token",
    signsBody: false,
    sign: signGitlabDelivery,
    timestamped: false,
    eventHeader: "X-Gitlab-Event",
    eventRequired: true,
    key: "secret",
    secretName: "secret token"
  },
  linear: {
    signatureHeader: "linear-signature",
    signsBody: true,
    sign: signLinearDelivery,
    timestamped: true,
    eventHeader: "Linear-Event",
    key: "secret",
    secretName: "webhook signing secret"
  },
  square: {
    signatureHeader: "x-square-hmacsha256-signature",
    signsBody: true,
    sign: signSquareDelivery,
    timestamped: false,
    key: "secret",
    secretName: "signature key"
  },
  // Discord signs a timestamp but its verifier checks no tolerance; an offset is still allowed.
  discord: {
    signatureHeader: "x-signature-ed25519",
    signsBody: true,
    sign: signDiscordDelivery,
    timestamped: true,
    key: "ed25519",
    secretName: "public key"
  },
  paddle: {
    signatureHeader: "paddle-signature",
    signsBody: true,
    sign: signPaddleDelivery,
    timestamped: true,
    key: "secret",
    secretName: "secret key"
  }
};
var TIMESTAMPED_PROVIDERS = SCENARIO_PROVIDERS.filter((p) => PROVIDERS[p].timestamped);

// src/scenarios/tamper.ts
function nextInClass(code) {
  const c = String.fromCharCode(code);
  if (c === "9") return "0".charCodeAt(0);
  if (c === "f") return "a".charCodeAt(0);
  if (c === "F") return "A".charCodeAt(0);
  if (c === "z") return "a".charCodeAt(0);
  if (c === "Z") return "A".charCodeAt(0);
  return code + 1;
}
var isAlnum = (code) => code >= 48 && code <= 57 || code >= 65 && code <= 90 || code >= 97 && code <= 122;
function tamperBytes(bytes) {
  const out = Buffer.from(bytes);
  if (out.length === 0) return out;
  const middle = Math.floor(out.length / 2);
  for (const start of [middle, 0]) {
    for (let i = start; i < out.length; i++) {
      const code = out[i];
      if (isAlnum(code)) {
        out[i] = nextInClass(code);
        return out;
      }
    }
  }
  out[middle] = out[middle] ^ 1;
  return out;
}
function tamper(provider, signed) {
  const spec = PROVIDERS[provider];
  if (spec.signsBody && signed.body.length > 0) return { ...signed, body: tamperBytes(signed.body) };
  const headers = { ...signed.headers };
  const name = Object.keys(headers).find((h) => h.toLowerCase() === spec.signatureHeader);
  if (name !== void 0) {
    const value = Buffer.from(headers[name] ?? "");
    if (value.length > 0) value[value.length - 1] = nextInClass(value[value.length - 1]);
    headers[name] = value.toString();
  }
  return { ...signed, headers };
}

// src/scenarios/delivery.ts
function mergeHeaders(...sets) {
  const byLower = /* @__PURE__ */ new Map();
  for (const set of sets)
    for (const [name, value] of Object.entries(set)) byLower.set(name.toLowerCase(), [name, value]);
  return Object.fromEntries(byLower.values());
}
var accepted = (status3) => status3 !== void 0 && status3 >= 200 && status3 < 300;
function pause(ms2, signal) {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms2);
    signal?.addEventListener("abort", done, { once: true });
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
  });
}
async function sendDelivery(s, p, unit, deliveryId, index, run, check, clock, duplicate = false) {
  const retry = s.behaviour?.retry;
  const delays = retry?.delaysMs ?? [];
  const timeoutMs = s.timeoutMs ?? retry?.providerTimeoutMs ?? run.timeoutMs;
  const attempts = [];
  let reply;
  let error2;
  for (let i = 0; i <= delays.length; i++) {
    const waitedMs = i === 0 ? 0 : delays[i - 1];
    if (i > 0) await pause(waitedMs, run.signal);
    if (run.signal?.aborted && i > 0) break;
    const now = Math.floor(Date.now() / 1e3 + s.timestampOffsetSeconds);
    const later = clock.lastSeconds === void 0 ? now : Math.max(now, clock.lastSeconds + 1);
    const nowSeconds = later <= now + 1 ? later : now;
    clock.lastSeconds = nowSeconds;
    let signed = PROVIDERS[s.provider].sign({
      url: p.url,
      body: unit.body,
      contentType: unit.contentType,
      nowSeconds,
      event: unit.event,
      deliveryId,
      secret: p.secret
    });
    if (s.tamper) signed = tamper(s.provider, signed);
    const headers = mergeHeaders({ "Content-Type": unit.contentType }, signed.headers, p.headers);
    try {
      reply = await send(signed.url, {
        method: s.method,
        headers,
        body: signed.body,
        agents: run.agents,
        timeoutMs,
        ...run.signal ? { signal: run.signal } : {}
      });
      error2 = void 0;
    } catch (e) {
      reply = void 0;
      error2 = errorMessage(e);
    }
    attempts.push({
      attempt: i + 1,
      waitedMs,
      status: reply?.status,
      latencyMs: reply?.latencyMs ?? 0,
      error: error2
    });
    if (accepted(reply?.status)) break;
  }
  const common = {
    index,
    ...unit.label === void 0 ? {} : { label: unit.label },
    ...duplicate ? { duplicate: true } : {},
    ...retry ? { attempts } : {}
  };
  if (reply === void 0) {
    return {
      result: {
        ...common,
        passed: false,
        status: void 0,
        latencyMs: 0,
        mismatches: [],
        error: error2,
        responseExcerpt: ""
      },
      reply
    };
  }
  const mismatches = check(reply);
  return {
    result: {
      ...common,
      passed: mismatches.length === 0,
      status: reply.status,
      latencyMs: reply.latencyMs,
      mismatches,
      error: void 0,
      responseExcerpt: excerpt(reply.body, p.vars.redact)
    },
    reply
  };
}
function duplicateCheck(expectation, first, vars) {
  if (expectation !== "same-status") return (reply) => checkReply(expectation, reply, vars);
  return (reply) => reply.status === first.status ? [] : [
    {
      what: "duplicate status",
      expected: `${first.status ?? "an answer"} (as the first delivery)`,
      actual: String(reply.status)
    }
  ];
}

// src/scenarios/expect-deliveries.ts
var FIRST_PAUSE_MS = 250;
var MAX_PAUSE_MS = 5e3;
var MAX_LOOKS = 500;
var matches = (want, d) => d.event === want.event && (want.action === void 0 || d.action === want.action);
function latestPerGuid(log) {
  const seen = /* @__PURE__ */ new Set();
  return log.filter((d) => !seen.has(d.guid) && seen.add(d.guid));
}
function asResult(d, index, spec) {
  const reached = d.statusCode !== 0;
  const ok = reached && statusAccepted(spec.status, d.statusCode);
  return {
    index,
    passed: ok,
    status: reached ? d.statusCode : void 0,
    latencyMs: d.durationMs,
    mismatches: ok || !reached ? [] : [{ what: "status", expected: spec.statusText, actual: `${d.statusCode} (${d.status})` }],
    error: reached ? void 0 : `GitHub could not deliver it: ${d.status}`,
    responseExcerpt: "",
    label: d.action === void 0 ? d.event : `${d.event}.${d.action}`
  };
}
async function checkGithubDeliveries(spec, log, signal, pollMs = FIRST_PAUSE_MS) {
  if (log === void 0) {
    return {
      deliveries: [],
      error: "expect-deliveries needs the run's temporary GitHub webhook (github-webhook), and this run has none"
    };
  }
  const unsubscribed = spec.events.filter((e) => !log.events.includes(e.event) && !log.events.includes("*"));
  if (unsubscribed.length > 0) {
    return {
      deliveries: [],
      error: `the webhook is not subscribed to ${unsubscribed.map((e) => e.event).join(", ")} (it gets ${log.events.join(", ")}); add them to github-webhook`
    };
  }
  const deadline = performance.now() + spec.withinMs;
  let wait = pollMs;
  let latest = [];
  for (let look = 0; look < MAX_LOOKS; look++) {
    try {
      latest = latestPerGuid(await log.list());
    } catch (error2) {
      return { deliveries: [], error: `could not read the webhook's deliveries: ${errorMessage(error2)}` };
    }
    const named = latest.filter((d) => spec.events.some((e) => matches(e, d)));
    const results = named.map((d, i) => asResult(d, i, spec));
    const failed = results.find((r) => !r.passed);
    const missing = spec.events.filter((e) => !named.some((d, i) => matches(e, d) && results[i]?.passed));
    if (failed !== void 0 || missing.length === 0)
      return { deliveries: results.reverse(), error: void 0 };
    if (signal?.aborted || performance.now() + wait > deadline) {
      const seen = [
        ...new Set(latest.map((d) => d.action === void 0 ? d.event : `${d.event}.${d.action}`))
      ];
      return {
        deliveries: results.reverse(),
        error: `GitHub delivered no ${missing.map((e) => e.label).join(", ")} within ${spec.withinMs / 1e3} s (the webhook got: ${seen.length > 0 ? seen.join(", ") : "nothing"})`
      };
    }
    await pause(wait, signal);
    wait = Math.min(wait * 1.5, MAX_PAUSE_MS);
  }
  return { deliveries: [], error: "gave up reading the webhook's deliveries" };
}

// src/scenarios/follow-up.ts
var FIRST_PAUSE_MS2 = 100;
var MAX_PAUSE_MS2 = 1e3;
var MAX_REQUESTS = 1e3;
function parse(bytes) {
  if (bytes === void 0) return MISSING;
  try {
    return JSON.parse(bytes.toString("utf8"));
  } catch {
    return MISSING;
  }
}
function takeCaptures(followUp, source) {
  const values = {};
  const sent = parse(source.sent);
  const response = parse(source.response);
  for (const c of followUp.captures) {
    const root = c.from === "body" ? sent : response;
    const where = c.from === "body" ? "the sent body" : "the app's first answer";
    if (root === MISSING) return { error: `capture ${c.name}: ${where} is not JSON` };
    const value = valueAt(root, c.steps);
    if (value === MISSING || value === null)
      return { error: `capture ${c.name}: ${c.path} is not in ${where}` };
    values[c.name] = typeof value === "string" ? value : JSON.stringify(value);
  }
  return { values };
}
async function poll(request, ctx, vars) {
  const path7 = render(request.path, vars);
  const line = `${request.method} ${path7}`;
  const headers = {};
  for (const [name, value] of request.headers) headers[name] = render(value, vars);
  const auth = request.sendAuth && ctx.authHeader ? { Authorization: ctx.authHeader } : {};
  const url = ctx.baseUrl.replace(/\/+$/, "") + path7;
  const started = performance.now();
  const deadline = started + (request.eventuallyMs ?? 0);
  const limit = request.eventuallyMs === void 0 ? 1 : MAX_REQUESTS;
  let wait = FIRST_PAUSE_MS2;
  let reply;
  let mismatches = [];
  let error2;
  let requests = 0;
  while (requests < limit) {
    requests++;
    try {
      reply = await send(url, {
        method: request.method,
        headers: mergeHeaders(headers, auth),
        body: Buffer.alloc(0),
        agents: ctx.agents,
        timeoutMs: ctx.timeoutMs,
        ...ctx.signal ? { signal: ctx.signal } : {}
      });
      error2 = void 0;
      mismatches = checkReply(request.expect, reply, vars);
      if (mismatches.length === 0) break;
    } catch (e) {
      reply = void 0;
      error2 = errorMessage(e);
    }
    if (ctx.signal?.aborted || performance.now() + wait > deadline) break;
    await pause(wait, ctx.signal);
    wait = Math.min(wait * 1.5, MAX_PAUSE_MS2);
  }
  return {
    request: line,
    line: request.line,
    passed: error2 === void 0 && reply !== void 0 && mismatches.length === 0,
    status: reply?.status,
    requests,
    elapsedMs: performance.now() - started,
    mismatches: reply === void 0 ? [] : mismatches,
    error: error2,
    responseExcerpt: reply === void 0 ? "" : excerpt(reply.body, vars.redact)
  };
}
async function runFollowUp(followUp, ctx, source) {
  const captured = takeCaptures(followUp, source);
  const results = [];
  for (const request of followUp.then) {
    if ("error" in captured) {
      results.push({
        request: `${request.method} ${request.path}`,
        line: request.line,
        passed: false,
        status: void 0,
        requests: 0,
        elapsedMs: 0,
        mismatches: [],
        error: captured.error,
        responseExcerpt: ""
      });
      continue;
    }
    if (ctx.signal?.aborted) break;
    try {
      results.push(await poll(request, ctx, { ...ctx.vars, captures: captured.values }));
    } catch (error2) {
      results.push({
        request: `${request.method} ${request.path}`,
        line: request.line,
        passed: false,
        status: void 0,
        requests: 0,
        elapsedMs: 0,
        mismatches: [],
        error: errorMessage(error2),
        responseExcerpt: ""
      });
    }
  }
  return results;
}

// src/scenarios/oauth/browser-run.ts
var import_node_fs2 = __toESM(require_fs(), 1);
var import_node_path3 = __toESM(require_path(), 1);

// src/scenarios/browser/playwright.ts
var PACKAGE = "playwright-core";
var CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync"
];
async function loadChromium(dir = vendoredDir(PACKAGE)) {
  let from = dir ?? PACKAGE;
  try {
    const loaded = await loadVendored(dir, PACKAGE);
    from = loaded.from;
    const chromium = loaded.module.chromium;
    if (typeof chromium?.launch !== "function") throw new Error("it has no chromium.launch()");
    return { chromium, from };
  } catch (error2) {
    throw new Error(`playwright-core could not be loaded from ${from}: ${error2.message}`);
  }
}
var BrowserCancelled = class extends Error {
  constructor() {
    super("cancelled");
    this.name = "BrowserCancelled";
  }
};
async function withChromium(options, use) {
  const { chromium, from } = await (options.load ?? loadChromium)();
  if (options.signal?.aborted) throw new BrowserCancelled();
  const env = {};
  for (const [name, value] of Object.entries(options.env)) if (value !== void 0) env[name] = value;
  const browser = await chromium.launch({
    executablePath: options.executablePath,
    headless: true,
    args: [...CHROMIUM_ARGS],
    env,
    timeout: options.timeoutMs,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false
  });
  const close = () => browser.close().catch(() => void 0);
  options.signal?.addEventListener("abort", close, { once: true });
  try {
    if (options.signal?.aborted) throw new BrowserCancelled();
    return await use(browser, from);
  } finally {
    options.signal?.removeEventListener("abort", close);
    await close();
  }
}

// src/scenarios/browser/sign-in.ts
function basicChallengeOptions(authHeader, origin) {
  const encoded = authHeader === void 0 ? void 0 : /^Basic\s+(\S+)$/i.exec(authHeader)?.[1];
  if (encoded === void 0) return {};
  const decoded = Buffer.from(encoded, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return {};
  return {
    httpCredentials: { username: decoded.slice(0, colon), password: decoded.slice(colon + 1), origin }
  };
}
async function signInToGate(context, loginUrl) {
  let reply;
  try {
    reply = await context.request.get(loginUrl, { maxRedirects: 0, failOnStatusCode: false });
  } catch (error2) {
    const message = error2.message.split("\n")[0]?.replace(/token=[^\s&]+/g, "token=redacted");
    throw new Error(`the gate's login link (${LOGIN_PATH}) could not be opened: ${message}`);
  }
  try {
    if (reply.status() !== 303) {
      throw new Error(`the gate's login link (${LOGIN_PATH}) answered ${reply.status()}, not 303`);
    }
  } finally {
    await reply.dispose();
  }
}

// src/scenarios/oauth/checks.ts
var IDP_PATH = IDP_MOUNT_PATH;
var LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\]|0\.0\.0\.0|\[::\])$/i;
function endpoints(baseUrl) {
  const base = baseUrl.replace(/\/+$/, "");
  return { base, origin: new URL(base).origin, authorize: `${base}${IDP_PATH}/authorize` };
}
function shown(url, origin) {
  const copy = new URL(url.href);
  for (const [name, value] of copy.searchParams) {
    if (value.length > 16 && name !== "redirect_uri") copy.searchParams.set(name, `${value.slice(0, 8)}\u2026`);
  }
  const text = copy.origin === origin ? copy.pathname + copy.search : copy.href;
  return decodeURIComponent(text);
}
function notSentToProvider(flow, at, actual) {
  return {
    what: `GET ${flow.start}`,
    expected: `a redirect (3xx) to the identity provider ${at.authorize}`,
    actual
  };
}
function checkAuthorizationRequest(flow, authorize, at) {
  const mismatches = [];
  if (authorize.origin + authorize.pathname !== at.authorize) {
    mismatches.push({
      what: `GET ${flow.start} redirect`,
      expected: `to the preview's identity provider ${at.authorize}`,
      actual: `${authorize.origin}${authorize.pathname} (is OIDC_ISSUER passed on to the app?)`
    });
    return { mismatches, state: void 0, redirectUri: void 0 };
  }
  const params = authorize.searchParams;
  const redirectUri = params.get("redirect_uri");
  const redirect = redirectUri && URL.canParse(redirectUri) ? new URL(redirectUri) : void 0;
  const wantedRedirect = `${at.origin}${flow.redirectPath ?? redirect?.pathname ?? "/auth/callback"}`;
  if (!redirectUri || !redirect) {
    mismatches.push({
      what: "redirect_uri",
      expected: `a URL on the public URL, ${wantedRedirect}`,
      actual: redirectUri ? JSON.stringify(redirectUri) : "absent"
    });
  } else if (redirect.origin !== at.origin) {
    const local = LOOPBACK.test(redirect.hostname);
    mismatches.push({
      what: "redirect_uri",
      expected: `on the public URL, ${wantedRedirect}`,
      actual: local ? `${redirectUri}: a localhost redirect URI (the classic bug: the app builds it from the address it listens on or the request's Host; behind the tunnel it must be the public URL, e.g. from OIDC_REDIRECT_URI)` : `${redirectUri}: not on the public URL ${at.origin} (the provider accepts only the registered redirect URIs)`
    });
  } else if (flow.redirectPath !== void 0 && redirect.pathname !== flow.redirectPath) {
    mismatches.push({ what: "redirect_uri path", expected: flow.redirectPath, actual: redirect.pathname });
  }
  const state = params.get("state");
  if (!state) {
    mismatches.push({
      what: "state",
      expected: "a state in the authorization request (it ties the callback to this browser: CSRF protection)",
      actual: "absent"
    });
  }
  const challenge = params.get("code_challenge");
  const method = params.get("code_challenge_method");
  if (!challenge) {
    mismatches.push({
      what: "PKCE",
      expected: "code_challenge with code_challenge_method=S256",
      actual: "no code_challenge"
    });
  } else if (method !== "S256") {
    mismatches.push({
      what: "PKCE code_challenge_method",
      expected: "S256",
      actual: method === null ? "absent (that is plain)" : JSON.stringify(method)
    });
  }
  return { mismatches, state: state || void 0, redirectUri: redirectUri ?? void 0 };
}
function pageText(html, redact = (text) => text) {
  return redact(
    html.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/gi, " ").replace(/<[^>]*>/g, " ").replace(/\s+/g, " ").trim()
  ).slice(0, 300);
}
function notSentBack(redirectUri, status3, html, redact) {
  return {
    what: "identity provider",
    expected: `a redirect back to ${redirectUri ?? "the redirect_uri"}`,
    actual: `${status3}: ${pageText(html, redact)}`
  };
}
function providerError(flow, callback) {
  const error2 = callback.searchParams.get("error");
  if (flow.negative === "deny" || error2 === null) return void 0;
  const description = callback.searchParams.get("error_description");
  return {
    what: "identity provider",
    expected: `a code for ${flow.user}`,
    actual: `error=${error2}${description ? ` (${description})` : ""}`
  };
}
var refusedFlow = (flow) => flow.negative === "deny" || flow.negative === "tamper-state";
function callbackMismatch(flow, status3) {
  if (statusAccepted(flow.callbackStatus.ranges, status3)) return void 0;
  const what = flow.negative === "deny" ? "callback after denied consent: status" : flow.negative === "tamper-state" ? "callback with a wrong state: status" : "callback status";
  const hint = refusedFlow(flow) ? " (the app did not refuse it)" : "";
  return { what, expected: flow.callbackStatus.text, actual: `${status3}${hint}` };
}
function replayMismatch(flow, status3) {
  if (statusAccepted(flow.replayStatus.ranges, status3)) return void 0;
  return {
    what: "replayed callback: status",
    expected: flow.replayStatus.text,
    actual: `${status3} (the app accepted the same callback twice)`
  };
}
function sessionMismatches(s, flow, reply, vars) {
  const label = `GET ${flow.check}${refusedFlow(flow) ? " (no session expected)" : ""}`;
  return checkReply(s.expect, reply, vars).map((m) => ({ ...m, what: `${label}: ${m.what}` }));
}

// src/scenarios/oauth/browser-steps.ts
var sameEndpoint = (a, b) => a.origin === b.origin && a.pathname === b.pathname;
var NavigationLog = class {
  constructor(page, at) {
    this.page = page;
    this.at = at;
    page.on("request", (request) => {
      if (!this.topLevel(request) || this.authorization) return;
      const url = new URL(request.url());
      if (url.origin !== at.origin || url.origin + url.pathname === at.authorize) this.authorization = url;
    });
    page.on("response", (response) => {
      const request = response.request();
      if (!this.topLevel(request)) return;
      const url = new URL(response.url());
      const step = this.name(request, url);
      if (step === "callback") this.callback = { url, response };
      const location = response.status() >= 300 && response.status() < 400 && response.headers().location;
      this.steps.push({
        step,
        method: request.method(),
        request: shown(url, at.origin),
        status: response.status(),
        location: location ? shown(new URL(location, url), at.origin) : void 0
      });
      this.last = response;
    });
    page.on("requestfailed", (request) => {
      if (!this.topLevel(request)) return;
      const url = new URL(request.url());
      this.steps.push({
        step: this.name(request, url),
        method: request.method(),
        request: shown(url, at.origin),
        status: void 0,
        location: void 0
      });
    });
  }
  page;
  at;
  steps = [];
  /** The first top-level request to the provider's /authorize, or away from the preview. */
  authorization;
  /** The app's answer to the provider's redirect back. */
  callback;
  /** The last top-level response. */
  last;
  phase = "start";
  phaseNamed = false;
  /** Names the next responses: the first one of the phase gets its name, later ones "redirect". */
  enter(phase) {
    this.phase = phase;
    this.phaseNamed = false;
  }
  /** The redirect_uri of the authorization request, when it has one that parses. */
  redirectUri() {
    const raw = this.authorization?.searchParams.get("redirect_uri");
    return raw && URL.canParse(raw) ? new URL(raw) : void 0;
  }
  topLevel(request) {
    return request.isNavigationRequest() && request.frame() === this.page.mainFrame();
  }
  name(request, url) {
    if (url.origin === this.at.origin && url.pathname === `${IDP_PATH}/login` && request.method() === "POST")
      return "login";
    if (url.origin + url.pathname === this.at.authorize) return "authorize";
    const redirect = this.redirectUri();
    if (!this.callback && redirect && sameEndpoint(url, redirect)) return "callback";
    if (this.phaseNamed) return "redirect";
    this.phaseNamed = true;
    return this.phase;
  }
};

// src/scenarios/oauth/browser-run.ts
var firstLine = (error2) => errorMessage(error2).split("\n")[0]?.trim() ?? "";
var bodyOf = (response) => (
  // A redirect has no body to read.
  response ? response.body().catch(() => Buffer.alloc(0)) : Promise.resolve(Buffer.alloc(0))
);
async function runBrowserFlow(s, flow, options) {
  const login = new BrowserLogin(s, flow, options, endpoints(options.baseUrl));
  const timeoutMs = s.timeoutMs ?? options.timeoutMs;
  try {
    await withChromium(
      {
        executablePath: options.executablePath,
        env: options.env,
        timeoutMs,
        signal: options.signal,
        ...options.load ? { load: options.load } : {}
      },
      (browser, from) => login.run(browser, from, timeoutMs)
    );
  } catch (error2) {
    login.error ??= options.signal?.aborted ? "cancelled" : `the browser ${options.executablePath} could not be started: ${firstLine(error2)}`;
  }
  return login.outcome();
}
var BrowserLogin = class {
  constructor(s, flow, options, at) {
    this.s = s;
    this.flow = flow;
    this.options = options;
    this.at = at;
  }
  s;
  flow;
  options;
  at;
  error;
  mismatches = [];
  failedExcerpt;
  log;
  latencyMs = 0;
  screenshot;
  step = "start";
  async run(browser, from, timeoutMs) {
    this.options.logger?.info(
      `Scenario "${this.s.name}": browser ${this.options.executablePath} ${browser.version()}, driven by playwright-core from ${from}`
    );
    let page;
    try {
      this.step = "sign-in";
      const context = await browser.newContext(
        basicChallengeOptions(this.options.authHeader, this.at.origin)
      );
      context.setDefaultTimeout(timeoutMs);
      page = await context.newPage();
      this.log = new NavigationLog(page, this.at);
      if (this.options.authHeader !== void 0 && this.options.loginUrl)
        await signInToGate(context, this.options.loginUrl());
      await this.drive(page);
    } catch (error2) {
      this.error = this.options.signal?.aborted ? "cancelled" : `in the browser, at step ${this.step}: ${firstLine(error2)}`;
    } finally {
      if (page) await this.finish(page);
    }
  }
  outcome() {
    return {
      mismatches: this.mismatches,
      steps: this.log?.steps ?? [],
      error: this.error,
      status: this.log?.last?.status(),
      responseExcerpt: this.failedExcerpt ?? "",
      latencyMs: this.latencyMs,
      ...this.screenshot ? { screenshot: this.screenshot } : {}
    };
  }
  fail(m, body2) {
    if (m === void 0) return;
    this.mismatches.push(m);
    if (this.failedExcerpt === void 0 && body2 !== void 0)
      this.failedExcerpt = excerpt(Buffer.from(body2), this.options.vars.redact);
  }
  /** Runs one browser action of a step, timing it. */
  async timed(step, action) {
    this.step = step;
    this.log?.enter(step);
    const started = performance.now();
    try {
      return await action();
    } finally {
      this.latencyMs += performance.now() - started;
    }
  }
  async drive(page) {
    const { flow, at } = this;
    const log = this.log;
    try {
      await this.timed("start", () => page.goto(at.base + flow.start));
    } catch (error2) {
      if (!log.authorization) throw error2;
    }
    const authorization = log.authorization;
    if (!authorization) {
      const status3 = log.last ? ` (${log.last.status()})` : "";
      this.fail(
        notSentToProvider(
          flow,
          at,
          `the browser stayed at ${shown(new URL(page.url()), at.origin)}${status3}`
        ),
        await bodyOf(log.last)
      );
      return;
    }
    const request = checkAuthorizationRequest(flow, authorization, at);
    for (const m of request.mismatches) this.fail(m);
    if (this.mismatches.length > 0 || !request.state) return;
    const button = await this.choose(page);
    if (!button) return;
    const before = page.url();
    await this.timed(
      "login",
      () => Promise.all([page.waitForURL((url) => url.href !== before), button.click()])
    );
    const callback = log.callback;
    if (!callback) {
      this.fail(
        notSentBack(
          request.redirectUri,
          log.last?.status() ?? 0,
          await page.content(),
          this.options.vars.redact
        )
      );
      return;
    }
    const refusal = providerError(flow, callback.url);
    if (refusal) {
      this.fail(refusal);
      return;
    }
    this.fail(callbackMismatch(flow, callback.response.status()), await bodyOf(callback.response));
    if (flow.check !== void 0) {
      const started = performance.now();
      const response = await this.timed("check", () => page.goto(at.base + flow.check));
      if (!response) throw new Error(`no response to GET ${flow.check}`);
      const body2 = await response.body();
      const reply = {
        status: response.status(),
        headers: response.headers(),
        body: body2,
        latencyMs: performance.now() - started
      };
      for (const m of sessionMismatches(this.s, flow, reply, this.options.vars)) this.fail(m, body2);
    }
  }
  /** The login page's button for the scenario's user (its sub, or the email it shows), or Deny. */
  async choose(page) {
    const { flow } = this;
    const status3 = this.log?.last?.status() ?? 0;
    if (flow.negative === "deny") {
      const deny = page.locator('form button[name="deny"]');
      if (await deny.count() > 0) return deny.first();
      this.fail({
        what: "login page",
        expected: "a Deny button",
        actual: `${status3}: ${pageText(await page.content(), this.options.vars.redact)}`
      });
      return void 0;
    }
    const users = page.locator('form button[name="user"]');
    const offered = [];
    const count = await users.count();
    for (let i = 0; i < count; i++) {
      const button = users.nth(i);
      const sub = await button.getAttribute("value") ?? "";
      const detail = await button.locator(".muted").textContent() ?? "";
      if (sub === flow.user || detail.split("\xB7").some((part) => part.trim() === flow.user)) return button;
      offered.push(sub);
    }
    this.fail({
      what: "login page",
      expected: `a button for the test user ${flow.user}`,
      actual: offered.length > 0 ? `only ${offered.join(", ")} (idp-users)` : `${status3}: ${pageText(await page.content(), this.options.vars.redact)}`
    });
    return void 0;
  }
  /** The PNG of the last page, and its text (not its markup) for a failure that has none yet. */
  async finish(page) {
    if (this.failedExcerpt === void 0 && this.mismatches.length > 0) {
      const html = await page.content().catch(() => void 0);
      if (html !== void 0) this.failedExcerpt = pageText(html, this.options.vars.redact);
    }
    const file = this.options.screenshot;
    try {
      (0, import_node_fs2.mkdirSync)(import_node_path3.default.dirname(file), { recursive: true });
      await page.screenshot({ path: file, fullPage: true });
      this.screenshot = file;
    } catch (error2) {
      if (!this.options.signal?.aborted)
        this.options.logger?.warning(`No screenshot of scenario "${this.s.name}": ${firstLine(error2)}`);
    }
  }
};

// src/scenarios/oauth/jar.ts
var CookieJar = class {
  cookies = /* @__PURE__ */ new Map();
  /** Takes the Set-Cookie headers of a response. */
  store(setCookie) {
    const lines = setCookie === void 0 ? [] : typeof setCookie === "string" ? [setCookie] : setCookie;
    for (const line of lines) {
      const [pair = "", ...attributes2] = line.split(";");
      const eq = pair.indexOf("=");
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      let expired = false;
      for (const attribute of attributes2) {
        const [key = "", raw = ""] = attribute.split("=", 2).map((part) => part.trim());
        if (key.toLowerCase() === "max-age" && Number(raw) <= 0) expired = true;
        if (key.toLowerCase() === "expires" && Date.parse(raw) <= Date.now()) expired = true;
      }
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  /** The Cookie header value, or undefined when the jar is empty. */
  header() {
    if (this.cookies.size === 0) return void 0;
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
  names() {
    return [...this.cookies.keys()];
  }
};

// src/scenarios/oauth/run.ts
var MAX_APP_REDIRECTS = 5;
var Client = class {
  constructor(options, origin, timeoutMs) {
    this.options = options;
    this.origin = origin;
    this.timeoutMs = timeoutMs;
  }
  options;
  origin;
  timeoutMs;
  jar = new CookieJar();
  steps = [];
  latencyMs = 0;
  last;
  /** GET like a browser: the jar's cookies, and the gate's credentials unless it is the provider. */
  async get(step, url) {
    const headers = {};
    const sameOrigin = url.origin === this.origin;
    const cookie = sameOrigin ? this.jar.header() : void 0;
    if (cookie) headers.Cookie = cookie;
    if (sameOrigin && this.options.authHeader && !url.pathname.startsWith(IDP_PATH)) {
      headers.Authorization = this.options.authHeader;
    }
    const request = shown(url, this.origin);
    let reply;
    try {
      reply = await send(url.href, {
        method: "GET",
        headers,
        body: Buffer.alloc(0),
        agents: this.options.agents,
        timeoutMs: this.timeoutMs,
        ...this.options.signal ? { signal: this.options.signal } : {}
      });
    } catch (error2) {
      this.steps.push({ step, request, status: void 0, location: void 0 });
      throw new NoResponse(`no response to GET ${request} (${step}): ${errorMessage(error2)}`);
    }
    this.latencyMs += reply.latencyMs;
    this.last = reply;
    if (sameOrigin) this.jar.store(reply.headers["set-cookie"]);
    const raw = reply.headers.location;
    const location = reply.status >= 300 && reply.status < 400 && raw ? new URL(raw, url) : void 0;
    this.steps.push({
      step,
      request,
      status: reply.status,
      location: location && shown(location, this.origin)
    });
    return { reply, location };
  }
};
var NoResponse = class extends Error {
};
async function runOAuthFlow(s, flow, options) {
  const at = endpoints(options.baseUrl);
  const client = new Client(options, at.origin, s.timeoutMs ?? options.timeoutMs);
  const mismatches = [];
  let failedExcerpt;
  const fail = (m, reply) => {
    if (m === void 0) return;
    mismatches.push(m);
    if (failedExcerpt === void 0 && reply) failedExcerpt = excerpt(reply.body, options.vars.redact);
  };
  const outcome = (error2) => ({
    mismatches,
    steps: client.steps,
    error: error2,
    status: client.last?.status,
    responseExcerpt: failedExcerpt ?? (client.last ? excerpt(client.last.body, options.vars.redact) : ""),
    latencyMs: client.latencyMs
  });
  try {
    const start = await client.get("start", new URL(at.base + flow.start));
    if (!start.location) {
      fail(notSentToProvider(flow, at, `${start.reply.status} without a redirect`), start.reply);
      return outcome();
    }
    const request = checkAuthorizationRequest(flow, start.location, at);
    for (const m of request.mismatches) fail(m);
    if (mismatches.length > 0 || !request.state) return outcome();
    const { state } = request;
    const hinted = new URL(start.location.href);
    hinted.searchParams.set("login_hint", flow.negative === "deny" ? DENY_HINT : flow.user ?? "");
    const consent = await client.get("authorize", hinted);
    if (!consent.location) {
      fail(
        notSentBack(
          request.redirectUri,
          consent.reply.status,
          excerpt(consent.reply.body, options.vars.redact)
        ),
        consent.reply
      );
      return outcome();
    }
    const callback = new URL(consent.location.href);
    const refusal = providerError(flow, callback);
    if (refusal) {
      fail(refusal);
      return outcome();
    }
    if (flow.negative === "tamper-state") callback.searchParams.set("state", `${state}-tampered`);
    const answered = await client.get("callback", callback);
    fail(callbackMismatch(flow, answered.reply.status), answered.reply);
    let next = answered.location;
    for (let i = 0; next && i < MAX_APP_REDIRECTS; i++) {
      if (next.origin !== at.origin || next.pathname.startsWith(IDP_PATH)) break;
      next = (await client.get("redirect", next)).location;
    }
    if (flow.negative === "replay-callback") {
      const replay = await client.get("replay", consent.location);
      fail(replayMismatch(flow, replay.reply.status), replay.reply);
    }
    if (flow.check !== void 0) {
      const checked = await client.get("check", new URL(at.base + flow.check));
      for (const m of sessionMismatches(s, flow, { ...checked.reply }, options.vars)) fail(m, checked.reply);
    }
    return outcome();
  } catch (error2) {
    if (error2 instanceof NoResponse) return outcome(error2.message);
    throw error2;
  }
}

// src/scenarios/order.ts
var import_node_crypto = __toESM(require_crypto(), 1);
function newSeed() {
  return (0, import_node_crypto.randomInt)(0, 2 ** 32 - 1);
}
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = a + 1831565813 >>> 0;
    let t = a;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
}
function ordered(items, order, seed) {
  if (order === "reversed") return [...items].reverse();
  if (order === "as-listed") return [...items];
  const random = mulberry32(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

// src/scenarios/payloads/types.ts
var PREVIEW_URL = "${preview.url}";
var JSON_TYPE = "application/json";
var FORM_TYPE = "application/x-www-form-urlencoded";
function json(value, event2) {
  return { contentType: JSON_TYPE, body: JSON.stringify(value), ...event2 === void 0 ? {} : { event: event2 } };
}
function form(fields) {
  return { contentType: FORM_TYPE, body: new URLSearchParams(fields).toString() };
}

// src/scenarios/render.ts
function escapeFor(contentType) {
  const type = contentType.toLowerCase();
  if (/^application\/(?:[\w.+-]+\+)?json\b/.test(type)) return jsonString;
  if (type.startsWith(FORM_TYPE)) return formValue;
  return asIs;
}
function renderBody(body2, contentType, vars) {
  switch (body2.kind) {
    case "text":
      return Buffer.from(render(body2.text, vars, escapeFor(contentType)), "utf8");
    case "json":
      return Buffer.from(JSON.stringify(renderJson(body2.value, vars)), "utf8");
    case "form":
      return Buffer.from(
        new URLSearchParams(
          body2.fields.map(([k, v]) => [render(k, vars), render(v, vars)])
        ).toString(),
        "utf8"
      );
  }
}
function renderPath(path7, vars) {
  return render(path7, vars);
}

// src/scenarios/runner.ts
function percentile(sorted, p) {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil(p / 100 * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(rank, 1)) - 1];
}
function latencySummary(latencies) {
  if (latencies.length === 0) return void 0;
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1]
  };
}
var Limiter = class {
  constructor(max) {
    this.max = max;
  }
  max;
  active = 0;
  waiting = [];
  async run(task) {
    if (this.active >= this.max) await new Promise((resolve) => this.waiting.push(resolve));
    this.active++;
    try {
      return await task();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
};
function prepare(s, options, vars) {
  let secret;
  if (PROVIDERS[s.provider].key === "ed25519") {
    if (!options.keys) {
      throw new Error(
        `${s.provider} scenarios need the run's key pair: create it with createScenarioKeys() and give the app scenarioAppEnv()`
      );
    }
    secret = options.keys.discord.privateKeyPem;
  } else {
    const value = s.secretEnv === void 0 ? void 0 : options.env[s.secretEnv];
    if (!value) throw new Error(`secret-env ${s.secretEnv ?? "(none)"} is not set or empty`);
    secret = value;
  }
  if (s.sendAuth && options.authHeader === void 0) {
    throw new Error("send-auth is true but the preview has no credentials to send (auth: none)");
  }
  const headers = {};
  for (const [name, value] of s.headers) headers[name] = render(value, vars);
  return {
    url: options.baseUrl.replace(/\/+$/, "") + renderPath(s.path, vars),
    secret,
    headers: s.sendAuth && options.authHeader ? mergeHeaders(headers, { Authorization: options.authHeader }) : headers,
    vars
  };
}
function units(s, vars) {
  const events = s.behaviour?.events;
  if (events === void 0) {
    return [
      {
        event: s.event,
        label: void 0,
        body: renderBody(s.body, s.contentType, vars),
        contentType: s.contentType
      }
    ];
  }
  return events.map((e) => ({
    event: e.event,
    label: e.label,
    body: renderBody(e.body, e.contentType, vars),
    contentType: e.contentType
  }));
}
async function runLogin(s, flow, options, run, vars, started) {
  const common = {
    baseUrl: options.baseUrl,
    authHeader: options.authHeader,
    vars,
    timeoutMs: run.timeoutMs,
    signal: run.signal
  };
  const browser = options.browser;
  const outcome = flow.browser && browser ? await runBrowserFlow(s, flow, {
    ...common,
    executablePath: browser.executablePath,
    env: browser.env,
    // Every browser scenario of the run has one (runScenarios made them unique).
    screenshot: run.screenshots.get(s),
    ...options.logger ? { logger: options.logger } : {},
    ...browser.loginUrl ? { loginUrl: browser.loginUrl } : {},
    ...browser.load ? { load: browser.load } : {}
  }) : await runOAuthFlow(s, flow, { ...common, agents: run.agents });
  const passed = outcome.error === void 0 && outcome.mismatches.length === 0;
  return {
    scenario: s,
    passed,
    error: void 0,
    deliveries: [
      {
        index: 0,
        passed,
        status: outcome.status,
        latencyMs: outcome.latencyMs,
        mismatches: outcome.mismatches,
        error: outcome.error,
        responseExcerpt: outcome.responseExcerpt
      }
    ],
    durationMs: performance.now() - started,
    latency: outcome.status === void 0 ? void 0 : latencySummary([outcome.latencyMs]),
    steps: outcome.steps,
    ...outcome.screenshot ? { screenshot: outcome.screenshot } : {}
  };
}
async function runScenario(s, options, run) {
  const started = performance.now();
  const vars = {
    env: options.env,
    previewUrl: options.baseUrl.replace(/\/+$/, ""),
    ...options.redact ? { redact: options.redact } : {}
  };
  const failed = (error2) => ({
    scenario: s,
    passed: false,
    error: error2,
    deliveries: [],
    durationMs: performance.now() - started,
    latency: void 0
  });
  if (run.signal?.aborted) return failed("cancelled before it was sent");
  if (s.oauth?.browser && !options.browser) {
    return failed("a browser scenario needs a browser to launch (browser-path; RunOptions.browser)");
  }
  if (s.oauth) return runLogin(s, s.oauth, options, run, vars, started);
  if (s.expectDeliveries) {
    const outcome = await checkGithubDeliveries(s.expectDeliveries, options.githubDeliveries, run.signal);
    return {
      scenario: s,
      passed: outcome.error === void 0 && outcome.deliveries.every((d) => d.passed),
      error: outcome.error,
      deliveries: outcome.deliveries,
      durationMs: performance.now() - started,
      latency: latencySummary(
        outcome.deliveries.filter((d) => d.status !== void 0).map((d) => d.latencyMs)
      )
    };
  }
  let prepared;
  let bodies;
  try {
    prepared = prepare(s, options, vars);
    bodies = units(s, vars);
  } catch (error2) {
    return failed(errorMessage(error2));
  }
  const behaviour = s.behaviour;
  const deliveries = [];
  let source;
  const deliverOne = async (unit, index) => {
    const deliveryId = (0, import_node_crypto2.randomUUID)();
    const clock = { lastSeconds: void 0 };
    const first = await run.inFlight.run(
      () => sendDelivery(
        s,
        prepared,
        unit,
        deliveryId,
        index,
        run,
        (reply) => checkReply(s.expect, reply, vars),
        clock
      )
    );
    deliveries.push(first.result);
    if (behaviour?.events ? unit === bodies[0] : index === 0) {
      source = { sent: unit.body, response: first.reply?.body };
    }
    if (behaviour?.duplicate && !run.signal?.aborted) {
      const check = duplicateCheck(behaviour.expectDuplicate, first.result, vars);
      const again = await run.inFlight.run(
        () => sendDelivery(s, prepared, unit, deliveryId, index, run, check, clock, true)
      );
      deliveries.push(again.result);
    }
  };
  let expected2 = s.repeat;
  let order;
  if (behaviour?.events) {
    const sent = ordered(bodies, behaviour.order, behaviour.seed ?? 0);
    order = { mode: behaviour.order, seed: behaviour.seed, sent: sent.map((u) => u.label ?? "") };
    expected2 = sent.length;
    for (const [index, unit] of sent.entries()) {
      if (run.signal?.aborted) break;
      await deliverOne(unit, index);
    }
  } else {
    let next = 0;
    const body2 = bodies[0];
    const worker = async () => {
      while (next < s.repeat && !run.signal?.aborted) await deliverOne(body2, next++);
    };
    await Promise.all(Array.from({ length: Math.min(s.concurrency, s.repeat) }, worker));
  }
  deliveries.sort((a, b) => a.index - b.index || Number(a.duplicate ?? false) - Number(b.duplicate ?? false));
  const firsts = deliveries.filter((d) => !d.duplicate).length;
  const cancelled = firsts < expected2;
  const followUps = s.followUp && !cancelled && source ? await runFollowUp(
    s.followUp,
    {
      baseUrl: options.baseUrl,
      authHeader: options.authHeader,
      vars,
      agents: run.agents,
      timeoutMs: s.timeoutMs ?? run.timeoutMs,
      signal: run.signal
    },
    source
  ) : void 0;
  const latency = latencySummary(deliveries.filter((d) => d.status !== void 0).map((d) => d.latencyMs));
  return {
    scenario: s,
    passed: !cancelled && deliveries.every((d) => d.passed) && (followUps ?? []).every((f) => f.passed),
    error: cancelled ? `cancelled after ${firsts} of ${expected2} deliveries` : void 0,
    deliveries,
    durationMs: performance.now() - started,
    latency,
    ...order ? { order } : {},
    ...followUps ? { followUps } : {}
  };
}
function scenarioKind(s) {
  if (s.expectDeliveries) return "github deliveries";
  return s.oauth ? s.oauth.browser ? "oauth, browser" : "oauth" : s.provider;
}
function logResult(logger, r) {
  if (!logger) return;
  const { scenario: s } = r;
  const where = `${s.source.file}:${s.source.line}`;
  const statuses2 = [...new Set(r.deliveries.map((d) => d.status ?? "no response"))].join(", ");
  const timing = r.latency ? `, p50 ${Math.round(r.latency.p50)} ms` : "";
  const kind = scenarioKind(s);
  const shot = r.screenshot ? ` (screenshot: ${r.screenshot})` : "";
  if (r.passed) logger.info(`scenario passed: ${s.name} (${kind}, ${where}): ${statuses2}${timing}${shot}`);
  else logger.info(`scenario FAILED: ${s.name} (${kind}, ${where}): ${failureSummary(r)}${shot}`);
}
function failureSummary(r) {
  if (r.error !== void 0) return r.error;
  const bad = r.deliveries.filter((d) => !d.passed);
  const first = bad[0];
  if (first === void 0) {
    const followUp = r.followUps?.find((f) => !f.passed);
    return followUp ? followUpLine(followUp) : "passed";
  }
  const what = first.error ?? first.mismatches.map((m) => `${m.what}: expected ${m.expected}, got ${m.actual}`).join("; ");
  const who = first.duplicate ? "the duplicate: " : first.label !== void 0 ? `${first.label}: ` : "";
  const tries = (first.attempts?.length ?? 0) > 1 ? ` (after ${first.attempts?.length} attempts)` : "";
  return r.deliveries.length > 1 ? `${bad.length} of ${r.deliveries.length} deliveries failed; first: ${who}${what}${tries}` : `${who}${what}${tries}`;
}
async function runScenarios(options) {
  const started = performance.now();
  const agents = agentsFor();
  const run = {
    agents,
    inFlight: new Limiter(options.maxInFlight ?? Number.POSITIVE_INFINITY),
    timeoutMs: options.timeoutMs ?? DEFAULT_SCENARIO_TIMEOUT_MS,
    signal: options.signal,
    screenshots: options.browser ? screenshotPaths(options.scenarios, options.browser.screenshotsNear) : /* @__PURE__ */ new Map()
  };
  const results = new Array(options.scenarios.length);
  const scenarios = new Limiter(options.parallel ?? 1);
  try {
    await Promise.all(
      options.scenarios.map(
        (s, i) => scenarios.run(async () => {
          const result = await runScenario(s, options, run);
          results[i] = result;
          logResult(options.logger, result);
        })
      )
    );
  } finally {
    agents.destroy();
  }
  const passed = results.filter((r) => r.passed).length;
  return {
    results,
    passed,
    failed: results.length - passed,
    durationMs: performance.now() - started,
    cancelled: options.signal?.aborted ?? false
  };
}

// src/scenarios/junit.ts
var INVALID_XML = (
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters XML cannot hold
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
);
function xmlEscape(text) {
  return text.replace(INVALID_XML, "\uFFFD").replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&apos;").replaceAll("\n", "&#10;").replaceAll("\r", "&#13;").replaceAll("	", "&#9;");
}
var seconds = (ms2) => (ms2 / 1e3).toFixed(3);
function attributes(values) {
  return Object.entries(values).map(([name, value]) => ` ${name}="${xmlEscape(String(value))}"`).join("");
}
function failureText(r) {
  const lines = [];
  const s = r.scenario;
  if (s.oauth) return oauthFailureText(r, s.oauth);
  if (s.expectDeliveries) {
    lines.push(
      `GitHub deliveries of ${s.expectDeliveries.events.map((e) => e.label).join(", ")} (${s.source.file}:${s.source.line})`
    );
    if (r.error !== void 0) lines.push(r.error);
    lines.push(...detailLines(r));
    return lines.join("\n");
  }
  lines.push(`${s.provider} ${s.method} ${s.path} (${s.source.file}:${s.source.line})`);
  if (r.error !== void 0) lines.push(r.error);
  const bad = r.deliveries.filter((d) => !d.passed);
  for (const d of bad.slice(0, 5)) {
    const which = d.duplicate ? "the duplicate of delivery" : "delivery";
    const of = s.behaviour?.events ? s.behaviour.events.length : s.repeat;
    lines.push(`${which} ${d.index + 1} of ${of}${d.label !== void 0 ? ` (${d.label})` : ""}:`);
    if (d.error !== void 0) lines.push(`  no response: ${d.error}`);
    for (const m of d.mismatches) lines.push(`  ${m.what}: expected ${m.expected}, actual ${m.actual}`);
    if (d.status !== void 0) lines.push(`  response (${d.status}): ${d.responseExcerpt}`);
  }
  if (bad.length > 5) lines.push(`... and ${bad.length - 5} more failing deliveries`);
  lines.push(...detailLines(r));
  for (const f of r.followUps ?? []) {
    if (!f.passed && f.status !== void 0) lines.push(`  response (${f.status}): ${f.responseExcerpt}`);
  }
  return lines.join("\n");
}
function testcase(r) {
  const s = r.scenario;
  const attrs = attributes({
    name: s.name,
    classname: s.oauth ? `oauth.${oauthLabel(s.oauth)}` : s.expectDeliveries ? "github.deliveries" : `webhooks.${s.provider}`,
    file: s.source.file,
    line: s.source.line,
    time: seconds(r.durationMs)
  });
  const shown3 = [
    ...r.screenshot ? [`[[ATTACHMENT|${r.screenshot}]]`] : [],
    ...r.passed ? detailLines(r) : []
  ];
  const out = shown3.length > 0 ? `
      <system-out>${xmlEscape(shown3.join("\n"))}</system-out>` : "";
  if (r.passed) return out ? `    <testcase${attrs}>${out}
    </testcase>` : `    <testcase${attrs}/>`;
  const noResponse = r.error !== void 0 || r.deliveries.every((d) => d.status === void 0);
  const tag = noResponse ? "error" : "failure";
  const type = noResponse ? "DeliveryError" : "ExpectationFailed";
  const message = attributes({ message: failureSummary(r), type });
  return `    <testcase${attrs}>
      <${tag}${message}>${xmlEscape(failureText(r))}</${tag}>${out}
    </testcase>`;
}
function junitXml(run, options = {}) {
  const timestamp = (options.timestamp ?? /* @__PURE__ */ new Date()).toISOString().replace(/\.\d{3}Z$/, "");
  const byFile = /* @__PURE__ */ new Map();
  for (const r of run.results) {
    const list = byFile.get(r.scenario.source.file) ?? [];
    list.push(r);
    byFile.set(r.scenario.source.file, list);
  }
  const count = (list) => {
    const errors = list.filter(
      (r) => !r.passed && (r.error !== void 0 || r.deliveries.every((d) => d.status === void 0))
    ).length;
    return { tests: list.length, failures: list.filter((r) => !r.passed).length - errors, errors };
  };
  const suites = [...byFile].map(([file, list]) => {
    const time2 = list.reduce((sum, r) => sum + r.durationMs, 0);
    const attrs = attributes({
      name: file,
      ...count(list),
      skipped: 0,
      time: seconds(time2),
      timestamp,
      file
    });
    return `  <testsuite${attrs}>
${list.map(testcase).join("\n")}
  </testsuite>`;
  });
  const root = attributes({
    name: options.name ?? "preview-tunnel webhook scenarios",
    ...count(run.results),
    time: seconds(run.durationMs)
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<testsuites${root}>
${suites.join("\n")}${suites.length ? "\n" : ""}</testsuites>
`;
}

// src/scenarios/keys.ts
var import_node_crypto3 = __toESM(require_crypto(), 1);
function createScenarioKeys() {
  const { publicKey, privateKey } = (0, import_node_crypto3.generateKeyPairSync)("ed25519");
  const x = publicKey.export({ format: "jwk" }).x ?? "";
  return {
    discord: {
      publicKeyHex: Buffer.from(x, "base64url").toString("hex"),
      privateKeyPem: privateKey.export({ format: "pem", type: "pkcs8" }).toString()
    }
  };
}
function scenarioAppEnv(scenarios, keys) {
  const env = {};
  for (const s of scenarios)
    if (s.publicKeyEnv !== void 0) env[s.publicKeyEnv] = keys.discord.publicKeyHex;
  return env;
}

// src/scenarios/load.ts
var import_node_fs5 = __toESM(require_fs(), 1);
var import_node_path6 = __toESM(require_path(), 1);
var import_yaml3 = __toESM(require_dist(), 1);

// src/scenarios/build.ts
var import_node_fs4 = __toESM(require_fs(), 1);
var import_node_path5 = __toESM(require_path(), 1);

// src/scenarios/build-expect.ts
var ACCEPTED = [{ min: 200, max: 299 }];
var REJECTED = [400, 401, 403].map((s) => ({ min: s, max: s }));
function buildExpectations(add, at, expect, rejected = false) {
  let status3 = rejected ? REJECTED : ACCEPTED;
  let statusText = rejected ? "400, 401, 403" : "2xx";
  if (expect.status !== void 0) {
    if (rejected) {
      add(["expect-rejected"], "conflicts with expect.status: use one of them", "key");
      return void 0;
    }
    const items = Array.isArray(expect.status) ? expect.status : [expect.status];
    statusText = items.join(", ");
    try {
      status3 = parseStatusRanges("expect.status", statusText);
    } catch (error2) {
      if (!(error2 instanceof InputError)) throw error2;
      add([...at, "status"], "must be HTTP statuses with ranges from low to high, e.g. 200-299");
      return void 0;
    }
  }
  const json3 = Object.entries(expect.json ?? {}).flatMap(([jsonPath, value]) => {
    const steps = parseJsonPath(jsonPath);
    if (steps === void 0) {
      add(
        [...at, "json", jsonPath],
        'is not a supported JSON path: start with $ and use .name, ["name"] and [index], e.g. $.data.items[0].id',
        "key"
      );
      return [];
    }
    return [{ path: jsonPath, steps, value }];
  });
  const bodyContains2 = expect["body-contains"];
  return {
    status: status3,
    statusText,
    bodyContains: bodyContains2 === void 0 ? [] : Array.isArray(bodyContains2) ? bodyContains2 : [bodyContains2],
    json: json3,
    headers: Object.entries(expect.headers ?? {}).map(
      ([name, value]) => [name.toLowerCase(), value]
    ),
    maxLatencyMs: expect["max-latency"] === void 0 ? void 0 : parseDuration("max-latency", expect["max-latency"])
  };
}
function expectTexts(at, expect) {
  const texts = [];
  const contains = expect?.["body-contains"];
  for (const text of contains === void 0 ? [] : Array.isArray(contains) ? contains : [contains]) {
    texts.push([[...at, "body-contains"], text]);
  }
  for (const [name, value] of Object.entries(expect?.headers ?? {})) {
    if (typeof value === "string") texts.push([[...at, "headers", name], value]);
  }
  return texts;
}

// src/scenarios/issues.ts
var EXPECTED = {
  object: "a mapping",
  record: "a mapping",
  array: "a list",
  string: "a text",
  boolean: "true or false",
  number: "a number",
  int: "a whole number",
  null: "null"
};
var fallbackError = (issue2) => {
  if (issue2.code === "invalid_type") return `must be ${EXPECTED[issue2.expected] ?? issue2.expected}`;
  if (issue2.code === "too_small" && issue2.origin === "array") return "must list at least one item";
  if (issue2.code === "too_small" && issue2.origin === "string") return "must not be empty";
  return void 0;
};
function valueAt2(data, path7) {
  let node2 = data;
  for (const step of path7) {
    if (node2 === null || typeof node2 !== "object") return void 0;
    node2 = node2[step];
  }
  return node2;
}
function distance(a, b) {
  const row2 = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row2[0] ?? 0;
    row2[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row2[j] ?? 0;
      row2[j] = Math.min(current + 1, (row2[j - 1] ?? 0) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row2[b.length] ?? 0;
}
function closest(word, candidates) {
  const normal = (s) => s.toLowerCase().replaceAll("_", "-");
  let best;
  let bestDistance = 3;
  for (const candidate of candidates) {
    const d = distance(normal(word), normal(candidate));
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}
function unknownKey(key, known) {
  if (/^(secret|token|signing-secret|signing_secret|auth-token|key)$/i.test(key)) {
    return `is not allowed: secrets are never written in scenario files; put it in an environment variable (from a repository secret) and name that variable in secret-env`;
  }
  const guess = known ? closest(key, known) : void 0;
  const hint = guess ? `; did you mean "${guess}"?` : "";
  return `is not a known field${hint}${known ? ` Known fields here: ${known.join(", ")}` : ""}`;
}
function drafts(issues, data, base, knownKeys2) {
  const out = [];
  const visit = (issue2, prefix) => {
    const path7 = [...prefix, ...issue2.path];
    const relative = path7.slice(base.length);
    if (issue2.code === "invalid_union") {
      const input2 = valueAt2(data, path7);
      const meant = issue2.errors.find(
        (option) => option.length > 0 && option.every(
          (i) => i.path.length > 0 && input2 !== null && typeof input2 === "object" && Object.hasOwn(input2, i.path[0]) && i.code !== "unrecognized_keys"
        )
      );
      if (meant) for (const inner of meant) visit(inner, path7);
      else if (input2 === void 0 && path7.length > 0)
        out.push({ path: path7, message: `is missing: it ${issue2.message}`, at: "missing" });
      else out.push({ path: path7, message: issue2.message, at: "value" });
      return;
    }
    if (issue2.code === "unrecognized_keys") {
      for (const key of issue2.keys) {
        out.push({ path: [...path7, key], message: unknownKey(key, knownKeys2(relative)), at: "key" });
      }
      return;
    }
    if (issue2.code === "invalid_key") {
      const first = issue2.issues[0];
      out.push({ path: path7, message: first?.message ?? issue2.message, at: "key" });
      return;
    }
    if (path7.length > 0 && valueAt2(data, path7) === void 0) {
      out.push({ path: path7, message: `is missing: it ${issue2.message}`, at: "missing" });
      return;
    }
    const input = valueAt2(data, path7);
    if (issue2.code === "invalid_value" && typeof input === "string") {
      const guess = closest(input, issue2.values.map(String));
      out.push({
        path: path7,
        message: guess ? `${issue2.message}; did you mean "${guess}"?` : issue2.message,
        at: "value"
      });
      return;
    }
    out.push({ path: path7, message: issue2.message, at: "value" });
  };
  for (const issue2 of issues) visit(issue2, base);
  return out;
}

// src/scenarios/override.ts
function pathText(steps) {
  return `$${steps.map((s) => typeof s === "number" ? `[${s}]` : /^[A-Za-z_$][\w$-]*$/.test(s) ? `.${s}` : `[${JSON.stringify(s)}]`).join("")}`;
}
function allPaths(value, limit = 5e3) {
  const out = [];
  const walk = (node2, at) => {
    if (out.length >= limit) return;
    if (at.length > 0) out.push(pathText(at));
    if (Array.isArray(node2)) {
      for (const [i, v] of node2.entries()) walk(v, [...at, i]);
    } else if (node2 !== null && typeof node2 === "object")
      for (const [k, v] of Object.entries(node2)) walk(v, [...at, k]);
  };
  walk(value, []);
  return out;
}
function missingPath(value, steps) {
  if (steps.length === 0) return "is the whole body: name a field inside it";
  if (valueAt(value, steps) !== MISSING) return void 0;
  const guess = closest(pathText(steps), allPaths(value));
  return `does not exist in the body${guess ? `; did you mean ${guess}?` : ""}`;
}
function applyOverrides(value, overrides) {
  const copy = structuredClone(value);
  for (const [steps, replacement] of overrides) {
    const parent = valueAt(copy, steps.slice(0, -1));
    const last = steps[steps.length - 1];
    if (Array.isArray(parent) && typeof last === "number") {
      parent[last < 0 ? parent.length + last : last] = replacement;
    } else {
      parent[last] = replacement;
    }
  }
  return copy;
}

// src/scenarios/payloads/github-catalog.ts
var import_node_fs3 = __toESM(require_fs(), 1);
var import_node_module = __toESM(require_module(), 1);
var import_node_path4 = __toESM(require_path(), 1);
var import_node_url = __toESM(require_url(), 1);
var import_node_zlib = __toESM(require_zlib(), 1);
var CATALOG_FILE = "github-webhook-examples.json.br";
var CATALOG_PACKAGE = "@octokit/webhooks-examples";
function pickGithubExamples(index) {
  const picked = {};
  for (const entry of index) {
    for (const example of entry.examples) {
      const action = typeof example.action === "string" ? example.action : void 0;
      const name = action === void 0 ? entry.name : `${entry.name}.${action}`;
      if (!Object.hasOwn(picked, name)) picked[name] = example;
    }
  }
  return picked;
}
function githubEventOf(name) {
  const dot = name.indexOf(".");
  return dot < 0 ? name : name.slice(0, dot);
}
var cache;
function moduleDir() {
  return import_node_path4.default.dirname((0, import_node_url.fileURLToPath)(import.meta.url));
}
function load() {
  const dir = moduleDir();
  const bundled = import_node_path4.default.join(dir, CATALOG_FILE);
  if ((0, import_node_fs3.existsSync)(bundled)) {
    return JSON.parse((0, import_node_zlib.brotliDecompressSync)((0, import_node_fs3.readFileSync)(bundled)).toString("utf8"));
  }
  let file;
  try {
    file = (0, import_node_module.createRequire)(import_node_path4.default.join(dir, "noop.js")).resolve(CATALOG_PACKAGE);
  } catch {
    throw new Error(
      `GitHub's example payloads are missing: neither ${bundled} nor the ${CATALOG_PACKAGE} package was found (rebuild with npm run build)`
    );
  }
  return pickGithubExamples(JSON.parse((0, import_node_fs3.readFileSync)(file, "utf8")));
}
function githubCatalogBody(name) {
  cache ??= load();
  const example = Object.hasOwn(cache, name) ? cache[name] : void 0;
  return example === void 0 ? void 0 : JSON.stringify(example);
}

// src/scenarios/payloads/github-catalog-names.ts
var GITHUB_CATALOG_NAMES = [
  "branch_protection_rule.created",
  "branch_protection_rule.deleted",
  "branch_protection_rule.edited",
  "check_run.completed",
  "check_run.created",
  "check_run.requested_action",
  "check_run.rerequested",
  "check_suite.completed",
  "check_suite.requested",
  "check_suite.rerequested",
  "code_scanning_alert.closed_by_user",
  "code_scanning_alert.created",
  "code_scanning_alert.fixed",
  "code_scanning_alert.reopened",
  "commit_comment.created",
  "create",
  "delete",
  "dependabot_alert.created",
  "dependabot_alert.fixed",
  "deploy_key.created",
  "deployment.created",
  "deployment_review.requested",
  "deployment_status.created",
  "discussion.answered",
  "discussion.category_changed",
  "discussion.created",
  "discussion.edited",
  "discussion.labeled",
  "discussion.locked",
  "discussion.pinned",
  "discussion.transferred",
  "discussion.unanswered",
  "discussion.unlabeled",
  "discussion.unlocked",
  "discussion_comment.created",
  "discussion_comment.deleted",
  "discussion_comment.edited",
  "fork",
  "github_app_authorization.revoked",
  "gollum",
  "installation.created",
  "installation.deleted",
  "installation.new_permissions_accepted",
  "installation.suspend",
  "installation.unsuspend",
  "installation_repositories.added",
  "installation_repositories.removed",
  "issue_comment.created",
  "issue_comment.deleted",
  "issue_comment.edited",
  "issues.assigned",
  "issues.deleted",
  "issues.demilestoned",
  "issues.edited",
  "issues.labeled",
  "issues.locked",
  "issues.milestoned",
  "issues.opened",
  "issues.pinned",
  "issues.reopened",
  "issues.transferred",
  "issues.unassigned",
  "issues.unlabeled",
  "issues.unlocked",
  "issues.unpinned",
  "label.created",
  "label.deleted",
  "label.edited",
  "marketplace_purchase.cancelled",
  "marketplace_purchase.changed",
  "marketplace_purchase.purchased",
  "member.added",
  "member.edited",
  "membership.added",
  "membership.removed",
  "merge_group.checks_requested",
  "meta.deleted",
  "milestone.closed",
  "milestone.created",
  "milestone.deleted",
  "org_block.blocked",
  "org_block.unblocked",
  "organization.member_added",
  "organization.member_invited",
  "organization.renamed",
  "package.published",
  "page_build",
  "ping",
  "project.created",
  "project_card.created",
  "project_card.deleted",
  "project_card.moved",
  "project_column.created",
  "project_column.edited",
  "projects_v2_item.archived",
  "projects_v2_item.converted",
  "projects_v2_item.created",
  "projects_v2_item.edited",
  "projects_v2_item.reordered",
  "projects_v2_item.restored",
  "public",
  "pull_request.assigned",
  "pull_request.closed",
  "pull_request.converted_to_draft",
  "pull_request.labeled",
  "pull_request.locked",
  "pull_request.opened",
  "pull_request.ready_for_review",
  "pull_request.reopened",
  "pull_request.review_request_removed",
  "pull_request.review_requested",
  "pull_request.synchronize",
  "pull_request.unassigned",
  "pull_request.unlabeled",
  "pull_request.unlocked",
  "pull_request_review.dismissed",
  "pull_request_review.submitted",
  "pull_request_review_comment.created",
  "pull_request_review_comment.deleted",
  "pull_request_review_comment.edited",
  "pull_request_review_thread.resolved",
  "pull_request_review_thread.unresolved",
  "push",
  "release.created",
  "release.deleted",
  "release.edited",
  "release.prereleased",
  "release.published",
  "release.released",
  "repository.created",
  "repository.edited",
  "repository.privatized",
  "repository.publicized",
  "repository.renamed",
  "repository.transferred",
  "repository_dispatch.on-demand-test",
  "repository_import",
  "repository_vulnerability_alert.create",
  "repository_vulnerability_alert.dismiss",
  "security_advisory.published",
  "security_advisory.updated",
  "security_advisory.withdrawn",
  "sponsorship.created",
  "sponsorship.pending_tier_change",
  "star.created",
  "star.deleted",
  "status",
  "team.added_to_repository",
  "team.created",
  "team.deleted",
  "team.edited",
  "team.removed_from_repository",
  "team_add",
  "watch.started",
  "workflow_dispatch",
  "workflow_job.completed",
  "workflow_job.in_progress",
  "workflow_job.queued",
  "workflow_job.waiting",
  "workflow_run.completed",
  "workflow_run.requested"
];

// src/scenarios/payloads/github-events.ts
var WITHOUT_EXAMPLES = [
  "branch_protection_configuration",
  "custom_property",
  "custom_property_values",
  "deployment_protection_rule",
  "installation_target",
  "issue_dependencies",
  "personal_access_token_request",
  "projects_v2",
  "projects_v2_status_update",
  "registry_package",
  "repository_advisory",
  "repository_ruleset",
  "secret_scanning_alert",
  "secret_scanning_alert_location",
  "secret_scanning_scan",
  "security_and_analysis",
  "sub_issues"
];
var GITHUB_EVENTS = [
  .../* @__PURE__ */ new Set([...GITHUB_CATALOG_NAMES.map(githubEventOf), ...WITHOUT_EXAMPLES])
].sort();
var EVENT_SET = new Set(GITHUB_EVENTS);
var CATALOG_SET = new Set(GITHUB_CATALOG_NAMES);
function isGithubEvent(name) {
  return EVENT_SET.has(name);
}
function hasGithubExample(name) {
  return CATALOG_SET.has(name);
}
function githubExamplesOf(event2) {
  return GITHUB_CATALOG_NAMES.filter((n) => githubEventOf(n) === event2);
}

// src/scenarios/payloads/discord.ts
var DISCORD_EXAMPLES = {
  ping: json({
    id: "1234567890123456789",
    application_id: "987654321098765432",
    type: 1,
    version: 1,
    token: "interaction-token"
  }),
  application_command: json({
    id: "1234567890123456790",
    application_id: "987654321098765432",
    type: 2,
    version: 1,
    token: "interaction-token",
    guild_id: "290926798626357999",
    channel_id: "645027906669510667",
    member: { user: { id: "53908232506183680", username: "Mason" }, roles: [] },
    data: {
      id: "771825006014889984",
      name: "preview",
      type: 1,
      options: [{ name: "pr", type: 4, value: 42 }]
    }
  })
};

// src/scenarios/payloads/github.ts
var repository = {
  id: 1296269,
  node_id: "MDEwOlJlcG9zaXRvcnkxMjk2MjY5",
  name: "Hello-World",
  full_name: "octocat/Hello-World",
  private: false,
  owner: { login: "octocat", id: 1, type: "User" },
  html_url: "https://github.com/octocat/Hello-World",
  default_branch: "main"
};
var sender = { login: "octocat", id: 1, type: "User" };
var GITHUB_EXAMPLES = {
  ping: json(
    {
      zen: "Design for failure.",
      hook_id: 1,
      hook: {
        type: "Repository",
        id: 1,
        name: "web",
        active: true,
        events: ["push", "pull_request"],
        config: { content_type: "json", insecure_ssl: "0", url: `${PREVIEW_URL}/webhooks/github` }
      },
      repository,
      sender
    },
    "ping"
  ),
  push: json(
    {
      ref: "refs/heads/main",
      before: "6113728f27ae82c7b1a177c8d03f9e96e0adf246",
      after: "0000000000000000000000000000000000000001",
      created: false,
      deleted: false,
      forced: false,
      compare: "https://github.com/octocat/Hello-World/compare/6113728f27ae...000000000001",
      commits: [
        {
          id: "0000000000000000000000000000000000000001",
          message: "Update README.md",
          timestamp: "2025-01-01T12:00:00Z",
          author: { name: "Monalisa Octocat", email: "mona@github.com", username: "octocat" },
          added: [],
          removed: [],
          modified: ["README.md"]
        }
      ],
      head_commit: { id: "0000000000000000000000000000000000000001", message: "Update README.md" },
      pusher: { name: "octocat", email: "mona@github.com" },
      repository,
      sender
    },
    "push"
  ),
  pull_request: json(
    {
      action: "opened",
      number: 2,
      pull_request: {
        id: 279147437,
        number: 2,
        state: "open",
        title: "Update the README with new information.",
        body: "This is a pretty simple change that we need to pull into main.",
        user: sender,
        html_url: "https://github.com/octocat/Hello-World/pull/2",
        head: { ref: "changes", sha: "ec26c3e57ca3a959ca5aad62de7213c562f8c821" },
        base: { ref: "main", sha: "f95f852bd8fca8fcc58a9a2d6c842781e32a215e" },
        draft: false,
        merged: false
      },
      repository,
      sender
    },
    "pull_request"
  )
};

// src/scenarios/payloads/gitlab.ts
var GITLAB_EXAMPLES = {
  push: json(
    {
      object_kind: "push",
      event_name: "push",
      before: "95790bf891e76fee5e1747ab589903a6a1f80f22",
      after: "da1560886d4f094c3e6c9ef40349f7d38b5d27d7",
      ref: "refs/heads/main",
      checkout_sha: "da1560886d4f094c3e6c9ef40349f7d38b5d27d7",
      user_id: 4,
      user_name: "John Smith",
      user_username: "jsmith",
      project_id: 15,
      project: {
        id: 15,
        name: "Diaspora",
        path_with_namespace: "mike/diaspora",
        default_branch: "main",
        web_url: "http://example.com/mike/diaspora"
      },
      commits: [
        {
          id: "da1560886d4f094c3e6c9ef40349f7d38b5d27d7",
          message: "fixed readme",
          timestamp: "2025-01-01T12:00:00+00:00",
          author: { name: "GitLab dev user", email: "gitlabdev@dv6700.(none)" },
          added: [],
          modified: ["README.md"],
          removed: []
        }
      ],
      total_commits_count: 1
    },
    "Push Hook"
  )
};

// src/scenarios/payloads/linear.ts
var LINEAR_EXAMPLES = {
  Issue: json(
    {
      action: "create",
      type: "Issue",
      createdAt: "2025-01-01T12:00:00.000Z",
      organizationId: "3b6c3e0a-4c3f-4d5e-9f4e-4f4f4f4f4f4f",
      url: "https://linear.app/acme/issue/ENG-123/fix-the-login",
      webhookId: "000f5d3b-4c3f-4d5e-9f4e-000000000001",
      webhookTimestamp: 0,
      data: {
        id: "2174add1-f7c8-44e3-bbf3-2d60b5ea8bc9",
        identifier: "ENG-123",
        title: "Fix the login",
        priority: 2,
        teamId: "72b2a2dc-6f4f-4423-9d34-24b5bd10634a",
        stateId: "fa1fd1ea-6d5a-4dbd-9e35-2e4e94bc0a4a",
        createdAt: "2025-01-01T12:00:00.000Z"
      }
    },
    "Issue"
  )
};

// src/scenarios/payloads/paddle.ts
var PADDLE_EXAMPLES = {
  "transaction.completed": json({
    event_id: "evt_01hv8x2acma2gz2np2arh3p3ax",
    event_type: "transaction.completed",
    occurred_at: "2025-01-01T12:00:00.000000Z",
    notification_id: "ntf_01hv8x2afkp3x4gbxm6xvy0cjy",
    data: {
      id: "txn_01hv8wptq8987qeep44cyrewp9",
      status: "completed",
      customer_id: "ctm_01hv6y1jedq4p1n0yqn5ba3ky4",
      address_id: "add_01hv8gq3318ktkfengj2r75gfx",
      business_id: null,
      custom_data: null,
      origin: "web",
      collection_mode: "automatic",
      subscription_id: "sub_01hv8x29kz0t586xy6zn1a62ny",
      invoice_id: null,
      invoice_number: null,
      billing_details: null,
      billing_period: null,
      currency_code: "USD",
      discount_id: null,
      created_at: "2025-01-01T11:59:00.000000Z",
      updated_at: "2025-01-01T12:00:00.000000Z",
      billed_at: "2025-01-01T12:00:00.000000Z",
      items: [],
      details: null,
      payments: [],
      checkout: { url: `${PREVIEW_URL}/pay` }
    }
  })
};

// src/scenarios/payloads/pagerduty.ts
var PAGERDUTY_EXAMPLES = {
  "incident.triggered": json({
    event: {
      id: "01DEN4HPBQAAAG05V5QQYBRZMF",
      event_type: "incident.triggered",
      resource_type: "incident",
      occurred_at: "2025-01-01T12:00:00.000Z",
      agent: { html_url: "https://acme.pagerduty.com/users/PLH1HKV", id: "PLH1HKV", type: "user_reference" },
      client: null,
      data: {
        id: "PGR0VU2",
        type: "incident",
        self: "https://api.pagerduty.com/incidents/PGR0VU2",
        html_url: "https://acme.pagerduty.com/incidents/PGR0VU2",
        number: 2,
        status: "triggered",
        incident_key: "d3640fbd41094207a1c11e58e46b1662",
        title: "A little bump in the road",
        urgency: "high",
        service: { id: "PF9KMXH", type: "service_reference", summary: "API Service" }
      }
    }
  })
};

// src/scenarios/payloads/shopify.ts
var SHOPIFY_EXAMPLES = {
  "orders/create": json(
    {
      id: 820982911946154500,
      admin_graphql_api_id: "gid://shopify/Order/820982911946154508",
      email: "jon@example.com",
      created_at: "2025-01-01T12:00:00-05:00",
      currency: "USD",
      financial_status: "voided",
      name: "#9999",
      order_number: 1234,
      subtotal_price: "199.00",
      total_price: "199.00",
      total_tax: "0.00",
      customer: { id: 115310627314723950, email: "john@example.com", first_name: "John", last_name: "Smith" },
      line_items: [
        {
          id: 866550311766439e3,
          name: "Aviator sunglasses",
          price: "199.00",
          quantity: 1,
          sku: "SKU2006-001",
          product_id: 788032119674292900
        }
      ],
      test: true
    },
    "orders/create"
  )
};

// src/scenarios/payloads/slack.ts
var SLACK_EXAMPLES = {
  slash_command: form({
    token: "gIkuvaNzQIHg97ATvDxqgjtO",
    team_id: "T0001",
    team_domain: "example",
    enterprise_id: "E0001",
    enterprise_name: "Globular Construct Inc",
    channel_id: "C2147483705",
    channel_name: "test",
    user_id: "U2147483697",
    user_name: "Steve",
    command: "/weather",
    text: "94070",
    api_app_id: "A123456",
    is_enterprise_install: "false",
    response_url: "https://hooks.slack.com/commands/1234/5678",
    trigger_id: "13345224609.738474920.8088930838d88f008e0"
  })
};

// src/scenarios/payloads/square.ts
var SQUARE_EXAMPLES = {
  "payment.created": json({
    merchant_id: "6SSW7HV8K2ST5",
    type: "payment.created",
    event_id: "13b867cf-db3d-4b1c-90b6-2f32a9d78124",
    created_at: "2025-01-01T12:00:00.000Z",
    data: {
      type: "payment",
      id: "KkAkhdMsgzn59SM8A89WgKwekxLZY",
      object: {
        payment: {
          id: "KkAkhdMsgzn59SM8A89WgKwekxLZY",
          amount_money: { amount: 100, currency: "USD" },
          status: "APPROVED",
          source_type: "CARD",
          location_id: "S8GWD5R9QB376",
          order_id: "03O3USaPaAaFnI6kkwB1JxGgBsUZY",
          created_at: "2025-01-01T12:00:00.000Z",
          version: 0
        }
      }
    }
  })
};

// src/scenarios/payloads/standard-webhooks.ts
var STANDARD_WEBHOOKS_EXAMPLES = {
  "contact.created": json({
    type: "contact.created",
    timestamp: "2022-11-03T20:26:10.344522Z",
    data: { id: "1f81eb52-5198-4599-803e-771906343485", type: "contact" }
  })
};
var SVIX_EXAMPLES = {
  "invoice.paid": json({
    type: "invoice.paid",
    timestamp: "2025-01-01T12:00:00.000Z",
    data: { id: "invoice_WF7WtCLFFtd8ubcTgboSFNql", status: "paid", attempt: 2 }
  })
};

// src/scenarios/payloads/stripe.ts
var import_node_crypto4 = __toESM(require_crypto(), 1);
var CREATED = 1735732800;
var CUSTOMER = "cus_PreviewTunnel";
var SUBSCRIPTION = "sub_1PreviewTunnel";
var INVOICE = "in_1PreviewTunnel";
var PAYMENT_INTENT = "pi_3PreviewTunnel";
var CHARGE = "ch_3PreviewTunnel";
function eventId(type) {
  return `evt_1PT${(0, import_node_crypto4.createHash)("sha256").update(type).digest("hex").slice(0, 20)}`;
}
var event = (type, object, previous) => json({
  id: eventId(type),
  object: "event",
  api_version: "2025-06-30.basil",
  created: CREATED,
  data: previous ? { object, previous_attributes: previous } : { object },
  livemode: false,
  pending_webhooks: 1,
  request: { id: null, idempotency_key: null },
  type
});
var checkoutSession = (status3, paymentStatus) => ({
  id: "cs_test_a1PreviewTunnel",
  object: "checkout.session",
  amount_subtotal: 2e3,
  amount_total: 2e3,
  currency: "usd",
  customer: CUSTOMER,
  customer_details: { email: "jenny.rosen@example.com", name: "Jenny Rosen" },
  mode: "payment",
  payment_intent: PAYMENT_INTENT,
  payment_status: paymentStatus,
  status: status3,
  success_url: `${PREVIEW_URL}/success`,
  metadata: {}
});
var paymentIntent = (status3, extra = {}) => ({
  id: PAYMENT_INTENT,
  object: "payment_intent",
  amount: 2e3,
  amount_received: status3 === "succeeded" ? 2e3 : 0,
  currency: "usd",
  customer: CUSTOMER,
  latest_charge: CHARGE,
  payment_method: "pm_card_visa",
  payment_method_types: ["card"],
  status: status3,
  metadata: {},
  ...extra
});
var charge = (status3, refunded) => ({
  id: CHARGE,
  object: "charge",
  amount: 2e3,
  amount_captured: 2e3,
  amount_refunded: refunded ? 2e3 : 0,
  currency: "usd",
  customer: CUSTOMER,
  paid: status3 === "succeeded",
  payment_intent: PAYMENT_INTENT,
  refunded,
  status: status3,
  receipt_email: "jenny.rosen@example.com",
  metadata: {}
});
var customer = {
  id: CUSTOMER,
  object: "customer",
  created: CREATED,
  email: "jenny.rosen@example.com",
  name: "Jenny Rosen",
  metadata: {}
};
var subscription = (status3, extra = {}) => ({
  id: SUBSCRIPTION,
  object: "subscription",
  customer: CUSTOMER,
  status: status3,
  cancel_at_period_end: false,
  created: CREATED,
  start_date: CREATED,
  items: {
    object: "list",
    data: [
      {
        id: "si_PreviewTunnel",
        object: "subscription_item",
        quantity: 1,
        current_period_start: CREATED,
        current_period_end: CREATED + 30 * 86400,
        price: {
          id: "price_1PreviewTunnel",
          object: "price",
          currency: "usd",
          unit_amount: 2e3,
          recurring: { interval: "month", interval_count: 1 },
          product: "prod_PreviewTunnel"
        }
      }
    ]
  },
  metadata: {},
  ...extra
});
var invoice = (status3, paid) => ({
  id: INVOICE,
  object: "invoice",
  customer: CUSTOMER,
  amount_due: 2e3,
  amount_paid: paid ? 2e3 : 0,
  amount_remaining: paid ? 0 : 2e3,
  attempt_count: 1,
  billing_reason: "subscription_cycle",
  currency: "usd",
  hosted_invoice_url: "https://invoice.stripe.com/i/acct_PreviewTunnel/test_PreviewTunnel",
  parent: { type: "subscription_details", subscription_details: { subscription: SUBSCRIPTION } },
  status: status3,
  metadata: {}
});
var STRIPE_EXAMPLES = {
  "checkout.session.completed": event("checkout.session.completed", checkoutSession("complete", "paid")),
  "payment_intent.succeeded": event("payment_intent.succeeded", paymentIntent("succeeded")),
  "checkout.session.expired": event("checkout.session.expired", checkoutSession("expired", "unpaid")),
  "checkout.session.async_payment_succeeded": event(
    "checkout.session.async_payment_succeeded",
    checkoutSession("complete", "paid")
  ),
  "checkout.session.async_payment_failed": event(
    "checkout.session.async_payment_failed",
    checkoutSession("complete", "unpaid")
  ),
  "payment_intent.created": event("payment_intent.created", paymentIntent("requires_payment_method")),
  "payment_intent.payment_failed": event(
    "payment_intent.payment_failed",
    paymentIntent("requires_payment_method", {
      last_payment_error: {
        code: "card_declined",
        decline_code: "generic_decline",
        message: "Your card was declined.",
        type: "card_error"
      }
    })
  ),
  "payment_intent.canceled": event(
    "payment_intent.canceled",
    paymentIntent("canceled", { cancellation_reason: "requested_by_customer" })
  ),
  "charge.succeeded": event("charge.succeeded", charge("succeeded", false)),
  "charge.failed": event("charge.failed", charge("failed", false)),
  "charge.refunded": event("charge.refunded", charge("succeeded", true)),
  "customer.created": event("customer.created", customer),
  "customer.updated": event("customer.updated", customer, { email: "jenny@example.com" }),
  "customer.deleted": event("customer.deleted", { ...customer, deleted: true }),
  "customer.subscription.created": event("customer.subscription.created", subscription("incomplete")),
  "customer.subscription.updated": event("customer.subscription.updated", subscription("active"), {
    status: "incomplete"
  }),
  "customer.subscription.deleted": event(
    "customer.subscription.deleted",
    subscription("canceled", { canceled_at: CREATED + 86400, ended_at: CREATED + 86400 })
  ),
  "customer.subscription.trial_will_end": event(
    "customer.subscription.trial_will_end",
    subscription("trialing", { trial_end: CREATED + 3 * 86400 })
  ),
  "invoice.created": event("invoice.created", invoice("draft", false)),
  "invoice.finalized": event("invoice.finalized", invoice("open", false)),
  "invoice.paid": event("invoice.paid", invoice("paid", true)),
  "invoice.payment_succeeded": event("invoice.payment_succeeded", invoice("paid", true)),
  "invoice.payment_failed": event("invoice.payment_failed", invoice("open", false))
};

// src/scenarios/payloads/twilio.ts
var TWILIO_EXAMPLES = {
  "message.received": form({
    ToCountry: "US",
    SmsMessageSid: "SM1234567890abcdef1234567890abcdef",
    NumMedia: "0",
    SmsSid: "SM1234567890abcdef1234567890abcdef",
    SmsStatus: "received",
    Body: "Hello from the preview",
    To: "+15005550006",
    MessageSid: "SM1234567890abcdef1234567890abcdef",
    AccountSid: "AC1234567890abcdef1234567890abcdef",
    From: "+14155552671",
    ApiVersion: "2010-04-01"
  })
};

// src/scenarios/payloads/index.ts
var EXAMPLES = {
  github: GITHUB_EXAMPLES,
  stripe: STRIPE_EXAMPLES,
  slack: SLACK_EXAMPLES,
  shopify: SHOPIFY_EXAMPLES,
  twilio: TWILIO_EXAMPLES,
  "standard-webhooks": STANDARD_WEBHOOKS_EXAMPLES,
  svix: SVIX_EXAMPLES,
  pagerduty: PAGERDUTY_EXAMPLES,
  gitlab: GITLAB_EXAMPLES,
  linear: LINEAR_EXAMPLES,
  square: SQUARE_EXAMPLES,
  discord: DISCORD_EXAMPLES,
  paddle: PADDLE_EXAMPLES
};
function exampleNames(provider) {
  return Object.keys(EXAMPLES[provider]);
}
function findExample(provider, name) {
  if (Object.hasOwn(EXAMPLES[provider], name)) return EXAMPLES[provider][name];
  if (provider !== "github" || !hasGithubExample(name)) return void 0;
  const body2 = githubCatalogBody(name);
  const literal2 = body2?.replaceAll("${", () => "$${");
  return literal2 === void 0 ? void 0 : { event: githubEventOf(name), contentType: JSON_TYPE, body: literal2 };
}
function hasExample(provider, name) {
  return Object.hasOwn(EXAMPLES[provider], name) || provider === "github" && hasGithubExample(name);
}
function exampleFor(provider, event2) {
  const examples = EXAMPLES[provider];
  if (event2 === void 0) return Object.keys(examples)[0];
  if (hasExample(provider, event2)) return event2;
  const own2 = Object.entries(examples).find(([, e]) => e.event === event2)?.[0];
  if (own2 !== void 0 || provider !== "github") return own2;
  const catalog = githubExamplesOf(event2);
  return catalog.find((n) => n === `${event2}.opened` || n === `${event2}.created`) ?? catalog[0];
}

// src/scenarios/behaviour-build.ts
var MAX_EVENTUALLY_MS = 10 * 6e4;
var DEFAULT_DELIVERIES_WITHIN_MS = 2 * 6e4;
var MAX_DELIVERIES_WITHIN_MS = 30 * 6e4;
var NOT_JSON = /* @__PURE__ */ Symbol("not JSON");
function jsonOf(template) {
  if (template.kind === "json") return template.value;
  if (template.kind === "form") return NOT_JSON;
  try {
    return JSON.parse(template.text);
  } catch {
    return NOT_JSON;
  }
}
function githubEventProblem(name, sending = true) {
  const event2 = githubEventOf(name);
  if (isGithubEvent(event2)) return void 0;
  const guess = closest(event2, GITHUB_EVENTS);
  const other = sending ? "; to send another X-GitHub-Event value, set it under headers" : "";
  return `is not a GitHub event${guess ? `; did you mean "${guess}"?` : ""} (GitHub's events are listed at https://docs.github.com/en/webhooks/webhook-events-and-payloads${other})`;
}
function examplesHint(provider, name) {
  const own2 = exampleNames(provider);
  const catalog = provider === "github" && name !== void 0 ? githubExamplesOf(githubEventOf(name)) : [];
  const guess = name === void 0 ? void 0 : closest(name, [...own2, ...catalog]);
  if (guess !== void 0) return `did you mean ${guess}?`;
  if (catalog.length > 0) return `GitHub examples of ${githubEventOf(name)}: ${catalog.join(", ")}`;
  if (provider === "github") {
    return `GitHub's examples are ${own2.join(", ")} and the event.actions of @octokit/webhooks-examples (the JSON Schema lists them)`;
  }
  return `${provider} has: ${own2.join(", ")}`;
}
function overridden(add, at, template, overrides, exampleName) {
  const value = jsonOf(template);
  if (value === NOT_JSON) {
    add(at, "needs a JSON body (a built-in example, json, or JSON text); this body is not JSON", "key");
    return void 0;
  }
  const pairs = [];
  for (const [path7, replacement] of Object.entries(overrides)) {
    const steps = parseJsonPath(path7);
    if (steps === void 0) {
      add(
        [...at, path7],
        'is not a supported JSON path: start with $ and use .name, ["name"] and [index], e.g. $.data.object.amount',
        "key"
      );
      continue;
    }
    const why = missingPath(value, steps);
    if (why !== void 0) {
      add([...at, path7], `${why}${exampleName ? ` (the built-in ${exampleName} example)` : ""}`, "key");
      continue;
    }
    pairs.push([steps, replacement]);
  }
  if (pairs.length < Object.keys(overrides).length) return void 0;
  return { kind: "json", value: applyOverrides(value, pairs) };
}
function eventUnit(b, at, overrideAt, name, override) {
  const { provider } = b;
  if (provider === "github") {
    const problem = githubEventProblem(name);
    if (problem !== void 0) {
      b.add(at, problem);
      return void 0;
    }
  }
  const exampleName = exampleFor(provider, name);
  const example = exampleName === void 0 ? void 0 : findExample(provider, exampleName);
  if (exampleName === void 0 || example === void 0) {
    b.add(at, `has no built-in ${provider} body to send; ${examplesHint(provider, name)}`);
    return void 0;
  }
  let body2 = { kind: "text", text: example.body };
  if (override !== void 0) {
    body2 = overridden(b.add, overrideAt, body2, override, exampleName);
  }
  if (body2 === void 0) return void 0;
  return {
    event: provider === "github" ? githubEventOf(name) : example.event ?? name,
    label: name,
    body: body2,
    example: exampleName,
    contentType: example.contentType
  };
}
var CONFLICTS_WITH_EVENTS = [
  ["event", "name every event in events"],
  [
    "body",
    "each event sends its built-in body; change it with override in the event's item, e.g. - {event: invoice.paid, override: {$.data.object.amount_paid: 0}}"
  ],
  ["override", "give override inside an event's item, e.g. - {event: invoice.paid, override: {...}}"]
];
function buildBehaviour(b) {
  const { input, add } = b;
  const set = ["events", "order", "seed", "duplicate", "expect-duplicate", "retry"].some(
    (k) => input[k] !== void 0
  );
  if (!set) return void 0;
  let events;
  if (input.events !== void 0) {
    for (const [key, why] of CONFLICTS_WITH_EVENTS) {
      if (input[key] !== void 0) add([key], `conflicts with events: ${why}`, "key");
    }
    if ((input.repeat ?? 1) > 1)
      add(["repeat"], "conflicts with events: list an event twice to send it twice", "key");
    if ((input.concurrency ?? 1) > 1) {
      add(["concurrency"], "conflicts with events: the events are sent one after another, in order", "key");
    }
    events = input.events.flatMap((item, i) => {
      const name = typeof item === "string" ? item : item.event;
      const at = typeof item === "string" ? ["events", i] : ["events", i, "event"];
      const override = typeof item === "string" ? void 0 : item.override;
      const unit = eventUnit(b, at, ["events", i, "override"], name, override);
      return unit ? [unit] : [];
    });
  } else if (input.order !== void 0) {
    add(
      ["order"],
      "applies to a list of events: give events, e.g. events: [customer.subscription.created, customer.subscription.updated]",
      "key"
    );
  }
  const order = input.order ?? "as-listed";
  if (input.seed !== void 0 && order !== "shuffled") {
    add(["seed"], "applies to order: shuffled", "key");
  }
  if (input["expect-duplicate"] !== void 0 && input.duplicate !== true) {
    add(["expect-duplicate"], "applies with duplicate: true", "key");
  }
  const dup = input["expect-duplicate"];
  const expectDuplicate = dup === void 0 || dup === "same-status" ? "same-status" : buildExpectations(add, ["expect-duplicate"], dup);
  let retry;
  if (input.retry !== void 0) {
    const { schedule, compress, attempts } = input.retry;
    const waits = typeof schedule === "string" ? schedule : schedule.map((w) => parseDuration("retry.schedule", w));
    const plan = retryPlan(waits, compressFactor(compress), attempts);
    if ("problem" in plan) add(["retry"], plan.problem, "key");
    else retry = plan.policy;
  }
  if (expectDuplicate === void 0) return void 0;
  return {
    events,
    order,
    // Chosen now, so that the scenario (and its report) carries the seed it ran with.
    seed: order === "shuffled" ? input.seed ?? newSeed() : void 0,
    duplicate: input.duplicate ?? false,
    expectDuplicate,
    retry
  };
}
var THEN_LINE = /^(GET|HEAD|POST|PUT|PATCH|DELETE) (\/\S*)$/;
function buildFollowUp(b, firstBody) {
  const { input, add } = b;
  if (input.capture === void 0 && input.then === void 0) return void 0;
  if (input.capture !== void 0 && input.then === void 0) {
    add(["capture"], "is used only by then requests (as ${capture.NAME}): add then", "key");
  }
  const captures = [];
  const sent = firstBody === void 0 ? NOT_JSON : jsonOf(firstBody);
  for (const [name, spec] of Object.entries(input.capture ?? {})) {
    const from = typeof spec === "string" || "body" in spec ? "body" : "response";
    const path7 = typeof spec === "string" ? spec : "body" in spec ? spec.body : spec.response;
    const at = typeof spec === "string" ? ["capture", name] : ["capture", name, from];
    const steps = parseJsonPath(path7);
    if (steps === void 0) {
      add(
        at,
        'is not a supported JSON path: start with $ and use .name, ["name"] and [index], e.g. $.data.object.id'
      );
      continue;
    }
    if (from === "body") {
      if (sent === NOT_JSON) {
        add(
          at,
          "reads the sent body, which is not JSON here; capture from the response with {response: <path>}"
        );
        continue;
      }
      if (valueAt(sent, steps) === MISSING) {
        add(at, missingPath(sent, steps));
        continue;
      }
    }
    captures.push({ name, from, path: path7, steps });
  }
  const names = new Set(Object.keys(input.capture ?? {}));
  const then = [];
  for (const [i, item] of (input.then ?? []).entries()) {
    const at = ["then", i];
    const [, method, path7] = THEN_LINE.exec(item.request) ?? [];
    const texts = [[[...at, "request"], path7 ?? ""]];
    for (const [name, value] of Object.entries(item.headers ?? {}))
      texts.push([[...at, "headers", name], String(value)]);
    texts.push(...expectTexts([...at, "expect"], item.expect));
    for (const [where, text] of texts) {
      const bad = badPlaceholder(text, names);
      if (bad !== void 0) {
        add(
          where,
          bad.includes("capture.") ? `uses ${bad}, which capture does not define${names.size > 0 ? ` (captured: ${[...names].join(", ")})` : ""}` : `uses the placeholder ${bad}; placeholders are \${env.NAME}, \${preview.url} and \${capture.NAME}`
        );
      }
    }
    const eventuallyMs = item.eventually === void 0 ? void 0 : parseDuration("eventually", item.eventually);
    if (eventuallyMs !== void 0 && eventuallyMs > MAX_EVENTUALLY_MS) {
      add([...at, "eventually"], "must be at most 10m");
    }
    const expect = buildExpectations(add, [...at, "expect"], item.expect);
    if (expect === void 0 || method === void 0 || path7 === void 0) continue;
    then.push({
      method,
      path: path7,
      headers: Object.entries(item.headers ?? {}).map(([k, v]) => [k, String(v)]),
      sendAuth: item["send-auth"] ?? true,
      eventuallyMs,
      expect,
      line: b.lineOf(at)
    });
  }
  return { captures, then };
}
var SENDING_KEYS = [
  "provider",
  "event",
  "path",
  "method",
  "body",
  "content-type",
  "headers",
  "secret-env",
  "public-key-env",
  "expect",
  "expect-rejected",
  "repeat",
  "concurrency",
  "timestamp-offset",
  "tamper",
  "send-auth",
  "timeout",
  "oauth",
  "duplicate",
  "expect-duplicate",
  "retry",
  "events",
  "order",
  "seed",
  "override",
  "capture",
  "then"
];
function buildExpectDeliveries(add, input) {
  const spec = input["expect-deliveries"];
  if (spec === void 0) return void 0;
  for (const key of SENDING_KEYS) {
    if (input[key] !== void 0) {
      add(
        [key],
        "cannot be used with expect-deliveries, which checks what GitHub itself delivered to the run's webhook (github-webhook): such a scenario has only name and expect-deliveries",
        "key"
      );
    }
  }
  const events = spec.events.flatMap((label, i) => {
    const problem = githubEventProblem(label, false);
    if (problem !== void 0) {
      add(["expect-deliveries", "events", i], problem);
      return [];
    }
    const dot = label.indexOf(".");
    return [{ event: githubEventOf(label), action: dot < 0 ? void 0 : label.slice(dot + 1), label }];
  });
  const withinMs = spec.within === void 0 ? DEFAULT_DELIVERIES_WITHIN_MS : parseDuration("within", spec.within);
  if (withinMs > MAX_DELIVERIES_WITHIN_MS) add(["expect-deliveries", "within"], "must be at most 30m");
  const items = spec.status === void 0 ? ["2xx"] : Array.isArray(spec.status) ? spec.status : [spec.status];
  const statusText = items.join(", ");
  let status3;
  try {
    status3 = parseStatusRanges("status", statusText);
  } catch {
    add(["expect-deliveries", "status"], "must be HTTP statuses with ranges from low to high, e.g. 200-299");
  }
  if (status3 === void 0 || events.length < spec.events.length) return void 0;
  return { events, withinMs, status: status3, statusText };
}

// src/scenarios/locate.ts
var import_yaml = __toESM(require_dist(), 1);
function locate(doc, path7) {
  let current = doc.contents;
  let key;
  let nearest = isNodeLike(current) ? current : void 0;
  for (const step of path7) {
    if ((0, import_yaml.isAlias)(current)) current = current.resolve(doc);
    key = void 0;
    if ((0, import_yaml.isMap)(current)) {
      const pair = current.items.find((p) => (0, import_yaml.isScalar)(p.key) && String(p.key.value) === String(step));
      if (pair === void 0) return { node: void 0, key: void 0, nearest };
      key = isNodeLike(pair.key) ? pair.key : void 0;
      current = pair.value;
    } else if ((0, import_yaml.isSeq)(current) && typeof step === "number") {
      current = current.items[step];
    } else {
      return { node: void 0, key: void 0, nearest };
    }
    if (!isNodeLike(current)) return { node: void 0, key, nearest: key ?? nearest };
    nearest = current;
  }
  return { node: isNodeLike(current) ? current : void 0, key, nearest };
}
function isNodeLike(value) {
  return typeof value === "object" && value !== null && "range" in value;
}
function position(node2, lines) {
  const offset = node2?.range?.[0] ?? 0;
  const { line, col } = lines.linePos(offset);
  return { line: Math.max(line, 1), column: Math.max(col, 1) };
}

// node_modules/zod/v4/core/util.js
var util_exports = {};
__export(util_exports, {
  BIGINT_FORMAT_RANGES: () => BIGINT_FORMAT_RANGES,
  CONSTANT_CATCH: () => CONSTANT_CATCH,
  Class: () => Class,
  NUMBER_FORMAT_RANGES: () => NUMBER_FORMAT_RANGES,
  aborted: () => aborted,
  allowsEval: () => allowsEval,
  assert: () => assert,
  assertEqual: () => assertEqual,
  assertIs: () => assertIs,
  assertNever: () => assertNever,
  assertNotEqual: () => assertNotEqual,
  assignProp: () => assignProp,
  attachSchema: () => attachSchema,
  base64ToUint8Array: () => base64ToUint8Array,
  base64urlToUint8Array: () => base64urlToUint8Array,
  cached: () => cached,
  captureStackTrace: () => captureStackTrace,
  cleanEnum: () => cleanEnum,
  cleanRegex: () => cleanRegex,
  clone: () => clone,
  cloneDef: () => cloneDef,
  codePointLength: () => codePointLength,
  constantCatch: () => constantCatch,
  createTransparentProxy: () => createTransparentProxy,
  defineLazy: () => defineLazy,
  defineLazyInternal: () => defineLazyInternal,
  derived: () => derived,
  esc: () => esc,
  escapeRegex: () => escapeRegex,
  explicitlyAborted: () => explicitlyAborted,
  extend: () => extend,
  finalizeIssue: () => finalizeIssue,
  floatSafeRemainder: () => floatSafeRemainder,
  getElementAtPath: () => getElementAtPath,
  getEnumValues: () => getEnumValues,
  getLengthableOrigin: () => getLengthableOrigin,
  getParsedType: () => getParsedType,
  getSizableOrigin: () => getSizableOrigin,
  hexToUint8Array: () => hexToUint8Array,
  hide: () => hide,
  installLazyProp: () => installLazyProp,
  isObject: () => isObject,
  isPlainObject: () => isPlainObject,
  issue: () => issue,
  joinValues: () => joinValues,
  jsonStringifyReplacer: () => jsonStringifyReplacer,
  members: () => members,
  merge: () => merge,
  mergeDefs: () => mergeDefs,
  normalizeParams: () => normalizeParams,
  nullish: () => nullish,
  numKeys: () => numKeys,
  objectClone: () => objectClone,
  omit: () => omit,
  optionalKeys: () => optionalKeys,
  own: () => own,
  parsedType: () => parsedType,
  partial: () => partial,
  pick: () => pick,
  prefixIssues: () => prefixIssues,
  primitiveTypes: () => primitiveTypes,
  promiseAllObject: () => promiseAllObject,
  propertyKeyTypes: () => propertyKeyTypes,
  randomString: () => randomString,
  rawShape: () => rawShape,
  required: () => required,
  safeExtend: () => safeExtend,
  shallowClone: () => shallowClone,
  sizeCaps: () => sizeCaps,
  slugify: () => slugify,
  stringifyPrimitive: () => stringifyPrimitive,
  toZod: () => toZod,
  uint8ArrayToBase64: () => uint8ArrayToBase64,
  uint8ArrayToBase64url: () => uint8ArrayToBase64url,
  uint8ArrayToHex: () => uint8ArrayToHex,
  unwrapMessage: () => unwrapMessage
});
function assertEqual(val) {
  return val;
}
function assertNotEqual(val) {
  return val;
}
function toZod() {
  return (schema) => schema;
}
function assertIs(_arg) {
}
function assertNever(_x) {
  throw new Error("Unexpected value in exhaustive check");
}
function assert(_) {
}
function getEnumValues(entries) {
  const numericValues = Object.values(entries).filter((v) => typeof v === "number");
  const values = Object.entries(entries).filter(([k, _]) => numericValues.indexOf(+k) === -1).map(([_, v]) => v);
  return values;
}
function joinValues(array2, separator = "|") {
  return array2.map((val) => stringifyPrimitive(val)).join(separator);
}
function jsonStringifyReplacer(_, value) {
  if (typeof value === "bigint")
    return value.toString();
  return value;
}
var Cached = class {
  constructor(getter) {
    this._getter = getter;
    this._value = void 0;
  }
  get value() {
    const getter = this._getter;
    if (getter !== void 0) {
      this._value = getter();
      this._getter = void 0;
    }
    return this._value;
  }
};
function cached(getter) {
  return new Cached(getter);
}
function nullish(input) {
  return input === null || input === void 0;
}
function cleanRegex(source) {
  const start = source.startsWith("^") ? 1 : 0;
  const end = source.endsWith("$") ? source.length - 1 : source.length;
  return source.slice(start, end);
}
function floatSafeRemainder(val, step) {
  const ratio = val / step;
  const roundedRatio = Math.round(ratio);
  const tolerance = 4 * Number.EPSILON * Math.max(Math.abs(ratio), 1);
  if (Math.abs(ratio - roundedRatio) < tolerance)
    return 0;
  return ratio - roundedRatio;
}
var EVALUATING = /* @__PURE__ */ Symbol("evaluating");
function defineLazy(object, key, getter) {
  let value = void 0;
  Object.defineProperty(object, key, {
    get() {
      if (value === EVALUATING) {
        return void 0;
      }
      if (value === void 0) {
        value = EVALUATING;
        value = getter();
      }
      return value;
    },
    set(v) {
      Object.defineProperty(object, key, {
        value: v
        // configurable: true,
      });
    },
    configurable: true
  });
}
function objectClone(obj) {
  return Object.create(Object.getPrototypeOf(obj), Object.getOwnPropertyDescriptors(obj));
}
function assignProp(target, prop, value) {
  Object.defineProperty(target, prop, {
    value,
    writable: true,
    enumerable: true,
    configurable: true
  });
}
function rawShape(def) {
  const desc = Object.getOwnPropertyDescriptor(def, "shape");
  return desc?.get ? desc.get.raw : desc?.value;
}
function sourceShape(schema) {
  return rawShape(schema._zod.def) ?? schema._zod.def.shape;
}
function deferProp(target, key, getter) {
  Object.defineProperty(target, key, {
    get() {
      const value = getter();
      assignProp(this, key, value);
      return value;
    },
    enumerable: true,
    configurable: true
  });
}
function putProp(target, key, value) {
  if (key in target)
    assignProp(target, key, value);
  else
    target[key] = value;
}
function mirrorShape(target, source, keys, wrap) {
  const raw = sourceShape(source);
  for (const key of keys) {
    const desc = Object.getOwnPropertyDescriptor(raw, key);
    if (!desc.enumerable)
      continue;
    if (desc.get) {
      deferProp(target, key, () => {
        const value = source._zod.def.shape[key];
        return wrap ? wrap(value, key) : value;
      });
    } else
      putProp(target, key, wrap ? wrap(desc.value, key) : desc.value);
  }
}
function mirrorProps(target, source) {
  for (const key of Reflect.ownKeys(source)) {
    const desc = Object.getOwnPropertyDescriptor(source, key);
    if (!desc.enumerable)
      continue;
    if (desc.get)
      deferProp(target, key, () => source[key]);
    else
      putProp(target, key, desc.value);
  }
}
function mergeDefs(...defs) {
  const mergedDescriptors = {};
  for (const def of defs) {
    const descriptors = Object.getOwnPropertyDescriptors(def);
    Object.assign(mergedDescriptors, descriptors);
  }
  return Object.defineProperties({}, mergedDescriptors);
}
function cloneDef(schema) {
  return mergeDefs(schema._zod.def);
}
function getElementAtPath(obj, path7) {
  if (!path7)
    return obj;
  return path7.reduce((acc, key) => acc?.[key], obj);
}
function promiseAllObject(promisesObj) {
  const keys = Object.keys(promisesObj);
  const promises = keys.map((key) => promisesObj[key]);
  return Promise.all(promises).then((results) => {
    const resolvedObj = {};
    for (let i = 0; i < keys.length; i++) {
      resolvedObj[keys[i]] = results[i];
    }
    return resolvedObj;
  });
}
function randomString(length = 10) {
  const chars = "abcdefghijklmnopqrstuvwxyz";
  let str = "";
  for (let i = 0; i < length; i++) {
    str += chars[Math.floor(Math.random() * chars.length)];
  }
  return str;
}
function esc(str) {
  return JSON.stringify(str);
}
function slugify(input) {
  return input.toLowerCase().trim().replace(/[^\w\s-]/g, "").replace(/[\s_-]+/g, "-").replace(/^-+|-+$/g, "");
}
var captureStackTrace = "captureStackTrace" in Error ? Error.captureStackTrace : (..._args) => {
};
function isObject(data) {
  return typeof data === "object" && data !== null && !Array.isArray(data);
}
var allowsEval = /* @__PURE__ */ cached(() => {
  if (globalConfig.jitless) {
    return false;
  }
  if (typeof navigator !== "undefined" && navigator?.userAgent?.includes("Cloudflare")) {
    return false;
  }
  try {
    const F = Function;
    new F("");
    return true;
  } catch (_) {
    return false;
  }
});
function isPlainObject(o) {
  if (isObject(o) === false)
    return false;
  const ctor = o.constructor;
  if (ctor === void 0)
    return true;
  if (typeof ctor !== "function")
    return true;
  const prot = ctor.prototype;
  if (isObject(prot) === false)
    return false;
  if (Object.prototype.hasOwnProperty.call(prot, "isPrototypeOf") === false) {
    return false;
  }
  return true;
}
function shallowClone(o) {
  if (isPlainObject(o))
    return { ...o };
  if (Array.isArray(o))
    return [...o];
  if (o instanceof Map)
    return new Map(o);
  if (o instanceof Set)
    return new Set(o);
  return o;
}
function numKeys(data) {
  let keyCount = 0;
  for (const key in data) {
    if (Object.prototype.hasOwnProperty.call(data, key)) {
      keyCount++;
    }
  }
  return keyCount;
}
var getParsedType = (data) => {
  const t = typeof data;
  switch (t) {
    case "undefined":
      return "undefined";
    case "string":
      return "string";
    case "number":
      return Number.isNaN(data) ? "nan" : "number";
    case "boolean":
      return "boolean";
    case "function":
      return "function";
    case "bigint":
      return "bigint";
    case "symbol":
      return "symbol";
    case "object":
      if (Array.isArray(data)) {
        return "array";
      }
      if (data === null) {
        return "null";
      }
      if (data.then && typeof data.then === "function" && data.catch && typeof data.catch === "function") {
        return "promise";
      }
      if (typeof Map !== "undefined" && data instanceof Map) {
        return "map";
      }
      if (typeof Set !== "undefined" && data instanceof Set) {
        return "set";
      }
      if (typeof Date !== "undefined" && data instanceof Date) {
        return "date";
      }
      if (typeof File !== "undefined" && data instanceof File) {
        return "file";
      }
      return "object";
    default:
      throw new Error(`Unknown data type: ${t}`);
  }
};
var propertyKeyTypes = /* @__PURE__ */ new Set(["string", "number", "symbol"]);
var primitiveTypes = /* @__PURE__ */ new Set([
  "string",
  "number",
  "bigint",
  "boolean",
  "symbol",
  "undefined"
]);
function escapeRegex(str) {
  return str.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function clone(inst, def, params) {
  const cl = new inst._zod.constr(def ?? inst._zod.def);
  if (!def || params?.parent)
    cl._zod.parent = inst;
  return cl;
}
function normalizeParams(_params) {
  const params = _params;
  if (!params)
    return {};
  if (typeof params === "string")
    return { error: () => params };
  if (params?.message !== void 0) {
    if (params?.error !== void 0)
      throw new Error("Cannot specify both `message` and `error` params");
    params.error = params.message;
  }
  delete params.message;
  if (typeof params.error === "string")
    return { ...params, error: () => params.error };
  return params;
}
function createTransparentProxy(getter) {
  let target;
  return new Proxy({}, {
    get(_, prop, receiver) {
      target ?? (target = getter());
      return Reflect.get(target, prop, receiver);
    },
    set(_, prop, value, receiver) {
      target ?? (target = getter());
      return Reflect.set(target, prop, value, receiver);
    },
    has(_, prop) {
      target ?? (target = getter());
      return Reflect.has(target, prop);
    },
    deleteProperty(_, prop) {
      target ?? (target = getter());
      return Reflect.deleteProperty(target, prop);
    },
    ownKeys(_) {
      target ?? (target = getter());
      return Reflect.ownKeys(target);
    },
    getOwnPropertyDescriptor(_, prop) {
      target ?? (target = getter());
      return Reflect.getOwnPropertyDescriptor(target, prop);
    },
    defineProperty(_, prop, descriptor) {
      target ?? (target = getter());
      return Reflect.defineProperty(target, prop, descriptor);
    }
  });
}
function stringifyPrimitive(value) {
  if (typeof value === "bigint")
    return value.toString() + "n";
  if (typeof value === "string")
    return `"${value}"`;
  return `${value}`;
}
function optionalKeys(shape) {
  return Object.keys(shape).filter((k) => {
    return shape[k]._zod.optin !== void 0 && shape[k]._zod.optout === "optional";
  });
}
var NUMBER_FORMAT_RANGES = /* @__PURE__ */ (() => ({
  safeint: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  int32: [-2147483648, 2147483647],
  uint32: [0, 4294967295],
  float32: [-34028234663852886e22, 34028234663852886e22],
  float64: [-Number.MAX_VALUE, Number.MAX_VALUE]
}))();
var BIGINT_FORMAT_RANGES = {
  int64: [/* @__PURE__ */ BigInt("-9223372036854775808"), /* @__PURE__ */ BigInt("9223372036854775807")],
  uint64: [/* @__PURE__ */ BigInt(0), /* @__PURE__ */ BigInt("18446744073709551615")]
};
function pick(schema, mask) {
  const currDef = schema._zod.def;
  const checks = currDef.checks;
  const hasChecks = checks && checks.length > 0;
  if (hasChecks) {
    throw new Error(".pick() cannot be used on object schemas containing refinements");
  }
  const newShape = {};
  mirrorShape(newShape, schema, maskedKeys(schema, mask));
  return clone(schema, mergeDefs(currDef, { shape: newShape, checks: [] }));
}
function maskedKeys(schema, mask) {
  const raw = sourceShape(schema);
  const keys = [];
  for (const key of Reflect.ownKeys(mask)) {
    if (!Object.getOwnPropertyDescriptor(raw, key)?.enumerable) {
      throw new Error(`Unrecognized key: "${String(key)}"`);
    }
    if (mask[key])
      keys.push(key);
  }
  return keys;
}
function omit(schema, mask) {
  const currDef = schema._zod.def;
  const checks = currDef.checks;
  const hasChecks = checks && checks.length > 0;
  if (hasChecks) {
    throw new Error(".omit() cannot be used on object schemas containing refinements");
  }
  const omitted = new Set(maskedKeys(schema, mask));
  const newShape = {};
  mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)).filter((key) => !omitted.has(key)));
  return clone(schema, mergeDefs(currDef, { shape: newShape, checks: [] }));
}
function extend(schema, shape) {
  if (!isPlainObject(shape)) {
    throw new Error("Invalid input to extend: expected a plain object");
  }
  const checks = schema._zod.def.checks;
  const hasChecks = checks && checks.length > 0;
  if (hasChecks) {
    const existingShape = sourceShape(schema);
    for (const key of Reflect.ownKeys(shape)) {
      if (Object.getOwnPropertyDescriptor(existingShape, key) !== void 0) {
        throw new Error("Cannot overwrite keys on object schemas containing refinements. Use `.safeExtend()` instead.");
      }
    }
  }
  return clone(schema, mergeDefs(schema._zod.def, { shape: extended(schema, shape) }));
}
function extended(schema, shape) {
  const newShape = {};
  mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)));
  mirrorProps(newShape, shape);
  return newShape;
}
function safeExtend(schema, shape) {
  if (!isPlainObject(shape)) {
    throw new Error("Invalid input to safeExtend: expected a plain object");
  }
  return clone(schema, mergeDefs(schema._zod.def, { shape: extended(schema, shape) }));
}
function merge(a, b) {
  if (!b?._zod?.def) {
    throw new Error("Invalid input to merge: expected an object schema. To merge a plain shape, use `.extend()`.");
  }
  if (a._zod.def.checks?.length) {
    throw new Error(".merge() cannot be used on object schemas containing refinements. Use .safeExtend() instead.");
  }
  const newShape = {};
  mirrorShape(newShape, a, Reflect.ownKeys(sourceShape(a)));
  mirrorShape(newShape, b, Reflect.ownKeys(sourceShape(b)));
  const def = mergeDefs(a._zod.def, {
    shape: newShape,
    get catchall() {
      return b._zod.def.catchall;
    },
    checks: b._zod.def.checks ?? []
  });
  return clone(a, def);
}
function partial(Class2, schema, mask, name = "partial") {
  const currDef = schema._zod.def;
  const checks = currDef.checks;
  const hasChecks = checks && checks.length > 0;
  if (hasChecks) {
    throw new Error(`.${name}() cannot be used on object schemas containing refinements`);
  }
  const selected = mask ? new Set(maskedKeys(schema, mask)) : void 0;
  const newShape = {};
  mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)), Class2 && ((value, key) => selected && !selected.has(key) ? value : new Class2({ type: "optional", innerType: value })));
  return clone(schema, mergeDefs(schema._zod.def, { shape: newShape, checks: [] }));
}
function required(Class2, schema, mask) {
  const selected = mask ? new Set(maskedKeys(schema, mask)) : void 0;
  const newShape = {};
  mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)), (value, key) => (
    // overwrite with non-optional
    selected && !selected.has(key) ? value : new Class2({ type: "nonoptional", innerType: value })
  ));
  return clone(schema, mergeDefs(schema._zod.def, { shape: newShape }));
}
function aborted(x, startIndex = 0) {
  if (x.aborted === true)
    return true;
  for (let i = startIndex; i < x.issues.length; i++) {
    if (x.issues[i]?.continue !== true) {
      return true;
    }
  }
  return false;
}
function explicitlyAborted(x, startIndex = 0) {
  if (x.aborted === true)
    return true;
  for (let i = startIndex; i < x.issues.length; i++) {
    if (x.issues[i]?.continue === false) {
      return true;
    }
  }
  return false;
}
function prefixIssues(path7, issues) {
  return issues.map((iss) => {
    var _a3;
    (_a3 = iss).path ?? (_a3.path = []);
    iss.path.unshift(path7);
    return iss;
  });
}
function unwrapMessage(message) {
  return typeof message === "string" ? message : message?.message;
}
function sizeCaps(defChecks) {
  const caps = [];
  for (const ch of defChecks ?? []) {
    const d = ch._zod.def;
    if (!/_(length|size)$|_equals$/.test(d.check))
      break;
    const max = d.maximum ?? d.length ?? d.size;
    if (max >= 0)
      caps.push([max, ch]);
  }
  return caps;
}
function attachSchema(issues, start, inst) {
  var _a3;
  for (let i = start; i < issues.length; i++) {
    (_a3 = issues[i]).schema ?? (_a3.schema = inst);
  }
}
function finalizeIssue(iss, ctx, config2) {
  var _a3;
  const traits = iss.inst?._zod?.traits;
  if (traits?.has("$ZodType")) {
    if (traits.has("$ZodCheck"))
      (_a3 = iss).schema ?? (_a3.schema = iss.inst);
    else
      iss.schema = iss.inst;
  }
  const schemaError = iss.schema !== iss.inst ? iss.schema?._zod.def?.error : void 0;
  const message = iss.message ? iss.message : unwrapMessage(iss.inst?._zod.def?.error?.(iss)) ?? unwrapMessage(schemaError?.(iss)) ?? unwrapMessage(ctx?.error?.(iss)) ?? unwrapMessage(config2.customError?.(iss)) ?? unwrapMessage(config2.localeError?.(iss)) ?? "Invalid input";
  const full = {};
  for (const k of Object.keys(iss)) {
    if (k === "inst" || k === "schema" || k === "continue" || k === "input" || k === "__proto__")
      continue;
    full[k] = iss[k];
  }
  full.path ?? (full.path = []);
  full.message = message;
  if (ctx?.reportInput) {
    full.input = iss.input;
  }
  return full;
}
function getSizableOrigin(input) {
  if (input instanceof Set)
    return "set";
  if (input instanceof Map)
    return "map";
  if (input instanceof File)
    return "file";
  return "unknown";
}
var highSurrogate = /[\uD800-\uDBFF]/;
function codePointLength(str) {
  const units2 = str.length;
  if (!highSurrogate.test(str))
    return units2;
  let count = units2;
  for (let i = 0; i < units2 - 1; i++) {
    if ((str.charCodeAt(i) & 64512) === 55296 && (str.charCodeAt(i + 1) & 64512) === 56320) {
      count--;
      i++;
    }
  }
  return count;
}
function getLengthableOrigin(input) {
  if (Array.isArray(input))
    return "array";
  if (typeof input === "string")
    return "string";
  return "unknown";
}
function parsedType(data) {
  const t = typeof data;
  switch (t) {
    case "number": {
      return Number.isNaN(data) ? "nan" : "number";
    }
    case "object": {
      if (data === null) {
        return "null";
      }
      if (Array.isArray(data)) {
        return "array";
      }
      const obj = data;
      if (obj && Object.getPrototypeOf(obj) !== Object.prototype && "constructor" in obj && obj.constructor) {
        return obj.constructor.name;
      }
    }
  }
  return t;
}
function issue(...args) {
  const [iss, input, inst] = args;
  if (typeof iss === "string") {
    return {
      message: iss,
      code: "custom",
      input,
      inst
    };
  }
  return { ...iss };
}
function cleanEnum(obj) {
  return Object.entries(obj).filter(([k, _]) => {
    return Number.isNaN(Number.parseInt(k, 10));
  }).map((el) => el[1]);
}
function base64ToUint8Array(base642) {
  const binaryString = atob(base642);
  const bytes = new Uint8Array(binaryString.length);
  for (let i = 0; i < binaryString.length; i++) {
    bytes[i] = binaryString.charCodeAt(i);
  }
  return bytes;
}
function uint8ArrayToBase64(bytes) {
  let binaryString = "";
  for (let i = 0; i < bytes.length; i++) {
    binaryString += String.fromCharCode(bytes[i]);
  }
  return btoa(binaryString);
}
function base64urlToUint8Array(base64url2) {
  const base642 = base64url2.replace(/-/g, "+").replace(/_/g, "/");
  const padding = "=".repeat((4 - base642.length % 4) % 4);
  return base64ToUint8Array(base642 + padding);
}
function uint8ArrayToBase64url(bytes) {
  return uint8ArrayToBase64(bytes).replace(/\+/g, "-").replace(/\//g, "_").replace(/=/g, "");
}
function hexToUint8Array(hex) {
  const cleanHex = hex.replace(/^0x/, "");
  if (cleanHex.length % 2 !== 0) {
    throw new Error("Invalid hex string length");
  }
  const bytes = new Uint8Array(cleanHex.length / 2);
  for (let i = 0; i < cleanHex.length; i += 2) {
    bytes[i / 2] = Number.parseInt(cleanHex.slice(i, i + 2), 16);
  }
  return bytes;
}
function uint8ArrayToHex(bytes) {
  return Array.from(bytes).map((b) => b.toString(16).padStart(2, "0")).join("");
}
var Class = class {
  constructor(..._args) {
  }
};
function members(proto, table) {
  for (const key in table) {
    const desc = Object.getOwnPropertyDescriptor(table, key);
    if (desc.get)
      Object.defineProperty(proto, key, { ...desc, enumerable: false });
    else
      defineBound(proto, key, desc.value);
  }
}
function own(inst, key, value, enumerable = true) {
  Object.defineProperty(inst, key, { configurable: true, writable: true, enumerable, value });
  return value;
}
function hide(inst, key, value) {
  return own(inst, key, value, false);
}
// @__NO_SIDE_EFFECTS__
function derived(computes, table) {
  for (const key in computes) {
    const compute = computes[key];
    Object.defineProperty(table, key, {
      configurable: true,
      enumerable: true,
      get() {
        return own(this, key, compute(this));
      },
      set(value) {
        own(this, key, value);
      }
    });
  }
  return table;
}
function defineBound(proto, key, fn) {
  Object.defineProperty(proto, key, {
    configurable: true,
    get() {
      return this == null ? fn : own(this, key, fn.bind(this));
    },
    set(value) {
      own(this, key, value);
    }
  });
}
function claim(inst, sentinel) {
  const proto = Object.getPrototypeOf(inst);
  return sentinel in proto ? void 0 : proto;
}
var installing;
var broke = false;
var breaker = {
  configurable: true,
  get() {
    broke = true;
    return void 0;
  }
};
function defineLazyInternal(inst, key, compute) {
  const proto = Object.getPrototypeOf(inst._zod);
  if (key in proto && installing !== inst._zod) {
    installing = void 0;
    return;
  }
  installing = inst._zod;
  Object.defineProperty(proto, key, {
    configurable: true,
    get() {
      Object.defineProperty(this, key, breaker);
      const outer = broke;
      broke = false;
      try {
        const value = compute(this);
        if (broke)
          delete this[key];
        else
          Object.defineProperty(this, key, { configurable: true, writable: true, value });
        broke = broke || outer;
        return value;
      } catch (err) {
        delete this[key];
        broke = broke || outer;
        throw err;
      }
    },
    set(value) {
      Object.defineProperty(this, key, { configurable: true, writable: true, value });
    }
  });
}
function installLazyProp(inst, key, make, enumerable) {
  const proto = claim(inst, key);
  if (!proto)
    return;
  Object.defineProperty(proto, key, {
    configurable: true,
    get() {
      const desc = { configurable: true, writable: true, enumerable, value: void 0 };
      Object.defineProperty(this, key, desc);
      desc.value = make(this);
      Object.defineProperty(this, key, desc);
      return desc.value;
    },
    set(value) {
      Object.defineProperty(this, key, { configurable: true, writable: true, enumerable, value });
    }
  });
}
var CONSTANT_CATCH = "~constantCatch";
function constantCatch(value) {
  const fn = () => value;
  fn[CONSTANT_CATCH] = true;
  return fn;
}

// node_modules/zod/v4/core/core.js
var _a;
var _zodDesc = { value: void 0, enumerable: false };
var _E = "captureStackTrace" in Error ? Error : null;
function newError(Definition) {
  const E = _E;
  if (E) {
    const saved = E.stackTraceLimit;
    if (typeof saved === "number") {
      try {
        E.stackTraceLimit = 0;
      } catch {
        _E = null;
        return new Definition();
      }
      try {
        return new Definition();
      } finally {
        E.stackTraceLimit = saved;
      }
    }
  }
  return new Definition();
}
// @__NO_SIDE_EFFECTS__
function $constructor(name, initializer3, proto, params) {
  const zodProto = {};
  function Internals(def) {
    this.def = def;
    this.constr = _;
    this.traits = /* @__PURE__ */ new Set();
  }
  Internals.prototype = zodProto;
  const protoMembers = proto;
  const initialized = protoMembers && /* @__PURE__ */ new WeakSet();
  function init(inst, def) {
    if (!inst._zod) {
      _zodDesc.value = new Internals(def);
      try {
        Object.defineProperty(inst, "_zod", _zodDesc);
      } finally {
        _zodDesc.value = void 0;
      }
    } else if (inst._zod.traits.has(name)) {
      return;
    }
    inst._zod.traits.add(name);
    initializer3(inst, def);
    if (initialized) {
      const own2 = Object.getPrototypeOf(inst);
      const ctorProto = inst._zod.constr.prototype;
      let up = own2;
      while (up && up !== ctorProto)
        up = Object.getPrototypeOf(up);
      const target = up ?? own2;
      if (!initialized.has(target)) {
        initialized.add(target);
        members(target, protoMembers);
      }
    }
    const proto2 = _.prototype;
    for (const k in proto2) {
      if (!Object.prototype.hasOwnProperty.call(proto2, k))
        continue;
      if (!(k in inst)) {
        inst[k] = proto2[k].bind(inst);
      }
    }
  }
  const Parent = params?.Parent ?? Object;
  class Definition extends Parent {
  }
  Object.defineProperty(Definition, "name", { value: name });
  function _(def) {
    const inst = params?.Parent ? newError(Definition) : this;
    init(inst, def);
    const deferred = inst._zod.deferred;
    if (deferred) {
      for (const fn of deferred) {
        fn();
      }
      inst._zod.deferred = void 0;
    }
    const pp = globalThis.__zod_globalConfig?.postProcessor;
    if (pp)
      pp(inst);
    return inst;
  }
  Object.defineProperty(_, "init", { value: init });
  Object.defineProperty(_, Symbol.hasInstance, {
    value: (inst) => {
      if (params?.Parent && inst instanceof params.Parent)
        return true;
      return inst?._zod?.traits?.has(name);
    }
  });
  Object.defineProperty(_, "name", { value: name });
  return _;
}
var $ZodAsyncError = class extends Error {
  constructor() {
    super(`Encountered Promise during synchronous parse. Use .parseAsync() instead.`);
  }
};
var $ZodEncodeError = class extends Error {
  constructor(name) {
    super(`Encountered unidirectional transform during encode: ${name}`);
    this.name = "ZodEncodeError";
  }
};
(_a = globalThis).__zod_globalConfig ?? (_a.__zod_globalConfig = {});
var globalConfig = globalThis.__zod_globalConfig;
function config(newConfig) {
  if (newConfig)
    Object.assign(globalConfig, newConfig);
  return globalConfig;
}

// node_modules/zod/v4/core/errors.js
function _getMessage() {
  const internals = this._zod;
  internals.message ?? (internals.message = JSON.stringify(internals.def, jsonStringifyReplacer, 2));
  return internals.message;
}
function _setMessage(value) {
  this._zod.message = value;
}
var _messageDesc = {
  get: _getMessage,
  set: _setMessage,
  enumerable: true,
  configurable: true
};
var _issuesDesc = { value: void 0, enumerable: false };
var _installedToString = /* @__PURE__ */ new WeakSet([Object.prototype, Error.prototype]);
var initializer = (inst, def) => {
  inst.name = "$ZodError";
  _issuesDesc.value = def;
  Object.defineProperty(inst, "issues", _issuesDesc);
  _issuesDesc.value = void 0;
  Object.defineProperty(inst, "message", _messageDesc);
  const proto = Object.getPrototypeOf(inst);
  if (!_installedToString.has(proto)) {
    _installedToString.add(proto);
    Object.defineProperty(proto, "toString", {
      configurable: true,
      enumerable: false,
      get() {
        const value = () => this.message;
        Object.defineProperty(this, "toString", { value, configurable: true, writable: true });
        return value;
      },
      set(value) {
        Object.defineProperty(this, "toString", { value, configurable: true, writable: true });
      }
    });
  }
};
var $ZodError = $constructor("$ZodError", initializer);
var $ZodRealError = $constructor("$ZodError", initializer, void 0, {
  Parent: Error
});
function node(obj, key, make) {
  if (!Object.prototype.hasOwnProperty.call(obj, key)) {
    if (key === "__proto__") {
      Object.defineProperty(obj, key, { value: make(), writable: true, enumerable: true, configurable: true });
    } else {
      obj[key] = make();
    }
  }
  return obj[key];
}
function flattenError(error2, mapper = (issue2) => issue2.message) {
  const fieldErrors = {};
  const formErrors = [];
  for (const sub of error2.issues) {
    if (sub.path.length > 0) {
      node(fieldErrors, sub.path[0], () => []).push(mapper(sub));
    } else {
      formErrors.push(mapper(sub));
    }
  }
  return { formErrors, fieldErrors };
}
function formatError(error2, mapper = (issue2) => issue2.message) {
  const fieldErrors = { _errors: [] };
  const processError = (error3, path7 = []) => {
    for (const issue2 of error3.issues) {
      if (issue2.code === "invalid_union" && issue2.errors.length) {
        issue2.errors.map((issues) => processError({ issues }, [...path7, ...issue2.path]));
      } else if (issue2.code === "invalid_key") {
        processError({ issues: issue2.issues }, [...path7, ...issue2.path]);
      } else if (issue2.code === "invalid_element") {
        processError({ issues: issue2.issues }, [...path7, ...issue2.path]);
      } else {
        const fullpath = [...path7, ...issue2.path];
        if (fullpath.length === 0) {
          fieldErrors._errors.push(mapper(issue2));
        } else {
          let curr = fieldErrors;
          let i = 0;
          while (i < fullpath.length) {
            const el = fullpath[i];
            const terminal = i === fullpath.length - 1;
            if (el === "_errors") {
              if (terminal)
                curr._errors.push(mapper(issue2));
              i++;
              continue;
            }
            if (!Object.prototype.hasOwnProperty.call(curr, el)) {
              Object.defineProperty(curr, el, {
                value: { _errors: [] },
                enumerable: true,
                writable: true,
                configurable: true
              });
            }
            const node2 = curr[el];
            if (terminal) {
              node2._errors.push(mapper(issue2));
            }
            curr = node2;
            i++;
          }
        }
      }
    }
  };
  processError(error2);
  return fieldErrors;
}

// node_modules/zod/v4/core/parse.js
function finalizeParams(callee, params) {
  return { callee: params?.callee ?? callee, Err: params?.Err };
}
var _parse = (_Err) => {
  const fn = (schema, value, _ctx, _params) => {
    const ctx = _ctx ? { ..._ctx, async: false } : { async: false };
    const result = schema._zod.run({ value, issues: [] }, ctx);
    if (result instanceof Promise) {
      throw new $ZodAsyncError();
    }
    if (result.issues.length) {
      const e = new (_params?.Err ?? _Err)(result.issues.map((iss) => finalizeIssue(iss, ctx, config())));
      captureStackTrace(e, _params?.callee ?? fn);
      throw e;
    }
    return result.value;
  };
  return fn;
};
var _parseAsync = (_Err) => {
  const fn = async (schema, value, _ctx, params) => {
    const ctx = _ctx ? { ..._ctx, async: true } : { async: true };
    let result = schema._zod.run({ value, issues: [] }, ctx);
    if (result instanceof Promise)
      result = await result;
    if (result.issues.length) {
      const e = new (params?.Err ?? _Err)(result.issues.map((iss) => finalizeIssue(iss, ctx, config())));
      captureStackTrace(e, params?.callee ?? fn);
      throw e;
    }
    return result.value;
  };
  return fn;
};
var _safeParse = (_Err) => (schema, value, _ctx) => {
  const ctx = _ctx ? { ..._ctx, async: false } : { async: false };
  const result = schema._zod.run({ value, issues: [] }, ctx);
  if (result instanceof Promise) {
    throw new $ZodAsyncError();
  }
  return result.issues.length ? failure(_Err, result.issues, ctx) : { success: true, data: result.value };
};
function failure(Err, issues, ctx) {
  let error2;
  return {
    success: false,
    get error() {
      if (!error2) {
        error2 = new Err(issues.map((iss) => finalizeIssue(iss, ctx, config())));
        issues = void 0;
        ctx = void 0;
      }
      return error2;
    },
    set error(e) {
      error2 = e;
      issues = void 0;
      ctx = void 0;
    }
  };
}
var _safeParseAsync = (_Err) => async (schema, value, _ctx) => {
  const ctx = _ctx ? { ..._ctx, async: true } : { async: true };
  let result = schema._zod.run({ value, issues: [] }, ctx);
  if (result instanceof Promise)
    result = await result;
  return result.issues.length ? failure(_Err, result.issues, ctx) : { success: true, data: result.value };
};
var COMPILE_INVALID = /* @__PURE__ */ Symbol.for("zod.compile.invalid");
var COMPILE_FALLBACK = /* @__PURE__ */ Symbol.for("zod.compile.fallback");
var validate = ((schema, value, _ctx) => {
  const validator = schema._zod.bag.validator;
  if (validator !== void 0) {
    if (validator(value) !== COMPILE_INVALID)
      return true;
    if (validator.definite === true && _ctx === void 0)
      return false;
  }
  return validateFallback(schema, value, _ctx);
});
function validateFallback(schema, value, _ctx) {
  const ctx = _ctx ? { ..._ctx, async: false, abortEarly: true } : { async: false, abortEarly: true };
  const fallbackRun = schema._zod.bag.fallbackRun;
  let result;
  if (fallbackRun) {
    ctx[COMPILE_FALLBACK] = true;
    result = fallbackRun({ value, issues: [] }, ctx);
  } else {
    result = schema._zod.run({ value, issues: [] }, ctx);
  }
  if (result instanceof Promise) {
    throw new $ZodAsyncError();
  }
  return result.issues.length === 0;
}
var validateAsync = async (schema, value, _ctx) => {
  const ctx = _ctx ? { ..._ctx, async: true, abortEarly: true } : { async: true, abortEarly: true };
  let result = schema._zod.run({ value, issues: [] }, ctx);
  if (result instanceof Promise)
    result = await result;
  return result.issues.length === 0;
};
var _encode = (_Err) => {
  const parse3 = _parse(_Err);
  const fn = (schema, value, _ctx, _params) => {
    const ctx = _ctx ? { ..._ctx, direction: "backward" } : { direction: "backward" };
    return parse3(schema, value, ctx, finalizeParams(fn, _params));
  };
  return fn;
};
var _decode = (_Err) => {
  const parse3 = _parse(_Err);
  const fn = (schema, value, _ctx, _params) => {
    return parse3(schema, value, _ctx, finalizeParams(fn, _params));
  };
  return fn;
};
var _encodeAsync = (_Err) => {
  const parseAsync2 = _parseAsync(_Err);
  const fn = async (schema, value, _ctx, _params) => {
    const ctx = _ctx ? { ..._ctx, direction: "backward" } : { direction: "backward" };
    return await parseAsync2(schema, value, ctx, finalizeParams(fn, _params));
  };
  return fn;
};
var _decodeAsync = (_Err) => {
  const parseAsync2 = _parseAsync(_Err);
  const fn = async (schema, value, _ctx, _params) => {
    return await parseAsync2(schema, value, _ctx, finalizeParams(fn, _params));
  };
  return fn;
};
var _safeEncode = (_Err) => (schema, value, _ctx) => {
  const ctx = _ctx ? { ..._ctx, direction: "backward" } : { direction: "backward" };
  return _safeParse(_Err)(schema, value, ctx);
};
var _safeDecode = (_Err) => (schema, value, _ctx) => {
  return _safeParse(_Err)(schema, value, _ctx);
};
var _safeEncodeAsync = (_Err) => async (schema, value, _ctx) => {
  const ctx = _ctx ? { ..._ctx, direction: "backward" } : { direction: "backward" };
  return _safeParseAsync(_Err)(schema, value, ctx);
};
var _safeDecodeAsync = (_Err) => async (schema, value, _ctx) => {
  return _safeParseAsync(_Err)(schema, value, _ctx);
};

// node_modules/zod/v4/core/regexes.js
var cuid = /^[cC][0-9a-z]{6,}$/;
var cuid2 = /^[0-9a-z]+$/;
var ulid = /^[0-7][0-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{25}$/;
var xid = /^[0-9a-vA-V]{20}$/;
var ksuid = /^[A-Za-z0-9]{27}$/;
var nanoid = /^[a-zA-Z0-9_-]{21}$/;
function nanoidOfLength(length) {
  return new RegExp(`^[a-zA-Z0-9_-]{${length}}$`);
}
var duration = /^P(?:(\d+W)|(?!.*W)(?=\d|T\d)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+([.,]\d+)?S)?)?)$/;
var guid = /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/;
var uuid = (version2) => {
  if (!version2)
    return /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/;
  return new RegExp(`^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-${version2}[0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12})$`);
};
var email = /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;
var _emoji = `^(?=[\\s\\S]*[\\p{Extended_Pictographic}\\p{Regional_Indicator}\\u20E3])[\\p{Extended_Pictographic}\\p{Emoji_Component}]+$`;
function emoji() {
  return new RegExp(_emoji, "u");
}
var ipv4 = /^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])$/;
var ipv6 = /^(([0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,7}:|([0-9a-fA-F]{1,4}:){1,6}:[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,5}(:[0-9a-fA-F]{1,4}){1,2}|([0-9a-fA-F]{1,4}:){1,4}(:[0-9a-fA-F]{1,4}){1,3}|([0-9a-fA-F]{1,4}:){1,3}(:[0-9a-fA-F]{1,4}){1,4}|([0-9a-fA-F]{1,4}:){1,2}(:[0-9a-fA-F]{1,4}){1,5}|[0-9a-fA-F]{1,4}:((:[0-9a-fA-F]{1,4}){1,6})|:((:[0-9a-fA-F]{1,4}){1,7}|:))$/;
var cidrv4 = /^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\/([0-9]|[1-2][0-9]|3[0-2])$/;
var cidrv6 = /^(([0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,7}:|([0-9a-fA-F]{1,4}:){1,6}:[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,5}(:[0-9a-fA-F]{1,4}){1,2}|([0-9a-fA-F]{1,4}:){1,4}(:[0-9a-fA-F]{1,4}){1,3}|([0-9a-fA-F]{1,4}:){1,3}(:[0-9a-fA-F]{1,4}){1,4}|([0-9a-fA-F]{1,4}:){1,2}(:[0-9a-fA-F]{1,4}){1,5}|[0-9a-fA-F]{1,4}:((:[0-9a-fA-F]{1,4}){1,6})|:((:[0-9a-fA-F]{1,4}){1,7}|:))\/(12[0-8]|1[01][0-9]|[1-9]?[0-9])$/;
var base64 = /^$|^(?:[0-9a-zA-Z+/]{4})*(?:(?:[0-9a-zA-Z+/]{2}==)|(?:[0-9a-zA-Z+/]{3}=))?$/;
var base64url = /^(?:[A-Za-z0-9_-]{4})*(?:[A-Za-z0-9_-]{2,3})?$/;
var httpProtocol = /^https?$/;
var e164 = /^\+[1-9]\d{6,14}$/;
var dateSource = `(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))`;
function anchor(source) {
  return new RegExp(`^${source}$`);
}
var date = /* @__PURE__ */ anchor(dateSource);
function timeSource(args) {
  const hhmm = `(?:[01]\\d|2[0-3]):[0-5]\\d`;
  const regex = typeof args.precision === "number" ? args.precision === -1 ? `${hhmm}` : args.precision === 0 ? `${hhmm}:[0-5]\\d` : `${hhmm}:[0-5]\\d\\.\\d{${args.precision}}` : args.seconds ? `${hhmm}:[0-5]\\d(?:\\.\\d+)?` : `${hhmm}(?::[0-5]\\d(?:\\.\\d+)?)?`;
  return regex;
}
function time(args) {
  return new RegExp(`^${timeSource(args)}$`);
}
function datetime(args) {
  const opts = ["Z"];
  if (args.offset)
    opts.push(`([+-](?:[01]\\d|2[0-3]):[0-5]\\d)`);
  const qualified = `${timeSource({ precision: args.precision, seconds: true })}(?:${opts.join("|")})`;
  const timeRegex = args.local ? `${qualified}|${timeSource({ precision: args.precision })}` : qualified;
  return new RegExp(`^${dateSource}T(?:${timeRegex})$`);
}
var anyString = /^[\s\S]{0,}$/;
var integer = /^-?\d+$/;
var number = /^-?\d+(?:\.\d+)?$/;
var boolean = /^(?:true|false)$/i;
var _null = /^null$/i;
var lowercase = /^[^A-Z]*$/;
var uppercase = /^[^a-z]*$/;

// node_modules/zod/v4/core/checks.js
var $ZodCheck = /* @__PURE__ */ $constructor("$ZodCheck", (inst, def) => {
  var _a3;
  inst._zod ?? (inst._zod = {});
  inst._zod.def = def;
  (_a3 = inst._zod).onattach ?? (_a3.onattach = []);
});
var _whenHasLength = (payload) => {
  const val = payload.value;
  return !nullish(val) && val.length !== void 0;
};
var numericOriginMap = {
  number: "number",
  bigint: "bigint",
  object: "date"
};
var $ZodCheckLessThan = /* @__PURE__ */ $constructor("$ZodCheckLessThan", (inst, def) => {
  $ZodCheck.init(inst, def);
  const origin = numericOriginMap[typeof def.value];
  inst._zod.check = (payload) => {
    if (def.inclusive ? payload.value <= def.value : payload.value < def.value) {
      return;
    }
    payload.issues.push({
      origin: numericOriginMap[typeof payload.value] ?? origin,
      code: "too_big",
      maximum: typeof def.value === "object" ? def.value.getTime() : def.value,
      input: payload.value,
      inclusive: def.inclusive,
      inst,
      continue: !def.abort
    });
  };
});
var $ZodCheckGreaterThan = /* @__PURE__ */ $constructor("$ZodCheckGreaterThan", (inst, def) => {
  $ZodCheck.init(inst, def);
  const origin = numericOriginMap[typeof def.value];
  inst._zod.check = (payload) => {
    if (def.inclusive ? payload.value >= def.value : payload.value > def.value) {
      return;
    }
    payload.issues.push({
      origin: numericOriginMap[typeof payload.value] ?? origin,
      code: "too_small",
      minimum: typeof def.value === "object" ? def.value.getTime() : def.value,
      input: payload.value,
      inclusive: def.inclusive,
      inst,
      continue: !def.abort
    });
  };
});
var $ZodCheckMultipleOf = /* @__PURE__ */ $constructor("$ZodCheckMultipleOf", (inst, def) => {
  $ZodCheck.init(inst, def);
  inst._zod.check = (payload) => {
    if (typeof payload.value !== typeof def.value)
      throw new Error("Cannot mix number and bigint in multiple_of check.");
    const isMultiple = typeof payload.value === "bigint" ? (
      // `value % 0n` throws, and nothing is a multiple of zero — the number branch already fails this way via NaN
      def.value !== BigInt(0) && payload.value % def.value === BigInt(0)
    ) : floatSafeRemainder(payload.value, def.value) === 0;
    if (isMultiple)
      return;
    payload.issues.push({
      origin: typeof payload.value,
      code: "not_multiple_of",
      divisor: def.value,
      input: payload.value,
      inst,
      continue: !def.abort
    });
  };
});
var $ZodCheckNumberFormat = /* @__PURE__ */ $constructor("$ZodCheckNumberFormat", (inst, def) => {
  $ZodCheck.init(inst, def);
  def.format = def.format || "float64";
  const isInt = def.format?.includes("int");
  const origin = isInt ? "int" : "number";
  const [minimum, maximum] = NUMBER_FORMAT_RANGES[def.format];
  inst._zod.check = (payload) => {
    const input = payload.value;
    if (isInt) {
      if (!Number.isInteger(input)) {
        payload.issues.push({
          expected: origin,
          format: def.format,
          code: "invalid_type",
          continue: false,
          input,
          inst
        });
        return;
      }
      if (!Number.isSafeInteger(input)) {
        if (input > 0) {
          payload.issues.push({
            input,
            code: "too_big",
            maximum: Number.MAX_SAFE_INTEGER,
            note: "Integers must be within the safe integer range.",
            inst,
            origin,
            inclusive: true,
            continue: !def.abort
          });
        } else {
          payload.issues.push({
            input,
            code: "too_small",
            minimum: Number.MIN_SAFE_INTEGER,
            note: "Integers must be within the safe integer range.",
            inst,
            origin,
            inclusive: true,
            continue: !def.abort
          });
        }
        return;
      }
    }
    if (input < minimum) {
      payload.issues.push({
        origin: "number",
        input,
        code: "too_small",
        minimum,
        inclusive: true,
        inst,
        continue: !def.abort
      });
    }
    if (input > maximum) {
      payload.issues.push({
        origin: "number",
        input,
        code: "too_big",
        maximum,
        inclusive: true,
        inst,
        continue: !def.abort
      });
    }
  };
});
var $ZodCheckMaxLength = /* @__PURE__ */ $constructor("$ZodCheckMaxLength", (inst, def) => {
  var _a3;
  $ZodCheck.init(inst, def);
  (_a3 = inst._zod.def).when ?? (_a3.when = _whenHasLength);
  inst._zod.check = (payload) => {
    const input = payload.value;
    const units2 = input.length;
    const length = typeof input === "string" && units2 > def.maximum ? codePointLength(input) : units2;
    if (length <= def.maximum)
      return;
    const origin = getLengthableOrigin(input);
    payload.issues.push({
      origin,
      code: "too_big",
      maximum: def.maximum,
      inclusive: true,
      input,
      inst,
      continue: !def.abort
    });
  };
});
var $ZodCheckMinLength = /* @__PURE__ */ $constructor("$ZodCheckMinLength", (inst, def) => {
  var _a3;
  $ZodCheck.init(inst, def);
  (_a3 = inst._zod.def).when ?? (_a3.when = _whenHasLength);
  inst._zod.check = (payload) => {
    const input = payload.value;
    const units2 = input.length;
    const length = typeof input === "string" && units2 >= def.minimum && units2 < def.minimum * 2 ? codePointLength(input) : units2;
    if (length >= def.minimum)
      return;
    const origin = getLengthableOrigin(input);
    payload.issues.push({
      origin,
      code: "too_small",
      minimum: def.minimum,
      inclusive: true,
      input,
      inst,
      continue: !def.abort
    });
  };
});
var $ZodCheckLengthEquals = /* @__PURE__ */ $constructor("$ZodCheckLengthEquals", (inst, def) => {
  var _a3;
  $ZodCheck.init(inst, def);
  (_a3 = inst._zod.def).when ?? (_a3.when = _whenHasLength);
  inst._zod.check = (payload) => {
    const input = payload.value;
    const units2 = input.length;
    const length = typeof input === "string" && units2 >= def.length && units2 <= def.length * 2 ? codePointLength(input) : units2;
    if (length === def.length)
      return;
    const origin = getLengthableOrigin(input);
    const tooBig = length > def.length;
    payload.issues.push({
      origin,
      ...tooBig ? { code: "too_big", maximum: def.length } : { code: "too_small", minimum: def.length },
      inclusive: true,
      exact: true,
      input: payload.value,
      inst,
      continue: !def.abort
    });
  };
});
var $ZodCheckStringFormat = /* @__PURE__ */ $constructor("$ZodCheckStringFormat", (inst, def) => {
  var _a3, _b;
  $ZodCheck.init(inst, def);
  if (def.pattern)
    (_a3 = inst._zod).check ?? (_a3.check = (payload) => {
      def.pattern.lastIndex = 0;
      if (def.pattern.test(payload.value))
        return;
      payload.issues.push({
        origin: "string",
        code: "invalid_format",
        format: def.format,
        input: payload.value,
        ...def.pattern ? { pattern: def.pattern.toString() } : {},
        inst,
        continue: !def.abort
      });
    });
  else
    (_b = inst._zod).check ?? (_b.check = () => {
    });
});
var $ZodCheckRegex = /* @__PURE__ */ $constructor("$ZodCheckRegex", (inst, def) => {
  $ZodCheckStringFormat.init(inst, def);
  inst._zod.check = (payload) => {
    def.pattern.lastIndex = 0;
    if (def.pattern.test(payload.value))
      return;
    payload.issues.push({
      origin: "string",
      code: "invalid_format",
      format: "regex",
      input: payload.value,
      pattern: def.pattern.toString(),
      inst,
      continue: !def.abort
    });
  };
});
var $ZodCheckLowerCase = /* @__PURE__ */ $constructor("$ZodCheckLowerCase", (inst, def) => {
  def.pattern ?? (def.pattern = lowercase);
  $ZodCheckStringFormat.init(inst, def);
});
var $ZodCheckUpperCase = /* @__PURE__ */ $constructor("$ZodCheckUpperCase", (inst, def) => {
  def.pattern ?? (def.pattern = uppercase);
  $ZodCheckStringFormat.init(inst, def);
});
var $ZodCheckIncludes = /* @__PURE__ */ $constructor("$ZodCheckIncludes", (inst, def) => {
  $ZodCheck.init(inst, def);
  const escapedRegex = escapeRegex(def.includes);
  const pattern = new RegExp(typeof def.position === "number" ? `^.{${def.position},}${escapedRegex}` : escapedRegex);
  def.pattern = pattern;
  inst._zod.check = (payload) => {
    if (payload.value.includes(def.includes, def.position))
      return;
    payload.issues.push({
      origin: "string",
      code: "invalid_format",
      format: "includes",
      includes: def.includes,
      input: payload.value,
      inst,
      continue: !def.abort
    });
  };
});
var $ZodCheckStartsWith = /* @__PURE__ */ $constructor("$ZodCheckStartsWith", (inst, def) => {
  $ZodCheck.init(inst, def);
  const pattern = new RegExp(`^${escapeRegex(def.prefix)}.*`);
  def.pattern ?? (def.pattern = pattern);
  inst._zod.check = (payload) => {
    if (payload.value.startsWith(def.prefix))
      return;
    payload.issues.push({
      origin: "string",
      code: "invalid_format",
      format: "starts_with",
      prefix: def.prefix,
      input: payload.value,
      inst,
      continue: !def.abort
    });
  };
});
var $ZodCheckEndsWith = /* @__PURE__ */ $constructor("$ZodCheckEndsWith", (inst, def) => {
  $ZodCheck.init(inst, def);
  const pattern = new RegExp(`.*${escapeRegex(def.suffix)}$`);
  def.pattern ?? (def.pattern = pattern);
  inst._zod.check = (payload) => {
    if (payload.value.endsWith(def.suffix))
      return;
    payload.issues.push({
      origin: "string",
      code: "invalid_format",
      format: "ends_with",
      suffix: def.suffix,
      input: payload.value,
      inst,
      continue: !def.abort
    });
  };
});
var $ZodCheckOverwrite = /* @__PURE__ */ $constructor("$ZodCheckOverwrite", (inst, def) => {
  $ZodCheck.init(inst, def);
  inst._zod.check = (payload) => {
    payload.value = def.tx(payload.value);
  };
});

// node_modules/zod/v4/core/doc.js
var Doc = class {
  constructor(args = [], closed = {}) {
    this.content = [];
    this.indent = 0;
    this.args = args;
    this.closed = closed;
  }
  // the compiler catches a child's throw and keeps writing into this doc, so the indent has to unwind with it
  indented(fn) {
    this.indent += 1;
    try {
      fn(this);
    } finally {
      this.indent -= 1;
    }
  }
  write(arg) {
    if (typeof arg === "function") {
      arg(this, { execution: "sync" });
      arg(this, { execution: "async" });
      return;
    }
    const content = arg;
    const lines = content.split("\n").filter((x) => x);
    const minIndent = Math.min(...lines.map((x) => x.length - x.trimStart().length));
    const dedented = lines.map((x) => x.slice(minIndent)).map((x) => " ".repeat(this.indent * 2) + x);
    for (const line of dedented) {
      this.content.push(line);
    }
  }
  compile() {
    const F = Function;
    const content = this?.content ?? [``];
    const factory = new F(...Object.keys(this.closed), `return function (${this.args.join(", ")}) {
${content.join("\n")}
};`);
    return factory(...Object.values(this.closed));
  }
};

// node_modules/zod/v4/core/versions.js
var version = {
  major: 4,
  minor: 6,
  patch: 7
};

// node_modules/zod/v4/core/schemas.js
var $ZodType = /* @__PURE__ */ $constructor("$ZodType", (inst, def) => {
  var _a3;
  inst ?? (inst = {});
  inst._zod.def = def;
  inst._zod.bag = inst._zod.bag || {};
  inst._zod.version = version;
  const defChecks = inst._zod.def.checks;
  const checks = inst._zod.traits.has("$ZodCheck") ? [inst, ...defChecks ?? []] : defChecks?.length ? [...defChecks] : [];
  for (const ch of checks) {
    for (const fn of ch._zod.onattach) {
      fn(inst);
    }
  }
  if (checks.length === 0) {
    (_a3 = inst._zod).deferred ?? (_a3.deferred = []);
    inst._zod.deferred?.push(() => {
      inst._zod.run = inst._zod.parse;
    });
  } else {
    const runChecks = (payload, checks2, ctx) => {
      if (payload.memo)
        return payload;
      let isAborted = aborted(payload);
      let asyncResult;
      for (const ch of checks2) {
        if (ch._zod.def.when) {
          if (explicitlyAborted(payload))
            continue;
          const shouldRun = ch._zod.def.when(payload);
          if (!shouldRun)
            continue;
        } else if (isAborted) {
          continue;
        }
        const currLen = payload.issues.length;
        const _ = ch._zod.check(payload);
        if (_ instanceof Promise && ctx?.async === false) {
          throw new $ZodAsyncError();
        }
        if (asyncResult || _ instanceof Promise) {
          asyncResult = (asyncResult ?? Promise.resolve()).then(async () => {
            await _;
            const nextLen = payload.issues.length;
            if (nextLen === currLen)
              return;
            attachSchema(payload.issues, currLen, inst);
            if (!isAborted)
              isAborted = aborted(payload, currLen);
          });
        } else {
          const nextLen = payload.issues.length;
          if (nextLen === currLen)
            continue;
          attachSchema(payload.issues, currLen, inst);
          if (!isAborted)
            isAborted = aborted(payload, currLen);
        }
      }
      if (asyncResult) {
        return asyncResult.then(() => {
          return payload;
        });
      }
      return payload;
    };
    const handleCanaryResult = (canary, payload, ctx) => {
      if (aborted(canary)) {
        canary.aborted = true;
        return canary;
      }
      const checkResult = runChecks(payload, checks, ctx);
      if (checkResult instanceof Promise) {
        if (ctx.async === false)
          throw new $ZodAsyncError();
        return checkResult.then((checkResult2) => inst._zod.parse(checkResult2, ctx));
      }
      return inst._zod.parse(checkResult, ctx);
    };
    inst._zod.run = (payload, ctx) => {
      if (ctx.skipChecks) {
        return inst._zod.parse(payload, ctx);
      }
      if (ctx.direction === "backward") {
        const canary = inst._zod.parse({ value: payload.value, issues: [] }, { ...ctx, skipChecks: true });
        if (canary instanceof Promise) {
          return canary.then((canary2) => {
            return handleCanaryResult(canary2, payload, ctx);
          });
        }
        return handleCanaryResult(canary, payload, ctx);
      }
      const result = inst._zod.parse(payload, ctx);
      if (result instanceof Promise) {
        if (ctx.async === false)
          throw new $ZodAsyncError();
        return result.then((result2) => runChecks(result2, checks, ctx));
      }
      return runChecks(result, checks, ctx);
    };
  }
}, {
  // Wrappers extend this by installing a richer factory over it; reading it eagerly would defeat the laziness.
  get "~standard"() {
    return hide(this, "~standard", standardProps(this));
  },
  set "~standard"(value) {
    own(this, "~standard", value);
  }
});
var toStandardResult = (r, ctx) => r.issues.length ? { issues: r.issues.map((iss) => finalizeIssue(iss, ctx, config())) } : { value: r.value };
async function validateAsync2(inst, value) {
  const ctx = { async: true };
  return toStandardResult(await inst._zod.run({ value, issues: [] }, ctx), ctx);
}
function standardProps(inst) {
  return {
    validate: (value) => {
      const ctx = { async: false };
      try {
        const r = inst._zod.run({ value, issues: [] }, ctx);
        if (!(r instanceof Promise))
          return toStandardResult(r, ctx);
      } catch (_) {
      }
      return validateAsync2(inst, value);
    },
    vendor: "zod",
    version: 1
  };
}
var $ZodString = /* @__PURE__ */ $constructor("$ZodString", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.pattern = def.pattern ?? anyString;
  inst._zod.parse = (payload, _) => {
    if (def.coerce)
      try {
        payload.value = String(payload.value);
      } catch (_2) {
      }
    if (typeof payload.value === "string")
      return payload;
    payload.issues.push({
      expected: "string",
      code: "invalid_type",
      input: payload.value,
      inst
    });
    return payload;
  };
});
var $ZodStringFormat = /* @__PURE__ */ $constructor("$ZodStringFormat", (inst, def) => {
  $ZodCheckStringFormat.init(inst, def);
  $ZodString.init(inst, def);
});
var $ZodGUID = /* @__PURE__ */ $constructor("$ZodGUID", (inst, def) => {
  def.pattern ?? (def.pattern = guid);
  $ZodStringFormat.init(inst, def);
});
var $ZodUUID = /* @__PURE__ */ $constructor("$ZodUUID", (inst, def) => {
  if (def.version) {
    const versionMap = {
      v1: 1,
      v2: 2,
      v3: 3,
      v4: 4,
      v5: 5,
      v6: 6,
      v7: 7,
      v8: 8
    };
    const v = versionMap[def.version];
    if (v === void 0)
      throw new Error(`Invalid UUID version: "${def.version}"`);
    def.pattern ?? (def.pattern = uuid(v));
  } else
    def.pattern ?? (def.pattern = uuid());
  $ZodStringFormat.init(inst, def);
});
var $ZodEmail = /* @__PURE__ */ $constructor("$ZodEmail", (inst, def) => {
  def.pattern ?? (def.pattern = email);
  $ZodStringFormat.init(inst, def);
});
var URL_BAD_FORMAT = 1;
var URL_UNPARSEABLE = 2;
function canParseURL(input) {
  try {
    if (typeof URL !== "undefined" && typeof URL.canParse === "function")
      return URL.canParse(input);
    new URL(input);
    return true;
  } catch {
    return false;
  }
}
function validateURL(trimmed, def) {
  if (!("normalize" in def) && !("hostname" in def) && !("protocol" in def)) {
    return canParseURL(trimmed) || URL_UNPARSEABLE;
  }
  return parseURLObject(trimmed, def);
}
function parseURLObject(trimmed, def) {
  if (!def.normalize && def.protocol?.source === httpProtocol.source && !/^https?:\/\//i.test(trimmed)) {
    return URL_BAD_FORMAT;
  }
  try {
    if (typeof URL !== "undefined") {
      const URLStatic = URL;
      if (typeof URLStatic.parse === "function")
        return URLStatic.parse(trimmed) ?? URL_UNPARSEABLE;
    }
    return new URL(trimmed);
  } catch {
    return URL_UNPARSEABLE;
  }
}
var asciiTabOrNewline = /[\t\n\r]/g;
function stripTabAndNewline(value) {
  return value.replace(asciiTabOrNewline, "");
}
function urlHostnameOk(url, hostname) {
  hostname.lastIndex = 0;
  return hostname.test(url.hostname);
}
function urlProtocolOk(url, protocol) {
  protocol.lastIndex = 0;
  return protocol.test(url.protocol.endsWith(":") ? url.protocol.slice(0, -1) : url.protocol);
}
var $ZodURL = /* @__PURE__ */ $constructor("$ZodURL", (inst, def) => {
  $ZodStringFormat.init(inst, def);
  inst._zod.check = (payload) => {
    try {
      const trimmed = payload.value.trim();
      const url = validateURL(trimmed, def);
      if (url === URL_BAD_FORMAT) {
        payload.issues.push({
          code: "invalid_format",
          format: "url",
          note: "Invalid URL format",
          input: payload.value,
          inst,
          continue: !def.abort
        });
        return;
      }
      if (url === URL_UNPARSEABLE) {
        payload.issues.push({
          code: "invalid_format",
          format: "url",
          input: payload.value,
          inst,
          continue: !def.abort
        });
        return;
      }
      if (url === true) {
        payload.value = stripTabAndNewline(trimmed);
        return;
      }
      if (def.hostname && !urlHostnameOk(url, def.hostname)) {
        payload.issues.push({
          code: "invalid_format",
          format: "url",
          note: "Invalid hostname",
          pattern: def.hostname.source,
          input: payload.value,
          inst,
          continue: !def.abort
        });
      }
      if (def.protocol && !urlProtocolOk(url, def.protocol)) {
        payload.issues.push({
          code: "invalid_format",
          format: "url",
          note: "Invalid protocol",
          pattern: def.protocol.source,
          input: payload.value,
          inst,
          continue: !def.abort
        });
      }
      payload.value = def.normalize ? url.href : stripTabAndNewline(trimmed);
      return;
    } catch (_) {
      payload.issues.push({
        code: "invalid_format",
        format: "url",
        input: payload.value,
        inst,
        continue: !def.abort
      });
    }
  };
});
var $ZodEmoji = /* @__PURE__ */ $constructor("$ZodEmoji", (inst, def) => {
  def.pattern ?? (def.pattern = emoji());
  $ZodStringFormat.init(inst, def);
});
var $ZodNanoID = /* @__PURE__ */ $constructor("$ZodNanoID", (inst, def) => {
  if (def.length !== void 0 && (!Number.isInteger(def.length) || def.length < 1))
    throw new Error(`Invalid nanoid length: ${def.length}`);
  def.pattern ?? (def.pattern = def.length === void 0 ? nanoid : nanoidOfLength(def.length));
  $ZodStringFormat.init(inst, def);
});
var $ZodCUID = /* @__PURE__ */ $constructor("$ZodCUID", (inst, def) => {
  def.pattern ?? (def.pattern = cuid);
  $ZodStringFormat.init(inst, def);
});
var $ZodCUID2 = /* @__PURE__ */ $constructor("$ZodCUID2", (inst, def) => {
  def.pattern ?? (def.pattern = cuid2);
  $ZodStringFormat.init(inst, def);
});
var $ZodULID = /* @__PURE__ */ $constructor("$ZodULID", (inst, def) => {
  def.pattern ?? (def.pattern = ulid);
  $ZodStringFormat.init(inst, def);
});
var $ZodXID = /* @__PURE__ */ $constructor("$ZodXID", (inst, def) => {
  def.pattern ?? (def.pattern = xid);
  $ZodStringFormat.init(inst, def);
});
var $ZodKSUID = /* @__PURE__ */ $constructor("$ZodKSUID", (inst, def) => {
  def.pattern ?? (def.pattern = ksuid);
  $ZodStringFormat.init(inst, def);
});
var $ZodISODateTime = /* @__PURE__ */ $constructor("$ZodISODateTime", (inst, def) => {
  def.pattern ?? (def.pattern = datetime(def));
  $ZodStringFormat.init(inst, def);
});
var $ZodISODate = /* @__PURE__ */ $constructor("$ZodISODate", (inst, def) => {
  def.pattern ?? (def.pattern = date);
  $ZodStringFormat.init(inst, def);
});
var $ZodISOTime = /* @__PURE__ */ $constructor("$ZodISOTime", (inst, def) => {
  def.pattern ?? (def.pattern = time(def));
  $ZodStringFormat.init(inst, def);
});
var $ZodISODuration = /* @__PURE__ */ $constructor("$ZodISODuration", (inst, def) => {
  def.pattern ?? (def.pattern = duration);
  $ZodStringFormat.init(inst, def);
});
var $ZodIPv4 = /* @__PURE__ */ $constructor("$ZodIPv4", (inst, def) => {
  def.pattern ?? (def.pattern = ipv4);
  $ZodStringFormat.init(inst, def);
});
var ipv6Alphabet = /^[0-9a-fA-F:.]+$/;
function isValidIPv6(value) {
  if (!ipv6Alphabet.test(value))
    return false;
  return canParseURL(`http://[${value}]`);
}
var $ZodIPv6 = /* @__PURE__ */ $constructor("$ZodIPv6", (inst, def) => {
  def.pattern ?? (def.pattern = ipv6);
  $ZodStringFormat.init(inst, def);
  inst._zod.check = (payload) => {
    if (!isValidIPv6(payload.value)) {
      payload.issues.push({
        code: "invalid_format",
        format: "ipv6",
        input: payload.value,
        inst,
        continue: !def.abort
      });
    }
  };
});
var $ZodCIDRv4 = /* @__PURE__ */ $constructor("$ZodCIDRv4", (inst, def) => {
  def.pattern ?? (def.pattern = cidrv4);
  $ZodStringFormat.init(inst, def);
});
function isValidCIDRv6(value) {
  const parts = value.split("/");
  if (parts.length !== 2)
    return false;
  const [address, prefix] = parts;
  if (!prefix)
    return false;
  const prefixNum = Number(prefix);
  if (`${prefixNum}` !== prefix)
    return false;
  if (prefixNum < 0 || prefixNum > 128)
    return false;
  return isValidIPv6(address);
}
var $ZodCIDRv6 = /* @__PURE__ */ $constructor("$ZodCIDRv6", (inst, def) => {
  def.pattern ?? (def.pattern = cidrv6);
  $ZodStringFormat.init(inst, def);
  inst._zod.check = (payload) => {
    if (!isValidCIDRv6(payload.value)) {
      payload.issues.push({
        code: "invalid_format",
        format: "cidrv6",
        input: payload.value,
        inst,
        continue: !def.abort
      });
    }
  };
});
function isValidBase64(data) {
  if (data === "")
    return true;
  if (/\s/.test(data))
    return false;
  if (data.length % 4 !== 0)
    return false;
  try {
    atob(data);
    return true;
  } catch {
    return false;
  }
}
var base64Charset = /^[0-9a-zA-Z+/]*={0,2}$/;
var $ZodBase64 = /* @__PURE__ */ $constructor("$ZodBase64", (inst, def) => {
  def.pattern ?? (def.pattern = base64Charset);
  $ZodStringFormat.init(inst, def);
  inst._zod.check = (payload) => {
    if (isValidBase64(payload.value))
      return;
    payload.issues.push({
      code: "invalid_format",
      format: "base64",
      input: payload.value,
      inst,
      continue: !def.abort
    });
  };
});
var base64urlCharset = /^[A-Za-z0-9_-]*$/;
function isValidBase64URL(data) {
  if (!base64urlCharset.test(data))
    return false;
  const base642 = data.replace(/[-_]/g, (c) => c === "-" ? "+" : "/");
  const padded = base642.padEnd(Math.ceil(base642.length / 4) * 4, "=");
  return isValidBase64(padded);
}
var $ZodBase64URL = /* @__PURE__ */ $constructor("$ZodBase64URL", (inst, def) => {
  def.pattern ?? (def.pattern = base64urlCharset);
  $ZodStringFormat.init(inst, def);
  inst._zod.check = (payload) => {
    if (isValidBase64URL(payload.value))
      return;
    payload.issues.push({
      code: "invalid_format",
      format: "base64url",
      input: payload.value,
      inst,
      continue: !def.abort
    });
  };
});
var $ZodE164 = /* @__PURE__ */ $constructor("$ZodE164", (inst, def) => {
  def.pattern ?? (def.pattern = e164);
  $ZodStringFormat.init(inst, def);
});
function isValidJWT(token, algorithm = null) {
  try {
    const tokensParts = token.split(".");
    if (tokensParts.length !== 3)
      return false;
    const [header] = tokensParts;
    if (!header)
      return false;
    const parsedHeader = JSON.parse(atob(header));
    if ("typ" in parsedHeader && parsedHeader?.typ !== "JWT")
      return false;
    if (!parsedHeader.alg)
      return false;
    if (algorithm && (!("alg" in parsedHeader) || parsedHeader.alg !== algorithm))
      return false;
    return true;
  } catch {
    return false;
  }
}
var $ZodJWT = /* @__PURE__ */ $constructor("$ZodJWT", (inst, def) => {
  $ZodStringFormat.init(inst, def);
  inst._zod.check = (payload) => {
    if (isValidJWT(payload.value, def.alg))
      return;
    payload.issues.push({
      code: "invalid_format",
      format: "jwt",
      input: payload.value,
      inst,
      continue: !def.abort
    });
  };
});
var $ZodNumber = /* @__PURE__ */ $constructor("$ZodNumber", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.pattern = number;
  inst._zod.parse = (payload, _ctx) => {
    if (def.coerce)
      try {
        payload.value = Number(payload.value);
      } catch (_) {
      }
    const input = payload.value;
    if (typeof input === "number" && !Number.isNaN(input) && Number.isFinite(input)) {
      return payload;
    }
    const received = typeof input === "number" ? Number.isNaN(input) ? "NaN" : !Number.isFinite(input) ? String(input) : void 0 : void 0;
    payload.issues.push({
      expected: "number",
      code: "invalid_type",
      input,
      inst,
      ...received ? { received } : {}
    });
    return payload;
  };
});
var $ZodNumberFormat = /* @__PURE__ */ $constructor("$ZodNumberFormat", (inst, def) => {
  $ZodCheckNumberFormat.init(inst, def);
  $ZodNumber.init(inst, def);
});
var $ZodBoolean = /* @__PURE__ */ $constructor("$ZodBoolean", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.pattern = boolean;
  inst._zod.parse = (payload, _ctx) => {
    if (def.coerce)
      try {
        payload.value = Boolean(payload.value);
      } catch (_) {
      }
    const input = payload.value;
    if (typeof input === "boolean")
      return payload;
    payload.issues.push({
      expected: "boolean",
      code: "invalid_type",
      input,
      inst
    });
    return payload;
  };
});
var $ZodNull = /* @__PURE__ */ $constructor("$ZodNull", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.pattern = _null;
  inst._zod.values = /* @__PURE__ */ new Set([null]);
  inst._zod.parse = (payload, _ctx) => {
    const input = payload.value;
    if (input === null)
      return payload;
    payload.issues.push({
      expected: "null",
      code: "invalid_type",
      input,
      inst
    });
    return payload;
  };
});
var $ZodUnknown = /* @__PURE__ */ $constructor("$ZodUnknown", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.parse = (payload) => payload;
});
var $ZodNever = /* @__PURE__ */ $constructor("$ZodNever", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.parse = (payload, _ctx) => {
    payload.issues.push({
      expected: "never",
      code: "invalid_type",
      input: payload.value,
      inst
    });
    return payload;
  };
});
function capSize(inst, size) {
  const caps = sizeCaps(inst._zod.def.checks);
  if (!caps.length)
    return;
  const cap = Math.min(...caps.map((c) => c[0]));
  const parse3 = inst._zod.parse;
  inst._zod.parse = (payload, ctx) => {
    const n = size(payload.value);
    if (n > cap && !ctx?.skipChecks && ctx?.direction !== "backward") {
      for (const [max, ch] of sizeCaps(inst._zod.def.checks)) {
        if (n > max && ch._zod.def.when(payload)) {
          const start = payload.issues.length;
          ch._zod.check(payload);
          payload.issues[start].continue = false;
          attachSchema(payload.issues, start, inst);
          return payload;
        }
      }
    }
    return parse3(payload, ctx);
  };
}
var arraySize = (input) => Array.isArray(input) ? input.length : -1;
function handleArrayResult(result, final, index) {
  if (result.issues.length) {
    final.issues.push(...prefixIssues(index, result.issues));
  }
  final.value[index] = result.value;
}
var $ZodArray = /* @__PURE__ */ $constructor("$ZodArray", (inst, def) => {
  $ZodType.init(inst, def);
  const memo2 = globalConfig.memoizer;
  memo2?.attach(inst);
  inst._zod.parse = (payload, ctx) => {
    const input = payload.value;
    if (!Array.isArray(input)) {
      payload.issues.push({
        expected: "array",
        code: "invalid_type",
        input,
        inst
      });
      return payload;
    }
    payload.value = memo2 ? memo2.alloc(inst, payload, Array(input.length), ctx) : Array(input.length);
    const proms = [];
    const abortEarly = ctx?.abortEarly;
    for (let i = 0; i < input.length; i++) {
      const item = input[i];
      const result = def.element._zod.run({
        value: item,
        issues: []
      }, ctx);
      if (result instanceof Promise) {
        proms.push(result.then((result2) => handleArrayResult(result2, payload, i)));
      } else {
        handleArrayResult(result, payload, i);
        if (abortEarly && result.issues.length !== 0 && aborted(result))
          break;
      }
    }
    if (proms.length) {
      return Promise.all(proms).then(() => payload);
    }
    return payload;
  };
  capSize(inst, arraySize);
});
function handlePropertyResult(result, final, key, input, optin, optout) {
  const isPresent = key in input;
  const isOptionalOut = optout === "optional";
  if (!isPresent && isOptionalOut && optin === "optional") {
    return;
  }
  if (result.issues.length) {
    if (optin !== void 0 && isOptionalOut && !isPresent) {
      return;
    }
    final.issues.push(...prefixIssues(key, result.issues));
  }
  if (!isPresent && optin === void 0) {
    if (!result.issues.length) {
      final.issues.push({
        code: "invalid_type",
        expected: "nonoptional",
        input: void 0,
        path: [key]
      });
    }
    return;
  }
  if (result.value === void 0) {
    if (isPresent || optin === "defaulted" && !isOptionalOut) {
      final.value[key] = void 0;
    }
  } else {
    final.value[key] = result.value;
  }
}
var NO_SYMBOL_KEYS = [];
function normalizeDef(def) {
  const keys = Object.keys(def.shape);
  const ownSymbols = Object.getOwnPropertySymbols(def.shape);
  const symbolKeys = ownSymbols.length ? ownSymbols : NO_SYMBOL_KEYS;
  const allKeys = symbolKeys.length ? [...keys, ...symbolKeys] : keys;
  for (const k of allKeys) {
    if (!def.shape?.[k]?._zod?.traits?.has("$ZodType")) {
      throw new Error(`Invalid element at key "${String(k)}": expected a Zod schema`);
    }
  }
  const okeys = optionalKeys(def.shape);
  return {
    ...def,
    allKeys,
    symbolKeys,
    // string-only: handleCatchall matches it against `for...in`, which never yields a symbol
    keySet: new Set(keys),
    numKeys: keys.length,
    optionalKeys: new Set(okeys)
  };
}
function handleCatchall(proms, input, payload, ctx, def, inst, abortEarly) {
  const unrecognized = [];
  const keySet = def.keySet;
  const _catchall = def.catchall._zod;
  const t = _catchall.def.type;
  const optin = _catchall.optin;
  const optout = _catchall.optout;
  let seen = 0;
  for (const key in input) {
    if (abortEarly && payload.issues.length !== seen) {
      if (aborted(payload, seen))
        break;
      seen = payload.issues.length;
    }
    if (keySet.has(key))
      continue;
    if (key === "__proto__") {
      if (t === "never")
        unrecognized.push(key);
      continue;
    }
    if (t === "never") {
      unrecognized.push(key);
      continue;
    }
    const r = _catchall.run({ value: input[key], issues: [] }, ctx);
    if (r instanceof Promise) {
      proms.push(r.then((r2) => handlePropertyResult(r2, payload, key, input, optin, optout)));
    } else {
      handlePropertyResult(r, payload, key, input, optin, optout);
    }
  }
  if (unrecognized.length) {
    payload.issues.push({
      code: "unrecognized_keys",
      keys: unrecognized,
      input,
      inst,
      // Describes the shape of the input, not the validity of the parsed value, so it never aborts. The parse still fails; the schema's own checks just get to run first, and an enclosing intersection can reconcile the key against a sibling operand.
      continue: true
    });
  }
  if (!proms.length)
    return payload;
  return Promise.all(proms).then(() => {
    return payload;
  });
}
var $ZodObject = /* @__PURE__ */ $constructor("$ZodObject", (inst, def) => {
  $ZodType.init(inst, def);
  const desc = Object.getOwnPropertyDescriptor(def, "shape");
  const sh = desc?.get ? desc.get.raw : def.shape ?? {};
  if (sh) {
    const get = () => {
      const newSh = { ...sh };
      Object.defineProperty(def, "shape", { value: newSh });
      get.raw = newSh;
      return newSh;
    };
    get.raw = sh;
    Object.defineProperty(def, "shape", { get });
  }
  const _normalized = cached(() => normalizeDef(def));
  defineLazyInternal(inst, "propValues", (zod) => {
    const shape = zod.def.shape;
    const propValues = {};
    for (const key in shape) {
      const field = shape[key]._zod;
      if (field.values) {
        if (!Object.prototype.hasOwnProperty.call(propValues, key)) {
          assignProp(propValues, key, /* @__PURE__ */ new Set());
        }
        for (const v of field.values)
          propValues[key].add(v);
        if (field.optin !== void 0)
          propValues[key].add(void 0);
      }
    }
    return propValues;
  });
  const isObject2 = isObject;
  const catchall = def.catchall;
  let value;
  const memo2 = globalConfig.memoizer;
  memo2?.attach(inst);
  inst._zod.parse = (payload, ctx) => {
    value ?? (value = _normalized.value);
    const input = payload.value;
    if (!isObject2(input)) {
      payload.issues.push({
        expected: "object",
        code: "invalid_type",
        input,
        inst
      });
      return payload;
    }
    payload.value = memo2 ? memo2.alloc(inst, payload, {}, ctx) : {};
    const proms = [];
    const shape = value.shape;
    const abortEarly = ctx?.abortEarly;
    let seen = payload.issues.length;
    for (const key of value.allKeys) {
      if (abortEarly && payload.issues.length !== seen) {
        if (aborted(payload, seen))
          break;
        seen = payload.issues.length;
      }
      if (key === "__proto__")
        continue;
      const el = shape[key];
      const optin = el._zod.optin;
      const optout = el._zod.optout;
      const r = el._zod.run({ value: input[key], issues: [] }, ctx);
      if (r instanceof Promise) {
        proms.push(r.then((r2) => handlePropertyResult(r2, payload, key, input, optin, optout)));
      } else {
        handlePropertyResult(r, payload, key, input, optin, optout);
      }
    }
    if (!catchall) {
      return proms.length ? Promise.all(proms).then(() => payload) : payload;
    }
    return handleCatchall(proms, input, payload, ctx, _normalized.value, inst, abortEarly === true);
  };
});
var $ZodObjectJIT = /* @__PURE__ */ $constructor("$ZodObjectJIT", (inst, def) => {
  $ZodObject.init(inst, def);
  const superParse = inst._zod.parse;
  const _normalized = cached(() => normalizeDef(def));
  const memo2 = globalConfig.memoizer;
  const generateFastpass = (shape) => {
    const normalized = _normalized.value;
    const syms = normalized.symbolKeys;
    const doc = new Doc(["payload", "ctx"], { shape, inst, memo: memo2, syms });
    const parseStr = (k) => `shape[${k}]._zod.run({ value: input[${k}], issues: [] }, ctx)`;
    const prefixStr = (id, k) => `
          let ${id}_ab = false;
          for (let i = 0; i < ${id}.issues.length; i++) {
            const iss = ${id}.issues[i];
            iss.path = iss.path ? [${k}, ...iss.path] : [${k}];
            payload.issues.push(iss);
            if (iss.continue !== true) ${id}_ab = true;
          }
          if (${id}_ab && ctx && ctx.abortEarly) {
            payload.value = newResult;
            return payload;
          }`;
    doc.write(`const input = payload.value;`);
    const ids = /* @__PURE__ */ Object.create(null);
    let counter = 0;
    for (const key of normalized.allKeys) {
      ids[key] = `key_${counter++}`;
    }
    doc.write(memo2 ? `const newResult = memo.alloc(inst, payload, {}, ctx);` : `const newResult = {};`);
    for (const key of normalized.allKeys) {
      if (key === "__proto__")
        continue;
      const id = ids[key];
      const k = typeof key === "symbol" ? `syms[${syms.indexOf(key)}]` : esc(key);
      const isPresent = `${k} in input`;
      const schema = shape[key];
      const optin = schema?._zod?.optin;
      const isOptionalIn = optin !== void 0;
      const isOptionalOut = schema?._zod?.optout === "optional";
      doc.write(`const ${id} = ${parseStr(k)};`);
      if (isOptionalIn && isOptionalOut) {
        const assign = optin === "optional" ? `${id}_present` : `${id}.value !== undefined || ${id}_present`;
        doc.write(`
        const ${id}_present = ${isPresent};
        if (!${id}.issues.length || ${id}_present) {
          if (${id}.issues.length) {${prefixStr(id, k)}
          }

          if (${assign}) {
            newResult[${k}] = ${id}.value;
          }
        }

      `);
      } else if (!isOptionalIn) {
        doc.write(`
        const ${id}_present = ${isPresent};
        if (${id}.issues.length) {${prefixStr(id, k)}
        }
        if (!${id}_present && !${id}.issues.length) {
          payload.issues.push({
            code: "invalid_type",
            expected: "nonoptional",
            input: undefined,
            path: [${k}]
          });
          if (ctx && ctx.abortEarly) {
            payload.value = newResult;
            return payload;
          }
        }

        if (${id}_present) {
          newResult[${k}] = ${id}.value;
        }

      `);
      } else {
        doc.write(`
        if (${id}.issues.length) {${prefixStr(id, k)}
        }
      `);
        if (optin === "defaulted") {
          doc.write(`newResult[${k}] = ${id}.value;`);
        } else {
          doc.write(`
        if (${id}.value !== undefined || ${isPresent}) {
          newResult[${k}] = ${id}.value;
        }
      `);
        }
      }
    }
    doc.write(`payload.value = newResult;`);
    doc.write(`return payload;`);
    return doc.compile();
  };
  let fastpass;
  const isObject2 = isObject;
  const jit = !globalConfig.jitless;
  const allowsEval2 = allowsEval;
  const fastEnabled = jit && allowsEval2.value;
  const catchall = def.catchall;
  let value;
  inst._zod.parse = (payload, ctx) => {
    value ?? (value = _normalized.value);
    const input = payload.value;
    if (!isObject2(input)) {
      payload.issues.push({
        expected: "object",
        code: "invalid_type",
        input,
        inst
      });
      return payload;
    }
    if (jit && fastEnabled && ctx?.async === false && ctx.jitless !== true) {
      if (!fastpass)
        fastpass = generateFastpass(def.shape);
      payload = fastpass(payload, ctx);
      if (!catchall)
        return payload;
      return handleCatchall([], input, payload, ctx, value, inst, ctx?.abortEarly === true);
    }
    return superParse(payload, ctx);
  };
});
function handleUnionResults(results, final, inst, ctx) {
  for (const result of results) {
    if (result.issues.length === 0) {
      final.value = result.value;
      return final;
    }
  }
  const nonaborted = results.filter((r) => !aborted(r));
  if (nonaborted.length === 1) {
    final.value = nonaborted[0].value;
    return nonaborted[0];
  }
  final.issues.push({
    code: "invalid_union",
    input: final.value,
    inst,
    errors: results.map((result) => result.issues.map((iss) => finalizeIssue(iss, ctx, config())))
  });
  return final;
}
var $ZodUnion = /* @__PURE__ */ $constructor("$ZodUnion", (inst, def) => {
  $ZodType.init(inst, def);
  defineLazyInternal(inst, "optin", (zod) => zod.def.options.some((o) => o._zod.optin === "defaulted") ? "defaulted" : zod.def.options.some((o) => o._zod.optin !== void 0) ? "optional" : void 0);
  defineLazyInternal(inst, "optout", (zod) => zod.def.options.some((o) => o._zod.optout === "optional") ? "optional" : void 0);
  defineLazyInternal(inst, "values", (zod) => {
    if (zod.def.options.every((o) => o._zod.values)) {
      return new Set(zod.def.options.flatMap((option) => Array.from(option._zod.values)));
    }
    return void 0;
  });
  defineLazyInternal(inst, "pattern", (zod) => {
    if (zod.def.options.every((o) => o._zod.pattern)) {
      const patterns = zod.def.options.map((o) => o._zod.pattern);
      return new RegExp(`^(${patterns.map((p) => cleanRegex(p.source)).join("|")})$`);
    }
    return void 0;
  });
  const first = def.options.length === 1 ? def.options[0]._zod.run : null;
  inst._zod.parse = (payload, ctx) => {
    if (first) {
      return first(payload, ctx);
    }
    let async = false;
    const results = [];
    for (const option of def.options) {
      const result = option._zod.run({
        value: payload.value,
        issues: []
      }, ctx);
      if (result instanceof Promise) {
        results.push(result);
        async = true;
      } else {
        if (result.issues.length === 0)
          return result;
        results.push(result);
      }
    }
    if (!async)
      return handleUnionResults(results, payload, inst, ctx);
    return Promise.all(results).then((results2) => {
      return handleUnionResults(results2, payload, inst, ctx);
    });
  };
});
var $ZodIntersection = /* @__PURE__ */ $constructor("$ZodIntersection", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.parse = (payload, ctx) => {
    const input = payload.value;
    const left = def.left._zod.run({ value: input, issues: [] }, ctx);
    const right = def.right._zod.run({ value: input, issues: [] }, ctx);
    const async = left instanceof Promise || right instanceof Promise;
    if (async) {
      return Promise.all([left, right]).then(([left2, right2]) => {
        return handleIntersectionResults(payload, left2, right2);
      });
    }
    return handleIntersectionResults(payload, left, right);
  };
});
function mergeValues(a, b) {
  if (a === b) {
    return { valid: true, data: a };
  }
  if (a instanceof Date && b instanceof Date && +a === +b) {
    return { valid: true, data: a };
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const bKeys = Object.keys(b);
    const sharedKeys = Object.keys(a).filter((key) => bKeys.indexOf(key) !== -1);
    const newObj = { ...a, ...b };
    if (Object.prototype.hasOwnProperty.call(newObj, "__proto__"))
      delete newObj.__proto__;
    for (const key of sharedKeys) {
      if (key === "__proto__")
        continue;
      const sharedValue = mergeValues(a[key], b[key]);
      if (!sharedValue.valid) {
        return {
          valid: false,
          mergeErrorPath: [key, ...sharedValue.mergeErrorPath]
        };
      }
      newObj[key] = sharedValue.data;
    }
    return { valid: true, data: newObj };
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) {
      return { valid: false, mergeErrorPath: [] };
    }
    const newArray = [];
    for (let index = 0; index < a.length; index++) {
      const itemA = a[index];
      const itemB = b[index];
      const sharedValue = mergeValues(itemA, itemB);
      if (!sharedValue.valid) {
        return {
          valid: false,
          mergeErrorPath: [index, ...sharedValue.mergeErrorPath]
        };
      }
      newArray.push(sharedValue.data);
    }
    return { valid: true, data: newArray };
  }
  return { valid: false, mergeErrorPath: [] };
}
function handleIntersectionResults(result, left, right) {
  const unrecKeys = /* @__PURE__ */ new Map();
  let unrecIssue;
  const keyIssues = /* @__PURE__ */ new Map();
  const collect = (iss, side) => {
    let keys;
    if (iss.code === "unrecognized_keys" && !iss.path?.length) {
      unrecIssue ?? (unrecIssue = iss);
      keys = iss.keys;
    } else if (iss.code === "invalid_key" && iss.origin === "record" && iss.path?.length === 1) {
      const k = String(iss.path[0]);
      if (!keyIssues.has(k))
        keyIssues.set(k, iss);
      keys = [k];
    } else {
      return false;
    }
    for (const k of keys) {
      if (!unrecKeys.has(k))
        unrecKeys.set(k, {});
      unrecKeys.get(k)[side] = true;
    }
    return true;
  };
  for (const iss of left.issues) {
    if (!collect(iss, "l"))
      result.issues.push(iss);
  }
  for (const iss of right.issues) {
    if (!collect(iss, "r"))
      result.issues.push(iss);
  }
  const bothKeys = [...unrecKeys].filter(([, f]) => f.l && f.r).map(([k]) => k);
  if (bothKeys.length) {
    const aggregated = unrecIssue ? bothKeys.filter((k) => unrecIssue.keys.includes(k)) : [];
    if (aggregated.length)
      result.issues.push({ ...unrecIssue, keys: aggregated });
    for (const k of bothKeys) {
      if (!aggregated.includes(k) && keyIssues.has(k))
        result.issues.push(keyIssues.get(k));
    }
  }
  const merged = mergeValues(left.value, right.value);
  if (!merged.valid) {
    if (aborted(result))
      return result;
    throw new Error(`Unmergable intersection. Error path: ${JSON.stringify(merged.mergeErrorPath)}`);
  }
  result.value = merged.data;
  return result;
}
var $ZodRecord = /* @__PURE__ */ $constructor("$ZodRecord", (inst, def) => {
  $ZodType.init(inst, def);
  const memo2 = globalConfig.memoizer;
  memo2?.attach(inst);
  inst._zod.parse = (payload, ctx) => {
    const input = payload.value;
    if (!isPlainObject(input)) {
      payload.issues.push({
        expected: "record",
        code: "invalid_type",
        input,
        inst
      });
      return payload;
    }
    const proms = [];
    const values = def.keyType._zod.values;
    if (values && !def.partial) {
      payload.value = memo2 ? memo2.alloc(inst, payload, {}, ctx) : {};
      const recordKeys = /* @__PURE__ */ new Set();
      for (const key of values) {
        if (typeof key === "string" || typeof key === "number" || typeof key === "symbol") {
          recordKeys.add(typeof key === "number" ? key.toString() : key);
          if (key === "__proto__")
            continue;
          const keyResult = def.keyType._zod.run({ value: key, issues: [] }, ctx);
          if (keyResult instanceof Promise) {
            throw new Error("Async schemas not supported in object keys currently");
          }
          if (keyResult.issues.length) {
            payload.issues.push({
              code: "invalid_key",
              origin: "record",
              issues: keyResult.issues.map((iss) => finalizeIssue(iss, ctx, config())),
              input: key,
              path: [key],
              inst
            });
            continue;
          }
          const outKey = keyResult.value;
          if (outKey === "__proto__")
            continue;
          const result = def.valueType._zod.run({ value: input[key], issues: [] }, ctx);
          if (result instanceof Promise) {
            proms.push(result.then((result2) => {
              if (result2.issues.length) {
                payload.issues.push(...prefixIssues(key, result2.issues));
              }
              payload.value[outKey] = result2.value;
            }));
          } else {
            if (result.issues.length) {
              payload.issues.push(...prefixIssues(key, result.issues));
            }
            payload.value[outKey] = result.value;
          }
        }
      }
      let unrecognized;
      for (const key in input) {
        if (!recordKeys.has(key)) {
          if (def.mode === "loose") {
            if (key === "__proto__")
              continue;
            payload.value[key] = input[key];
          } else {
            unrecognized = unrecognized ?? [];
            unrecognized.push(key);
          }
        }
      }
      if (unrecognized && unrecognized.length > 0) {
        payload.issues.push({
          code: "unrecognized_keys",
          input,
          inst,
          keys: unrecognized,
          continue: true
        });
      }
    } else {
      payload.value = memo2 ? memo2.alloc(inst, payload, {}, ctx) : {};
      let unrecognized;
      for (const key of Reflect.ownKeys(input)) {
        if (key === "__proto__")
          continue;
        if (!Object.prototype.propertyIsEnumerable.call(input, key))
          continue;
        let keyResult = def.keyType._zod.run({ value: key, issues: [] }, ctx);
        if (keyResult instanceof Promise) {
          throw new Error("Async schemas not supported in object keys currently");
        }
        const checkNumericKey = typeof key === "string" && number.test(key) && keyResult.issues.length;
        if (checkNumericKey) {
          const retryResult = def.keyType._zod.run({ value: Number(key), issues: [] }, ctx);
          if (retryResult instanceof Promise) {
            throw new Error("Async schemas not supported in object keys currently");
          }
          if (retryResult.issues.length === 0) {
            keyResult = retryResult;
          }
        }
        if (keyResult.issues.length) {
          if (def.mode === "loose") {
            payload.value[key] = input[key];
          } else if (values) {
            unrecognized = unrecognized ?? [];
            unrecognized.push(key);
          } else {
            payload.issues.push({
              code: "invalid_key",
              origin: "record",
              issues: keyResult.issues.map((iss) => finalizeIssue(iss, ctx, config())),
              input: key,
              path: [key],
              inst
            });
          }
          continue;
        }
        const outKey = keyResult.value;
        if (outKey === "__proto__")
          continue;
        const result = def.valueType._zod.run({ value: input[key], issues: [] }, ctx);
        if (result instanceof Promise) {
          proms.push(result.then((result2) => {
            if (result2.issues.length) {
              payload.issues.push(...prefixIssues(key, result2.issues));
            }
            payload.value[outKey] = result2.value;
          }));
        } else {
          if (result.issues.length) {
            payload.issues.push(...prefixIssues(key, result.issues));
          }
          payload.value[outKey] = result.value;
        }
      }
      if (unrecognized && unrecognized.length > 0) {
        payload.issues.push({
          code: "unrecognized_keys",
          input,
          inst,
          keys: unrecognized,
          continue: true
        });
      }
    }
    if (proms.length) {
      return Promise.all(proms).then(() => payload);
    }
    return payload;
  };
});
var $ZodEnum = /* @__PURE__ */ $constructor("$ZodEnum", (inst, def) => {
  $ZodType.init(inst, def);
  const values = getEnumValues(def.entries);
  const valuesSet = new Set(values);
  inst._zod.values = valuesSet;
  defineLazyInternal(inst, "pattern", (zod) => {
    const patternValues = getEnumValues(zod.def.entries).filter((k) => propertyKeyTypes.has(typeof k));
    return new RegExp(patternValues.length ? `^(${patternValues.map((o) => escapeRegex(o.toString())).join("|")})$` : "^[^\\s\\S]$");
  });
  inst._zod.parse = (payload, _ctx) => {
    const input = payload.value;
    if (valuesSet.has(input)) {
      return payload;
    }
    payload.issues.push({
      code: "invalid_value",
      values,
      input,
      inst
    });
    return payload;
  };
});
var $ZodLiteral = /* @__PURE__ */ $constructor("$ZodLiteral", (inst, def) => {
  $ZodType.init(inst, def);
  const values = new Set(def.values);
  inst._zod.values = values;
  defineLazyInternal(inst, "pattern", (zod) => {
    const vals = zod.def.values;
    return new RegExp(vals.length ? `^(${vals.map((o) => typeof o === "string" ? escapeRegex(o) : o ? escapeRegex(o.toString()) : String(o)).join("|")})$` : "^[^\\s\\S]$");
  });
  inst._zod.parse = (payload, _ctx) => {
    const input = payload.value;
    if (values.has(input)) {
      return payload;
    }
    payload.issues.push({
      code: "invalid_value",
      values: def.values,
      input,
      inst
    });
    return payload;
  };
});
var $ZodTransform = /* @__PURE__ */ $constructor("$ZodTransform", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.optin = "optional";
  globalConfig.memoizer?.guard(inst);
  inst._zod.parse = (payload, ctx) => {
    if (ctx.direction === "backward") {
      throw new $ZodEncodeError(inst.constructor.name);
    }
    const _out = def.transform(payload.value, payload);
    if (ctx.async) {
      const output = _out instanceof Promise ? _out : Promise.resolve(_out);
      return output.then((output2) => {
        payload.value = output2;
        return payload;
      });
    }
    if (_out instanceof Promise) {
      throw new $ZodAsyncError();
    }
    payload.value = _out;
    return payload;
  };
});
function handleOptionalResult(payload, result) {
  payload.value = result.issues.length ? void 0 : result.value;
  return payload;
}
var $ZodOptional = /* @__PURE__ */ $constructor("$ZodOptional", (inst, def) => {
  $ZodType.init(inst, def);
  defineLazyInternal(inst, "optin", (zod) => zod.def.innerType._zod.optin === "defaulted" ? "defaulted" : "optional");
  inst._zod.optout = "optional";
  defineLazyInternal(inst, "values", (zod) => {
    const values = zod.def.innerType._zod.values;
    return values ? /* @__PURE__ */ new Set([...values, void 0]) : void 0;
  });
  defineLazyInternal(inst, "pattern", (zod) => {
    const pattern = zod.def.innerType._zod.pattern;
    return pattern ? new RegExp(`^(${cleanRegex(pattern.source)})?$`) : void 0;
  });
  inst._zod.parse = (payload, ctx) => {
    if (payload.value === void 0) {
      if (def.innerType._zod.optin !== "defaulted")
        return payload;
      const result = def.innerType._zod.run({ value: payload.value, issues: [] }, ctx);
      if (result instanceof Promise)
        return result.then((result2) => handleOptionalResult(payload, result2));
      return handleOptionalResult(payload, result);
    }
    return def.innerType._zod.run(payload, ctx);
  };
});
var $ZodExactOptional = /* @__PURE__ */ $constructor("$ZodExactOptional", (inst, def) => {
  $ZodOptional.init(inst, def);
  defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
  defineLazyInternal(inst, "pattern", (zod) => zod.def.innerType._zod.pattern);
  inst._zod.parse = (payload, ctx) => {
    return def.innerType._zod.run(payload, ctx);
  };
});
var $ZodNullable = /* @__PURE__ */ $constructor("$ZodNullable", (inst, def) => {
  $ZodType.init(inst, def);
  defineLazyInternal(inst, "optin", (zod) => zod.def.innerType._zod.optin);
  defineLazyInternal(inst, "optout", (zod) => zod.def.innerType._zod.optout);
  defineLazyInternal(inst, "pattern", (zod) => {
    const pattern = zod.def.innerType._zod.pattern;
    return pattern ? new RegExp(`^(${cleanRegex(pattern.source)}|null)$`) : void 0;
  });
  defineLazyInternal(inst, "values", (zod) => {
    return zod.def.innerType._zod.values ? /* @__PURE__ */ new Set([...zod.def.innerType._zod.values, null]) : void 0;
  });
  inst._zod.parse = (payload, ctx) => {
    if (payload.value === null)
      return payload;
    return def.innerType._zod.run(payload, ctx);
  };
});
var $ZodDefault = /* @__PURE__ */ $constructor("$ZodDefault", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.optin = "defaulted";
  defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
  inst._zod.parse = (payload, ctx) => {
    if (ctx.direction === "backward") {
      return def.innerType._zod.run(payload, ctx);
    }
    if (payload.value === void 0) {
      payload.value = def.defaultValue;
      return payload;
    }
    const result = def.innerType._zod.run(payload, ctx);
    if (result instanceof Promise) {
      return result.then((result2) => handleDefaultResult(result2, def));
    }
    return handleDefaultResult(result, def);
  };
});
function handleDefaultResult(payload, def) {
  if (payload.value === void 0) {
    payload.value = def.defaultValue;
  }
  return payload;
}
var $ZodPrefault = /* @__PURE__ */ $constructor("$ZodPrefault", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.optin = "defaulted";
  defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
  inst._zod.parse = (payload, ctx) => {
    if (ctx.direction === "backward") {
      return def.innerType._zod.run(payload, ctx);
    }
    if (payload.value === void 0) {
      payload.value = def.defaultValue;
    }
    return def.innerType._zod.run(payload, ctx);
  };
});
var $ZodNonOptional = /* @__PURE__ */ $constructor("$ZodNonOptional", (inst, def) => {
  $ZodType.init(inst, def);
  defineLazyInternal(inst, "values", (zod) => {
    const v = zod.def.innerType._zod.values;
    return v ? new Set([...v].filter((x) => x !== void 0)) : void 0;
  });
  inst._zod.parse = (payload, ctx) => {
    const result = def.innerType._zod.run(payload, ctx);
    if (result instanceof Promise) {
      return result.then((result2) => handleNonOptionalResult(result2, inst));
    }
    return handleNonOptionalResult(result, inst);
  };
});
function handleNonOptionalResult(payload, inst) {
  if (!payload.issues.length && payload.value === void 0) {
    payload.issues.push({
      code: "invalid_type",
      expected: "nonoptional",
      input: payload.value,
      inst
    });
  }
  return payload;
}
function handleCatchResult(payload, result, def, ctx) {
  if (!result.issues.length) {
    payload.value = result.value;
    if (result.memo)
      payload.memo = true;
    return payload;
  }
  payload.value = def.catchValue({
    ...result,
    value: payload.value,
    error: {
      issues: result.issues.map((iss) => finalizeIssue(iss, ctx, config()))
    },
    input: payload.value
  });
  return payload;
}
var $ZodCatch = /* @__PURE__ */ $constructor("$ZodCatch", (inst, def) => {
  $ZodType.init(inst, def);
  defineLazyInternal(inst, "optin", (zod) => zod.def.innerType._zod.optin === "defaulted" ? "defaulted" : "optional");
  defineLazyInternal(inst, "optout", (zod) => zod.def.innerType._zod.optout);
  defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
  inst._zod.parse = (payload, ctx) => {
    if (ctx.direction === "backward") {
      return def.innerType._zod.run(payload, ctx);
    }
    const result = def.innerType._zod.run({ value: payload.value, issues: [] }, ctx);
    if (result instanceof Promise) {
      return result.then((result2) => handleCatchResult(payload, result2, def, ctx));
    }
    return handleCatchResult(payload, result, def, ctx);
  };
});
var $ZodPipe = /* @__PURE__ */ $constructor("$ZodPipe", (inst, def) => {
  $ZodType.init(inst, def);
  defineLazyInternal(inst, "values", (zod) => zod.def.in._zod.values);
  defineLazyInternal(inst, "optin", (zod) => zod.def.in._zod.optin);
  defineLazyInternal(inst, "optout", (zod) => zod.def.out._zod.optout);
  defineLazyInternal(inst, "propValues", (zod) => zod.def.in._zod.propValues);
  inst._zod.parse = (payload, ctx) => {
    if (ctx.direction === "backward") {
      const right = def.out._zod.run(payload, ctx);
      if (right instanceof Promise) {
        return right.then((right2) => handlePipeResult(right2, def.in, ctx));
      }
      return handlePipeResult(right, def.in, ctx);
    }
    const left = def.in._zod.run(payload, ctx);
    if (left instanceof Promise) {
      return left.then((left2) => handlePipeResult(left2, def.out, ctx));
    }
    return handlePipeResult(left, def.out, ctx);
  };
});
function handlePipeResult(left, next, ctx) {
  if (left.issues.some((iss) => iss.code !== "unrecognized_keys")) {
    left.aborted = true;
    return left;
  }
  return next._zod.run({ value: left.value, issues: left.issues }, ctx);
}
var $ZodReadonly = /* @__PURE__ */ $constructor("$ZodReadonly", (inst, def) => {
  $ZodType.init(inst, def);
  defineLazyInternal(inst, "propValues", (zod) => zod.def.innerType._zod.propValues);
  defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
  defineLazyInternal(inst, "optin", (zod) => zod.def.innerType?._zod?.optin);
  defineLazyInternal(inst, "optout", (zod) => zod.def.innerType?._zod?.optout);
  inst._zod.parse = (payload, ctx) => {
    if (ctx.direction === "backward") {
      return def.innerType._zod.run(payload, ctx);
    }
    const result = def.innerType._zod.run(payload, ctx);
    if (result instanceof Promise) {
      return result.then(handleReadonlyResult);
    }
    return handleReadonlyResult(result);
  };
});
function handleReadonlyResult(payload) {
  if (!payload.memo)
    payload.value = Object.freeze(payload.value);
  return payload;
}
var $ZodLazy = /* @__PURE__ */ $constructor("$ZodLazy", (inst, def) => {
  $ZodType.init(inst, def);
  defineLazy(inst._zod, "innerType", () => {
    const d = def;
    if (!d._cachedInner)
      d._cachedInner = def.getter();
    return d._cachedInner;
  });
  defineLazyInternal(inst, "pattern", (zod) => zod.innerType?._zod?.pattern);
  defineLazyInternal(inst, "propValues", (zod) => zod.innerType?._zod?.propValues);
  defineLazyInternal(inst, "optin", (zod) => zod.innerType?._zod?.optin ?? void 0);
  defineLazyInternal(inst, "optout", (zod) => zod.innerType?._zod?.optout ?? void 0);
  inst._zod.parse = (payload, ctx) => {
    const inner = inst._zod.innerType;
    return inner._zod.run(payload, ctx);
  };
});
var $ZodCustom = /* @__PURE__ */ $constructor("$ZodCustom", (inst, def) => {
  $ZodCheck.init(inst, def);
  $ZodType.init(inst, def);
  inst._zod.parse = (payload, _) => {
    return payload;
  };
  inst._zod.check = (payload) => {
    const input = payload.value;
    const r = def.fn(input);
    if (r instanceof Promise) {
      return r.then((r2) => handleRefineResult(r2, payload, input, inst));
    }
    handleRefineResult(r, payload, input, inst);
    return;
  };
});
function handleRefineResult(result, payload, input, inst) {
  if (!result) {
    const _iss = {
      code: "custom",
      input,
      inst,
      // incorporates params.error into issue reporting
      path: [...inst._zod.def.path ?? []],
      // incorporates params.error into issue reporting
      continue: !inst._zod.def.abort
      // params: inst._zod.def.params,
    };
    if (inst._zod.def.params)
      _iss.params = inst._zod.def.params;
    payload.issues.push(issue(_iss));
  }
}

// node_modules/zod/v4/core/memoizer.js
var $ZodCyclicError = class extends Error {
  constructor() {
    super(`Cannot parse a reference cycle that closes through a transform`);
    this.name = "ZodCyclicError";
  }
};
var STATE = "~memo";
var NO_ISSUES = [];
function isRef(value) {
  return value !== null && typeof value === "object";
}
function cloneIssues(issues) {
  return issues.map((iss) => iss.path ? { ...iss, path: iss.path.slice() } : { ...iss });
}
var recursive = /* @__PURE__ */ new WeakMap();
var NONE = 0;
var ASSUMED = 1;
var PROVEN = 2;
function isRecursive(inst, stack, resolve) {
  const cached2 = recursive.get(inst);
  if (cached2 !== void 0)
    return cached2 ? PROVEN : NONE;
  if (stack.has(inst))
    return PROVEN;
  stack.add(inst);
  let result = NONE;
  const check = (child) => {
    if (result !== PROVEN && child?._zod) {
      const answer2 = isRecursive(child, stack, resolve);
      if (answer2 > result)
        result = answer2;
    }
  };
  const shape = (sh, spread) => {
    let answer2 = NONE;
    for (const key of Reflect.ownKeys(sh)) {
      const desc = Object.getOwnPropertyDescriptor(sh, key);
      if (spread && !desc.enumerable)
        continue;
      const child = desc.get ? ASSUMED : desc.value?._zod ? isRecursive(desc.value, stack, resolve) : NONE;
      if (child > answer2)
        answer2 = child;
    }
    return answer2;
  };
  const merge2 = (answer2) => {
    if (answer2 > result)
      result = answer2;
  };
  const def = inst._zod.def;
  const kind = def.type;
  switch (kind) {
    case "object": {
      const raw = rawShape(def);
      merge2(raw ? shape(raw, true) : ASSUMED);
      check(def.catchall);
      break;
    }
    case "array":
      check(def.element);
      break;
    case "tuple":
      for (const el of def.items)
        check(el);
      check(def.rest);
      break;
    case "record":
    case "map":
      check(def.keyType);
      check(def.valueType);
      break;
    case "set":
      check(def.valueType);
      break;
    case "union":
      for (const el of def.options)
        check(el);
      break;
    case "intersection":
      check(def.left);
      check(def.right);
      break;
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "catch":
    case "readonly":
    case "nonoptional":
    case "promise":
    case "success":
      check(def.innerType);
      break;
    case "pipe":
      check(def.in);
      check(def.out);
      break;
    case "function":
      check(def.input);
      check(def.output);
      break;
    // `$ZodLazy` caches its inner on the def, so a resolved edge is followed exactly
    case "lazy": {
      const inner = def._cachedInner ?? (resolve ? inst._zod.innerType : void 0);
      merge2(inner ? isRecursive(inner, stack, false) : ASSUMED);
      break;
    }
    // a leaf by choice: `parts` are regex fragments, not data positions
    case "template_literal":
    // leaves
    case "string":
    case "number":
    case "int":
    case "boolean":
    case "bigint":
    case "symbol":
    case "undefined":
    case "null":
    case "void":
    case "never":
    case "any":
    case "unknown":
    case "date":
    case "nan":
    case "enum":
    case "literal":
    case "file":
    case "transform":
    case "custom":
      break;
    default: {
      kind;
      for (const key in def) {
        const desc = Object.getOwnPropertyDescriptor(def, key);
        if (!desc || desc.get)
          continue;
        const value = desc.value;
        if (!value || typeof value !== "object")
          continue;
        if (value._zod)
          check(value);
        else if (Array.isArray(value))
          for (const el of value)
            check(el);
      }
    }
  }
  stack.delete(inst);
  return settle(inst, result);
}
function settle(inst, answer2) {
  if (answer2 !== ASSUMED)
    recursive.set(inst, answer2 === PROVEN);
  return answer2;
}
function bucketFor(state, inst) {
  let bucket = state.buckets.get(inst);
  if (!bucket) {
    bucket = /* @__PURE__ */ new WeakMap();
    state.buckets.set(inst, bucket);
  }
  return bucket;
}
var handoff;
var open = [];
var memo = {
  alloc(_inst, payload, empty) {
    const bucket = handoff;
    if (!bucket)
      return empty;
    handoff = void 0;
    const entry = { value: empty, issues: null };
    bucket.set(payload.value, entry);
    open.push(entry);
    return empty;
  },
  guard(inst) {
    var _a3;
    (_a3 = inst._zod).deferred ?? (_a3.deferred = []);
    inst._zod.deferred.push(() => {
      const base = inst._zod.parse;
      const wrapped = (payload, ctx) => {
        if (ctx.direction !== "backward" && isBackEdge(ctx, payload.value))
          throw new $ZodCyclicError();
        return base(payload, ctx);
      };
      inst._zod.parse = wrapped;
      if (inst._zod.run === base)
        inst._zod.run = wrapped;
    });
  },
  attach(inst) {
    var _a3;
    let isRecursiveInst;
    let rechecked = false;
    let lastCtx;
    let lastBucket;
    (_a3 = inst._zod).deferred ?? (_a3.deferred = []);
    inst._zod.deferred.push(() => {
      const base = inst._zod.parse;
      const wrapped = (payload, ctx) => {
        if (isRecursiveInst === void 0) {
          const walked = isRecursive(inst, /* @__PURE__ */ new Set(), false);
          if (walked === NONE) {
            inst._zod.parse = base;
            if (inst._zod.run === wrapped)
              inst._zod.run = base;
            return base(payload, ctx);
          }
          if (walked === PROVEN || rechecked)
            isRecursiveInst = true;
          else
            rechecked = true;
        }
        const input = payload.value;
        if (!isRef(input))
          return base(payload, ctx);
        let state = ctx[STATE];
        if (!state) {
          state = { buckets: /* @__PURE__ */ new WeakMap(), backEdges: void 0 };
          ctx[STATE] = state;
        }
        let bucket;
        if (lastCtx === ctx) {
          bucket = lastBucket;
        } else {
          bucket = bucketFor(state, inst);
          lastCtx = ctx;
          lastBucket = bucket;
        }
        const hit = bucket.get(input);
        if (hit) {
          payload.value = hit.value;
          if (hit.issues) {
            if (hit.issues.length)
              payload.issues.push(...cloneIssues(hit.issues));
          } else {
            payload.memo = true;
            state.backEdges ?? (state.backEdges = /* @__PURE__ */ new WeakSet());
            state.backEdges.add(hit.value);
          }
          return payload;
        }
        handoff = bucket;
        const depth = open.length;
        const result = base(payload, ctx);
        handoff = void 0;
        const entry = open.length > depth ? open.pop() : void 0;
        if (result instanceof Promise) {
          return result.then((r) => {
            if (entry)
              entry.issues = r.issues.length ? cloneIssues(r.issues) : NO_ISSUES;
            return r;
          });
        }
        if (entry)
          entry.issues = result.issues.length ? cloneIssues(result.issues) : NO_ISSUES;
        return result;
      };
      inst._zod.parse = wrapped;
      if (inst._zod.run === base)
        inst._zod.run = wrapped;
    });
  }
};
function memoizer() {
  return memo;
}
function isBackEdge(ctx, value) {
  const backEdges = ctx[STATE]?.backEdges;
  return backEdges !== void 0 && isRef(value) && backEdges.has(value);
}

// node_modules/zod/v4/locales/en.js
var error = () => {
  const Sizable = {
    string: { unit: "characters", verb: "to have" },
    file: { unit: "bytes", verb: "to have" },
    array: { unit: "items", verb: "to have" },
    set: { unit: "items", verb: "to have" },
    map: { unit: "entries", verb: "to have" }
  };
  function getSizing(origin) {
    return Sizable[origin] ?? null;
  }
  const FormatDictionary = {
    regex: "input",
    email: "email address",
    url: "URL",
    emoji: "emoji",
    uuid: "UUID",
    uuidv4: "UUIDv4",
    uuidv6: "UUIDv6",
    nanoid: "nanoid",
    guid: "GUID",
    cuid: "cuid",
    cuid2: "cuid2",
    ulid: "ULID",
    xid: "XID",
    ksuid: "KSUID",
    datetime: "ISO datetime",
    date: "ISO date",
    time: "ISO time",
    duration: "ISO duration",
    ipv4: "IPv4 address",
    ipv6: "IPv6 address",
    mac: "MAC address",
    cidrv4: "IPv4 range",
    cidrv6: "IPv6 range",
    base64: "base64-encoded string",
    base64url: "base64url-encoded string",
    json_string: "JSON string",
    e164: "E.164 number",
    currency_code: "currency code",
    credit_card: "credit card number",
    iban: "IBAN",
    jwt: "JWT",
    template_literal: "input"
  };
  const TypeDictionary = {
    // Compatibility: "nan" -> "NaN" for display
    nan: "NaN"
    // All other type names omitted - they fall back to raw values via ?? operator
  };
  function getTypeName(type, input) {
    if (type === "number" && typeof input === "number" && !Number.isFinite(input)) {
      return String(input);
    }
    return TypeDictionary[type] ?? type;
  }
  return (issue2) => {
    switch (issue2.code) {
      case "invalid_type": {
        const expected2 = getTypeName(issue2.expected);
        const receivedType = parsedType(issue2.input);
        const received = getTypeName(receivedType, issue2.input);
        return `Invalid input: expected ${expected2}, received ${received}`;
      }
      case "invalid_value":
        if (issue2.values.length === 1)
          return `Invalid input: expected ${stringifyPrimitive(issue2.values[0])}`;
        return `Invalid option: expected one of ${joinValues(issue2.values, "|")}`;
      case "too_big": {
        const adj = issue2.exact ? "exactly " : issue2.inclusive ? "<=" : "<";
        const sizing = getSizing(issue2.origin);
        if (sizing)
          return `Too big: expected ${issue2.origin ?? "value"} to have ${adj}${issue2.maximum.toString()} ${sizing.unit ?? "elements"}`;
        return `Too big: expected ${issue2.origin ?? "value"} to be ${adj}${issue2.maximum.toString()}`;
      }
      case "too_small": {
        const adj = issue2.exact ? "exactly " : issue2.inclusive ? ">=" : ">";
        const sizing = getSizing(issue2.origin);
        if (sizing) {
          return `Too small: expected ${issue2.origin} to have ${adj}${issue2.minimum.toString()} ${sizing.unit}`;
        }
        return `Too small: expected ${issue2.origin} to be ${adj}${issue2.minimum.toString()}`;
      }
      case "invalid_format": {
        const _issue = issue2;
        if (_issue.format === "starts_with") {
          return `Invalid string: must start with "${_issue.prefix}"`;
        }
        if (_issue.format === "ends_with")
          return `Invalid string: must end with "${_issue.suffix}"`;
        if (_issue.format === "includes")
          return `Invalid string: must include "${_issue.includes}"`;
        if (_issue.format === "regex")
          return `Invalid string: must match pattern ${_issue.pattern}`;
        return `Invalid ${FormatDictionary[_issue.format] ?? issue2.format}`;
      }
      case "not_multiple_of":
        return `Invalid number: must be a multiple of ${issue2.divisor}`;
      case "unrecognized_keys":
        return `Unrecognized key${issue2.keys.length > 1 ? "s" : ""}: ${joinValues(issue2.keys, ", ")}`;
      case "invalid_key":
        return `Invalid key in ${issue2.origin}`;
      case "invalid_union":
        if (issue2.options && Array.isArray(issue2.options) && issue2.options.length > 0) {
          const opts = issue2.options.map((o) => `'${o}'`).join(" | ");
          return `Invalid discriminator value. Expected ${opts}`;
        }
        if (issue2.inclusive === false) {
          return "Invalid input: more than one option matched";
        }
        return "Invalid input";
      case "invalid_element":
        return `Invalid value in ${issue2.origin}`;
      default:
        return `Invalid input`;
    }
  };
};
function en_default() {
  return {
    localeError: error()
  };
}

// node_modules/zod/v4/core/registries.js
var _a2;
var $ZodRegistry = class {
  constructor() {
    this._map = /* @__PURE__ */ new WeakMap();
    this._idmap = /* @__PURE__ */ new Map();
  }
  add(schema, ..._meta) {
    const meta2 = _meta[0];
    this._map.set(schema, meta2);
    if (meta2 && typeof meta2 === "object" && "id" in meta2) {
      this._idmap.set(meta2.id, schema);
    }
    return this;
  }
  clear() {
    this._map = /* @__PURE__ */ new WeakMap();
    this._idmap = /* @__PURE__ */ new Map();
    return this;
  }
  remove(schema) {
    const meta2 = this._map.get(schema);
    if (meta2 && typeof meta2 === "object" && "id" in meta2) {
      this._idmap.delete(meta2.id);
    }
    this._map.delete(schema);
    return this;
  }
  get(schema) {
    const p = schema._zod.parent;
    if (p) {
      const pm = { ...this.get(p) ?? {} };
      delete pm.id;
      const f = { ...pm, ...this._map.get(schema) };
      return Object.keys(f).length ? f : void 0;
    }
    return this._map.get(schema);
  }
  has(schema) {
    return this._map.has(schema);
  }
};
function registry() {
  return new $ZodRegistry();
}
(_a2 = globalThis).__zod_globalRegistry ?? (_a2.__zod_globalRegistry = registry());
var globalRegistry = globalThis.__zod_globalRegistry;

// node_modules/zod/v4/core/api.js
function snapshotChecks(def) {
  if (def.checks)
    def.checks = [...def.checks];
  return def;
}
// @__NO_SIDE_EFFECTS__
function _string(Class2, params) {
  return new Class2(snapshotChecks({ type: "string", ...normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _email(Class2, params) {
  return new Class2({
    type: "string",
    format: "email",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _guid(Class2, params) {
  return new Class2({
    type: "string",
    format: "guid",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _uuid(Class2, params) {
  return new Class2({
    type: "string",
    format: "uuid",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _uuidv4(Class2, params) {
  return new Class2({
    type: "string",
    format: "uuid",
    check: "string_format",
    abort: false,
    version: "v4",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _uuidv6(Class2, params) {
  return new Class2({
    type: "string",
    format: "uuid",
    check: "string_format",
    abort: false,
    version: "v6",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _uuidv7(Class2, params) {
  return new Class2({
    type: "string",
    format: "uuid",
    check: "string_format",
    abort: false,
    version: "v7",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _url(Class2, params) {
  return new Class2({
    type: "string",
    format: "url",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _emoji2(Class2, params) {
  return new Class2({
    type: "string",
    format: "emoji",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _nanoid(Class2, params) {
  return new Class2({
    type: "string",
    format: "nanoid",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _cuid(Class2, params) {
  return new Class2({
    type: "string",
    format: "cuid",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _cuid2(Class2, params) {
  return new Class2({
    type: "string",
    format: "cuid2",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _ulid(Class2, params) {
  return new Class2({
    type: "string",
    format: "ulid",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _xid(Class2, params) {
  return new Class2({
    type: "string",
    format: "xid",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _ksuid(Class2, params) {
  return new Class2({
    type: "string",
    format: "ksuid",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _ipv4(Class2, params) {
  return new Class2({
    type: "string",
    format: "ipv4",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _ipv6(Class2, params) {
  return new Class2({
    type: "string",
    format: "ipv6",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _cidrv4(Class2, params) {
  return new Class2({
    type: "string",
    format: "cidrv4",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _cidrv6(Class2, params) {
  return new Class2({
    type: "string",
    format: "cidrv6",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _base64(Class2, params) {
  return new Class2({
    type: "string",
    format: "base64",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _base64url(Class2, params) {
  return new Class2({
    type: "string",
    format: "base64url",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _e164(Class2, params) {
  return new Class2({
    type: "string",
    format: "e164",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _jwt(Class2, params) {
  return new Class2({
    type: "string",
    format: "jwt",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _isoDateTime(Class2, params) {
  return new Class2({
    type: "string",
    format: "datetime",
    check: "string_format",
    offset: false,
    local: false,
    precision: null,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _isoDate(Class2, params) {
  return new Class2({
    type: "string",
    format: "date",
    check: "string_format",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _isoTime(Class2, params) {
  return new Class2({
    type: "string",
    format: "time",
    check: "string_format",
    precision: null,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _isoDuration(Class2, params) {
  return new Class2({
    type: "string",
    format: "duration",
    check: "string_format",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _number(Class2, params) {
  return new Class2(snapshotChecks({ type: "number", checks: [], ...normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _int(Class2, params) {
  return new Class2({
    type: "number",
    check: "number_format",
    abort: false,
    format: "safeint",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _boolean(Class2, params) {
  return new Class2({
    type: "boolean",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _null2(Class2, params) {
  return new Class2({
    type: "null",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _unknown(Class2) {
  return new Class2({
    type: "unknown"
  });
}
// @__NO_SIDE_EFFECTS__
function _never(Class2, params) {
  return new Class2({
    type: "never",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _lt(value, params) {
  return new $ZodCheckLessThan({
    check: "less_than",
    ...normalizeParams(params),
    value,
    inclusive: false
  });
}
// @__NO_SIDE_EFFECTS__
function _lte(value, params) {
  return new $ZodCheckLessThan({
    check: "less_than",
    ...normalizeParams(params),
    value,
    inclusive: true
  });
}
// @__NO_SIDE_EFFECTS__
function _gt(value, params) {
  return new $ZodCheckGreaterThan({
    check: "greater_than",
    ...normalizeParams(params),
    value,
    inclusive: false
  });
}
// @__NO_SIDE_EFFECTS__
function _gte(value, params) {
  return new $ZodCheckGreaterThan({
    check: "greater_than",
    ...normalizeParams(params),
    value,
    inclusive: true
  });
}
// @__NO_SIDE_EFFECTS__
function _multipleOf(value, params) {
  return new $ZodCheckMultipleOf({
    check: "multiple_of",
    ...normalizeParams(params),
    value
  });
}
// @__NO_SIDE_EFFECTS__
function _maxLength(maximum, params) {
  const ch = new $ZodCheckMaxLength({
    check: "max_length",
    ...normalizeParams(params),
    maximum
  });
  return ch;
}
// @__NO_SIDE_EFFECTS__
function _minLength(minimum, params) {
  return new $ZodCheckMinLength({
    check: "min_length",
    ...normalizeParams(params),
    minimum
  });
}
// @__NO_SIDE_EFFECTS__
function _length(length, params) {
  return new $ZodCheckLengthEquals({
    check: "length_equals",
    ...normalizeParams(params),
    length
  });
}
// @__NO_SIDE_EFFECTS__
function _regex(pattern, params) {
  return new $ZodCheckRegex({
    check: "string_format",
    format: "regex",
    ...normalizeParams(params),
    pattern
  });
}
// @__NO_SIDE_EFFECTS__
function _lowercase(params) {
  return new $ZodCheckLowerCase({
    check: "string_format",
    format: "lowercase",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _uppercase(params) {
  return new $ZodCheckUpperCase({
    check: "string_format",
    format: "uppercase",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _includes(includes, params) {
  return new $ZodCheckIncludes({
    check: "string_format",
    format: "includes",
    ...normalizeParams(params),
    includes
  });
}
// @__NO_SIDE_EFFECTS__
function _startsWith(prefix, params) {
  return new $ZodCheckStartsWith({
    check: "string_format",
    format: "starts_with",
    ...normalizeParams(params),
    prefix
  });
}
// @__NO_SIDE_EFFECTS__
function _endsWith(suffix, params) {
  return new $ZodCheckEndsWith({
    check: "string_format",
    format: "ends_with",
    ...normalizeParams(params),
    suffix
  });
}
// @__NO_SIDE_EFFECTS__
function _overwrite(tx) {
  return new $ZodCheckOverwrite({
    check: "overwrite",
    tx
  });
}
// @__NO_SIDE_EFFECTS__
function _normalize(form2) {
  return /* @__PURE__ */ _overwrite((input) => input.normalize(form2));
}
// @__NO_SIDE_EFFECTS__
function _trim() {
  return /* @__PURE__ */ _overwrite((input) => input.trim());
}
// @__NO_SIDE_EFFECTS__
function _toLowerCase() {
  return /* @__PURE__ */ _overwrite((input) => input.toLowerCase());
}
// @__NO_SIDE_EFFECTS__
function _toUpperCase() {
  return /* @__PURE__ */ _overwrite((input) => input.toUpperCase());
}
// @__NO_SIDE_EFFECTS__
function _slugify() {
  return /* @__PURE__ */ _overwrite((input) => slugify(input));
}
// @__NO_SIDE_EFFECTS__
function _array(Class2, element, params) {
  return new Class2({
    type: "array",
    element,
    // get element() {
    //   return element;
    // },
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _refine(Class2, fn, _params) {
  const schema = new Class2({
    type: "custom",
    check: "custom",
    fn,
    ...normalizeParams(_params)
  });
  return schema;
}
// @__NO_SIDE_EFFECTS__
function _superRefine(fn, params) {
  const ch = /* @__PURE__ */ _check((payload) => {
    payload.addIssue = (issue2) => {
      if (typeof issue2 === "string") {
        payload.issues.push(issue(issue2, payload.value, ch._zod.def));
      } else {
        const _issue = issue2;
        if (_issue.fatal)
          _issue.continue = false;
        _issue.code ?? (_issue.code = "custom");
        if (!("input" in _issue))
          _issue.input = payload.value;
        _issue.inst ?? (_issue.inst = ch);
        _issue.continue ?? (_issue.continue = !ch._zod.def.abort);
        payload.issues.push(issue(_issue));
      }
    };
    return fn(payload.value, payload);
  }, params);
  return ch;
}
// @__NO_SIDE_EFFECTS__
function _check(fn, params) {
  const ch = new $ZodCheck({
    check: "custom",
    ...normalizeParams(params)
  });
  ch._zod.check = fn;
  return ch;
}

// node_modules/zod/v4/core/to-json-schema.js
function assignProps(target, ...sources) {
  for (const source of sources) {
    for (const key of Reflect.ownKeys(source)) {
      if (Object.prototype.propertyIsEnumerable.call(source, key)) {
        assignProp(target, key, source[key]);
      }
    }
  }
  return target;
}
function initializeContext(params) {
  let target = params?.target ?? "draft-2020-12";
  if (target === "draft-4")
    target = "draft-04";
  if (target === "draft-7")
    target = "draft-07";
  return {
    processors: params.processors ?? {},
    metadataRegistry: params?.metadata ?? globalRegistry,
    target,
    unrepresentable: params?.unrepresentable ?? "throw",
    override: params?.override ?? (() => {
    }),
    io: params?.io ?? "output",
    counter: 0,
    seen: /* @__PURE__ */ new Map(),
    sharedDefsExtractedFor: void 0,
    sharedEmitDoneFor: void 0,
    cycles: params?.cycles ?? "ref",
    reused: params?.reused ?? "inline",
    intersections: [],
    deferred: [],
    external: params?.external ?? void 0
  };
}
function handleUnrepresentable(schema, ctx, json3, params, message) {
  const result = typeof ctx.unrepresentable === "function" ? ctx.unrepresentable({ zodSchema: schema, path: params.path, message }) : ctx.unrepresentable;
  if (result === "any")
    return false;
  if (result === void 0 || result === "throw")
    throw new Error(message);
  Object.assign(json3, result);
  return true;
}
function processSchema(schema, ctx, _params = { path: [], schemaPath: [] }) {
  var _a3;
  const def = schema._zod.def;
  const seen = ctx.seen.get(schema);
  if (seen) {
    seen.count++;
    const isCycle = _params.schemaPath.includes(schema);
    if (isCycle) {
      seen.cycle = _params.path;
    }
    return seen.schema;
  }
  const result = { schema: {}, count: 1, cycle: void 0, path: _params.path };
  ctx.seen.set(schema, result);
  ctx.sharedDefsExtractedFor = void 0;
  ctx.sharedEmitDoneFor = void 0;
  const overrideSchema2 = schema._zod.toJSONSchema?.();
  if (overrideSchema2) {
    result.schema = overrideSchema2;
  } else {
    const params = {
      ..._params,
      schemaPath: [..._params.schemaPath, schema],
      path: _params.path
    };
    if (schema._zod.processJSONSchema) {
      schema._zod.processJSONSchema(ctx, result.schema, params);
    } else {
      const _json = result.schema;
      const processor = ctx.processors[def.type];
      if (!processor) {
        throw new Error(`[toJSONSchema]: Non-representable type encountered: ${def.type}`);
      }
      processor(schema, ctx, _json, params);
    }
    const parent = schema._zod.parent;
    if (parent) {
      if (!result.ref)
        result.ref = parent;
      processSchema(parent, ctx, params);
      ctx.seen.get(parent).isParent = true;
    }
  }
  const meta2 = ctx.metadataRegistry.get(schema);
  if (meta2)
    assignProps(result.schema, meta2);
  if (ctx.io === "input" && isTransforming(schema)) {
    delete result.schema.examples;
    delete result.schema.default;
  }
  if (ctx.io === "input" && "_prefault" in result.schema)
    (_a3 = result.schema).default ?? (_a3.default = result.schema._prefault);
  delete result.schema._prefault;
  const _result = ctx.seen.get(schema);
  return _result.schema;
}
function encodeJSONPointerSegment(segment) {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}
function extractDefs(ctx, schema) {
  const root = ctx.seen.get(schema);
  if (!root)
    throw new Error("Unprocessed schema. This is a bug in Zod.");
  if (ctx.external && ctx.sharedDefsExtractedFor === ctx.external)
    return;
  const idToSchema = /* @__PURE__ */ new Map();
  for (const entry of ctx.seen.entries()) {
    const id = ctx.metadataRegistry.get(entry[0])?.id;
    if (id) {
      const existing = idToSchema.get(id);
      if (existing && existing !== entry[0]) {
        throw new Error(`Duplicate schema id "${id}" detected during JSON Schema conversion. Two different schemas cannot share the same id when converted together.`);
      }
      idToSchema.set(id, entry[0]);
    }
  }
  const makeURI = (entry) => {
    const defsSegment = ctx.target === "draft-2020-12" ? "$defs" : "definitions";
    if (ctx.external) {
      const externalId = ctx.external.registry.get(entry[0])?.id;
      const uriGenerator = ctx.external.uri ?? ((id2) => id2);
      if (externalId) {
        return { ref: uriGenerator(externalId) };
      }
      const id = entry[1].defId ?? entry[1].schema.id ?? `schema${ctx.counter++}`;
      entry[1].defId = id;
      return { defId: id, ref: `${uriGenerator("__shared")}#/${defsSegment}/${encodeJSONPointerSegment(id)}` };
    }
    const uriPrefix = `#`;
    const defUriPrefix = `${uriPrefix}/${defsSegment}/`;
    if (entry[1] === root && !entry[1].schema.id) {
      return { ref: uriPrefix };
    }
    const defId = entry[1].schema.id ?? `__schema${ctx.counter++}`;
    return { defId, ref: defUriPrefix + encodeJSONPointerSegment(defId) };
  };
  const extractToDef = (entry) => {
    if (entry[1].schema.$ref) {
      return;
    }
    const seen = entry[1];
    const { ref, defId } = makeURI(entry);
    seen.def = { ...seen.schema };
    if (defId)
      seen.defId = defId;
    const schema2 = seen.schema;
    for (const key in schema2) {
      delete schema2[key];
    }
    schema2.$ref = ref;
  };
  if (ctx.cycles === "throw") {
    for (const entry of ctx.seen.entries()) {
      const seen = entry[1];
      if (seen.cycle) {
        throw new Error(`Cycle detected: #/${seen.cycle?.join("/")}/<root>

Set the \`cycles\` parameter to \`"ref"\` to resolve cyclical schemas with defs.`);
      }
    }
  }
  for (const entry of ctx.seen.entries()) {
    const seen = entry[1];
    if (schema === entry[0]) {
      extractToDef(entry);
      continue;
    }
    if (ctx.external) {
      const ext = ctx.external.registry.get(entry[0])?.id;
      if (schema !== entry[0] && ext) {
        extractToDef(entry);
        continue;
      }
    }
    const id = ctx.metadataRegistry.get(entry[0])?.id;
    if (id) {
      extractToDef(entry);
      continue;
    }
    if (seen.cycle) {
      extractToDef(entry);
      continue;
    }
    if (seen.count > 1) {
      if (ctx.reused === "ref") {
        extractToDef(entry);
      }
    }
  }
  if (ctx.external)
    ctx.sharedDefsExtractedFor = ctx.external;
}
function compactTypeUnion(schema) {
  const options = schema.anyOf;
  if (!Array.isArray(options) || options.length === 0 || schema.type !== void 0)
    return;
  const types = [];
  for (const option of options) {
    if (!option || typeof option !== "object")
      return;
    compactTypeUnion(option);
    const keys = Object.keys(option);
    if (keys.length !== 1 || keys[0] !== "type")
      return;
    const type = option.type;
    for (const member of Array.isArray(type) ? type : [type]) {
      if (typeof member !== "string")
        return;
      if (!types.includes(member))
        types.push(member);
    }
  }
  delete schema.anyOf;
  schema.type = types.length === 1 ? types[0] : types;
}
var FOLDABLE_KEYS = /* @__PURE__ */ new Set(["type", "properties", "required", "additionalProperties"]);
var UNION_KEYS = ["oneOf", "anyOf"];
function undeclaredConstraint(member) {
  const extra = member.additionalProperties;
  if (extra === void 0 || extra === false || typeof extra !== "object" || extra === null)
    return null;
  return Object.keys(extra).length ? extra : null;
}
function foldObjects(members2) {
  const objects = [];
  for (const member of members2) {
    if (typeof member !== "object" || member.type !== "object")
      return null;
    for (const key in member) {
      if (!FOLDABLE_KEYS.has(key))
        return null;
    }
    objects.push(member);
  }
  const properties = {};
  const required2 = /* @__PURE__ */ new Set();
  for (const object of objects) {
    for (const key in object.properties) {
      if (Object.prototype.hasOwnProperty.call(properties, key))
        continue;
      const parts = [];
      for (const other of objects) {
        const part = other.properties?.[key] ?? undeclaredConstraint(other);
        if (part === null || part === void 0)
          continue;
        if (!parts.some((seen) => JSON.stringify(seen) === JSON.stringify(part)))
          parts.push(part);
      }
      const merged = parts.length === 1 ? parts[0] : foldObjects(parts) ?? { allOf: parts };
      assignProp(properties, key, merged);
    }
    for (const key of object.required ?? [])
      required2.add(key);
  }
  const folded = { type: "object", properties };
  if (required2.size)
    folded.required = [...required2];
  if (objects.every((object) => object.additionalProperties === false)) {
    folded.additionalProperties = false;
  } else {
    const constraints = [];
    for (const object of objects) {
      const constraint = undeclaredConstraint(object);
      if (constraint && !constraints.some((seen) => JSON.stringify(seen) === JSON.stringify(constraint)))
        constraints.push(constraint);
    }
    if (constraints.length === 1)
      folded.additionalProperties = constraints[0];
    else if (constraints.length > 1)
      folded.additionalProperties = { allOf: constraints };
  }
  return folded;
}
function foldIntersection(json3) {
  const allOf = json3.allOf;
  if (!Array.isArray(allOf) || allOf.length < 2)
    return;
  for (const key of FOLDABLE_KEYS)
    if (key in json3)
      return;
  const unions = allOf.filter((m) => UNION_KEYS.some((k) => Array.isArray(m[k])));
  let folded = null;
  if (!unions.length) {
    folded = foldObjects(allOf);
  } else {
    const union2 = unions[0];
    const keyword = UNION_KEYS.find((k) => Array.isArray(union2[k]));
    if (Object.keys(union2).length !== 1)
      return;
    const rest = allOf.filter((m) => m !== union2);
    const branches = union2[keyword].map((branch) => foldObjects([...rest, branch]));
    if (branches.some((b) => !b))
      return;
    folded = { [keyword]: branches };
  }
  if (!folded)
    return;
  delete json3.allOf;
  assignProps(json3, folded);
}
function finalize(ctx, schema) {
  const root = ctx.seen.get(schema);
  if (!root)
    throw new Error("Unprocessed schema. This is a bug in Zod.");
  const flattenRef = (zodSchema) => {
    const seen = ctx.seen.get(zodSchema);
    if (seen.ref === null)
      return;
    const schema2 = seen.def ?? seen.schema;
    const _cached = { ...schema2 };
    const ref = seen.ref;
    seen.ref = null;
    if (ref) {
      flattenRef(ref);
      const refSeen = ctx.seen.get(ref);
      const refSchema = refSeen.schema;
      if (refSchema.$ref && (ctx.target === "draft-07" || ctx.target === "draft-04" || ctx.target === "openapi-3.0")) {
        schema2.allOf = schema2.allOf ?? [];
        schema2.allOf.push(refSchema);
      } else {
        assignProps(schema2, refSchema);
      }
      assignProps(schema2, _cached);
      const isParentRef = zodSchema._zod.parent === ref;
      if (isParentRef) {
        for (const key in schema2) {
          if (key === "$ref" || key === "allOf")
            continue;
          if (!(key in _cached)) {
            delete schema2[key];
          }
        }
      }
      if (refSchema.$ref && refSeen.def) {
        for (const key in schema2) {
          if (key === "$ref" || key === "allOf")
            continue;
          if (key in refSeen.def && JSON.stringify(schema2[key]) === JSON.stringify(refSeen.def[key])) {
            delete schema2[key];
          }
        }
      }
    }
    const parent = zodSchema._zod.parent;
    if (parent && parent !== ref) {
      flattenRef(parent);
      const parentSeen = ctx.seen.get(parent);
      if (parentSeen?.schema.$ref) {
        schema2.$ref = parentSeen.schema.$ref;
        if (parentSeen.def) {
          for (const key in schema2) {
            if (key === "$ref" || key === "allOf")
              continue;
            if (key in parentSeen.def && JSON.stringify(schema2[key]) === JSON.stringify(parentSeen.def[key])) {
              delete schema2[key];
            }
          }
        }
      }
    }
    ctx.override({
      zodSchema,
      jsonSchema: schema2,
      path: seen.path ?? []
    });
  };
  if (!ctx.external || ctx.sharedEmitDoneFor !== ctx.external) {
    for (const entry of [...ctx.seen.entries()].reverse()) {
      flattenRef(entry[0]);
    }
    if (ctx.target !== "openapi-3.0") {
      for (const entry of ctx.seen.entries()) {
        compactTypeUnion(entry[1].def ?? entry[1].schema);
      }
    }
    for (const rewrite of ctx.deferred)
      rewrite();
    if (ctx.intersections.length) {
      const carriers = /* @__PURE__ */ new Map();
      for (const seen of ctx.seen.values()) {
        for (const json3 of [seen.schema, seen.def]) {
          const allOf = json3?.allOf;
          if (!Array.isArray(allOf))
            continue;
          const existing = carriers.get(allOf);
          if (existing)
            existing.push(json3);
          else
            carriers.set(allOf, [json3]);
        }
      }
      for (const allOf of ctx.intersections) {
        for (const json3 of carriers.get(allOf) ?? [])
          foldIntersection(json3);
      }
    }
  }
  const result = {};
  if (ctx.target === "draft-2020-12") {
    result.$schema = "https://json-schema.org/draft/2020-12/schema";
  } else if (ctx.target === "draft-07") {
    result.$schema = "http://json-schema.org/draft-07/schema#";
  } else if (ctx.target === "draft-04") {
    result.$schema = "http://json-schema.org/draft-04/schema#";
  } else if (ctx.target === "openapi-3.0") {
  } else {
  }
  if (ctx.external?.uri) {
    const id = ctx.external.registry.get(schema)?.id;
    if (!id)
      throw new Error("Schema is missing an `id` property");
    result.$id = ctx.external.uri(id);
  }
  assignProps(result, root.defId ? root.schema : root.def ?? root.schema);
  const rootMetaId = ctx.metadataRegistry.get(schema)?.id;
  if (rootMetaId !== void 0 && result.id === rootMetaId)
    delete result.id;
  const defs = ctx.external?.defs ?? {};
  if (!ctx.external || ctx.sharedEmitDoneFor !== ctx.external) {
    for (const entry of ctx.seen.entries()) {
      const seen = entry[1];
      if (seen.def && seen.defId) {
        if (seen.def.id === seen.defId)
          delete seen.def.id;
        assignProp(defs, seen.defId, seen.def);
      }
    }
  }
  if (ctx.external)
    ctx.sharedEmitDoneFor = ctx.external;
  if (ctx.external) {
  } else {
    if (Object.keys(defs).length > 0) {
      if (ctx.target === "draft-2020-12") {
        result.$defs = defs;
      } else {
        result.definitions = defs;
      }
    }
  }
  try {
    const finalized = JSON.parse(JSON.stringify(result));
    Object.defineProperty(finalized, "~standard", {
      value: {
        ...schema["~standard"],
        jsonSchema: {
          input: createStandardJSONSchemaMethod(schema, "input", ctx.processors),
          output: createStandardJSONSchemaMethod(schema, "output", ctx.processors)
        }
      },
      enumerable: false,
      writable: false
    });
    return finalized;
  } catch (_err) {
    throw new Error("Error converting schema to JSON.");
  }
}
function isTransforming(_schema, _ctx) {
  const ctx = _ctx ?? { seen: /* @__PURE__ */ new Set() };
  if (ctx.seen.has(_schema))
    return false;
  ctx.seen.add(_schema);
  const def = _schema._zod.def;
  if (def.type === "transform")
    return true;
  if (def.type === "array")
    return isTransforming(def.element, ctx);
  if (def.type === "set")
    return isTransforming(def.valueType, ctx);
  if (def.type === "lazy")
    return isTransforming(def.getter(), ctx);
  if (def.type === "promise" || def.type === "optional" || def.type === "nonoptional" || def.type === "nullable" || def.type === "readonly" || def.type === "default" || def.type === "prefault" || def.type === "catch") {
    return isTransforming(def.innerType, ctx);
  }
  if (def.type === "intersection") {
    return isTransforming(def.left, ctx) || isTransforming(def.right, ctx);
  }
  if (def.type === "record" || def.type === "map") {
    return isTransforming(def.keyType, ctx) || isTransforming(def.valueType, ctx);
  }
  if (def.type === "pipe") {
    if (_schema._zod.traits.has("$ZodCodec"))
      return true;
    return isTransforming(def.in, ctx) || isTransforming(def.out, ctx);
  }
  if (def.type === "object") {
    for (const key in def.shape) {
      if (isTransforming(def.shape[key], ctx))
        return true;
    }
    return false;
  }
  if (def.type === "union") {
    for (const option of def.options) {
      if (isTransforming(option, ctx))
        return true;
    }
    return false;
  }
  if (def.type === "tuple") {
    for (const item of def.items) {
      if (isTransforming(item, ctx))
        return true;
    }
    if (def.rest && isTransforming(def.rest, ctx))
      return true;
    return false;
  }
  return false;
}
var createToJSONSchemaMethod = (schema, processors = {}) => (params) => {
  const ctx = initializeContext({ ...params, processors });
  processSchema(schema, ctx);
  extractDefs(ctx, schema);
  return finalize(ctx, schema);
};
var createStandardJSONSchemaMethod = (schema, io, processors = {}) => (params) => {
  const { libraryOptions, target } = params ?? {};
  const ctx = initializeContext({ ...libraryOptions ?? {}, target, io, processors });
  processSchema(schema, ctx);
  extractDefs(ctx, schema);
  return finalize(ctx, schema);
};

// node_modules/zod/v4/core/json-schema-processors.js
var narrowMin = (agg, key, value) => {
  if (agg[key] === void 0 || value > agg[key])
    agg[key] = value;
};
var narrowMax = (agg, key, value) => {
  if (agg[key] === void 0 || value < agg[key])
    agg[key] = value;
};
var narrowBoth = (agg, value) => {
  narrowMin(agg, "minimum", value);
  narrowMax(agg, "maximum", value);
};
var addDivisor = (agg, value) => {
  agg.multipleOf ?? (agg.multipleOf = []);
  if (!agg.multipleOf.includes(value))
    agg.multipleOf.push(value);
};
var addPattern = (agg, pattern) => {
  agg.patterns ?? (agg.patterns = /* @__PURE__ */ new Set());
  agg.patterns.add(pattern);
};
var intersectMime = (agg, mime) => {
  agg.mime = agg.mime ? agg.mime.filter((m) => mime.includes(m)) : [...mime];
};
var setFormat = (agg, format) => {
  agg.format = format;
  if (format.includes("int"))
    agg.isInt = true;
};
var minContributor = (agg, def) => narrowMin(agg, "minimum", def.minimum);
var maxContributor = (agg, def) => narrowMax(agg, "maximum", def.maximum);
var formatContributor = (ranges) => (agg, def) => {
  setFormat(agg, def.format);
  const [minimum, maximum] = ranges[def.format];
  narrowMin(agg, "minimum", minimum);
  narrowMax(agg, "maximum", maximum);
};
var contributors = {
  greater_than: (agg, def) => narrowMin(agg, def.inclusive ? "minimum" : "exclusiveMinimum", def.value),
  less_than: (agg, def) => narrowMax(agg, def.inclusive ? "maximum" : "exclusiveMaximum", def.value),
  multiple_of: (agg, def) => addDivisor(agg, def.value),
  number_format: formatContributor(NUMBER_FORMAT_RANGES),
  bigint_format: formatContributor(BIGINT_FORMAT_RANGES),
  min_length: minContributor,
  max_length: maxContributor,
  length_equals: (agg, def) => narrowBoth(agg, def.length),
  min_size: minContributor,
  max_size: maxContributor,
  size_equals: (agg, def) => narrowBoth(agg, def.size),
  string_format: (agg, def) => {
    setFormat(agg, def.format);
    if (def.pattern)
      addPattern(agg, def.pattern);
    if (def.format === "base64" || def.format === "base64url")
      agg.contentEncoding = def.format;
    if (def.local || def.precision === -1)
      agg.laxFormat = true;
  },
  mime_type: (agg, def) => intersectMime(agg, def.mime)
};
function aggregateChecks(schema) {
  const agg = {};
  const def = schema._zod.def;
  const list = schema._zod.traits.has("$ZodCheck") ? [schema, ...def.checks ?? []] : def.checks ?? [];
  for (const ch of list)
    contributors[ch._zod.def.check]?.(agg, ch._zod.def);
  const bag = schema._zod.bag;
  if (bag.minimum !== void 0)
    narrowMin(agg, "minimum", bag.minimum);
  if (bag.exclusiveMinimum !== void 0)
    narrowMin(agg, "exclusiveMinimum", bag.exclusiveMinimum);
  if (bag.maximum !== void 0)
    narrowMax(agg, "maximum", bag.maximum);
  if (bag.exclusiveMaximum !== void 0)
    narrowMax(agg, "exclusiveMaximum", bag.exclusiveMaximum);
  if (bag.multipleOf !== void 0)
    addDivisor(agg, bag.multipleOf);
  if (bag.format !== void 0) {
    agg.format ?? (agg.format = bag.format);
    if (bag.format.includes("int"))
      agg.isInt = true;
  }
  if (bag.mime)
    intersectMime(agg, bag.mime);
  for (const pattern of bag.patterns ?? [])
    addPattern(agg, pattern);
  return agg;
}
var formatMap = {
  guid: "uuid",
  url: "uri",
  datetime: "date-time",
  json_string: "json-string",
  regex: ""
  // do not set
};
var exactPatterns = /* @__PURE__ */ new Map([
  [base64Charset, base64],
  [base64urlCharset, base64url]
]);
var exactPattern = (p) => exactPatterns.get(p) ?? p;
var stringProcessor = (schema, ctx, _json, _params) => {
  const json3 = _json;
  json3.type = "string";
  const { minimum, maximum, format, patterns, contentEncoding, laxFormat } = aggregateChecks(schema);
  if (typeof minimum === "number")
    json3.minLength = minimum;
  if (typeof maximum === "number")
    json3.maxLength = maximum;
  if (format) {
    json3.format = formatMap[format] ?? format;
    if (json3.format === "")
      delete json3.format;
    if (format === "time" || laxFormat) {
      delete json3.format;
    }
  }
  if (contentEncoding)
    json3.contentEncoding = contentEncoding;
  if (patterns && patterns.size > 0) {
    const patternList = [...patterns].map(exactPattern);
    if (patternList.length === 1)
      json3.pattern = patternList[0].source;
    else if (patternList.length > 1) {
      json3.allOf = [
        ...patternList.map((regex) => ({
          ...ctx.target === "draft-07" || ctx.target === "draft-04" || ctx.target === "openapi-3.0" ? { type: "string" } : {},
          pattern: regex.source
        }))
      ];
    }
  }
};
var numberProcessor = (schema, ctx, _json, params) => {
  const json3 = _json;
  const { minimum, maximum, multipleOf, exclusiveMaximum, exclusiveMinimum, isInt } = aggregateChecks(schema);
  json3.type = isInt ? "integer" : "number";
  const exMin = typeof exclusiveMinimum === "number" && exclusiveMinimum >= (minimum ?? Number.NEGATIVE_INFINITY);
  const exMax = typeof exclusiveMaximum === "number" && exclusiveMaximum <= (maximum ?? Number.POSITIVE_INFINITY);
  const legacy = ctx.target === "draft-04" || ctx.target === "openapi-3.0";
  if (exMin) {
    if (legacy) {
      json3.minimum = exclusiveMinimum;
      json3.exclusiveMinimum = true;
    } else {
      json3.exclusiveMinimum = exclusiveMinimum;
    }
  } else if (typeof minimum === "number") {
    json3.minimum = minimum;
  }
  if (exMax) {
    if (legacy) {
      json3.maximum = exclusiveMaximum;
      json3.exclusiveMaximum = true;
    } else {
      json3.exclusiveMaximum = exclusiveMaximum;
    }
  } else if (typeof maximum === "number") {
    json3.maximum = maximum;
  }
  if (multipleOf) {
    const divisors = /* @__PURE__ */ new Set();
    for (const divisor of multipleOf) {
      if (Number.isFinite(divisor) && divisor !== 0)
        divisors.add(Math.abs(divisor));
      else
        handleUnrepresentable(schema, ctx, json3, params, `A multipleOf divisor of ${divisor} cannot be represented in JSON Schema`);
    }
    const [first, ...rest] = divisors;
    if (first !== void 0)
      json3.multipleOf = first;
    if (rest.length)
      json3.allOf = [...json3.allOf ?? [], ...rest.map((m) => ({ multipleOf: m }))];
  }
};
var booleanProcessor = (_schema, _ctx, json3, _params) => {
  json3.type = "boolean";
};
var bigintProcessor = (schema, ctx, json3, params) => {
  handleUnrepresentable(schema, ctx, json3, params, "BigInt cannot be represented in JSON Schema");
};
var symbolProcessor = (schema, ctx, json3, params) => {
  handleUnrepresentable(schema, ctx, json3, params, "Symbols cannot be represented in JSON Schema");
};
var nullProcessor = (_schema, ctx, json3, _params) => {
  if (ctx.target === "openapi-3.0") {
    json3.type = "string";
    json3.nullable = true;
    json3.enum = [null];
  } else {
    json3.type = "null";
  }
};
var undefinedProcessor = (schema, ctx, json3, params) => {
  handleUnrepresentable(schema, ctx, json3, params, "Undefined cannot be represented in JSON Schema");
};
var voidProcessor = (schema, ctx, json3, params) => {
  handleUnrepresentable(schema, ctx, json3, params, "Void cannot be represented in JSON Schema");
};
var neverProcessor = (_schema, _ctx, json3, _params) => {
  json3.not = {};
};
var anyProcessor = (_schema, _ctx, _json, _params) => {
};
var unknownProcessor = (_schema, _ctx, _json, _params) => {
};
var dateProcessor = (schema, ctx, json3, params) => {
  handleUnrepresentable(schema, ctx, json3, params, "Date cannot be represented in JSON Schema");
};
var enumProcessor = (schema, _ctx, json3, _params) => {
  const def = schema._zod.def;
  const values = getEnumValues(def.entries);
  if (values.length === 0) {
    json3.not = {};
    return;
  }
  if (values.every((v) => typeof v === "number"))
    json3.type = "number";
  if (values.every((v) => typeof v === "string"))
    json3.type = "string";
  json3.enum = values;
};
var literalProcessor = (schema, ctx, json3, params) => {
  const def = schema._zod.def;
  if (def.values.length === 0) {
    json3.not = {};
    return;
  }
  const vals = [];
  for (const val of def.values) {
    if (val === void 0) {
      if (handleUnrepresentable(schema, ctx, json3, params, "Literal `undefined` cannot be represented in JSON Schema"))
        return;
    } else if (typeof val === "bigint") {
      if (handleUnrepresentable(schema, ctx, json3, params, "BigInt literals cannot be represented in JSON Schema"))
        return;
      vals.push(Number(val));
    } else {
      vals.push(val);
    }
  }
  if (vals.length === 0) {
  } else if (vals.length === 1) {
    const val = vals[0];
    json3.type = val === null ? "null" : typeof val;
    if (ctx.target === "draft-04" || ctx.target === "openapi-3.0") {
      json3.enum = [val];
    } else {
      json3.const = val;
    }
  } else {
    if (vals.every((v) => typeof v === "number"))
      json3.type = "number";
    if (vals.every((v) => typeof v === "string"))
      json3.type = "string";
    if (vals.every((v) => typeof v === "boolean"))
      json3.type = "boolean";
    if (vals.every((v) => v === null))
      json3.type = "null";
    json3.enum = vals;
  }
};
var nanProcessor = (schema, ctx, json3, params) => {
  handleUnrepresentable(schema, ctx, json3, params, "NaN cannot be represented in JSON Schema");
};
var templateLiteralProcessor = (schema, _ctx, json3, _params) => {
  const _json = json3;
  const pattern = schema._zod.pattern;
  if (!pattern)
    throw new Error("Pattern not found in template literal");
  _json.type = "string";
  _json.pattern = pattern.source;
};
var fileProcessor = (schema, _ctx, json3, _params) => {
  const _json = json3;
  _json.type = "string";
  _json.format = "binary";
  _json.contentEncoding = "binary";
  const { minimum, maximum, mime } = aggregateChecks(schema);
  if (minimum !== void 0)
    _json.minLength = minimum;
  if (maximum !== void 0)
    _json.maxLength = maximum;
  if (!mime)
    return;
  if (mime.length === 0)
    _json.not = {};
  else if (mime.length === 1)
    _json.contentMediaType = mime[0];
  else
    _json.anyOf = mime.map((m) => ({ contentMediaType: m }));
};
var successProcessor = (_schema, _ctx, json3, _params) => {
  json3.type = "boolean";
};
var customProcessor = (schema, ctx, json3, params) => {
  handleUnrepresentable(schema, ctx, json3, params, "Custom types cannot be represented in JSON Schema");
};
var functionProcessor = (schema, ctx, json3, params) => {
  handleUnrepresentable(schema, ctx, json3, params, "Function types cannot be represented in JSON Schema");
};
var transformProcessor = (schema, ctx, json3, params) => {
  handleUnrepresentable(schema, ctx, json3, params, "Transforms cannot be represented in JSON Schema");
};
var mapProcessor = (schema, ctx, json3, params) => {
  handleUnrepresentable(schema, ctx, json3, params, "Map cannot be represented in JSON Schema");
};
var setProcessor = (schema, ctx, json3, params) => {
  handleUnrepresentable(schema, ctx, json3, params, "Set cannot be represented in JSON Schema");
};
var arrayProcessor = (schema, ctx, _json, params) => {
  const json3 = _json;
  const def = schema._zod.def;
  const { minimum, maximum } = aggregateChecks(schema);
  if (typeof minimum === "number")
    json3.minItems = minimum;
  if (typeof maximum === "number")
    json3.maxItems = maximum;
  json3.type = "array";
  json3.items = processSchema(def.element, ctx, {
    ...params,
    path: [...params.path, "items"]
  });
};
function inputOptin(schema) {
  const def = schema._zod.def;
  if (def.type === "pipe" && def.in._zod.traits.has("$ZodTransform")) {
    return inputOptin(def.out);
  }
  if (def.type === "catch") {
    return inputOptin(def.innerType);
  }
  return schema._zod.optin;
}
var objectProcessor = (schema, ctx, _json, params) => {
  const json3 = _json;
  const def = schema._zod.def;
  const shape = def.shape;
  const symbolKeys = Object.getOwnPropertySymbols(shape);
  if (symbolKeys.length && handleUnrepresentable(schema, ctx, json3, params, "Symbol keys cannot be represented in JSON Schema")) {
    return;
  }
  json3.type = "object";
  json3.properties = {};
  for (const key in shape) {
    assignProp(json3.properties, key, processSchema(shape[key], ctx, {
      ...params,
      path: [...params.path, "properties", key]
    }));
  }
  const requiredKeys = [];
  for (const key of Object.keys(shape)) {
    const field = def.shape[key];
    if (ctx.io === "input" ? inputOptin(field) === void 0 : field._zod.optout === void 0) {
      requiredKeys.push(key);
    }
  }
  if (requiredKeys.length > 0) {
    json3.required = requiredKeys;
  }
  if (def.catchall?._zod.def.type === "never") {
    json3.additionalProperties = false;
  } else if (!def.catchall) {
    if (ctx.io === "output")
      json3.additionalProperties = false;
  } else if (def.catchall) {
    json3.additionalProperties = processSchema(def.catchall, ctx, {
      ...params,
      path: [...params.path, "additionalProperties"]
    });
  }
};
var unionProcessor = (schema, ctx, json3, params) => {
  const def = schema._zod.def;
  const isExclusive = def.inclusive === false;
  const options = def.options.map((x, i) => processSchema(x, ctx, {
    ...params,
    path: [...params.path, isExclusive ? "oneOf" : "anyOf", i]
  }));
  if (isExclusive) {
    json3.oneOf = options;
  } else {
    json3.anyOf = options;
  }
};
var intersectionProcessor = (schema, ctx, json3, params) => {
  const def = schema._zod.def;
  const a = processSchema(def.left, ctx, {
    ...params,
    path: [...params.path, "allOf", 0]
  });
  const b = processSchema(def.right, ctx, {
    ...params,
    path: [...params.path, "allOf", 1]
  });
  const isSimpleIntersection = (val) => "allOf" in val && Object.keys(val).length === 1;
  const allOf = [
    ...isSimpleIntersection(a) ? a.allOf : [a],
    ...isSimpleIntersection(b) ? b.allOf : [b]
  ];
  json3.allOf = allOf;
  ctx.intersections.push(allOf);
};
var tupleProcessor = (schema, ctx, _json, params) => {
  const json3 = _json;
  const def = schema._zod.def;
  json3.type = "array";
  const prefixPath = ctx.target === "draft-2020-12" ? "prefixItems" : "items";
  const restPath = ctx.target === "draft-2020-12" ? "items" : ctx.target === "openapi-3.0" ? "items" : "additionalItems";
  const prefixItems = def.items.map((x, i) => processSchema(x, ctx, {
    ...params,
    path: [...params.path, prefixPath, i]
  }));
  const rest = def.rest ? processSchema(def.rest, ctx, {
    ...params,
    path: [...params.path, restPath, ...ctx.target === "openapi-3.0" ? [def.items.length] : []]
  }) : null;
  let minItems = def.items.length;
  while (minItems > 0) {
    const item = def.items[minItems - 1];
    const optional2 = ctx.io === "input" ? inputOptin(item) !== void 0 : item._zod.optout === "optional";
    if (!optional2)
      break;
    minItems--;
  }
  const maxItems = def.items.length;
  const isClosed = !def.rest;
  if (ctx.target === "draft-2020-12") {
    json3.prefixItems = prefixItems;
    if (isClosed) {
      json3.items = false;
    } else if (rest) {
      json3.items = rest;
    }
    if (minItems > 0)
      json3.minItems = minItems;
    if (isClosed)
      json3.maxItems = maxItems;
  } else if (ctx.target === "openapi-3.0") {
    json3.items = {
      anyOf: prefixItems
    };
    if (rest) {
      json3.items.anyOf.push(rest);
    }
    if (minItems > 0)
      json3.minItems = minItems;
    if (isClosed)
      json3.maxItems = maxItems;
  } else {
    json3.items = prefixItems;
    if (isClosed) {
      json3.additionalItems = false;
    } else if (rest) {
      json3.additionalItems = rest;
    }
    if (minItems > 0)
      json3.minItems = minItems;
    if (isClosed)
      json3.maxItems = maxItems;
  }
  const { minimum, maximum } = aggregateChecks(schema);
  if (typeof minimum === "number")
    json3.minItems = minimum;
  if (typeof maximum === "number")
    json3.maxItems = maximum;
};
function stringifyKeyNames(bySchema, json3, visited) {
  if (json3.$ref) {
    if (visited.has(json3))
      return json3;
    visited.add(json3);
    const def = bySchema.get(json3)?.def;
    if (!def)
      return json3;
    const inlined = stringifyKeyNames(bySchema, def, visited);
    return inlined === def ? json3 : inlined;
  }
  for (const keyword of ["anyOf", "oneOf"]) {
    const branches = json3[keyword];
    if (!Array.isArray(branches))
      continue;
    const mapped = branches.map((branch) => stringifyKeyNames(bySchema, branch, visited));
    if (mapped.some((branch, i) => branch !== branches[i]))
      json3 = { ...json3, [keyword]: mapped };
  }
  const types = Array.isArray(json3.type) ? json3.type : [json3.type];
  const numericType = !types.includes("string") && types.some((t) => t === "number" || t === "integer");
  const values = json3.enum ?? (json3.const !== void 0 ? [json3.const] : void 0);
  if (!numericType && !values?.some((v) => typeof v === "number"))
    return json3;
  const { minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf, format, id, ...rest } = json3;
  if (rest.enum)
    rest.enum = rest.enum.map((v) => typeof v === "number" ? String(v) : v);
  else if (typeof rest.const === "number")
    rest.const = String(rest.const);
  if (!numericType)
    return rest;
  rest.type = "string";
  if (!values)
    rest.pattern = (types.includes("number") ? number : integer).source;
  return rest;
}
var pendingRecords = /* @__PURE__ */ new WeakMap();
function rewriteKeyNames(ctx) {
  const bySchema = /* @__PURE__ */ new Map();
  for (const entry of ctx.seen.values()) {
    if (entry.def && !bySchema.has(entry.schema))
      bySchema.set(entry.schema, entry);
  }
  const rewrites = /* @__PURE__ */ new Map();
  for (const record2 of pendingRecords.get(ctx) ?? []) {
    const seen = ctx.seen.get(record2);
    const names = (seen?.def ?? seen?.schema)?.propertyNames;
    if (!names || names === true || rewrites.has(names))
      continue;
    const rewritten = stringifyKeyNames(bySchema, names, /* @__PURE__ */ new Set());
    if (rewritten !== names)
      rewrites.set(names, rewritten);
  }
  if (!rewrites.size)
    return;
  for (const entry of ctx.seen.values()) {
    for (const carrier of [entry.schema, entry.def]) {
      const rewritten = carrier && rewrites.get(carrier.propertyNames);
      if (rewritten)
        carrier.propertyNames = rewritten;
    }
  }
}
var recordProcessor = (schema, ctx, _json, params) => {
  const json3 = _json;
  const def = schema._zod.def;
  json3.type = "object";
  const keyType = def.keyType;
  const patterns = aggregateChecks(keyType).patterns;
  if (def.mode === "loose" && patterns && patterns.size > 0) {
    const valueSchema = processSchema(def.valueType, ctx, {
      ...params,
      path: [...params.path, "patternProperties", "*"]
    });
    json3.patternProperties = {};
    for (const pattern of patterns) {
      assignProp(json3.patternProperties, exactPattern(pattern).source, valueSchema);
    }
  } else {
    if (ctx.target === "draft-07" || ctx.target === "draft-2020-12") {
      json3.propertyNames = processSchema(def.keyType, ctx, {
        ...params,
        path: [...params.path, "propertyNames"]
      });
      let pending = pendingRecords.get(ctx);
      if (!pending) {
        pending = [];
        pendingRecords.set(ctx, pending);
        ctx.deferred.push(() => rewriteKeyNames(ctx));
      }
      pending.push(schema);
    }
    json3.additionalProperties = processSchema(def.valueType, ctx, {
      ...params,
      path: [...params.path, "additionalProperties"]
    });
  }
  const keyValues = keyType._zod.values;
  const omittableOnInput = ctx.io === "input" && inputOptin(def.valueType) !== void 0;
  if (keyValues && !def.partial && !omittableOnInput) {
    const validKeyValues = [...keyValues].filter((v) => typeof v === "string" || typeof v === "number");
    if (validKeyValues.length > 0) {
      json3.required = validKeyValues.map(String);
    }
  }
};
var nullableProcessor = (schema, ctx, json3, params) => {
  const def = schema._zod.def;
  const inner = processSchema(def.innerType, ctx, params);
  const seen = ctx.seen.get(schema);
  if (ctx.target === "openapi-3.0") {
    seen.ref = def.innerType;
    json3.nullable = true;
  } else {
    json3.anyOf = [inner, { type: "null" }];
  }
};
var nonoptionalProcessor = (schema, ctx, _json, params) => {
  const def = schema._zod.def;
  processSchema(def.innerType, ctx, params);
  const seen = ctx.seen.get(schema);
  seen.ref = def.innerType;
};
var UNREPRESENTABLE_DEFAULT = /* @__PURE__ */ Symbol();
function serializeDefaultValue(value, schema, ctx, json3, params) {
  let unrepresentable = false;
  const serialized = JSON.stringify(value, (_, val) => {
    if (typeof val !== "bigint")
      return val;
    unrepresentable = true;
    return null;
  });
  if (!unrepresentable)
    return JSON.parse(serialized);
  handleUnrepresentable(schema, ctx, json3, params, "BigInt defaults cannot be represented in JSON Schema");
  return UNREPRESENTABLE_DEFAULT;
}
var defaultProcessor = (schema, ctx, json3, params) => {
  const def = schema._zod.def;
  processSchema(def.innerType, ctx, params);
  const seen = ctx.seen.get(schema);
  seen.ref = def.innerType;
  const value = serializeDefaultValue(def.defaultValue, schema, ctx, json3, params);
  if (value !== UNREPRESENTABLE_DEFAULT)
    json3.default = value;
};
var prefaultProcessor = (schema, ctx, json3, params) => {
  const def = schema._zod.def;
  processSchema(def.innerType, ctx, params);
  const seen = ctx.seen.get(schema);
  seen.ref = def.innerType;
  if (ctx.io !== "input")
    return;
  const value = serializeDefaultValue(def.defaultValue, schema, ctx, json3, params);
  if (value !== UNREPRESENTABLE_DEFAULT)
    json3._prefault = value;
};
var catchProcessor = (schema, ctx, json3, params) => {
  const def = schema._zod.def;
  processSchema(def.innerType, ctx, params);
  const seen = ctx.seen.get(schema);
  seen.ref = def.innerType;
  let catchValue;
  try {
    catchValue = def.catchValue(void 0);
  } catch {
    handleUnrepresentable(schema, ctx, json3, params, "Dynamic catch values are not supported in JSON Schema");
    return;
  }
  json3.default = catchValue;
};
var pipeProcessor = (schema, ctx, _json, params) => {
  const def = schema._zod.def;
  const inIsTransform = def.in._zod.traits.has("$ZodTransform");
  const innerType = ctx.io === "input" ? inIsTransform ? def.out : def.in : def.out;
  processSchema(innerType, ctx, params);
  const seen = ctx.seen.get(schema);
  seen.ref = innerType;
};
var readonlyProcessor = (schema, ctx, json3, params) => {
  const def = schema._zod.def;
  processSchema(def.innerType, ctx, params);
  const seen = ctx.seen.get(schema);
  seen.ref = def.innerType;
  json3.readOnly = true;
};
var promiseProcessor = (schema, ctx, _json, params) => {
  const def = schema._zod.def;
  processSchema(def.innerType, ctx, params);
  const seen = ctx.seen.get(schema);
  seen.ref = def.innerType;
};
var optionalProcessor = (schema, ctx, _json, params) => {
  const def = schema._zod.def;
  processSchema(def.innerType, ctx, params);
  const seen = ctx.seen.get(schema);
  seen.ref = def.innerType;
};
var lazyProcessor = (schema, ctx, _json, params) => {
  const innerType = schema._zod.innerType;
  processSchema(innerType, ctx, params);
  const seen = ctx.seen.get(schema);
  seen.ref = innerType;
};
var allProcessors = {
  string: stringProcessor,
  number: numberProcessor,
  boolean: booleanProcessor,
  bigint: bigintProcessor,
  symbol: symbolProcessor,
  null: nullProcessor,
  undefined: undefinedProcessor,
  void: voidProcessor,
  never: neverProcessor,
  any: anyProcessor,
  unknown: unknownProcessor,
  date: dateProcessor,
  enum: enumProcessor,
  literal: literalProcessor,
  nan: nanProcessor,
  template_literal: templateLiteralProcessor,
  file: fileProcessor,
  success: successProcessor,
  custom: customProcessor,
  function: functionProcessor,
  transform: transformProcessor,
  map: mapProcessor,
  set: setProcessor,
  array: arrayProcessor,
  object: objectProcessor,
  union: unionProcessor,
  intersection: intersectionProcessor,
  tuple: tupleProcessor,
  record: recordProcessor,
  nullable: nullableProcessor,
  nonoptional: nonoptionalProcessor,
  default: defaultProcessor,
  prefault: prefaultProcessor,
  catch: catchProcessor,
  pipe: pipeProcessor,
  readonly: readonlyProcessor,
  promise: promiseProcessor,
  optional: optionalProcessor,
  lazy: lazyProcessor
};
function toJSONSchema(input, params) {
  if ("_idmap" in input) {
    const registry2 = input;
    const ctx2 = initializeContext({ ...params, processors: allProcessors });
    const defs = {};
    for (const entry of registry2._idmap.entries()) {
      const [_, schema] = entry;
      processSchema(schema, ctx2);
    }
    const schemas = {};
    const external = {
      registry: registry2,
      uri: params?.uri,
      defs
    };
    ctx2.external = external;
    for (const entry of registry2._idmap.entries()) {
      const [key, schema] = entry;
      extractDefs(ctx2, schema);
      assignProp(schemas, key, finalize(ctx2, schema));
    }
    if (Object.keys(defs).length > 0) {
      const defsSegment = ctx2.target === "draft-2020-12" ? "$defs" : "definitions";
      schemas.__shared = {
        [defsSegment]: defs
      };
    }
    return { schemas };
  }
  const ctx = initializeContext({ ...params, processors: allProcessors });
  processSchema(input, ctx);
  extractDefs(ctx, input);
  return finalize(ctx, input);
}

// node_modules/zod/v4/classic/errors.js
var _installedErrorProtos = /* @__PURE__ */ new WeakSet([Object.prototype, Error.prototype]);
function _lazyMethod(proto, key, make) {
  Object.defineProperty(proto, key, {
    configurable: true,
    enumerable: false,
    get() {
      const value = make(this);
      Object.defineProperty(this, key, { value, configurable: true, writable: true });
      return value;
    },
    set(value) {
      Object.defineProperty(this, key, { value, configurable: true, writable: true });
    }
  });
}
var initializer2 = (inst, issues) => {
  $ZodError.init(inst, issues);
  inst.name = "ZodError";
  const proto = Object.getPrototypeOf(inst);
  if (_installedErrorProtos.has(proto))
    return;
  _installedErrorProtos.add(proto);
  _lazyMethod(proto, "format", (self) => (mapper) => formatError(self, mapper));
  _lazyMethod(proto, "flatten", (self) => (mapper) => flattenError(self, mapper));
  _lazyMethod(proto, "addIssue", (self) => (issue2) => {
    self.issues.push(issue2);
    self.message = JSON.stringify(self.issues, jsonStringifyReplacer, 2);
  });
  _lazyMethod(proto, "addIssues", (self) => (issues2) => {
    self.issues.push(...issues2);
    self.message = JSON.stringify(self.issues, jsonStringifyReplacer, 2);
  });
  Object.defineProperty(proto, "isEmpty", {
    configurable: true,
    enumerable: false,
    get() {
      return this.issues.length === 0;
    }
  });
};
var ZodRealError = /* @__PURE__ */ $constructor("ZodError", initializer2, void 0, {
  Parent: Error
});

// node_modules/zod/v4/classic/parse.js
var parse2 = /* @__PURE__ */ _parse(ZodRealError);
var parseAsync = /* @__PURE__ */ _parseAsync(ZodRealError);
var safeParse = /* @__PURE__ */ _safeParse(ZodRealError);
var safeParseAsync = /* @__PURE__ */ _safeParseAsync(ZodRealError);
var encode = /* @__PURE__ */ _encode(ZodRealError);
var decode = /* @__PURE__ */ _decode(ZodRealError);
var encodeAsync = /* @__PURE__ */ _encodeAsync(ZodRealError);
var decodeAsync = /* @__PURE__ */ _decodeAsync(ZodRealError);
var safeEncode = /* @__PURE__ */ _safeEncode(ZodRealError);
var safeDecode = /* @__PURE__ */ _safeDecode(ZodRealError);
var safeEncodeAsync = /* @__PURE__ */ _safeEncodeAsync(ZodRealError);
var safeDecodeAsync = /* @__PURE__ */ _safeDecodeAsync(ZodRealError);

// node_modules/zod/v4/classic/schemas.js
function _ensureDefaultLocale() {
  if (!globalConfig.localeError)
    config(en_default());
}
function _ensureDefaultMemoizer() {
  if (!globalConfig.memoizer)
    config({ memoizer: memoizer() });
}
var ZodType = /* @__PURE__ */ $constructor("ZodType", (inst, def) => {
  _ensureDefaultLocale();
  $ZodType.init(inst, def);
  inst.def = def;
  inst.type = def.type;
  return inst;
}, {
  check(...chks) {
    const def = this.def;
    return this.clone(util_exports.mergeDefs(def, {
      checks: [
        ...def.checks ?? [],
        ...chks.map((ch) => typeof ch === "function" ? { _zod: { check: ch, def: { check: "custom" }, onattach: [] } } : ch)
      ]
    }), { parent: true });
  },
  with(...chks) {
    return this.check(...chks);
  },
  clone(def, params) {
    return clone(this, def, params);
  },
  brand() {
    return this;
  },
  register(reg, meta2) {
    reg.add(this, meta2);
    return this;
  },
  refine(check, params) {
    return this.check(refine(check, params));
  },
  superRefine(refinement, params) {
    return this.check(superRefine(refinement, params));
  },
  overwrite(fn) {
    return this.check(_overwrite(fn));
  },
  optional() {
    return optional(this);
  },
  exactOptional() {
    return exactOptional(this);
  },
  nullable() {
    return nullable(this);
  },
  nullish() {
    return optional(nullable(this));
  },
  nonoptional(params) {
    return nonoptional(this, params);
  },
  array() {
    return array(this);
  },
  or(arg) {
    return union([this, arg]);
  },
  and(arg) {
    return intersection(this, arg);
  },
  transform(tx) {
    return pipe(this, transform(tx));
  },
  default(d) {
    return _default(this, d);
  },
  prefault(d) {
    return prefault(this, d);
  },
  catch(params) {
    return _catch(this, params);
  },
  pipe(target) {
    return pipe(this, target);
  },
  readonly() {
    return readonly(this);
  },
  describe(description) {
    const cl = this.clone();
    globalRegistry.add(cl, { description });
    return cl;
  },
  meta(...args) {
    if (args.length === 0)
      return globalRegistry.get(this);
    const cl = this.clone();
    globalRegistry.add(cl, args[0]);
    return cl;
  },
  isOptional() {
    return this.safeParse(void 0).success;
  },
  isNullable() {
    return this.safeParse(null).success;
  },
  apply(fn, ...args) {
    return args.length === 0 ? fn(this) : fn(this, ...args);
  },
  // Overrides core's `~standard` to add `jsonSchema`. Must stay a prototype entry: redefining it per instance demotes instances to dictionary mode.
  get "~standard"() {
    return util_exports.hide(this, "~standard", {
      ...standardProps(this),
      jsonSchema: {
        input: createStandardJSONSchemaMethod(this, "input"),
        output: createStandardJSONSchemaMethod(this, "output")
      }
    });
  },
  set "~standard"(value) {
    util_exports.own(this, "~standard", value);
  },
  parse: function _parse2(data, params) {
    return parse2(this, data, params, { callee: _parse2 });
  },
  parseAsync: async function _parseAsync2(data, params) {
    return await parseAsync(this, data, params, { callee: _parseAsync2 });
  },
  safeParse(data, params) {
    return safeParse(this, data, params);
  },
  async safeParseAsync(data, params) {
    return safeParseAsync(this, data, params);
  },
  // `spa` is an alias: same function object as `safeParseAsync`, as before.
  get spa() {
    return this?.safeParseAsync;
  },
  set spa(value) {
    util_exports.own(this, "spa", value);
  },
  validate(data, params) {
    return validate(this, data, params);
  },
  validateAsync(data, params) {
    return validateAsync(this, data, params);
  },
  encode: function _encode2(data, params) {
    return encode(this, data, params, { callee: _encode2 });
  },
  decode: function _decode2(data, params) {
    return decode(this, data, params, { callee: _decode2 });
  },
  encodeAsync: async function _encodeAsync2(data, params) {
    return await encodeAsync(this, data, params, { callee: _encodeAsync2 });
  },
  decodeAsync: async function _decodeAsync2(data, params) {
    return await decodeAsync(this, data, params, { callee: _decodeAsync2 });
  },
  safeEncode(data, params) {
    return safeEncode(this, data, params);
  },
  safeDecode(data, params) {
    return safeDecode(this, data, params);
  },
  async safeEncodeAsync(data, params) {
    return safeEncodeAsync(this, data, params);
  },
  async safeDecodeAsync(data, params) {
    return safeDecodeAsync(this, data, params);
  },
  toJSONSchema(params) {
    return createToJSONSchemaMethod(this, {})(params);
  },
  // Reads through to the registry on every access, so it must not cache.
  get description() {
    return globalRegistry.get(this)?.description;
  },
  // No setter: `schema._def = x` throws, as it did when `_def` was a non-writable own property.
  get _def() {
    return this._zod.def;
  }
});
var _ZodString = /* @__PURE__ */ $constructor(
  "_ZodString",
  (inst, def) => {
    $ZodString.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json3, params) => stringProcessor(inst, ctx, json3, params);
  },
  /* @__PURE__ */ util_exports.derived({
    format: (inst) => aggregateChecks(inst).format ?? null,
    minLength: (inst) => aggregateChecks(inst).minimum ?? null,
    maxLength: (inst) => aggregateChecks(inst).maximum ?? null
  }, {
    regex(...args) {
      return this.check(_regex(...args));
    },
    includes(...args) {
      return this.check(_includes(...args));
    },
    startsWith(...args) {
      return this.check(_startsWith(...args));
    },
    endsWith(...args) {
      return this.check(_endsWith(...args));
    },
    min(...args) {
      return this.check(_minLength(...args));
    },
    max(...args) {
      return this.check(_maxLength(...args));
    },
    length(...args) {
      return this.check(_length(...args));
    },
    nonempty(...args) {
      return this.check(_minLength(1, ...args));
    },
    lowercase(params) {
      return this.check(_lowercase(params));
    },
    uppercase(params) {
      return this.check(_uppercase(params));
    },
    trim() {
      return this.check(_trim());
    },
    normalize(...args) {
      return this.check(_normalize(...args));
    },
    toLowerCase() {
      return this.check(_toLowerCase());
    },
    toUpperCase() {
      return this.check(_toUpperCase());
    },
    slugify() {
      return this.check(_slugify());
    }
  })
);
var ZodString = /* @__PURE__ */ $constructor("ZodString", (inst, def) => {
  $ZodString.init(inst, def);
  _ZodString.init(inst, def);
}, {
  email(params) {
    return this.check(_email(ZodEmail, params));
  },
  url(params) {
    return this.check(_url(ZodURL, params));
  },
  jwt(params) {
    return this.check(_jwt(ZodJWT, params));
  },
  emoji(params) {
    return this.check(_emoji2(ZodEmoji, params));
  },
  guid(params) {
    return this.check(_guid(ZodGUID, params));
  },
  uuid(params) {
    return this.check(_uuid(ZodUUID, params));
  },
  uuidv4(params) {
    return this.check(_uuidv4(ZodUUID, params));
  },
  uuidv6(params) {
    return this.check(_uuidv6(ZodUUID, params));
  },
  uuidv7(params) {
    return this.check(_uuidv7(ZodUUID, params));
  },
  nanoid(params) {
    return this.check(_nanoid(ZodNanoID, params));
  },
  cuid(params) {
    return this.check(_cuid(ZodCUID, params));
  },
  cuid2(params) {
    return this.check(_cuid2(ZodCUID2, params));
  },
  ulid(params) {
    return this.check(_ulid(ZodULID, params));
  },
  base64(params) {
    return this.check(_base64(ZodBase64, params));
  },
  base64url(params) {
    return this.check(_base64url(ZodBase64URL, params));
  },
  xid(params) {
    return this.check(_xid(ZodXID, params));
  },
  ksuid(params) {
    return this.check(_ksuid(ZodKSUID, params));
  },
  ipv4(params) {
    return this.check(_ipv4(ZodIPv4, params));
  },
  ipv6(params) {
    return this.check(_ipv6(ZodIPv6, params));
  },
  cidrv4(params) {
    return this.check(_cidrv4(ZodCIDRv4, params));
  },
  cidrv6(params) {
    return this.check(_cidrv6(ZodCIDRv6, params));
  },
  e164(params) {
    return this.check(_e164(ZodE164, params));
  },
  datetime(params) {
    return this.check(_isoDateTime(ZodISODateTime, params));
  },
  date(params) {
    return this.check(_isoDate(ZodISODate, params));
  },
  time(params) {
    return this.check(_isoTime(ZodISOTime, params));
  },
  duration(params) {
    return this.check(_isoDuration(ZodISODuration, params));
  }
});
function string2(params) {
  return _string(ZodString, params);
}
var ZodStringFormat = /* @__PURE__ */ $constructor("ZodStringFormat", (inst, def) => {
  $ZodStringFormat.init(inst, def);
  _ZodString.init(inst, def);
});
var ZodISODateTime = /* @__PURE__ */ $constructor("ZodISODateTime", (inst, def) => {
  $ZodISODateTime.init(inst, def);
  ZodStringFormat.init(inst, def);
});
var ZodISODate = /* @__PURE__ */ $constructor("ZodISODate", (inst, def) => {
  $ZodISODate.init(inst, def);
  ZodStringFormat.init(inst, def);
});
var ZodISOTime = /* @__PURE__ */ $constructor("ZodISOTime", (inst, def) => {
  $ZodISOTime.init(inst, def);
  ZodStringFormat.init(inst, def);
});
var ZodISODuration = /* @__PURE__ */ $constructor("ZodISODuration", (inst, def) => {
  $ZodISODuration.init(inst, def);
  ZodStringFormat.init(inst, def);
});
var ZodEmail = /* @__PURE__ */ $constructor("ZodEmail", (inst, def) => {
  $ZodEmail.init(inst, def);
  ZodStringFormat.init(inst, def);
});
var ZodGUID = /* @__PURE__ */ $constructor("ZodGUID", (inst, def) => {
  $ZodGUID.init(inst, def);
  ZodStringFormat.init(inst, def);
});
var ZodUUID = /* @__PURE__ */ $constructor("ZodUUID", (inst, def) => {
  $ZodUUID.init(inst, def);
  ZodStringFormat.init(inst, def);
});
var ZodURL = /* @__PURE__ */ $constructor("ZodURL", (inst, def) => {
  $ZodURL.init(inst, def);
  ZodStringFormat.init(inst, def);
});
var ZodEmoji = /* @__PURE__ */ $constructor("ZodEmoji", (inst, def) => {
  $ZodEmoji.init(inst, def);
  ZodStringFormat.init(inst, def);
});
var ZodNanoID = /* @__PURE__ */ $constructor("ZodNanoID", (inst, def) => {
  $ZodNanoID.init(inst, def);
  ZodStringFormat.init(inst, def);
});
var ZodCUID = /* @__PURE__ */ $constructor("ZodCUID", (inst, def) => {
  $ZodCUID.init(inst, def);
  ZodStringFormat.init(inst, def);
});
var ZodCUID2 = /* @__PURE__ */ $constructor("ZodCUID2", (inst, def) => {
  $ZodCUID2.init(inst, def);
  ZodStringFormat.init(inst, def);
});
var ZodULID = /* @__PURE__ */ $constructor("ZodULID", (inst, def) => {
  $ZodULID.init(inst, def);
  ZodStringFormat.init(inst, def);
});
var ZodXID = /* @__PURE__ */ $constructor("ZodXID", (inst, def) => {
  $ZodXID.init(inst, def);
  ZodStringFormat.init(inst, def);
});
var ZodKSUID = /* @__PURE__ */ $constructor("ZodKSUID", (inst, def) => {
  $ZodKSUID.init(inst, def);
  ZodStringFormat.init(inst, def);
});
var ZodIPv4 = /* @__PURE__ */ $constructor("ZodIPv4", (inst, def) => {
  $ZodIPv4.init(inst, def);
  ZodStringFormat.init(inst, def);
});
var ZodIPv6 = /* @__PURE__ */ $constructor("ZodIPv6", (inst, def) => {
  $ZodIPv6.init(inst, def);
  ZodStringFormat.init(inst, def);
});
var ZodCIDRv4 = /* @__PURE__ */ $constructor("ZodCIDRv4", (inst, def) => {
  $ZodCIDRv4.init(inst, def);
  ZodStringFormat.init(inst, def);
});
var ZodCIDRv6 = /* @__PURE__ */ $constructor("ZodCIDRv6", (inst, def) => {
  $ZodCIDRv6.init(inst, def);
  ZodStringFormat.init(inst, def);
});
var ZodBase64 = /* @__PURE__ */ $constructor("ZodBase64", (inst, def) => {
  $ZodBase64.init(inst, def);
  ZodStringFormat.init(inst, def);
});
var ZodBase64URL = /* @__PURE__ */ $constructor("ZodBase64URL", (inst, def) => {
  $ZodBase64URL.init(inst, def);
  ZodStringFormat.init(inst, def);
});
var ZodE164 = /* @__PURE__ */ $constructor("ZodE164", (inst, def) => {
  $ZodE164.init(inst, def);
  ZodStringFormat.init(inst, def);
});
var ZodJWT = /* @__PURE__ */ $constructor("ZodJWT", (inst, def) => {
  $ZodJWT.init(inst, def);
  ZodStringFormat.init(inst, def);
});
var ZodNumber = /* @__PURE__ */ $constructor(
  "ZodNumber",
  (inst, def) => {
    $ZodNumber.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json3, params) => numberProcessor(inst, ctx, json3, params);
    inst.isFinite = true;
  },
  /* @__PURE__ */ util_exports.derived({
    minValue: (inst) => {
      const { minimum, exclusiveMinimum } = aggregateChecks(inst);
      return Math.max(minimum ?? Number.NEGATIVE_INFINITY, exclusiveMinimum ?? Number.NEGATIVE_INFINITY);
    },
    maxValue: (inst) => {
      const { maximum, exclusiveMaximum } = aggregateChecks(inst);
      return Math.min(maximum ?? Number.POSITIVE_INFINITY, exclusiveMaximum ?? Number.POSITIVE_INFINITY);
    },
    isInt: (inst) => {
      const { isInt, multipleOf } = aggregateChecks(inst);
      return !!isInt || !!multipleOf?.some(Number.isSafeInteger);
    },
    format: (inst) => aggregateChecks(inst).format ?? null
  }, {
    gt(value, params) {
      return this.check(_gt(value, params));
    },
    gte(value, params) {
      return this.check(_gte(value, params));
    },
    min(value, params) {
      return this.check(_gte(value, params));
    },
    lt(value, params) {
      return this.check(_lt(value, params));
    },
    lte(value, params) {
      return this.check(_lte(value, params));
    },
    max(value, params) {
      return this.check(_lte(value, params));
    },
    int(params) {
      return this.check(int(params));
    },
    safe(params) {
      return this.check(int(params));
    },
    positive(params) {
      return this.check(_gt(0, params));
    },
    nonnegative(params) {
      return this.check(_gte(0, params));
    },
    negative(params) {
      return this.check(_lt(0, params));
    },
    nonpositive(params) {
      return this.check(_lte(0, params));
    },
    multipleOf(value, params) {
      return this.check(_multipleOf(value, params));
    },
    step(value, params) {
      return this.check(_multipleOf(value, params));
    },
    finite() {
      return this;
    }
  })
);
function number2(params) {
  return _number(ZodNumber, params);
}
var ZodNumberFormat = /* @__PURE__ */ $constructor("ZodNumberFormat", (inst, def) => {
  $ZodNumberFormat.init(inst, def);
  ZodNumber.init(inst, def);
});
function int(params) {
  return _int(ZodNumberFormat, params);
}
var ZodBoolean = /* @__PURE__ */ $constructor("ZodBoolean", (inst, def) => {
  $ZodBoolean.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json3, params) => booleanProcessor(inst, ctx, json3, params);
});
function boolean2(params) {
  return _boolean(ZodBoolean, params);
}
var ZodNull = /* @__PURE__ */ $constructor("ZodNull", (inst, def) => {
  $ZodNull.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json3, params) => nullProcessor(inst, ctx, json3, params);
});
function _null3(params) {
  return _null2(ZodNull, params);
}
var ZodUnknown = /* @__PURE__ */ $constructor("ZodUnknown", (inst, def) => {
  $ZodUnknown.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json3, params) => unknownProcessor(inst, ctx, json3, params);
});
function unknown() {
  return _unknown(ZodUnknown);
}
var ZodNever = /* @__PURE__ */ $constructor("ZodNever", (inst, def) => {
  $ZodNever.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json3, params) => neverProcessor(inst, ctx, json3, params);
});
function never(params) {
  return _never(ZodNever, params);
}
var ZodArray = /* @__PURE__ */ $constructor("ZodArray", (inst, def) => {
  _ensureDefaultMemoizer();
  $ZodArray.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json3, params) => arrayProcessor(inst, ctx, json3, params);
  inst.element = def.element;
}, {
  min(n, params) {
    return this.check(_minLength(n, params));
  },
  nonempty(params) {
    return this.check(_minLength(1, params));
  },
  max(n, params) {
    return this.check(_maxLength(n, params));
  },
  length(n, params) {
    return this.check(_length(n, params));
  },
  unwrap() {
    return this.element;
  }
});
function array(element, params) {
  return _array(ZodArray, element, params);
}
var ZodObject = /* @__PURE__ */ $constructor("ZodObject", (inst, def) => {
  _ensureDefaultMemoizer();
  $ZodObjectJIT.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json3, params) => objectProcessor(inst, ctx, json3, params);
  util_exports.installLazyProp(inst, "shape", (self) => self._zod.def.shape, false);
}, {
  keyof() {
    return _enum(Object.keys(this._zod.def.shape));
  },
  catchall(catchall) {
    return this.clone(util_exports.mergeDefs(this._zod.def, { catchall }));
  },
  passthrough() {
    return this.clone(util_exports.mergeDefs(this._zod.def, { catchall: unknown() }));
  },
  loose() {
    return this.clone(util_exports.mergeDefs(this._zod.def, { catchall: unknown() }));
  },
  strict() {
    return this.clone(util_exports.mergeDefs(this._zod.def, { catchall: never() }));
  },
  strip() {
    return this.clone(util_exports.mergeDefs(this._zod.def, { catchall: void 0 }));
  },
  extend(incoming) {
    return util_exports.extend(this, incoming);
  },
  safeExtend(incoming) {
    return util_exports.safeExtend(this, incoming);
  },
  merge(other) {
    return util_exports.merge(this, other);
  },
  pick(mask) {
    return util_exports.pick(this, mask);
  },
  omit(mask) {
    return util_exports.omit(this, mask);
  },
  partial(...args) {
    return util_exports.partial(ZodOptional, this, args[0]);
  },
  exactPartial(...args) {
    return util_exports.partial(ZodExactOptional, this, args[0], "exactPartial");
  },
  required(...args) {
    return util_exports.required(ZodNonOptional, this, args[0]);
  }
});
function strictObject(shape, params) {
  return new ZodObject({
    type: "object",
    shape,
    catchall: never(),
    ...util_exports.normalizeParams(params)
  });
}
var ZodUnion = /* @__PURE__ */ $constructor("ZodUnion", (inst, def) => {
  $ZodUnion.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json3, params) => unionProcessor(inst, ctx, json3, params);
  inst.options = def.options;
});
function union(options, params) {
  return new ZodUnion({
    type: "union",
    options,
    ...util_exports.normalizeParams(params)
  });
}
var ZodIntersection = /* @__PURE__ */ $constructor("ZodIntersection", (inst, def) => {
  $ZodIntersection.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json3, params) => intersectionProcessor(inst, ctx, json3, params);
});
function intersection(left, right) {
  return new ZodIntersection({
    type: "intersection",
    left,
    right
  });
}
var ZodRecord = /* @__PURE__ */ $constructor("ZodRecord", (inst, def) => {
  _ensureDefaultMemoizer();
  $ZodRecord.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json3, params) => recordProcessor(inst, ctx, json3, params);
  inst.keyType = def.keyType;
  inst.valueType = def.valueType;
});
function record(keyType, valueType, params) {
  if (!valueType || !valueType._zod) {
    return new ZodRecord({
      type: "record",
      keyType: string2(),
      valueType: keyType,
      ...util_exports.normalizeParams(valueType)
    });
  }
  return new ZodRecord({
    type: "record",
    keyType,
    valueType,
    ...util_exports.normalizeParams(params)
  });
}
var ZodEnum = /* @__PURE__ */ $constructor("ZodEnum", (inst, def) => {
  $ZodEnum.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json3, params) => enumProcessor(inst, ctx, json3, params);
  inst.enum = def.entries;
  inst.options = [...inst._zod.values];
  const keys = new Set(Object.keys(def.entries));
  inst.extract = (values, params) => {
    const newEntries = {};
    for (const value of values) {
      if (keys.has(value)) {
        newEntries[value] = def.entries[value];
      } else
        throw new Error(`Key ${value} not found in enum`);
    }
    return new ZodEnum({
      ...def,
      checks: [],
      ...util_exports.normalizeParams(params),
      entries: newEntries
    });
  };
  inst.exclude = (values, params) => {
    const newEntries = { ...def.entries };
    for (const value of values) {
      if (keys.has(value)) {
        delete newEntries[value];
      } else
        throw new Error(`Key ${value} not found in enum`);
    }
    return new ZodEnum({
      ...def,
      checks: [],
      ...util_exports.normalizeParams(params),
      entries: newEntries
    });
  };
});
function _enum(values, params) {
  const entries = Array.isArray(values) ? Object.fromEntries(values.map((v) => [v, v])) : values;
  return new ZodEnum({
    type: "enum",
    entries,
    ...util_exports.normalizeParams(params)
  });
}
var ZodLiteral = /* @__PURE__ */ $constructor("ZodLiteral", (inst, def) => {
  $ZodLiteral.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json3, params) => literalProcessor(inst, ctx, json3, params);
  inst.values = new Set(def.values);
  Object.defineProperty(inst, "value", {
    get() {
      if (def.values.length > 1) {
        throw new Error("This schema contains multiple valid literal values. Use `.values` instead.");
      }
      return def.values[0];
    }
  });
});
function literal(value, params) {
  return new ZodLiteral({
    type: "literal",
    values: Array.isArray(value) ? value : [value],
    ...util_exports.normalizeParams(params)
  });
}
var ZodTransform = /* @__PURE__ */ $constructor("ZodTransform", (inst, def) => {
  _ensureDefaultMemoizer();
  $ZodTransform.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json3, params) => transformProcessor(inst, ctx, json3, params);
  inst._zod.parse = (payload, _ctx) => {
    if (_ctx.direction === "backward") {
      throw new $ZodEncodeError(inst.constructor.name);
    }
    payload.addIssue = (issue2) => {
      if (typeof issue2 === "string") {
        payload.issues.push(util_exports.issue(issue2, payload.value, def));
      } else {
        const _issue = issue2;
        if (_issue.fatal)
          _issue.continue = false;
        _issue.code ?? (_issue.code = "custom");
        if (!("input" in _issue))
          _issue.input = payload.value;
        _issue.inst ?? (_issue.inst = inst);
        payload.issues.push(util_exports.issue(_issue));
      }
    };
    const output = def.transform(payload.value, payload);
    if (output instanceof Promise) {
      return output.then((output2) => {
        payload.value = output2;
        return payload;
      });
    }
    payload.value = output;
    return payload;
  };
});
function transform(fn) {
  return new ZodTransform({
    type: "transform",
    transform: fn
  });
}
var ZodOptional = /* @__PURE__ */ $constructor("ZodOptional", (inst, def) => {
  $ZodOptional.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json3, params) => optionalProcessor(inst, ctx, json3, params);
  inst.unwrap = () => inst._zod.def.innerType;
});
function optional(innerType) {
  return new ZodOptional({
    type: "optional",
    innerType
  });
}
var ZodExactOptional = /* @__PURE__ */ $constructor("ZodExactOptional", (inst, def) => {
  $ZodExactOptional.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json3, params) => optionalProcessor(inst, ctx, json3, params);
  inst.unwrap = () => inst._zod.def.innerType;
});
function exactOptional(innerType) {
  return new ZodExactOptional({
    type: "optional",
    innerType
  });
}
var ZodNullable = /* @__PURE__ */ $constructor("ZodNullable", (inst, def) => {
  $ZodNullable.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json3, params) => nullableProcessor(inst, ctx, json3, params);
  inst.unwrap = () => inst._zod.def.innerType;
});
function nullable(innerType) {
  return new ZodNullable({
    type: "nullable",
    innerType
  });
}
var ZodDefault = /* @__PURE__ */ $constructor("ZodDefault", (inst, def) => {
  $ZodDefault.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json3, params) => defaultProcessor(inst, ctx, json3, params);
  inst.unwrap = () => inst._zod.def.innerType;
  inst.removeDefault = inst.unwrap;
});
function _default(innerType, defaultValue) {
  return new ZodDefault({
    type: "default",
    innerType,
    get defaultValue() {
      return typeof defaultValue === "function" ? defaultValue() : util_exports.shallowClone(defaultValue);
    }
  });
}
var ZodPrefault = /* @__PURE__ */ $constructor("ZodPrefault", (inst, def) => {
  $ZodPrefault.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json3, params) => prefaultProcessor(inst, ctx, json3, params);
  inst.unwrap = () => inst._zod.def.innerType;
});
function prefault(innerType, defaultValue) {
  return new ZodPrefault({
    type: "prefault",
    innerType,
    get defaultValue() {
      return typeof defaultValue === "function" ? defaultValue() : util_exports.shallowClone(defaultValue);
    }
  });
}
var ZodNonOptional = /* @__PURE__ */ $constructor("ZodNonOptional", (inst, def) => {
  $ZodNonOptional.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json3, params) => nonoptionalProcessor(inst, ctx, json3, params);
  inst.unwrap = () => inst._zod.def.innerType;
});
function nonoptional(innerType, params) {
  return new ZodNonOptional({
    type: "nonoptional",
    innerType,
    ...util_exports.normalizeParams(params)
  });
}
var ZodCatch = /* @__PURE__ */ $constructor("ZodCatch", (inst, def) => {
  $ZodCatch.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json3, params) => catchProcessor(inst, ctx, json3, params);
  inst.unwrap = () => inst._zod.def.innerType;
  inst.removeCatch = inst.unwrap;
});
function _catch(innerType, catchValue) {
  return new ZodCatch({
    type: "catch",
    innerType,
    catchValue: typeof catchValue === "function" ? catchValue : util_exports.constantCatch(catchValue)
  });
}
var ZodPipe = /* @__PURE__ */ $constructor("ZodPipe", (inst, def) => {
  $ZodPipe.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json3, params) => pipeProcessor(inst, ctx, json3, params);
  inst.in = def.in;
  inst.out = def.out;
});
function pipe(in_, out) {
  return new ZodPipe({
    type: "pipe",
    in: in_,
    out
    // ...util.normalizeParams(params),
  });
}
var ZodReadonly = /* @__PURE__ */ $constructor("ZodReadonly", (inst, def) => {
  $ZodReadonly.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json3, params) => readonlyProcessor(inst, ctx, json3, params);
  inst.unwrap = () => inst._zod.def.innerType;
});
function readonly(innerType) {
  return new ZodReadonly({
    type: "readonly",
    innerType
  });
}
var ZodLazy = /* @__PURE__ */ $constructor("ZodLazy", (inst, def) => {
  $ZodLazy.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json3, params) => lazyProcessor(inst, ctx, json3, params);
  inst.unwrap = () => inst._zod.def.getter();
});
function lazy(getter) {
  return new ZodLazy({
    type: "lazy",
    getter
  });
}
var ZodCustom = /* @__PURE__ */ $constructor("ZodCustom", (inst, def) => {
  $ZodCustom.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json3, params) => customProcessor(inst, ctx, json3, params);
});
function refine(fn, _params = {}) {
  return _refine(ZodCustom, fn, _params);
}
function superRefine(fn, params) {
  return _superRefine(fn, params);
}
function json2(params) {
  const jsonSchema = lazy(() => {
    return union([string2(params), number2(), boolean2(), _null3(), array(jsonSchema), record(string2(), jsonSchema)]);
  });
  return jsonSchema;
}

// src/scenarios/oauth/schema.ts
var STATUS_PART = "(?:[1-5]xx|[1-5]\\d\\d(?:\\s*-\\s*[1-5]\\d\\d)?)";
var STATUS_TEXT = new RegExp(`^\\s*${STATUS_PART}(?:\\s*,\\s*${STATUS_PART})*\\s*$`, "i");
var STATUS_HELP = 'an HTTP status (200), a class ("2xx"), a range ("200-299"), a comma list ("200, 204") or a YAML list of these ([200, 202])';
var statusItem = union(
  [
    int({ error: "must be an HTTP status from 100 to 599" }).min(100).max(599),
    string2().regex(STATUS_TEXT, { error: `must be ${STATUS_HELP}` })
  ],
  { error: `must be ${STATUS_HELP}` }
);
var status = (what) => union([statusItem, array(statusItem).min(1)], { error: `must be ${STATUS_HELP}` }).meta({ description: `${what}: ${STATUS_HELP}.` });
var appPath = (what, example) => string2({ error: `must be a path starting with "/", e.g. ${example}` }).regex(/^\/[^\s#]*$/, {
  error: `must be a path starting with "/" without spaces or "#", e.g. ${example}`
}).meta({ description: what });
var flag = (what) => boolean2({ error: "must be true or false" }).meta({ description: what });
var oauthSchema = strictObject({
  start: appPath(
    `Path on the preview that starts the login (it must redirect to the identity provider's /authorize). Default "/login".`,
    "/login"
  ).optional(),
  user: string2({ error: "must be the sub or email of a test user (idp-users), e.g. alice" }).min(1, { error: "must be the sub or email of a test user (idp-users), e.g. alice" }).meta({ description: "The test user to sign in as (sub or email): sent as login_hint." }).optional(),
  check: appPath(
    "Path requested after the callback, with the session's cookies; `expect` checks its response (e.g. /me).",
    "/me"
  ).optional(),
  "redirect-path": appPath(
    "The path the redirect_uri must have (its origin must be the public URL's in any case), e.g. /auth/callback.",
    "/auth/callback"
  ).optional(),
  "callback-status": status(
    `Accepted status of the app's callback response. Default "2xx, 3xx"; "4xx" with deny or tamper-state`
  ).optional(),
  deny: flag(
    "Refuse consent (login_hint=deny): the provider redirects back with error=access_denied; the app must not sign anyone in."
  ).optional(),
  "replay-callback": flag(
    "After a successful login, send the same callback again: the app must refuse it (replay-status)."
  ).optional(),
  "replay-status": status('Accepted status of the replayed callback. Default "4xx"').optional(),
  "tamper-state": flag(
    "Change the state in the provider's redirect before the app sees it: the app must refuse the callback."
  ).optional(),
  browser: flag(
    "Drive a real headless Chromium (browser-path) through the login page: click the user's button (or Deny), and save a screenshot of the last page next to the HAR. With user or deny, not replay-callback or tamper-state."
  ).optional()
}).meta({
  description: "An OAuth/OIDC login through the preview's identity provider (<preview URL>/__preview/idp): scripted with a cookie jar like a browser, or in a real headless Chromium (browser: true)."
});
var WEBHOOK_ONLY_KEYS = [
  "provider",
  "event",
  "path",
  "method",
  "body",
  "content-type",
  "headers",
  "secret-env",
  "public-key-env",
  "expect-rejected",
  "repeat",
  "concurrency",
  "timestamp-offset",
  "tamper",
  "send-auth",
  "duplicate",
  "expect-duplicate",
  "retry",
  "events",
  "order",
  "seed",
  "override",
  "capture",
  "then"
];

// src/scenarios/oauth/build.ts
var NEGATIVES = ["deny", "replay-callback", "tamper-state"];
var DEFAULT_CALLBACK_STATUS = "2xx, 3xx";
var DEFAULT_REFUSED_CALLBACK_STATUS = "4xx";
var DEFAULT_REPLAY_STATUS = "4xx";
var DEFAULT_CHECK_STATUS = "2xx";
var DEFAULT_NO_SESSION_STATUS = "401, 403";
function buildOAuthScenario(ctx, base, input) {
  const before = ctx.problems.length;
  const add = (relative, message, at) => ctx.add([...base, ...relative], message, at);
  const oauth = input.oauth ?? {};
  for (const key of WEBHOOK_ONLY_KEYS) {
    if (input[key] !== void 0) {
      add(
        [key],
        "is for webhook scenarios; an OAuth scenario (one with oauth:) takes name, oauth, expect and timeout",
        "key"
      );
    }
  }
  const set = NEGATIVES.filter((n) => oauth[n] === true);
  if (set.length > 1) {
    for (const extra of set.slice(1)) {
      add(
        ["oauth", extra],
        `conflicts with ${set[0]}: an OAuth scenario checks one refusal at a time; write one scenario for each`,
        "key"
      );
    }
  }
  const negative = set[0];
  const refused = negative === "deny" || negative === "tamper-state";
  if (negative === "deny" && oauth.user !== void 0) {
    add(
      ["oauth", "user"],
      "has no effect with deny: true (consent is refused, nobody signs in); remove it",
      "key"
    );
  }
  if (negative !== "deny" && oauth.user === void 0) {
    add(
      ["oauth", "user"],
      "is missing: name the test user to sign in as (a sub or email of idp-users), e.g. user: alice; or refuse consent with deny: true",
      "missing"
    );
  }
  if (oauth.browser === true && (negative === "replay-callback" || negative === "tamper-state")) {
    add(
      ["oauth", negative],
      "is checked by the scripted login only: a browser scenario signs in as user or denies consent; remove browser: true, or write a separate scenario for this check",
      "key"
    );
  }
  if (oauth["replay-status"] !== void 0 && negative !== "replay-callback") {
    add(["oauth", "replay-status"], "has no effect without replay-callback: true", "key");
  }
  if (input.expect !== void 0 && oauth.check === void 0) {
    add(
      ["expect"],
      "needs oauth.check: the path whose response it checks after the login, e.g. check: /me",
      "key"
    );
  }
  const statuses2 = (where, value, fallback) => {
    const text = value === void 0 ? fallback : (Array.isArray(value) ? value : [value]).join(", ");
    try {
      return { ranges: parseStatusRanges(where.join("."), text), text };
    } catch (error2) {
      if (!(error2 instanceof InputError)) throw error2;
      add(where, "must be HTTP statuses with ranges from low to high, e.g. 200-299", "value");
      return void 0;
    }
  };
  const callbackStatus = statuses2(
    ["oauth", "callback-status"],
    oauth["callback-status"],
    refused ? DEFAULT_REFUSED_CALLBACK_STATUS : DEFAULT_CALLBACK_STATUS
  );
  const replayStatus = statuses2(["oauth", "replay-status"], oauth["replay-status"], DEFAULT_REPLAY_STATUS);
  const expect = input.expect ?? {};
  const checkStatus = statuses2(
    ["expect", "status"],
    expect.status,
    refused ? DEFAULT_NO_SESSION_STATUS : DEFAULT_CHECK_STATUS
  );
  const json3 = [];
  for (const [jsonPath, value] of Object.entries(expect.json ?? {})) {
    const steps = parseJsonPath(jsonPath);
    if (steps === void 0) {
      add(
        ["expect", "json", jsonPath],
        'is not a supported JSON path: start with $ and use .name, ["name"] and [index], e.g. $.sub',
        "key"
      );
    } else json3.push({ path: jsonPath, steps, value });
  }
  const contains = expect["body-contains"];
  const bodyContains2 = contains === void 0 ? [] : Array.isArray(contains) ? contains : [contains];
  for (const text of bodyContains2) {
    const bad = badPlaceholder(text);
    if (bad !== void 0) {
      add(
        ["expect", "body-contains"],
        `uses the placeholder ${bad}; placeholders are \${env.NAME} and \${preview.url} ($\${ writes a literal \${)`,
        "value"
      );
    }
  }
  const source = position(locate(ctx.doc, base).node, ctx.lines);
  if (ctx.problems.length > before || !callbackStatus || !replayStatus || !checkStatus) return void 0;
  const expectations = {
    status: checkStatus.ranges,
    statusText: checkStatus.text,
    bodyContains: bodyContains2,
    json: json3,
    headers: Object.entries(expect.headers ?? {}).map(
      ([name, value]) => [name.toLowerCase(), value]
    ),
    maxLatencyMs: expect["max-latency"] === void 0 ? void 0 : parseDuration("max-latency", expect["max-latency"])
  };
  const start = oauth.start ?? "/login";
  return {
    oauth: {
      start,
      user: negative === "deny" ? void 0 : oauth.user,
      negative,
      check: oauth.check,
      redirectPath: oauth["redirect-path"],
      callbackStatus,
      replayStatus,
      browser: oauth.browser === true
    },
    name: input.name,
    expect: expectations,
    timeoutMs: input.timeout === void 0 ? void 0 : parseDuration("timeout", input.timeout),
    source: { file: ctx.options.file, ...source },
    // Inert: the webhook fields of a Scenario, unused by OAuth scenarios.
    provider: "github",
    event: void 0,
    path: start,
    method: "POST",
    body: { kind: "text", text: "" },
    example: void 0,
    contentType: "text/plain",
    headers: [],
    secretEnv: void 0,
    publicKeyEnv: void 0,
    expectRejected: false,
    repeat: 1,
    concurrency: 1,
    timestampOffsetSeconds: 0,
    tamper: false,
    sendAuth: false
  };
}

// src/scenarios/build.ts
var RESERVED_HEADERS = /* @__PURE__ */ new Set([
  "host",
  "content-length",
  "transfer-encoding",
  "connection",
  "keep-alive",
  "upgrade",
  "te",
  "trailer",
  "expect"
]);
function sniffContentType(text) {
  const trimmed = text.trim();
  if (/^[[{]/.test(trimmed)) {
    try {
      JSON.parse(trimmed);
      return JSON_TYPE;
    } catch {
    }
  }
  if (/^[^=&\s]+=[^&\s]*(?:&[^=&\s]+=[^&\s]*)*$/.test(trimmed)) return FORM_TYPE;
  return "text/plain; charset=utf-8";
}
var EXTENSION_TYPES = {
  ".json": JSON_TYPE,
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8"
};
var ScenarioBuilder = class {
  constructor(ctx, base, input) {
    this.ctx = ctx;
    this.base = base;
    this.input = input;
    this.before = ctx.problems.length;
    this.provider = input.provider;
  }
  ctx;
  base;
  input;
  before;
  provider;
  add(relative, message, at = "value") {
    this.ctx.add([...this.base, ...relative], message, at);
  }
  build() {
    if (this.input["expect-deliveries"] !== void 0) return this.expectDeliveries();
    if (this.input.oauth !== void 0) return buildOAuthScenario(this.ctx, this.base, this.input);
    if (!this.webhookRequired()) return void 0;
    const { input, provider } = this;
    const spec = PROVIDERS[provider];
    const { secretEnv, publicKeyEnv } = this.keys();
    const eventProblem = provider === "github" && input.event !== void 0 ? githubEventProblem(input.event) : void 0;
    if (eventProblem !== void 0) this.add(["event"], eventProblem);
    const behaviour = buildBehaviour(this.context());
    const units2 = behaviour?.events;
    const first = units2?.[0];
    let body2 = units2 ? first && { template: first.body, example: first.example, contentType: first.contentType } : eventProblem === void 0 ? this.body() : void 0;
    if (body2 !== void 0 && !units2 && input.override !== void 0) {
      const template = overridden(
        this.add.bind(this),
        ["override"],
        body2.template,
        input.override,
        body2.example
      );
      body2 = template && { ...body2, template };
    }
    const followUp = buildFollowUp(this.context(), body2?.template);
    const event2 = units2 ? first?.event : input.event !== void 0 ? provider === "github" ? githubEventOf(input.event) : input.event : body2?.example === void 0 ? void 0 : findExample(provider, body2.example)?.event;
    if (event2 === void 0 && spec.eventRequired) {
      this.add(
        ["event"],
        `is missing: ${provider} sends the event in ${spec.eventHeader}; name it, e.g. event: ${exampleFor(provider, void 0) ?? "push"}`,
        "missing"
      );
    }
    if (input["timestamp-offset"] !== void 0 && !spec.timestamped) {
      this.add(
        ["timestamp-offset"],
        `has no effect: ${provider} signs no timestamp, so no delivery of it can be stale; it applies to ${TIMESTAMPED_PROVIDERS.join(", ")}`
      );
    }
    const expectations = this.expectations();
    this.placeholders();
    const headers = this.headers();
    const source = position(locate(this.ctx.doc, this.base).node, this.ctx.lines);
    if (this.ctx.problems.length > this.before || body2 === void 0 || expectations === void 0)
      return void 0;
    return {
      ...behaviour ? { behaviour } : {},
      ...followUp ? { followUp } : {},
      name: input.name,
      provider,
      event: event2,
      path: input.path,
      method: input.method ?? "POST",
      body: body2.template,
      example: body2.example,
      contentType: input["content-type"] ?? body2.contentType,
      headers,
      secretEnv,
      publicKeyEnv,
      expect: expectations,
      expectRejected: input["expect-rejected"] ?? false,
      repeat: input.repeat ?? 1,
      concurrency: input.concurrency ?? 1,
      timestampOffsetSeconds: signedSeconds(input["timestamp-offset"]),
      tamper: input.tamper ?? false,
      sendAuth: input["send-auth"] ?? false,
      timeoutMs: input.timeout === void 0 ? void 0 : parseDuration("timeout", input.timeout),
      source: { file: this.ctx.options.file, ...source }
    };
  }
  context() {
    return {
      add: this.add.bind(this),
      lineOf: (relative) => position(locate(this.ctx.doc, [...this.base, ...relative]).node, this.ctx.lines).line,
      input: this.input,
      provider: this.provider
    };
  }
  /** GitHub's own deliveries to the run's webhook: nothing is sent, so the webhook fields stay inert. */
  expectDeliveries() {
    const expectDeliveries = buildExpectDeliveries(this.add.bind(this), this.input);
    const source = position(locate(this.ctx.doc, this.base).node, this.ctx.lines);
    if (this.ctx.problems.length > this.before || expectDeliveries === void 0) return void 0;
    return {
      expectDeliveries,
      name: this.input.name,
      source: { file: this.ctx.options.file, ...source },
      expect: {
        status: expectDeliveries.status,
        statusText: expectDeliveries.statusText,
        bodyContains: [],
        json: [],
        headers: [],
        maxLatencyMs: void 0
      },
      timeoutMs: void 0,
      // Inert: the webhook fields of a Scenario, unused here.
      provider: "github",
      event: void 0,
      path: "/",
      method: "POST",
      body: { kind: "text", text: "" },
      example: void 0,
      contentType: "application/json",
      headers: [],
      secretEnv: void 0,
      publicKeyEnv: void 0,
      expectRejected: false,
      repeat: 1,
      concurrency: 1,
      timestampOffsetSeconds: 0,
      tamper: false,
      sendAuth: false
    };
  }
  /** provider and path: required of webhook scenarios (the schema lets OAuth scenarios go without). */
  webhookRequired() {
    if (this.input.provider === void 0) {
      this.add(
        ["provider"],
        `is missing: it must be one of ${SCENARIO_PROVIDERS.join(", ")} (or, for an OAuth login scenario, give oauth: instead)`,
        "missing"
      );
    }
    if (this.input.path === void 0) {
      this.add(["path"], 'is missing: it must be a path starting with "/", e.g. /webhooks/github', "missing");
    }
    return this.input.provider !== void 0 && this.input.path !== void 0;
  }
  keys() {
    const { input, provider } = this;
    if (PROVIDERS[provider].key === "ed25519") {
      if (input["secret-env"] !== void 0) {
        this.add(
          ["secret-env"],
          `is not used by ${provider}: its deliveries are signed with an Ed25519 key pair generated per run; name the variable the app reads the public key from in public-key-env (default DISCORD_PUBLIC_KEY)`,
          "key"
        );
      }
      return { secretEnv: void 0, publicKeyEnv: input["public-key-env"] ?? "DISCORD_PUBLIC_KEY" };
    }
    if (input["public-key-env"] !== void 0) {
      this.add(["public-key-env"], `is only for discord (Ed25519); ${provider} uses secret-env`, "key");
    }
    const secretEnv = input["secret-env"];
    const example = `${provider.toUpperCase().replaceAll("-", "_")}_WEBHOOK_SECRET`;
    if (secretEnv === void 0) {
      this.add(
        ["secret-env"],
        `is missing: name the environment variable holding the ${provider} ${PROVIDERS[provider].secretName}, e.g. secret-env: ${example} (secrets are never written in scenario files)`,
        "missing"
      );
    } else if (this.ctx.options.env && !this.ctx.options.env[secretEnv]) {
      this.add(
        ["secret-env"],
        `names ${secretEnv}, which is not set or empty; set it in the step's env, e.g. "${secretEnv}: \${{ secrets.${secretEnv} }}"`
      );
    }
    return { secretEnv, publicKeyEnv: void 0 };
  }
  body() {
    const { input, provider } = this;
    const body2 = input.body;
    const useExample = (name) => {
      const example = findExample(provider, name);
      return example && {
        template: { kind: "text", text: example.body },
        example: name,
        contentType: example.contentType
      };
    };
    if (body2 === void 0) {
      const name = exampleFor(provider, input.event);
      if (name === void 0) {
        this.add(
          ["event"],
          `has no built-in ${provider} example to send; give a body, or use an event with one (${examplesHint(provider, input.event)})`
        );
        return void 0;
      }
      return useExample(name);
    }
    if (typeof body2 === "string")
      return {
        template: { kind: "text", text: body2 },
        example: void 0,
        contentType: sniffContentType(body2)
      };
    if ("json" in body2)
      return { template: { kind: "json", value: body2.json }, example: void 0, contentType: JSON_TYPE };
    if ("form" in body2) {
      const fields = Object.entries(body2.form).map(([k, v]) => [k, String(v)]);
      return { template: { kind: "form", fields }, example: void 0, contentType: FORM_TYPE };
    }
    if ("text" in body2) {
      return {
        template: { kind: "text", text: body2.text },
        example: void 0,
        contentType: sniffContentType(body2.text)
      };
    }
    if ("file" in body2) {
      const file = import_node_path5.default.resolve(this.ctx.options.dir, body2.file);
      let text;
      try {
        text = (0, import_node_fs4.readFileSync)(file, "utf8");
      } catch (error2) {
        const code = error2.code;
        this.add(
          ["body", "file"],
          `cannot be read (${code === "ENOENT" ? "no such file" : code ?? "error"}: ${file}); paths are relative to the scenario file`
        );
        return void 0;
      }
      const type = EXTENSION_TYPES[import_node_path5.default.extname(file).toLowerCase()] ?? sniffContentType(text);
      if (badPlaceholder(text) !== void 0) {
        this.add(
          ["body", "file"],
          `has an unsupported placeholder ${badPlaceholder(text)} in ${file}; ${PLACEHOLDER_HELP}`
        );
      }
      return { template: { kind: "text", text }, example: void 0, contentType: type };
    }
    if (!hasExample(provider, body2.example)) {
      this.add(
        ["body", "example"],
        `is not a built-in ${provider} example; ${examplesHint(provider, body2.example)}`
      );
      return void 0;
    }
    return useExample(body2.example);
  }
  expectations() {
    return buildExpectations(
      this.add.bind(this),
      ["expect"],
      this.input.expect ?? {},
      this.input["expect-rejected"] ?? false
    );
  }
  headers() {
    return Object.entries(this.input.headers ?? {}).flatMap(([name, value]) => {
      if (RESERVED_HEADERS.has(name.toLowerCase())) {
        this.add(
          ["headers", name],
          `cannot be set: the HTTP client frames the request itself; these cannot be set: ${[...RESERVED_HEADERS].join(", ")}`,
          "key"
        );
        return [];
      }
      return [[name, String(value)]];
    });
  }
  /** Placeholders everywhere they are filled in: only ${env.NAME} and ${preview.url}. */
  placeholders() {
    const { input } = this;
    const texts = [[["path"], input.path ?? ""]];
    for (const [name, value] of Object.entries(input.headers ?? {}))
      texts.push([["headers", name], String(value)]);
    const body2 = input.body;
    if (typeof body2 === "string") texts.push([["body"], body2]);
    else if (body2 && "text" in body2) texts.push([["body", "text"], body2.text]);
    else if (body2 && "json" in body2) {
      for (const [at, text] of jsonStrings(body2.json)) texts.push([["body", "json", ...at], text]);
    } else if (body2 && "form" in body2) {
      for (const [name, value] of Object.entries(body2.form))
        texts.push([["body", "form", name], String(value)]);
    }
    texts.push(...expectTexts(["expect"], input.expect));
    const overrides = [
      [["override"], input.override],
      ...(input.events ?? []).map((e, i) => [
        ["events", i, "override"],
        typeof e === "string" ? void 0 : e.override
      ])
    ];
    for (const [at, value] of overrides) {
      for (const [path7, text] of jsonStrings(value ?? {})) texts.push([[...at, ...path7], text]);
    }
    if (input["expect-duplicate"] !== void 0 && input["expect-duplicate"] !== "same-status") {
      texts.push(...expectTexts(["expect-duplicate"], input["expect-duplicate"]));
    }
    for (const [where, text] of texts) {
      const bad = badPlaceholder(text);
      if (bad !== void 0) this.add(where, `uses the placeholder ${bad}; ${PLACEHOLDER_HELP}`);
    }
  }
};
var PLACEHOLDER_HELP = "placeholders are ${env.NAME} and ${preview.url} ($${ writes a literal ${)";
function signedSeconds(value) {
  if (value === void 0) return 0;
  const sign = value.trim().startsWith("-") ? -1 : 1;
  return sign * parseDuration("timestamp-offset", value.trim().replace(/^[+-]/, "")) / 1e3;
}

// src/scenarios/file-context.ts
var import_yaml2 = __toESM(require_dist(), 1);
var FileContext = class {
  constructor(doc, lines, options) {
    this.doc = doc;
    this.lines = lines;
    this.options = options;
  }
  doc;
  lines;
  options;
  problems = [];
  /** Records a problem at `fullPath`, worded "<scenario>: field "<path>" <message>". */
  add(fullPath, message, at) {
    const found = locate(this.doc, fullPath);
    const node2 = at === "key" ? found.key ?? found.nearest : at === "missing" ? found.nearest : found.node ?? found.nearest;
    const { line, column } = position(node2, this.lines);
    const got = at === "value" && found.node ? ` (got ${shown2(found.node)})` : "";
    this.problems.push({
      file: this.options.file,
      line,
      column,
      message: `${this.label(fullPath)}${message}${got}`
    });
  }
  /** 'scenario "Ping": field "expect.status" ' */
  label(fullPath) {
    let prefix = "";
    let rest = fullPath;
    if (fullPath[0] === "scenarios" && typeof fullPath[1] === "number") {
      const name = locate(this.doc, [...fullPath.slice(0, 2), "name"]).node;
      prefix = (0, import_yaml2.isScalar)(name) && typeof name.value === "string" && name.value !== "" ? `scenario "${name.value}" (scenarios[${fullPath[1]}]): ` : `scenarios[${fullPath[1]}]: `;
      rest = fullPath.slice(2);
    }
    if (rest.length === 0) return prefix === "" ? "the file " : prefix.replace(/: $/, " ");
    return `${prefix}field "${fieldName(rest)}" `;
  }
};
function fieldName(steps) {
  let out = "";
  for (const step of steps) {
    if (typeof step === "number") out += `[${step}]`;
    else if (/^[\w-]+$/.test(String(step))) out += `${out === "" ? "" : "."}${String(step)}`;
    else out += `[${JSON.stringify(String(step))}]`;
  }
  return out;
}
function shown2(node2) {
  if ((0, import_yaml2.isScalar)(node2)) {
    const text = JSON.stringify(node2.value) ?? String(node2.value);
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
  }
  if ((0, import_yaml2.isMap)(node2)) return "a mapping";
  if ((0, import_yaml2.isSeq)(node2)) return "a list";
  return "an alias";
}

// src/scenarios/schema.ts
var DURATION = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h))+$/;
var SIGNED_DURATION = /^[+-]?(?:\d+(?:\.\d+)?(?:ms|s|m|h))+$/;
var STATUS_PART2 = "(?:[1-5]xx|[1-5]\\d\\d(?:\\s*-\\s*[1-5]\\d\\d)?)";
var STATUS_TEXT2 = new RegExp(`^\\s*${STATUS_PART2}(?:\\s*,\\s*${STATUS_PART2})*\\s*$`, "i");
var ENV_NAME2 = /^[A-Za-z_][A-Za-z0-9_]*$/;
var HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
var DURATION_HELP = 'a duration: a number with a unit ms, s, m or h, e.g. "500ms", "10s", "2m"';
var STATUS_HELP2 = 'an HTTP status (200), a class ("2xx"), a range ("200-299"), a comma list ("200, 204") or a YAML list of these ([200, 202])';
function duration2(what, pattern = DURATION, help = DURATION_HELP) {
  const message = (input) => typeof input === "number" ? `must be ${help}; add a unit, e.g. "${input}s"` : `must be ${help}`;
  return string2({ error: (iss) => message(iss.input) }).regex(pattern, { error: (iss) => message(iss.input) }).meta({ description: `${what} (${help}).` });
}
var envName = (what) => string2({ error: "must be the name of an environment variable, e.g. GITHUB_WEBHOOK_SECRET" }).regex(ENV_NAME2, {
  error: "must be the name of an environment variable (letters, digits and _, not starting with a digit), e.g. GITHUB_WEBHOOK_SECRET"
}).meta({ description: what });
var statusItem2 = union(
  [
    int({ error: "must be an HTTP status from 100 to 599" }).min(100).max(599),
    string2().regex(STATUS_TEXT2, { error: `must be ${STATUS_HELP2}` })
  ],
  { error: `must be ${STATUS_HELP2}` }
);
var status2 = union([statusItem2, array(statusItem2).min(1)], { error: `must be ${STATUS_HELP2}` }).meta({ description: `Accepted response status: ${STATUS_HELP2}. Default "2xx".` });
var bodyContains = union([string2(), array(string2()).min(1)], {
  error: "must be a text, or a list of texts, that the response body must contain"
}).meta({ description: "Text (or list of texts) the response body must contain." });
var expectSchema = strictObject({
  status: status2.optional(),
  "body-contains": bodyContains.optional(),
  json: record(string2(), json2()).meta({
    description: 'JSON paths of the response body and the values they must equal, e.g. {"$.ok": true, "$.items[0].id": 7}.'
  }).optional(),
  headers: record(
    string2().regex(HEADER_NAME, { error: "must be a header name (letters, digits and !#$%&'*+-.^_`|~)" }),
    union([string2(), boolean2()], {
      error: "must be a text the header value must contain, true (present) or false (absent)"
    })
  ).meta({
    description: "Response headers: text the value must contain (case-insensitive), true (present) or false (absent)."
  }).optional(),
  "max-latency": duration2("Slowest acceptable response (each delivery)").optional()
}).meta({ description: "What the response must look like. Default: status 2xx." });
var formValue2 = union([string2(), number2(), boolean2()], {
  error: "must be a text, a number or true/false"
});
var body = union(
  [
    string2().meta({ description: "The body as text; placeholders are filled in, escaped for the content type." }),
    strictObject({ json: json2().meta({ description: "A value sent as JSON." }) }),
    strictObject({
      form: record(string2(), formValue2).meta({ description: "Fields sent as application/x-www-form-urlencoded." })
    }),
    strictObject({
      text: string2({ error: "must be a text" }).meta({ description: "The body as text." })
    }),
    strictObject({
      file: string2({ error: "must be a file path (relative to the scenario file)" }).min(1, { error: "must be a file path (relative to the scenario file)" }).meta({ description: "A file (relative to this scenario file) whose content is the body." })
    }),
    strictObject({
      example: string2({ error: "must name a built-in example of the provider, e.g. push" }).min(1, { error: "must name a built-in example of the provider, e.g. push" }).meta({ description: "A built-in example payload of the provider, e.g. push, orders/create." })
    })
  ],
  {
    error: "must be the body as text, or a mapping with one of json (a value sent as JSON), form (fields), text, file (a path) or example (a built-in payload)"
  }
).meta({
  description: "The request body. Default: the provider's built-in example for `event` (or its first example)."
});
var JSON_PATH_HELP = 'a JSON path: $ then .name, ["name"] or [index], e.g. $.data.object.id';
var jsonPathKey = string2().regex(/^\$/, { error: `must be ${JSON_PATH_HELP}` });
var RETRY_SCHEDULES2 = ["github", "stripe", "svix", "standard-webhooks"];
var retrySchema = strictObject({
  schedule: union(
    [
      _enum(RETRY_SCHEDULES2, { error: `must be one of ${RETRY_SCHEDULES2.join(", ")}` }),
      array(duration2("Wait before this retry"), { error: "must be a list of waits" }).min(1, { error: "must list at least one wait, e.g. [1s, 5s, 30s]" }).max(20, { error: "must list at most 20 waits" })
    ],
    {
      error: `must be one of ${RETRY_SCHEDULES2.join(", ")} (the provider's schedule) or a list of waits, e.g. [1s, 5s, 30s]`
    }
  ).meta({
    description: "How the provider retries a delivery the app did not accept (non-2xx, no answer): github (a redelivery every 6 h, as GitHub's documented redelivery script; GitHub itself never retries), stripe (approximately: 5m, 25m, 1.5h, 2h, 4h, 8h, 8h, 24h, 24h), svix / standard-webhooks (5s, 5m, 30m, 2h, 5h, 10h, 10h), or your own list of waits."
  }),
  compress: union(
    [
      string2().regex(/^\d+(?:\.\d+)?x$/i, { error: 'must be a factor such as "100x"' }),
      number2().positive({ error: 'must be a factor such as "100x"' })
    ],
    { error: 'must be a factor such as "100x"' }
  ).meta({ description: 'Divide every wait by this, e.g. "100x" (5 min becomes 3 s). Default "1x".' }).optional(),
  attempts: int({ error: "must be a whole number from 1 to 21" }).min(1, { error: "must be a whole number from 1 to 21" }).max(21, { error: "must be a whole number from 1 to 21" }).meta({ description: "Most attempts in all (the first included). Default: the whole schedule." }).optional()
}).meta({
  description: "Retry a delivery the app did not accept, as the provider would; the report lists every attempt."
});
var overrideSchema = record(jsonPathKey, json2()).meta({
  description: 'Values to set in the built-in body before signing, by JSON path, as `stripe trigger --override` does, e.g. {"$.data.object.amount": 500}. Each path must exist in the body.'
});
var eventItem = union(
  [
    string2().min(1, { error: "must name an event, e.g. customer.subscription.created" }),
    strictObject({
      event: string2({ error: "must name an event, e.g. customer.subscription.created" }).min(1, { error: "must name an event" }),
      override: overrideSchema.optional()
    })
  ],
  { error: "must be an event name, or a mapping with event (and override)" }
);
var captureSchema = record(
  string2().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, {
    error: "must be a name of letters, digits and _ (used as ${capture.NAME})"
  }),
  union([jsonPathKey, strictObject({ body: jsonPathKey }), strictObject({ response: jsonPathKey })], {
    error: `must be ${JSON_PATH_HELP} (in the sent body), or {body: <path>} or {response: <path>} (in the first response)`
  })
).meta({
  description: "Values used by the then requests as ${capture.NAME}: a JSON path in the sent body (or {response: path} in the app's first response)."
});
var THEN_REQUEST = /^(GET|HEAD|POST|PUT|PATCH|DELETE) \/\S*$/;
var thenSchema = array(
  strictObject({
    request: string2({ error: 'must be a method and a path, e.g. "GET /orders/${capture.id}"' }).regex(THEN_REQUEST, {
      error: 'must be a method (GET, HEAD, POST, PUT, PATCH, DELETE) and a path starting with "/", e.g. "GET /orders/${capture.id}"'
    }).meta({
      description: 'A request to the preview after the deliveries, e.g. "GET /orders/${capture.id}".'
    }),
    headers: record(
      string2().regex(HEADER_NAME, { error: "must be a header name (letters, digits and !#$%&'*+-.^_`|~)" }),
      union([string2(), number2()], { error: "must be a text (or a number)" })
    ).meta({ description: "Request headers." }).optional(),
    "send-auth": boolean2({ error: "must be true or false" }).meta({ description: "Send the preview's credentials (default true)." }).optional(),
    eventually: duration2(
      "Keep asking (with growing pauses) until expect holds or this much time passed, e.g. 10s; at most 10m"
    ).optional(),
    expect: strictObject(expectSchema.shape, {
      error: (iss) => iss.input === void 0 ? "must say what the answer must be (status, json, body-contains or headers): a then request without expect checks nothing" : "must be a mapping with status, body-contains, json, headers or max-latency"
    }).meta({ description: "What the answer must look like (required)." })
  }),
  { error: "must be a list of requests, each with request and expect" }
).min(1, { error: "must list at least one request" }).max(20, { error: "must list at most 20 requests" }).meta({
  description: "Requests after the deliveries that check the app's work, e.g. {request: GET /orders/${capture.id}, eventually: 10s, expect: {json: {$.status: paid}}}."
});
var expectDeliveriesSchema = strictObject({
  events: array(
    string2({ error: 'must be a GitHub event, or event.action, e.g. "pull_request.opened"' }).regex(/^[a-z_]+(?:\.[a-z_-]+)?$/, {
      error: 'must be a GitHub event, or event.action, e.g. "push", "pull_request.opened"'
    }),
    { error: "must be a list of GitHub events, e.g. [push, pull_request.opened]" }
  ).min(1, { error: "must list at least one event" }).meta({ description: "GitHub events (or event.action) that must have been delivered." }),
  within: duration2("How long GitHub may take to deliver them (default 2m, at most 30m)").optional(),
  status: status2.optional()
}).meta({
  description: "After the test command: GitHub's own deliveries to the run's temporary webhook (github-webhook) must include these events, each answered 2xx (or `status`)."
});
var scenarioSchema = strictObject({
  name: string2({ error: "must be a text naming the scenario" }).min(1, { error: "must not be empty" }).meta({ description: "Shown in reports; unique within the file." }),
  provider: _enum(SCENARIO_PROVIDERS, { error: `must be one of ${SCENARIO_PROVIDERS.join(", ")}` }).meta({ description: "Who sends the webhook: decides the signature and the headers." }).optional(),
  event: string2({ error: 'must be a text naming the event or topic, e.g. "push", "orders/create"' }).min(1, { error: "must not be empty" }).meta({
    description: "Event or topic (X-GitHub-Event, X-Shopify-Topic, X-Gitlab-Event, Linear-Event); also picks the built-in example when there is no body."
  }).optional(),
  path: string2({ error: 'must be a path starting with "/", e.g. /webhooks/github' }).regex(/^\/[^\s#]*$/, {
    error: 'must be a path starting with "/" without spaces or "#", e.g. /webhooks/github'
  }).meta({ description: "Path (and query) on the preview's public URL." }).optional(),
  method: _enum(["POST", "PUT", "PATCH"], { error: "must be POST, PUT or PATCH" }).meta({
    description: "Default POST. The gate lets only POST skip its sign-in on verify-webhooks paths: PUT and PATCH need send-auth."
  }).optional(),
  body: body.optional(),
  "content-type": string2({ error: 'must be a media type, e.g. "application/json"' }).regex(/^[\w!#$&^.+-]+\/[\w!#$&^.+-]+(?:\s*;.*)?$/, {
    error: 'must be a media type, e.g. "application/json"'
  }).meta({ description: "Default: from the body (JSON, form or the example's)." }).optional(),
  headers: record(
    string2().regex(HEADER_NAME, { error: "must be a header name (letters, digits and !#$%&'*+-.^_`|~)" }),
    union([string2(), number2()], { error: "must be a text (or a number)" })
  ).meta({ description: "Extra request headers, applied last (they can override the provider's)." }).optional(),
  "secret-env": envName(
    "Environment variable holding the provider's secret (never write the secret in the file). Not for discord."
  ).optional(),
  "public-key-env": envName(
    "discord only: the variable the run's generated public key (hex) is given to the app in. Default DISCORD_PUBLIC_KEY."
  ).optional(),
  expect: expectSchema.optional(),
  "expect-rejected": boolean2({ error: "must be true or false" }).meta({ description: "Shorthand for expect.status [400, 401, 403]: the delivery must be refused." }).optional(),
  repeat: int({ error: "must be a whole number from 1 to 10000" }).min(1, { error: "must be a whole number from 1 to 10000" }).max(1e4, { error: "must be a whole number from 1 to 10000" }).meta({ description: "Deliveries to send (each signed on its own). Default 1." }).optional(),
  concurrency: int({ error: "must be a whole number from 1 to 256" }).min(1, { error: "must be a whole number from 1 to 256" }).max(256, { error: "must be a whole number from 1 to 256" }).meta({ description: "Deliveries of this scenario in flight at once. Default 1." }).optional(),
  "timestamp-offset": duration2(
    "Added to the signed timestamp: negative sends a stale delivery",
    SIGNED_DURATION,
    'a signed duration, e.g. "-10m" (10 minutes old) or "+30s"'
  ).optional(),
  tamper: boolean2({ error: "must be true or false" }).meta({ description: "Flip a byte of the body (GitLab: of the token) after signing." }).optional(),
  "send-auth": boolean2({ error: "must be true or false" }).meta({
    description: "Also send the preview's credentials, for paths the gate does not verify (a real provider could not)."
  }).optional(),
  timeout: duration2("Longest wait for each response").optional(),
  oauth: oauthSchema.optional(),
  duplicate: boolean2({ error: "must be true or false" }).meta({
    description: "Send each delivery twice with the same delivery id (X-GitHub-Delivery, the Stripe event id, webhook-id), the second signed anew, as a provider's retry arrives."
  }).optional(),
  "expect-duplicate": union([literal("same-status"), expectSchema], {
    error: 'must be "same-status" or a mapping like expect (status, body-contains, json, headers)'
  }).meta({
    description: `What the duplicate's answer must be. Default "same-status": the status the first one got.`
  }).optional(),
  retry: retrySchema.optional(),
  events: array(eventItem, { error: "must be a list of event names" }).min(1, { error: "must list at least one event" }).max(50, { error: "must list at most 50 events" }).meta({
    description: "Several events sent one after another (each its built-in body), in `order`, e.g. [customer.subscription.created, customer.subscription.updated]."
  }).optional(),
  order: _enum(["as-listed", "shuffled", "reversed"], { error: "must be as-listed, shuffled or reversed" }).meta({ description: "Order the events are sent in. Default as-listed." }).optional(),
  seed: int({ error: "must be a whole number from 0 to 4294967295" }).min(0, { error: "must be a whole number from 0 to 4294967295" }).max(4294967295, { error: "must be a whole number from 0 to 4294967295" }).meta({ description: "Seed of order: shuffled (the report shows the one used), to replay an order." }).optional(),
  override: overrideSchema.optional(),
  capture: captureSchema.optional(),
  // A list, never a function: an object holding it is not a thenable.
  // biome-ignore lint/suspicious/noThenProperty: the scenario file's own word for follow-up requests
  then: thenSchema.optional(),
  "expect-deliveries": expectDeliveriesSchema.optional()
}).meta({ description: "One webhook delivery (or `repeat` of them) and what its response must be." });
var editorScenarioSchema = scenarioSchema.extend({
  provider: scenarioSchema.shape.provider.unwrap(),
  path: scenarioSchema.shape.path.unwrap()
});
var fileShellSchema = strictObject({
  scenarios: array(unknown(), { error: "must be a list of scenarios (YAML items starting with -)" }).min(1, { error: "must list at least one scenario" })
});
var fileSchema = strictObject({ scenarios: array(editorScenarioSchema).min(1) }).meta({ title: "preview-tunnel webhook and OAuth scenarios" });
function scenariosJsonSchema() {
  const schema = toJSONSchema(fileSchema, { io: "input", unrepresentable: "any" });
  const items = schema.properties?.scenarios?.items;
  if (items) {
    items.required = ["name"];
    items.anyOf = [
      { required: ["provider", "path"] },
      { required: ["oauth"] },
      { required: ["expect-deliveries"] }
    ];
    items.allOf = eventCompletions();
    schema.$defs = {
      ...schema.$defs,
      ...Object.fromEntries(
        SCENARIO_PROVIDERS.map((p) => [
          `${p}-events`,
          { enum: p === "github" ? githubNames() : exampleNames(p) }
        ])
      )
    };
    const expectDeliveries = items.properties["expect-deliveries"];
    if (expectDeliveries?.properties) {
      expectDeliveries.properties.events = {
        ...expectDeliveries.properties.events,
        items: { anyOf: [{ $ref: "#/$defs/github-events" }, { type: "string" }] }
      };
    }
  }
  return schema;
}
function githubNames() {
  return [.../* @__PURE__ */ new Set([...exampleNames("github"), ...GITHUB_CATALOG_NAMES, ...GITHUB_EVENTS])].sort();
}
function eventCompletions() {
  return SCENARIO_PROVIDERS.map((provider) => {
    const names = { $ref: `#/$defs/${provider}-events` };
    return {
      if: { properties: { provider: { const: provider } }, required: ["provider"] },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword
      then: {
        properties: {
          event: { anyOf: [names, { type: "string" }] },
          events: { items: { anyOf: [names, { type: "string" }, { type: "object" }] } }
        }
      }
    };
  });
}

// src/scenarios/load.ts
var ScenarioFileError = class extends Error {
  constructor(problems) {
    super(
      problems.length === 1 ? `Invalid scenario file: ${formatProblem(problems[0])}` : `${problems.length} problems in scenario files:
${problems.map((p) => `  ${formatProblem(p)}`).join("\n")}`
    );
    this.problems = problems;
    this.name = "ScenarioFileError";
  }
  problems;
};
function formatProblem(p) {
  return `${p.file}:${p.line}:${p.column}: ${p.message}`;
}
var SCENARIO_KEYS = Object.keys(scenarioSchema.shape);
var EXPECT_KEYS = Object.keys(scenarioSchema.shape.expect.unwrap().shape);
var knownKeys = (relative) => {
  if (relative.length === 0) return SCENARIO_KEYS;
  const [first, second, third] = relative;
  if (relative.length === 1 && (first === "expect" || first === "expect-duplicate")) return EXPECT_KEYS;
  if (relative.length === 1 && first === "retry") return ["schedule", "compress", "attempts"];
  if (relative.length === 1 && first === "expect-deliveries") return ["events", "within", "status"];
  if (relative.length === 2 && first === "then")
    return ["request", "headers", "send-auth", "eventually", "expect"];
  if (relative.length === 3 && first === "then" && third === "expect") return EXPECT_KEYS;
  if (relative.length === 2 && first === "events" && typeof second === "number") return ["event", "override"];
  if (relative.length === 1 && relative[0] === "body") return ["json", "form", "text", "file", "example"];
  return void 0;
};
function displayPath(file, cwd) {
  const relative = import_node_path6.default.relative(cwd, import_node_path6.default.resolve(cwd, file));
  const shown3 = relative === "" || relative.startsWith("..") || import_node_path6.default.isAbsolute(relative) ? file : relative;
  return shown3.split(import_node_path6.default.sep).join("/");
}
function loadScenarioFiles(files, options = {}) {
  const scenarios = [];
  const problems = [];
  for (const file of files) {
    const result = loadScenarioFile(file, options);
    scenarios.push(...result.scenarios);
    problems.push(...result.problems);
  }
  return { scenarios, problems };
}
function loadScenarioFilesOrThrow(files, options = {}) {
  const { scenarios, problems } = loadScenarioFiles(files, options);
  if (problems.length > 0) throw new ScenarioFileError(problems);
  return scenarios;
}
function loadScenarioFile(file, options = {}) {
  const cwd = options.cwd ?? process.cwd();
  const absolute = import_node_path6.default.resolve(cwd, file);
  const shown3 = displayPath(file, cwd);
  let text;
  try {
    text = (0, import_node_fs5.readFileSync)(absolute, "utf8");
  } catch (error2) {
    const reason = error2.code === "ENOENT" ? "does not exist" : "cannot be read";
    return {
      scenarios: [],
      problems: [{ file: shown3, line: 1, column: 1, message: `the scenario file ${reason} (${absolute})` }]
    };
  }
  return parseScenarioText(text, { ...options, file: shown3, dir: import_node_path6.default.dirname(absolute) });
}
function parseScenarioText(text, options) {
  const lines = new import_yaml3.LineCounter();
  const doc = (0, import_yaml3.parseDocument)(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const ctx = new FileContext(doc, lines, options);
  if (doc.errors.length > 0) {
    for (const error2 of doc.errors) {
      const { line, col } = lines.linePos(error2.pos[0]);
      ctx.problems.push({
        file: options.file,
        line: Math.max(line, 1),
        column: Math.max(col, 1),
        message: `the file is not valid YAML: ${error2.message.split("\n")[0]}`
      });
    }
    return { scenarios: [], problems: ctx.problems };
  }
  const data = doc.toJS({ maxAliasCount: 1e3 });
  if (data === null || data === void 0) {
    ctx.add([], 'is empty: a scenario file is a mapping with "scenarios:", a list of scenarios', "value");
    return { scenarios: [], problems: ctx.problems };
  }
  const shell = fileShellSchema.safeParse(data, { error: fallbackError });
  if (!shell.success) {
    for (const d of drafts(
      shell.error.issues,
      data,
      [],
      (p) => p.length === 0 ? ["scenarios"] : void 0
    )) {
      ctx.add(d.path, d.message, d.at);
    }
    return { scenarios: [], problems: ctx.problems };
  }
  const scenarios = [];
  const names = /* @__PURE__ */ new Map();
  shell.data.scenarios.forEach((item, index) => {
    const base = ["scenarios", index];
    const parsed = scenarioSchema.safeParse(item, { error: fallbackError });
    if (!parsed.success) {
      for (const d of drafts(parsed.error.issues, data, base, knownKeys)) ctx.add(d.path, d.message, d.at);
      return;
    }
    const scenario = new ScenarioBuilder(ctx, base, parsed.data).build();
    const earlier = names.get(parsed.data.name);
    if (earlier !== void 0) {
      ctx.add(
        [...base, "name"],
        `repeats the name of the scenario at line ${earlier}; names must be unique within a file`,
        "value"
      );
    } else {
      names.set(parsed.data.name, position(locate(doc, base).node, lines).line);
    }
    if (scenario) scenarios.push(scenario);
  });
  if (ctx.problems.length === 0) return { scenarios, problems: [] };
  const problems = [...ctx.problems].sort((a, b) => a.line - b.line || a.column - b.column);
  return { scenarios: [], problems };
}

// src/scenarios/report.ts
var MAX_ANNOTATIONS = 10;
function cell(text, max = 120) {
  const flat = text.replace(/\s+/g, " ").trim();
  const cut = flat.length > max ? `${flat.slice(0, max - 1)}\u2026` : flat;
  return cut.replace(/[\\`*_{}[\]<>|]/g, (c) => `\\${c}`);
}
var ms = (value) => value === void 0 ? "\u2013" : `${Math.round(value)} ms`;
function statuses(r) {
  const counts = /* @__PURE__ */ new Map();
  for (const d of r.deliveries) {
    const key = d.status === void 0 ? "no response" : String(d.status);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([status3, n]) => r.deliveries.length > 1 ? `${status3} \xD7${n}` : status3).join(", ");
}
function row(r) {
  const s = r.scenario;
  if (s.oauth) {
    const parts = oauthRowParts(r, s.oauth);
    return [
      r.passed ? "\u2705" : "\u274C",
      cell(parts.name),
      cell(parts.kind),
      parts.requests,
      cell(parts.expected),
      cell(parts.statuses || "\u2013"),
      ms(r.latency?.p50),
      ms(r.latency?.p99),
      cell(`${s.source.file}:${s.source.line}`),
      r.passed ? "" : cell(failureSummary(r), 200)
    ].join(" | ");
  }
  if (s.expectDeliveries) {
    return [
      r.passed ? "\u2705" : "\u274C",
      cell(s.name),
      cell(`github deliveries: ${s.expectDeliveries.events.map((e) => e.label).join(", ")}`),
      `${r.deliveries.length}`,
      cell(s.expectDeliveries.statusText),
      cell(statuses(r) || "\u2013"),
      ms(r.latency?.p50),
      ms(r.latency?.p99),
      cell(`${s.source.file}:${s.source.line}`),
      r.passed ? "" : cell(failureSummary(r), 200)
    ].join(" | ");
  }
  const b = s.behaviour;
  const flags = [
    s.tamper ? "tampered" : "",
    s.timestampOffsetSeconds !== 0 ? `offset ${s.timestampOffsetSeconds}s` : "",
    b?.duplicate ? "duplicated" : "",
    b?.retry ? `retry ${b.retry.schedule}` : "",
    b?.events && b.order !== "as-listed" ? b.order : "",
    s.followUp ? `then \xD7${s.followUp.then.length}` : ""
  ].filter(Boolean).join(", ");
  const name = flags ? `${s.name} (${flags})` : s.name;
  const deliveries = s.repeat > 1 ? `${r.deliveries.length}/${s.repeat} \xD7${s.concurrency}` : `${r.deliveries.length}`;
  return [
    r.passed ? "\u2705" : "\u274C",
    cell(name),
    cell(s.provider + (b?.events ? ` ${b.events.length} events` : s.event ? ` ${s.event}` : "")),
    deliveries,
    cell(s.expect.statusText),
    cell(statuses(r) || "\u2013"),
    ms(r.latency?.p50),
    ms(r.latency?.p99),
    cell(`${s.source.file}:${s.source.line}`),
    r.passed ? "" : cell(failureSummary(r), 200)
  ].join(" | ");
}
function summaryMarkdown(run) {
  const lines = [
    run.results.some((r) => r.scenario.oauth) ? "### Webhook and OAuth scenarios" : "### Webhook scenarios",
    "",
    `${run.failed === 0 ? "\u2705" : "\u274C"} ${run.passed} passed, ${run.failed} failed in ${(run.durationMs / 1e3).toFixed(1)} s${run.cancelled ? " (cancelled)" : ""}`,
    ""
  ];
  if (run.results.length === 0) return [...lines, "No scenarios ran.", ""].join("\n");
  lines.push(
    "| | Scenario | Provider | Deliveries | Expected | Status | p50 | p99 | Where | Why |",
    "|---|---|---|---|---|---|---|---|---|---|",
    ...run.results.map((r) => `| ${row(r)} |`),
    ""
  );
  const details = run.results.map((r) => [r, detailLines(r)]).filter(([, l]) => l.length > 0);
  if (details.length > 0) {
    lines.push("Deliveries in detail (retries, order, duplicates, follow-up requests):", "");
    for (const [r, list] of details) {
      lines.push(
        `- ${cell(r.scenario.name)} (${cell(`${r.scenario.source.file}:${r.scenario.source.line}`)})`
      );
      for (const line of list) lines.push(`  - ${cell(line, 400)}`);
    }
    lines.push("");
  }
  const shots = run.results.filter((r) => r.screenshot !== void 0);
  if (shots.length > 0) {
    lines.push(
      "Screenshots of the browser scenarios' last page (next to the HAR recording):",
      "",
      ...shots.map((r) => `- ${cell(r.scenario.name)}: ${cell(r.screenshot, 400)}`),
      ""
    );
  }
  return lines.join("\n");
}
function annotations(run) {
  const failed = run.results.filter((r) => !r.passed);
  const shown3 = failed.slice(0, MAX_ANNOTATIONS).map((r) => ({
    file: r.scenario.source.file,
    line: r.scenario.source.line,
    title: `${r.scenario.oauth ? "OAuth" : r.scenario.expectDeliveries ? "GitHub deliveries" : "Webhook"} scenario failed: ${r.scenario.name}`,
    message: failureSummary(r)
  }));
  const rest = failed.length - shown3.length;
  const last = shown3[shown3.length - 1];
  if (rest > 0 && last) {
    shown3[shown3.length - 1] = {
      ...last,
      message: `${last.message}
(${rest} more failed scenarios: see the job summary)`
    };
  }
  return shown3;
}
export {
  DEFAULT_SCENARIO_TIMEOUT_MS,
  EXAMPLES,
  JUNIT_FILE,
  MAX_ANNOTATIONS,
  PROVIDERS,
  SCENARIO_PROVIDERS,
  ScenarioFileError,
  annotations,
  createScenarioKeys,
  displayPath,
  exampleNames,
  failureSummary,
  findBrowser,
  formatProblem,
  junitXml,
  loadScenarioFile,
  loadScenarioFiles,
  loadScenarioFilesOrThrow,
  parseScenarioText,
  runOAuthFlow,
  runScenarios,
  scenarioAppEnv,
  scenarioKind,
  scenariosJsonSchema,
  summaryMarkdown
};
