/**
 * The cost of the GitHub sign-in's session check (`node bench/run.mjs signin`): autocannon
 * through the real gate with `auth: github` and a signed-in browser's session cookie, beside
 * the same gate with `auth: basic` and its Authorization header, side by side in one run
 * (recording off in both, so the check is what differs). The session comes from a real
 * device-flow sign-in against the fake GitHub (test/helpers), which is idle while measuring:
 * a known session is answered without asking GitHub. Each gate, the app and the load
 * generator run in a child process of their own (this file, in another role): two gates in
 * one process shared a heap and an event loop, and their ratio then moved between 0.81 and
 * 1.06 with nothing but their order and neighbours changed. Target: github >= 0.95x basic. Reports
 * ratios and PASS/MISS; asserts nothing. SIGNIN_BENCH_GENERATIONS / SIGNIN_BENCH_ROUNDS / SIGNIN_BENCH_SECONDS shorten
 * a trial run.
 */
import { type ChildProcess, execFileSync, fork, spawn } from "node:child_process";
import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { availableParallelism } from "node:os";
import autocannon from "autocannon";
import { parseGateSettings } from "../src/config/parts.js";
import { startGate } from "../src/gate/server.js";
import type { Logger } from "../src/util/logger.js";
import { FakeGitHub } from "../test/helpers/fake-github.js";
import { FakeDeviceFlow, TEST_CLIENT_ID } from "../test/helpers/fake-github-device.js";
import { BrowserLike, signInOverHttp } from "../test/helpers/signin-gate.js";

const ROUNDS = Number(process.env.SIGNIN_BENCH_ROUNDS ?? 4);
const GENERATIONS = Number(process.env.SIGNIN_BENCH_GENERATIONS ?? 6);
const BASIC_NAME = "gate (auth: basic)";
const GITHUB_NAME = "gate (auth: github, session)";
const SECONDS = Number(process.env.SIGNIN_BENCH_SECONDS ?? 2);
const CONNECTIONS = 32;
const PASSWORD = "bench-password-0123456789";
const BASIC = `Basic ${Buffer.from(`bench:${PASSWORD}`).toString("base64")}`;

type Message = Record<string, unknown>;

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

/** Load generator: one autocannon run per message, with that contender's credentials. */
function loadRole(): void {
  process.on("message", async (m: { url: string; seconds: number; headers: Record<string, string> }) => {
    const result = await autocannon({
      url: m.url,
      connections: CONNECTIONS,
      duration: m.seconds,
      headers: m.headers,
    });
    send({
      rps: result.requests.average,
      total: result.requests.total,
      bad: result.non2xx + result.errors + result.timeouts,
    });
  });
  send({ ready: true });
}

const quiet: Logger = {
  info: () => undefined,
  warning: (m) => console.error(`gate warning: ${m}`),
  error: (m) => console.error(`gate error: ${m}`),
  debug: () => undefined,
  startGroup: () => undefined,
  endGroup: () => undefined,
  write: () => undefined,
};

interface Contender {
  readonly name: string;
  /** The gate's process; asked for its CPU time around each run. */
  readonly proc: ChildProcess;
  readonly url: string;
  readonly headers: Record<string, string>;
}

/** The gate's inputs in either mode (recording off in both). */
function gateInputs(mode: string): (name: string) => string | undefined {
  const inputs: Record<string, string> =
    mode === "basic"
      ? { credentials: `bench:${PASSWORD}`, record: "none" }
      : {
          auth: "github",
          "github-oauth-client-id": TEST_CLIENT_ID,
          "github-repository": "o/r",
          record: "none",
        };
  return (name) => inputs[name];
}

/** A gate, alone in this process: `--mode basic|github --upstream <port>`; GitHub at BENCH_GITHUB_URL. */
async function gateRole(): Promise<void> {
  const arg = (name: string) => process.argv[process.argv.indexOf(name) + 1] ?? "";
  const github = process.env.BENCH_GITHUB_URL ?? "";
  const gate = await startGate({
    upstream: { host: "127.0.0.1", port: Number(arg("--upstream")) },
    settings: parseGateSettings(gateInputs(arg("--mode")), {
      GITHUB_SERVER_URL: github,
      GITHUB_API_URL: github,
    }),
    logger: quiet,
  });
  process.on("message", (m: { cpu?: boolean }) => {
    if (!m.cpu) return;
    const used = process.cpuUsage();
    send({ cpu: used.user + used.system });
  });
  process.on("disconnect", () => void gate.close().finally(() => process.exit(0)));
  send({ url: gate.url });
}

/** Proxies on CPU 0, the app and the load generator on the others (Linux, taskset, 2+ CPUs). */
function pinning(): string | undefined {
  const cpus = availableParallelism();
  if (process.platform !== "linux" || cpus < 2) return undefined;
  try {
    execFileSync("taskset", ["-pc", "0", String(process.pid)], { stdio: "ignore" });
    return `1-${cpus - 1}`;
  } catch {
    return undefined;
  }
}

let others: string | undefined;

/** A child in `role`: gates on CPU 0 (beside this process, idle while measuring), the rest on the others. */
async function child(
  role: string,
  args: readonly string[] = [],
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ proc: ChildProcess; first: Message }> {
  const script = process.argv[1] as string;
  const stdio: ["ignore", "inherit", "inherit", "ipc"] = ["ignore", "inherit", "inherit", "ipc"];
  const cpus = role === "gate" ? "0" : others;
  const proc = others
    ? spawn("taskset", ["-c", cpus as string, process.execPath, script, "--role", role, ...args], {
        stdio,
        env,
      })
    : fork(script, ["--role", role, ...args], { stdio, env });
  const [first] = (await once(proc, "message")) as [Message];
  return { proc, first };
}

async function ask(proc: ChildProcess, message: Message): Promise<Message> {
  proc.send(message);
  const [reply] = (await once(proc, "message")) as [Message];
  return reply;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function main(): Promise<void> {
  const children: ChildProcess[] = [];
  const device = new FakeDeviceFlow({
    users: [{ login: "alice", repos: { "o/r": "write" } }],
    intervalSeconds: 0.05,
  });
  const github = await FakeGitHub.start({ token: "bench-core-token", extensions: [device] });
  try {
    others = pinning();
    const app = await child("app");
    children.push(app.proc);
    const upstream = { host: "127.0.0.1", port: Number(app.first.port) };
    const load = await child("load");
    children.push(load.proc);

    const gate = async (mode: string) => {
      const started = await child("gate", ["--mode", mode, "--upstream", String(upstream.port)], {
        ...process.env,
        BENCH_GITHUB_URL: github.url,
      });
      children.push(started.proc);
      return { proc: started.proc, url: String(started.first.url) };
    };
    const runs = new Map<string, { rps: number; cpu: number; bad: number }[]>();
    let calls = 0;
    let asked = 0;
    console.log(
      `autocannon: ${CONNECTIONS} connections, ${SECONDS} s per run, ${GENERATIONS} pairs of fresh gate processes x ${ROUNDS} rounds (order alternating); Node ${process.version}`,
    );
    console.log(
      others ? `gates pinned to CPU 0, app and load generator to CPUs ${others}` : "not pinned to CPUs",
    );
    // Fresh processes per generation: one process's luck (how V8 compiled its hot paths) moved
    // a whole run by 20%, so the ratio is taken over several.
    for (let generation = 0; generation < GENERATIONS; generation++) {
      const basicGate = await gate("basic");
      const githubGate = await gate("github");
      // A real sign-in (device flow, approved at the fake GitHub): the browser's session cookie.
      const browser = new BrowserLike(githubGate.url);
      const { landed } = await signInOverHttp(browser, github.url, "alice", "/");
      const cookie = browser.cookieHeader("/");
      if (landed.status !== 200 || cookie === undefined)
        throw new Error(`the sign-in failed: ${landed.status}`);
      calls = github.requests.length;
      const contenders: Contender[] = [
        { name: BASIC_NAME, ...basicGate, headers: { authorization: BASIC } },
        { name: GITHUB_NAME, ...githubGate, headers: { cookie } },
      ];
      for (const c of contenders) {
        await ask(load.proc, { url: `${c.url}/`, seconds: 1, headers: c.headers });
      }
      for (let round = 0; round < ROUNDS; round++) {
        const order = round % 2 === 0 ? contenders : [...contenders].reverse();
        for (const c of order) {
          const before = Number((await ask(c.proc, { cpu: true })).cpu);
          const r = await ask(load.proc, { url: `${c.url}/`, seconds: SECONDS, headers: c.headers });
          const used = Number((await ask(c.proc, { cpu: true })).cpu) - before;
          const list = runs.get(c.name) ?? [];
          list.push({ rps: Number(r.rps), cpu: used / Number(r.total), bad: Number(r.bad) });
          runs.set(c.name, list);
        }
      }
      asked += github.requests.length - calls;
      // Closed by disconnecting: each gate closes and exits (a profile, if asked for, is written).
      await Promise.all(
        contenders.map(async (c) => {
          const exited = once(c.proc, "exit");
          c.proc.disconnect();
          await exited;
        }),
      );
    }
    console.log(
      `\n${"contender".padEnd(32)}${"req/s".padStart(9)}${"CPU µs/req".padStart(12)}  non-2xx/errors`,
    );
    for (const name of [BASIC_NAME, GITHUB_NAME]) {
      const r = runs.get(name) ?? [];
      const bad = r.reduce((n, x) => n + x.bad, 0);
      console.log(
        `${name.padEnd(32)}${median(r.map((x) => x.rps))
          .toFixed(0)
          .padStart(9)}${median(r.map((x) => x.cpu))
          .toFixed(1)
          .padStart(12)}  ${bad}`,
      );
    }
    const basic = runs.get(BASIC_NAME) ?? [];
    const gh = runs.get(GITHUB_NAME) ?? [];
    const paired = median(gh.map((x, i) => x.rps / (basic[i]?.rps ?? Number.NaN)));
    const ofMedians = median(gh.map((x) => x.rps)) / median(basic.map((x) => x.rps));
    const cpu = median(basic.map((x) => x.cpu)) / median(gh.map((x) => x.cpu));
    console.log(
      `\nthroughput github session / basic = ${paired.toFixed(2)}  (target >= 0.95: ${paired >= 0.95 ? "PASS" : "MISS"}; ratio of the medians ${ofMedians.toFixed(2)})`,
    );
    console.log(
      `(median over rounds of the ratio within each round; CPU per request as a throughput ratio: ${cpu.toFixed(2)})`,
    );
    console.log(`GitHub was asked ${asked} times while measuring (a known session needs no call).`);
  } finally {
    for (const proc of children) proc.kill();
    await github.close();
  }
}

const roleIndex = process.argv.indexOf("--role");
const role = roleIndex === -1 ? undefined : process.argv[roleIndex + 1];
if (role === "app") appRole();
else if (role === "gate") await gateRole();
else if (role === "load") loadRole();
else
  await main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
