/**
 * What reaches the app and the test command: dist/main.js run as the runner runs it, with
 * secret inputs, the runner's tokens and file commands, and tokens in the step's env. The
 * app (echo-env.mjs) hands its environment out; the test command (env-dump.mjs) writes its
 * own. Neither may see the action's inputs, the runner's tokens or file commands; both get
 * what the run gives them on purpose.
 */

import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { childEnv } from "../../src/config/child-env.js";
import { inputEnvName } from "../../src/config/names.js";
import { FakeGitHub } from "../helpers/fake-github.js";
import { expectNoProcessLeft, newMark } from "../helpers/processes.js";
import { FakeRunner } from "../helpers/runner.js";
import { type Harness, runCliCaptured, useHarness } from "../integration/harness.js";
import { hostileRun, WITHHELD } from "./hostile-run.js";

let mark = newMark();
let dir: string;
let github: FakeGitHub;
beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "pt-sec-env-"));
  github = await FakeGitHub.start({ login: "github-actions[bot]" });
});
afterEach(async () => {
  await github.close();
  await expectNoProcessLeft(mark.value);
  mark = newMark();
  rmSync(dir, { recursive: true, force: true });
});

type Env = Record<string, string>;

const readJson = (file: string) => JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;

/** Names a child must not have: the action's own, the runner's tokens and file commands. */
function forbidden(env: Env): string[] {
  return Object.keys(env).filter(
    (name) =>
      /^INPUT_/i.test(name) ||
      /^STATE_/i.test(name) ||
      (/^ACTIONS_/i.test(name) && name !== "ACTIONS_STEP_DEBUG") ||
      WITHHELD.includes(name.toUpperCase()),
  );
}

/** What every child keeps of the runner's environment. */
function expectKept(env: Env, stepEnv: Env): void {
  expect(env.PATH).toBe(process.env.PATH);
  expect(env.RUNNER_TRACKING_ID).toBe(stepEnv.RUNNER_TRACKING_ID);
  expect(env.GITHUB_REPOSITORY).toBe("octo/app");
  expect(env.ACTIONS_STEP_DEBUG).toBe("true");
  expect(env.MY_APP_SETTING).toBe("kept");
  // The user's own variable: the app verifies webhooks with it.
  expect(env.GITHUB_WEBHOOK_SECRET).toBe(stepEnv.GITHUB_WEBHOOK_SECRET);
  expect(env.PREVIEW_TUNNEL_RUN_ID).toMatch(/^[0-9a-f-]{36}$/);
}

describe("the environment of the app and the test command (action)", () => {
  it("foreground: allow-listed, with what the run gives on purpose", async () => {
    const run = hostileRun(dir, { githubApiUrl: github.url });
    const runner = new FakeRunner({ ...mark.env, ...run.stepEnv });
    const main = runner.main(run.inputs);
    expect((await main.exited).code, main.output()).toBe(0);

    const app = (readJson(run.files.appEnv).env ?? {}) as Env;
    const test = readJson(run.files.testEnv) as Env;
    expect(forbidden(app)).toEqual([]);
    expect(forbidden(test)).toEqual([]);
    expectKept(app, run.stepEnv);
    expectKept(test, run.stepEnv);
    expect(app.GITHUB_WORKSPACE).toBe(process.cwd());

    expect(app.PORT).toMatch(/^\d+$/);
    expect(app.PREVIEW_URL).toBe(runner.outputs().url);
    expect(app.FROM_ENV_INPUT).toBe("yes");
    expect(app.PREVIEW_PASSWORD).toBeUndefined();
    expect(test).toMatchObject({
      PREVIEW_URL: runner.outputs().url,
      PREVIEW_USERNAME: "reviewer",
      PREVIEW_PASSWORD: run.secrets.password,
      PREVIEW_AUTH_HEADER: `Basic ${Buffer.from(run.secrets["user:password"]).toString("base64")}`,
    });
    expect(test.FROM_ENV_INPUT).toBeUndefined();
    expect((await runner.post().exited).code).toBe(0);
  });

  it("background: the supervisor (which has the inputs) withholds them from its children", async () => {
    const run = hostileRun(dir, { githubApiUrl: github.url });
    const runner = new FakeRunner({ ...mark.env, ...run.stepEnv });
    const main = runner.main({ ...run.inputs, "keep-running": "true" });
    expect((await main.exited).code, main.output()).toBe(0);

    const app = (readJson(run.files.appEnv).env ?? {}) as Env;
    const test = readJson(run.files.testEnv) as Env;
    expect(forbidden(app)).toEqual([]);
    expect(forbidden(test)).toEqual([]);
    expect(app.PREVIEW_TUNNEL_RUN_DIR).toBeUndefined();
    expectKept(app, run.stepEnv);
    expectKept(test, run.stepEnv);
    expect(test.PREVIEW_PASSWORD).toBe(run.secrets.password);

    expect((await runner.post().exited).code).toBe(0);
  });
});

describe("the environment of the app and the test command (CLI)", () => {
  let h: Harness;
  useHarness((harness) => {
    h = harness;
  });

  it("withholds the PREVIEW_TUNNEL_<INPUT> variables the CLI reads its inputs from", async () => {
    const run = hostileRun(dir, { githubApiUrl: github.url });
    const env: Env = { ...run.stepEnv };
    for (const name of [
      "credentials",
      "ssh-key",
      "github-token",
      "ngrok-authtoken",
      "verify-webhooks",
    ] as const)
      env[inputEnvName(name)] = run.inputs[name] as string;
    const { code, stderr } = await runCliCaptured(
      h,
      [
        "run",
        "--provider",
        "local",
        "--start",
        run.inputs.start as string,
        "--ready",
        "/health",
        "--test",
        run.inputs.test as string,
      ],
      env,
    );
    expect(code, stderr).toBe(0);
    const app = (readJson(run.files.appEnv).env ?? {}) as Env;
    const test = readJson(run.files.testEnv) as Env;
    for (const child of [app, test]) {
      expect(forbidden(child)).toEqual([]);
      expectKept(child, run.stepEnv);
      expect(
        Object.keys(child).filter((name) =>
          /^PREVIEW_TUNNEL_(SSH_KEY|CREDENTIALS|GITHUB_TOKEN|NGROK_AUTHTOKEN|VERIFY_WEBHOOKS)$/.test(name),
        ),
      ).toEqual([]);
      // The test harness's own marker is not an input: it stays, so leftovers are found.
      expect(child.PREVIEW_TUNNEL_TEST_MARK).toBe(h.mark.value);
    }
    expect(test.PREVIEW_PASSWORD).toBe(run.secrets.password);
  });
});

describe("childEnv", () => {
  it("withholds names in any case (Windows ignores case), keeps debug flags, lets what is given win", () => {
    const env = childEnv(
      {
        "input_ssh-key": "k",
        Github_Output: "/o",
        actions_runtime_token: "t",
        ACTIONS_RUNNER_DEBUG: "true",
        state_app_pid: "1",
        PREVIEW_TUNNEL_CREDENTIALS: "u:p",
        PREVIEW_TUNNEL_RUN_DIR: "/r",
        PATH: "/bin",
        PORT: "1",
        UNSET: undefined,
      },
      { PORT: "2", GIVEN: "yes", SKIPPED: undefined },
    );
    expect(env).toEqual({ ACTIONS_RUNNER_DEBUG: "true", PATH: "/bin", PORT: "2", GIVEN: "yes" });
  });
});
