/**
 * The only owner of saved state: what the main step records for the post step (and, later,
 * for the supervisor). Values are written the moment a resource exists, so a crash at any
 * point still leaves enough behind to tear down.
 */
import { STATE } from "../config/names.js";

export type StateKey = (typeof STATE)[keyof typeof STATE];

export interface StateStore {
  save(key: StateKey, value: string): void;
}

/** In the CLI nothing outlives the process, so nothing is saved. */
export const noState: StateStore = { save: () => undefined };

export interface SavedState {
  readonly runId: string | undefined;
  readonly appPid: number | undefined;
  readonly testPid: number | undefined;
  readonly appLog: string | undefined;
  readonly tornDown: boolean;
}

/** Reads what the main step saved (in the post step). */
export function readSavedState(get: (key: StateKey) => string): SavedState {
  const pid = (key: StateKey) => {
    const value = Number(get(key));
    return Number.isInteger(value) && value > 0 ? value : undefined;
  };
  return {
    runId: get(STATE.runId) || undefined,
    appPid: pid(STATE.appPid),
    testPid: pid(STATE.testPid),
    appLog: get(STATE.appLog) || undefined,
    tornDown: get(STATE.tornDown) === "true",
  };
}
