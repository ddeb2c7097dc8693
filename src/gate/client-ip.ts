/**
 * Who the client is, for allow-cidrs. The socket peer, except when the peer is the tunnel
 * agent on loopback and the provider names the client in a header it controls (ngrok:
 * X-Forwarded-For, cloudflared: CF-Connecting-IP): then the right-most value, the one the
 * provider's edge added. A header from any other peer is ignored, so it cannot be spoofed.
 */

import type { IncomingMessage } from "node:http";
import { isIP, isIPv4 } from "node:net";
import type { AllowList } from "./settings.js";

/** "::ffff:1.2.3.4" -> "1.2.3.4", so IPv4 rules apply to IPv4-mapped peers. */
export function normalizeAddress(address: string): string {
  return address.startsWith("::ffff:") && isIPv4(address.slice(7)) ? address.slice(7) : address;
}

export function isLoopback(address: string): boolean {
  return address === "::1" || address.startsWith("127.") || address === "::ffff:127.0.0.1";
}

/** One header value: "1.2.3.4", "1.2.3.4:5678", "[2001:db8::1]:443", "2001:db8::1". */
function parseForwarded(value: string): string | undefined {
  let v = value.trim();
  const bracket = /^\[([^\]]+)\](?::\d+)?$/.exec(v);
  if (bracket?.[1] !== undefined) v = bracket[1];
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d+$/.test(v)) v = v.slice(0, v.lastIndexOf(":"));
  return isIP(v) === 0 ? undefined : normalizeAddress(v);
}

/**
 * The client's address, or undefined when a trusted header is present but unreadable.
 * `trustedHeader` is a lower-case header name.
 */
export function clientAddress(req: IncomingMessage, trustedHeader: string | undefined): string | undefined {
  const peer = normalizeAddress(req.socket.remoteAddress ?? "");
  if (trustedHeader === undefined || !isLoopback(peer)) return peer;
  const raw = req.headers[trustedHeader];
  const value = Array.isArray(raw) ? raw.join(",") : raw;
  if (value === undefined) return peer; // a local client, not the tunnel
  const last = value.slice(value.lastIndexOf(",") + 1);
  return parseForwarded(last);
}

export function isAllowed(allow: AllowList | undefined, address: string | undefined): boolean {
  if (allow === undefined) return true;
  if (address === undefined || address === "") return false;
  return allow.blockList.check(address, isIPv4(address) ? "ipv4" : "ipv6");
}
