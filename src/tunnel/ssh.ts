/**
 * Reverse tunnel through an SSH service with the OpenSSH client present on every runner:
 * localhost.run, pinggy, serveo, sish, or any sshd plus an ssh-url template. The key and
 * known_hosts live in the run's directory; the key is deleted at close.
 */

import { chmodSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { StartError } from "../errors.js";
import { makeDir } from "../util/make-dir.js";
import { formatDuration } from "../util/time.js";
import { type Agent, describeExit, startAgent } from "./agent.js";
import type { Backoff } from "./backoff.js";
import { KeptTunnel, type Session } from "./keep-up.js";
import type { OpenOptions, Tunnel, TunnelProvider, TunnelTarget } from "./provider.js";
import { applyUrlTemplate, type SshSettings } from "./settings.js";
import { fixedRemotePort, type SshFiles, sshArgs } from "./ssh-args.js";
import { type SshEvent, sshFailureHint, sshOutputParser } from "./ssh-output.js";

export interface SshProviderOptions {
  readonly settings: SshSettings;
  /** tunnel-timeout: for the first connection and for each comeback. */
  readonly timeoutMs: number;
  /** The ssh executable; "ssh" from PATH unless a test says otherwise. */
  readonly command?: string;
  readonly backoff?: Backoff;
}

export function sshProvider(options: SshProviderOptions): TunnelProvider {
  return {
    name: "ssh",
    open: (target, openOptions) => openSsh(options, target, openOptions),
  };
}

async function openSsh(
  options: SshProviderOptions,
  target: TunnelTarget,
  open: OpenOptions,
): Promise<Tunnel> {
  const { settings, timeoutMs } = options;
  const { logger, runDir } = open;
  makeDir(runDir);
  const files = writeFiles(settings, runDir);
  const removeKey = () => {
    if (files.key !== undefined) rmSync(files.key, { force: true });
  };
  const who = `${settings.user === undefined ? "" : `${settings.user}@`}${settings.host}:${settings.port}`;
  logger.info(
    `ssh: connecting to ${who} (remote ${settings.remote} -> ${target.host}:${target.port}, host keys ${settings.knownHosts === undefined ? "accepted on first use" : "pinned"})`,
  );
  const connect = (signal: AbortSignal) =>
    connectOnce({
      options,
      target,
      files,
      env: open.env ?? process.env,
      logFile: path.join(runDir, "ssh.log"),
      signal,
    });
  let first: Session;
  try {
    first = await connect(AbortSignal.any([open.signal, AbortSignal.timeout(timeoutMs)]));
  } catch (error) {
    removeKey();
    if (open.signal.aborted && open.signal.reason instanceof Error) throw open.signal.reason;
    throw error;
  }
  logger.info(`ssh: tunnel up at ${first.url}`);
  return new KeptTunnel(first, {
    provider: "ssh",
    connect,
    timeoutMs,
    logger,
    probe: open.probe,
    backoff: options.backoff,
    cleanup: removeKey,
  });
}

function writeFiles(settings: SshSettings, runDir: string): SshFiles {
  const knownHosts = path.join(runDir, "ssh_known_hosts");
  writeFileSync(knownHosts, settings.knownHosts ?? "");
  let key: string | undefined;
  if (settings.key !== undefined) {
    key = path.join(runDir, "ssh_key");
    writeFileSync(key, settings.key, { mode: 0o600 });
    // mode applies only on creation, and ssh refuses keys others can read.
    chmodSync(key, 0o600);
  }
  return { knownHosts, key };
}

interface ConnectArgs {
  readonly options: SshProviderOptions;
  readonly target: TunnelTarget;
  readonly files: SshFiles;
  readonly env: NodeJS.ProcessEnv;
  readonly logFile: string;
  readonly signal: AbortSignal;
}

/** Starts ssh and waits until it has a public URL; stops it on any failure. */
async function connectOnce(args: ConnectArgs): Promise<Session> {
  const { options, target, files, signal } = args;
  const { settings } = options;
  signal.throwIfAborted();
  let agent: Agent;
  try {
    agent = await startAgent({
      command: options.command ?? "ssh",
      args: sshArgs(settings, target, files, { connectTimeoutS: Math.min(30, options.timeoutMs / 1000) }),
      env: args.env,
      logFile: args.logFile,
    });
  } catch (error) {
    throw new StartError(
      `The ssh tunnel could not start ssh (${(error as Error).message}). Install the OpenSSH client, or use another provider.`,
    );
  }
  const started = Date.now();
  let settled = false;
  let detach: () => void = () => undefined;
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const parser = sshOutputParser(settings.service);
      const fixedPort = fixedRemotePort(settings.remote);
      const onEvent = (event: SshEvent | undefined) => {
        if (event === undefined) return;
        if (event.kind === "refused") reject(failure(`refused the forward (${event.message})`));
        const template = settings.urlTemplate;
        if (template !== undefined) {
          if (event.kind === "allocated") resolve(applyUrlTemplate(template, event.port));
          // A fixed port prints no "Allocated" line: the forward is requested right at login.
          if (event.kind === "authenticated" && fixedPort !== undefined)
            resolve(applyUrlTemplate(template, fixedPort));
        } else if (event.kind === "url") {
          resolve(event.url);
        }
      };
      const stopListening = agent.output.onLine(
        (line) => onEvent(parser.line(line)),
        () => onEvent(parser.flush()),
      );
      const failure = (what: string) => {
        const lines = agent.output.last(12);
        return new StartError(
          `The ssh tunnel to ${settings.host}:${settings.port} ${what}.\nssh printed:\n${agent.output.describe(12)}\n${sshFailureHint(lines, settings)}`,
        );
      };
      void agent.exited.then((exit) => {
        if (!settled) reject(failure(`${describeExit(exit)} before it had a public URL`));
      });
      const onAbort = () => {
        const timedOut = !(signal.reason instanceof Error) || signal.reason.name === "TimeoutError";
        reject(
          timedOut
            ? failure(`had no public URL after ${formatDuration(Date.now() - started)} (tunnel-timeout)`)
            : signal.reason,
        );
      };
      detach = () => {
        stopListening();
        signal.removeEventListener("abort", onAbort);
      };
      if (signal.aborted) onAbort();
      else signal.addEventListener("abort", onAbort, { once: true });
    }).finally(() => {
      settled = true;
      detach();
    });
    return {
      url,
      ended: agent.exited.then((exit) => {
        const last = agent.output.last(1)[0];
        return `ssh ${describeExit(exit)}${last === undefined ? "" : `: ${last}`}`;
      }),
      stop: () => agent.stop(),
    };
  } catch (error) {
    await agent.stop();
    throw error;
  }
}
