/**
 * A 1 GiB upload streamed through the gate (with recording on) while RSS is sampled: the
 * gate must pass it along with backpressure, never holding more than a few buffers.
 *
 * Node copies every body chunk into a new buffer, and V8 lets about 64 MB of such dead
 * buffers pile up before it collects them: any streaming process grows by that much, even a
 * client talking to the app directly in one process (measured: 95-115 MB). So the sampler
 * runs a young-generation collection after each sample (every 5 ms): what it sees is what
 * is held plus a few milliseconds of garbage, and a gate that buffered the upload would
 * still show it.
 */

import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import v8 from "node:v8";
import vm from "node:vm";
import { afterEach, expect, it } from "vitest";
import type { Gate } from "../../src/gate/server.js";
import { startApp, startTestGate, type TestApp } from "./gate-helpers.js";

const GIB = 1024 ** 3;
v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as (options?: { type: "minor" | "major" }) => void;
const MAX_GROWTH = 64 * 1024 * 1024;

let app: TestApp;
let gate: Gate;
let dir: string;

afterEach(async () => {
  await gate?.close();
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

function upload(port: number, size: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const chunk = Buffer.alloc(256 * 1024, 7);
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        method: "PUT",
        path: "/upload",
        agent: false,
        headers: { "content-length": String(size), "content-type": "application/octet-stream" },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    let sent = 0;
    const pump = () => {
      while (sent < size) {
        const part = size - sent >= chunk.length ? chunk : chunk.subarray(0, size - sent);
        sent += part.length;
        if (!req.write(part)) return void req.once("drain", pump);
      }
      req.end();
    };
    pump();
  });
}

it("streams 1 GiB through the gate with RSS growth under 64 MB", async () => {
  dir = mkdtempSync(path.join(tmpdir(), "gate-upload-"));
  let counted = 0;
  app = await startApp();
  // Count bytes as they arrive instead of keeping them (the helper app buffers bodies).
  app.server.removeAllListeners("request");
  app.server.on("request", (req: http.IncomingMessage, res: http.ServerResponse) => {
    req.on("data", (c: Buffer) => {
      counted += c.length;
    });
    req.on("end", () => res.end(String(counted)));
  });
  gate = await startTestGate(app.port, {
    auth: "none",
    "max-body": "2gb",
    record: path.join(dir, "upload.har"),
  });

  // Warm up sockets and code paths, then take the baseline.
  expect(await upload(gate.port, 8 * 1024 * 1024)).toBe(200);
  counted = 0;
  gc({ type: "major" });
  const baseline = process.memoryUsage.rss();
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
    gc({ type: "minor" });
  }, 5);
  try {
    expect(await upload(gate.port, GIB)).toBe(200);
  } finally {
    clearInterval(sampler);
  }
  peak = Math.max(peak, process.memoryUsage.rss());
  expect(counted).toBe(GIB);
  const growth = peak - baseline;
  expect(growth, `RSS grew by ${(growth / 1024 / 1024).toFixed(1)} MB`).toBeLessThan(MAX_GROWTH);
});
