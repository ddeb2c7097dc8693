import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildConfig, buildRelayConfig, readActionMode } from "../../src/config/config.js";
import type { InputName } from "../../src/config/names.js";
import { DEFAULT_RELAY_SETTINGS } from "../../src/relay/settings.js";
import { configProblems } from "../helpers/config-errors.js";

const cwd = mkdtempSync(path.join(tmpdir(), "pt-config-"));
writeFileSync(path.join(cwd, "a-file"), "");

function config(inputs: Partial<Record<InputName, string>>) {
  return buildConfig((name) => inputs[name], { cwd, env: {}, runDir: cwd });
}

function problems(inputs: Partial<Record<InputName, string>>): Promise<string[]> {
  return configProblems(() => config({ start: "npm start", ...inputs }));
}

describe("buildConfig", () => {
  it("applies the documented defaults", async () => {
    const c = await config({ start: "npm start" });
    expect(c.services).toEqual([
      {
        name: "app",
        start: "npm start",
        stop: undefined,
        setup: undefined,
        startMode: "auto",
        workingDirectory: cwd,
        port: undefined,
        env: {},
        ready: { kind: "path", path: "/" },
        readyTimeoutMs: 60_000,
        path: "/",
        stripPrefix: false,
        dependsOn: [],
      },
    ]);
    expect(c).toMatchObject({
      workingDirectory: cwd,
      readyStatus: [{ min: 200, max: 399 }],
      stopGraceMs: 5000,
      provider: "auto",
      test: undefined,
      keepAliveMs: 0,
      keepRunning: false,
      failOnCrash: true,
    });
  });

  it("reads every input", async () => {
    const c = await config({
      start: "FOO=1 npm start",
      "working-directory": ".",
      port: "3000",
      env: "A=1\n# comment\n\nB=x=y\nEMPTY=",
      ready: "log:listening on \\d+",
      "ready-timeout": "1m30s",
      "ready-status": "200, 204, 3xx",
      "stop-grace": "500ms",
      provider: "LOCAL",
      test: "npm test",
      "keep-alive": "2m",
    });
    const app = c.services[0];
    expect(app?.port).toBe(3000);
    expect(app?.env).toEqual({ A: "1", B: "x=y", EMPTY: "" });
    expect(app?.ready.kind).toBe("log");
    expect(app?.ready.kind === "log" && app.ready.pattern.test("listening on 3000")).toBe(true);
    expect(app?.readyTimeoutMs).toBe(90_000);
    expect(c.readyStatus).toEqual([
      { min: 200, max: 200 },
      { min: 204, max: 204 },
      { min: 300, max: 399 },
    ]);
    expect(c.stopGraceMs).toBe(500);
    expect(c.provider).toBe("local");
    expect(c.keepAliveMs).toBe(120_000);
  });

  it.each([
    ["http://localhost:3000/health", { kind: "http" }],
    ["/health", { kind: "path", path: "/health" }],
    ["tcp", { kind: "tcp" }],
  ])("reads ready %s", async (ready, expected) => {
    expect((await config({ start: "x", ready })).services[0]?.ready).toMatchObject(expected);
  });

  it.each<[string, Partial<Record<InputName, string>>, RegExp]>([
    ["missing start", { start: "  " }, /Input "start" is required: the shell command/],
    ["port 0", { port: "0" }, /Input "port" must be a TCP port number from 1 to 65535 \(got "0"\)/],
    [
      "port 65536",
      { port: "65536" },
      /Input "port" must be a TCP port number from 1 to 65535 \(got "65536"\)/,
    ],
    ["port not a number", { port: "3000abc" }, /Input "port" .*got "3000abc"/],
    [
      "duration without unit",
      { "ready-timeout": "60" },
      /Input "ready-timeout" is not a duration.*add a unit, e\.g\. "60s".*got "60"/,
    ],
    [
      "unparsable duration",
      { "stop-grace": "5 seconds" },
      /Input "stop-grace" is not a duration: use a number with a unit ms, s, m or h.*got "5 seconds"/,
    ],
    ["zero ready-timeout", { "ready-timeout": "0s" }, /Input "ready-timeout" must be longer than 0/],
    ["bad keep-alive", { "keep-alive": "forever" }, /Input "keep-alive" is not a duration.*got "forever"/],
    ["malformed env line", { env: "A=1\nnot a pair" }, /Input "env" line 2 is not KEY=VALUE/],
    ["env key with a dash", { env: "MY-KEY=1" }, /Input "env" line 1 is not KEY=VALUE.*got "MY-KEY"/],
    [
      "status out of range",
      { "ready-status": "200-700" },
      /Input "ready-status" must be HTTP statuses \(100-599\).*got "200-700"/,
    ],
    ["status range reversed", { "ready-status": "399-200" }, /Input "ready-status" must be HTTP statuses/],
    ["status garbage", { "ready-status": "ok" }, /Input "ready-status" must be HTTP statuses.*got "ok"/],
    [
      "unknown provider",
      { provider: "ngrokk" },
      /Input "provider" must be one of auto, ngrok, cloudflared, ssh, local \(got "ngrokk"\)/,
    ],
    [
      "missing working directory",
      { "working-directory": "no/such/dir" },
      /Input "working-directory" must be an existing directory .*got "no\/such\/dir"/,
    ],
    [
      "working directory is a file",
      { "working-directory": "a-file" },
      /Input "working-directory" must be an existing directory/,
    ],
    [
      "ready neither URL nor path",
      { ready: "health" },
      /Input "ready" must be a URL .*"tcp", or "log:<regex>" \(got "health"\)/,
    ],
    [
      "ready with a bad regex",
      { ready: "log:([" },
      /Input "ready" has an invalid regular expression after "log:"/,
    ],
    ["ready log without regex", { ready: "log:" }, /Input "ready" needs a regular expression after "log:"/],
    [
      "keep-running not a boolean",
      { "keep-running": "sometimes" },
      /Input "keep-running" must be true or false .*got "sometimes"/,
    ],
  ])("rejects %s", async (_label, inputs, message) => {
    const found = await problems(inputs);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(message);
  });

  it("reports every invalid input at once", async () => {
    const found = await problems({ port: "-1", "ready-timeout": "soon", provider: "tor" });
    expect(found.map((m) => /Input "([^"]+)"/.exec(m)?.[1])).toEqual(["port", "ready-timeout", "provider"]);
    try {
      await config({ start: "x", port: "-1", "ready-timeout": "soon" });
    } catch (error) {
      expect((error as Error).message).toMatch(/^2 inputs are invalid:\n {2}- Input "port"/);
    }
  });

  it("never shows an env value in an error (values are often secrets)", async () => {
    const [message] = await problems({ env: "TOKEN=hunter2\nBROKEN LINE hunter3" });
    expect(message).not.toContain("hunter2");
    expect(message).not.toContain("hunter3");
  });
});

describe("the relay's inputs", () => {
  const source = (inputs: Partial<Record<InputName, string>>) => (name: InputName) => inputs[name];

  it("mode preview and publish auto by default; publish read into the Config", async () => {
    expect(readActionMode(source({}))).toBe("preview");
    expect((await config({ start: "npm start" })).relay).toEqual({ publish: "auto" });
    expect((await config({ start: "npm start", publish: "Relay" })).relay).toEqual({ publish: "relay" });
  });

  it("mode relay reads only the publishing and relay inputs (no start), with the relay's defaults", () => {
    expect(readActionMode(source({ mode: " relay " }))).toBe("relay");
    const relay = buildRelayConfig(source({ mode: "relay", "comment-key": "docs" }));
    expect(relay.relay).toEqual({ ...DEFAULT_RELAY_SETTINGS, commentKey: "docs" });
    expect(relay.publish).toMatchObject({ commentKey: "docs", comment: true, deployment: true });
    expect(
      buildRelayConfig(
        source({
          mode: "relay",
          "relay-timeout": "15m",
          "relay-allowed-hosts": "Preview.Example.com,\n*.tunnels.example.org",
        }),
      ).relay,
    ).toMatchObject({ timeoutMs: 900_000, allowedHosts: ["preview.example.com", "*.tunnels.example.org"] });
  });

  it("a preview's config refuses mode relay (the CLI's --mode relay), saying where the relay runs", async () => {
    expect(await problems({ start: "npm start", mode: "relay" })).toEqual([
      'Input "mode" is "relay", which runs only as the GitHub Action in a workflow_run job (see the README, "Pull requests from forks"); previews run with "preview", the default (got "relay").',
    ]);
  });

  it("an unknown mode is one error naming the input", () => {
    expect(configProblems(() => readActionMode(source({ mode: "relays" })))).toEqual([
      'Input "mode" must be one of preview, relay (got "relays").',
    ]);
  });

  it("an unknown publish, in either mode", async () => {
    const message = 'Input "publish" must be one of auto, direct, relay (got "fork").';
    expect(await problems({ publish: "fork" })).toEqual([message]);
    expect(configProblems(() => buildRelayConfig(source({ mode: "relay", publish: "fork" })))).toEqual([
      message,
    ]);
  });

  it("relay-timeout 0s and a bad relay-allowed-hosts entry: each named, together", () => {
    expect(
      configProblems(() =>
        buildRelayConfig(
          source({ mode: "relay", "relay-timeout": "0s", "relay-allowed-hosts": "ok.example.com *.com" }),
        ),
      ),
    ).toEqual([
      'Input "relay-timeout" must be longer than 0, e.g. "60s" (got "0s").',
      'Input "relay-allowed-hosts" must list host names separated by commas or newlines, each a host ("preview.example.com") or "*." and a domain of at least two labels ("*.tunnels.example.com"); no scheme, port or path (got "*.com").',
    ]);
    for (const entry of ["https://x.example.com", "x.example.com:8443", "*", "a..b"]) {
      expect(
        configProblems(() => buildRelayConfig(source({ mode: "relay", "relay-allowed-hosts": entry }))),
      ).toHaveLength(1);
    }
  });

  it("the preview's inputs check the relay's too (one place, every input)", async () => {
    expect(await problems({ "relay-timeout": "soon" })).toEqual([
      'Input "relay-timeout" is not a duration: use a number with a unit ms, s, m or h, e.g. "500ms", "90s", "2m", "1m30s" (got "soon").',
    ]);
  });
});
