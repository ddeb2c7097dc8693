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
import type { ChildProcess } from "node:child_process";
import { once } from "node:events";
import autocannon from "autocannon";
import { parseGateSettings } from "../src/config/parts.js";
import { startGate } from "../src/gate/server.js";
import { FakeGitHub } from "../test/helpers/fake-github.js";
import { FakeDeviceFlow, TEST_CLIENT_ID } from "../test/helpers/fake-github-device.js";
import { BrowserLike, signInOverHttp } from "../test/helpers/signin-gate.js";
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

const ROUNDS = Number(process.env.SIGNIN_BENCH_ROUNDS ?? 4);
const GENERATIONS = Number(process.env.SIGNIN_BENCH_GENERATIONS ?? 6);
const BASIC_NAME = "gate (auth: basic)";
const GITHUB_NAME = "gate (auth: github, session)";
const SECONDS = Number(process.env.SIGNIN_BENCH_SECONDS ?? 2);
const CONNECTIONS = 32;

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
    logger: quietLogger,
  });
  process.on("message", (m: { cpu?: boolean }) => {
    if (!m.cpu) return;
    const used = process.cpuUsage();
    send({ cpu: used.user + used.system });
  });
  process.on("disconnect", () => void gate.close().finally(() => process.exit(0)));
  send({ url: gate.url });
}

let pinned: Pinning | undefined;

async function main(): Promise<void> {
  const children: ChildProcess[] = [];
  const device = new FakeDeviceFlow({
    users: [{ login: "alice", repos: { "o/r": "write" } }],
    intervalSeconds: 0.05,
  });
  const github = await FakeGitHub.start({ token: "bench-core-token", extensions: [device] });
  try {
    pinned = pinProxies();
    const app = await startChild("app", { pinned });
    children.push(app.proc);
    const upstream = { host: "127.0.0.1", port: Number(app.first.port) };
    const load = await startChild("load", { pinned });
    children.push(load.proc);

    const gate = async (mode: string) => {
      // Each gate on the proxies' CPU, beside this process (idle while measuring).
      const started = await startChild("gate", {
        pinned,
        cpus: "proxy",
        args: ["--mode", mode, "--upstream", String(upstream.port)],
        env: { ...process.env, BENCH_GITHUB_URL: github.url },
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
      pinned
        ? `gates pinned to CPU ${pinned.proxyCpu}, app and load generator to CPUs ${pinned.otherCpus}`
        : "not pinned to CPUs",
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
        { name: BASIC_NAME, ...basicGate, headers: { authorization: BASIC_AUTH } },
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
if (role === "app") jsonAppRole();
else if (role === "gate") await gateRole();
else if (role === "load") loadRole();
else
  await main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
