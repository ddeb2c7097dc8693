/**
 * Keeps the garbage of streamed bodies bounded. Node copies every body chunk out of the
 * HTTP parser's read buffer into a fresh Buffer (memory outside V8's heap), and V8 frees
 * dead ones only when its young generation fills or external memory has grown by about
 * 64 MB since the last collection. A 1 GiB upload through any Node proxy therefore grows
 * the process by 80-90 MB of dead chunks (measured for a bare `http.request` pipe too).
 *
 * The gate knows when it has just forwarded many body bytes, so after every `paceBytes` it
 * asks V8 for a young-generation collection. That is cheap (nearly everything young is
 * dead by then: a few hundred microseconds), rare for ordinary traffic (one per 8 MiB of
 * bodies) and keeps the dead chunks under about that much. Where no `gc` function can be
 * had, pacing is off and only V8's own triggers apply.
 */
import v8 from "node:v8";
import vm from "node:vm";

export type GcFunction = (options?: { type?: "minor" | "major"; execution?: "sync" | "async" }) => void;

/** One young-generation collection per this many forwarded body bytes. */
export const DEFAULT_PACE_BYTES = 8 * 1024 * 1024;

let exposed: GcFunction | null | undefined;

/**
 * V8's `gc`, from a fresh context once `--expose-gc` is on (the way Jest's leak detector
 * gets it), so no command-line flag is needed: the action's runtime starts `node main.js`
 * with none. Memoized; null when unavailable.
 */
export function exposeGc(): GcFunction | null {
  if (exposed !== undefined) return exposed;
  const existing = (globalThis as { gc?: unknown }).gc;
  if (typeof existing === "function") {
    exposed = existing as GcFunction;
    return exposed;
  }
  try {
    v8.setFlagsFromString("--expose-gc");
    const gc = vm.runInNewContext("gc") as unknown;
    exposed = typeof gc === "function" ? (gc as GcFunction) : null;
  } catch {
    exposed = null;
  }
  return exposed;
}

/** Counts forwarded body bytes and collects young garbage every `paceBytes`. */
export class GcPacer {
  #since = 0;

  constructor(
    private readonly gc: GcFunction | null,
    private readonly paceBytes = DEFAULT_PACE_BYTES,
  ) {}

  /** Called for every body chunk the gate forwards, either way. */
  forwarded(bytes: number): void {
    if (this.gc === null) return;
    this.#since += bytes;
    if (this.#since < this.paceBytes) return;
    this.#since = 0;
    this.gc({ type: "minor" });
  }
}
