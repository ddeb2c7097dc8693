/**
 * The browser signs in to the gate as a reviewer's browser does: through a one-time login
 * link (`/__preview/login?token=...`), whose session cookie the browser then sends with every
 * request to the preview's origin, redirects included, and to no other origin.
 *
 * Not a header: Playwright's `httpCredentials.send: "always"` applies to its API requests, not
 * a page's; `extraHTTPHeaders` would go to every origin a page loads from; and a route does
 * not see redirected requests (the provider's redirect back to the app would lose it). For
 * basic auth, httpCredentials (restricted to the preview's origin) still answers a 401
 * challenge, should one come.
 */
import type { BrowserContext, BrowserContextOptions } from "playwright-core";
import { LOGIN_PATH } from "../../gate/index.js";

/** Context options answering the gate's basic challenge on the preview's origin (none for bearer). */
export function basicChallengeOptions(
  authHeader: string | undefined,
  origin: string,
): Pick<BrowserContextOptions, "httpCredentials"> {
  const encoded = authHeader === undefined ? undefined : /^Basic\s+(\S+)$/i.exec(authHeader)?.[1];
  if (encoded === undefined) return {};
  const decoded = Buffer.from(encoded, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return {};
  return {
    httpCredentials: { username: decoded.slice(0, colon), password: decoded.slice(colon + 1), origin },
  };
}

/**
 * Opens the login link with the context's request API, which shares the browser's cookie jar:
 * the session cookie lands in the browser without loading the app's home page.
 */
export async function signInToGate(context: BrowserContext, loginUrl: string): Promise<void> {
  let reply: Awaited<ReturnType<BrowserContext["request"]["get"]>>;
  try {
    reply = await context.request.get(loginUrl, { maxRedirects: 0, failOnStatusCode: false });
  } catch (error) {
    // Playwright's message may quote the URL: its token is a credential.
    const message = (error as Error).message.split("\n")[0]?.replace(/token=[^\s&]+/g, "token=redacted");
    throw new Error(`the gate's login link (${LOGIN_PATH}) could not be opened: ${message}`);
  }
  try {
    if (reply.status() !== 303) {
      // The link's token is never shown: only the path and the gate's answer.
      throw new Error(`the gate's login link (${LOGIN_PATH}) answered ${reply.status()}, not 303`);
    }
  } finally {
    await reply.dispose();
  }
}
