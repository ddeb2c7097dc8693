/**
 * Background mode: the preview outlives the main step (a supervisor process keeps it up),
 * later steps use it, and the post step tears it down.
 */
import { afterEach, describe, expect, it } from "vitest";
import { isAlive } from "../../src/app/proc-table.js";
import { expectNoProcessLeft, newMark, processesWithMark } from "../helpers/processes.js";
import { FakeRunner } from "../helpers/runner.js";
import { until } from "../helpers/wait.js";

const APP = "node examples/hello/server.js";
const CRASHY = "node test/fixtures/apps/crash-on-request.mjs";
const SLOW = "node test/fixtures/apps/slow-start.mjs";

let mark = newMark();
afterEach(async () => {
  await expectNoProcessLeft(mark.value);
  mark = newMark();
});

describe("background mode (no test command, or keep-running)", () => {
  it("keeps the preview up after the main step for later steps; the post step tears it down", async () => {
    const runner = new FakeRunner(mark.env);
    const main = runner.main({ start: APP, ready: "/health" });
    expect((await main.exited).code).toBe(0);
    expect(main.output()).toContain("hello: listening on");
    expect(main.output()).toContain("stays up for the next steps");
    const { url } = runner.outputs();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    // A later step, in a process of its own.
    const later = await runner.get("/health");
    expect(later.status).toBe(200);
    expect(processesWithMark(mark.value).length).toBeGreaterThan(0);
    const state = runner.state();
    expect(Number(state["supervisor-pid"])).toBeGreaterThan(0);

    const post = runner.post();
    expect((await post.exited).code).toBe(0);
    expect(post.output()).toContain("stopping the preview");
    // The supervisor's teardown is shown by the post step.
    expect(post.output()).toContain("Stopping the app");
    await expect(fetch(url as string)).rejects.toThrow();
    expect(isAlive(Number(state["supervisor-pid"]))).toBe(false);
    expect(runner.summary()).toMatch(/\| hold \| ok \| .* \| until stopped \|/);
  });

  it("with keep-running and a test, runs the test in the main step and keeps the preview for the post step", async () => {
    const runner = new FakeRunner(mark.env);
    const main = runner.main({
      start: APP,
      ready: "/health",
      test: "node examples/hello/smoke-test.js",
      "keep-running": "true",
    });
    expect((await main.exited).code).toBe(0);
    expect(main.output()).toContain("smoke-test: 4 passed, 0 failed");
    expect(runner.outputs()["test-exit-code"]).toBe("0");
    expect((await runner.get("/")).status).toBe(200);
    expect((await runner.post().exited).code).toBe(0);
  });

  it("a failing test fails the main step, and the preview still stays up until the post step", async () => {
    const runner = new FakeRunner(mark.env);
    const main = runner.main({ start: APP, ready: "/health", test: "exit 5", "keep-running": "yes" });
    expect((await main.exited).code).toBe(1);
    expect(main.output()).toContain("::error::The test command exited with code 5.");
    expect((await runner.get("/health")).status).toBe(200);
    expect((await runner.post().exited).code).toBe(0);
  });

  it("the post step holds the preview for keep-alive before stopping it", async () => {
    const runner = new FakeRunner(mark.env);
    const main = runner.main({ start: APP, "keep-alive": "1500ms" });
    expect((await main.exited).code).toBe(0);
    const started = Date.now();
    const post = runner.post();
    expect((await post.exited).code).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
    expect(post.output()).toMatch(/keeping the preview up for 1\.50s \(keep-alive\)/);
  });

  it("an app crash while the preview is up fails the job in the post step, with the app's last output", async () => {
    const runner = new FakeRunner(mark.env);
    const main = runner.main({ start: CRASHY, ready: "tcp" });
    expect((await main.exited).code).toBe(0);
    await runner.get("/crash");
    await until("the crash to be recorded", () => runner.supervisorState("crash"));
    const post = runner.post();
    expect((await post.exited).code).toBe(1);
    expect(post.output()).toContain("::error::The app exited with code 4 while the preview was up.");
    expect(post.output()).toContain("out of cheese");
  });

  it("with fail-on-crash false a crash is a warning", async () => {
    const runner = new FakeRunner(mark.env);
    const main = runner.main({ start: CRASHY, ready: "tcp", "fail-on-crash": "false" });
    expect((await main.exited).code).toBe(0);
    await runner.get("/crash");
    await until("the crash to be recorded", () => runner.supervisorState("crash"));
    const post = runner.post();
    expect((await post.exited).code).toBe(0);
    expect(post.output()).toContain("::warning::The app exited with code 4 while the preview was up.");
  });

  it("a main step killed with SIGKILL while the app boots leaves nothing behind after the post step", async () => {
    const runner = new FakeRunner({ ...mark.env, SLOW_START_MS: "60000" });
    const main = runner.main({ start: SLOW, "ready-timeout": "2m" });
    await until("the app to start", () => (runner.supervisorState("app-pid") ? true : undefined), 20_000);
    main.child.kill("SIGKILL");
    await main.exited;
    const post = runner.post();
    expect((await post.exited).code).toBe(0);
    expect(post.output()).toContain("stopping the preview");
  });

  it("a main step cancelled with SIGINT while the app boots tears down within 5 seconds", async () => {
    const runner = new FakeRunner({ ...mark.env, SLOW_START_MS: "60000" });
    const main = runner.main({ start: SLOW, "ready-timeout": "2m" });
    await until("the app to start", () => (runner.supervisorState("app-pid") ? true : undefined), 20_000);
    const sent = Date.now();
    main.child.kill("SIGINT");
    const { code } = await main.exited;
    expect(Date.now() - sent).toBeLessThan(5000);
    expect(code).toBe(1);
    expect(main.output()).toContain("::error::Cancelled by SIGINT. The preview was torn down.");
    await expectNoProcessLeft(mark.value);
    expect((await runner.post().exited).code).toBe(0);
  });
});
