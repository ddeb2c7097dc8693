/**
 * The github-webhook inputs in buildConfig: the hook's settings with a secret made once, given
 * to the app and to the gate's verification, named as secrets and kept through the run's config
 * file; and every bad input (unknown events, no token, no repository, a path or variable that
 * clashes, expect-deliveries without the hook or its events) as one problem naming the input.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildConfig } from "../../src/config/config.js";
import type { InputName } from "../../src/config/names.js";
import { ScenarioInputError } from "../../src/config/resolve/scenarios.js";
import { configSecrets } from "../../src/config/secrets.js";
import { deserializeConfig, serializeConfig } from "../../src/config/serialize.js";
import { ConfigError } from "../../src/errors.js";
import { configProblems } from "../helpers/config-errors.js";

const cwd = mkdtempSync(path.join(tmpdir(), "pt-config-hook-"));
const ENV = { GITHUB_REPOSITORY: "octo/app", OTHER_SECRET: "another webhook secret" };
const HOOK = { "github-webhook": "push, pull_request", "github-webhook-token": "github_pat_0123456789" };

function config(inputs: Partial<Record<InputName, string>>, env: Record<string, string> = ENV) {
  return buildConfig((name) => ({ start: "npm start", ...inputs })[name], { cwd, env, runDir: cwd });
}

const problems = (inputs: Partial<Record<InputName, string>>, env?: Record<string, string>) =>
  configProblems(() => config(inputs, env));

function scenarioFile(name: string, text: string): string {
  const file = path.join(cwd, name);
  writeFileSync(file, text);
  return file;
}

const EXPECT_PUSH = [
  "scenarios:",
  "  - name: pushed",
  "    expect-deliveries:",
  "      events: [push, pull_request.synchronize]",
  "",
].join("\n");

describe("github-webhook in the Config", () => {
  it("is off without events", async () => {
    const c = await config({ "github-webhook-token": "github_pat_0123456789" });
    expect(c.githubWebhook).toBeUndefined();
    expect(c.gate.webhooks).toEqual([]);
    expect(c.services[0]?.env).toEqual({});
  });

  it("makes a secret once, gives it to the app and the gate, names it and the token as secrets", async () => {
    const c = await config({
      ...HOOK,
      "github-webhook": "push,\npull_request push",
      "github-webhook-path": "/hooks/gh/",
      "github-webhook-secret-env": "HOOK_SECRET",
      "comment-key": "docs",
      env: "A=1",
    });
    const hook = c.githubWebhook;
    expect(hook).toMatchObject({
      events: ["push", "pull_request"],
      path: "/hooks/gh",
      token: "github_pat_0123456789",
      secretEnv: "HOOK_SECRET",
      key: "docs",
    });
    expect(hook?.secret).toMatch(/^[0-9a-f]{64}$/);
    expect(c.services[0]?.env).toEqual({ A: "1", HOOK_SECRET: hook?.secret });
    expect(c.gate.webhooks).toEqual([
      { provider: "github", pathPrefix: "/hooks/gh", secretEnv: "HOOK_SECRET", secret: hook?.secret },
    ]);
    const named = configSecrets(c, ENV).map((s) => s.value);
    expect(named).toContain(hook?.secret);
    expect(named).toContain("github_pat_0123456789");
    // Built once: the supervisor and the post step read the same secret and token back.
    expect(deserializeConfig(serializeConfig(c)).githubWebhook).toEqual(hook);
    // Each run its own.
    expect((await config(HOOK)).githubWebhook?.secret).not.toBe(hook?.secret);
  });

  it("keeps verify-webhooks rules for other paths, and takes * and every event GitHub sends", async () => {
    const c = await config({
      ...HOOK,
      "github-webhook": "*, secret_scanning_alert",
      "verify-webhooks": "github /webhooks OTHER_SECRET",
    });
    expect(c.githubWebhook?.events).toEqual(["*", "secret_scanning_alert"]);
    expect(c.gate.webhooks.map((r) => [r.pathPrefix, r.secretEnv])).toEqual([
      ["/webhooks", "OTHER_SECRET"],
      ["/webhooks/github", "GITHUB_WEBHOOK_SECRET"],
    ]);
  });

  it("lets scenarios sign for the hook's path with its secret, and expect-deliveries read it", async () => {
    const file = scenarioFile(
      "signed.yml",
      [
        "scenarios:",
        "  - name: a signed push",
        "    provider: github",
        "    event: push",
        "    path: /webhooks/github",
        "    secret-env: GITHUB_WEBHOOK_SECRET",
        "",
      ].join("\n") + EXPECT_PUSH.replace("scenarios:\n", ""),
    );
    const c = await config({ ...HOOK, scenarios: file });
    expect(c.scenarios.scenarios.map((s) => s.name)).toEqual(["a signed push", "pushed"]);
  });
});

describe("github-webhook: bad input", () => {
  it.each<[string, Partial<Record<InputName, string>>, RegExp]>([
    [
      "an event GitHub does not send",
      { ...HOOK, "github-webhook": "push, pul_request" },
      /^Input "github-webhook" is not a GitHub event; did you mean "pull_request"\? \(GitHub's events are listed at https:\/\/docs\.github\.com\/en\/webhooks\/webhook-events-and-payloads\) \(got "pul_request"\)\.$/,
    ],
    [
      "an action instead of an event",
      { ...HOOK, "github-webhook": "push, pull_request.opened" },
      /^Input "github-webhook" subscribes to events, not actions: write "pull_request" instead of "pull_request\.opened"/,
    ],
    [
      "a name that is no event name",
      { ...HOOK, "github-webhook": "Push" },
      /^Input "github-webhook" must list GitHub event names \(lower case, .*"Push" is not one/,
    ],
    [
      "no token",
      { "github-webhook": "push" },
      /^Input "github-webhook-token" is required when github-webhook is set: .*Webhooks: write; the workflow's GITHUB_TOKEN cannot manage webhooks/,
    ],
    [
      "a path that is not one",
      { ...HOOK, "github-webhook-path": "webhooks/github" },
      /^Input "github-webhook-path" must be a path starting with "\/"/,
    ],
    [
      "a path the gate reserves",
      { ...HOOK, "github-webhook-path": "/__preview/hooks" },
      /^Input "github-webhook-path" must be a path outside \/__preview\//,
    ],
    [
      "a variable name that is not one",
      { ...HOOK, "github-webhook-secret-env": "1SECRET" },
      /^Input "github-webhook-secret-env" must be the name of an environment variable/,
    ],
    [
      "a path verify-webhooks verifies with another secret",
      { ...HOOK, "verify-webhooks": "github /webhooks/github/ OTHER_SECRET" },
      /^Input "github-webhook-path" is also a verify-webhooks path \(github \/webhooks\/github OTHER_SECRET\); .*remove that verify-webhooks line or choose another github-webhook-path/,
    ],
    [
      "a variable the env input sets too",
      { ...HOOK, env: "GITHUB_WEBHOOK_SECRET=mine" },
      /^Input "github-webhook-secret-env" names a variable that input "env" sets too/,
    ],
  ])("rejects %s", async (_label, inputs, message) => {
    const found = await problems(inputs);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(message);
  });

  it("needs the repository the hook is made in", async () => {
    expect(await problems(HOOK, {})).toEqual([
      'Input "github-webhook" needs the repository to make the webhook in: GITHUB_REPOSITORY (owner/name), which GitHub Actions sets, is not set; outside Actions set it yourself (got "push, pull_request").',
    ]);
  });

  it("reports every problem of the hook at once, in the inputs' order", async () => {
    const found = await problems({ "github-webhook": "push, isues", "github-webhook-secret-env": "A-B" });
    expect(found.map((m) => /Input "([^"]+)"/.exec(m)?.[1])).toEqual([
      "github-webhook",
      "github-webhook-token",
      "github-webhook-secret-env",
    ]);
    expect(found[0]).toContain('did you mean "issues"?');
  });

  it("expect-deliveries without github-webhook is an error at the scenario's line", async () => {
    const file = scenarioFile("expect.yml", EXPECT_PUSH);
    const error = await config({ scenarios: file }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    const [problem, ...rest] = (error as ConfigError).problems;
    expect(rest).toEqual([]);
    expect(problem).toBeInstanceOf(ScenarioInputError);
    expect((problem as ScenarioInputError).location).toMatchObject({ file: "expect.yml", line: 2 });
    expect(problem?.message).toMatch(
      /^Input "scenarios": expect\.yml:2:\d+: scenario "pushed": expect-deliveries reads what GitHub delivered to the run's temporary webhook, and this run makes none: set github-webhook/,
    );
  });

  it("expect-deliveries naming an event the hook does not get is an error", async () => {
    const file = scenarioFile("unsubscribed.yml", EXPECT_PUSH);
    expect(await problems({ ...HOOK, "github-webhook": "push", scenarios: file })).toEqual([
      expect.stringMatching(
        /scenario "pushed": expect-deliveries names pull_request\.synchronize, but github-webhook does not subscribe to pull_request \(it lists push\): add it to github-webhook/,
      ),
    ]);
    await expect(config({ ...HOOK, "github-webhook": "*", scenarios: file })).resolves.toBeDefined();
  });
});
