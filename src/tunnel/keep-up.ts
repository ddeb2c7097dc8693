/**
 * A tunnel whose agent process may die (network blip, server restart): reconnects with
 * backoff, re-probes, announces a changed URL with 'url', and gives up with 'lost' when it
 * cannot come back within the tunnel timeout. Shared by the providers that run an agent.
 */
import { EventEmitter } from "node:events";
import { errorMessage, StartError } from "../errors.js";
import type { Logger } from "../util/logger.js";
import { formatDuration, sleep } from "../util/time.js";
import { type Backoff, backoffDelay, DEFAULT_BACKOFF } from "./backoff.js";
import type { Tunnel, TunnelEvents } from "./provider.js";

/** One connected agent. */
export interface Session {
  readonly url: string;
  /** Settles when the session ends by itself, with a short description of why. */
  readonly ended: Promise<string>;
  /** Idempotent, never throws. */
  stop(): Promise<void>;
}

export interface KeptTunnelOptions {
  /** Provider name, for messages. */
  readonly provider: string;
  readonly connect: (signal: AbortSignal) => Promise<Session>;
  /** How long a dropped tunnel may take to come back. */
  readonly timeoutMs: number;
  readonly logger: Logger;
  readonly probe?: (url: string, signal: AbortSignal) => Promise<void>;
  readonly backoff?: Backoff;
  /** Runs once at close, after the session stopped (e.g. deletes the key file). */
  readonly cleanup?: () => void | Promise<void>;
}

export class KeptTunnel extends EventEmitter<TunnelEvents> implements Tunnel {
  private current: Session | undefined;
  private currentUrl: string;
  private readonly closing = new AbortController();
  private closed: Promise<void> | undefined;
  /** Settles when the running reconnect loop (if any) is over; for tests and close(). */
  reviving: Promise<void> = Promise.resolve();

  constructor(
    first: Session,
    private readonly options: KeptTunnelOptions,
  ) {
    super();
    this.currentUrl = first.url;
    this.adopt(first);
  }

  get url(): string {
    return this.currentUrl;
  }

  private adopt(session: Session): void {
    this.current = session;
    void session.ended.then((why) => {
      if (this.current !== session || this.closing.signal.aborted) return;
      this.current = undefined;
      this.reviving = this.revive(why);
    });
  }

  private async revive(why: string): Promise<void> {
    const { provider, logger, timeoutMs } = this.options;
    const backoff = this.options.backoff ?? DEFAULT_BACKOFF;
    logger.warning(
      `The ${provider} tunnel dropped (${why}); reconnecting for up to ${formatDuration(timeoutMs)}.`,
    );
    const deadline = Date.now() + timeoutMs;
    let lastError = why;
    let failedBefore = false;
    for (let attempt = 0; !this.closing.signal.aborted && Date.now() < deadline; attempt++) {
      const signal = AbortSignal.any([
        this.closing.signal,
        AbortSignal.timeout(Math.max(1, deadline - Date.now())),
      ]);
      let session: Session | undefined;
      try {
        session = await this.options.connect(signal);
        if (this.options.probe) await this.options.probe(session.url, signal);
      } catch (error) {
        await session?.stop();
        session = undefined;
        const message = errorMessage(error);
        logger.debug(`${provider} reconnect attempt ${attempt + 1} failed: ${message}`);
        // An attempt cut short by the deadline only says time ran out; the failure before it
        // (e.g. "Connection refused") is the one that tells the user what is wrong.
        const outOfTime = signal.aborted && !this.closing.signal.aborted;
        if (!outOfTime || !failedBefore) lastError = message;
        failedBefore = true;
      }
      if (session) {
        if (this.closing.signal.aborted) {
          await session.stop();
          return;
        }
        const previous = this.currentUrl;
        this.currentUrl = session.url;
        this.adopt(session);
        if (session.url !== previous) {
          logger.warning(`The ${provider} tunnel is back with a new URL: ${session.url} (was ${previous}).`);
          this.emit("url", session.url);
        } else {
          logger.info(`The ${provider} tunnel is back at ${session.url}.`);
        }
        return;
      }
      await sleep(backoffDelay(backoff, attempt, deadline), this.closing.signal);
    }
    if (this.closing.signal.aborted) return;
    const error = new StartError(
      `The ${provider} tunnel dropped and could not be brought back within ${formatDuration(timeoutMs)}.\nLast error: ${lastError}`,
    );
    logger.error(error.message);
    this.emit("lost", error);
  }

  close(): Promise<void> {
    this.closed ??= (async () => {
      this.closing.abort();
      try {
        await this.current?.stop();
        await this.reviving;
        await this.options.cleanup?.();
      } catch (error) {
        this.options.logger.warning(`Closing the ${this.options.provider} tunnel: ${errorMessage(error)}`);
      }
    })();
    return this.closed;
  }
}
