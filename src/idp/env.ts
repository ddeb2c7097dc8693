/**
 * What the app under test is told about the provider, in its environment. Everything is
 * derived from the PUBLIC URL: the app, the scenario runner and a reviewer's browser must all
 * see one issuer, and a redirect URI on localhost is exactly the bug the tests look for.
 */
import { IDP_MOUNT_PATH } from "../gate/index.js";
import type { IdpClient } from "./types.js";

/** The issuer for a preview: `<public URL>/__preview/idp`. */
export function idpIssuer(publicUrl: string): string {
  return `${publicUrl.replace(/\/+$/, "")}${IDP_MOUNT_PATH}`;
}

/** Registered redirect URIs: each configured path on the public URL. */
export function idpRedirectUris(publicUrl: string, paths: readonly string[]): string[] {
  const base = publicUrl.replace(/\/+$/, "");
  return paths.map((path) => `${base}${path}`);
}

/** Registered post-logout redirect URI: the public URL's root. */
export function idpPostLogoutRedirectUris(publicUrl: string): string[] {
  return [`${publicUrl.replace(/\/+$/, "")}/`];
}

export interface IdpEnvValues {
  readonly issuer: string;
  readonly clientId: string;
  /** A secret: the caller masks it in logs. */
  readonly clientSecret: string;
  readonly redirectUris: readonly string[];
}

/** `${prefix}ISSUER`, `CLIENT_ID`, `CLIENT_SECRET` and `REDIRECT_URI` (the first registered one). */
export function idpEnv(prefix: string, values: IdpEnvValues): Record<string, string> {
  return {
    [`${prefix}ISSUER`]: values.issuer,
    [`${prefix}CLIENT_ID`]: values.clientId,
    [`${prefix}CLIENT_SECRET`]: values.clientSecret,
    [`${prefix}REDIRECT_URI`]: values.redirectUris[0] ?? "",
  };
}

/** The one client a preview registers: the app under test, its URIs on the public URL. */
export function previewClient(options: {
  readonly publicUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectPaths: readonly string[];
}): IdpClient {
  return {
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    redirectUris: idpRedirectUris(options.publicUrl, options.redirectPaths),
    postLogoutRedirectUris: idpPostLogoutRedirectUris(options.publicUrl),
  };
}
