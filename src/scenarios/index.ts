/** Webhook scenarios: load, run against the public URL, report. The pipeline's entry points. */

export { githubEventProblem } from "./behaviour-build.js";
export { findBrowser } from "./browser/find.js";
export type { GithubDeliveryLog, LoggedDelivery } from "./expect-deliveries.js";
export { type JunitOptions, junitXml } from "./junit.js";
export { createScenarioKeys, type ScenarioKeys, scenarioAppEnv } from "./keys.js";
export {
  displayPath,
  formatProblem,
  type LoadOptions,
  type LoadResult,
  loadScenarioFile,
  loadScenarioFiles,
  loadScenarioFilesOrThrow,
  parseScenarioText,
  ScenarioFileError,
} from "./load.js";
export { type OAuthStep, runOAuthFlow } from "./oauth/run.js";
export type { OAuthFlow, OAuthNegative } from "./oauth/types.js";
export { EXAMPLES, exampleNames } from "./payloads/index.js";
export { type Annotation, annotations, MAX_ANNOTATIONS, summaryMarkdown } from "./report.js";
export {
  type BrowserSettings,
  type DeliveryResult,
  failureSummary,
  type LatencySummary,
  type RunOptions,
  runScenarios,
  type ScenarioResult,
  type ScenarioRun,
  scenarioKind,
} from "./runner.js";
export { scenariosJsonSchema } from "./schema.js";
export { DEFAULT_SCENARIO_TIMEOUT_MS, JUNIT_FILE, type ScenarioSettings } from "./settings.js";
export { PROVIDERS, SCENARIO_PROVIDERS, type ScenarioProvider } from "./signers/index.js";
export type { Scenario, ScenarioProblem, SourceLocation } from "./types.js";
