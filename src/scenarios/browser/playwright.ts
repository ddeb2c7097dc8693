/**
 * Chromium through playwright-core, for OAuth scenarios with `browser: true`. playwright-core
 * is loaded only then (the bundle keeps it external; dist/playwright-core is its vendored
 * copy, scripts/vendor-playwright.mjs), so runs without browser scenarios never load it.
 * The browser is headless, gets a fresh temporary profile (Playwright's own, removed on
 * close), none of Playwright's signal handlers (the run's cancellation closes it instead), and
 * is always closed: on success, on failure and on cancellation.
 */
import type { Browser, BrowserType } from "playwright-core";
import { loadVendored, vendoredDir } from "../../util/vendored.js";

// A variable, so the bundler leaves the import alone (the package is external).
const PACKAGE = "playwright-core";

/** Quiet and self-contained: no sandbox (runners and containers run as root), GPU, QUIC or background traffic. */
export const CHROMIUM_ARGS: readonly string[] = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface LoadedChromium {
  readonly chromium: BrowserType;
  /** The vendored directory or the package name, for the log. */
  readonly from: string;
}

export type ChromiumLoader = () => Promise<LoadedChromium>;

export async function loadChromium(dir: string | undefined = vendoredDir(PACKAGE)): Promise<LoadedChromium> {
  let from = dir ?? PACKAGE;
  try {
    const loaded = await loadVendored(dir, PACKAGE);
    from = loaded.from;
    const chromium = (loaded.module as { chromium?: BrowserType }).chromium;
    if (typeof chromium?.launch !== "function") throw new Error("it has no chromium.launch()");
    return { chromium, from };
  } catch (error) {
    throw new Error(`playwright-core could not be loaded from ${from}: ${(error as Error).message}`);
  }
}

export interface ChromiumOptions {
  readonly executablePath: string;
  /** Of the browser's processes: carries the run's marker, so a leftover is found and stopped. */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly timeoutMs: number;
  readonly signal: AbortSignal | undefined;
  readonly load?: ChromiumLoader;
}

export class BrowserCancelled extends Error {
  constructor() {
    super("cancelled");
    this.name = "BrowserCancelled";
  }
}

/** Runs `use` with a launched Chromium and closes it afterwards, whatever happens. */
export async function withChromium<T>(
  options: ChromiumOptions,
  use: (browser: Browser, from: string) => Promise<T>,
): Promise<T> {
  const { chromium, from } = await (options.load ?? loadChromium)();
  if (options.signal?.aborted) throw new BrowserCancelled();
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(options.env)) if (value !== undefined) env[name] = value;
  const browser = await chromium.launch({
    executablePath: options.executablePath,
    headless: true,
    args: [...CHROMIUM_ARGS],
    env,
    timeout: options.timeoutMs,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  // Closing makes every pending page operation reject at once: that is how a cancel ends it.
  const close = () => browser.close().catch(() => undefined);
  options.signal?.addEventListener("abort", close, { once: true });
  try {
    if (options.signal?.aborted) throw new BrowserCancelled();
    return await use(browser, from);
  } finally {
    options.signal?.removeEventListener("abort", close);
    await close();
  }
}
