// Bundles the entry points into dist/ (committed: the runner executes it as is).
// CommonJS output with dist/package.json saying so, because the root package is ESM.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { build } from "esbuild";
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
  // Loaded at runtime from dist/playwright-core (vendored below), only by browser scenarios.
  external: ["playwright-core"],
});

// Editors validate scenario files against this (`# yaml-language-server: $schema=...`).
copyFileSync("src/scenarios/scenarios.schema.json", "dist/scenarios.schema.json");

// The ngrok SDK's native bindings cannot be bundled: ship them beside the bundle.
vendorNgrok();
// playwright-core reads its own files by path at runtime: ship it beside the bundle too.
vendorPlaywright();
