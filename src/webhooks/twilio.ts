/**
 * Twilio: X-Twilio-Signature = base64 HMAC-SHA1 (keyed with the auth token) of the full URL
 * Twilio requested (the PUBLIC URL) followed by the form parameters sorted by name, each as
 * name+value. JSON deliveries carry a bodySHA256 query parameter instead: the URL alone is
 * signed and the body must hash to it. Like twilio's validateRequest, the URL is tried with
 * and without its default port.
 */
import { createHash } from "node:crypto";
import { bad, headerValue, hmac, missing, OK, safeEqual } from "./compare.js";
import type { SignedRequest, SignInput, Verdict, WebhookScheme } from "./types.js";

const HEADER = "x-twilio-signature";

/** name+value pairs in Twilio's order: names sorted, repeated values de-duplicated and sorted. */
function formData(body: Buffer): string {
  const grouped = new Map<string, string[]>();
  for (const [name, value] of new URLSearchParams(body.toString("utf8"))) {
    const values = grouped.get(name);
    if (values) values.push(value);
    else grouped.set(name, [value]);
  }
  let data = "";
  for (const name of [...grouped.keys()].sort()) {
    for (const value of [...new Set(grouped.get(name))].sort()) data += name + value;
  }
  return data;
}

function usesBodyHash(url: string): boolean {
  return /[?&]bodySHA256=/.test(url);
}

export function signTwilio(url: string, body: Buffer, authToken: string): string {
  const data = usesBodyHash(url) ? url : url + formData(body);
  return hmac("sha1", authToken, Buffer.from(data, "utf8")).toString("base64");
}

/** The URL as given, and with its default port removed or added. */
function urlVariants(url: string): string[] {
  const m = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)(.*)$/i.exec(url);
  if (!m) return [url];
  const [, scheme = "", authority = "", rest = ""] = m;
  const portStart = authority.indexOf(":", authority.lastIndexOf("]") + 1);
  const host = portStart === -1 ? authority : authority.slice(0, portStart);
  const port = scheme.toLowerCase() === "https://" ? ":443" : ":80";
  return [...new Set([url, scheme + host + rest, scheme + host + port + rest])];
}

export function verifyTwilio(request: SignedRequest, authToken: string): Verdict {
  const signature = headerValue(request.headers, HEADER);
  if (signature === undefined) return missing("X-Twilio-Signature");
  let match = false;
  for (const url of urlVariants(request.url)) {
    match = safeEqual(signature, signTwilio(url, request.body, authToken)) || match;
  }
  if (!match) return bad("X-Twilio-Signature does not match (Twilio signs the public URL it requested)");
  if (usesBodyHash(request.url)) {
    const expected = new URL(request.url).searchParams.get("bodySHA256") ?? "";
    const actual = createHash("sha256").update(request.body).digest("hex");
    if (!safeEqual(expected, actual)) return bad("body does not match the bodySHA256 query parameter");
  }
  return OK;
}

/** For JSON bodies the bodySHA256 query parameter is set to the body's hash before signing. */
export function twilioUrl(url: string, body: Buffer): string {
  if (!usesBodyHash(url)) return url;
  const parsed = new URL(url);
  parsed.searchParams.set("bodySHA256", createHash("sha256").update(body).digest("hex"));
  return parsed.href;
}

export const twilio: WebhookScheme = {
  provider: "twilio",
  signatureHeaders: [HEADER],
  verify: verifyTwilio,
  sign: (input: SignInput, authToken) => ({ [HEADER]: signTwilio(input.url, input.body, authToken) }),
};
