/**
 * `preview-tunnel replay` on recordings that are not what they claim: a directory, a missing
 * file, bad JSON, JSON that is no HAR, entries missing what replay needs, 600 MB that is no
 * JSON. Each exits 2 (bad input) with the file named (and the line, for bad JSON), before any
 * request is sent. And a recording too large to parse whole in a small heap is streamed.
 */
import { spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, rmSync, truncateSync, writeFileSync, writeSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { EXIT } from "../../src/errors.js";
import { runCliProcess } from "./cli-process.js";

const dir = mkdtempSync(path.join(tmpdir(), "pt-sec-replay-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
}

const replay = (...args: string[]) =>
  // --to a closed port on loopback: were anything sent, it would go nowhere.
  runCliProcess(["replay", ...args, "--to", "http://127.0.0.1:9"], { env: process.env, deadlineMs: 30_000 });

const entry = (request: unknown) => ({ request, response: { status: 200 } });
const har = (...entries: unknown[]) => JSON.stringify({ log: { version: "1.2", entries } }, null, 2);

describe("replay refuses a bad recording with exit 2, naming the file", () => {
  it.each([
    ["a directory", () => dir, `${dir} is a directory: give the path of a .har file`],
    ["a missing file", () => path.join(dir, "nope.har"), `${path.join(dir, "nope.har")} does not exist`],
    [
      "bad JSON (with its line and column)",
      () => file("bad.har", '{\n  "log": {\n    "entries": [,]\n  }\n}\n'),
      "bad.har is not valid JSON (",
    ],
    [
      "JSON that is no HAR",
      () => file("other.har", '{"hello": "world"}'),
      "is not a HAR file: it has no log.entries list",
    ],
    [
      "an entry without a request",
      () => file("noreq.har", har({ response: { status: 200 } })),
      "has log.entries[0] without a request",
    ],
    [
      "an entry whose url is missing",
      () => file("nourl.har", har(entry({ method: "GET", headers: [] }))),
      "has log.entries[0] without request.url",
    ],
    [
      "headers that are not name/value pairs",
      () =>
        file(
          "headers.har",
          har(
            entry({ method: "GET", url: "http://x/", headers: [] }),
            entry({ method: "GET", url: "http://x/", headers: ["a"] }),
          ),
        ),
      "has log.entries[1] whose request.headers is not a list of {name, value}",
    ],
  ])("%s", async (_what, target, expected) => {
    const r = await replay(target());
    expect(r.timedOut).toBe(false);
    expect(r.code).toBe(EXIT.invalidInput);
    expect(r.stderr).toContain(expected);
    expect(r.stderr).not.toContain("Cannot read properties");
    expect(r.stdout).toBe("");
  });

  it("bad JSON names the line and column", async () => {
    const r = await replay(file("bad-line.har", '{\n  "log": {\n    "entries": [,]\n  }\n}\n'));
    expect(r.stderr).toMatch(/line 3 column 17/);
  });

  it("600 MB that is no JSON fails at its first bytes, not after reading them all", async () => {
    const big = path.join(dir, "big.har");
    writeFileSync(big, "");
    truncateSync(big, 600 * 1024 * 1024); // sparse: no disk used
    const r = await replay(big);
    expect(r.timedOut).toBe(false);
    expect(r.code).toBe(EXIT.invalidInput);
    expect(r.stderr).toMatch(new RegExp(`${big} is not valid JSON \\(within its first \\d+ bytes: `));
    rmSync(big);
  });
});

describe("replay of a large recording", () => {
  it("streams it entry by entry: 80 MiB replays in a 48 MiB heap, where reading it whole cannot", async () => {
    // Entries with 1 MiB response bodies (a long run's recording), one webhook delivery among them.
    const big = path.join(dir, "large.har");
    const fd = openSync(big, "w");
    const filler = JSON.stringify({
      request: { method: "GET", url: "http://app/page", headers: [], bodySize: 0 },
      response: { status: 200, content: { text: "x".repeat(1024 * 1024) } },
    });
    writeSync(fd, '{"log": {"version": "1.2", "entries": [');
    for (let i = 0; i < 40; i++) writeSync(fd, `${filler},`);
    const delivery = {
      request: {
        method: "POST",
        url: "http://app/webhooks/keep",
        headers: [{ name: "content-type", value: "application/json" }],
        bodySize: 12,
        postData: { mimeType: "application/json", text: '{"kept":true}' },
      },
      response: { status: 200 },
    };
    writeSync(fd, `${JSON.stringify(delivery)},`);
    for (let i = 0; i < 40; i++) writeSync(fd, `${filler}${i < 39 ? "," : ""}`);
    writeSync(fd, "]}}");
    closeSync(fd);

    const received: string[] = [];
    const server = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => {
        body += chunk.toString();
      });
      req.on("end", () => {
        received.push(`${req.method} ${req.url} ${body}`);
        res.end("ok");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const env = { ...process.env, NODE_OPTIONS: "--max-old-space-size=48" };
      const args = [big, "--to", `http://127.0.0.1:${port}`, "--filter", "^POST /webhooks"];
      const r = await runCliProcess(["replay", ...args], { env, deadlineMs: 60_000 });
      expect(r.stderr).toBe("");
      expect(r.code).toBe(EXIT.ok);
      expect(received).toEqual(['POST /webhooks/keep {"kept":true}']);
      // The same recording read whole does not fit that heap: the bound is what streaming buys.
      const whole = spawnSync(
        process.execPath,
        ["-e", `JSON.parse(require("node:fs").readFileSync(${JSON.stringify(big)}, "utf8"))`],
        { env, timeout: 60_000 },
      );
      expect(whole.status).not.toBe(0);
      expect(whole.stderr.toString()).toMatch(/heap out of memory|Invalid string length/);
    } finally {
      server.close();
      rmSync(big);
    }
  });
});
