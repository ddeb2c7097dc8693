// Before any test: check the machine has what the suite needs (one clear line if not),
// build dist/ (the end-to-end tests run it exactly as the runner does, so it must be the
// current source; esbuild takes about a second), and choose the Chromium for the browser tests.
import { execFileSync } from "node:child_process";
import type { TestProject } from "vitest/node";
import { resolveTestBrowser } from "./setup/chromium.js";
import { missingPrerequisite } from "./setup/prerequisites.js";

export default async function setup(project: TestProject): Promise<void> {
  const missing = missingPrerequisite();
  if (missing !== undefined) {
    // One line and out: thrown, vitest would wrap it in "No test files found" and a banner.
    process.stderr.write(`${missing}\n`);
    process.exit(1);
  }
  execFileSync(process.execPath, ["scripts/build.mjs"], { stdio: "inherit" });
  project.provide("testBrowser", await resolveTestBrowser(process.env, process.cwd()));
}
