/**
 * The Config as the main step writes it for the supervisor and the post step: a rich Config
 * comes back equal, with what JSON cannot hold revived (the readiness RegExp and URL, the
 * allow-list's BlockList, the loaded scenarios), and the file is the run's secret.
 */
import { generateKeyPairSync } from "node:crypto";
import { existsSync, mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildConfig, type Config } from "../../src/config/config.js";
import type { InputName } from "../../src/config/names.js";
import {
  deserializeConfig,
  readConfigFile,
  removeConfigFile,
  serializeConfig,
  writeConfigFile,
} from "../../src/config/serialize.js";

const root = process.cwd();
const env = { GITHUB_WEBHOOK_SECRET: "gh-webhook-secret", STRIPE_WEBHOOK_SECRET: "whsec_abcdefgh" };

async function richConfig(ready: string): Promise<Config> {
  const runDir = mkdtempSync(path.join(tmpdir(), "pt-serialize-"));
  const sshKey = generateKeyPairSync("ed25519")
    .privateKey.export({ format: "pem", type: "pkcs8" })
    .toString();
  const inputs: Partial<Record<InputName, string>> = {
    start: "npm start",
    port: "3000",
    env: "A=1\nB=two",
    ready,
    "ready-status": "200, 3xx",
    "keep-alive": "2m",
    "allow-cidrs": "10.0.0.0/8, 2001:db8::/32, 203.0.113.7",
    "request-headers": "X-Preview: yes",
    "verify-webhooks": "github /hooks/github GITHUB_WEBHOOK_SECRET",
    "ssh-key": sshKey,
    "ssh-url": "https://{port}.example.com",
    "ngrok-traffic-policy": "on_http_request:\n  - actions: []",
    "github-token": "ghs_token123",
    scenarios: "examples/webhooks-app/scenarios.yml",
    idp: "true",
    "idp-users": "- sub: bob\n  groups: [a, b]",
  };
  return buildConfig((name) => inputs[name], { cwd: root, env, runDir });
}

describe("serializeConfig / deserializeConfig", () => {
  it("give back a rich Config: every setting, the scenarios, the secrets generated once", async () => {
    const config = await richConfig("log:listening on (\\d+)$");
    expect(config.scenarios.scenarios.length).toBeGreaterThan(3);
    const revived = deserializeConfig(serializeConfig(config));
    const { gate, ...rest } = config;
    const { gate: revivedGate, ...revivedRest } = revived;
    expect(revivedRest).toEqual(rest);
    expect({ ...revivedGate, allowCidrs: revivedGate.allowCidrs?.entries }).toEqual({
      ...gate,
      allowCidrs: gate.allowCidrs?.entries,
    });
    expect(revived.gate.auth).toEqual(config.gate.auth);
    expect(revived.idp.clientSecret).toBe(config.idp.clientSecret);

    const ready = revived.services[0]?.ready;
    expect(ready?.kind === "log" && ready.pattern).toBeInstanceOf(RegExp);
    expect(ready?.kind === "log" && ready.pattern.exec("listening on 8080")?.[1]).toBe("8080");
    const allow = revived.gate.allowCidrs?.blockList;
    expect(allow?.check("10.1.2.3", "ipv4")).toBe(true);
    expect(allow?.check("11.1.2.3", "ipv4")).toBe(false);
    expect(allow?.check("2001:db8:1::1", "ipv6")).toBe(true);
    expect(allow?.check("203.0.113.7", "ipv4")).toBe(true);
    expect(allow?.check("203.0.113.8", "ipv4")).toBe(false);
  });

  it("revive a readiness URL", async () => {
    const config = await richConfig("http://127.0.0.1:3000/health?deep=1");
    const revived = deserializeConfig(serializeConfig(config));
    const ready = revived.services[0]?.ready;
    expect(ready?.kind === "http" && ready.url).toBeInstanceOf(URL);
    expect(ready?.kind === "http" && ready.url.href).toBe("http://127.0.0.1:3000/health?deep=1");
  });

  it("refuse what another version wrote", () => {
    expect(() => deserializeConfig(JSON.stringify({ version: 0, config: {} }))).toThrow(
      /not one this version wrote/,
    );
  });
});

describe("the run's config file", () => {
  it("is written 0600, never over an existing file, and deleted idempotently", async () => {
    const config = await richConfig("/health");
    const runDir = mkdtempSync(path.join(tmpdir(), "pt-config-file-"));
    const file = writeConfigFile(runDir, config);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readConfigFile(runDir).gate.auth).toEqual(config.gate.auth);
    expect(() => writeConfigFile(runDir, config)).toThrow(/EEXIST/);
    removeConfigFile(runDir);
    expect(existsSync(file)).toBe(false);
    removeConfigFile(runDir);

    writeFileSync(path.join(runDir, "config.json"), "someone else's");
    expect(() => writeConfigFile(runDir, config)).toThrow(/EEXIST/);
  });
});
