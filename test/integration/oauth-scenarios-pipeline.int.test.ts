/**
 * OAuth scenarios through the whole pipeline: the example oauth-app (openid-client) behind
 * the gate, the preview's own identity provider (`idp: true`), and `scenarios:` files that
 * drive the login like a browser. The example's scenarios all pass; a wrong expectation and
 * the classic localhost redirect URI fail with file, line, expected and actual.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EXIT } from "../../src/errors.js";
import { junitTestcase } from "../helpers/junit.js";
import { type Harness, runCliCaptured, useHarness } from "./harness.js";

let h: Harness;
useHarness((created) => {
  h = created;
});

const APP = `${process.execPath} examples/oauth-app/server.mjs`;

async function run(start: string, scenarios: string) {
  const junit = path.join(h.tempDir, "junit.xml");
  const { code, stdout, stderr } = await runCliCaptured(h, [
    "run",
    "--start",
    start,
    "--ready",
    "/health",
    "--idp",
    "true",
    "--scenarios",
    scenarios,
    "--junit-path",
    junit,
  ]);
  return { code, out: stdout + stderr, junit: readFileSync(junit, "utf8") };
}

describe("OAuth scenarios through the pipeline", () => {
  it("the example's login, denied consent, replayed callback and wrong state all pass", async () => {
    const { code, out, junit } = await run(APP, "examples/oauth-app/scenarios.yml");
    expect(out).toContain("Scenarios: 4 passed, 0 failed");
    for (const [name, line] of [
      ["alice signs in", 11],
      ["denied consent signs nobody in", 24],
      ["a replayed callback is refused", 35],
      ["a callback with a wrong state is refused", 45],
    ] as const) {
      expect(out).toContain(`scenario passed: ${name} (oauth, examples/oauth-app/scenarios.yml:${line})`);
      expect(junit).toMatch(
        new RegExp(
          `<testcase name="${name}" classname="oauth\\.[\\w.@-]+" file="examples/oauth-app/scenarios.yml" line="${line}" time="[\\d.]+"/>`,
        ),
      );
    }
    expect(junit).toContain('failures="0" errors="0"');
    expect(code).toBe(EXIT.ok);
  });

  it("a wrong expectation fails with the scenario's line, expected and actual", async () => {
    const file = path.join(h.tempDir, "wrong-user.yml");
    writeFileSync(
      file,
      [
        "scenarios:",
        "  - name: alice signs in",
        "    oauth: { user: alice, check: /me }",
        "    expect:",
        "      json: { $.sub: alice }",
        "  - name: expects bob",
        "    oauth:",
        "      user: alice",
        "      check: /me",
        "    expect:",
        "      json:",
        "        $.sub: bob",
        "",
      ].join("\n"),
    );
    const { code, out, junit } = await run(APP, file);
    expect(out).toContain("Scenarios: 1 passed, 1 failed");
    expect(out).toMatch(
      /scenario FAILED: expects bob \(oauth, \/.*wrong-user\.yml:6\): GET \/me: JSON \$\.sub: expected "bob", got "alice"/,
    );
    const failed = junitTestcase(junit, "expects bob");
    expect(failed).toMatch(/ line="6"/);
    expect(failed).toContain(
      '<failure message="GET /me: JSON $.sub: expected &quot;bob&quot;, got &quot;alice&quot;" type="ExpectationFailed">',
    );
    // The failure lists each request of the login.
    expect(failed).toMatch(/start: GET \/login -&gt; 302 \/__preview\/idp\/authorize\?/);
    expect(failed).toMatch(/check: GET \/me -&gt; 200/);
    expect(code).toBe(EXIT.testFailed);
  });

  it("reports the classic bug, a localhost redirect URI, without sending it to the provider", async () => {
    const { code, out, junit } = await run(
      // The app told to build its redirect URI from where it listens, not the public URL.
      `OIDC_REDIRECT_URI=http://localhost:$PORT/auth/callback ${APP}`,
      "examples/oauth-app/scenarios.yml",
    );
    expect(out).toContain("Scenarios: 0 passed, 4 failed");
    expect(out).toMatch(
      /scenario FAILED: alice signs in \(oauth, examples\/oauth-app\/scenarios\.yml:11\): redirect_uri: expected on the public URL, http:\/\/127\.0\.0\.1:\d+\/auth\/callback, got http:\/\/localhost:\d+\/auth\/callback: a localhost redirect URI \(the classic bug/,
    );
    expect(junitTestcase(junit, "alice signs in")).toContain("from OIDC_REDIRECT_URI");
    expect(code).toBe(EXIT.testFailed);
  });
});
