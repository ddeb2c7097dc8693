import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import {
  DENY_HINT
} from "./chunk-3Y4TJIQ3.js";
import {
  createServer
} from "./chunk-VWFGOYLM.js";
import {
  escapeHtml
} from "./chunk-JOYH5WIN.js";
import {
  IDP_MOUNT_PATH,
  safeEqual
} from "./chunk-YJNIKON3.js";
import {
  createHash,
  randomBytes
} from "./chunk-DDG4KZIH.js";

// src/idp/context.ts
var PATHS = {
  discovery: "/.well-known/openid-configuration",
  jwks: "/jwks",
  authorize: "/authorize",
  /** Where the login page's form posts the user's choice. */
  login: "/login",
  token: "/token",
  userinfo: "/userinfo",
  logout: "/logout"
};
function endpoint(ctx, path) {
  return `${ctx.issuer()}${path}`;
}
function seconds(ms) {
  return Math.floor(ms / 1e3);
}

// src/idp/env.ts
function idpIssuer(publicUrl) {
  return `${publicUrl.replace(/\/+$/, "")}${IDP_MOUNT_PATH}`;
}
function idpRedirectUris(publicUrl, paths) {
  const base = publicUrl.replace(/\/+$/, "");
  return paths.map((path) => `${base}${path}`);
}
function idpPostLogoutRedirectUris(publicUrl) {
  return [`${publicUrl.replace(/\/+$/, "")}/`];
}
function idpEnv(prefix, values) {
  return {
    [`${prefix}ISSUER`]: values.issuer,
    [`${prefix}CLIENT_ID`]: values.clientId,
    [`${prefix}CLIENT_SECRET`]: values.clientSecret,
    [`${prefix}REDIRECT_URI`]: values.redirectUris[0] ?? ""
  };
}
function previewClient(options) {
  return {
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    redirectUris: idpRedirectUris(options.publicUrl, options.redirectPaths),
    postLogoutRedirectUris: idpPostLogoutRedirectUris(options.publicUrl)
  };
}

// src/idp/html.ts
var STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#1f2328}
button{font:inherit;padding:.5rem 1rem;margin:.25rem 0;width:100%;text-align:left;cursor:pointer}
.deny{text-align:center}.muted{color:#59636e;font-size:.9rem}code{word-break:break-all}`;
function page(title, body) {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>
${body}
</body>
</html>
`;
}
function loginPage(model) {
  const hidden = `<input type="hidden" name="interaction" value="${escapeHtml(model.interaction)}">`;
  const users = model.users.map((user) => {
    const label = user.name ?? user.sub;
    const detail = [user.email, `sub: ${user.sub}`].filter((x) => x !== void 0).join(" \xB7 ");
    return `<button type="submit" name="user" value="${escapeHtml(user.sub)}"><strong>${escapeHtml(label)}</strong><br><span class="muted">${escapeHtml(detail)}</span></button>`;
  }).join("\n");
  const notice = model.notice ? `<p><strong>${escapeHtml(model.notice)}</strong></p>` : "";
  return page(
    "Sign in - preview-tunnel test identity provider",
    `<h1>Sign in</h1>
<p><code>${escapeHtml(model.clientId)}</code> asks for: <code>${escapeHtml(model.scopes.join(" "))}</code>.
After you choose, the browser returns to <code>${escapeHtml(model.redirectUri)}</code>.</p>
${notice}
<form method="post" action="login">
${hidden}
${users}
<button type="submit" name="deny" value="1" class="deny">Deny</button>
</form>
<p class="muted">Test users of this preview (preview-tunnel's test identity provider); no password needed.
Scripted runs sign in with <code>login_hint=&lt;sub or email&gt;</code> and refuse with <code>login_hint=deny</code>.</p>`
  );
}
function errorPage(title, message2) {
  return page(
    `${title} - preview-tunnel test identity provider`,
    `<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(message2)}</p>
<p class="muted">preview-tunnel's test identity provider does not send the browser back to an
unregistered or unverified address, as real providers do not.</p>`
  );
}
function loggedOutPage() {
  return page("Signed out - preview-tunnel test identity provider", "<h1>You are signed out.</h1>");
}

// src/idp/http.ts
var MAX_FORM_BYTES = 64 * 1024;
var BodyTooLarge = class extends Error {
};
async function readParams(req, query) {
  if (req.method !== "POST") return query;
  const type = (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
  const body = await readBody(req);
  if (type !== "application/x-www-form-urlencoded") return void 0;
  return new URLSearchParams(body.toString("utf8"));
}
function readBody(req) {
  if (Number(req.headers["content-length"] ?? 0) > MAX_FORM_BYTES) return Promise.reject(new BodyTooLarge());
  return new Promise((resolve, reject2) => {
    const chunks = [];
    let size = 0;
    const onData = (chunk) => {
      size += chunk.length;
      if (size <= MAX_FORM_BYTES) {
        chunks.push(chunk);
        return;
      }
      req.off("data", onData);
      req.resume();
      reject2(new BodyTooLarge());
    };
    req.on("data", onData);
    req.once("end", () => resolve(Buffer.concat(chunks)));
    req.once("error", reject2);
  });
}
function single(params, name) {
  const values = params.getAll(name);
  if (values.length > 1) return null;
  const value = values[0];
  return value === void 0 || value === "" ? void 0 : value;
}
var CORS = { "access-control-allow-origin": "*" };
function sendJson(res, status, body, headers = {}) {
  const text = Buffer.from(JSON.stringify(body));
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": String(text.length),
    ...CORS,
    ...headers
  });
  res.end(text);
}
var NO_STORE = { "cache-control": "no-store", pragma: "no-cache" };
function sendOAuthError(res, status, error, description, headers = {}) {
  sendJson(res, status, { error, error_description: description }, { ...NO_STORE, ...headers });
}
var HTML_HEADERS = {
  "content-type": "text/html; charset=utf-8",
  "cache-control": "no-store",
  "x-frame-options": "DENY",
  "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
  "referrer-policy": "no-referrer"
};
function sendHtml(res, status, html) {
  const body = Buffer.from(html);
  res.writeHead(status, { ...HTML_HEADERS, "content-length": String(body.length) });
  res.end(body);
}
function sendRedirect(res, location) {
  res.writeHead(302, { location, "cache-control": "no-store", "content-length": "0" });
  res.end();
}
function sendMethodNotAllowed(res, allowed) {
  res.writeHead(405, { allow: allowed.join(", "), "content-type": "text/plain", ...CORS });
  res.end("method not allowed\n");
}
function sendPreflight(res, methods) {
  res.writeHead(204, {
    ...CORS,
    "access-control-allow-methods": methods.join(", "),
    "access-control-allow-headers": "authorization, content-type",
    "access-control-max-age": "600"
  });
  res.end();
}

// src/idp/pkce.ts
var VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;
var CHALLENGE = /^[A-Za-z0-9_-]{43}$/;
function isValidChallenge(challenge) {
  return CHALLENGE.test(challenge);
}
function isValidVerifier(verifier) {
  return VERIFIER.test(verifier);
}
function verifierMatches(verifier, challenge) {
  if (!isValidVerifier(verifier)) return false;
  return createHash("sha256").update(verifier, "ascii").digest("base64url") === challenge;
}

// src/idp/users.ts
var SCOPE_CLAIMS = {
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
    "updated_at"
  ],
  email: ["email", "email_verified"],
  address: ["address"],
  phone: ["phone_number", "phone_number_verified"]
};
var SCOPED = new Set(Object.values(SCOPE_CLAIMS).flat());
function allClaims(user) {
  const claims = { ...user.claims };
  if (user.email !== void 0) {
    claims.email = user.email;
    claims.email_verified ??= true;
  }
  if (user.name !== void 0) claims.name = user.name;
  return claims;
}
function userClaims(user, scopes) {
  const released = new Set(scopes.flatMap((scope) => SCOPE_CLAIMS[scope] ?? []));
  const claims = {};
  for (const [name, value] of Object.entries(allClaims(user))) {
    if (!SCOPED.has(name) || released.has(name)) claims[name] = value;
  }
  return claims;
}
function claimNames(users) {
  const names = /* @__PURE__ */ new Set(["sub", "iss", "aud", "exp", "iat", "auth_time", "nonce"]);
  for (const user of users) for (const name of Object.keys(allClaims(user))) names.add(name);
  return [...names];
}
function findUser(users, hint) {
  return users.find((user) => user.sub === hint) ?? users.find((user) => user.email !== void 0 && user.email.toLowerCase() === hint.toLowerCase());
}

// src/idp/authorize.ts
var SCOPE_TOKEN = /^[\x21\x23-\x5B\x5D-\x7E]+$/;
var PROMPTS = ["none", "login", "consent", "select_account"];
function check(ctx, params) {
  const page2 = (title, message2) => ({ kind: "page", title, message: message2 });
  const clientId = single(params, "client_id");
  if (clientId === null) return page2("Invalid request", "client_id is given more than once.");
  if (clientId === void 0) return page2("Invalid request", "The request has no client_id.");
  const client = ctx.clients.get(clientId);
  if (!client) return page2("Unknown client", `No client with client_id "${clientId}" is registered.`);
  const redirectUri = single(params, "redirect_uri");
  if (redirectUri === null) return page2("Invalid request", "redirect_uri is given more than once.");
  if (redirectUri === void 0) return page2("Invalid request", "The request has no redirect_uri.");
  if (!client.redirectUris.includes(redirectUri)) {
    return page2(
      "redirect_uri mismatch",
      `The redirect_uri "${redirectUri}" is not registered for client "${clientId}". Registered (compared exactly): ${client.redirectUris.map((u) => `"${u}"`).join(", ")}.`
    );
  }
  const state = params.get("state") ?? void 0;
  const fail = (error, description) => ({
    kind: "error",
    redirectUri,
    state,
    error,
    description
  });
  for (const name of [
    "state",
    "response_type",
    "response_mode",
    "scope",
    "nonce",
    "code_challenge",
    "code_challenge_method"
  ]) {
    if (single(params, name) === null) return fail("invalid_request", `${name} is given more than once`);
  }
  const one = (name) => single(params, name) ?? void 0;
  if (params.has("request")) return fail("request_not_supported", "request objects are not supported");
  if (params.has("request_uri")) return fail("request_uri_not_supported", "request_uri is not supported");
  const responseType = one("response_type");
  if (responseType === void 0) return fail("invalid_request", "response_type is required");
  if (responseType !== "code") {
    return fail("unsupported_response_type", `response_type "${responseType}" is not supported; use "code"`);
  }
  const responseMode = one("response_mode");
  if (responseMode !== void 0 && responseMode !== "query") {
    return fail("invalid_request", `response_mode "${responseMode}" is not supported; only "query" is`);
  }
  const scopes = [...new Set((one("scope") ?? "").split(" ").filter((s) => s !== ""))];
  if (!scopes.every((s) => SCOPE_TOKEN.test(s))) return fail("invalid_scope", "scope has invalid characters");
  if (!scopes.includes("openid")) {
    return fail("invalid_scope", 'scope must include "openid" (this is an OpenID Connect provider)');
  }
  const challenge = one("code_challenge");
  const method = one("code_challenge_method");
  if (method !== void 0 && method !== "S256") {
    return fail("invalid_request", `code_challenge_method "${method}" is not supported; only S256 is`);
  }
  if (challenge === void 0) {
    if (ctx.requirePkce) return fail("invalid_request", "code_challenge is required (PKCE with S256)");
    if (method !== void 0) return fail("invalid_request", "code_challenge_method without code_challenge");
  } else {
    if (method === void 0) {
      return fail("invalid_request", "code_challenge_method=S256 is required (plain is not supported)");
    }
    if (!isValidChallenge(challenge)) {
      return fail(
        "invalid_request",
        "code_challenge must be the base64url SHA-256 of the verifier (43 characters)"
      );
    }
  }
  const prompts = (params.get("prompt") ?? "").split(" ").filter((p) => p !== "");
  const unknownPrompt = prompts.find((p) => !PROMPTS.includes(p));
  if (unknownPrompt !== void 0)
    return fail("invalid_request", `prompt "${unknownPrompt}" is not supported`);
  if (prompts.includes("none") && prompts.length > 1) {
    return fail("invalid_request", "prompt=none cannot be combined with other values");
  }
  const maxAge = params.get("max_age");
  if (maxAge !== null && !/^\d+$/.test(maxAge))
    return fail("invalid_request", "max_age must be a number of seconds");
  return {
    kind: "ok",
    request: {
      client,
      redirectUri,
      scopes,
      state,
      nonce: one("nonce"),
      codeChallenge: challenge
    },
    loginHint: params.get("login_hint") ?? void 0,
    promptNone: prompts.includes("none")
  };
}
function redirectBack(ctx, res, redirectUri, state, fields) {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(fields)) url.searchParams.append(name, value);
  if (state !== void 0) url.searchParams.append("state", state);
  url.searchParams.append("iss", ctx.issuer());
  sendRedirect(res, url.href);
}
function deny(ctx, res, request) {
  ctx.logger.info(`idp: access denied to ${request.client.clientId}`);
  redirectBack(ctx, res, request.redirectUri, request.state, {
    error: "access_denied",
    error_description: "The user denied the request"
  });
}
function signIn(ctx, res, request, user) {
  const now = ctx.now();
  const code = ctx.grants.issueCode({
    clientId: request.client.clientId,
    redirectUri: request.redirectUri,
    codeChallenge: request.codeChallenge,
    nonce: request.nonce,
    scopes: request.scopes,
    sub: user.sub,
    // Every sign-in is a fresh one (there is no provider session), so any max_age holds.
    authTime: seconds(now),
    expiresAt: now + ctx.codeTtlMs
  });
  ctx.logger.info(`idp: ${user.sub} signed in to ${request.client.clientId}`);
  redirectBack(ctx, res, request.redirectUri, request.state, { code });
}
function authorize(ctx, res, params) {
  const checked = check(ctx, params);
  if (checked.kind === "page") {
    ctx.logger.warning(`idp: authorization request refused: ${checked.message}`);
    sendHtml(res, 400, errorPage(checked.title, checked.message));
    return;
  }
  if (checked.kind === "error") {
    ctx.logger.warning(`idp: authorization request refused: ${checked.error}: ${checked.description}`);
    redirectBack(ctx, res, checked.redirectUri, checked.state, {
      error: checked.error,
      error_description: checked.description
    });
    return;
  }
  const { request, loginHint, promptNone } = checked;
  if (loginHint === DENY_HINT) {
    deny(ctx, res, request);
    return;
  }
  const user = loginHint === void 0 ? void 0 : findUser(ctx.users, loginHint);
  if (user) {
    signIn(ctx, res, request, user);
    return;
  }
  if (promptNone) {
    redirectBack(ctx, res, request.redirectUri, request.state, {
      error: "login_required",
      error_description: "prompt=none needs a login_hint naming a configured user"
    });
    return;
  }
  const notice = loginHint === void 0 ? void 0 : `No test user has the sub or email "${loginHint}" (login_hint).`;
  sendHtml(
    res,
    200,
    loginPage({
      interaction: ctx.interactions.add(request),
      clientId: request.client.clientId,
      redirectUri: request.redirectUri,
      scopes: request.scopes,
      users: ctx.users,
      ...notice === void 0 ? {} : { notice }
    })
  );
}
function loginDecision(ctx, res, form) {
  const id = single(form, "interaction");
  const request = typeof id === "string" ? ctx.interactions.take(id) : void 0;
  if (!request) {
    sendHtml(
      res,
      400,
      errorPage(
        "Sign-in expired",
        "This sign-in page was already used or has expired. Start the login again from the app."
      )
    );
    return;
  }
  if (form.get("deny") !== null) {
    deny(ctx, res, request);
    return;
  }
  const sub = single(form, "user");
  const user = typeof sub === "string" ? ctx.users.find((u) => u.sub === sub) : void 0;
  if (!user) {
    sendHtml(res, 400, errorPage("Unknown user", "Choose one of the listed test users."));
    return;
  }
  signIn(ctx, res, request, user);
}

// src/idp/types.ts
var SIGNING_ALGS = ["RS256", "ES256"];

// src/idp/discovery.ts
var SCOPES_SUPPORTED = ["openid", "profile", "email", "address", "phone", "offline_access"];
var TOKEN_AUTH_METHODS = ["client_secret_basic", "client_secret_post"];
function providerMetadata(ctx) {
  return {
    issuer: ctx.issuer(),
    authorization_endpoint: endpoint(ctx, PATHS.authorize),
    token_endpoint: endpoint(ctx, PATHS.token),
    userinfo_endpoint: endpoint(ctx, PATHS.userinfo),
    jwks_uri: endpoint(ctx, PATHS.jwks),
    end_session_endpoint: endpoint(ctx, PATHS.logout),
    scopes_supported: SCOPES_SUPPORTED,
    response_types_supported: ["code"],
    response_modes_supported: ["query"],
    grant_types_supported: ["authorization_code", "refresh_token"],
    subject_types_supported: ["public"],
    id_token_signing_alg_values_supported: [...SIGNING_ALGS],
    token_endpoint_auth_methods_supported: [...TOKEN_AUTH_METHODS],
    code_challenge_methods_supported: ["S256"],
    claims_supported: claimNames(ctx.users),
    prompt_values_supported: ["none", "login", "consent", "select_account"],
    // RFC 9207: the authorization response names its issuer (mix-up attack defence); clients
    // that read this flag then require it.
    authorization_response_iss_parameter_supported: true,
    claims_parameter_supported: false,
    request_parameter_supported: false,
    // Its default is true, so it must be said explicitly.
    request_uri_parameter_supported: false
  };
}

// src/idp/secrets.ts
function randomToken(bytes = 32) {
  return randomBytes(bytes).toString("base64url");
}

// src/idp/grants.ts
var REPLAY_MEMORY_MS = 60 * 6e4;
var SWEEP_EVERY_MS = 6e4;
var GrantStore = class {
  constructor(now) {
    this.now = now;
  }
  now;
  codes = /* @__PURE__ */ new Map();
  grants = /* @__PURE__ */ new Map();
  refreshTokens = /* @__PURE__ */ new Map();
  /** Access token `jti` -> grant: tokens are JWTs, but revocation needs to find them. */
  accessTokens = /* @__PURE__ */ new Map();
  lastSweep = 0;
  issueCode(fields) {
    this.sweep();
    const grantId = randomToken(16);
    this.grants.set(grantId, {
      id: grantId,
      clientId: fields.clientId,
      sub: fields.sub,
      scopes: fields.scopes,
      authTime: fields.authTime,
      revoked: false
    });
    const code = randomToken(32);
    this.codes.set(code, { ...fields, grantId, used: false });
    return code;
  }
  /**
   * Takes a code for exchange. It is spent on its first presentation, even if the exchange
   * then fails (wrong verifier or redirect URI): a guess does not get a second try.
   */
  redeemCode(code) {
    const record = this.codes.get(code);
    if (!record) return { kind: "unknown" };
    if (record.used) {
      this.revoke(record.grantId);
      return { kind: "reused", record };
    }
    record.used = true;
    if (this.now() >= record.expiresAt) return { kind: "expired" };
    return { kind: "ok", record };
  }
  grant(grantId) {
    const grant = this.grants.get(grantId);
    return grant && !grant.revoked ? grant : void 0;
  }
  revoke(grantId) {
    const grant = this.grants.get(grantId);
    if (grant) grant.revoked = true;
  }
  trackAccessToken(jti, grantId, expiresAt) {
    this.accessTokens.set(jti, { grantId, expiresAt });
  }
  /** The grant of a live access token; undefined when unknown or revoked. */
  accessTokenGrant(jti) {
    const entry = this.accessTokens.get(jti);
    return entry ? this.grant(entry.grantId) : void 0;
  }
  issueRefreshToken(grantId, expiresAt) {
    const token2 = randomToken(32);
    this.refreshTokens.set(token2, { grantId, expiresAt, used: false });
    return token2;
  }
  /** Takes a refresh token for rotation; a rotated one presented again revokes its grant. */
  redeemRefreshToken(token2) {
    const record = this.refreshTokens.get(token2);
    if (!record) return { kind: "unknown" };
    const grant = this.grants.get(record.grantId);
    if (!grant) return { kind: "unknown" };
    if (record.used) {
      this.revoke(record.grantId);
      return { kind: "reused", record: grant };
    }
    record.used = true;
    if (this.now() >= record.expiresAt) return { kind: "expired" };
    if (grant.revoked) return { kind: "unknown" };
    return { kind: "ok", record: grant };
  }
  /** Forgets what can no longer matter, at most once a minute (by the injected clock). */
  sweep() {
    const now = this.now();
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    const stale = (expiresAt) => now > expiresAt + REPLAY_MEMORY_MS;
    for (const [key, value] of this.codes) if (stale(value.expiresAt)) this.codes.delete(key);
    for (const [key, value] of this.refreshTokens) if (stale(value.expiresAt)) this.refreshTokens.delete(key);
    for (const [key, value] of this.accessTokens) if (stale(value.expiresAt)) this.accessTokens.delete(key);
    const live = /* @__PURE__ */ new Set();
    for (const value of this.codes.values()) live.add(value.grantId);
    for (const value of this.refreshTokens.values()) live.add(value.grantId);
    for (const value of this.accessTokens.values()) live.add(value.grantId);
    for (const key of this.grants.keys()) if (!live.has(key)) this.grants.delete(key);
  }
};

// src/idp/interactions.ts
var INTERACTION_TTL_MS = 10 * 6e4;
var InteractionStore = class {
  constructor(now) {
    this.now = now;
  }
  now;
  pending = /* @__PURE__ */ new Map();
  add(value) {
    const now = this.now();
    for (const [id2, entry] of this.pending) if (entry.expiresAt <= now) this.pending.delete(id2);
    const id = randomToken(24);
    this.pending.set(id, { value, expiresAt: now + INTERACTION_TTL_MS });
    return id;
  }
  /** Removes and returns the request: a login form can be submitted once. */
  take(id) {
    const entry = this.pending.get(id);
    this.pending.delete(id);
    return entry && entry.expiresAt > this.now() ? entry.value : void 0;
  }
};

// node_modules/jose/dist/webapi/lib/buffer_utils.js
var encoder = new TextEncoder();
var decoder = new TextDecoder();
var strictDecoder = new TextDecoder("utf-8", { fatal: true });
var UINT32_RANGE = 2 ** 32;
function concat(...buffers) {
  const size = buffers.reduce((acc, { length }) => acc + length, 0), buf = new Uint8Array(size);
  let i = 0;
  for (const buffer of buffers)
    buf.set(buffer, i), i += buffer.length;
  return buf;
}
var NON_ASCII = /[^\x00-\x7f]/;
function encode(string) {
  if (typeof string == "string" && string.length >= 128) {
    if (NON_ASCII.test(string))
      throw new TypeError("non-ASCII string encountered in encode()");
    return encoder.encode(string);
  }
  const bytes = new Uint8Array(string.length);
  for (let i = 0; i < string.length; i++) {
    const code = string.charCodeAt(i);
    if (code > 127)
      throw new TypeError("non-ASCII string encountered in encode()");
    bytes[i] = code;
  }
  return bytes;
}
function encodeBase64(input, url = false) {
  if (Uint8Array.prototype.toBase64)
    return input.toBase64({ alphabet: url ? "base64url" : "base64", omitPadding: url });
  const CHUNK_SIZE = 32768, arr = [];
  for (let i = 0; i < input.length; i += CHUNK_SIZE)
    arr.push(String.fromCharCode.apply(null, input.subarray(i, i + CHUNK_SIZE)));
  const encoded = btoa(arr.join(""));
  return url ? encoded.replace(/=/g, "").replace(/\+/g, "-").replace(/\//g, "_") : encoded;
}
function decodeBase64(encoded, url = false) {
  if (Uint8Array.fromBase64)
    return Uint8Array.fromBase64(encoded, { alphabet: url ? "base64url" : "base64" });
  if (url) {
    if (encoded.includes("+") || encoded.includes("/"))
      throw new TypeError("Invalid base64url");
    encoded = encoded.replace(/-/g, "+").replace(/_/g, "/");
  }
  const binary = atob(encoded), bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++)
    bytes[i] = binary.charCodeAt(i);
  return bytes;
}
async function digest(algorithm, data) {
  const subtleDigest = `SHA-${algorithm.slice(-3)}`;
  return new Uint8Array(await crypto.subtle.digest(subtleDigest, data));
}

// node_modules/jose/dist/webapi/util/errors.js
var JOSEError = class extends Error {
  static code = "ERR_JOSE_GENERIC";
  code = "ERR_JOSE_GENERIC";
  constructor(message2, options) {
    super(message2, options), this.name = this.constructor.name, Error.captureStackTrace?.(this, this.constructor);
  }
};
var JWTClaimValidationFailed = class extends JOSEError {
  static code = "ERR_JWT_CLAIM_VALIDATION_FAILED";
  code = "ERR_JWT_CLAIM_VALIDATION_FAILED";
  claim;
  reason;
  payload;
  constructor(message2, payload, claim = "unspecified", reason = "unspecified") {
    super(message2, { cause: { claim, reason, payload } }), this.claim = claim, this.reason = reason, this.payload = payload;
  }
};
var JWTExpired = class extends JOSEError {
  static code = "ERR_JWT_EXPIRED";
  code = "ERR_JWT_EXPIRED";
  claim;
  reason;
  payload;
  constructor(message2, payload, claim = "unspecified", reason = "unspecified") {
    super(message2, { cause: { claim, reason, payload } }), this.claim = claim, this.reason = reason, this.payload = payload;
  }
};
var JOSEAlgNotAllowed = class extends JOSEError {
  static code = "ERR_JOSE_ALG_NOT_ALLOWED";
  code = "ERR_JOSE_ALG_NOT_ALLOWED";
};
var JOSENotSupported = class extends JOSEError {
  static code = "ERR_JOSE_NOT_SUPPORTED";
  code = "ERR_JOSE_NOT_SUPPORTED";
};
var JWSInvalid = class extends JOSEError {
  static code = "ERR_JWS_INVALID";
  code = "ERR_JWS_INVALID";
};
var JWTInvalid = class extends JOSEError {
  static code = "ERR_JWT_INVALID";
  code = "ERR_JWT_INVALID";
};
var JWKInvalid = class extends JOSEError {
  static code = "ERR_JWK_INVALID";
  code = "ERR_JWK_INVALID";
};
var JWKSInvalid = class extends JOSEError {
  static code = "ERR_JWKS_INVALID";
  code = "ERR_JWKS_INVALID";
};
var JWKSNoMatchingKey = class extends JOSEError {
  static code = "ERR_JWKS_NO_MATCHING_KEY";
  code = "ERR_JWKS_NO_MATCHING_KEY";
  constructor(message2 = "no applicable key found in the JSON Web Key Set", options) {
    super(message2, options);
  }
};
var JWKSMultipleMatchingKeys = class extends JOSEError {
  [Symbol.asyncIterator] = async function* () {
  };
  static code = "ERR_JWKS_MULTIPLE_MATCHING_KEYS";
  code = "ERR_JWKS_MULTIPLE_MATCHING_KEYS";
  constructor(message2 = "multiple matching keys found in the JSON Web Key Set", options) {
    super(message2, options);
  }
};
var JWSSignatureVerificationFailed = class extends JOSEError {
  static code = "ERR_JWS_SIGNATURE_VERIFICATION_FAILED";
  code = "ERR_JWS_SIGNATURE_VERIFICATION_FAILED";
  constructor(message2 = "signature verification failed", options) {
    super(message2, options);
  }
};

// node_modules/jose/dist/webapi/util/base64url.js
var invalid = "The input to be decoded is not correctly encoded.";
function decode(input) {
  try {
    return decodeBase64(typeof input == "string" ? input : decoder.decode(input), true);
  } catch (cause) {
    throw new TypeError(invalid, { cause });
  }
}
function encode2(input) {
  return encodeBase64(typeof input == "string" ? encoder.encode(input) : input, true);
}

// node_modules/jose/dist/webapi/lib/validate.js
function isObject(input) {
  if (typeof input != "object" || input === null || Object.prototype.toString.call(input) !== "[object Object]")
    return false;
  const prototype = Object.getPrototypeOf(input);
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}
function isJwkSet(input) {
  return isObject(input) && Array.isArray(input.keys) && Array.from(input.keys).every(isObject);
}
function isDisjoint(...headers) {
  const parameters = /* @__PURE__ */ new Set();
  for (const header of headers)
    if (header)
      for (const parameter of Object.keys(header)) {
        if (parameters.has(parameter))
          return false;
        parameters.add(parameter);
      }
  return true;
}
function assertNotSet(value, name) {
  if (value !== void 0)
    throw new TypeError(`${name} can only be called once`);
}
function decodeBase64url(value, label, ErrorClass) {
  try {
    return decode(value);
  } catch (cause) {
    throw new ErrorClass(`Failed to base64url decode the ${label}`, { cause });
  }
}
function encodeAsciiMember(value, label, ErrorClass) {
  try {
    return encode(value);
  } catch (cause) {
    throw new ErrorClass(`The ${label} is not a valid base64url string`, { cause });
  }
}
function parseJoseHeader(encodedProtectedHeader, ErrorClass, message2) {
  let parsed;
  try {
    parsed = JSON.parse(strictDecoder.decode(decode(encodedProtectedHeader)));
  } catch (cause) {
    throw new ErrorClass(message2, { cause });
  }
  if (!isObject(parsed))
    throw new ErrorClass(message2);
  return parsed;
}
var JWS_RECOGNIZED = { __proto__: null, b64: true };
function validateAlgorithms(option, algorithms) {
  if (algorithms !== void 0 && (!Array.isArray(algorithms) || algorithms.some((s) => typeof s != "string")))
    throw new TypeError(`"${option}" option must be an array of strings`);
  return algorithms === void 0 ? void 0 : new Set(algorithms);
}
function validateCritDuplicates(Err, protectedHeader) {
  const { crit } = protectedHeader ?? {};
  if (Array.isArray(crit) && new Set(crit).size !== crit.length)
    throw new Err('"crit" (Critical) Header Parameter MUST NOT contain duplicate values');
}
function validateCrit(Err, recognizedDefault, recognizedOption, protectedHeader, joseHeader) {
  if (joseHeader.crit !== void 0 && protectedHeader?.crit === void 0)
    throw new Err('"crit" (Critical) Header Parameter MUST be integrity protected');
  if (!protectedHeader || protectedHeader.crit === void 0)
    return [];
  if (!Array.isArray(protectedHeader.crit) || protectedHeader.crit.length === 0 || protectedHeader.crit.some((input) => typeof input != "string" || input.length === 0))
    throw new Err('"crit" (Critical) Header Parameter MUST be an array of non-empty strings when present');
  const recognized = recognizedOption === void 0 ? recognizedDefault : { __proto__: null, ...recognizedOption, ...recognizedDefault };
  for (const parameter of protectedHeader.crit) {
    if (!(parameter in recognized))
      throw new JOSENotSupported(`Extension Header Parameter "${parameter}" is not recognized`);
    if (!Object.hasOwn(joseHeader, parameter) || joseHeader[parameter] === void 0)
      throw new Err(`Extension Header Parameter "${parameter}" is missing`);
    if (recognized[parameter] && (!Object.hasOwn(protectedHeader, parameter) || protectedHeader[parameter] === void 0))
      throw new Err(`Extension Header Parameter "${parameter}" MUST be integrity protected`);
  }
  return protectedHeader.crit;
}
function validateB64(protectedHeader, extensions) {
  if (extensions.includes("b64")) {
    const b64 = protectedHeader.b64;
    if (typeof b64 != "boolean")
      throw new JWSInvalid('The "b64" (base64url-encode payload) Header Parameter must be a boolean');
    return b64;
  }
  return true;
}
function serializeJoseHeader(Err, header) {
  let serialized, parsed;
  try {
    serialized = JSON.stringify(header), parsed = JSON.parse(serialized);
  } catch (cause) {
    throw new Err("JOSE Header is not valid JSON", { cause });
  }
  if (!isObject(parsed))
    throw new Err("JOSE Header is not a JSON object");
  return [parsed, serialized];
}

// node_modules/jose/dist/webapi/lib/key.js
var tag = (key) => key[Symbol.toStringTag];
var jwkMatchesOp = (entry, key, usage) => {
  const { alg } = entry;
  if (key.use !== void 0) {
    const expected = usage === "sign" || usage === "verify" ? "sig" : "enc";
    if (key.use !== expected)
      throw new TypeError(`Invalid key for this operation, its "use" must be "${expected}" when present`);
  }
  if (key.alg !== void 0 && key.alg !== alg)
    throw new TypeError(`Invalid key for this operation, its "alg" must be "${alg}" when present`);
  if (Array.isArray(key.key_ops)) {
    const expectedKeyOp = usage === "encrypt" || usage === "decrypt" ? entry.ops?.[usage === "encrypt" ? 0 : 1] : usage;
    if (expectedKeyOp && !key.key_ops.includes(expectedKeyOp))
      throw new TypeError(`Invalid key for this operation, its "key_ops" must include "${expectedKeyOp}" when present`);
  }
};
async function prepareKey(entry, key, usage) {
  const { alg, secret } = entry, requiresPrivateKey = usage === "decrypt" || usage === "sign";
  if (secret && key instanceof Uint8Array)
    return key;
  let normalized, keyObject;
  if (isObject(key)) {
    if (normalized = normalizeJwk(key), typeof normalized.kty != "string")
      throw invalidKeyType(alg, key, secret);
    if (!(secret ? normalized.kty === "oct" && typeof normalized.k == "string" : normalized.kty !== "oct" && (requiresPrivateKey ? normalized.kty === "AKP" && typeof normalized.priv == "string" || typeof normalized.d == "string" : normalized.d === void 0 && normalized.priv === void 0)))
      throw new TypeError(secret ? 'JSON Web Key for symmetric algorithms must have JWK "kty" (Key Type) equal to "oct" and the JWK "k" (Key Value) present' : `JSON Web Key for this operation must be a ${requiresPrivateKey ? "private" : "public"} JWK`);
    if (jwkMatchesOp(entry, normalized, usage), normalized.kty === "oct")
      return decode(normalized.k);
    if (!Object.isFrozen(key)) {
      const { key_ops } = key;
      Array.isArray(key_ops) && Object.freeze(key_ops), Object.freeze(key);
    }
  } else {
    if (!isKeyLike(key))
      throw invalidKeyType(alg, key, secret);
    const expectedType = secret ? "secret" : requiresPrivateKey ? "private" : "public";
    if (key.type !== expectedType && (secret || ["secret", "public", "private"].includes(key.type)))
      throw new TypeError(`${tag(key)} instances must be of type "${expectedType}" for the ${alg} algorithm`);
    if (isCryptoKey(key))
      return key;
    if (keyObject = key, keyObject.type === "secret")
      return keyObject.export();
  }
  cache ||= /* @__PURE__ */ new WeakMap();
  const cacheKey = key;
  let cached = cache.get(cacheKey);
  if (cached?.[alg])
    return cached[alg];
  if (cached || cache.set(cacheKey, cached = {}), keyObject && typeof keyObject.toCryptoKey == "function") {
    const isPublic = keyObject.type === "public", crv = nist[keyObject.asymmetricKeyDetails?.namedCurve], params = entry.resolve?.({ crv, asymmetricKeyType: keyObject.asymmetricKeyType }) ?? entry.subtle;
    return cached[alg] = keyObject.toCryptoKey(params, isPublic, entry.usages[isPublic ? 0 : 1]);
  }
  return normalized ??= keyObject.export({ format: "jwk" }), normalized.alg = alg, cached[alg] = await jwkToKey(entry, normalized);
}
var cache;
var nist = {
  __proto__: null,
  prime256v1: "P-256",
  secp384r1: "P-384",
  secp521r1: "P-521"
};
var isCryptoKey = (key) => {
  if (key?.[Symbol.toStringTag] === "CryptoKey")
    return true;
  try {
    return key instanceof CryptoKey;
  } catch {
    return false;
  }
};
var isKeyObject = (key) => key?.[Symbol.toStringTag] === "KeyObject";
var isKeyLike = (key) => isCryptoKey(key) || isKeyObject(key);
function message(msg, actual, ...types) {
  if (types.length > 2) {
    const last = types.pop();
    msg += `one of type ${types.join(", ")}, or ${last}.`;
  } else types.length === 2 ? msg += `one of type ${types[0]} or ${types[1]}.` : msg += `of type ${types[0]}.`;
  return actual == null ? msg += ` Received ${actual}` : typeof actual == "function" && actual.name ? msg += ` Received function ${actual.name}` : typeof actual == "object" && actual != null && actual.constructor?.name && (msg += ` Received an instance of ${actual.constructor.name}`), msg;
}
var invalidKeyInput = (actual, ...types) => message("Key must be ", actual, ...types);
function invalidKeyType(alg, actual, secret) {
  const types = ["CryptoKey", "KeyObject", "JSON Web Key"];
  return secret && types.push("Uint8Array"), new TypeError(message(`Key for the ${alg} algorithm must be `, actual, ...types));
}
var unusable = (name, prop = "algorithm.name") => new TypeError(`CryptoKey does not support this operation, its ${prop} must be ${name}`);
function checkUsage(key, usage) {
  if (usage && !key.usages.includes(usage))
    throw new TypeError(`CryptoKey does not support this operation, its usages must include ${usage}.`);
}
function checkModulusLength(alg, key) {
  const { modulusLength } = key.algorithm;
  if (typeof modulusLength != "number" || modulusLength < 2048)
    throw new TypeError(`${alg} requires key modulusLength to be 2048 bits or larger`);
}
function checkCryptoKey(key, expected, usage) {
  const algorithm = key.algorithm;
  if (algorithm.name !== expected.name)
    throw unusable(expected.name);
  if (expected.hash && algorithm.hash?.name !== expected.hash)
    throw unusable(expected.hash, "algorithm.hash");
  if (expected.namedCurve && algorithm.namedCurve !== expected.namedCurve)
    throw unusable(expected.namedCurve, "algorithm.namedCurve");
  if (expected.length !== void 0 && algorithm.length !== expected.length)
    throw unusable(expected.length, "algorithm.length");
  checkUsage(key, usage);
}
function snapshotJwk(jwk) {
  return { __proto__: null, ...jwk };
}
function normalizeJwk(jwk) {
  const normalized = snapshotJwk(jwk);
  if (normalized.ext !== void 0 && typeof normalized.ext != "boolean")
    throw new TypeError('"ext" (Extractable) Parameter must be a boolean');
  if (normalized.key_ops !== void 0) {
    const value = normalized.key_ops, keyOps = Array.isArray(value) ? [...value] : void 0;
    if (!keyOps || keyOps.some((operation) => typeof operation != "string") || new Set(keyOps).size !== keyOps.length)
      throw new TypeError('"key_ops" (Key Operations) Parameter must be an array of unique strings');
    normalized.key_ops = keyOps;
  }
  return normalized;
}
function validateExtractableOption(extractable) {
  if (extractable !== void 0 && typeof extractable != "boolean")
    throw new TypeError('"extractable" option must be a boolean');
  return extractable;
}
async function jwkToKey(entry, jwk, extractable) {
  if (!entry.kty.includes(jwk.kty))
    throw new JOSENotSupported('Invalid or unsupported JWK "alg" (Algorithm) Parameter value');
  const algorithm = entry.resolve?.({ kty: jwk.kty, crv: jwk.crv }) ?? entry.subtle, isPrivate = !!(jwk.d || jwk.priv), keyData = { ...jwk, ext: extractable ?? jwk.ext };
  return keyData.kty !== "AKP" && delete keyData.alg, delete keyData.use, crypto.subtle.importKey("jwk", keyData, algorithm, keyData.ext ?? !isPrivate, jwk.key_ops ?? entry.usages[isPrivate ? 1 : 0]);
}
async function rawKey(key, expected, usage, extractable = false) {
  return key instanceof Uint8Array && (key = await crypto.subtle.importKey("raw", key, expected, extractable, [usage])), checkCryptoKey(key, expected, usage), key;
}

// node_modules/jose/dist/webapi/lib/key_descriptor.js
function table(entries) {
  const out = { __proto__: null };
  for (const alg in entries)
    out[alg] = { ...entries[alg], alg };
  return out;
}

// node_modules/jose/dist/webapi/lib/jwe_algorithms.js
var wrap = [
  ["encrypt", "wrapKey"],
  ["decrypt", "unwrapKey"]
];
var derive = [[], ["deriveBits"]];
var none = [[], []];
function rsaes(bits) {
  return {
    kty: ["RSA"],
    mode: "key-encryption",
    subtle: { name: "RSA-OAEP", hash: `SHA-${bits}` },
    usages: wrap,
    ops: ["wrapKey", "unwrapKey"]
  };
}
function ecdh(mode) {
  return {
    kty: ["EC", "OKP"],
    mode,
    subtle: { name: "ECDH" },
    resolve: ({ kty, crv, asymmetricKeyType }) => {
      if (crv === "X25519" || asymmetricKeyType === "x25519")
        return { name: "X25519" };
      if (kty === "OKP")
        throw new JOSENotSupported('Invalid or unsupported JWK "alg" (Algorithm) Parameter value');
      return { name: "ECDH", namedCurve: crv };
    },
    usages: derive,
    ops: [void 0, "deriveBits"]
  };
}
function aeskw(bits, gcm = false) {
  return {
    kty: ["oct"],
    mode: "key-wrapping",
    secret: true,
    subtle: { name: gcm ? "AES-GCM" : "AES-KW", length: bits },
    usages: none,
    ops: gcm ? ["encrypt", "decrypt"] : ["wrapKey", "unwrapKey"]
  };
}
function pbes2() {
  return {
    kty: ["oct"],
    mode: "key-wrapping",
    secret: true,
    subtle: { name: "PBKDF2" },
    usages: none,
    ops: ["deriveBits", "deriveBits"]
  };
}
var JWE = table({
  dir: {
    kty: ["oct"],
    mode: "direct-encryption",
    secret: true,
    subtle: { name: "AES-GCM" },
    usages: none,
    ops: ["encrypt", "decrypt"]
  },
  "RSA-OAEP": rsaes(1),
  "RSA-OAEP-256": rsaes(256),
  "RSA-OAEP-384": rsaes(384),
  "RSA-OAEP-512": rsaes(512),
  "ECDH-ES": ecdh("direct-key-agreement"),
  "ECDH-ES+A128KW": ecdh("key-agreement-with-key-wrapping"),
  "ECDH-ES+A192KW": ecdh("key-agreement-with-key-wrapping"),
  "ECDH-ES+A256KW": ecdh("key-agreement-with-key-wrapping"),
  A128KW: aeskw(128),
  A192KW: aeskw(192),
  A256KW: aeskw(256),
  A128GCMKW: aeskw(128, true),
  A192GCMKW: aeskw(192, true),
  A256GCMKW: aeskw(256, true),
  "PBES2-HS256+A128KW": pbes2(),
  "PBES2-HS384+A192KW": pbes2(),
  "PBES2-HS512+A256KW": pbes2()
});
var contentOps = ["encrypt", "decrypt"];
function contentEncryption(bits, cbc = false) {
  return {
    kty: ["oct"],
    secret: true,
    subtle: { name: cbc ? "AES-CBC" : "AES-GCM", length: bits },
    usages: none,
    ops: contentOps,
    cekBits: bits,
    ivBits: cbc ? 128 : 96,
    cbc
  };
}
var ENC = table({
  A128GCM: contentEncryption(128),
  A192GCM: contentEncryption(192),
  A256GCM: contentEncryption(256),
  "A128CBC-HS256": contentEncryption(256, true),
  "A192CBC-HS384": contentEncryption(384, true),
  "A256CBC-HS512": contentEncryption(512, true)
});

// node_modules/jose/dist/webapi/lib/jws_algorithms.js
var sig = [["verify"], ["sign"]];
function hmac(bits) {
  const subtle = { name: "HMAC", hash: `SHA-${bits}` };
  return { kty: ["oct"], secret: true, subtle, signing: subtle, usages: sig };
}
function rsa(bits, saltLength) {
  const subtle = { name: saltLength ? "RSA-PSS" : "RSASSA-PKCS1-v1_5", hash: `SHA-${bits}` };
  return {
    kty: ["RSA"],
    subtle,
    signing: saltLength ? { ...subtle, saltLength } : subtle,
    usages: sig,
    minRsaBits: 2048
  };
}
function ecdsa(crv, bits) {
  return {
    kty: ["EC"],
    crv,
    subtle: { name: "ECDSA", namedCurve: crv },
    signing: { name: "ECDSA", hash: `SHA-${bits}` },
    usages: sig
  };
}
function eddsa() {
  const subtle = { name: "Ed25519" };
  return {
    kty: ["OKP"],
    crv: "Ed25519",
    subtle,
    signing: subtle,
    usages: sig
  };
}
function mldsa(parameterSet) {
  const subtle = { name: `ML-DSA-${parameterSet}` };
  return {
    kty: ["AKP"],
    subtle,
    signing: subtle,
    usages: sig
  };
}
var JWS = table({
  HS256: hmac(256),
  HS384: hmac(384),
  HS512: hmac(512),
  RS256: rsa(256),
  RS384: rsa(384),
  RS512: rsa(512),
  PS256: rsa(256, 32),
  PS384: rsa(384, 48),
  PS512: rsa(512, 64),
  ES256: ecdsa("P-256", 256),
  ES384: ecdsa("P-384", 384),
  ES512: ecdsa("P-521", 512),
  EdDSA: eddsa(),
  Ed25519: eddsa(),
  "ML-DSA-44": mldsa(44),
  "ML-DSA-65": mldsa(65),
  "ML-DSA-87": mldsa(87)
});
function jwsAlgorithm(alg) {
  const entry = typeof alg == "string" ? JWS[alg] : void 0;
  if (!entry)
    throw new JOSENotSupported(`alg ${alg} is not supported either by JOSE or your javascript runtime`);
  return entry;
}

// node_modules/jose/dist/webapi/lib/jws_verify.js
function prepareVerify(options) {
  return [options && validateAlgorithms("algorithms", options.algorithms), options?.crit];
}
function parseProtectedHeader(encodedProtectedHeader) {
  return encodedProtectedHeader === void 0 ? {} : parseJoseHeader(encodedProtectedHeader, JWSInvalid, "JWS Protected Header is invalid");
}
function encodeCompactUnencodedPayload(payload) {
  try {
    return encode(payload);
  } catch (cause) {
    throw new JWSInvalid("JWS Compact Serialization payload must use only ASCII characters", {
      cause
    });
  }
}
async function verifySignature(jws, shared, key, encodeUnencodedPayload, parsedProtected) {
  const { protected: encodedProtectedHeader, header, payload: inputPayload } = jws, protectedHeader = parsedProtected ?? parseProtectedHeader(encodedProtectedHeader);
  if (!isDisjoint(protectedHeader, header))
    throw new JWSInvalid("JWS Protected and JWS Unprotected Header Parameter names must be disjoint");
  const joseHeader = { ...protectedHeader, ...header }, b64 = validateB64(protectedHeader, validateCrit(JWSInvalid, JWS_RECOGNIZED, shared[1], protectedHeader, joseHeader)), { alg } = joseHeader;
  if (typeof alg != "string" || !alg)
    throw new JWSInvalid('JWS "alg" (Algorithm) Header Parameter missing or invalid');
  if (shared[0] && !shared[0].has(alg))
    throw new JOSEAlgNotAllowed('"alg" (Algorithm) Header Parameter value not allowed');
  if (b64) {
    if (typeof inputPayload != "string")
      throw new JWSInvalid("JWS Payload must be a string");
  } else if (typeof inputPayload != "string" && !(inputPayload instanceof Uint8Array))
    throw new JWSInvalid("JWS Payload must be a string or an Uint8Array instance");
  const signingPayload = b64 || typeof inputPayload != "string" ? inputPayload : encodeUnencodedPayload(inputPayload);
  let resolvedKey = false;
  typeof key == "function" && (key = await key(protectedHeader, jws), resolvedKey = true);
  const entry = jwsAlgorithm(alg), signingInput = concat(encodedProtectedHeader !== void 0 ? encode(encodedProtectedHeader) : new Uint8Array(), encode("."), typeof signingPayload == "string" ? shared[2] ??= encodeAsciiMember(signingPayload, "payload", JWSInvalid) : signingPayload), signature = decodeBase64url(jws.signature, "signature", JWSInvalid), verificationKey = await prepareKey(entry, key, "verify"), cryptoKey = await rawKey(verificationKey, entry.subtle, "verify");
  entry.minRsaBits && checkModulusLength(entry.alg, cryptoKey);
  let verified = false;
  try {
    verified = await crypto.subtle.verify(entry.signing, cryptoKey, signature, signingInput);
  } catch (cause) {
    throw new JWSSignatureVerificationFailed(void 0, { cause });
  }
  if (!verified)
    throw new JWSSignatureVerificationFailed();
  const result = { payload: typeof signingPayload == "string" ? decodeBase64url(signingPayload, "payload", JWSInvalid) : signingPayload };
  return encodedProtectedHeader !== void 0 && (result.protectedHeader = protectedHeader), header !== void 0 && (result.unprotectedHeader = header), resolvedKey ? [{ ...result, key: verificationKey }, b64] : [result, b64];
}
async function verifyCompact(jws, shared, key) {
  if (jws instanceof Uint8Array && (jws = decoder.decode(jws)), typeof jws != "string")
    throw new JWSInvalid("Compact JWS must be a string or Uint8Array");
  const { 0: protectedHeader, 1: payload, 2: signature, length } = jws.split(".");
  if (length !== 3)
    throw new JWSInvalid("Invalid Compact JWS");
  return verifySignature({ payload, protected: protectedHeader, signature }, shared, key, encodeCompactUnencodedPayload);
}

// node_modules/jose/dist/webapi/jws/compact/verify.js
async function compactVerify(jws, key, options) {
  const [result] = await verifyCompact(jws, prepareVerify(options), key);
  return result;
}

// node_modules/jose/dist/webapi/lib/jwt_claims_set.js
var epoch = (date) => Math.floor(date.getTime() / 1e3);
var multipliers = {
  s: 1,
  m: 60,
  h: 3600,
  d: 86400,
  w: 604800,
  y: 31557600
};
var REGEX = /^(\+|\-)? ?(\d+|\d+\.\d+) ?(seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|w|years?|yrs?|y)(?: (ago|from now))?$/i;
var checkFailed = "check_failed";
function invalidDuration() {
  throw new TypeError("Invalid time period format");
}
function secs(str) {
  typeof str != "string" && invalidDuration();
  const matched = REGEX.exec(str);
  (!matched || matched[4] && matched[1]) && invalidDuration();
  const value = parseFloat(matched[2]), durationSeconds = Math.round(value * multipliers[matched[3][0].toLowerCase()]);
  return Number.isFinite(durationSeconds) || invalidDuration(), matched[1] === "-" || matched[4] === "ago" ? -durationSeconds : durationSeconds;
}
function validateInput(label, input) {
  if (!Number.isFinite(input))
    throw new TypeError(`Invalid ${label} input`);
  return input;
}
function validateStringClaim(claim, value) {
  if (typeof value != "string")
    throw new TypeError(`"${claim}" claim must be a string`);
}
function validateAudienceClaim(value) {
  if (typeof value != "string" && (!Array.isArray(value) || Array.from(value).some((member) => typeof member != "string")))
    throw new TypeError('"aud" claim must be a string or an array of strings');
}
function numericDate(value, label) {
  return typeof value == "number" ? validateInput(label, value) : value instanceof Date ? validateInput(label, epoch(value)) : epoch(/* @__PURE__ */ new Date()) + secs(value);
}
var normalizeTyp = (value) => {
  const normalized = value.toLowerCase();
  return value.includes("/") ? normalized : `application/${normalized}`;
};
var checkAudiencePresence = (audPayload, audOption) => typeof audPayload == "string" ? audOption.includes(audPayload) : Array.isArray(audPayload) ? audOption.some((aud) => audPayload.includes(aud)) : false;
function validateNumericDate(claimsSet, claim, required2 = false) {
  const value = claimsSet[claim];
  if (!(value === void 0 && !required2)) {
    if (typeof value != "number")
      throw new JWTClaimValidationFailed(`"${claim}" claim must be a number`, claimsSet, claim, "invalid");
    return value;
  }
}
function unexpectedClaim(claimsSet, claim) {
  throw new JWTClaimValidationFailed(`unexpected "${claim}" claim value`, claimsSet, claim, checkFailed);
}
function validateClaimsSet(protectedHeader, claimsSetBytes, options = {}) {
  let claimsSet;
  try {
    claimsSet = JSON.parse(strictDecoder.decode(claimsSetBytes));
  } catch (cause) {
    throw new JWTInvalid("JWT Claims Set must be a top-level JSON object", { cause });
  }
  if (!isObject(claimsSet))
    throw new JWTInvalid("JWT Claims Set must be a top-level JSON object");
  const { typ } = options;
  if (typ !== void 0 && (typeof protectedHeader.typ != "string" || normalizeTyp(protectedHeader.typ) !== normalizeTyp(typ)))
    throw new JWTClaimValidationFailed('unexpected "typ" JWT header value', claimsSet, "typ", checkFailed);
  const { requiredClaims = [], issuer, subject, audience, maxTokenAge } = options, presenceCheck = [...requiredClaims];
  maxTokenAge !== void 0 && presenceCheck.push("iat"), audience !== void 0 && presenceCheck.push("aud"), subject !== void 0 && presenceCheck.push("sub"), issuer !== void 0 && presenceCheck.push("iss");
  for (const claim of new Set(presenceCheck.reverse()))
    if (!Object.hasOwn(claimsSet, claim))
      throw new JWTClaimValidationFailed(`missing required "${claim}" claim`, claimsSet, claim, "missing");
  issuer !== void 0 && !(Array.isArray(issuer) ? issuer : [issuer]).includes(claimsSet.iss) && unexpectedClaim(claimsSet, "iss"), subject !== void 0 && claimsSet.sub !== subject && unexpectedClaim(claimsSet, "sub"), audience !== void 0 && !checkAudiencePresence(claimsSet.aud, typeof audience == "string" ? [audience] : audience) && unexpectedClaim(claimsSet, "aud");
  const { clockTolerance } = options;
  let tolerance = 0;
  if (typeof clockTolerance == "string")
    tolerance = secs(clockTolerance);
  else if (clockTolerance !== void 0) {
    if (typeof clockTolerance != "number")
      throw new TypeError("Invalid clockTolerance option type");
    tolerance = clockTolerance;
  }
  if (validateInput("clockTolerance option", tolerance), tolerance < 0)
    throw new TypeError("Invalid clockTolerance option input");
  const { currentDate } = options, now = validateInput("currentDate option", epoch(currentDate === void 0 ? /* @__PURE__ */ new Date() : currentDate)), iat = validateNumericDate(claimsSet, "iat", maxTokenAge !== void 0), nbf = validateNumericDate(claimsSet, "nbf");
  if (nbf !== void 0 && nbf > now + tolerance)
    throw new JWTClaimValidationFailed('"nbf" claim timestamp check failed', claimsSet, "nbf", checkFailed);
  const exp = validateNumericDate(claimsSet, "exp");
  if (exp !== void 0 && exp <= now - tolerance)
    throw new JWTExpired('"exp" claim timestamp check failed', claimsSet, "exp", checkFailed);
  if (maxTokenAge !== void 0) {
    const age = now - iat, max = validateInput("maxTokenAge option", typeof maxTokenAge == "number" ? maxTokenAge : secs(maxTokenAge));
    if (max < 0)
      throw new TypeError("Invalid maxTokenAge option input");
    if (age - tolerance > max)
      throw new JWTExpired('"iat" claim timestamp check failed (too far in the past)', claimsSet, "iat", checkFailed);
    if (age < -tolerance)
      throw new JWTClaimValidationFailed('"iat" claim timestamp check failed (it should be in the past)', claimsSet, "iat", checkFailed);
  }
  return claimsSet;
}
var producerClaimsSets;
function producerClaimsSet(producer) {
  return producerClaimsSets.get(producer);
}
function jwtClaimsSetBytes(producer) {
  const claimsSet = producerClaimsSet(producer);
  for (const claim of ["iat", "nbf", "exp"]) {
    const value = claimsSet[claim];
    if (typeof value == "number" && !Number.isFinite(value))
      throw new TypeError(`"${claim}" claim must be a finite number`);
  }
  return encoder.encode(JSON.stringify(claimsSet));
}
var JWTClaimsBuilder = class {
  constructor(claimsSet = {}) {
    if (!isObject(claimsSet))
      throw new TypeError("JWT Claims Set MUST be an object");
    (producerClaimsSets ||= /* @__PURE__ */ new WeakMap()).set(this, structuredClone(claimsSet));
  }
  setIssuer(value) {
    return validateStringClaim("iss", value), producerClaimsSet(this).iss = value, this;
  }
  setSubject(value) {
    return validateStringClaim("sub", value), producerClaimsSet(this).sub = value, this;
  }
  setAudience(value) {
    return validateAudienceClaim(value), producerClaimsSet(this).aud = value, this;
  }
  setJti(value) {
    return validateStringClaim("jti", value), producerClaimsSet(this).jti = value, this;
  }
  setNotBefore(value) {
    return producerClaimsSet(this).nbf = numericDate(value, "setNotBefore"), this;
  }
  setExpirationTime(value) {
    return producerClaimsSet(this).exp = numericDate(value, "setExpirationTime"), this;
  }
  setIssuedAt(value) {
    const claimsSet = producerClaimsSet(this);
    return value === void 0 ? claimsSet.iat = epoch(/* @__PURE__ */ new Date()) : typeof value == "string" ? claimsSet.iat = validateInput("setIssuedAt", epoch(/* @__PURE__ */ new Date()) + secs(value)) : claimsSet.iat = numericDate(value, "setIssuedAt"), this;
  }
};

// node_modules/jose/dist/webapi/jwt/verify.js
async function jwtVerify(jwt, key, options) {
  const [verified, b64] = await verifyCompact(jwt, prepareVerify(options), key);
  if (!b64)
    throw new JWTInvalid("JWTs MUST NOT use unencoded payload");
  const payload = validateClaimsSet(verified.protectedHeader, verified.payload, options);
  return { ...verified, payload };
}

// node_modules/jose/dist/webapi/lib/jws_sign.js
async function createSignature(input, key, rejectUnencoded) {
  let [payload, protectedHeader, unprotectedHeader, crit] = input, encodedProtectedHeader = "";
  if (protectedHeader !== void 0) {
    const normalized = serializeJoseHeader(JWSInvalid, protectedHeader);
    protectedHeader = normalized[0], encodedProtectedHeader = encode2(normalized[1]);
  }
  if (unprotectedHeader !== void 0 && (unprotectedHeader = serializeJoseHeader(JWSInvalid, unprotectedHeader)[0]), !protectedHeader && !unprotectedHeader)
    throw new JWSInvalid("either setProtectedHeader or setUnprotectedHeader must be called before #sign()");
  if (!isDisjoint(protectedHeader, unprotectedHeader))
    throw new JWSInvalid("JWS Protected and JWS Unprotected Header Parameter names must be disjoint");
  const joseHeader = { ...protectedHeader, ...unprotectedHeader };
  validateCritDuplicates(JWSInvalid, protectedHeader);
  const b64 = validateB64(protectedHeader, validateCrit(JWSInvalid, JWS_RECOGNIZED, crit, protectedHeader, joseHeader));
  b64 || rejectUnencoded?.();
  const { alg } = joseHeader;
  if (typeof alg != "string" || !alg)
    throw new JWSInvalid('JWS "alg" (Algorithm) Header Parameter missing or invalid');
  const entry = jwsAlgorithm(alg);
  let encodedPayload = "", signingPayload = payload, signingInput;
  if (b64) {
    const encodedPayloadCache = input[4];
    encodedPayloadCache ? (encodedPayload = encodedPayloadCache[0] ??= encode2(payload), signingPayload = encodedPayloadCache[1] ??= encode(encodedPayload)) : (encodedPayload = encode2(payload), signingInput = encoder.encode(`${encodedProtectedHeader}.${encodedPayload}`));
  }
  signingInput ??= concat(encode(encodedProtectedHeader), encode("."), signingPayload);
  const signingKey = await rawKey(await prepareKey(entry, key, "sign"), entry.subtle, "sign");
  entry.minRsaBits && checkModulusLength(entry.alg, signingKey);
  const jws = {
    signature: encode2(new Uint8Array(await crypto.subtle.sign(entry.signing, signingKey, signingInput))),
    payload: encodedPayload
  };
  return protectedHeader && (jws.protected = encodedProtectedHeader), unprotectedHeader && (jws.header = unprotectedHeader), [jws, b64];
}
async function createCompactSignature(payload, protectedHeader, crit, key, rejectUnencoded) {
  const [jws] = await createSignature([payload, protectedHeader, void 0, crit], key, rejectUnencoded);
  return `${jws.protected}.${jws.payload}.${jws.signature}`;
}

// node_modules/jose/dist/webapi/jwt/sign.js
var SignJWT_base = JWTClaimsBuilder;
var SignJWT = class extends SignJWT_base {
  #protectedHeader;
  setProtectedHeader(protectedHeader) {
    return assertNotSet(this.#protectedHeader, "setProtectedHeader"), this.#protectedHeader = protectedHeader, this;
  }
  async sign(key, options) {
    return createCompactSignature(jwtClaimsSetBytes(this), this.#protectedHeader, options?.crit, key, () => {
      throw new JWTInvalid("JWTs MUST NOT use unencoded payload");
    });
  }
};

// node_modules/jose/dist/webapi/lib/key_algorithm.js
var algArgument = '"alg" (Algorithm)';
function unsupportedAlg(source = 'JWK "alg" (Algorithm) Parameter') {
  throw new JOSENotSupported(`Invalid or unsupported ${source} value`);
}
function keyAlgorithm(alg, source) {
  return (typeof alg == "string" ? JWS[alg] ?? JWE[alg] : void 0) ?? unsupportedAlg(source);
}

// node_modules/jose/dist/webapi/key/export.js
async function exportJWK(key) {
  if (isKeyObject(key))
    if (key.type === "secret")
      key = key.export();
    else
      return key.export({ format: "jwk" });
  if (key instanceof Uint8Array)
    return {
      kty: "oct",
      k: encode2(key)
    };
  if (!isCryptoKey(key))
    throw new TypeError(invalidKeyInput(key, "CryptoKey", "KeyObject", "Uint8Array"));
  if (!key.extractable)
    throw new TypeError("non-extractable CryptoKey cannot be exported as a JWK");
  const jwk = await crypto.subtle.exportKey("jwk", key);
  delete jwk.ext, delete jwk.key_ops, delete jwk.use, jwk.kty !== "AKP" && delete jwk.alg;
  for (const parameter of Object.keys(jwk))
    jwk[parameter] === void 0 && delete jwk[parameter];
  return jwk;
}

// node_modules/jose/dist/webapi/jwk/thumbprint.js
var check2 = (value, description) => {
  if (typeof value != "string" || !value)
    throw new JWKInvalid(`${description} missing or invalid`);
};
async function calculateJwkThumbprint(key, digestAlgorithm) {
  let jwk;
  if (isObject(key)) {
    if (jwk = snapshotJwk(key), typeof jwk.kty != "string")
      throw new TypeError(invalidKeyInput(key, "CryptoKey", "KeyObject", "JSON Web Key"));
  } else if (isKeyLike(key))
    jwk = snapshotJwk(await exportJWK(key));
  else
    throw new TypeError(invalidKeyInput(key, "CryptoKey", "KeyObject", "JSON Web Key"));
  if (digestAlgorithm ??= "sha256", digestAlgorithm !== "sha256" && digestAlgorithm !== "sha384" && digestAlgorithm !== "sha512")
    throw new TypeError('digestAlgorithm must one of "sha256", "sha384", or "sha512"');
  let requiredMembers;
  switch (jwk.kty) {
    case "AKP":
      check2(jwk.alg, '"alg" (Algorithm) Parameter'), check2(jwk.pub, '"pub" (Public key) Parameter'), requiredMembers = { alg: jwk.alg, kty: jwk.kty, pub: jwk.pub };
      break;
    case "EC":
      check2(jwk.crv, '"crv" (Curve) Parameter'), check2(jwk.x, '"x" (X Coordinate) Parameter'), check2(jwk.y, '"y" (Y Coordinate) Parameter'), requiredMembers = { crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y };
      break;
    case "OKP":
      check2(jwk.crv, '"crv" (Subtype of Key Pair) Parameter'), check2(jwk.x, '"x" (Public Key) Parameter'), requiredMembers = { crv: jwk.crv, kty: jwk.kty, x: jwk.x };
      break;
    case "RSA":
      check2(jwk.e, '"e" (Exponent) Parameter'), check2(jwk.n, '"n" (Modulus) Parameter'), requiredMembers = { e: jwk.e, kty: jwk.kty, n: jwk.n };
      break;
    case "oct":
      if (typeof jwk.k != "string")
        throw new JWKInvalid('"k" (Key Value) Parameter missing or invalid');
      requiredMembers = { k: jwk.k, kty: jwk.kty };
      break;
    default:
      throw new JOSENotSupported('"kty" (Key Type) Parameter missing or unsupported');
  }
  const thumbprintInput = encode(JSON.stringify(requiredMembers));
  return encode2(await digest(digestAlgorithm, thumbprintInput));
}

// node_modules/jose/dist/webapi/jwks/local.js
function isUsableJWK(jwk, entry, alg, kid) {
  const { kty, key_ops: keyOps, ext, kid: jwkKid, alg: jwkAlg, use, crv } = jwk;
  return (ext === void 0 || typeof ext == "boolean") && (keyOps === void 0 || Array.isArray(keyOps) && keyOps.every((operation, index) => typeof operation == "string" && keyOps.indexOf(operation) === index) && keyOps.includes("verify")) && entry.kty.includes(kty) && (kid === void 0 || typeof kid == "string" && kid === jwkKid) && (jwkAlg === void 0 ? kty !== "AKP" : alg === jwkAlg) && (use === void 0 || use === "sig") && (!entry.crv || crv === entry.crv);
}
async function importWithAlgCache(cache2, jwk, entry) {
  const cached = cache2.get(jwk) || cache2.set(jwk, {}).get(jwk), { alg } = entry;
  if (cached[alg] === void 0) {
    const pending = jwkToKey(entry, jwk, true).then((key) => {
      if (key.type !== "public")
        throw new JWKSInvalid("JSON Web Key Set members must be public keys");
      return cached[alg] = key, key;
    }).catch((error) => {
      throw cached[alg] === pending && delete cached[alg], error;
    });
    cached[alg] = pending;
  }
  return cached[alg];
}
function createLocalJWKSet(jwks) {
  let snapshot;
  try {
    snapshot = structuredClone(jwks);
  } catch (cause) {
    throw new JWKSInvalid("JSON Web Key Set malformed", { cause });
  }
  if (!isJwkSet(snapshot))
    throw new JWKSInvalid("JSON Web Key Set malformed");
  const metadata = snapshot.keys.map((jwk) => {
    const normalized = snapshotJwk(jwk);
    return Array.isArray(normalized.key_ops) && (normalized.key_ops = [...normalized.key_ops]), normalized;
  }), cached = /* @__PURE__ */ new WeakMap();
  return Object.defineProperty(async (protectedHeader, token2) => {
    const { alg, kid } = { ...protectedHeader, ...token2?.header }, entry = typeof alg == "string" ? JWS[alg] : void 0;
    if (!entry || entry.secret)
      throw new JOSENotSupported('Unsupported "alg" value for a JSON Web Key Set');
    const candidates = snapshot.keys.filter((_, index) => isUsableJWK(metadata[index], entry, alg, kid)), { 0: jwk, length } = candidates;
    if (!length)
      throw new JWKSNoMatchingKey();
    if (length !== 1) {
      const error = new JWKSMultipleMatchingKeys();
      throw error[Symbol.asyncIterator] = async function* () {
        for (const jwk2 of candidates)
          try {
            yield await importWithAlgCache(cached, jwk2, entry);
          } catch {
          }
      }, error;
    }
    return importWithAlgCache(cached, jwk, entry);
  }, "jwks", {
    value: () => structuredClone(snapshot)
  });
}

// node_modules/jose/dist/webapi/key/generate_key_pair.js
function getModulusLengthOption(options) {
  const modulusLength = options?.modulusLength ?? 2048;
  if (typeof modulusLength != "number" || !Number.isInteger(modulusLength) || modulusLength < 2048)
    throw new JOSENotSupported("Invalid or unsupported modulusLength option provided, 2048 bits or larger keys must be used");
  return modulusLength;
}
async function generateKeyPair(alg, options) {
  const extractable = validateExtractableOption(options?.extractable), entry = keyAlgorithm(alg, algArgument);
  entry.secret && unsupportedAlg(algArgument);
  let algorithm;
  if (entry.resolve) {
    const crv = options?.crv ?? "P-256";
    if (!["P-256", "P-384", "P-521", "X25519"].includes(crv))
      throw new JOSENotSupported("Invalid or unsupported crv option provided, supported values are P-256, P-384, P-521, and X25519");
    algorithm = entry.resolve({ crv });
  } else {
    if (entry.crv !== void 0 && options?.crv !== void 0 && options.crv !== entry.crv)
      throw new JOSENotSupported(`Invalid or unsupported crv option provided, the only supported value for ${alg} is ${entry.crv}`);
    algorithm = entry.kty[0] === "RSA" ? {
      ...entry.subtle,
      publicExponent: Uint8Array.of(1, 0, 1),
      modulusLength: getModulusLengthOption(options)
    } : entry.subtle;
  }
  return crypto.subtle.generateKey(algorithm, extractable ?? false, [
    ...entry.usages[1],
    ...entry.usages[0]
  ]);
}

// src/idp/keys.ts
async function generate(alg) {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const jwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(jwk);
  return { alg, kid, privateKey, publicJwk: { ...jwk, kid, alg, use: "sig" } };
}
async function generateSigningKeys() {
  const pairs = await Promise.all(SIGNING_ALGS.map(generate));
  const jwks = { keys: pairs.map((pair) => pair.publicJwk) };
  const keySet = createLocalJWKSet(jwks);
  return {
    jwks,
    async sign(alg, payload, typ) {
      const pair = pairs.find((p) => p.alg === alg);
      if (!pair) throw new Error(`no signing key for ${alg}`);
      return new SignJWT(payload).setProtectedHeader({ alg, kid: pair.kid, typ }).sign(pair.privateKey);
    },
    async verify(token2, options) {
      const { payload } = await jwtVerify(token2, keySet, { algorithms: [...SIGNING_ALGS], ...options });
      return payload;
    },
    async verifySignature(token2) {
      const { payload } = await compactVerify(token2, keySet, { algorithms: [...SIGNING_ALGS] });
      const claims = JSON.parse(new TextDecoder().decode(payload));
      if (typeof claims !== "object" || claims === null || Array.isArray(claims)) {
        throw new Error("the token's payload is not a JSON object");
      }
      return claims;
    }
  };
}

// src/idp/logout.ts
async function hintedClient(ctx, hint) {
  try {
    const claims = await (await ctx.keys()).verifySignature(hint);
    if (claims.iss !== ctx.issuer()) return void 0;
    const aud = Array.isArray(claims.aud) ? claims.aud[0] : claims.aud;
    return typeof aud === "string" ? aud : void 0;
  } catch {
    return void 0;
  }
}
async function logout(ctx, res, params) {
  const refuse = (message2) => {
    ctx.logger.warning(`idp: logout refused: ${message2}`);
    sendHtml(res, 400, errorPage("Logout refused", message2));
  };
  const hint = single(params, "id_token_hint");
  const clientIdParam = single(params, "client_id");
  const target = single(params, "post_logout_redirect_uri");
  if (hint === null || clientIdParam === null || target === null) {
    return refuse("A parameter is given more than once.");
  }
  let clientId = clientIdParam;
  if (hint !== void 0) {
    const hinted = await hintedClient(ctx, hint);
    if (hinted === void 0) return refuse("id_token_hint is not an id_token this provider issued.");
    if (clientId !== void 0 && clientId !== hinted)
      return refuse("client_id differs from the id_token_hint's audience.");
    clientId = hinted;
  }
  if (target === void 0) {
    sendHtml(res, 200, loggedOutPage());
    return;
  }
  if (clientId === void 0)
    return refuse("post_logout_redirect_uri needs an id_token_hint or a client_id.");
  const client = ctx.clients.get(clientId);
  if (!client) return refuse(`No client with client_id "${clientId}" is registered.`);
  if (!(client.postLogoutRedirectUris ?? []).includes(target)) {
    const registered = (client.postLogoutRedirectUris ?? []).map((u) => `"${u}"`).join(", ") || "none";
    return refuse(
      `post_logout_redirect_uri "${target}" is not registered for client "${clientId}". Registered (compared exactly): ${registered}.`
    );
  }
  const url = new URL(target);
  const state = params.get("state");
  if (state !== null) url.searchParams.append("state", state);
  sendRedirect(res, url.href);
}

// src/idp/client-auth.ts
var CHALLENGE2 = { "www-authenticate": 'Basic realm="preview-tunnel idp", charset="UTF-8"' };
function formDecode(text) {
  try {
    return decodeURIComponent(text.replaceAll("+", " "));
  } catch {
    return void 0;
  }
}
function parseBasic(header) {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!match?.[1]) return void 0;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon === -1) return void 0;
  const id = formDecode(decoded.slice(0, colon));
  const secret = formDecode(decoded.slice(colon + 1));
  return id === void 0 || secret === void 0 ? void 0 : { id, secret };
}
function authenticateClient(req, form, clients) {
  const invalid2 = (description, basic) => ({
    ok: false,
    status: 401,
    error: "invalid_client",
    description,
    headers: basic ? CHALLENGE2 : {}
  });
  const header = req.headers.authorization;
  const bodyId = single(form, "client_id");
  const bodySecret = single(form, "client_secret");
  if (bodyId === null || bodySecret === null) {
    return {
      ok: false,
      status: 400,
      error: "invalid_request",
      description: "client credentials repeated",
      headers: {}
    };
  }
  if (header !== void 0) {
    if (bodySecret !== void 0) {
      return {
        ok: false,
        status: 400,
        error: "invalid_request",
        description: "use one client authentication method: client_secret_basic or client_secret_post, not both",
        headers: {}
      };
    }
    const credentials = parseBasic(header);
    if (!credentials) return invalid2("the Authorization header is not valid HTTP Basic credentials", true);
    if (bodyId !== void 0 && bodyId !== credentials.id) {
      return invalid2("client_id in the body differs from the one in the Authorization header", true);
    }
    const client = clients.get(credentials.id);
    if (!client || !safeEqual(credentials.secret, client.clientSecret)) {
      return invalid2("client authentication failed (unknown client or wrong secret)", true);
    }
    return { ok: true, client };
  }
  if (bodySecret !== void 0) {
    if (bodyId === void 0) return invalid2("client_secret_post needs client_id in the body", false);
    const client = clients.get(bodyId);
    if (!client || !safeEqual(bodySecret, client.clientSecret)) {
      return invalid2("client authentication failed (unknown client or wrong secret)", false);
    }
    return { ok: true, client };
  }
  return invalid2(
    "client authentication required: client_secret_basic (Authorization header) or client_secret_post",
    true
  );
}

// src/idp/tokens.ts
var ACCESS_TOKEN_TYP = "at+jwt";
async function issueTokens(ctx, client, grant, nonce) {
  const keys = await ctx.keys();
  const now = ctx.now();
  const iat = seconds(now);
  const exp = seconds(now + ctx.tokenTtlMs);
  const jti = randomToken(16);
  const accessToken = await keys.sign(
    "RS256",
    {
      iss: ctx.issuer(),
      sub: grant.sub,
      aud: client.clientId,
      client_id: client.clientId,
      scope: grant.scopes.join(" "),
      auth_time: grant.authTime,
      iat,
      exp,
      jti
    },
    ACCESS_TOKEN_TYP
  );
  ctx.grants.trackAccessToken(jti, grant.id, now + ctx.tokenTtlMs);
  const response = {
    access_token: accessToken,
    token_type: "Bearer",
    expires_in: Math.floor(ctx.tokenTtlMs / 1e3),
    scope: grant.scopes.join(" "),
    refresh_token: ctx.grants.issueRefreshToken(grant.id, now + ctx.refreshTtlMs)
  };
  if (grant.scopes.includes("openid")) {
    const user = ctx.users.find((u) => u.sub === grant.sub);
    response.id_token = await keys.sign(
      client.idTokenSigningAlg ?? "RS256",
      {
        // User claims first: the token's own claims below always win.
        ...user ? userClaims(user, grant.scopes) : {},
        iss: ctx.issuer(),
        sub: grant.sub,
        aud: client.clientId,
        iat,
        exp,
        auth_time: grant.authTime,
        ...nonce === void 0 ? {} : { nonce }
      },
      "JWT"
    );
  }
  return response;
}

// src/idp/token.ts
var OAuthFailure = class extends Error {
  constructor(status, error, description, headers = {}) {
    super(`${error}: ${description}`);
    this.status = status;
    this.error = error;
    this.description = description;
    this.headers = headers;
  }
  status;
  error;
  description;
  headers;
};
var invalidRequest = (description) => new OAuthFailure(400, "invalid_request", description);
var invalidGrant = (description) => new OAuthFailure(400, "invalid_grant", description);
function required(form, name) {
  const value = single(form, name);
  if (value === null) throw invalidRequest(`${name} is given more than once`);
  if (value === void 0) throw invalidRequest(`${name} is required`);
  return value;
}
async function authorizationCode(ctx, client, form) {
  const code = required(form, "code");
  const redeemed = ctx.grants.redeemCode(code);
  switch (redeemed.kind) {
    case "unknown":
      throw invalidGrant("the authorization code is not one this provider issued");
    case "expired":
      throw invalidGrant("the authorization code has expired");
    case "reused":
      ctx.logger.warning(`idp: authorization code reused: the tokens issued from it are revoked`);
      throw invalidGrant("the authorization code was already used; the tokens issued from it are revoked");
  }
  const record = redeemed.record;
  if (record.clientId !== client.clientId)
    throw invalidGrant("the authorization code was issued to another client");
  const redirectUri = single(form, "redirect_uri");
  if (redirectUri === null) throw invalidRequest("redirect_uri is given more than once");
  if (redirectUri === void 0)
    throw invalidRequest("redirect_uri is required: the authorization request had one");
  if (redirectUri !== record.redirectUri) {
    throw invalidGrant(
      `redirect_uri "${redirectUri}" differs from the authorization request's "${record.redirectUri}"`
    );
  }
  const verifier = single(form, "code_verifier");
  if (verifier === null) throw invalidRequest("code_verifier is given more than once");
  if (record.codeChallenge === void 0) {
    if (verifier !== void 0)
      throw invalidGrant("code_verifier given, but the authorization request had no code_challenge");
  } else if (verifier === void 0) {
    throw invalidGrant("code_verifier is required: the authorization request had a code_challenge");
  } else if (!verifierMatches(verifier, record.codeChallenge)) {
    throw invalidGrant("code_verifier does not match the code_challenge");
  }
  const grant = ctx.grants.grant(record.grantId);
  if (!grant) throw invalidGrant("the grant was revoked");
  return issueTokens(ctx, client, grant, record.nonce);
}
async function refreshToken(ctx, client, form) {
  const token2 = required(form, "refresh_token");
  const redeemed = ctx.grants.redeemRefreshToken(token2);
  switch (redeemed.kind) {
    case "unknown":
      throw invalidGrant("the refresh token is unknown or revoked");
    case "expired":
      throw invalidGrant("the refresh token has expired");
    case "reused":
      ctx.logger.warning(`idp: rotated refresh token reused: its grant is revoked`);
      throw invalidGrant("the refresh token was already used (they rotate); its grant is revoked");
  }
  const grant = redeemed.record;
  if (grant.clientId !== client.clientId)
    throw invalidGrant("the refresh token was issued to another client");
  const scope = single(form, "scope");
  if (scope === null) throw invalidRequest("scope is given more than once");
  if (scope !== void 0 && !scope.split(" ").every((s) => s === "" || grant.scopes.includes(s))) {
    throw new OAuthFailure(400, "invalid_scope", "a refresh can only narrow the scope originally granted");
  }
  return issueTokens(ctx, client, grant, void 0);
}
async function token(ctx, req, res, form) {
  try {
    if (!form) throw invalidRequest("the body must be application/x-www-form-urlencoded");
    const auth = authenticateClient(req, form, ctx.clients);
    if (!auth.ok) throw new OAuthFailure(auth.status, auth.error, auth.description, auth.headers);
    const grantType = required(form, "grant_type");
    let tokens;
    if (grantType === "authorization_code") tokens = await authorizationCode(ctx, auth.client, form);
    else if (grantType === "refresh_token") tokens = await refreshToken(ctx, auth.client, form);
    else {
      throw new OAuthFailure(
        400,
        "unsupported_grant_type",
        `grant_type "${grantType}" is not supported; use authorization_code or refresh_token`
      );
    }
    sendJson(res, 200, tokens, NO_STORE);
  } catch (error) {
    if (!(error instanceof OAuthFailure)) throw error;
    ctx.logger.warning(`idp: token request refused: ${error.message}`);
    sendOAuthError(res, error.status, error.error, error.description, error.headers);
  }
}

// src/idp/userinfo.ts
var REALM = 'realm="preview-tunnel idp"';
function reject(res, status, error, description) {
  const challenge = error === void 0 ? `Bearer ${REALM}` : `Bearer ${REALM}, error="${error}", error_description="${description}"`;
  sendJson(
    res,
    status,
    { error: error ?? "invalid_request", error_description: description },
    { "www-authenticate": challenge, "cache-control": "no-store" }
  );
}
async function userinfo(ctx, req, res) {
  const match = /^Bearer\s+([A-Za-z0-9._~+/-]+=*)\s*$/i.exec(req.headers.authorization ?? "");
  const token2 = match?.[1];
  if (!token2) {
    reject(res, 401, void 0, "a Bearer access token in the Authorization header is required");
    return;
  }
  let claims;
  try {
    claims = await (await ctx.keys()).verify(token2, {
      issuer: ctx.issuer(),
      typ: ACCESS_TOKEN_TYP,
      currentDate: new Date(ctx.now()),
      requiredClaims: ["sub", "exp", "jti", "client_id", "aud"]
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    ctx.logger.warning(`idp: userinfo refused a token: ${reason}`);
    reject(res, 401, "invalid_token", "the access token is invalid or expired");
    return;
  }
  const clientId = claims.client_id;
  if (typeof clientId !== "string" || claims.aud !== clientId || !ctx.clients.has(clientId)) {
    reject(res, 401, "invalid_token", "the access token is not for a registered client");
    return;
  }
  const grant = ctx.grants.accessTokenGrant(String(claims.jti));
  if (!grant) {
    reject(res, 401, "invalid_token", "the access token was revoked");
    return;
  }
  if (!grant.scopes.includes("openid")) {
    reject(res, 403, "insufficient_scope", "userinfo needs the openid scope");
    return;
  }
  const user = ctx.users.find((u) => u.sub === grant.sub);
  sendJson(
    res,
    200,
    { ...user ? userClaims(user, grant.scopes) : {}, sub: grant.sub },
    { "cache-control": "no-store" }
  );
}

// src/idp/idp.ts
var DEFAULT_CODE_TTL_MS = 6e4;
var DEFAULT_TOKEN_TTL_MS = 60 * 6e4;
var DEFAULT_REFRESH_TTL_MS = 24 * 60 * 6e4;
var silent = {
  info() {
  },
  warning() {
  },
  error() {
  },
  debug() {
  },
  startGroup() {
  },
  endGroup() {
  },
  write() {
  }
};
function normalizeIssuer(issuer) {
  let url;
  try {
    url = new URL(issuer);
  } catch {
    throw new Error(`issuer ${JSON.stringify(issuer)} is not an absolute URL`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:" || url.search !== "" || url.hash !== "") {
    throw new Error(`issuer ${JSON.stringify(issuer)} must be an http(s) URL without query or fragment`);
  }
  return url.href.replace(/\/+$/, "");
}
function clientMap(clients) {
  const map = /* @__PURE__ */ new Map();
  for (const client of clients) {
    if (map.has(client.clientId)) throw new Error(`client_id ${client.clientId} is registered twice`);
    for (const uri of [...client.redirectUris, ...client.postLogoutRedirectUris ?? []]) {
      const url = new URL(uri);
      if (url.hash !== "") throw new Error(`redirect URI ${uri} must not have a fragment`);
    }
    map.set(client.clientId, client);
  }
  return map;
}
var ROUTES = {
  [PATHS.discovery]: {
    methods: ["GET", "HEAD"],
    cors: true,
    run: async (ctx, _req, res) => sendJson(res, 200, providerMetadata(ctx), { "cache-control": "no-cache" })
  },
  [PATHS.jwks]: {
    methods: ["GET", "HEAD"],
    cors: true,
    run: async (ctx, _req, res) => sendJson(res, 200, (await ctx.keys()).jwks, { "content-type": "application/jwk-set+json" })
  },
  [PATHS.authorize]: {
    // OpenID Connect Core 3.1.2.1: the authorization endpoint takes GET and form POST.
    methods: ["GET", "POST"],
    run: async (ctx, req, res, query) => {
      const params = await readParams(req, query);
      if (!params) return sendUnsupportedMedia(res);
      authorize(ctx, res, params);
    }
  },
  [PATHS.login]: {
    methods: ["POST"],
    run: async (ctx, req, res, query) => {
      const form = await readParams(req, query);
      if (!form) return sendUnsupportedMedia(res);
      loginDecision(ctx, res, form);
    }
  },
  [PATHS.token]: {
    methods: ["POST"],
    cors: true,
    run: async (ctx, req, res, query) => token(ctx, req, res, await readParams(req, query))
  },
  [PATHS.userinfo]: {
    methods: ["GET", "POST"],
    cors: true,
    run: async (ctx, req, res) => userinfo(ctx, req, res)
  },
  [PATHS.logout]: {
    methods: ["GET", "POST"],
    run: async (ctx, req, res, query) => {
      const params = await readParams(req, query);
      if (!params) return sendUnsupportedMedia(res);
      await logout(ctx, res, params);
    }
  }
};
function sendUnsupportedMedia(res) {
  res.writeHead(415, { "content-type": "text/plain" });
  res.end("POST bodies must be application/x-www-form-urlencoded\n");
}
function createIdp(options) {
  let issuer = normalizeIssuer(options.issuer);
  const now = options.now ?? Date.now;
  const keys = generateSigningKeys();
  keys.catch(() => {
  });
  let clients = clientMap(options.clients);
  const ctx = {
    issuer: () => issuer,
    get clients() {
      return clients;
    },
    users: options.users,
    requirePkce: options.requirePkce ?? true,
    codeTtlMs: options.codeTtlMs ?? DEFAULT_CODE_TTL_MS,
    tokenTtlMs: options.tokenTtlMs ?? DEFAULT_TOKEN_TTL_MS,
    refreshTtlMs: options.refreshTtlMs ?? DEFAULT_REFRESH_TTL_MS,
    now,
    logger: options.logger ?? silent,
    keys: () => keys,
    grants: new GrantStore(now),
    interactions: new InteractionStore(now)
  };
  return {
    get issuer() {
      return issuer;
    },
    setIssuer(next) {
      issuer = normalizeIssuer(next);
      return issuer;
    },
    setClients(next) {
      clients = clientMap(next);
    },
    ready: async () => {
      await keys;
    },
    async handle(req, res, subpath) {
      const path = subpath.split("?")[0] || "/";
      const query = new URL(req.url ?? "/", "http://idp.invalid").searchParams;
      const route = Object.hasOwn(ROUTES, path) ? ROUTES[path] : void 0;
      try {
        if (!route) {
          sendJson(res, 404, {
            error: "not_found",
            error_description: `no endpoint ${path}; see ${PATHS.discovery}`
          });
          return;
        }
        const method = req.method ?? "GET";
        if (method === "OPTIONS" && route.cors) return sendPreflight(res, route.methods);
        if (!route.methods.includes(method)) return sendMethodNotAllowed(res, route.methods);
        await route.run(ctx, req, res, query);
      } catch (error) {
        if (error instanceof BodyTooLarge) {
          res.writeHead(413, { "content-type": "text/plain", connection: "close" });
          res.end("request body too large\n");
          return;
        }
        ctx.logger.error(`idp: ${path} failed: ${error instanceof Error ? error.message : String(error)}`);
        if (!res.headersSent)
          sendJson(res, 500, { error: "server_error", error_description: "internal error" });
        else res.destroy();
      }
    }
  };
}

// src/idp/standalone.ts
async function startStandaloneIdp(options) {
  const host = options.host ?? "127.0.0.1";
  const mount = (options.mountPath ?? IDP_MOUNT_PATH).replace(/\/+$/, "");
  let idp;
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://idp.invalid").pathname;
    if (!idp || path !== mount && !path.startsWith(`${mount}/`)) {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found\n");
      return;
    }
    void idp.handle(req, res, path.slice(mount.length) || "/");
  });
  await new Promise((resolve, reject2) => {
    server.once("error", reject2);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address();
  const origin = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  idp = createIdp({ ...options, issuer: `${origin}${mount}` });
  await idp.ready();
  const created = idp;
  return {
    idp: created,
    get issuer() {
      return created.issuer;
    },
    origin,
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    })
  };
}

export {
  PATHS,
  idpIssuer,
  idpRedirectUris,
  idpPostLogoutRedirectUris,
  idpEnv,
  previewClient,
  SIGNING_ALGS,
  DEFAULT_CODE_TTL_MS,
  DEFAULT_TOKEN_TTL_MS,
  DEFAULT_REFRESH_TTL_MS,
  normalizeIssuer,
  createIdp,
  startStandaloneIdp
};
