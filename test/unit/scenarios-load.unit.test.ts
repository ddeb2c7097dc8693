// biome-ignore-all lint/suspicious/noTemplateCurlyInString: scenario placeholders in expected messages
/**
 * Scenario files: the malformed fixtures (test/fixtures/scenarios/malformed/) each give a
 * precise message (file:line:column, the scenario, the field, what is wrong, what is
 * accepted); valid files load with their defaults and line numbers; the shipped JSON Schema
 * is in step with the zod schema.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  formatProblem,
  loadScenarioFile,
  loadScenarioFilesOrThrow,
  parseScenarioText,
  ScenarioFileError,
} from "../../src/scenarios/load.js";
import { SCHEMA_FILE, scenariosJsonSchemaText } from "../../src/scenarios/schema-file.js";

const MALFORMED = "test/fixtures/scenarios/malformed";
const DIR = path.resolve(MALFORMED);
const ENV = { GITHUB_WEBHOOK_SECRET: "x", STRIPE_WEBHOOK_SECRET: "x", SHOPIFY_API_SECRET: "x" };

/** "@" stands for the fixture's path. */
const CASES: [file: string, messages: string[]][] = [
  [
    "bad-json-path.yml",
    [
      '@:9:9: scenario "ping" (scenarios[0]): field "expect.json["data.id"]" is not a supported JSON path: start with $ and use .name, ["name"] and [index], e.g. $.data.items[0].id',
    ],
  ],
  [
    "bad-path.yml",
    [
      '@:5:11: scenario "ping" (scenarios[0]): field "path" must be a path starting with "/" without spaces or "#", e.g. /webhooks/github (got "webhooks/github")',
    ],
  ],
  [
    "bad-placeholder.yml",
    [
      '@:9:16: scenario "custom body" (scenarios[0]): field "body.json.token" uses the placeholder ${secrets.STRIPE_KEY}; placeholders are ${env.NAME} and ${preview.url} ($${ writes a literal ${) (got "${secrets.STRIPE_KEY}")',
    ],
  ],
  [
    "bad-status.yml",
    [
      '@:8:15: scenario "ping" (scenarios[0]): field "expect.status" must be an HTTP status (200), a class ("2xx"), a range ("200-299"), a comma list ("200, 204") or a YAML list of these ([200, 202]) (got "ok")',
    ],
  ],
  [
    "bare-duration.yml",
    [
      '@:8:20: scenario "slow" (scenarios[0]): field "expect.max-latency" must be a duration: a number with a unit ms, s, m or h, e.g. "500ms", "10s", "2m"; add a unit, e.g. "500s" (got 500)',
    ],
  ],
  [
    "discord-secret-env.yml",
    [
      '@:5:5: scenario "interaction" (scenarios[0]): field "secret-env" is not used by discord: its deliveries are signed with an Ed25519 key pair generated per run; name the variable the app reads the public key from in public-key-env (default DISCORD_PUBLIC_KEY)',
    ],
  ],
  ["duplicate-key.yml", ["@:4:5: the file is not valid YAML: Map keys must be unique"]],
  [
    "duplicate-names.yml",
    [
      '@:7:11: scenario "ping" (scenarios[1]): field "name" repeats the name of the scenario at line 2; names must be unique within a file (got "ping")',
    ],
  ],
  [
    "empty.yml",
    ['@:1:1: the file is empty: a scenario file is a mapping with "scenarios:", a list of scenarios'],
  ],
  [
    "field-typo.yml",
    [
      '@:8:7: scenario "ping" (scenarios[0]): field "expect.statuss" is not a known field; did you mean "status"? Known fields here: status, body-contains, json, headers, max-latency',
    ],
  ],
  [
    "inline-secret.yml",
    [
      '@:6:5: scenario "ping" (scenarios[0]): field "secret" is not allowed: secrets are never written in scenario files; put it in an environment variable (from a repository secret) and name that variable in secret-env',
    ],
  ],
  [
    "missing-body-file.yml",
    [
      `@:8:13: scenario "from a file" (scenarios[0]): field "body.file" cannot be read (no such file: ${DIR}/payloads/push.json); paths are relative to the scenario file (got "payloads/push.json")`,
    ],
  ],
  [
    "missing-event.yml",
    [
      '@:2:5: scenario "custom" (scenarios[0]): field "event" is missing: shopify sends the event in X-Shopify-Topic; name it, e.g. event: orders/create',
    ],
  ],
  [
    "missing-secret-env.yml",
    [
      '@:2:5: scenario "checkout" (scenarios[0]): field "secret-env" is missing: name the environment variable holding the stripe signing secret (whsec_...), e.g. secret-env: STRIPE_WEBHOOK_SECRET (secrets are never written in scenario files)',
    ],
  ],
  [
    "not-a-list.yml",
    ['@:2:3: field "scenarios" must be a list of scenarios (YAML items starting with -) (got a mapping)'],
  ],
  ["not-yaml.yml", ["@:4:1: the file is not valid YAML: Sequence item without - indicator"]],
  [
    "offset-without-timestamp.yml",
    [
      '@:7:23: scenario "old push" (scenarios[0]): field "timestamp-offset" has no effect: github signs no timestamp, so no delivery of it can be stale; it applies to stripe, slack, standard-webhooks, svix, linear, discord, paddle (got "-10m")',
    ],
  ],
  [
    "rejected-and-status.yml",
    [
      '@:8:5: scenario "tampered" (scenarios[0]): field "expect-rejected" conflicts with expect.status: use one of them',
    ],
  ],
  [
    "repeat-zero.yml",
    [
      '@:7:13: scenario "burst" (scenarios[0]): field "repeat" must be a whole number from 1 to 10000 (got 0)',
      '@:8:18: scenario "burst" (scenarios[0]): field "concurrency" must be a whole number from 1 to 256 (got 1000)',
    ],
  ],
  [
    "reserved-header.yml",
    [
      '@:8:7: scenario "ping" (scenarios[0]): field "headers.Content-Length" cannot be set: the HTTP client frames the request itself; these cannot be set: host, content-length, transfer-encoding, connection, keep-alive, upgrade, te, trailer, expect',
    ],
  ],
  [
    "secret-not-set.yml",
    [
      '@:6:17: scenario "ping" (scenarios[0]): field "secret-env" names GITHUB_WEBHOOK_SECRET_UNSET, which is not set or empty; set it in the step\'s env, e.g. "GITHUB_WEBHOOK_SECRET_UNSET: ${{ secrets.GITHUB_WEBHOOK_SECRET_UNSET }}" (got "GITHUB_WEBHOOK_SECRET_UNSET")',
    ],
  ],
  [
    "top-level-typo.yml",
    [
      '@:1:1: field "scenarios" is missing: it must be a list of scenarios (YAML items starting with -)',
      '@:1:1: field "scenario" is not a known field; did you mean "scenarios"? Known fields here: scenarios',
    ],
  ],
  [
    "unknown-example.yml",
    [
      '@:7:16: scenario "refund" (scenarios[0]): field "body.example" is not a built-in stripe example; stripe has: checkout.session.completed, payment_intent.succeeded, checkout.session.expired, checkout.session.async_payment_succeeded, checkout.session.async_payment_failed, payment_intent.created, payment_intent.payment_failed, payment_intent.canceled, charge.succeeded, charge.failed, charge.refunded, customer.created, customer.updated, customer.deleted, customer.subscription.created, customer.subscription.updated, customer.subscription.deleted, customer.subscription.trial_will_end, invoice.created, invoice.finalized, invoice.paid, invoice.payment_succeeded, invoice.payment_failed (got "payout.paid")',
    ],
  ],
  [
    "unknown-provider.yml",
    [
      '@:3:15: scenario "ping" (scenarios[0]): field "provider" must be one of github, stripe, slack, shopify, twilio, standard-webhooks, svix, pagerduty, gitlab, linear, square, discord, paddle; did you mean "github"? (got "githib")',
    ],
  ],
];

describe("malformed scenario files", () => {
  it("every fixture has its expected messages", () => {
    expect(CASES.map(([file]) => file).sort()).toEqual(readdirSync(MALFORMED).sort());
    expect(CASES.length).toBeGreaterThanOrEqual(10);
  });

  it.each(CASES)("%s", (file, messages) => {
    const shown = `${MALFORMED}/${file}`;
    const result = loadScenarioFile(shown, { env: ENV });
    expect(result.scenarios).toEqual([]);
    expect(result.problems.map(formatProblem)).toEqual(messages.map((m) => m.replace("@", shown)));
  });

  it("every problem of every file is reported at once, in one error", () => {
    const files = ["bad-path.yml", "bad-status.yml", "repeat-zero.yml"].map((f) => `${MALFORMED}/${f}`);
    const error = (() => {
      try {
        loadScenarioFilesOrThrow(files, { env: ENV });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ScenarioFileError);
    expect((error as ScenarioFileError).problems).toHaveLength(4);
    expect((error as ScenarioFileError).message).toMatch(
      /^4 problems in scenario files:\n {2}test\/fixtures/,
    );
  });

  it("secret-env is only checked against the environment when one is given", () => {
    expect(loadScenarioFile(`${MALFORMED}/secret-not-set.yml`).problems).toEqual([]);
  });

  it("a missing file says so", () => {
    expect(loadScenarioFile(`${MALFORMED}/nope.yml`).problems.map(formatProblem)).toEqual([
      `${MALFORMED}/nope.yml:1:1: the scenario file does not exist (${path.resolve(MALFORMED, "nope.yml")})`,
    ]);
  });
});

const parse = (text: string) =>
  parseScenarioText(text, { file: "inline.yml", dir: DIR, env: { S: "s", GH: "g" } });

describe("valid scenario files", () => {
  it("apply the defaults and keep each scenario's line", () => {
    const { scenarios, problems } = parse(`# comment
scenarios:
  - name: ping
    provider: github
    path: /webhooks/github
    secret-env: GH

  - name: stale
    provider: stripe
    path: /hooks/stripe?x=1
    secret-env: S
    timestamp-offset: -10m
    expect-rejected: true
`);
    expect(problems).toEqual([]);
    expect(scenarios.map((s) => [s.name, s.source])).toEqual([
      ["ping", { file: "inline.yml", line: 3, column: 5 }],
      ["stale", { file: "inline.yml", line: 8, column: 5 }],
    ]);
    const [ping, stale] = scenarios;
    expect(ping).toMatchObject({
      provider: "github",
      event: "ping",
      example: "ping",
      method: "POST",
      contentType: "application/json",
      repeat: 1,
      concurrency: 1,
      tamper: false,
      sendAuth: false,
      expectRejected: false,
      timestampOffsetSeconds: 0,
      timeoutMs: undefined,
      expect: {
        statusText: "2xx",
        status: [{ min: 200, max: 299 }],
        bodyContains: [],
        json: [],
        headers: [],
      },
    });
    expect(stale).toMatchObject({
      event: undefined,
      example: "checkout.session.completed",
      timestampOffsetSeconds: -600,
      expect: { statusText: "400, 401, 403" },
    });
  });

  it("take bodies inline, as JSON, as form fields, from a file or a built-in example", () => {
    const { scenarios, problems } = parse(`scenarios:
  - { name: a, provider: stripe, path: /a, secret-env: S, body: '{"id": 1}' }
  - { name: b, provider: slack, path: /b, secret-env: S, body: "command=%2Fdeploy&text=42" }
  - { name: c, provider: twilio, path: /c, secret-env: S, body: { form: { Body: hi, NumMedia: 0 } } }
  - { name: d, provider: stripe, path: /d, secret-env: S, body: { json: [1, "\${preview.url}"] } }
  - { name: e, provider: pagerduty, path: /e, secret-env: S, body: { text: plain words } }
  - { name: f, provider: github, event: push, path: /f, secret-env: S, body: { file: ../push-body.json } }
  - { name: g, provider: gitlab, event: Push Hook, path: /g, secret-env: S }
  - { name: h, provider: shopify, path: /h, secret-env: S, body: { example: orders/create }, content-type: application/vnd.api+json }
`);
    expect(problems.map(formatProblem)).toEqual([]);
    expect(scenarios.map((s) => [s.name, s.body.kind, s.contentType, s.example, s.event])).toEqual([
      ["a", "text", "application/json", undefined, undefined],
      ["b", "text", "application/x-www-form-urlencoded", undefined, undefined],
      ["c", "form", "application/x-www-form-urlencoded", undefined, undefined],
      ["d", "json", "application/json", undefined, undefined],
      ["e", "text", "text/plain; charset=utf-8", undefined, undefined],
      ["f", "text", "application/json", undefined, "push"],
      ["g", "text", "application/json", "push", "Push Hook"],
      ["h", "text", "application/vnd.api+json", "orders/create", "orders/create"],
    ]);
    expect(scenarios[2]?.body).toEqual({
      kind: "form",
      fields: [
        ["Body", "hi"],
        ["NumMedia", "0"],
      ],
    });
    expect(scenarios[5]?.body).toEqual({
      kind: "text",
      text: readFileSync("test/fixtures/scenarios/push-body.json", "utf8"),
    });
  });

  it("parse expectations: statuses, JSON paths, headers, latency", () => {
    const { scenarios, problems } = parse(`scenarios:
  - name: x
    provider: github
    event: ping
    path: /x
    secret-env: GH
    timeout: 1m30s
    expect:
      status: [200, "202-204", 3xx]
      body-contains: ok
      json: { "$.a.b[0]": { c: 1 }, "$['x y'][-1]": null }
      headers: { Content-Type: json, X-Gone: false, X-There: true }
      max-latency: 1.5s
`);
    expect(problems).toEqual([]);
    expect(scenarios[0]?.timeoutMs).toBe(90_000);
    expect(scenarios[0]?.expect).toEqual({
      status: [
        { min: 200, max: 200 },
        { min: 202, max: 204 },
        { min: 300, max: 399 },
      ],
      statusText: "200, 202-204, 3xx",
      bodyContains: ["ok"],
      json: [
        { path: "$.a.b[0]", steps: ["a", "b", 0], value: { c: 1 } },
        { path: "$['x y'][-1]", steps: ["x y", -1], value: null },
      ],
      headers: [
        ["content-type", "json"],
        ["x-gone", false],
        ["x-there", true],
      ],
      maxLatencyMs: 1500,
    });
  });

  it("the fixture and example files load without problems", () => {
    for (const file of ["test/fixtures/scenarios/providers.yml", "examples/webhooks-app/scenarios.yml"]) {
      expect(loadScenarioFile(file).problems.map(formatProblem), file).toEqual([]);
    }
  });
});

describe("JSON Schema", () => {
  it(`${SCHEMA_FILE} is in step with the schema (node scripts/run-ts.mjs src/scenarios/write-schema.ts)`, () => {
    // Compared as data: the file may be formatted by biome.
    expect(JSON.parse(readFileSync(SCHEMA_FILE, "utf8"))).toEqual(JSON.parse(scenariosJsonSchemaText()));
  });

  it("lists every field with a description, for editor completion", () => {
    const schema = JSON.parse(readFileSync(SCHEMA_FILE, "utf8"));
    const scenario = schema.properties.scenarios.items;
    expect(scenario.required).toEqual(["name"]);
    expect(scenario.anyOf).toEqual([
      { required: ["provider", "path"] },
      { required: ["oauth"] },
      { required: ["expect-deliveries"] },
    ]);
    expect(scenario.additionalProperties).toBe(false);
    for (const [name, field] of Object.entries(
      scenario.properties as Record<string, { description?: string }>,
    )) {
      expect(field.description, name).toBeTruthy();
    }
  });
});
