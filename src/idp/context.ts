/** What every endpoint of the provider works with, built once by createIdp. */
import type { Logger } from "../util/logger.js";
import type { GrantStore } from "./grants.js";
import type { InteractionStore } from "./interactions.js";
import type { SigningKeys } from "./keys.js";
import type { IdpClient, IdpUser } from "./types.js";

/** Where the gate mounts the provider on the preview's public URL (and the standalone server too). */
export { IDP_MOUNT_PATH } from "../gate/index.js";

/** Endpoint paths, relative to the issuer (the mount point). */
export const PATHS = {
  discovery: "/.well-known/openid-configuration",
  jwks: "/jwks",
  authorize: "/authorize",
  /** Where the login page's form posts the user's choice. */
  login: "/login",
  token: "/token",
  userinfo: "/userinfo",
  logout: "/logout",
} as const;

/** A validated authorization request, kept while the login page is shown. */
export interface AuthorizationRequest {
  readonly client: IdpClient;
  readonly redirectUri: string;
  readonly scopes: readonly string[];
  readonly state: string | undefined;
  readonly nonce: string | undefined;
  readonly codeChallenge: string | undefined;
}

export interface IdpContext {
  issuer(): string;
  readonly clients: ReadonlyMap<string, IdpClient>;
  readonly users: readonly IdpUser[];
  readonly requirePkce: boolean;
  readonly codeTtlMs: number;
  readonly tokenTtlMs: number;
  readonly refreshTtlMs: number;
  now(): number;
  readonly logger: Logger;
  keys(): Promise<SigningKeys>;
  readonly grants: GrantStore;
  readonly interactions: InteractionStore<AuthorizationRequest>;
}

export function endpoint(ctx: IdpContext, path: string): string {
  return `${ctx.issuer()}${path}`;
}

export function seconds(ms: number): number {
  return Math.floor(ms / 1000);
}
