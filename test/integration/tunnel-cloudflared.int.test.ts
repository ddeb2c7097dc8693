/**
 * The cloudflared provider against a local stand-in executable that behaves as cloudflared
 * is documented to (test/fixtures/tunnel/cloudflared-standin.mjs): metrics endpoints, banner,
 * forwarding, SIGTERM, and the 1015 rate limit.
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cloudflaredProvider } from "../../src/tunnel/cloudflared.js";
import type { CloudflaredInstaller } from "../../src/tunnel/cloudflared-install.js";
import { probePublicUrl } from "../../src/tunnel/probe.js";
import type { Tunnel } from "../../src/tunnel/provider.js";
import { failure } from "../fixtures/tunnel/failure.js";
import { type GateStandin, PROBE_PATH, startGateStandin } from "../fixtures/tunnel/gate-standin.js";
import { memoryLogger } from "../fixtures/tunnel/logger.js";
import { expectNoProcessLeft, newMark } from "../helpers/processes.js";
import { until } from "../helpers/wait.js";

const STANDIN = path.resolve("test/fixtures/tunnel/cloudflared-standin.mjs");

let mark: ReturnType<typeof newMark>;
let gate: GateStandin;
let dir: string;
let binDir: string;
let stateFile: string;
const open: Tunnel[] = [];

beforeEach(async () => {
  mark = newMark();
  gate = await startGateStandin();
  dir = mkdtempSync(path.join(os.tmpdir(), "pt-cloudflared-"));
  binDir = path.join(dir, "bin");
  stateFile = path.join(dir, "standin.json");
  // A "cloudflared" on PATH that runs the stand-in with this Node.
  mkdirSync(binDir);
  writeFileSync(
    path.join(binDir, "cloudflared"),
    `#!/bin/sh\nexec "${process.execPath}" "${STANDIN}" "$@"\n`,
  );
  chmodSync(path.join(binDir, "cloudflared"), 0o755);
});

afterEach(async () => {
  for (const tunnel of open.splice(0)) await tunnel.close();
  await gate.close();
  rmSync(dir, { recursive: true, force: true });
  await expectNoProcessLeft(mark.value);
});

const neverInstall = async (): Promise<CloudflaredInstaller> => {
  throw new Error("the installer must not be used when cloudflared is on PATH");
};

/** Maps the stand-in's hostname to its local edge port. */
function standinUrl(hostname: string): string {
  const state = JSON.parse(readFileSync(stateFile, "utf8")) as { hostname: string; edgePort: number };
  expect(state.hostname).toBe(hostname);
  return `http://127.0.0.1:${state.edgePort}`;
}

async function openTunnel(
  mode: string,
  options: { timeoutMs?: number; installer?: () => Promise<CloudflaredInstaller>; path?: string } = {},
  logger = memoryLogger(),
) {
  const provider = cloudflaredProvider({
    version: "2026.8.2",
    timeoutMs: options.timeoutMs ?? 20_000,
    installer: options.installer ?? neverInstall,
    publicUrl: standinUrl,
    backoff: { initialMs: 20, maxMs: 200 },
  });
  const tunnel = await provider.open(
    { host: "127.0.0.1", port: gate.port },
    {
      logger,
      signal: new AbortController().signal,
      runDir: path.join(dir, "run"),
      env: {
        ...process.env,
        ...mark.env,
        PATH: options.path ?? `${binDir}${path.delimiter}${process.env.PATH}`,
        CLOUDFLARED_STANDIN_MODE: mode,
        CLOUDFLARED_STANDIN_STATE: stateFile,
      },
    },
  );
  open.push(tunnel);
  return tunnel;
}

describe("cloudflared provider (stand-in)", () => {
  it("reads the hostname from /quicktunnel, waits for /ready, forwards to the gate, stops with SIGTERM", async () => {
    const tunnel = await openTunnel("ok");
    const hostname = (JSON.parse(readFileSync(stateFile, "utf8")) as { hostname: string }).hostname;
    expect(hostname).toMatch(/\.trycloudflare\.com$/);
    await probePublicUrl({
      url: tunnel.url,
      path: PROBE_PATH,
      nonce: gate.nonce,
      timeoutMs: 5000,
      provider: "cloudflared",
    });
    expect((await fetch(`${tunnel.url}/`)).status).toBe(401);
    expect((await fetch(`${tunnel.url}/`, { headers: { authorization: gate.authorization } })).status).toBe(
      200,
    );

    // Its output and its metrics answers travel on different sockets: wait for the log.
    await until("the banner in cloudflared.log", () =>
      readFileSync(path.join(dir, "run", "cloudflared.log"), "utf8").includes(
        "Your quick Tunnel has been created!",
      )
        ? true
        : undefined,
    );
    expect(readFileSync(path.join(dir, "run", "cloudflared.yml"), "utf8")).toMatch(/^#/);
    await tunnel.close();
    await tunnel.close();
    expect(readFileSync(path.join(dir, "run", "cloudflared.log"), "utf8")).toContain("graceful shutdown");
  });

  it("says so when trycloudflare.com rate-limits tunnel creation (1015)", async () => {
    const error = await failure(openTunnel("ratelimit"));
    expect(error.message).toMatch(/The cloudflared quick tunnel could not be created/);
    expect(error.message).toMatch(/failed to unmarshal quick Tunnel/);
    expect(error.message).toMatch(
      /rate-limiting the creation of quick tunnels.*1015.*provider: ngrok or ssh/,
    );
  });

  it("gives up at tunnel-timeout when the edge never gets ready", async () => {
    const error = await failure(openTunnel("never-ready", { timeoutMs: 1500 }));
    expect(error.message).toMatch(
      /got \S+\.trycloudflare\.com but was not ready within .* \(last \/ready: HTTP 503\)/,
    );
    expect(error.message).toMatch(/Raise tunnel-timeout/);
  });

  it("restarts a cloudflared that died and announces the new hostname", async () => {
    const logger = memoryLogger();
    const tunnel = await openTunnel("ok", {}, logger);
    const before = tunnel.url;
    const changed = new Promise<string>((resolve) => tunnel.on("url", resolve));
    const { pid } = JSON.parse(readFileSync(stateFile, "utf8")) as { pid: number };
    process.kill(pid, "SIGKILL");
    const url = await changed;
    expect(url).not.toBe(before);
    expect(tunnel.url).toBe(url);
    await until("the new URL answering", async () => {
      const res = await fetch(`${url}${PROBE_PATH}`).catch(() => undefined);
      return res?.status === 200 ? true : undefined;
    });
    expect(logger.text()).toMatch(/cloudflared tunnel dropped \(cloudflared was killed by SIGKILL\)/);
  });

  it("installs the configured version when none is on PATH", async () => {
    const asked: string[] = [];
    const installer = async (): Promise<CloudflaredInstaller> => ({
      install: async (version) => {
        asked.push(version);
        return path.join(binDir, "cloudflared");
      },
    });
    const tunnel = await openTunnel("ok", { installer, path: "/nonexistent" });
    expect(asked).toEqual(["2026.8.2"]);
    expect(tunnel.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
});
