// Bundles the entry points into dist/ (committed: the runner executes it as is).
// CommonJS output with dist/package.json saying so, because the root package is ESM.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { build } from "esbuild";
import { inspectorPageEsbuildPlugin } from "./inspector-page.mjs";
import { vendorNgrok } from "./vendor-ngrok.mjs";
import { vendorPlaywright } from "./vendor-playwright.mjs";

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));

rmSync("dist", { recursive: true, force: true });
mkdirSync("dist");
writeFileSync("dist/package.json", `${JSON.stringify({ type: "commonjs" }, null, 2)}\n`);

await build({
  entryPoints: {
    main: "src/main.ts",
    post: "src/post.ts",
    supervisor: "src/supervisor.ts",
    cli: "src/cli.ts",
  },
  outdir: "dist",
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  legalComments: "none",
  logLevel: "warning",
  define: { __VERSION__: JSON.stringify(pkg.version) },
  // The request inspector's page, compiled for the browser and embedded (inspector-page.mjs).
  plugins: [inspectorPageEsbuildPlugin()],
  // Loaded at runtime from dist/playwright-core (vendored below), only by browser scenarios.
  external: ["playwright-core"],
});

// @actions/artifact (Azure blob client, archiver, protobuf runtime) in a bundle of its own,
// loaded only when a status is uploaded for the relay workflow (src/relay/upload.ts). Some of
// its ESM dependencies read import.meta.url (@azure/storage-common's crc64), which CommonJS
// output lacks: it is given the bundle's own file URL.
await build({
  entryPoints: { "artifact/index": "src/relay/artifact-entry.ts" },
  outdir: "dist",
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  legalComments: "none",
  logLevel: "warning",
  banner: { js: 'var __import_meta_url = require("node:url").pathToFileURL(__filename).href;' },
  define: { "import.meta.url": "__import_meta_url" },
});

// Editors validate scenario files against this (`# yaml-language-server: $schema=...`).
copyFileSync("src/scenarios/scenarios.schema.json", "dist/scenarios.schema.json");

// GitHub's example webhook bodies (1.5 MB of JSON), brotli-compressed beside the bundle and
// read only when a scenario names one (src/scenarios/payloads/github-catalog.ts).
const catalog = spawnSync(
  process.execPath,
  [
    "scripts/run-ts.mjs",
    "src/scenarios/payloads/write-github-catalog.ts",
    "--bundle",
    "dist/github-webhook-examples.json.br",
  ],
  { stdio: ["ignore", "ignore", "inherit"] },
);
if (catalog.status !== 0) throw new Error("could not write dist/github-webhook-examples.json.br");

// The ngrok SDK's native bindings cannot be bundled: ship them beside the bundle.
vendorNgrok();
// playwright-core reads its own files by path at runtime: ship it beside the bundle too.
vendorPlaywright();
