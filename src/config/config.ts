/**
 * The adapter from inputs (action inputs, CLI flags, PREVIEW_TUNNEL_* variables) to one typed
 * Config: parse every input (pure: parse/*.ts), then resolve what needs the outside world
 * (resolve/*.ts: files, PATH, secrets generated once for the run). Every problem of either
 * step is reported together, in the inputs' order, so one edit can fix them all.
 */
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import type { AppSettings } from "../app/settings.js";
import { ConfigError, InputError } from "../errors.js";
import type { GateSettings } from "../gate/settings.js";
import { type GithubWebhookSettings, githubWebhookEnv, type PublishSettings } from "../github/settings.js";
import type { IdpRunSettings } from "../idp/settings.js";
import {
  type ActionMode,
  DEFAULT_RELAY_SETTINGS,
  type ForkSideSettings,
  type RelaySettings,
} from "../relay/settings.js";
import type { ScenarioSettings } from "../scenarios/settings.js";
import type { SessionSettings } from "../session/settings.js";
import type { ProviderName, TunnelSettings } from "../tunnel/settings.js";
import { InputReader } from "./inputs/reader.js";
import { INPUTS, type InputSource } from "./names.js";
import { parseAppInputs } from "./parse/app.js";
import { parseGateInputs } from "./parse/gate.js";
import { parsePublishInputs } from "./parse/github.js";
import { parseGithubWebhookInputs } from "./parse/github-webhook.js";
import { parseIdpInputs, shorten } from "./parse/idp.js";
import { parseMode, parsePreviewMode, parseRelayInputs } from "./parse/relay.js";
import { parseRunInputs } from "./parse/run.js";
import { parseScenarioInputs } from "./parse/scenarios.js";
import { parseSignInInputs } from "./parse/signin.js";
import { parseTunnelInputs } from "./parse/tunnel.js";
import { resolveApp } from "./resolve/app.js";
import { resolveGate } from "./resolve/gate.js";
import { checkExpectDeliveries, resolveGithubWebhook, withGithubWebhook } from "./resolve/github-webhook.js";
import { resolveIdp, withClientSecret } from "./resolve/idp.js";
import { checkOutputFile, makeRunFolder, RunFolderError } from "./resolve/outputs.js";
import { resolveScenarios } from "./resolve/scenarios.js";
import { resolveSignIn } from "./resolve/signin.js";
import { trafficPolicyProblem } from "./resolve/traffic-policy.js";
import { resolveTunnel } from "./resolve/tunnel.js";

/** The whole run, as read from action inputs or CLI flags: the app's settings and each part's. */
export interface Config extends AppSettings, SessionSettings {
  readonly provider: ProviderName;
  /** The gate in front of the app: auth, allow-list, limits, webhook verification, recording. */
  readonly gate: GateSettings;
  /** The tunnel providers' settings (ssh, cloudflared, ngrok; the probe's deadline). */
  readonly tunnel: TunnelSettings;
  /** The PR comment and the deployment. */
  readonly publish: PublishSettings;
  /** Webhook and OAuth scenarios run against the public URL (none when no files are given). */
  readonly scenarios: ScenarioSettings;
  /** The mock identity provider; its client secret is generated once per run (a secret). */
  readonly idp: IdpRunSettings;
  /** Where the preview's statuses go when it cannot publish itself (a fork's pull request). */
  readonly relay: ForkSideSettings;
  /** The run's temporary GitHub webhook (its secret generated once per run); undefined: none. */
  readonly githubWebhook: GithubWebhookSettings | undefined;
}

export interface ConfigContext {
  /** Directory relative paths (working directory, traffic policy file, scenarios) resolve against. */
  readonly cwd: string;
  /** Environment some inputs read (NGROK_AUTHTOKEN, the webhook secrets' variables). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** This run's folder: default places of its files (the recording, the JUnit report). */
  readonly runDir: string;
}

/**
 * Reads, checks and resolves every input. Throws one ConfigError listing every invalid input,
 * so nothing starts on bad input.
 */
export async function buildConfig(source: InputSource, context: ConfigContext): Promise<Config> {
  const { runDir } = context;
  // Every output's default place: without it nothing can be written, so it fails alone, first.
  const made = !existsSync(runDir);
  try {
    makeRunFolder(runDir);
  } catch (error) {
    if (error instanceof RunFolderError) throw new ConfigError([error]);
    throw error;
  }
  try {
    return await readInputs(source, context);
  } catch (error) {
    // Bad input leaves nothing behind.
    if (made) rmSync(runDir, { recursive: true, force: true });
    throw error;
  }
}

async function readInputs(source: InputSource, context: ConfigContext): Promise<Config> {
  const { cwd, env, runDir } = context;
  const inputs = new InputReader(source, INPUTS);

  // Parse: pure, every input.
  const parsed = {
    app: parseAppInputs(inputs, { cwd }),
    run: parseRunInputs(inputs),
    gate: parseGateInputs(inputs, env, { cwd, record: path.join(runDir, "requests.har") }),
    signin: parseSignInInputs(inputs),
    tunnel: parseTunnelInputs(inputs, env, { cwd }),
    publish: parsePublishInputs(inputs),
    scenarios: parseScenarioInputs(inputs, { cwd, runDir }),
    idp: parseIdpInputs(inputs, { cwd }),
    relay: parseRelayInputs(inputs, parsePreviewMode),
    githubWebhook: parseGithubWebhookInputs(inputs, env),
  };

  // Resolve: what parsed, so the problems of both steps are reported together.
  const app = await resolveApp(parsed.app, inputs);
  const signin = resolveSignIn(parsed.signin, inputs, env);
  const gate = parsed.gate && resolveGate(parsed.gate, signin);
  const tunnel = resolveTunnel(parsed.tunnel, inputs);
  // Parsed and checked here rather than when parsing: the YAML parser loads lazily.
  const policy = tunnel?.ngrok.trafficPolicy;
  const policyProblem = policy === undefined ? undefined : await trafficPolicyProblem(policy);
  if (policyProblem !== undefined) {
    const input = "ngrok-traffic-policy";
    inputs.report(input, new InputError(input, shorten(inputs.raw(input)), policyProblem));
  }
  const githubWebhook = await resolveGithubWebhook(parsed.githubWebhook, inputs, parsed.publish.commentKey);
  // Scenarios signing for the hook's path (secret-env) sign with its secret, as GitHub does.
  const scenarios = await resolveScenarios(parsed.scenarios, inputs, {
    cwd,
    env: { ...env, ...githubWebhookEnv(githubWebhook) },
  });
  if (scenarios) await checkExpectDeliveries(scenarios.scenarios, githubWebhook, inputs);
  const hooked = app && gate && withGithubWebhook(githubWebhook, { app, gate }, inputs);
  const idp = await resolveIdp(parsed.idp, inputs);

  // Outputs: their folders made now, so a path that cannot be written fails before anything
  // starts, naming its input (browser screenshots go beside the recording, or into the run
  // folder, made above).
  const record = gate?.record;
  if (record !== undefined)
    inputs.check("record", () => checkOutputFile("record", inputs.raw("record"), record.path));
  if (scenarios !== undefined && scenarios.scenarios.length > 0)
    inputs.check("junit-path", () =>
      checkOutputFile("junit-path", inputs.raw("junit-path"), scenarios.junitPath),
    );

  const { run, publish, relay } = parsed;
  // An OAuth scenario needs the identity provider, so it starts it as `idp: true` would.
  const oauth = scenarios?.scenarios.some((s) => s.oauth !== undefined) ?? false;
  const config: Config | undefined =
    hooked && run && tunnel && scenarios && relay
      ? {
          ...hooked.app,
          ...run,
          gate: hooked.gate,
          tunnel,
          publish,
          scenarios,
          idp: withClientSecret(idp, idp.enabled || oauth),
          relay: { publish: relay.publish },
          githubWebhook,
        }
      : undefined;
  return inputs.complete(config);
}

/** Which of the action's two modes the inputs ask for; a ConfigError naming `mode` otherwise. */
export function readActionMode(source: InputSource): ActionMode {
  const inputs = new InputReader(source, INPUTS);
  return inputs.complete(inputs.read("mode", parseMode));
}

/** `mode: relay`: the relay's settings and the publishing inputs it publishes with. */
export interface RelayConfig {
  readonly relay: RelaySettings;
  readonly publish: PublishSettings;
}

/**
 * Reads and checks the inputs of `mode: relay` (the publishing inputs and relay-*; the preview's
 * own, `start` among them, are not read). Throws one ConfigError listing every invalid input.
 */
export function buildRelayConfig(source: InputSource): RelayConfig {
  const inputs = new InputReader(source, INPUTS);
  const publish = parsePublishInputs(inputs);
  const relay = parseRelayInputs(inputs);
  return inputs.complete(
    relay && {
      publish,
      relay: {
        ...DEFAULT_RELAY_SETTINGS,
        commentKey: publish.commentKey,
        timeoutMs: relay.timeoutMs,
        allowedHosts: relay.allowedHosts,
      },
    },
  );
}
