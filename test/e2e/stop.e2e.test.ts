/**
 * The stop command as the runner runs the action (dist/main.js, dist/supervisor.js,
 * dist/post.js) with the detached stand-in, whose daemon nothing but the stop command can
 * reach: background mode's post step (the supervisor's teardown runs it), and a main step
 * killed with SIGKILL (the post step runs what the run still owed, from the run folder).
 * After each test no process is left, the daemon included.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { START_DAEMON, STOP_DAEMON, StandIn } from "../helpers/detached.js";
import { expectNoProcessLeft, newMark } from "../helpers/processes.js";
import { FakeRunner } from "../helpers/runner.js";
import { until } from "../helpers/wait.js";

/** A test command that runs until it is stopped. */
const WAIT_FOREVER = 'node -e "setInterval(() => {}, 1000)"';

let mark = newMark();
afterEach(async () => {
  await expectNoProcessLeft(mark.value);
  mark = newMark();
});

describe("the stop command in the action", () => {
  it("in background mode, runs in the post step (the supervisor's teardown), output in the app log", async () => {
    const runner = new FakeRunner(mark.env);
    const daemon = new StandIn(runner.dir);
    const main = runner.main({ start: START_DAEMON, stop: STOP_DAEMON, env: daemon.env });
    expect((await main.exited).code).toBe(0);
    expect((await runner.get("/")).status).toBe(200);
    expect(daemon.alive()).toBe(true);
    const outputs = runner.outputs();
    expect(outputs["logs-dir"]).toBe(path.dirname(outputs["app-log"] as string));

    const post = runner.post();
    expect((await post.exited).code).toBe(0);
    expect(post.output()).toContain(`Running the stop command: ${STOP_DAEMON}`);
    expect(daemon.said()).toContain("daemon: got SIGTERM, stopping");
    expect(daemon.alive()).toBe(false);
    expect(readFileSync(outputs["app-log"] as string, "utf8")).toMatch(/stop-daemon: stopped the daemon/);
    // Nothing is owed any more; the run folder keeps no environment.
    expect(existsSync(path.join(runner.state()["run-dir"] as string, "stops.json"))).toBe(false);
  });

  it("runs in the post step when the main step was killed with SIGKILL, with start's environment", async () => {
    const runner = new FakeRunner(mark.env);
    const daemon = new StandIn(runner.dir);
    const main = runner.main({
      start: START_DAEMON,
      stop: `echo "stopping what listens on $PORT for $PREVIEW_URL"; ${STOP_DAEMON}`,
      env: daemon.env,
      test: WAIT_FOREVER,
    });
    await until("the auth-header output", () => runner.outputs()["auth-header"], 30_000);
    const { url } = runner.outputs();
    main.child.kill("SIGKILL");
    await main.exited;
    expect(daemon.alive()).toBe(true);
    const stops = path.join(runner.state()["run-dir"] as string, "stops.json");
    expect(existsSync(stops)).toBe(true);

    const post = runner.post({ inputs: false });
    expect((await post.exited).code).toBe(0);
    expect(post.output()).toContain(
      "preview-tunnel: running the stop command of app, which the run still owed:",
    );
    expect(post.output()).toMatch(/preview-tunnel: the stop command of app finished after/);
    expect(daemon.said()).toContain("daemon: got SIGTERM, stopping");
    expect(daemon.alive()).toBe(false);
    const log = readFileSync(runner.state()["app-log"] as string, "utf8");
    expect(log).toContain(`stopping what listens on ${daemon.port()} for ${url}`);
    expect(existsSync(stops)).toBe(false);
  });

  it("a failing stop command in the post step is a warning there and in the summary", async () => {
    const runner = new FakeRunner(mark.env);
    const daemon = new StandIn(runner.dir);
    const main = runner.main({
      start: START_DAEMON,
      stop: `${STOP_DAEMON}; exit 7`,
      env: daemon.env,
      test: WAIT_FOREVER,
    });
    await until("the auth-header output", () => runner.outputs()["auth-header"], 30_000);
    main.child.kill("SIGKILL");
    await main.exited;
    const post = runner.post();
    expect((await post.exited).code).toBe(0);
    expect(post.output()).toMatch(
      /::warning::preview-tunnel: the stop command of app exited with code 7: what it stops may still be running/,
    );
    expect(runner.summary()).toContain("- ⚠️ preview-tunnel: the stop command of app exited with code 7");
    expect(daemon.alive()).toBe(false);
  });
});
