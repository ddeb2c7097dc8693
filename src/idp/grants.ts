/**
 * What the provider remembers between requests: authorization codes, grants and refresh
 * tokens. A grant is one user's consent for one client; every token issued from one code
 * belongs to the same grant, so presenting that code again revokes them all (RFC 6749
 * section 4.1.2: the code may have been stolen).
 */
import { randomToken } from "./secrets.js";

export interface CodeRecord {
  readonly grantId: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly codeChallenge: string | undefined;
  readonly nonce: string | undefined;
  readonly scopes: readonly string[];
  readonly sub: string;
  /** When the user logged in, in seconds (the id_token's `auth_time`). */
  readonly authTime: number;
  readonly expiresAt: number;
  used: boolean;
}

export interface Grant {
  readonly id: string;
  readonly clientId: string;
  readonly sub: string;
  readonly scopes: readonly string[];
  readonly authTime: number;
  revoked: boolean;
}

interface RefreshRecord {
  readonly grantId: string;
  readonly expiresAt: number;
  /** Set once exchanged: refresh tokens rotate, and an old one coming back means a leak. */
  used: boolean;
}

export type Redeemed<T> =
  | { readonly kind: "ok"; readonly record: T }
  | { readonly kind: "unknown" }
  | { readonly kind: "expired" }
  | { readonly kind: "reused"; readonly record: T };

// Used codes and refresh tokens are kept this long past their expiry, so that a replay still
// finds them and revokes the grant instead of looking like a made-up value.
const REPLAY_MEMORY_MS = 60 * 60_000;
const SWEEP_EVERY_MS = 60_000;

export class GrantStore {
  private readonly codes = new Map<string, CodeRecord>();
  private readonly grants = new Map<string, Grant>();
  private readonly refreshTokens = new Map<string, RefreshRecord>();
  /** Access token `jti` -> grant: tokens are JWTs, but revocation needs to find them. */
  private readonly accessTokens = new Map<string, { grantId: string; expiresAt: number }>();
  private lastSweep = 0;

  constructor(private readonly now: () => number) {}

  issueCode(fields: Omit<CodeRecord, "grantId" | "used">): string {
    this.sweep();
    const grantId = randomToken(16);
    this.grants.set(grantId, {
      id: grantId,
      clientId: fields.clientId,
      sub: fields.sub,
      scopes: fields.scopes,
      authTime: fields.authTime,
      revoked: false,
    });
    const code = randomToken(32);
    this.codes.set(code, { ...fields, grantId, used: false });
    return code;
  }

  /**
   * Takes a code for exchange. It is spent on its first presentation, even if the exchange
   * then fails (wrong verifier or redirect URI): a guess does not get a second try.
   */
  redeemCode(code: string): Redeemed<CodeRecord> {
    const record = this.codes.get(code);
    if (!record) return { kind: "unknown" };
    if (record.used) {
      this.revoke(record.grantId);
      return { kind: "reused", record };
    }
    record.used = true;
    if (this.now() >= record.expiresAt) return { kind: "expired" };
    return { kind: "ok", record };
  }

  grant(grantId: string): Grant | undefined {
    const grant = this.grants.get(grantId);
    return grant && !grant.revoked ? grant : undefined;
  }

  revoke(grantId: string): void {
    const grant = this.grants.get(grantId);
    if (grant) grant.revoked = true;
  }

  trackAccessToken(jti: string, grantId: string, expiresAt: number): void {
    this.accessTokens.set(jti, { grantId, expiresAt });
  }

  /** The grant of a live access token; undefined when unknown or revoked. */
  accessTokenGrant(jti: string): Grant | undefined {
    const entry = this.accessTokens.get(jti);
    return entry ? this.grant(entry.grantId) : undefined;
  }

  issueRefreshToken(grantId: string, expiresAt: number): string {
    const token = randomToken(32);
    this.refreshTokens.set(token, { grantId, expiresAt, used: false });
    return token;
  }

  /** Takes a refresh token for rotation; a rotated one presented again revokes its grant. */
  redeemRefreshToken(token: string): Redeemed<Grant> {
    const record = this.refreshTokens.get(token);
    if (!record) return { kind: "unknown" };
    const grant = this.grants.get(record.grantId);
    if (!grant) return { kind: "unknown" };
    if (record.used) {
      this.revoke(record.grantId);
      return { kind: "reused", record: grant };
    }
    record.used = true;
    if (this.now() >= record.expiresAt) return { kind: "expired" };
    if (grant.revoked) return { kind: "unknown" };
    return { kind: "ok", record: grant };
  }

  /** Forgets what can no longer matter, at most once a minute (by the injected clock). */
  private sweep(): void {
    const now = this.now();
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    const stale = (expiresAt: number) => now > expiresAt + REPLAY_MEMORY_MS;
    for (const [key, value] of this.codes) if (stale(value.expiresAt)) this.codes.delete(key);
    for (const [key, value] of this.refreshTokens) if (stale(value.expiresAt)) this.refreshTokens.delete(key);
    for (const [key, value] of this.accessTokens) if (stale(value.expiresAt)) this.accessTokens.delete(key);
    const live = new Set<string>();
    for (const value of this.codes.values()) live.add(value.grantId);
    for (const value of this.refreshTokens.values()) live.add(value.grantId);
    for (const value of this.accessTokens.values()) live.add(value.grantId);
    for (const key of this.grants.keys()) if (!live.has(key)) this.grants.delete(key);
  }
}
