// The request inspector's page (src/gate/inspector/page/: TypeScript and CSS for the browser)
// compiled by esbuild into two strings, offered to the server code as the module
// `virtual:inspector-page` ({ js, css }). The same build serves every way the code runs: the
// action's bundle (scripts/build.mjs), TypeScript scripts and benchmarks (run-ts.mjs,
// bench/run.mjs) and the tests under vitest (vitest.config.ts), so the page needs no file
// beside the bundle and the tests run the very script the action serves.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

export const PAGE_MODULE = "virtual:inspector-page";
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const PAGE_DIR = path.join(root, "src/gate/inspector/page");

/** The page's script and style, minified; `inputs` lists the files they came from. */
export async function buildInspectorPage() {
  const common = {
    bundle: true,
    write: false,
    minify: true,
    legalComments: "none",
    logLevel: "warning",
    metafile: true,
  };
  const [script, style] = await Promise.all([
    build({
      ...common,
      entryPoints: [path.join(PAGE_DIR, "main.ts")],
      format: "iife",
      // Browsers a reviewer may use (EventSource, fetch, private class fields).
      target: ["chrome100", "firefox100", "safari15.4", "edge100"],
      tsconfig: path.join(PAGE_DIR, "tsconfig.json"),
    }),
    build({ ...common, entryPoints: [path.join(PAGE_DIR, "style.css")] }),
  ]);
  const inputs = [...Object.keys(script.metafile.inputs), ...Object.keys(style.metafile.inputs)].map((f) =>
    path.resolve(root, f),
  );
  return { js: script.outputFiles[0].text, css: style.outputFiles[0].text, inputs };
}

async function moduleText() {
  const page = await buildInspectorPage();
  return {
    code: `export const js = ${JSON.stringify(page.js)};\nexport const css = ${JSON.stringify(page.css)};\n`,
    inputs: page.inputs,
  };
}

/** For esbuild builds of the server code. */
export function inspectorPageEsbuildPlugin() {
  return {
    name: "inspector-page",
    setup(b) {
      b.onResolve({ filter: /^virtual:inspector-page$/ }, (args) => ({
        path: args.path,
        namespace: "inspector-page",
      }));
      b.onLoad({ filter: /.*/, namespace: "inspector-page" }, async () => {
        const { code, inputs } = await moduleText();
        return { contents: code, loader: "js", watchFiles: inputs };
      });
    },
  };
}

/** For vite (vitest). */
export function inspectorPageVitePlugin() {
  const id = `\0${PAGE_MODULE}`;
  return {
    name: "inspector-page",
    resolveId(source) {
      return source === PAGE_MODULE ? id : undefined;
    },
    async load(loaded) {
      if (loaded !== id) return undefined;
      const { code, inputs } = await moduleText();
      for (const file of inputs) this.addWatchFile(file);
      return code;
    },
  };
}
