/**
 * The gate against named anchors, side by side in one run (`node bench/run.mjs gate`):
 * autocannon against the app directly, a bare Node `http.request` pipe proxy, `http-proxy`
 * (keep-alive agent, xfwd, as one would deploy it) and the gate with basic auth and HAR
 * recording on; then a 1 GiB upload through the gate and through the bare pipe while this
 * process's RSS is sampled. The app, the load generator and the uploader each run in their
 * own child process (this same file, in another role), so the contenders in this process
 * share the event loop with nobody. Reports ratios and PASS/MISS; asserts nothing.
 *
 * `BENCH_GATE_BEFORE=<checkout of an earlier commit>` adds that commit's gate (built from its
 * src/ on the spot, same inputs) as a contender, to measure what a change costs side by side
 * in one run, e.g. `git worktree add /tmp/before 9c8680d && BENCH_GATE_BEFORE=/tmp/before npm
 * run bench -- gate`; the inspector is off in both then (it came later; bench/inspector.bench.ts
 * measures it). A few percent between two gates needs many rounds on a shared VM:
 * `BENCH_GATE_AB=1 BENCH_ROUNDS=25` runs only those two (the anchors' lines then read NaN).
 */

import type { ChildProcess } from "node:child_process";
import { existsSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import autocannon from "autocannon";
import { build } from "esbuild";
import httpProxy from "http-proxy";
import { parseGateSettings } from "../src/config/parts.js";
import { type Gate, startGate } from "../src/gate/server.js";
import {
  ask,
  BASIC_AUTH,
  median,
  PASSWORD,
  type Pinning,
  pinProxies,
  quietLogger,
  send,
  startChild,
} from "./children.js";

/** `BENCH_ROUNDS` for more (a small difference on a noisy machine needs 20 or more). */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);
const SECONDS = 2;
const CONNECTIONS = 32;
const UPLOAD = 1024 ** 3;
const WARMUP_UPLOAD = 8 * 1024 ** 2;
const MB = 1024 * 1024;

// ---------------------------------------------------------------- child roles

/** The app under test: a small JSON answer, and /upload counting a streamed body. */
function appRole(): void {
  const body = JSON.stringify({ ok: true, message: "hello from the app", items: [1, 2, 3] });
  const server = http.createServer((req, res) => {
    if (req.url === "/upload") {
      let n = 0;
      req.on("data", (c: Buffer) => {
        n += c.length;
      });
      req.on("end", () => res.end(String(n)));
      return;
    }
    res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
    res.end(body);
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, "127.0.0.1", () => send({ port: (server.address() as AddressInfo).port }));
}

/** Load generator: one autocannon run per message. */
function loadRole(): void {
  process.on("message", async (m: { url: string; seconds: number }) => {
    const result = await autocannon({
      url: m.url,
      connections: CONNECTIONS,
      duration: m.seconds,
      headers: { authorization: BASIC_AUTH },
    });
    send({
      rps: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      total: result.requests.total,
      non2xx: result.non2xx,
      errors: result.errors + result.timeouts,
    });
  });
  send({ ready: true });
}

/** Uploader: one streamed PUT of `size` bytes per message, from a reused buffer. */
function uploadRole(): void {
  process.on("message", (m: { port: number; size: number }) => {
    const chunk = Buffer.alloc(256 * 1024, 7);
    const started = performance.now();
    const req = http.request(
      {
        host: "127.0.0.1",
        port: m.port,
        method: "PUT",
        path: "/upload",
        agent: false,
        headers: { authorization: BASIC_AUTH, "content-length": String(m.size) },
      },
      (res) => {
        let text = "";
        res.on("data", (c: Buffer) => {
          text += c.toString();
        });
        res.on("end", () =>
          send({ status: res.statusCode, counted: Number(text), ms: performance.now() - started }),
        );
      },
    );
    let sent = 0;
    const pump = () => {
      while (sent < m.size) {
        const part = m.size - sent >= chunk.length ? chunk : chunk.subarray(0, m.size - sent);
        sent += part.length;
        if (!req.write(part)) return void req.once("drain", pump);
      }
      req.end();
    };
    pump();
  });
  send({ ready: true });
}

// ---------------------------------------------------------------- contenders

interface Contender {
  readonly name: string;
  readonly port: number;
  close(): Promise<void>;
}

function listen(server: http.Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)),
  );
}

function closeServer(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** The baseline a proxy cannot beat by much: http.request and two pipes. */
async function barePipe(appPort: number): Promise<Contender> {
  const agent = new http.Agent({ keepAlive: true });
  const server = http.createServer((req, res) => {
    const upstream = http.request(
      { host: "127.0.0.1", port: appPort, method: req.method, path: req.url, headers: req.headers, agent },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on("error", () => res.destroy());
    req.pipe(upstream);
  });
  return {
    name: "bare pipe proxy",
    port: await listen(server),
    close: async () => {
      await closeServer(server);
      agent.destroy();
    },
  };
}

async function httpProxyContender(appPort: number): Promise<Contender> {
  const agent = new http.Agent({ keepAlive: true });
  const proxy = httpProxy.createProxyServer({ target: `http://127.0.0.1:${appPort}`, agent, xfwd: true });
  proxy.on("error", (_error, _req, res) => {
    if ("destroy" in res) res.destroy();
  });
  const server = http.createServer((req, res) => proxy.web(req, res));
  return {
    name: "http-proxy",
    port: await listen(server),
    close: async () => {
      await closeServer(server);
      proxy.close();
      agent.destroy();
    },
  };
}

const GATE_INPUTS = (harPath: string, extra: Record<string, string>) => (name: string) =>
  ({ credentials: `bench:${PASSWORD}`, record: harPath, "max-body": "2gb", ...extra })[name];

async function gateContender(
  appPort: number,
  harPath: string,
  extra: Record<string, string> = {},
): Promise<Contender & { gate: Gate }> {
  const settings = parseGateSettings(GATE_INPUTS(harPath, extra), {});
  const gate = await startGate({
    upstream: { host: "127.0.0.1", port: appPort },
    settings,
    logger: quietLogger,
  });
  return { name: "gate (basic auth + HAR)", port: gate.port, gate, close: () => gate.close() };
}

/**
 * The gate of an earlier checkout (its src/, bundled now; its packages resolve from this
 * one's node_modules), with the same inputs: its settings parser sat in config/gate-parse.ts
 * before the refactor and in config/parts.ts after it.
 */
async function gateBefore(dir: string, appPort: number, harPath: string): Promise<Contender> {
  const parser = ["src/config/parts.ts", "src/config/gate-parse.ts"]
    .map((file) => path.join(dir, file))
    .find((file) => existsSync(file));
  if (parser === undefined)
    throw new Error(`BENCH_GATE_BEFORE=${dir}: no src/config/parts.ts or gate-parse.ts there`);
  const workDir = path.resolve(".tmp/bench");
  const entry = path.join(workDir, "gate-before-entry.ts");
  writeFileSync(
    entry,
    `export { parseGateSettings } from ${JSON.stringify(parser)};\nexport { startGate } from ${JSON.stringify(path.join(dir, "src/gate/server.ts"))};\n`,
  );
  const outfile = path.join(workDir, "gate-before.mjs");
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    packages: "external",
    logLevel: "warning",
    nodePaths: [path.resolve("node_modules")],
  });
  const before = (await import(outfile)) as {
    parseGateSettings: (source: (name: string) => string | undefined, env: object) => unknown;
    startGate: (options: object) => Promise<Gate>;
  };
  const settings = before.parseGateSettings(GATE_INPUTS(`${harPath}.before`, {}), {});
  const gate = await before.startGate({
    upstream: { host: "127.0.0.1", port: appPort },
    settings,
    logger: quietLogger,
  });
  return { name: "gate before", port: gate.port, close: () => gate.close() };
}

// ---------------------------------------------------------------- measurement

let pinned: Pinning | undefined;

const child = (role: string) => startChild(role, { pinned });

interface Run {
  /** CPU time of this process (the proxy) per request, in µs. */
  cpu: number;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

type Gc = (options?: { type: "minor" | "major" }) => void;

/**
 * Peak RSS growth of this process (which holds only the proxy) during a 1 GiB upload, over
 * the idle baseline. `collect`: run a young-generation GC after every sample, so dead chunk
 * buffers waiting for V8 (up to its ~64 MB external-memory trigger) do not count.
 */
async function uploadPeak(
  uploader: ChildProcess,
  port: number,
  collect: boolean,
): Promise<{ growth: number; ms: number; ok: boolean }> {
  const gc = (globalThis as { gc?: Gc }).gc;
  const warm = await ask(uploader, { port, size: WARMUP_UPLOAD });
  gc?.({ type: "major" });
  const baseline = process.memoryUsage.rss();
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
    if (collect) gc?.({ type: "minor" });
  }, 5);
  const result = await ask(uploader, { port, size: UPLOAD });
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage.rss());
  return {
    growth: (peak - baseline) / MB,
    ms: Number(result.ms),
    ok: warm.counted === WARMUP_UPLOAD && result.counted === UPLOAD && result.status === 200,
  };
}

const fmt = (n: number, digits = 0) => n.toFixed(digits).padStart(9);

async function main(): Promise<void> {
  const workDir = path.resolve(".tmp/bench");
  const harPath = path.join(workDir, "gate-bench.har");
  const children: ChildProcess[] = [];
  const contenders: Contender[] = [];
  try {
    pinned = pinProxies();
    const app = await child("app");
    children.push(app.proc);
    const appPort = Number(app.first.port);
    const load = await child("load");
    children.push(load.proc);

    const bare = await barePipe(appPort);
    const hp = await httpProxyContender(appPort);
    const beforeDir = process.env.BENCH_GATE_BEFORE;
    const gate = await gateContender(appPort, harPath, beforeDir ? { inspector: "false" } : {});
    contenders.push(bare, hp, gate);
    const before = beforeDir ? await gateBefore(beforeDir, appPort, harPath) : undefined;
    if (before) contenders.push(before);
    const direct: Contender = { name: "app (direct)", port: appPort, close: async () => undefined };
    // BENCH_GATE_AB=1 (with BENCH_GATE_BEFORE): only the two gates, so more rounds fit the time.
    const all =
      before && process.env.BENCH_GATE_AB === "1"
        ? [gate, before]
        : [direct, bare, hp, gate, ...(before ? [before] : [])];

    console.log(
      `autocannon: ${CONNECTIONS} connections, ${SECONDS} s per run, ${ROUNDS} rounds (order rotated), medians over rounds; Node ${process.version}`,
    );
    console.log(
      pinned
        ? `proxies pinned to CPU ${pinned.proxyCpu}, app and load generator to CPUs ${pinned.otherCpus} (taskset)`
        : "not pinned to CPUs (needs Linux, taskset and 2+ CPUs): expect more noise",
    );
    // Short warm-up of every contender (JIT, pools), not counted.
    for (const c of all) await ask(load.proc, { url: `http://127.0.0.1:${c.port}/`, seconds: 1 });
    const runs = new Map<string, Run[]>(all.map((c) => [c.name, []]));
    for (let round = 0; round < ROUNDS; round++) {
      const order = all.map((_, i) => all[(i + round) % all.length] as Contender);
      for (const c of order) {
        const before = process.cpuUsage();
        const r = (await ask(load.proc, {
          url: `http://127.0.0.1:${c.port}/`,
          seconds: SECONDS,
        })) as unknown as Run & { total: number };
        const used = process.cpuUsage(before);
        r.cpu = c === direct ? Number.NaN : (used.user + used.system) / r.total;
        runs.get(c.name)?.push(r);
      }
    }
    console.log(
      `\n${"contender".padEnd(26)}${"req/s".padStart(9)}${"p50 ms".padStart(9)}${"p99 ms".padStart(9)}${"CPU µs/req".padStart(11)}  non-2xx/errors`,
    );
    const summary = new Map<string, { rps: number; p50: number; p99: number; cpu: number }>();
    for (const c of all) {
      const r = runs.get(c.name) ?? [];
      const s = {
        rps: median(r.map((x) => x.rps)),
        p50: median(r.map((x) => x.p50)),
        p99: median(r.map((x) => x.p99)),
        cpu: median(r.map((x) => x.cpu)),
      };
      summary.set(c.name, s);
      const bad = r.reduce((n, x) => n + x.non2xx + x.errors, 0);
      const cpu = Number.isNaN(s.cpu) ? "-" : s.cpu.toFixed(1);
      console.log(
        `${c.name.padEnd(26)}${fmt(s.rps)}${fmt(s.p50, 1)}${fmt(s.p99, 1)}${cpu.padStart(10)}  ${bad}`,
      );
    }
    // The ratio of each round's two runs, median over rounds: runs of one round are seconds
    // apart, so a machine that slows down for a while (a busy neighbour on a shared VM) moves
    // both, where a ratio of medians over the whole run would mix a fast and a slow period.
    const paired = (of: Contender, to: Contender) => {
      const a = runs.get(of.name) ?? [];
      const z = runs.get(to.name) ?? [];
      return median(a.map((x, i) => x.rps / (z[i]?.rps ?? Number.NaN)));
    };
    const ofMedians = (of: Contender, to: Contender) =>
      (summary.get(of.name)?.rps ?? 0) / (summary.get(to.name)?.rps ?? 1);
    const verdict = (ok: boolean) => (ok ? "PASS" : "MISS");
    const cpu = (name: string) => summary.get(name)?.cpu ?? Number.NaN;
    const gb = paired(gate, bare);
    const gh = paired(gate, hp);
    console.log(
      `\nthroughput gate / bare pipe  = ${gb.toFixed(2)}  (target >= 0.90: ${verdict(gb >= 0.9)}; ratio of the medians ${ofMedians(gate, bare).toFixed(2)})`,
    );
    console.log(
      `throughput gate / http-proxy = ${gh.toFixed(2)}  (target >= 1.10: ${verdict(gh >= 1.1)}; ratio of the medians ${ofMedians(gate, hp).toFixed(2)})`,
    );
    if (before) {
      const gg = paired(gate, before);
      console.log(
        `throughput gate / gate before (${beforeDir}) = ${gg.toFixed(3)}  (target >= 0.97: ${verdict(gg >= 0.97)}; ratio of the medians ${ofMedians(gate, before).toFixed(3)}; CPU per request ${(cpu(before.name) / cpu(gate.name)).toFixed(3)})`,
      );
    }
    console.log("(median over rounds of the ratio within each round)");
    console.log(
      `CPU per request, as throughput ratios (less sensitive to a busy machine): gate vs bare ${(cpu(bare.name) / cpu(gate.name)).toFixed(2)}, gate vs http-proxy ${(cpu(hp.name) / cpu(gate.name)).toFixed(2)}`,
    );
    console.log(
      `each round per contender: ${all.map((c) => `${c.name}: ${(runs.get(c.name) ?? []).map((x) => Math.round(x.rps)).join("/")}`).join("; ")}`,
    );

    // Uploads: this process holds only the proxy; uploader and app are children.
    const uploader = await child("upload");
    children.push(uploader.proc);
    console.log("\n1 GiB upload, peak RSS growth of this process (MB), sampled every 5 ms:");
    console.log(
      `${"through".padEnd(26)}${"natural".padStart(9)}${"collected".padStart(10)}${"MB/s".padStart(9)}`,
    );
    const results = new Map<string, { natural: number; collected: number; ok: boolean }>();
    for (const c of [gate, bare]) {
      const natural = await uploadPeak(uploader.proc, c.port, false);
      const collected = await uploadPeak(uploader.proc, c.port, true);
      const ok = natural.ok && collected.ok;
      results.set(c.name, { natural: natural.growth, collected: collected.growth, ok });
      console.log(
        `${c.name.padEnd(26)}${fmt(natural.growth, 1)}${fmt(collected.growth, 1).padStart(10)}${fmt(UPLOAD / MB / (natural.ms / 1000))}${ok ? "" : "  (upload FAILED)"}`,
      );
    }
    console.log(
      "natural: nothing here collects; V8 lets ~64 MB of dead chunk buffers pile up unless the proxy paces",
    );
    console.log(
      "  collections itself (the gate does: one young-generation GC per 8 MiB streamed, src/gate/gc-pacer.ts);",
    );
    console.log(
      "collected: a young-generation GC after each sample, so only what is held (+5 ms of garbage) counts.",
    );
    const gu = results.get(gate.name);
    console.log(
      `gate 1 GiB upload peak RSS growth = ${gu?.collected.toFixed(1)} MB collected, ${gu?.natural.toFixed(1)} MB natural  (target < 64 MB: collected ${verdict((gu?.collected ?? 99) < 64 && (gu?.ok ?? false))}, natural ${verdict((gu?.natural ?? 99) < 64 && (gu?.ok ?? false))})`,
    );
  } finally {
    for (const c of contenders) await c.close();
    for (const proc of children) proc.kill();
    rmSync(harPath, { force: true });
    rmSync(`${harPath}.before`, { force: true });
  }
}

const roleIndex = process.argv.indexOf("--role");
const role = roleIndex === -1 ? undefined : process.argv[roleIndex + 1];
if (role === "app") appRole();
else if (role === "load") loadRole();
else if (role === "upload") uploadRole();
else
  await main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
