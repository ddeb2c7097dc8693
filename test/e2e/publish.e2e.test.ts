/**
 * dist/main.js and dist/post.js publishing to a local fake of GitHub's REST API
 * (GITHUB_API_URL), as on a pull_request run: the sticky comment and the deployment follow
 * the preview's life, in both modes, and when the main step is killed.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FakeGitHub } from "../helpers/fake-github.js";
import { expectNoProcessLeft, newMark } from "../helpers/processes.js";
import { PR_HEAD_SHA, pullRequestRun } from "../helpers/pull-request-run.js";
import { FakeRunner } from "../helpers/runner.js";
import { until } from "../helpers/wait.js";

const APP = "node examples/hello/server.js";
const HEAD = PR_HEAD_SHA;
const TOKEN = "ghs_e2eTokenValue123";

let mark = newMark();
let github: FakeGitHub;
beforeEach(async () => {
  github = await FakeGitHub.start({ login: "github-actions[bot]", token: TOKEN });
});
afterEach(async () => {
  await github.close();
  await expectNoProcessLeft(mark.value);
  mark = newMark();
});

function prRunner(options: { fork?: boolean; env?: Record<string, string> } = {}): FakeRunner {
  const probe = new FakeRunner({});
  return new FakeRunner({
    ...mark.env,
    ...pullRequestRun(probe.dir, github.url, { fork: options.fork }),
    ...options.env,
  });
}

const deploymentStates = () => github.deployments[0]?.statuses.map((s) => s.state);

describe("publishing to the pull request", () => {
  it("comments and deploys in the foreground; the comment is updated in place and ends stopped", async () => {
    const runner = prRunner();
    const main = runner.main({
      start: APP,
      ready: "/health",
      test: "node examples/hello/smoke-test.js",
      provider: "local",
      "github-token": TOKEN,
    });
    expect((await main.exited).code).toBe(0);
    const outputs = runner.outputs();
    expect(outputs.environment).toBe("pr-7");
    expect(Number(outputs["deployment-id"])).toBe(github.deployments[0]?.id);
    expect(Number(outputs["comment-id"])).toBe(github.comments[0]?.id);

    const deployment = github.deployments[0];
    expect(deployment?.request).toMatchObject({
      ref: HEAD,
      environment: "pr-7",
      transient_environment: true,
      production_environment: false,
      auto_merge: false,
      required_contexts: [],
    });
    expect(deploymentStates()).toEqual(["in_progress", "success", "inactive"]);
    expect(deployment?.statuses[1]).toMatchObject({ environment_url: outputs.url });

    const comments = github.commentsOn(7);
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toContain("<!-- preview-tunnel:preview -->");
    expect(comments[0]?.body).toMatch(/stopped/i);
    expect(comments[0]?.body).toContain("1 of 1");
    expect(JSON.stringify(github.requests.map((r) => r.body))).not.toContain(TOKEN);
    expect((await runner.post().exited).code).toBe(0);
  });

  it("in background mode the post step marks the deployment inactive and the comment stopped", async () => {
    const runner = prRunner();
    const main = runner.main({ start: APP, provider: "local", "github-token": TOKEN });
    expect((await main.exited).code).toBe(0);
    expect(deploymentStates()).toEqual(["in_progress", "success"]);
    expect(github.commentsOn(7)[0]?.body).toMatch(/live/i);

    const post = runner.post();
    expect((await post.exited).code).toBe(0);
    expect(deploymentStates()).toEqual(["in_progress", "success", "inactive"]);
    expect(github.commentsOn(7)).toHaveLength(1);
    expect(github.commentsOn(7)[0]?.body).toMatch(/stopped/i);
  });

  it("when the main step is killed, the post step marks the deployment errored then inactive", async () => {
    const runner = prRunner();
    const main = runner.main({
      start: APP,
      test: 'node -e "setInterval(() => {}, 1000)"',
      provider: "local",
      "github-token": TOKEN,
    });
    // The comment follows the deployment status, so by then the main step has saved "live".
    await until(
      "the comment to show the preview live",
      () => (/live/i.test(github.commentsOn(7)[0]?.body ?? "") ? true : undefined),
      30_000,
    );
    main.child.kill("SIGKILL");
    await main.exited;
    const post = runner.post();
    expect((await post.exited).code).toBe(0);
    expect(deploymentStates()).toEqual(["in_progress", "success", "error", "inactive"]);
    expect(github.commentsOn(7)[0]?.body).toContain("stopped unexpectedly");
  });

  it("when the main step is killed, a post step without inputs finishes publishing with the run's Config", async () => {
    const runner = prRunner();
    const main = runner.main({
      start: APP,
      test: 'node -e "setInterval(() => {}, 1000)"',
      provider: "local",
      "github-token": TOKEN,
    });
    await until(
      "the comment to show the preview live",
      () => (/live/i.test(github.commentsOn(7)[0]?.body ?? "") ? true : undefined),
      30_000,
    );
    main.child.kill("SIGKILL");
    await main.exited;
    const post = runner.post({ inputs: false });
    expect((await post.exited).code, post.output()).toBe(0);
    expect(deploymentStates()).toEqual(["in_progress", "success", "error", "inactive"]);
    expect(github.commentsOn(7)[0]?.body).toContain("stopped unexpectedly");
  });

  it("a background run cancelled while the app boots ends with the deployment failed, then inactive", async () => {
    const runner = prRunner({ env: { SLOW_START_MS: "60000" } });
    const main = runner.main({
      start: "node test/fixtures/apps/slow-start.mjs",
      "ready-timeout": "2m",
      "github-token": TOKEN,
    });
    await until(
      "the deployment to start",
      () => (deploymentStates()?.includes("in_progress") ? true : undefined),
      30_000,
    );
    main.child.kill("SIGINT");
    expect((await main.exited).code).toBe(1);
    expect(deploymentStates()).toEqual(["in_progress", "failure", "inactive"]);
    expect(github.commentsOn(7)[0]?.body).toMatch(/stopped/i);
    expect((await runner.post().exited).code).toBe(0);
  });

  it("publish: direct on a pull request from a fork skips publishing with one warning and keeps going", async () => {
    const runner = prRunner({ fork: true });
    const main = runner.main({
      start: APP,
      test: "node examples/hello/smoke-test.js",
      provider: "local",
      "github-token": TOKEN,
      publish: "direct",
    });
    expect((await main.exited).code).toBe(0);
    expect(main.output().match(/::warning::/g)).toHaveLength(1);
    expect(main.output()).toContain("comes from a fork");
    expect(github.requests).toHaveLength(0);
    expect((await runner.post().exited).code).toBe(0);
  });
});
