/**
 * Packages the bundler cannot inline (native bindings, playwright-core) are copied beside the
 * bundle in dist/<name>/ by the build, so the action runs with no npm install. From
 * source (tests, the TypeScript entry points) there is no such copy: the installed package is
 * loaded instead.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * `<name>` beside this module: dist/<name> when running from the bundle in dist/ (its chunks
 * sit in dist/ beside the vendored copies). From source the directory does not exist, and
 * loadVendored loads the installed package instead.
 */
export function vendoredDir(name: string): string | undefined {
  return path.join(path.dirname(fileURLToPath(import.meta.url)), name);
}

export interface Vendored {
  /** The module's exports (its `default` when it has one). */
  readonly module: unknown;
  /** Where it was loaded from: the vendored directory or the package name. */
  readonly from: string;
}

/**
 * Loads `<dir>/index.js` when the vendored copy is there, otherwise the installed package.
 * `specifier` must be passed as a variable by callers, so the bundler leaves the import alone.
 */
export async function loadVendored(dir: string | undefined, specifier: string): Promise<Vendored> {
  const entry = dir === undefined ? undefined : path.join(dir, "index.js");
  const copied = entry !== undefined && existsSync(entry);
  const loaded: unknown = copied ? createRequire(entry)(entry) : await import(specifier);
  return {
    module: (loaded as { default?: unknown }).default ?? loaded,
    from: copied ? (dir as string) : specifier,
  };
}
