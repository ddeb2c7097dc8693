/**
 * SIGKILL of the built CLI, which tears nothing down itself: its watchdog stops the app (and
 * the daemon it left with `env -i`, found through its session), the test command and the ssh
 * client, whose remote port is then released; with the watchdog killed too, the next run in the
 * same directory reports and stops the leftovers. And the ordinary teardown finds the `env -i`
 * daemon too. The process table is checked after each.
 */
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isAlive, listProcs } from "../../src/app/proc-table.js";
import { EXIT } from "../../src/errors.js";
import { RunRegistry } from "../../src/session/registry.js";
import { type SshServiceFixture, startSshService } from "../fixtures/tunnel/ssh-service.js";
import { expectNoProcessLeft, newMark, processesWithMark } from "../helpers/processes.js";
import { until } from "../helpers/wait.js";
import { type Harness, nodeApp, portOf, tryConnect, useHarness } from "../integration/harness.js";
import { CLI, runCliProcess, startCli } from "./cli-process.js";

let mark = newMark();
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "pt-sec-kill-"));
});
afterEach(async () => {
  killDaemon();
  await expectNoProcessLeft(mark.value, 15_000);
  mark = newMark();
  rmSync(dir, { recursive: true, force: true });
});

const daemonFile = () => path.join(dir, "daemon.pid");
const daemonPid = () =>
  existsSync(daemonFile()) ? Number(readFileSync(daemonFile(), "utf8")) || undefined : undefined;
/** The env -i daemon carries no mark: stopped here if a test failed to see it stopped. */
function killDaemon(): void {
  const pid = daemonPid();
  if (pid !== undefined && isAlive(pid)) process.kill(pid, "SIGKILL");
}

const registry = () => RunRegistry.forUser(tmpdir()) as RunRegistry;
const entryIn = (cwd: string) =>
  registry()
    .entries()
    .find((e) => e.cwd === cwd);

/** The CLI in `dir` (its working directory: the registry keys leftovers by it). */
const cli = (args: string[], env: Record<string, string> = {}) =>
  startCli(["run", ...args], {
    cwd: dir,
    env: { ...process.env, ...mark.env, DAEMON_PID_FILE: daemonFile(), ...env },
    deadlineMs: 60_000,
  });

const APP = () => ["--provider", "local", "--start", nodeApp("env-i-daemon.mjs"), "--stop-grace", "10s"];

/** The watchdog of the run registered for `dir`: the process running "__watchdog <runId>". */
function watchdogOf(runId: string): number | undefined {
  for (const p of listProcs()) {
    try {
      const args = readFileSync(`/proc/${p.pid}/cmdline`, "utf8").split("\0");
      if (args.includes("__watchdog") && args.includes(runId)) return p.pid;
    } catch {
      // gone
    }
  }
  return undefined;
}

describe("SIGKILL of the CLI", () => {
  it("during the test command: the watchdog stops the app, its env -i daemon and the test command", async () => {
    const run = cli([...APP(), "--test", nodeApp("hang.mjs")]);
    await run.waitFor(/Running the test command/);
    const daemon = await until("the daemon's pid", daemonPid);
    expect(isAlive(daemon)).toBe(true);
    expect(entryIn(dir)?.leaders.length).toBe(2);

    run.child.kill("SIGKILL");
    expect((await run.exited).signal).toBe("SIGKILL");

    await expectNoProcessLeft(mark.value, 15_000);
    await until("the daemon stopped", () => (isAlive(daemon) ? undefined : true), 15_000);
    await until("the registry entry removed", () => (entryIn(dir) === undefined ? true : undefined), 5000);
  });

  it("with its watchdog killed too: the next run in the directory reports and stops the leftovers", async () => {
    const first = cli([...APP(), "--keep-alive", "10m"]);
    await first.waitFor(/Keeping the preview at/);
    const daemon = await until("the daemon's pid", daemonPid);
    const runId = entryIn(dir)?.runId as string;
    const watchdog = watchdogOf(runId) as number;
    expect(watchdog).toBeGreaterThan(0);
    process.kill(watchdog, "SIGKILL");
    first.child.kill("SIGKILL");
    await first.exited;
    await until("the watchdog gone", () => (isAlive(watchdog) ? undefined : true));
    // Nothing stopped them: the app and its daemon run on.
    expect(processesWithMark(mark.value).length).toBeGreaterThan(0);
    expect(isAlive(daemon)).toBe(true);

    // The next run (bad input on purpose: it stops before starting anything of its own).
    const next = await runCliProcess(["run", "--start", "true", "--port", "0"], {
      cwd: dir,
      env: { ...process.env, ...mark.env },
      deadlineMs: 30_000,
    });
    expect(next.code).toBe(EXIT.invalidInput);
    expect(next.stderr).toMatch(
      new RegExp(
        `Stopped [2-9] process\\(es\\) left running by an earlier run in ${dir} \\(run ${runId.slice(0, 8)}, started `,
      ),
    );
    expect(processesWithMark(mark.value)).toEqual([]);
    expect(isAlive(daemon)).toBe(false);
    expect(entryIn(dir)).toBeUndefined();
  });

  it("a run in another directory leaves them alone", async () => {
    const first = cli([...APP(), "--keep-alive", "10m"]);
    await first.waitFor(/Keeping the preview at/);
    const other = await runCliProcess(["run", "--start", "true", "--port", "0"], {
      cwd: tmpdir(),
      env: { ...process.env, ...mark.env },
      deadlineMs: 30_000,
    });
    expect(other.stderr).not.toContain("left running by an earlier run");
    expect(processesWithMark(mark.value).length).toBeGreaterThan(0);
    first.child.kill("SIGINT");
    expect((await first.exited).code).toBe(EXIT.sigint);
  });
});

describe("the watchdog itself", () => {
  it("cleans up when the CLI's channel closes while the watchdog starts (and does not crash on it)", async () => {
    const runId = randomUUID();
    const marked = spawn("sleep", ["60"], {
      detached: true,
      stdio: "ignore",
      env: { ...process.env, ...mark.env, PREVIEW_TUNNEL_RUN_ID: runId },
    });
    await until("the marked process", () => (marked.pid && isAlive(marked.pid) ? true : undefined));
    const watchdog = spawn(process.execPath, [CLI, "__watchdog", runId, ""], {
      stdio: ["ignore", "ignore", "pipe", "ipc"],
      env: { ...process.env, ...mark.env },
    });
    // The CLI's end of the channel closes at once, as when the CLI is killed right away.
    watchdog.disconnect();
    let stderr = "";
    watchdog.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const code = await new Promise((resolve) => watchdog.once("exit", resolve));
    expect(stderr).toBe("");

    expect(code).toBe(0);
    expect(isAlive(marked.pid as number)).toBe(false);
  });
});

describe("SIGKILL of the CLI with the ssh provider", () => {
  let sish: SshServiceFixture;
  beforeEach(async () => {
    sish = await startSshService("sish");
  });
  afterEach(async () => {
    await sish.close();
  });

  it("the ssh client is stopped and the service's port for the preview is released", async () => {
    const run = cli(
      [
        "--provider",
        "ssh",
        "--ssh-host",
        "127.0.0.1",
        "--ssh-port",
        String(sish.port),
        "--ssh-user",
        sish.user,
        "--ssh-remote",
        "myapp:80",
        "--ssh-known-hosts",
        sish.knownHostsLine,
        "--start",
        nodeApp("health-only.mjs"),
        "--ready",
        "/health",
        "--keep-alive",
        "10m",
      ],
      { PREVIEW_TUNNEL_SSH_KEY: sish.userKey },
    );
    const [, url] = await run.waitFor(/PREVIEW_URL=(\S+)/);
    const remotePort = portOf(url as string);
    expect(await tryConnect(remotePort)).toBe("connected");

    run.child.kill("SIGKILL");
    await run.exited;

    await expectNoProcessLeft(mark.value, 15_000);
    await until("the remote port released", async () =>
      (await tryConnect(remotePort)) === "connected" ? undefined : true,
    );
  });
});

describe("the ordinary teardown", () => {
  let h: Harness;
  useHarness((created) => {
    h = created;
  });

  it("stops a daemon the app left with env -i, through the app's session", async () => {
    const pidFile = path.join(h.tempDir, "daemon.pid");
    const result = await h.run({
      start: nodeApp("env-i-daemon.mjs"),
      env: `DAEMON_PID_FILE=${pidFile}`,
      test: `until [ -s '${pidFile}' ]; do sleep 0.05; done`,
      "stop-grace": "300ms",
    });
    const daemon = Number(readFileSync(pidFile, "utf8"));
    try {
      expect(result.outcome).toBe("passed");
      expect(isAlive(daemon)).toBe(false);
    } finally {
      if (isAlive(daemon)) process.kill(daemon, "SIGKILL");
    }
    expect(readdirSync(h.tempDir).length).toBeGreaterThan(0);
  });
});
