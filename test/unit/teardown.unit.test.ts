import { describe, expect, it } from "vitest";
import { Teardown } from "../../src/session/teardown.js";

describe("Teardown", () => {
  it("runs steps last-registered first, once, even when called twice concurrently", async () => {
    const order: string[] = [];
    const teardown = new Teardown(() => undefined);
    teardown.add("app", () => {
      order.push("app");
    });
    teardown.add("tunnel", async () => {
      await Promise.resolve();
      order.push("tunnel");
    });
    await Promise.all([teardown.run(), teardown.run()]);
    await teardown.run();
    expect(order).toEqual(["tunnel", "app"]);
  });

  it("turns a failing step into a warning and still runs the others", async () => {
    const warnings: string[] = [];
    const ran: string[] = [];
    const teardown = new Teardown((m) => warnings.push(m));
    teardown.add("app", () => {
      ran.push("app");
    });
    teardown.add("tunnel", () => {
      throw new Error("socket hang up");
    });
    await expect(teardown.run()).resolves.toBeUndefined();
    expect(ran).toEqual(["app"]);
    expect(warnings).toEqual(["Teardown of tunnel failed: socket hang up"]);
  });

  it("lets a step run early, and then not again", async () => {
    let count = 0;
    const teardown = new Teardown(() => undefined);
    const early = teardown.add("test command", () => {
      count++;
    });
    await early();
    await teardown.run();
    expect(count).toBe(1);
    expect(teardown.started).toBe(true);
  });
});
