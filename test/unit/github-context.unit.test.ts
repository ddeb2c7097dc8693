import { describe, expect, it } from "vitest";
import { readPublishContext, tokenReadOnlyForFork } from "../../src/github/context.js";
import { warningLogger } from "../helpers/logger.js";

const HEAD = "a".repeat(40);
const MERGE = "b".repeat(40);
const BASE_HEAD = "c".repeat(40);

const memoryLogger = warningLogger;

const prEvent = (headRepo: string | null, extra: Record<string, unknown> = {}) => ({
  pull_request: {
    number: 42,
    head: { sha: HEAD, ref: "feature/login", repo: headRepo === null ? null : { full_name: headRepo } },
    base: { ref: "main", repo: { full_name: "octo/app" } },
    merge_commit_sha: MERGE,
    ...extra,
  },
  repository: { full_name: "octo/app", private: false },
});

function defined<T>(value: T | undefined): T {
  if (value === undefined) throw new Error("expected a context");
  return value;
}

async function context(event: unknown, env: Record<string, string>, gitHead?: string) {
  const { logger, warnings } = memoryLogger();
  const result = await readPublishContext(
    {
      GITHUB_REPOSITORY: "octo/app",
      GITHUB_EVENT_PATH: "/event.json",
      GITHUB_SHA: MERGE,
      GITHUB_SERVER_URL: "https://github.com",
      GITHUB_API_URL: "https://api.github.com",
      GITHUB_RUN_ID: "123",
      GITHUB_RUN_ATTEMPT: "1",
      ...env,
    },
    { logger, readFile: () => JSON.stringify(event), gitHead: async () => gitHead },
  );
  return { result, warnings };
}

describe("readPublishContext", () => {
  it("reads a pull_request run: PR head as the deployment ref, the test merge as what is served", async () => {
    const { result, warnings } = await context(
      prEvent("octo/app"),
      { GITHUB_EVENT_NAME: "pull_request" },
      MERGE,
    );
    expect(result).toEqual({
      eventName: "pull_request",
      repo: { owner: "octo", repo: "app" },
      serverUrl: "https://github.com",
      apiUrl: "https://api.github.com",
      pullRequest: { number: 42, headSha: HEAD, headRef: "feature/login", baseRef: "main", fromFork: false },
      sha: HEAD,
      servedSha: MERGE,
      servedIsTestMerge: true,
      ref: "feature/login",
      isPrivate: false,
      runUrl: "https://github.com/octo/app/actions/runs/123",
    });
    expect(warnings).toEqual([]);
    expect(tokenReadOnlyForFork(defined(result))).toBe(false);
  });

  it("links the run attempt and reads private repositories and Enterprise URLs", async () => {
    const event = { ...prEvent("octo/app"), repository: { private: true } };
    const { result } = await context(event, {
      GITHUB_EVENT_NAME: "pull_request",
      GITHUB_RUN_ATTEMPT: "3",
      GITHUB_SERVER_URL: "https://ghe.example.com/",
      GITHUB_API_URL: "https://ghe.example.com/api/v3/",
    });
    expect(result?.runUrl).toBe("https://ghe.example.com/octo/app/actions/runs/123/attempts/3");
    expect(result?.apiUrl).toBe("https://ghe.example.com/api/v3");
    expect(result?.isPrivate).toBe(true);
    expect(result?.servedSha).toBe(MERGE); // no git checkout: GITHUB_SHA
  });

  it("treats a missing visibility as public (the safe side)", async () => {
    const { result } = await context(
      { pull_request: prEvent("octo/app").pull_request },
      { GITHUB_EVENT_NAME: "pull_request" },
    );
    expect(result?.isPrivate).toBe(false);
  });

  it.each([
    ["another repository", "someone/app"],
    ["a deleted repository", null],
  ])("detects a fork PR whose head is in %s", async (_, headRepo) => {
    const { result } = await context(prEvent(headRepo), { GITHUB_EVENT_NAME: "pull_request" });
    expect(result?.pullRequest?.fromFork).toBe(true);
    expect(tokenReadOnlyForFork(defined(result))).toBe(true);
  });

  it("does not call the token read-only for a fork on pull_request_target (it is not)", async () => {
    const { result } = await context(
      prEvent("someone/app"),
      { GITHUB_EVENT_NAME: "pull_request_target" },
      BASE_HEAD,
    );
    expect(result?.pullRequest?.fromFork).toBe(true);
    expect(tokenReadOnlyForFork(defined(result))).toBe(false);
  });

  it("reads a push: no pull request, GITHUB_SHA as the ref", async () => {
    const { result } = await context(
      { ref: "refs/heads/main", repository: { private: false } },
      {
        GITHUB_EVENT_NAME: "push",
        GITHUB_SHA: BASE_HEAD,
        GITHUB_REF_NAME: "main",
        GITHUB_REF: "refs/heads/main",
      },
      BASE_HEAD,
    );
    expect(result?.pullRequest).toBeUndefined();
    expect(result?.sha).toBe(BASE_HEAD);
    expect(result?.servedSha).toBe(BASE_HEAD);
    expect(result?.servedIsTestMerge).toBe(false);
    expect(result?.ref).toBe("main");
  });

  it("reads workflow_dispatch without GITHUB_REF_NAME", async () => {
    const { result } = await context(
      { inputs: {} },
      { GITHUB_EVENT_NAME: "workflow_dispatch", GITHUB_REF: "refs/heads/release/1.x" },
    );
    expect(result?.pullRequest).toBeUndefined();
    expect(result?.ref).toBe("release/1.x");
    expect(result?.sha).toBe(MERGE);
  });

  it.each([
    ["head", HEAD],
    ["merge commit", MERGE],
  ])("warns loudly when pull_request_target runs with the PR's %s checked out", async (_, checkedOut) => {
    const { warnings } = await context(
      prEvent("someone/app"),
      { GITHUB_EVENT_NAME: "pull_request_target" },
      checkedOut,
    );
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^DANGER: .*"pull_request_target".*secrets/);
    expect(warnings[0]).toContain('on "pull_request" instead');
    // Never recommends the dangerous trigger.
    expect(warnings[0]).not.toMatch(/use "?pull_request_target/i);
  });

  it("does not warn on pull_request_target when the base is checked out", async () => {
    const { warnings } = await context(
      prEvent("someone/app"),
      { GITHUB_EVENT_NAME: "pull_request_target" },
      BASE_HEAD,
    );
    expect(warnings).toEqual([]);
  });

  it("is undefined outside a GitHub Actions run", async () => {
    const { result } = await context({}, { GITHUB_REPOSITORY: "" });
    expect(result).toBeUndefined();
  });

  it("warns about an unreadable event payload and carries on without a pull request", async () => {
    const { logger, warnings } = memoryLogger();
    const result = await readPublishContext(
      {
        GITHUB_REPOSITORY: "octo/app",
        GITHUB_EVENT_NAME: "pull_request",
        GITHUB_EVENT_PATH: "/nope",
        GITHUB_SHA: MERGE,
      },
      { logger, readFile: () => "{not json", gitHead: async () => undefined },
    );
    expect(result?.pullRequest).toBeUndefined();
    expect(warnings[0]).toMatch(/Could not read the event payload \/nope/);
  });
});
