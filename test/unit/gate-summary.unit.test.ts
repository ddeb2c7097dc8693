import { describe, expect, it } from "vitest";
import { clientCredentials } from "../../src/gate/auth.js";
import { formatReplayResults } from "../../src/gate/replay.js";
import { RECENT_LIMIT, StatsCollector } from "../../src/gate/stats.js";
import { gateSummaryMarkdown } from "../../src/gate/summary.js";

describe("gate stats and summary", () => {
  it("keeps only the last 100 requests, oldest first, and counts every one by class", () => {
    const stats = new StatsCollector();
    for (let i = 0; i < 250; i++) {
      stats.add({ method: "GET", path: `/r/${i}`, status: i % 5 === 0 ? 502 : 200, ms: i, at: i });
    }
    stats.add({ method: "POST", path: "/gone", status: 0, ms: 1, at: 1 });
    const snapshot = stats.snapshot();
    expect(snapshot.total).toBe(251);
    expect(snapshot.byClass).toEqual({
      "1xx": 0,
      "2xx": 200,
      "3xx": 0,
      "4xx": 0,
      "5xx": 50,
      "no response": 1,
    });
    expect(snapshot.recent).toHaveLength(RECENT_LIMIT);
    expect(snapshot.recent[0]?.path).toBe("/r/151");
    expect(snapshot.recent.at(-1)?.path).toBe("/gone");
  });

  it("renders counts and a table, escaping what would break it", () => {
    const stats = new StatsCollector();
    stats.add({ method: "GET", path: "/a|b`c", status: 200, ms: 12.4, at: 0 });
    stats.add({ method: "POST", path: "/hook", status: 403, ms: 3, at: 0 });
    const md = gateSummaryMarkdown(stats.snapshot());
    expect(md).toContain("2 requests: 1 × 2xx, 1 × 4xx");
    expect(md).toContain("| GET | `/a\\|b'c` | 200 | 12 |");
    expect(md).toContain("| POST | `/hook` | 403 | 3 |");
    expect(md).toContain("| method | path | status | ms |");
  });

  it("says so when nothing came through", () => {
    expect(gateSummaryMarkdown(new StatsCollector().snapshot())).toContain("No requests reached the gate.");
  });
});

describe("helpers for the caller", () => {
  it("gives clients their credentials as environment variables", () => {
    expect(clientCredentials({ mode: "basic", username: "u", password: "p" })).toEqual({
      PREVIEW_USERNAME: "u",
      PREVIEW_PASSWORD: "p",
      PREVIEW_AUTH_HEADER: "Basic dTpw",
    });
    expect(clientCredentials({ mode: "bearer", token: "t" })).toEqual({
      PREVIEW_TOKEN: "t",
      PREVIEW_AUTH_HEADER: "Bearer t",
    });
    expect(clientCredentials({ mode: "none" })).toEqual({});
  });

  it("prints replay results one per line", () => {
    expect(
      formatReplayResults([
        { method: "POST", path: "/hooks/github", status: 200, signedAs: "github" },
        { method: "GET", path: "/ws", error: "WebSocket upgrades are not replayed" },
      ]),
    ).toBe(
      "POST /hooks/github -> 200 (signed as github)\nGET /ws -> error: WebSocket upgrades are not replayed",
    );
  });
});
