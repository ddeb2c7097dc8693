/** Shapes shared by the identity provider's modules. */
import type { Logger } from "../util/logger.js";

/** The JWS algorithms the provider signs with (one key of each per run). */
export const SIGNING_ALGS = ["RS256", "ES256"] as const;
export type SigningAlg = (typeof SIGNING_ALGS)[number];

/** A test user: `sub` is required, every other field becomes a claim of the same name. */
export interface IdpUser {
  readonly sub: string;
  readonly email?: string;
  readonly name?: string;
  /** Further claims (`email_verified`, `groups`, `roles`, ...), given as configured. */
  readonly claims?: Readonly<Record<string, unknown>>;
}

/** A registered relying party (confidential: it authenticates with its secret). */
export interface IdpClient {
  readonly clientId: string;
  readonly clientSecret: string;
  /** Compared exactly (no prefix, trailing-slash or case folding), as real providers do. */
  readonly redirectUris: readonly string[];
  /** Where end-session may send the browser back to; compared exactly. Default: none. */
  readonly postLogoutRedirectUris?: readonly string[];
  /** Algorithm of this client's id_tokens (its `id_token_signed_response_alg`). Default RS256. */
  readonly idTokenSigningAlg?: SigningAlg;
}

export interface IdpOptions {
  /**
   * Issuer identifier: the public URL plus the mount path, e.g.
   * `https://abc.trycloudflare.com/__preview/idp`. Can be changed later with setIssuer, since
   * the public URL is known only once the tunnel is open.
   */
  readonly issuer: string;
  readonly clients: readonly IdpClient[];
  readonly users: readonly IdpUser[];
  /** Refuse authorization requests without an S256 `code_challenge`. Default true. */
  readonly requirePkce?: boolean;
  /** Lifetime of an authorization code. Default 60 s. */
  readonly codeTtlMs?: number;
  /** Lifetime of access and id tokens. Default 1 h. */
  readonly tokenTtlMs?: number;
  /** Lifetime of a refresh token. Default 24 h. */
  readonly refreshTtlMs?: number;
  /** Clock in ms since the epoch (tests inject one to expire codes without waiting). */
  readonly now?: () => number;
  readonly logger?: Logger;
}
