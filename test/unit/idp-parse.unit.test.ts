import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { IDP_INPUTS, type IdpInputName } from "../../src/config/inputs/idp.js";
import { parseRedirectPaths } from "../../src/config/parse/idp.js";
import { parseIdpSettings } from "../../src/config/parts.js";
import { parseIdpUsers } from "../../src/config/resolve/idp.js";
import { configProblems } from "../helpers/config-errors.js";

const dir = mkdtempSync(path.join(tmpdir(), "idp-parse-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const parse = (inputs: Partial<Record<IdpInputName, string>>) =>
  parseIdpSettings((name) => inputs[name], { cwd: dir });

function problems(inputs: Partial<Record<IdpInputName, string>>): Promise<string[]> {
  return configProblems(() => parse(inputs));
}

describe("identity provider inputs", () => {
  it("applies the documented defaults", async () => {
    expect(await parse({})).toEqual({
      enabled: false,
      users: [{ sub: "alice", email: "alice@example.com", name: "Alice Example" }],
      requirePkce: true,
      envPrefix: "OIDC_",
      redirectPaths: ["/auth/callback"],
      clientId: "preview-app",
    });
    expect(IDP_INPUTS.idp.default).toBe("false");
    expect(IDP_INPUTS["idp-redirect-paths"].default).toBe("/auth/callback");
  });

  it("reads every input", async () => {
    expect(
      await parse({
        idp: "yes",
        "idp-users":
          "- sub: bob\n  email: bob@example.com\n  name: Bob\n  groups: [dev, ops]\n  email_verified: false\n- sub: carol",
        "idp-require-pkce": "FALSE",
        "idp-env-prefix": " AUTH_ ",
        "idp-redirect-paths": "/auth/callback, /api/auth/callback/oidc\n/cb?provider=preview\n/auth/callback",
        "idp-client-id": "my.app~1",
      }),
    ).toEqual({
      enabled: true,
      users: [
        {
          sub: "bob",
          email: "bob@example.com",
          name: "Bob",
          claims: { groups: ["dev", "ops"], email_verified: false },
        },
        { sub: "carol" },
      ],
      requirePkce: false,
      envPrefix: "AUTH_",
      redirectPaths: ["/auth/callback", "/api/auth/callback/oidc", "/cb?provider=preview"],
      clientId: "my.app~1",
    });
  });

  it("reads users as JSON, as {users: [...]}, and from a file relative to the workspace", async () => {
    expect(await parseIdpUsers("idp-users", '[{"sub":"x","roles":["a"]}]')).toEqual([
      { sub: "x", claims: { roles: ["a"] } },
    ]);
    expect(await parseIdpUsers("idp-users", "users:\n  - sub: y")).toEqual([{ sub: "y" }]);
    writeFileSync(path.join(dir, "users.yml"), "- sub: from-file\n  email: f@example.com\n");
    expect((await parse({ "idp-users": "users.yml" })).users).toEqual([
      { sub: "from-file", email: "f@example.com" },
    ]);
  });

  it("reports every bad input at once", async () => {
    expect(await problems({ idp: "maybe", "idp-require-pkce": "sure", "idp-client-id": "a b" })).toHaveLength(
      3,
    );
  });

  it.each([
    [{ idp: "on" }, /^Input "idp" must be true or false .*\(got "on"\)\.$/],
    [{ "idp-require-pkce": "2" }, /^Input "idp-require-pkce" must be true or false .*\(got "2"\)\.$/],
    [
      { "idp-client-id": "my app" },
      /^Input "idp-client-id" must be 1 to 128 letters, digits, .*"preview-app".*\(got "my app"\)\.$/,
    ],
    [{ "idp-client-id": "x".repeat(129) }, /^Input "idp-client-id" must be 1 to 128/],
    [
      { "idp-env-prefix": "1OIDC_" },
      /^Input "idp-env-prefix" must be the start of an environment variable name.*"OIDC_".*\(got "1OIDC_"\)\.$/,
    ],
    [{ "idp-env-prefix": "OIDC-" }, /^Input "idp-env-prefix" must be the start/],
    [
      { "idp-redirect-paths": "auth/callback" },
      /^Input "idp-redirect-paths" has "auth\/callback", which is not a path: each must start with a single "\/".*\(got "auth\/callback"\)\.$/,
    ],
    [
      { "idp-redirect-paths": "https://evil.example/cb" },
      /^Input "idp-redirect-paths" has "https:\/\/evil.example\/cb", which is not a path/,
    ],
    [{ "idp-redirect-paths": "//evil.example/cb" }, /which is not a path/],
    [{ "idp-redirect-paths": "/cb#x" }, /which is not a path/],
    [
      { "idp-redirect-paths": "/a/../cb" },
      /^Input "idp-redirect-paths" has "\/a\/..\/cb", which is not in normal form \(it would be sent as "\/cb"\)/,
    ],
    [
      { "idp-redirect-paths": " , \n" },
      /^Input "idp-redirect-paths" must list at least one path, e.g. "\/auth\/callback"/,
    ],
  ])("rejects %j, naming the input, the value and what is accepted", async (inputs, message) => {
    const found = await problems(inputs);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(message);
  });
});

describe("idp-users", () => {
  const usersProblem = async (raw: string) => {
    const found = await problems({ "idp-users": raw });
    expect(found).toHaveLength(1);
    return found[0] as string;
  };

  it.each([
    [
      "not YAML",
      "- sub: [unclosed",
      /^Input "idp-users" is not valid YAML or JSON: .+\(got "- sub: \[unclosed"\)\.$/,
    ],
    [
      "not a list",
      '{"sub": "alice"}',
      /must be a YAML or JSON list of users, each with at least "sub", e\.g\./,
    ],
    ["an empty list", "[]", /must list at least one user/],
    [
      "an entry that is no mapping",
      "- alice",
      /has entry #1 that is not a mapping of claims with "sub".*\(got "\\"alice\\""\)/,
    ],
    [
      "a user without sub",
      "- email: a@example.com",
      /has user #1 without "sub" as text .*quote numbers.*\(got "\{\\"email\\":\\"a@example.com\\"\}"\)/,
    ],
    ["a numeric sub", "- sub: 42", /has user #1 without "sub" as text/],
    [
      "a sub with spaces",
      "- sub: alice smith",
      /has user #1 whose "sub" is not 1 to 255 printable ASCII characters/,
    ],
    ["a sub of 256 characters", `- sub: ${"x".repeat(256)}`, /is not 1 to 255/],
    [
      "the reserved sub deny",
      "- sub: deny",
      /has user #1 with sub "deny", which is reserved: login_hint=deny refuses the login/,
    ],
    [
      "a bad email",
      "- sub: a\n- sub: b\n  email: nope",
      /has user #2 whose "email" is not an address like "bob@example.com"/,
    ],
    ["a name that is no text", "- sub: a\n  name: [A]", /has user #1 whose "name" is not text/],
    [
      "a reserved claim",
      "- sub: a\n  aud: other",
      /has user #1 with the claim "aud", which the provider sets itself \(reserved: iss, aud,/,
    ],
    [
      "a duplicate sub",
      "- sub: a\n- sub: b\n- sub: a",
      /has users #1 and #3 with the same sub "a"; subs must be unique/,
    ],
    [
      "a duplicate email",
      "- sub: a\n  email: A@x.io\n- sub: b\n  email: a@X.io",
      /has users #1 and #2 with the same email "a@X.io"/,
    ],
  ])("rejects %s", async (_name, raw, message) => {
    expect(await usersProblem(raw)).toMatch(message);
  });

  it("names a missing file and the path it looked at", async () => {
    expect(await usersProblem("missing.yml")).toBe(
      `Input "idp-users" must be YAML or JSON listing the test users, or the path of such a file (${path.join(dir, "missing.yml")} does not exist) (got "missing.yml").`,
    );
  });

  it("says which file a problem is in", async () => {
    writeFileSync(path.join(dir, "bad.yml"), "- sub: deny\n");
    expect(await usersProblem("bad.yml")).toMatch(
      new RegExp(`reserved: login_hint=deny refuses the login \\(in ${path.join(dir, "bad.yml")}\\)`),
    );
  });

  it("shortens a long value in the message", async () => {
    const raw = `- sub: a\n  aud: ${"x".repeat(500)}`;
    expect((await usersProblem(raw)).length).toBeLessThan(400);
  });
});

describe("idp-redirect-paths", () => {
  it("splits on commas and new lines and drops duplicates", () => {
    expect(parseRedirectPaths("idp-redirect-paths", "/a,/b\r\n/a\n\n /c ")).toEqual(["/a", "/b", "/c"]);
  });
});
