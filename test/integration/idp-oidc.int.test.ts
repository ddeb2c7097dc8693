/**
 * The identity provider against a real relying party: openid-client v6 runs discovery, PKCE,
 * state, nonce, id_token validation (with signature checks), userinfo, refresh and
 * end-session against the provider served on 127.0.0.1. Also the login page a reviewer's
 * browser sees.
 */
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from "jose";
import * as oidc from "openid-client";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { newClientSecret, type StandaloneIdp, startStandaloneIdp } from "../../src/idp/index.js";

const REDIRECT = "http://127.0.0.1:9/auth/callback";
const POST_LOGOUT = "http://127.0.0.1:9/";
const SECRET = newClientSecret();
const ES_SECRET = newClientSecret();

const USERS = [
  { sub: "alice", email: "alice@example.com", name: "Alice Example", claims: { groups: ["admins"] } },
  { sub: "bob-42", email: "Bob@Example.com", name: `<script>alert("x")</script> & Bob` },
];

let server: StandaloneIdp;
beforeEach(async () => {
  server = await startStandaloneIdp({
    clients: [
      {
        clientId: "rp",
        clientSecret: SECRET,
        redirectUris: [REDIRECT],
        postLogoutRedirectUris: [POST_LOGOUT],
      },
      { clientId: "rp-es", clientSecret: ES_SECRET, redirectUris: [REDIRECT], idTokenSigningAlg: "ES256" },
    ],
    users: USERS,
  });
});
afterEach(async () => {
  await server.close();
});

async function discover(
  clientId: string,
  auth: oidc.ClientAuth,
  metadata: Partial<oidc.ClientMetadata> = {},
) {
  return oidc.discovery(new URL(server.issuer), clientId, metadata, auth, {
    // http on loopback, and verify id_token signatures against the JWKS (off by default).
    execute: [oidc.allowInsecureRequests, oidc.enableNonRepudiationChecks],
  });
}

/** Follows the authorization request like a browser would, up to the redirect back. */
async function followAuthorize(url: URL): Promise<URL> {
  const response = await fetch(url, { redirect: "manual" });
  expect(response.status).toBe(302);
  const location = response.headers.get("location");
  expect(location).toBeTruthy();
  return new URL(location as string);
}

/** A plain login as alice (scope openid, PKCE), through to the tokens. */
async function signInAlice(config: oidc.Configuration) {
  const verifier = oidc.randomPKCECodeVerifier();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: REDIRECT,
    scope: "openid",
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    login_hint: "alice",
  });
  return oidc.authorizationCodeGrant(config, await followAuthorize(url), { pkceCodeVerifier: verifier });
}

describe("the identity provider with openid-client as relying party", () => {
  it("completes discovery, PKCE, state, nonce, id_token and userinfo validation, and refresh", async () => {
    const config = await discover("rp", oidc.ClientSecretBasic(SECRET));
    expect(config.serverMetadata().issuer).toBe(server.issuer);

    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: REDIRECT,
      scope: "openid email profile",
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: "S256",
      state,
      nonce,
      login_hint: "alice",
    });
    const callback = await followAuthorize(url);
    expect(callback.origin + callback.pathname).toBe(REDIRECT);
    expect(callback.searchParams.get("state")).toBe(state);
    expect(callback.searchParams.get("iss")).toBe(server.issuer);

    const tokens = await oidc.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: verifier,
      expectedState: state,
      expectedNonce: nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    expect(claims).toMatchObject({
      iss: server.issuer,
      sub: "alice",
      aud: "rp",
      nonce,
      email: "alice@example.com",
      email_verified: true,
      name: "Alice Example",
      groups: ["admins"],
    });
    expect(typeof claims?.auth_time).toBe("number");
    expect(tokens.token_type.toLowerCase()).toBe("bearer");
    expect(tokens.expiresIn()).toBeGreaterThan(0);
    expect(decodeProtectedHeader(tokens.id_token as string).alg).toBe("RS256");

    const info = await oidc.fetchUserInfo(config, tokens.access_token, "alice");
    expect(info).toMatchObject({ sub: "alice", email: "alice@example.com", name: "Alice Example" });

    const refreshed = await oidc.refreshTokenGrant(config, tokens.refresh_token as string);
    expect(refreshed.access_token).not.toBe(tokens.access_token);
    expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
    expect(refreshed.claims()?.sub).toBe("alice");
    expect(refreshed.claims()?.nonce).toBeUndefined();
    expect(await oidc.fetchUserInfo(config, refreshed.access_token, "alice")).toMatchObject({ sub: "alice" });

    // Refresh tokens rotate: the first one, presented again, is refused and revokes the grant.
    await expect(oidc.refreshTokenGrant(config, tokens.refresh_token as string)).rejects.toMatchObject({
      error: "invalid_grant",
    });
    await expect(oidc.fetchUserInfo(config, refreshed.access_token, "alice")).rejects.toThrow();
  });

  it("signs with ES256 for a client registered for it, with client_secret_post, by email hint", async () => {
    const config = await discover("rp-es", oidc.ClientSecretPost(ES_SECRET), {
      id_token_signed_response_alg: "ES256",
    });
    const verifier = oidc.randomPKCECodeVerifier();
    const nonce = oidc.randomNonce();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: REDIRECT,
      scope: "openid email",
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: "S256",
      nonce,
      login_hint: "bob@example.com",
    });
    const tokens = await oidc.authorizationCodeGrant(config, await followAuthorize(url), {
      pkceCodeVerifier: verifier,
      expectedNonce: nonce,
    });
    expect(decodeProtectedHeader(tokens.id_token as string).alg).toBe("ES256");
    // Only the scopes asked for release their claims: no `profile`, so no name.
    expect(tokens.claims()).toMatchObject({ sub: "bob-42", email: "Bob@Example.com" });
    expect(tokens.claims()?.name).toBeUndefined();
  });

  it("advertises exactly what it does, and its JWKS verifies both kinds of token", async () => {
    const metadata = (await (
      await fetch(`${server.issuer}/.well-known/openid-configuration`)
    ).json()) as Record<string, unknown>;
    expect(metadata).toMatchObject({
      issuer: server.issuer,
      authorization_endpoint: `${server.issuer}/authorize`,
      token_endpoint: `${server.issuer}/token`,
      userinfo_endpoint: `${server.issuer}/userinfo`,
      jwks_uri: `${server.issuer}/jwks`,
      end_session_endpoint: `${server.issuer}/logout`,
      response_types_supported: ["code"],
      grant_types_supported: ["authorization_code", "refresh_token"],
      code_challenge_methods_supported: ["S256"],
      token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
      id_token_signing_alg_values_supported: ["RS256", "ES256"],
      request_uri_parameter_supported: false,
    });
    const jwks = (await (await fetch(metadata.jwks_uri as string)).json()) as {
      keys: Record<string, unknown>[];
    };
    expect(jwks.keys.map((k) => k.alg).sort()).toEqual(["ES256", "RS256"]);
    for (const key of jwks.keys) {
      expect(key).not.toHaveProperty("d"); // public halves only
      expect(key.use).toBe("sig");
      expect(typeof key.kid).toBe("string");
    }

    const keySet = createRemoteJWKSet(new URL(metadata.jwks_uri as string));
    for (const [clientId, secret, alg] of [
      ["rp", SECRET, "RS256"],
      ["rp-es", ES_SECRET, "ES256"],
    ] as const) {
      const config = await discover(clientId, oidc.ClientSecretBasic(secret), {
        id_token_signed_response_alg: alg,
      });
      const tokens = await signInAlice(config);
      const idToken = await jwtVerify(tokens.id_token as string, keySet, {
        issuer: server.issuer,
        audience: clientId,
      });
      expect(idToken.protectedHeader.alg).toBe(alg);
      // The access token is a JWT an app's API can verify locally (RFC 9068).
      const access = await jwtVerify(tokens.access_token, keySet, {
        issuer: server.issuer,
        audience: clientId,
        typ: "at+jwt",
      });
      expect(access.payload).toMatchObject({ sub: "alice", client_id: clientId, scope: "openid" });
      expect(metadata.id_token_signing_alg_values_supported).toContain(idToken.protectedHeader.alg);
    }
  });

  it("takes a new issuer, and refuses tokens issued under the old one", async () => {
    const config = await discover("rp", oidc.ClientSecretBasic(SECRET));
    const tokens = await signInAlice(config);
    const oldIssuer = server.issuer;

    // What the gate does once the tunnel is up (a trailing slash is dropped).
    expect(server.idp.setIssuer(`${server.origin}/__preview/idp/`)).toBe(oldIssuer);
    server.idp.setIssuer("https://abc.trycloudflare.com/__preview/idp");
    const metadata = (await (
      await fetch(`${server.origin}/__preview/idp/.well-known/openid-configuration`)
    ).json()) as Record<string, unknown>;
    expect(metadata.issuer).toBe("https://abc.trycloudflare.com/__preview/idp");
    expect(metadata.token_endpoint).toBe("https://abc.trycloudflare.com/__preview/idp/token");

    const info = await fetch(`${oldIssuer}/userinfo`, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(info.status).toBe(401);
    expect(() => server.idp.setIssuer("not a url")).toThrow(/absolute URL/);
    expect(() => server.idp.setIssuer("https://x.example/idp?a=1")).toThrow(/without query/);
  });

  it("ends the session: back to a registered post_logout_redirect_uri only, with the state", async () => {
    const config = await discover("rp", oidc.ClientSecretBasic(SECRET));
    const tokens = await signInAlice(config);

    const endSession = oidc.buildEndSessionUrl(config, {
      id_token_hint: tokens.id_token as string,
      post_logout_redirect_uri: POST_LOGOUT,
      state: "bye",
    });
    const back = await fetch(endSession, { redirect: "manual" });
    expect(back.status).toBe(302);
    expect(back.headers.get("location")).toBe(`${POST_LOGOUT}?state=bye`);

    for (const [params, reason] of [
      [
        { id_token_hint: tokens.id_token as string, post_logout_redirect_uri: "http://127.0.0.1:9/other" },
        /not registered/,
      ],
      [{ client_id: "rp", post_logout_redirect_uri: "https://evil.example/" }, /not registered/],
      [{ post_logout_redirect_uri: POST_LOGOUT }, /needs an id_token_hint or a client_id/],
      [{ id_token_hint: `${tokens.id_token}x`, post_logout_redirect_uri: POST_LOGOUT }, /not an id_token/],
      [{ id_token_hint: tokens.id_token as string, client_id: "rp-es" }, /differs/],
    ] as const) {
      const refused = await fetch(`${server.issuer}/logout?${new URLSearchParams(params)}`, {
        redirect: "manual",
      });
      expect(refused.status).toBe(400);
      expect(refused.headers.get("location")).toBeNull();
      expect(await refused.text()).toMatch(reason);
    }
    const plain = await fetch(`${server.issuer}/logout`);
    expect(plain.status).toBe(200);
    expect(await plain.text()).toContain("signed out");
  });
});

describe("the login page", () => {
  const authorizeParams = (extra: Record<string, string> = {}) =>
    new URLSearchParams({
      client_id: "rp",
      redirect_uri: REDIRECT,
      response_type: "code",
      scope: "openid profile",
      state: "s-1",
      code_challenge: "A".repeat(43),
      code_challenge_method: "S256",
      ...extra,
    });

  function interactionOf(html: string): string {
    const id = /name="interaction" value="([^"]+)"/.exec(html)?.[1];
    expect(id).toBeDefined();
    return id as string;
  }

  async function submit(form: Record<string, string>) {
    return fetch(`${server.issuer}/login`, {
      method: "POST",
      body: new URLSearchParams(form),
      redirect: "manual",
    });
  }

  it("lists the configured users, escaped, in a page that cannot be framed", async () => {
    const response = await fetch(`${server.issuer}/authorize?${authorizeParams()}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(response.headers.get("cache-control")).toBe("no-store");
    const html = await response.text();
    expect(html).toContain("Alice Example");
    expect(html).toContain("alice@example.com");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Bob");
    expect(html).not.toContain("<script>");
    expect(html).toContain('value="bob-42"');
    expect(html).toContain(">Deny</button>");
  });

  it("signs in the chosen user once; the form cannot be submitted again", async () => {
    const html = await (await fetch(`${server.issuer}/authorize?${authorizeParams()}`)).text();
    const interaction = interactionOf(html);
    const chosen = await submit({ interaction, user: "bob-42" });
    expect(chosen.status).toBe(302);
    const back = new URL(chosen.headers.get("location") as string);
    expect(back.origin + back.pathname).toBe(REDIRECT);
    expect(back.searchParams.get("code")).toBeTruthy();
    expect(back.searchParams.get("state")).toBe("s-1");

    const again = await submit({ interaction, user: "bob-42" });
    expect(again.status).toBe(400);
    expect(again.headers.get("location")).toBeNull();
    const forged = await submit({ interaction: "made-up", user: "alice" });
    expect(forged.status).toBe(400);
  });

  it("answers access_denied with the state when the user presses Deny", async () => {
    const html = await (
      await fetch(`${server.issuer}/authorize?${authorizeParams({ state: "a b&c=d/é" })}`)
    ).text();
    const denied = await submit({ interaction: interactionOf(html), deny: "1" });
    expect(denied.status).toBe(302);
    const back = new URL(denied.headers.get("location") as string);
    expect(back.searchParams.get("error")).toBe("access_denied");
    expect(back.searchParams.get("state")).toBe("a b&c=d/é");
    expect(back.searchParams.get("code")).toBeNull();
  });

  it("says so when login_hint names no user, and still offers the list", async () => {
    const response = await fetch(`${server.issuer}/authorize?${authorizeParams({ login_hint: "carol" })}`, {
      redirect: "manual",
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("No test user has the sub or email &quot;carol&quot;");
  });
});
