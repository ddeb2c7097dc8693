// The ssh provider against a local OpenSSH sshd, side by side in one run with the app direct
// and with a bare `ssh -R` to the app (no provider code): throughput and p50/p99 latency of
// small requests (autocannon), a 100 MB download, and the time from open() to a probed URL.
// Reports ratios; asserts nothing about absolute time. The server is the machine's OpenSSH
// sshd (openssh-server) when there is one, else the tests' ssh2 stand-in (said in the output:
// its relay in Node is then part of every ssh row).
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { freePort } from "../src/app/ports.js";
import { processesWithEnv } from "../src/app/proc-table.js";
import { stopProcessTree } from "../src/app/stop.js";
import { parseGateSettings, parseTunnelSettings } from "../src/config/parts.js";
import { startGate } from "../src/gate/index.js";
import { probePublicUrl } from "../src/tunnel/probe.js";
import { sshProvider } from "../src/tunnel/ssh.js";
import { memoryLogger } from "../test/fixtures/tunnel/logger.js";
import { startSshService } from "../test/fixtures/tunnel/ssh-service.js";
import { findSshd, startSshd } from "../test/fixtures/tunnel/sshd.js";

const MARK = { name: "PREVIEW_TUNNEL_BENCH_MARK", value: `ssh-${process.pid}` };
const SMALL_SECONDS = 3;
/** Rounds over all contenders, alternating, so a noisy neighbour hits each alike; best kept. */
const SMALL_ROUNDS = 2;
const CONNECTIONS = 10;
const DOWNLOAD_BYTES = 100 * 1024 * 1024;
const DOWNLOAD_RUNS = 3;
const LATENCY_REQUESTS = 2000;
const LATENCY_WARMUP = 300;
const OPEN_RUNS = 5;
const NONCE = "bench-nonce";
const AUTH = `Basic ${Buffer.from("preview:bench").toString("base64")}`;

// The app: small answers behind Basic auth, a 100 MB download, the probe path.
const APP = `
const http = require("node:http");
const chunk = Buffer.alloc(64 * 1024, 120);
const server = http.createServer((req, res) => {
  if (req.url === "/__preview/probe") return res.end(${JSON.stringify(NONCE)});
  if (req.headers.authorization !== ${JSON.stringify(AUTH)}) return res.writeHead(401).end("auth required");
  if (req.url === "/download") {
    res.writeHead(200, { "content-length": ${DOWNLOAD_BYTES} });
    let left = ${DOWNLOAD_BYTES};
    const pump = () => {
      while (left > 0) {
        const part = left >= chunk.length ? chunk : chunk.subarray(0, left);
        left -= part.length;
        if (!res.write(part)) return void res.once("drain", pump);
      }
      res.end();
    };
    return pump();
  }
  res.end("hello from the app");
});
server.listen(Number(process.env.PORT), "127.0.0.1", () => process.stdout.write("listening\\n"));
`;

interface Row {
  readonly name: string;
  rps: number;
  p50: number;
  p99: number;
  mbps: number;
}

const children: ChildProcess[] = [];
const env = { ...process.env, [MARK.name]: MARK.value };

async function startApp(): Promise<number> {
  const port = await freePort();
  const child = spawn(process.execPath, ["-e", APP], {
    env: { ...env, PORT: String(port) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout?.once("data", () => resolve());
    child.once("exit", (code) => reject(new Error(`the app exited (${code})`)));
  });
  return port;
}

/** What the bench needs of the SSH server, whichever it is. */
interface BenchServer {
  readonly name: string;
  readonly port: number;
  readonly user: string;
  readonly userKey: string;
  readonly knownHostsLine: string;
  close(): Promise<void>;
}

async function startServer(): Promise<BenchServer> {
  if (findSshd() !== undefined) {
    const sshd = await startSshd({ [MARK.name]: MARK.value });
    return { name: "OpenSSH sshd", ...sshd, close: () => sshd.dispose() };
  }
  const service = await startSshService("sshd");
  return { name: "the ssh2 stand-in (no sshd on this machine)", ...service, close: () => service.close() };
}

/** `ssh -N -R 0:127.0.0.1:PORT`, nothing else: the baseline without provider code. */
async function bareSsh(sshd: BenchServer, appPort: number, dir: string): Promise<string> {
  const key = path.join(dir, "bare_key");
  writeFileSync(key, sshd.userKey, { mode: 0o600 });
  const child = spawn(
    "ssh",
    [
      "-N",
      "-F",
      "/dev/null",
      "-o",
      "StrictHostKeyChecking=no",
      "-o",
      `UserKnownHostsFile=${path.join(dir, "bare_known_hosts")}`,
      "-i",
      key,
      "-p",
      String(sshd.port),
      "-R",
      `0:127.0.0.1:${appPort}`,
      `${sshd.user}@127.0.0.1`,
    ],
    { env, stdio: ["ignore", "ignore", "pipe"] },
  );
  children.push(child);
  const port = await new Promise<number>((resolve, reject) => {
    let text = "";
    child.stderr?.on("data", (d) => {
      text += d;
      const match = /Allocated port (\d+)/.exec(text);
      if (match) resolve(Number(match[1]));
    });
    child.once("exit", () => reject(new Error(`bare ssh exited:\n${text}`)));
  });
  return `http://127.0.0.1:${port}`;
}

async function small(row: Row, url: string): Promise<void> {
  const result = await autocannon({
    url: `${url}/`,
    connections: CONNECTIONS,
    duration: SMALL_SECONDS,
    headers: { authorization: AUTH },
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${row.name}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  row.rps = Math.max(row.rps, result.requests.average);
}

/** One GET of the 100 MB body through node:http (less consumer overhead than fetch). */
function downloadOnce(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    http
      .get(`${url}/download`, { headers: { authorization: AUTH } }, (res) => {
        let bytes = 0;
        res.on("data", (chunk: Buffer) => {
          bytes += chunk.length;
        });
        res.on("end", () =>
          bytes === DOWNLOAD_BYTES
            ? resolve(bytes / 1048576 / ((performance.now() - started) / 1000))
            : reject(new Error(`got ${bytes} bytes`)),
        );
      })
      .on("error", reject);
  });
}

async function download(row: Row, url: string): Promise<void> {
  let best = 0;
  for (let i = 0; i < DOWNLOAD_RUNS; i++) best = Math.max(best, await downloadOnce(url));
  row.mbps = best;
}

/** Sequential small requests on one kept-alive connection: latency at sub-millisecond resolution. */
async function latency(row: Row, url: string): Promise<void> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const times: number[] = [];
  const once = () =>
    new Promise<void>((resolve, reject) => {
      const started = performance.now();
      http
        .get(`${url}/`, { agent, headers: { authorization: AUTH } }, (res) => {
          res.resume();
          res.on("end", () => {
            times.push(performance.now() - started);
            resolve();
          });
        })
        .on("error", reject);
    });
  // Warm-up (JIT, connection): the first contender would otherwise pay for it alone.
  for (let i = 0; i < LATENCY_WARMUP; i++) await once();
  times.length = 0;
  for (let i = 0; i < LATENCY_REQUESTS; i++) await once();
  agent.destroy();
  times.sort((a, b) => a - b);
  row.p50 = times[Math.floor(times.length * 0.5)] ?? 0;
  row.p99 = times[Math.floor(times.length * 0.99)] ?? 0;
}

const fmt = (n: number, digits = 2) => n.toFixed(digits).padStart(9);
const ratio = (a: number, b: number) => (b === 0 ? "    n/a" : `${(a / b).toFixed(2)}x`.padStart(7));

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "pt-bench-ssh-"));
  const sshd = await startServer();
  console.log(`server: ${sshd.name}`);
  const tunnels: { close(): Promise<void> }[] = [];
  try {
    const appPort = await startApp();
    const inputs: Record<string, string> = {
      "ssh-host": "127.0.0.1",
      "ssh-port": String(sshd.port),
      "ssh-user": sshd.user,
      "ssh-key": sshd.userKey,
      "ssh-remote": "0",
      "ssh-url": "http://127.0.0.1:{port}",
      "ssh-known-hosts": sshd.knownHostsLine,
    };
    const settings = parseTunnelSettings((name) => inputs[name], {});
    const provider = sshProvider({ settings: settings.ssh, timeoutMs: settings.timeoutMs });
    const openOptions = (i: number) => ({
      logger: memoryLogger(),
      signal: new AbortController().signal,
      runDir: path.join(dir, `run-${i}`),
      env,
    });
    const target = { host: "127.0.0.1", port: appPort };

    // open() -> probed URL, each a fresh ssh connection.
    const openTimes: number[] = [];
    for (let i = 0; i < OPEN_RUNS; i++) {
      const started = performance.now();
      const tunnel = await provider.open(target, openOptions(i));
      await probePublicUrl({
        url: tunnel.url,
        path: "/__preview/probe",
        nonce: NONCE,
        timeoutMs: 10_000,
        provider: "ssh",
      });
      openTimes.push(performance.now() - started);
      await tunnel.close();
    }
    openTimes.sort((a, b) => a - b);

    const tunnel = await provider.open(target, openOptions(OPEN_RUNS));
    tunnels.push(tunnel);
    // The pipeline's real path: ssh provider -> gate (recording on) -> app. The app checks the
    // Authorization itself, so the gate runs with auth none here (it forwards the header).
    const gate = await startGate({
      upstream: target,
      settings: parseGateSettings(
        (name) => ({ auth: "none", record: path.join(dir, "bench.har") })[name as string],
        {},
      ),
      logger: memoryLogger(),
    });
    tunnels.push(gate);
    const gated = await provider.open({ host: "127.0.0.1", port: gate.port }, openOptions(OPEN_RUNS + 1));
    tunnels.push(gated);
    const rows: Row[] = [
      { name: "app direct", rps: 0, p50: 0, p99: 0, mbps: 0 },
      { name: "bare ssh -R", rps: 0, p50: 0, p99: 0, mbps: 0 },
      { name: "ssh provider", rps: 0, p50: 0, p99: 0, mbps: 0 },
      { name: "+ gate", rps: 0, p50: 0, p99: 0, mbps: 0 },
    ];
    const urls = [`http://127.0.0.1:${appPort}`, await bareSsh(sshd, appPort, dir), tunnel.url, gated.url];
    for (let round = 0; round < SMALL_ROUNDS; round++)
      for (const [i, row] of rows.entries()) await small(row, urls[i] as string);
    for (const [i, row] of rows.entries()) await latency(row, urls[i] as string);
    for (const [i, row] of rows.entries()) await download(row, urls[i] as string);

    console.log(
      `req/s: autocannon, ${CONNECTIONS} connections, best of ${SMALL_ROUNDS} alternating ${SMALL_SECONDS}s rounds; p50/p99: ${LATENCY_REQUESTS} sequential keep-alive requests; MB/s: 100 MB download, best of ${DOWNLOAD_RUNS}`,
    );
    console.log(
      `${"".padEnd(14)}${"req/s".padStart(9)}${"p50 ms".padStart(9)}${"p99 ms".padStart(9)}${"MB/s".padStart(9)}`,
    );
    for (const row of rows)
      console.log(`${row.name.padEnd(14)}${fmt(row.rps, 0)}${fmt(row.p50)}${fmt(row.p99)}${fmt(row.mbps)}`);
    const [direct, bare, ours, full] = rows as [Row, Row, Row, Row];
    console.log("\nratios                                 req/s    p50    p99   MB/s");
    for (const [name, a, base] of [
      ["ssh provider / app direct", ours, direct],
      ["ssh provider / bare ssh -R", ours, bare],
      ["provider + gate / bare ssh -R", full, bare],
    ] as const) {
      console.log(
        `  ${name.padEnd(36)}${ratio(a.rps, base.rps)}${ratio(a.p50, base.p50)}${ratio(a.p99, base.p99)}${ratio(a.mbps, base.mbps)}`,
      );
    }
    const median = openTimes[Math.floor(openTimes.length / 2)] ?? 0;
    console.log(
      `\nopen() to probed URL: median ${median.toFixed(0)} ms, min ${(openTimes[0] ?? 0).toFixed(0)} ms, max ${(openTimes.at(-1) ?? 0).toFixed(0)} ms (${OPEN_RUNS} runs)`,
    );
  } finally {
    for (const t of tunnels) await t.close();
    for (const child of children) if (child.pid) await stopProcessTree(child.pid, { graceMs: 1000 });
    await sshd.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const left = processesWithEnv(MARK.name, MARK.value);
  if (left.length > 0) {
    console.error(`processes left behind: ${left.join(", ")}`);
    process.exitCode = 1;
  }
}

await main();
