/**
 * The relay against the fake GitHub: statuses uploaded by the real @actions/artifact client
 * (fork side), listed, downloaded and read through the REST API, and published through the real
 * Octokit client. Hostile artifacts are uploaded the way a fork's modified workflow could.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DefaultArtifactClient } from "@actions/artifact";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createGitHubApi } from "../../src/github/client.js";
import type { PublishContext } from "../../src/github/context.js";
import { Publisher } from "../../src/github/publisher.js";
import { createRelayApi } from "../../src/relay/api.js";
import { parseRelayEvent } from "../../src/relay/event.js";
import { forkStatusPublisher, runRelayAction, withRelayFallback } from "../../src/relay/index.js";
import { type RelayOutcome, runRelay } from "../../src/relay/relay.js";
import { DEFAULT_RELAY_SETTINGS, type RelaySettings } from "../../src/relay/settings.js";
import { RelayStatusPublisher } from "../../src/relay/status-publisher.js";
import { loadArtifactStore, StatusUploader } from "../../src/relay/upload.js";
import { FakeGitHub } from "../helpers/fake-github.js";
import { FakeArtifacts, type FakeRun } from "../helpers/fake-github-artifacts.js";
import { warningLogger } from "../helpers/logger.js";
import { until } from "../helpers/wait.js";
import { makeZip } from "../helpers/zip.js";

const TOKEN = "ghs_relay";
const HEAD = "c".repeat(40);
const NOW = new Date("2026-05-01T12:00:00Z");
const STATUS_1 = "preview-tunnel-status-preview-a1-0001";

let fake: FakeGitHub;
let artifacts: FakeArtifacts;
let run: FakeRun;
let tempDir: string;

beforeEach(async () => {
  artifacts = new FakeArtifacts();
  fake = await FakeGitHub.start({ token: TOKEN, extensions: [artifacts] });
  run = await artifacts.startRun({ headSha: HEAD, headBranch: "feature", headRepository: "fork-owner/r" });
  artifacts.addPull({
    number: 7,
    headSha: HEAD,
    headRef: "feature",
    headRepository: "fork-owner/r",
    baseRef: "main",
  });
  for (const [name, value] of Object.entries(artifacts.runtimeEnv(run))) vi.stubEnv(name, value);
  vi.stubEnv("GITHUB_SERVER_URL", "https://github.com");
  vi.spyOn(process.stdout, "write").mockImplementation(() => true);
  tempDir = mkdtempSync(path.join(tmpdir(), "pt-relay-"));
});

afterEach(async () => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  await fake.close();
  rmSync(tempDir, { recursive: true, force: true });
});

/** The preview job's side: the status publisher the pipeline would drive. */
function forkSide() {
  const log = warningLogger();
  const uploader = new StatusUploader({
    store: () => loadArtifactStore({ tempDir }),
    key: "preview",
    attempt: 1,
    logger: log.logger,
  });
  const publisher = new RelayStatusPublisher({
    sink: uploader,
    now: () => NOW,
    pullRequest: 7,
    headSha: HEAD,
    finalTimeoutMs: 30_000,
  });
  return { publisher, uploader, warnings: log.warnings };
}

const relaySettings = (overrides: Partial<RelaySettings> = {}): RelaySettings => ({
  ...DEFAULT_RELAY_SETTINGS,
  poll: { initialMs: 5, factor: 2, maxMs: 20, maxPolls: 100_000 },
  ...overrides,
});

/** One relay job, as a `workflow_run` event starts it. */
async function relay(
  action: "requested" | "completed",
  options: { conclusion?: string; signal?: AbortSignal; settings?: Partial<RelaySettings> } = {},
): Promise<RelayOutcome & { warnings: string[] }> {
  const log = warningLogger();
  const event = parseRelayEvent("workflow_run", {
    action,
    repository: { full_name: "o/r", private: false },
    workflow_run: {
      id: run.id,
      run_attempt: 1,
      event: "pull_request",
      status: action === "completed" ? "completed" : "queued",
      conclusion: action === "completed" ? (options.conclusion ?? "success") : null,
      html_url: `https://github.com/o/r/actions/runs/${run.id}`,
      head_sha: HEAD,
      head_branch: "feature",
      head_repository: { full_name: "fork-owner/r" },
      pull_requests: [], // GitHub leaves it empty for pull requests from forks
    },
  });
  if (typeof event === "string") throw new Error(event);
  const client = {
    token: TOKEN,
    apiUrl: fake.url,
    logger: log.logger,
    retryUnitMs: 1,
    pacing: "none" as const,
  };
  const outcome = await runRelay(
    {
      event,
      settings: relaySettings(options.settings),
      publish: {
        token: TOKEN,
        comment: true,
        commentKey: "preview",
        commentMode: "update",
        deployment: true,
        environment: "pr-<number>",
      },
      serverUrl: "https://github.com",
      apiUrl: fake.url,
    },
    {
      api: await createRelayApi(client),
      github: createGitHubApi(client),
      logger: log.logger,
      now: () => NOW,
      signal: options.signal,
    },
  );
  return { ...outcome, warnings: log.warnings };
}

/** Every body sent for the comment, in order, without repeats. */
function bodies(): string[] {
  const sent = fake.requests
    .filter((r) => r.route === "create-comment" || r.route === "update-comment")
    .map((r) => (r.body as { body: string }).body);
  return sent.filter((body, i) => body !== sent[i - 1]);
}

const states = () => fake.deployments.flatMap((d) => d.statuses.map((s) => s.state));

/** Uploads `json` as a status artifact exactly as given: what a fork's modified workflow can do. */
async function uploadRaw(json: string, name = STATUS_1): Promise<void> {
  const dir = mkdtempSync(path.join(tempDir, "raw-"));
  writeFileSync(path.join(dir, "status.json"), json);
  await new DefaultArtifactClient().uploadArtifact(name, [path.join(dir, "status.json")], dir);
}

const runUrl = () => `https://github.com/o/r/actions/runs/${run.id}`;
const COMMIT = `| **Commit** | [\`ccccccc\`](https://github.com/o/r/commit/${HEAD}) |`;
const FORK_NOTICE = [
  "> [!CAUTION]",
  "> This preview runs code from the fork `fork-owner/r`, which the maintainers may not have reviewed. Do not sign in with real credentials or enter anything secret. The preview ran in the pull request's own workflow run; this comment was written from its status reports by the relay workflow.",
].join("\n");
const FOOTER =
  "<sub>Updated 2026-05-01 12:00 UTC by preview-tunnel; this comment is updated in place.</sub>\n";

function comment(heading: string, rows: string[], extra: string[] = []): string {
  return [
    "<!-- preview-tunnel:preview -->",
    `### ${heading}`,
    "",
    FORK_NOTICE,
    "",
    "| | |",
    "| --- | --- |",
    ...rows,
    `| **Run** | [workflow run](${runUrl()}) |`,
    "",
    ...extra,
    FOOTER,
  ].join("\n");
}

function refusedComment(reason: string, heading = "❌ Preview failed"): string {
  return comment(
    heading,
    [COMMIT],
    [
      "<details><summary>What went wrong</summary>",
      "",
      "```text",
      `The relay refused the preview job's status report: ${reason}. Nothing from it is shown here; the relay workflow's log has the details.`,
      "```",
      "",
      "</details>",
      "",
    ],
  );
}

const URL_ROW = "| **URL** | [https://abc.trycloudflare.com/](https://abc.trycloudflare.com/) |";
const TUNNEL_ROW = "| **Tunnel** | `cloudflared` |";

describe("relay of a fork's preview", () => {
  it("keeps the comment and the deployment in step: starting → live → stopped", async () => {
    const fork = forkSide();
    await fork.publisher.starting();
    await fork.uploader.flush(30_000);
    const following = relay("requested");

    await until("the starting comment", () => (bodies().length === 1 ? true : undefined));
    await fork.publisher.live({ url: "https://abc.trycloudflare.com/", provider: "cloudflared" });
    await until("the live comment", () => (bodies().length === 2 ? true : undefined));
    await fork.publisher.testsDone({ passed: 2, total: 2 });
    await until("the tests in the comment", () => (bodies().length === 3 ? true : undefined));
    await fork.publisher.stopped();
    artifacts.completeRun(run, "success");
    const outcome = await following;

    expect(outcome).toEqual({
      pullRequest: 7,
      shown: [1, 2, 3, 4],
      refused: undefined,
      end: "completed",
      warnings: [],
    });
    expect(bodies()).toEqual([
      comment("⏳ Preview starting", [COMMIT]),
      comment("🟢 Preview is live", [URL_ROW, COMMIT, TUNNEL_ROW]),
      comment("🟢 Preview is live", [URL_ROW, "| **Tests** | ✅ tests passed 2 of 2 |", COMMIT, TUNNEL_ROW]),
      comment("⚪ Preview stopped at 2026-05-01 12:00 UTC", [
        "| **URL** | `https://abc.trycloudflare.com/` (no longer reachable) |",
        "| **Tests** | ✅ tests passed 2 of 2 |",
        COMMIT,
        TUNNEL_ROW,
      ]),
    ]);
    expect(states()).toEqual(["in_progress", "success", "inactive"]);
    const [deployment] = fake.deployments;
    expect(deployment).toMatchObject({ ref: HEAD, environment: "pr-7" });
    expect(deployment?.statuses[1]).toMatchObject({
      environment_url: "https://abc.trycloudflare.com/",
      log_url: runUrl(),
    });
    expect(fake.commentsOn(7)).toHaveLength(1);

    // The `completed` relay finds everything already final and changes nothing that shows.
    const final = await relay("completed");
    expect(final).toMatchObject({ pullRequest: 7, end: "final", warnings: [] });
    expect(states()).toEqual(["in_progress", "success", "inactive"]);
    expect(fake.commentsOn(7).map((c) => c.body)).toEqual([bodies().at(-1)]);
    expect(fork.warnings).toEqual([]);
  });

  it("lists artifacts with If-None-Match, answered 304 while nothing changes", async () => {
    const fork = forkSide();
    await fork.publisher.starting();
    await fork.uploader.flush(30_000);
    const following = relay("requested");
    await until("a few polls", () => (fake.requestsTo("list-run-artifacts").length >= 4 ? true : undefined));
    artifacts.completeRun(run, "success");
    await following;
    const listings = fake.requestsTo("list-run-artifacts");
    expect(listings[0]?.headers["if-none-match"]).toBeUndefined();
    expect(listings.slice(1).map((r) => r.headers["if-none-match"])).not.toContain(undefined);
    expect(listings.slice(1).map((r) => r.status)).toContain(304);
    expect(
      fake
        .requestsTo("get-run")
        .slice(1)
        .map((r) => r.status),
    ).toContain(304);
    // The zip is downloaded once, however often the list is read.
    expect(fake.requestsTo("download-artifact")).toHaveLength(1);
  });

  it("ends the deployment and the comment on `completed` even when the `requested` relay died", async () => {
    const fork = forkSide();
    await fork.publisher.starting();
    await fork.publisher.live({ url: "https://abc.trycloudflare.com/", provider: "cloudflared" });
    await fork.uploader.flush(30_000);
    const dying = new AbortController();
    const following = relay("requested", { signal: dying.signal });
    await until("the live deployment", () => (states().includes("success") ? true : undefined));
    dying.abort(); // the relay job is gone: nobody shows what comes next
    expect(await following).toMatchObject({ end: "aborted" });

    await fork.publisher.stopped();
    artifacts.completeRun(run, "success");
    const final = await relay("completed");

    expect(final).toEqual({ pullRequest: 7, shown: [3], refused: undefined, end: "final", warnings: [] });
    expect(states()).toEqual(["in_progress", "success", "inactive"]);
    expect(fake.commentsOn(7).map((c) => c.body)).toEqual([
      comment("⚪ Preview stopped at 2026-05-01 12:00 UTC", [
        "| **URL** | `https://abc.trycloudflare.com/` (no longer reachable) |",
        COMMIT,
        TUNNEL_ROW,
      ]),
    ]);
  });

  it("a cancelled preview ends as stopped", async () => {
    const fork = forkSide();
    await fork.publisher.starting();
    await fork.publisher.live({ url: "https://abc.trycloudflare.com/", provider: "cloudflared" });
    await fork.uploader.flush(30_000);
    const following = relay("requested");
    await until("the live deployment", () => (states().includes("success") ? true : undefined));
    await fork.publisher.cancelled();
    artifacts.completeRun(run, "cancelled");
    expect(await following).toMatchObject({ end: "completed", warnings: [] });
    await relay("completed", { conclusion: "cancelled" });

    expect(states()).toEqual(["in_progress", "success", "inactive"]);
    expect(fake.commentsOn(7).map((c) => c.body)).toEqual([
      comment("⚪ Preview stopped at 2026-05-01 12:00 UTC", [
        "| **URL** | `https://abc.trycloudflare.com/` (no longer reachable) |",
        COMMIT,
        TUNNEL_ROW,
      ]),
    ]);
  });

  it("stops following at relay-timeout, leaving the final state to the `completed` relay", async () => {
    const fork = forkSide();
    await fork.publisher.starting();
    await fork.uploader.flush(30_000);
    const outcome = await relay("requested", { settings: { timeoutMs: 200 } });
    expect(outcome).toMatchObject({ end: "timeout", shown: [1], warnings: [] });
    expect(run.status).toBe("in_progress");
    expect(states()).toEqual(["in_progress"]);
  });

  it("finishes a preview whose pull request was merged while it ran", async () => {
    const fork = forkSide();
    await fork.publisher.starting();
    await fork.publisher.stopped();
    const pull = artifacts.pulls[0];
    if (pull) pull.state = "closed";
    artifacts.completeRun(run, "success");
    expect(await relay("completed")).toMatchObject({ pullRequest: 7, end: "final", warnings: [] });
    expect(fake.commentsOn(7)[0]?.body).toContain("### ⚪ Preview stopped at");
  });

  it("without `actions: read` it stops at once and says which permission is missing", async () => {
    const fork = forkSide();
    await fork.publisher.starting();
    await fork.uploader.flush(30_000);
    fake.fail("list-run-artifacts", { status: 403, message: "Resource not accessible by integration" });
    const outcome = await relay("requested");
    expect(outcome).toMatchObject({ end: "error", shown: [] });
    expect(outcome.warnings).toEqual([
      expect.stringMatching(
        /^Stopped following the preview run: could not list the run's artifacts: HTTP 403: Resource not accessible by integration.*\. The relay job needs `actions: read` \(the run's artifacts\), `pull-requests: write` and `deployments: write` in its `permissions:`\.$/,
      ),
    ]);
    expect(fake.requestsTo("list-run-artifacts")).toHaveLength(1);
  });

  it("leaves alone a preview that published itself (no status artifacts)", async () => {
    artifacts.completeRun(run, "success");
    const requested = await relay("requested");
    const completed = await relay("completed");
    expect(requested).toMatchObject({ pullRequest: 7, shown: [], end: "completed", warnings: [] });
    expect(completed).toMatchObject({ pullRequest: 7, shown: [], end: "nothing", warnings: [] });
    expect(bodies()).toEqual([]);
    expect(fake.deployments).toEqual([]);
  });

  it("on `completed` after a failed run with no last status, shows the failure and stops", async () => {
    const fork = forkSide();
    await fork.publisher.starting();
    await fork.uploader.flush(30_000);
    artifacts.completeRun(run, "failure"); // the job was killed before its teardown
    const final = await relay("completed", { conclusion: "failure" });
    expect(final).toMatchObject({ end: "final", warnings: [] });
    expect(fake.commentsOn(7).map((c) => c.body)).toEqual([
      comment(
        "❌ Preview failed, stopped at 2026-05-01 12:00 UTC",
        [COMMIT],
        [
          "<details><summary>What went wrong</summary>",
          "",
          "```text",
          'The preview run ended with "failure".',
          "```",
          "",
          "</details>",
          "",
        ],
      ),
    ]);
  });
});

describe("relay of hostile status artifacts", () => {
  /** Runs a `requested` relay over a run that already holds the artifact and has completed. */
  async function relayed(): Promise<RelayOutcome & { warnings: string[] }> {
    artifacts.completeRun(run, "success");
    return relay("requested");
  }

  const live = (url: string) => ({
    schema: 1,
    sequence: 1,
    status: "live",
    url,
    provider: "cloudflared",
  });

  it.each(["https://evil.example/", "https://trycloudflare.com.evil.example/"])(
    "shows a phishing URL (%s) as text, never a link, and warns",
    async (url) => {
      await uploadRaw(JSON.stringify(live(url)));
      const outcome = await relayed();
      expect(outcome.refused).toBeUndefined();
      expect(outcome.warnings).toEqual([
        `The preview reported the URL ${JSON.stringify(url)}, whose host is neither a known tunnel domain nor in relay-allowed-hosts: it is shown as text, not as a link.`,
      ]);
      expect(bodies().at(-1)).toBe(
        comment("🟢 Preview is live", [
          `| **URL** | \`${url}\` ⚠️ not a link: its host is not a known tunnel domain, so it may not be the preview. Open it only if you trust the pull request's author. |`,
          COMMIT,
          TUNNEL_ROW,
        ]),
      );
      // No "View deployment" button either.
      expect(fake.deployments[0]?.statuses.map((s) => [s.state, s.environment_url])).toEqual([
        ["in_progress", undefined],
        ["success", undefined],
      ]);
    },
  );

  it.each([
    ["user info", "https://x@evil.example/"],
    ["javascript:", "javascript:alert(1)"],
    ["a query that could hold a token", "https://abc.trycloudflare.com/?token=s3cret"],
  ])("refuses a URL with %s as a whole", async (_what, url) => {
    await uploadRaw(JSON.stringify(live(url)));
    const outcome = await relayed();
    const reason = "it does not follow the status schema (at url)";
    expect(outcome).toMatchObject({ refused: reason, end: "refused" });
    expect(outcome.warnings).toEqual([`Refused the preview's status ${STATUS_1}: ${reason}.`]);
    expect(bodies()).toEqual([refusedComment(reason)]);
    expect(bodies().join("")).not.toContain("evil");
    expect(bodies().join("")).not.toContain("s3cret");
  });

  it("shows no Markdown or HTML from any field of the artifact", async () => {
    const injection = "<img src=x onerror=alert(1)> [click](https://evil.example) | `code` **b**\n# h";
    await uploadRaw(
      JSON.stringify({
        schema: 1,
        sequence: 1,
        status: injection,
        provider: injection,
        url: "https://abc.trycloudflare.com/",
        times: { started: injection },
        phases: { [injection]: 1 },
        [injection]: injection,
      }),
    );
    const outcome = await relayed();
    const reason = "it does not follow the status schema (at status, provider, times, phases, (top level))";
    expect(outcome).toMatchObject({ refused: reason });
    expect(outcome.warnings).toEqual([`Refused the preview's status ${STATUS_1}: ${reason}.`]);
    expect(bodies()).toEqual([refusedComment(reason)]);
  });

  it("escapes what a linked URL's path could break: the table, the link, HTML", async () => {
    const url = "https://abc.trycloudflare.com/%3Cb%3E|[x](y)%60z%60";
    await uploadRaw(JSON.stringify(live(url)));
    const outcome = await relayed();
    expect(outcome.warnings).toEqual([]);
    expect(bodies().at(-1)).toBe(
      comment("🟢 Preview is live", [
        "| **URL** | [https://abc.trycloudflare.com/%3Cb%3E%7C[x]%28y%29%60z%60](https://abc.trycloudflare.com/%3Cb%3E%7C[x]%28y%29%60z%60) |",
        COMMIT,
        TUNNEL_ROW,
      ]),
    );
  });

  it("refuses an oversized artifact before downloading it, and an oversized status.json in a small zip", async () => {
    const big = makeZip([{ name: "status.json", data: Buffer.from(`"${"x".repeat(70_000)}"`), method: 0 }]);
    artifacts.seedArtifact(run, STATUS_1, big);
    const outcome = await relayed();
    expect(outcome).toMatchObject({ refused: "the artifact is larger than 65536 bytes" });
    expect(fake.requestsTo("download-artifact")).toHaveLength(0);
    expect(outcome.warnings).toEqual([
      `Refused the preview's status ${STATUS_1}: the artifact is larger than 65536 bytes.`,
    ]);
    expect(bodies()).toEqual([refusedComment("the artifact is larger than 65536 bytes")]);
  });

  it("refuses a zip bomb", async () => {
    const bomb = makeZip([
      { name: "status.json", data: Buffer.alloc(20 * 1024 * 1024, 0x20), declaredSize: 200 },
    ]);
    artifacts.seedArtifact(run, STATUS_1, bomb);
    const outcome = await relayed();
    expect(outcome).toMatchObject({ refused: "the artifact is not a readable zip" });
    expect(outcome.warnings).toEqual([
      expect.stringMatching(
        new RegExp(
          `^Refused the preview's status ${STATUS_1}: the artifact is not a readable zip \\(".*too many bytes.*"\\)\\.$`,
        ),
      ),
    ]);
    expect(bodies()).toEqual([refusedComment("the artifact is not a readable zip")]);
  });

  it("refuses a malformed status", async () => {
    await uploadRaw('{"schema":1,"sequence":1,"status":"bogus"}');
    const outcome = await relayed();
    const reason = "it does not follow the status schema (at status)";
    expect(outcome).toMatchObject({ refused: reason });
    expect(bodies()).toEqual([refusedComment(reason)]);
    expect(outcome.warnings).toEqual([`Refused the preview's status ${STATUS_1}: ${reason}.`]);
  });

  it("refuses a status naming another pull request, and publishes only to the event's", async () => {
    artifacts.addPull({
      number: 99,
      headSha: "d".repeat(40),
      headRef: "other",
      headRepository: "fork-owner/r",
      baseRef: "main",
    });
    await uploadRaw(JSON.stringify({ ...live("https://abc.trycloudflare.com/"), pullRequest: 99 }));
    const outcome = await relayed();
    const reason = "it names pull request #99, but the run is for #7";
    expect(outcome).toMatchObject({ pullRequest: 7, refused: reason });
    expect(outcome.warnings).toEqual([`Refused the preview's status ${STATUS_1}: ${reason}.`]);
    expect(bodies()).toEqual([refusedComment(reason)]);
    expect(fake.commentsOn(99)).toEqual([]);
    expect(fake.commentsOn(7)).toHaveLength(1);
  });

  it("after a refusal, the `completed` relay still ends the deployment and keeps the refusal", async () => {
    await uploadRaw('{"schema":1,"sequence":1,"status":"bogus"}');
    await relayed();
    const final = await relay("completed");
    expect(final).toMatchObject({
      end: "final",
      refused: "it does not follow the status schema (at status)",
    });
    expect(states()).toEqual(["failure", "inactive"]);
    expect(fake.commentsOn(7).map((c) => c.body)).toEqual([
      refusedComment(
        "it does not follow the status schema (at status)",
        "❌ Preview failed, stopped at 2026-05-01 12:00 UTC",
      ),
    ]);
  });
});

describe("the relay's front doors", () => {
  const publish = {
    token: TOKEN,
    comment: true,
    commentKey: "preview",
    commentMode: "update" as const,
    deployment: true,
    environment: "pr-<number>",
  };

  it("publish: auto hands the statuses to the relay once GitHub refuses the token", async () => {
    fake.fail("create-deployment", {
      status: 403,
      message: "Resource not accessible by integration",
      times: 5,
    });
    fake.fail("create-comment", { status: 403, message: "Resource not accessible by integration" });
    const log = warningLogger();
    const context: PublishContext = {
      eventName: "pull_request",
      repo: { owner: "o", repo: "r" },
      serverUrl: "https://github.com",
      apiUrl: fake.url,
      pullRequest: { number: 7, headSha: HEAD, headRef: "feature", baseRef: "main", fromFork: false },
      sha: HEAD,
      servedSha: HEAD,
      servedIsTestMerge: false,
      ref: "feature",
      isPrivate: false,
      runUrl: runUrl(),
    };
    const relayPublisher = forkStatusPublisher({
      commentKey: "preview",
      pullRequest: { number: 7, headSha: HEAD },
      env: process.env,
      logger: log.logger,
      active: false,
      finalTimeoutMs: 30_000,
    });
    const publisher = new Publisher({
      api: createGitHubApi({ token: TOKEN, apiUrl: fake.url, logger: log.logger, retryUnitMs: 1 }),
      context,
      settings: publish,
      logger: log.logger,
      onForbidden: () => relayPublisher.activate(),
    });
    const both = withRelayFallback(publisher, relayPublisher);
    await both.starting();
    await both.live({ url: "https://abc.trycloudflare.com/", provider: "cloudflared" });
    await both.stopped();
    await both.settled();

    expect(fake.comments).toEqual([]);
    expect(artifacts.listed(run).map((a) => a.name)).toEqual([
      STATUS_1,
      "preview-tunnel-status-preview-a1-0002",
      "preview-tunnel-status-preview-a1-0003",
    ]);
    artifacts.completeRun(run, "success");
    const final = await relay("completed");
    expect(final).toMatchObject({ shown: [3], end: "final", warnings: [] });
    expect(fake.commentsOn(7).map((c) => c.body)).toHaveLength(1);
    expect(fake.commentsOn(7)[0]?.body).toContain("### ⚪ Preview stopped at");
  });

  it("mode: relay reads the event from GITHUB_EVENT_PATH, and refuses to run on another event", async () => {
    const fork = forkSide();
    await fork.publisher.starting();
    await fork.publisher.stopped();
    artifacts.completeRun(run, "success");
    const eventPath = path.join(tempDir, "event.json");
    writeFileSync(
      eventPath,
      JSON.stringify({
        action: "requested",
        repository: { full_name: "o/r", private: false },
        workflow_run: {
          id: run.id,
          run_attempt: 1,
          event: "pull_request",
          html_url: runUrl(),
          head_sha: HEAD,
          head_branch: "feature",
          head_repository: { full_name: "fork-owner/r" },
          pull_requests: [],
        },
      }),
    );
    const env = {
      GITHUB_EVENT_NAME: "workflow_run",
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_API_URL: fake.url,
      GITHUB_SERVER_URL: "https://github.com",
    };
    const log = warningLogger();
    const outcome = await runRelayAction({
      settings: DEFAULT_RELAY_SETTINGS,
      publish,
      env,
      logger: log.logger,
    });
    expect(outcome).toMatchObject({ pullRequest: 7, shown: [2], end: "completed" });
    expect(log.warnings).toEqual([]);
    expect(fake.commentsOn(7)[0]?.body).toContain("### ⚪ Preview stopped at");

    await expect(
      runRelayAction({
        settings: DEFAULT_RELAY_SETTINGS,
        publish,
        env: { ...env, GITHUB_EVENT_NAME: "pull_request_target" },
        logger: log.logger,
      }),
    ).rejects.toThrow(
      'Input "mode" is "relay", but the relay runs on "workflow_run" events, not "pull_request_target": see "Pull requests from forks" in the README for the workflows.',
    );
    await expect(
      runRelayAction({
        settings: DEFAULT_RELAY_SETTINGS,
        publish: { ...publish, token: undefined },
        env,
        logger: log.logger,
      }),
    ).rejects.toThrow('Input "github-token" is empty');
  });
});
