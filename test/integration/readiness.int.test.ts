/**
 * Readiness through the whole pipeline: every `ready` form, custom statuses, an app on ::1
 * only, and an app that never becomes ready. Real processes and sockets on loopback.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { freePort } from "../../src/app/ports.js";
import { ReadyTimeoutError } from "../../src/app/readiness.js";
import { StartError } from "../../src/errors.js";
import { processesWithMark } from "../helpers/processes.js";
import { type Harness, hasIpv6Loopback, nodeApp, useHarness } from "./harness.js";

const ipv6 = await hasIpv6Loopback();

let h: Harness;
useHarness((created) => {
  h = created;
});

interface CheckReport {
  previewUrl: string | null;
  status: number | null;
  body: string | null;
  error: string | null;
}

/** A test command that fetches $PREVIEW_URL + checkPath; returns it and where it reports. */
function checkUrl(checkPath = "/"): { command: string; report: () => CheckReport } {
  const out = path.join(h.tempDir, `check-${Math.random().toString(36).slice(2)}.json`);
  return {
    command: `CHECK_OUT='${out}' CHECK_PATH='${checkPath}' ${nodeApp("check-url.mjs")}`,
    report: () => JSON.parse(readFileSync(out, "utf8")) as CheckReport,
  };
}

async function startFailure(run: Promise<unknown>): Promise<{ error: StartError; ms: number }> {
  const started = performance.now();
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StartError);
  return { error: error as StartError, ms: performance.now() - started };
}

/** The PORT the pipeline gave the app (from its log line). */
function appPort(): number {
  const line = h.messages("info").find((m) => m.startsWith("Starting the app"));
  return Number(/PORT=(\d+)/.exec(line ?? "")?.[1]);
}

describe("ready forms", () => {
  it("URL: probes exactly that URL", async () => {
    const port = await freePort();
    const check = checkUrl("/health");
    const result = await h.run({
      start: nodeApp("health-only.mjs"),
      port: String(port),
      ready: `http://127.0.0.1:${port}/health`,
      test: check.command,
    });
    expect(result.outcome).toBe("passed");
    expect(h.phase("ready")?.detail).toContain(
      `GET http://127.0.0.1:${port}/health via 127.0.0.1 -> HTTP 200`,
    );
    expect(check.report()).toMatchObject({ status: 200, body: "ok\n" });
  });

  it("path: probes the path on the app's port (GET / would be a 404 here)", async () => {
    const result = await h.run({ start: nodeApp("health-only.mjs"), ready: "/health", test: "exit 0" });
    expect(result.outcome).toBe("passed");
    const port = appPort();
    expect(h.phase("ready")?.detail).toContain(
      `GET http://localhost:${port}/health via 127.0.0.1 -> HTTP 200`,
    );
  });

  it("tcp: a port that accepts connections is ready even if it speaks no HTTP", async () => {
    const result = await h.run({ start: nodeApp("tcp-only.mjs"), ready: "tcp", test: "exit 0" });
    expect(result.outcome).toBe("passed");
    expect(h.phase("ready")?.detail).toContain(`TCP 127.0.0.1:${appPort()} accepted a connection`);
  });

  it("tcp app with the default HTTP probe is not ready (the tcp form above made the difference)", async () => {
    const { error } = await startFailure(
      h.run({ start: nodeApp("tcp-only.mjs"), "ready-timeout": "500ms", test: "exit 0" }),
    );
    expect(error.message).toContain("not ready after 500ms");
    // The last result is what the app did (reset the connection), not an attempt cut short
    // by the deadline.
    expect(error.message).toContain("last result: 127.0.0.1: ECONNRESET; ::1: ECONNREFUSED.");
  });

  it("log:<regex>: waits for a matching line of the app's output", async () => {
    const result = await h.run({
      start: nodeApp("log-only.mjs"),
      env: "LOG_READY_DELAY_MS=300",
      ready: "log:ready to serve$",
      test: "exit 0",
    });
    expect(result.outcome).toBe("passed");
    const ready = h.phase("ready");
    expect(ready?.detail).toContain("line: log-only: ready to serve");
    // The warming-up lines came first and did not match.
    expect(ready?.ms).toBeGreaterThanOrEqual(250);
  });

  it("ready-status: accepts a configured status (404) that the default would refuse", async () => {
    const result = await h.run({ start: nodeApp("health-only.mjs"), "ready-status": "404", test: "exit 0" });
    expect(result.outcome).toBe("passed");
    expect(h.phase("ready")?.detail).toContain(
      `GET http://localhost:${appPort()}/ via 127.0.0.1 -> HTTP 404`,
    );
  });

  it("ready-status default (200-399) does not accept a 404", async () => {
    // Long enough for the app to answer at all on a loaded machine (node can take 500 ms to start).
    const { error } = await startFailure(
      h.run({ start: nodeApp("health-only.mjs"), "ready-timeout": "3s", test: "exit 0" }),
    );
    expect(error.message).toContain("HTTP 404");
    expect(h.finished?.testExitCode).toBeUndefined();
  });
});

describe("an app listening only on ::1", () => {
  it("is found by the default probe and reached by the test command", async (ctx) => {
    if (!ipv6) ctx.skip("this machine has no IPv6 loopback (cannot listen on ::1)");
    const check = checkUrl("/hello");
    const result = await h.run({ start: nodeApp("ipv6-only.mjs"), test: check.command });

    expect(result.outcome).toBe("passed");
    expect(h.phase("ready")?.detail).toMatch(/via ::1 -> HTTP 200/);
    // The preview is the gate (on 127.0.0.1), which forwards to the app on ::1.
    expect(result.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const report = check.report();
    expect(report.previewUrl).toBe(result.url);
    expect(report.previewUrl?.endsWith("/")).toBe(false);
    expect(report).toMatchObject({ status: 200, body: "ipv6 only: /hello\n", error: null });
  });
});

describe("an app that never becomes ready", () => {
  it("times out with the probe, the last result and the log tail", async () => {
    const { error, ms } = await startFailure(
      h.run({ start: nodeApp("never-ready.mjs"), "ready-timeout": "1s", test: "exit 0" }),
    );
    const port = appPort();
    const message = error.message;
    expect(ms).toBeGreaterThanOrEqual(1000);
    expect(ms).toBeLessThan(4000);
    expect(message).toContain("The app was not ready after 1.00s");
    expect(message).toContain(`probed GET http://localhost:${port}/ (on 127.0.0.1 and ::1)`);
    expect(message).toContain(
      `last result: GET http://localhost:${port}/ via 127.0.0.1 -> HTTP 503; ::1: ECONNREFUSED.`,
    );
    expect(message).toMatch(/\d+ attempts/);
    expect(message).toContain("| never-ready: listening, still warming up");
    expect(message).toContain("| never-ready: GET / -> 503 (request 1)");
    expect(error.cause).toBeInstanceOf(ReadyTimeoutError);
    expect(h.finished?.outcome).toBe("start-failed");
    expect(processesWithMark(h.mark.value)).toEqual([]);
  });
});
