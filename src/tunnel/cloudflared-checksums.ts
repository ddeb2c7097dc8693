import { DEFAULT_CLOUDFLARED_VERSION } from "./settings.js";
/**
 * Which cloudflared release asset fits this machine, and the SHA-256 it must have.
 *
 * The table pins DEFAULT_CLOUDFLARED_VERSION. Its digests are the ones in the "SHA256
 * Checksums" block of that release's notes on GitHub (cloudflared publishes no separate
 * checksum file), cross-checked against several unrelated public projects that pin the
 * same release. They could not be re-computed from a download where this was written (no
 * network there): whoever bumps the version re-checks every line against the release notes.
 *
 * Other versions are verified against the checksums of their own release notes, fetched
 * from the GitHub API at install time (see cloudflared-install.ts).
 */

export interface CloudflaredAsset {
  /** Release asset name, e.g. "cloudflared-linux-amd64". */
  readonly name: string;
  /** macOS assets are .tgz archives holding a "cloudflared" binary. */
  readonly archive: boolean;
  /** Name of the executable once installed. */
  readonly executable: string;
}

export function assetFor(platform: NodeJS.Platform, arch: string): CloudflaredAsset | undefined {
  const goArch = arch === "x64" ? "amd64" : arch === "arm64" ? "arm64" : undefined;
  if (goArch === undefined) return undefined;
  if (platform === "linux")
    return { name: `cloudflared-linux-${goArch}`, archive: false, executable: "cloudflared" };
  if (platform === "darwin")
    return { name: `cloudflared-darwin-${goArch}.tgz`, archive: true, executable: "cloudflared" };
  // No windows-arm64 build is published; Windows on ARM runs the amd64 one emulated.
  if (platform === "win32")
    return { name: "cloudflared-windows-amd64.exe", archive: false, executable: "cloudflared.exe" };
  return undefined;
}

/** SHA-256 (hex) of each asset of DEFAULT_CLOUDFLARED_VERSION, exactly as downloaded. */
export const PINNED_CHECKSUMS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  [DEFAULT_CLOUDFLARED_VERSION]: {
    "cloudflared-linux-amd64": "fcfb02b575a52ca1af2e3267af4e1517bcdeb30ac48c834c69abaed3c0576ad2",
    "cloudflared-linux-arm64": "7747d94570fb390cf47dcb4f9555c193c6355cda9793f0d878d9049e5d6a7790",
    "cloudflared-darwin-amd64.tgz": "f1727723c586500e2092368ae21871b3df7ddfd2cb097f22d81bee4a9c458bb4",
    "cloudflared-darwin-arm64.tgz": "9042c2c5d8b2de78e60f313d5fb31b6c5c1cebde787a3caf1f2c9588084ac442",
    "cloudflared-windows-amd64.exe": "c29eee2b121f5436a642eed69fd9767da7e7b8c510fa50aaa130337f931357b5",
  },
};

/**
 * The checksum of one asset from a release's notes ("cloudflared-linux-amd64: <hex>" lines),
 * matching the asset name exactly (not "cloudflared-linux-amd64.deb").
 */
export function checksumFromReleaseNotes(body: string, asset: string): string | undefined {
  for (const line of body.split(/\r?\n/)) {
    const match = /^\s*`?([A-Za-z0-9._-]+):\s*([0-9a-fA-F]{64})\s*`?\s*$/.exec(line);
    if (match?.[1] === asset) return match[2]?.toLowerCase();
  }
  return undefined;
}
