/**
 * Cancellation: the pipeline's signal aborted (as SIGINT/SIGTERM do) during keep-alive, the
 * test command and readiness; and real signals sent to the built CLI (dist/cli.js). Each
 * tears everything down within 5 s, even with an app that ignores SIGTERM.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { isAlive } from "../../src/app/proc-table.js";
import { CancelledError } from "../../src/errors.js";
import { CANCEL_GRACE_MS } from "../../src/pipeline/pipeline.js";
import { processesWithMark } from "../helpers/processes.js";
import { until } from "../helpers/wait.js";
import { type Harness, nodeApp, portOf, portReleasedBy, ROOT, tryConnect, useHarness } from "./harness.js";

let h: Harness;
useHarness((created) => {
  h = created;
});

/** Runs the pipeline, aborts it once `when` holds, and reports how the run ended. */
async function cancelWhen(
  inputs: Parameters<Harness["run"]>[0],
  when: () => boolean,
  signal: NodeJS.Signals = "SIGINT",
): Promise<{ error: unknown; reason: CancelledError; ms: number }> {
  const run = h.run(inputs).then(
    () => undefined,
    (e: unknown) => e,
  );
  await until("the moment to cancel", () => (when() ? true : undefined), 20_000);
  const reason = new CancelledError(signal);
  const started = performance.now();
  h.controller.abort(reason);
  const error = await run;
  return { error, reason, ms: performance.now() - started };
}

describe("cancelling the pipeline (its signal aborted)", () => {
  it("during keep-alive, with an app that ignores SIGTERM and stop-grace 10s: done within 5 s", async () => {
    const { error, reason, ms } = await cancelWhen(
      { start: nodeApp("ignore-sigterm.mjs"), "stop-grace": "10s", "keep-alive": "1m", test: "exit 0" },
      () => h.loggedAt(/^Keeping the preview/) !== undefined,
    );

    expect(error).toBe(reason);
    // The grace was capped at CANCEL_GRACE_MS (not 10 s) but still given (SIGTERM first).
    expect(ms).toBeGreaterThanOrEqual(CANCEL_GRACE_MS);
    expect(ms).toBeLessThan(5000);
    expect(h.writtenTail.join("")).toContain("ignore-sigterm: got SIGTERM, ignoring it");
    expect(h.finished?.outcome).toBe("cancelled");
    expect(h.finished?.failure).toBe("Cancelled by SIGINT.");
    expect(h.finished?.testExitCode).toBe(0);
    expect(h.phase("hold")?.status).toBe("failed");
    expect(h.phase("teardown")?.status).toBe("ok");
    expect(h.state.get("torn-down")).toBe("true");
    expect(await portReleasedBy(h.mark.value, portOf(h.finished?.url as string))).toBe("released");
    expect(processesWithMark(h.mark.value)).toEqual([]);
  });

  it("while the test command runs (and ignores SIGTERM): the test command is stopped too", async () => {
    const pidFile = path.join(h.tempDir, "hang.pid");
    const { error, reason, ms } = await cancelWhen(
      {
        start: nodeApp("health-only.mjs"),
        ready: "/health",
        "stop-grace": "300ms",
        test: `HANG_PID_FILE='${pidFile}' ${nodeApp("hang.mjs")}`,
      },
      () => existsSync(pidFile) && readFileSync(pidFile, "utf8") !== "",
      "SIGTERM",
    );

    expect(error).toBe(reason);
    expect(ms).toBeLessThan(2000);
    expect(h.finished?.outcome).toBe("cancelled");
    expect(h.finished?.failure).toBe("Cancelled by SIGTERM.");
    expect(h.phase("test")?.status).toBe("failed");
    expect(isAlive(Number(readFileSync(pidFile, "utf8")))).toBe(false);
    expect(processesWithMark(h.mark.value)).toEqual([]);
  });

  it("while waiting for readiness: stops waiting at once", async () => {
    const { error, reason, ms } = await cancelWhen(
      { start: nodeApp("never-ready.mjs"), "ready-timeout": "30s", test: "exit 0" },
      () => h.writtenTail.join("").includes("never-ready: GET / -> 503"),
    );

    expect(error).toBe(reason);
    expect(ms).toBeLessThan(2000);
    expect(h.finished?.outcome).toBe("cancelled");
    expect(h.phase("ready")?.status).toBe("failed");
    expect(h.phase("test")).toBeUndefined();
    expect(processesWithMark(h.mark.value)).toEqual([]);
  });
});

describe("signals sent to the built CLI (node dist/cli.js)", () => {
  const cliPath = path.join(ROOT, "dist/cli.js");

  beforeAll(() => {
    const newest = (dir: string): number =>
      Math.max(
        0,
        ...readdirSync(dir, { withFileTypes: true }).map((entry) => {
          const full = path.join(dir, entry.name);
          return entry.isDirectory() ? newest(full) : statSync(full).mtimeMs;
        }),
      );
    if (!existsSync(cliPath) || statSync(cliPath).mtimeMs < newest(path.join(ROOT, "src")))
      execFileSync("npm", ["run", "-s", "build"], { cwd: ROOT, stdio: "inherit" });
  });

  /** Starts the CLI holding a preview for a minute; resolves once it printed PREVIEW_URL. */
  async function startCli(...args: string[]) {
    const child: ChildProcess = spawn(
      process.execPath,
      [cliPath, "run", "--keep-alive", "1m", "--test", "exit 0", ...args],
      { cwd: ROOT, env: h.env, stdio: ["ignore", "pipe", "pipe"] },
    );
    let stdout = "";
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once("exit", (code, signal) => resolve({ code, signal })),
    );
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout?.on("data", (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = /^PREVIEW_URL=(\S+)$/m.exec(stdout);
        if (match) resolve(match[1] as string);
      });
      void exited.then((exit) =>
        reject(new Error(`the CLI exited early (${JSON.stringify(exit)}):\n${stderr}`)),
      );
    });
    return { child, exited, url, stderr: () => stderr };
  }

  it("SIGINT: exits 130 within 5 s, even with an app that ignores SIGTERM and stop-grace 10s", async () => {
    const cli = await startCli("--start", nodeApp("ignore-sigterm.mjs"), "--stop-grace", "10s");
    expect(await tryConnect(portOf(cli.url))).toBe("connected");

    const started = performance.now();
    cli.child.kill("SIGINT");
    const exit = await cli.exited;
    const ms = performance.now() - started;

    expect(exit).toEqual({ code: 130, signal: null });
    expect(ms).toBeLessThan(5000);
    expect(cli.stderr()).toContain("Received SIGINT: tearing down.");
    expect(await portReleasedBy(h.mark.value, portOf(cli.url))).toBe("released");
    expect(processesWithMark(h.mark.value)).toEqual([]);
  });

  it("SIGTERM: exits 143 and leaves nothing", async () => {
    const cli = await startCli("--start", nodeApp("health-only.mjs"), "--ready", "/health");

    const started = performance.now();
    cli.child.kill("SIGTERM");
    const exit = await cli.exited;

    expect(exit).toEqual({ code: 143, signal: null });
    expect(performance.now() - started).toBeLessThan(5000);
    expect(cli.stderr()).toContain("Received SIGTERM: tearing down.");
    expect(await portReleasedBy(h.mark.value, portOf(cli.url))).toBe("released");
    expect(processesWithMark(h.mark.value)).toEqual([]);
  });
});
