/**
 * Discord interactions: X-Signature-Ed25519 = hex Ed25519 signature of timestamp + raw body,
 * X-Signature-Timestamp the timestamp as sent. Asymmetric: the gate verifies with the
 * application's PUBLIC key (hex, as the Developer Portal shows it); signing needs the private
 * key (PKCS#8 PEM), which only exists for key pairs generated per run. discord-interactions'
 * verifyKey checks no timestamp tolerance, so neither does the gate.
 */
import { createPrivateKey, createPublicKey, type KeyObject, sign, verify } from "node:crypto";
import { bad, headerValue, missing, OK } from "./compare.js";
import type { SignedRequest, SignInput, Verdict, WebhookScheme } from "./types.js";

const SIGNATURE = "x-signature-ed25519";
const TIMESTAMP = "x-signature-timestamp";

/** The 32-byte raw public key (hex) as an Ed25519 KeyObject; cached, the same key verifies every request. */
const publicKeys = new Map<string, KeyObject | undefined>();
function publicKey(hex: string): KeyObject | undefined {
  if (!publicKeys.has(hex)) {
    let key: KeyObject | undefined;
    if (/^[0-9a-f]{64}$/i.test(hex)) {
      const x = Buffer.from(hex, "hex").toString("base64url");
      key = createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x }, format: "jwk" });
    }
    publicKeys.set(hex, key);
  }
  return publicKeys.get(hex);
}

/** Parsing a PEM costs more than signing: keep the last key (a run has one key pair). */
let lastPrivate: { pem: string; key: KeyObject } | undefined;
function privateKey(pem: string): KeyObject {
  if (lastPrivate?.pem !== pem) lastPrivate = { pem, key: createPrivateKey(pem) };
  return lastPrivate.key;
}

export function signDiscord(body: Buffer | string, timestamp: string, privateKeyPem: string): string {
  const data = Buffer.concat([Buffer.from(timestamp), Buffer.from(body)]);
  return sign(null, data, privateKey(privateKeyPem)).toString("hex");
}

export function verifyDiscord(request: SignedRequest, publicKeyHex: string): Verdict {
  const signature = headerValue(request.headers, SIGNATURE);
  if (signature === undefined) return missing("X-Signature-Ed25519");
  const timestamp = headerValue(request.headers, TIMESTAMP);
  if (timestamp === undefined) return missing("X-Signature-Timestamp");
  const key = publicKey(publicKeyHex.trim());
  if (key === undefined) return bad("the configured Discord public key is not 64 hex characters");
  if (!/^[0-9a-f]{128}$/i.test(signature)) return bad("X-Signature-Ed25519 is not 128 hex characters");
  const data = Buffer.concat([Buffer.from(timestamp), request.body]);
  return verify(null, data, key, Buffer.from(signature, "hex"))
    ? OK
    : bad("X-Signature-Ed25519 does not verify with the public key");
}

export const discord: WebhookScheme = {
  provider: "discord",
  signatureHeaders: [SIGNATURE],
  verify: verifyDiscord,
  /** `privateKeyPem`: the PKCS#8 PEM of the key pair whose public key the app was given. */
  sign: (input: SignInput, privateKeyPem) => {
    const timestamp = String(input.nowSeconds);
    return { [TIMESTAMP]: timestamp, [SIGNATURE]: signDiscord(input.body, timestamp, privateKeyPem) };
  },
};
