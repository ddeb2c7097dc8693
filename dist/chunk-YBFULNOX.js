import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import {
  GitHubApiError
} from "./chunk-APRB5VJX.js";
import {
  ENVIRONMENT_MAX
} from "./chunk-MTL5JJZW.js";
import {
  execFile
} from "./chunk-TATCJCUR.js";
import {
  readFileSync
} from "./chunk-RIQZ67RY.js";
import {
  errorMessage,
  sleep
} from "./chunk-S4FSG2IO.js";

// src/github/context.ts
var PR_EVENTS_WITH_READ_ONLY_FORK_TOKEN = /* @__PURE__ */ new Set([
  "pull_request",
  "pull_request_review",
  "pull_request_review_comment"
]);
function readRunRepository(env, deps) {
  const run = readRun(env, deps);
  if (run === void 0) return void 0;
  return {
    repo: { owner: run.owner, repo: run.repo },
    isPrivate: isPrivateRepository(run.event),
    pullRequestAuthor: pullRequestOf(run.event, `${run.owner}/${run.repo}`)?.author
  };
}
function readRun(env, deps) {
  const [owner, repo, ...rest] = (env.GITHUB_REPOSITORY ?? "").split("/");
  if (!owner || !repo || rest.length > 0) return void 0;
  return { owner, repo, event: readEvent(env.GITHUB_EVENT_PATH, deps) };
}
function isPrivateRepository(event) {
  return booleanAt(event, "repository", "private") === true;
}
async function readPublishContext(env, deps) {
  const run = readRun(env, deps);
  if (run === void 0) return void 0;
  const { owner, repo, event } = run;
  const eventName = env.GITHUB_EVENT_NAME ?? "";
  const serverUrl = (env.GITHUB_SERVER_URL || "https://github.com").replace(/\/+$/, "");
  const apiUrl = (env.GITHUB_API_URL || "https://api.github.com").replace(/\/+$/, "");
  const githubSha = env.GITHUB_SHA ?? "";
  const pullRequest = pullRequestOf(event, `${owner}/${repo}`);
  const sha = pullRequest?.headSha || githubSha;
  const head = await (deps.gitHead ?? (() => gitHead(env.GITHUB_WORKSPACE)))().catch(() => void 0);
  if (eventName === "pull_request_target" && pullRequest && head) {
    const mergeSha = stringAt(event, "pull_request", "merge_commit_sha");
    if (head === pullRequest.headSha || mergeSha !== void 0 && head === mergeSha) {
      deps.logger.warning(
        `DANGER: this workflow runs on "pull_request_target" and the workspace has the pull request's own code checked out (${head.slice(0, 7)}). That code now runs with this repository's secrets and a write token, so anyone who can open a pull request can take them. Run previews of pull request code on "pull_request" instead; its token is read-only on pull requests from forks, and preview-tunnel then skips publishing.`
      );
    }
  }
  const servedSha = head || githubSha || sha;
  const runId = env.GITHUB_RUN_ID ?? "";
  const attempt = Number(env.GITHUB_RUN_ATTEMPT ?? "1");
  const runUrl = `${serverUrl}/${owner}/${repo}/actions/runs/${runId}${attempt > 1 ? `/attempts/${attempt}` : ""}`;
  return {
    eventName,
    repo: { owner, repo },
    serverUrl,
    apiUrl,
    pullRequest,
    sha,
    servedSha,
    servedIsTestMerge: pullRequest !== void 0 && servedSha === githubSha && servedSha !== pullRequest.headSha && eventName === "pull_request",
    ref: pullRequest?.headRef || env.GITHUB_REF_NAME || (env.GITHUB_REF ?? "").replace(/^refs\/(heads|tags)\//, ""),
    isPrivate: isPrivateRepository(event),
    runUrl
  };
}
function tokenReadOnlyForFork(context) {
  return context.pullRequest?.fromFork === true && PR_EVENTS_WITH_READ_ONLY_FORK_TOKEN.has(context.eventName);
}
function readEvent(path, deps) {
  if (!path) return {};
  try {
    return JSON.parse((deps.readFile ?? ((p) => readFileSync(p, "utf8")))(path));
  } catch (error) {
    deps.logger.warning(
      `Could not read the event payload ${path} (${error instanceof Error ? error.message : String(error)}); publishing as if there were no pull request.`
    );
    return {};
  }
}
function pullRequestOf(event, baseRepo) {
  const number = valueAt(event, "pull_request", "number");
  const headSha = stringAt(event, "pull_request", "head", "sha");
  if (typeof number !== "number" || !headSha) return void 0;
  const headRepo = stringAt(event, "pull_request", "head", "repo", "full_name");
  const base = stringAt(event, "pull_request", "base", "repo", "full_name") ?? baseRepo;
  return {
    number,
    headSha,
    headRef: stringAt(event, "pull_request", "head", "ref") ?? "",
    baseRef: stringAt(event, "pull_request", "base", "ref") ?? "",
    // A deleted head repository shows as null: treat it as a fork (the safe side).
    fromFork: headRepo === void 0 || headRepo.toLowerCase() !== base.toLowerCase(),
    author: stringAt(event, "pull_request", "user", "login")
  };
}
function valueAt(value, ...keys) {
  let current = value;
  for (const key of keys) {
    if (typeof current !== "object" || current === null) return void 0;
    current = current[key];
  }
  return current;
}
function stringAt(value, ...keys) {
  const found = valueAt(value, ...keys);
  return typeof found === "string" ? found : void 0;
}
function booleanAt(value, ...keys) {
  const found = valueAt(value, ...keys);
  return typeof found === "boolean" ? found : void 0;
}
function gitHead(cwd) {
  return new Promise((resolve) => {
    execFile("git", ["rev-parse", "HEAD"], { cwd: cwd || process.cwd(), timeout: 5e3 }, (error, stdout) => {
      const sha = stdout.trim();
      resolve(error || !/^[0-9a-f]{40,64}$/.test(sha) ? void 0 : sha);
    });
  });
}

// src/github/deployment.ts
var DESCRIPTION_MAX = 140;
function environmentName(template, context) {
  const ref = slug(context.ref) || "unknown";
  const base = context.pullRequest === void 0 && template.includes("<number>") ? "preview-<ref>" : template.replaceAll("<number>", String(context.pullRequest?.number ?? ""));
  const room = ENVIRONMENT_MAX - base.replaceAll("<ref>", "").length;
  const refs = base.split("<ref>").length - 1;
  const fitted = refs > 0 ? ref.slice(0, Math.max(1, Math.floor(room / refs))) : ref;
  return base.replaceAll("<ref>", fitted).slice(0, ENVIRONMENT_MAX);
}
function slug(ref) {
  return ref.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/-{2,}/g, "-").replace(/^[-.]+|[-.]+$/g, "");
}
var PreviewDeployment = class {
  constructor(options) {
    this.options = options;
    this.id = options.deploymentId;
  }
  options;
  id;
  last;
  get deploymentId() {
    return this.id;
  }
  get state() {
    return this.last;
  }
  /** Creates the deployment once; later calls return the same id. */
  async create(description) {
    if (this.id !== void 0) return this.id;
    const { id } = await this.options.api.createDeployment(this.options.repo, {
      ref: this.options.sha,
      environment: this.options.environment,
      description: shorten(description)
    });
    this.id = id;
    return id;
  }
  /**
   * Posts a status, creating the deployment first if needed. Repeating the current state
   * and anything after `inactive` are no-ops (inactive is final for this run).
   */
  async status(state, details) {
    if (this.last === state || this.last === "inactive") return;
    if (this.id === void 0) {
      if (state === "inactive") return;
      await this.create(details.description);
    }
    await this.options.api.createDeploymentStatus(this.options.repo, this.id, {
      state,
      description: shorten(details.description),
      logUrl: this.options.logUrl,
      environmentUrl: details.environmentUrl
    });
    this.last = state;
  }
};
function shorten(text) {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= DESCRIPTION_MAX ? flat : `${flat.slice(0, DESCRIPTION_MAX - 1)}\u2026`;
}

// src/github/comment-body.ts
var COMMENT_LIMIT = 65536;
function commentMarker(key) {
  return `<!-- preview-tunnel:${key} -->`;
}
var FIELD_MAX = 1e3;
var FAILURE_OVERHEAD = 400;
function renderComment(view) {
  const failure = view.failure === void 0 ? void 0 : stripAnsi(view.failure);
  const full = render(view, failure, void 0);
  if (failure === void 0 || fits(full)) return full;
  const budget = COMMENT_LIMIT - bytes(render(view, "", void 0)) - FAILURE_OVERHEAD;
  const cut = cutMiddle(failure, Math.max(0, budget));
  const shortened = render(view, cut.text, cut.omitted);
  return fits(shortened) ? shortened : render(view, void 0, void 0);
}
function render(view, failure, omitted) {
  const { owner, repo } = view.repo;
  const commitUrl = (sha) => `${view.serverUrl}/${owner}/${repo}/commit/${sha}`;
  const shaLink = (sha) => `[\`${sha.slice(0, 7)}\`](${safeHref(commitUrl(sha))})`;
  const rows = [];
  const url = view.url ? safeHref(view.url) : void 0;
  if (view.url && view.urlUnverified) {
    rows.push([
      "URL",
      `\`${cell(view.url)}\` \u26A0\uFE0F not a link: its host is not a known tunnel domain, so it may not be the preview. Open it only if you trust the pull request's author.`
    ]);
  } else if (url) {
    rows.push([
      "URL",
      view.phase === "stopped" ? `\`${cell(url)}\` (no longer reachable)` : `[${cell(url)}](${url})`
    ]);
  }
  if (view.inspectorUrl && view.phase !== "stopped" && !view.urlUnverified) {
    rows.push(["Requests", `[live inspector](${safeHref(view.inspectorUrl)}) (same sign-in as the preview)`]);
  }
  if (view.services && view.services.length > 0) rows.push(["Services", servicesText(view.services)]);
  if (view.tests) rows.push(["Tests", testsText(view.tests)]);
  if (view.servedSha) {
    rows.push([
      "Commit",
      view.merge ? `${shaLink(view.servedSha)} (GitHub's test merge of ${shaLink(view.merge.headSha)} into \`${cell(view.merge.baseRef)}\`)` : shaLink(view.servedSha)
    ]);
  }
  if (view.provider) rows.push(["Tunnel", `\`${cell(view.provider)}\``]);
  rows.push(["Run", `[workflow run](${safeHref(view.runUrl)})`]);
  const lines = [
    commentMarker(view.key),
    `### ${heading(view)}`,
    "",
    ...view.fork ? [forkNotice(view.fork.repository), ""] : [],
    "| | |",
    "| --- | --- |",
    ...rows.map(([name, value]) => `| **${name}** | ${value} |`),
    ""
  ];
  if (view.signIn && view.phase !== "stopped") lines.push(signInText(view.signIn, view.isPrivate), "");
  if (failure !== void 0) {
    const fence = fenceFor(failure);
    lines.push(
      "<details><summary>What went wrong</summary>",
      "",
      `${fence}text`,
      failure,
      fence,
      "",
      ...omitted ? [`*${omitted} characters were cut from the middle; the run's log has all of it.*`, ""] : [],
      "</details>",
      ""
    );
  }
  lines.push(
    `<sub>Updated ${formatTime(view.updatedAt)} by preview-tunnel; this comment is updated in place.</sub>`
  );
  return `${lines.join("\n")}
`;
}
function heading(view) {
  switch (view.phase) {
    case "starting":
      return "\u23F3 Preview starting";
    case "live":
      return "\u{1F7E2} Preview is live";
    case "failed":
      return "\u274C Preview failed";
    case "stopped": {
      const at = view.stoppedAt ? ` at ${formatTime(view.stoppedAt)}` : "";
      return view.failure === void 0 ? `\u26AA Preview stopped${at}` : `\u274C Preview failed, stopped${at}`;
    }
  }
}
function forkNotice(repository) {
  return [
    "> [!CAUTION]",
    `> This preview runs code from the fork \`${cell(repository)}\`, which the maintainers may not have reviewed. Do not sign in with real credentials or enter anything secret. The preview ran in the pull request's own workflow run; this comment was written from its status reports by the relay workflow.`
  ].join("\n");
}
function servicesText(services) {
  return services.map(
    (s) => s.path === void 0 ? `\`${cell(s.name)}\` (no requests)` : `\`${cell(s.path)}\` \u2192 \`${cell(s.name)}\``
  ).join(", ");
}
function testsText({ passed, total }) {
  return passed === total ? `\u2705 tests passed ${passed} of ${total}` : `\u274C tests failed: ${passed} of ${total} passed`;
}
function signInText(signIn, isPrivate) {
  const parts = [`**Signing in:** ${inline(signIn.method)}.`];
  if (signIn.noCredentials) {
    parts.push("Open the URL and sign in with your GitHub account; there is no password to share.");
    return parts.join(" ");
  }
  const oneClick = signIn.oneClickUrl ? safeHref(signIn.oneClickUrl) : void 0;
  if (isPrivate && oneClick) {
    parts.push(
      `[Sign in with one click](${oneClick}) (the link carries a credential; keep it inside the team).`
    );
  } else {
    parts.push(
      isPrivate ? "Credentials are not posted here." : "Credentials are not posted here: this repository is public, and anyone can read its pull request comments."
    );
  }
  parts.push(
    signIn.where ? `They are in ${inline(signIn.where)}.` : "Ask the pull request's author or a maintainer of this repository for them."
  );
  return parts.join(" ");
}
function inline(text) {
  const flat = text.replace(/\s+/g, " ").trim();
  const capped = flat.length > FIELD_MAX ? `${flat.slice(0, FIELD_MAX)}\u2026` : flat;
  return capped.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
function cell(text) {
  return inline(text).replace(/\|/g, "\\|").replace(/`/g, "'");
}
function safeHref(raw) {
  try {
    const url = new URL(raw);
    if (url.protocol !== "http:" && url.protocol !== "https:") return "#";
    const href = url.href;
    if (href.length > FIELD_MAX * 2) return "#";
    return href.replace(
      /[|()<> ]/g,
      (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`
    );
  } catch {
    return "#";
  }
}
function fenceFor(text) {
  const longest = Math.max(0, ...Array.from(text.matchAll(/`+/g), (m) => m[0].length));
  return "`".repeat(Math.max(3, longest + 1));
}
function stripAnsi(text) {
  return text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, "");
}
function cutMiddle(text, maxBytes) {
  if (bytes(text) <= maxBytes) return { text, omitted: 0 };
  const headBytes = Math.min(Math.floor(maxBytes / 4), 2e3);
  const head = firstBytes(text, headBytes);
  const tail = lastBytes(text, maxBytes - bytes(head) - 8);
  const omitted = Array.from(text).length - Array.from(head).length - Array.from(tail).length;
  return { text: `${head}
[\u2026]
${tail}`, omitted };
}
function firstBytes(text, max) {
  const buffer = Buffer.from(text, "utf8");
  if (buffer.length <= max) return text;
  let end = Math.max(0, max);
  while (end > 0 && isContinuation(buffer[end])) end--;
  return buffer.subarray(0, end).toString("utf8");
}
function lastBytes(text, max) {
  const buffer = Buffer.from(text, "utf8");
  if (buffer.length <= max) return text;
  let start = buffer.length - Math.max(0, max);
  while (start < buffer.length && isContinuation(buffer[start])) start++;
  return buffer.subarray(start).toString("utf8");
}
function isContinuation(byte) {
  return byte !== void 0 && (byte & 192) === 128;
}
function bytes(text) {
  return Buffer.byteLength(text, "utf8");
}
function fits(body) {
  return bytes(body) <= COMMENT_LIMIT;
}
function formatTime(date) {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

// src/github/comment.ts
var ACTIONS_BOT = "github-actions[bot]";
var StickyComment = class {
  constructor(options) {
    this.options = options;
    this.id = options.commentId;
  }
  options;
  id;
  get commentId() {
    return this.id;
  }
  /**
   * Shows `body`: updates this run's comment, or on the first call deals with earlier ones
   * as the mode says. Throws GitHubApiError when the comment itself cannot be written;
   * trouble with earlier comments is only a warning.
   */
  async publish(body) {
    if (this.id !== void 0) {
      try {
        return (await this.options.api.updateIssueComment(this.options.repo, this.id, body)).id;
      } catch (error) {
        if (!(error instanceof GitHubApiError && error.status === 404)) throw error;
        this.options.logger.info("The preview comment was deleted; posting it again.");
        return this.create(body);
      }
    }
    const earlier = await this.earlierComments();
    const { api, repo, mode, logger } = this.options;
    const first = earlier[0];
    if (mode === "update" && first) {
      if (earlier.length > 1)
        logger.debug(`${earlier.length} earlier preview comments; updating the oldest.`);
      this.id = first.id;
      return (await api.updateIssueComment(repo, first.id, body)).id;
    }
    const id = await this.create(body);
    if (mode === "recreate") await this.deleteAll(earlier);
    if (mode === "minimize-old") await this.minimizeAll(earlier);
    return id;
  }
  async create(body) {
    const created = await this.options.api.createIssueComment(
      this.options.repo,
      this.options.issueNumber,
      body
    );
    this.id = created.id;
    return created.id;
  }
  /** Our own earlier comments with this key, oldest first. */
  async earlierComments() {
    const { api, repo, issueNumber, key } = this.options;
    const login = await this.ownLogin();
    const marker = commentMarker(key);
    const comments = await api.listIssueComments(repo, issueNumber);
    const marked = comments.filter((c) => c.body.includes(marker));
    const ours = marked.filter((c) => c.author !== void 0 && sameLogin(c.author, login));
    if (ours.length < marked.length) {
      this.options.logger.debug(
        `Ignoring ${marked.length - ours.length} comment(s) carrying the preview marker that ${login} did not write.`
      );
    }
    return ours;
  }
  /**
   * GraphQL `viewer { login }` works for personal tokens, GitHub App installation tokens and
   * the default GITHUB_TOKEN alike (REST GET /user refuses installation tokens). If it fails
   * anyway, assume the default token, the common case: a wrong guess only means a new
   * comment instead of an update, never someone else's comment changed (GitHub refuses it).
   */
  async ownLogin() {
    try {
      return await this.options.api.viewerLogin();
    } catch (error) {
      if (error instanceof GitHubApiError && error.forbidden) throw error;
      this.options.logger.debug(
        `${error instanceof Error ? error.message : String(error)}; assuming the token is ${ACTIONS_BOT}.`
      );
      return ACTIONS_BOT;
    }
  }
  async deleteAll(comments) {
    for (const comment of comments) {
      try {
        await this.options.api.deleteIssueComment(this.options.repo, comment.id);
      } catch (error) {
        this.options.logger.warning(`${error.message} (comment ${comment.id}).`);
      }
    }
  }
  async minimizeAll(comments) {
    if (comments.length === 0) return;
    const { api, logger } = this.options;
    const already = await api.minimizedComments(comments.map((c) => c.nodeId)).catch((error) => {
      logger.debug(`${error.message}; minimizing all earlier comments.`);
      return /* @__PURE__ */ new Set();
    });
    for (const comment of comments) {
      if (already.has(comment.nodeId)) continue;
      try {
        await api.minimizeComment(comment.nodeId);
      } catch (error) {
        logger.warning(`${error.message} (comment ${comment.id}).`);
      }
    }
  }
};
function sameLogin(a, b) {
  const norm = (login) => login.toLowerCase().replace(/\[bot\]$/, "");
  const botA = /\[bot\]$/i.test(a);
  const botB = /\[bot\]$/i.test(b);
  if (botA === botB) return a.toLowerCase() === b.toLowerCase();
  return norm(a) === norm(b);
}

// src/github/publisher.ts
var SNAPSHOT_FAILURE_MAX = 4e3;
var Publisher = class {
  constructor(options) {
    this.options = options;
    const { api, context, settings, logger, resume } = options;
    this.now = options.now ?? (() => /* @__PURE__ */ new Date());
    if (resume) {
      this.phase = resume.phase;
      this.url = resume.url;
      this.urlUnverified = resume.urlUnverified === true;
      this.provider = resume.provider;
      this.tests = resume.tests;
      this.failure = resume.failure;
      this.signIn = resume.signIn;
      this.services = resume.services;
    }
    const wanted = settings.comment || settings.deployment;
    if (!context) {
      if (wanted) logger.debug("Not in a GitHub Actions run: nothing is published to GitHub.");
      return;
    }
    if (!api) {
      if (wanted) {
        logger.warning(
          'No GitHub token (input "github-token" is empty): the preview is not published as a PR comment or deployment.'
        );
      }
      return;
    }
    if (tokenReadOnlyForFork(context)) {
      if (wanted) {
        logger.warning(
          "This pull request comes from a fork, so the workflow's token is read-only: the preview is not published as a PR comment or deployment. The preview and the tests run as usual; the URL is in the step's `url` output and the job summary."
        );
      }
      return;
    }
    if (settings.comment && context.pullRequest) {
      this.enabled.comment = true;
      this.comment = new StickyComment({
        api,
        repo: context.repo,
        issueNumber: context.pullRequest.number,
        key: settings.commentKey,
        mode: settings.commentMode,
        logger,
        commentId: resume?.commentId
      });
    } else if (settings.comment) {
      logger.debug(`No pull request on "${context.eventName}": no PR comment.`);
    }
    if (settings.deployment) {
      this.enabled.deployment = true;
      this.environment = environmentName(settings.environment, context);
      this.deployment = new PreviewDeployment({
        api,
        repo: context.repo,
        sha: context.sha,
        environment: this.environment,
        logUrl: context.runUrl,
        deploymentId: resume?.deploymentId
      });
    }
  }
  options;
  enabled = { comment: false, deployment: false };
  comment;
  deployment;
  environment;
  now;
  queue = Promise.resolve();
  lastRecord = "";
  lastView = "";
  phase;
  url;
  urlUnverified = false;
  provider;
  signIn;
  inspectorUrl;
  tests;
  failure;
  stoppedAt;
  services;
  /** Comment and deployment ids so far (undefined for what does not exist). */
  get record() {
    const deploymentId = this.deployment?.deploymentId;
    return {
      commentId: this.comment?.commentId,
      deploymentId,
      environment: deploymentId === void 0 ? void 0 : this.environment
    };
  }
  snapshot() {
    return {
      ...this.record,
      phase: this.phase,
      url: this.url,
      urlUnverified: this.urlUnverified || void 0,
      provider: this.provider,
      tests: this.tests,
      failure: this.failure?.slice(-SNAPSHOT_FAILURE_MAX),
      signIn: this.signIn && {
        method: this.signIn.method,
        where: this.signIn.where,
        noCredentials: this.signIn.noCredentials
      },
      services: this.services
    };
  }
  /** The app is booting: deployment in_progress, comment "starting". */
  starting() {
    return this.step(() => {
      if (this.phase !== void 0) return void 0;
      this.phase = "starting";
      return { state: "in_progress", description: "Starting the preview" };
    });
  }
  /**
   * The preview is reachable: deployment success with its URL, comment "live". With
   * `linkUrl: false` (a URL the relay cannot vouch for) the comment shows the URL as text only
   * and the deployment gets none.
   */
  live(info) {
    return this.step(() => {
      if (this.phase === "stopped") return void 0;
      this.phase = "live";
      this.url = info.url;
      this.urlUnverified = info.linkUrl === false;
      this.provider = info.provider;
      this.signIn = info.signIn;
      this.inspectorUrl = info.inspectorUrl;
      this.services = info.services;
      return {
        state: "success",
        description: `Preview via ${info.provider}`,
        environmentUrl: this.urlUnverified || !info.url ? void 0 : info.url
      };
    });
  }
  /** Test results: shown in the comment (the deployment stays as it is). */
  testsDone(result) {
    return this.step(() => {
      if (this.phase === "stopped") return void 0;
      this.tests = { passed: result.passed, total: result.total };
      return "comment-only";
    });
  }
  /**
   * The run failed: deployment `failure` if the preview never came up, `error` if it broke
   * after it was live; the comment shows the reason. Teardown then calls stopped().
   */
  failed(reason) {
    return this.step(() => {
      if (this.phase === "stopped") return void 0;
      const wasLive = this.phase === "live";
      this.phase = "failed";
      this.failure = reason;
      return {
        state: wasLive ? "error" : "failure",
        description: reason.split("\n")[0] ?? "The run failed"
      };
    });
  }
  /** Teardown is done: deployment inactive, comment "stopped at <time>". Final. */
  stopped() {
    return this.step(() => {
      if (this.phase === "stopped") return void 0;
      this.phase = "stopped";
      this.stoppedAt = this.now();
      return { state: "inactive", description: "Preview stopped" };
    });
  }
  /** Waits for every call so far (e.g. before the process exits). */
  settled() {
    return this.queue;
  }
  /**
   * Runs calls one after another (so statuses arrive in order even if the caller does not
   * await), after `change` updated the state. `change` returns the deployment status to
   * post, "comment-only", or undefined for "nothing changed".
   */
  step(change) {
    const run = async () => {
      const status = change();
      if (status === void 0) return;
      if (status !== "comment-only") {
        const { deployment } = this;
        if (deployment) {
          await this.attempt(
            "deployment",
            () => deployment.status(status.state, {
              description: this.scrub(status.description),
              environmentUrl: status.environmentUrl && this.scrub(status.environmentUrl)
            })
          );
        }
      }
      await this.updateComment();
    };
    this.queue = this.queue.then(run).catch((error) => {
      this.options.logger.warning(`Publishing the preview failed: ${errorMessage(error)}`);
    });
    return this.queue;
  }
  async updateComment() {
    const { comment } = this;
    const context = this.options.context;
    if (!comment || !context || this.phase === void 0) return;
    const view = this.view(context, this.phase);
    const signature = JSON.stringify({ ...view, updatedAt: void 0 });
    if (signature === this.lastView) return;
    const body = renderComment(view);
    await this.attempt("comment", async () => {
      await comment.publish(body);
      this.lastView = signature;
    });
  }
  view(context, phase) {
    const pr = context.pullRequest;
    const signIn = this.signIn && {
      method: this.scrub(this.signIn.method),
      where: this.signIn.where === void 0 ? void 0 : this.scrub(this.signIn.where),
      // The one credential allowed out, and only where the audience is the repository's.
      oneClickUrl: context.isPrivate ? this.signIn.oneClickUrl : void 0,
      noCredentials: this.signIn.noCredentials
    };
    return {
      key: this.options.settings.commentKey,
      phase,
      url: this.url && this.scrub(this.url),
      provider: this.provider && this.scrub(this.provider),
      tests: this.tests,
      failure: this.failure === void 0 ? void 0 : this.scrub(this.failure),
      stoppedAt: this.stoppedAt,
      updatedAt: this.now(),
      serverUrl: context.serverUrl,
      repo: context.repo,
      servedSha: context.servedSha,
      merge: pr && context.servedIsTestMerge ? { headSha: pr.headSha, baseRef: pr.baseRef } : void 0,
      runUrl: context.runUrl,
      signIn,
      isPrivate: context.isPrivate,
      fork: this.options.fork,
      urlUnverified: this.urlUnverified,
      inspectorUrl: this.inspectorUrl && this.scrub(this.inspectorUrl),
      services: this.services
    };
  }
  async attempt(channel, call) {
    if (!this.enabled[channel]) return;
    const { logger } = this.options;
    try {
      await call();
    } catch (error) {
      if (error instanceof GitHubApiError && error.forbidden) {
        this.enabled[channel] = false;
        logger.warning(forbiddenMessage(channel, error));
        try {
          this.options.onForbidden?.(channel);
        } catch (hookError) {
          logger.warning(`After GitHub refused ${channel}: ${errorMessage(hookError)}`);
        }
      } else {
        logger.warning(`Publishing the preview: ${this.scrub(errorMessage(error))}`);
      }
    } finally {
      this.emitRecord();
    }
  }
  /** Tells onRecord whenever what another process would need to carry on has changed. */
  emitRecord() {
    const record = this.record;
    const key = JSON.stringify(this.snapshot());
    if (key === this.lastRecord) return;
    this.lastRecord = key;
    try {
      this.options.onRecord?.(record);
    } catch (error) {
      this.options.logger.warning(`Could not save what was published: ${errorMessage(error)}`);
    }
  }
  scrub(text) {
    return this.options.redact ? this.options.redact(text) : text;
  }
};
function forbiddenMessage(channel, error) {
  const what = channel === "comment" ? "the PR comment" : "the deployment";
  const permission = channel === "comment" ? "pull-requests: write" : "deployments: write";
  const fix = error.status === 401 ? 'The token was rejected: check the "github-token" input.' : `The token needs \`${permission}\`: add it to the job's \`permissions:\` (on pull requests from forks and from Dependabot the token is read-only, so this is expected there).`;
  return `GitHub refused ${what} (${error.message}). ${fix} Skipping ${what} for the rest of this run; the preview and the tests carry on.`;
}

// src/github/webhook-marker.ts
var MARKER_PARAM = "preview-tunnel-hook";
function markerPart(text) {
  const clean = text.replace(/[^A-Za-z0-9_.-]+/g, "-").replace(/^-+|-+$/g, "");
  return (clean || "preview").slice(0, 100);
}
function markedUrl(publicUrl, path, marker) {
  const url = new URL(publicUrl.replace(/\/+$/, "") + (path.startsWith("/") ? path : `/${path}`));
  url.searchParams.set(MARKER_PARAM, `${markerPart(marker.scope)}~${markerPart(marker.run)}`);
  return url.href;
}
function readMarker(hookUrl) {
  let value;
  try {
    value = new URL(hookUrl).searchParams.get(MARKER_PARAM);
  } catch {
    return void 0;
  }
  const m = value === null ? null : /^([A-Za-z0-9_.-]+)~([A-Za-z0-9_.-]+)$/.exec(value);
  return m ? { scope: m[1], run: m[2] } : void 0;
}
function withoutMarker(hookUrl) {
  try {
    const url = new URL(hookUrl);
    url.searchParams.delete(MARKER_PARAM);
    return url.href;
  } catch {
    return hookUrl;
  }
}

// src/github/webhook-hook.ts
var DEFAULT_STALE_AFTER_MS = 24 * 60 * 60 * 1e3;
var DEFAULT_PING_TIMEOUT_MS = 6e4;
var DEFAULT_PING_REDELIVERIES = 2;
var LOG_LIMIT = 100;
var EXCERPT = 300;
async function removeHook(api, repo, hookId, logger) {
  const where = `${repo.owner}/${repo.repo}`;
  try {
    const outcome = await api.deleteHook(repo, hookId);
    logger.info(
      outcome === "deleted" ? `Deleted the temporary webhook ${hookId} of ${where}.` : `The temporary webhook ${hookId} of ${where} was already gone.`
    );
    return true;
  } catch (error) {
    logger.warning(
      `Could not delete the temporary webhook ${hookId} of ${where}: ${errorMessage(error)}. A later run deletes it (its URL carries a preview-tunnel marker), or delete it under Settings \u2192 Webhooks.`
    );
    return false;
  }
}
var ok2xx = (code) => code >= 200 && code < 300;
function webhookHooks(options) {
  const { api, repo, logger, marker } = options;
  const now = options.now ?? Date.now;
  const staleAfter = options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS;
  const where = `${repo.owner}/${repo.repo}`;
  const remove = (hookId) => removeHook(api, repo, hookId, logger);
  const sweep = async () => {
    let hooks;
    try {
      hooks = await api.listHooks(repo);
    } catch (error) {
      if (error instanceof GitHubApiError && [401, 403, 404].includes(error.status ?? 0))
        return { deleted: [], refused: errorMessage(error) };
      logger.warning(`Could not look for webhooks earlier runs left behind: ${errorMessage(error)}`);
      return { deleted: [] };
    }
    const deleted = [];
    for (const hook of hooks) {
      const found = readMarker(hook.url);
      if (found === void 0 || found.scope === marker.scope && found.run === marker.run) continue;
      const age = now() - Date.parse(hook.createdAt);
      const why = found.scope === marker.scope ? "an earlier run of this preview" : age > staleAfter ? `a run ${Math.round(age / 36e5)} h ago` : void 0;
      if (why === void 0) continue;
      const url = withoutMarker(hook.url);
      if (await remove(hook.id)) deleted.push({ id: hook.id, url, why });
    }
    if (deleted.length > 0) {
      logger.info(
        `Deleted ${deleted.length} webhook(s) earlier runs left behind: ${deleted.map((d) => `${d.id} (${d.why})`).join(", ")}.`
      );
    }
    return { deleted };
  };
  const create = async (hook) => {
    const url = markedUrl(hook.publicUrl, hook.path, marker);
    const created = await api.createHook(repo, { url, secret: hook.secret, events: hook.events });
    logger.info(
      `Created a temporary webhook (${created.id}) on ${where} for ${hook.events.join(", ")} \u2192 ${withoutMarker(url)}`
    );
    return { id: created.id, url: withoutMarker(url) };
  };
  const repoint = async (hookId, hook) => {
    const url = markedUrl(hook.publicUrl, hook.path, marker);
    await api.updateHookUrl(repo, hookId, { url, secret: hook.secret });
    logger.info(`Pointed the temporary webhook ${hookId} of ${where} at ${withoutMarker(url)}`);
    return { id: hookId, url: withoutMarker(url) };
  };
  const deliveries = (hookId) => api.listDeliveries(repo, hookId, LOG_LIMIT);
  const waitForPing = async (hookId, wait = {}) => {
    const timeoutMs = wait.timeoutMs ?? DEFAULT_PING_TIMEOUT_MS;
    let redeliveries = wait.redeliveries ?? DEFAULT_PING_REDELIVERIES;
    const deadline = now() + timeoutMs;
    let pause = options.pollMs ?? 250;
    const maxLooks = Math.ceil(timeoutMs / (options.pollMs ?? 250)) + 5;
    let seen = 0;
    let attempts = 0;
    let latest;
    for (let look = 0; look < maxLooks; look++) {
      if (wait.signal?.aborted) break;
      const pings = (await deliveries(hookId)).filter((d) => d.event === "ping");
      attempts = pings.length;
      latest = pings[0];
      if (latest !== void 0 && pings.length > seen) {
        seen = pings.length;
        if (ok2xx(latest.statusCode)) {
          return {
            ok: true,
            statusCode: latest.statusCode,
            durationMs: latest.durationMs,
            attempts,
            message: `GitHub's ping reached the app: ${latest.statusCode} in ${latest.durationMs} ms.`
          };
        }
        if (latest.statusCode !== 0 || redeliveries === 0) break;
        redeliveries--;
        logger.info(`GitHub could not deliver the ping (${latest.status}); asking it to redeliver.`);
        await api.redeliver(repo, hookId, latest.id);
      }
      if (now() >= deadline) break;
      await sleep(Math.min(pause, Math.max(0, deadline - now())), wait.signal);
      pause = Math.min(pause * 1.5, 2e3);
    }
    return failedPing(hookId, latest, attempts, timeoutMs);
  };
  const failedPing = async (hookId, latest, attempts, timeoutMs) => {
    if (latest === void 0) {
      return {
        ok: false,
        reason: "no-ping",
        statusCode: void 0,
        durationMs: void 0,
        status: void 0,
        response: void 0,
        attempts,
        message: `GitHub's delivery log of the webhook showed no ping within ${timeoutMs / 1e3} s.`
      };
    }
    if (latest.statusCode === 0) {
      return {
        ok: false,
        reason: "unreachable",
        statusCode: 0,
        durationMs: latest.durationMs,
        status: latest.status,
        response: void 0,
        attempts,
        message: `GitHub could not reach the preview (${latest.status}${attempts > 1 ? `, ${attempts} attempts` : ""}): the tunnel's public URL did not answer GitHub.`
      };
    }
    let response;
    try {
      const body = (await api.getDelivery(repo, hookId, latest.id)).responseBody?.trim();
      response = body === void 0 ? void 0 : body.length > EXCERPT ? `${body.slice(0, EXCERPT)}\u2026` : body;
    } catch (error) {
      logger.debug(`Could not read the failed ping's response: ${errorMessage(error)}`);
    }
    return {
      ok: false,
      reason: "app",
      statusCode: latest.statusCode,
      durationMs: latest.durationMs,
      status: latest.status,
      response,
      attempts,
      message: `GitHub's ping got ${latest.statusCode} from the app (in ${latest.durationMs} ms)${response ? `: ${response}` : ""}. The app must answer 2xx to GitHub's deliveries; check that it verifies X-Hub-Signature-256 with the secret it was given.`
    };
  };
  return { sweep, create, repoint, waitForPing, deliveries, remove };
}

// src/github/index.ts
async function loadGitHubApi(options) {
  return (await import("./client-3RDFNF3D.js")).createGitHubApi(options);
}
async function loadGitHubClient() {
  return import("./client-3RDFNF3D.js");
}
async function loadHooksApi(options) {
  return (await import("./hooks-client-BDLJHHRU.js")).createHooksApi(options);
}

export {
  readRunRepository,
  readPublishContext,
  tokenReadOnlyForFork,
  environmentName,
  Publisher,
  removeHook,
  webhookHooks,
  loadGitHubApi,
  loadGitHubClient,
  loadHooksApi
};
