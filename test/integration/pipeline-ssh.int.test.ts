/**
 * The whole pipeline through a real tunnel: app -> gate -> ssh provider (the OpenSSH client)
 * -> an SSH service on 127.0.0.1 playing sish (ssh2's Server), run by the CLI. The URL is the
 * one the service prints; the test command reaches the app only through the service's port
 * and only with the run's credentials.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EXIT } from "../../src/errors.js";
import { type SshServiceFixture, startSshService } from "../fixtures/tunnel/ssh-service.js";
import { expectNoProcessLeft } from "../helpers/processes.js";
import { Harness, nodeApp, runCliCaptured } from "./harness.js";

let h: Harness;
let sish: SshServiceFixture;
beforeEach(async () => {
  h = new Harness();
  sish = await startSshService("sish");
});
afterEach(async () => {
  await sish.close();
  await expectNoProcessLeft(h.mark.value);
  h.dispose();
});

/** The ssh provider against this test's sish, asking for the subdomain "myapp". */
const viaSish = () => [
  "--provider",
  "ssh",
  "--ssh-host",
  "127.0.0.1",
  "--ssh-port",
  String(sish.port),
  "--ssh-user",
  sish.user,
  "--ssh-remote",
  "myapp:80",
];

describe("app -> gate -> ssh tunnel -> sish", () => {
  it("serves the app at the URL sish printed, with auth, and tears it all down", async () => {
    const withAuth = path.join(h.tempDir, "with-auth.json");
    const anonymous = path.join(h.tempDir, "anonymous.json");
    const check = nodeApp("check-url.mjs");
    const { code, stdout, stderr } = await runCliCaptured(
      h,
      [
        "run",
        "--start",
        nodeApp("health-only.mjs"),
        "--ready",
        "/health",
        ...viaSish(),
        "--ssh-known-hosts",
        sish.knownHostsLine,
        "--test",
        `CHECK_OUT='${withAuth}' CHECK_PATH=/health ${check} && PREVIEW_AUTH_HEADER= CHECK_OUT='${anonymous}' CHECK_PATH=/health CHECK_STATUS=401 ${check}`,
      ],
      { PREVIEW_TUNNEL_SSH_KEY: sish.userKey },
    );
    expect(stderr).toContain("provider: ssh via 127.0.0.1");
    expect(code).toBe(EXIT.ok);

    const url = /^PREVIEW_URL=(.*)$/m.exec(stdout)?.[1] ?? "";
    // The URL is the one sish printed for the forward it was asked for, which leads to the
    // gate's own (different) port.
    expect(sish.forwards).toEqual([{ bindAddr: "myapp", bindPort: 80, port: Number(new URL(url).port) }]);
    const gatePort = /remote myapp:80 -> 127\.0\.0\.1:(\d+)/.exec(stderr)?.[1];
    expect(gatePort).toBeDefined();
    expect(new URL(url).port).not.toBe(gatePort);
    expect(stderr).toContain(`The public URL ${url} reaches the gate`);
    expect(JSON.parse(readFileSync(withAuth, "utf8"))).toMatchObject({
      previewUrl: url,
      status: 200,
      body: "ok\n",
    });
    expect(JSON.parse(readFileSync(anonymous, "utf8"))).toMatchObject({ status: 401 });
    expect(stderr).toMatch(/expose\s+ok .* ssh: http:\/\/127\.0\.0\.1:\d+/);
  });

  it("fails with exit 3 and a clear message when the ssh server is not there", async () => {
    await sish.close();
    const { code, stderr } = await runCliCaptured(
      h,
      [
        "run",
        "--start",
        nodeApp("health-only.mjs"),
        ...viaSish(),
        "--tunnel-timeout",
        "5s",
        "--test",
        "exit 0",
      ],
      { PREVIEW_TUNNEL_SSH_KEY: sish.userKey },
    );
    expect(code).toBe(EXIT.startFailed);
    expect(stderr).toMatch(/ssh/i);
    expect(stderr).toMatch(/refused|could not|failed/i);
  });
});
