/**
 * The request inspector's cost, side by side in one run (`npm run bench -- inspector`):
 * autocannon through the real gate (startGate, configured from input values: Basic auth,
 * HAR recording) with `inspector: false`, on with no page open, and on with a page open that
 * streams every exchange (a Server-Sent Events client reading everything, as a browser tab
 * does). Target: on and streaming >= 0.90x of off. The app, the load generator and the
 * watching "tab" each run in their own child process (this file, in another role). Reports
 * ratios and PASS/MISS; asserts nothing. INSPECTOR_BENCH_ROUNDS sets the rounds (default 7).
 */
import type { ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import autocannon from "autocannon";
import { parseGateSettings } from "../src/config/parts.js";
import { type Gate, startGate } from "../src/gate/server.js";
import {
  ask,
  BASIC_AUTH,
  jsonAppRole,
  median,
  PASSWORD,
  type Pinning,
  pinProxies,
  quietLogger,
  send,
  startChild,
} from "./children.js";

const ROUNDS = Number(process.env.INSPECTOR_BENCH_ROUNDS ?? 7);
const SECONDS = 2;
const CONNECTIONS = 32;

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
        headers: { authorization: BASIC_AUTH },
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

let pinned: Pinning | undefined;

const child = (role: string) => startChild(role, { pinned });

interface Contender {
  readonly name: string;
  readonly gate: Gate;
}

async function main(): Promise<void> {
  const workDir = path.resolve(".tmp/bench");
  const children: ChildProcess[] = [];
  const contenders: Contender[] = [];
  try {
    pinned = pinProxies();
    const app = await child("app");
    children.push(app.proc);
    const appPort = Number(app.first.port);
    const load = await child("load");
    children.push(load.proc);
    const watch = await child("watch");
    children.push(watch.proc);

    const gate = (name: string, inspector: boolean) => {
      const inputs: Record<string, string> = {
        credentials: `bench:${PASSWORD}`,
        record: path.join(workDir, `inspector-bench-${name}.har`),
        inspector: String(inspector),
      };
      const settings = parseGateSettings((input) => inputs[input], {});
      return startGate({ upstream: { host: "127.0.0.1", port: appPort }, settings, logger: quietLogger });
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
  if (role === "app") jsonAppRole();
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
