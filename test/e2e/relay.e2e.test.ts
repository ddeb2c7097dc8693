/**
 * Previews of pull requests from forks, end to end: dist/main.js (and post.js) as the preview job
 * of a fork's pull request (a read-only token; the runner's artifact service variables pointing at
 * the fake's), and dist/main.js with `mode: relay` as the `workflow_run` job, driven by the events
 * GitHub sends (`requested`, then `completed`), both against the same fake GitHub. The statuses
 * travel as real artifacts through the real @actions/artifact client (bundled in dist/artifact).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isAlive } from "../../src/app/proc-table.js";
import { readStatusZip } from "../../src/relay/read.js";
import { DEFAULT_READ_LIMITS } from "../../src/relay/settings.js";
import { FakeGitHub } from "../helpers/fake-github.js";
import { FakeArtifacts, type FakeRun } from "../helpers/fake-github-artifacts.js";
import { expectNoProcessLeft, newMark } from "../helpers/processes.js";
import { FakeRunner, type StepRun } from "../helpers/runner.js";
import { until } from "../helpers/wait.js";
import { makeZip } from "../helpers/zip.js";

const APP = "node examples/hello/server.js";
const ECHO_ENV = "node test/fixtures/apps/echo-env.mjs";
const FOREVER = 'node -e "setInterval(() => {}, 1000)"';
const HEAD = "d".repeat(40);
/** The relay job's token (actions: read, pull-requests: write, deployments: write). */
const TOKEN = "ghs_relayJobToken0123456789";
/** The fork's pull_request token: GitHub makes it read-only. */
const FORK_TOKEN = "ghs_forkReadOnlyToken987654";

let mark = newMark();
let artifacts: FakeArtifacts;
let github: FakeGitHub;
let run: FakeRun;
let dir: string;

beforeEach(async () => {
  artifacts = new FakeArtifacts();
  github = await FakeGitHub.start({ token: TOKEN, readOnlyToken: FORK_TOKEN, extensions: [artifacts] });
  run = await artifacts.startRun({
    owner: "octo",
    repo: "app",
    headSha: HEAD,
    headBranch: "feature",
    headRepository: "someone/app",
  });
  artifacts.addPull({
    owner: "octo",
    repo: "app",
    number: 7,
    headSha: HEAD,
    headRef: "feature",
    headRepository: "someone/app",
    baseRef: "main",
  });
  dir = mkdtempSync(path.join(tmpdir(), "pt-relay-e2e-"));
});

afterEach(async () => {
  await github.close();
  await expectNoProcessLeft(mark.value);
  mark = newMark();
});

function writeEvent(name: string, payload: unknown): string {
  const file = path.join(mkdtempSync(path.join(dir, "event-")), name);
  writeFileSync(file, JSON.stringify(payload));
  return file;
}

/** The runner of the preview job: `pull_request` of a fork (or of a branch of the repository). */
function previewJob(options: { fork?: boolean } = {}): FakeRunner {
  const head = options.fork === false ? "octo/app" : "someone/app";
  return new FakeRunner({
    ...mark.env,
    ...artifacts.runtimeEnv(run),
    GITHUB_API_URL: github.url,
    // github.com: @actions/artifact refuses GitHub Enterprise Server.
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_REPOSITORY: "octo/app",
    GITHUB_EVENT_NAME: "pull_request",
    GITHUB_EVENT_PATH: writeEvent("pull_request.json", {
      number: 7,
      repository: { full_name: "octo/app", private: false },
      pull_request: {
        number: 7,
        head: { sha: HEAD, ref: "feature", repo: { full_name: head } },
        base: { ref: "main", repo: { full_name: "octo/app" } },
      },
    }),
    GITHUB_SHA: "e".repeat(40),
    GITHUB_RUN_ID: String(run.id),
    GITHUB_RUN_ATTEMPT: "1",
  });
}

/** The relay job on one `workflow_run` event of the preview run: dist/main.js, mode relay. */
function relayJob(
  action: "requested" | "completed",
  inputs: Record<string, string> = {},
): { runner: FakeRunner; main: StepRun } {
  const runner = new FakeRunner({
    ...mark.env,
    GITHUB_API_URL: github.url,
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_REPOSITORY: "octo/app",
    GITHUB_EVENT_NAME: "workflow_run",
    GITHUB_EVENT_PATH: writeEvent("workflow_run.json", {
      action,
      repository: { full_name: "octo/app", private: false },
      workflow_run: {
        id: run.id,
        run_attempt: 1,
        event: "pull_request",
        status: action === "completed" ? "completed" : "queued",
        conclusion: action === "completed" ? run.conclusion : null,
        html_url: `https://github.com/octo/app/actions/runs/${run.id}`,
        head_sha: HEAD,
        head_branch: "feature",
        head_repository: { full_name: "someone/app" },
        pull_requests: [], // GitHub leaves it empty for pull requests from forks
      },
    }),
  });
  return { runner, main: runner.main({ mode: "relay", "github-token": TOKEN, ...inputs }) };
}

/** Runs one relay job to its end; it must succeed. */
async function relay(action: "requested" | "completed", inputs: Record<string, string> = {}) {
  const { runner, main } = relayJob(action, inputs);
  const { code } = await main.exited;
  expect(code, main.output()).toBe(0);
  const post = runner.post();
  expect((await post.exited).code).toBe(0);
  expect(post.output()).toContain("relay mode; nothing to clean up");
  return main;
}

/** Every comment body sent, in order, without repeats. */
function bodies(): string[] {
  const sent = github.requests
    .filter((r) => r.route === "create-comment" || r.route === "update-comment")
    .map((r) => (r.body as { body: string }).body);
  return sent.filter((body, i) => body !== sent[i - 1]);
}

/** The comment's headings as it changed (without the time a stopped one shows). */
function headings(): string[] {
  const all = bodies().map((b) => (/^### (.*?)(?: at .*)?$/m.exec(b)?.[1] ?? "").trim());
  return all.filter((heading, i) => heading !== all[i - 1]);
}

const deploymentStates = () => github.deployments.flatMap((d) => d.statuses.map((s) => s.state));

/** The statuses the preview job uploaded, in order, as the relay reads them. */
async function uploaded(): Promise<Record<string, unknown>[]> {
  const statuses: Record<string, unknown>[] = [];
  for (const artifact of artifacts.listed(run)) {
    const read = await readStatusZip(artifacts.contents(artifact) ?? Buffer.alloc(0), DEFAULT_READ_LIMITS);
    if (!read.ok) throw new Error(`${artifact.name}: ${read.reason}`);
    statuses.push(read.value as Record<string, unknown>);
  }
  return statuses;
}

/** Starts a `requested` relay and waits until it shows the preview live; it is still following. */
async function relayShowsLive(): Promise<StepRun> {
  const { main } = relayJob("requested");
  await until(
    "the relay to show the preview live",
    () => (headings().at(-1) === "🟢 Preview is live" ? true : undefined),
    30_000,
  );
  return main;
}

const statusNames = async () => (await uploaded()).map((s) => s.status);

/** Waits until the preview job has uploaded a status saying `status`. */
function uploadedStatus(status: string): Promise<true> {
  return until(
    `the preview's "${status}" status`,
    async () => ((await statusNames()).includes(status) ? true : undefined),
    30_000,
  );
}

describe("a fork's preview, published by the relay workflow", () => {
  it("background mode: the relay follows the preview while it is up; the post step's stop ends it", async () => {
    const job = previewJob();
    const main = job.main({ start: ECHO_ENV, ready: "/health", "github-token": FORK_TOKEN });
    expect((await main.exited).code, main.output()).toBe(0);
    // The supervisor uploaded these (the main step only relays its log).
    expect(await statusNames()).toEqual(["starting", "live"]);

    const following = await relayShowsLive();
    expect(deploymentStates()).toEqual(["in_progress", "success"]);
    // The app never gets the artifact service's token, though the supervisor has it.
    const { env } = (await (await job.get("/env.json")).json()) as { env: Record<string, string> };
    expect(env.PORT).toBeDefined();
    expect(Object.keys(env).filter((name) => name.startsWith("ACTIONS_"))).toEqual([]);

    const post = job.post();
    expect((await post.exited).code, post.output()).toBe(0);
    expect(await statusNames()).toEqual(["starting", "live", "stopped"]);
    artifacts.completeRun(run, "success");
    expect((await following.exited).code, following.output()).toBe(0);

    expect(headings()).toEqual(["⏳ Preview starting", "🟢 Preview is live", "⚪ Preview stopped"]);
    expect(bodies().at(-1)).toContain("This preview runs code from the fork `someone/app`");
    expect(deploymentStates()).toEqual(["in_progress", "success", "inactive"]);
    expect(github.deployments).toHaveLength(1);
    expect(github.deployments[0]).toMatchObject({ ref: HEAD, environment: "pr-7" });
    // The fork's token wrote nothing, and the relay's never reached the preview job.
    const forkCalls = github.requests.filter((r) => r.headers.authorization?.includes(FORK_TOKEN));
    expect(forkCalls).toEqual([]);
    expect(main.output() + post.output()).not.toContain(TOKEN);

    // The `completed` relay finds it all final: one comment, still stopped.
    await relay("completed");
    expect(github.commentsOn(7)).toHaveLength(1);
    expect(headings().at(-1)).toBe("⚪ Preview stopped");
    expect(deploymentStates()).toEqual(["in_progress", "success", "inactive"]);
  });

  it("foreground with a test: the last status carries the counts and phase times; the library's output stays out of the log", async () => {
    const job = previewJob();
    const main = job.main({
      start: APP,
      ready: "/health",
      test: "node examples/hello/smoke-test.js",
      "github-token": FORK_TOKEN,
    });
    expect((await main.exited).code, main.output()).toBe(0);
    expect((await job.post().exited).code).toBe(0);

    const statuses = await uploaded();
    expect(statuses.map((s) => s.status).at(-1)).toBe("stopped");
    const last = statuses.at(-1) ?? {};
    expect(last).toMatchObject({
      schema: 1,
      tests: { passed: 1, total: 1 },
      pullRequest: 7,
      headSha: HEAD,
      phases: expect.objectContaining({ expose: expect.any(Number), test: expect.any(Number) }),
    });
    // The local provider's http://127.0.0.1 address is no preview URL for a pull request.
    expect(last.url).toBeUndefined();
    expect(JSON.stringify(statuses)).not.toMatch(/password|token|secret|127\.0\.0\.1/i);

    // @actions/artifact's lines are debug lines, and no signed storage URL shows anywhere.
    const output = main.output();
    expect(output).toContain("goes to the relay workflow");
    expect(output).toMatch(/^::debug::Artifact name is valid!$/m);
    expect(output).not.toMatch(/^Artifact name is valid!$/m);
    expect(output).not.toMatch(/sig=/);
    expect(output).toContain("?(redacted)");
    expect(output).not.toContain("::warning::");

    // A relay that starts after the run: one pass, the last status (no URL: the local provider).
    artifacts.completeRun(run, "success");
    await relay("requested");
    expect(headings()).toEqual(["⏳ Preview starting", "⚪ Preview stopped"]);
    expect(bodies().at(-1)).toContain("✅ tests passed 1 of 1");
    expect(deploymentStates()).toEqual(["in_progress", "inactive"]);
  });

  it("a cancelled preview (SIGINT to the main step) still ends as stopped, not failed", async () => {
    const job = previewJob();
    const main = job.main({ start: APP, ready: "/health", test: FOREVER, "github-token": FORK_TOKEN });
    await uploadedStatus("live");
    const following = await relayShowsLive();
    main.child.kill("SIGINT");
    expect((await main.exited).code).toBe(1);
    expect(await statusNames()).toEqual(["starting", "live", "cancelled"]);
    expect((await job.post().exited).code).toBe(0);

    artifacts.completeRun(run, "cancelled");
    expect((await following.exited).code, following.output()).toBe(0);
    expect(headings()).toEqual(["⏳ Preview starting", "🟢 Preview is live", "⚪ Preview stopped"]);
    expect(deploymentStates()).toEqual(["in_progress", "success", "inactive"]);
    await relay("completed");
    expect(headings().at(-1)).toBe("⚪ Preview stopped");
    expect(deploymentStates()).toEqual(["in_progress", "success", "inactive"]);
  });

  it("a killed main step: the post step uploads the last status (failed, stopped)", async () => {
    const job = previewJob();
    const main = job.main({ start: APP, ready: "/health", test: FOREVER, "github-token": FORK_TOKEN });
    await uploadedStatus("live");
    const following = await relayShowsLive();
    main.child.kill("SIGKILL");
    await main.exited;
    const post = job.post();
    expect((await post.exited).code, post.output()).toBe(0);
    expect(await statusNames()).toEqual(["starting", "live", "failed"]);
    expect((await uploaded()).at(-1)).toMatchObject({ times: { ended: expect.any(String) } });

    artifacts.completeRun(run, "failure");
    expect((await following.exited).code, following.output()).toBe(0);
    expect(headings()).toEqual([
      "⏳ Preview starting",
      "🟢 Preview is live",
      "❌ Preview failed",
      "❌ Preview failed, stopped",
    ]);
    expect(deploymentStates()).toEqual(["in_progress", "success", "error", "inactive"]);
  });

  it("a killed supervisor: the post step uploads the last status from what the supervisor saved", async () => {
    const job = previewJob();
    const main = job.main({ start: APP, ready: "/health", "github-token": FORK_TOKEN });
    expect((await main.exited).code, main.output()).toBe(0);
    const supervisor = Number(job.state()["supervisor-pid"]);
    process.kill(supervisor, "SIGKILL");
    await until("the supervisor to be gone", () => (isAlive(supervisor) ? undefined : true), 10_000);

    const post = job.post();
    expect((await post.exited).code, post.output()).toBe(0);
    expect(await statusNames()).toEqual(["starting", "live", "failed"]);

    artifacts.completeRun(run, "failure");
    await relay("completed");
    expect(headings().at(-1)).toBe("❌ Preview failed, stopped");
    expect(bodies().at(-1)).toContain("The preview job reported a failure.");
  });

  it("publish: auto on a branch of the repository hands over to the relay when GitHub refuses the token", async () => {
    const job = previewJob({ fork: false });
    const main = job.main({
      start: APP,
      ready: "/health",
      test: "node examples/hello/smoke-test.js",
      "github-token": FORK_TOKEN,
    });
    expect((await main.exited).code, main.output()).toBe(0);
    expect(main.output()).toMatch(/GitHub refused the deployment/);
    expect(main.output()).toContain("from now on the preview's status goes to the relay workflow");
    expect(github.comments).toEqual([]);
    expect(github.deployments).toEqual([]);
    expect((await job.post().exited).code).toBe(0);
    expect((await statusNames()).at(-1)).toBe("stopped");

    artifacts.completeRun(run, "success");
    await relay("requested");
    expect(headings()).toEqual(["⏳ Preview starting", "⚪ Preview stopped"]);
    expect(bodies().at(-1)).toContain("✅ tests passed 1 of 1");
  });
});

describe("hostile status artifacts, through the relay job", () => {
  const seed = (status: Record<string, unknown>) =>
    artifacts.seedArtifact(
      run,
      "preview-tunnel-status-preview-a1-0001",
      makeZip([
        { name: "status.json", data: Buffer.from(JSON.stringify({ schema: 1, sequence: 1, ...status })) },
      ]),
    );

  it("a phishing URL is shown as text, never a link, with a warning", async () => {
    const url = "https://trycloudflare.com.evil.example/login";
    seed({ status: "live", url, provider: "cloudflared", pullRequest: 7, headSha: HEAD });
    artifacts.completeRun(run, "success");
    const main = await relay("requested");
    expect(main.output()).toContain(
      `::warning::The preview reported the URL "${url}", whose host is neither a known tunnel domain nor in relay-allowed-hosts`,
    );
    const body = bodies().at(-1) ?? "";
    expect(body).toContain(`\`${url}\` ⚠️ not a link`);
    expect(body).not.toContain(`](${url}`);
    expect(body).not.toContain(`href="${url}`);
    // No "View deployment" button for it either.
    expect(github.deployments[0]?.statuses.map((s) => [s.state, s.environment_url])).toEqual([
      ["in_progress", undefined],
      ["success", undefined],
    ]);
  });

  it("a status naming another pull request is refused: nothing of it shown, the event's pull request told", async () => {
    seed({ status: "live", url: "https://abc.trycloudflare.com/", provider: "cloudflared", pullRequest: 8 });
    artifacts.completeRun(run, "success");
    const main = await relay("requested");
    const reason = "it names pull request #8, but the run is for #7";
    expect(main.output()).toContain(
      `::warning::Refused the preview's status preview-tunnel-status-preview-a1-0001: ${reason}.`,
    );
    expect(github.commentsOn(8)).toEqual([]);
    expect(headings()).toEqual(["❌ Preview failed"]);
    expect(bodies().at(-1)).toContain(`The relay refused the preview job's status report: ${reason}.`);
    expect(bodies().join("")).not.toContain("abc.trycloudflare.com");
    await relay("completed");
    expect(headings().at(-1)).toBe("❌ Preview failed, stopped");
    expect(deploymentStates()).toEqual(["failure", "inactive"]);
  });
});

describe("bad input", () => {
  it("names the input: an unknown mode; relay-timeout 0s and a bad relay-allowed-hosts entry in relay mode", async () => {
    const job = previewJob();
    const main = job.main({ start: APP, mode: "relays" });
    expect((await main.exited).code).toBe(1);
    expect(main.output()).toContain('::error::Input "mode" must be one of preview, relay (got "relays").');

    const { main: relayMain } = relayJob("requested", {
      "relay-timeout": "0s",
      "relay-allowed-hosts": "*.tunnels.example.com, https://x.example.com",
    });
    expect((await relayMain.exited).code).toBe(1);
    const output = relayMain.output();
    expect(output).toContain('Input "relay-timeout" must be longer than 0, e.g. "60s" (got "0s").');
    expect(output).toContain('Input "relay-allowed-hosts" must list host names');
    expect(output).toContain('(got "https://x.example.com")');
    expect(github.requests).toEqual([]);
  });
});
