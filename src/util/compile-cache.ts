/**
 * Node's module compile cache (Node >= 22.1): the bundle's code, compiled once, is reused by
 * the next process that loads it (the post step after the main step, the supervisor, the next
 * CLI run). On a runner the cache goes to RUNNER_TEMP, the job's own temporary directory (kept
 * for the job's steps, removed after it); elsewhere where Node puts it by default, under
 * os.tmpdir(). NODE_COMPILE_CACHE, when set, wins (Node enables the cache from it before any
 * code runs).
 */
import module from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { makeDir } from "./make-dir.js";

export function enableCompileCache(env: NodeJS.ProcessEnv = process.env): void {
  const runnerTemp = env.RUNNER_TEMP;
  const dir = runnerTemp
    ? path.join(runnerTemp, "preview-tunnel-compile-cache")
    : path.join(tmpdir(), "node-compile-cache");
  try {
    // Made here first: Node makes it with a recursive mkdir, which never returns for a
    // temporary directory under /proc (see make-dir.ts), before any signal handler exists.
    makeDir(dir);
    module.enableCompileCache?.(dir);
  } catch {
    // A cache that cannot be used only costs time.
  }
}
