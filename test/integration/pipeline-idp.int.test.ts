/**
 * The identity provider through the whole pipeline: `idp: true` serves it under
 * <preview>/__preview/idp behind the gate, the example oauth-app (openid-client) gets its
 * OIDC_* settings from the public URL, and a test command signs in like a browser.
 */
import { describe, expect, it } from "vitest";
import { EXIT } from "../../src/errors.js";
import { type Harness, runCliCaptured, useHarness } from "./harness.js";

let h: Harness;
useHarness((created) => {
  h = created;
});

async function run(...extra: string[]) {
  const { code, stdout, stderr } = await runCliCaptured(h, [
    "run",
    "--start",
    `${process.execPath} examples/oauth-app/server.mjs`,
    "--ready",
    "/health",
    ...extra,
  ]);
  return { code, out: stdout + stderr };
}

describe("idp: true", () => {
  it("lets the app sign a user in through the preview's own identity provider", async () => {
    const { code, out } = await run(
      "--idp",
      "true",
      "--test",
      `${process.execPath} examples/oauth-app/login-test.mjs`,
    );
    expect(out).toMatch(/The mock identity provider's issuer is http:\/\/127\.0\.0\.1:\d+\/__preview\/idp/);
    // login-test.mjs (its output goes to the terminal) exits 1 on any failed check: the
    // redirect URI on the public URL, PKCE, state, alice on /me, a replayed callback refused.
    expect(out).toContain("Done: passed.");
    expect(code).toBe(EXIT.ok);
  });

  it("without it, the app has no issuer and exits at boot with a clear message", async () => {
    const { code, out } = await run("--test", "exit 0");
    expect(code).toBe(EXIT.startFailed);
    expect(out).toContain("OIDC_ISSUER is not set");
  });
});
