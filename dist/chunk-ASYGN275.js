import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import {
  namedSecrets
} from "./chunk-EPIYIWCW.js";

// src/tunnel/settings.ts
var TUNNEL_PROVIDERS = ["auto", "ngrok", "cloudflared", "ssh", "local"];
var DEFAULT_CLOUDFLARED_VERSION = "2026.8.2";
var DEFAULT_TUNNEL_TIMEOUT_MS = 6e4;
function sshService(host) {
  const h = host.toLowerCase();
  if (h === "localhost.run") return "localhost.run";
  if (h === "pinggy.io" || h.endsWith(".pinggy.io")) return "pinggy";
  if (h === "serveo.net") return "serveo";
  return "other";
}
var DEFAULT_SSH_HOST = "localhost.run";
var SSH_DEFAULTS = {
  // localhost.run treats "nokey" as "anonymous, don't ask for a key".
  "localhost.run": { port: 22, user: "nokey", remote: "80" },
  // Pinggy listens on 443 (passes firewalls) and reads the user as a token or keyword:
  // "http" is its HTTP tunnel type, so the runner's login name is never taken for a token.
  pinggy: { port: 443, user: "http", remote: "0" },
  serveo: { port: 22, user: void 0, remote: "80" },
  other: { port: 22, user: void 0, remote: "0" }
};
function defaultTunnelSettings() {
  const service = sshService(DEFAULT_SSH_HOST);
  const { port, user, remote } = SSH_DEFAULTS[service];
  return {
    timeoutMs: DEFAULT_TUNNEL_TIMEOUT_MS,
    ssh: {
      host: DEFAULT_SSH_HOST,
      port,
      user,
      key: void 0,
      knownHosts: void 0,
      remote,
      urlTemplate: void 0,
      service
    },
    cloudflared: { version: DEFAULT_CLOUDFLARED_VERSION },
    ngrok: { authtoken: void 0, authtokenFrom: void 0, domain: void 0, trafficPolicy: void 0 }
  };
}
function applyUrlTemplate(template, port) {
  return template.replaceAll("{port}", String(port));
}
function namedTunnelSecrets(settings) {
  return namedSecrets(
    ['input "ssh-key"', settings.ssh.key],
    [`the ngrok authtoken (${settings.ngrok.authtokenFrom})`, settings.ngrok.authtoken]
  );
}

export {
  TUNNEL_PROVIDERS,
  DEFAULT_CLOUDFLARED_VERSION,
  DEFAULT_TUNNEL_TIMEOUT_MS,
  sshService,
  DEFAULT_SSH_HOST,
  SSH_DEFAULTS,
  defaultTunnelSettings,
  applyUrlTemplate,
  namedTunnelSecrets
};
