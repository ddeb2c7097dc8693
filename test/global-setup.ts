// The end-to-end tests run dist/ exactly as the runner does; build it first so they always
// test the current source (esbuild takes about a second).
import { execFileSync } from "node:child_process";

export default function setup(): void {
  execFileSync(process.execPath, ["scripts/build.mjs"], { stdio: "inherit" });
}
