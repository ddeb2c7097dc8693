/**
 * The ssh provider against a real OpenSSH sshd on 127.0.0.1, the one test that keeps the
 * ssh2 stand-in (tunnel-ssh.int.test.ts) honest: `-R 0` with `ssh-url`, the URL built from
 * the port sshd allocated, the gate's auth through it, the host key recorded. Where no sshd
 * is installed it skips with the reason, and the run's closing line names it (CI installs
 * openssh-server and fails on any skip).
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseTunnelSettings } from "../../src/config/parts.js";
import { SshRig } from "../fixtures/tunnel/ssh-rig.js";
import { findSshd, NO_SSHD, startSshd } from "../fixtures/tunnel/sshd.js";

let rig: SshRig;
beforeEach(async () => {
  rig = await SshRig.start();
});
afterEach(() => rig.dispose());

describe("ssh provider against a real OpenSSH sshd", () => {
  it("forwards -R 0 through the port sshd allocated, with ssh-url; the gate's auth applies", async (ctx) => {
    if (findSshd() === undefined) ctx.skip(NO_SSHD);
    const sshd = await startSshd(rig.mark.env);
    try {
      const inputs: Record<string, string> = {
        "ssh-host": "127.0.0.1",
        "ssh-port": String(sshd.port),
        "ssh-user": sshd.user,
        "ssh-key": sshd.userKey,
        "ssh-remote": "0",
        "ssh-url": "http://127.0.0.1:{port}",
        "tunnel-timeout": "20s",
      };
      const tunnel = await rig.openTunnel(parseTunnelSettings((name) => inputs[name], {}));
      expect(tunnel.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(tunnel.url).not.toBe(`http://127.0.0.1:${rig.gate.port}`);
      await rig.expectGateBehind(tunnel.url);
      // accept-new recorded sshd's own key in the run-local file.
      expect(readFileSync(path.join(rig.runDir, "ssh_known_hosts"), "utf8")).toContain(sshd.knownHostsLine);
      await tunnel.close();
      expect(existsSync(path.join(rig.runDir, "ssh_key"))).toBe(false);
      expect(rig.sshPids()).toEqual([]);
    } finally {
      await sshd.dispose();
    }
  });
});
