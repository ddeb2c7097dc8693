// `npm run bench`: bundles each bench/*.bench.ts with esbuild (so it can import src/ as is)
// and runs them one after another on this Node. Benchmarks report ratios measured side by
// side in one run; they assert nothing about absolute time.
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { inspectorPageEsbuildPlugin } from "../scripts/inspector-page.mjs";

const only = process.argv.slice(2);
const files = readdirSync("bench")
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
const outdir = path.resolve(".tmp/bench");
mkdirSync(outdir, { recursive: true });
let failed = 0;
for (const file of files) {
  const outfile = path.join(outdir, file.replace(/\.ts$/, ".mjs"));
  await build({
    entryPoints: [path.join("bench", file)],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    packages: "external",
    logLevel: "warning",
    plugins: [inspectorPageEsbuildPlugin()],
  });
  console.log(`\n=== ${file} ===`);
  const result = spawnSync(process.execPath, ["--expose-gc", outfile], { stdio: "inherit" });
  if (result.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
