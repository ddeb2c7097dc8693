/**
 * Every strictness rule of the identity provider, each with a test a lax mock provider (such
 * as oauth2-mock-server, which stores no codes and compares no redirect URIs) would fail.
 * Raw HTTP on 127.0.0.1, with an injected clock for expiry.
 */
import { createHash } from "node:crypto";
import { decodeJwt, generateKeyPair, SignJWT } from "jose";
import { afterEach, describe, expect, it } from "vitest";
import { newClientSecret, type StandaloneIdp, startStandaloneIdp } from "../../src/idp/index.js";
import type { StandaloneOptions } from "../../src/idp/standalone.js";

const REDIRECT = "https://app.example/auth/callback";
const OTHER_REDIRECT = "https://app.example/auth/other";
const SECRET = newClientSecret();
const B_SECRET = newClientSecret();
const VERIFIER = "v".repeat(20) + "-._~".repeat(4) + "x".repeat(20); // 56 unreserved characters
const CHALLENGE = createHash("sha256").update(VERIFIER).digest("base64url");

let server: StandaloneIdp | undefined;
let clock = Date.now();

async function start(options: Partial<StandaloneOptions> = {}): Promise<StandaloneIdp> {
  clock = Date.now();
  server = await startStandaloneIdp({
    clients: [
      { clientId: "app", clientSecret: SECRET, redirectUris: [REDIRECT, OTHER_REDIRECT] },
      { clientId: "other", clientSecret: B_SECRET, redirectUris: [REDIRECT] },
    ],
    users: [{ sub: "alice", email: "alice@example.com", name: "Alice" }],
    now: () => clock,
    ...options,
  });
  return server;
}
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const issuer = () => (server as StandaloneIdp).issuer;

function authorizeUrl(overrides: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  const all: Record<string, string | undefined> = {
    client_id: "app",
    redirect_uri: REDIRECT,
    response_type: "code",
    scope: "openid email profile",
    state: "st-123",
    nonce: "n-456",
    code_challenge: CHALLENGE,
    code_challenge_method: "S256",
    login_hint: "alice",
    ...overrides,
  };
  for (const [name, value] of Object.entries(all)) if (value !== undefined) params.set(name, value);
  return `${issuer()}/authorize?${params}`;
}

async function authorize(overrides: Record<string, string | undefined> = {}) {
  const response = await fetch(authorizeUrl(overrides), { redirect: "manual" });
  const location = response.headers.get("location");
  return { response, location: location === null ? undefined : new URL(location) };
}

async function getCode(overrides: Record<string, string | undefined> = {}): Promise<string> {
  const { location } = await authorize(overrides);
  const code = location?.searchParams.get("code");
  expect(code).toBeTruthy();
  return code as string;
}

type Auth =
  | "basic"
  | "post"
  | "none"
  | { readonly header?: string; readonly id?: string; readonly secret?: string };

async function tokenRequest(form: Record<string, string | undefined>, auth: Auth = "basic", client = "app") {
  const secret = client === "app" ? SECRET : B_SECRET;
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(form)) if (value !== undefined) body.set(name, value);
  const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded" };
  if (auth === "basic")
    headers.authorization = `Basic ${Buffer.from(`${client}:${secret}`).toString("base64")}`;
  else if (auth === "post") {
    body.set("client_id", client);
    body.set("client_secret", secret);
  } else if (auth !== "none") {
    if (auth.header) headers.authorization = auth.header;
    if (auth.id) body.set("client_id", auth.id);
    if (auth.secret) body.set("client_secret", auth.secret);
  }
  const response = await fetch(`${issuer()}/token`, { method: "POST", headers, body });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Record<string, string>,
  };
}

const exchange = (
  code: string,
  extra: Record<string, string | undefined> = {},
  auth: Auth = "basic",
  client = "app",
) =>
  tokenRequest(
    { grant_type: "authorization_code", code, redirect_uri: REDIRECT, code_verifier: VERIFIER, ...extra },
    auth,
    client,
  );

async function userinfo(token: string | undefined) {
  const response = await fetch(`${issuer()}/userinfo`, {
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
  });
  return {
    status: response.status,
    challenge: response.headers.get("www-authenticate") ?? "",
    body: await response.json(),
  };
}

function expectOAuthError(
  result: { status: number; body: Record<string, string> },
  status: number,
  error: string,
) {
  expect(result.status).toBe(status);
  expect(result.body.error).toBe(error);
  expect(typeof result.body.error_description).toBe("string");
}

describe("authorization codes", () => {
  it("are single-use: a second exchange fails and revokes what the first one issued", async () => {
    await start();
    const code = await getCode();
    const first = await exchange(code);
    expect(first.status).toBe(200);
    expect(first.headers.get("cache-control")).toBe("no-store");
    expect((await userinfo(first.body.access_token)).status).toBe(200);

    const second = await exchange(code);
    expectOAuthError(second, 400, "invalid_grant");
    expect(second.body.error_description).toMatch(/already used/);
    expect(second.headers.get("cache-control")).toBe("no-store");
    // As real providers do (RFC 6749 4.1.2): the tokens of the first exchange are revoked.
    const revoked = await userinfo(first.body.access_token);
    expect(revoked.status).toBe(401);
    expect(revoked.challenge).toContain('error="invalid_token"');
    expectOAuthError(
      await tokenRequest({ grant_type: "refresh_token", refresh_token: first.body.refresh_token }),
      400,
      "invalid_grant",
    );
  });

  it("must have been issued by the provider", async () => {
    await start();
    expectOAuthError(await exchange("made-up-code"), 400, "invalid_grant");
    expectOAuthError(await exchange("A".repeat(43)), 400, "invalid_grant");
  });

  it("expire after the code lifetime (60 s by default)", async () => {
    await start();
    const fresh = await getCode();
    clock += 59_999;
    expect((await exchange(fresh)).status).toBe(200);

    const stale = await getCode();
    clock += 60_000;
    const result = await exchange(stale);
    expectOAuthError(result, 400, "invalid_grant");
    expect(result.body.error_description).toMatch(/expired/);
  });

  it("honour a configured code lifetime", async () => {
    await start({ codeTtlMs: 5_000 });
    const code = await getCode();
    clock += 5_000;
    expectOAuthError(await exchange(code), 400, "invalid_grant");
  });

  it("are bound to the client they were issued to", async () => {
    await start();
    const code = await getCode();
    const result = await exchange(code, {}, "basic", "other");
    expectOAuthError(result, 400, "invalid_grant");
    expect(result.body.error_description).toMatch(/another client/);
  });

  it("are bound to the redirect URI of the authorization request", async () => {
    await start();
    const mismatch = await exchange(await getCode(), { redirect_uri: OTHER_REDIRECT });
    expectOAuthError(mismatch, 400, "invalid_grant");
    expect(mismatch.body.error_description).toContain(OTHER_REDIRECT);
    expectOAuthError(await exchange(await getCode(), { redirect_uri: `${REDIRECT}/` }), 400, "invalid_grant");
    expectOAuthError(await exchange(await getCode(), { redirect_uri: undefined }), 400, "invalid_request");
    // The other registered URI works when the code was issued for it.
    const other = await getCode({ redirect_uri: OTHER_REDIRECT });
    expect((await exchange(other, { redirect_uri: OTHER_REDIRECT })).status).toBe(200);
  });
});

describe("redirect_uri at the authorization endpoint", () => {
  it.each([
    ["a trailing slash", `${REDIRECT}/`],
    ["a longer path", `${REDIRECT}/evil`],
    ["a query", `${REDIRECT}?next=/admin`],
    ["another host", "https://evil.example/auth/callback"],
    ["http instead of https", REDIRECT.replace("https:", "http:")],
    ["another case", REDIRECT.toUpperCase()],
    ["localhost", "http://localhost:3000/auth/callback"],
  ])("is compared exactly: %s gets an error page, never a redirect", async (_name, uri) => {
    await start();
    const { response, location } = await authorize({ redirect_uri: uri });
    expect(response.status).toBe(400);
    expect(location).toBeUndefined();
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toContain("redirect_uri mismatch");
    expect(html).toContain(REDIRECT); // names the registered one, to make the bug obvious
  });

  it("is required, and so is a registered client", async () => {
    await start();
    for (const overrides of [
      { redirect_uri: undefined },
      { client_id: "nobody" },
      { client_id: undefined },
    ]) {
      const { response, location } = await authorize(overrides);
      expect(response.status).toBe(400);
      expect(location).toBeUndefined();
    }
    const unknown = await authorize({ client_id: "nobody" });
    expect(await unknown.response.text()).toContain("Unknown client");
  });
});

describe("PKCE", () => {
  it("is required at /authorize: no code_challenge redirects with invalid_request and the state", async () => {
    await start();
    const { response, location } = await authorize({
      code_challenge: undefined,
      code_challenge_method: undefined,
    });
    expect(response.status).toBe(302);
    expect(location?.origin + (location?.pathname ?? "")).toBe(REDIRECT);
    expect(location?.searchParams.get("error")).toBe("invalid_request");
    expect(location?.searchParams.get("error_description")).toMatch(/code_challenge/);
    expect(location?.searchParams.get("state")).toBe("st-123");
    expect(location?.searchParams.get("iss")).toBe(issuer());
    expect(location?.searchParams.get("code")).toBeNull();
  });

  it.each([
    ["plain", { code_challenge_method: "plain" }],
    ["no method (plain by default)", { code_challenge_method: undefined }],
    ["a malformed challenge", { code_challenge: "short" }],
  ])("refuses %s", async (_name, overrides) => {
    await start();
    const { location } = await authorize(overrides);
    expect(location?.searchParams.get("error")).toBe("invalid_request");
  });

  it("needs the verifier at /token: missing or wrong is invalid_grant, and spends the code", async () => {
    await start();
    const missing = await exchange(await getCode(), { code_verifier: undefined });
    expectOAuthError(missing, 400, "invalid_grant");
    expect(missing.body.error_description).toMatch(/code_verifier is required/);

    const code = await getCode();
    const wrong = await exchange(code, { code_verifier: "w".repeat(43) });
    expectOAuthError(wrong, 400, "invalid_grant");
    expect(wrong.body.error_description).toMatch(/does not match/);
    expectOAuthError(await exchange(code), 400, "invalid_grant"); // no second guess

    expectOAuthError(await exchange(await getCode(), { code_verifier: "tooshort" }), 400, "invalid_grant");
  });

  it("is optional when not required, but a verifier for a code without challenge is refused", async () => {
    await start({ requirePkce: false });
    const noPkce = { code_challenge: undefined, code_challenge_method: undefined };
    expect((await exchange(await getCode(noPkce), { code_verifier: undefined })).status).toBe(200);
    expectOAuthError(await exchange(await getCode(noPkce)), 400, "invalid_grant");
    // A challenge that is given is still enforced.
    expectOAuthError(await exchange(await getCode(), { code_verifier: undefined }), 400, "invalid_grant");
  });
});

describe("client authentication", () => {
  it("refuses a wrong secret with client_secret_basic: 401 invalid_client with a Basic challenge", async () => {
    await start();
    const result = await exchange(
      await getCode(),
      {},
      { header: `Basic ${Buffer.from(`app:${SECRET}x`).toString("base64")}` },
    );
    expectOAuthError(result, 401, "invalid_client");
    expect(result.headers.get("www-authenticate")).toMatch(/^Basic realm=/);
    expect(result.headers.get("cache-control")).toBe("no-store");
  });

  it("refuses a wrong secret with client_secret_post: 401 invalid_client", async () => {
    await start();
    const result = await exchange(await getCode(), {}, { id: "app", secret: SECRET.slice(1) });
    expectOAuthError(result, 401, "invalid_client");
  });

  it("accepts the right secret both ways, with form-encoded Basic credentials", async () => {
    await start({
      clients: [{ clientId: "a:b", clientSecret: "s p+c/é", redirectUris: [REDIRECT] }],
    });
    const code = await getCode({ client_id: "a:b" });
    const encoded = `${encodeURIComponent("a:b")}:${encodeURIComponent("s p+c/é")}`;
    expect(
      (await exchange(code, {}, { header: `Basic ${Buffer.from(encoded).toString("base64")}` })).status,
    ).toBe(200);
    const code2 = await getCode({ client_id: "a:b" });
    expect((await exchange(code2, {}, { id: "a:b", secret: "s p+c/é" })).status).toBe(200);
  });

  it("refuses unknown clients, missing authentication and two methods at once", async () => {
    await start();
    const unknown = await exchange(
      await getCode(),
      {},
      { header: `Basic ${Buffer.from("nobody:x").toString("base64")}` },
    );
    expectOAuthError(unknown, 401, "invalid_client");
    expectOAuthError(
      await exchange(await getCode(), {}, { id: "nobody", secret: "x" }),
      401,
      "invalid_client",
    );
    const none = await exchange(await getCode(), {}, "none");
    expectOAuthError(none, 401, "invalid_client");
    expect(none.headers.get("www-authenticate")).toMatch(/^Basic/);
    const both = await exchange(
      await getCode(),
      {},
      { header: `Basic ${Buffer.from(`app:${SECRET}`).toString("base64")}`, id: "app", secret: SECRET },
    );
    expectOAuthError(both, 400, "invalid_request");
    expectOAuthError(await exchange(await getCode(), {}, { header: "Basic !!!" }), 401, "invalid_client");
  });
});

describe("the authorization response", () => {
  it("echoes the state unchanged and puts the nonce into the id_token", async () => {
    await start();
    const state = "a b&c=d/é?%20+";
    const { location } = await authorize({ state, nonce: "nonce-ü 1" });
    expect(location?.searchParams.get("state")).toBe(state);
    const tokens = await exchange(location?.searchParams.get("code") as string);
    const claims = decodeJwt(tokens.body.id_token as string);
    expect(claims).toMatchObject({ nonce: "nonce-ü 1", sub: "alice", aud: "app", iss: issuer() });
    for (const claim of ["exp", "iat", "auth_time"]) expect(typeof claims[claim]).toBe("number");
    expect(claims.exp).toBe(Math.floor(clock / 1000) + 3600);
    expect(claims).toMatchObject({ email: "alice@example.com", name: "Alice" });
  });

  it("answers access_denied with the state when asked to (login_hint=deny)", async () => {
    await start();
    const { response, location } = await authorize({ login_hint: "deny", state: "keep me" });
    expect(response.status).toBe(302);
    expect(location?.origin + (location?.pathname ?? "")).toBe(REDIRECT);
    expect(location?.searchParams.get("error")).toBe("access_denied");
    expect(location?.searchParams.get("state")).toBe("keep me");
    expect(location?.searchParams.get("code")).toBeNull();
  });

  it.each([
    ["response_type=token", { response_type: "token" }, "unsupported_response_type"],
    ["no response_type", { response_type: undefined }, "invalid_request"],
    ["scope without openid", { scope: "email" }, "invalid_scope"],
    ["response_mode=fragment", { response_mode: "fragment" }, "invalid_request"],
    ["a request object", { request: "eyJ.x.y" }, "request_not_supported"],
    ["prompt=none without a user", { prompt: "none", login_hint: undefined }, "login_required"],
  ])("redirects %s back with an error", async (_name, overrides, error) => {
    await start();
    const { location } = await authorize(overrides);
    expect(location?.searchParams.get("error")).toBe(error);
    expect(location?.searchParams.get("state")).toBe("st-123");
  });

  it("refuses repeated parameters", async () => {
    await start();
    const response = await fetch(`${authorizeUrl()}&code_challenge=${CHALLENGE}`, { redirect: "manual" });
    expect(new URL(response.headers.get("location") as string).searchParams.get("error")).toBe(
      "invalid_request",
    );
    const twice = await fetch(`${authorizeUrl()}&client_id=app`, { redirect: "manual" });
    expect(twice.status).toBe(400);
  });
});

describe("the token endpoint", () => {
  it("answers unsupported_grant_type, invalid_request and 405 in OAuth form", async () => {
    await start();
    expectOAuthError(await tokenRequest({ grant_type: "client_credentials" }), 400, "unsupported_grant_type");
    expectOAuthError(
      await tokenRequest({ grant_type: "password", username: "a", password: "b" }),
      400,
      "unsupported_grant_type",
    );
    expectOAuthError(await tokenRequest({ code: "x" }), 400, "invalid_request");
    const json = await fetch(`${issuer()}/token`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Basic ${Buffer.from(`app:${SECRET}`).toString("base64")}`,
      },
      body: JSON.stringify({ grant_type: "authorization_code" }),
    });
    expect(json.status).toBe(400);
    expect(((await json.json()) as { error: string }).error).toBe("invalid_request");
    const get = await fetch(`${issuer()}/token`);
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
  });

  it("rotates refresh tokens and refuses one of another client", async () => {
    await start();
    const first = await exchange(await getCode());
    const stolen = await tokenRequest(
      { grant_type: "refresh_token", refresh_token: first.body.refresh_token },
      "basic",
      "other",
    );
    expectOAuthError(stolen, 400, "invalid_grant");
    expectOAuthError(
      await tokenRequest({ grant_type: "refresh_token", refresh_token: "made-up" }),
      400,
      "invalid_grant",
    );
    const fresh = await exchange(await getCode());
    const rotated = await tokenRequest({
      grant_type: "refresh_token",
      refresh_token: fresh.body.refresh_token,
      scope: "openid",
    });
    expect(rotated.status).toBe(200);
    expect(rotated.body.scope).toBe("openid email profile");
    const widened = await tokenRequest({
      grant_type: "refresh_token",
      refresh_token: rotated.body.refresh_token,
      scope: "openid admin",
    });
    expectOAuthError(widened, 400, "invalid_scope");
  });
});

describe("userinfo", () => {
  it("refuses a missing, malformed, tampered, foreign, expired or wrong-kind token", async () => {
    await start({ tokenTtlMs: 10 * 60_000 });
    const tokens = await exchange(await getCode());
    const good = await userinfo(tokens.body.access_token);
    expect(good.status).toBe(200);
    expect(good.body).toEqual({
      sub: "alice",
      email: "alice@example.com",
      email_verified: true,
      name: "Alice",
    });

    const missing = await userinfo(undefined);
    expect(missing.status).toBe(401);
    expect(missing.challenge).toBe('Bearer realm="preview-tunnel idp"');
    expect((await userinfo("garbage")).status).toBe(401);

    // Payload changed to another user, signature kept.
    const [head, payload, signature] = (tokens.body.access_token as string).split(".");
    const claims = JSON.parse(Buffer.from(payload as string, "base64url").toString());
    const tampered = Buffer.from(JSON.stringify({ ...claims, sub: "mallory" })).toString("base64url");
    expect((await userinfo(`${head}.${tampered}.${signature}`)).status).toBe(401);

    // Same claims, signed with a key that is not in the JWKS.
    const { privateKey } = await generateKeyPair("RS256");
    const foreign = await new SignJWT(claims)
      .setProtectedHeader({ alg: "RS256", typ: "at+jwt" })
      .sign(privateKey);
    expect((await userinfo(foreign)).status).toBe(401);

    // An id_token is not an access token (typ), even though it is signed by the provider.
    expect((await userinfo(tokens.body.id_token)).status).toBe(401);

    clock += 10 * 60_000;
    const expired = await userinfo(tokens.body.access_token);
    expect(expired.status).toBe(401);
    expect(expired.challenge).toContain('error="invalid_token"');
  });
});

describe("endpoints", () => {
  it("answers unknown paths with 404 and wrong methods with 405", async () => {
    await start();
    expect((await fetch(`${issuer()}/nothing`)).status).toBe(404);
    expect((await fetch(`${issuer()}/constructor`)).status).toBe(404);
    const del = await fetch(`${issuer()}/jwks`, { method: "DELETE" });
    expect(del.status).toBe(405);
    expect((await fetch(`${issuer()}/login`)).status).toBe(405);
    const tooLarge = await fetch(`${issuer()}/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: `a=${"x".repeat(70_000)}`,
    });
    expect(tooLarge.status).toBe(413);
  });
});
