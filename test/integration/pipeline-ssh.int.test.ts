/**
 * The whole pipeline through a real tunnel: app -> gate -> ssh provider -> a real OpenSSH
 * sshd on 127.0.0.1 (the "service"), run by the CLI. The test command reaches the app only
 * through the sshd's allocated port and only with the run's credentials.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EXIT } from "../../src/errors.js";
import { type Sshd, startSshd } from "../fixtures/tunnel/sshd.js";
import { expectNoProcessLeft } from "../helpers/processes.js";
import { Harness, nodeApp, runCliCaptured } from "./harness.js";

let h: Harness;
let sshd: Sshd;
beforeEach(async () => {
  h = new Harness();
  sshd = await startSshd(h.mark.env);
});
afterEach(async () => {
  await sshd.dispose();
  await expectNoProcessLeft(h.mark.value);
  h.dispose();
});

/** The ssh provider against this test's sshd (a plain sshd prints only the allocated port). */
const viaSshd = () => [
  "--provider",
  "ssh",
  "--ssh-host",
  "127.0.0.1",
  "--ssh-port",
  String(sshd.port),
  "--ssh-user",
  sshd.user,
  "--ssh-url",
  "http://127.0.0.1:{port}",
];

describe("app -> gate -> ssh tunnel -> sshd", () => {
  it("serves the app through the allocated port, with auth, and tears it all down", async () => {
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
        ...viaSshd(),
        "--ssh-known-hosts",
        sshd.knownHostsLine,
        "--ssh-remote",
        "0",
        "--test",
        `CHECK_OUT='${withAuth}' CHECK_PATH=/health ${check} && PREVIEW_AUTH_HEADER= CHECK_OUT='${anonymous}' CHECK_PATH=/health CHECK_STATUS=401 ${check}`,
      ],
      { PREVIEW_TUNNEL_SSH_KEY: sshd.userKey },
    );
    expect(stderr).toContain("provider: ssh via 127.0.0.1");
    expect(code).toBe(EXIT.ok);

    const url = /^PREVIEW_URL=(.*)$/m.exec(stdout)?.[1] ?? "";
    // The URL is the sshd's remote forward, which leads to the gate's own (different) port.
    const gatePort = /remote 0 -> 127\.0\.0\.1:(\d+)/.exec(stderr)?.[1];
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
    await sshd.stop();
    const { code, stderr } = await runCliCaptured(
      h,
      [
        "run",
        "--start",
        nodeApp("health-only.mjs"),
        ...viaSshd(),
        "--tunnel-timeout",
        "5s",
        "--test",
        "exit 0",
      ],
      { PREVIEW_TUNNEL_SSH_KEY: sshd.userKey },
    );
    expect(code).toBe(EXIT.startFailed);
    expect(stderr).toMatch(/ssh/i);
    expect(stderr).toMatch(/refused|could not|failed/i);
  });
});
