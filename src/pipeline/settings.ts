/**
 * What the pipeline reads of a run's settings: the app's, each part's it runs, the test
 * command and keep-alive. src/config builds a Config that has all of it (and more: publishing
 * and background mode belong to the front doors); the pipeline does not know src/config.
 */
import type { AppSettings } from "../app/settings.js";
import { type GateSettings, namedGateSecrets } from "../gate/settings.js";
import { type GithubWebhookSettings, namedGithubWebhookSecrets } from "../github/settings.js";
import { type IdpRunSettings, namedIdpSecrets } from "../idp/settings.js";
import { namedScenarioSecrets, type ScenarioSettings } from "../scenarios/settings.js";
import type { SessionSettings } from "../session/settings.js";
import { namedTunnelSecrets, type ProviderName, type TunnelSettings } from "../tunnel/settings.js";
import type { NamedSecret } from "../util/secrets.js";

export interface PipelineSettings extends AppSettings, Pick<SessionSettings, "test" | "keepAliveMs"> {
  readonly provider: ProviderName;
  readonly gate: GateSettings;
  readonly tunnel: TunnelSettings;
  readonly scenarios: ScenarioSettings;
  readonly idp: IdpRunSettings;
  /** The run's temporary GitHub webhook; undefined: none. */
  readonly githubWebhook?: GithubWebhookSettings | undefined;
}

/** Every secret of the settings, named (the front doors add publishing's token to theirs). */
export function pipelineSecrets(
  settings: PipelineSettings,
  env: Readonly<Record<string, string | undefined>>,
): NamedSecret[] {
  return [
    ...namedGateSecrets(settings.gate),
    ...namedTunnelSecrets(settings.tunnel),
    ...namedScenarioSecrets(settings.scenarios, env),
    ...namedIdpSecrets(settings.idp),
    ...namedGithubWebhookSecrets(settings.githubWebhook),
  ];
}
