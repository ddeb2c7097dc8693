/**
 * Settings of the relay: the action's two modes, where the preview job's statuses go (fork
 * side), the relay's own settings (base side), the defaults and the known tunnel domains.
 */

/** `preview`: run the preview (the default). `relay`: publish a preview run's status artifacts. */
export const ACTION_MODES = ["preview", "relay"] as const;
export type ActionMode = (typeof ACTION_MODES)[number];

/**
 * Where the preview job publishes (`publish`): `direct` (comment and deployment with its own
 * token), `relay` (status artifacts only, for the relay workflow), or `auto`: direct, but status
 * artifacts when the pull request comes from a fork or GitHub refuses the token.
 */
export const PUBLISH_ROUTES = ["auto", "direct", "relay"] as const;
export type PublishRoute = (typeof PUBLISH_ROUTES)[number];

/** The preview job's side of the relay. */
export interface ForkSideSettings {
  readonly publish: PublishRoute;
}

export const DEFAULT_FORK_SIDE_SETTINGS: ForkSideSettings = { publish: "auto" };

/**
 * What the status uploader needs of the runner's environment (the artifact service's token and
 * URL). Children of the run never get ACTIONS_* (config/child-env.ts); the background supervisor
 * gets exactly these when it may upload.
 */
export const ARTIFACT_RUNTIME_ENV = ["ACTIONS_RUNTIME_TOKEN", "ACTIONS_RESULTS_URL"] as const;

export interface RelaySettings {
  /** The preview's comment key: which status artifacts to follow (and which comment to keep). */
  readonly commentKey: string;
  /** Longest the `requested` relay follows a run (`relay-timeout`). */
  readonly timeoutMs: number;
  /**
   * Hosts of self-hosted tunnels whose URLs may be links (`relay-allowed-hosts`): exact names
   * ("preview.example.com") or "*." wildcards ("*.tunnels.example.com", subdomains only).
   */
  readonly allowedHosts: readonly string[];
  /** Polling of the run's artifacts: first wait, growth factor, longest wait, most polls. */
  readonly poll: {
    readonly initialMs: number;
    readonly factor: number;
    readonly maxMs: number;
    readonly maxPolls: number;
  };
  readonly limits: ReadLimits;
}

/** Caps on what is read from an artifact (it is written by untrusted code). */
export interface ReadLimits {
  /** The zip as downloaded. */
  readonly zipBytes: number;
  /** Entries in the zip's central directory. */
  readonly entries: number;
  /** The status file once inflated (also the most JSON parsed). */
  readonly fileBytes: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = {
  zipBytes: 64 * 1024,
  entries: 8,
  fileBytes: 16 * 1024,
};

export const DEFAULT_RELAY_SETTINGS: RelaySettings = {
  commentKey: "preview",
  timeoutMs: 60 * 60 * 1000,
  allowedHosts: [],
  // 5 s, growing to 30 s: a 60-minute relay makes about 130 listings, most answered 304
  // (conditional requests answered 304 do not count against the rate limit).
  poll: { initialMs: 5000, factor: 1.5, maxMs: 30_000, maxPolls: 2000 },
  limits: DEFAULT_READ_LIMITS,
};

/**
 * Domains under which only the tunnel provider hands out names, so a URL there is a tunnel's,
 * not a look-alike site. A preview URL must be a subdomain of one of them.
 * Sources: Cloudflare quick tunnels (trycloudflare.com); ngrok's dev domains
 * (ngrok-free.app, ngrok-free.dev, ngrok-free.pizza) and paid domains (ngrok.app, ngrok.dev,
 * ngrok.pizza, the legacy ngrok.io); localhost.run (lhr.life, and localhost.run for older
 * names); pinggy (a.free.pinggy.link, a.pinggy.link, run.pinggy-free.link, and the older
 * pinggy.online); serveo (serveo.net, serveousercontent.com).
 */
export const KNOWN_TUNNEL_DOMAINS: readonly string[] = [
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
  "serveousercontent.com",
];

/** An entry of relay-allowed-hosts: a host name, or "*." and a domain of at least two labels. */
export function isAllowedHostEntry(entry: string): boolean {
  const name = entry.startsWith("*.") ? entry.slice(2) : entry;
  const labels = name.split(".");
  if (entry.startsWith("*.") && labels.length < 2) return false;
  return labels.every((l) => /^(?!-)[a-z0-9-]{1,63}(?<!-)$/i.test(l)) && name.length <= 253;
}
