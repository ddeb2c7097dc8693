/**
 * GitHub's webhook bodies for every event and action that @octokit/webhooks-examples has an
 * example of (the community-maintained payloads behind @octokit/webhooks), one per
 * `event.action` (or per event when it has no actions), so `event: pull_request.closed` sends
 * what GitHub sends.
 *
 * The examples weigh 1.5 MB as compact JSON (of the package's 3.2 MB for github.com), so they
 * stay out of the bundles: the build writes them brotli-compressed (about 30 KB) beside the
 * bundle (dist/github-webhook-examples.json.br, see write-github-catalog.ts), and they are
 * read on first use, when a scenario file names one. From source (tests) they come from the
 * installed package instead. Only the names (github-catalog-names.ts, generated, a few KB)
 * are loaded eagerly: the loader and the editors' schema check event names against them.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { brotliDecompressSync } from "node:zlib";

export const CATALOG_FILE = "github-webhook-examples.json.br";
export const CATALOG_PACKAGE = "@octokit/webhooks-examples";

/** The package's index.json: one entry per event with its examples. */
export type ExamplesIndex = readonly {
  readonly name: string;
  readonly examples: readonly Record<string, unknown>[];
}[];

/** "pull_request.opened" (or "push"): the first example of each event/action, in the package's order. */
export function pickGithubExamples(index: ExamplesIndex): Record<string, Record<string, unknown>> {
  const picked: Record<string, Record<string, unknown>> = {};
  for (const entry of index) {
    for (const example of entry.examples) {
      const action = typeof example.action === "string" ? example.action : undefined;
      const name = action === undefined ? entry.name : `${entry.name}.${action}`;
      if (!Object.hasOwn(picked, name)) picked[name] = example;
    }
  }
  return picked;
}

/** The X-GitHub-Event value of a catalog name: "pull_request.closed" -> "pull_request". */
export function githubEventOf(name: string): string {
  const dot = name.indexOf(".");
  return dot < 0 ? name : name.slice(0, dot);
}

let cache: Readonly<Record<string, Record<string, unknown>>> | undefined;

/** The directory of this module's bundle (dist/, where its chunk sits) or, from source, this file's. */
function moduleDir(): string {
  return path.dirname(fileURLToPath(import.meta.url));
}

function load(): Readonly<Record<string, Record<string, unknown>>> {
  const dir = moduleDir();
  const bundled = path.join(dir, CATALOG_FILE);
  if (existsSync(bundled)) {
    return JSON.parse(brotliDecompressSync(readFileSync(bundled)).toString("utf8")) as Record<
      string,
      Record<string, unknown>
    >;
  }
  let file: string;
  try {
    file = createRequire(path.join(dir, "noop.js")).resolve(CATALOG_PACKAGE);
  } catch {
    throw new Error(
      `GitHub's example payloads are missing: neither ${bundled} nor the ${CATALOG_PACKAGE} package was found (rebuild with npm run build)`,
    );
  }
  return pickGithubExamples(JSON.parse(readFileSync(file, "utf8")) as ExamplesIndex);
}

/** The example body of a catalog name as compact JSON, or undefined when there is none. */
export function githubCatalogBody(name: string): string | undefined {
  cache ??= load();
  const example = Object.hasOwn(cache, name) ? cache[name] : undefined;
  return example === undefined ? undefined : JSON.stringify(example);
}
