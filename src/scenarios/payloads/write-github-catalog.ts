/**
 * From the installed @octokit/webhooks-examples (a devDependency):
 *   --names             rewrites src/scenarios/payloads/github-catalog-names.ts (a unit test checks it is in step)
 *   --bundle <file>     writes the compressed examples the bundle reads (scripts/build.mjs: dist/...)
 * Run: node scripts/run-ts.mjs src/scenarios/payloads/write-github-catalog.ts --names
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { brotliCompressSync, constants } from "node:zlib";
import { CATALOG_PACKAGE, type ExamplesIndex, pickGithubExamples } from "./github-catalog.js";
import { catalogNamesText, NAMES_FILE } from "./github-catalog-text.js";

const require = createRequire(`${process.cwd()}/`);
const index = JSON.parse(readFileSync(require.resolve(CATALOG_PACKAGE), "utf8")) as ExamplesIndex;
const version = (
  JSON.parse(readFileSync(require.resolve(`${CATALOG_PACKAGE}/package.json`), "utf8")) as {
    version: string;
  }
).version;
const picked = pickGithubExamples(index);
const args = process.argv.slice(2);

if (args.includes("--names")) {
  writeFileSync(NAMES_FILE, catalogNamesText(Object.keys(picked), version));
  console.log(`wrote ${NAMES_FILE} (${Object.keys(picked).length} names)`);
}
const at = args.indexOf("--bundle");
if (at >= 0) {
  const file = args[at + 1];
  if (!file) throw new Error("--bundle needs a file");
  const json = JSON.stringify(picked);
  const packed = brotliCompressSync(Buffer.from(json), {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: json.length },
  });
  writeFileSync(file, packed);
  console.log(`wrote ${file} (${packed.length} bytes; ${json.length} as JSON)`);
}
