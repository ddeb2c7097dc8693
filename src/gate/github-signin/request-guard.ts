/**
 * Cross-site request checks for the sign-in's state-changing endpoints (start a sign-in,
 * sign out), which are POSTs: the browser must say the request came from the preview's own
 * origin (Sec-Fetch-Site: same-origin, or an Origin equal to it). A request that says
 * neither is refused: every current browser sends one of them with a POST.
 */
import type { IncomingHttpHeaders } from "node:http";

export function isSameOrigin(headers: IncomingHttpHeaders, publicOrigin: string | undefined): boolean {
  const site = headers["sec-fetch-site"];
  if (site !== undefined && site !== "same-origin") return false;
  const origin = headers.origin;
  if (origin === undefined) return site === "same-origin";
  if (origin === "null") return false;
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
