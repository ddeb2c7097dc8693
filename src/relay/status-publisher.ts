/**
 * The fork side's stand-in for the Publisher: the same calls the pipeline makes on a publisher
 * (starting, live, testsDone, failed, stopped, settled), turned into status snapshots for the
 * relay workflow instead of comment and deployment writes. Each call returns at once except
 * stopped()/cancelled(), which wait (bounded) for the last upload. Never throws.
 */
import type { StatusProvider, StatusReport, StatusState } from "./status.js";
import { STATUS_PROVIDERS, statusUrl } from "./status.js";

/** What the publisher needs of the uploader (StatusUploader). */
export interface StatusSink {
  submit(report: StatusReport): void;
  flush(timeoutMs: number): Promise<boolean>;
}

export interface RelayStatusPublisherOptions {
  readonly sink: StatusSink;
  readonly now?: () => Date;
  /**
   * What the preview job's own event says (pull_request.number, pull_request.head.sha). The relay
   * compares them with its workflow_run event and refuses a status that disagrees.
   */
  readonly pullRequest?: number | undefined;
  readonly headSha?: string | undefined;
  /** Longest wait for the last upload in stopped()/cancelled(). Default 5 s (the runner kills 10 s after a cancel). */
  readonly finalTimeoutMs?: number;
  /**
   * false: keep track of the statuses but upload nothing until activate() (`publish: auto`,
   * which turns to the relay only once GitHub refuses the token). Default true.
   */
  readonly active?: boolean;
  /**
   * The run's cancellation (SIGINT/SIGTERM). Once it is aborted, failed() is not reported and
   * stopped() ends the series as "cancelled": a cancelled preview is not a failed one.
   */
  readonly signal?: AbortSignal | undefined;
  /**
   * Told what another process of the job needs to finish the series (the post step after the
   * process running the preview was killed), whenever it changes while uploading.
   */
  readonly onRecord?: (record: RelayRecord) => void;
}

/** What the post step needs to finish a series of statuses: its URL and provider, if any. */
export interface RelayRecord {
  readonly url?: string | undefined;
  readonly provider?: string | undefined;
}

type Times = { started?: string; live?: string; tests?: string; ended?: string };

export class RelayStatusPublisher {
  private status: StatusState | undefined;
  private failedOnce = false;
  private url: string | undefined;
  private provider: StatusProvider | undefined;
  private tests: { passed: number; total: number } | undefined;
  private scenarios: { passed: number; failed: number } | undefined;
  private phases: Record<string, number> | undefined;
  private readonly times: Times = {};
  private readonly now: () => Date;
  private active: boolean;

  constructor(private readonly options: RelayStatusPublisherOptions) {
    this.now = options.now ?? (() => new Date());
    this.active = options.active ?? true;
  }

  /** Starts uploading, beginning with the status as it stands. Idempotent. */
  activate(): void {
    if (this.active) return;
    this.active = true;
    this.record();
    if (this.status !== undefined) this.options.sink.submit(this.report(this.status));
  }

  starting(): Promise<void> {
    if (this.status === undefined) this.change("starting", "started");
    return Promise.resolve();
  }

  live(info: { readonly url: string; readonly provider: string }): Promise<void> {
    if (this.ended()) return Promise.resolve();
    this.url = statusUrl(info.url);
    this.provider = (STATUS_PROVIDERS as readonly string[]).includes(info.provider)
      ? (info.provider as StatusProvider)
      : undefined;
    // A new URL after a failure (a tunnel that reconnected) keeps the failure showing.
    this.record();
    this.change(this.failedOnce ? "failed" : this.tests ? "tests" : "live", "live");
    return Promise.resolve();
  }

  testsDone(result: { readonly passed: number; readonly total: number }): Promise<void> {
    if (this.ended()) return Promise.resolve();
    this.tests = { passed: result.passed, total: result.total };
    this.change(this.failedOnce ? "failed" : "tests", "tests");
    return Promise.resolve();
  }

  /** The scenarios' own counts (testsDone carries them summed with the test command). */
  scenariosDone(result: { readonly passed: number; readonly failed: number }): void {
    if (this.ended()) return;
    this.scenarios = { passed: result.passed, failed: result.failed };
  }

  /** How long each phase took (the job summary's PhaseRecords); sent with the next status. */
  phaseTimes(records: readonly { readonly name: string; readonly ms: number }[]): void {
    this.phases = Object.fromEntries(records.slice(0, 16).map((r) => [r.name, Math.round(r.ms)]));
  }

  /** The reason is not sent: it is free text (an app's output could hold anything). */
  failed(_reason: string): Promise<void> {
    if (this.ended() || this.cancelling()) return Promise.resolve();
    this.failedOnce = true;
    this.change("failed", undefined);
    return Promise.resolve();
  }

  /** Teardown is done: the last status. Waits for it to be uploaded, within finalTimeoutMs. */
  stopped(): Promise<void> {
    return this.end(this.cancelling() ? "cancelled" : "stopped");
  }

  /** The run was cancelled (in place of failed() + stopped()): the last status. */
  cancelled(): Promise<void> {
    return this.end("cancelled");
  }

  async settled(): Promise<void> {
    if (!this.active) return;
    await this.options.sink.flush(this.options.finalTimeoutMs ?? 5000);
  }

  private async end(status: "stopped" | "cancelled"): Promise<void> {
    if (!this.ended()) this.change(status, "ended");
    await this.settled();
  }

  private cancelling(): boolean {
    return this.options.signal?.aborted === true;
  }

  /** Tells onRecord where the preview is, once uploading (the post step may have to finish). */
  private record(): void {
    if (!this.active) return;
    try {
      this.options.onRecord?.({ url: this.url, provider: this.provider });
    } catch {
      // Saving state is best effort: the relay's `completed` run still ends the preview.
    }
  }

  private ended(): boolean {
    return this.status === "stopped" || this.status === "cancelled";
  }

  private change(status: StatusState, time: keyof Times | undefined): void {
    this.status = status;
    if (time && this.times[time] === undefined) this.times[time] = this.now().toISOString();
    if (this.active) this.options.sink.submit(this.report(status));
  }

  private report(status: StatusState): StatusReport {
    const { pullRequest, headSha } = this.options;
    return {
      // A failure stays visible in the last status, which may be the only one the relay reads.
      status: this.failedOnce && status === "stopped" ? "failed" : status,
      ...(this.url ? { url: this.url } : {}),
      ...(this.provider ? { provider: this.provider } : {}),
      ...(this.tests ? { tests: { ...this.tests } } : {}),
      ...(this.scenarios ? { scenarios: { ...this.scenarios } } : {}),
      times: { ...this.times },
      ...(this.phases ? { phases: { ...this.phases } } : {}),
      ...(pullRequest !== undefined ? { pullRequest } : {}),
      ...(headSha && /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(headSha) ? { headSha } : {}),
    };
  }
}
