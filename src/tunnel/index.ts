import type { ProviderName } from "../config/parse.js";
import { ConfigError, InputError } from "../errors.js";
import { localProvider } from "./local.js";
import type { TunnelProvider } from "./provider.js";

export interface ProviderChoice {
  readonly provider: TunnelProvider;
  /** Why this provider was picked, for the log. */
  readonly reason: string;
}

/**
 * Picks the tunnel provider. Called before anything starts, so an unavailable provider
 * fails the run without booting the app.
 */
export function chooseProvider(name: ProviderName): ProviderChoice {
  switch (name) {
    case "local":
      return { provider: localProvider, reason: "provider: local" };
    case "auto":
      return {
        provider: localProvider,
        reason: "provider: auto picked local (no public tunnel in this version)",
      };
    default:
      throw new ConfigError([
        new InputError(
          "provider",
          name,
          'names a provider this version does not implement yet: use "local" or "auto"',
        ),
      ]);
  }
}
