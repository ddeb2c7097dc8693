/**
 * Signals to the built CLI in every phase of a run (ready, test, scenarios, hold, teardown): the run ends as
 * cancelled (130 for SIGINT, 143 for SIGTERM) within the runner's window, whatever stop-grace
 * says, with an app and a test command that ignore SIGTERM, and no process of it is left. A
 * second signal kills what is still being stopped at once.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { EXIT } from "../../src/errors.js";
import { CANCEL_GRACE_MS } from "../../src/pipeline/pipeline.js";
import { expectNoProcessLeft, newMark, processesWithMark } from "../helpers/processes.js";
import { nodeApp } from "../integration/harness.js";
import { startCli } from "./cli-process.js";

let mark = newMark();
afterEach(async () => {
  await expectNoProcessLeft(mark.value);
  mark = newMark();
});

const cli = (args: string[]) =>
  startCli(["run", "--provider", "local", ...args], {
    env: { ...process.env, ...mark.env, HOOK_SECRET: "a-webhook-secret-of-some-length" },
    deadlineMs: 40_000,
  });

const scenarioDir = mkdtempSync(path.join(tmpdir(), "pt-sec-signals-"));
afterAll(() => rmSync(scenarioDir, { recursive: true, force: true }));

/** One webhook delivery (its secret in HOOK_SECRET, set for every run here). */
function scenarioFile(): string {
  const file = path.join(scenarioDir, "hook.yml");
  writeFileSync(
    file,
    "scenarios:\n  - name: push\n    provider: github\n    path: /hooks/github\n    event: push\n    secret-env: HOOK_SECRET\n    expect:\n      status: 200\n",
  );
  return file;
}

/** A run that reaches `phase` (seen in its output) and gets `signal` there. */
const PHASES: readonly { phase: string; args: string[]; when: RegExp }[] = [
  {
    phase: "ready",
    args: ["--start", nodeApp("never-ready.mjs"), "--ready-timeout", "30s", "--test", "exit 0"],
    when: /never-ready: GET \/ -> 503/,
  },
  {
    phase: "test",
    args: ["--start", nodeApp("ignore-sigterm.mjs"), "--stop-grace", "20s", "--test", nodeApp("hang.mjs")],
    when: /Running the test command/,
  },
  {
    phase: "scenarios",
    args: [
      "--start",
      // Answers no request: the delivery waits for its response until the signal.
      `${JSON.stringify(process.execPath)} -e "require('http').createServer(() => {}).listen(process.env.PORT, '127.0.0.1')"`,
      "--ready",
      "tcp",
      "--auth",
      "none",
      "--scenarios",
      scenarioFile(),
      "--stop-grace",
      "20s",
    ],
    when: /Running 1 scenario\(s\)/,
  },
  {
    phase: "hold",
    args: ["--start", nodeApp("ignore-sigterm.mjs"), "--stop-grace", "20s", "--keep-alive", "10m"],
    when: /Keeping the preview at/,
  },
  {
    phase: "teardown",
    args: ["--start", nodeApp("ignore-sigterm.mjs"), "--stop-grace", "20s", "--test", "exit 0"],
    when: /Stopping the app/,
  },
];

describe("a signal in each phase", () => {
  for (const { phase, args, when } of PHASES) {
    for (const [signal, code] of [
      ["SIGINT", EXIT.sigint],
      ["SIGTERM", EXIT.sigterm],
    ] as const) {
      it(`${signal} during ${phase}: exit ${code} within 5 s (stop-grace 20s), nothing left`, async () => {
        const run = cli(args);
        await run.waitFor(when);
        const sent = performance.now();
        run.child.kill(signal);
        const exit = await run.exited;

        expect(exit.timedOut).toBe(false);
        expect({ code: exit.code, signal: exit.signal }).toEqual({ code, signal: null });
        expect(performance.now() - sent).toBeLessThan(5000);
        expect(run.stderr()).toContain(`Received ${signal}: tearing down.`);
        expect(run.stderr()).not.toContain("Done: passed");
        expect(processesWithMark(mark.value)).toEqual([]);
      });
    }
  }
});

describe("a second signal", () => {
  it("kills what is still being stopped at once, instead of after the cancel grace", async () => {
    const run = cli(["--start", nodeApp("ignore-sigterm.mjs"), "--stop-grace", "20s", "--keep-alive", "10m"]);
    await run.waitFor(/Keeping the preview at/);
    const sent = performance.now();
    run.child.kill("SIGINT");
    await run.waitFor(/ignore-sigterm: got SIGTERM, ignoring it/);
    run.child.kill("SIGTERM");
    const exit = await run.exited;

    expect({ code: exit.code, signal: exit.signal }).toEqual({ code: EXIT.sigint, signal: null });
    // The app ignores SIGTERM: only the second signal ends its grace before CANCEL_GRACE_MS.
    expect(performance.now() - sent).toBeLessThan(CANCEL_GRACE_MS);
    expect(run.stderr()).toContain("Received SIGTERM again: stopping what is left at once.");
    expect(processesWithMark(mark.value)).toEqual([]);
  });
});
