/** What a run reports when it is over (JSON-safe: it travels from the supervisor to the main and post steps). */
import type { GateStats, SignInAudit } from "../gate/index.js";
import type { Annotation } from "../scenarios/index.js";
import type { PhaseRecord } from "./clock.js";

export interface RunResult {
  readonly outcome: "passed" | "failed" | "no-test" | "start-failed" | "cancelled";
  readonly url: string | undefined;
  readonly provider: string;
  readonly appLog: string;
  /** The services' logs, one `<name>.log` each. */
  readonly logsDir: string;
  /** With several services: each one's route and log. */
  readonly services?: readonly ServiceReport[];
  /** What went wrong without failing the run (a stop command that failed or hung). */
  readonly warnings?: readonly string[];
  /** The recording of every request through the gate, when on. */
  readonly harPath: string | undefined;
  /** The live request inspector's page, while the preview is up (not after teardown). */
  readonly inspectorUrl?: string | undefined;
  /** Requests through the gate: counts and the last ones. */
  readonly requests: GateStats | undefined;
  readonly testExitCode: number | undefined;
  /** The scenarios' results (webhook deliveries, OAuth logins), when any ran. */
  readonly scenarios?: ScenarioOutcome | undefined;
  /** With auth: github, who signed in and who was refused (logins and reasons). */
  readonly signIns?: SignInAudit | undefined;
  /** GitHub's ping to the run's temporary webhook, when there was one. */
  readonly githubWebhook?: GithubWebhookOutcome | undefined;
  readonly phases: readonly PhaseRecord[];
  /** Why the run failed, when it did. */
  readonly failure: string | undefined;
}

export interface ServiceReport {
  readonly name: string;
  /** Its route prefix at the gate; undefined: it gets no requests. */
  readonly path: string | undefined;
  readonly log: string;
}

/** What the reports need, JSON-safe (it travels from the supervisor to the main step). */
export interface ScenarioOutcome {
  readonly passed: number;
  readonly failed: number;
  readonly junitPath: string;
  /** The job summary's table. */
  readonly summary: string;
  /** Up to 10, pointing at the scenario files' lines. */
  readonly annotations: readonly Annotation[];
}

/** GitHub's ping to the run's temporary webhook (github-webhook). */
export interface GithubWebhookOutcome {
  readonly ok: boolean;
  /** "GitHub's ping reached the app: 200 in 43 ms.", or why it did not (redacted). */
  readonly message: string;
}
