// Puts playwright-core beside the bundle (dist/playwright-core), so OAuth scenarios with
// `browser: true` run from dist/ on a runner with no npm install. esbuild cannot bundle it
// well (it reads its own package.json, browsers.json and lib/ files by path at runtime), so it
// is copied verbatim from node_modules, at the version package-lock.json pins, and loaded by
// path only when a browser scenario runs (src/scenarios/browser/playwright.ts).
//
// Left out, as never read when driving a browser: the TypeScript declarations, and lib/vite/
// (the web apps of the trace viewer, recorder, dashboard and HTML report, served only by
// those tools). The copy is deterministic: the same files, bytes and modes on every build.
//
//   node scripts/vendor-playwright.mjs [outDir]   (default dist/playwright-core)
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Relative paths (with "/") not copied, with everything under them. */
export const LEFT_OUT = ["types", "index.d.ts", "lib/vite"];

function copyTree(from, to, relative, sizes) {
  mkdirSync(to, { recursive: true });
  // Sorted, so the order (and any error) is the same on every machine.
  for (const name of readdirSync(from).sort()) {
    const rel = relative === "" ? name : `${relative}/${name}`;
    if (LEFT_OUT.includes(rel)) continue;
    const source = path.join(from, name);
    const target = path.join(to, name);
    const stat = statSync(source);
    if (stat.isDirectory()) copyTree(source, target, rel, sizes);
    else {
      // copyFileSync keeps the mode (cli.js and lib/xdg-open are executable).
      copyFileSync(source, target);
      sizes.total += stat.size;
      sizes.files += 1;
    }
  }
}

export function vendorPlaywright(outDir = path.join(root, "dist", "playwright-core")) {
  const pkgDir = path.join(root, "node_modules", "playwright-core");
  const { version } = JSON.parse(readFileSync(path.join(pkgDir, "package.json"), "utf8"));
  const lock = JSON.parse(readFileSync(path.join(root, "package-lock.json"), "utf8"));
  const locked = lock.packages?.["node_modules/playwright-core"]?.version;
  if (locked !== version)
    throw new Error(`node_modules has playwright-core ${version}, the lock ${locked}: run npm ci`);
  rmSync(outDir, { recursive: true, force: true });
  const sizes = { total: 0, files: 0 };
  copyTree(pkgDir, outDir, "", sizes);
  return { version, outDir, ...sizes };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const result = vendorPlaywright(process.argv[2] ? path.resolve(process.argv[2]) : undefined);
  console.log(
    `vendored playwright-core ${result.version} into ${path.relative(process.cwd(), result.outDir) || "."}: ${result.files} files, ${(result.total / 1048576).toFixed(1)} MiB`,
  );
}
