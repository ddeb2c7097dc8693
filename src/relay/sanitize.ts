/**
 * Decides what of a status artifact may be shown. Everything in it was written by the fork's
 * code, so:
 * - it must follow the status schema exactly (status.ts: enums, numbers, timestamps, an https
 *   URL; no free text), or it is refused as a whole;
 * - the pull request and commit it names must be the workflow_run event's (it is refused
 *   otherwise); they are only compared, the relay publishes for the event's;
 * - its URL is a link only on a known tunnel domain or an allowed host; anything else is shown
 *   as text with a warning;
 * - nothing in it is evaluated, and what reaches a log is escaped and cut short.
 * The Markdown/HTML escaping of what reaches the comment is comment-body.ts's (one place).
 */

import { KNOWN_TUNNEL_DOMAINS } from "./settings.js";
import { type RelayStatus, relayStatusSchema } from "./status.js";

export interface Expected {
  readonly pullRequest: number;
  readonly headSha: string;
  /** From the artifact's name: the JSON must say the same. */
  readonly sequence: number;
}

export type Sanitized =
  | {
      readonly ok: true;
      readonly status: RelayStatus;
      /** false: show the URL as text only. */
      readonly linkUrl: boolean;
      readonly warnings: readonly string[];
    }
  | { readonly ok: false; readonly reason: string };

const FIELDS = new Set(Object.keys(relayStatusSchema.shape));

/** Longest a URL shown as text may be. */
const URL_TEXT_MAX = 200;

export function sanitizeStatus(raw: unknown, expected: Expected, allowedHosts: readonly string[]): Sanitized {
  const version = (raw as { schema?: unknown } | null)?.schema;
  if (typeof version === "number" && version !== 1) {
    return {
      ok: false,
      reason: `it is written in status schema version ${safeNumber(version)}, and this relay reads version 1 (use the same preview-tunnel version in both workflows)`,
    };
  }
  const parsed = relayStatusSchema.safeParse(raw);
  if (!parsed.success) {
    // Only the top-level field is named: deeper keys (a phase name) are the artifact's text.
    const where = new Set(
      parsed.error.issues.map((issue) => {
        const field = issue.path[0];
        return typeof field === "string" && FIELDS.has(field) ? field : "(top level)";
      }),
    );
    return { ok: false, reason: `it does not follow the status schema (at ${[...where].join(", ")})` };
  }
  const status = parsed.data;
  if (status.sequence !== expected.sequence) {
    return {
      ok: false,
      reason: `its sequence number ${status.sequence} is not the one in its name (${expected.sequence})`,
    };
  }
  if (status.pullRequest !== undefined && status.pullRequest !== expected.pullRequest) {
    return {
      ok: false,
      reason: `it names pull request #${status.pullRequest}, but the run is for #${expected.pullRequest}`,
    };
  }
  if (status.headSha !== undefined && status.headSha !== expected.headSha) {
    return {
      ok: false,
      reason: `it names commit ${status.headSha.slice(0, 12)}, but the run is for ${expected.headSha.slice(0, 12)}`,
    };
  }
  const warnings: string[] = [];
  let linkUrl = true;
  if (status.url !== undefined && !isTunnelUrl(status.url, allowedHosts)) {
    linkUrl = false;
    warnings.push(
      `The preview reported the URL ${logText(status.url, URL_TEXT_MAX)}, whose host is neither a known tunnel domain nor in relay-allowed-hosts: it is shown as text, not as a link.`,
    );
  }
  const url = status.url && !linkUrl ? cutText(status.url, URL_TEXT_MAX) : status.url;
  return { ok: true, status: { ...status, ...(url !== undefined ? { url } : {}) }, linkUrl, warnings };
}

/**
 * An https URL on the default port whose host is a subdomain of a known tunnel domain, or
 * matches an allowed host ("name" exactly, "*.domain" for its subdomains).
 */
export function isTunnelUrl(raw: string, allowedHosts: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== "https:" || url.port !== "" || url.username || url.password) return false;
  const host = url.hostname;
  if (KNOWN_TUNNEL_DOMAINS.some((domain) => isSubdomain(host, domain))) return true;
  return allowedHosts.some((entry) => {
    const pattern = entry.toLowerCase();
    return pattern.startsWith("*.") ? isSubdomain(host, pattern.slice(2)) : host === pattern;
  });
}

function isSubdomain(host: string, domain: string): boolean {
  return host.length > domain.length + 1 && host.endsWith(`.${domain}`);
}

function cutText(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function safeNumber(value: number): string {
  return Number.isFinite(value) ? String(Math.trunc(value)).slice(0, 12) : "?";
}

/**
 * Untrusted text for a log line: JSON-quoted (no line breaks or control characters, so it
 * cannot start a workflow command) and cut short.
 */
export function logText(text: string, max = 200): string {
  // Also escapes what JSON leaves alone but could mislead a reader (bidi overrides, U+2028).
  return JSON.stringify(cutText(text, max)).replace(
    /[^\x20-\x7e]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
