/** The cloudflared installer with injected effects: local files stand in for downloads. */

import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  assetFor,
  checksumFromReleaseNotes,
  PINNED_CHECKSUMS,
} from "../../src/tunnel/cloudflared-checksums.js";
import {
  cloudflaredInstaller,
  directoryStore,
  findOnPath,
  type InstallDeps,
  releaseChecksums,
  sha256File,
} from "../../src/tunnel/cloudflared-install.js";
import { DEFAULT_CLOUDFLARED_VERSION } from "../../src/tunnel/settings.js";
import { failure } from "../fixtures/tunnel/failure.js";
import { memoryLogger } from "../fixtures/tunnel/logger.js";

const payload = Buffer.from("#!/bin/sh\necho cloudflared version 2026.8.2\n");
const payloadSha = createHash("sha256").update(payload).digest("hex");

function setup(overrides: Partial<InstallDeps> = {}) {
  const root = mkdtempSync(path.join(os.tmpdir(), "pt-cf-install-"));
  const source = path.join(root, "release-asset");
  writeFileSync(source, payload);
  const downloads: string[] = [];
  const deps: InstallDeps = {
    download: async (url, dest) => {
      downloads.push(url);
      copyFileSync(source, dest);
    },
    store: directoryStore(path.join(root, "cache")),
    extractTgz: async (file, dest) => {
      execFileSync("tar", ["-xzf", file, "-C", dest]);
    },
    checksum: async () => payloadSha,
    platform: "linux",
    arch: "x64",
    downloadBase: "https://releases.invalid",
    tempDir: root,
    ...overrides,
  };
  return { root, source, downloads, deps, installer: cloudflaredInstaller(deps) };
}

describe("cloudflared installer", () => {
  it("downloads the platform's asset, verifies it, caches it executable, then reuses the cache", async () => {
    const { root, downloads, installer } = setup();
    const file = await installer.install("2026.8.2", memoryLogger());
    expect(downloads).toEqual(["https://releases.invalid/2026.8.2/cloudflared-linux-amd64"]);
    expect(file).toBe(path.join(root, "cache", "cloudflared", "2026.8.2", "x64", "cloudflared"));
    expect(readFileSync(file)).toEqual(payload);
    expect(statSync(file).mode & 0o111).not.toBe(0);
    expect(await installer.install("2026.8.2", memoryLogger())).toBe(file);
    expect(downloads).toHaveLength(1);
    // the work directory is gone
    expect(readdirSync(root).filter((n) => n.startsWith("cloudflared-"))).toEqual([]);
  });

  it("refuses and deletes a download whose SHA-256 does not match", async () => {
    const { root, installer } = setup({ checksum: async () => "0".repeat(64) });
    const error = await failure(installer.install("2026.8.2", memoryLogger()));
    expect(error.message).toMatch(
      new RegExp(`has SHA-256 ${payloadSha}, not the expected 0{64}: it was deleted`),
    );
    expect(existsSync(path.join(root, "cache"))).toBe(false);
    expect(readdirSync(root).filter((n) => n.startsWith("cloudflared-"))).toEqual([]);
  });

  it("will not download a version it has no checksum for", async () => {
    const { downloads, installer } = setup({ checksum: async () => undefined });
    const error = await failure(installer.install("2025.1.0", memoryLogger()));
    expect(error.message).toMatch(
      /No SHA-256 is known for cloudflared 2025\.1\.0 \(cloudflared-linux-amd64\)/,
    );
    expect(downloads).toEqual([]);
  });

  it("unpacks the macOS .tgz after verifying the archive", async () => {
    const tarDir = mkdtempSync(path.join(os.tmpdir(), "pt-cf-tgz-"));
    writeFileSync(path.join(tarDir, "cloudflared"), payload);
    const tgz = path.join(tarDir, "asset.tgz");
    execFileSync("tar", ["-czf", tgz, "-C", tarDir, "cloudflared"]);
    const tgzSha = createHash("sha256").update(readFileSync(tgz)).digest("hex");
    const { downloads, installer } = setup({
      platform: "darwin",
      arch: "arm64",
      checksum: async () => tgzSha,
      download: async (url, dest) => {
        downloads.push(url);
        copyFileSync(tgz, dest);
      },
    });
    const file = await installer.install("2026.8.2", memoryLogger());
    expect(downloads).toEqual(["https://releases.invalid/2026.8.2/cloudflared-darwin-arm64.tgz"]);
    expect(readFileSync(file)).toEqual(payload);
  });

  it("names the platform when there is no build for it", async () => {
    const { installer } = setup({ platform: "freebsd" });
    await expect(installer.install("2026.8.2", memoryLogger())).rejects.toThrow(/no build for freebsd\/x64/);
  });

  it("says what to do when the download fails", async () => {
    const { installer } = setup({
      download: async () => {
        throw new Error("Unexpected HTTP response: 404");
      },
    });
    await expect(installer.install("2026.8.2", memoryLogger())).rejects.toThrow(
      /failed \(Unexpected HTTP response: 404\)\. Put a cloudflared on PATH/,
    );
  });
});

describe("checksums", () => {
  it("pins every asset of the default version", () => {
    const pinned = PINNED_CHECKSUMS[DEFAULT_CLOUDFLARED_VERSION] ?? {};
    for (const [platform, arch] of [
      ["linux", "x64"],
      ["linux", "arm64"],
      ["darwin", "x64"],
      ["darwin", "arm64"],
      ["win32", "x64"],
      ["win32", "arm64"],
    ] as const) {
      const asset = assetFor(platform, arch);
      expect(pinned[asset?.name ?? ""]).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it("reads a release's notes exactly by asset name", () => {
    const body = [
      "### SHA256 Checksums:",
      "```",
      `cloudflared-linux-amd64.deb: ${"b".repeat(64)}`,
      `cloudflared-linux-amd64: ${"A".repeat(64)}`,
      "```",
    ].join("\n");
    expect(checksumFromReleaseNotes(body, "cloudflared-linux-amd64")).toBe("a".repeat(64));
    expect(checksumFromReleaseNotes(body, "cloudflared-linux-arm64")).toBeUndefined();
  });

  it("asks the GitHub API for other versions: asset digest first, else the notes", async () => {
    const server = http.createServer((req, res) => {
      if (req.url === "/repos/cloudflare/cloudflared/releases/tags/2026.9.0")
        res.end(
          JSON.stringify({
            assets: [{ name: "cloudflared-linux-amd64", digest: `sha256:${"c".repeat(64)}` }],
          }),
        );
      else if (req.url === "/repos/cloudflare/cloudflared/releases/tags/2025.1.0")
        res.end(JSON.stringify({ body: `cloudflared-linux-amd64: ${"d".repeat(64)}` }));
      else res.writeHead(404).end("{}");
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    try {
      const api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const checksum = releaseChecksums(api);
      expect(await checksum("2026.9.0", "cloudflared-linux-amd64")).toBe("c".repeat(64));
      expect(await checksum("2025.1.0", "cloudflared-linux-amd64")).toBe("d".repeat(64));
      expect(await checksum("2020.1.0", "cloudflared-linux-amd64")).toBeUndefined();
      expect(await checksum(DEFAULT_CLOUDFLARED_VERSION, "cloudflared-linux-arm64")).toBe(
        PINNED_CHECKSUMS[DEFAULT_CLOUDFLARED_VERSION]?.["cloudflared-linux-arm64"],
      );
    } finally {
      server.close();
    }
  });

  it("hashes a file", async () => {
    const { source } = setup();
    expect(await sha256File(source)).toBe(payloadSha);
  });
});

describe("findOnPath", () => {
  it("finds the first match and nothing when absent", () => {
    const a = mkdtempSync(path.join(os.tmpdir(), "pt-path-"));
    const b = mkdtempSync(path.join(os.tmpdir(), "pt-path-"));
    mkdirSync(path.join(b, "sub"));
    writeFileSync(path.join(b, "cloudflared"), "");
    expect(findOnPath("cloudflared", { PATH: [a, b].join(path.delimiter) }, "linux")).toBe(
      path.join(b, "cloudflared"),
    );
    expect(findOnPath("cloudflared", { PATH: a }, "linux")).toBeUndefined();
  });
});
