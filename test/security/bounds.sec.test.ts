/**
 * Inputs that were accepted but wrong, or failed unclearly: durations past Node's timer
 * limit, a zero scenario timeout, malformed traffic policies, PORT given twice, YAML alias
 * bombs, too many scenarios, oversized files. Each gets a clear error naming the input (and
 * the file and line), exit code 2, before anything starts.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildConfig } from "../../src/config/config.js";
import { INPUTS, type InputName } from "../../src/config/names.js";
import { EXIT } from "../../src/errors.js";
import { configProblems } from "../helpers/config-errors.js";
import { runCliProcess } from "./cli-process.js";

const cwd = mkdtempSync(path.join(tmpdir(), "pt-sec-bounds-"));

type Inputs = Partial<Record<InputName, string>>;

function config(inputs: Inputs, env: Record<string, string> = {}) {
  return buildConfig((name) => inputs[name], { cwd, env, runDir: path.join(cwd, "run") });
}

function problems(inputs: Inputs, env: Record<string, string> = {}): Promise<string[]> {
  return configProblems(() => config({ start: "npm start", ...inputs }, env));
}

function file(name: string, text: string): string {
  const p = path.join(cwd, name);
  writeFileSync(p, text);
  return p;
}

const DURATION_INPUTS = (Object.keys(INPUTS) as InputName[]).filter(
  (name) => INPUTS[name].placeholder === "<duration>",
);

describe("durations past Node's timer limit (2^31 - 1 ms, about 24.8 days)", () => {
  it("keep-alive 600h is refused, not a teardown at once", async () => {
    expect(await problems({ "keep-alive": "600h" })).toEqual([
      'Input "keep-alive" is too long: durations may be at most 596h (about 24.8 days, the longest Node.js timer) (got "600h").',
    ]);
  });

  it.each(DURATION_INPUTS)("%s refuses 600h and accepts 596h", async (name) => {
    expect(DURATION_INPUTS.length).toBeGreaterThanOrEqual(5);
    expect((await problems({ [name]: "600h" }))[0]).toContain(`Input "${name}" is too long`);
    await expect(config({ start: "npm start", [name]: "596h" })).resolves.toBeDefined();
  });

  it("a scenario file's timeout is bounded too, with its file and line", async () => {
    const scenarios = file(
      "long.yml",
      "scenarios:\n  - name: slow\n    provider: github\n    path: /hooks\n    event: push\n    secret-env: S\n    timeout: 700h\n",
    );
    const [message] = await problems({ scenarios }, { S: "a-secret-long-enough" });
    expect(message).toContain(`${path.basename(scenarios)}:7:14: scenario`);
    expect(message).toContain("is too long");
  });
});

describe("accepted but wrong", () => {
  it("scenario-timeout 0s is refused (every scenario would fail)", async () => {
    expect(await problems({ "scenario-timeout": "0s" })).toEqual([
      'Input "scenario-timeout" must be longer than 0, e.g. "60s" (got "0s").',
    ]);
  });

  it("a scenario's own timeout 0s is refused, with its file and line", async () => {
    const scenarios = file(
      "zero.yml",
      "scenarios:\n  - name: zero\n    provider: github\n    path: /hooks\n    event: push\n    secret-env: S\n    timeout: 0s\n",
    );
    const [message] = await problems({ scenarios }, { S: "a-secret-long-enough" });
    expect(message).toContain(`${path.basename(scenarios)}:7:14: scenario`);
    expect(message).toContain("must be longer than 0");
  });
});

describe("ngrok-traffic-policy is parsed and its shape checked", () => {
  const policy = (text: string) => problems({ "ngrok-traffic-policy": text });

  it("accepts a policy of phases, rules and actions (inline YAML, JSON, and a file)", async () => {
    const yaml =
      'on_http_request:\n  - name: block bots\n    expressions:\n      - "req.user_agent.is_bot"\n    actions:\n      - type: deny\n        config:\n          status_code: 403\non_tcp_connect:\n  - actions:\n      - type: restrict-ips\n        config:\n          enforce: true\n          allow: ["203.0.113.0/24"]\n';
    for (const given of [
      yaml,
      JSON.stringify({ on_http_response: [{ actions: [{ type: "add-headers" }] }] }),
    ]) {
      const c = await config({ start: "npm start", "ngrok-traffic-policy": given });
      expect(c.tunnel.ngrok.trafficPolicy).toBe(given.trim());
    }
    const fromFile = await config({ start: "npm start", "ngrok-traffic-policy": file("policy.yml", yaml) });
    expect(fromFile.tunnel.ngrok.trafficPolicy).toBe(yaml);
  });

  it.each([
    ["on_http_request:\n  - actions: [\n", "is not valid YAML or JSON"],
    ['{"on_http_request": {"actions": []}}', "has on_http_request that is not a list of rules"],
    ["on_http_request:\n  - name: x\n", "has on_http_request[0] without actions"],
    ["on_http_request:\n  - actions: deny\n", "has on_http_request[0] without actions"],
    [
      "on_http_request:\n  - actions:\n      - config: {}\n",
      "has on_http_request[0].actions[0] without a type",
    ],
    [
      "on_http_request:\n  - actions:\n      - type: deny\n        confg: {}\n",
      "has on_http_request[0].actions[0].confg, unknown",
    ],
    [
      "on_http_request:\n  - actions:\n      - type: deny\n        config: [1]\n",
      "config that is not a mapping",
    ],
    [
      'on_http_request:\n  - expressions: "x"\n    actions:\n      - type: deny\n',
      "expressions that is not a list",
    ],
    [
      "on_http_request:\n  - action:\n      - type: deny\n",
      "has on_http_request[0].action, unknown in a rule",
    ],
    ["on_http_request: []\non_http_requests: []\n", 'unknown top-level key "on_http_requests"'],
    [
      "inbound:\n  - actions:\n      - type: deny\n",
      'uses "inbound", a phase of ngrok\'s old policy format: name it "on_http_request"',
    ],
  ])("%j is refused: %s", async (text, expected) => {
    const [message] = await policy(text);
    expect(message).toContain('Input "ngrok-traffic-policy"');
    expect(message).toContain(expected);
  });

  it("an alias bomb in a policy file is refused, naming the input", async () => {
    const bomb = file("policy-bomb.yml", `on_http_request: &r\n  - actions: [{type: deny}]\n${aliasBomb()}`);
    const [message] = await policy(bomb);
    expect(message).toContain('Input "ngrok-traffic-policy" expands its YAML aliases (*name) too far');
  });

  it("a policy file over 1 MiB is refused before it is read", async () => {
    const big = file("policy-big.yml", `# ${"x".repeat(1024 * 1024)}\non_http_request: []\n`);
    const [message] = await policy(big);
    expect(message).toContain(`is too large: ${big} has`);
  });
});

describe("PORT in env and port: one port", () => {
  it("PORT in env alone becomes the port (the app is probed there)", async () => {
    const c = await config({ start: "npm start", env: "PORT=4123\nA=1" });
    expect(c.services[0]?.port).toBe(4123);
  });

  it("the same PORT in both is fine", async () => {
    expect((await config({ start: "npm start", env: "PORT=4123", port: "4123" })).services[0]?.port).toBe(
      4123,
    );
  });

  it("PORT in env disagreeing with port is refused", async () => {
    expect(await problems({ env: "PORT=4000", port: "3000" })).toEqual([
      'Input "env" sets PORT to 4000 but "port" is 3000: give the app\'s port once, in "port" (or only in env) (got "PORT=4000").',
    ]);
  });

  it("a service's PORT in env is its port, and must agree with its own port", async () => {
    const services = (entries: string) => config({ services: entries });
    const c = await services("- name: web\n  start: npm start\n  env: { PORT: 4124 }");
    expect(c.services[0]?.port).toBe(4124);
    const [message] = await configProblems(() =>
      services("- name: web\n  start: npm start\n  port: 3000\n  env: { PORT: 4000 }"),
    );
    expect(message).toContain('service "web": "env" sets PORT to 4000 but "port" is 3000');
  });

  it("a PORT in env that is no port is refused", async () => {
    expect(await problems({ env: "PORT=eighty" })).toEqual([
      'Input "env" sets PORT, which must be the app\'s TCP port, from 1 to 65535 (got "PORT=eighty").',
    ]);
  });
});

/** YAML that expands 9^7 times if its aliases are followed (appended to a mapping). */
function aliasBomb(): string {
  const lines = ['l0: &l0 ["x","x","x","x","x","x","x","x","x"]'];
  for (let level = 1; level <= 7; level++)
    lines.push(
      `l${level}: &l${level} [${Array(9)
        .fill(`*l${level - 1}`)
        .join(",")}]`,
    );
  return `${lines.join("\n")}\n`;
}

describe("YAML alias bombs, huge files and counts", () => {
  it("an alias bomb in a scenario file: its file and line, exit 2 (not a bare error)", async () => {
    const scenarios = file("bomb.yml", `${aliasBomb()}scenarios: [*l7]\n`);
    const messages = await problems({ scenarios });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(
      /^Input "scenarios": bomb\.yml:1:1: .*expands its YAML aliases \(\*name\) too far/,
    );
  });

  it("an alias bomb in idp-users: named, and the file named", async () => {
    const users = file("users-bomb.yml", `${aliasBomb()}users: *l7\n`);
    const [message] = await problems({ idp: "true", "idp-users": users });
    expect(message).toContain(`Input "idp-users" expands its YAML aliases (*name) too far (in ${users})`);
  });

  it("200,000 scenarios: refused at once with the count and the limit, not a stack overflow", async () => {
    const scenarios = file("many.yml", `scenarios: [${Array(200_000).fill("{}").join(",")}]\n`);
    const messages = await problems({ scenarios });
    expect(messages).toEqual([
      'Input "scenarios": many.yml:1:1: field "scenarios" lists 200000 scenarios; a run takes at most 1000: split them over several runs',
    ]);
  });

  it("scenario files together over the limit: the file that passes it is named", async () => {
    const one = (name: string, count: number) =>
      file(
        name,
        `scenarios:\n${Array.from({ length: count }, (_, i) => `  - {name: s${i}, provider: github, path: /h, event: push, secret-env: S}`).join("\n")}\n`,
      );
    const messages = await problems(
      { scenarios: `${one("first.yml", 600)}\n${one("second.yml", 600)}` },
      { S: "a-secret-long-enough" },
    );
    expect(messages).toEqual([
      'Input "scenarios": second.yml:1:1: brings the run to 1200 scenarios; a run takes at most 1000: split them over several runs',
    ]);
  });

  it("a scenario file over 1 MiB is refused before it is read, with its name", async () => {
    const big = file("big.yml", `# ${"x".repeat(1024 * 1024)}\nscenarios: []\n`);
    const [message] = await problems({ scenarios: big });
    expect(message).toMatch(
      /^Input "scenarios": big\.yml:1:1: the scenario file has \d+ bytes; at most 1048576/,
    );
  });
});

describe("the built CLI (its bundled YAML parser)", () => {
  const cli = (args: string[]) =>
    runCliProcess(["run", "--start", "true", "--port", "0", ...args], {
      env: process.env,
      deadlineMs: 20_000,
    });

  it("reads idp-users from a file (the bundle's yaml arrives as a default export)", async () => {
    const users = file("users.yml", "- sub: bob\n  email: bob@example.com\n");
    const r = await cli(["--idp", "true", "--idp-users", users]);
    expect(r.code).toBe(EXIT.invalidInput);
    // Only the port (given wrong on purpose, so nothing starts) is refused.
    expect(r.stderr).toContain('Input "port" must be a TCP port number');
    expect(r.stderr).not.toContain("idp-users");
  });

  it("reads a services list from a file, and refuses an alias bomb in one naming the input", async () => {
    const run = (args: string[]) => runCliProcess(["run", ...args], { env: process.env, deadlineMs: 20_000 });
    const list = file(
      "services.yml",
      "- name: web\n  start: node web.mjs\n- name: api\n  start: node api.mjs\n  path: /api\n",
    );
    // Only keep-alive (given wrong on purpose, so nothing starts) is refused.
    const ok = await run(["--services", list, "--keep-alive", "600h"]);
    expect(ok.code).toBe(EXIT.invalidInput);
    expect(ok.stderr).toContain('Input "keep-alive" is too long');
    expect(ok.stderr).not.toContain('"services"');
    const bomb = await run(["--services", file("services-bomb.yml", aliasBomb())]);
    expect(bomb.code).toBe(EXIT.invalidInput);
    expect(bomb.stderr).toContain('Input "services" expands its YAML aliases (*name) too far');
  });

  it("an alias bomb in a scenario file exits 2, naming the file and line", async () => {
    const scenarios = file("cli-bomb.yml", `${aliasBomb()}scenarios: [*l7]\n`);
    const r = await cli(["--scenarios", scenarios]);
    expect(r.code).toBe(EXIT.invalidInput);
    expect(r.stderr).toContain("cli-bomb.yml:1:1:");
    expect(r.stderr).toContain("expands its YAML aliases (*name) too far");
  });
});
