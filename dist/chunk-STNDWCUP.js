import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import {
  namedSecrets
} from "./chunk-QSITGZFO.js";

// src/scenarios/settings.ts
var DEFAULT_SCENARIO_TIMEOUT_MS = 3e4;
var SCENARIO_LIMITS = { scenarios: 1e3, fileBytes: 1024 * 1024, aliases: 1e3 };
var JUNIT_FILE = "scenarios-junit.xml";
function namedScenarioSecrets(settings, env) {
  return namedSecrets(
    ...settings.scenarios.flatMap(
      (scenario) => scenario.secretEnv === void 0 ? [] : [[`the scenario secret in ${scenario.secretEnv}`, env[scenario.secretEnv]]]
    )
  );
}

export {
  DEFAULT_SCENARIO_TIMEOUT_MS,
  SCENARIO_LIMITS,
  JUNIT_FILE,
  namedScenarioSecrets
};
