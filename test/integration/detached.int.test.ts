/**
 * Apps whose start command returns (`docker compose up -d`), a `stop` command, `setup`: through
 * the whole pipeline with the detached stand-in (test/helpers/detached.ts), whose daemon
 * neither the process-tree stop nor the run's sweep can find. After each test no process of it
 * is left (the harness checks), the stand-in's daemon included.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CancelledError, EXIT, StartError } from "../../src/errors.js";
import { START_DAEMON, STOP_DAEMON, StandIn } from "../helpers/detached.js";
import { until } from "../helpers/wait.js";
import { type Harness, nodeApp, useHarness } from "./harness.js";

let h: Harness;
useHarness((created) => {
  h = created;
});

const failure = (run: Promise<unknown>) =>
  run.then(
    () => undefined,
    (e: unknown) => e,
  );

/** A test command that GETs `path` through the preview and writes what it saw to `out`. */
function check(out: string, pathname = "/"): string {
  return `CHECK_OUT='${out}' CHECK_PATH='${pathname}' ${nodeApp("check-url.mjs")}`;
}

describe("a detached app (start returns once it launched the app) with a stop command", () => {
  it("is taken as detached when stop is set and start exits 0; the stop command stops it at teardown", async () => {
    const daemon = new StandIn(h.tempDir);
    const out = path.join(h.tempDir, "check.json");
    const result = await h.run({
      start: START_DAEMON,
      stop: STOP_DAEMON,
      ready: "/health",
      env: daemon.env,
      test: check(out, "/through-the-gate"),
    });

    expect(result.outcome).toBe("passed");
    expect(JSON.parse(readFileSync(out, "utf8")).body).toBe(
      JSON.stringify({ daemon: daemon.pid(), path: "/through-the-gate" }),
    );
    expect(h.messages("info").join("\n")).toContain(
      "The app's start command exited with code 0: the app runs detached from it, so readiness decides (a stop command is set).",
    );
    // The stop command did it (SIGTERM from stop-daemon.sh), not a sweep: the daemon is out of reach of both.
    expect(daemon.said()).toContain("daemon: got SIGTERM, stopping");
    expect(daemon.alive()).toBe(false);
    const log = readFileSync(result.appLog, "utf8");
    expect(log).toContain("start-daemon: launched the daemon");
    expect(log).toMatch(/stop-daemon: stopped the daemon \(pid \d+\)/);
    expect(h.messages("info")).toContain("Running the stop command: " + STOP_DAEMON);
    expect(result.warnings).toBeUndefined();
    // One app is not routed: no service is named in the recording or the stats.
    expect(readFileSync(result.harPath as string, "utf8")).not.toContain("_service");
    expect(result.requests?.byService).toBeUndefined();
  });

  it("without a stop command, a start that exits 0 fails at once and says how to mark it detached", async () => {
    const daemon = new StandIn(h.tempDir);
    const error = await failure(
      h.run({ start: START_DAEMON, env: daemon.env, "ready-timeout": "30s", test: "exit 0" }),
    );
    // Nothing in the run can reach the daemon: that is what `stop` is for.
    await until("the daemon to listen", () => daemon.pid());
    expect(daemon.alive()).toBe(true);
    daemon.kill();

    expect(error).toBeInstanceOf(StartError);
    const message = (error as Error).message;
    expect(message).toContain("The app exited with code 0 before it was ready.");
    expect(message).toContain('set "stop" (or "start-mode: detached")');
    expect(message).toContain("| start-daemon: launched the daemon");
  });

  it("start-mode detached: a start that exits non-zero fails at once with its output", async () => {
    const started = performance.now();
    const error = await failure(
      h.run({
        start: "echo 'no such service: web' >&2; exit 1",
        "start-mode": "detached",
        "ready-timeout": "30s",
        test: "exit 0",
      }),
    );
    expect(error).toBeInstanceOf(StartError);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect((error as Error).message).toContain("The app exited with code 1 before it was ready.");
    expect((error as Error).message).toContain("| no such service: web");
  });

  it("start-mode detached without stop: readiness decides after start exits 0", async () => {
    const daemon = new StandIn(h.tempDir);
    try {
      const result = await h.run({
        start: START_DAEMON,
        "start-mode": "detached",
        env: daemon.env,
        test: "exit 0",
      });
      expect(result.outcome).toBe("passed");
      expect(h.messages("info").join("\n")).toContain("(start-mode: detached)");
    } finally {
      daemon.kill();
    }
  });

  it("a stop command that fails is a warning in the result: the run still passes", async () => {
    const daemon = new StandIn(h.tempDir);
    const result = await h.run({
      start: START_DAEMON,
      stop: `${STOP_DAEMON}; echo 'volume db-data is in use' >&2; exit 3`,
      env: daemon.env,
      test: "exit 0",
    });
    expect(result.outcome).toBe("passed");
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings?.[0]).toMatch(
      /^The stop command exited with code 3: what it stops may still be running\./,
    );
    expect(result.warnings?.[0]).toContain("| volume db-data is in use");
    expect(h.messages("warning")[0]).toBe(result.warnings?.[0]);
    expect(daemon.alive()).toBe(false);
  });

  it("a stop command that hangs is killed after stop-grace and reported", async () => {
    const daemon = new StandIn(h.tempDir);
    const result = await h.run({
      start: START_DAEMON,
      stop: `${STOP_DAEMON}; echo 'waiting for containers'; exec ${nodeApp("hang.mjs")}`,
      "stop-grace": "2s",
      env: daemon.env,
      test: "exit 0",
    });
    expect(result.outcome).toBe("passed");
    expect(result.warnings).toEqual([
      "The stop command did not finish within 2.00s (stop-grace) and was killed: what it stops may still be running.",
    ]);
    const teardown = h.phase("teardown");
    expect(teardown?.ms).toBeGreaterThanOrEqual(2000);
    expect(readFileSync(result.appLog, "utf8")).toContain("waiting for containers");
  });

  it("going down while the preview is up is seen by the probes (no process is left to watch)", async () => {
    const daemon = new StandIn(h.tempDir);
    const run = h.run({
      start: START_DAEMON,
      stop: STOP_DAEMON,
      env: daemon.env,
      "keep-alive": "2m",
      test: "exit 0",
    });
    await until("the preview to be held", () => h.loggedAt(/^Keeping the preview/), 30_000);
    // The container dies on its own.
    await fetch(`http://127.0.0.1:${daemon.port()}/exit`);
    const result = await run;

    expect(result.outcome).toBe("failed");
    expect(result.failure).toMatch(
      /^The app stopped answering \(3 probes in a row failed, 2s apart; the last: .*ECONNREFUSED.*\) while the preview was up\.$/,
    );
    expect(h.messages("error")[0]).toContain(result.failure);
    expect(h.phase("hold")?.status).toBe("ok");
    // Stopped anyway: whatever compose would still have to clean up.
    expect(readFileSync(result.appLog, "utf8")).toContain("stop-daemon:");
  });

  it("a cancelled run runs the stop command too, within 5 s", async () => {
    const daemon = new StandIn(h.tempDir);
    const run = failure(
      h.run({ start: START_DAEMON, stop: STOP_DAEMON, env: daemon.env, "keep-alive": "2m", test: "exit 0" }),
    );
    await until("the preview to be held", () => h.loggedAt(/^Keeping the preview/), 30_000);
    const reason = new CancelledError("SIGTERM");
    const started = performance.now();
    h.controller.abort(reason);
    expect(await run).toBe(reason);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(daemon.said()).toContain("daemon: got SIGTERM, stopping");
    expect(daemon.alive()).toBe(false);
  });
});

describe("the stop command of an attached app", () => {
  it("runs with start's environment and directory, before the process tree is stopped", async () => {
    const result = await h.run({
      start: nodeApp("service.mjs"),
      env: "SERVICE_NAME=web",
      "working-directory": "test/fixtures",
      // The app still answers when the stop command runs, on the same PORT.
      stop: `echo "stop in $(basename "$PWD") sees: $(${nodeApp("fetch-local.mjs")})"`,
      test: "exit 0",
    });
    expect(result.outcome).toBe("passed");
    const log = readFileSync(result.appLog, "utf8");
    expect(log).toContain('stop in fixtures sees: {"service":"web","path":"/"}');
    // ...and the app got its SIGTERM after that.
    expect(log.indexOf("stop in fixtures")).toBeLessThan(log.indexOf("web: got SIGTERM"));
  });
});

describe("a setup command", () => {
  it("runs once before start, with the same environment and directory, in a phase of its own", async () => {
    const count = path.join(h.tempDir, "setup-runs");
    const result = await h.run({
      setup: `echo "setup: PORT=$PORT PREVIEW_URL=$PREVIEW_URL SERVICE_NAME=$SERVICE_NAME in $(basename "$PWD")"; echo ran >> '${count}'`,
      start: nodeApp("service.mjs"),
      env: "SERVICE_NAME=web",
      "working-directory": "test/fixtures",
      test: "exit 0",
    });
    expect(result.outcome).toBe("passed");
    expect(readFileSync(count, "utf8")).toBe("ran\n");
    const log = readFileSync(result.appLog, "utf8");
    const port = /Starting the app in .* with PORT=(\d+)/.exec(h.messages("info").join("\n"))?.[1];
    expect(log).toContain(`setup: PORT=${port} PREVIEW_URL=${result.url} SERVICE_NAME=web in fixtures`);
    expect(log.indexOf("setup: PORT")).toBeLessThan(log.indexOf("web: listening"));
    expect(result.phases.map((p) => p.name).slice(0, 4)).toEqual(["expose", "setup", "boot", "ready"]);
    expect(h.phase("setup")).toMatchObject({
      status: "ok",
      detail: expect.stringMatching(/^exit code 0 after /),
    });
    expect(h.messages("group")).toContain(
      `Setup: echo "setup: PORT=$PORT PREVIEW_URL=$PREVIEW_URL SERVICE_NAME=$SERVICE_NAME in $(basename "$PWD")"; echo ran >> '${count}'`,
    );
  });

  it("that fails stops the run before start (exit code 3), with its last output", async () => {
    const error = await failure(
      h.run({
        setup: "echo 'relation users already exists' >&2; exit 4",
        start: nodeApp("service.mjs"),
        test: "exit 0",
      }),
    );
    expect(error).toBeInstanceOf(StartError);
    expect((error as StartError).exitCode).toBe(EXIT.startFailed);
    expect((error as Error).message).toMatch(
      /^The setup command exited with code 4\.\nLast 1 line\(s\) of its output/,
    );
    expect((error as Error).message).toContain("| relation users already exists");
    expect(h.phase("setup")?.status).toBe("failed");
    expect(h.phase("boot")).toBeUndefined();
    expect(h.finished?.outcome).toBe("start-failed");
  });
});
