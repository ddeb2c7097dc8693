/** The reconnect loop against fake sessions: comeback, changed URL, re-probe, lost, close. */
import { describe, expect, it } from "vitest";
import { KeptTunnel, type Session } from "../../src/tunnel/keep-up.js";
import { memoryLogger } from "../fixtures/tunnel/logger.js";

function fakeSession(url: string) {
  let end: (why: string) => void = () => undefined;
  let stopped = 0;
  const session: Session = {
    url,
    ended: new Promise<string>((resolve) => {
      end = resolve;
    }),
    stop: async () => {
      stopped++;
    },
  };
  return { session, end: (why: string) => end(why), stopped: () => stopped };
}

const fast = { initialMs: 1, maxMs: 5 };

/** Drops a tunnel whose reconnects go through `connect` (50 ms to come back) and returns its 'lost' error. */
async function lostAfterDrop(connect: (signal: AbortSignal) => Promise<Session>): Promise<Error> {
  const first = fakeSession("https://a.example");
  const tunnel = new KeptTunnel(first.session, {
    provider: "ssh",
    connect,
    timeoutMs: 50,
    logger: memoryLogger(),
    backoff: fast,
  });
  const lost = new Promise<Error>((resolve) => tunnel.on("lost", resolve));
  first.end("ssh exited with code 255");
  const error = await lost;
  await tunnel.close();
  return error;
}

describe("KeptTunnel", () => {
  it("reconnects after a drop and emits no 'url' when the URL is the same", async () => {
    const logger = memoryLogger();
    const first = fakeSession("https://a.example");
    const again = fakeSession("https://a.example");
    const tunnel = new KeptTunnel(first.session, {
      provider: "ssh",
      connect: async () => again.session,
      timeoutMs: 1000,
      logger,
      backoff: fast,
    });
    const urls: string[] = [];
    tunnel.on("url", (u) => urls.push(u));
    first.end("ssh exited with code 255");
    await Promise.resolve();
    await tunnel.reviving;
    expect(tunnel.url).toBe("https://a.example");
    expect(urls).toEqual([]);
    expect(logger.text()).toMatch(/ssh tunnel is back at https:\/\/a\.example/);
    await tunnel.close();
    expect(again.stopped()).toBe(1);
  });

  it("retries failed connects and failed probes, then announces the new URL", async () => {
    const logger = memoryLogger();
    const first = fakeSession("https://a.example");
    const bad = fakeSession("https://half.example");
    const good = fakeSession("https://b.example");
    let calls = 0;
    const tunnel = new KeptTunnel(first.session, {
      provider: "ssh",
      connect: async () => {
        calls++;
        if (calls === 1) throw new Error("Connection refused");
        return calls === 2 ? bad.session : good.session;
      },
      probe: async (url) => {
        if (url === "https://half.example") throw new Error("probe failed");
      },
      timeoutMs: 5000,
      logger,
      backoff: fast,
    });
    const urls: string[] = [];
    tunnel.on("url", (u) => urls.push(u));
    first.end("ssh was killed by SIGKILL");
    await Promise.resolve();
    await tunnel.reviving;
    expect(calls).toBe(3);
    expect(bad.stopped()).toBe(1);
    expect(tunnel.url).toBe("https://b.example");
    expect(urls).toEqual(["https://b.example"]);
    expect(logger.text()).toMatch(/back with a new URL: https:\/\/b\.example \(was https:\/\/a\.example\)/);
    await tunnel.close();
    expect(good.stopped()).toBe(1);
  });

  it("emits 'lost' with the last error when it cannot come back in time", async () => {
    const error = await lostAfterDrop(async () => {
      throw new Error("Connection refused");
    });
    expect(error.message).toMatch(/could not be brought back within 50ms\.\nLast error: Connection refused/);
  });

  it("reports the last real failure, not the attempt the deadline cut short", async () => {
    let calls = 0;
    const error = await lostAfterDrop((signal) => {
      calls++;
      if (calls === 1) return Promise.reject(new Error("Connection refused"));
      // later attempts hang until the deadline aborts them, as a server that accepts and stalls
      return new Promise<Session>((_, reject) =>
        signal.addEventListener("abort", () => reject(new Error("no public URL after 2ms (tunnel-timeout)"))),
      );
    });
    expect(calls).toBe(2);
    expect(error.message).toMatch(/Last error: Connection refused$/);
  });

  it("close is idempotent, stops the session, runs cleanup once and never throws", async () => {
    const first = fakeSession("https://a.example");
    let cleanups = 0;
    const tunnel = new KeptTunnel(first.session, {
      provider: "ssh",
      connect: async () => {
        throw new Error("unused");
      },
      timeoutMs: 50,
      logger: memoryLogger(),
      cleanup: () => {
        cleanups++;
        throw new Error("disk on fire");
      },
    });
    await Promise.all([tunnel.close(), tunnel.close()]);
    await tunnel.close();
    expect(first.stopped()).toBe(1);
    expect(cleanups).toBe(1);
    // a drop after close does not reconnect
    first.end("gone");
    await Promise.resolve();
    await tunnel.reviving;
  });
});
