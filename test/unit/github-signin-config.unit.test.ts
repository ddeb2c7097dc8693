/**
 * `auth: github` in the Config: the sign-in's settings from its inputs, the runner's
 * environment (GITHUB_REPOSITORY, GITHUB_SERVER_URL, GITHUB_API_URL) and the event payload
 * (public or not, the pull request's author); the run's own token beside it; bad input
 * reported in one error naming the inputs; the whole Config through its file and back.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildConfig } from "../../src/config/config.js";
import type { InputName } from "../../src/config/names.js";
import { deserializeConfig, serializeConfig } from "../../src/config/serialize.js";
import { configProblems } from "../helpers/config-errors.js";

const cwd = mkdtempSync(path.join(tmpdir(), "pt-signin-config-"));
const event = path.join(cwd, "event.json");
writeFileSync(
  event,
  JSON.stringify({
    repository: { full_name: "octo/app", private: true },
    pull_request: {
      number: 3,
      user: { login: "carol" },
      head: { sha: "a".repeat(40), ref: "f", repo: { full_name: "octo/app" } },
      base: { ref: "main", repo: { full_name: "octo/app" } },
    },
  }),
);
const RUNNER = {
  GITHUB_REPOSITORY: "octo/app",
  GITHUB_EVENT_PATH: event,
  GITHUB_SERVER_URL: "https://ghe.example/",
  GITHUB_API_URL: "https://ghe.example/api/v3",
};

type Inputs = Partial<Record<InputName, string>>;

function config(inputs: Inputs, env: Record<string, string> = RUNNER) {
  return buildConfig((name) => ({ start: "npm start", ...inputs })[name], { cwd, env, runDir: cwd });
}

describe("auth: github", () => {
  it("builds the sign-in from its inputs, the runner's environment and the event payload", async () => {
    const c = await config({
      auth: "github",
      "github-oauth-client-id": "Iv23liAbC.def",
      "github-allow": "maintain\nusers: @dave; teams: octo/qa",
      "github-session-ttl": "8h",
    });
    const auth = c.gate.auth;
    if (auth.mode !== "github") throw new Error(`auth is ${auth.mode}`);
    expect(auth.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(c.gate.credentialsGenerated).toBe(true);
    expect(auth.signin).toEqual({
      clientId: "Iv23liAbC.def",
      serverUrl: "https://ghe.example",
      apiUrl: "https://ghe.example/api/v3",
      repository: { owner: "octo", name: "app" },
      repositoryIsPublic: false,
      pullRequestAuthor: "carol",
      allow: { level: "maintain", users: ["dave"], teams: [{ org: "octo", slug: "qa" }], author: false },
      sessionTtlMs: 8 * 3600_000,
      tokenCacheMs: 60_000,
      scope: "read:org",
    });
  });

  it("defaults to write and the author, a session as long as the preview, github.com; takes the run's token from credentials", async () => {
    const c = await config(
      { auth: "GitHub", "github-oauth-client-id": "Ov23liClient", credentials: "run-token-given-0123" },
      { GITHUB_REPOSITORY: "octo/app" },
    );
    const auth = c.gate.auth;
    if (auth.mode !== "github") throw new Error(`auth is ${auth.mode}`);
    expect([auth.token, c.gate.credentialsGenerated]).toEqual(["run-token-given-0123", false]);
    expect(auth.signin).toMatchObject({
      serverUrl: "https://github.com",
      apiUrl: "https://api.github.com",
      // No payload: nothing says the repository is private.
      repositoryIsPublic: true,
      pullRequestAuthor: undefined,
      allow: { level: "write", users: [], teams: [], author: true },
      sessionTtlMs: undefined,
      scope: "",
    });
  });

  it("checks access on github-repository when given (the CLI outside Actions), and needs one", async () => {
    const c = await config(
      { auth: "github", "github-oauth-client-id": "Iv1.abc", "github-repository": "other/site" },
      { ...RUNNER },
    );
    if (c.gate.auth.mode !== "github") throw new Error("not github");
    // Another repository's visibility is unknown: treated as public. The PR's author still counts.
    expect(c.gate.auth.signin).toMatchObject({
      repository: { owner: "other", name: "site" },
      repositoryIsPublic: true,
      pullRequestAuthor: "carol",
    });
    expect(
      await configProblems(() => config({ auth: "github", "github-oauth-client-id": "Iv1.abc" }, {})),
    ).toEqual([
      'Input "github-repository" is needed with "auth: github" outside a GitHub Actions run (GITHUB_REPOSITORY is not set): the repository whose access decides who gets in, as "owner/name", e.g. "octo/app" (got "").',
    ]);
  });

  it("reports a missing client ID and an unknown github-allow entry together, naming the inputs", async () => {
    expect(
      await configProblems(() =>
        config({
          auth: "github",
          "github-allow": "write, maintainers",
          "github-session-ttl": "8",
          "github-repository": "octo",
          "max-body": "lots",
        }),
      ),
    ).toEqual([
      expect.stringMatching(/^Input "max-body" is not a size/),
      'Input "github-oauth-client-id" is required with "auth: github": the client ID of the GitHub App or OAuth App reviewers sign in with (device flow enabled), e.g. "Iv23liAbCdEf0123" (see the README, "Sign in with GitHub") (got "").',
      expect.stringMatching(
        /^Input "github-allow" has an unknown entry "maintainers"; to let the user in, write "users: maintainers"; accepted: /,
      ),
      'Input "github-session-ttl" is not a duration: use a number with a unit ms, s, m or h, e.g. "500ms", "90s", "2m", "1m30s"; add a unit, e.g. "8s" (got "8").',
      'Input "github-repository" must be a repository as "owner/name", e.g. "octo/app" (got "octo").',
    ]);
  });

  it("with another auth mode, needs no client ID but still checks the sign-in's inputs", async () => {
    const c = await config({ auth: "bearer", "github-allow": "triage", "github-session-ttl": "1h" });
    expect(c.gate.auth.mode).toBe("bearer");
    expect(
      await configProblems(() => config({ auth: "bearer", "github-allow": "whatever you like" })),
    ).toEqual([expect.stringMatching(/^Input "github-allow" has an unknown entry "whatever"/)]);
  });

  it("goes through the run's config file and back unchanged", async () => {
    const c = await config({ auth: "github", "github-oauth-client-id": "Iv1.abc", "github-allow": "triage" });
    expect(deserializeConfig(serializeConfig(c)).gate).toEqual(c.gate);
  });
});
