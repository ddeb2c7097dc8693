/**
 * Parsers of the tunnel providers' inputs (ssh, cloudflared, ngrok), each throwing an
 * InputError that names the input, shows the value and says what is accepted. ssh-key and
 * ngrok-authtoken are secrets: their errors show only their length. Pure: a traffic policy
 * given as a file is read when resolving.
 */
import path from "node:path";
import { InputError } from "../../errors.js";
import {
  DEFAULT_CLOUDFLARED_VERSION,
  SSH_DEFAULTS,
  sshService,
  type TunnelSettings,
} from "../../tunnel/settings.js";
import { masked, parsePort, parsePositiveDuration } from "../../util/parse.js";
import type { InputReader } from "../inputs/reader.js";
import type { TunnelInputName } from "../inputs/tunnel.js";

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

/** A traffic policy as given: inline (checked here) or a file (read and checked when resolving). */
export type TrafficPolicySource = { readonly text: string } | { readonly file: string };

/** A file path (resolved against `cwd`) or an inline policy. */
export function parseTrafficPolicy(input: string, raw: string, cwd: string): TrafficPolicySource | undefined {
  const value = raw.trim();
  if (value === "") return undefined;
  const inline = value.includes("\n") || value.startsWith("{") || POLICY_KEYS.test(value);
  if (!inline) return { file: path.resolve(cwd, value) };
  return { text: checkPolicy(input, raw, value) };
}

/** The policy text, when it is JSON that parses or YAML with a top-level policy key. */
export function checkPolicy(input: string, raw: string, text: string): string {
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

/** The tunnel settings as parsed: a traffic policy file is still to be read. */
export interface ParsedTunnel {
  /** The settings but the traffic policy; undefined when one of them is invalid. */
  readonly settings:
    | (Omit<TunnelSettings, "ngrok"> & {
        readonly ngrok: Omit<TunnelSettings["ngrok"], "trafficPolicy">;
      })
    | undefined;
  /** undefined when the input is invalid (its problem is reported); `source` undefined: none given. */
  readonly trafficPolicy: { readonly source: TrafficPolicySource | undefined } | undefined;
}

/**
 * Reads every tunnel input into the reader (and NGROK_AUTHTOKEN from `env` when the input is
 * empty); the parsed settings, or undefined when one is invalid.
 */
export function parseTunnelInputs(
  inputs: InputReader<TunnelInputName>,
  env: Readonly<Record<string, string | undefined>>,
  context: { readonly cwd: string },
): ParsedTunnel {
  const host = inputs.read("ssh-host", parseSshHost);
  const serviceDefaults = SSH_DEFAULTS[sshService(host ?? "")];
  const values = inputs.readAll({
    timeoutMs: ["tunnel-timeout", parsePositiveDuration],
    port: [
      "ssh-port",
      (input, value) => (value.trim() === "" ? serviceDefaults.port : parsePort(input, value)),
    ],
    user: ["ssh-user", parseSshUser],
    key: ["ssh-key", parseSshKey],
    knownHosts: ["ssh-known-hosts", parseKnownHosts],
    remote: [
      "ssh-remote",
      (input, value) => (value.trim() === "" ? serviceDefaults.remote : parseSshRemote(input, value)),
    ],
    urlTemplate: ["ssh-url", parseUrlTemplate],
    version: ["cloudflared-version", parseCloudflaredVersion],
    fromInput: ["ngrok-authtoken", parseNgrokAuthtoken],
    domain: ["ngrok-domain", parseNgrokDomain],
  });
  const trafficPolicy = inputs.readAll({
    source: ["ngrok-traffic-policy", (input, value) => parseTrafficPolicy(input, value, context.cwd)],
  });
  // Empty input: NGROK_AUTHTOKEN, named in the message, which points at where the bad value lives.
  const before = inputs.problems.length;
  const fromEnv =
    inputs.raw("ngrok-authtoken").trim() === ""
      ? inputs.check("ngrok-authtoken", () =>
          parseNgrokAuthtoken("NGROK_AUTHTOKEN", env.NGROK_AUTHTOKEN ?? ""),
        )
      : undefined;
  if (inputs.problems.length > before || host === undefined || values === undefined)
    return { settings: undefined, trafficPolicy };
  const { timeoutMs, port, user, key, knownHosts, remote, urlTemplate, version, fromInput, domain } = values;
  return {
    settings: {
      timeoutMs,
      ssh: {
        host,
        port,
        user: user ?? serviceDefaults.user,
        key,
        knownHosts,
        remote,
        urlTemplate,
        service: sshService(host),
      },
      cloudflared: { version },
      ngrok: {
        authtoken: fromInput ?? fromEnv,
        authtokenFrom:
          fromInput !== undefined ? "ngrok-authtoken" : fromEnv !== undefined ? "NGROK_AUTHTOKEN" : undefined,
        domain,
      },
    },
    trafficPolicy,
  };
}
