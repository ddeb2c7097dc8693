/**
 * The example app's OIDC login (examples/oauth-app, openid-client) against the identity
 * provider: the app runs as a real child process, the provider standalone on loopback, and a
 * cookie-jar client follows the redirects one by one like a browser.
 */
import { type ChildProcess, spawn } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../src/app/ports.js";
import { idpEnv, newClientSecret, type StandaloneIdp, startStandaloneIdp } from "../../src/idp/index.js";
import { expectNoProcessLeft, newMark } from "../helpers/processes.js";
import { until } from "../helpers/wait.js";

const APP = path.resolve("examples/oauth-app/server.mjs");

interface Reply {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
  readonly location: URL | undefined;
}

/** A browser without JavaScript: one cookie jar (cookies ignore ports), redirects by hand. */
class Browser {
  readonly cookies = new Map<string, string>();

  get(url: URL | string, headers: Record<string, string> = {}): Promise<Reply> {
    const target = new URL(url);
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
    return new Promise((resolve, reject) => {
      const req = http.get(target, { headers: { ...(cookie ? { cookie } : {}), ...headers } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          for (const line of res.headers["set-cookie"] ?? []) this.store(line);
          const location = res.headers.location;
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString("utf8"),
            location: location === undefined ? undefined : new URL(location, target),
          });
        });
      });
      req.on("error", reject);
    });
  }

  private store(line: string): void {
    const [pair = "", ...attributes] = line.split(";");
    const eq = pair.indexOf("=");
    const name = pair.slice(0, eq).trim();
    const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a));
    if (expired) this.cookies.delete(name);
    else this.cookies.set(name, pair.slice(eq + 1).trim());
  }
}

let idp: StandaloneIdp;
let app: ChildProcess;
let appOrigin: string;
let output = "";
const mark = newMark();

beforeAll(async () => {
  const port = await freePort();
  appOrigin = `http://127.0.0.1:${port}`;
  const secret = newClientSecret();
  const redirectUri = `${appOrigin}/auth/callback`;
  idp = await startStandaloneIdp({
    clients: [
      {
        clientId: "preview-app",
        clientSecret: secret,
        redirectUris: [redirectUri],
        postLogoutRedirectUris: [`${appOrigin}/`],
      },
    ],
    users: [
      { sub: "alice", email: "alice@example.com", name: "Alice Example" },
      { sub: "bob", email: "bob@example.com", name: "Bob" },
    ],
  });
  const env = idpEnv("OIDC_", {
    issuer: idp.issuer,
    clientId: "preview-app",
    clientSecret: secret,
    redirectUris: [redirectUri],
  });
  app = spawn(process.execPath, [APP], {
    env: { ...process.env, ...mark.env, ...env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  app.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  app.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await until(
    "the example app to answer /health",
    async () => {
      if (app.exitCode !== null) throw new Error(`the app exited with ${app.exitCode}:\n${output}`);
      const ok = await fetch(`${appOrigin}/health`).then(
        (r) => r.ok,
        () => false,
      );
      return ok ? true : undefined;
    },
    20_000,
  );
});

afterAll(async () => {
  if (app && app.exitCode === null) {
    const exited = new Promise((resolve) => app.once("exit", resolve));
    app.kill("SIGTERM");
    await exited;
  }
  await idp?.close();
  await expectNoProcessLeft(mark.value);
});

/** /login up to the provider's authorization endpoint, with the checks a scenario makes. */
async function startLogin(browser: Browser): Promise<URL> {
  const toIdp = await browser.get(`${appOrigin}/login`);
  expect(toIdp.status).toBe(302);
  const authorize = toIdp.location as URL;
  expect(authorize.href.startsWith(`${idp.issuer}/authorize?`)).toBe(true);
  expect(authorize.searchParams.get("redirect_uri")).toBe(`${appOrigin}/auth/callback`);
  expect(authorize.searchParams.get("client_id")).toBe("preview-app");
  expect(authorize.searchParams.get("state")).toBeTruthy();
  expect(authorize.searchParams.get("nonce")).toBeTruthy();
  expect(authorize.searchParams.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
  return authorize;
}

/** The provider's answer for a login_hint (a user, or `deny`): the callback URL. */
async function atProvider(browser: Browser, authorize: URL, hint: string): Promise<URL> {
  const url = new URL(authorize);
  url.searchParams.set("login_hint", hint);
  const back = await browser.get(url);
  expect(back.status).toBe(302);
  expect(back.location?.href.startsWith(`${appOrigin}/auth/callback?`)).toBe(true);
  return back.location as URL;
}

describe("the example app's OIDC login", () => {
  it("signs a configured user in: /me shows the user; a replayed callback is refused", async () => {
    const browser = new Browser();
    expect((await browser.get(`${appOrigin}/me`)).status).toBe(401);
    const callback = await atProvider(browser, await startLogin(browser), "alice");
    const txCookie = browser.cookies.get("oauth_tx");
    expect(txCookie).toBeTruthy();

    const signedIn = await browser.get(callback);
    expect(signedIn.status).toBe(302);
    expect(signedIn.location?.pathname).toBe("/");
    expect(browser.cookies.get("sid")).toBeTruthy();
    const me = await browser.get(`${appOrigin}/me`);
    expect(me.status).toBe(200);
    expect(JSON.parse(me.body)).toMatchObject({
      sub: "alice",
      email: "alice@example.com",
      name: "Alice Example",
    });
    expect((await browser.get(`${appOrigin}/`)).body).toContain(
      "Signed in as <strong>Alice Example</strong>",
    );

    // Replayed, as the browser would (its login cookie is gone) and with the old cookie put back.
    expect((await browser.get(callback)).status).toBe(400);
    browser.cookies.set("oauth_tx", txCookie as string);
    const replay = await browser.get(callback);
    expect(replay.status).toBe(400);
    expect(replay.body).toContain("replayed or expired callback");
    // The session from the real login is unaffected.
    expect((await browser.get(`${appOrigin}/me`)).status).toBe(200);
  });

  it("refuses a callback with a tampered state and creates no session", async () => {
    const browser = new Browser();
    const callback = await atProvider(browser, await startLogin(browser), "bob");
    callback.searchParams.set("state", `${callback.searchParams.get("state")}x`);
    const tampered = await browser.get(callback);
    expect(tampered.status).toBe(400);
    expect(browser.cookies.has("sid")).toBe(false);
    expect((await browser.get(`${appOrigin}/me`)).status).toBe(401);
  });

  it("handles denied consent: a 403 page and no session", async () => {
    const browser = new Browser();
    const callback = await atProvider(browser, await startLogin(browser), "deny");
    expect(callback.searchParams.get("error")).toBe("access_denied");
    const denied = await browser.get(callback);
    expect(denied.status).toBe(403);
    expect(denied.body).toContain("Login denied");
    expect(browser.cookies.has("sid")).toBe(false);
    expect((await browser.get(`${appOrigin}/me`)).status).toBe(401);
  });

  it("takes its redirect URI from OIDC_REDIRECT_URI, whatever Host the request came with", async () => {
    const browser = new Browser();
    const toIdp = await browser.get(`${appOrigin}/login`, { host: "localhost:3000" });
    expect(toIdp.location?.searchParams.get("redirect_uri")).toBe(`${appOrigin}/auth/callback`);
  });

  it("signs out through the provider's end-session endpoint back to the app", async () => {
    const browser = new Browser();
    await browser.get(await atProvider(browser, await startLogin(browser), "bob"));
    expect((await browser.get(`${appOrigin}/me`)).status).toBe(200);
    const toIdp = await browser.get(`${appOrigin}/logout`);
    expect(toIdp.location?.href.startsWith(`${idp.issuer}/logout?`)).toBe(true);
    const back = await browser.get(toIdp.location as URL);
    expect(back.status).toBe(302);
    expect(back.location?.href).toBe(`${appOrigin}/`);
    expect((await browser.get(`${appOrigin}/me`)).status).toBe(401);
  });
});
