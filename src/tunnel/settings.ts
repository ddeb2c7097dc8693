/**
 * The tunnel providers' settings (ssh, cloudflared, ngrok; the probe's deadline) and their
 * defaults. Built by src/config from the inputs; the providers only read them.
 */
import { type NamedSecret, namedSecrets } from "../util/secrets.js";

export const TUNNEL_PROVIDERS = ["auto", "ngrok", "cloudflared", "ssh", "local"] as const;
/** A provider as the inputs name it; `auto` is resolved by chooseProvider. */
export type ProviderName = (typeof TUNNEL_PROVIDERS)[number];

/** The cloudflared release used when `cloudflared-version` is empty; see cloudflared-checksums.ts. */
export const DEFAULT_CLOUDFLARED_VERSION = "2026.8.2";

/** How long a tunnel may take to come up and answer through its public URL. */
export const DEFAULT_TUNNEL_TIMEOUT_MS = 60_000;

/** SSH services whose output and defaults we know. */
export type SshService = "localhost.run" | "pinggy" | "serveo" | "other";

export interface SshSettings {
  readonly host: string;
  readonly port: number;
  /** undefined: ssh's own default (the local user). */
  readonly user: string | undefined;
  /** Private key text (a secret), normalised to LF with a final newline. */
  readonly key: string | undefined;
  /** known_hosts lines to pin; undefined: accept-new into a run-local file. */
  readonly knownHosts: string | undefined;
  /** Remote side of -R, e.g. "80", "0", "myapp:80", "127.0.0.1:0". */
  readonly remote: string;
  /** URL template with {port}; undefined: read the URL the service prints. */
  readonly urlTemplate: string | undefined;
  readonly service: SshService;
}

export interface CloudflaredSettings {
  readonly version: string;
}

export interface NgrokSettings {
  /** A secret; undefined when neither the input nor NGROK_AUTHTOKEN is set. */
  readonly authtoken: string | undefined;
  /** Where the authtoken came from, for the log ("ngrok-authtoken" or "NGROK_AUTHTOKEN"). */
  readonly authtokenFrom: "ngrok-authtoken" | "NGROK_AUTHTOKEN" | undefined;
  readonly domain: string | undefined;
  /** The policy document itself (read from the file when a path was given). */
  readonly trafficPolicy: string | undefined;
}

export interface TunnelSettings {
  readonly timeoutMs: number;
  readonly ssh: SshSettings;
  readonly cloudflared: CloudflaredSettings;
  readonly ngrok: NgrokSettings;
}

export function sshService(host: string): SshService {
  const h = host.toLowerCase();
  if (h === "localhost.run") return "localhost.run";
  if (h === "pinggy.io" || h.endsWith(".pinggy.io")) return "pinggy";
  if (h === "serveo.net") return "serveo";
  return "other";
}

/** The SSH service used when `ssh-host` is empty. */
export const DEFAULT_SSH_HOST = "localhost.run";

/** Per-service defaults, documented with the ssh inputs. */
export const SSH_DEFAULTS: Record<SshService, { port: number; user: string | undefined; remote: string }> = {
  // localhost.run treats "nokey" as "anonymous, don't ask for a key".
  "localhost.run": { port: 22, user: "nokey", remote: "80" },
  // Pinggy listens on 443 (passes firewalls) and reads the user as a token or keyword:
  // "http" is its HTTP tunnel type, so the runner's login name is never taken for a token.
  pinggy: { port: 443, user: "http", remote: "0" },
  serveo: { port: 22, user: undefined, remote: "80" },
  other: { port: 22, user: undefined, remote: "0" },
};

/** The settings when no tunnel input is given (and NGROK_AUTHTOKEN is not set). */
export function defaultTunnelSettings(): TunnelSettings {
  const service = sshService(DEFAULT_SSH_HOST);
  const { port, user, remote } = SSH_DEFAULTS[service];
  return {
    timeoutMs: DEFAULT_TUNNEL_TIMEOUT_MS,
    ssh: {
      host: DEFAULT_SSH_HOST,
      port,
      user,
      key: undefined,
      knownHosts: undefined,
      remote,
      urlTemplate: undefined,
      service,
    },
    cloudflared: { version: DEFAULT_CLOUDFLARED_VERSION },
    ngrok: { authtoken: undefined, authtokenFrom: undefined, domain: undefined, trafficPolicy: undefined },
  };
}

/** The public URL of an ssh tunnel from `ssh-url`'s template and the port the server allocated. */
export function applyUrlTemplate(template: string, port: number): string {
  return template.replaceAll("{port}", String(port));
}

/** Every secret of the settings, named: to mask before anything is logged. */
export function namedTunnelSecrets(settings: TunnelSettings): NamedSecret[] {
  return namedSecrets(
    ['input "ssh-key"', settings.ssh.key],
    [`the ngrok authtoken (${settings.ngrok.authtokenFrom})`, settings.ngrok.authtoken],
  );
}

/** The values of namedTunnelSecrets. */
export function tunnelSecrets(settings: TunnelSettings): string[] {
  return namedTunnelSecrets(settings).map((secret) => secret.value);
}
