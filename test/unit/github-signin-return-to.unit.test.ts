/**
 * The page to come back to after signing in is always a path on the preview: no value of
 * "to" makes the sign-in redirect to another origin. Checked against how a browser resolves
 * the Location it would get (WHATWG URL, as Node's URL implements it).
 */
import { describe, expect, it } from "vitest";
import { safeReturnPath } from "../../src/gate/github-signin/return-to.js";
import { isSameOrigin } from "../../src/gate/request-guard.js";

const PREVIEW = "https://preview.example";

/** Where a browser on the preview goes for a Location header of this value. */
const landsOn = (location: string) => new URL(location, `${PREVIEW}/some/page`).origin;

describe("safeReturnPath", () => {
  it("keeps ordinary paths and queries, normalised", () => {
    expect(safeReturnPath("/")).toBe("/");
    expect(safeReturnPath("/deep/path?x=1&y=%2F")).toBe("/deep/path?x=1&y=%2F");
    expect(safeReturnPath("/a/./b/../c")).toBe("/a/c");
    expect(safeReturnPath("/caf\u00e9")).toBe("/caf%C3%A9");
    expect(safeReturnPath("/page#frag")).toBe("/page");
    expect(safeReturnPath("/__preview/idp/authorize?x=1")).toBe("/__preview/idp/authorize?x=1");
  });

  const attacks = [
    "//evil.example",
    "//evil.example/path",
    "/\\evil.example",
    "\\\\evil.example",
    "/\\/evil.example",
    "https://evil.example",
    "http:evil.example",
    "javascript:alert(1)",
    "data:text/html,hi",
    "evil.example",
    "/..//evil.example",
    "/./../..//evil.example",
    "/%2e%2e//evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/ /evil.example",
    "/\u0000//evil.example",
    `/${"a".repeat(3000)}`,
    "",
  ];

  const named = attacks.map((a) => [
    a.length > 40 ? `${a.slice(0, 12)}... (${a.length} characters)` : JSON.stringify(a),
    a,
  ]);
  it.each(named)("turns %s into a same-origin path", (_, raw) => {
    const path = safeReturnPath(raw);
    expect(path.startsWith("/")).toBe(true);
    expect(path.startsWith("//")).toBe(false);
    expect(landsOn(path)).toBe(PREVIEW);
  });

  it("never sends the browser back into the sign-in itself", () => {
    for (const raw of ["/__preview/signin", "/__preview/signin/continue?to=/x", "/__preview/logout"]) {
      expect(safeReturnPath(raw)).toBe("/");
    }
    expect(safeReturnPath(null)).toBe("/");
    expect(safeReturnPath(undefined)).toBe("/");
  });
});

describe("isSameOrigin (state-changing POSTs)", () => {
  const host = "preview.example";
  it("accepts Sec-Fetch-Site: same-origin and an Origin of the preview", () => {
    expect(isSameOrigin({ host, "sec-fetch-site": "same-origin", origin: PREVIEW }, PREVIEW)).toBe(true);
    expect(isSameOrigin({ host, "sec-fetch-site": "same-origin" }, undefined)).toBe(true);
    // A browser's own form under a no-referrer policy: Origin "null", but the fetch metadata says same-origin.
    expect(isSameOrigin({ host, "sec-fetch-site": "same-origin", origin: "null" }, PREVIEW)).toBe(true);
    expect(isSameOrigin({ host, origin: PREVIEW }, undefined)).toBe(true);
    expect(isSameOrigin({ host: "127.0.0.1:8080", origin: "http://127.0.0.1:8080" }, PREVIEW)).toBe(true);
  });

  it("refuses other sites, sibling subdomains, opaque origins and requests that say nothing", () => {
    expect(
      isSameOrigin({ host, "sec-fetch-site": "cross-site", origin: "https://evil.example" }, PREVIEW),
    ).toBe(false);
    expect(isSameOrigin({ host, "sec-fetch-site": "same-site", origin: "https://x.example" }, PREVIEW)).toBe(
      false,
    );
    expect(isSameOrigin({ host, origin: "https://evil.example" }, PREVIEW)).toBe(false);
    expect(isSameOrigin({ host, origin: "null" }, PREVIEW)).toBe(false);
    expect(isSameOrigin({ host }, PREVIEW)).toBe(false);
    expect(isSameOrigin({ host, "sec-fetch-site": "none" }, PREVIEW)).toBe(false);
  });
});
