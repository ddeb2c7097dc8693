/**
 * The ngrok SDK as dist/ ships it: scripts/vendor-ngrok.mjs copies the SDK's loader and the
 * native binding into a directory, and a Node with no node_modules in reach loads this
 * machine's binding from there. No network: this platform's binding comes from node_modules.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadNgrok } from "../../src/tunnel/ngrok-loader.js";

const triple = `${process.platform}-${process.arch}-gnu`;
const out = mkdtempSync(path.join(os.tmpdir(), "pt-ngrok-vendor-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Runs `require(index.js)` in a Node whose cwd and module paths hold no node_modules. */
function loadInIsolation(indexJs: string): unknown {
  const probe = `const sdk = require(${JSON.stringify(indexJs)});
    process.stdout.write(JSON.stringify({ forward: typeof sdk.forward, listeners: typeof sdk.listeners }));`;
  return JSON.parse(
    execFileSync(process.execPath, ["-e", probe], {
      cwd: out,
      encoding: "utf8",
      env: { PATH: process.env.PATH ?? "" },
    }),
  );
}

/** Why this machine cannot run the test (its binding naming is glibc Linux's), if it cannot. */
function cannotRun(): string | undefined {
  if (process.platform !== "linux")
    return `the vendoring is checked on Linux only (this is ${process.platform})`;
  if (!existsSync(`node_modules/@ngrok/ngrok-${triple}`))
    return `npm installed no @ngrok/ngrok-${triple} here`;
  return undefined;
}

describe("vendored ngrok SDK", () => {
  it("loads this machine's binding from the vendored directory, without node_modules", async (ctx) => {
    const why = cannotRun();
    if (why !== undefined) ctx.skip(why);
    const dir = path.join(out, "dist", "ngrok");
    execFileSync(process.execPath, ["scripts/vendor-ngrok.mjs", dir, "--platforms", triple], {
      stdio: "pipe",
    });
    expect(readdirSync(dir).sort()).toEqual([
      "LICENSE-APACHE",
      "LICENSE-MIT",
      "index.js",
      `ngrok.${triple}.node`,
    ]);
    expect(loadInIsolation(path.join(dir, "index.js"))).toEqual({
      forward: "function",
      listeners: "function",
    });
    const sdk = await loadNgrok(dir);
    expect(typeof sdk.forward).toBe("function");
  });

  it("loads what the build put in dist/ngrok, when the build vendors it", () => {
    if (!existsSync("dist/ngrok/index.js")) return;
    expect(existsSync(`dist/ngrok/ngrok.${triple}.node`)).toBe(true);
    expect(loadInIsolation(path.resolve("dist/ngrok/index.js"))).toEqual({
      forward: "function",
      listeners: "function",
    });
  });
});
