/** The real @actions/tool-cache adapter: download from a local server, verify, cache, find. */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { cloudflaredInstaller, defaultInstallDeps } from "../../src/tunnel/cloudflared-install.js";
import { memoryLogger } from "../fixtures/tunnel/logger.js";

it("downloads with the tool cache on a runner and finds it there the second time", async () => {
  const root = mkdtempSync(path.join(os.tmpdir(), "pt-toolcache-"));
  // tool-cache reads these from the process environment, as on a runner.
  process.env.RUNNER_TOOL_CACHE = path.join(root, "toolcache");
  process.env.RUNNER_TEMP = path.join(root, "temp");
  const body = Buffer.from("#!/bin/sh\necho fake cloudflared\n");
  const paths: string[] = [];
  const server = http.createServer((req, res) => {
    paths.push(req.url ?? "");
    res.writeHead(200, { "content-type": "application/octet-stream" }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  try {
    const deps = await defaultInstallDeps(process.env);
    const installer = cloudflaredInstaller({
      ...deps,
      platform: "linux",
      arch: "x64",
      downloadBase: `http://127.0.0.1:${(server.address() as AddressInfo).port}/releases`,
      checksum: async () => createHash("sha256").update(body).digest("hex"),
    });
    const file = await installer.install("2026.8.2", memoryLogger());
    expect(file).toBe(path.join(root, "toolcache", "cloudflared", "2026.8.2", "x64", "cloudflared"));
    expect(readFileSync(file)).toEqual(body);
    expect(await installer.install("2026.8.2", memoryLogger())).toBe(file);
    expect(paths).toEqual(["/releases/2026.8.2/cloudflared-linux-amd64"]);
  } finally {
    server.close();
  }
});
