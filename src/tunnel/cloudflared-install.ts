/**
 * Gets a cloudflared executable: one on PATH, else this version from the tool cache, else
 * the release asset for this platform, downloaded, checked against its SHA-256 (a mismatch
 * is deleted and fails the run) and cached. Effects (download, store, extract, checksum
 * lookup) are injected so tests run with local files and no network.
 */
import { createHash } from "node:crypto";
import {
  chmodSync,
  copyFileSync,
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { errorMessage, StartError } from "../errors.js";
import type { Logger } from "../util/logger.js";
import { makeDir } from "../util/make-dir.js";
import { assetFor, checksumFromReleaseNotes, PINNED_CHECKSUMS } from "./cloudflared-checksums.js";

export interface CloudflaredInstaller {
  /** Path of a verified cloudflared executable of `version`. */
  install(version: string, logger: Logger): Promise<string>;
}

/** Where installed versions are kept between runs. */
export interface ToolStore {
  /** Directory holding the executable of this version, when already stored. */
  find(version: string, arch: string): string | undefined;
  /** Stores the executable; returns the directory it is in. */
  save(file: string, executable: string, version: string, arch: string): Promise<string>;
}

export interface InstallDeps {
  readonly download: (url: string, dest: string) => Promise<void>;
  readonly store: ToolStore;
  /** Extracts a .tgz into a directory. */
  readonly extractTgz: (file: string, dest: string) => Promise<void>;
  /** Expected SHA-256 (hex) of a release asset, or undefined when none is known. */
  readonly checksum: (version: string, asset: string) => Promise<string | undefined>;
  readonly platform: NodeJS.Platform;
  readonly arch: string;
  /** Release download base; `${base}/${version}/${asset}`. */
  readonly downloadBase: string;
  readonly tempDir: string;
}

export const RELEASES = "https://github.com/cloudflare/cloudflared/releases/download";
const TOOL = "cloudflared";

export function cloudflaredInstaller(deps: InstallDeps): CloudflaredInstaller {
  return {
    async install(version, logger) {
      const asset = assetFor(deps.platform, deps.arch);
      if (asset === undefined) {
        throw new StartError(
          `cloudflared publishes no build for ${deps.platform}/${deps.arch}. Put a cloudflared on PATH, or use provider: ssh or ngrok.`,
        );
      }
      const cached = deps.store.find(version, deps.arch);
      if (cached !== undefined && existsSync(path.join(cached, asset.executable))) {
        logger.info(`cloudflared ${version} from the tool cache (${cached})`);
        return path.join(cached, asset.executable);
      }
      const expected = await deps.checksum(version, asset.name);
      if (expected === undefined) {
        throw new StartError(
          `No SHA-256 is known for cloudflared ${version} (${asset.name}), so it is not downloaded. Use the default cloudflared-version, a release whose notes list checksums, or put cloudflared on PATH.`,
        );
      }
      makeDir(deps.tempDir);
      const work = mkdtempSync(path.join(deps.tempDir, "cloudflared-"));
      try {
        const url = `${deps.downloadBase}/${version}/${asset.name}`;
        const file = path.join(work, asset.name);
        logger.info(`Downloading ${url}`);
        try {
          await deps.download(url, file);
        } catch (error) {
          throw new StartError(
            `Downloading cloudflared ${version} from ${url} failed (${errorMessage(error)}). Put a cloudflared on PATH, or use another provider.`,
          );
        }
        const actual = await sha256File(file);
        if (actual !== expected.toLowerCase()) {
          rmSync(file, { force: true });
          throw new StartError(
            `The downloaded ${asset.name} (cloudflared ${version}) has SHA-256 ${actual}, not the expected ${expected}: it was deleted and not used. Re-run; if it persists, the release or the download was tampered with.`,
          );
        }
        let executable = file;
        if (asset.archive) {
          const dir = path.join(work, "x");
          mkdirSync(dir);
          await deps.extractTgz(file, dir);
          executable = path.join(dir, asset.executable);
          if (!existsSync(executable)) throw new StartError(`${asset.name} holds no ${asset.executable}.`);
        }
        if (deps.platform !== "win32") chmodSync(executable, 0o755);
        const dir = await deps.store.save(executable, asset.executable, version, deps.arch);
        logger.info(`cloudflared ${version} verified (sha256 ${actual.slice(0, 12)}…) and cached in ${dir}`);
        return path.join(dir, asset.executable);
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    },
  };
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** The first `name` on PATH that is a file (with PATHEXT on Windows). */
export function findOnPath(
  name: string,
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
): string | undefined {
  const dirs = (env.PATH ?? env.Path ?? "").split(path.delimiter).filter((d) => d !== "");
  const exts = platform === "win32" ? (env.PATHEXT ?? ".EXE;.CMD;.BAT").split(";") : [""];
  for (const dir of dirs) {
    for (const ext of exts) {
      const candidate = path.join(dir, name + ext);
      if (existsSync(candidate)) return candidate;
    }
  }
  return undefined;
}

/** Pinned checksums for the default version; other versions' from their release notes. */
export function releaseChecksums(apiUrl: string, fetchImpl: typeof fetch = fetch) {
  return async (version: string, asset: string): Promise<string | undefined> => {
    const pinned = PINNED_CHECKSUMS[version]?.[asset];
    if (pinned !== undefined) return pinned;
    const response = await fetchImpl(`${apiUrl}/repos/cloudflare/cloudflared/releases/tags/${version}`, {
      headers: { accept: "application/vnd.github+json", "user-agent": "preview-tunnel" },
      signal: AbortSignal.timeout(30_000),
    }).catch(() => undefined);
    if (!response?.ok) return undefined;
    const release = (await response.json()) as {
      body?: unknown;
      assets?: { name?: unknown; digest?: unknown }[];
    };
    // Newer releases carry a digest per asset; older ones only the notes' checksum block.
    const digest = release.assets?.find((a) => a.name === asset)?.digest;
    if (typeof digest === "string" && digest.startsWith("sha256:")) return digest.slice(7).toLowerCase();
    return typeof release.body === "string" ? checksumFromReleaseNotes(release.body, asset) : undefined;
  };
}

async function fetchToFile(url: string, dest: string): Promise<void> {
  const response = await fetch(url, { signal: AbortSignal.timeout(300_000) });
  if (!response.ok || response.body === null) throw new Error(`HTTP ${response.status}`);
  await pipeline(
    Readable.fromWeb(response.body as import("node:stream/web").ReadableStream),
    createWriteStream(dest),
  );
}

/** A ToolStore in a plain directory, for the CLI outside a runner (no RUNNER_TOOL_CACHE). */
export function directoryStore(root: string): ToolStore {
  const dirFor = (version: string, arch: string) => path.join(root, TOOL, version, arch);
  return {
    find: (version, arch) => (existsSync(dirFor(version, arch)) ? dirFor(version, arch) : undefined),
    async save(file, executable, version, arch) {
      const dir = dirFor(version, arch);
      makeDir(dir);
      copyFileSync(file, path.join(dir, executable));
      return dir;
    },
  };
}

/** The real effects: @actions/tool-cache on a runner (loaded only when needed). */
export async function defaultInstallDeps(env: NodeJS.ProcessEnv = process.env): Promise<InstallDeps> {
  const tc = await import("@actions/tool-cache");
  const onRunner = (env.RUNNER_TOOL_CACHE ?? "") !== "";
  const store: ToolStore = onRunner
    ? {
        find: (version, arch) => tc.find(TOOL, version, arch) || undefined,
        save: (file, executable, version, arch) => tc.cacheFile(file, executable, TOOL, version, arch),
      }
    : directoryStore(path.join(env.XDG_CACHE_HOME ?? path.join(os.homedir(), ".cache"), "preview-tunnel"));
  return {
    // Outside a runner tool-cache would print ::debug:: lines on the CLI's stdout.
    download: onRunner
      ? async (url, dest) => {
          await tc.downloadTool(url, dest);
        }
      : fetchToFile,
    store,
    extractTgz: async (file, dest) => {
      await tc.extractTar(file, dest);
    },
    checksum: releaseChecksums(env.GITHUB_API_URL ?? "https://api.github.com"),
    platform: process.platform,
    arch: process.arch,
    downloadBase: RELEASES,
    tempDir: env.RUNNER_TEMP || os.tmpdir(),
  };
}
