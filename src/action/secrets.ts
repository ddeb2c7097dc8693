import * as core from "@actions/core";
import type { Config } from "../config/config.js";
import { configSecrets } from "../config/secrets.js";
import { SecretRegistry, tooShortWarning } from "../util/secrets.js";

/**
 * The run's secret registry in the action, with the inputs' secrets in it: each one (and
 * each added later, e.g. a login link's token) is masked in the step log at once.
 */
export function actionSecrets(
  config: Config,
  env: Readonly<Record<string, string | undefined>>,
): SecretRegistry {
  const secrets = new SecretRegistry({
    onAdd: (value) => core.setSecret(value),
    onTooShort: (label) => core.warning(tooShortWarning(label)),
  });
  for (const { label, value } of configSecrets(config, env)) secrets.add(value, label);
  return secrets;
}
