import type { WebhookProvider } from "./providers.js";

/** Request headers with lower-case names, as node:http gives them. */
export type HeaderMap = Readonly<Record<string, string | string[] | undefined>>;

/** What a verifier sees of a webhook delivery. */
export interface SignedRequest {
  readonly headers: HeaderMap;
  /** The exact bytes received. */
  readonly body: Buffer;
  /** Absolute URL the sender addressed (the public URL: Twilio signs it). */
  readonly url: string;
  readonly nowSeconds: number;
}

export type Verdict =
  | { readonly ok: true }
  /** 401: no signature at all; 403: a signature that does not verify or is stale. */
  | { readonly ok: false; readonly status: 401 | 403; readonly reason: string };

/** What a signer needs to sign a delivery again (replay, tests). */
export interface SignInput {
  readonly body: Buffer;
  readonly url: string;
  readonly nowSeconds: number;
  /** Headers of the original delivery, for ids a provider keeps (e.g. webhook-id). */
  readonly headers?: HeaderMap;
}

/** One provider's scheme: the verifier the gate runs and the signer replay uses. */
export interface WebhookScheme {
  readonly provider: WebhookProvider;
  /** Headers carrying a signature or token: required, redacted in recordings, replaced on replay. */
  readonly signatureHeaders: readonly string[];
  verify(request: SignedRequest, secret: string): Verdict;
  /** Headers (lower-case names) that make `input` verify with `secret`. */
  sign(input: SignInput, secret: string): Record<string, string>;
}
