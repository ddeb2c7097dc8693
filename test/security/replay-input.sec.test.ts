/**
 * `preview-tunnel replay` on recordings that are not what they claim: a directory, a missing
 * file, bad JSON, JSON that is no HAR, entries missing what replay needs, a 600 MB file. Each
 * exits 2 (bad input) with the file named (and the line, for bad JSON), before any request
 * is sent.
 */
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from "node:fs";
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

  it("a 600 MB file is refused by its size, before it is read", async () => {
    const big = path.join(dir, "big.har");
    writeFileSync(big, "");
    truncateSync(big, 600 * 1024 * 1024); // sparse: no disk used
    const r = await replay(big);
    expect(r.code).toBe(EXIT.invalidInput);
    expect(r.stderr).toContain(`${big} has 629145600 bytes; replay reads at most 268435456 (256 MiB)`);
    rmSync(big);
  });
});
