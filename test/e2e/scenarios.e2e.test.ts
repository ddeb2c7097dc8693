/**
 * Webhook scenarios in the action: dist/main.js boots examples/webhooks-app behind the gate
 * (verifying GitHub and Stripe signatures), sends the scenario file's signed deliveries to the
 * public URL, and reports them as outputs, JUnit XML, the job summary and annotations.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { expectNoProcessLeft, newMark } from "../helpers/processes.js";
import { FakeRunner } from "../helpers/runner.js";

const SECRETS = {
  GITHUB_WEBHOOK_SECRET: "gh-e2e-secret-value",
  STRIPE_WEBHOOK_SECRET: "whsec_e2eStripeSecretValue",
};
const INPUTS = {
  start: "node examples/webhooks-app/server.mjs",
  ready: "/health",
  "verify-webhooks":
    "github /webhooks/github GITHUB_WEBHOOK_SECRET\nstripe /webhooks/stripe STRIPE_WEBHOOK_SECRET",
};

let mark = newMark();
afterEach(async () => {
  await expectNoProcessLeft(mark.value);
  mark = newMark();
});

describe("scenarios", () => {
  it("runs the example's signed deliveries through the gate and reports them", async () => {
    const runner = new FakeRunner({ ...mark.env, ...SECRETS });
    const main = runner.main({ ...INPUTS, scenarios: "examples/webhooks-app/scenarios.yml" });
    expect((await main.exited).code).toBe(0);
    const outputs = runner.outputs();
    expect(Number(outputs.passed)).toBeGreaterThanOrEqual(4);
    expect(outputs.failed).toBe("0");
    const junit = readFileSync(outputs["junit-path"] ?? "", "utf8");
    expect(junit).toContain('<testsuite name="examples/webhooks-app/scenarios.yml"');
    expect(junit).toMatch(/<testcase [^>]*file="examples\/webhooks-app\/scenarios.yml" line="\d+"/);
    expect(junit).not.toContain("<failure");
    expect(runner.summary()).toMatch(/\| scenarios \| ok \|/);
    // The deliveries reached the app without the preview's login, and the secrets stayed out of the recording.
    const har = readFileSync(outputs["har-path"] ?? "", "utf8");
    expect(har).toContain("/webhooks/github");
    expect(har).not.toContain(SECRETS.GITHUB_WEBHOOK_SECRET);
    expect((await runner.post().exited).code).toBe(0);
  });

  it("a failing scenario fails the step with an annotation on its line", async () => {
    const runner = new FakeRunner({ ...mark.env, ...SECRETS });
    const file = path.join(runner.dir, "failing.yml");
    writeFileSync(
      file,
      [
        "scenarios:",
        "  - name: ping answered with 201",
        "    provider: github",
        "    event: ping",
        "    path: /webhooks/github",
        "    secret-env: GITHUB_WEBHOOK_SECRET",
        "    expect:",
        "      status: 201",
        "",
      ].join("\n"),
    );
    const main = runner.main({ ...INPUTS, scenarios: file });
    expect((await main.exited).code).toBe(1);
    expect(main.output()).toMatch(
      /::error title=Webhook scenario failed%3A ping answered with 201,file=[^,]*failing\.yml,line=2::status: expected 201, got 200/,
    );
    expect(main.output()).toContain("1 scenario(s) failed.");
    expect(runner.outputs().failed).toBe("1");
    expect(readFileSync(runner.outputs()["junit-path"] ?? "", "utf8")).toContain("<failure");
    expect((await runner.post().exited).code).toBe(0);
  });

  it("a malformed scenario file fails before anything starts, pointing at the line", async () => {
    const runner = new FakeRunner({ ...mark.env, ...SECRETS });
    const file = path.join(runner.dir, "broken.yml");
    writeFileSync(file, "scenarios:\n  - name: no provider\n    path: /webhooks/github\n");
    const main = runner.main({ ...INPUTS, scenarios: file });
    expect((await main.exited).code).toBe(1);
    expect(main.output()).toMatch(/::error file=[^,]*broken\.yml,line=2/);
    expect(runner.state()["run-id"]).toBeUndefined();
  });
});
