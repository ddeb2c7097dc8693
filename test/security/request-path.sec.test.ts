/** The gate's one path check (src/gate/request-path.ts) against a table of hostile paths. */
import { describe, expect, it } from "vitest";
import { isUnder, requestPath } from "../../src/gate/request-path.js";

const DOT = /"\." or "\.\." segments/;
const ENCODED = /encoded \/, \\ or NUL/;
const DOUBLE = /double-encoded/;
const BAD = /invalid percent-encoding/;

const REFUSED: [string, RegExp][] = [
  ["/hooks/github/../../admin", DOT],
  ["/hooks/github/%2e%2e/%2e%2e/admin", DOT],
  ["/hooks/github/%2E%2e/admin", DOT],
  ["/hooks/github/.%2E/admin", DOT],
  ["/hooks/github/%2e/admin", DOT],
  ["/hooks/github/./admin", DOT],
  ["/hooks/github/..", DOT],
  ["/hooks/github/.", DOT],
  ["/../admin", DOT],
  // Tomcat and Spring drop ";..." before resolving dot segments.
  ["/hooks/github/..;/admin", DOT],
  ["/hooks/github/..;jsessionid=1/admin", DOT],
  ["/hooks/github/%2e%2e%3b/admin", DOT],
  ["/hooks/github/..%2fadmin", ENCODED],
  ["/hooks/github%2F..%2Fadmin", ENCODED],
  ["/hooks/github%2fadmin", ENCODED],
  ["/hooks/github/..%5cadmin", ENCODED],
  ["/hooks/github/%5C", ENCODED],
  ["/hooks/github/%00", ENCODED],
  ["/hooks/github/..\\admin", /backslash/],
  ["/hooks/github\\x", /backslash/],
  ["/hooks/%252e%252e/admin", DOUBLE],
  ["/hooks/github/%252E%252E/%252E%252E/admin", DOUBLE],
  ["/hooks/github%252fadmin", DOUBLE],
  ["/hooks/%255c", DOUBLE],
  ["/hooks/%2525", DOUBLE],
  ["/hooks/%2500", DOUBLE],
  ["/hooks/%zz", BAD],
  ["/hooks/%2", BAD],
  ["/hooks/%", BAD],
  ["/hooks/%g0", BAD],
  // Overlong UTF-8 for "." (old decoders turned it into a dot).
  ["/hooks/github/%c0%ae%c0%ae/admin", BAD],
  ["/hooks/%ff", BAD],
  ["//hooks/github", /must not start with \/\//],
  ["//evil.example/x", /must not start with \/\//],
  ["http://evil.example/hooks/github", /must be a path starting with \//],
  ["hooks/github", /must be a path starting with \//],
  ["", /must be a path starting with \//],
  ["/a#b", /fragment/],
  ["/a%0d%0aSet-Cookie:%20x=1", /control characters/],
  ["/a%09b", /control characters/],
  ["/a%7f", /control characters/],
];

const ACCEPTED: [string, string][] = [
  ["/", "/"],
  ["/hooks/github", "/hooks/github"],
  ["/hooks/github/push", "/hooks/github/push"],
  ["/__preview/idp/.well-known/openid-configuration", "/__preview/idp/.well-known/openid-configuration"],
  ["/a..b/c.d/.../..x/x..", "/a..b/c.d/.../..x/x.."],
  ["/hooks/%67ithub", "/hooks/github"],
  ["/hooks/GitHub%20x", "/hooks/GitHub x"],
  ["/caf%C3%A9", "/café"],
  ["/search/100%25", "/search/100%"],
  ["/search/100%25off", "/search/100%off"],
  ["/a//b", "/a//b"],
  ["/hooks/github;x", "/hooks/github;x"],
  ["/HOOKS/github", "/HOOKS/github"],
  // Full-width dots are not dot segments (no common server folds them to ".").
  ["/%EF%BC%8E%EF%BC%8E/admin", "/\uff0e\uff0e/admin"],
  ["*", "*"],
];

describe("requestPath", () => {
  for (const [path, why] of REFUSED) {
    it(`refuses ${JSON.stringify(path)}`, () => {
      const verdict = requestPath(path);
      expect(typeof verdict).toBe("object");
      expect((verdict as { refused: string }).refused).toMatch(why);
    });
  }
  for (const [path, decoded] of ACCEPTED) {
    it(`accepts ${JSON.stringify(path)} as ${JSON.stringify(decoded)}`, () => {
      expect(requestPath(path)).toBe(decoded);
    });
  }
  it("returns a plain path as the same string (no allocation on the hot path)", () => {
    const path = `/api/items/${Math.random()}`;
    expect(Object.is(requestPath(path), path)).toBe(true);
  });
});

describe("isUnder", () => {
  const CASES: [string, string, boolean][] = [
    ["/hooks/github", "/hooks/github", true],
    ["/hooks/github/x", "/hooks/github", true],
    ["/hooks/github/", "/hooks/github", true],
    ["/hooks/githubx", "/hooks/github", false],
    ["/hooks/github;x", "/hooks/github", false],
    ["/HOOKS/github", "/hooks/github", false],
    ["/hooks", "/hooks/github", false],
    ["/anything", "/", true],
  ];
  for (const [path, prefix, under] of CASES) {
    it(`${path} ${under ? "is" : "is not"} under ${prefix}`, () => {
      expect(isUnder(path, prefix)).toBe(under);
    });
  }
});
