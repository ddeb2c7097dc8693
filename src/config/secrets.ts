/**
 * Every secret a run's settings hold, named for messages: what the front doors and the
 * pipeline put into the run's SecretRegistry (src/util/secrets.ts).
 */
import type { Config } from "./config.js";

export interface NamedSecret {
  /** Where it came from, e.g. `input "credentials"` (never the value). */
  readonly label: string;
  readonly value: string;
}

/**
 * The inputs marked secret (credentials, ssh-key, ngrok-authtoken, github-token), the webhook
 * secrets of verify-webhooks, the scenarios' signing secrets (read from `env`) and the
 * identity provider's client secret (generated per run).
 */
export function configSecrets(
  config: Config,
  env: Readonly<Record<string, string | undefined>>,
): NamedSecret[] {
  const secrets: NamedSecret[] = [];
  const add = (label: string, value: string | undefined) => {
    if (value) secrets.push({ label, value });
  };
  const auth = config.gate.auth;
  if (auth.mode === "basic") {
    add('the password of input "credentials"', auth.password);
    // What a Basic Authorization header carries, base64-encoded.
    add('input "credentials"', `${auth.username}:${auth.password}`);
  }
  if (auth.mode === "bearer") add('the token of input "credentials"', auth.token);
  for (const rule of config.gate.webhooks)
    add(`the ${rule.provider} webhook secret in ${rule.secretEnv}`, rule.secret);
  add('input "ssh-key"', config.tunnel.ssh.key);
  add(`the ngrok authtoken (${config.tunnel.ngrok.authtokenFrom})`, config.tunnel.ngrok.authtoken);
  add('input "github-token"', config.publish.token);
  for (const scenario of config.scenarios.scenarios) {
    if (scenario.secretEnv !== undefined)
      add(`the scenario secret in ${scenario.secretEnv}`, env[scenario.secretEnv]);
  }
  if (config.idp.enabled) add("the identity provider's client secret", config.idp.clientSecret);
  return secrets;
}
