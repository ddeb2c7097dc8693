/**
 * The gate's session cookie: set after a login link, checked by user auth, and taken out of
 * the Cookie header before a request goes to the app (the app never sees the gate's session).
 */

export const SESSION_COOKIE = "preview_tunnel_session";

/** Values of every cookie called `name` in a Cookie header. */
export function cookieValues(header: string, name: string): string[] {
  const values: string[] = [];
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq !== -1 && part.slice(0, eq).trim() === name) values.push(part.slice(eq + 1).trim());
  }
  return values;
}

/** The Cookie header without the gate's session cookie; undefined when nothing is left. */
export function withoutSessionCookie(header: string): string | undefined {
  const kept = header
    .split(";")
    .map((p) => p.trim())
    .filter((p) => p !== "" && p.slice(0, p.indexOf("=")).trim() !== SESSION_COOKIE);
  return kept.length === 0 ? undefined : kept.join("; ");
}
