/**
 * Several services behind one gate: routing by the longest path prefix (requests, WebSockets,
 * Server-Sent Events), each service's URL in the others' environment, dependency order (and
 * independent ones in parallel), stop in reverse, one log per service, a service going down.
 * Real processes (test/fixtures/apps/service.mjs), loopback only; after each test no process
 * of it is left (the harness checks).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import WebSocket from "ws";
import { CancelledError, StartError } from "../../src/errors.js";
import type { Har } from "../../src/gate/har.js";
import type { PreviewPublisher } from "../../src/pipeline/context.js";
import { until } from "../helpers/wait.js";
import { type Harness, nodeApp, runCliCaptured, useHarness } from "./harness.js";

let h: Harness;
useHarness((created) => {
  h = created;
});

interface Service {
  readonly name: string;
  readonly [field: string]: unknown;
}

/** A service of the fixture app, named, with more fields. */
function service(name: string, fields: Record<string, unknown> = {}): Service {
  const { env, ...rest } = fields;
  return { name, start: nodeApp("service.mjs"), env: { SERVICE_NAME: name, ...(env as object) }, ...rest };
}

/** The `services` input: JSON is YAML. */
const services = (...list: Service[]) => JSON.stringify(list);

const failure = (run: Promise<unknown>) =>
  run.then(
    () => undefined,
    (e: unknown) => e,
  );

/** Runs until the preview is held, hands its URL to `use`, then cancels the run. */
async function whileHeld(inputs: Parameters<Harness["run"]>[0], use: (url: string) => Promise<void>) {
  const run = failure(h.run({ auth: "none", "keep-alive": "5m", test: "exit 0", ...inputs }));
  try {
    await until("the preview to be held", () => h.loggedAt(/^Keeping the preview/), 30_000);
    await use(h.preview?.url as string);
  } finally {
    h.controller.abort(new CancelledError("SIGINT"));
    await run;
  }
}

const body = async (url: string) => JSON.parse(await (await fetch(url)).text()) as Record<string, unknown>;

describe("several services behind one gate", () => {
  it("routes by the longest path prefix at segment boundaries, stripping it where asked", async () => {
    const har = path.join(h.tempDir, "requests.har");
    await whileHeld(
      {
        services: services(
          service("web", { path: "/", "depends-on": ["api", "v2"] }),
          service("api", { path: "/api", "strip-prefix": true }),
          service("v2", { path: "/api/v2" }),
        ),
        record: har,
      },
      async (url) => {
        expect(await body(`${url}/`)).toEqual({ service: "web", path: "/" });
        expect(await body(`${url}/apix`)).toEqual({ service: "web", path: "/apix" });
        expect(await body(`${url}/api`)).toEqual({ service: "api", path: "/" });
        expect(await body(`${url}/api/items?page=2`)).toEqual({ service: "api", path: "/items?page=2" });
        // Matched on the checked (decoded) path; what is forwarded keeps the client's bytes.
        expect(await body(`${url}/%61pi/it%65ms`)).toEqual({ service: "api", path: "/it%65ms" });
        expect(await body(`${url}/api/v2/x`)).toEqual({ service: "v2", path: "/api/v2/x" });
        expect(await body(`${url}/api/v2x`)).toEqual({ service: "api", path: "/v2x" });
        // The gate's own paths stay the gate's.
        expect((await fetch(`${url}/__preview/nothing`)).status).toBe(404);
        await until("the eight exchanges in the recording", () =>
          (JSON.parse(readFileSync(har, "utf8")) as Har).log.entries.length === 8 ? true : undefined,
        );
      },
    );
    const answered = (JSON.parse(readFileSync(har, "utf8")) as Har).log.entries.map((e) => [
      new URL(e.request.url).pathname,
      e._service,
    ]);
    expect(answered).toEqual([
      ["/", "web"],
      ["/apix", "web"],
      ["/api", "api"],
      ["/api/items", "api"],
      ["/%61pi/it%65ms", "api"],
      ["/api/v2/x", "v2"],
      ["/api/v2x", "api"],
      ["/__preview/nothing", undefined],
    ]);
    expect(h.finished?.requests?.byService).toEqual({ web: 2, api: 4, v2: 1 });
    expect(h.finished?.requests?.recent.map((r) => r.service)).toEqual([
      "web",
      "web",
      "api",
      "api",
      "api",
      "v2",
      "api",
      undefined,
    ]);
  });

  it("routes WebSocket upgrades and Server-Sent Events to their service", async () => {
    const har = path.join(h.tempDir, "requests.har");
    await whileHeld(
      {
        services: services(service("web"), service("live", { path: "/live", "strip-prefix": true })),
        record: har,
      },
      async (url) => {
        const ws = new WebSocket(`${url.replace(/^http/, "ws")}/live/socket`);
        const greeting = await new Promise<string>((resolve, reject) => {
          ws.once("message", (data) => resolve(String(data)));
          ws.once("error", reject);
        });
        ws.close();
        expect(greeting).toBe("live /socket");

        const events = await fetch(`${url}/live/events`);
        expect(events.headers.get("content-type")).toBe("text/event-stream");
        const reader = (events.body as ReadableStream<Uint8Array>).getReader();
        const { value } = await reader.read();
        expect(new TextDecoder().decode(value)).toBe("data: live\n\n");
        await reader.cancel();

        const webEvents = await fetch(`${url}/events`);
        const webReader = (webEvents.body as ReadableStream<Uint8Array>).getReader();
        const first = await webReader.read();
        expect(new TextDecoder().decode(first.value)).toBe("data: web\n\n");
        await webReader.cancel();
        // A stream is recorded once it ends: wait for all three before the run ends.
        await until("the three exchanges in the recording", () => {
          const entries = (JSON.parse(readFileSync(har, "utf8")) as Har).log.entries;
          return entries.length === 3 ? true : undefined;
        });
      },
    );
    expect(h.finished?.harPath).toBe(har);
    const recording = JSON.parse(readFileSync(har, "utf8")) as Har;
    expect(recording.log.entries.map((e) => [e.response.status, e._service])).toEqual([
      [101, "live"],
      [200, "live"],
      [200, "web"],
    ]);
  });

  it("gives each service the others' local URLs and the public one; one log each, prefixed in the step log", async () => {
    const out = path.join(h.tempDir, "seen.json");
    const result = await h.run({
      services: services(
        service("web", { "depends-on": "api" }),
        service("api", { path: "/api", "strip-prefix": true }),
      ),
      test: `FETCH_OUT='${out}' FETCH_PATHS='/env /api/env' ${nodeApp("fetch-paths.mjs")}`,
    });
    expect(result.outcome).toBe("passed");
    const seen = JSON.parse(readFileSync(out, "utf8")) as Record<string, { body: string }>;
    const web = JSON.parse(seen["/env"]?.body ?? "{}");
    const api = JSON.parse(seen["/api/env"]?.body ?? "{}");
    // Each gets the others' URLs, not its own.
    const urls = (env: Record<string, string>) =>
      Object.fromEntries(
        Object.entries(env).filter(([k]) => ["PORT", "PREVIEW_URL", "API_URL", "WEB_URL"].includes(k)),
      );
    expect(urls(web)).toEqual({
      PORT: expect.any(String),
      PREVIEW_URL: result.url,
      API_URL: `http://127.0.0.1:${api.PORT}`,
    });
    expect(urls(api)).toEqual({
      PORT: expect.any(String),
      PREVIEW_URL: result.url,
      WEB_URL: `http://127.0.0.1:${web.PORT}`,
    });

    expect(result.logsDir).toBe(path.dirname(result.appLog));
    expect(result.appLog).toBe(path.join(result.logsDir, "web.log"));
    expect(readFileSync(path.join(result.logsDir, "web.log"), "utf8")).toContain("web: listening");
    expect(readFileSync(path.join(result.logsDir, "api.log"), "utf8")).toContain("api: listening");
    const stepLog = h.writtenTail.join("");
    expect(stepLog).toContain("[web] web: listening\n");
    expect(stepLog).toContain("[api] api: listening\n");
    expect(result.services).toEqual([
      { name: "web", path: "/", log: path.join(result.logsDir, "web.log") },
      { name: "api", path: "/api", log: path.join(result.logsDir, "api.log") },
    ]);
  });

  it("starts in dependency order, independent ones in parallel, and stops in reverse", async () => {
    const order = path.join(h.tempDir, "stopped");
    const stop = (name: string) => `echo ${name} >> '${order}'`;
    const slow = { SLOW_START_MS: "800" };
    const result = await h.run({
      services: services(
        service("api", { "depends-on": ["db", "cache"], stop: stop("api") }),
        service("db", { path: "/db", env: slow, stop: stop("db") }),
        service("cache", { path: "none", env: slow, stop: stop("cache") }),
      ),
      test: "exit 0",
    });
    expect(result.outcome).toBe("passed");
    const at = (pattern: RegExp) => h.loggedAt(pattern) as number;
    const dbReady = at(/^Service "db" is ready/);
    const cacheReady = at(/^Service "cache" is ready/);
    // Both started before either was ready (each takes 800 ms to listen)...
    expect(at(/^Starting service "db"/)).toBeLessThan(cacheReady);
    expect(at(/^Starting service "cache"/)).toBeLessThan(dbReady);
    // ...and api only once both were.
    expect(at(/^Starting service "api"/)).toBeGreaterThan(Math.max(dbReady, cacheReady));
    const stopped = readFileSync(order, "utf8").trim().split("\n");
    expect(stopped[0]).toBe("api");
    expect(stopped.slice(1).sort()).toEqual(["cache", "db"]);
    expect(result.phases.filter((p) => p.name === "ready").map((p) => p.detail.split(":")[0])).toEqual(
      expect.arrayContaining(["db", "cache", "api"]),
    );
  });

  it("one that fails at boot stops the run, naming it; those already up are stopped", async () => {
    const order = path.join(h.tempDir, "stopped");
    const error = await failure(
      h.run({
        services: services(service("api", { path: "/api", stop: `echo api >> '${order}'` }), {
          name: "web",
          start: nodeApp("crash-at-boot.mjs"),
          "depends-on": "api",
        }),
        "ready-timeout": "30s",
        test: "exit 0",
      }),
    );
    expect(error).toBeInstanceOf(StartError);
    expect((error as Error).message).toMatch(/^The service "web" exited with code 3 before it was ready\.\n/);
    expect((error as Error).message).toContain("| crash-at-boot: line 80 of 80");
    expect(readFileSync(order, "utf8")).toBe("api\n");
  });

  it("one going down while the preview is up fails the run, and the pull request is told which", async () => {
    const told: string[] = [];
    const publisher: PreviewPublisher = {
      starting: async () => undefined,
      live: async (info) => void told.push(`live ${JSON.stringify(info.services)}`),
      testsDone: async () => undefined,
      failed: async (reason) => void told.push(`failed ${reason}`),
      stopped: async () => void told.push("stopped"),
      settled: async () => undefined,
    };
    const run = h.run(
      {
        auth: "none",
        services: services(service("web"), service("api", { path: "/api", "strip-prefix": true })),
        "keep-alive": "2m",
        test: "exit 0",
      },
      { publisher },
    );
    await until("the preview to be held", () => h.loggedAt(/^Keeping the preview/), 30_000);
    await fetch(`${h.preview?.url}/api/exit`);
    const result = await run;

    expect(result.outcome).toBe("failed");
    expect(result.failure).toBe('The service "api" exited with code 5 while the preview was up.');
    expect(told).toEqual([
      `live ${JSON.stringify([
        { name: "web", path: "/" },
        { name: "api", path: "/api" },
      ])}`,
      'failed The service "api" exited with code 5 while the preview was up.',
      "stopped",
    ]);
    const logged = h.messages("error").join("\n");
    expect(logged).toContain('The service "api" exited with code 5 while the preview was up.');
    expect(logged).toContain("| api: exiting with code 5 on request");
  });

  it("the two-services example passes its smoke test through the CLI, as npm run demo runs it", async () => {
    const { code, stdout, stderr } = await runCliCaptured(h, [
      "run",
      "--provider",
      "local",
      "--services",
      "examples/two-services/services.yml",
      "--test",
      "node examples/two-services/smoke-test.mjs",
    ]);
    expect(stderr).toContain("[api] api: listening on");
    expect(stderr).toMatch(/\[web\] web: listening on \d+, API at http:\/\/127\.0\.0\.1:\d+/);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^PREVIEW_URL=http:\/\/127\.0\.0\.1:\d+$/m);
  });
});
