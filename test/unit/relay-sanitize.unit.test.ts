import { describe, expect, it } from "vitest";
import { isTunnelUrl, logText, sanitizeStatus } from "../../src/relay/sanitize.js";
import { isAllowedHostEntry } from "../../src/relay/settings.js";

const SHA = "a".repeat(40);
const expected = { pullRequest: 7, headSha: SHA, sequence: 2 };
const base = { schema: 1, sequence: 2, status: "live", provider: "cloudflared" };
const sanitize = (extra: Record<string, unknown>, allowed: string[] = []) =>
  sanitizeStatus({ ...base, ...extra }, expected, allowed);

describe("sanitizeStatus", () => {
  it("links a URL on a known tunnel domain", () => {
    for (const url of [
      "https://abc.trycloudflare.com/",
      "https://my-app.ngrok-free.app/",
      "https://x.ngrok-free.dev/",
      "https://x.ngrok.app/",
      "https://x.ngrok.io/",
      "https://3b1d872d3c1d63.lhr.life/",
      "https://rnxyz-1-2-3-4.a.free.pinggy.link/",
      "https://x.run.pinggy-free.link/",
      "https://abcd.serveo.net/",
      "https://abcd.serveousercontent.com/",
    ]) {
      expect(sanitize({ url }), url).toEqual({
        ok: true,
        status: { ...base, url },
        linkUrl: true,
        warnings: [],
      });
    }
  });

  it("shows a look-alike or unknown host as text, with a warning", () => {
    for (const url of [
      "https://evil.example/",
      "https://trycloudflare.com.evil.example/",
      "https://trycloudflare.com/",
      "https://abc.trycloudflare.com:8443/",
      "https://abc.trycloudflare.com.:443/".replace(":443", ""),
      "https://xn--trycloudflre-4bb.com/",
    ]) {
      const result = sanitize({ url });
      expect(result, url).toMatchObject({ ok: true, linkUrl: false });
      expect(result.ok && result.warnings, url).toEqual([
        `The preview reported the URL ${JSON.stringify(url)}, whose host is neither a known tunnel domain nor in relay-allowed-hosts: it is shown as text, not as a link.`,
      ]);
    }
  });

  it("links self-hosted tunnels named in relay-allowed-hosts, and only those", () => {
    const allowed = ["preview.example.com", "*.tunnels.example.org"];
    expect(isTunnelUrl("https://preview.example.com/", allowed)).toBe(true);
    expect(isTunnelUrl("https://a.tunnels.example.org/", allowed)).toBe(true);
    expect(isTunnelUrl("https://a.b.tunnels.example.org/x", allowed)).toBe(true);
    expect(isTunnelUrl("https://tunnels.example.org/", allowed)).toBe(false);
    expect(isTunnelUrl("https://x.preview.example.com/", allowed)).toBe(false);
    expect(isTunnelUrl("https://preview.example.com.evil/", allowed)).toBe(false);
    expect(isTunnelUrl("http://preview.example.com/", allowed)).toBe(false);
    expect(isAllowedHostEntry("*.tunnels.example.org")).toBe(true);
    expect(isAllowedHostEntry("preview.example.com")).toBe(true);
    expect(isAllowedHostEntry("*.com")).toBe(false);
    expect(isAllowedHostEntry("*")).toBe(false);
    expect(isAllowedHostEntry("https://x.example.com")).toBe(false);
    expect(isAllowedHostEntry("a..b")).toBe(false);
  });

  it("refuses URLs that could carry a credential or are not https", () => {
    for (const url of [
      "https://x@evil.example/",
      "https://user:pass@abc.trycloudflare.com/",
      "https://abc.trycloudflare.com/?token=s3cret",
      "https://abc.trycloudflare.com/#token",
      "javascript:alert(1)",
      "http://abc.trycloudflare.com/",
      "data:text/html,<script>alert(1)</script>",
      " https://abc.trycloudflare.com/",
    ]) {
      expect(sanitize({ url }), url).toEqual({
        ok: false,
        reason: "it does not follow the status schema (at url)",
      });
    }
  });

  it("refuses anything outside the schema: unknown keys, wrong types, free text", () => {
    expect(sanitize({ note: "<img src=x onerror=alert(1)>" })).toEqual({
      ok: false,
      reason: "it does not follow the status schema (at (top level))",
    });
    expect(sanitize({ provider: "[click](https://evil.example)" })).toEqual({
      ok: false,
      reason: "it does not follow the status schema (at provider)",
    });
    expect(sanitize({ status: "tests" })).toEqual({
      ok: false,
      reason: "it does not follow the status schema (at tests)",
    });
    expect(sanitize({ tests: { passed: 3, total: 2 } }).ok).toBe(false);
    expect(sanitizeStatus("not an object", expected, [])).toMatchObject({ ok: false });
    expect(sanitizeStatus(null, expected, [])).toMatchObject({ ok: false });
  });

  it("refuses a status naming another pull request, commit or sequence; the event's are the only ones used", () => {
    expect(sanitize({ pullRequest: 99 })).toEqual({
      ok: false,
      reason: "it names pull request #99, but the run is for #7",
    });
    expect(sanitize({ headSha: "b".repeat(40) })).toEqual({
      ok: false,
      reason: "it names commit bbbbbbbbbbbb, but the run is for aaaaaaaaaaaa",
    });
    expect(sanitize({ sequence: 5 })).toEqual({
      ok: false,
      reason: "its sequence number 5 is not the one in its name (2)",
    });
    expect(sanitize({ pullRequest: 7, headSha: SHA }).ok).toBe(true);
  });

  it("names another schema version", () => {
    expect(sanitize({ schema: 2 })).toEqual({
      ok: false,
      reason:
        "it is written in status schema version 2, and this relay reads version 1 (use the same preview-tunnel version in both workflows)",
    });
  });
});

describe("logText", () => {
  it("quotes untrusted text so it cannot start a workflow command or spoof the log", () => {
    expect(logText("x\n::error::pwned")).toBe('"x\\n::error::pwned"');
    expect(logText("a\u202eb")).toBe('"a\\u202eb"');
    expect(logText("y".repeat(300), 5)).toBe('"yyyyy\\u2026"');
  });
});
