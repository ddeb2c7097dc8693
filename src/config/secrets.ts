/**
 * Every secret a run's settings hold, named for messages: what the front doors put into the
 * run's SecretRegistry (src/util/secrets.ts) before anything is logged. Each part names its own.
 */
import { namedGateSecrets } from "../gate/settings.js";
import { namedGithubWebhookSecrets, namedPublishSecrets } from "../github/settings.js";
import { namedIdpSecrets } from "../idp/settings.js";
import { namedScenarioSecrets } from "../scenarios/settings.js";
import { namedTunnelSecrets } from "../tunnel/settings.js";
import type { NamedSecret } from "../util/secrets.js";
import type { Config } from "./config.js";

/**
 * The inputs marked secret (credentials, ssh-key, ngrok-authtoken, github-token), the webhook
 * secrets of verify-webhooks, the scenarios' signing secrets (read from `env`) and the
 * identity provider's client secret (generated per run), the GitHub webhook's token and secret.
 */
export function configSecrets(
  config: Config,
  env: Readonly<Record<string, string | undefined>>,
): NamedSecret[] {
  return [
    ...namedGateSecrets(config.gate),
    ...namedTunnelSecrets(config.tunnel),
    ...namedPublishSecrets(config.publish),
    ...namedScenarioSecrets(config.scenarios, env),
    ...namedIdpSecrets(config.idp),
    ...namedGithubWebhookSecrets(config.githubWebhook),
  ];
}
