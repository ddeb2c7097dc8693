// An example app with an OpenID Connect login (authorization code + PKCE + state + nonce,
// with openid-client), configured only from its environment as preview-tunnel's `idp: true`
// sets it up: OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URI. Listens on
// PORT. Routes: / (page with a login link), /login, the callback (OIDC_REDIRECT_URI's path), /me (JSON, 401 when not
// signed in), /logout, /health.
//
// The redirect URI comes from OIDC_REDIRECT_URI (the PUBLIC URL), never from the request's
// Host: behind a tunnel the app sees localhost, and a localhost redirect URI is the classic
// bug the provider refuses.
import { randomBytes } from "node:crypto";
import http from "node:http";
import * as oidc from "openid-client";

function required(name) {
  const value = process.env[name];
  if (!value) {
    console.error(`oauth-app: ${name} is not set (run with preview-tunnel's idp: true, or set it by hand)`);
    process.exit(2);
  }
  return value;
}

const port = Number(process.env.PORT || 3000);
const issuer = new URL(required("OIDC_ISSUER"));
const clientId = required("OIDC_CLIENT_ID");
const clientSecret = required("OIDC_CLIENT_SECRET");
const redirectUri = new URL(required("OIDC_REDIRECT_URI"));
const postLogoutRedirectUri = new URL("/", redirectUri).href;
const secureCookies = redirectUri.protocol === "https:";

// Login attempts (PKCE verifier, state, nonce) and sessions live in memory, keyed by random
// cookie values: nothing secret ever reaches the browser.
const LOGIN_TTL_MS = 10 * 60_000;
const logins = new Map();
const sessions = new Map();

let configPromise;
/** Discovery on first use (the provider may come up after the app), retried after a failure. */
function config() {
  configPromise ??= oidc
    .discovery(issuer, clientId, undefined, oidc.ClientSecretBasic(clientSecret), {
      // Plain http only for an issuer on loopback in tests; a preview's issuer is https.
      execute: issuer.protocol === "http:" ? [oidc.allowInsecureRequests] : [],
    })
    .catch((error) => {
      configPromise = undefined;
      throw error;
    });
  return configPromise;
}

function cookies(req) {
  const jar = {};
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0) jar[part.slice(0, eq).trim()] = decodeURIComponent(part.slice(eq + 1).trim());
  }
  return jar;
}

function cookie(name, value, maxAgeSeconds) {
  // Lax: the callback is a top-level navigation from the provider, which Lax cookies follow.
  return `${name}=${encodeURIComponent(value)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secureCookies ? "; Secure" : ""}`;
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function send(res, status, type, body, headers = {}) {
  res.writeHead(status, { "content-type": type, "cache-control": "no-store", ...headers });
  res.end(body);
}

function sendPage(res, status, title, body, headers = {}) {
  send(
    res,
    status,
    "text/html; charset=utf-8",
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>\n<body><h1>${escapeHtml(title)}</h1>${body}</body></html>\n`,
    headers,
  );
}

function redirect(res, location, headers = {}) {
  res.writeHead(302, { location, "cache-control": "no-store", ...headers });
  res.end();
}

function currentSession(req) {
  const sid = cookies(req).sid;
  return sid === undefined ? undefined : sessions.get(sid);
}

async function login(res, url) {
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const txId = randomBytes(24).toString("base64url");
  for (const [id, tx] of logins) if (Date.now() - tx.createdAt > LOGIN_TTL_MS) logins.delete(id);
  logins.set(txId, { verifier, state, nonce, createdAt: Date.now() });
  const params = {
    redirect_uri: redirectUri.href,
    scope: "openid email profile",
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    state,
    nonce,
  };
  // Lets a link pre-select the test user (`/login?login_hint=alice`).
  const hint = url.searchParams.get("login_hint");
  if (hint) params.login_hint = hint;
  redirect(res, oidc.buildAuthorizationUrl(await config(), params).href, {
    "set-cookie": cookie("oauth_tx", txId, LOGIN_TTL_MS / 1000),
  });
}

async function callback(req, res, url) {
  const txId = cookies(req).oauth_tx;
  const tx = txId === undefined ? undefined : logins.get(txId);
  // One callback per login attempt: a replayed callback URL finds nothing here.
  if (txId !== undefined) logins.delete(txId);
  const clearTx = { "set-cookie": cookie("oauth_tx", "", 0) };
  if (!tx) {
    sendPage(
      res,
      400,
      "Login failed",
      "<p>No login in progress (a replayed or expired callback).</p>",
      clearTx,
    );
    return;
  }
  // The URL the provider redirected to, on the public origin: openid-client sends its
  // origin and path as the token request's redirect_uri, which must equal the registered one.
  const currentUrl = new URL(redirectUri.href);
  currentUrl.search = url.search;
  let tokens;
  try {
    tokens = await oidc.authorizationCodeGrant(await config(), currentUrl, {
      pkceCodeVerifier: tx.verifier,
      expectedState: tx.state,
      expectedNonce: tx.nonce,
      idTokenExpected: true,
    });
  } catch (error) {
    if (error instanceof oidc.AuthorizationResponseError && error.error === "access_denied") {
      sendPage(res, 403, "Login denied", '<p>You declined the login. <a href="/">Back</a></p>', clearTx);
      return;
    }
    console.error(`oauth-app: login failed: ${error.code ?? ""} ${error.message}`);
    sendPage(res, 400, "Login failed", `<p>${escapeHtml(error.message)}</p>`, clearTx);
    return;
  }
  const claims = tokens.claims();
  const userinfo = await oidc.fetchUserInfo(await config(), tokens.access_token, claims.sub);
  const sid = randomBytes(24).toString("base64url");
  sessions.set(sid, { claims, userinfo, idToken: tokens.id_token });
  console.log(`oauth-app: ${claims.sub} signed in`);
  redirect(res, "/", { "set-cookie": [cookie("oauth_tx", "", 0), cookie("sid", sid, 8 * 3600)] });
}

async function logout(req, res) {
  const sid = cookies(req).sid;
  const session = sid === undefined ? undefined : sessions.get(sid);
  if (sid !== undefined) sessions.delete(sid);
  const clear = { "set-cookie": cookie("sid", "", 0) };
  if (!session) {
    redirect(res, "/", clear);
    return;
  }
  const endSession = oidc.buildEndSessionUrl(await config(), {
    id_token_hint: session.idToken,
    post_logout_redirect_uri: postLogoutRedirectUri,
  });
  redirect(res, endSession.href, clear);
}

async function route(req, res) {
  // Only the path and query of the request are used: its Host is the tunnel's local side.
  const url = new URL(req.url ?? "/", "http://app.invalid");
  if (req.method !== "GET" && req.method !== "HEAD") {
    send(res, 405, "text/plain", "method not allowed\n", { allow: "GET, HEAD" });
    return;
  }
  if (url.pathname === redirectUri.pathname) return callback(req, res, url);
  switch (url.pathname) {
    case "/health":
      send(res, 200, "application/json", JSON.stringify({ ok: true }));
      return;
    case "/login":
      return login(res, url);
    case "/logout":
      return logout(req, res);
    case "/me": {
      const session = currentSession(req);
      if (!session) {
        send(res, 401, "application/json", JSON.stringify({ error: "not signed in" }));
        return;
      }
      const { sub, email, name } = { ...session.claims, ...session.userinfo };
      send(res, 200, "application/json", JSON.stringify({ sub, email, name, userinfo: session.userinfo }));
      return;
    }
    case "/": {
      const session = currentSession(req);
      const body = session
        ? `<p>Signed in as <strong>${escapeHtml(session.userinfo.name ?? session.claims.sub)}</strong> (${escapeHtml(session.userinfo.email ?? "")}).</p><p><a href="/me">/me</a> · <a href="/logout">Sign out</a></p>`
        : '<p><a href="/login">Sign in</a></p>';
      sendPage(res, 200, "oauth-app", body);
      return;
    }
    default:
      send(res, 404, "text/plain", "not found\n");
  }
}

const server = http.createServer((req, res) => {
  route(req, res).catch((error) => {
    console.error(`oauth-app: ${req.url}: ${error.stack ?? error}`);
    if (!res.headersSent) send(res, 500, "text/plain", "internal error (see the app's log)\n");
    else res.destroy();
  });
});

server.listen(port, () => console.log(`oauth-app: listening on http://localhost:${port}`));

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    console.log(`oauth-app: ${signal}, shutting down`);
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}
