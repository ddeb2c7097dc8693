/**
 * Node's module compile cache (Node >= 22.1): the bundle's code, compiled once, is reused by
 * the next process that loads it (the post step after the main step, the supervisor, the next
 * CLI run). On a runner the cache goes to RUNNER_TEMP, the job's own temporary directory (kept
 * for the job's steps, removed after it); elsewhere Node's default, os.tmpdir(). NODE_COMPILE_CACHE,
 * when set, wins (Node enables the cache from it before any code runs).
 */
import module from "node:module";
import path from "node:path";

export function enableCompileCache(env: NodeJS.ProcessEnv = process.env): void {
  const runnerTemp = env.RUNNER_TEMP;
  try {
    module.enableCompileCache?.(
      runnerTemp ? path.join(runnerTemp, "preview-tunnel-compile-cache") : undefined,
    );
  } catch {
    // A cache that cannot be used only costs time.
  }
}
