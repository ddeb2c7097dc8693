import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import "./chunk-KDU2MV42.js";
import {
  _enum,
  array,
  boolean,
  int,
  json,
  literal,
  number,
  record,
  strictObject,
  string,
  toJSONSchema,
  union,
  unknown
} from "./chunk-D6DGZTI2.js";
import {
  createRequire,
  fileURLToPath,
  loadVendored,
  vendoredDir
} from "./chunk-Y4O7CTZI.js";
import {
  DENY_HINT
} from "./chunk-3Y4TJIQ3.js";
import {
  WEBHOOK_PROVIDERS
} from "./chunk-WXR4GUQT.js";
import {
  DEFAULT_SCENARIO_TIMEOUT_MS,
  JUNIT_FILE,
  SCENARIO_LIMITS
} from "./chunk-STNDWCUP.js";
import {
  brotliDecompressSync,
  discord,
  github,
  gitlab,
  linear,
  paddle,
  pagerduty,
  shopify,
  slack,
  square,
  standardWebhooks,
  stripe,
  svix,
  twilio,
  twilioUrl
} from "./chunk-FQHZH3D3.js";
import "./chunk-ADOYJPIF.js";
import "./chunk-QSITGZFO.js";
import {
  MAX_DURATION_MS,
  MAX_DURATION_TEXT,
  parseDuration,
  parsePositiveDuration,
  parseStatusRanges,
  statusAccepted
} from "./chunk-LDT6WRPX.js";
import {
  https_default
} from "./chunk-EHOPSBCD.js";
import {
  makeDir
} from "./chunk-VTIJIBSJ.js";
import {
  http_default
} from "./chunk-VWFGOYLM.js";
import {
  path_default
} from "./chunk-C6CPBUKC.js";
import {
  accessSync,
  constants,
  existsSync,
  readFileSync,
  statSync
} from "./chunk-RIQZ67RY.js";
import "./chunk-JOYH5WIN.js";
import {
  IDP_MOUNT_PATH,
  LOGIN_PATH
} from "./chunk-YJNIKON3.js";
import {
  createHash,
  generateKeyPairSync,
  randomInt,
  randomUUID
} from "./chunk-DDG4KZIH.js";
import {
  InputError,
  errorMessage,
  sleep
} from "./chunk-S4FSG2IO.js";
import {
  require_dist
} from "./chunk-LXKJYK3N.js";
import {
  __toESM
} from "./chunk-PGICO5ZK.js";

// src/scenarios/json-path.ts
var STEP = /^(?:\.([A-Za-z_$][\w$-]*)|\[(-?\d+)\]|\["((?:[^"\\]|\\.)*)"\]|\['((?:[^'\\]|\\.)*)'\])/;
function parseJsonPath(path) {
  let rest = path.trim();
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
  let node = root;
  for (const step of steps) {
    if (typeof step === "number") {
      if (!Array.isArray(node)) return MISSING;
      const index = step < 0 ? node.length + step : step;
      if (index < 0 || index >= node.length) return MISSING;
      node = node[index];
    } else {
      if (node === null || typeof node !== "object" || Array.isArray(node) || !Object.hasOwn(node, step)) {
        return MISSING;
      }
      node = node[step];
    }
  }
  return node;
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
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
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
var fallbackError = (issue) => {
  if (issue.code === "invalid_type") return `must be ${EXPECTED[issue.expected] ?? issue.expected}`;
  if (issue.code === "too_small" && issue.origin === "array") return "must list at least one item";
  if (issue.code === "too_small" && issue.origin === "string") return "must not be empty";
  return void 0;
};
function valueAt2(data, path) {
  let node = data;
  for (const step of path) {
    if (node === null || typeof node !== "object") return void 0;
    node = node[step];
  }
  return node;
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
  const visit = (issue, prefix) => {
    const path = [...prefix, ...issue.path];
    const relative = path.slice(base.length);
    if (issue.code === "invalid_union") {
      const input2 = valueAt2(data, path);
      const meant = issue.errors.find(
        (option) => option.length > 0 && option.every(
          (i) => i.path.length > 0 && input2 !== null && typeof input2 === "object" && Object.hasOwn(input2, i.path[0]) && i.code !== "unrecognized_keys"
        )
      );
      if (meant) for (const inner of meant) visit(inner, path);
      else if (input2 === void 0 && path.length > 0)
        out.push({ path, message: `is missing: it ${issue.message}`, at: "missing" });
      else out.push({ path, message: issue.message, at: "value" });
      return;
    }
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        out.push({ path: [...path, key], message: unknownKey(key, knownKeys2(relative)), at: "key" });
      }
      return;
    }
    if (issue.code === "invalid_key") {
      const first = issue.issues[0];
      out.push({ path, message: first?.message ?? issue.message, at: "key" });
      return;
    }
    if (path.length > 0 && valueAt2(data, path) === void 0) {
      out.push({ path, message: `is missing: it ${issue.message}`, at: "missing" });
      return;
    }
    const input = valueAt2(data, path);
    if (issue.code === "invalid_value" && typeof input === "string") {
      const guess = closest(input, issue.values.map(String));
      out.push({
        path,
        message: guess ? `${issue.message}; did you mean "${guess}"?` : issue.message,
        at: "value"
      });
      return;
    }
    out.push({ path, message: issue.message, at: "value" });
  };
  for (const issue of issues) visit(issue, base);
  return out;
}

// src/scenarios/order.ts
function newSeed() {
  return randomInt(0, 2 ** 32 - 1);
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

// src/scenarios/override.ts
function pathText(steps) {
  return `$${steps.map((s) => typeof s === "number" ? `[${s}]` : /^[A-Za-z_$][\w$-]*$/.test(s) ? `.${s}` : `[${JSON.stringify(s)}]`).join("")}`;
}
function allPaths(value, limit = 5e3) {
  const out = [];
  const walk = (node, at) => {
    if (out.length >= limit) return;
    if (at.length > 0) out.push(pathText(at));
    if (Array.isArray(node)) {
      for (const [i, v] of node.entries()) walk(v, [...at, i]);
    } else if (node !== null && typeof node === "object")
      for (const [k, v] of Object.entries(node)) walk(v, [...at, k]);
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
  return path_default.dirname(fileURLToPath(import.meta.url));
}
function load() {
  const dir = moduleDir();
  const bundled = path_default.join(dir, CATALOG_FILE);
  if (existsSync(bundled)) {
    return JSON.parse(brotliDecompressSync(readFileSync(bundled)).toString("utf8"));
  }
  let file;
  try {
    file = createRequire(path_default.join(dir, "noop.js")).resolve(CATALOG_PACKAGE);
  } catch {
    throw new Error(
      `GitHub's example payloads are missing: neither ${bundled} nor the ${CATALOG_PACKAGE} package was found (rebuild with npm run build)`
    );
  }
  return pickGithubExamples(JSON.parse(readFileSync(file, "utf8")));
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

// src/scenarios/payloads/types.ts
var PREVIEW_URL = "${preview.url}";
var JSON_TYPE = "application/json";
var FORM_TYPE = "application/x-www-form-urlencoded";
function json2(value, event2) {
  return { contentType: JSON_TYPE, body: JSON.stringify(value), ...event2 === void 0 ? {} : { event: event2 } };
}
function form(fields) {
  return { contentType: FORM_TYPE, body: new URLSearchParams(fields).toString() };
}

// src/scenarios/payloads/discord.ts
var DISCORD_EXAMPLES = {
  ping: json2({
    id: "1234567890123456789",
    application_id: "987654321098765432",
    type: 1,
    version: 1,
    token: "interaction-token"
  }),
  application_command: json2({
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
  ping: json2(
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
  push: json2(
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
  pull_request: json2(
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
  push: json2(
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
  Issue: json2(
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
  "transaction.completed": json2({
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
  "incident.triggered": json2({
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
  "orders/create": json2(
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
  "payment.created": json2({
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
  "contact.created": json2({
    type: "contact.created",
    timestamp: "2022-11-03T20:26:10.344522Z",
    data: { id: "1f81eb52-5198-4599-803e-771906343485", type: "contact" }
  })
};
var SVIX_EXAMPLES = {
  "invoice.paid": json2({
    type: "invoice.paid",
    timestamp: "2025-01-01T12:00:00.000Z",
    data: { id: "invoice_WF7WtCLFFtd8ubcTgboSFNql", status: "paid", attempt: 2 }
  })
};

// src/scenarios/payloads/stripe.ts
var CREATED = 1735732800;
var CUSTOMER = "cus_PreviewTunnel";
var SUBSCRIPTION = "sub_1PreviewTunnel";
var INVOICE = "in_1PreviewTunnel";
var PAYMENT_INTENT = "pi_3PreviewTunnel";
var CHARGE = "ch_3PreviewTunnel";
function eventId(type) {
  return `evt_1PT${createHash("sha256").update(type).digest("hex").slice(0, 20)}`;
}
var event = (type, object, previous) => json2({
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
  const own = Object.entries(examples).find(([, e]) => e.event === event2)?.[0];
  if (own !== void 0 || provider !== "github") return own;
  const catalog = githubExamplesOf(event2);
  return catalog.find((n) => n === `${event2}.opened` || n === `${event2}.created`) ?? catalog[0];
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
  const own = exampleNames(provider);
  const catalog = provider === "github" && name !== void 0 ? githubExamplesOf(githubEventOf(name)) : [];
  const guess = name === void 0 ? void 0 : closest(name, [...own, ...catalog]);
  if (guess !== void 0) return `did you mean ${guess}?`;
  if (catalog.length > 0) return `GitHub examples of ${githubEventOf(name)}: ${catalog.join(", ")}`;
  if (provider === "github") {
    return `GitHub's examples are ${own.join(", ")} and the event.actions of @octokit/webhooks-examples (the JSON Schema lists them)`;
  }
  return `${provider} has: ${own.join(", ")}`;
}
function overridden(add, at, template, overrides, exampleName) {
  const value = jsonOf(template);
  if (value === NOT_JSON) {
    add(at, "needs a JSON body (a built-in example, json, or JSON text); this body is not JSON", "key");
    return void 0;
  }
  const pairs = [];
  for (const [path, replacement] of Object.entries(overrides)) {
    const steps = parseJsonPath(path);
    if (steps === void 0) {
      add(
        [...at, path],
        'is not a supported JSON path: start with $ and use .name, ["name"] and [index], e.g. $.data.object.amount',
        "key"
      );
      continue;
    }
    const why = missingPath(value, steps);
    if (why !== void 0) {
      add([...at, path], `${why}${exampleName ? ` (the built-in ${exampleName} example)` : ""}`, "key");
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
    const path = typeof spec === "string" ? spec : "body" in spec ? spec.body : spec.response;
    const at = typeof spec === "string" ? ["capture", name] : ["capture", name, from];
    const steps = parseJsonPath(path);
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
    captures.push({ name, from, path, steps });
  }
  const names = new Set(Object.keys(input.capture ?? {}));
  const then = [];
  for (const [i, item] of (input.then ?? []).entries()) {
    const at = ["then", i];
    const [, method, path] = THEN_LINE.exec(item.request) ?? [];
    const texts = [[[...at, "request"], path ?? ""]];
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
    if (expect === void 0 || method === void 0 || path === void 0) continue;
    then.push({
      method,
      path,
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

// src/scenarios/browser/find.ts
var BROWSER_NAMES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];
var BROWSER_PATH_ENV = "CHROME_PATH";
var checkExecutable = (file) => {
  const stat = statSync(file, { throwIfNoEntry: false });
  if (stat === void 0) return "does not exist";
  if (!stat.isFile()) return "is not a file";
  try {
    accessSync(file, constants.X_OK);
    return void 0;
  } catch {
    return "is not executable";
  }
};
var HINT = "install Chromium (Debian/Ubuntu: apt-get install chromium) or Google Chrome, or set browser-path to its executable";
function onPath(name, env, check) {
  for (const dir of (env.PATH ?? "").split(path_default.delimiter)) {
    if (dir === "") continue;
    const candidate = path_default.join(dir, name);
    if (check(candidate) === void 0) return candidate;
  }
  return void 0;
}
function findBrowser(given, env, cwd, check = checkExecutable) {
  const value = given.trim();
  if (value !== "") {
    if (!value.includes("/") && !value.includes(path_default.sep)) {
      const found = onPath(value, env, check);
      return found ? { path: found, from: "browser-path" } : {
        problem: `names no executable on PATH: give the full path of a Chromium or Chrome executable (e.g. /usr/bin/chromium), or leave browser-path empty to find one`
      };
    }
    const file = path_default.resolve(cwd, value);
    const why = check(file);
    return why === void 0 ? { path: file, from: "browser-path" } : {
      problem: `must be a Chromium or Chrome executable, but ${file} ${why}: give the path of one (e.g. /usr/bin/chromium), or leave browser-path empty to find one on PATH`
    };
  }
  const fromEnv = env[BROWSER_PATH_ENV]?.trim();
  if (fromEnv) {
    const file = path_default.resolve(cwd, fromEnv);
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

// src/scenarios/report-details.ts
var answer = (status3, error) => status3 === void 0 ? `no answer (${error ?? "none"})` : String(status3);
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

// src/scenarios/browser/screenshot.ts
var MAX_SLUG = 60;
function slug(name) {
  const cut = name.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, MAX_SLUG).replace(/-+$/, "");
  return cut === "" ? "scenario" : cut;
}
function screenshotPaths(scenarios, near) {
  const dir = path_default.dirname(near);
  const stem = path_default.basename(near, path_default.extname(near));
  const taken = /* @__PURE__ */ new Set();
  const paths = /* @__PURE__ */ new Map();
  for (const s of scenarios) {
    if (!s.oauth?.browser) continue;
    const base = slug(s.name);
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
    taken.add(name);
    paths.set(s, path_default.join(dir, `${stem}.${name}.png`));
  }
  return paths;
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
var DeliveryError = class extends Error {
  name = "DeliveryError";
};
function agentsFor() {
  const h = new http_default.Agent({ keepAlive: true });
  const s = new https_default.Agent({ keepAlive: true });
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
    const fail = (error) => {
      if (timeout.aborted) reject(new DeliveryError(`no response within ${options.timeoutMs} ms`));
      else if (options.signal?.aborted) reject(new DeliveryError("cancelled"));
      else reject(new DeliveryError(error.message));
    };
    const req = (secure ? https_default : http_default).request(
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
async function sendDelivery(s, p, unit, deliveryId, index, run, check, clock, duplicate = false) {
  const retry = s.behaviour?.retry;
  const delays = retry?.delaysMs ?? [];
  const timeoutMs = s.timeoutMs ?? retry?.providerTimeoutMs ?? run.timeoutMs;
  const attempts = [];
  let reply;
  let error;
  for (let i = 0; i <= delays.length; i++) {
    const waitedMs = i === 0 ? 0 : delays[i - 1];
    if (i > 0) await sleep(waitedMs, run.signal);
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
      error = void 0;
    } catch (e) {
      reply = void 0;
      error = errorMessage(e);
    }
    attempts.push({
      attempt: i + 1,
      waitedMs,
      status: reply?.status,
      latencyMs: reply?.latencyMs ?? 0,
      error
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
        error,
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
    } catch (error) {
      return { deliveries: [], error: `could not read the webhook's deliveries: ${errorMessage(error)}` };
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
    await sleep(wait, signal);
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
  const path = render(request.path, vars);
  const line = `${request.method} ${path}`;
  const headers = {};
  for (const [name, value] of request.headers) headers[name] = render(value, vars);
  const auth = request.sendAuth && ctx.authHeader ? { Authorization: ctx.authHeader } : {};
  const url = ctx.baseUrl.replace(/\/+$/, "") + path;
  const started = performance.now();
  const deadline = started + (request.eventuallyMs ?? 0);
  const limit = request.eventuallyMs === void 0 ? 1 : MAX_REQUESTS;
  let wait = FIRST_PAUSE_MS2;
  let reply;
  let mismatches = [];
  let error;
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
      error = void 0;
      mismatches = checkReply(request.expect, reply, vars);
      if (mismatches.length === 0) break;
    } catch (e) {
      reply = void 0;
      error = errorMessage(e);
    }
    if (ctx.signal?.aborted || performance.now() + wait > deadline) break;
    await sleep(wait, ctx.signal);
    wait = Math.min(wait * 1.5, MAX_PAUSE_MS2);
  }
  return {
    request: line,
    line: request.line,
    passed: error === void 0 && reply !== void 0 && mismatches.length === 0,
    status: reply?.status,
    requests,
    elapsedMs: performance.now() - started,
    mismatches: reply === void 0 ? [] : mismatches,
    error,
    responseExcerpt: reply === void 0 ? "" : excerpt(reply.body, vars.redact)
  };
}
async function runFollowUp(followUp, ctx, source) {
  const captured = takeCaptures(followUp, source);
  const results = [];
  for (const request of followUp.then) {
    if ("error" in captured) {
      results.push(notSent(request, captured.error));
      continue;
    }
    if (ctx.signal?.aborted) break;
    try {
      results.push(await poll(request, ctx, { ...ctx.vars, captures: captured.values }));
    } catch (error) {
      results.push(notSent(request, errorMessage(error)));
    }
  }
  return results;
}
function notSent(request, error) {
  return {
    request: `${request.method} ${request.path}`,
    line: request.line,
    passed: false,
    status: void 0,
    requests: 0,
    elapsedMs: 0,
    mismatches: [],
    error,
    responseExcerpt: ""
  };
}

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
  } catch (error) {
    throw new Error(`playwright-core could not be loaded from ${from}: ${error.message}`);
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
  } catch (error) {
    const message = error.message.split("\n")[0]?.replace(/token=[^\s&]+/g, "token=redacted");
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
  const error = callback.searchParams.get("error");
  if (flow.negative === "deny" || error === null) return void 0;
  const description = callback.searchParams.get("error_description");
  return {
    what: "identity provider",
    expected: `a code for ${flow.user}`,
    actual: `error=${error}${description ? ` (${description})` : ""}`
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
var firstLine = (error) => errorMessage(error).split("\n")[0]?.trim() ?? "";
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
  } catch (error) {
    login.error ??= options.signal?.aborted ? "cancelled" : `the browser ${options.executablePath} could not be started: ${firstLine(error)}`;
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
    } catch (error) {
      this.error = this.options.signal?.aborted ? "cancelled" : `in the browser, at step ${this.step}: ${firstLine(error)}`;
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
    } catch (error) {
      if (!log.authorization) throw error;
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
      makeDir(path_default.dirname(file));
      await page.screenshot({ path: file, fullPage: true });
      this.screenshot = file;
    } catch (error) {
      if (!this.options.signal?.aborted)
        this.options.logger?.warning(`No screenshot of scenario "${this.s.name}": ${firstLine(error)}`);
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
    } catch (error) {
      this.steps.push({ step, request, status: void 0, location: void 0 });
      throw new NoResponse(`no response to GET ${request} (${step}): ${errorMessage(error)}`);
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
  const outcome = (error) => ({
    mismatches,
    steps: client.steps,
    error,
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
  } catch (error) {
    if (error instanceof NoResponse) return outcome(error.message);
    throw error;
  }
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
function renderPath(path, vars) {
  return render(path, vars);
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
  const failed = (error) => ({
    scenario: s,
    passed: false,
    error,
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
  } catch (error) {
    return failed(errorMessage(error));
  }
  const behaviour = s.behaviour;
  const deliveries = [];
  let source;
  const deliverOne = async (unit, index) => {
    const deliveryId = randomUUID();
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
    const time = list.reduce((sum, r) => sum + r.durationMs, 0);
    const attrs = attributes({
      name: file,
      ...count(list),
      skipped: 0,
      time: seconds(time),
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
function createScenarioKeys() {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
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
var import_yaml3 = __toESM(require_dist(), 1);

// src/scenarios/locate.ts
var import_yaml = __toESM(require_dist(), 1);
function locate(doc, path) {
  let current = doc.contents;
  let key;
  let nearest = isNodeLike(current) ? current : void 0;
  for (const step of path) {
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
function position(node, lines) {
  const offset = node?.range?.[0] ?? 0;
  const { line, col } = lines.linePos(offset);
  return { line: Math.max(line, 1), column: Math.max(col, 1) };
}

// src/scenarios/oauth/schema.ts
var STATUS_PART = "(?:[1-5]xx|[1-5]\\d\\d(?:\\s*-\\s*[1-5]\\d\\d)?)";
var STATUS_TEXT = new RegExp(`^\\s*${STATUS_PART}(?:\\s*,\\s*${STATUS_PART})*\\s*$`, "i");
var STATUS_HELP = 'an HTTP status (200), a class ("2xx"), a range ("200-299"), a comma list ("200, 204") or a YAML list of these ([200, 202])';
var statusItem = union(
  [
    int({ error: "must be an HTTP status from 100 to 599" }).min(100).max(599),
    string().regex(STATUS_TEXT, { error: `must be ${STATUS_HELP}` })
  ],
  { error: `must be ${STATUS_HELP}` }
);
var status = (what) => union([statusItem, array(statusItem).min(1)], { error: `must be ${STATUS_HELP}` }).meta({ description: `${what}: ${STATUS_HELP}.` });
var appPath = (what, example) => string({ error: `must be a path starting with "/", e.g. ${example}` }).regex(/^\/[^\s#]*$/, {
  error: `must be a path starting with "/" without spaces or "#", e.g. ${example}`
}).meta({ description: what });
var flag = (what) => boolean({ error: "must be true or false" }).meta({ description: what });
var oauthSchema = strictObject({
  start: appPath(
    `Path on the preview that starts the login (it must redirect to the identity provider's /authorize). Default "/login".`,
    "/login"
  ).optional(),
  user: string({ error: "must be the sub or email of a test user (idp-users), e.g. alice" }).min(1, { error: "must be the sub or email of a test user (idp-users), e.g. alice" }).meta({ description: "The test user to sign in as (sub or email): sent as login_hint." }).optional(),
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
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
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
    timeoutMs: input.timeout === void 0 ? void 0 : parsePositiveDuration("timeout", input.timeout),
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
      timeoutMs: input.timeout === void 0 ? void 0 : parsePositiveDuration("timeout", input.timeout),
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
      const file = path_default.resolve(this.ctx.options.dir, body2.file);
      let text;
      try {
        text = readFileSync(file, "utf8");
      } catch (error) {
        const code = error.code;
        this.add(
          ["body", "file"],
          `cannot be read (${code === "ENOENT" ? "no such file" : code ?? "error"}: ${file}); paths are relative to the scenario file`
        );
        return void 0;
      }
      const type = EXTENSION_TYPES[path_default.extname(file).toLowerCase()] ?? sniffContentType(text);
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
      for (const [path, text] of jsonStrings(value ?? {})) texts.push([[...at, ...path], text]);
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
  return sign * parseDuration("timestamp-offset", value.trim().replace(/^[+-]/, ""), {
    max: Number.POSITIVE_INFINITY
  }) / 1e3;
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
    const node = at === "key" ? found.key ?? found.nearest : at === "missing" ? found.nearest : found.node ?? found.nearest;
    const { line, column } = position(node, this.lines);
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
function shown2(node) {
  if ((0, import_yaml2.isScalar)(node)) {
    const text = JSON.stringify(node.value) ?? String(node.value);
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
  }
  if ((0, import_yaml2.isMap)(node)) return "a mapping";
  if ((0, import_yaml2.isSeq)(node)) return "a list";
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
var msOf = (value) => parseDuration("duration", value.replace(/^[+-]/, ""), { max: Number.POSITIVE_INFINITY });
function duration(what, pattern = DURATION, help = DURATION_HELP, bounds = {}) {
  const message = (input) => typeof input === "number" ? `must be ${help}; add a unit, e.g. "${input}s"` : `must be ${help}`;
  return string({ error: (iss) => message(iss.input) }).regex(pattern, { error: (iss) => message(iss.input) }).refine((value) => bounds.unbounded || !pattern.test(value) || msOf(value) <= MAX_DURATION_MS, {
    error: `is too long: durations may be at most ${MAX_DURATION_TEXT}`
  }).refine((value) => !bounds.positive || !pattern.test(value) || msOf(value) > 0, {
    error: 'must be longer than 0, e.g. "10s"'
  }).meta({ description: `${what} (${help}).` });
}
var envName = (what) => string({ error: "must be the name of an environment variable, e.g. GITHUB_WEBHOOK_SECRET" }).regex(ENV_NAME2, {
  error: "must be the name of an environment variable (letters, digits and _, not starting with a digit), e.g. GITHUB_WEBHOOK_SECRET"
}).meta({ description: what });
var statusItem2 = union(
  [
    int({ error: "must be an HTTP status from 100 to 599" }).min(100).max(599),
    string().regex(STATUS_TEXT2, { error: `must be ${STATUS_HELP2}` })
  ],
  { error: `must be ${STATUS_HELP2}` }
);
var status2 = union([statusItem2, array(statusItem2).min(1)], { error: `must be ${STATUS_HELP2}` }).meta({ description: `Accepted response status: ${STATUS_HELP2}. Default "2xx".` });
var bodyContains = union([string(), array(string()).min(1)], {
  error: "must be a text, or a list of texts, that the response body must contain"
}).meta({ description: "Text (or list of texts) the response body must contain." });
var expectSchema = strictObject({
  status: status2.optional(),
  "body-contains": bodyContains.optional(),
  json: record(string(), json()).meta({
    description: 'JSON paths of the response body and the values they must equal, e.g. {"$.ok": true, "$.items[0].id": 7}.'
  }).optional(),
  headers: record(
    string().regex(HEADER_NAME, { error: "must be a header name (letters, digits and !#$%&'*+-.^_`|~)" }),
    union([string(), boolean()], {
      error: "must be a text the header value must contain, true (present) or false (absent)"
    })
  ).meta({
    description: "Response headers: text the value must contain (case-insensitive), true (present) or false (absent)."
  }).optional(),
  "max-latency": duration("Slowest acceptable response (each delivery)").optional()
}).meta({ description: "What the response must look like. Default: status 2xx." });
var formValue2 = union([string(), number(), boolean()], {
  error: "must be a text, a number or true/false"
});
var body = union(
  [
    string().meta({ description: "The body as text; placeholders are filled in, escaped for the content type." }),
    strictObject({ json: json().meta({ description: "A value sent as JSON." }) }),
    strictObject({
      form: record(string(), formValue2).meta({ description: "Fields sent as application/x-www-form-urlencoded." })
    }),
    strictObject({
      text: string({ error: "must be a text" }).meta({ description: "The body as text." })
    }),
    strictObject({
      file: string({ error: "must be a file path (relative to the scenario file)" }).min(1, { error: "must be a file path (relative to the scenario file)" }).meta({ description: "A file (relative to this scenario file) whose content is the body." })
    }),
    strictObject({
      example: string({ error: "must name a built-in example of the provider, e.g. push" }).min(1, { error: "must name a built-in example of the provider, e.g. push" }).meta({ description: "A built-in example payload of the provider, e.g. push, orders/create." })
    })
  ],
  {
    error: "must be the body as text, or a mapping with one of json (a value sent as JSON), form (fields), text, file (a path) or example (a built-in payload)"
  }
).meta({
  description: "The request body. Default: the provider's built-in example for `event` (or its first example)."
});
var JSON_PATH_HELP = 'a JSON path: $ then .name, ["name"] or [index], e.g. $.data.object.id';
var jsonPathKey = string().regex(/^\$/, { error: `must be ${JSON_PATH_HELP}` });
var RETRY_SCHEDULES2 = ["github", "stripe", "svix", "standard-webhooks"];
var retrySchema = strictObject({
  schedule: union(
    [
      _enum(RETRY_SCHEDULES2, { error: `must be one of ${RETRY_SCHEDULES2.join(", ")}` }),
      array(duration("Wait before this retry"), { error: "must be a list of waits" }).min(1, { error: "must list at least one wait, e.g. [1s, 5s, 30s]" }).max(20, { error: "must list at most 20 waits" })
    ],
    {
      error: `must be one of ${RETRY_SCHEDULES2.join(", ")} (the provider's schedule) or a list of waits, e.g. [1s, 5s, 30s]`
    }
  ).meta({
    description: "How the provider retries a delivery the app did not accept (non-2xx, no answer): github (a redelivery every 6 h, as GitHub's documented redelivery script; GitHub itself never retries), stripe (approximately: 5m, 25m, 1.5h, 2h, 4h, 8h, 8h, 24h, 24h), svix / standard-webhooks (5s, 5m, 30m, 2h, 5h, 10h, 10h), or your own list of waits."
  }),
  compress: union(
    [
      string().regex(/^\d+(?:\.\d+)?x$/i, { error: 'must be a factor such as "100x"' }),
      number().positive({ error: 'must be a factor such as "100x"' })
    ],
    { error: 'must be a factor such as "100x"' }
  ).meta({ description: 'Divide every wait by this, e.g. "100x" (5 min becomes 3 s). Default "1x".' }).optional(),
  attempts: int({ error: "must be a whole number from 1 to 21" }).min(1, { error: "must be a whole number from 1 to 21" }).max(21, { error: "must be a whole number from 1 to 21" }).meta({ description: "Most attempts in all (the first included). Default: the whole schedule." }).optional()
}).meta({
  description: "Retry a delivery the app did not accept, as the provider would; the report lists every attempt."
});
var overrideSchema = record(jsonPathKey, json()).meta({
  description: 'Values to set in the built-in body before signing, by JSON path, as `stripe trigger --override` does, e.g. {"$.data.object.amount": 500}. Each path must exist in the body.'
});
var eventItem = union(
  [
    string().min(1, { error: "must name an event, e.g. customer.subscription.created" }),
    strictObject({
      event: string({ error: "must name an event, e.g. customer.subscription.created" }).min(1, { error: "must name an event" }),
      override: overrideSchema.optional()
    })
  ],
  { error: "must be an event name, or a mapping with event (and override)" }
);
var captureSchema = record(
  string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, {
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
    request: string({ error: 'must be a method and a path, e.g. "GET /orders/${capture.id}"' }).regex(THEN_REQUEST, {
      error: 'must be a method (GET, HEAD, POST, PUT, PATCH, DELETE) and a path starting with "/", e.g. "GET /orders/${capture.id}"'
    }).meta({
      description: 'A request to the preview after the deliveries, e.g. "GET /orders/${capture.id}".'
    }),
    headers: record(
      string().regex(HEADER_NAME, { error: "must be a header name (letters, digits and !#$%&'*+-.^_`|~)" }),
      union([string(), number()], { error: "must be a text (or a number)" })
    ).meta({ description: "Request headers." }).optional(),
    "send-auth": boolean({ error: "must be true or false" }).meta({ description: "Send the preview's credentials (default true)." }).optional(),
    eventually: duration(
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
    string({ error: 'must be a GitHub event, or event.action, e.g. "pull_request.opened"' }).regex(/^[a-z_]+(?:\.[a-z_-]+)?$/, {
      error: 'must be a GitHub event, or event.action, e.g. "push", "pull_request.opened"'
    }),
    { error: "must be a list of GitHub events, e.g. [push, pull_request.opened]" }
  ).min(1, { error: "must list at least one event" }).meta({ description: "GitHub events (or event.action) that must have been delivered." }),
  within: duration("How long GitHub may take to deliver them (default 2m, at most 30m)").optional(),
  status: status2.optional()
}).meta({
  description: "After the test command: GitHub's own deliveries to the run's temporary webhook (github-webhook) must include these events, each answered 2xx (or `status`)."
});
var scenarioSchema = strictObject({
  name: string({ error: "must be a text naming the scenario" }).min(1, { error: "must not be empty" }).meta({ description: "Shown in reports; unique within the file." }),
  provider: _enum(SCENARIO_PROVIDERS, { error: `must be one of ${SCENARIO_PROVIDERS.join(", ")}` }).meta({ description: "Who sends the webhook: decides the signature and the headers." }).optional(),
  event: string({ error: 'must be a text naming the event or topic, e.g. "push", "orders/create"' }).min(1, { error: "must not be empty" }).meta({
    description: "Event or topic (X-GitHub-Event, X-Shopify-Topic, X-Gitlab-Event, Linear-Event); also picks the built-in example when there is no body."
  }).optional(),
  path: string({ error: 'must be a path starting with "/", e.g. /webhooks/github' }).regex(/^\/[^\s#]*$/, {
    error: 'must be a path starting with "/" without spaces or "#", e.g. /webhooks/github'
  }).meta({ description: "Path (and query) on the preview's public URL." }).optional(),
  method: _enum(["POST", "PUT", "PATCH"], { error: "must be POST, PUT or PATCH" }).meta({
    description: "Default POST. The gate lets only POST skip its sign-in on verify-webhooks paths: PUT and PATCH need send-auth."
  }).optional(),
  body: body.optional(),
  "content-type": string({ error: 'must be a media type, e.g. "application/json"' }).regex(/^[\w!#$&^.+-]+\/[\w!#$&^.+-]+(?:\s*;.*)?$/, {
    error: 'must be a media type, e.g. "application/json"'
  }).meta({ description: "Default: from the body (JSON, form or the example's)." }).optional(),
  headers: record(
    string().regex(HEADER_NAME, { error: "must be a header name (letters, digits and !#$%&'*+-.^_`|~)" }),
    union([string(), number()], { error: "must be a text (or a number)" })
  ).meta({ description: "Extra request headers, applied last (they can override the provider's)." }).optional(),
  "secret-env": envName(
    "Environment variable holding the provider's secret (never write the secret in the file). Not for discord."
  ).optional(),
  "public-key-env": envName(
    "discord only: the variable the run's generated public key (hex) is given to the app in. Default DISCORD_PUBLIC_KEY."
  ).optional(),
  expect: expectSchema.optional(),
  "expect-rejected": boolean({ error: "must be true or false" }).meta({ description: "Shorthand for expect.status [400, 401, 403]: the delivery must be refused." }).optional(),
  repeat: int({ error: "must be a whole number from 1 to 10000" }).min(1, { error: "must be a whole number from 1 to 10000" }).max(1e4, { error: "must be a whole number from 1 to 10000" }).meta({ description: "Deliveries to send (each signed on its own). Default 1." }).optional(),
  concurrency: int({ error: "must be a whole number from 1 to 256" }).min(1, { error: "must be a whole number from 1 to 256" }).max(256, { error: "must be a whole number from 1 to 256" }).meta({ description: "Deliveries of this scenario in flight at once. Default 1." }).optional(),
  "timestamp-offset": duration(
    "Added to the signed timestamp: negative sends a stale delivery",
    SIGNED_DURATION,
    'a signed duration, e.g. "-10m" (10 minutes old) or "+30s"',
    { unbounded: true }
  ).optional(),
  tamper: boolean({ error: "must be true or false" }).meta({ description: "Flip a byte of the body (GitLab: of the token) after signing." }).optional(),
  "send-auth": boolean({ error: "must be true or false" }).meta({
    description: "Also send the preview's credentials, for paths the gate does not verify (a real provider could not)."
  }).optional(),
  timeout: duration("Longest wait for each response", DURATION, DURATION_HELP, {
    positive: true
  }).optional(),
  oauth: oauthSchema.optional(),
  duplicate: boolean({ error: "must be true or false" }).meta({
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
  const relative = path_default.relative(cwd, path_default.resolve(cwd, file));
  const shown3 = relative === "" || relative.startsWith("..") || path_default.isAbsolute(relative) ? file : relative;
  return shown3.split(path_default.sep).join("/");
}
function loadScenarioFiles(files, options = {}) {
  const scenarios = [];
  const problems = [];
  for (const file of files) {
    const result = loadScenarioFile(file, options);
    for (const scenario of result.scenarios) scenarios.push(scenario);
    for (const problem of result.problems) problems.push(problem);
    if (scenarios.length > SCENARIO_LIMITS.scenarios) {
      problems.push({
        file: displayPath(file, options.cwd ?? process.cwd()),
        line: 1,
        column: 1,
        message: `brings the run to ${scenarios.length} scenarios; a run takes at most ${SCENARIO_LIMITS.scenarios}: split them over several runs`
      });
      return { scenarios: [], problems };
    }
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
  const absolute = path_default.resolve(cwd, file);
  const shown3 = displayPath(file, cwd);
  let text;
  const problem = (message) => ({
    scenarios: [],
    problems: [{ file: shown3, line: 1, column: 1, message }]
  });
  const size = statSync(absolute, { throwIfNoEntry: false })?.size ?? 0;
  if (size > SCENARIO_LIMITS.fileBytes)
    return problem(
      `the scenario file has ${size} bytes; at most ${SCENARIO_LIMITS.fileBytes} (1 MiB) are read: put large bodies in files of their own (body.file)`
    );
  try {
    text = readFileSync(absolute, "utf8");
  } catch (error) {
    const reason = error.code === "ENOENT" ? "does not exist" : "cannot be read";
    return {
      scenarios: [],
      problems: [{ file: shown3, line: 1, column: 1, message: `the scenario file ${reason} (${absolute})` }]
    };
  }
  return parseScenarioText(text, { ...options, file: shown3, dir: path_default.dirname(absolute) });
}
function parseScenarioText(text, options) {
  const lines = new import_yaml3.LineCounter();
  const doc = (0, import_yaml3.parseDocument)(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const ctx = new FileContext(doc, lines, options);
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const { line, col } = lines.linePos(error.pos[0]);
      ctx.problems.push({
        file: options.file,
        line: Math.max(line, 1),
        column: Math.max(col, 1),
        message: `the file is not valid YAML: ${error.message.split("\n")[0]}`
      });
    }
    return { scenarios: [], problems: ctx.problems };
  }
  let data;
  try {
    data = doc.toJS({ maxAliasCount: SCENARIO_LIMITS.aliases });
  } catch (error) {
    ctx.add([], `expands its YAML aliases (*name) too far: ${error.message}`, "value");
    return { scenarios: [], problems: ctx.problems };
  }
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
  if (shell.data.scenarios.length > SCENARIO_LIMITS.scenarios) {
    ctx.add(
      ["scenarios"],
      `lists ${shell.data.scenarios.length} scenarios; a run takes at most ${SCENARIO_LIMITS.scenarios}: split them over several runs`,
      "key"
    );
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
  githubEventProblem,
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
