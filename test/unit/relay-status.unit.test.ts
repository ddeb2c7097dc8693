import { describe, expect, it } from "vitest";
import { GitHubApiError } from "../../src/github/api.js";
import type { RelayApi, RunArtifact } from "../../src/relay/api.js";
import { parseRelayEvent } from "../../src/relay/event.js";
import { pollRun } from "../../src/relay/poll.js";
import type { StatusReport } from "../../src/relay/status.js";
import { serializeStatus, statusArtifactName, statusSequenceOf, statusUrl } from "../../src/relay/status.js";
import { RelayStatusPublisher } from "../../src/relay/status-publisher.js";
import { warningLogger } from "../helpers/logger.js";

describe("the status schema", () => {
  it("serializes only its own fields, and refuses anything that could carry a credential", () => {
    expect(serializeStatus({ schema: 1, sequence: 1, status: "starting" })).toBe(
      '{"schema":1,"sequence":1,"status":"starting"}',
    );
    const sneaky = { schema: 1, sequence: 1, status: "live", password: "hunter2" } as never;
    expect(() => serializeStatus(sneaky)).toThrow();
    for (const url of [
      "https://user:pw@abc.trycloudflare.com/",
      "https://abc.trycloudflare.com/?auth=tok",
      "https://abc.trycloudflare.com/#tok",
      "http://abc.trycloudflare.com/",
    ]) {
      expect(() => serializeStatus({ schema: 1, sequence: 1, status: "live", url }), url).toThrow();
    }
  });

  it("keeps of a URL what a status may hold", () => {
    expect(statusUrl("https://user:pw@abc.trycloudflare.com/app?token=x#y")).toBe(
      "https://abc.trycloudflare.com/app",
    );
    expect(statusUrl("http://127.0.0.1:3000/")).toBeUndefined();
    expect(statusUrl("not a url")).toBeUndefined();
  });

  it("names artifacts by key, run attempt and sequence, and reads the sequence back only for its own", () => {
    const name = statusArtifactName("preview", 2, 7);
    expect(name).toBe("preview-tunnel-status-preview-a2-0007");
    expect(statusSequenceOf(name, "preview", 2)).toBe(7);
    expect(statusSequenceOf(name, "preview", 1)).toBeUndefined();
    expect(statusSequenceOf(name, "other", 2)).toBeUndefined();
    // A key that looks like another key's prefix does not take its statuses.
    expect(statusSequenceOf(statusArtifactName("preview-a2", 2, 1), "preview", 2)).toBeUndefined();
    expect(statusSequenceOf("preview-tunnel-status-preview-a2-0000", "preview", 2)).toBeUndefined();
    expect(statusSequenceOf("preview-tunnel-status-preview-a2-00001", "preview", 2)).toBeUndefined();
    expect(() => statusArtifactName("bad/key", 1, 1)).toThrow();
    expect(() => statusArtifactName("preview", 1, 10_000)).toThrow();
  });
});

describe("RelayStatusPublisher", () => {
  function recorded() {
    const reports: StatusReport[] = [];
    const publisher = new RelayStatusPublisher({
      sink: { submit: (r) => reports.push(r), flush: async () => true },
      now: () => new Date("2026-05-01T12:00:00Z"),
      pullRequest: 7,
      headSha: "a".repeat(40),
    });
    return { publisher, reports };
  }

  it("turns the pipeline's calls into whole snapshots, with no free text", async () => {
    const { publisher, reports } = recorded();
    await publisher.starting();
    await publisher.live({ url: "https://abc.trycloudflare.com/?token=secret", provider: "cloudflared" });
    await publisher.testsDone({ passed: 1, total: 2 });
    await publisher.failed("The test command exited with code 1. password=hunter2");
    await publisher.stopped();
    await publisher.live({ url: "https://late.trycloudflare.com/", provider: "cloudflared" });
    const T = "2026-05-01T12:00:00.000Z";
    const common = { pullRequest: 7, headSha: "a".repeat(40) };
    expect(reports).toEqual([
      { status: "starting", times: { started: T }, ...common },
      {
        status: "live",
        url: "https://abc.trycloudflare.com/",
        provider: "cloudflared",
        times: { started: T, live: T },
        ...common,
      },
      {
        status: "tests",
        url: "https://abc.trycloudflare.com/",
        provider: "cloudflared",
        tests: { passed: 1, total: 2 },
        times: { started: T, live: T, tests: T },
        ...common,
      },
      expect.objectContaining({ status: "failed" }),
      // The failure stays visible in the last status; nothing after it is sent.
      expect.objectContaining({ status: "failed", times: { started: T, live: T, tests: T, ended: T } }),
    ]);
    expect(JSON.stringify(reports)).not.toContain("hunter2");
    expect(JSON.stringify(reports)).not.toContain("secret");
  });

  it("keeps a failure showing when the tunnel comes back with a new URL", async () => {
    const { publisher, reports } = recorded();
    await publisher.live({ url: "https://a.trycloudflare.com/", provider: "cloudflared" });
    await publisher.failed("The tunnel was lost");
    await publisher.live({ url: "https://b.trycloudflare.com/", provider: "cloudflared" });
    expect(reports.map((r) => [r.status, r.url])).toEqual([
      ["live", "https://a.trycloudflare.com/"],
      ["failed", "https://a.trycloudflare.com/"],
      ["failed", "https://b.trycloudflare.com/"],
    ]);
  });

  it("ends as cancelled, and drops a provider name it does not know", async () => {
    const { publisher, reports } = recorded();
    await publisher.live({ url: "https://x.ngrok-free.app/", provider: "<b>mine</b>" });
    await publisher.cancelled();
    await publisher.stopped();
    expect(reports.map((r) => [r.status, r.provider])).toEqual([
      ["live", undefined],
      ["cancelled", undefined],
    ]);
  });
});

describe("RelayStatusPublisher and the run's cancellation", () => {
  it("once the run is cancelled, reports no failure and ends as cancelled", async () => {
    const reports: StatusReport[] = [];
    const cancel = new AbortController();
    const publisher = new RelayStatusPublisher({
      sink: { submit: (r) => reports.push(r), flush: async () => true },
      signal: cancel.signal,
    });
    await publisher.starting();
    await publisher.live({ url: "https://a.trycloudflare.com/", provider: "cloudflared" });
    cancel.abort();
    // What the pipeline does on a cancel: failed(why), then stopped() at the end of teardown.
    await publisher.failed("Cancelled by SIGINT.");
    await publisher.stopped();
    expect(reports.map((r) => r.status)).toEqual(["starting", "live", "cancelled"]);
  });

  it("a failure before the cancel stays a failure", async () => {
    const reports: StatusReport[] = [];
    const cancel = new AbortController();
    const publisher = new RelayStatusPublisher({
      sink: { submit: (r) => reports.push(r), flush: async () => true },
      signal: cancel.signal,
    });
    await publisher.failed("The app exited with code 1.");
    cancel.abort();
    await publisher.stopped();
    expect(reports.map((r) => r.status)).toEqual(["failed", "cancelled"]);
  });
});

describe("RelayStatusPublisher's record for the post step", () => {
  it("tells where the preview is once it uploads, and nothing while inactive", async () => {
    const records: unknown[] = [];
    const publisher = new RelayStatusPublisher({
      sink: { submit: () => {}, flush: async () => true },
      active: false,
      onRecord: (record) => records.push(record),
    });
    await publisher.live({ url: "https://a.trycloudflare.com/x?token=t", provider: "cloudflared" });
    expect(records).toEqual([]);
    publisher.activate();
    await publisher.live({ url: "http://127.0.0.1:3000/", provider: "local" });
    expect(records).toEqual([
      { url: "https://a.trycloudflare.com/x", provider: "cloudflared" },
      { url: undefined, provider: "local" },
    ]);
  });
});

describe("RelayStatusPublisher, inactive (publish: auto)", () => {
  it("uploads nothing until activated, then the status as it stands", async () => {
    const reports: StatusReport[] = [];
    let flushes = 0;
    const publisher = new RelayStatusPublisher({
      sink: {
        submit: (r) => reports.push(r),
        flush: async () => {
          flushes++;
          return true;
        },
      },
      active: false,
    });
    await publisher.starting();
    await publisher.live({ url: "https://abc.trycloudflare.com/", provider: "cloudflared" });
    await publisher.settled();
    expect(reports).toEqual([]);
    expect(flushes).toBe(0);
    publisher.activate();
    publisher.activate();
    await publisher.stopped();
    expect(reports.map((r) => r.status)).toEqual(["live", "stopped"]);
    expect(flushes).toBe(1);
  });
});

describe("parseRelayEvent", () => {
  const payload = {
    action: "requested",
    repository: { full_name: "o/r", private: true },
    workflow_run: {
      id: 5,
      run_attempt: 2,
      event: "pull_request",
      html_url: "https://github.com/o/r/actions/runs/5",
      head_sha: "b".repeat(40),
      head_branch: "feature",
      head_repository: { full_name: "fork/r" },
      pull_requests: [],
    },
  };

  it("takes the run, its head and the base repository from the event", () => {
    expect(parseRelayEvent("workflow_run", payload)).toEqual({
      action: "requested",
      repo: { owner: "o", repo: "r" },
      isPrivate: true,
      run: {
        id: 5,
        attempt: 2,
        event: "pull_request",
        htmlUrl: "https://github.com/o/r/actions/runs/5",
        headSha: "b".repeat(40),
        headBranch: "feature",
        headRepository: "fork/r",
        conclusion: undefined,
      },
      pullRequests: [],
    });
  });

  it("says why there is nothing to relay", () => {
    expect(parseRelayEvent("pull_request", payload)).toMatch(
      /runs on "workflow_run" events, not "pull_request"/,
    );
    expect(parseRelayEvent("workflow_run", { ...payload, action: "in_progress" })).toBe(
      'nothing to do on "in_progress"',
    );
    expect(parseRelayEvent("workflow_run", { ...payload, workflow_run: { id: "x" } })).toMatch(
      /not as expected/,
    );
  });
});

describe("pollRun", () => {
  const repo = { owner: "o", repo: "r" };

  function fakeApi(script: {
    artifacts?: () => RunArtifact[];
    completedAfter?: number;
    fail?: () => Error | undefined;
  }) {
    let runs = 0;
    const api: Pick<RelayApi, "getRun" | "listRunArtifacts"> = {
      async getRun() {
        runs++;
        const error = script.fail?.();
        if (error) throw error;
        const done = script.completedAfter !== undefined && runs >= script.completedAfter;
        return {
          modified: true,
          etag: undefined,
          value: { status: done ? "completed" : "in_progress", conclusion: undefined },
        };
      },
      async listRunArtifacts() {
        return { modified: true, etag: undefined, value: script.artifacts?.() ?? [] };
      },
    };
    return api as RelayApi;
  }

  async function drain(api: RelayApi, timeoutMs: number) {
    let t = 0;
    const sleeps: number[] = [];
    const log = warningLogger();
    const poller = pollRun({
      api,
      repo,
      runId: 1,
      poll: { initialMs: 10, factor: 2, maxMs: 40, maxPolls: 1000 },
      timeoutMs,
      logger: log.logger,
      now: () => t,
      sleep: async (ms) => {
        sleeps.push(ms);
        t += ms;
      },
    });
    const updates: { changed: boolean; completed: boolean }[] = [];
    for (;;) {
      const next = await poller.next();
      if (next.done) return { end: next.value, sleeps, updates, warnings: log.warnings };
      updates.push({ changed: next.value.changed, completed: next.value.completed });
    }
  }

  it("backs off while nothing changes and stops at relay-timeout", async () => {
    const result = await drain(fakeApi({}), 150);
    expect(result.end).toBe("timeout");
    expect(result.sleeps).toEqual([20, 40, 40, 40, 10]);
  });

  it("starts short again after a change, and ends with a last update when the run completes", async () => {
    let n = 0;
    const artifacts = () => (++n >= 3 ? [{ id: 1, name: "a", sizeInBytes: 1, expired: false }] : []);
    const result = await drain(fakeApi({ artifacts, completedAfter: 5 }), 10_000);
    expect(result.end).toBe("completed");
    expect(result.sleeps).toEqual([20, 40, 10, 20]);
    expect(result.updates.map((u) => u.changed)).toEqual([false, false, true, false, false]);
    expect(result.updates.at(-1)?.completed).toBe(true);
  });

  it("retries after a server error, and gives up at once without `actions: read`", async () => {
    let calls = 0;
    const flaky = fakeApi({
      fail: () => (++calls === 1 ? new GitHubApiError("HTTP 502", 502) : undefined),
      completedAfter: 2,
    });
    const result = await drain(flaky, 10_000);
    expect(result.end).toBe("completed");
    expect(result.warnings).toEqual(["Following the preview run: HTTP 502; trying again."]);
    const forbidden = fakeApi({
      fail: () => new GitHubApiError("Resource not accessible by integration", 403),
    });
    await expect(drain(forbidden, 10_000)).rejects.toThrow("Resource not accessible by integration");
  });
});
