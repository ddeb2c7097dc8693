/** The ngrok provider at the SDK boundary, against a fake module: no network. */

import { describe, expect, it } from "vitest";
import { ngrokProvider } from "../../src/tunnel/ngrok.js";
import type { NgrokForwardConfig, NgrokListener, NgrokModule } from "../../src/tunnel/ngrok-loader.js";
import type { NgrokSettings } from "../../src/tunnel/settings.js";
import { failure } from "../fixtures/tunnel/failure.js";
import { memoryLogger } from "../fixtures/tunnel/logger.js";

const TOKEN = "2abcDEFghiJKLmno_pqrSTUvwxYZ0123456789";

function fakeSdk(behaviour: (config: NgrokForwardConfig) => Promise<NgrokListener>) {
  const calls: NgrokForwardConfig[] = [];
  const module: NgrokModule = {
    forward: (config) => {
      calls.push(config);
      return behaviour(config);
    },
  };
  return { module, calls };
}

function listener(url: string | null) {
  let closed = 0;
  return {
    listener: { url: () => url, close: async () => void closed++ } satisfies NgrokListener,
    closed: () => closed,
  };
}

function sdkError(message: string, errorCode?: string): Error {
  return Object.assign(new Error(message), errorCode ? { errorCode } : {});
}

const settings = (extra: Partial<NgrokSettings> = {}): NgrokSettings => ({
  authtoken: TOKEN,
  authtokenFrom: "NGROK_AUTHTOKEN",
  domain: undefined,
  trafficPolicy: undefined,
  ...extra,
});

function open(module: NgrokModule, s: NgrokSettings, logger = memoryLogger(), timeoutMs = 2000) {
  return ngrokProvider({ settings: s, timeoutMs, load: async () => module }).open(
    { host: "127.0.0.1", port: 4321 },
    { logger, signal: new AbortController().signal, runDir: "/nonexistent" },
  );
}

describe("ngrok provider", () => {
  it("forwards to the gate with the authtoken, domain and traffic policy, and closes once", async () => {
    const l = listener("https://my-app.ngrok-free.app/");
    const { module, calls } = fakeSdk(async () => l.listener);
    const logger = memoryLogger();
    const policy = "on_http_request:\n  - actions:\n      - type: deny\n";
    const tunnel = await open(
      module,
      settings({ domain: "my-app.ngrok-free.app", trafficPolicy: policy }),
      logger,
    );
    expect(tunnel.url).toBe("https://my-app.ngrok-free.app");
    expect(calls[0]).toMatchObject({
      addr: "127.0.0.1:4321",
      authtoken: TOKEN,
      domain: "my-app.ngrok-free.app",
      traffic_policy: policy,
    });
    await Promise.all([tunnel.close(), tunnel.close()]);
    expect(l.closed()).toBe(1);
    expect(logger.text()).not.toContain(TOKEN);
    expect(logger.text()).toContain("authtoken from NGROK_AUTHTOKEN");
  });

  it("passes neither domain nor policy when not set", async () => {
    const { module, calls } = fakeSdk(async () => listener("https://x.ngrok-free.app").listener);
    await (await open(module, settings())).close();
    expect(calls[0]).not.toHaveProperty("domain");
    expect(calls[0]).not.toHaveProperty("traffic_policy");
  });

  it.each([
    [
      "ERR_NGROK_108",
      "failed to start tunnel: Your account is limited to 1 simultaneous ngrok agent sessions.",
      /one at a time \(a workflow `concurrency:` group\)/,
    ],
    [
      "ERR_NGROK_334",
      "failed to start tunnel: The endpoint 'https://my-app.ngrok-free.app' is already online.",
      /is already online, held by another run/,
    ],
    [
      "ERR_NGROK_105",
      `authentication failed: The authtoken you specified does not look like a proper ngrok tunnel authtoken: ${TOKEN}`,
      /rejected the authtoken.*NGROK_AUTHTOKEN secret/,
    ],
    [
      "ERR_NGROK_107",
      "authentication failed: The authtoken you specified is properly formed, but it is invalid.",
      /rejected the authtoken/,
    ],
  ])("maps %s to what to do", async (code, message, advice) => {
    const { module } = fakeSdk(async () => {
      throw sdkError(`${message}\n\nERR: error_code: ${code}`, code);
    });
    const error = await failure(open(module, settings({ domain: "my-app.ngrok-free.app" })));
    expect(error.message).toMatch(/^ngrok could not open the endpoint: /);
    expect(error.message).toMatch(advice);
    expect(error.message).not.toContain(TOKEN);
  });

  it("reads the code from the message when the SDK did not set errorCode", async () => {
    const { module } = fakeSdk(async () => {
      throw sdkError("failed: error_code: ERR_NGROK_108");
    });
    expect((await failure(open(module, settings()))).message).toMatch(/already has an agent session online/);
  });

  it("refuses to start without an authtoken, before loading the SDK", async () => {
    const provider = ngrokProvider({
      settings: settings({ authtoken: undefined, authtokenFrom: undefined }),
      timeoutMs: 1000,
      load: async () => {
        throw new Error("must not load");
      },
    });
    const error = await failure(
      provider.open(
        { host: "127.0.0.1", port: 1 },
        { logger: memoryLogger(), signal: new AbortController().signal, runDir: "/x" },
      ),
    );
    expect(error.message).toMatch(/needs an authtoken: set the NGROK_AUTHTOKEN secret/);
  });

  it("gives up at tunnel-timeout, closing a forward that succeeds later", async () => {
    const l = listener("https://late.ngrok-free.app");
    let finish: () => void = () => undefined;
    const { module } = fakeSdk(
      () =>
        new Promise<NgrokListener>((resolve) => {
          finish = () => resolve(l.listener);
        }),
    );
    const error = await failure(open(module, settings(), memoryLogger(), 50));
    expect(error.message).toMatch(/did not open the endpoint within 50ms \(tunnel-timeout\)/);
    finish();
    await new Promise((r) => setImmediate(r));
    expect(l.closed()).toBe(1);
  });

  it("emits 'lost' when the session stays down past tunnel-timeout, not when it comes back", async () => {
    let status: (s: string) => void = () => undefined;
    const { module } = fakeSdk(async (config) => {
      status = config.onStatusChange ?? status;
      return listener("https://x.ngrok-free.app").listener;
    });
    const logger = memoryLogger();
    const tunnel = await open(module, settings(), logger, 60);
    const lost: Error[] = [];
    tunnel.on("lost", (e) => lost.push(e));
    status("closed");
    status("connected");
    expect(logger.text()).toMatch(/session is back/);
    const gone = new Promise<Error>((resolve) => tunnel.on("lost", resolve));
    status("closed");
    expect((await gone).message).toMatch(/did not reconnect within 60ms/);
    expect(lost).toHaveLength(1);
    await tunnel.close();
  });
});
