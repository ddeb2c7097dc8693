/** github-allow: its grammar, the errors for bad entries, and the policy that decides. */
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.js";
import {
  type AccessFacts,
  allowWarnings,
  describeAllow,
  evaluate,
  parseAllow,
  scopeFor,
} from "../../src/gate/github-signin/allow.js";
import { githubSignInSettings, githubUrlsFromEnv } from "../../src/gate/github-signin/settings.js";

function error(raw: string): InputError {
  try {
    parseAllow(raw);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error(`parseAllow(${JSON.stringify(raw)}) did not throw`);
}

const facts = (login: string, level?: AccessFacts["level"], teams: string[] = []): AccessFacts => ({
  login,
  level,
  teams: new Set(teams),
  notes: [],
});
const context = { repo: "o/r", author: "carol" };

describe("parseAllow", () => {
  it("defaults to write and the pull request's author when empty", () => {
    for (const raw of ["", "  ", "\n"]) {
      expect(parseAllow(raw)).toEqual({ level: "write", users: [], teams: [], author: true });
    }
  });

  it("reads keywords, users and teams, one entry per line or separated by ';', with or without @", () => {
    const rules = parseAllow(
      "maintain\nusers: alice, @Bob  dave_acme\nteams: acme/reviewers, @acme/qa-team; author\n",
    );
    expect(rules).toEqual({
      level: "maintain",
      users: ["alice", "Bob", "dave_acme"],
      teams: [
        { org: "acme", slug: "reviewers" },
        { org: "acme", slug: "qa-team" },
      ],
      author: true,
    });
    expect(parseAllow("write, author")).toEqual(parseAllow("Write author"));
    // Given entries replace the default: no level, no author.
    expect(parseAllow("users: alice")).toEqual({
      level: undefined,
      users: ["alice"],
      teams: [],
      author: false,
    });
    // Repeats are kept once; the same level twice is fine.
    expect(parseAllow("users: a, A\nwrite\nwrite").users).toEqual(["A"]);
  });

  it("rejects unknown entries, naming the input and the entry, saying what is accepted", () => {
    const e = error("write, admins");
    expect(e.input).toBe("github-allow");
    expect(e.message).toContain('Input "github-allow" has an unknown entry "admins"');
    expect(e.message).toContain('to let the user in, write "users: admins"');
    expect(e.message).toContain("read, triage, write, maintain, admin");
    expect(e.message).toContain('(got "write, admins")');
    expect(error("write, @@x!").message).not.toContain("to let the user in");
  });

  it("rejects two levels, unknown lists, empty lists, bad logins and bad teams", () => {
    expect(error("write\nadmin").message).toContain("names two permission levels (write and admin)");
    expect(error("groups: a").message).toContain('unknown list "groups:"');
    expect(error("users:").message).toContain('empty "users:" list');
    expect(error("users: al/ice").message).toContain('"al/ice", which is not a GitHub login');
    expect(error("users: -alice").message).toContain("not a GitHub login");
    expect(error("teams: reviewers").message).toContain(
      '"reviewers", which is not a team: write <org>/<team-slug>',
    );
    expect(error("teams: a/b/c").message).toContain("not a team");
  });
});

describe("evaluate", () => {
  const rules = parseAllow("");

  it("lets in by level (higher included), author, listed user and team, case-insensitively", () => {
    expect(evaluate(rules, context, facts("alice", "write"))).toEqual({
      allowed: true,
      because: "write on o/r",
    });
    expect(evaluate(rules, context, facts("root", "admin"))).toEqual({
      allowed: true,
      because: "admin on o/r",
    });
    expect(evaluate(rules, context, facts("Carol", "read"))).toEqual({
      allowed: true,
      because: "author of the pull request",
    });
    const listed = parseAllow("users: Dave\nteams: Acme/QA");
    expect(evaluate(listed, context, facts("dave"))).toEqual({
      allowed: true,
      because: "listed in github-allow users",
    });
    expect(evaluate(listed, context, facts("erin", undefined, ["acme/qa"]))).toEqual({
      allowed: true,
      because: "member of Acme/QA",
    });
  });

  it('refuses with the reason, e.g. "needs write on o/r", and what was found', () => {
    expect(evaluate(parseAllow("write"), context, facts("bob", "read"))).toEqual({
      allowed: false,
      reason: "needs write on o/r; bob has read",
    });
    expect(evaluate(parseAllow("write"), context, facts("bob", undefined))).toEqual({
      allowed: false,
      reason: "needs write on o/r",
    });
    const all = parseAllow("triage\nauthor\nusers: a, b\nteams: acme/qa");
    const refused = evaluate(all, context, { ...facts("zed", "read"), notes: ["acme/qa could not be read"] });
    expect(refused).toEqual({
      allowed: false,
      reason:
        "needs triage on o/r, or to be the pull request's author, or to be a or b, or to be in acme/qa; zed has read; acme/qa could not be read",
    });
    // Without a pull request, "author" matches nobody and is not offered as a way in.
    expect(evaluate(rules, { repo: "o/r", author: undefined }, facts("carol", "read"))).toEqual({
      allowed: false,
      reason: "needs write on o/r; carol has read",
    });
  });
});

describe("scope, description, warnings and settings", () => {
  it("asks for read:org only when teams are named", () => {
    expect(scopeFor(parseAllow(""))).toBe("");
    expect(scopeFor(parseAllow("users: a"))).toBe("");
    expect(scopeFor(parseAllow("teams: acme/qa"))).toBe("read:org");
    expect(
      githubSignInSettings({
        clientId: "c",
        repository: { owner: "o", name: "r" },
        repositoryIsPublic: true,
        allow: parseAllow("write\nteams: acme/qa"),
      }).scope,
    ).toBe("read:org");
  });

  it("describes the rules for the pages", () => {
    expect(describeAllow(parseAllow(""), "o/r")).toBe("write access to o/r, or the pull request's author");
    expect(describeAllow(parseAllow("users: a, b\nteams: acme/qa"), "o/r")).toBe(
      "a, b, or members of acme/qa",
    );
  });

  it("warns that read on a public repository lets everyone in, and that author alone needs a pull request", () => {
    const target = { repo: "o/r", author: undefined, repoIsPublic: true };
    expect(allowWarnings(parseAllow("read"), target)).toEqual([
      'github-allow: "read" on a public repository lets every GitHub user in (everyone can read o/r); use "triage" or higher to keep it to collaborators.',
    ]);
    expect(allowWarnings(parseAllow("read"), { ...target, repoIsPublic: false })).toEqual([]);
    expect(allowWarnings(parseAllow("author"), target)).toEqual([
      'github-allow: "author" is the only rule, but this run has no pull request: nobody can sign in.',
    ]);
    expect(allowWarnings(parseAllow(""), target)).toEqual([]);
  });

  it("takes GitHub's URLs from GITHUB_SERVER_URL and GITHUB_API_URL (Enterprise Server), github.com otherwise", () => {
    expect(githubUrlsFromEnv({})).toEqual({
      serverUrl: "https://github.com",
      apiUrl: "https://api.github.com",
    });
    expect(
      githubUrlsFromEnv({
        GITHUB_SERVER_URL: "https://ghe.example/",
        GITHUB_API_URL: "https://ghe.example/api/v3",
      }),
    ).toEqual({ serverUrl: "https://ghe.example", apiUrl: "https://ghe.example/api/v3" });
    const settings = githubSignInSettings({
      clientId: "c",
      repository: { owner: "o", name: "r" },
      repositoryIsPublic: false,
      pullRequestAuthor: "",
    });
    expect(settings).toMatchObject({
      serverUrl: "https://github.com",
      pullRequestAuthor: undefined,
      sessionTtlMs: undefined,
      tokenCacheMs: 60_000,
      allow: { level: "write", author: true },
    });
  });
});
