/**
 * The tunnel probe's reserved path. Before a public URL is published, the runner fetches
 * `<public URL>/__preview/probe` carrying the run's probe key in a header, and this run's
 * gate answers with the run's nonce (tunnel/probe.ts), proving the URL leads here.
 *
 * The probe is the one request answered before the allow-list: with a restrictive
 * `allow-cidrs`, the runner's own request comes back through ngrok or cloudflared from an
 * edge address that is not in the list. It is answered only when it carries the exact key
 * (compared in constant time), so it is no oracle: without the key it is an ordinary
 * request (the allow-list, sign-in, then 404 for the reserved namespace), and with it the
 * only thing it reaches is the nonce, a per-run random the key holder knows already. Key and
 * nonce are separate values so that an echo server at the URL cannot pass the probe.
 */
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { SecretMatcher } from "../util/secure-compare.js";
import { PROBE_PATH } from "./reserved-paths.js";

/** Lower-case: node:http's header names. */
export const PROBE_KEY_HEADER = "x-preview-probe-key";

export interface ProbeSecrets {
  /** Sent by the runner in PROBE_KEY_HEADER. */
  readonly key: string;
  /** Answered by the gate. */
  readonly nonce: string;
}

export function newProbeSecrets(): ProbeSecrets {
  return { key: randomBytes(24).toString("base64url"), nonce: randomBytes(16).toString("hex") };
}

export class ProbeResponder {
  readonly #key: SecretMatcher;
  readonly #nonce: string;

  constructor(secrets: ProbeSecrets) {
    this.#key = new SecretMatcher(Buffer.from(secrets.key, "utf8"));
    this.#nonce = secrets.nonce;
  }

  /** Answers (true) a GET of the exact probe path that carries the key; false for anything else. */
  answer(req: IncomingMessage, res: ServerResponse, pathname: string): boolean {
    if (pathname !== PROBE_PATH || req.method !== "GET") return false;
    const given = req.headers[PROBE_KEY_HEADER];
    if (typeof given !== "string" || !this.#key.matches(given, "utf8")) return false;
    res.writeHead(200, { "content-type": "text/plain", "cache-control": "no-store" });
    res.end(this.#nonce);
    return true;
  }
}
