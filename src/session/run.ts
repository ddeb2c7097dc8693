/**
 * One run's identity across processes: its id (put into the environment of every process it
 * starts, so stragglers can be found by it) and its folder (the app's log, the recording, the
 * supervisor's saved state, the run's config file).
 */
import { randomUUID } from "node:crypto";
import path from "node:path";

/** Put into the environment of every process we start, so stragglers can be found by it. */
export const RUN_ID_ENV = "PREVIEW_TUNNEL_RUN_ID";

/** Environment of the supervisor process: the run folder the main step chose. */
export const RUN_DIR_ENV = "PREVIEW_TUNNEL_RUN_DIR";

export interface RunIdentity {
  readonly id: string;
  readonly dir: string;
}

/** A new run's id and folder (made when the run starts). */
export function newRun(tempDir: string): RunIdentity {
  const id = randomUUID();
  return { id, dir: path.join(tempDir, `preview-tunnel-${id.slice(0, 8)}`) };
}
