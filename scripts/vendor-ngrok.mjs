// Puts the @ngrok/ngrok SDK beside the bundle, so dist/ runs on a runner with no npm install:
// the SDK's own loader (index.js, copied verbatim) first looks for `ngrok.<triple>.node` in
// its own directory, and only then for the @ngrok/ngrok-<triple> packages that a bundler
// cannot inline. Copied: index.js, its licences, and the native binding of each platform in
// PLATFORMS, at the version package-lock.json pins for @ngrok/ngrok.
//
// A binding comes from node_modules when npm installed it for this machine; the others from
// `npm pack` (the ordinary npm client), checked against package-lock.json's sha512 integrity
// and kept in node_modules/.cache so later builds need no network.
//
//   node scripts/vendor-ngrok.mjs [outDir] [--platforms a,b]   (default dist/ngrok, PLATFORMS)
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** napi-rs triples shipped: GitHub-hosted runners (Linux x64/arm64, macOS, Windows x64). */
export const PLATFORMS = ["linux-x64-gnu", "linux-arm64-gnu", "darwin-universal", "win32-x64-msvc"];

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function lockEntry(lock, name) {
  return lock.packages?.[`node_modules/${name}`];
}

function integrityOf(file, algorithm) {
  return `${algorithm}-${createHash(algorithm).update(readFileSync(file)).digest("base64")}`;
}

/** The binding file for a triple, fetched (once) into the cache when not installed here. */
function binding(triple, version, lock, cacheDir) {
  const name = `@ngrok/ngrok-${triple}`;
  const file = `ngrok.${triple}.node`;
  const installed = path.join(root, "node_modules", name);
  if (existsSync(path.join(installed, file))) {
    const pkg = JSON.parse(readFileSync(path.join(installed, "package.json"), "utf8"));
    if (pkg.version === version) return path.join(installed, file);
  }
  const cached = path.join(cacheDir, file);
  if (existsSync(cached)) return cached;
  const expected = lockEntry(lock, name)?.integrity;
  if (!expected) throw new Error(`package-lock.json has no integrity for ${name}: run npm install first`);
  const work = mkdtempSync(path.join(os.tmpdir(), "vendor-ngrok-"));
  try {
    const out = execFileSync("npm", ["pack", `${name}@${version}`, "--pack-destination", work, "--silent"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    });
    const tarball = path.join(work, out.trim().split("\n").pop());
    const actual = integrityOf(tarball, expected.split("-")[0]);
    if (actual !== expected)
      throw new Error(`${name}@${version}: integrity ${actual} is not the locked ${expected}`);
    execFileSync("tar", ["-xzf", tarball, "-C", work, `package/${file}`]);
    mkdirSync(cacheDir, { recursive: true });
    copyFileSync(path.join(work, "package", file), cached);
    return cached;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export function vendorNgrok(outDir = path.join(root, "dist", "ngrok"), platforms = PLATFORMS) {
  const sdk = path.join(root, "node_modules", "@ngrok", "ngrok");
  const { version } = JSON.parse(readFileSync(path.join(sdk, "package.json"), "utf8"));
  const lock = JSON.parse(readFileSync(path.join(root, "package-lock.json"), "utf8"));
  const locked = lockEntry(lock, "@ngrok/ngrok")?.version;
  if (locked !== version)
    throw new Error(`node_modules has @ngrok/ngrok ${version}, the lock ${locked}: run npm ci`);
  const cacheDir = path.join(root, "node_modules", ".cache", "preview-tunnel", `ngrok-${version}`);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  for (const file of ["index.js", "LICENSE-MIT", "LICENSE-APACHE"]) {
    copyFileSync(path.join(sdk, file), path.join(outDir, file));
  }
  let total = 0;
  const sizes = [];
  for (const triple of platforms) {
    const target = path.join(outDir, `ngrok.${triple}.node`);
    copyFileSync(binding(triple, version, lock, cacheDir), target);
    const size = statSync(target).size;
    total += size;
    sizes.push(`${triple} ${(size / 1048576).toFixed(1)} MiB`);
  }
  return { version, outDir, total, sizes };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const at = args.indexOf("--platforms");
  const platforms = at === -1 ? undefined : args.splice(at, 2)[1]?.split(",");
  const result = vendorNgrok(args[0] ? path.resolve(args[0]) : undefined, platforms);
  console.log(
    `vendored @ngrok/ngrok ${result.version} into ${path.relative(process.cwd(), result.outDir) || "."}: ${result.sizes.join(", ")}; ${(result.total / 1048576).toFixed(1)} MiB in all`,
  );
}
