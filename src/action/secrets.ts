import * as core from "@actions/core";
import type { Config } from "../config/config.js";
import { gateSecrets } from "../config/gate-parse.js";
import { tunnelSecrets } from "../config/tunnel-parse.js";

/** Every secret value among the inputs, masked in the step log before anything is logged. */
export function maskSecrets(config: Config): void {
  const idpSecret = config.idp.enabled ? [config.idp.clientSecret] : [];
  for (const secret of [
    config.publish.token,
    ...gateSecrets(config.gate),
    ...tunnelSecrets(config.tunnel),
    ...idpSecret,
  ]) {
    if (secret) core.setSecret(secret);
  }
}
