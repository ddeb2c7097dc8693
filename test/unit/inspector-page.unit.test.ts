/**
 * The inspector page's pure parts (the same modules the browser runs): bodies pretty-printed
 * for JSON, form and XML, hex for binary, control characters made visible; the filter box;
 * copy-as-curl quoting. And a check on the page's sources: nothing may put markup in the page
 * from a string (innerHTML and friends), so untrusted values can only ever be text.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { shellQuote } from "../../src/gate/inspector/curl.js";
import { parseFilter } from "../../src/gate/inspector/page/filter.js";
import {
  controlParts,
  formatBody,
  hexDump,
  prettyForm,
  prettyXml,
  visible,
} from "../../src/gate/inspector/page/format.js";
import type { ExchangeSummary } from "../../src/gate/inspector/protocol.js";

const body = (text: string, mimeType: string, extra: object = {}) => ({
  size: text.length,
  mimeType,
  text,
  truncated: false,
  ...extra,
});

describe("bodies as the page shows them", () => {
  it("pretty-prints JSON, NDJSON, forms and XML, and keeps the raw text", () => {
    const json = formatBody(body('{"a":1,"b":[true,null]}', "application/json"));
    expect(json.kind).toBe("json");
    expect(json.pretty).toBe('{\n  "a": 1,\n  "b": [\n    true,\n    null\n  ]\n}');
    expect(json.raw).toBe('{"a":1,"b":[true,null]}');
    expect(formatBody(body('{"a":1}\n{"a":2}\n', "application/x-ndjson")).pretty).toBe(
      '{\n  "a": 1\n}\n{\n  "a": 2\n}',
    );
    expect(formatBody(body("{not json", "application/vnd.api+json")).kind).toBe("text");
    expect(prettyForm("a=1&b=two+words&c=%3Cscript%3E&bad=%E0%A4%A")).toBe(
      "a = 1\nb = two words\nc = <script>\nbad = %E0%A4%A",
    );
    expect(formatBody(body("a=1", "application/x-www-form-urlencoded; charset=utf-8")).kind).toBe("form");
    expect(prettyXml('<?xml version="1.0"?><a><b x="1">text</b><c/><d><e>1</e></d></a>')).toBe(
      [
        '<?xml version="1.0"?>',
        "<a>",
        '  <b x="1">text</b>',
        "  <c/>",
        "  <d>",
        "    <e>1</e>",
        "  </d>",
        "</a>",
      ].join("\n"),
    );
    expect(formatBody(body("<r><x>1</x></r>", "text/xml")).kind).toBe("xml");
    expect(formatBody(body("<p>hi</p>", "text/html")).kind).toBe("text");
  });

  it("shows binary as hex and says what was left out or cut", () => {
    const bytes = Buffer.from("Hello, binary\u0000\u0001\u00ff world!", "latin1");
    const bin = formatBody(
      body(bytes.toString("base64"), "application/octet-stream", { encoding: "base64", size: bytes.length }),
    );
    expect(bin.kind).toBe("binary");
    expect(bin.pretty.split("\n")[0]).toBe(
      "00000000  48 65 6c 6c 6f 2c 20 62  69 6e 61 72 79 00 01 ff  |Hello, binary...|",
    );
    expect(hexDump(new Uint8Array([0x41]))).toBe(`00000000  41 ${" ".repeat(46)} |A|`);
    const cut = formatBody(body("abc", "text/plain", { truncated: true, size: 10 }));
    expect(cut.notes).toEqual(["Only the first part was recorded (record-body-limit)."]);
    const left = formatBody({
      size: 5,
      mimeType: "image/png",
      truncated: false,
      comment: "binary body left out: it contains a secret",
    });
    expect(left).toMatchObject({ kind: "empty", notes: ["binary body left out: it contains a secret"] });
    expect(formatBody(undefined).kind).toBe("empty");
  });

  it("writes control characters out (ANSI escapes cannot reach a terminal or restyle text)", () => {
    expect(visible("\u001b[31mred\u001b[0m\tok\nnext\u0000\u007f")).toBe(
      "\\x1b[31mred\\x1b[0m\tok\nnext\\x00\\x7f",
    );
    expect(controlParts("a\u001bb\u0007")).toEqual(["a", "\\x1b", "b", "\\x07", ""]);
    expect(controlParts("plain")).toEqual(["plain"]);
  });
});

const summary = (s: Partial<ExchangeSummary>): ExchangeSummary => ({
  id: 1,
  startedAt: 0,
  method: "GET",
  path: "/",
  status: 200,
  durationMs: 1,
  requestBytes: 0,
  responseBytes: 0,
  ...s,
});

describe("the filter box", () => {
  const list = [
    summary({ id: 1, method: "GET", path: "/health", status: 200, client: "203.0.113.9" }),
    summary({
      id: 2,
      method: "POST",
      path: "/hooks/github",
      status: 200,
      webhook: { provider: "github", ok: true },
    }),
    summary({
      id: 3,
      method: "POST",
      path: "/hooks/stripe",
      status: 403,
      webhook: { provider: "stripe", ok: false, reason: "timestamp too old" },
    }),
    summary({ id: 4, method: "DELETE", path: "/items/9", status: 500, service: "api" }),
    summary({ id: 5, method: "GET", path: "/stream", status: 0 }),
  ];
  const ids = (query: string, cls = "") => list.filter(parseFilter(query, cls)).map((s) => s.id);

  it("matches methods, status classes and codes, path prefixes, fields and free text", () => {
    expect(ids("")).toEqual([1, 2, 3, 4, 5]);
    expect(ids("post")).toEqual([2, 3]);
    expect(ids("4xx")).toEqual([3]);
    expect(ids("500")).toEqual([4]);
    expect(ids("none")).toEqual([5]);
    expect(ids("/hooks")).toEqual([2, 3]);
    expect(ids("POST /hooks 2xx")).toEqual([2]);
    expect(ids("webhook:failed")).toEqual([3]);
    expect(ids("webhook:github")).toEqual([2]);
    expect(ids("webhook:")).toEqual([2, 3]);
    expect(ids("service:api")).toEqual([4]);
    expect(ids("client:203.0")).toEqual([1]);
    expect(ids("timestamp")).toEqual([3]);
    expect(ids("path:items")).toEqual([4]);
    expect(ids("", "2xx")).toEqual([1, 2]);
    expect(ids("GET", "2xx")).toEqual([1]);
    expect(ids("nothing-like-this")).toEqual([]);
  });
});

describe("copy as curl quoting", () => {
  it("single-quotes printable words and uses $'...' escapes for control characters", () => {
    expect(shellQuote("plain")).toBe("'plain'");
    expect(shellQuote("it's $HOME `x`")).toBe("'it'\\''s $HOME `x`'");
    expect(shellQuote("a\u001b[31mb\nc\\'")).toBe("$'a\\x1b[31mb\\x0ac\\\\\\''");
  });
});

describe("the page's sources", () => {
  it("never build markup from strings (innerHTML, outerHTML, insertAdjacentHTML, document.write, eval)", () => {
    const dir = path.resolve("src/gate/inspector/page");
    const files = readdirSync(dir).filter((f) => f.endsWith(".ts"));
    expect(files).toContain("main.ts");
    for (const file of files) {
      const source = readFileSync(path.join(dir, file), "utf8");
      expect(source, file).not.toMatch(
        /innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function|srcdoc/,
      );
      expect(source, file).not.toMatch(/\.href\s*=|setAttribute\(\s*["'](?:href|src|style|on)/);
    }
  });
});
