import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import {
  path_default
} from "./chunk-C6CPBUKC.js";
import {
  readFileSync,
  renameSync,
  writeFileSync
} from "./chunk-RIQZ67RY.js";
import {
  randomUUID
} from "./chunk-DDG4KZIH.js";

// src/session/run.ts
var RUN_ID_ENV = "PREVIEW_TUNNEL_RUN_ID";
var RUN_DIR_ENV = "PREVIEW_TUNNEL_RUN_DIR";
function newRun(tempDir) {
  const id = randomUUID();
  return { id, dir: path_default.join(tempDir, `preview-tunnel-${id.slice(0, 8)}`) };
}

// src/session/state.ts
var STATE = {
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
  githubHook: "github-hook"
};
var noState = { save: () => void 0 };
var STATE_FILE = "state.json";
function fileState(runDir) {
  const values = readStateFile(runDir);
  const file = path_default.join(runDir, STATE_FILE);
  return {
    save(key, value) {
      values[key] = value;
      writeFileSync(`${file}.tmp`, JSON.stringify(values), { mode: 384 });
      renameSync(`${file}.tmp`, file);
    }
  };
}
function readStateFile(runDir) {
  try {
    return JSON.parse(readFileSync(path_default.join(runDir, STATE_FILE), "utf8"));
  } catch {
    return {};
  }
}
function readSavedState(get) {
  const runDir = get(STATE.runDir) || void 0;
  const fromFile = runDir ? readStateFile(runDir) : {};
  const value = (key) => get(key) || fromFile[key] || "";
  const pid = (key) => {
    const n = Number(value(key));
    return Number.isInteger(n) && n > 0 ? n : void 0;
  };
  return {
    runId: value(STATE.runId) || void 0,
    runDir,
    appPid: pid(STATE.appPid),
    testPid: pid(STATE.testPid),
    supervisorPid: pid(STATE.supervisorPid),
    supervisorLogShown: Number(value(STATE.supervisorLogShown)) || 0,
    appLog: value(STATE.appLog) || void 0,
    tornDown: value(STATE.tornDown) === "true",
    crash: value(STATE.crash) || void 0,
    result: value(STATE.result) || void 0,
    publisher: value(STATE.publisher) || void 0,
    relay: value(STATE.relay) || void 0,
    mode: value(STATE.mode) || void 0,
    githubHook: savedHook(value(STATE.githubHook))
  };
}
function savedHook(text) {
  try {
    const hook = JSON.parse(text);
    return typeof hook?.id === "number" && typeof hook.owner === "string" && typeof hook.repo === "string" && typeof hook.apiUrl === "string" ? { id: hook.id, owner: hook.owner, repo: hook.repo, apiUrl: hook.apiUrl } : void 0;
  } catch {
    return void 0;
  }
}

export {
  RUN_ID_ENV,
  RUN_DIR_ENV,
  newRun,
  STATE,
  noState,
  fileState,
  readSavedState
};
