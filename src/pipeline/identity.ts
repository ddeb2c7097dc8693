/**
 * The mock identity provider of a run, served by the gate under `<public URL>/__preview/idp`
 * (exempt from the gate's sign-in), so the app, the scenario runner and a reviewer's browser
 * all see one issuer. Created once the public URL is known; follows it if it changes. Its
 * code is loaded only when a run starts one.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { IDP_MOUNT_PATH, isUnder } from "../gate/index.js";
import type { Idp } from "../idp/index.js";
import type { RunContext } from "./context.js";

/** The identity provider's code (jose and all), loaded only by a run that starts one. */
type IdpModule = typeof import("../idp/index.js");

export class RunIdentity {
  private idp: Idp | undefined;
  private module: IdpModule | undefined;

  constructor(private readonly ctx: RunContext) {}

  get enabled(): boolean {
    return this.ctx.settings.idp.enabled;
  }

  /** The gate's reserved-path hook: answers requests under the mount once the IdP exists. */
  readonly route = idpRoute(() => this.idp);

  /** Starts it on the public URL; returns the app's OIDC_* environment. */
  async start(publicUrl: string): Promise<Record<string, string>> {
    const settings = this.ctx.settings.idp;
    const idp = await import("../idp/index.js");
    this.module = idp;
    this.idp = idp.createIdp({
      issuer: idp.idpIssuer(publicUrl),
      clients: [this.client(idp, publicUrl)],
      users: settings.users,
      requirePkce: settings.requirePkce,
      logger: this.ctx.logger,
    });
    this.ctx.logger.info(`The mock identity provider's issuer is ${this.idp.issuer}`);
    return this.env(idp, publicUrl);
  }

  /** The tunnel came back on another URL: the issuer and redirect URIs move with it. */
  moveTo(publicUrl: string): void {
    const module = this.module;
    if (!this.idp || !module) return;
    this.idp.setIssuer(module.idpIssuer(publicUrl));
    this.idp.setClients([this.client(module, publicUrl)]);
    this.ctx.logger.warning(
      `The identity provider moved to ${this.idp.issuer}; the app still has the old ${this.ctx.settings.idp.envPrefix}* settings.`,
    );
  }

  private env(idp: IdpModule, publicUrl: string): Record<string, string> {
    const settings = this.ctx.settings.idp;
    const client = this.client(idp, publicUrl);
    return idp.idpEnv(settings.envPrefix, {
      issuer: idp.idpIssuer(publicUrl),
      clientId: client.clientId,
      clientSecret: client.clientSecret,
      redirectUris: client.redirectUris,
    });
  }

  private client(idp: IdpModule, publicUrl: string) {
    const settings = this.ctx.settings.idp;
    return idp.previewClient({
      publicUrl,
      clientId: settings.clientId,
      clientSecret: settings.clientSecret,
      redirectPaths: settings.redirectPaths,
    });
  }
}

/**
 * A gate `reserved` hook serving `idp()` under IDP_MOUNT_PATH. `path` is the gate's checked,
 * decoded path (given after its allow-list), never the raw URL.
 */
export function idpRoute(
  idp: () => Idp | undefined,
): (req: IncomingMessage, res: ServerResponse, path: string) => boolean {
  return (req, res, path) => {
    const current = idp();
    if (!current || !isUnder(path, IDP_MOUNT_PATH)) return false;
    void current.handle(req, res, path.slice(IDP_MOUNT_PATH.length) || "/");
    return true;
  };
}
