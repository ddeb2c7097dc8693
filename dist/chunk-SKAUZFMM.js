import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);

// src/relay/settings.ts
var ACTION_MODES = ["preview", "relay"];
var PUBLISH_ROUTES = ["auto", "direct", "relay"];
var ARTIFACT_RUNTIME_ENV = ["ACTIONS_RUNTIME_TOKEN", "ACTIONS_RESULTS_URL"];
var DEFAULT_READ_LIMITS = {
  zipBytes: 64 * 1024,
  entries: 8,
  fileBytes: 16 * 1024
};
var DEFAULT_RELAY_SETTINGS = {
  commentKey: "preview",
  timeoutMs: 60 * 60 * 1e3,
  allowedHosts: [],
  // 5 s, growing to 30 s: a 60-minute relay makes about 130 listings, most answered 304
  // (conditional requests answered 304 do not count against the rate limit).
  poll: { initialMs: 5e3, factor: 1.5, maxMs: 3e4, maxPolls: 2e3 },
  limits: DEFAULT_READ_LIMITS
};
var KNOWN_TUNNEL_DOMAINS = [
  "trycloudflare.com",
  "ngrok-free.app",
  "ngrok-free.dev",
  "ngrok-free.pizza",
  "ngrok.app",
  "ngrok.dev",
  "ngrok.pizza",
  "ngrok.io",
  "lhr.life",
  "localhost.run",
  "pinggy.link",
  "pinggy-free.link",
  "pinggy.online",
  "serveo.net",
  "serveousercontent.com"
];
function isAllowedHostEntry(entry) {
  const name = entry.startsWith("*.") ? entry.slice(2) : entry;
  const labels = name.split(".");
  if (entry.startsWith("*.") && labels.length < 2) return false;
  return labels.every((l) => /^(?!-)[a-z0-9-]{1,63}(?<!-)$/i.test(l)) && name.length <= 253;
}

export {
  ACTION_MODES,
  PUBLISH_ROUTES,
  ARTIFACT_RUNTIME_ENV,
  DEFAULT_RELAY_SETTINGS,
  KNOWN_TUNNEL_DOMAINS,
  isAllowedHostEntry
};
