/**
 * The Chromium the browser tests drive. As the action finds one (browser-path empty:
 * CHROME_PATH, then chromium, ..., google-chrome on PATH); where the machine has none, the
 * build that ships inside the `@sparticuz/chromium` dev dependency, so a fresh clone needs no
 * browser installed. Tests only: src/ never imports that package, so dist/ does not carry it.
 *
 * The package is made for AWS Lambda: `executablePath()` unpacks the binary (and fonts, and
 * SwiftShader's GL libraries beside it) into the temp dir, and on Lambda adds NSS from
 * `al2023.tar.br` to LD_LIBRARY_PATH. Elsewhere (a minimal Debian has no libnss3) we unpack
 * that too and launch through a small wrapper script that sets LD_LIBRARY_PATH and a
 * fontconfig for its fonts, so every launcher (the CLI run by the tests, plain playwright-core
 * in a temp dir) can be handed one executable path. The action's own Chromium flags work
 * with it; the package's `chromium.args` (--single-process, --headless='shell', ...) are for
 * Lambda's sandbox and are not needed.
 *
 * PREVIEW_TUNNEL_TEST_CHROMIUM=npm skips the machine's browser and uses the npm one (.ci/run
 * sets it, so CI proves what a fresh clone gets).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { BROWSER_PATH_ENV, checkExecutable, findBrowser } from "../../src/scenarios/browser/find.js";

export const FORCE_NPM_ENV = "PREVIEW_TUNNEL_TEST_CHROMIUM";
const PACKAGE = "@sparticuz/chromium";

/** A browser to launch, or why there is none (the browser tests then skip with it). */
export type TestBrowser =
  | { readonly path: string; readonly from: string; readonly skip?: undefined }
  | { readonly skip: string; readonly path?: undefined };

declare module "vitest" {
  export interface ProvidedContext {
    testBrowser: TestBrowser;
  }
}

export async function resolveTestBrowser(
  env: Readonly<Record<string, string | undefined>>,
  root: string,
): Promise<TestBrowser> {
  const mode = env[FORCE_NPM_ENV]?.trim() ?? "";
  if (mode !== "" && mode !== "npm") {
    throw new Error(`${FORCE_NPM_ENV} must be "npm" (use ${PACKAGE}) or empty (got ${JSON.stringify(mode)})`);
  }
  if (mode === "") {
    // A CHROME_PATH that leads nowhere is a mistake to fix, not a reason to look elsewhere.
    const given = env[BROWSER_PATH_ENV]?.trim();
    const why = given ? checkExecutable(path.resolve(root, given)) : undefined;
    if (why !== undefined) {
      throw new Error(
        `${BROWSER_PATH_ENV} (${path.resolve(root, given ?? "")}) ${why}: point it at a Chromium or Chrome executable, or unset it to use the machine's or ${PACKAGE}'s`,
      );
    }
    const found = findBrowser("", env, root);
    if (found.path !== undefined) return { path: found.path, from: found.from };
  }
  if (process.platform !== "linux" || process.arch !== "x64") {
    return {
      skip: `no Chromium: none on PATH and CHROME_PATH is not set, and ${PACKAGE} ships a Linux x64 build only (this is ${process.platform} ${process.arch}); install Chromium or Google Chrome, or set CHROME_PATH`,
    };
  }
  const dir = unpackNpmChromium(root);
  return { path: path.join(dir, "chromium.sh"), from: `${PACKAGE} (unpacked in ${dir})` };
}

/**
 * Unpacks the package's Chromium once per version into node_modules/.cache (about 210 MB,
 * three seconds); later runs reuse it. Built in a staging directory and renamed into place,
 * so a run that was interrupted, or one running at the same time, never sees half of it.
 */
function unpackNpmChromium(root: string): string {
  const require = createRequire(path.join(root, "package.json"));
  const entry = require.resolve(PACKAGE);
  const pkgDir = path.resolve(path.dirname(entry), "..");
  const { version } = JSON.parse(readFileSync(path.join(pkgDir, "package.json"), "utf8")) as {
    version: string;
  };
  const cache = path.join(root, "node_modules", ".cache", "preview-tunnel");
  const dir = path.join(cache, `chromium-${version}`);
  if (existsSync(path.join(dir, "chromium.sh"))) return dir;

  const staging = path.join(cache, `chromium-${version}.${process.pid}.tmp`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  try {
    // The package unpacks into os.tmpdir(): a child with TMPDIR pointing at the staging
    // directory does it there, with the package's own code.
    const script = `
      const { default: chromium, inflate } = await import(${JSON.stringify(entry)});
      await chromium.executablePath(${JSON.stringify(path.join(pkgDir, "bin"))});
      await inflate(${JSON.stringify(path.join(pkgDir, "bin", "al2023.tar.br"))});`;
    execFileSync(process.execPath, ["--input-type=module", "-e", script], {
      env: { ...process.env, TMPDIR: staging },
      stdio: ["ignore", "inherit", "inherit"],
    });
    for (const part of ["chromium", "al2023/lib/libnss3.so", "fonts"]) {
      if (!existsSync(path.join(staging, part))) throw new Error(`${PACKAGE} did not unpack ${part}`);
    }
    mkdirSync(path.join(staging, "fontconfig"));
    writeFileSync(
      path.join(staging, "fontconfig", "fonts.conf"),
      [
        '<?xml version="1.0"?>',
        '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
        "<fontconfig>",
        `  <dir>${path.join(dir, "fonts")}</dir>`,
        `  <cachedir>${path.join(dir, "fontconfig", "cache")}</cachedir>`,
        "</fontconfig>",
        "",
      ].join("\n"),
    );
    writeFileSync(
      path.join(staging, "chromium.sh"),
      [
        "#!/bin/sh",
        `# ${PACKAGE} ${version} for the tests: NSS (not on a minimal Debian) and fonts from the package.`,
        `LD_LIBRARY_PATH="${path.join(dir, "al2023", "lib")}\${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" \\`,
        `FONTCONFIG_PATH="${path.join(dir, "fontconfig")}" \\`,
        `exec "${path.join(dir, "chromium")}" "$@"`,
        "",
      ].join("\n"),
      { mode: 0o755 },
    );
    try {
      renameSync(staging, dir);
    } catch (error) {
      // Another run finished first: use its copy.
      if (!existsSync(path.join(dir, "chromium.sh"))) throw error;
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return dir;
}
