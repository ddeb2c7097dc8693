/** The HAR writer's number formatting: timings come out as String(rounded to the µs) would print them. */
import { describe, expect, it } from "vitest";
import { JsonOut } from "../../src/gate/har-serialize.js";

function millisText(ms: number): string {
  const out = new JsonOut(8);
  out.millis(ms);
  return out.bytes().toString("latin1");
}

const reference = (ms: number) => String(Math.round(ms * 1000) / 1000);

describe("JsonOut.millis", () => {
  it("matches String(Math.round(ms * 1000) / 1000) at the edges", () => {
    for (const ms of [
      0,
      0.0004,
      0.0005,
      0.001,
      0.005,
      0.01,
      0.05,
      0.1,
      0.105,
      0.11,
      0.5,
      1,
      1.2,
      1.23,
      1.234,
      1.2345,
      9.9999,
      10,
      999.999,
      1000.0004,
      86_400_000.5,
      2 ** 40 + 0.25,
    ]) {
      expect(millisText(ms), String(ms)).toBe(reference(ms));
    }
  });

  it("matches it for random timings from sub-millisecond to hours", () => {
    for (let i = 0; i < 20_000; i++) {
      const ms = Math.random() * 10 ** Math.floor(Math.random() * 8);
      expect(millisText(ms), String(ms)).toBe(reference(ms));
    }
  });

  it("grows its buffer and keeps what was written before", () => {
    const out = new JsonOut(1);
    out.ascii("[");
    for (const ms of [1.5, 0.025, 7]) {
      out.millis(ms);
      out.ascii(",");
    }
    expect(out.bytes().toString("latin1")).toBe("[1.5,0.025,7,");
  });
});
