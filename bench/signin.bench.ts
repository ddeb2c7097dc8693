/**
 * The cost of the GitHub sign-in's session check (`node bench/run.mjs signin`): autocannon
 * through the real gate with `auth: github` and a signed-in browser's session cookie, beside
 * the same gate with `auth: basic` and its Authorization header, side by side in one run
 * (recording off in both, so the check is what differs). The session comes from a real
 * device-flow sign-in against the fake GitHub (test/helpers), which is idle while measuring:
 * a known session is answered without asking GitHub. The app and the load generator run in
 * child processes (this file, in another role). Target: github >= 0.95x basic. Reports
 * ratios and PASS/MISS; asserts nothing. SIGNIN_BENCH_ROUNDS / SIGNIN_BENCH_SECONDS shorten
 * a trial run.
 */
import { type ChildProcess, execFileSync, fork, spawn } from "node:child_process";
import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { availableParallelism } from "node:os";
import autocannon from "autocannon";
import { parseGateSettings } from "../src/config/parts.js";
import { type Gate, startGate } from "../src/gate/server.js";
import type { Logger } from "../src/util/logger.js";
import { FakeGitHub } from "../test/helpers/fake-github.js";
import { FakeDeviceFlow, TEST_CLIENT_ID } from "../test/helpers/fake-github-device.js";
import { BrowserLike, signInOverHttp } from "../test/helpers/signin-gate.js";

const ROUNDS = Number(process.env.SIGNIN_BENCH_ROUNDS ?? 9);
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
  readonly gate: Gate;
  readonly headers: Record<string, string>;
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

async function child(role: string): Promise<{ proc: ChildProcess; first: Message }> {
  const script = process.argv[1] as string;
  const stdio: ["ignore", "inherit", "inherit", "ipc"] = ["ignore", "inherit", "inherit", "ipc"];
  const proc = others
    ? spawn("taskset", ["-c", others, process.execPath, script, "--role", role], { stdio })
    : fork(script, ["--role", role], { stdio });
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
  const gates: Gate[] = [];
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

    const basicGate = await startGate({
      upstream,
      settings: parseGateSettings(
        (name) => ({ credentials: `bench:${PASSWORD}`, record: "none" })[name as string],
        {},
      ),
      logger: quiet,
    });
    gates.push(basicGate);
    const githubGate = await startGate({
      upstream,
      settings: parseGateSettings(
        (name) =>
          ({
            auth: "github",
            "github-oauth-client-id": TEST_CLIENT_ID,
            "github-repository": "o/r",
            record: "none",
          })[name as string],
        { GITHUB_SERVER_URL: github.url, GITHUB_API_URL: github.url },
      ),
      logger: quiet,
    });
    gates.push(githubGate);
    // A real sign-in (device flow, approved at the fake GitHub): the browser's session cookie.
    const browser = new BrowserLike(githubGate.url);
    const { landed } = await signInOverHttp(browser, github.url, "alice", "/");
    const cookie = browser.cookieHeader("/");
    if (landed.status !== 200 || cookie === undefined)
      throw new Error(`the sign-in failed: ${landed.status}`);
    const calls = github.requests.length;

    const contenders: Contender[] = [
      { name: "gate (auth: basic)", gate: basicGate, headers: { authorization: BASIC } },
      { name: "gate (auth: github, session)", gate: githubGate, headers: { cookie } },
    ];
    console.log(
      `autocannon: ${CONNECTIONS} connections, ${SECONDS} s per run, ${ROUNDS} rounds (order alternating); Node ${process.version}`,
    );
    console.log(
      others ? `gates pinned to CPU 0, app and load generator to CPUs ${others}` : "not pinned to CPUs",
    );
    for (const c of contenders) {
      await ask(load.proc, { url: `${c.gate.url}/`, seconds: 1, headers: c.headers });
    }
    const runs = new Map<string, { rps: number; cpu: number; bad: number }[]>(
      contenders.map((c) => [c.name, []]),
    );
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? contenders : [...contenders].reverse();
      for (const c of order) {
        const before = process.cpuUsage();
        const r = await ask(load.proc, { url: `${c.gate.url}/`, seconds: SECONDS, headers: c.headers });
        const used = process.cpuUsage(before);
        runs.get(c.name)?.push({
          rps: Number(r.rps),
          cpu: (used.user + used.system) / Number(r.total),
          bad: Number(r.bad),
        });
      }
    }
    console.log(
      `\n${"contender".padEnd(32)}${"req/s".padStart(9)}${"CPU µs/req".padStart(12)}  non-2xx/errors`,
    );
    for (const c of contenders) {
      const r = runs.get(c.name) ?? [];
      const bad = r.reduce((n, x) => n + x.bad, 0);
      console.log(
        `${c.name.padEnd(32)}${median(r.map((x) => x.rps))
          .toFixed(0)
          .padStart(9)}${median(r.map((x) => x.cpu))
          .toFixed(1)
          .padStart(12)}  ${bad}`,
      );
    }
    const basic = runs.get(contenders[0]?.name ?? "") ?? [];
    const gh = runs.get(contenders[1]?.name ?? "") ?? [];
    const paired = median(gh.map((x, i) => x.rps / (basic[i]?.rps ?? Number.NaN)));
    const ofMedians = median(gh.map((x) => x.rps)) / median(basic.map((x) => x.rps));
    const cpu = median(basic.map((x) => x.cpu)) / median(gh.map((x) => x.cpu));
    console.log(
      `\nthroughput github session / basic = ${paired.toFixed(2)}  (target >= 0.95: ${paired >= 0.95 ? "PASS" : "MISS"}; ratio of the medians ${ofMedians.toFixed(2)})`,
    );
    console.log(
      `(median over rounds of the ratio within each round; CPU per request as a throughput ratio: ${cpu.toFixed(2)})`,
    );
    console.log(
      `GitHub was asked ${github.requests.length - calls} times while measuring (a known session needs no call).`,
    );
  } finally {
    for (const gate of gates) await gate.close();
    for (const proc of children) proc.kill();
    await github.close();
  }
}

const roleIndex = process.argv.indexOf("--role");
const role = roleIndex === -1 ? undefined : process.argv[roleIndex + 1];
if (role === "app") appRole();
else if (role === "load") loadRole();
else
  await main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
