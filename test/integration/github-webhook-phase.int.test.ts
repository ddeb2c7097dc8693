/**
 * The pipeline's github-webhook phase on a real run context, against the fake GitHub whose hooks
 * really deliver to apps that verify with @octokit/webhooks-methods: the hook is saved the moment
 * it exists and cleared once teardown deleted it; it follows the preview when the tunnel comes
 * back on a new URL (also while it is being made), keeping its id, secret and delivery log.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { nodeLauncher } from "../../src/app/process.js";
import { buildConfig, type Config } from "../../src/config/config.js";
import { RunContext } from "../../src/pipeline/context.js";
import { openGithubWebhook } from "../../src/pipeline/phases/github-webhook.js";
import { type ChildApp, startChildApp } from "../fixtures/scenarios/apps.js";
import { FakeGitHub } from "../helpers/fake-github.js";
import { FakeHooks } from "../helpers/fake-github-hooks.js";
import { expectNoProcessLeft } from "../helpers/processes.js";
import { until } from "../helpers/wait.js";
import { testLogger } from "./gate-helpers.js";

const HOOKS_TOKEN = "github_pat_phaseTestToken1";
const APP = path.resolve("test/fixtures/scenarios/github-hook-app.mjs");

let fake: FakeGitHub;
let hooks: FakeHooks;
let apps: ChildApp[] = [];

beforeEach(async () => {
  hooks = new FakeHooks({ token: HOOKS_TOKEN });
  fake = await FakeGitHub.start({ extensions: [hooks] });
});
afterEach(async () => {
  await fake.close();
  for (const app of apps) {
    await app.close();
    await expectNoProcessLeft(app.mark);
  }
  apps = [];
});

async function run(): Promise<{ ctx: RunContext; config: Config; state: Map<string, string> }> {
  const env = { GITHUB_REPOSITORY: "o/r", GITHUB_API_URL: fake.url, GITHUB_REF_NAME: "feature" };
  const dir = mkdtempSync(path.join(tmpdir(), "pt-hook-phase-"));
  const inputs: Record<string, string> = {
    start: "unused",
    provider: "local",
    "github-webhook": "push",
    "github-webhook-token": HOOKS_TOKEN,
  };
  const config = await buildConfig((name) => inputs[name], { cwd: process.cwd(), env, runDir: dir });
  const state = new Map<string, string>();
  const ctx = new RunContext(
    config,
    {
      logger: testLogger(),
      launcher: nodeLauncher,
      state: { save: (key, value) => state.set(key, value) },
      reporter: { preview: () => undefined, finished: () => undefined },
      run: { id: "run-1", dir },
      baseEnv: env,
      signal: new AbortController().signal,
    },
    "local",
  );
  return { ctx, config, state };
}

/** An app holding the run's secret, as the app under test gets it. */
async function app(config: Config): Promise<ChildApp> {
  const started = await startChildApp(APP, { GITHUB_WEBHOOK_SECRET: config.githubWebhook?.secret ?? "" });
  apps.push(started);
  return started;
}

describe("the run's GitHub webhook", () => {
  it("is saved as soon as it exists, pinged, followed to a new URL, and cleared once deleted", async () => {
    const { ctx, config, state } = await run();
    const [first, second] = [await app(config), await app(config)];
    const webhook = await openGithubWebhook(ctx);
    ctx.reached.url = first.url;
    await webhook?.create(first.url);

    const hook = hooks.live()[0];
    expect(JSON.parse(state.get("github-hook") ?? "")).toEqual({
      id: hook?.id,
      owner: "o",
      repo: "r",
      apiUrl: fake.url,
    });
    expect(ctx.reached.githubWebhook?.ping).toMatchObject({ ok: true });
    expect(ctx.result().githubWebhook?.message).toMatch(/^GitHub's ping reached the app: 200 in \d+ ms\.$/);
    expect(first.output()).toContain("ping verified");

    // The tunnel came back elsewhere: GitHub's next delivery goes there, signed as before.
    ctx.reached.url = second.url;
    webhook?.moveTo(second.url);
    await until("the hook to follow", () => (hook?.config.url.startsWith(second.url) ? true : undefined));
    const [push] = await hooks.deliverEvent("push", { ref: "refs/heads/feature" });
    expect(push?.statusCode).toBe(200);
    expect(second.output()).toContain("push verified");
    expect(first.output()).not.toContain("push verified");
    const log = await ctx.reached.githubWebhook?.log.list();
    expect(log?.map((d) => d.event)).toEqual(["push", "ping"]);

    await ctx.teardown.run();
    expect(hook?.deleted).toBe(true);
    expect(state.get("github-hook")).toBe("");
  });

  it("a tunnel that moved while the hook was being made: the hook ends up at the new URL", async () => {
    const { ctx, config } = await run();
    const [first, second] = [await app(config), await app(config)];
    const webhook = await openGithubWebhook(ctx);
    // The URL changed between the start of create and the ping's answer.
    ctx.reached.url = second.url;
    await webhook?.create(first.url);
    expect(hooks.live()[0]?.config.url.startsWith(`${second.url}/webhooks/github?`)).toBe(true);
    await ctx.teardown.run();
    expect(hooks.live()).toEqual([]);
  });

  it("a hook teardown could not delete stays saved, for the post step", async () => {
    const { ctx, config, state } = await run();
    const first = await app(config);
    const webhook = await openGithubWebhook(ctx);
    ctx.reached.url = first.url;
    await webhook?.create(first.url);
    fake.fail("delete-hook", { status: 403, message: "Resource not accessible by integration" });
    await ctx.teardown.run();
    expect(hooks.live()).toHaveLength(1);
    expect(JSON.parse(state.get("github-hook") ?? "{}").id).toBe(hooks.live()[0]?.id);
  });
});
