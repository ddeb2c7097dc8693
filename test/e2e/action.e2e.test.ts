import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { isAlive } from "../../src/app/proc-table.js";
import { expectNoProcessLeft, newMark } from "../helpers/processes.js";
import { FakeRunner } from "../helpers/runner.js";
import { runnerView } from "../helpers/runner-commands.js";
import { until } from "../helpers/wait.js";

const APP = "node examples/hello/server.js";
const SMOKE = "node examples/hello/smoke-test.js";
/** An app that ignores SIGTERM, so only SIGKILL after the grace period stops it. */
const STUBBORN =
  "node -e \"process.on('SIGTERM',()=>console.log('ignoring SIGTERM'));require('http').createServer((q,s)=>s.end('ok')).listen(process.env.PORT,()=>console.log('up'))\"";

/** A test command that runs until it is stopped. */
const WAIT_FOREVER = 'node -e "setInterval(() => {}, 1000)"';

let mark = newMark();
afterEach(async () => {
  await expectNoProcessLeft(mark.value);
  mark = newMark();
});

describe("dist/main.js and dist/post.js as the runner runs them", () => {
  it("boots the example app, runs the test command against it, sets outputs and the summary, tears down", async () => {
    const runner = new FakeRunner(mark.env);
    const main = runner.main({ start: APP, ready: "/health", test: SMOKE, "stop-grace": "5s" });
    const { code } = await main.exited;
    expect(main.output()).toContain("smoke-test: 4 passed, 0 failed");
    expect(code).toBe(0);

    const outputs = runner.outputs();
    expect(outputs.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(outputs.provider).toBe("local");
    expect(outputs["test-exit-code"]).toBe("0");
    expect(readFileSync(outputs["app-log"] ?? "", "utf8")).toMatch(
      /hello: listening on http:\/\/localhost:\d+/,
    );
    expect(outputs["app-log"]?.startsWith(runner.runnerTemp)).toBe(true);

    // The gate: generated credentials masked before use, every request recorded.
    expect(outputs.username).toBe("preview");
    expect(main.output()).toContain(`::add-mask::${outputs.password}`);
    expect(main.output().indexOf(`::add-mask::${outputs.password}`)).toBeLessThan(
      main.output().indexOf("smoke-test:"),
    );
    const har = JSON.parse(readFileSync(outputs["har-path"] ?? "", "utf8"));
    expect(har.log.entries.map((e: { response: { status: number } }) => e.response.status)).toEqual([
      401, 200, 200, 404,
    ]);
    expect(readFileSync(outputs["har-path"] ?? "", "utf8")).not.toContain(outputs.password);

    const summary = runner.summary();
    expect(summary).toContain("Requests through the gate");
    expect(summary).toContain("tests passed");
    for (const phase of ["boot", "ready", "expose", "publish", "test", "teardown"]) {
      expect(summary).toMatch(new RegExp(`\\| ${phase} \\| ok \\| \\d`));
    }

    const state = runner.state();
    expect(state["run-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(state["torn-down"]).toBe("true");
    expect(Number(state["app-pid"])).toBeGreaterThan(0);

    const post = runner.post();
    expect((await post.exited).code).toBe(0);
    expect(post.output()).toContain("already tore the preview down");
  });

  it("fails the step with the test command's exit code", async () => {
    const runner = new FakeRunner(mark.env);
    const main = runner.main({ start: APP, ready: "/health", test: "exit 7" });
    expect((await main.exited).code).toBe(1);
    expect(main.output()).toContain("::error::The test command exited with code 7.");
    expect(runner.outputs()["test-exit-code"]).toBe("7");
    expect((await runner.post().exited).code).toBe(0);
  });

  it("fails on invalid input before starting anything, naming the input", async () => {
    const runner = new FakeRunner(mark.env);
    const main = runner.main({ start: APP, port: "70000", "ready-timeout": "soon" });
    expect((await main.exited).code).toBe(1);
    expect(main.output()).toContain(
      '::error::2 inputs are invalid:%0A  - Input "port" must be a TCP port number',
    );
    expect(main.output()).toContain('Input "ready-timeout" is not a duration');
    expect(runner.state()["run-id"]).toBeUndefined();
    const post = runner.post();
    expect((await post.exited).code).toBe(0);
    expect(post.output()).toContain("nothing to clean up");
  });

  it("shows workflow commands in the app's output without the runner acting on them", async () => {
    const runner = new FakeRunner(mark.env);
    const hostile = "printf '::add-mask::hello\\n  ::error title=x::from the app\\nsee ##[warning]this\\n'";
    const main = runner.main({ start: `${hostile}; exec ${APP}`, ready: "/health", test: "true" });
    expect((await main.exited).code).toBe(0);
    const view = runnerView(main.output());
    expect(view.shown).toEqual(
      expect.arrayContaining(["::add-mask::hello", "  ::error title=x::from the app", "see ##[warning]this"]),
    );
    const acted = view.commands.map((c) => c.data);
    expect(acted).not.toContain("hello");
    expect(acted).not.toContain("from the app");
    expect(acted).not.toContain("this");
    // The action's own commands still work around them.
    expect(view.commands).toContainEqual({ command: "add-mask", data: runner.outputs().password });
  });

  it("fails at once when the app crashes at boot, with its exit code and output", async () => {
    const runner = new FakeRunner(mark.env);
    const started = Date.now();
    const main = runner.main({ start: "echo 'cannot find module x' >&2; exit 3", "ready-timeout": "30s" });
    expect((await main.exited).code).toBe(1);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(main.output()).toContain("::error::The app exited with code 3 before it was ready.");
    expect(main.output()).toContain("cannot find module x");
  });

  it("the post step stops the app and the test command when the main step was killed with SIGKILL", async () => {
    const runner = new FakeRunner(mark.env);
    const main = runner.main({ start: STUBBORN, test: WAIT_FOREVER, "stop-grace": "1s" });
    // The preview outputs are written one by one: wait for the last one the test uses.
    await until("the auth-header output", () => runner.outputs()["auth-header"], 30_000);
    expect((await runner.get("/")).status).toBe(200);
    const appPid = Number(runner.state()["app-pid"]);
    main.child.kill("SIGKILL");
    await main.exited;
    // The gate died with the main step; the app and the test command (detached) live on.
    expect(isAlive(appPid)).toBe(true);
    expect(Number(runner.state()["test-pid"])).toBeGreaterThan(0);

    const post = runner.post();
    expect((await post.exited).code).toBe(0);
    expect(post.output()).toMatch(/stopping the test command \(pid \d+\) left by the main step/);
    expect(post.output()).toMatch(/stopping the app \(pid \d+\) left by the main step/);
    expect(isAlive(appPid)).toBe(false);
  });

  it("tears down within 5 seconds when cancelled with SIGINT, even with an app that ignores SIGTERM", async () => {
    const runner = new FakeRunner(mark.env);
    const main = runner.main({ start: STUBBORN, test: WAIT_FOREVER });
    const url = await until("the url output", () => runner.outputs().url, 30_000);
    const sent = Date.now();
    main.child.kill("SIGINT");
    const { code } = await main.exited;
    const took = Date.now() - sent;
    expect(took).toBeLessThan(5000);
    expect(code).toBe(1);
    expect(main.output()).toContain("Received SIGINT: tearing the preview down.");
    expect(main.output()).toContain("::error::Cancelled by SIGINT. The preview was torn down.");
    await expect(fetch(url)).rejects.toThrow();
    expect(runner.state()["torn-down"]).toBe("true");
    expect((await runner.post().exited).code).toBe(0);
  });
});
