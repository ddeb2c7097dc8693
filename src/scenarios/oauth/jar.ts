/**
 * A cookie jar for one login, as a browser keeps it for the preview's single origin: cookies
 * set by a response go with the next requests; Max-Age<=0 or a past Expires deletes one.
 * (Paths and domains are not tracked: every request of a scenario goes to one origin.)
 */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  /** Takes the Set-Cookie headers of a response. */
  store(setCookie: string | readonly string[] | undefined): void {
    const lines = setCookie === undefined ? [] : typeof setCookie === "string" ? [setCookie] : setCookie;
    for (const line of lines) {
      const [pair = "", ...attributes] = line.split(";");
      const eq = pair.indexOf("=");
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      let expired = false;
      for (const attribute of attributes) {
        const [key = "", raw = ""] = attribute.split("=", 2).map((part) => part.trim());
        if (key.toLowerCase() === "max-age" && Number(raw) <= 0) expired = true;
        if (key.toLowerCase() === "expires" && Date.parse(raw) <= Date.now()) expired = true;
      }
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  /** The Cookie header value, or undefined when the jar is empty. */
  header(): string | undefined {
    if (this.cookies.size === 0) return undefined;
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  names(): string[] {
    return [...this.cookies.keys()];
  }
}
