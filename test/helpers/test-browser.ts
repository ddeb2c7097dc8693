/**
 * The suite's Chromium (a system one, or @sparticuz/chromium from npm: test/setup/chromium.ts),
 * launched the way the action launches a browser, for the tests where a person would look.
 */
import type { Browser } from "playwright-core";
import { inject } from "vitest";
import { withChromium } from "../../src/scenarios/browser/playwright.js";

/** Runs `use` with the suite's Chromium, started with `env` (a run's marker, so no process is left). */
export function withTestBrowser<T>(
  env: NodeJS.ProcessEnv,
  use: (browser: Browser) => Promise<T>,
): Promise<T> {
  const { path } = inject("testBrowser");
  return withChromium({ executablePath: path ?? "", env, timeoutMs: 30_000, signal: undefined }, use);
}
