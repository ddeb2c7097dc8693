import { calculatePKCECodeChallenge, randomPKCECodeVerifier } from "openid-client";
import { describe, expect, it } from "vitest";
import { idpEnv, idpIssuer, newClientSecret, previewClient } from "../../src/idp/index.js";
import { isValidChallenge, verifierMatches } from "../../src/idp/pkce.js";
import { constantTimeEqual } from "../../src/idp/secrets.js";
import { findUser, userClaims } from "../../src/idp/users.js";

describe("the app's identity provider settings", () => {
  it("are all derived from the public URL", () => {
    const publicUrl = "https://abc.trycloudflare.com/";
    const client = previewClient({
      publicUrl,
      clientId: "preview-app",
      clientSecret: "s3cret",
      redirectPaths: ["/auth/callback", "/other"],
    });
    expect(client).toEqual({
      clientId: "preview-app",
      clientSecret: "s3cret",
      redirectUris: ["https://abc.trycloudflare.com/auth/callback", "https://abc.trycloudflare.com/other"],
      postLogoutRedirectUris: ["https://abc.trycloudflare.com/"],
    });
    expect(
      idpEnv("AUTH_", {
        issuer: idpIssuer(publicUrl),
        clientId: "preview-app",
        clientSecret: "s3cret",
        redirectUris: client.redirectUris,
      }),
    ).toEqual({
      AUTH_ISSUER: "https://abc.trycloudflare.com/__preview/idp",
      AUTH_CLIENT_ID: "preview-app",
      AUTH_CLIENT_SECRET: "s3cret",
      AUTH_REDIRECT_URI: "https://abc.trycloudflare.com/auth/callback",
    });
  });

  it("get a fresh client secret of at least 24 random bytes each run", () => {
    const a = newClientSecret();
    expect(Buffer.from(a, "base64url").length).toBeGreaterThanOrEqual(24);
    expect(a).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(newClientSecret()).not.toBe(a);
  });
});

describe("PKCE", () => {
  it("agrees with openid-client's S256 challenge", async () => {
    for (let i = 0; i < 5; i++) {
      const verifier = randomPKCECodeVerifier();
      const challenge = await calculatePKCECodeChallenge(verifier);
      expect(isValidChallenge(challenge)).toBe(true);
      expect(verifierMatches(verifier, challenge)).toBe(true);
      expect(verifierMatches(`${verifier}x`, challenge)).toBe(false);
    }
    // The plain method (verifier == challenge) never matches.
    expect(verifierMatches("a".repeat(43), "a".repeat(43))).toBe(false);
  });
});

describe("users and claims", () => {
  const users = [
    { sub: "alice", email: "Alice@Example.com", name: "Alice", claims: { groups: ["a"], locale: "de" } },
    { sub: "alice@example.com" },
  ];

  it("finds a user by sub first, then by email in any case", () => {
    expect(findUser(users, "alice")?.sub).toBe("alice");
    expect(findUser(users, "alice@example.com")?.sub).toBe("alice@example.com");
    expect(findUser(users, "ALICE@example.COM")?.sub).toBe("alice");
    expect(findUser(users, "nobody")).toBeUndefined();
  });

  it("releases standard claims with their scope only; custom claims always", () => {
    const [alice] = users;
    expect(userClaims(alice as (typeof users)[0], ["openid"])).toEqual({ groups: ["a"] });
    expect(userClaims(alice as (typeof users)[0], ["openid", "email", "profile"])).toEqual({
      groups: ["a"],
      locale: "de",
      email: "Alice@Example.com",
      email_verified: true,
      name: "Alice",
    });
  });

  it("compares secrets by value whatever their lengths", () => {
    expect(constantTimeEqual("abc", "abc")).toBe(true);
    expect(constantTimeEqual("abc", "abd")).toBe(false);
    expect(constantTimeEqual("abc", "abcd")).toBe(false);
    expect(constantTimeEqual("", "")).toBe(true);
  });
});
