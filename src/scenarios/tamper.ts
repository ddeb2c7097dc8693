/**
 * `tamper: true`: one character changed after signing, the way a forged or corrupted
 * delivery would differ. The replacement stays in the same character class (hex stays hex,
 * a JSON letter stays a letter) so the receiver gets as far as comparing the signature,
 * rather than failing on a parse error that would prove nothing.
 */
import type { SignedDelivery } from "./signers/index.js";
import { PROVIDERS, type ScenarioProvider } from "./signers/index.js";

function nextInClass(code: number): number {
  const c = String.fromCharCode(code);
  if (c === "9") return "0".charCodeAt(0);
  if (c === "f") return "a".charCodeAt(0);
  if (c === "F") return "A".charCodeAt(0);
  if (c === "z") return "a".charCodeAt(0);
  if (c === "Z") return "A".charCodeAt(0);
  return code + 1;
}

const isAlnum = (code: number) =>
  (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

/** A copy with one byte changed: the first letter or digit from the middle on (else the middle byte). */
export function tamperBytes(bytes: Buffer): Buffer {
  const out = Buffer.from(bytes);
  if (out.length === 0) return out;
  const middle = Math.floor(out.length / 2);
  for (const start of [middle, 0]) {
    for (let i = start; i < out.length; i++) {
      const code = out[i] as number;
      if (isAlnum(code)) {
        out[i] = nextInClass(code);
        return out;
      }
    }
  }
  out[middle] = (out[middle] as number) ^ 0x01;
  return out;
}

/** The body altered, or (empty body, or a provider that signs no body) the signature. */
export function tamper(provider: ScenarioProvider, signed: SignedDelivery): SignedDelivery {
  const spec = PROVIDERS[provider];
  if (spec.signsBody && signed.body.length > 0) return { ...signed, body: tamperBytes(signed.body) };
  const headers = { ...signed.headers };
  const name = Object.keys(headers).find((h) => h.toLowerCase() === spec.signatureHeader);
  if (name !== undefined) {
    const value = Buffer.from(headers[name] ?? "");
    // The last character: for "sha256=<hex>" and "t=..,v1=<hex>" that is inside the MAC.
    if (value.length > 0) value[value.length - 1] = nextInClass(value[value.length - 1] as number);
    headers[name] = value.toString();
  }
  return { ...signed, headers };
}
