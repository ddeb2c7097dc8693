/**
 * The CLI's watchdog: a small detached process, started before the run starts anything, that
 * outlives the CLI. Should the CLI die without tearing down (SIGKILL, an out-of-memory kill),
 * it stops what the run left (cli/leftovers.ts: the marked processes, the started processes'
 * trees, groups and sessions) and removes the run's registry entry. Node has no
 * prctl(PR_SET_PDEATHSIG); the IPC channel to the parent is portable and closes however the
 * parent ends, so its "disconnect" is the signal. A CLI that ends normally dismisses it first.
 */
import { spawn } from "node:child_process";
import { RunRegistry } from "../session/registry.js";
import { WATCHDOG_COMMAND } from "./io.js";
import { stopLeftovers } from "./leftovers.js";

/** What the watchdog gives processes it stops (they are orphans already). */
const WATCHDOG_GRACE_MS = 2000;
const DISMISS_WAIT_MS = 2000;

export interface Watchdog {
  /**
   * Settles once the watchdog listens for the CLI's death (or could not start, or took over
   * READY_WAIT_MS): the run starts nothing before, so no process of it can outlive the CLI
   * unwatched. Never rejects.
   */
  readonly ready: Promise<void>;
  /** The run ended normally: the watchdog leaves without stopping anything. Never throws. */
  dismiss(): Promise<void>;
}

const READY_WAIT_MS = 5000;

/**
 * Starts the watchdog of run `runId` with the CLI's own `script` (its registry entry in
 * `registryDir`, if any). The watchdog does not carry the run's marker, so the run's own
 * sweep leaves it alone.
 */
export function startWatchdog(
  script: string,
  runId: string,
  registryDir: string | undefined,
  env: NodeJS.ProcessEnv,
): Watchdog {
  const child = spawn(process.execPath, [script, WATCHDOG_COMMAND, runId, registryDir ?? ""], {
    detached: true,
    stdio: ["ignore", "ignore", "ignore", "ipc"],
    env,
    windowsHide: true,
  });
  child.on("error", () => undefined);
  let timer: NodeJS.Timeout | undefined;
  const ready = new Promise<void>((resolve) => {
    child.once("message", () => resolve());
    child.once("exit", () => resolve());
    child.once("error", () => resolve());
    timer = setTimeout(resolve, READY_WAIT_MS);
  }).then(() => {
    clearTimeout(timer);
    // From now on neither the process nor its channel keeps the CLI alive.
    child.unref();
    child.channel?.unref();
  });
  return {
    ready,
    async dismiss() {
      if (child.exitCode !== null || child.signalCode !== null || !child.connected) return;
      // Held (ref) until it has gone, or the CLI's loop could empty before it does.
      child.ref();
      let timer: NodeJS.Timeout | undefined;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.send("done", () => undefined);
      await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, DISMISS_WAIT_MS)))]);
      clearTimeout(timer);
      child.unref();
    },
  };
}

/** The watchdog process: "done" from the CLI ends it; the CLI's death makes it clean up. */
export function runWatchdog(args: readonly string[]): Promise<number> {
  const [runId, registryDir] = args;
  // Started without an IPC channel: not by the CLI.
  if (!runId || process.send === undefined) return Promise.resolve(2);
  return new Promise((resolve) => {
    let settled = false;
    const cleanUp = () => {
      if (settled) return;
      settled = true;
      const registry = registryDir ? new RunRegistry(registryDir) : undefined;
      const entry = registry?.read(runId) ?? { runId, leaders: [] };
      void stopLeftovers(entry, WATCHDOG_GRACE_MS)
        .catch(() => 0)
        .then(() => {
          registry?.remove(runId);
          resolve(0);
        });
    };
    process.on("message", (message) => {
      if (message !== "done" || settled) return;
      settled = true;
      process.disconnect();
      resolve(0);
    });
    process.on("disconnect", cleanUp);
    // The CLI died while this process was starting: its "disconnect" came before the listener.
    if (!process.connected) cleanUp();
    // Its error (the CLI died meanwhile) comes with "disconnect" as well.
    else process.send?.("ready", undefined, undefined, () => undefined);
  });
}
