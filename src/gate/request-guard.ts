/**
 * Cross-site request checks for the state-changing endpoints of the gate's own pages (the
 * GitHub sign-in's start and sign out, the inspector's replay), which are POSTs. Browsers say
 * where a request comes from in Sec-Fetch-Site (set by the browser; a page cannot forge it):
 * it must be "same-origin". Browsers without it are judged by Origin, which must be the
 * preview's. A request that says neither is refused: every current browser sends one of them
 * with a POST. (Origin alone would not do: under a no-referrer policy a browser sends
 * "Origin: null" even for its own forms.)
 */
import type { IncomingHttpHeaders } from "node:http";

export function isSameOrigin(headers: IncomingHttpHeaders, publicOrigin: string | undefined): boolean {
  const site = headers["sec-fetch-site"];
  if (site !== undefined) return site === "same-origin";
  const origin = headers.origin;
  if (origin === undefined || origin === "null") return false;
  if (publicOrigin !== undefined && origin === publicOrigin) return true;
  try {
    return new URL(origin).host === headers.host;
  } catch {
    return false;
  }
}

/** The client wants a page (a browser navigating), not data. */
export function wantsHtml(accept: string | undefined): boolean {
  return accept?.includes("text/html") === true;
}
