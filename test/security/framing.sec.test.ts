/** The gate's framing rules (framing.ts) and its header rewriting, on their own. */
import { describe, expect, it } from "vitest";
import { readBasics } from "../../src/gate/exchange.js";
import { framingRefusal, namesFramingHeader } from "../../src/gate/framing.js";
import { type RequestHeaderOptions, requestHeaders, responseHeaders } from "../../src/gate/headers.js";

const options: RequestHeaderOptions = {
  stripAuthorization: false,
  stripSessionCookie: false,
  added: [],
  addedNames: new Set(),
  forwardedFor: "192.0.2.1",
  forwardedProto: "https",
  forwardedHost: undefined,
  upgrade: false,
  bodyLength: undefined,
  chunked: false,
  defaultHost: "127.0.0.1:3000",
};

describe("namesFramingHeader", () => {
  const CASES: [string, boolean][] = [
    ["keep-alive", false],
    ["close", false],
    ["Upgrade", false],
    ["keep-alive, X-Hop", false],
    ["Content-Length", true],
    ["close, content-length", true],
    ["TRANSFER-ENCODING", true],
    ["keep-alive ,  Host ", true],
    ["x-content-length", false],
  ];
  for (const [value, names] of CASES) {
    it(`${JSON.stringify(value)}: ${names}`, () => expect(namesFramingHeader(value)).toBe(names));
  }
});

describe("framingRefusal", () => {
  const refusal = (raw: string[], version = "1.1") => framingRefusal(readBasics(raw), version)?.status;
  it("passes ordinary requests", () => {
    expect(refusal(["Host", "a", "Content-Length", "3", "Connection", "keep-alive"])).toBeUndefined();
    expect(refusal(["Host", "a", "Transfer-Encoding", "Chunked"])).toBeUndefined();
    expect(refusal(["Host", "a", "Connection", "Upgrade", "Upgrade", "websocket"])).toBeUndefined();
  });
  it("refuses a Connection header naming a framing header, in any of several Connection headers", () => {
    expect(refusal(["Host", "a", "Connection", "keep-alive", "connection", "Host"])).toBe(400);
    expect(refusal(["Host", "a", "Connection", "content-length", "Content-Length", "3"])).toBe(400);
  });
  it("refuses other codings, TE on HTTP/1.0 and two Host headers", () => {
    expect(refusal(["Host", "a", "Transfer-Encoding", "gzip, chunked"])).toBe(501);
    expect(refusal(["Host", "a", "Transfer-Encoding", "chunked"], "1.0")).toBe(400);
    expect(refusal(["Host", "a", "host", "b"])).toBe(400);
  });
});

describe("header rewriting never drops framing headers because Connection names them", () => {
  it("keeps Content-Length and Host on requests, drops the other named headers", () => {
    const out = requestHeaders(
      ["Host", "app.test", "Connection", "Content-Length, Host, X-Hop", "Content-Length", "5", "X-Hop", "1"],
      options,
    );
    expect(out).toContain("Content-Length");
    expect(out.slice(0, 2)).toEqual(["Host", "app.test"]);
    expect(out).not.toContain("X-Hop");
  });
  it("keeps Content-Length on responses", () => {
    expect(responseHeaders(["Content-Length", "2", "Connection", "content-length, x-a", "X-A", "1"])).toEqual(
      ["Content-Length", "2"],
    );
  });
});
