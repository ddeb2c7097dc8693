/**
 * The app under test: one service or several behind one gate, each with how it is set up,
 * started, told ready and stopped. Built by src/config from the inputs (the single-service
 * inputs make a one-entry list).
 */
import type { StatusRange } from "../util/parse.js";

/** How to tell that the app is ready. */
export type ReadySpec =
  | { readonly kind: "http"; readonly url: URL }
  | { readonly kind: "path"; readonly path: string }
  | { readonly kind: "tcp" }
  | { readonly kind: "log"; readonly pattern: RegExp };

/**
 * How the start command relates to the app: `attached` (the command is the app: its exit is a
 * crash), `detached` (the command launches the app elsewhere, e.g. `docker compose up -d`, and
 * may exit 0 at once: readiness decides, and probes watch it while the preview is up), or
 * `auto` (attached, but detached when a `stop` command is set and `start` exits 0).
 */
export type StartMode = "auto" | "attached" | "detached";

export const START_MODES: readonly StartMode[] = ["auto", "attached", "detached"];

/** The name the single-service inputs give their one service. */
export const DEFAULT_SERVICE_NAME = "app";

export interface ServiceSettings {
  /** Letters, digits, `-` and `_`; names its log file, its step-log prefix and `<NAME>_URL`. */
  readonly name: string;
  /** Shell command that starts the service. */
  readonly start: string;
  /** Shell command run at teardown, before the process tree is stopped (bounded by stop-grace). */
  readonly stop: string | undefined;
  /** Shell command run once before `start` (migrations, seeding); a failure stops the run. */
  readonly setup: string | undefined;
  readonly startMode: StartMode;
  /** Absolute directory the service's commands run in. */
  readonly workingDirectory: string;
  /** Port given as PORT; undefined means "pick a free one at start". */
  readonly port: number | undefined;
  /** Added to the service's environment (after PORT and the URLs, so it can override them). */
  readonly env: Readonly<Record<string, string>>;
  readonly ready: ReadySpec;
  readonly readyTimeoutMs: number;
  /** Route prefix at the gate (`/` for the default); undefined: the service gets no requests. */
  readonly path: string | undefined;
  /** Forward `/api/x` as `/x` to a service at `/api`. */
  readonly stripPrefix: boolean;
  /** Services that must be ready before this one is set up and started. */
  readonly dependsOn: readonly string[];
}

export interface AppSettings {
  /** In dependency order as written; the first one's log is the `app-log` output. */
  readonly services: readonly ServiceSettings[];
  /** Absolute directory the test command runs in (and services' directories resolve against). */
  readonly workingDirectory: string;
  /** HTTP statuses that count as ready, for every service. */
  readonly readyStatus: readonly StatusRange[];
  /** Time between SIGTERM and SIGKILL when stopping a process tree; the bound of a stop command. */
  readonly stopGraceMs: number;
}

/** The environment variable naming a service's local URL: `api` -> API_URL, `web-app` -> WEB_APP_URL. */
export function serviceUrlEnv(name: string): string {
  return `${name.toUpperCase().replace(/-/g, "_")}_URL`;
}
