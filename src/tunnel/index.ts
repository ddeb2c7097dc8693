/** The tunnel providers (ngrok, cloudflared, ssh, local), chosen by name, and the probe of a public URL. */
import { cloudflaredProvider } from "./cloudflared.js";
import { cloudflaredInstaller, defaultInstallDeps } from "./cloudflared-install.js";
import { localProvider } from "./local.js";
import { ngrokProvider } from "./ngrok.js";
import type { TunnelProvider } from "./provider.js";
import { defaultTunnelSettings, type ProviderName, type TunnelSettings } from "./settings.js";
import { sshProvider } from "./ssh.js";

export { probePublicUrl } from "./probe.js";
export type { OpenOptions, Tunnel, TunnelEvents, TunnelProvider, TunnelTarget } from "./provider.js";

export interface ProviderChoice {
  readonly provider: TunnelProvider;
  /** Why this provider was picked, for the log. */
  readonly reason: string;
}

export interface ProviderContext {
  /** The tunnel settings (NGROK_AUTHTOKEN is already folded into settings.ngrok). */
  readonly settings: TunnelSettings;
  /** GITHUB_ACTIONS=true means a GitHub runner; also the environment for installs. */
  readonly env: Readonly<Record<string, string | undefined>>;
}

/**
 * The provider factory. `auto` picks ngrok when an authtoken is set (input or
 * NGROK_AUTHTOKEN), otherwise cloudflared on a GitHub runner (no account needed), otherwise
 * local. Nothing is started or loaded here: the ngrok SDK and cloudflared are fetched in
 * open(), so an unused provider costs nothing. Without a context (callers not yet passing
 * settings) every input has its default and `auto` means local.
 */
export function chooseProvider(name: ProviderName, context?: ProviderContext): ProviderChoice {
  const settings = context?.settings ?? defaultTunnelSettings();
  const env = context?.env ?? {};
  switch (name) {
    case "local":
      return {
        provider: localProvider,
        reason: "provider: local (no tunnel: the preview is on this machine)",
      };
    case "ssh":
      return {
        provider: sshProvider({ settings: settings.ssh, timeoutMs: settings.timeoutMs }),
        reason: `provider: ssh via ${settings.ssh.host}:${settings.ssh.port}`,
      };
    case "cloudflared":
      return { provider: cloudflared(settings, env), reason: "provider: cloudflared (quick tunnel)" };
    case "ngrok":
      return { provider: ngrok(settings), reason: "provider: ngrok" };
    case "auto":
      if (settings.ngrok.authtoken !== undefined) {
        return {
          provider: ngrok(settings),
          reason: `provider: auto picked ngrok (an authtoken is set in ${settings.ngrok.authtokenFrom})`,
        };
      }
      if (env.GITHUB_ACTIONS === "true") {
        return {
          provider: cloudflared(settings, env),
          reason: "provider: auto picked cloudflared (a GitHub runner without an ngrok authtoken)",
        };
      }
      return {
        provider: localProvider,
        reason:
          "provider: auto picked local (no ngrok authtoken and not on a GitHub runner: the preview stays on this machine)",
      };
  }
}

function ngrok(settings: TunnelSettings): TunnelProvider {
  return ngrokProvider({ settings: settings.ngrok, timeoutMs: settings.timeoutMs });
}

function cloudflared(
  settings: TunnelSettings,
  env: Readonly<Record<string, string | undefined>>,
): TunnelProvider {
  return cloudflaredProvider({
    version: settings.cloudflared.version,
    timeoutMs: settings.timeoutMs,
    installer: async () => cloudflaredInstaller(await defaultInstallDeps({ ...env })),
  });
}
