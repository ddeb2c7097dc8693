/**
 * What the phases of a run add to its context (RunContext.reached), each part named after the
 * phase that adds it: what later phases use, and what the run's result is read from.
 */
import type { LogTail, ReadyResult } from "../app/index.js";
import type { Gate } from "../gate/index.js";
import type { GithubDeliveryLog } from "../scenarios/index.js";
import type { Tunnel } from "../tunnel/index.js";
import type { GithubWebhookOutcome, ScenarioOutcome } from "./result.js";

/** expose: the gate in front of the app's port, and the tunnel in front of the gate. */
export interface Exposure {
  readonly gate: Gate;
  readonly tunnel: Tunnel;
}

/** boot: one service, up and ready. */
export interface BootedService {
  readonly name: string;
  readonly port: number;
  readonly tail: LogTail;
  readonly ready: ReadyResult;
  /** The last lines of its output, formatted for an error message. */
  describeTail(): string;
}

/** publish: the run's temporary GitHub webhook. */
export interface GithubWebhookReached {
  readonly hookId: number;
  /** What expect-deliveries reads. */
  readonly log: GithubDeliveryLog;
  /** How GitHub's ping went; undefined while it is awaited. */
  ping?: GithubWebhookOutcome;
}

/** boot: the app (its services), up and ready. */
export interface BootedApp {
  readonly services: readonly BootedService[];
  /** Aborts when a service goes down (its process exits, or a detached one stops answering). */
  readonly gone: AbortSignal;
  /** Why a service went down, once one did. */
  down(): string | undefined;
  /** Reads what the services printed so far. */
  flush(): Promise<void>;
  /** The last lines of a service's output (the first service's by default), for an error message. */
  describeTail(service?: string): string;
}

/** What the phases have added so far; each field is set by the phase named beside it. */
export interface Reached {
  /** expose: the gate, the tunnel and the probed public URL. */
  exposure?: Exposure;
  /** expose, and again when the tunnel comes back on another URL. */
  url?: string;
  /** expose: why the tunnel was lost for good, when it was (the run fails when it ends). */
  tunnelLost?: string;
  /** boot: the app, up and ready. */
  app?: BootedApp;
  /** test: the test command's exit code. */
  testExitCode?: number;
  /** scenarios: their results. */
  scenarios?: ScenarioOutcome;
  /** publish: the temporary GitHub webhook (github-webhook), once it exists. */
  githubWebhook?: GithubWebhookReached;
}
