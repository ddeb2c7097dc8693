import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import {
  __require
} from "./chunk-PGICO5ZK.js";

// src/errors.ts
var EXIT = {
  ok: 0,
  testFailed: 1,
  invalidInput: 2,
  startFailed: 3,
  /** 128 + signal number, as shells report a run ended by a signal. */
  sigint: 130,
  sigterm: 143
};
var InputError = class extends Error {
  constructor(input, value, problem) {
    super(`Input "${input}" ${problem} (got ${JSON.stringify(value)}).`);
    this.input = input;
    this.value = value;
    this.problem = problem;
    this.name = "InputError";
  }
  input;
  value;
  problem;
  exitCode = EXIT.invalidInput;
};
var ConfigError = class extends Error {
  constructor(problems) {
    super(
      problems.length === 1 ? problems[0]?.message ?? "Invalid input." : `${problems.length} inputs are invalid:
${problems.map((p) => `  - ${p.message}`).join("\n")}`
    );
    this.problems = problems;
    this.name = "ConfigError";
  }
  problems;
  exitCode = EXIT.invalidInput;
};
var StartError = class extends Error {
  exitCode = EXIT.startFailed;
  constructor(message, options) {
    super(message, options);
    this.name = "StartError";
  }
};
var CancelledError = class extends Error {
  constructor(signal) {
    super(`Cancelled by ${signal}.`);
    this.signal = signal;
    this.name = "CancelledError";
    this.exitCode = signal === "SIGINT" ? EXIT.sigint : EXIT.sigterm;
  }
  signal;
  exitCode;
};
function exitCodeOf(error) {
  return error instanceof Error && "exitCode" in error && typeof error.exitCode === "number" ? error.exitCode : EXIT.testFailed;
}
function errorMessage(error) {
  return error instanceof Error ? error.message : String(error);
}

// builtin:timers/promises
var builtin = __require("node:timers/promises");
var setTimeout = /* @__PURE__ */ (() => builtin.setTimeout)();

// src/util/time.ts
function formatDuration(ms) {
  if (ms < 1e3) return `${Math.round(ms)}ms`;
  if (ms < 6e4) return `${(ms / 1e3).toFixed(ms < 1e4 ? 2 : 1)}s`;
  const m = Math.floor(ms / 6e4);
  const s = Math.round(ms % 6e4 / 1e3);
  return s === 0 ? `${m}m` : `${m}m${s}s`;
}
async function sleep(ms, signal) {
  try {
    await setTimeout(ms, void 0, { signal });
  } catch {
  }
}

export {
  EXIT,
  InputError,
  ConfigError,
  StartError,
  CancelledError,
  exitCodeOf,
  errorMessage,
  formatDuration,
  sleep
};
