// Bundles the entry points into dist/ (committed: the runner executes it as is).
//
// ESM: each entry is one small file that enables Node's compile cache and imports the rest
// when it gets to it; what a run may not need (the identity provider, the scenarios, Octokit,
// replay) is loaded with import() where it is used, so it sits in chunks of its own that a
// run without it never reads. `require` is given to each file (createRequire), for the
// CommonJS code inside the bundle that asks for Node's modules.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { builtinModules, createRequire } from "node:module";
import path from "node:path";
import { build } from "esbuild";
import { inspectorPageEsbuildPlugin } from "./inspector-page.mjs";
import { vendorNgrok } from "./vendor-ngrok.mjs";
import { vendorPlaywright } from "./vendor-playwright.mjs";

const require = createRequire(import.meta.url);

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));

/**
 * @actions/core imports @actions/http-client (and with it undici, most of the bundle) for
 * getIDToken, and @actions/exec for core.platform; this action calls neither. Were they
 * resolved, esbuild would put them in the chunk every entry loads (they are reachable from
 * core, which every entry uses), though only the lazily loaded Octokit and tool-cache use
 * them. For those two modules of core only, they resolve to stand-ins that fail if called.
 */
const CORE_EXTRAS = /[\\/]@actions[\\/]core[\\/]lib[\\/](oidc-utils|platform)\.js$/;
const STAND_IN = `const unused = (what) => () => { throw new Error(what + " is not part of this bundle"); };
export class HttpClient { constructor() { unused("core.getIDToken")(); } }
export class BearerCredentialHandler { constructor() { unused("core.getIDToken")(); } }
export const getExecOutput = unused("core.platform");
export const exec = unused("core.platform");`;

const coreWithoutExtras = {
  name: "core-without-extras",
  setup(b) {
    b.onResolve({ filter: /^(@actions\/http-client|@actions\/exec)(\/|$)/ }, (args) =>
      CORE_EXTRAS.test(args.importer) ? { path: args.path, namespace: "core-stand-in" } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "core-stand-in" }, () => ({ contents: STAND_IN, loader: "js" }));
  },
};

/**
 * Node's own modules, loaded through `require` rather than `import`: an ESM import of a
 * built-in makes Node build a module facade for it first, which costs a cold process more
 * than the module itself (node:util, node:fs, node:crypto and node:net: about 10 ms together
 * on a runner-sized machine). Each stands in as a CommonJS module that is the built-in
 * (`require`: the banner's createRequire); what is imported of it is read from it where used.
 */
/** A property name that can be an export's name (an identifier, not a reserved word). */
function isBindingName(name) {
  if (name === "default" || !/^[A-Za-z_$][\w$]*$/.test(name)) return false;
  try {
    new Function(`const ${name} = 0;`);
    return true;
  } catch {
    return false;
  }
}

const builtinsByRequire = {
  name: "builtins-by-require",
  setup(b) {
    const names = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
    // Only ESM imports: a CommonJS require() of a built-in is a require already.
    b.onResolve({ filter: /^(node:)?[a-z_/]+$/ }, (args) =>
      args.kind === "import-statement" && names.has(args.path)
        ? { path: args.path.replace(/^node:/, ""), namespace: "builtin" }
        : undefined,
    );
    // An ES module whose exports are read from the built-in when first used: a CommonJS
    // stand-in would be wrapped in esbuild's __toESM, which copies every property of the
    // built-in onto a new object (10 ms of a 70 ms `cli --help`). Each export is a pure
    // call, so the ones nothing imports are dropped.
    b.onLoad({ filter: /.*/, namespace: "builtin" }, (args) => {
      const id = JSON.stringify(`node:${args.path}`);
      const names = Object.getOwnPropertyNames(require(`node:${args.path}`)).filter(isBindingName);
      const lines = names.map((name) => `export const ${name} = /* @__PURE__ */ (() => builtin.${name})();`);
      return {
        contents: [`const builtin = require(${id});`, "export default builtin;", ...lines].join("\n"),
        loader: "js",
      };
    });
  },
};

rmSync("dist", { recursive: true, force: true });
mkdirSync("dist");
writeFileSync("dist/package.json", `${JSON.stringify({ type: "module" }, null, 2)}\n`);

/** What the runner and a terminal start: each bundled into one file, with what it needs first. */
const ENTRIES = {
  main: "src/main.ts",
  post: "src/post.ts",
  supervisor: "src/supervisor.ts",
  cli: "src/cli.ts",
};

/** What the entries import when they get to it (import()), bundled with code splitting. */
const LAZY = {
  "action-main": "src/action/main.ts",
  "action-supervisor": "src/action/supervisor.ts",
  "action-post-cleanup": "src/action/post-cleanup.ts",
  "cli-run": "src/cli/run.ts",
  "cli-replay": "src/cli/replay.ts",
  "cli-watchdog": "src/cli/watchdog.ts",
};

const common = {
  outdir: "dist",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  legalComments: "none",
  logLevel: "warning",
  metafile: true,
  banner: {
    js: 'import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);',
  },
  define: { __VERSION__: JSON.stringify(pkg.version) },
  // Loaded at runtime from dist/playwright-core (vendored below), only by browser scenarios.
  external: ["playwright-core"],
};

/**
 * In the entries' build, an import() of a LAZY module is left to load the lazy build's file;
 * any other import() there would be bundled into the entry, so it is an error.
 */
const lazyImports = {
  name: "lazy-imports",
  setup(b) {
    const byFile = new Map(Object.entries(LAZY).map(([name, file]) => [path.resolve(file), name]));
    b.onResolve({ filter: /^\./ }, (args) => {
      if (args.kind !== "dynamic-import") return undefined;
      const file = path.resolve(args.resolveDir, args.path.replace(/\.js$/, ".ts"));
      const name = byFile.get(file);
      if (name === undefined)
        return {
          errors: [
            { text: `${args.path} is imported lazily by an entry: add it to LAZY in scripts/build.mjs` },
          ],
        };
      return { path: `./${name}.js`, external: true };
    });
  },
};

// Two builds, because a cold process pays for every file it loads (about half a millisecond
// each): the entries, one file each with what they need first (cli's arguments and --help,
// post's "anything to clean up?"), and the rest, split so a run loads only the parts it uses
// (the IdP, scenarios, Octokit, replay are chunks of their own). The two share no module
// instance; what crosses from an entry to a lazy module is plain data.
const lazy = await build({
  ...common,
  entryPoints: LAZY,
  entryNames: "[name]",
  splitting: true,
  plugins: [inspectorPageEsbuildPlugin(), coreWithoutExtras, builtinsByRequire],
});
const entries = await build({
  ...common,
  entryPoints: ENTRIES,
  splitting: false,
  plugins: [inspectorPageEsbuildPlugin(), lazyImports, coreWithoutExtras, builtinsByRequire],
});
const metafile = {
  inputs: { ...lazy.metafile.inputs, ...entries.metafile.inputs },
  outputs: { ...lazy.metafile.outputs, ...entries.metafile.outputs },
};
// What bench/cold-start.bench.ts and curious readers look at: which module went where.
mkdirSync(".tmp", { recursive: true });
writeFileSync(".tmp/dist-meta.json", JSON.stringify(metafile));

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
// CommonJS in a dist/ whose package.json says ESM: its folder says CommonJS again.
writeFileSync("dist/artifact/package.json", `${JSON.stringify({ type: "commonjs" }, null, 2)}\n`);

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

// The ngrok SDK's native bindings cannot be bundled: ship them beside the bundle. Its loader
// is CommonJS, in a dist/ whose package.json says ESM: its folder says CommonJS again.
vendorNgrok();
writeFileSync("dist/ngrok/package.json", `${JSON.stringify({ type: "commonjs" }, null, 2)}\n`);
// playwright-core reads its own files by path at runtime: ship it beside the bundle too.
vendorPlaywright();
