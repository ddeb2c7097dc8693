// Runs a TypeScript script of this repository (scripts/*.ts): bundles it with esbuild, so
// its imports of src/ resolve as in the build, then runs it with the given arguments.
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { inspectorPageEsbuildPlugin } from "./inspector-page.mjs";

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error("usage: node scripts/run-ts.mjs <file.ts> [args...]");
  process.exit(2);
}
const outfile = path.resolve(".tmp/scripts", `${path.basename(entry, ".ts")}.mjs`);
mkdirSync(path.dirname(outfile), { recursive: true });
await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: "node",
  format: "esm",
  packages: "external",
  logLevel: "warning",
  plugins: [inspectorPageEsbuildPlugin()],
});
const result = spawnSync(process.execPath, [outfile, ...args], { stdio: "inherit" });
process.exit(result.status ?? 1);
