/**
 * Reading a recording for replay, both ways: parsed whole, and streamed entry by entry (a
 * recording above the threshold; here the threshold is 0, so every file streams). Both give
 * the same entries and refuse the same bad files, naming the file and the entry.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { HarFileError, readHarEntries } from "../../src/gate/har-read.js";

const dir = mkdtempSync(path.join(tmpdir(), "pt-har-read-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function file(text: string): string {
  const p = path.join(dir, `r${n++}.har`);
  writeFileSync(p, text);
  return p;
}

const entry = (method: string, url: string) => ({
  request: { method, url, headers: [{ name: "a", value: "b" }], bodySize: 0 },
  response: { status: 200, content: { text: "é".repeat(5000) } },
});

async function collect(iterable: AsyncIterable<unknown>): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

describe.each([
  ["parsed whole", undefined],
  ["streamed", 0],
])("a recording %s", (_how, streamAboveBytes) => {
  const read = (p: string) => readHarEntries(p, { streamAboveBytes });

  it("gives every entry, in order, and can be read again", async () => {
    const entries = [entry("GET", "http://x/a"), entry("POST", "http://x/b"), entry("GET", "http://x/c")];
    const p = file(JSON.stringify({ log: { version: "1.2", creator: { name: "t" }, entries, pages: [] } }));
    const har = await read(p);
    expect(await collect(har)).toEqual(entries);
    expect(await collect(har)).toEqual(entries);
  });

  it("with no entries gives none", async () => {
    expect(await collect(await read(file('{"log": {"entries": []}}')))).toEqual([]);
  });

  it.each([
    ['{"hello": "world"}', "is not a HAR file: it has no log.entries list"],
    ['{"log": {"entries": {"a": 1}}}', "is not a HAR file: it has no log.entries list"],
    ['[{"log": {"entries": []}}]', "is not a HAR file: it has no log.entries list"],
    ['{"log": {"entries": [{"request": {}}]}}', "has log.entries[0] without request.method"],
    [
      JSON.stringify({
        log: { entries: [entry("GET", "http://x/"), { request: entry("GET", "http://x/").request }] },
      }),
      "has log.entries[1] without response.status",
    ],
    ['{"log": {"entries": [,]}}', "is not valid JSON ("],
    ['{"log": {"entries": [', "is not valid JSON ("],
  ])("%s is refused before any entry is given", async (text, problem) => {
    const p = file(text);
    const error = await read(p).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(HarFileError);
    const expected = `${p} ${problem}`;
    expect((error as Error).message.slice(0, expected.length)).toBe(expected);
  });
});
