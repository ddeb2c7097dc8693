/**
 * Where the browser goes back to after signing in: always a path on the preview itself.
 * Anything that a browser could read as another origin (`//evil`, `/\evil`, `https://evil`,
 * control characters, dot segments collapsing into `//`) becomes "/". Same-origin
 * redirects only, so the sign-in can never be used as an open redirect.
 */
import { LOGOUT_PATH, SIGNIN_PATH, SIGNIN_PREFIX } from "./paths.js";

const MAX_LENGTH = 2048;
const BASE = "http://preview.invalid";

/** A safe same-origin path and query from an untrusted "to" value; "/" when in doubt. */
export function safeReturnPath(raw: string | null | undefined): string {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > MAX_LENGTH) return "/";
  // One leading slash, then not a second slash or backslash (browsers read "\" as "/").
  if (raw[0] !== "/" || raw[1] === "/" || raw[1] === "\\") return "/";
  // Control characters, spaces and backslashes have no place in a path the gate handed out.
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c <= 0x20 || c === 0x7f || c === 0x5c) return "/";
  }
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return "/";
  }
  if (url.origin !== BASE) return "/";
  const path = url.pathname;
  // Dot segments can leave "//" at the start ("/..//evil" -> "//evil"): protocol-relative.
  if (!path.startsWith("/") || path.startsWith("//")) return "/";
  // Back to the sign-in (or sign-out) itself would loop.
  if (path === SIGNIN_PATH || path.startsWith(SIGNIN_PREFIX) || path === LOGOUT_PATH) return "/";
  return `${path}${url.search}`;
}
