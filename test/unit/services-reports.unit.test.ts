/**
 * What several services and stop commands add to the reports: which service answered (gate
 * stats and summary), each path's service in the PR comment, the job summary's services and
 * warnings (a failed stop command never passes silently), and the prefix a route strips.
 */
import { describe, expect, it } from "vitest";
import { summaryMarkdown } from "../../src/action/summary.js";
import { withoutSegments } from "../../src/gate/stages/forward.js";
import { StatsCollector } from "../../src/gate/stats.js";
import { gateSummaryMarkdown } from "../../src/gate/summary.js";
import { type CommentView, renderComment } from "../../src/github/comment-body.js";
import type { RunResult } from "../../src/pipeline/result.js";

describe("which service answered", () => {
  it("is counted per service and shown in a column of the gate's summary", () => {
    const stats = new StatsCollector();
    stats.add({ method: "GET", path: "/", status: 200, ms: 3, at: 0, service: "web" });
    stats.add({ method: "GET", path: "/api/items", status: 200, ms: 4, at: 0, service: "api" });
    stats.add({ method: "GET", path: "/api/x", status: 500, ms: 5, at: 0, service: "api" });
    stats.add({ method: "GET", path: "/private", status: 401, ms: 1, at: 0 });
    const snapshot = stats.snapshot();
    expect(snapshot.byService).toEqual({ web: 1, api: 2 });
    const md = gateSummaryMarkdown(snapshot);
    expect(md).toContain("Answered by service: `web` 1, `api` 2");
    expect(md).toContain("| method | path | service | status | ms |");
    expect(md).toContain("| GET | `/api/items` | `api` | 200 | 4 |");
    // The gate answered this one itself.
    expect(md).toContain("| GET | `/private` | — | 401 | 1 |");
  });

  it("is left out with one app", () => {
    const stats = new StatsCollector();
    stats.add({ method: "GET", path: "/", status: 200, ms: 3, at: 0 });
    expect(stats.snapshot().byService).toBeUndefined();
    const md = gateSummaryMarkdown(stats.snapshot());
    expect(md).toContain("| method | path | status | ms |");
    expect(md).not.toContain("service");
  });
});

describe("the PR comment with several services", () => {
  const view: CommentView = {
    key: "preview",
    phase: "failed",
    url: "https://abc.trycloudflare.com",
    provider: "cloudflared",
    tests: undefined,
    failure: 'The service "api" exited with code 5 while the preview was up.',
    stoppedAt: undefined,
    updatedAt: new Date("2026-05-01T12:34:56Z"),
    serverUrl: "https://github.com",
    repo: { owner: "octo", repo: "app" },
    servedSha: "0123456789abcdef0123456789abcdef01234567",
    merge: undefined,
    runUrl: "https://github.com/octo/app/actions/runs/99",
    signIn: undefined,
    isPrivate: false,
    services: [
      { name: "web", path: "/" },
      { name: "api", path: "/api" },
      { name: "worker", path: undefined },
    ],
  };

  it("shows which service answers each path, and names the one that went down", () => {
    const body = renderComment(view);
    expect(body).toContain("| **Services** | `/` → `web`, `/api` → `api`, `worker` (no requests) |");
    expect(body).toContain('The service "api" exited with code 5 while the preview was up.');
  });

  it("shows no services row for one app", () => {
    expect(renderComment({ ...view, services: undefined })).not.toContain("**Services**");
  });
});

describe("the job summary", () => {
  const result: RunResult = {
    outcome: "passed",
    url: "https://abc.trycloudflare.com",
    provider: "cloudflared",
    appLog: "/tmp/run/logs/web.log",
    logsDir: "/tmp/run/logs",
    services: [
      { name: "web", path: "/", log: "/tmp/run/logs/web.log" },
      { name: "db", path: undefined, log: "/tmp/run/logs/db.log" },
    ],
    warnings: [
      'The stop command of service "db" exited with code 1: what it stops may still be running.\nLast 1 line(s)',
    ],
    harPath: undefined,
    requests: undefined,
    testExitCode: 0,
    phases: [],
    failure: undefined,
  };

  it("lists the services and the warnings of a passing run", () => {
    const md = summaryMarkdown(result);
    expect(md).toContain("**Result:** ✅ tests passed");
    expect(md).toContain("| `web` | `/` | `/tmp/run/logs/web.log` |");
    expect(md).toContain("| `db` | (no requests) | `/tmp/run/logs/db.log` |");
    expect(md).toContain(
      '- ⚠️ The stop command of service "db" exited with code 1: what it stops may still be running.',
    );
    expect(md).not.toContain("Last 1 line(s)");
  });

  it("has neither without them", () => {
    const md = summaryMarkdown({ ...result, services: undefined, warnings: undefined });
    expect(md).not.toContain("Warnings");
    expect(md).not.toContain("| service | path | log |");
  });
});

describe("a stripped prefix", () => {
  it.each([
    ["/api", 1, "/"],
    ["/api/", 1, "/"],
    ["/api?x=1", 1, "/?x=1"],
    ["/api/items?x=/a/b", 1, "/items?x=/a/b"],
    ["/%61pi/it%65ms", 1, "/it%65ms"],
    ["/api/v2/users/7", 2, "/users/7"],
    ["/api/v2", 2, "/"],
  ])("%s without %i segment(s) is %s", (target, count, expected) => {
    expect(withoutSegments(target, count)).toBe(expected);
  });
});
