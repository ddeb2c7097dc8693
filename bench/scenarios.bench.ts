/**
 * Webhook scenarios at volume (`node bench/run.mjs scenarios`): 1,000 signed deliveries of
 * mixed providers, 32 in flight, through the gate + local tunnel (the gate's loopback URL,
 * as with `provider: local`), side by side with the same requests unsigned straight to the
 * app, and signed straight to the app (to tell the cost of signing from the gate's). The
 * app runs in a child process (this file, role "app") so it shares no event loop with the
 * gate and the runner. Five interleaved rounds after a warm-up; medians. Reports ratios and
 * asserts nothing.
 */

import { type ChildProcess, fork } from "node:child_process";
import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { parseGateSettings } from "../src/config/parts.js";
import { startGate } from "../src/gate/index.js";
import { agentsFor, send } from "../src/scenarios/http.js";
import { createScenarioKeys } from "../src/scenarios/keys.js";
import { parseScenarioText } from "../src/scenarios/load.js";
import { renderBody, renderPath } from "../src/scenarios/render.js";
import { latencySummary, runScenarios } from "../src/scenarios/runner.js";
import { SCENARIO_PROVIDERS } from "../src/scenarios/signers/index.js";
import type { Scenario } from "../src/scenarios/types.js";
import { localProvider } from "../src/tunnel/local.js";
import type { Logger } from "../src/util/logger.js";
import { WEBHOOK_PROVIDERS } from "../src/webhooks/providers.js";

const DELIVERIES = 1000;
const CONCURRENCY = 32;
const ROUNDS = 5;
const PASSWORD = "bench-password-0123456789";
const AUTH = `Basic ${Buffer.from(`bench:${PASSWORD}`).toString("base64")}`;

// ---------------------------------------------------------------- the app (child role)

function appRole(): void {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const body = '{"ok":true}';
      res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
      res.end(body);
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, "127.0.0.1", () => process.send?.({ port: (server.address() as AddressInfo).port }));
}

// ---------------------------------------------------------------- setup

const silent: Logger = {
  info: () => undefined,
  warning: (m) => console.error(`warning: ${m}`),
  error: (m) => console.error(`error: ${m}`),
  debug: () => undefined,
  startGroup: () => undefined,
  endGroup: () => undefined,
  write: () => undefined,
};

const envName = (provider: string) => `${provider.toUpperCase().replaceAll("-", "_")}_SECRET`;
const ENV: Record<string, string> = Object.fromEntries(
  SCENARIO_PROVIDERS.map((p) => [envName(p), p === "stripe" ? "whsec_bench" : `bench-secret-${p}`]),
);
const GATE_VERIFIED: readonly string[] = WEBHOOK_PROVIDERS;

/** One scenario per provider, repeats summing to DELIVERIES, each up to CONCURRENCY at once. */
function benchScenarios(): Scenario[] {
  const per = Math.floor(DELIVERIES / SCENARIO_PROVIDERS.length);
  const lines = SCENARIO_PROVIDERS.map((provider, i) => {
    const repeat = i === 0 ? DELIVERIES - per * (SCENARIO_PROVIDERS.length - 1) : per;
    const event =
      provider === "github"
        ? "push"
        : provider === "shopify"
          ? "orders/create"
          : provider === "gitlab"
            ? "Push Hook"
            : undefined;
    // Providers the gate cannot verify yet go through its login instead, as an app-verified path would.
    const auth = GATE_VERIFIED.includes(provider) ? "" : ", send-auth: true";
    const secret = provider === "discord" ? "" : `, secret-env: ${envName(provider)}`;
    return `  - { name: ${provider}, provider: ${provider}${event ? `, event: ${event}` : ""}, path: /hooks/${provider}${secret}, repeat: ${repeat}, concurrency: ${CONCURRENCY}${auth} }`;
  });
  const { scenarios, problems } = parseScenarioText(`scenarios:\n${lines.join("\n")}\n`, {
    file: "bench",
    dir: ".",
  });
  if (problems.length > 0) throw new Error(JSON.stringify(problems));
  return scenarios;
}

interface Round {
  wallMs: number;
  p50: number;
  p99: number;
  failed: number;
}

async function signedRound(
  scenarios: readonly Scenario[],
  baseUrl: string,
  keys: ReturnType<typeof createScenarioKeys>,
): Promise<Round> {
  const run = await runScenarios({
    scenarios,
    baseUrl,
    env: ENV,
    keys,
    authHeader: AUTH,
    parallel: scenarios.length,
    maxInFlight: CONCURRENCY,
  });
  const latencies = run.results.flatMap((r) => r.deliveries.map((d) => d.latencyMs));
  const summary = latencySummary(latencies);
  const failed = run.results.reduce((n, r) => n + r.deliveries.filter((d) => !d.passed).length, 0);
  return { wallMs: run.durationMs, p50: summary?.p50 ?? Number.NaN, p99: summary?.p99 ?? Number.NaN, failed };
}

/** The same bodies, paths and content types, unsigned, CONCURRENCY at a time, straight to the app. */
async function unsignedRound(scenarios: readonly Scenario[], baseUrl: string): Promise<Round> {
  const vars = { env: ENV, previewUrl: baseUrl };
  const requests = scenarios.flatMap((s) => {
    const one = {
      url: baseUrl + renderPath(s.path, vars),
      body: renderBody(s.body, s.contentType, vars),
      type: s.contentType,
    };
    return Array.from({ length: s.repeat }, () => one);
  });
  // Interleaved like the runner's parallel scenarios, not provider after provider.
  requests.sort((a, b) => a.url.localeCompare(b.url));
  const agents = agentsFor();
  const latencies: number[] = [];
  let failed = 0;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < requests.length) {
      const r = requests[next++] as (typeof requests)[number];
      try {
        const reply = await send(r.url, {
          method: "POST",
          headers: { "Content-Type": r.type },
          body: r.body,
          agents,
          timeoutMs: 30_000,
        });
        latencies.push(reply.latencyMs);
        if (reply.status !== 200) failed++;
      } catch {
        failed++;
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const wallMs = performance.now() - started;
  agents.destroy();
  const summary = latencySummary(latencies);
  return { wallMs, p50: summary?.p50 ?? Number.NaN, p99: summary?.p99 ?? Number.NaN, failed };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function main(): Promise<void> {
  const app: ChildProcess = fork(process.argv[1] as string, ["--role", "app"], { stdio: "inherit" });
  const [{ port: appPort }] = (await once(app, "message")) as [{ port: number }];
  const keys = createScenarioKeys();
  // The gate verifies Discord with the run's public key (64 hex characters), not a secret.
  ENV[envName("discord")] = keys.discord.publicKeyHex;
  const rules = SCENARIO_PROVIDERS.filter((p) => GATE_VERIFIED.includes(p))
    .map((p) => `${p} /hooks/${p} ${envName(p)}`)
    .join("\n");
  const settings = parseGateSettings(
    (name) =>
      ({ credentials: `bench:${PASSWORD}`, record: "none", "verify-webhooks": rules })[name as string],
    ENV,
  );
  const gate = await startGate({ upstream: { host: "127.0.0.1", port: appPort }, settings, logger: silent });
  const tunnel = await localProvider.open(
    { host: "127.0.0.1", port: gate.port },
    { logger: silent, signal: new AbortController().signal, runDir: tmpdir() },
  );
  gate.setPublicUrl(tunnel.url);
  const appUrl = `http://127.0.0.1:${appPort}`;
  const scenarios = benchScenarios();

  const variants = {
    "signed → gate + local tunnel": () => signedRound(scenarios, tunnel.url, keys),
    "signed → app directly": () => signedRound(scenarios, appUrl, keys),
    "unsigned → app directly": () => unsignedRound(scenarios, appUrl),
  };
  const rounds: Record<string, Round[]> = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
  for (const run of Object.values(variants)) await run(); // warm-up
  for (let i = 0; i < ROUNDS; i++) {
    for (const [name, run] of Object.entries(variants)) rounds[name]?.push(await run());
  }
  await gate.close();
  app.kill();

  const verified = SCENARIO_PROVIDERS.filter((p) => GATE_VERIFIED.includes(p));
  console.log(
    `${DELIVERIES} deliveries of ${SCENARIO_PROVIDERS.length} providers, ${CONCURRENCY} in flight; ${ROUNDS} rounds, medians.`,
  );
  console.log(
    `Verified by the gate: ${verified.join(", ")}; through its login: ${SCENARIO_PROVIDERS.filter((p) => !verified.includes(p)).join(", ") || "none"}.`,
  );
  const rows = Object.entries(rounds).map(([name, list]) => {
    const wall = median(list.map((r) => r.wallMs));
    return {
      name,
      wall,
      rate: DELIVERIES / (wall / 1000),
      p50: median(list.map((r) => r.p50)),
      p99: median(list.map((r) => r.p99)),
      failed: list.reduce((n, r) => n + r.failed, 0),
    };
  });
  console.log(
    `\n${"".padEnd(30)} ${"wall".padStart(9)} ${"deliv/s".padStart(9)} ${"p50".padStart(9)} ${"p99".padStart(9)} failed`,
  );
  for (const r of rows) {
    console.log(
      `${r.name.padEnd(30)} ${`${r.wall.toFixed(0)} ms`.padStart(9)} ${r.rate.toFixed(0).padStart(9)} ${`${r.p50.toFixed(2)} ms`.padStart(9)} ${`${r.p99.toFixed(2)} ms`.padStart(9)} ${r.failed}`,
    );
  }
  const [viaGate, signedDirect, unsigned] = rows as [(typeof rows)[0], (typeof rows)[0], (typeof rows)[0]];
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`;
  console.log("\nratios (lower is better for the first):");
  console.log(
    `  gate+tunnel signed / direct unsigned: wall ${ratio(viaGate.wall, unsigned.wall)}, p50 ${ratio(viaGate.p50, unsigned.p50)}, p99 ${ratio(viaGate.p99, unsigned.p99)}`,
  );
  console.log(
    `  direct signed / direct unsigned (signing alone): wall ${ratio(signedDirect.wall, unsigned.wall)}, p50 ${ratio(signedDirect.p50, unsigned.p50)}, p99 ${ratio(signedDirect.p99, unsigned.p99)}`,
  );
  console.log(
    `  gate+tunnel signed / direct signed (gate alone): wall ${ratio(viaGate.wall, signedDirect.wall)}, p50 ${ratio(viaGate.p50, signedDirect.p50)}, p99 ${ratio(viaGate.p99, signedDirect.p99)}`,
  );
  if (rows.some((r) => r.failed > 0)) {
    console.log("\nMISS: some deliveries failed");
    process.exitCode = 1;
  }
}

if (process.argv.includes("--role")) appRole();
else await main();
