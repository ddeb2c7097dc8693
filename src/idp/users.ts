/** Test users: lookup by login hint and the claims each scope releases. */
import type { IdpUser } from "./types.js";

// Standard claims released only with their scope (OpenID Connect Core 5.4), as real providers
// do: an app that forgets to ask for `email` should notice here, not in production.
const SCOPE_CLAIMS: Readonly<Record<string, readonly string[]>> = {
  profile: [
    "name",
    "family_name",
    "given_name",
    "middle_name",
    "nickname",
    "preferred_username",
    "profile",
    "picture",
    "website",
    "gender",
    "birthdate",
    "zoneinfo",
    "locale",
    "updated_at",
  ],
  email: ["email", "email_verified"],
  address: ["address"],
  phone: ["phone_number", "phone_number_verified"],
};
const SCOPED = new Set(Object.values(SCOPE_CLAIMS).flat());

/** Every claim of the user, before scope filtering. */
function allClaims(user: IdpUser): Record<string, unknown> {
  const claims: Record<string, unknown> = { ...user.claims };
  if (user.email !== undefined) {
    claims.email = user.email;
    // Apps commonly insist on a verified address; a test user's is, unless configured otherwise.
    claims.email_verified ??= true;
  }
  if (user.name !== undefined) claims.name = user.name;
  return claims;
}

/** The user's claims the granted scopes release; custom (non-standard) claims always go. */
export function userClaims(user: IdpUser, scopes: readonly string[]): Record<string, unknown> {
  const released = new Set(scopes.flatMap((scope) => SCOPE_CLAIMS[scope] ?? []));
  const claims: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(allClaims(user))) {
    if (!SCOPED.has(name) || released.has(name)) claims[name] = value;
  }
  return claims;
}

/** Claim names any configured user has, for the discovery document. */
export function claimNames(users: readonly IdpUser[]): string[] {
  const names = new Set(["sub", "iss", "aud", "exp", "iat", "auth_time", "nonce"]);
  for (const user of users) for (const name of Object.keys(allClaims(user))) names.add(name);
  return [...names];
}

/** The user a `login_hint` names: its `sub` exactly, or its email in any case. */
export function findUser(users: readonly IdpUser[], hint: string): IdpUser | undefined {
  return (
    users.find((user) => user.sub === hint) ??
    users.find((user) => user.email !== undefined && user.email.toLowerCase() === hint.toLowerCase())
  );
}
