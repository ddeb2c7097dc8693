import { describe, expect, it } from "vitest";
import {
  COMMENT_LIMIT,
  type CommentView,
  commentMarker,
  cutMiddle,
  renderComment,
} from "../../src/github/comment-body.js";

const SHA = "0123456789abcdef0123456789abcdef01234567";
const bytes = (text: string) => Buffer.byteLength(text, "utf8");

function view(overrides: Partial<CommentView> = {}): CommentView {
  return {
    key: "preview",
    phase: "live",
    url: "https://abc.trycloudflare.com",
    provider: "cloudflared",
    tests: undefined,
    failure: undefined,
    stoppedAt: undefined,
    updatedAt: new Date("2026-05-01T12:34:56Z"),
    serverUrl: "https://github.com",
    repo: { owner: "octo", repo: "app" },
    servedSha: SHA,
    merge: undefined,
    runUrl: "https://github.com/octo/app/actions/runs/99",
    signIn: undefined,
    isPrivate: false,
    ...overrides,
  };
}

describe("renderComment", () => {
  it("starts with the marker and shows URL, commit, tunnel and run", () => {
    const body = renderComment(view());
    expect(body.startsWith(`${commentMarker("preview")}\n`)).toBe(true);
    expect(body).toContain("### 🟢 Preview is live");
    expect(body).toContain("| **URL** | [https://abc.trycloudflare.com/](https://abc.trycloudflare.com/) |");
    expect(body).toContain(`| **Commit** | [\`0123456\`](https://github.com/octo/app/commit/${SHA}) |`);
    expect(body).toContain("| **Tunnel** | `cloudflared` |");
    expect(body).toContain("[workflow run](https://github.com/octo/app/actions/runs/99)");
    expect(body).toContain("Updated 2026-05-01 12:34 UTC");
  });

  it("shows each status", () => {
    expect(renderComment(view({ phase: "starting", url: undefined }))).toContain("### ⏳ Preview starting");
    expect(renderComment(view({ tests: { passed: 3, total: 3 } }))).toContain("✅ tests passed 3 of 3");
    expect(renderComment(view({ tests: { passed: 1, total: 3 } }))).toContain(
      "❌ tests failed: 1 of 3 passed",
    );
    expect(renderComment(view({ phase: "failed", failure: "boom" }))).toContain("### ❌ Preview failed");
    const stopped = renderComment(view({ phase: "stopped", stoppedAt: new Date("2026-05-01T13:00:00Z") }));
    expect(stopped).toContain("### ⚪ Preview stopped at 2026-05-01 13:00 UTC");
    expect(stopped).toContain("`https://abc.trycloudflare.com/` (no longer reachable)");
    expect(renderComment(view({ phase: "stopped", failure: "boom", stoppedAt: new Date(0) }))).toContain(
      "### ❌ Preview failed, stopped at 1970-01-01 00:00 UTC",
    );
  });

  it("names the test merge when that is what is served", () => {
    const body = renderComment(view({ merge: { headSha: "f".repeat(40), baseRef: "main" } }));
    expect(body).toContain("(GitHub's test merge of [`fffffff`]");
    expect(body).toContain("into `main`)");
  });

  it("never puts a one-click login link into a public repository's comment", () => {
    const signIn = {
      method: "HTTP basic auth, user `preview`",
      oneClickUrl: "https://x.example/__login?t=SECRET",
    };
    const body = renderComment(view({ signIn, isPrivate: false }));
    expect(body).not.toContain("SECRET");
    expect(body).toContain("**Signing in:** HTTP basic auth, user `preview`.");
    expect(body).toContain("this repository is public");
    expect(body).toContain("Ask the pull request's author or a maintainer");
  });

  it("may include the one-click link on a private repository", () => {
    const signIn = {
      method: "mock login",
      where: "the secret `PREVIEW_PASSWORD`",
      oneClickUrl: "https://x.example/__login?t=SECRET",
    };
    const body = renderComment(view({ signIn, isPrivate: true }));
    expect(body).toContain("[Sign in with one click](https://x.example/__login?t=SECRET)");
    expect(body).toContain("They are in the secret `PREVIEW_PASSWORD`.");
    expect(body).not.toContain("this repository is public");
  });

  it("keeps caller text from breaking out of the table, the marker or links", () => {
    const body = renderComment(
      view({
        provider: "evil | <!-- x --> `tick`\nnext",
        url: "https://host.example/a|b(c)<d>",
        signIn: { method: "<script>alert(1)</script>" },
      }),
    );
    expect(body).toContain("| **Tunnel** | `evil \\| &lt;!-- x --&gt; 'tick' next` |");
    expect(body).toContain("(https://host.example/a%7Cb%28c%29%3Cd%3E)");
    expect(body).toContain("&lt;script&gt;");
    expect(body.match(/<!--/g)).toHaveLength(1);
    expect(renderComment(view({ url: "javascript:alert(1)" }))).not.toContain("javascript:");
  });

  it("stays under 65,536 characters with very long content, keeping both ends of the failure in an intact fence", () => {
    const lines = Array.from({ length: 40_000 }, (_, i) => `line ${i} ✓ \`\`\`\` ünïcødé 🚀`);
    const failure = `The app exited with code 1 before it was ready.\n${lines.join("\n")}\nFATAL: the real error`;
    const body = renderComment(
      view({
        phase: "failed",
        failure,
        provider: "p".repeat(100_000),
        signIn: { method: "m".repeat(100_000), where: "w".repeat(100_000) },
      }),
    );
    expect(bytes(failure)).toBeGreaterThan(1_000_000);
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(bytes(body)).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(bytes(body)).toBeGreaterThan(COMMENT_LIMIT - 2000); // uses the room, not a stub
    expect(body).toContain("The app exited with code 1 before it was ready.");
    expect(body).toContain("FATAL: the real error");
    expect(body).toMatch(/\*\d+ characters were cut from the middle; the run's log has all of it\.\*/);
    // The fence is longer than the backtick runs inside and is closed before </details>.
    const fence = "`````";
    const open = body.indexOf(`\n${fence}text\n`);
    const close = body.indexOf(`\n${fence}\n`, open + 1);
    expect(open).toBeGreaterThan(0);
    expect(close).toBeGreaterThan(open);
    expect(close).toBeLessThan(body.indexOf("</details>"));
    expect(body.slice(open + 1 + fence.length, close)).not.toMatch(/`{5}/); // nothing inside closes it early
    expect(body).not.toContain("\uFFFD"); // no character cut in half
    expect(body.trimEnd().endsWith("</sub>")).toBe(true);
  });

  it("links the live inspector while the preview is up, and drops the link once it stopped", () => {
    const inspectorUrl = "https://abc.trycloudflare.com/__preview/inspect";
    const row =
      "| **Requests** | [live inspector](https://abc.trycloudflare.com/__preview/inspect) (same sign-in as the preview) |";
    expect(renderComment(view({ inspectorUrl }))).toContain(row);
    expect(renderComment(view({ inspectorUrl, phase: "failed", failure: "boom" }))).toContain(row);
    const stopped = renderComment(view({ inspectorUrl, phase: "stopped", stoppedAt: new Date(0) }));
    expect(stopped).not.toContain("**Requests**");
    expect(stopped).not.toContain("__preview/inspect");
    // Off (no URL), or a URL the relay cannot vouch for: no link.
    expect(renderComment(view())).not.toContain("**Requests**");
    expect(renderComment(view({ inspectorUrl, urlUnverified: true }))).not.toContain("live inspector");
    expect(renderComment(view({ inspectorUrl: "javascript:alert(1)" }))).toContain("[live inspector](#)");
  });

  it("shows an unverified URL as code text only, and says a fork's code is running", () => {
    const body = renderComment(
      view({
        url: "https://evil.example/a`b|c<d>\n[x](y)",
        urlUnverified: true,
        fork: { repository: "fork`er/r|x" },
      }),
    );
    expect(body).toContain(
      "| **URL** | `https://evil.example/a'b\\|c&lt;d&gt; [x](y)` ⚠️ not a link: its host is not a known tunnel domain",
    );
    expect(body).not.toContain("](https://evil.example");
    expect(body).toContain("> This preview runs code from the fork `fork'er/r\\|x`, which the maintainers");
    expect(renderComment(view())).not.toContain("fork");
  });

  it("strips terminal colour codes from the failure", () => {
    expect(renderComment(view({ phase: "failed", failure: "\u001b[31mred\u001b[0m" }))).toContain("\nred\n");
  });
});

describe("cutMiddle", () => {
  it("returns short text unchanged", () => {
    expect(cutMiddle("short", 100)).toEqual({ text: "short", omitted: 0 });
  });

  it("fits the byte budget without splitting multi-byte characters", () => {
    const text = "é🚀".repeat(1000);
    for (const budget of [10, 11, 12, 13, 100, 1001]) {
      const cut = cutMiddle(text, budget);
      expect(bytes(cut.text)).toBeLessThanOrEqual(budget + 8);
      expect(cut.text).not.toContain("\uFFFD");
      expect(cut.omitted).toBeGreaterThan(0);
    }
  });
});
