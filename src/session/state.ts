/**
 * The only owner of saved state: what one process records for another that cleans up after
 * it. Values are written the moment a resource exists, so a crash at any point still leaves
 * enough behind to tear down. The main step saves with core.saveState (see action/state.ts);
 * the background supervisor, which outlives the main step, saves to a file in the run folder.
 */
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Keys of `core.saveState`; the post step reads them back as STATE_<key>. */
export const STATE = {
  runId: "run-id",
  appPid: "app-pid",
  testPid: "test-pid",
  appLog: "app-log",
  tornDown: "torn-down",
  runDir: "run-dir",
  supervisorPid: "supervisor-pid",
  /** How much of the supervisor's log the main step already showed. */
  supervisorLogShown: "supervisor-log-shown",
  /** Written by the supervisor: the app's crash, with its last output. */
  crash: "crash",
  /** Written by the supervisor at the end: the RunResult as JSON, for the post step's summary. */
  result: "result",
  harPath: "har-path",
  /** What was published (comment and deployment ids, phase), to finish it from another process. */
  publisher: "publisher",
  /** The preview's statuses went to the relay workflow: where it was (JSON), to finish the series. */
  relay: "relay",
  /** The action's mode, when not `preview` (`relay`: the post step has nothing to do). */
  mode: "mode",
  /** The run's temporary GitHub webhook (SavedHook as JSON) until it is deleted; "" once it is. */
  githubHook: "github-hook",
} as const;

export type StateKey = (typeof STATE)[keyof typeof STATE];

export interface StateStore {
  save(key: StateKey, value: string): void;
}

/** In the CLI nothing outlives the process, so nothing is saved. */
export const noState: StateStore = { save: () => undefined };

const STATE_FILE = "state.json";

/** A store in `<runDir>/state.json`, rewritten atomically on every save. */
export function fileState(runDir: string): StateStore {
  const values: Record<string, string> = readStateFile(runDir);
  const file = path.join(runDir, STATE_FILE);
  return {
    save(key, value) {
      values[key] = value;
      writeFileSync(`${file}.tmp`, JSON.stringify(values), { mode: 0o600 });
      renameSync(`${file}.tmp`, file);
    },
  };
}

export function readStateFile(runDir: string): Record<string, string> {
  try {
    return JSON.parse(readFileSync(path.join(runDir, STATE_FILE), "utf8")) as Record<string, string>;
  } catch {
    return {};
  }
}

/** Where the run's temporary GitHub webhook is, for whoever deletes it (the token is in the run's config file). */
export interface SavedHook {
  readonly id: number;
  readonly owner: string;
  readonly repo: string;
  /** GITHUB_API_URL of the run. */
  readonly apiUrl: string;
}

export interface SavedState {
  readonly runId: string | undefined;
  readonly runDir: string | undefined;
  readonly appPid: number | undefined;
  readonly testPid: number | undefined;
  readonly supervisorPid: number | undefined;
  readonly supervisorLogShown: number;
  readonly appLog: string | undefined;
  readonly tornDown: boolean;
  readonly crash: string | undefined;
  readonly result: string | undefined;
  /** The publisher's snapshot (JSON), to finish publishing from another process. */
  readonly publisher: string | undefined;
  /** Statuses went to the relay workflow: their URL and provider (JSON). */
  readonly relay: string | undefined;
  readonly mode: string | undefined;
  /** The temporary GitHub webhook not deleted yet, if any. */
  readonly githubHook: SavedHook | undefined;
}

/**
 * Reads what was saved for the post step: the main step's state, completed by what the
 * supervisor wrote to the run folder after the main step had exited.
 */
export function readSavedState(get: (key: StateKey) => string): SavedState {
  const runDir = get(STATE.runDir) || undefined;
  const fromFile = runDir ? readStateFile(runDir) : {};
  const value = (key: StateKey) => get(key) || fromFile[key] || "";
  const pid = (key: StateKey) => {
    const n = Number(value(key));
    return Number.isInteger(n) && n > 0 ? n : undefined;
  };
  return {
    runId: value(STATE.runId) || undefined,
    runDir,
    appPid: pid(STATE.appPid),
    testPid: pid(STATE.testPid),
    supervisorPid: pid(STATE.supervisorPid),
    supervisorLogShown: Number(value(STATE.supervisorLogShown)) || 0,
    appLog: value(STATE.appLog) || undefined,
    tornDown: value(STATE.tornDown) === "true",
    crash: value(STATE.crash) || undefined,
    result: value(STATE.result) || undefined,
    publisher: value(STATE.publisher) || undefined,
    relay: value(STATE.relay) || undefined,
    mode: value(STATE.mode) || undefined,
    githubHook: savedHook(value(STATE.githubHook)),
  };
}

function savedHook(text: string): SavedHook | undefined {
  try {
    const hook = JSON.parse(text) as Partial<SavedHook> | null;
    return typeof hook?.id === "number" &&
      typeof hook.owner === "string" &&
      typeof hook.repo === "string" &&
      typeof hook.apiUrl === "string"
      ? { id: hook.id, owner: hook.owner, repo: hook.repo, apiUrl: hook.apiUrl }
      : undefined;
  } catch {
    return undefined;
  }
}
