/** What every provider's signer takes and gives: pure functions, all randomness passed in. */

export interface DeliveryToSign {
  /** The absolute PUBLIC URL the provider would request (Twilio and Square sign it). */
  readonly url: string;
  /** The rendered body; some providers put a timestamp or hash in it before signing. */
  readonly body: Buffer;
  readonly contentType: string;
  /** Signing time in Unix seconds, with the scenario's timestamp-offset applied. */
  readonly nowSeconds: number;
  /** Event or topic the provider names in a header (X-GitHub-Event, X-Shopify-Topic...). */
  readonly event: string | undefined;
  /** A fresh UUID per delivery, for the provider's delivery-id headers. */
  readonly deliveryId: string;
  /** HMAC secret or token; for Discord the PKCS#8 PEM private key of the run's key pair. */
  readonly secret: string;
}

/** Exactly what goes on the wire: send these bytes to this URL with these headers. */
export interface SignedDelivery {
  readonly url: string;
  readonly body: Buffer;
  /** Provider event headers and the signature; the content type is the runner's. */
  readonly headers: Readonly<Record<string, string>>;
}

export type Signer = (delivery: DeliveryToSign) => SignedDelivery;
