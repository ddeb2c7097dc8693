/**
 * The request inspector's cost, side by side in one run (`npm run bench -- inspector`):
 * autocannon through the real gate (startGate, configured from input values: Basic auth,
 * HAR recording) with `inspector: false`, on with no page open, and on with a page open that
 * streams every exchange (a Server-Sent Events client reading everything, as a browser tab
 * does). Target: on and streaming >= 0.90x of off. The app, the load generator and the
 * watching "tab" each run in their own child process (this file, in another role). Reports
 * ratios and PASS/MISS; asserts nothing. INSPECTOR_BENCH_ROUNDS sets the rounds (default 7).
 */
import { type ChildProcess, execFileSync, fork, spawn } from "node:child_process";
import { once } from "node:events";
import { rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { availableParallelism } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { parseGateSettings } from "../src/config/parts.js";
import { type Gate, startGate } from "../src/gate/server.js";
import type { Logger } from "../src/util/logger.js";

const ROUNDS = Number(process.env.INSPECTOR_BENCH_ROUNDS ?? 7);
const SECONDS = 2;
const CONNECTIONS = 32;
const USER = "bench";
const PASSWORD = "bench-password-0123456789";
const AUTH = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString("base64")}`;

type Message = Record<string, unknown>;

const silent: Logger = {
  info: () => undefined,
  warning: (m) => console.error(`gate warning: ${m}`),
  error: (m) => console.error(`gate error: ${m}`),
  debug: () => undefined,
  startGroup: () => undefined,
  endGroup: () => undefined,
  write: () => undefined,
};

function send(message: Message): void {
  process.send?.(message);
}

/** The app: a small JSON answer. */
function appRole(): void {
  const body = JSON.stringify({ ok: true, message: "hello from the app", items: [1, 2, 3] });
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
    res.end(body);
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, "127.0.0.1", () => send({ port: (server.address() as AddressInfo).port }));
}

function loadRole(): void {
  process.on("message", async (m: { url: string; seconds: number }) => {
    const result = await autocannon({
      url: m.url,
      connections: CONNECTIONS,
      duration: m.seconds,
      headers: { authorization: AUTH },
    });
    send({
      rps: result.requests.average,
      total: result.requests.total,
      bad: result.non2xx + result.errors + result.timeouts,
    });
  });
  send({ ready: true });
}

/** An open inspector tab: reads the event stream and counts the exchanges it is told of. */
function watchRole(): void {
  let events = 0;
  process.on("message", (m: { port?: number; count?: boolean }) => {
    if (m.count) return send({ events });
    const req = http.get(
      {
        host: "127.0.0.1",
        port: m.port,
        path: "/__preview/inspect/events",
        headers: { authorization: AUTH },
        agent: false,
      },
      (res) => {
        res.setEncoding("utf8");
        let carry = "";
        res.on("data", (text: string) => {
          const all = carry + text;
          const cut = all.lastIndexOf("\n");
          carry = all.slice(cut + 1);
          for (const line of all.slice(0, cut).split("\n")) if (line.startsWith("id: ")) events++;
        });
        send({ status: res.statusCode });
      },
    );
    req.on("error", (error) => send({ error: error.message }));
  });
  send({ ready: true });
}

function pinning(): { proxyCpu: string; otherCpus: string } | undefined {
  const cpus = availableParallelism();
  if (process.platform !== "linux" || cpus < 2) return undefined;
  try {
    execFileSync("taskset", ["-pc", "0", String(process.pid)], { stdio: "ignore" });
    return { proxyCpu: "0", otherCpus: `1-${cpus - 1}` };
  } catch {
    return undefined;
  }
}

let pinned: { proxyCpu: string; otherCpus: string } | undefined;

async function child(role: string): Promise<{ proc: ChildProcess; first: Message }> {
  const script = process.argv[1] as string;
  const stdio: ["ignore", "inherit", "inherit", "ipc"] = ["ignore", "inherit", "inherit", "ipc"];
  const proc = pinned
    ? spawn("taskset", ["-c", pinned.otherCpus, process.execPath, script, "--role", role], { stdio })
    : fork(script, ["--role", role], { stdio });
  const [first] = (await once(proc, "message")) as [Message];
  return { proc, first };
}

async function ask(proc: ChildProcess, message: Message): Promise<Message> {
  proc.send(message);
  const [reply] = (await once(proc, "message")) as [Message];
  return reply;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

interface Contender {
  readonly name: string;
  readonly gate: Gate;
}

async function main(): Promise<void> {
  const workDir = path.resolve(".tmp/bench");
  const children: ChildProcess[] = [];
  const contenders: Contender[] = [];
  try {
    pinned = pinning();
    const app = await child("app");
    children.push(app.proc);
    const appPort = Number(app.first.port);
    const load = await child("load");
    children.push(load.proc);
    const watch = await child("watch");
    children.push(watch.proc);

    const gate = (name: string, inspector: boolean) => {
      const inputs: Record<string, string> = {
        credentials: `${USER}:${PASSWORD}`,
        record: path.join(workDir, `inspector-bench-${name}.har`),
        inspector: String(inspector),
      };
      const settings = parseGateSettings((input) => inputs[input], {});
      return startGate({ upstream: { host: "127.0.0.1", port: appPort }, settings, logger: silent });
    };
    const off: Contender = { name: "inspector off", gate: await gate("off", false) };
    const idle: Contender = { name: "inspector on, no tab", gate: await gate("idle", true) };
    const streaming: Contender = { name: "inspector on, streaming", gate: await gate("streaming", true) };
    contenders.push(off, idle, streaming);
    const opened = await ask(watch.proc, { port: streaming.gate.port });
    if (opened.status !== 200)
      throw new Error(`the watching tab could not open the stream: ${JSON.stringify(opened)}`);

    console.log(
      `autocannon: ${CONNECTIONS} connections, ${SECONDS} s per run, ${ROUNDS} rounds (order rotated); Basic auth + HAR recording in every contender; Node ${process.version}`,
    );
    console.log(
      pinned ? `gates pinned to CPU ${pinned.proxyCpu} (taskset)` : "not pinned to CPUs: expect more noise",
    );
    for (const c of contenders) await ask(load.proc, { url: `http://127.0.0.1:${c.gate.port}/`, seconds: 1 });
    const runs = new Map<string, { rps: number; cpu: number; bad: number }[]>(
      contenders.map((c) => [c.name, []]),
    );
    for (let round = 0; round < ROUNDS; round++) {
      for (let i = 0; i < contenders.length; i++) {
        const c = contenders[(i + round) % contenders.length] as Contender;
        const before = process.cpuUsage();
        const r = await ask(load.proc, { url: `http://127.0.0.1:${c.gate.port}/`, seconds: SECONDS });
        const used = process.cpuUsage(before);
        runs.get(c.name)?.push({
          rps: Number(r.rps),
          cpu: (used.user + used.system) / Number(r.total),
          bad: Number(r.bad),
        });
      }
    }
    const told = Number((await ask(watch.proc, { count: true })).events);
    const listed = streaming.gate.stats().total;

    console.log(
      `\n${"contender".padEnd(26)}${"req/s".padStart(9)}${"CPU µs/req".padStart(12)}  non-2xx/errors`,
    );
    for (const c of contenders) {
      const r = runs.get(c.name) ?? [];
      const bad = r.reduce((n, x) => n + x.bad, 0);
      console.log(
        `${c.name.padEnd(26)}${median(r.map((x) => x.rps))
          .toFixed(0)
          .padStart(9)}${median(r.map((x) => x.cpu))
          .toFixed(1)
          .padStart(12)}  ${bad}`,
      );
    }
    const paired = (of: Contender, to: Contender) => {
      const a = runs.get(of.name) ?? [];
      const z = runs.get(to.name) ?? [];
      return median(a.map((x, i) => x.rps / (z[i]?.rps ?? Number.NaN)));
    };
    const verdict = (ratio: number) => (ratio >= 0.9 ? "PASS" : "MISS");
    const s = paired(streaming, off);
    const i = paired(idle, off);
    console.log(`\nthroughput streaming / off = ${s.toFixed(2)}  (target >= 0.90: ${verdict(s)})`);
    console.log(`throughput no tab / off    = ${i.toFixed(2)}  (target >= 0.90: ${verdict(i)})`);
    console.log("(median over rounds of the ratio within each round)");
    console.log(`the watching tab was told of ${told} of the ${listed} exchanges through its gate`);
  } finally {
    for (const c of contenders) await c.gate.close();
    for (const proc of children) proc.kill();
    rmSync(workDir, { recursive: true, force: true });
  }
}

const role = process.argv[process.argv.indexOf("--role") + 1];
if (process.argv.includes("--role")) {
  if (role === "app") appRole();
  else if (role === "load") loadRole();
  else if (role === "watch") watchRole();
} else {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
