// biome-ignore-all lint/suspicious/noTemplateCurlyInString: scenario placeholders in expected messages
/**
 * The runner on the wire, against a recording app on 127.0.0.1: exactly the signed bytes and
 * the provider's headers go out, each delivery freshly signed; concurrency and limits are
 * honoured; timeouts, refused connections and cancellation are results, not exceptions.
 */
import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { parseScenarioText } from "../../src/scenarios/load.js";
import { runScenarios } from "../../src/scenarios/runner.js";
import type { Scenario } from "../../src/scenarios/types.js";
import { until } from "../helpers/wait.js";
import { startApp, type TestApp, testLogger } from "./gate-helpers.js";

const ENV = { GH: "gh-secret", STRIPE: "whsec_x", USER: "ada" };
let app: TestApp | undefined;

afterEach(async () => {
  await app?.close();
  app = undefined;
});

function load(yaml: string): Scenario[] {
  const { scenarios, problems } = parseScenarioText(`scenarios:\n${yaml}`, { file: "t.yml", dir: "." });
  expect(problems).toEqual([]);
  return scenarios;
}

describe("deliveries", () => {
  it("send the exact signed bytes with the provider's headers, a fresh GUID each", async () => {
    app = await startApp((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end('{"ok":true}');
    });
    const scenarios = load(`  - name: push
    provider: github
    event: push
    path: /hooks/github?x=\${env.USER}
    secret-env: GH
    body: { json: { who: "\${env.USER}", url: "\${preview.url}" } }
    headers: { X-Extra: "\${env.USER}", content-type: application/json; charset=utf-8 }
    repeat: 3
    concurrency: 3
`);
    const base = `http://127.0.0.1:${app.port}`;
    const run = await runScenarios({ scenarios, baseUrl: `${base}/`, env: ENV });
    expect(run.failed).toBe(0);
    expect(app.received).toHaveLength(3);
    const ids = new Set<string>();
    for (const r of app.received) {
      expect(r.url).toBe("/hooks/github?x=ada");
      expect(r.body.toString()).toBe(JSON.stringify({ who: "ada", url: base }));
      expect(r.headers["x-hub-signature-256"]).toBe(
        `sha256=${createHmac("sha256", ENV.GH).update(r.body).digest("hex")}`,
      );
      expect(r.headers["x-github-event"]).toBe("push");
      expect(r.headers["x-extra"]).toBe("ada");
      expect(r.headers["content-length"]).toBe(String(r.body.length));
      // One Content-Type, the scenario's (it overrides the default, whatever its spelling).
      expect(r.rawHeaders.filter((h) => h.toLowerCase() === "content-type")).toHaveLength(1);
      expect(r.headers["content-type"]).toBe("application/json; charset=utf-8");
      expect(r.headers.authorization).toBeUndefined();
      ids.add(String(r.headers["x-github-delivery"]));
    }
    expect(ids.size).toBe(3);
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("sign each delivery at its own time (timestamp-offset applied)", async () => {
    app = await startApp();
    const scenarios = load(
      `  - { name: s, provider: stripe, path: /s, secret-env: STRIPE, timestamp-offset: -1h }\n`,
    );
    const before = Math.floor(Date.now() / 1000);
    await runScenarios({ scenarios, baseUrl: `http://127.0.0.1:${app.port}`, env: ENV });
    const t = Number(/t=(\d+)/.exec(String(app.received[0]?.headers["stripe-signature"]))?.[1]);
    expect(t).toBeGreaterThanOrEqual(before - 3600);
    expect(t).toBeLessThanOrEqual(Math.floor(Date.now() / 1000) - 3600);
  });

  it("send the preview's credentials only with send-auth", async () => {
    app = await startApp();
    const scenarios =
      load(`  - { name: a, provider: gitlab, event: Push Hook, path: /a, secret-env: GH, send-auth: true }
  - { name: b, provider: gitlab, event: Push Hook, path: /b, secret-env: GH }
`);
    const run = await runScenarios({
      scenarios,
      baseUrl: `http://127.0.0.1:${app.port}`,
      env: ENV,
      authHeader: "Bearer preview-token",
    });
    expect(run.failed).toBe(0);
    expect(app.received.map((r) => [r.url, r.headers.authorization])).toEqual([
      ["/a", "Bearer preview-token"],
      ["/b", undefined],
    ]);
    const without = await runScenarios({
      scenarios: scenarios.slice(0, 1),
      baseUrl: `http://127.0.0.1:${app.port}`,
      env: ENV,
    });
    expect(without.results[0]?.error).toBe(
      "send-auth is true but the preview has no credentials to send (auth: none)",
    );
  });
});

describe("concurrency", () => {
  /**
   * Holds every request, and releases one (the oldest) each time as many are held as the
   * runner may have in flight by the rules under test: `concurrency` per scenario, scenarios
   * one at a time or `parallel`, at most `maxInFlight` overall. The peak of requests held at
   * once is what the runner really had in flight; were it fewer, the wait would time out.
   */
  async function peakOf(yaml: string, options: { parallel?: number; maxInFlight?: number } = {}) {
    let peak = 0;
    const held: { path: string; release: () => void }[] = [];
    app = await startApp((req, res) => {
      held.push({ path: req.url ?? "", release: () => res.end("ok") });
      peak = Math.max(peak, held.length);
    });
    const scenarios = load(yaml);
    const unreleased = new Map(scenarios.map((s) => [s.path, s.repeat]));
    const allowed = () => {
      const open = scenarios.filter((s) => (unreleased.get(s.path) ?? 0) > 0).slice(0, options.parallel ?? 1);
      const sum = open.reduce((n, s) => n + Math.min(s.concurrency, unreleased.get(s.path) ?? 0), 0);
      return Math.min(sum, options.maxInFlight ?? Number.POSITIVE_INFINITY);
    };
    const running = runScenarios({
      scenarios,
      baseUrl: `http://127.0.0.1:${app.port}`,
      env: ENV,
      ...options,
    });
    while (allowed() > 0) {
      const want = allowed();
      await until(`${want} requests in flight`, () => (held.length >= want ? true : undefined));
      const oldest = held.shift();
      unreleased.set(oldest?.path ?? "", (unreleased.get(oldest?.path ?? "") ?? 0) - 1);
      oldest?.release();
    }
    return { peak, run: await running };
  }

  it("keeps at most `concurrency` deliveries of a scenario in flight", async () => {
    const { peak, run } = await peakOf(
      "  - { name: c, provider: github, event: push, path: /c, secret-env: GH, repeat: 12, concurrency: 4 }\n",
    );
    expect(peak).toBe(4);
    expect(run.results[0]?.deliveries).toHaveLength(12);
    expect(run.failed).toBe(0);
  });

  it("runs scenarios one after another unless told otherwise, and honours maxInFlight", async () => {
    const two = `  - { name: a, provider: github, event: push, path: /a, secret-env: GH, repeat: 6, concurrency: 3 }
  - { name: b, provider: github, event: push, path: /b, secret-env: GH, repeat: 6, concurrency: 3 }
`;
    expect((await peakOf(two)).peak).toBe(3);
    await app?.close();
    expect((await peakOf(two, { parallel: 2 })).peak).toBe(6);
    await app?.close();
    expect((await peakOf(two, { parallel: 2, maxInFlight: 4 })).peak).toBe(4);
  });
});

describe("failures are results", () => {
  it("a timeout, a refused connection and a missing variable", async () => {
    const server = http.createServer(() => {
      // never answers
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    try {
      const scenarios =
        load(`  - { name: slow, provider: github, event: ping, path: /s, secret-env: GH, timeout: 200ms }
  - { name: var, provider: github, event: ping, path: "/\${env.NOT_SET}", secret-env: GH }
`);
      const logger = testLogger();
      const run = await runScenarios({ scenarios, baseUrl: `http://127.0.0.1:${port}`, env: ENV, logger });
      expect(run.results[0]?.deliveries[0]?.error).toBe("no response within 200 ms");
      expect(run.results[1]?.error).toBe("${env.NOT_SET} is used but NOT_SET is not set");
      expect(run.failed).toBe(2);
      expect(logger.lines).toEqual([
        "info: scenario FAILED: slow (github, t.yml:2): no response within 200 ms",
        "info: scenario FAILED: var (github, t.yml:3): ${env.NOT_SET} is used but NOT_SET is not set",
      ]);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
    const refused = await runScenarios({
      scenarios: load("  - { name: r, provider: github, event: ping, path: /r, secret-env: GH }\n"),
      baseUrl: `http://127.0.0.1:${port}`,
      env: ENV,
    });
    expect(refused.results[0]?.deliveries[0]?.error).toMatch(/ECONNREFUSED/);
  });

  it("cancellation stops sending and says how far it got", async () => {
    const controller = new AbortController();
    app = await startApp((_req, res) => {
      if (app && app.received.length >= 3) controller.abort();
      res.end("ok");
    });
    const run = await runScenarios({
      scenarios: load(`  - { name: many, provider: github, event: push, path: /m, secret-env: GH, repeat: 50 }
  - { name: later, provider: github, event: push, path: /l, secret-env: GH }
`),
      baseUrl: `http://127.0.0.1:${app.port}`,
      env: ENV,
      signal: controller.signal,
    });
    expect(run.cancelled).toBe(true);
    expect(run.results[0]?.passed).toBe(false);
    expect(run.results[0]?.error).toMatch(/^cancelled after [34] of 50 deliveries$/);
    expect(run.results[1]?.error).toBe("cancelled before it was sent");
    expect(app.received.length).toBeLessThanOrEqual(4);
  });
});
