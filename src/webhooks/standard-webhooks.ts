/**
 * Standard Webhooks (and Svix, which uses the same scheme with "svix-" header names):
 * webhook-signature = space-separated "v1,<base64>" entries, base64 HMAC-SHA256 of
 * "<id>.<timestamp>.<body>" keyed with the base64-decoded part of the secret after "whsec_";
 * 300 s tolerance.
 */
import { randomUUID } from "node:crypto";
import { bad, headerValue, hmac, missing, OK, safeEqual, staleness } from "./compare.js";
import type { HeaderMap, SignedRequest, SignInput, Verdict, WebhookScheme } from "./types.js";

export function standardWebhooksKey(secret: string): Buffer {
  return Buffer.from(secret.startsWith("whsec_") ? secret.slice("whsec_".length) : secret, "base64");
}

export function signStandardWebhook(
  id: string,
  timestamp: number,
  body: Buffer | string,
  secret: string,
): string {
  return `v1,${hmac("sha256", standardWebhooksKey(secret), `${id}.${timestamp}.`, body).toString("base64")}`;
}

type Prefix = "webhook" | "svix";

/** The header triple of whichever prefix the request uses (Svix deliveries may carry either). */
function triple(headers: HeaderMap, prefixes: readonly Prefix[]) {
  for (const prefix of prefixes) {
    const signature = headerValue(headers, `${prefix}-signature`);
    if (signature === undefined) continue;
    return {
      prefix,
      signature,
      id: headerValue(headers, `${prefix}-id`),
      timestamp: headerValue(headers, `${prefix}-timestamp`),
    };
  }
  return undefined;
}

function verifyWith(prefixes: readonly Prefix[]) {
  return (request: SignedRequest, secret: string): Verdict => {
    const found = triple(request.headers, prefixes);
    const first = prefixes[0] ?? "webhook";
    if (found === undefined) return missing(`${first}-signature`);
    if (found.id === undefined) return missing(`${found.prefix}-id`);
    if (found.timestamp === undefined) return missing(`${found.prefix}-timestamp`);
    if (!/^\d+$/.test(found.timestamp)) return bad(`${found.prefix}-timestamp is not a number`);
    const stale = staleness(Number(found.timestamp), request.nowSeconds);
    if (stale) return stale;
    const expected = hmac(
      "sha256",
      standardWebhooksKey(secret),
      `${found.id}.${found.timestamp}.`,
      request.body,
    );
    let match = false;
    for (const entry of found.signature.split(" ")) {
      const comma = entry.indexOf(",");
      if (entry.slice(0, comma) !== "v1") continue;
      match = safeEqual(Buffer.from(entry.slice(comma + 1), "base64"), expected) || match;
    }
    return match ? OK : bad(`no v1 signature in ${found.prefix}-signature matches`);
  };
}

function signWith(prefix: Prefix) {
  return (input: SignInput, secret: string): Record<string, string> => {
    const headers = input.headers ?? {};
    const id =
      headerValue(headers, `${prefix}-id`) ??
      headerValue(headers, "webhook-id") ??
      `msg_${randomUUID().replaceAll("-", "")}`;
    return {
      [`${prefix}-id`]: id,
      [`${prefix}-timestamp`]: String(input.nowSeconds),
      [`${prefix}-signature`]: signStandardWebhook(id, input.nowSeconds, input.body, secret),
    };
  };
}

export const standardWebhooks: WebhookScheme = {
  provider: "standard-webhooks",
  signatureHeaders: ["webhook-signature"],
  verify: verifyWith(["webhook"]),
  sign: signWith("webhook"),
};

export const svix: WebhookScheme = {
  provider: "svix",
  signatureHeaders: ["svix-signature", "webhook-signature"],
  verify: verifyWith(["svix", "webhook"]),
  sign: signWith("svix"),
};
