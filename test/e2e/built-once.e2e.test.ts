/**
 * The run's Config is built once, by the main step: the background supervisor runs that Config
 * (read from the run folder, secrets and all) instead of reading the inputs again, and the post
 * step reads no input at all. dist/main.js and dist/post.js as the runner runs them.
 */
import { existsSync, mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { expectNoProcessLeft, newMark } from "../helpers/processes.js";
import { FakeRunner } from "../helpers/runner.js";
import { runnerView } from "../helpers/runner-commands.js";
import { until } from "../helpers/wait.js";

const CRASHY = "node test/fixtures/apps/crash-on-request.mjs";

let mark = newMark();
afterEach(async () => {
  await expectNoProcessLeft(mark.value);
  mark = newMark();
});

/** The values a step's output asked the runner to mask, in order, without repeats. */
function masks(output: string): string[] {
  const values = runnerView(output)
    .commands.filter((c) => c.command === "add-mask")
    .map((c) => c.data);
  return [...new Set(values)];
}

describe("the Config, built once by the main step", () => {
  it.each(["basic", "bearer"])(
    "auth %s: the supervisor's credentials and the IdP client secret are the ones main generated and put out",
    async (auth) => {
      const dir = mkdtempSync(path.join(tmpdir(), "pt-once-"));
      const testEnv = path.join(dir, "test-env.json");
      const appEnv = path.join(dir, "app-env.json");
      const runner = new FakeRunner(mark.env);
      const main = runner.main({
        start: "node test/fixtures/apps/echo-env.mjs",
        ready: "/health",
        auth,
        idp: "true",
        // Run by the supervisor (keep-running): what it was given, and the app's environment.
        test: `node test/fixtures/apps/env-dump.mjs ${testEnv} ${appEnv} /env.json`,
        "keep-running": "true",
      });
      expect((await main.exited).code, main.output()).toBe(0);

      const outputs = runner.outputs();
      const credential = auth === "basic" ? outputs.password : outputs.token;
      expect(credential).toMatch(/^[A-Za-z0-9_-]{32}$/);
      const test = JSON.parse(readFileSync(testEnv, "utf8")) as Record<string, string>;
      expect(test[auth === "basic" ? "PREVIEW_PASSWORD" : "PREVIEW_TOKEN"]).toBe(credential);
      expect(test.PREVIEW_AUTH_HEADER).toBe(outputs["auth-header"]);
      const app = (JSON.parse(readFileSync(appEnv, "utf8")) as { env: Record<string, string> }).env;
      const clientSecret = app.OIDC_CLIENT_SECRET;
      expect(clientSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);

      // Main masked what it generated; each of those is what the supervisor used (it masked
      // the same values in its own log): nothing was generated twice.
      const fromMain = masks(main.output());
      const runDir = runner.state()["run-dir"] as string;
      const fromSupervisor = masks(readFileSync(path.join(runDir, "supervisor.log"), "utf8"));
      expect(fromMain).toEqual(expect.arrayContaining([credential, clientSecret]));
      expect(fromMain.filter((value) => !fromSupervisor.includes(value))).toEqual([]);

      // A later step gets through the supervisor's gate with the outputs.
      expect((await runner.get("/health")).status).toBe(200);
      expect((await runner.post().exited).code).toBe(0);
    },
  );
});

describe("the post step, with no input in its environment", () => {
  it("holds for keep-alive, stops the supervisor, reports the crash as fail-on-crash says, and deletes the run's Config", async () => {
    const runner = new FakeRunner(mark.env);
    const main = runner.main({
      start: CRASHY,
      ready: "tcp",
      "keep-alive": "1500ms",
      "fail-on-crash": "false",
    });
    expect((await main.exited).code, main.output()).toBe(0);

    // The supervisor has the run's Config, not the inputs.
    const state = runner.state();
    const supervisorPid = Number(state["supervisor-pid"]);
    const environ = readFileSync(`/proc/${supervisorPid}/environ`, "utf8").split("\0");
    expect(environ.filter((entry) => /^INPUT_/i.test(entry))).toEqual([]);
    const configFile = path.join(state["run-dir"] as string, "config.json");
    expect(statSync(configFile).mode & 0o777).toBe(0o600);

    await runner.get("/crash");
    await until("the crash to be recorded", () => runner.supervisorState("crash"));
    const started = Date.now();
    const post = runner.post({ inputs: false });
    expect((await post.exited).code, post.output()).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
    expect(post.output()).toMatch(/keeping the preview up for 1\.50s \(keep-alive\)/);
    expect(post.output()).toContain("stopping the preview");
    expect(post.output()).toContain("::warning::The app exited with code 4 while the preview was up.");
    expect(existsSync(configFile)).toBe(false);
  });

  it("fails the job on a crash by default", async () => {
    const runner = new FakeRunner(mark.env);
    const main = runner.main({ start: CRASHY, ready: "tcp" });
    expect((await main.exited).code, main.output()).toBe(0);
    await runner.get("/crash");
    await until("the crash to be recorded", () => runner.supervisorState("crash"));
    const post = runner.post({ inputs: false });
    expect((await post.exited).code).toBe(1);
    expect(post.output()).toContain("::error::The app exited with code 4 while the preview was up.");
  });
});
