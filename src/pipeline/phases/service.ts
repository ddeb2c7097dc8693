/**
 * One service of the app, for the boot phase: its log (followed into the step log), its setup
 * command, its start command, readiness, what "down" means for it while the preview is up (its
 * process exits; detached, its probes fail), and its stop: the stop command, then the start
 * command's process tree, then its log.
 */

import { writeFileSync } from "node:fs";
import {
  describeExit,
  type ExitInfo,
  LIVENESS_FAILURES,
  LIVENESS_INTERVAL_MS,
  type Liveness,
  LogTail,
  type ManagedProcess,
  type ReadyResult,
  ReadyTimeoutError,
  runToEnd,
  type ServiceSettings,
  waitForReady,
  watchLiveness,
} from "../../app/index.js";
import { StartError } from "../../errors.js";
import { STATE } from "../../session/state.js";
import type { StopPlan } from "../../session/stop-plan.js";
import { formatDuration } from "../../util/time.js";
import type { RunContext } from "../context.js";
import type { BootedService } from "../reached.js";

export const LOG_TAIL_LINES = 50;

/** A service went down: what happened, e.g. `The app exited with code 4` (the caller says when). */
export class ServiceDownError extends Error {
  constructor(
    readonly service: string,
    readonly what: string,
    /** What the user may do about it, for a failure at boot. */
    readonly hint = "",
  ) {
    super(what);
    this.name = "ServiceDownError";
  }
}

export interface ServiceOptions {
  readonly settings: ServiceSettings;
  readonly port: number;
  /** What the run adds to its environment: the others' URLs, PREVIEW_URL, PORT, `env`. */
  readonly env: Readonly<Record<string, string>>;
  /** The one service of the single-service inputs: messages say "the app", lines have no prefix. */
  readonly alone: boolean;
  /** The first service: its pid is saved for the post step, its log is `app-log`. */
  readonly first: boolean;
  readonly plan: StopPlan;
  /** Aborted (with a ServiceDownError) when any service goes down. */
  readonly gone: AbortSignal;
  readonly down: (error: ServiceDownError) => void;
}

export class ServiceRun implements BootedService {
  readonly name: string;
  readonly port: number;
  readonly tail: LogTail;
  readonly log: string;
  #ready: ReadyResult | undefined;
  #process: ManagedProcess | undefined;
  /** The start command exited 0 and the app lives elsewhere: probes watch it. */
  #detached = false;
  #liveness: Liveness | undefined;
  /** Its setup or start command ran: its stop command is owed. */
  #ran = false;
  #stopping: Promise<void> | undefined;

  constructor(
    private readonly ctx: RunContext,
    private readonly options: ServiceOptions,
  ) {
    this.name = options.settings.name;
    this.port = options.port;
    this.log = ctx.serviceLog(this.name);
    this.tail = new LogTail(this.log, LOG_TAIL_LINES);
  }

  get ready(): ReadyResult {
    if (this.#ready === undefined) throw new Error(`${this.name} is not ready`);
    return this.#ready;
  }

  /** "The app", or `The service "api"`. */
  get subject(): string {
    return this.options.alone ? "The app" : `The service "${this.name}"`;
  }

  /** "", or ` of service "api"`, after "the setup command". */
  private get of(): string {
    return this.options.alone ? "" : ` of service "${this.name}"`;
  }

  /** Detail of a phase record: "api: ..." with several services. */
  private detail(text: string): string {
    return this.options.alone ? text : `${this.name}: ${text}`;
  }

  describeTail(): string {
    const lines = this.tail.tail();
    if (lines.length === 0)
      return `${this.options.alone ? "The app" : this.name} printed nothing (log: ${this.log}).`;
    return `Last ${lines.length} line(s) of its output (full log: ${this.log}):\n${lines.map((l) => `  | ${l}`).join("\n")}`;
  }

  /** Starts following its log (its setup's, start's and stop's output) into the step log. */
  async open(): Promise<void> {
    writeFileSync(this.log, "", { flag: "a", mode: 0o600 });
    await this.tail.start();
    const prefix = this.options.alone ? "" : `[${this.name}] `;
    const logger = this.ctx.logger;
    this.tail.onLine((line) => logger.write(`${prefix}${line}\n`));
  }

  private env(): NodeJS.ProcessEnv {
    return this.ctx.childEnv(this.options.env);
  }

  /** From now on its stop command runs at teardown, also from the post step if this process dies. */
  private owe(): void {
    this.#ran = true;
    const { stop, workingDirectory } = this.options.settings;
    if (stop === undefined) return;
    this.options.plan.owe({
      service: this.name,
      command: stop,
      cwd: workingDirectory,
      env: this.options.env,
      log: this.log,
    });
  }

  /** The setup command, to its end: a failure is a StartError with its last output. */
  async setup(signal: AbortSignal): Promise<void> {
    const command = this.options.settings.setup;
    if (command === undefined) return;
    const { ctx } = this;
    await ctx.clock.run(
      "setup",
      async () => {
        ctx.logger.info(
          `Running the setup command${this.of} in ${this.options.settings.workingDirectory}: ${command}`,
        );
        this.owe();
        const outcome = await runToEnd(
          ctx.deps.launcher,
          {
            command,
            cwd: this.options.settings.workingDirectory,
            env: this.env(),
            output: { file: this.log },
          },
          { signal: AbortSignal.any([ctx.signal, this.options.gone, signal]), killGraceMs: ctx.grace() },
        );
        await this.tail.flush();
        if (outcome.kind === "aborted") {
          if (ctx.signal.aborted) throw ctx.signal.reason;
          throw this.options.gone.aborted ? this.options.gone.reason : signal.reason;
        }
        if (outcome.kind === "exited" && outcome.exit.code === 0) return outcome.ms;
        const how = outcome.kind === "exited" ? describeExit(outcome.exit) : "timed out";
        throw new StartError(`The setup command${this.of} ${how}.\n${this.describeTail()}`);
      },
      (ms) => this.detail(`exit code 0 after ${formatDuration(ms)}`),
    );
  }

  /** Starts the start command (its exit is watched from here on). */
  async launch(): Promise<void> {
    const { ctx, options } = this;
    const { settings } = options;
    await ctx.clock.run(
      "boot",
      async () => {
        ctx.logger.info(
          `Starting ${this.options.alone ? "the app" : `service "${this.name}"`} in ${settings.workingDirectory} with PORT=${this.port}; its output goes to ${this.log}`,
        );
        this.owe();
        const started = await ctx.deps.launcher.start({
          command: settings.start,
          cwd: settings.workingDirectory,
          env: this.env(),
          output: { file: this.log },
        });
        this.#process = started;
        if (options.first) ctx.deps.state.save(STATE.appPid, String(started.pid));
        void started.exited.then((exit) => this.exited(exit));
        return started;
      },
      (p) => this.detail(`pid ${p.pid}`),
    );
  }

  /** The start command exited: the app is down, or (detached) launched elsewhere. */
  private exited(exit: ExitInfo): void {
    if (this.ctx.teardown.started || this.#stopping) return;
    const { startMode, stop } = this.options.settings;
    const detaches = startMode === "detached" || (startMode === "auto" && stop !== undefined);
    if (exit.code === 0 && detaches) {
      this.#detached = true;
      this.ctx.logger.info(
        `${this.subject}'s start command exited with code 0: the app runs detached from it, so ${this.#ready ? "probes now watch it" : "readiness decides"} (${startMode === "detached" ? "start-mode: detached" : "a stop command is set"}).`,
      );
      if (this.#ready) this.watch();
      return;
    }
    // A start that ends with 0 right away usually launched the app in the background.
    const hint =
      exit.code === 0 && startMode !== "attached"
        ? ` If the start command launches the app in the background (e.g. "docker compose up -d"), set "stop" (or "start-mode: detached").`
        : "";
    this.options.down(new ServiceDownError(this.name, `${this.subject} ${describeExit(exit)}`, hint));
  }

  /** Waits until it answers; a failure is a StartError with its last output. */
  async waitReady(signal: AbortSignal): Promise<ReadyResult> {
    const { ctx, options } = this;
    const { settings } = options;
    const ready = await ctx.clock.run(
      "ready",
      async () => {
        try {
          return await waitForReady({
            spec: settings.ready,
            port: this.port,
            statuses: ctx.settings.readyStatus,
            timeoutMs: settings.readyTimeoutMs,
            onLine: (listener) => this.tail.onLine(listener),
            seenLines: () => this.tail.tail(),
            signal: AbortSignal.any([ctx.signal, options.gone, signal]),
          });
        } catch (error) {
          if (ctx.signal.aborted) throw ctx.signal.reason;
          if (signal.aborted && !options.gone.aborted) throw signal.reason;
          await this.tail.flush();
          throw this.startFailure(error);
        }
      },
      (r) => this.detail(`${r.detail} after ${formatDuration(r.elapsedMs)}`),
    );
    this.#ready = ready;
    ctx.logger.info(
      `${this.options.alone ? "The app" : `Service "${this.name}"`} is ready (${ready.detail}) after ${formatDuration(ready.elapsedMs)}.`,
    );
    if (this.#detached || settings.startMode === "detached") this.watch();
    return ready;
  }

  private startFailure(error: unknown): unknown {
    if (error instanceof ServiceDownError) {
      if (error.service === this.name)
        return new StartError(`${error.what} before it was ready.${error.hint}\n${this.describeTail()}`);
      // Another service went down: its own waiter says so with its output.
      return error;
    }
    if (error instanceof ReadyTimeoutError) {
      const exit = this.#process?.exitInfo();
      const still = exit && !this.#detached ? ` ${this.subject} ${describeExit(exit)}.` : "";
      const message = error.message.replace(/^The app/, this.subject);
      return new StartError(`${message}${still}\n${this.describeTail()}`, { cause: error });
    }
    return error;
  }

  /** Detached: no process to watch, so its readiness probe is asked again while the preview is up. */
  private watch(): void {
    if (this.#liveness || this.#stopping) return;
    const { settings } = this.options;
    this.ctx.logger.debug(
      `${this.subject} is watched by its readiness probe every ${LIVENESS_INTERVAL_MS / 1000}s (down after ${LIVENESS_FAILURES} failures in a row).`,
    );
    this.#liveness = watchLiveness({
      spec: settings.ready,
      port: this.port,
      statuses: this.ctx.settings.readyStatus,
      onDown: (detail) => {
        if (this.ctx.teardown.started || this.#stopping) return;
        this.options.down(new ServiceDownError(this.name, `${this.subject} stopped answering (${detail})`));
      },
    });
  }

  /** Its stop command (when one is owed), then its start command's tree, then its log; never throws. */
  stop(): Promise<void> {
    this.#stopping ??= this.#stop().catch((error: unknown) =>
      this.ctx.logger.warning(`Stopping ${this.name}: ${String(error)}`),
    );
    return this.#stopping;
  }

  async #stop(): Promise<void> {
    const { ctx } = this;
    this.#liveness?.stop();
    if (this.#ran && this.options.settings.stop !== undefined)
      await this.runStopCommand(this.options.settings.stop);
    this.options.plan.paid(this.name);
    if (this.#process) {
      ctx.logger.info(this.options.alone ? "Stopping the app" : `Stopping service "${this.name}"`);
      await this.#process.stop(ctx.grace(), ctx.cutoff);
    }
    await this.tail.close();
  }

  private async runStopCommand(command: string): Promise<void> {
    const { ctx } = this;
    const { workingDirectory } = this.options.settings;
    const bound = ctx.stopCommandGrace();
    ctx.logger.info(`Running the stop command${this.of}: ${command}`);
    let outcome: Awaited<ReturnType<typeof runToEnd>>;
    try {
      outcome = await runToEnd(
        ctx.deps.launcher,
        { command, cwd: workingDirectory, env: this.env(), output: { file: this.log } },
        // A second signal (the runner's SIGTERM after its SIGINT) kills it at once.
        { timeoutMs: bound, killGraceMs: 0, signal: ctx.deps.urgent },
      );
    } catch (error) {
      ctx.warn(`The stop command${this.of} could not be started: ${String(error)}`);
      return;
    }
    await this.tail.flush();
    if (outcome.kind === "exited" && outcome.exit.code === 0) {
      ctx.logger.info(`The stop command${this.of} finished after ${formatDuration(outcome.ms)}.`);
    } else if (outcome.kind === "exited") {
      ctx.warn(
        `The stop command${this.of} ${describeExit(outcome.exit)}: what it stops may still be running.\n${this.describeTail()}`,
      );
    } else {
      ctx.warn(
        `The stop command${this.of} did not finish within ${formatDuration(bound)} (stop-grace) and was killed: what it stops may still be running.`,
      );
    }
  }
}
