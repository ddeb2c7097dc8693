/**
 * One part's settings from its inputs alone (parse, then resolve), for tests, benches and tools
 * that build a single part. `collect*` read into a given reader (which keeps the problems, to
 * be reported with other inputs'); `parse*Settings` throw one ConfigError naming every invalid
 * input. The run's whole Config is built by buildConfig (config.ts).
 */
import type { GateSettings } from "../gate/settings.js";
import type { PublishSettings } from "../github/settings.js";
import type { IdpSettings } from "../idp/settings.js";
import type { ScenarioSettings } from "../scenarios/settings.js";
import type { TunnelSettings } from "../tunnel/settings.js";
import { GATE_INPUTS, type GateInputName } from "./inputs/gate.js";
import { PUBLISH_INPUTS, type PublishInputName } from "./inputs/github.js";
import { IDP_INPUTS, type IdpInputName } from "./inputs/idp.js";
import { InputReader } from "./inputs/reader.js";
import { SCENARIO_INPUTS, type ScenarioInputName } from "./inputs/scenarios.js";
import { SIGNIN_INPUTS, type SignInInputName } from "./inputs/signin.js";
import { TUNNEL_INPUTS, type TunnelInputName } from "./inputs/tunnel.js";
import { parseGateInputs } from "./parse/gate.js";
import { parsePublishInputs } from "./parse/github.js";
import { parseIdpInputs } from "./parse/idp.js";
import { parseScenarioInputs } from "./parse/scenarios.js";
import { parseSignInInputs } from "./parse/signin.js";
import { parseTunnelInputs } from "./parse/tunnel.js";
import { resolveGate } from "./resolve/gate.js";
import { resolveIdp } from "./resolve/idp.js";
import { resolveScenarios } from "./resolve/scenarios.js";
import { resolveSignIn } from "./resolve/signin.js";
import { resolveTunnel } from "./resolve/tunnel.js";

type Env = Readonly<Record<string, string | undefined>>;

export interface PartDefaults {
  /** Directory relative paths resolve against (default: process.cwd()). */
  readonly cwd?: string;
}

/** The gate's inputs, with the GitHub sign-in's (`auth: github`). */
export function collectGateSettings(
  inputs: InputReader<GateInputName | SignInInputName>,
  env: Env,
  defaults: PartDefaults & { readonly record?: string } = {},
): GateSettings | undefined {
  const parsed = parseGateInputs(inputs, env, {
    cwd: defaults.cwd ?? process.cwd(),
    record: defaults.record,
  });
  const signin = resolveSignIn(parseSignInInputs(inputs), inputs, env);
  return parsed && resolveGate(parsed, signin);
}

export function parseGateSettings(
  source: (name: GateInputName | SignInInputName) => string | undefined,
  env: Env,
  defaults: PartDefaults & { readonly record?: string } = {},
): GateSettings {
  const inputs = new InputReader(source, { ...GATE_INPUTS, ...SIGNIN_INPUTS });
  return inputs.complete(collectGateSettings(inputs, env, defaults));
}

export function collectTunnelSettings(
  inputs: InputReader<TunnelInputName>,
  env: Env,
  defaults: PartDefaults = {},
): TunnelSettings | undefined {
  return resolveTunnel(parseTunnelInputs(inputs, env, { cwd: defaults.cwd ?? process.cwd() }), inputs);
}

export function parseTunnelSettings(
  source: (name: TunnelInputName) => string | undefined,
  env: Env,
  defaults: PartDefaults = {},
): TunnelSettings {
  const inputs = new InputReader(source, TUNNEL_INPUTS);
  return inputs.complete(collectTunnelSettings(inputs, env, defaults));
}

export function parsePublishSettings(
  source: (name: PublishInputName) => string | undefined,
): PublishSettings {
  const inputs = new InputReader(source, PUBLISH_INPUTS);
  return inputs.complete(parsePublishInputs(inputs));
}

export async function collectScenarioSettings(
  inputs: InputReader<ScenarioInputName>,
  env: Env,
  defaults: PartDefaults & { readonly runDir?: string } = {},
): Promise<ScenarioSettings | undefined> {
  const cwd = defaults.cwd ?? process.cwd();
  return resolveScenarios(parseScenarioInputs(inputs, { cwd, runDir: defaults.runDir }), inputs, {
    cwd,
    env,
  });
}

export async function parseScenarioSettings(
  source: (name: ScenarioInputName) => string | undefined,
  env: Env,
  defaults: PartDefaults & { readonly runDir?: string } = {},
): Promise<ScenarioSettings> {
  const inputs = new InputReader(source, SCENARIO_INPUTS);
  return inputs.complete(await collectScenarioSettings(inputs, env, defaults));
}

export async function parseIdpSettings(
  source: (name: IdpInputName) => string | undefined,
  defaults: PartDefaults = {},
): Promise<IdpSettings> {
  const inputs = new InputReader(source, IDP_INPUTS);
  const settings = await resolveIdp(parseIdpInputs(inputs, { cwd: defaults.cwd ?? process.cwd() }), inputs);
  return inputs.complete(settings);
}
