/**
 * Shared set-up of the integration tests: runs the real pipeline (real processes, real
 * sockets, loopback only) with a logger that records instead of printing, and a marker in
 * the environment of every process a test starts (see test/helpers/processes.ts).
 */

import { mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach } from "vitest";
import { nodeLauncher } from "../../src/app/process.js";
import { runCli } from "../../src/cli/cli.js";
import { buildConfig, type Config } from "../../src/config/config.js";
import type { InputName } from "../../src/config/names.js";
import { type PipelineDeps, type RunResult, runPipeline } from "../../src/pipeline/pipeline.js";
import { newRun } from "../../src/session/run.js";
import type { Logger } from "../../src/util/logger.js";
import { expectNoProcessLeft, newMark, processesWithMark } from "../helpers/processes.js";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const APPS = path.join(ROOT, "test/fixtures/apps");

/** Wall-clock milliseconds with sub-millisecond precision (as the fixtures print them). */
export const now = () => performance.timeOrigin + performance.now();

const quote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;

/** A shell command that runs a fixture app with the Node running the tests. */
export function nodeApp(name: string, ...args: string[]): string {
  return [process.execPath, path.join(APPS, name), ...args].map(quote).join(" ");
}

export type Inputs = Partial<Record<InputName, string>>;

export function makeConfig(inputs: Inputs): Promise<Config> {
  return buildConfig((name) => inputs[name], {
    cwd: ROOT,
    env: {},
    runDir: mkdtempSync(path.join(tmpdir(), "pt-run-")),
  });
}

export interface LogEntry {
  readonly level: "info" | "warning" | "error" | "debug" | "group";
  readonly message: string;
  readonly at: number;
}

/** One test's pipeline run and everything it reported. */
export class Harness {
  readonly mark = newMark();
  readonly tempDir = mkdtempSync(path.join(tmpdir(), "preview-tunnel-int-"));
  readonly logs: LogEntry[] = [];
  /** Bytes of the app's output that reached logger.write (not kept, only counted). */
  writtenBytes = 0;
  /** The last lines of the app's output that reached logger.write. */
  readonly writtenTail: string[] = [];
  preview: { readonly url: string; readonly at: number } | undefined;
  finished: RunResult | undefined;
  readonly state = new Map<string, string>();
  readonly controller = new AbortController();

  readonly logger: Logger = {
    info: (m) => this.log("info", m),
    warning: (m) => this.log("warning", m),
    error: (m) => this.log("error", m),
    debug: (m) => this.log("debug", m),
    startGroup: (m) => this.log("group", m),
    endGroup: () => undefined,
    write: (text) => {
      this.writtenBytes += Buffer.byteLength(text);
      this.writtenTail.push(text);
      if (this.writtenTail.length > 200) this.writtenTail.shift();
    },
  };

  /** Environment of every process the test starts: ours plus the marker. */
  get env(): NodeJS.ProcessEnv {
    return { ...process.env, ...this.mark.env };
  }

  /** Runs the pipeline with these inputs (and, e.g., a publisher to watch what it is told). */
  async run(inputs: Inputs, deps: Partial<PipelineDeps> = {}): Promise<RunResult> {
    return runPipeline(await makeConfig(inputs), {
      logger: this.logger,
      launcher: nodeLauncher,
      state: { save: (key, value) => void this.state.set(key, value) },
      reporter: {
        preview: ({ url }) => {
          this.preview = { url, at: now() };
        },
        finished: (result) => {
          this.finished = result;
        },
      },
      run: newRun(this.tempDir),
      baseEnv: this.env,
      signal: this.controller.signal,
      ...deps,
    });
  }

  /** When the first message matching `pattern` was logged. */
  loggedAt(pattern: RegExp): number | undefined {
    return this.logs.find((l) => pattern.test(l.message))?.at;
  }

  messages(level?: LogEntry["level"]): string[] {
    return this.logs.filter((l) => level === undefined || l.level === level).map((l) => l.message);
  }

  phase(name: string) {
    return this.finished?.phases.find((p) => p.name === name);
  }

  dispose(): void {
    rmSync(this.tempDir, { recursive: true, force: true });
  }

  private log(level: LogEntry["level"], message: string): void {
    this.logs.push({ level, message, at: now() });
  }
}

/** Resolves with "connected" or the error code of a TCP connect to host:port. */
export function tryConnect(port: number, host = "127.0.0.1"): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.setTimeout(2000, () => {
      socket.destroy();
      resolve("timeout");
    });
    socket.once("connect", () => {
      // With nothing listening, the kernel may pick the destination port as the source port
      // and connect the socket to itself (TCP simultaneous open): that is no listener.
      const self = socket.localPort === port && socket.localAddress === socket.remoteAddress;
      socket.destroy();
      resolve(self ? "self-connected" : "connected");
    });
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

/** Pids of the processes with a listening TCP socket on the port (Linux, from /proc). */
export function listeningPids(port: number): number[] {
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let text = "";
    try {
      text = readFileSync(table, "utf8");
    } catch {
      continue;
    }
    for (const row of text.split("\n").slice(1)) {
      const fields = row.trim().split(/\s+/);
      // local_address is HEXADDR:HEXPORT; state 0A is LISTEN; field 9 is the inode.
      const local = fields[1];
      if (fields[3] === "0A" && local && Number.parseInt(local.split(":")[1] ?? "", 16) === port)
        inodes.add(`socket:[${fields[9]}]`);
    }
  }
  const pids: number[] = [];
  if (inodes.size === 0) return pids;
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      for (const fd of readdirSync(`/proc/${name}/fd`)) {
        if (inodes.has(readlinkSync(`/proc/${name}/fd/${fd}`))) {
          pids.push(Number(name));
          break;
        }
      }
    } catch {
      // gone, or not ours to read
    }
  }
  return pids;
}

/**
 * "released" when no process of this test holds the port any more (otherwise what was found). Nothing should answer; but on
 * a busy machine (tests run in parallel) the OS may hand the freed port to another test's
 * process at once, so an answer is accepted only from a listener that is not ours.
 */
export async function portReleasedBy(markValue: string, port: number): Promise<string> {
  // A few tries, for a stranger's listener that came and went between connect and scan.
  let found = "";
  for (let tries = 0; tries < 5; tries++) {
    const outcome = await tryConnect(port);
    if (outcome === "ECONNREFUSED" || outcome === "self-connected") return "released";
    if (outcome !== "connected") return outcome;
    const holders = listeningPids(port);
    if (holders.length === 0) {
      found = "connected, but no listener found";
      continue;
    }
    const ours = new Set(processesWithMark(markValue));
    const held = holders.filter((pid) => ours.has(pid));
    return held.length > 0 ? `held by our pid(s) ${held.join(", ")}` : "released";
  }
  return found;
}

/** The port of a preview URL such as http://127.0.0.1:4321 or http://[::1]:4321. */
export function portOf(url: string): number {
  return Number(new URL(url).port);
}

/** True when this machine can listen on the IPv6 loopback. */
export function hasIpv6Loopback(): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(0, "::1", () => server.close(() => resolve(true)));
  });
}

/** A stream that keeps what is written to it (the CLI's stdout or stderr). */
export class Capture extends Writable {
  text = "";
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, callback: () => void): void {
    this.text += chunk.toString();
    callback();
  }
}

/** Runs the CLI in process with the harness's environment (plus `env`). */
export async function runCliCaptured(
  h: Harness,
  argv: readonly string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await runCli(argv, { stdout, stderr, cwd: ROOT, env: { ...h.env, ...env } });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/**
 * A fresh Harness for each test of the file, handed to `use`; after each test no process
 * with its mark may be left (browsers and tunnels carry it too), then its files go.
 */
export function useHarness(use: (h: Harness) => void): void {
  let current: Harness | undefined;
  beforeEach(() => {
    current = new Harness();
    use(current);
  });
  afterEach(async () => {
    if (current === undefined) return;
    await expectNoProcessLeft(current.mark.value);
    current.dispose();
  });
}
