import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { TUNNEL_INPUTS, type TunnelInputName } from "../../src/config/inputs/tunnel.js";
import { parseTunnelSettings } from "../../src/config/parts.js";
import { ConfigError, type InputError } from "../../src/errors.js";
import { DEFAULT_CLOUDFLARED_VERSION, tunnelSecrets } from "../../src/tunnel/settings.js";

const dir = mkdtempSync(path.join(os.tmpdir(), "pt-tunnel-parse-"));

function keyText(passphrase: string): string {
  const file = path.join(dir, `key-${passphrase.length}-${Math.random()}`);
  execFileSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", passphrase, "-f", file]);
  return readFileSync(file, "utf8");
}

function parse(inputs: Partial<Record<TunnelInputName, string>>, env: Record<string, string> = {}) {
  return parseTunnelSettings((name) => inputs[name], env, { cwd: dir });
}

function problems(
  inputs: Partial<Record<TunnelInputName, string>>,
  env: Record<string, string> = {},
): InputError[] {
  try {
    parse(inputs, env);
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  throw new Error("expected a ConfigError");
}

function only(
  inputs: Partial<Record<TunnelInputName, string>>,
  env: Record<string, string> = {},
): InputError {
  const found = problems(inputs, env);
  expect(found).toHaveLength(1);
  return found[0] as InputError;
}

describe("tunnel settings defaults", () => {
  it("defaults to localhost.run as nokey on port 22, remote 80, 60s", () => {
    const s = parse({});
    expect(s.timeoutMs).toBe(60_000);
    expect(s.ssh).toEqual({
      host: "localhost.run",
      port: 22,
      user: "nokey",
      key: undefined,
      knownHosts: undefined,
      remote: "80",
      urlTemplate: undefined,
      service: "localhost.run",
    });
    expect(s.cloudflared.version).toBe(DEFAULT_CLOUDFLARED_VERSION);
    expect(s.ngrok).toEqual({
      authtoken: undefined,
      authtokenFrom: undefined,
      domain: undefined,
      trafficPolicy: undefined,
    });
  });

  it("knows pinggy (443, user http, remote 0), serveo (22, remote 80) and others (22, remote 0)", () => {
    expect(parse({ "ssh-host": "a.pinggy.io" }).ssh).toMatchObject({
      port: 443,
      user: "http",
      remote: "0",
      service: "pinggy",
    });
    expect(parse({ "ssh-host": "serveo.net" }).ssh).toMatchObject({
      port: 22,
      user: undefined,
      remote: "80",
      service: "serveo",
    });
    expect(parse({ "ssh-host": "tunnels.example.com" }).ssh).toMatchObject({
      port: 22,
      user: undefined,
      remote: "0",
      service: "other",
    });
  });

  it("lets every default be overridden", () => {
    const s = parse({
      "ssh-host": "sish.example.com",
      "ssh-port": "2222",
      "ssh-user": "me",
      "ssh-remote": "myapp:80",
      "ssh-url": "https://{port}.example.com/",
      "tunnel-timeout": "2m",
    });
    expect(s.ssh).toMatchObject({
      port: 2222,
      user: "me",
      remote: "myapp:80",
      urlTemplate: "https://{port}.example.com",
    });
    expect(s.timeoutMs).toBe(120_000);
  });

  it("takes the ngrok authtoken from the input, else from NGROK_AUTHTOKEN", () => {
    expect(
      parse({ "ngrok-authtoken": "abc_DEF-123456" }, { NGROK_AUTHTOKEN: "envtoken123" }).ngrok,
    ).toMatchObject({
      authtoken: "abc_DEF-123456",
      authtokenFrom: "ngrok-authtoken",
    });
    expect(parse({}, { NGROK_AUTHTOKEN: "envtoken123" }).ngrok).toMatchObject({
      authtoken: "envtoken123",
      authtokenFrom: "NGROK_AUTHTOKEN",
    });
  });

  it("normalises a pasted key to LF with a final newline and lists the secrets", () => {
    const key = keyText("");
    const s = parse({
      "ssh-key": `${key.trim().replace(/\n/g, "\r\n")}`,
      "ngrok-authtoken": "tok_123456789",
    });
    expect(s.ssh.key).toBe(key);
    expect(tunnelSecrets(s)).toEqual([key, "tok_123456789"]);
  });

  it("reads a traffic policy from a file or inline", () => {
    const file = path.join(dir, "policy.yml");
    writeFileSync(file, "on_http_request:\n  - actions:\n      - type: deny\n");
    expect(parse({ "ngrok-traffic-policy": "policy.yml" }).ngrok.trafficPolicy).toContain("type: deny");
    const inline = '{"on_http_request":[{"actions":[{"type":"deny"}]}]}';
    expect(parse({ "ngrok-traffic-policy": inline }).ngrok.trafficPolicy).toBe(inline);
  });

  it("documents every input with a description", () => {
    for (const spec of Object.values(TUNNEL_INPUTS)) expect(spec.description.length).toBeGreaterThan(20);
  });
});

describe("tunnel settings errors name the input, show the value and say what is accepted", () => {
  const cases: [TunnelInputName, string, RegExp][] = [
    ["tunnel-timeout", "60", /add a unit, e.g. "60s"/],
    ["tunnel-timeout", "0s", /longer than 0/],
    ["ssh-host", "nokey@localhost.run", /put the user in "ssh-user"/],
    ["ssh-host", "example.com:2222", /put the port in "ssh-port"/],
    ["ssh-host", "-oProxyCommand=x", /host name or IP address/],
    ["ssh-port", "22a", /TCP port number from 1 to 65535/],
    ["ssh-user", "me; rm", /user name made of/],
    ["ssh-remote", "80:localhost:3000", /\[bind_address:\]port or name:port/],
    ["ssh-remote", "70000", /port from 0 to 65535/],
    ["ssh-url", "ftp://{port}.example.com", /http\(s\) URL where \{port\}/],
    ["ssh-url", "https://{prot}.example.com", /http\(s\) URL where \{port\}/],
    ["ssh-known-hosts", "localhost.run AAAA", /line 1 is not a known_hosts line/],
    ["cloudflared-version", "latest", /YEAR\.MONTH\.PATCH/],
    ["ngrok-domain", "https://my-app.ngrok-free.app/", /leave out the scheme/],
    ["ngrok-traffic-policy", "missing.yml", /does not exist/],
    ["ngrok-traffic-policy", '{"on_http_request": [', /not valid JSON/],
    ["ngrok-traffic-policy", "hello:\n  world", /needs a top-level on_http_request/],
  ];
  for (const [input, value, accepted] of cases) {
    it(`${input}: ${JSON.stringify(value)}`, () => {
      const problem = only({ [input]: value });
      expect(problem.input).toBe(input);
      expect(problem.message).toContain(`Input "${input}"`);
      expect(problem.message).toContain(
        JSON.stringify(value.length > 60 ? value.slice(0, 60) : value).slice(0, 20),
      );
      expect(problem.message).toMatch(accepted);
    });
  }

  it("never shows a secret: ssh-key", () => {
    const publicKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIH3E secret-comment";
    const problem = only({ "ssh-key": publicKey });
    expect(problem.message).toMatch(/is a public key/);
    expect(problem.message).not.toContain("AAAAC3");
    expect(problem.message).toContain("hidden");

    const garbage = only({ "ssh-key": "hunter2-not-a-key" });
    expect(garbage.message).toMatch(/whole text, from "-----BEGIN/);
    expect(garbage.message).not.toContain("hunter2");

    const locked = only({ "ssh-key": keyText("passphrase") });
    expect(locked.message).toMatch(/protected by a passphrase/);
    expect(locked.message).not.toContain("OPENSSH");
  });

  it("never shows a secret: ngrok-authtoken, from the input or NGROK_AUTHTOKEN", () => {
    const fromInput = only({ "ngrok-authtoken": "Bearer abc def" });
    expect(fromInput.input).toBe("ngrok-authtoken");
    expect(fromInput.message).not.toContain("abc");
    const fromEnv = only({}, { NGROK_AUTHTOKEN: "tok with spaces" });
    expect(fromEnv.input).toBe("NGROK_AUTHTOKEN");
    expect(fromEnv.message).not.toContain("spaces");
  });

  it("reports every bad input at once", () => {
    const found = problems({
      "ssh-port": "x",
      "ssh-remote": "y",
      "tunnel-timeout": "soon",
      "ngrok-domain": "a b",
    });
    expect(found.map((p) => p.input).sort()).toEqual([
      "ngrok-domain",
      "ssh-port",
      "ssh-remote",
      "tunnel-timeout",
    ]);
  });
});
