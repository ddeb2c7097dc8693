/**
 * Inputs of the tunnel providers (ssh, cloudflared, ngrok), in the style of parse.ts: each
 * parser throws an InputError that names the input, shows the value and says what is
 * accepted. ssh-key and ngrok-authtoken are secrets: their errors show only their length.
 */

import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { InputError } from "../errors.js";
import { masked, parsePort, parsePositiveDuration } from "../util/parse.js";
import type { InputSpec } from "./names.js";
import { InputReader } from "./reader.js";

/** The cloudflared release used when `cloudflared-version` is empty; see cloudflared-checksums.ts. */
export const DEFAULT_CLOUDFLARED_VERSION = "2026.8.2";

export const TUNNEL_INPUTS = {
  "tunnel-timeout": {
    description:
      "How long the tunnel may take to come up and answer through its public URL (and to come back after a drop), e.g. `60s`, `2m`.",
    default: "60s",
    placeholder: "<duration>",
  },
  "ssh-host": {
    description:
      "SSH tunnel service for `provider: ssh`: `localhost.run`, `a.pinggy.io`, `serveo.net`, a sish server or any OpenSSH server.",
    default: "localhost.run",
    placeholder: "<host>",
  },
  "ssh-port": {
    description: "Port of the SSH service. Empty: 443 for pinggy, 22 otherwise.",
    default: "",
    placeholder: "<1-65535>",
  },
  "ssh-user": {
    description:
      "SSH user. Empty: `nokey` for localhost.run, `http` for pinggy (a tunnel-type keyword, not a login), otherwise the runner's user.",
    default: "",
    placeholder: "<user>",
  },
  "ssh-key": {
    description:
      "Private key (its text, from a secret) to log in with; written 0600 under the run's temp dir and deleted at teardown. Empty: anonymous (localhost.run, pinggy, serveo).",
    default: "",
    placeholder: "<private key text>",
  },
  "ssh-known-hosts": {
    description:
      "known_hosts lines pinning the service's host key. Empty: the key is accepted on first use and recorded in a run-local known_hosts file.",
    default: "",
    placeholder: "<known_hosts lines>",
  },
  "ssh-remote": {
    description:
      "Remote side of `ssh -R`: `[bind_address:]port`, or `name:port` for a sish subdomain. Empty: `80` for localhost.run and serveo, `0` (the server picks) otherwise.",
    default: "",
    placeholder: "<[address:]port>",
  },
  "ssh-url": {
    description:
      "Public URL for servers that print only the allocated port (plain sshd): a template such as `https://{port}.example.com` or `http://127.0.0.1:{port}`. Empty: the URL the service prints.",
    default: "",
    placeholder: "<url template>",
  },
  "cloudflared-version": {
    description:
      "cloudflared release to download (checksum-verified, cached with the tool cache) when no `cloudflared` is on PATH.",
    default: DEFAULT_CLOUDFLARED_VERSION,
    placeholder: "<version>",
  },
  "ngrok-authtoken": {
    description: "ngrok authtoken (from a secret). Empty: the `NGROK_AUTHTOKEN` environment variable.",
    default: "",
    placeholder: "<token>",
  },
  "ngrok-domain": {
    description:
      "Domain reserved in your ngrok account (e.g. your free dev domain), for a stable URL such as an OAuth redirect. Empty: one ngrok assigns.",
    default: "",
    placeholder: "<domain>",
  },
  "ngrok-traffic-policy": {
    description:
      "ngrok Traffic Policy passed to the endpoint: a file path, or the policy inline as YAML or JSON.",
    default: "",
    placeholder: "<file|yaml|json>",
  },
} as const satisfies Record<string, InputSpec>;

export type TunnelInputName = keyof typeof TUNNEL_INPUTS;

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

/** Per-service defaults, documented in TUNNEL_INPUTS. */
export const SSH_DEFAULTS: Record<SshService, { port: number; user: string | undefined; remote: string }> = {
  // localhost.run treats "nokey" as "anonymous, don't ask for a key".
  "localhost.run": { port: 22, user: "nokey", remote: "80" },
  // Pinggy listens on 443 (passes firewalls) and reads the user as a token or keyword:
  // "http" is its HTTP tunnel type, so the runner's login name is never taken for a token.
  pinggy: { port: 443, user: "http", remote: "0" },
  serveo: { port: 22, user: undefined, remote: "80" },
  other: { port: 22, user: undefined, remote: "0" },
};

export function parseSshHost(input: string, raw: string): string {
  const value = raw.trim();
  if (value.includes("@")) {
    throw new InputError(input, raw, 'must be a host name only: put the user in "ssh-user"');
  }
  if (/^[^:]+:\d+$/.test(value)) {
    throw new InputError(input, raw, 'must be a host name only: put the port in "ssh-port"');
  }
  // A leading "-" would be read by ssh as an option.
  if (!/^[A-Za-z0-9_.:-]+$/.test(value) || value.startsWith("-")) {
    throw new InputError(
      input,
      raw,
      'must be a host name or IP address, e.g. "localhost.run" or "a.pinggy.io"',
    );
  }
  return value;
}

export function parseSshUser(input: string, raw: string): string | undefined {
  const value = raw.trim();
  if (value === "") return undefined;
  // Pinggy puts tokens and keywords in the user ("TOKEN+qr", "x:https"), hence + and :.
  if (!/^[A-Za-z0-9_.+:=-]+$/.test(value) || value.startsWith("-")) {
    throw new InputError(
      input,
      raw,
      "must be a user name made of letters, digits and _ . + : = - (not starting with -)",
    );
  }
  return value;
}

const REMOTE = /^(?:(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9_.*-]+):)?(\d{1,5})$/;

export function parseSshRemote(input: string, raw: string): string {
  const value = raw.trim();
  const match = REMOTE.exec(value);
  if (!match || Number(match[2]) > 65535) {
    throw new InputError(
      input,
      raw,
      'must be the remote side of "ssh -R": [bind_address:]port or name:port with a port from 0 to 65535, e.g. "80", "0", "myapp:80"',
    );
  }
  return value;
}

/** `http(s)://...` with an optional {port}; returned without a trailing slash. */
export function parseUrlTemplate(input: string, raw: string): string | undefined {
  const value = raw.trim();
  if (value === "") return undefined;
  const leftover = value.replaceAll("{port}", "").match(/\{[^}]*\}/);
  let url: URL | undefined;
  try {
    url = new URL(value.replaceAll("{port}", "1"));
  } catch {
    url = undefined;
  }
  if (leftover || !url || (url.protocol !== "http:" && url.protocol !== "https:")) {
    throw new InputError(
      input,
      raw,
      'must be an http(s) URL where {port} stands for the allocated port, e.g. "https://{port}.example.com" or "http://127.0.0.1:{port}"',
    );
  }
  return value.replace(/\/+$/, "");
}

export function applyUrlTemplate(template: string, port: number): string {
  return template.replaceAll("{port}", String(port));
}

/**
 * Private key text as OpenSSH reads it: LF line ends and a final newline (a key pasted into
 * a secret often loses it, and ssh then calls the key "invalid format").
 */
export function parseSshKey(input: string, raw: string): string | undefined {
  const value = raw.replace(/\r\n?/g, "\n").trim();
  if (value === "") return undefined;
  if (/^(ssh-|ecdsa-|sk-)/.test(value)) {
    throw new InputError(
      input,
      masked(value),
      "is a public key: give the private key's text (-----BEGIN OPENSSH PRIVATE KEY----- ...) and put the public key on the server",
    );
  }
  const pem = /^-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----\n[\s\S]+\n-----END \1PRIVATE KEY-----$/.exec(value);
  if (!pem) {
    throw new InputError(
      input,
      masked(value),
      'must be a private key\'s whole text, from "-----BEGIN ... PRIVATE KEY-----" to "-----END ... PRIVATE KEY-----"',
    );
  }
  if (/Proc-Type: 4,ENCRYPTED/.test(value) || pem[1] === "ENCRYPTED " || opensshKeyEncrypted(value)) {
    throw new InputError(
      input,
      masked(value),
      "is protected by a passphrase, which ssh cannot ask for here: use a key without a passphrase (ssh-keygen -N '')",
    );
  }
  return `${value}\n`;
}

/** The cipher name of an "openssh-key-v1" key: "none" unless it has a passphrase. */
function opensshKeyEncrypted(text: string): boolean {
  const body = /-----BEGIN OPENSSH PRIVATE KEY-----\n([\s\S]+)\n-----END/.exec(text)?.[1];
  if (body === undefined) return false;
  const bytes = Buffer.from(body.replace(/\s+/g, ""), "base64");
  const magic = "openssh-key-v1\0";
  if (bytes.subarray(0, magic.length).toString("latin1") !== magic || bytes.length < magic.length + 4)
    return false;
  const length = bytes.readUInt32BE(magic.length);
  const cipher = bytes.subarray(magic.length + 4, magic.length + 4 + length).toString("latin1");
  return cipher !== "none";
}

export function parseKnownHosts(input: string, raw: string): string | undefined {
  const lines = raw.replace(/\r\n?/g, "\n").split("\n");
  const kept: string[] = [];
  lines.forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("#")) return;
    const fields = trimmed.split(/\s+/);
    if (fields[0]?.startsWith("@")) fields.shift();
    const [hosts, type, key] = fields;
    if (
      hosts === undefined ||
      type === undefined ||
      key === undefined ||
      !/^(ssh-|ecdsa-|sk-)[A-Za-z0-9@.-]+$/.test(type) ||
      !/^[A-Za-z0-9+/]+=*$/.test(key)
    ) {
      throw new InputError(
        input,
        trimmed.length > 60 ? `${trimmed.slice(0, 60)}…` : trimmed,
        `line ${index + 1} is not a known_hosts line "<hosts> <key type> <base64 key>", e.g. "[localhost.run]:22 ssh-ed25519 AAAA..." (ssh-keyscan prints them)`,
      );
    }
    kept.push(trimmed);
  });
  return kept.length === 0 ? undefined : `${kept.join("\n")}\n`;
}

export function parseCloudflaredVersion(input: string, raw: string): string {
  const value = raw.trim();
  if (!/^\d{4}\.\d{1,2}\.\d{1,3}$/.test(value)) {
    throw new InputError(
      input,
      raw,
      `must be a cloudflared release version YEAR.MONTH.PATCH, e.g. "${DEFAULT_CLOUDFLARED_VERSION}"`,
    );
  }
  return value;
}

export function parseNgrokAuthtoken(input: string, raw: string): string | undefined {
  const value = raw.trim();
  if (value === "") return undefined;
  if (!/^[A-Za-z0-9_-]{8,}$/.test(value)) {
    throw new InputError(
      input,
      masked(value),
      "must be an ngrok authtoken (letters, digits, _ and -, as the ngrok dashboard shows it); check the secret holds only the token",
    );
  }
  return value;
}

const DOMAIN = /^(?=.{1,253}$)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z0-9-]{2,63}$/;

export function parseNgrokDomain(input: string, raw: string): string | undefined {
  const value = raw.trim();
  if (value === "") return undefined;
  if (!DOMAIN.test(value)) {
    const hint = /^[a-z]+:\/\//i.test(value) ? ": leave out the scheme and path" : "";
    throw new InputError(
      input,
      raw,
      `must be a domain name reserved in your ngrok account, e.g. "my-app.ngrok-free.app"${hint}`,
    );
  }
  return value.toLowerCase();
}

const POLICY_KEYS = /^\s*"?(on_http_request|on_http_response|on_tcp_connect|inbound|outbound)"?\s*:/m;

/** A file path (read here, so a missing file fails before anything starts) or an inline policy. */
export function parseTrafficPolicy(input: string, raw: string, cwd: string): string | undefined {
  const value = raw.trim();
  if (value === "") return undefined;
  const inline = value.includes("\n") || value.startsWith("{") || POLICY_KEYS.test(value);
  if (!inline) {
    const file = path.resolve(cwd, value);
    if (!existsSync(file) || !statSync(file).isFile()) {
      throw new InputError(
        input,
        raw,
        `must be a Traffic Policy file (${file} does not exist) or the policy inline as YAML or JSON with on_http_request/on_http_response`,
      );
    }
    return checkPolicy(input, raw, readFileSync(file, "utf8"));
  }
  return checkPolicy(input, raw, value);
}

function checkPolicy(input: string, raw: string, text: string): string {
  if (text.trim().startsWith("{")) {
    try {
      JSON.parse(text);
    } catch (error) {
      throw new InputError(input, raw, `is not valid JSON (${(error as Error).message})`);
    }
    return text;
  }
  if (!POLICY_KEYS.test(text)) {
    throw new InputError(
      input,
      raw,
      "is not a Traffic Policy: it needs a top-level on_http_request, on_http_response or on_tcp_connect list",
    );
  }
  return text;
}

export interface TunnelDefaults {
  /** Directory a relative traffic-policy path resolves against. */
  readonly cwd?: string;
}

/**
 * Reads every tunnel input into the reader (which collects the problems, to be reported with
 * every other input's); returns the settings, or undefined when any tunnel input is invalid.
 */
export function collectTunnelSettings(
  inputs: InputReader<TunnelInputName>,
  env: Readonly<Record<string, string | undefined>>,
  defaults: TunnelDefaults = {},
): TunnelSettings | undefined {
  const before = inputs.problems.length;
  const must = <T>(name: TunnelInputName, parse: (input: string, value: string) => T): T =>
    inputs.read(name, parse) as T;
  const raw = (name: TunnelInputName) => inputs.raw(name);

  const timeoutMs = must("tunnel-timeout", parsePositiveDuration);
  const host = must("ssh-host", parseSshHost);
  const service = sshService(host ?? "");
  const serviceDefaults = SSH_DEFAULTS[service];
  const port = must("ssh-port", (input, value) =>
    value.trim() === "" ? serviceDefaults.port : parsePort(input, value),
  );
  const user = must("ssh-user", parseSshUser) ?? serviceDefaults.user;
  const key = must("ssh-key", parseSshKey);
  const knownHosts = must("ssh-known-hosts", parseKnownHosts);
  const remote = must("ssh-remote", (input, value) =>
    value.trim() === "" ? serviceDefaults.remote : parseSshRemote(input, value),
  );
  const urlTemplate = must("ssh-url", parseUrlTemplate);
  const version = must("cloudflared-version", parseCloudflaredVersion);
  const fromInput = must("ngrok-authtoken", parseNgrokAuthtoken);
  let fromEnv: string | undefined;
  if (fromInput === undefined && raw("ngrok-authtoken").trim() === "") {
    try {
      // Named after the variable, so the message points at where the bad value lives.
      fromEnv = parseNgrokAuthtoken("NGROK_AUTHTOKEN", env.NGROK_AUTHTOKEN ?? "");
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      inputs.problems.push(error);
    }
  }
  const domain = must("ngrok-domain", parseNgrokDomain);
  const cwd = defaults.cwd ?? process.cwd();
  const trafficPolicy = must("ngrok-traffic-policy", (input, value) => parseTrafficPolicy(input, value, cwd));

  if (inputs.problems.length > before) return undefined;
  return {
    timeoutMs,
    ssh: { host, port, user, key, knownHosts, remote, urlTemplate, service },
    cloudflared: { version },
    ngrok: {
      authtoken: fromInput ?? fromEnv,
      authtokenFrom:
        fromInput !== undefined ? "ngrok-authtoken" : fromEnv !== undefined ? "NGROK_AUTHTOKEN" : undefined,
      domain,
      trafficPolicy,
    },
  };
}

/** Reads every tunnel input; throws one ConfigError listing every invalid one. */
export function parseTunnelSettings(
  source: (name: TunnelInputName) => string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  defaults: TunnelDefaults = {},
): TunnelSettings {
  const inputs = new InputReader(source, TUNNEL_INPUTS);
  const settings = collectTunnelSettings(inputs, env, defaults);
  inputs.throwIfInvalid();
  return settings as TunnelSettings;
}

/** Every secret value in the settings: to mask (core.setSecret) before anything is logged. */
export function tunnelSecrets(settings: TunnelSettings): string[] {
  const secrets = [settings.ssh.key, settings.ngrok.authtoken];
  return secrets.filter((s): s is string => s !== undefined && s !== "");
}
