import { defineConfig } from "vitest/config";
import { inspectorPageVitePlugin } from "./scripts/inspector-page.mjs";

export default defineConfig({
  // The request inspector's page, compiled for the browser (scripts/inspector-page.mjs).
  plugins: [inspectorPageVitePlugin()],
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    // Real processes and sockets: generous per-test limits, no retries hiding flakiness.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    // The last line names every test skipped, and why (test/reporters/skipped.ts).
    reporters: ["default", "./test/reporters/skipped.ts"],
  },
});
