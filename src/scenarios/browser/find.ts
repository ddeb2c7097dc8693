/**
 * Which Chromium or Chrome executable drives the browser scenarios: the one given, else
 * CHROME_PATH, else the first of the usual names on PATH (Debian's `chromium`, Ubuntu's
 * `chromium-browser`, Google Chrome, which GitHub's Ubuntu runners ship at /usr/bin).
 * Checked when the inputs are read, so a missing browser fails the run before anything starts.
 */
import { accessSync, constants, statSync } from "node:fs";
import path from "node:path";

export const BROWSER_NAMES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];
export const BROWSER_PATH_ENV = "CHROME_PATH";

/** Why a file cannot be run, or undefined when it can. */
export type ExecutableCheck = (file: string) => string | undefined;

export const checkExecutable: ExecutableCheck = (file) => {
  const stat = statSync(file, { throwIfNoEntry: false });
  if (stat === undefined) return "does not exist";
  if (!stat.isFile()) return "is not a file";
  try {
    accessSync(file, constants.X_OK);
    return undefined;
  } catch {
    return "is not executable";
  }
};

export type BrowserLookup =
  | { readonly path: string; readonly from: string; readonly problem?: undefined }
  | { readonly problem: string; readonly path?: undefined };

const HINT =
  "install Chromium (Debian/Ubuntu: apt-get install chromium) or Google Chrome, or set browser-path to its executable";

/** A command name (no slash) on PATH, as the shell would find it. */
function onPath(
  name: string,
  env: Readonly<Record<string, string | undefined>>,
  check: ExecutableCheck,
): string | undefined {
  for (const dir of (env.PATH ?? "").split(path.delimiter)) {
    if (dir === "") continue;
    const candidate = path.join(dir, name);
    if (check(candidate) === undefined) return candidate;
  }
  return undefined;
}

/**
 * The browser to launch. `given` is the browser-path input: a path (relative to cwd) or a
 * command name looked up on PATH; empty means detect.
 */
export function findBrowser(
  given: string,
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
  check: ExecutableCheck = checkExecutable,
): BrowserLookup {
  const value = given.trim();
  if (value !== "") {
    if (!value.includes("/") && !value.includes(path.sep)) {
      const found = onPath(value, env, check);
      return found
        ? { path: found, from: "browser-path" }
        : {
            problem: `names no executable on PATH: give the full path of a Chromium or Chrome executable (e.g. /usr/bin/chromium), or leave browser-path empty to find one`,
          };
    }
    const file = path.resolve(cwd, value);
    const why = check(file);
    return why === undefined
      ? { path: file, from: "browser-path" }
      : {
          problem: `must be a Chromium or Chrome executable, but ${file} ${why}: give the path of one (e.g. /usr/bin/chromium), or leave browser-path empty to find one on PATH`,
        };
  }
  const fromEnv = env[BROWSER_PATH_ENV]?.trim();
  if (fromEnv) {
    const file = path.resolve(cwd, fromEnv);
    const why = check(file);
    return why === undefined
      ? { path: file, from: BROWSER_PATH_ENV }
      : {
          problem: `is empty, and ${BROWSER_PATH_ENV} (${file}) ${why}: set browser-path, or point ${BROWSER_PATH_ENV} at a Chromium or Chrome executable`,
        };
  }
  for (const name of BROWSER_NAMES) {
    const found = onPath(name, env, check);
    if (found) return { path: found, from: `PATH (${name})` };
  }
  return {
    problem: `is empty and no browser was found (${BROWSER_PATH_ENV} is not set, and none of ${BROWSER_NAMES.join(", ")} is on PATH), but a scenario has browser: true; ${HINT}`,
  };
}
