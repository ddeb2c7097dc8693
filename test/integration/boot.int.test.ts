/**
 * Booting the app through the whole pipeline: a slow start, a crash at boot and an app
 * that prints a flood of output. Real processes, loopback only, no sleeps.
 */
import { readFileSync, statSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { StartError } from "../../src/errors.js";
import { processesWithMark } from "../helpers/processes.js";
import { type Harness, nodeApp, now, useHarness } from "./harness.js";

let h: Harness;
useHarness((created) => {
  h = created;
});

describe("booting the app", () => {
  it("waits for a slow start (~2 s) and moves on promptly once the app listens", async () => {
    const result = await h.run({ start: nodeApp("slow-start.mjs"), "ready-timeout": "20s" });

    expect(result.outcome).toBe("no-test");
    expect(result.failure).toBeUndefined();
    const log = readFileSync(result.appLog, "utf8");
    const startedAt = Number(/started at ([\d.]+)/.exec(log)?.[1]);
    const listeningAt = Number(/listening at ([\d.]+)/.exec(log)?.[1]);
    expect(listeningAt - startedAt).toBeGreaterThanOrEqual(2000);
    // The ready phase spans the whole delay...
    const ready = h.phase("ready");
    expect(ready?.status).toBe("ok");
    expect(ready?.ms).toBeGreaterThanOrEqual(2000);
    // ...and ends after the socket listens (how soon after is `npm run bench`'s readiness
    // latency: a median of about 8 ms).
    const readyAt = h.loggedAt(/^The app is ready/);
    expect(readyAt).toBeDefined();
    expect((readyAt as number) - listeningAt).toBeGreaterThanOrEqual(0);
    expect(processesWithMark(h.mark.value)).toEqual([]);
  });

  it("fails at once when the app exits at boot, with its exit code and the last 50 lines", async () => {
    const started = performance.now();
    const error = await h
      .run({ start: nodeApp("crash-at-boot.mjs"), "ready-timeout": "30s", test: "exit 0" })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    const elapsed = performance.now() - started;

    expect(error).toBeInstanceOf(StartError);
    const message = (error as Error).message;
    expect(elapsed).toBeLessThan(5000);
    expect(message).toContain("exited with code 3 before it was ready");
    expect(message).not.toContain("not ready after");
    for (let i = 31; i <= 80; i++) expect(message).toContain(`| crash-at-boot: line ${i} of 80`);
    expect(message).not.toMatch(/\| crash-at-boot: line (1|30) of 80$/m);
    expect(message).toContain("Last 50 line(s)");
    expect(message).toContain(h.finished?.appLog);
    // The pipeline stopped at boot: no test ran, teardown happened.
    expect(h.finished?.outcome).toBe("start-failed");
    expect(h.finished?.testExitCode).toBeUndefined();
    expect(h.phase("ready")?.status).toBe("failed");
    expect(h.phase("test")).toBeUndefined();
    expect(h.state.get("torn-down")).toBe("true");
    expect(processesWithMark(h.mark.value)).toEqual([]);
  });

  it("keeps memory bounded while the app prints 50 MB, and the log file keeps all of it", async () => {
    const size = 50 * 1024 * 1024;
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 5);
    const started = now();
    let result: Awaited<ReturnType<Harness["run"]>>;
    try {
      result = await h.run({ start: nodeApp("flood.mjs"), env: "FLOOD_MB=50", "ready-timeout": "60s" });
    } finally {
      clearInterval(sampler);
    }
    peak = Math.max(peak, process.memoryUsage().rss);

    expect(result.outcome).toBe("no-test");
    expect(statSync(result.appLog).size).toBe(size);
    // Every byte streamed through the logger (lines plus their newlines), none kept.
    expect(h.writtenBytes).toBe(size);
    expect(h.writtenTail.at(-1)).toMatch(/^flood 00051199 x+\n$/);
    const growthMb = (peak - baseline) / 2 ** 20;
    expect(growthMb).toBeLessThan(64);
    // Sanity: this was quick, not a crawl through the file.
    expect(now() - started).toBeLessThan(30_000);
  });
});
