import { expect, it } from "vitest";
import { exposeGc, type GcFunction, GcPacer } from "../../src/gate/gc-pacer.js";
import { until } from "../helpers/wait.js";

function spy(): GcFunction & { calls: unknown[] } {
  const calls: unknown[] = [];
  return Object.assign((options?: unknown) => void calls.push(options), { calls });
}

it("asks for one young-generation collection per pace of forwarded bytes", () => {
  const gc = spy();
  const pacer = new GcPacer(gc, 1000);
  for (let i = 0; i < 9; i++) pacer.forwarded(100);
  expect(gc.calls).toEqual([]);
  pacer.forwarded(100);
  expect(gc.calls).toEqual([{ type: "minor" }]);
  pacer.forwarded(2500);
  pacer.forwarded(999);
  expect(gc.calls).toHaveLength(2);
  pacer.forwarded(1);
  expect(gc.calls).toHaveLength(3);
});

it("does nothing without a gc function", () => {
  expect(() => new GcPacer(null, 1).forwarded(10)).not.toThrow();
});

// Whether a young collection is enough for the chunks a proxy drops is measured on real
// uploads (gate-upload.int.test.ts): here earlier tests may have taught V8 to allocate these
// buffers straight into the old generation, so a full collection is asked for.
it("gets V8's gc without a command-line flag, and it frees dead buffers", async () => {
  const gc = exposeGc();
  expect(gc).toBeTypeOf("function");
  expect(exposeGc()).toBe(gc);
  gc?.({ type: "major" });
  const before = process.memoryUsage().arrayBuffers;
  // 16 MB of dead buffers: well under V8's own external-memory trigger (64 MB).
  for (let i = 0; i < 16; i++) Buffer.allocUnsafeSlow(1024 * 1024).fill(i);
  const dead = process.memoryUsage().arrayBuffers - before;
  expect(dead).toBeGreaterThan(15 * 1024 * 1024);
  gc?.({ type: "major" });
  // V8 frees the backing stores of dead buffers on a background thread after the collection.
  await until("the dead buffers to be freed", () =>
    process.memoryUsage().arrayBuffers - before < 1024 * 1024 ? true : undefined,
  );
});
