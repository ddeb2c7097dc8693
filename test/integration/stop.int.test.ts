/**
 * Stopping process trees: an app that ignores SIGTERM, grandchildren that hold the port
 * (in the group, orphaned, or escaped with setsid). Directly through startProcess and
 * through the pipeline's teardown. Real processes, loopback only, no sleeps.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { freePort } from "../../src/app/ports.js";
import { isAlive } from "../../src/app/proc-table.js";
import { type ManagedProcess, startProcess } from "../../src/app/process.js";
import { sweepMarked } from "../../src/app/stop.js";
import { MARK_ENV, processesWithMark } from "../helpers/processes.js";
import { until } from "../helpers/wait.js";
import { type Harness, nodeApp, portOf, portReleasedBy, ROOT, tryConnect, useHarness } from "./harness.js";

let h: Harness;
useHarness((created) => {
  h = created;
});

/** Starts a fixture directly (no pipeline) on a free port, its output in the test's temp dir. */
async function start(
  app: string,
  env: Record<string, string> = {},
): Promise<{ proc: ManagedProcess; port: number; log: string }> {
  const port = await freePort();
  const log = path.join(h.tempDir, "app.log");
  const proc = await startProcess({
    command: nodeApp(app),
    cwd: ROOT,
    env: { ...h.env, PORT: String(port), ...env },
    output: { file: log },
  });
  return { proc, port, log };
}

const listening = (port: number) =>
  until(`something listening on ${port}`, async () =>
    (await tryConnect(port)) === "connected" ? true : undefined,
  );

describe("an app that ignores SIGTERM", () => {
  it("gets SIGTERM, then SIGKILL after the grace period", async () => {
    const { proc, port, log } = await start("ignore-sigterm.mjs");
    await listening(port);

    const started = performance.now();
    await proc.stop(300);
    const took = performance.now() - started;

    expect(took).toBeGreaterThanOrEqual(300);
    expect(took).toBeLessThan(2000);
    expect(await proc.exited).toEqual({ code: null, signal: "SIGKILL" });
    expect(isAlive(proc.pid)).toBe(false);
    expect(await portReleasedBy(h.mark.value, port)).toBe("released");
    // It did get the SIGTERM first.
    expect(readFileSync(log, "utf8")).toContain("ignore-sigterm: got SIGTERM, ignoring it");
    expect(processesWithMark(h.mark.value)).toEqual([]);
  });

  it("stop is idempotent, and an app that is already gone stops at once", async () => {
    const { proc, port } = await start("ignore-sigterm.mjs");
    await listening(port);
    const first = proc.stop(300);
    expect(proc.stop(300)).toBe(first);
    await first;

    const gone = await startProcess({ command: "exit 0", cwd: ROOT, env: h.env, output: "inherit" });
    await gone.exited;
    // A grace far beyond the test's time limit: waiting it out would fail the test.
    await gone.stop(3_600_000);
  });

  it("through the pipeline: teardown waits the stop-grace, then kills", async () => {
    const result = await h.run({
      start: nodeApp("ignore-sigterm.mjs"),
      "stop-grace": "300ms",
      test: "exit 0",
    });

    expect(result.outcome).toBe("passed");
    const teardown = h.phase("teardown");
    expect(teardown?.ms).toBeGreaterThanOrEqual(300);
    expect(teardown?.ms).toBeLessThan(2500);
    // The log was read to its end after the stop: the SIGTERM reached the app and was ignored.
    expect(h.writtenTail.join("")).toContain("ignore-sigterm: got SIGTERM, ignoring it");
    expect(await portReleasedBy(h.mark.value, portOf(result.url as string))).toBe("released");
    expect(processesWithMark(h.mark.value)).toEqual([]);
  });
});

describe("a grandchild that holds the port", () => {
  it("in the app's process group: stopped with the app, the port is free", async () => {
    const result = await h.run({
      start: nodeApp("grandchild.mjs"),
      env: "GRANDCHILD_MODE=stay",
      "stop-grace": "2s",
      test: "exit 0",
    });

    expect(result.outcome).toBe("passed");
    // The app's own stop got it: nothing was left for the run-id sweep.
    expect(h.messages("warning")).toEqual([]);
    const log = readFileSync(result.appLog, "utf8");
    const server = Number(/grandchild-server: pid (\d+) listening/.exec(log)?.[1]);
    expect(server).toBeGreaterThan(0);
    expect(String(server)).not.toBe(h.state.get("app-pid"));
    expect(isAlive(server)).toBe(false);
    expect(await portReleasedBy(h.mark.value, portOf(result.url as string))).toBe("released");
    expect(processesWithMark(h.mark.value)).toEqual([]);
  });

  it("orphaned (its parent, the process we started, exited): still stopped by the group", async () => {
    const { proc, port } = await start("grandchild.mjs", { GRANDCHILD_MODE: "exit" });
    expect((await proc.exited).code).toBe(0);
    // The process we started is gone; its grandchild still serves.
    expect(await tryConnect(port)).toBe("connected");

    await proc.stop(2000);
    expect(await portReleasedBy(h.mark.value, port)).toBe("released");
    expect(processesWithMark(h.mark.value)).toEqual([]);
  });

  it("escaped with setsid (not in the group, not a descendant): only the marker sweep finds it", async () => {
    const { proc, port } = await start("grandchild.mjs", { GRANDCHILD_MODE: "escape" });
    await listening(port);

    // Stopping the tree leaves it alive: it is neither in the group nor below the app.
    await proc.stop(2000);
    expect(await tryConnect(port)).toBe("connected");
    expect(processesWithMark(h.mark.value)).toHaveLength(1);

    expect(await sweepMarked(MARK_ENV, h.mark.value, 2000)).toBe(1);
    expect(await portReleasedBy(h.mark.value, port)).toBe("released");
    expect(processesWithMark(h.mark.value)).toEqual([]);
  });

  it("escaped with setsid, through the pipeline: the run-id sweep stops it", async () => {
    const result = await h.run({
      start: nodeApp("grandchild.mjs"),
      env: "GRANDCHILD_MODE=escape",
      "stop-grace": "2s",
      test: "exit 0",
    });

    expect(result.outcome).toBe("passed");
    // Stopping the app's tree missed it; the sweep by run id got it.
    expect(h.messages("warning")).toContain(
      "Stopped 1 leftover process(es) of this run that had left their process group.",
    );
    expect(await portReleasedBy(h.mark.value, portOf(result.url as string))).toBe("released");
    expect(processesWithMark(h.mark.value)).toEqual([]);
  });
});
