/**
 * The scenarios of a run (signed webhook deliveries, OAuth logins) as loaded from their files,
 * where the JUnit report goes, how long a delivery may take, which browser drives
 * `browser: true` logins. Built by src/config, which loads the files.
 */
import { type NamedSecret, namedSecrets } from "../util/secrets.js";
import type { Scenario } from "./types.js";

/** Longest wait for the response to one delivery (or one step of a login), unless configured. */
export const DEFAULT_SCENARIO_TIMEOUT_MS = 30_000;

/**
 * Bounds of what a run loads, so a huge or hostile file fails at once with its name instead of
 * exhausting memory or the stack: scenarios of a run (each is run in turn), bytes of one file,
 * and YAML aliases resolved (an alias bomb expands exponentially).
 */
export const SCENARIO_LIMITS = { scenarios: 1000, fileBytes: 1024 * 1024, aliases: 1000 } as const;

/** The JUnit report's file name in the run's folder, unless configured. */
export const JUNIT_FILE = "scenarios-junit.xml";

export interface ScenarioSettings {
  /** Absolute paths, in input order, without duplicates; empty: no scenarios. */
  readonly files: readonly string[];
  readonly scenarios: readonly Scenario[];
  /** Absolute path of the JUnit XML report. */
  readonly junitPath: string;
  readonly timeoutMs: number;
  /** The browser for OAuth scenarios with `browser: true`; undefined when there are none. */
  readonly browserPath?: string;
}

/** The scenarios' signing secrets (read from `env`, as the runner will), named: to mask. */
export function namedScenarioSecrets(
  settings: ScenarioSettings,
  env: Readonly<Record<string, string | undefined>>,
): NamedSecret[] {
  return namedSecrets(
    ...settings.scenarios.flatMap((scenario) =>
      scenario.secretEnv === undefined
        ? []
        : [[`the scenario secret in ${scenario.secretEnv}`, env[scenario.secretEnv]] as const],
    ),
  );
}
