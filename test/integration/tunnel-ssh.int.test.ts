/**
 * The ssh provider against a real OpenSSH sshd on 127.0.0.1 (the "service"), with a stand-in
 * for the gate: URL from the allocated port, auth through the tunnel, reconnect after the
 * ssh client dies, a clear 'lost' when the server is gone, host key pinning.
 */

import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { processesWithEnv, readProc } from "../../src/app/proc-table.js";
import { parseTunnelSettings } from "../../src/config/parts.js";
import { probePublicUrl } from "../../src/tunnel/probe.js";
import type { Tunnel } from "../../src/tunnel/provider.js";
import type { TunnelSettings } from "../../src/tunnel/settings.js";
import { sshProvider } from "../../src/tunnel/ssh.js";
import { failure } from "../fixtures/tunnel/failure.js";
import { type GateStandin, PROBE_PATH, startGateStandin } from "../fixtures/tunnel/gate-standin.js";
import { memoryLogger } from "../fixtures/tunnel/logger.js";
import { type Sshd, startSshd } from "../fixtures/tunnel/sshd.js";
import { expectNoProcessLeft, MARK_ENV, newMark } from "../helpers/processes.js";
import { until } from "../helpers/wait.js";

let mark: ReturnType<typeof newMark>;
let sshd: Sshd;
let gate: GateStandin;
let runDir: string;
const open: Tunnel[] = [];

beforeEach(async () => {
  mark = newMark();
  sshd = await startSshd(mark.env);
  gate = await startGateStandin();
  runDir = mkdtempSync(path.join(os.tmpdir(), "pt-ssh-run-"));
});

afterEach(async () => {
  for (const tunnel of open.splice(0)) await tunnel.close();
  await gate.close();
  await sshd.dispose();
  rmSync(runDir, { recursive: true, force: true });
  await expectNoProcessLeft(mark.value);
});

function settings(inputs: Record<string, string> = {}): TunnelSettings {
  return parseTunnelSettings((name) => inputs[name], {});
}

function plainSshd(extra: Record<string, string> = {}): TunnelSettings {
  return settings({
    "ssh-host": "127.0.0.1",
    "ssh-port": String(sshd.port),
    "ssh-user": sshd.user,
    "ssh-key": sshd.userKey,
    "ssh-remote": "0",
    "ssh-url": "http://127.0.0.1:{port}",
    "tunnel-timeout": "20s",
    ...extra,
  });
}

async function openTunnel(s: TunnelSettings, logger = memoryLogger()): Promise<Tunnel> {
  const tunnel = await sshProvider({
    settings: s.ssh,
    timeoutMs: s.timeoutMs,
    backoff: { initialMs: 50, maxMs: 500 },
  }).open(
    { host: "127.0.0.1", port: gate.port },
    {
      logger,
      signal: new AbortController().signal,
      runDir,
      env: { ...process.env, ...mark.env },
      probe: async (url, signal) => {
        await probePublicUrl({
          url,
          path: PROBE_PATH,
          nonce: gate.nonce,
          timeoutMs: 5000,
          signal,
          provider: "ssh",
        });
      },
    },
  );
  open.push(tunnel);
  return tunnel;
}

function sshPids(): number[] {
  return processesWithEnv(MARK_ENV, mark.value).filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/comm`, "utf8").trim() === "ssh" && readProc(pid)?.state !== "Z";
    } catch {
      return false;
    }
  });
}

describe("ssh provider against a local sshd", () => {
  it("forwards through the allocated port; the gate's auth applies; close removes the key", async () => {
    const tunnel = await openTunnel(plainSshd());
    expect(tunnel.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(tunnel.url).not.toBe(`http://127.0.0.1:${gate.port}`);

    await probePublicUrl({
      url: tunnel.url,
      path: PROBE_PATH,
      nonce: gate.nonce,
      timeoutMs: 5000,
      provider: "ssh",
    });
    const authed = await fetch(`${tunnel.url}/`, { headers: { authorization: gate.authorization } });
    expect(authed.status).toBe(200);
    expect(await authed.text()).toBe("hello from the app");
    const anonymous = await fetch(`${tunnel.url}/`);
    expect(anonymous.status).toBe(401);

    // accept-new recorded the server's key in the run-local file.
    expect(readFileSync(path.join(runDir, "ssh_known_hosts"), "utf8")).toContain(`[127.0.0.1]:${sshd.port}`);
    const keyFile = path.join(runDir, "ssh_key");
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    await tunnel.close();
    await tunnel.close();
    expect(existsSync(keyFile)).toBe(false);
    expect(sshPids()).toEqual([]);
  });

  it("reconnects when the ssh client dies, and announces a changed URL", async () => {
    const logger = memoryLogger();
    const tunnel = await openTunnel(plainSshd(), logger);
    const urls: string[] = [];
    tunnel.on("url", (url) => urls.push(url));
    const before = tunnel.url;
    const [pid] = await until("the ssh client", () => (sshPids().length === 1 ? sshPids() : undefined));
    process.kill(pid as number, "SIGKILL");

    await until(
      "a new ssh client with a working URL",
      async () => {
        const pids = sshPids();
        if (pids.length !== 1 || pids[0] === pid) return undefined;
        const res = await fetch(`${tunnel.url}/`, { headers: { authorization: gate.authorization } }).catch(
          () => undefined,
        );
        return res?.status === 200 ? true : undefined;
      },
      20_000,
    );
    expect(logger.text()).toMatch(/ssh tunnel dropped/);
    if (tunnel.url !== before) expect(urls).toEqual([tunnel.url]);
    else expect(urls).toEqual([]);
  });

  it("reports 'lost' with the reason when the server is gone for longer than tunnel-timeout", async () => {
    const logger = memoryLogger();
    const tunnel = await openTunnel(plainSshd({ "tunnel-timeout": "2s" }), logger);
    const lost = new Promise<Error>((resolve) => tunnel.on("lost", resolve));
    await sshd.stop();
    const error = await lost;
    expect(error.message).toMatch(/ssh tunnel dropped and could not be brought back within 2\.00s/);
    expect(error.message).toMatch(/Connection refused|Nothing answered SSH/);
    await tunnel.close();
    expect(sshPids()).toEqual([]);
  });

  it("pins a given known_hosts line, and fails clearly on a wrong one", async () => {
    const pinned = await openTunnel(plainSshd({ "ssh-known-hosts": sshd.knownHostsLine }));
    expect(readFileSync(path.join(runDir, "ssh_known_hosts"), "utf8")).toBe(`${sshd.knownHostsLine}\n`);
    await pinned.close();

    const wrong = `[127.0.0.1]:${sshd.port} ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIH3E+W0Ehs9k2S2k3E1k0R9Qz7mYt1v3Pq7xQ6Yq2k1a`;
    const error = await failure(openTunnel(plainSshd({ "ssh-known-hosts": wrong })));

    expect(error.message).toMatch(/Host key verification failed/);
    expect(error.message).toMatch(/host key does not match "ssh-known-hosts".*ssh-keyscan/);
    expect(existsSync(path.join(runDir, "ssh_key"))).toBe(false);
  });

  it("says what to try when the login is refused", async () => {
    const error = await failure(openTunnel(plainSshd({ "ssh-user": "nobody-here" })));
    expect(error.message).toMatch(/Permission denied/);
    expect(error.message).toMatch(/check "ssh-user"/);
  });

  it("hints at ssh-url when a plain sshd prints only the allocated port", async () => {
    const s = plainSshd({ "ssh-url": "", "tunnel-timeout": "3s" });
    const error = await failure(openTunnel(s));
    expect(error.message).toMatch(/had no public URL after/);
    expect(error.message).toMatch(/Allocated port \d+/);
    expect(error.message).toMatch(/set "ssh-url"/);
  });
});
