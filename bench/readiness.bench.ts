// Readiness detection latency (ours vs wait-on's defaults), CLI start-up time and bundle sizes,
// measured side by side in one run. Prints PASS/MISS against targets but only fails when
// something broke (a probe timed out, a child misbehaved, a process was left behind).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import waitOn from "wait-on";
import { freePort } from "../src/app/ports.js";
import { listProcs } from "../src/app/proc-table.js";
import { type ManagedProcess, startProcess } from "../src/app/process.js";
import { waitForReady } from "../src/app/readiness.js";

const RUNS = 20;
const CLI_RUNS = 10;
const FIXTURE = path.resolve("bench/fixtures/delayed-server.mjs");
const TARGET_MEDIAN_MS = 20;
const TARGET_RATIO = 5;
/** Far above any sane latency: only there so a broken contender fails the bench instead of hanging. */
const GUARD_MS = 30_000;

const now = () => performance.timeOrigin + performance.now();

/** Deterministic start delays in [150, 900) ms (mulberry32), the same for both contenders. */
function delays(count: number, seed: number): number[] {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: count }, () => Math.round(150 + next() * 750));
}

type Contender = "ours" | "wait-on";

const waiters: Record<Contender, (port: number) => Promise<unknown>> = {
  ours: (port) =>
    waitForReady({
      spec: { kind: "path", path: "/" },
      port,
      statuses: [{ min: 200, max: 399 }],
      timeoutMs: 30_000,
    }),
  // Library defaults: interval 250 ms, delay 0, window 750 ms (files only), no timeout.
  "wait-on": (port) => waitOn({ resources: [`http-get://127.0.0.1:${port}/`] }),
};

function withGuard<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const guard = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${GUARD_MS} ms`)), GUARD_MS);
  });
  return Promise.race([promise, guard]).finally(() => clearTimeout(timer));
}

/** The app's "listening <ms>" line; it is written before the app can answer, but allow for lag. */
async function listenTime(log: string): Promise<number> {
  const end = Date.now() + 2000;
  for (;;) {
    const match = /^listening (\d+(?:\.\d+)?)$/m.exec(readFileSync(log, "utf8"));
    if (match) return Number(match[1]);
    if (Date.now() > end) throw new Error(`the app never reported its listen time (${log})`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const started: ManagedProcess[] = [];

/** One boot of the app, as the pipeline does it; returns detection time minus listen time (ms). */
async function measure(who: Contender, delayMs: number, dir: string, run: number): Promise<number> {
  const port = await freePort();
  const log = path.join(dir, `${who}-${run}.log`);
  const app = await startProcess({
    command: `"${process.execPath}" "${FIXTURE}"`,
    cwd: process.cwd(),
    env: { ...process.env, PORT: String(port), DELAY_MS: String(delayMs) },
    output: { file: log },
  });
  started.push(app);
  try {
    const early = app.exited.then((exit) => {
      throw new Error(`the app exited before it was detected (${JSON.stringify(exit)}); see ${log}`);
    });
    early.catch(() => undefined);
    await withGuard(Promise.race([waiters[who](port), early]), who);
    const detected = now();
    return detected - (await listenTime(log));
  } finally {
    await app.stop(2000);
    await app.exited;
  }
}

const median = (xs: readonly number[]) => percentile(xs, 0.5);
function percentile(xs: readonly number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  if (p === 0.5 && sorted.length % 2 === 0) {
    const mid = sorted.length / 2;
    return ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  }
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] as number;
}

const fmt = (ms: number) => ms.toFixed(1).padStart(8);
const mark = (ok: boolean) => (ok ? "PASS" : "MISS");

async function readiness(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "bench-readiness-"));
  const latencies: Record<Contender, number[]> = { ours: [], "wait-on": [] };
  try {
    const plan = delays(RUNS, 20240601);
    for (const [run, delayMs] of plan.entries()) {
      // Alternate who goes first, so neither always runs on a warmer machine.
      const order: Contender[] = run % 2 === 0 ? ["ours", "wait-on"] : ["wait-on", "ours"];
      for (const who of order) latencies[who].push(await measure(who, delayMs, dir, run));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const all = [...latencies.ours, ...latencies["wait-on"]];
  if (Math.min(...all) < -1)
    throw new Error(`negative latency ${Math.min(...all).toFixed(2)} ms: the clocks disagree`);

  const ours = median(latencies.ours);
  const theirs = median(latencies["wait-on"]);
  const ratio = theirs / ours;
  console.log(`Readiness latency, listen -> waiter resolves (${RUNS} runs each, app delays 150-900 ms)`);
  console.log(`  ${"ms".padEnd(12)}${["median", "p90", "min", "max"].map((h) => h.padStart(8)).join("")}`);
  for (const who of ["ours", "wait-on"] as const) {
    const xs = latencies[who];
    console.log(
      `  ${who.padEnd(12)}${fmt(median(xs))}${fmt(percentile(xs, 0.9))}${fmt(Math.min(...xs))}${fmt(Math.max(...xs))}`,
    );
  }
  console.log(`  ratio wait-on/ours (median): ${ratio.toFixed(1)}x`);
  console.log(`  target ours median <= ${TARGET_MEDIAN_MS} ms: ${mark(ours <= TARGET_MEDIAN_MS)}`);
  console.log(`  target >= ${TARGET_RATIO}x faster than wait-on: ${mark(ratio >= TARGET_RATIO)}`);
}

function startup(): void {
  const time = (args: string[]) => {
    const t0 = performance.now();
    const result = spawnSync(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
    const ms = performance.now() - t0;
    if (result.status !== 0)
      throw new Error(`node ${args.join(" ")} exited with ${result.status}: ${result.stderr}`);
    return ms;
  };
  const cli: number[] = [];
  const base: number[] = [];
  time(["dist/cli.js", "--help"]); // warm the file cache
  for (let i = 0; i < CLI_RUNS; i++) {
    cli.push(time(["dist/cli.js", "--help"]));
    base.push(time(["-e", "0"]));
  }
  const c = median(cli);
  const b = median(base);
  console.log(`\nStart-up, median of ${CLI_RUNS} (ms)`);
  console.log(`  node dist/cli.js --help ${fmt(c)}`);
  console.log(`  node -e 0               ${fmt(b)}`);
  console.log(`  ratio                   ${(c / b).toFixed(2).padStart(8)}x  (+${(c - b).toFixed(1)} ms)`);
}

function sizes(): void {
  console.log("\nBundle sizes (KiB)");
  for (const name of ["main.js", "post.js", "supervisor.js", "cli.js"])
    console.log(
      `  dist/${name.padEnd(8)}${(statSync(path.join("dist", name)).size / 1024).toFixed(1).padStart(9)}`,
    );
}

/** Every app we started must be gone, its whole process group included (zombies aside). */
function leftovers(): number[] {
  const groups = new Set(started.map((app) => app.pid));
  return listProcs()
    .filter((p) => p.state !== "Z" && (groups.has(p.pgid) || groups.has(p.pid)))
    .map((p) => p.pid);
}

let failed = false;
try {
  await readiness();
} catch (error) {
  failed = true;
  console.error(`readiness bench broke: ${error instanceof Error ? error.message : String(error)}`);
}
try {
  startup();
  sizes();
} catch (error) {
  failed = true;
  console.error(`bench broke: ${error instanceof Error ? error.message : String(error)}`);
}
await Promise.all(started.map((app) => app.stop(2000)));
const left = leftovers();
if (left.length > 0) {
  failed = true;
  console.error(`processes left behind: ${left.join(", ")}`);
}
process.exit(failed ? 1 : 0);
