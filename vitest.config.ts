import { defineConfig } from "vitest/config";

export default defineConfig({
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
