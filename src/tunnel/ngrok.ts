/**
 * ngrok through its SDK (the agent as a native addon, no process to manage): one forward()
 * to the gate, with the authtoken, an optional reserved domain and Traffic Policy. The SDK
 * reconnects by itself; if its session stays down longer than tunnel-timeout, 'lost'.
 */

import { EventEmitter } from "node:events";
import { errorMessage, StartError } from "../errors.js";
import { formatDuration } from "../util/time.js";
import { ngrokAdvice, ngrokErrorCode } from "./ngrok-errors.js";
import { loadNgrok, type NgrokListener, type NgrokModule } from "./ngrok-loader.js";
import type { OpenOptions, Tunnel, TunnelEvents, TunnelProvider, TunnelTarget } from "./provider.js";
import type { NgrokSettings } from "./settings.js";

export interface NgrokProviderOptions {
  readonly settings: NgrokSettings;
  readonly timeoutMs: number;
  /** Loads the SDK; tests pass a fake module. */
  readonly load?: () => Promise<NgrokModule>;
}

const KEEP_LOG_LINES = 20;

export function ngrokProvider(options: NgrokProviderOptions): TunnelProvider {
  return {
    name: "ngrok",
    // ngrok appends the real client address to X-Forwarded-For; the gate takes the right-most.
    clientIpHeader: "x-forwarded-for",
    open: (target, openOptions) => openNgrok(options, target, openOptions),
  };
}

async function openNgrok(
  options: NgrokProviderOptions,
  target: TunnelTarget,
  open: OpenOptions,
): Promise<Tunnel> {
  const { settings, timeoutMs } = options;
  const { logger, signal } = open;
  const authtoken = settings.authtoken;
  if (authtoken === undefined) {
    throw new StartError(
      "provider: ngrok needs an authtoken: set the NGROK_AUTHTOKEN secret (or the ngrok-authtoken input), or use provider: cloudflared or ssh.",
    );
  }
  // Never let the token into a message, whatever the SDK puts in its errors and logs.
  const redact = (text: string) => text.split(authtoken).join("***");
  const sdk = await (options.load ?? loadNgrok)();
  const logLines: string[] = [];
  const tunnel = new NgrokTunnel(logger, timeoutMs);
  const host = target.host.includes(":") ? `[${target.host}]` : target.host;
  logger.info(
    `ngrok: opening an endpoint to ${host}:${target.port} (authtoken from ${settings.authtokenFrom}${settings.domain ? `, domain ${settings.domain}` : ""}${settings.trafficPolicy ? ", with a Traffic Policy" : ""})`,
  );
  const forwarding = sdk.forward({
    addr: `${host}:${target.port}`,
    authtoken,
    ...(settings.domain ? { domain: settings.domain } : {}),
    ...(settings.trafficPolicy ? { traffic_policy: settings.trafficPolicy } : {}),
    session_metadata: "preview-tunnel",
    onStatusChange: (status) => tunnel.status(status),
    onLogEvent: (line) => {
      logLines.push(redact(line));
      if (logLines.length > KEEP_LOG_LINES) logLines.shift();
    },
  });
  let listener: NgrokListener;
  try {
    listener = await within(forwarding, timeoutMs, signal);
  } catch (error) {
    // A forward that succeeds after we gave up must not stay open.
    void forwarding.then((late) => late.close()).catch(() => undefined);
    if (signal.aborted && signal.reason instanceof Error) throw signal.reason;
    if (error instanceof TimedOut) {
      throw new StartError(
        `ngrok did not open the endpoint within ${formatDuration(timeoutMs)} (tunnel-timeout).${logTail(logLines)}\nRaise tunnel-timeout, or use provider: cloudflared or ssh.`,
      );
    }
    const code = ngrokErrorCode(error);
    throw new StartError(
      `ngrok could not open the endpoint: ${redact(errorMessage(error))}${logTail(logLines)}\n${ngrokAdvice(code, errorMessage(error), settings.domain)}`,
    );
  }
  const url = listener.url();
  if (!url) {
    await listener.close().catch(() => undefined);
    throw new StartError(
      "ngrok opened an endpoint without a URL. Re-run, or use provider: cloudflared or ssh.",
    );
  }
  tunnel.attach(listener, url.replace(/\/+$/, ""));
  logger.info(`ngrok: endpoint up at ${tunnel.url}`);
  return tunnel;
}

class TimedOut extends Error {}

function within<T>(promise: Promise<T>, ms: number, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new TimedOut()), ms);
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => {
      clearTimeout(timer);
      signal.removeEventListener("abort", onAbort);
    });
  });
}

function logTail(lines: readonly string[]): string {
  return lines.length === 0
    ? ""
    : `\nngrok logged:\n${lines
        .slice(-8)
        .map((l) => `  ${l}`)
        .join("\n")}`;
}

class NgrokTunnel extends EventEmitter<TunnelEvents> implements Tunnel {
  private listener: NgrokListener | undefined;
  private currentUrl = "";
  private downTimer: NodeJS.Timeout | undefined;
  private closing: Promise<void> | undefined;

  constructor(
    private readonly logger: OpenOptions["logger"],
    private readonly timeoutMs: number,
  ) {
    super();
  }

  get url(): string {
    return this.currentUrl;
  }

  attach(listener: NgrokListener, url: string): void {
    this.listener = listener;
    this.currentUrl = url;
  }

  /** The SDK's session status: it reconnects by itself, we only watch the clock. */
  status(status: string): void {
    if (this.closing || this.listener === undefined) return;
    if (status === "closed" && this.downTimer === undefined) {
      this.logger.warning(
        `The ngrok session dropped; waiting up to ${formatDuration(this.timeoutMs)} for it to reconnect.`,
      );
      this.downTimer = setTimeout(() => {
        const error = new StartError(
          `The ngrok session dropped and did not reconnect within ${formatDuration(this.timeoutMs)}.`,
        );
        this.logger.error(error.message);
        this.emit("lost", error);
      }, this.timeoutMs);
      this.downTimer.unref();
    } else if (status === "connected" && this.downTimer !== undefined) {
      clearTimeout(this.downTimer);
      this.downTimer = undefined;
      this.logger.info(`The ngrok session is back; the URL is still ${this.currentUrl}.`);
    }
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      clearTimeout(this.downTimer);
      try {
        await this.listener?.close();
      } catch (error) {
        this.logger.warning(`Closing the ngrok endpoint: ${errorMessage(error)}`);
      }
    })();
    return this.closing;
  }
}
