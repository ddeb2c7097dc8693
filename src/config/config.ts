import { statSync } from "node:fs";
import path from "node:path";
import { InputError } from "../errors.js";
import { newClientSecret } from "../idp/index.js";
import {
  parseBoolean,
  parseDuration,
  parseEnvLines,
  parsePort,
  parsePositiveDuration,
  parseStatusRanges,
  type StatusRange,
} from "../util/parse.js";
import { collectGateSettings, type GateSettings } from "./gate-parse.js";
import { collectPublishSettings, type PublishSettings } from "./github-parse.js";
import { collectIdpSettings, type IdpSettings } from "./idp-parse.js";
import { INPUTS, type InputName } from "./names.js";
import { type ProviderName, parseProvider, parseReady, type ReadySpec } from "./parse.js";
import { InputReader } from "./reader.js";
import { collectScenarioSettings, type ScenarioSettings } from "./scenarios-parse.js";
import { collectTunnelSettings, type TunnelSettings } from "./tunnel-parse.js";

/** The whole run, as read from action inputs or CLI flags. */
export interface Config {
  /** Shell command that starts the app. */
  readonly start: string;
  /** Absolute directory the app and the test command run in. */
  readonly workingDirectory: string;
  /** Port given to the app as PORT; undefined means "pick a free one at start". */
  readonly port: number | undefined;
  /** Added to the app's environment (after PORT, so it can override it). */
  readonly env: Readonly<Record<string, string>>;
  /** How to tell that the app is ready. */
  readonly ready: ReadySpec;
  readonly readyTimeoutMs: number;
  readonly readyStatus: readonly StatusRange[];
  /** Time between SIGTERM and SIGKILL when stopping a process tree. */
  readonly stopGraceMs: number;
  readonly provider: ProviderName;
  /** Shell command run against the preview; its exit code is the run's result. */
  readonly test: string | undefined;
  /** How long to hold the preview after the tests, before teardown. */
  readonly keepAliveMs: number;
  /** Keep the preview up after the main step (background mode) even when there is a test. */
  readonly keepRunning: boolean;
  /** In background mode, fail the post step when the app crashed while the preview was up. */
  readonly failOnCrash: boolean;
  /** The gate in front of the app: auth, allow-list, limits, webhook verification, recording. */
  readonly gate: GateSettings;
  /** Webhook scenarios run against the public URL (none when no files are given). */
  readonly scenarios: ScenarioSettings;
  /** The mock identity provider; its client secret is generated per run (a secret). */
  readonly idp: IdpSettings & { readonly clientSecret: string };
  /** The tunnel providers' settings (ssh, cloudflared, ngrok; the probe's deadline). */
  readonly tunnel: TunnelSettings;
  /** The PR comment and the deployment. */
  readonly publish: PublishSettings;
}

/** The action keeps the preview up beyond its main step when asked, or when there is nothing to test. */
export function runsInBackground(config: Config): boolean {
  return config.keepRunning || (config.test === undefined && config.scenarios.scenarios.length === 0);
}

/** Raw value of an input by name; undefined or "" means "not given". */
export type InputSource = (name: InputName) => string | undefined;

export interface ConfigContext {
  /** Directory relative paths (working directory, traffic policy file) resolve against. */
  readonly cwd: string;
  /** Environment some inputs read (NGROK_AUTHTOKEN, the webhook secrets' variables). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** This run's folder: default places of its files (the recording). */
  readonly runDir: string;
}

/**
 * Reads and validates every input. Throws one ConfigError listing every invalid input,
 * so nothing starts on bad input.
 */
export function getConfig(source: InputSource, context: ConfigContext): Config {
  const inputs = new InputReader(source, INPUTS);
  const read = <T>(name: InputName, parse: (input: string, value: string) => T) => inputs.read(name, parse);
  const raw = (name: InputName) => inputs.raw(name);

  const start = read("start", (input, value) => {
    if (value.trim() === "")
      throw new InputError(
        input,
        value,
        'is required: the shell command that starts the app, e.g. "npm start"',
      );
    return value.trim();
  });
  const workingDirectory = read("working-directory", (input, value) => {
    const dir = path.resolve(context.cwd, value.trim());
    const isDir = (() => {
      try {
        return statSync(dir).isDirectory();
      } catch {
        return false;
      }
    })();
    if (!isDir) throw new InputError(input, value, `must be an existing directory (${dir} is not one)`);
    return dir;
  });
  const port = read("port", (input, value) => (value.trim() === "" ? undefined : parsePort(input, value)));
  const env = read("env", parseEnvLines);
  const ready = read("ready", parseReady);
  const readyTimeoutMs = read("ready-timeout", parsePositiveDuration);
  const readyStatus = read("ready-status", parseStatusRanges);
  const stopGraceMs = read("stop-grace", parseDuration);
  const provider = read("provider", parseProvider);
  const test = read("test", (_input, value) => (value.trim() === "" ? undefined : value.trim()));
  const keepAliveMs = read("keep-alive", parseDuration);
  const keepRunning = read("keep-running", parseBoolean);
  const failOnCrash = read("fail-on-crash", parseBoolean);
  const gate = collectGateSettings(inputs, context.env, {
    cwd: context.cwd,
    record: path.join(context.runDir, "requests.har"),
  });
  const tunnel = collectTunnelSettings(inputs, context.env, { cwd: context.cwd });
  const publish = collectPublishSettings(inputs);
  const scenarios = collectScenarioSettings(inputs, context.env, {
    cwd: context.cwd,
    runDir: context.runDir,
  });
  const idpSettings = collectIdpSettings(inputs, { cwd: context.cwd });
  // An OAuth scenario needs the identity provider, so it starts it as `idp: true` would.
  const oauthScenarios = scenarios?.scenarios.some((s) => s.oauth !== undefined) ?? false;
  const idp = {
    ...idpSettings,
    enabled: idpSettings.enabled || oauthScenarios,
    clientSecret: newClientSecret(),
  };

  if (ready?.kind === "http" && ready.url.protocol !== "http:" && ready.url.protocol !== "https:") {
    inputs.problems.push(new InputError("ready", raw("ready"), "must use http or https"));
  }
  inputs.throwIfInvalid();

  // Every value is defined here: any undefined one pushed a problem above.
  return {
    start: start as string,
    workingDirectory: workingDirectory as string,
    port,
    env: env as Record<string, string>,
    ready: ready as ReadySpec,
    readyTimeoutMs: readyTimeoutMs as number,
    readyStatus: readyStatus as StatusRange[],
    stopGraceMs: stopGraceMs as number,
    provider: provider as ProviderName,
    test,
    keepAliveMs: keepAliveMs as number,
    keepRunning: keepRunning as boolean,
    failOnCrash: failOnCrash as boolean,
    gate: gate as GateSettings,
    tunnel: tunnel as TunnelSettings,
    publish,
    scenarios: scenarios as ScenarioSettings,
    idp,
  };
}
