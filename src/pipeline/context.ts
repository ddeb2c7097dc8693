/**
 * What every phase of one run shares: its id and folder, settings and dependencies, clock,
 * teardown and stop policy, secrets, and what the phases have reached so far (each phase adds
 * its part; the run's result is read from it, whenever the run ends).
 */

import path from "node:path";
import type { ProcessLauncher } from "../app/index.js";
import { RUN_ID_ENV } from "../session/run.js";
import type { StateStore } from "../session/state.js";
import { Teardown } from "../session/teardown.js";
import { mergeEnv } from "../util/env.js";
import { type Logger, redactingLogger } from "../util/logger.js";
import { makeDir } from "../util/make-dir.js";
import { SecretRegistry, tooShortWarning } from "../util/secrets.js";
import { PhaseClock } from "./clock.js";
import type { Reached } from "./reached.js";
import type { RunResult } from "./result.js";
import { type PipelineSettings, pipelineSecrets } from "./settings.js";

/** How the outside world learns about the preview (step outputs, the supervisor, the terminal). */
export interface Reporter {
  /** The preview is up and probed. */
  preview(info: {
    readonly url: string;
    readonly provider: string;
    readonly harPath: string | undefined;
    /** The live request inspector's page, when it is on. */
    readonly inspectorUrl?: string | undefined;
  }): void | Promise<void>;
  /** The tests are done and the preview is held (keep-alive, or until told to stop). */
  holding?(result: RunResult): void | Promise<void>;
  /** The app exited while the preview was up. */
  crashed?(message: string): void | Promise<void>;
  /** The run is over (after teardown). */
  finished(result: RunResult): void | Promise<void>;
}

/** Keeps the pull request (comment, deployment) in step with the run; never throws. */
export interface PreviewPublisher {
  starting(): Promise<void>;
  live(info: {
    readonly url: string;
    readonly provider: string;
    readonly signIn?: {
      readonly method: string;
      readonly where?: string;
      readonly oneClickUrl?: string;
      readonly noCredentials?: boolean;
    };
    readonly inspectorUrl?: string | undefined;
    /** Several services behind the preview: which path each one answers. */
    readonly services?: readonly { readonly name: string; readonly path: string | undefined }[];
  }): Promise<void>;
  testsDone(result: { readonly passed: number; readonly total: number }): Promise<void>;
  failed(reason: string): Promise<void>;
  stopped(): Promise<void>;
  /** Resolves when every call so far is done. */
  settled(): Promise<void>;
}

export interface PipelineDeps {
  readonly logger: Logger;
  readonly launcher: ProcessLauncher;
  readonly state: StateStore;
  readonly reporter: Reporter;
  /** Publishes to the pull request; none in the CLI. */
  readonly publisher?: PreviewPublisher;
  /** The run's id and folder (see newRun). */
  readonly run: { readonly id: string; readonly dir: string };
  /**
   * What the app, the test command and the tunnel agents inherit: the runner's environment
   * less what belongs to the action (the front doors apply config/child-env.ts).
   */
  readonly baseEnv: NodeJS.ProcessEnv;
  /**
   * The run's secrets (the front door registers the config's first, to mask them before
   * anything is logged). Default: a registry of the run's own.
   */
  readonly secrets?: SecretRegistry;
  /** Aborted on SIGINT/SIGTERM: the run tears down and rejects with CancelledError. */
  readonly signal: AbortSignal;
  /**
   * Aborted on a second signal (the runner's SIGTERM 7.5 s after its SIGINT, a second Ctrl-C):
   * whatever is still being stopped is killed at once.
   */
  readonly urgent?: AbortSignal;
  /**
   * Aborted when the preview should end normally (the post step stopping the supervisor).
   * When given, the preview is held until then instead of for `keep-alive`.
   */
  readonly stop?: AbortSignal;
}

/** Teardown must finish inside the runner's 7.5 s between SIGINT and SIGTERM. */
export const CANCEL_GRACE_MS = 3000;

export class RunContext {
  readonly id: string;
  readonly dir: string;
  /** The services' logs, one `<name>.log` each. */
  readonly logsDir: string;
  /** The first service's log (the `app-log` output). */
  readonly appLog: string;
  readonly clock = new PhaseClock();
  readonly teardown: Teardown;
  /** Every secret of the run: what the step log, reports and the recording never show. */
  readonly secrets: SecretRegistry;
  /** deps.logger, with every secret redacted. */
  readonly logger: Logger;
  readonly reached: Reached = {};
  #outcome: RunResult["outcome"] = "no-test";
  /** When every grace still running ends at the latest (brought forward by signals). */
  #cutoff = Number.POSITIVE_INFINITY;
  #failure: string | undefined;
  readonly #warnings: string[] = [];

  constructor(
    readonly settings: PipelineSettings,
    readonly deps: PipelineDeps,
    /** The tunnel provider's name, for the result. */
    readonly provider: string,
  ) {
    this.id = deps.run.id;
    this.dir = deps.run.dir;
    this.secrets =
      deps.secrets ??
      new SecretRegistry({ onTooShort: (label) => deps.logger.warning(tooShortWarning(label)) });
    for (const { label, value } of pipelineSecrets(settings, deps.baseEnv)) this.secrets.add(value, label);
    this.logger = redactingLogger(deps.logger, (text) => this.secrets.redact(text));
    makeDir(this.dir);
    this.logsDir = path.join(this.dir, "logs");
    makeDir(this.logsDir);
    this.appLog = this.serviceLog(settings.services[0]?.name ?? "app");
    this.teardown = new Teardown((m) => this.logger.warning(m));
    // A signal shortens every grace, also one that is already running (teardown had begun).
    const cut = (ms: number) => {
      this.#cutoff = Math.min(this.#cutoff, Date.now() + ms);
    };
    onAbort(deps.signal, () => cut(CANCEL_GRACE_MS));
    if (deps.urgent) onAbort(deps.urgent, () => cut(0));
  }

  /** The latest end of any grace period from now on (see StopOptions.cutoff). */
  readonly cutoff = (): number => this.#cutoff;

  /**
   * The environment of a process the run starts: baseEnv, plus `given` and the run's marker
   * (so a final sweep finds stragglers).
   */
  childEnv(...given: readonly Readonly<Record<string, string | undefined>>[]): NodeJS.ProcessEnv {
    return mergeEnv(this.deps.baseEnv, ...given, { [RUN_ID_ENV]: this.id });
  }

  get signal(): AbortSignal {
    return this.deps.signal;
  }

  /** Stop grace, shortened when cancelled so teardown fits the runner's window. */
  grace(): number {
    const grace = this.settings.stopGraceMs;
    return this.signal.aborted ? Math.min(grace, CANCEL_GRACE_MS) : grace;
  }

  /** Where a service's output goes (its setup's, start's and stop's). */
  serviceLog(name: string): string {
    return path.join(this.logsDir, `${name}.log`);
  }

  /** Something went wrong that does not fail the run (a stop command): logged, and in the summary. */
  warn(message: string): void {
    this.logger.warning(message);
    this.#warnings.push(message);
  }

  /**
   * How long a stop command may run: stop-grace, shortened more when cancelled than the
   * process tree's grace, which comes after it (both must fit the runner's window).
   */
  stopCommandGrace(): number {
    const grace = this.settings.stopGraceMs;
    return this.signal.aborted ? Math.min(grace, CANCEL_GRACE_MS / 2) : grace;
  }

  /** A check ran: the run passed unless something failed. */
  passed(): void {
    if (this.#outcome !== "failed") this.#outcome = "passed";
  }

  /** The run failed (a test, a scenario, a crash, a lost tunnel): the reasons add up. */
  fail(reason: string): void {
    this.#outcome = "failed";
    this.#failure = this.#failure ? `${this.#failure} ${reason}` : reason;
  }

  /** The run ended before its checks: it could not start, or it was cancelled. */
  abort(outcome: "start-failed" | "cancelled", reason: string): void {
    this.#outcome = outcome;
    this.#failure = reason;
  }

  /** The run's result so far; what it says may quote the app (its output, a response): never a secret. */
  result(): RunResult {
    const { exposure, url, testExitCode, scenarios, githubWebhook } = this.reached;
    return this.secrets.redactDeep({
      outcome: this.#outcome,
      url,
      provider: this.provider,
      appLog: this.appLog,
      logsDir: this.logsDir,
      ...(this.settings.services.length > 1
        ? {
            services: this.settings.services.map((s) => ({
              name: s.name,
              path: s.path,
              log: this.serviceLog(s.name),
            })),
          }
        : {}),
      ...(this.#warnings.length > 0 ? { warnings: [...this.#warnings] } : {}),
      harPath: exposure?.gate.harPath,
      // A link to a page that is gone once the gate is down.
      inspectorUrl: this.teardown.started ? undefined : exposure?.gate.inspectorUrl(),
      requests: exposure?.gate.stats(),
      testExitCode,
      scenarios,
      signIns: exposure?.gate.signInAudit(),
      githubWebhook: githubWebhook?.ping,
      phases: this.clock.records,
      failure: this.#failure,
    } satisfies RunResult);
  }
}

export type { RunResult } from "./result.js";

function onAbort(signal: AbortSignal, run: () => void): void {
  if (signal.aborted) run();
  else signal.addEventListener("abort", run, { once: true });
}
