/** Inputs of the tunnel providers: ssh, cloudflared, ngrok, and how long a tunnel may take. */
import {
  DEFAULT_CLOUDFLARED_VERSION,
  DEFAULT_SSH_HOST,
  DEFAULT_TUNNEL_TIMEOUT_MS,
} from "../../tunnel/settings.js";
import type { InputSpec } from "./reader.js";

export const TUNNEL_INPUTS = {
  "tunnel-timeout": {
    description:
      "How long the tunnel may take to come up and answer through its public URL (and to come back after a drop), e.g. `60s`, `2m`.",
    default: `${DEFAULT_TUNNEL_TIMEOUT_MS / 1000}s`,
    placeholder: "<duration>",
  },
  "ssh-host": {
    description:
      "SSH tunnel service for `provider: ssh`: `localhost.run`, `a.pinggy.io`, `serveo.net`, a sish server or any OpenSSH server.",
    default: DEFAULT_SSH_HOST,
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
