import { describe, expect, it } from "vitest";
import type { TunnelInputName } from "../../src/config/inputs/tunnel.js";
import { parseTunnelSettings } from "../../src/config/parts.js";
import { fixedRemotePort, sshArgs } from "../../src/tunnel/ssh-args.js";

function ssh(inputs: Partial<Record<TunnelInputName, string>>) {
  return parseTunnelSettings((name) => inputs[name], {}).ssh;
}

const files = { knownHosts: "/run/x/ssh_known_hosts", key: undefined };
const target = { host: "127.0.0.1", port: 4321 };

describe("ssh command line", () => {
  it("localhost.run: a session with JSON output, no user config, accept-new into the run's file", () => {
    const args = sshArgs(ssh({}), target, files, { connectTimeoutS: 30, platform: "linux" });
    expect(args.slice(0, 3)).toEqual(["-T", "-F", "/dev/null"]);
    for (const option of [
      "BatchMode=yes",
      "IdentitiesOnly=yes",
      "ExitOnForwardFailure=yes",
      "ServerAliveInterval=15",
      "ServerAliveCountMax=3",
      "UserKnownHostsFile=/run/x/ssh_known_hosts",
      "GlobalKnownHostsFile=/dev/null",
      "StrictHostKeyChecking=accept-new",
      "ConnectTimeout=30",
    ]) {
      expect(args[args.indexOf(option) - 1]).toBe("-o");
    }
    expect(args).not.toContain("-N");
    expect(args).toContain("-R");
    expect(args[args.indexOf("-R") + 1]).toBe("80:127.0.0.1:4321");
    expect(args[args.indexOf("-l") + 1]).toBe("nokey");
    expect(args.slice(-4)).toEqual(["localhost.run", "--", "--output", "json"]);
  });

  it("a plain sshd with a URL template: -N, pinned keys, the key file, IPv6 target in brackets", () => {
    const s = ssh({
      "ssh-host": "127.0.0.1",
      "ssh-port": "2222",
      "ssh-url": "http://127.0.0.1:{port}",
      "ssh-known-hosts": "[127.0.0.1]:2222 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIH3E",
    });
    const args = sshArgs(
      s,
      { host: "::1", port: 80 },
      { ...files, key: "/run/x/ssh_key" },
      { connectTimeoutS: 0.2, platform: "linux" },
    );
    expect(args).toContain("StrictHostKeyChecking=yes");
    expect(args).toContain("-N");
    expect(args[args.indexOf("-i") + 1]).toBe("/run/x/ssh_key");
    expect(args[args.indexOf("-p") + 1]).toBe("2222");
    expect(args[args.indexOf("-R") + 1]).toBe("0:[::1]:80");
    expect(args).not.toContain("-l");
    expect(args.at(-1)).toBe("127.0.0.1");
    expect(args).toContain("ConnectTimeout=1");
  });

  it("pinggy on 443 with its keyword user; Windows' null device", () => {
    const args = sshArgs(ssh({ "ssh-host": "a.pinggy.io" }), target, files, {
      connectTimeoutS: 10,
      platform: "win32",
    });
    expect(args.slice(0, 3)).toEqual(["-T", "-F", "NUL"]);
    expect(args[args.indexOf("-p") + 1]).toBe("443");
    expect(args[args.indexOf("-l") + 1]).toBe("http");
    expect(args[args.indexOf("-R") + 1]).toBe("0:127.0.0.1:4321");
    expect(args.at(-1)).toBe("a.pinggy.io");
  });

  it("tells a fixed remote port from a server-picked one", () => {
    expect(fixedRemotePort("0")).toBeUndefined();
    expect(fixedRemotePort("127.0.0.1:0")).toBeUndefined();
    expect(fixedRemotePort("myapp:80")).toBe(80);
    expect(fixedRemotePort("8080")).toBe(8080);
  });
});
