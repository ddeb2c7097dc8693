/**
 * The ssh provider, with the real OpenSSH client, against SSH services on 127.0.0.1 played
 * by ssh2's Server (test/fixtures/tunnel/ssh-service.ts) and a stand-in for the gate: the
 * URL each service prints (sish, localhost.run, pinggy, serveo) or the one built from a plain
 * sshd's allocated port, auth through the tunnel, reconnects after the client dies or the
 * service drops the session, a clear 'lost' when the service is gone, host key pinning,
 * refused logins and forwards. tunnel-ssh-openssh.int.test.ts runs against a real sshd.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseTunnelSettings } from "../../src/config/parts.js";
import type { Tunnel } from "../../src/tunnel/provider.js";
import type { SshService } from "../../src/tunnel/settings.js";
import { failure } from "../fixtures/tunnel/failure.js";
import { memoryLogger } from "../fixtures/tunnel/logger.js";
import { SshRig } from "../fixtures/tunnel/ssh-rig.js";
import {
  type SshServiceFixture,
  type SshServiceKind,
  startSshService,
} from "../fixtures/tunnel/ssh-service.js";
import { until } from "../helpers/wait.js";

let rig: SshRig;
const services: SshServiceFixture[] = [];

beforeEach(async () => {
  rig = await SshRig.start();
});

afterEach(async () => {
  await rig.dispose();
  for (const service of services.splice(0)) await service.close();
});

async function service(kind: SshServiceKind): Promise<SshServiceFixture> {
  const started = await startSshService(kind);
  services.push(started);
  return started;
}

/** Settings for a server on 127.0.0.1, read as the action reads its inputs. */
function settings(server: SshServiceFixture, inputs: Record<string, string> = {}) {
  const all: Record<string, string> = {
    "ssh-host": "127.0.0.1",
    "ssh-port": String(server.port),
    "tunnel-timeout": "20s",
    ...inputs,
  };
  return parseTunnelSettings((name) => all[name], {});
}

/** A plain sshd: log in with the user's key, let it pick the port, build the URL from it. */
function plainSshd(server: SshServiceFixture, extra: Record<string, string> = {}) {
  return settings(server, {
    "ssh-user": server.user,
    "ssh-key": server.userKey,
    "ssh-remote": "0",
    "ssh-url": "http://127.0.0.1:{port}",
    ...extra,
  });
}

/** Waits until the tunnel's (possibly new) URL serves the gate again through a new ssh client. */
async function backThroughNewClient(tunnel: Tunnel, oldPid: number | undefined): Promise<void> {
  await until(
    "a new ssh client with a working URL",
    async () => {
      const pids = rig.sshPids();
      if (pids.length !== 1 || pids[0] === oldPid) return undefined;
      const res = await fetch(`${tunnel.url}/`, { headers: { authorization: rig.gate.authorization } }).catch(
        () => undefined,
      );
      return res?.status === 200 ? true : undefined;
    },
    20_000,
  );
}

describe("ssh provider against a plain sshd (ssh-url from the allocated port)", () => {
  it("forwards through the allocated port; the gate's auth applies; close removes the key", async () => {
    const server = await service("sshd");
    const tunnel = await rig.openTunnel(plainSshd(server));
    expect(tunnel.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(tunnel.url).not.toBe(`http://127.0.0.1:${rig.gate.port}`);
    expect(server.forwards).toEqual([
      { bindAddr: "localhost", bindPort: 0, port: Number(new URL(tunnel.url).port) },
    ]);
    await rig.expectGateBehind(tunnel.url);

    // accept-new recorded the server's key in the run-local file.
    expect(readFileSync(path.join(rig.runDir, "ssh_known_hosts"), "utf8")).toContain(
      `[127.0.0.1]:${server.port}`,
    );
    const keyFile = path.join(rig.runDir, "ssh_key");
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    await tunnel.close();
    await tunnel.close();
    expect(existsSync(keyFile)).toBe(false);
    expect(rig.sshPids()).toEqual([]);
  });

  it("reconnects when the ssh client dies, and announces a changed URL", async () => {
    const server = await service("sshd");
    const logger = memoryLogger();
    const tunnel = await rig.openTunnel(plainSshd(server), logger);
    const urls: string[] = [];
    tunnel.on("url", (url) => urls.push(url));
    const before = tunnel.url;
    const [pid] = await until("the ssh client", () =>
      rig.sshPids().length === 1 ? rig.sshPids() : undefined,
    );
    process.kill(pid as number, "SIGKILL");

    await backThroughNewClient(tunnel, pid);
    expect(logger.text()).toMatch(/ssh tunnel dropped/);
    expect(server.logins()).toBe(2);
    if (tunnel.url !== before) expect(urls).toEqual([tunnel.url]);
    else expect(urls).toEqual([]);
  });

  it("reconnects when the service drops the session, with the service's new port as the URL", async () => {
    const server = await service("sshd");
    const logger = memoryLogger();
    const tunnel = await rig.openTunnel(plainSshd(server), logger);
    const urls: string[] = [];
    tunnel.on("url", (url) => urls.push(url));
    const before = tunnel.url;
    const [pid] = rig.sshPids();

    server.dropSessions();
    await backThroughNewClient(tunnel, pid);
    // The service gave the new forward a new port: the URL moved, and the move was announced.
    expect(tunnel.url).not.toBe(before);
    expect(urls).toEqual([tunnel.url]);
    expect(logger.text()).toMatch(
      /ssh tunnel dropped \(ssh exited with code 255: Disconnected from 127\.0\.0\.1 port \d+\)/,
    );
    expect(server.logins()).toBe(2);
    await rig.expectGateBehind(tunnel.url);
  });

  it("reports 'lost' with the reason when the server is gone for longer than tunnel-timeout", async () => {
    const server = await service("sshd");
    const logger = memoryLogger();
    const tunnel = await rig.openTunnel(plainSshd(server, { "tunnel-timeout": "2s" }), logger);
    const lost = new Promise<Error>((resolve) => tunnel.on("lost", resolve));
    await server.close();
    const error = await lost;
    expect(error.message).toMatch(/ssh tunnel dropped and could not be brought back within 2\.00s/);
    expect(error.message).toMatch(/Connection refused|Nothing answered SSH/);
    await tunnel.close();
    expect(rig.sshPids()).toEqual([]);
  });

  it("pins a given known_hosts line, and fails clearly on a wrong one", async () => {
    const server = await service("sshd");
    const pinned = await rig.openTunnel(plainSshd(server, { "ssh-known-hosts": server.knownHostsLine }));
    expect(readFileSync(path.join(rig.runDir, "ssh_known_hosts"), "utf8")).toBe(`${server.knownHostsLine}\n`);
    await pinned.close();

    // Another server's key for the same address: what a changed or spoofed host looks like.
    const other = await service("sshd");
    const wrong = other.knownHostsLine.replace(`:${other.port}]`, `:${server.port}]`);
    const error = await failure(rig.openTunnel(plainSshd(server, { "ssh-known-hosts": wrong })));

    expect(error.message).toMatch(/Host key verification failed/);
    expect(error.message).toMatch(/host key does not match "ssh-known-hosts".*ssh-keyscan/);
    expect(existsSync(path.join(rig.runDir, "ssh_key"))).toBe(false);
    expect(server.logins()).toBe(1);
  });

  it("says what to try when the login is refused", async () => {
    const server = await service("sshd");
    const wrongUser = await failure(rig.openTunnel(plainSshd(server, { "ssh-user": "nobody-here" })));
    expect(wrongUser.message).toMatch(/Permission denied \(publickey\)/);
    expect(wrongUser.message).toMatch(/check "ssh-user"/);

    // The right user with another key.
    const stranger = await service("sshd");
    const wrongKey = await failure(rig.openTunnel(plainSshd(server, { "ssh-key": stranger.userKey })));
    expect(wrongKey.message).toMatch(/Permission denied \(publickey\)/);

    server.refuseLogins = true;
    const refused = await failure(rig.openTunnel(plainSshd(server)));
    expect(refused.message).toMatch(/Permission denied/);
    expect(server.logins()).toBe(0);
  });

  it("says what to try when the server refuses the forward", async () => {
    const server = await service("sshd");
    server.refuseForwards = true;
    const error = await failure(rig.openTunnel(plainSshd(server)));
    expect(error.message).toMatch(/remote port forwarding failed for listen port 0/);
    expect(error.message).toMatch(/The server refused the remote forward/);
    expect(server.logins()).toBe(1);
    expect(rig.sshPids()).toEqual([]);
  });

  it("hints at ssh-url when a plain sshd prints only the allocated port", async () => {
    const server = await service("sshd");
    const error = await failure(rig.openTunnel(plainSshd(server, { "ssh-url": "", "tunnel-timeout": "3s" })));
    expect(error.message).toMatch(/had no public URL after/);
    expect(error.message).toMatch(/Allocated port \d+/);
    expect(error.message).toMatch(/set "ssh-url"/);
  });
});

describe("ssh provider reading the URL each service prints", () => {
  /**
   * The service is chosen by host name (localhost.run, a.pinggy.io, serveo.net); here the
   * host is 127.0.0.1, so the parsed settings get the service's name and defaults by hand.
   */
  const cases: [
    SshServiceKind,
    SshService,
    Record<string, string>,
    { bindAddr: string; bindPort: number },
  ][] = [
    ["sish", "other", { "ssh-remote": "myapp:80" }, { bindAddr: "myapp", bindPort: 80 }],
    [
      "localhost.run",
      "localhost.run",
      { "ssh-user": "nokey", "ssh-remote": "80" },
      { bindAddr: "localhost", bindPort: 80 },
    ],
    ["pinggy", "pinggy", { "ssh-user": "http", "ssh-remote": "0" }, { bindAddr: "localhost", bindPort: 0 }],
    ["serveo", "serveo", { "ssh-remote": "80" }, { bindAddr: "localhost", bindPort: 80 }],
  ];

  it.each(cases)("%s: the printed URL leads to the gate", async (kind, as, inputs, asked) => {
    const server = await service(kind);
    // sish lets in the keys it knows; the public services are anonymous.
    const withKey: Record<string, string> =
      kind === "sish" ? { "ssh-user": server.user, "ssh-key": server.userKey } : {};
    const parsed = settings(server, { ...withKey, ...inputs, "ssh-known-hosts": server.knownHostsLine });
    const logger = memoryLogger();
    const tunnel = await rig.openTunnel({ ...parsed, ssh: { ...parsed.ssh, service: as } }, logger);

    const [forward] = server.forwards;
    expect(server.forwards).toEqual([{ ...asked, port: forward?.port }]);
    expect(tunnel.url).toBe(`http://127.0.0.1:${forward?.port}`);
    expect(logger.text()).toContain(`ssh: tunnel up at ${tunnel.url}`);
    // localhost.run is asked for its JSON events; the others get a plain session.
    expect(server.commands).toEqual(kind === "localhost.run" ? ["--output json"] : []);
    await rig.expectGateBehind(tunnel.url);
    await tunnel.close();
    expect(rig.sshPids()).toEqual([]);
  });

  it("a refused forward fails at once, naming the port the service refused", async () => {
    const server = await service("localhost.run");
    server.refuseForwards = true;
    const parsed = settings(server, { "ssh-user": "nokey", "ssh-remote": "80" });
    const error = await failure(
      rig.openTunnel({ ...parsed, ssh: { ...parsed.ssh, service: "localhost.run" } }),
    );
    expect(error.message).toMatch(
      /^The ssh tunnel to 127\.0\.0\.1:\d+ refused the forward \(Error: remote port forwarding failed for listen port 80\)/,
    );
    expect(server.forwards).toEqual([]);
  });
});
