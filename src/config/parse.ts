/**
 * Parsers of the run's own inputs (ready, provider).
 */
import { InputError } from "../errors.js";

export type ReadySpec =
  | { readonly kind: "http"; readonly url: URL }
  | { readonly kind: "path"; readonly path: string }
  | { readonly kind: "tcp" }
  | { readonly kind: "log"; readonly pattern: RegExp };

/** `http(s)://...`, `/path`, `tcp` or `log:<regex>`; empty means GET / on the app's port. */
export function parseReady(input: string, raw: string): ReadySpec {
  const value = raw.trim();
  if (value === "") return { kind: "path", path: "/" };
  if (value === "tcp") return { kind: "tcp" };
  if (value.startsWith("log:")) {
    const source = value.slice(4);
    if (source === "")
      throw new InputError(input, raw, 'needs a regular expression after "log:", e.g. "log:listening on"');
    try {
      return { kind: "log", pattern: new RegExp(source) };
    } catch (error) {
      throw new InputError(
        input,
        raw,
        `has an invalid regular expression after "log:" (${(error as Error).message})`,
      );
    }
  }
  if (value.startsWith("/")) return { kind: "path", path: value };
  if (/^https?:\/\//i.test(value)) {
    try {
      return { kind: "http", url: new URL(value) };
    } catch {
      // fall through to the common message
    }
  }
  throw new InputError(
    input,
    raw,
    'must be a URL ("http://127.0.0.1:3000/health"), a path on the app\'s port ("/health"), "tcp", or "log:<regex>"',
  );
}

export const PROVIDERS = ["auto", "ngrok", "cloudflared", "ssh", "local"] as const;
export type ProviderName = (typeof PROVIDERS)[number];

export function parseProvider(input: string, raw: string): ProviderName {
  const value = raw.trim().toLowerCase();
  if (!(PROVIDERS as readonly string[]).includes(value)) {
    throw new InputError(input, raw, `must be one of ${PROVIDERS.join(", ")}`);
  }
  return value as ProviderName;
}
