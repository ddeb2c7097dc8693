/**
 * The OpenSSH client's command line for a reverse tunnel. Pure, so each choice is tested:
 * no user config (-F), no prompts (BatchMode), no pseudo-terminal (-T), host keys in a
 * run-local file, and a session (no -N) only when the service prints its URL into it.
 */

import type { TunnelTarget } from "./provider.js";
import type { SshSettings } from "./settings.js";

export interface SshFiles {
  /** Run-local known_hosts file (written beforehand when keys are pinned). */
  readonly knownHosts: string;
  /** Private key file, when ssh-key was given. */
  readonly key: string | undefined;
}

/** The service only forwards and prints nothing: the URL comes from the ssh-url template. */
export function usesTemplate(settings: SshSettings): boolean {
  return settings.urlTemplate !== undefined;
}

export function sshArgs(
  settings: SshSettings,
  target: TunnelTarget,
  files: SshFiles,
  options: { connectTimeoutS: number; platform?: NodeJS.Platform },
): string[] {
  const nullFile = (options.platform ?? process.platform) === "win32" ? "NUL" : "/dev/null";
  const targetHost = target.host.includes(":") ? `[${target.host}]` : target.host;
  const args = [
    "-T",
    "-F",
    nullFile,
    "-o",
    "BatchMode=yes",
    "-o",
    "IdentitiesOnly=yes",
    "-o",
    "ExitOnForwardFailure=yes",
    "-o",
    "ServerAliveInterval=15",
    "-o",
    "ServerAliveCountMax=3",
    "-o",
    `ConnectTimeout=${Math.max(1, Math.round(options.connectTimeoutS))}`,
    // VERBOSE adds "Authenticated to ..." (a fixed-port forward is up after it) and no
    // per-connection lines, unlike -v.
    "-o",
    "LogLevel=VERBOSE",
    "-o",
    `UserKnownHostsFile=${files.knownHosts}`,
    "-o",
    `GlobalKnownHostsFile=${nullFile}`,
    "-o",
    `StrictHostKeyChecking=${settings.knownHosts === undefined ? "accept-new" : "yes"}`,
    // Servers may offer more host keys after login; recording them is not our business.
    "-o",
    "UpdateHostKeys=no",
    "-p",
    String(settings.port),
  ];
  if (files.key !== undefined) args.push("-i", files.key);
  if (settings.user !== undefined) args.push("-l", settings.user);
  args.push("-R", `${settings.remote}:${targetHost}:${target.port}`);
  // Services print the URL into the session; a plain sshd would start a shell in one.
  if (usesTemplate(settings)) args.push("-N");
  args.push(settings.host);
  if (!usesTemplate(settings) && settings.service === "localhost.run") args.push("--", "--output", "json");
  return args;
}

/** The remote port of "-R", or undefined when the server picks one ("0"). */
export function fixedRemotePort(remote: string): number | undefined {
  const port = Number(remote.slice(remote.lastIndexOf(":") + 1));
  return port === 0 ? undefined : port;
}
