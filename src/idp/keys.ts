/**
 * Signing keys, one RS256 and one ES256 pair generated per run (nothing to leak or rotate),
 * the JWKS built from their public halves, and signing/verification with `jose`.
 */
import {
  type CryptoKey,
  calculateJwkThumbprint,
  compactVerify,
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  type JWK,
  type JWTPayload,
  type JWTVerifyOptions,
  jwtVerify,
  SignJWT,
} from "jose";
import { SIGNING_ALGS, type SigningAlg } from "./types.js";

interface KeyPair {
  readonly alg: SigningAlg;
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK;
}

export interface SigningKeys {
  /** The JWKS document: public keys only, each with its `kid`, `alg` and `use`. */
  readonly jwks: { readonly keys: readonly JWK[] };
  sign(alg: SigningAlg, payload: JWTPayload, typ: string): Promise<string>;
  /** Verifies the signature against this run's keys plus the given claim checks. */
  verify(token: string, options: JWTVerifyOptions): Promise<JWTPayload>;
  /** Verifies only the signature (an end-session `id_token_hint` may have expired). */
  verifySignature(token: string): Promise<JWTPayload>;
}

async function generate(alg: SigningAlg): Promise<KeyPair> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const jwk = await exportJWK(publicKey);
  // The thumbprint is a stable, collision-free kid derived from the key itself.
  const kid = await calculateJwkThumbprint(jwk);
  return { alg, kid, privateKey, publicJwk: { ...jwk, kid, alg, use: "sig" } };
}

export async function generateSigningKeys(): Promise<SigningKeys> {
  const pairs = await Promise.all(SIGNING_ALGS.map(generate));
  const jwks = { keys: pairs.map((pair) => pair.publicJwk) };
  const keySet = createLocalJWKSet(jwks);
  return {
    jwks,
    async sign(alg, payload, typ) {
      const pair = pairs.find((p) => p.alg === alg);
      if (!pair) throw new Error(`no signing key for ${alg}`);
      return new SignJWT(payload).setProtectedHeader({ alg, kid: pair.kid, typ }).sign(pair.privateKey);
    },
    async verify(token, options) {
      const { payload } = await jwtVerify(token, keySet, { algorithms: [...SIGNING_ALGS], ...options });
      return payload;
    },
    async verifySignature(token) {
      const { payload } = await compactVerify(token, keySet, { algorithms: [...SIGNING_ALGS] });
      const claims: unknown = JSON.parse(new TextDecoder().decode(payload));
      if (typeof claims !== "object" || claims === null || Array.isArray(claims)) {
        throw new Error("the token's payload is not a JSON object");
      }
      return claims as JWTPayload;
    },
  };
}
