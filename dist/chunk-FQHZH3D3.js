import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import {
  Duplex,
  Readable,
  Writable
} from "./chunk-ADOYJPIF.js";
import {
  REDACTED,
  SecretRegistry,
  namedSecrets
} from "./chunk-QSITGZFO.js";
import {
  isIP,
  isIPv4,
  makeDir,
  open,
  readFile,
  stat
} from "./chunk-VTIJIBSJ.js";
import {
  STATUS_CODES,
  http_default
} from "./chunk-VWFGOYLM.js";
import {
  path_default
} from "./chunk-C6CPBUKC.js";
import {
  createReadStream
} from "./chunk-RIQZ67RY.js";
import {
  INSPECT_PATH,
  LOGIN_PATH,
  PROBE_PATH,
  SESSION_COOKIE,
  SecretMatcher,
  assetAnswer,
  cookieValues,
  htmlAnswer,
  isReservedPath,
  isSameOrigin,
  isSignInPath,
  isUnder,
  jsonAnswer,
  requestPath,
  safeEqual,
  sha256Base64,
  textAnswer,
  withoutSessionCookie,
  writeAnswer
} from "./chunk-YJNIKON3.js";
import {
  createHash,
  createHmac,
  createPrivateKey,
  createPublicKey,
  randomBytes,
  randomUUID,
  sign,
  verify
} from "./chunk-DDG4KZIH.js";
import {
  EXIT,
  errorMessage,
  formatDuration
} from "./chunk-S4FSG2IO.js";
import {
  __export,
  __require
} from "./chunk-PGICO5ZK.js";

// src/gate/exchange.ts
function readBasics(raw) {
  let host;
  let duplicateHost = false;
  let connection;
  let contentLength;
  let transferEncoding;
  let authorization;
  let cookie;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i];
    const value = raw[i + 1];
    switch (name.length) {
      case 4:
        if (name.toLowerCase() === "host") {
          if (host === void 0) host = value;
          else duplicateHost = true;
        }
        break;
      case 6:
        if (name.toLowerCase() === "cookie") cookie = cookie === void 0 ? value : `${cookie}; ${value}`;
        break;
      case 10:
        if (name.toLowerCase() === "connection")
          connection = connection === void 0 ? value : `${connection}, ${value}`;
        break;
      case 13:
        if (authorization === void 0 && name.toLowerCase() === "authorization") authorization = value;
        break;
      case 14:
        if (contentLength === void 0 && name.toLowerCase() === "content-length") contentLength = value;
        break;
      case 17:
        if (name.toLowerCase() === "transfer-encoding") {
          transferEncoding = transferEncoding === void 0 ? value : `${transferEncoding}, ${value}`;
        }
        break;
    }
  }
  return { host, duplicateHost, connection, contentLength, transferEncoding, authorization, cookie };
}
function createExchange(req, res, socket, head2, expectContinue) {
  const url = req.url ?? "/";
  const q = url.indexOf("?");
  return {
    req,
    basics: readBasics(req.rawHeaders),
    res,
    socket,
    head: head2,
    pathname: q === -1 ? url : url.slice(0, q),
    path: "",
    started: performance.now(),
    startedAt: Date.now(),
    expectContinue,
    clientIp: void 0,
    refusal: void 0,
    stripAuthorization: false,
    stripSessionCookie: false,
    previewUser: void 0,
    body: void 0,
    webhookVerified: false,
    webhook: void 0,
    inspecting: false,
    replay: void 0,
    signedIn: void 0,
    record: void 0,
    upstream: void 0,
    sentAt: void 0,
    firstByteAt: void 0,
    status: 0,
    finished: false,
    service: void 0,
    upstreamPath: void 0
  };
}
function announcesBody(basics) {
  const length = basics.contentLength;
  return length !== void 0 && length !== "0" || basics.transferEncoding !== void 0;
}

// src/gate/respond.ts
function reply(ex, status, message, extra = {}) {
  const body = Buffer.from(`preview-tunnel gate: ${message}
`);
  const headers = {
    "content-type": "text/plain; charset=utf-8",
    "content-length": String(body.length),
    "cache-control": "no-store",
    ...extra
  };
  if (!ex.res || announcesBody(ex.basics) && !ex.req.readableEnded) headers.connection = "close";
  ex.status = status;
  ex.record?.note(message);
  ex.record?.response(status, STATUS_CODES[status] ?? "", flatten(headers), "1.1");
  ex.record?.responseBody(body);
  if (ex.res) {
    const res = ex.res;
    if (res.headersSent || res.destroyed) {
      res.destroy();
      return;
    }
    res.writeHead(status, headers);
    res.end(body);
    return;
  }
  writeRaw(ex, status, STATUS_CODES[status] ?? "", flatten(headers), body);
}
function replyAnswer(ex, answer2, note) {
  const { status } = answer2;
  const headers = { ...answer2.headers };
  if (!ex.res || announcesBody(ex.basics) && !ex.req.readableEnded) headers.connection = "close";
  const raw = flatten(headers);
  const statusText = STATUS_CODES[status] ?? "";
  ex.status = status;
  if (note !== void 0) ex.record?.note(note);
  ex.record?.response(status, statusText, raw, "1.1");
  if (answer2.recordBody) ex.record?.responseBody(answer2.body);
  if (!ex.res) {
    writeRaw(ex, status, statusText, raw, answer2.body);
    return;
  }
  const res = ex.res;
  if (res.headersSent || res.destroyed) {
    res.destroy();
    return;
  }
  res.writeHead(status, headers);
  res.end(ex.req.method === "HEAD" ? void 0 : answer2.body);
}
function writeRaw(ex, status, statusText, rawHeaders, body) {
  if (ex.socket.destroyed) return;
  ex.socket.end(Buffer.concat([Buffer.from(head(status, statusText, rawHeaders)), body ?? Buffer.alloc(0)]));
}
function head(status, statusText, rawHeaders) {
  let text = `HTTP/1.1 ${status} ${statusText}\r
`;
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) text += `${rawHeaders[i]}: ${rawHeaders[i + 1]}\r
`;
  return `${text}\r
`;
}
function flatten(headers) {
  const raw = [];
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value === "string") raw.push(name, value);
    else for (const one of value) raw.push(name, one);
  }
  return raw;
}

// src/gate/auth.ts
var SESSION_TTL_MS = 24 * 36e5;
var MAX_SESSIONS = 1e4;
var MAX_LOGIN_TOKENS = 1e3;
function digestKey(value) {
  return sha256Base64(value);
}
var Authenticator = class {
  #auth;
  /** "user:password" (basic) or the token (bearer). */
  #expected;
  #challenge;
  /** Keyed by the digest of the secret value, so a lookup's timing depends on the hash only. */
  #sessions = /* @__PURE__ */ new Map();
  #loginTokens = /* @__PURE__ */ new Set();
  #onMinted;
  /** `onMinted` is told every login token and session id made (to keep them out of reports). */
  constructor(auth, onMinted = () => void 0) {
    this.#auth = auth;
    this.#onMinted = onMinted;
    if (auth.mode === "basic") {
      this.#expected = new SecretMatcher(Buffer.from(`${auth.username}:${auth.password}`, "utf8"));
      this.#challenge = 'Basic realm="preview", charset="UTF-8"';
    } else if (auth.mode === "bearer" || auth.mode === "github") {
      this.#expected = new SecretMatcher(Buffer.from(auth.token, "utf8"));
      this.#challenge = 'Bearer realm="preview"';
    } else {
      this.#expected = void 0;
      this.#challenge = "";
    }
  }
  get mode() {
    return this.#auth.mode;
  }
  /** Checks the session cookie first (a browser after a login link), then Authorization. */
  check(request) {
    if (this.#expected === void 0) return { ok: true, via: "none" };
    const cookie = request.cookie;
    if (cookie?.includes(SESSION_COOKIE) && this.#hasSession(cookie)) return { ok: true, via: "session" };
    const header = request.authorization;
    if (header === void 0) return this.#fail("credentials required");
    const space = header.indexOf(" ");
    const scheme = header.slice(0, space).toLowerCase();
    const value = header.slice(space + 1).trim();
    if (this.#auth.mode === "basic") {
      if (space === -1 || scheme !== "basic") return this.#fail("use Basic credentials");
      return this.#expected.matches(value, "base64") ? { ok: true, via: "header" } : this.#fail("wrong credentials");
    }
    if (space === -1 || scheme !== "bearer") return this.#fail("use a Bearer token");
    return this.#expected.matches(value, "utf8") ? { ok: true, via: "header" } : { ok: false, reason: "wrong token", challenge: `${this.#challenge}, error="invalid_token"` };
  }
  #fail(reason) {
    return { ok: false, reason, challenge: this.#challenge };
  }
  #hasSession(cookieHeader) {
    const now = Date.now();
    for (const value of cookieValues(cookieHeader, SESSION_COOKIE)) {
      const key2 = digestKey(value);
      const expires = this.#sessions.get(key2);
      if (expires === void 0) continue;
      if (expires > now) return true;
      this.#sessions.delete(key2);
    }
    return false;
  }
  /** A new single-use login token (for `/__preview/login?token=...`). */
  createLoginToken() {
    const token = randomBytes(32).toString("base64url");
    if (this.#loginTokens.size >= MAX_LOGIN_TOKENS) {
      const oldest = this.#loginTokens.values().next().value;
      if (oldest !== void 0) this.#loginTokens.delete(oldest);
    }
    this.#loginTokens.add(digestKey(token));
    this.#onMinted(token);
    return token;
  }
  /** `/__preview/login?token=...`: a valid unused token becomes a session cookie and a 303 to `/`. */
  login(ex) {
    const res = ex.res;
    if (!res) {
      reply(ex, 400, "the login link cannot be used for a WebSocket");
      return;
    }
    if (ex.req.method !== "GET") {
      reply(ex, 405, "the login link is opened with GET", { allow: "GET" });
      return;
    }
    const url = ex.req.url ?? "";
    const query = url.indexOf("?");
    const token = query === -1 ? "" : new URLSearchParams(url.slice(query + 1)).get("token") ?? "";
    const redirect = { location: "/", "referrer-policy": "no-referrer" };
    if (this.#auth.mode === "none") {
      reply(ex, 303, "no login needed, see /", redirect);
      return;
    }
    const key2 = digestKey(token);
    if (token !== "" && this.#loginTokens.delete(key2)) {
      const session = this.#newSession();
      reply(ex, 303, "logged in, see /", {
        ...redirect,
        "set-cookie": `${SESSION_COOKIE}=${session}; Path=/; Max-Age=${SESSION_TTL_MS / 1e3}; Secure; HttpOnly; SameSite=Lax`
      });
      return;
    }
    if (this.check(ex.basics).ok) {
      reply(ex, 303, "already logged in, see /", redirect);
      return;
    }
    reply(
      ex,
      401,
      "this login link is not valid or was already used; ask for a new one or use the credentials",
      {
        "www-authenticate": this.#challenge
      }
    );
  }
  #newSession() {
    const id = randomBytes(32).toString("base64url");
    if (this.#sessions.size >= MAX_SESSIONS) {
      const oldest = this.#sessions.keys().next().value;
      if (oldest !== void 0) this.#sessions.delete(oldest);
    }
    this.#sessions.set(digestKey(id), Date.now() + SESSION_TTL_MS);
    this.#onMinted(id);
    return id;
  }
};
function clientCredentials(auth) {
  if (auth.mode === "basic") {
    return {
      PREVIEW_USERNAME: auth.username,
      PREVIEW_PASSWORD: auth.password,
      PREVIEW_AUTH_HEADER: `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString("base64")}`
    };
  }
  if (auth.mode === "bearer" || auth.mode === "github")
    return { PREVIEW_TOKEN: auth.token, PREVIEW_AUTH_HEADER: `Bearer ${auth.token}` };
  return {};
}

// src/webhooks/compare.ts
function hmac(algorithm, key2, ...data) {
  const mac = createHmac(algorithm, key2);
  for (const part of data) mac.update(part);
  return mac.digest();
}
function headerValue(headers, name) {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}
var OK = { ok: true };
function missing(header) {
  return { ok: false, status: 401, reason: `missing ${header} header` };
}
function bad(reason) {
  return { ok: false, status: 403, reason };
}
var TOLERANCE_SECONDS = 300;
function staleness(timestamp, nowSeconds, toleranceSeconds = TOLERANCE_SECONDS) {
  if (!Number.isFinite(timestamp)) return bad("timestamp is not a number");
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) {
    return bad(`timestamp is outside the ${toleranceSeconds} s tolerance`);
  }
  return void 0;
}

// src/webhooks/discord.ts
var SIGNATURE = "x-signature-ed25519";
var TIMESTAMP = "x-signature-timestamp";
var publicKeys = /* @__PURE__ */ new Map();
function publicKey(hex) {
  if (!publicKeys.has(hex)) {
    let key2;
    if (/^[0-9a-f]{64}$/i.test(hex)) {
      const x = Buffer.from(hex, "hex").toString("base64url");
      key2 = createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x }, format: "jwk" });
    }
    publicKeys.set(hex, key2);
  }
  return publicKeys.get(hex);
}
var lastPrivate;
function privateKey(pem) {
  if (lastPrivate?.pem !== pem) lastPrivate = { pem, key: createPrivateKey(pem) };
  return lastPrivate.key;
}
function signDiscord(body, timestamp, privateKeyPem) {
  const data = Buffer.concat([Buffer.from(timestamp), Buffer.from(body)]);
  return sign(null, data, privateKey(privateKeyPem)).toString("hex");
}
function verifyDiscord(request, publicKeyHex) {
  const signature = headerValue(request.headers, SIGNATURE);
  if (signature === void 0) return missing("X-Signature-Ed25519");
  const timestamp = headerValue(request.headers, TIMESTAMP);
  if (timestamp === void 0) return missing("X-Signature-Timestamp");
  const key2 = publicKey(publicKeyHex.trim());
  if (key2 === void 0) return bad("the configured Discord public key is not 64 hex characters");
  if (!/^[0-9a-f]{128}$/i.test(signature)) return bad("X-Signature-Ed25519 is not 128 hex characters");
  const data = Buffer.concat([Buffer.from(timestamp), request.body]);
  return verify(null, data, key2, Buffer.from(signature, "hex")) ? OK : bad("X-Signature-Ed25519 does not verify with the public key");
}
var discord = {
  provider: "discord",
  signatureHeaders: [SIGNATURE],
  verify: verifyDiscord,
  /** `privateKeyPem`: the PKCS#8 PEM of the key pair whose public key the app was given. */
  sign: (input, privateKeyPem) => {
    const timestamp = String(input.nowSeconds);
    return { [TIMESTAMP]: timestamp, [SIGNATURE]: signDiscord(input.body, timestamp, privateKeyPem) };
  }
};

// src/webhooks/github.ts
var HEADER = "x-hub-signature-256";
function signGithub(body, secret) {
  return `sha256=${hmac("sha256", secret, body).toString("hex")}`;
}
function verifyGithub(request, secret) {
  const signature = headerValue(request.headers, HEADER);
  if (signature === void 0) return missing("X-Hub-Signature-256");
  return safeEqual(signature, signGithub(request.body, secret)) ? OK : bad("X-Hub-Signature-256 does not match");
}
var github = {
  provider: "github",
  signatureHeaders: [HEADER, "x-hub-signature"],
  verify: verifyGithub,
  sign: (input, secret) => ({ [HEADER]: signGithub(input.body, secret) })
};

// src/webhooks/gitlab.ts
var HEADER2 = "x-gitlab-token";
function verifyGitlab(request, secret) {
  const token = headerValue(request.headers, HEADER2);
  if (token === void 0) return missing("X-Gitlab-Token");
  return safeEqual(token, secret) ? OK : bad("X-Gitlab-Token does not match");
}
var gitlab = {
  provider: "gitlab",
  signatureHeaders: [HEADER2],
  verify: verifyGitlab,
  sign: (_input, secret) => ({ [HEADER2]: secret })
};

// src/webhooks/linear.ts
var HEADER3 = "linear-signature";
var LINEAR_TOLERANCE_SECONDS = 60;
function signLinear(body, secret) {
  return hmac("sha256", secret, body).toString("hex");
}
function linearBodyTimestamp(body) {
  try {
    const parsed = JSON.parse(body.toString("utf8"));
    if (typeof parsed !== "object" || parsed === null) return void 0;
    const value = parsed.webhookTimestamp;
    return typeof value === "number" && Number.isFinite(value) ? value : void 0;
  } catch {
    return void 0;
  }
}
function verifyLinear(request, secret) {
  const signature = headerValue(request.headers, HEADER3);
  if (signature === void 0) return missing("Linear-Signature");
  if (!safeEqual(signature, signLinear(request.body, secret))) return bad("Linear-Signature does not match");
  const timestamp = linearBodyTimestamp(request.body);
  if (timestamp === void 0) return bad("the signed body has no numeric webhookTimestamp");
  return staleness(timestamp / 1e3, request.nowSeconds, LINEAR_TOLERANCE_SECONDS) ?? OK;
}
var linear = {
  provider: "linear",
  signatureHeaders: [HEADER3],
  verify: verifyLinear,
  // Re-signing cannot refresh webhookTimestamp (it is part of the body): a replayed Linear
  // delivery older than 60 s stays stale, as it would for the app.
  sign: (input, secret) => ({ [HEADER3]: signLinear(input.body, secret) })
};

// src/webhooks/paddle.ts
var HEADER4 = "paddle-signature";
var PADDLE_TOLERANCE_SECONDS = 5;
function signPaddle(body, secret, timestamp) {
  return `ts=${timestamp};h1=${hmac("sha256", secret, `${timestamp}:`, body).toString("hex")}`;
}
function verifyPaddle(request, secret) {
  const header = headerValue(request.headers, HEADER4);
  if (header === void 0) return missing("Paddle-Signature");
  let timestamp;
  const signatures = [];
  for (const item of header.split(";")) {
    const eq = item.indexOf("=");
    const key2 = item.slice(0, eq).trim();
    const value = item.slice(eq + 1).trim();
    if (key2 === "ts") timestamp = value;
    else if (key2 === "h1") signatures.push(value);
  }
  if (timestamp === void 0 || !/^\d+$/.test(timestamp) || signatures.length === 0) {
    return bad('Paddle-Signature lacks "ts=" or "h1="');
  }
  if (request.nowSeconds - Number(timestamp) > PADDLE_TOLERANCE_SECONDS) {
    return bad(`timestamp is more than ${PADDLE_TOLERANCE_SECONDS} s old`);
  }
  const expected2 = hmac("sha256", secret, `${timestamp}:`, request.body).toString("hex");
  let match = false;
  for (const signature of signatures) match = safeEqual(signature, expected2) || match;
  return match ? OK : bad("no h1 signature in Paddle-Signature matches");
}
var paddle = {
  provider: "paddle",
  signatureHeaders: [HEADER4],
  verify: verifyPaddle,
  sign: (input, secret) => ({ [HEADER4]: signPaddle(input.body, secret, input.nowSeconds) })
};

// src/webhooks/pagerduty.ts
var HEADER5 = "x-pagerduty-signature";
function signPagerduty(body, secret) {
  return `v1=${hmac("sha256", secret, body).toString("hex")}`;
}
function verifyPagerduty(request, secret) {
  const header = headerValue(request.headers, HEADER5);
  if (header === void 0) return missing("X-PagerDuty-Signature");
  const expected2 = signPagerduty(request.body, secret);
  let match = false;
  for (const candidate of header.split(",")) match = safeEqual(candidate.trim(), expected2) || match;
  return match ? OK : bad("no v1 signature in X-PagerDuty-Signature matches");
}
var pagerduty = {
  provider: "pagerduty",
  signatureHeaders: [HEADER5],
  verify: verifyPagerduty,
  sign: (input, secret) => ({ [HEADER5]: signPagerduty(input.body, secret) })
};

// src/webhooks/shopify.ts
var HEADER6 = "x-shopify-hmac-sha256";
function signShopify(body, secret) {
  return hmac("sha256", secret, body).toString("base64");
}
function verifyShopify(request, secret) {
  const signature = headerValue(request.headers, HEADER6);
  if (signature === void 0) return missing("X-Shopify-Hmac-Sha256");
  const given = Buffer.from(signature, "base64");
  return safeEqual(given, hmac("sha256", secret, request.body)) ? OK : bad("X-Shopify-Hmac-Sha256 does not match");
}
var shopify = {
  provider: "shopify",
  signatureHeaders: [HEADER6],
  verify: verifyShopify,
  sign: (input, secret) => ({ [HEADER6]: signShopify(input.body, secret) })
};

// src/webhooks/slack.ts
var SIGNATURE2 = "x-slack-signature";
var TIMESTAMP2 = "x-slack-request-timestamp";
function signSlack(body, secret, timestamp) {
  return `v0=${hmac("sha256", secret, `v0:${timestamp}:`, body).toString("hex")}`;
}
function verifySlack(request, secret) {
  const signature = headerValue(request.headers, SIGNATURE2);
  if (signature === void 0) return missing("X-Slack-Signature");
  const timestamp = headerValue(request.headers, TIMESTAMP2);
  if (timestamp === void 0) return missing("X-Slack-Request-Timestamp");
  if (!/^\d+$/.test(timestamp)) return bad("X-Slack-Request-Timestamp is not a number");
  const stale = staleness(Number(timestamp), request.nowSeconds);
  if (stale) return stale;
  const expected2 = `v0=${hmac("sha256", secret, `v0:${timestamp}:`, request.body).toString("hex")}`;
  return safeEqual(signature, expected2) ? OK : bad("X-Slack-Signature does not match");
}
var slack = {
  provider: "slack",
  signatureHeaders: [SIGNATURE2],
  verify: verifySlack,
  sign: (input, secret) => ({
    [TIMESTAMP2]: String(input.nowSeconds),
    [SIGNATURE2]: signSlack(input.body, secret, input.nowSeconds)
  })
};

// src/webhooks/square.ts
var HEADER7 = "x-square-hmacsha256-signature";
function signSquare(notificationUrl, body, signatureKey) {
  return hmac("sha256", signatureKey, notificationUrl, body).toString("base64");
}
function verifySquare(request, signatureKey) {
  const signature = headerValue(request.headers, HEADER7);
  if (signature === void 0) return missing("x-square-hmacsha256-signature");
  return safeEqual(signature, signSquare(request.url, request.body, signatureKey)) ? OK : bad("x-square-hmacsha256-signature does not match (Square signs the public notification URL)");
}
var square = {
  provider: "square",
  signatureHeaders: [HEADER7, "x-square-signature"],
  verify: verifySquare,
  sign: (input, signatureKey) => ({ [HEADER7]: signSquare(input.url, input.body, signatureKey) })
};

// src/webhooks/standard-webhooks.ts
function standardWebhooksKey(secret) {
  return Buffer.from(secret.startsWith("whsec_") ? secret.slice("whsec_".length) : secret, "base64");
}
function signStandardWebhook(id, timestamp, body, secret) {
  return `v1,${hmac("sha256", standardWebhooksKey(secret), `${id}.${timestamp}.`, body).toString("base64")}`;
}
function triple(headers, prefixes) {
  for (const prefix of prefixes) {
    const signature = headerValue(headers, `${prefix}-signature`);
    if (signature === void 0) continue;
    return {
      prefix,
      signature,
      id: headerValue(headers, `${prefix}-id`),
      timestamp: headerValue(headers, `${prefix}-timestamp`)
    };
  }
  return void 0;
}
function verifyWith(prefixes) {
  return (request, secret) => {
    const found = triple(request.headers, prefixes);
    const first = prefixes[0] ?? "webhook";
    if (found === void 0) return missing(`${first}-signature`);
    if (found.id === void 0) return missing(`${found.prefix}-id`);
    if (found.timestamp === void 0) return missing(`${found.prefix}-timestamp`);
    if (!/^\d+$/.test(found.timestamp)) return bad(`${found.prefix}-timestamp is not a number`);
    const stale = staleness(Number(found.timestamp), request.nowSeconds);
    if (stale) return stale;
    const expected2 = hmac(
      "sha256",
      standardWebhooksKey(secret),
      `${found.id}.${found.timestamp}.`,
      request.body
    );
    let match = false;
    for (const entry of found.signature.split(" ")) {
      const comma = entry.indexOf(",");
      if (entry.slice(0, comma) !== "v1") continue;
      match = safeEqual(Buffer.from(entry.slice(comma + 1), "base64"), expected2) || match;
    }
    return match ? OK : bad(`no v1 signature in ${found.prefix}-signature matches`);
  };
}
function signWith(prefix) {
  return (input, secret) => {
    const headers = input.headers ?? {};
    const id = headerValue(headers, `${prefix}-id`) ?? headerValue(headers, "webhook-id") ?? `msg_${randomUUID().replaceAll("-", "")}`;
    return {
      [`${prefix}-id`]: id,
      [`${prefix}-timestamp`]: String(input.nowSeconds),
      [`${prefix}-signature`]: signStandardWebhook(id, input.nowSeconds, input.body, secret)
    };
  };
}
var standardWebhooks = {
  provider: "standard-webhooks",
  signatureHeaders: ["webhook-signature"],
  verify: verifyWith(["webhook"]),
  sign: signWith("webhook")
};
var svix = {
  provider: "svix",
  signatureHeaders: ["svix-signature", "webhook-signature"],
  verify: verifyWith(["svix", "webhook"]),
  sign: signWith("svix")
};

// src/webhooks/stripe.ts
var HEADER8 = "stripe-signature";
function signStripe(body, secret, timestamp) {
  return `t=${timestamp},v1=${hmac("sha256", secret, `${timestamp}.`, body).toString("hex")}`;
}
function verifyStripe(request, secret) {
  const header = headerValue(request.headers, HEADER8);
  if (header === void 0) return missing("Stripe-Signature");
  let timestamp;
  const signatures = [];
  for (const item of header.split(",")) {
    const eq = item.indexOf("=");
    const key2 = item.slice(0, eq).trim();
    const value = item.slice(eq + 1).trim();
    if (key2 === "t") timestamp = value;
    else if (key2 === "v1") signatures.push(value);
  }
  if (timestamp === void 0 || !/^\d+$/.test(timestamp) || signatures.length === 0) {
    return bad('Stripe-Signature lacks "t=" or "v1="');
  }
  const stale = staleness(Number(timestamp), request.nowSeconds);
  if (stale) return stale;
  const expected2 = hmac("sha256", secret, `${timestamp}.`, request.body).toString("hex");
  let match = false;
  for (const signature of signatures) match = safeEqual(signature, expected2) || match;
  return match ? OK : bad("no v1 signature in Stripe-Signature matches");
}
var stripe = {
  provider: "stripe",
  signatureHeaders: [HEADER8],
  verify: verifyStripe,
  sign: (input, secret) => ({ [HEADER8]: signStripe(input.body, secret, input.nowSeconds) })
};

// src/webhooks/twilio.ts
var HEADER9 = "x-twilio-signature";
function formData(body) {
  const grouped = /* @__PURE__ */ new Map();
  for (const [name, value] of new URLSearchParams(body.toString("utf8"))) {
    const values = grouped.get(name);
    if (values) values.push(value);
    else grouped.set(name, [value]);
  }
  let data = "";
  for (const name of [...grouped.keys()].sort()) {
    for (const value of [...new Set(grouped.get(name))].sort()) data += name + value;
  }
  return data;
}
function usesBodyHash(url) {
  return /[?&]bodySHA256=/.test(url);
}
function signTwilio(url, body, authToken) {
  const data = usesBodyHash(url) ? url : url + formData(body);
  return hmac("sha1", authToken, Buffer.from(data, "utf8")).toString("base64");
}
function urlVariants(url) {
  const m = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)(.*)$/i.exec(url);
  if (!m) return [url];
  const [, scheme = "", authority = "", rest = ""] = m;
  const portStart = authority.indexOf(":", authority.lastIndexOf("]") + 1);
  const host = portStart === -1 ? authority : authority.slice(0, portStart);
  const port = scheme.toLowerCase() === "https://" ? ":443" : ":80";
  return [.../* @__PURE__ */ new Set([url, scheme + host + rest, scheme + host + port + rest])];
}
function verifyTwilio(request, authToken) {
  const signature = headerValue(request.headers, HEADER9);
  if (signature === void 0) return missing("X-Twilio-Signature");
  let match = false;
  for (const url of urlVariants(request.url)) {
    match = safeEqual(signature, signTwilio(url, request.body, authToken)) || match;
  }
  if (!match) return bad("X-Twilio-Signature does not match (Twilio signs the public URL it requested)");
  if (usesBodyHash(request.url)) {
    const expected2 = new URL(request.url).searchParams.get("bodySHA256") ?? "";
    const actual = createHash("sha256").update(request.body).digest("hex");
    if (!safeEqual(expected2, actual)) return bad("body does not match the bodySHA256 query parameter");
  }
  return OK;
}
function twilioUrl(url, body) {
  if (!usesBodyHash(url)) return url;
  const parsed = new URL(url);
  parsed.searchParams.set("bodySHA256", createHash("sha256").update(body).digest("hex"));
  return parsed.href;
}
var twilio = {
  provider: "twilio",
  signatureHeaders: [HEADER9],
  verify: verifyTwilio,
  sign: (input, authToken) => ({ [HEADER9]: signTwilio(input.url, input.body, authToken) })
};

// src/webhooks/index.ts
var SCHEMES = {
  github,
  stripe,
  slack,
  shopify,
  twilio,
  "standard-webhooks": standardWebhooks,
  svix,
  pagerduty,
  gitlab,
  linear,
  square,
  discord,
  paddle
};
var SIGNATURE_HEADERS = new Set(
  Object.values(SCHEMES).flatMap((s) => s.signatureHeaders)
);

// node_modules/stream-chain/src/defs.js
var defs_exports = {};
__export(defs_exports, {
  Stop: () => Stop,
  abortSymbol: () => abortSymbol,
  clearFunctionList: () => clearFunctionList,
  combineMany: () => combineMany,
  combineManyMut: () => combineManyMut,
  fListSymbol: () => fListSymbol,
  final: () => final,
  finalSymbol: () => finalSymbol,
  finalValue: () => finalValue,
  flushSymbol: () => flushSymbol,
  flushable: () => flushable,
  getFinalValue: () => getFinalValue,
  getFunctionList: () => getFunctionList,
  getManyValues: () => getManyValues,
  isDuplexNodeStream: () => isDuplexNodeStream,
  isDuplexWebStream: () => isDuplexWebStream,
  isFinalValue: () => isFinalValue,
  isFlushable: () => isFlushable,
  isFunctionList: () => isFunctionList,
  isMany: () => isMany,
  isReadableNodeStream: () => isReadableNodeStream,
  isReadableWebStream: () => isReadableWebStream,
  isStop: () => isStop,
  isWritableNodeStream: () => isWritableNodeStream,
  isWritableWebStream: () => isWritableWebStream,
  many: () => many,
  manySymbol: () => manySymbol,
  none: () => none,
  normalizeMany: () => normalizeMany,
  setFunctionList: () => setFunctionList,
  stop: () => stop,
  stopErrorSymbol: () => stopErrorSymbol,
  toMany: () => toMany
});
var none = /* @__PURE__ */ Symbol.for("object-stream.none");
var stop = /* @__PURE__ */ Symbol.for("object-stream.stop");
var finalSymbol = /* @__PURE__ */ Symbol.for("object-stream.final");
var manySymbol = /* @__PURE__ */ Symbol.for("object-stream.many");
var flushSymbol = /* @__PURE__ */ Symbol.for("object-stream.flush");
var abortSymbol = /* @__PURE__ */ Symbol.for("object-stream.abort");
var fListSymbol = /* @__PURE__ */ Symbol.for("object-stream.fList");
var stopErrorSymbol = /* @__PURE__ */ Symbol.for("object-stream.stopError");
var finalValue = (value) => ({ [finalSymbol]: 1, value });
var many = (values) => ({ [manySymbol]: 1, values });
var isFinalValue = (o) => o && o[finalSymbol] === 1;
var isMany = (o) => o && o[manySymbol] === 1;
var isFlushable = (o) => o && o[flushSymbol] === 1;
var isFunctionList = (o) => o && o[fListSymbol] === 1;
var isStop = (o) => o && o[stopErrorSymbol] === 1;
var getFinalValue = (o) => o.value;
var getManyValues = (o) => o.values;
var getFunctionList = (o) => o.fList;
var flushable = (write2, final3 = null, abort = null) => {
  const fn = final3 ? (value) => value === none ? final3() : write2(value) : write2;
  fn[flushSymbol] = 1;
  if (abort) fn[abortSymbol] = abort;
  return fn;
};
var setFunctionList = (o, fns) => {
  o.fList = fns;
  o[fListSymbol] = 1;
  return o;
};
var clearFunctionList = (o) => {
  delete o.fList;
  delete o[fListSymbol];
  return o;
};
var Stop = class extends Error {
};
Stop.prototype[stopErrorSymbol] = 1;
var toMany = (value) => value === none ? many([]) : value && value[manySymbol] === 1 ? value : many([value]);
var normalizeMany = (o) => {
  if (o?.[manySymbol] === 1) {
    switch (o.values.length) {
      case 0:
        return none;
      case 1:
        return o.values[0];
    }
  }
  return o;
};
var combineMany = (...args) => {
  const values = [];
  for (let i = 0; i < args.length; ++i) {
    const a = args[i];
    if (a === none) continue;
    if (a?.[manySymbol] === 1) {
      values.push(...a.values);
    } else {
      values.push(a);
    }
  }
  return many(values);
};
var combineManyMut = (a, ...args) => {
  const values = a === none ? [] : a?.[manySymbol] === 1 ? a.values : [a];
  for (let i = 0; i < args.length; ++i) {
    const b = args[i];
    if (b === none) continue;
    if (b?.[manySymbol] === 1) {
      values.push(...b.values);
    } else {
      values.push(b);
    }
  }
  return many(values);
};
var isReadableWebStream = (x) => !!(x && typeof x === "object" && typeof x.getReader === "function" && typeof x.pipeTo === "function");
var isWritableWebStream = (x) => !!(x && typeof x === "object" && typeof x.getWriter === "function" && typeof x.abort === "function");
var isDuplexWebStream = (x) => !!(x && typeof x === "object" && isReadableWebStream(x.readable) && isWritableWebStream(x.writable));
var isReadableNodeStream = (obj) => obj && typeof obj.pipe === "function" && typeof obj.on === "function" && (!obj._writableState || (typeof obj._readableState === "object" ? obj._readableState.readable : null) !== false) && (!obj._writableState || obj._readableState);
var isWritableNodeStream = (obj) => obj && typeof obj.write === "function" && typeof obj.on === "function" && (!obj._readableState || (typeof obj._writableState === "object" ? obj._writableState.writable : null) !== false);
var isDuplexNodeStream = (obj) => obj && typeof obj.pipe === "function" && obj._readableState && typeof obj.on === "function" && typeof obj.write === "function";
var final = finalValue;

// node_modules/stream-chain/src/exec.js
var cancelSymbol = /* @__PURE__ */ Symbol.for("object-stream.cancel");
var dropNullSymbol = /* @__PURE__ */ Symbol.for("object-stream.dropNull");
var stopAtSymbol = /* @__PURE__ */ Symbol.for("object-stream.stopAt");
var GEN_CANCEL = /* @__PURE__ */ Symbol.for("object-stream.genCancel");
var markStop = (error2, index) => {
  if (isStop(error2)) error2[stopAtSymbol] = index;
  throw error2;
};
var stopIndex = (stop2, fns) => stop2[stopAtSymbol] ?? fns.length;
var withCleanupError = (err, cleanupErr) => {
  if (err == null || isStop(err)) return cleanupErr;
  return err instanceof Error ? new AggregateError([err, cleanupErr], "pipeline error; generator cleanup also failed") : err;
};
var hasAborters = (fns) => fns.some((fn) => fn[abortSymbol]);
var noteFinal = (value, fn, finished) => {
  if (value && typeof value.then == "function") return value.then((v) => (finished.add(fn), v));
  finished.add(fn);
  return value;
};
var abortStages = async (fns, finished, to = fns.length) => {
  let failure;
  for (let i = 0; i < to; ++i) {
    const fn = fns[i], abort = fn[abortSymbol];
    if (!abort || finished.has(fn)) continue;
    finished.add(fn);
    try {
      await abort();
    } catch (error2) {
      failure = failure === void 0 ? error2 : new AggregateError([failure, error2], "stage cleanup failed more than once");
    }
  }
  return failure;
};
var next = (value, fns, index, push) => {
  for (let i = index; ; ) {
    if (value && typeof value.then == "function") {
      const ii = i;
      return value.then(
        (v) => next(v, fns, ii, push),
        (e) => markStop(e, ii)
      );
    }
    if (value === none || value == null && push[dropNullSymbol]) return void 0;
    if (value === stop) markStop(new Stop(), i);
    if (isFinalValue(value)) {
      const final3 = getFinalValue(value);
      if (final3 == null && push[dropNullSymbol]) return void 0;
      return push(final3);
    }
    if (isMany(value)) {
      return nextMany(getManyValues(value), fns, i, push);
    }
    if (value && typeof value.next == "function") {
      return nextGen(value, fns, i, push);
    }
    if (i >= fns.length) {
      return push(value);
    }
    try {
      value = fns[i++](value);
    } catch (error2) {
      markStop(error2, i);
    }
  }
};
var nextMany = (values, fns, i, push) => {
  const step = (j) => {
    for (; j < values.length; ++j) {
      const r = next(values[j], fns, i, push);
      if (r && typeof r.then == "function") {
        const jj = j;
        return r.then(() => step(jj + 1));
      }
    }
  };
  return step(0);
};
var nextGen = (it, fns, i, push) => {
  const step = () => {
    for (; ; ) {
      if (push[cancelSymbol]) throw push[cancelSymbol];
      let data;
      try {
        data = it.next();
      } catch (error2) {
        markStop(error2, i);
      }
      if (data && typeof data.then == "function") {
        return data.then(
          (d) => {
            if (d.done) return;
            const r3 = next(d.value, fns, i, push);
            return r3 && typeof r3.then == "function" ? r3.then(step) : step();
          },
          (e) => markStop(e, i)
        );
      }
      if (data.done) return;
      const r2 = next(data.value, fns, i, push);
      if (r2 && typeof r2.then == "function") return r2.then(step);
    }
  };
  const abort = (err) => {
    const onCleanupError = (cleanupErr) => withCleanupError(err, cleanupErr);
    let ret;
    try {
      ret = it.return ? it.return() : void 0;
    } catch (cleanupErr) {
      throw onCleanupError(cleanupErr);
    }
    if (ret && typeof ret.then == "function") {
      return ret.then(
        () => {
          throw err;
        },
        (cleanupErr) => {
          throw onCleanupError(cleanupErr);
        }
      );
    }
    throw err;
  };
  let r;
  try {
    r = step();
  } catch (err) {
    return abort(err);
  }
  return r && typeof r.then == "function" ? r.then(void 0, abort) : r;
};
var flush = (fns, index, push, finished) => {
  let stop2 = null;
  const resume = (error2) => {
    if (!isStop(error2)) throw error2;
    stop2 = error2;
    return step(stopIndex(error2, fns));
  };
  const step = (i) => {
    for (; i < fns.length; ++i) {
      const f = fns[i];
      if (!isFlushable(f) || finished?.has(f)) continue;
      let r;
      try {
        let value;
        try {
          value = f(none);
        } catch (error2) {
          markStop(error2, i + 1);
        }
        if (finished) value = noteFinal(value, f, finished);
        r = next(value, fns, i + 1, push);
      } catch (error2) {
        return resume(error2);
      }
      if (r && typeof r.then == "function") {
        const ii = i;
        return r.then(() => step(ii + 1), resume);
      }
    }
    if (stop2) throw stop2;
  };
  return step(index);
};
var releaseStopped = async (fns, finished, stop2) => {
  const failure = await abortStages(fns, finished, stopIndex(stop2, fns));
  if (failure === void 0) return void 0;
  const more = await abortStages(fns, finished);
  return more === void 0 ? failure : new AggregateError([failure, more], "stage cleanup failed more than once");
};
var finishStop = async (fns, stop2, push, finished) => {
  let error2;
  try {
    await flush(fns, stopIndex(stop2, fns), push, finished);
  } catch (e) {
    if (isStop(e)) stop2 = e;
    else error2 = e;
  }
  const failure = error2 === void 0 ? await releaseStopped(fns, finished, stop2) : await abortStages(fns, finished);
  if (failure !== void 0) error2 = withCleanupError(error2, failure);
  if (error2 !== void 0) throw error2;
};
var genBridge = (fns, once) => {
  fns = fns.filter((fn) => fn).flat(Infinity).map((fn) => isFunctionList(fn) ? getFunctionList(fn) : fn).flat(Infinity);
  if (!fns.length) {
    fns = [(x) => x];
  }
  const canAbort = hasAborters(fns), finished = /* @__PURE__ */ new Set();
  let flushed = false, stopAt = 0;
  const drive = async (value, push) => {
    try {
      await next(value, fns, 0, push);
    } catch (error2) {
      if (!isStop(error2)) throw error2;
      await finishStop(fns, error2, push, finished);
      throw error2;
    }
    await flush(fns, 0, push, finished);
  };
  let g = async function* (value) {
    if (flushed) throw Error("Call to a flushed pipe.");
    const isFlush = !once && value === none;
    if (isFlush || once) flushed = true;
    const pending = [];
    let wakeConsumer = null;
    let resolveProducer = null;
    let rejectProducer = null;
    let done = false, error2 = null, cancelled = false, completed = false;
    const push = (v) => {
      if (cancelled) throw GEN_CANCEL;
      pending.push(v);
      if (wakeConsumer) {
        const w = wakeConsumer;
        wakeConsumer = null;
        w();
      }
      return new Promise((res, rej) => {
        resolveProducer = res;
        rejectProducer = rej;
      });
    };
    Promise.resolve().then(
      () => once ? drive(value, push) : isFlush ? flush(fns, stopAt, push, finished) : next(value, fns, 0, push)
    ).then(
      () => {
      },
      (e) => {
        if (e === GEN_CANCEL) return;
        error2 = e;
        if (!isFlush && isStop(e)) stopAt = stopIndex(e, fns);
      }
    ).finally(() => {
      done = true;
      if (wakeConsumer) {
        const w = wakeConsumer;
        wakeConsumer = null;
        w();
      }
    });
    try {
      for (; ; ) {
        while (pending.length) {
          const v = pending.shift();
          if (resolveProducer) {
            const r = resolveProducer;
            resolveProducer = rejectProducer = null;
            r();
          }
          yield v;
        }
        if (error2) throw error2;
        if (done) {
          completed = true;
          return;
        }
        await new Promise((res) => wakeConsumer = res);
      }
    } finally {
      cancelled = true;
      push[cancelSymbol] = GEN_CANCEL;
      if (rejectProducer) {
        const rj = rejectProducer;
        resolveProducer = rejectProducer = null;
        rj(GEN_CANCEL);
      }
      if (!completed && canAbort) {
        const failure = isStop(error2) ? await releaseStopped(fns, finished, error2) : await abortStages(fns, finished);
        if (failure !== void 0) throw withCleanupError(error2, failure);
      }
    }
  };
  if (once) return g;
  const needToFlush = fns.some((fn) => isFlushable(fn));
  if (needToFlush) g = flushable(g);
  return setFunctionList(g, fns);
};

// node_modules/stream-chain/src/gen.js
var gen = (...fns) => genBridge(fns, false);
var gen_default = gen;

// node_modules/stream-chain/src/asStream.js
var CANCEL = /* @__PURE__ */ Symbol.for("object-stream.asStreamCancel");
var asStream = (fn, options) => {
  if (typeof fn != "function") {
    throw TypeError("Only a function is accepted as the first argument");
  }
  const innerFns = isFunctionList(fn) ? fn.fList : null;
  const stages = innerFns ?? [fn];
  const canAbort = hasAborters(stages), finished = /* @__PURE__ */ new Set();
  let stopped = false;
  let destroyed = false;
  let flushed = false;
  let nullPushed = false;
  let resolvePaused = null;
  let rejectPaused = null;
  let stream = null;
  const resume = () => {
    if (!resolvePaused) return;
    const resolve = resolvePaused;
    resolvePaused = rejectPaused = null;
    resolve();
  };
  const cancelPaused = () => {
    if (!rejectPaused) return;
    const reject = rejectPaused;
    resolvePaused = rejectPaused = null;
    reject(CANCEL);
  };
  const signalEnd = () => {
    if (nullPushed) return;
    nullPushed = true;
    stream.push(null);
  };
  const enqueue = (value) => {
    if (destroyed) throw CANCEL;
    if (nullPushed) return;
    if (!stream.push(value)) {
      return new Promise((resolve, reject) => {
        resolvePaused = resolve;
        rejectPaused = reject;
      });
    }
  };
  enqueue[dropNullSymbol] = true;
  const queue = [];
  const pump = async () => {
    while (queue.length) {
      if (destroyed) throw CANCEL;
      const g = queue[queue.length - 1];
      let result = g.next();
      if (result && typeof result.then == "function") result = await result;
      if (result.done) {
        queue.pop();
        continue;
      }
      let value = result.value;
      if (value && typeof value.then == "function") value = await value;
      const r = processValue(value);
      if (r) await r;
    }
  };
  const release = async (error2) => {
    while (queue.length) {
      const g = queue.pop();
      try {
        if (g.return) await g.return();
      } catch (cleanupErr) {
        error2 = withCleanupError(error2, cleanupErr);
      }
    }
    throw error2;
  };
  const processValue = (value) => {
    if (value && typeof value.then == "function") {
      return value.then(processValue);
    }
    if (value == null || value === none) return;
    if (value === stop) throw new Stop();
    if (isMany(value)) {
      const values = getManyValues(value);
      let promise;
      for (let i = 0; i < values.length; ++i) {
        if (promise) {
          const ii = i;
          promise = promise.then(() => processValue(values[ii]));
        } else {
          const r = processValue(values[i]);
          if (r) promise = r;
        }
      }
      return promise;
    }
    if (isFinalValue(value)) {
      return processValue(getFinalValue(value));
    }
    if (value && typeof value.next == "function") {
      queue.push(value);
      return pump().catch(release);
    }
    return enqueue(value);
  };
  const finishWrite = (callback, error2) => {
    if (!error2 || error2 === CANCEL) {
      callback(null);
    } else if (!isStop(error2)) {
      callback(error2);
    } else {
      stopped = true;
      finishStop(stages, error2, enqueue, finished).then(
        () => {
          flushed = true;
          signalEnd();
          callback(null);
        },
        (failure) => callback(failure)
      );
    }
  };
  stream = new Duplex({
    writableObjectMode: true,
    readableObjectMode: true,
    ...options,
    write(chunk, encoding, callback) {
      if (stopped) return callback(null);
      if (innerFns) {
        let r2;
        try {
          r2 = next(chunk, innerFns, 0, enqueue);
        } catch (error2) {
          return finishWrite(callback, error2);
        }
        if (r2 && typeof r2.then == "function") {
          r2.then(
            () => callback(null),
            (error2) => finishWrite(callback, error2)
          );
        } else {
          callback(null);
        }
        return;
      }
      let r;
      try {
        r = processValue(fn(chunk, encoding));
      } catch (error2) {
        return finishWrite(callback, error2);
      }
      if (r) {
        r.then(
          () => callback(null),
          (error2) => finishWrite(callback, error2)
        );
      } else {
        callback(null);
      }
    },
    final(callback) {
      const onComplete = () => {
        flushed = true;
        signalEnd();
        callback(null);
      };
      if (stopped) {
        onComplete();
        return;
      }
      if (innerFns) {
        let r2;
        try {
          r2 = flush(innerFns, 0, enqueue, finished);
        } catch (error2) {
          return finishWrite(callback, error2);
        }
        if (r2 && typeof r2.then == "function") {
          r2.then(onComplete, (error2) => finishWrite(callback, error2));
        } else {
          onComplete();
        }
        return;
      }
      if (!isFlushable(fn)) {
        onComplete();
        return;
      }
      let r;
      try {
        const value = fn(none, null);
        r = processValue(noteFinal(value, fn, finished));
      } catch (error2) {
        return finishWrite(callback, error2);
      }
      if (r) {
        r.then(onComplete, (error2) => finishWrite(callback, error2));
      } else {
        onComplete();
      }
    },
    read() {
      resume();
    },
    // Unblock any pending paused-promise so an in-flight write can settle —
    // mirrors asWebStream's controller.signal listener for writer.abort().
    destroy(error2, callback) {
      stopped = destroyed = true;
      enqueue[cancelSymbol] = CANCEL;
      cancelPaused();
      if (flushed || !canAbort) {
        callback(error2);
        return;
      }
      abortStages(stages, finished).then(
        (failure) => callback(
          failure === void 0 ? error2 : (
            /** @type {Error} */
            withCleanupError(error2, failure)
          )
        )
      );
    }
  });
  return stream;
};
var asStream_default = asStream;

// node_modules/stream-chain/src/asWebStream.js
var CANCEL2 = /* @__PURE__ */ Symbol.for("object-stream.asWebStreamCancel");
var asWebStream = (fn, options) => {
  if (isDuplexWebStream(fn) || isReadableWebStream(fn) || isWritableWebStream(fn)) {
    return fn;
  }
  if (typeof fn !== "function") {
    throw new TypeError("Only a function or Web Streams object is accepted as the first argument");
  }
  const strategy = options?.strategy;
  const readableStrategy = options?.readableStrategy ?? strategy;
  const writableStrategy = options?.writableStrategy ?? strategy;
  const innerFns = isFunctionList(fn) ? fn.fList : null;
  const stages = innerFns ?? [fn];
  const canAbort = hasAborters(stages), finished = /* @__PURE__ */ new Set();
  let stopped = false;
  let cancelled = false;
  let flushed = false;
  let releasing = null;
  let readableClosed = false;
  let writableErrored = false;
  let readableController;
  let writableController;
  let pendingDrain = null;
  let rejectDrain = null;
  const unblockDrain = () => {
    if (!pendingDrain) return;
    const resolve = pendingDrain;
    pendingDrain = rejectDrain = null;
    resolve();
  };
  const cancelDrain = () => {
    if (!rejectDrain) return;
    const reject = rejectDrain;
    pendingDrain = rejectDrain = null;
    reject(CANCEL2);
  };
  const closeReadable = () => {
    if (readableClosed) return;
    readableClosed = true;
    readableController.close();
  };
  const errorReadable = (reason) => {
    if (readableClosed) return;
    readableClosed = true;
    readableController.error(reason);
  };
  const errorWritable = (reason) => {
    if (writableErrored || !writableController) return;
    writableErrored = true;
    writableController.error(reason);
  };
  const readable = new ReadableStream(
    {
      start(c) {
        readableController = c;
      },
      pull() {
        unblockDrain();
      },
      cancel(reason) {
        readableClosed = true;
        cancelProducer();
        errorWritable(reason);
        return releaseStages().then(rethrow);
      }
    },
    readableStrategy
  );
  const enqueue = (value) => {
    if (cancelled) throw CANCEL2;
    if (readableClosed) return;
    readableController.enqueue(value);
    if (readableController.desiredSize <= 0) {
      return new Promise((resolve, reject) => {
        pendingDrain = resolve;
        rejectDrain = reject;
      });
    }
  };
  enqueue[dropNullSymbol] = true;
  const cancelProducer = () => {
    stopped = cancelled = true;
    enqueue[cancelSymbol] = CANCEL2;
    cancelDrain();
  };
  const releaseStages = () => {
    if (flushed || !canAbort) return Promise.resolve(void 0);
    releasing ??= abortStages(stages, finished);
    return releasing;
  };
  const rethrow = (failure) => {
    if (failure !== void 0) throw failure;
  };
  const queue = [];
  const pump = async () => {
    while (queue.length) {
      if (cancelled) throw CANCEL2;
      const g = queue[queue.length - 1];
      let result = g.next();
      if (result && typeof result.then == "function") result = await result;
      if (result.done) {
        queue.pop();
        continue;
      }
      let value = result.value;
      if (value && typeof value.then == "function") value = await value;
      const r = processValue(value);
      if (r) await r;
    }
  };
  const release = async (error2) => {
    while (queue.length) {
      const g = queue.pop();
      try {
        if (g.return) await g.return();
      } catch (cleanupErr) {
        error2 = withCleanupError(error2, cleanupErr);
      }
    }
    throw error2;
  };
  const processValue = (value) => {
    if (value && typeof value.then == "function") {
      return value.then(processValue);
    }
    if (value == null || value === none) return;
    if (value === stop) throw new Stop();
    if (isMany(value)) {
      const values = getManyValues(value);
      let promise;
      for (let i = 0; i < values.length; ++i) {
        if (promise) {
          const ii = i;
          promise = promise.then(() => processValue(values[ii]));
        } else {
          const r = processValue(values[i]);
          if (r) promise = r;
        }
      }
      return promise;
    }
    if (isFinalValue(value)) {
      return processValue(getFinalValue(value));
    }
    if (value && typeof value.next == "function") {
      queue.push(value);
      return pump().catch(release);
    }
    return enqueue(value);
  };
  const endAfterStop = async (stop2) => {
    stopped = true;
    try {
      await finishStop(stages, stop2, enqueue, finished);
    } catch (error2) {
      errorReadable(error2);
      throw error2;
    }
    flushed = true;
    closeReadable();
  };
  const writable = new WritableStream(
    {
      // `controller.signal` aborts during writer.abort() BEFORE the sink's
      // abort() callback runs. The spec waits for in-flight write() to
      // settle first — so if write() is awaiting pendingDrain, we'd
      // deadlock unless the signal listener wakes it.
      // Optional-chained because Bun ≤1.3.14 returns `undefined` for the
      // controller's signal (spec-required per WHATWG Streams §4.5.2 but
      // missing in Bun's builtin — see oven-sh/bun#31156 / PR #31157).
      // Fixed upstream (present in Bun 1.4.0); the chaining stays for older
      // Bun, which only loses the abort wakeup.
      start(controller) {
        writableController = controller;
        controller.signal?.addEventListener("abort", cancelProducer);
      },
      async write(chunk) {
        if (stopped) return;
        try {
          if (innerFns) {
            const r2 = next(chunk, innerFns, 0, enqueue);
            if (r2) await r2;
            return;
          }
          const r = processValue(fn(chunk));
          if (r) await r;
        } catch (error2) {
          if (error2 === CANCEL2) return;
          if (isStop(error2)) return endAfterStop(error2);
          errorReadable(error2);
          const failure = await releaseStages();
          throw failure === void 0 ? error2 : withCleanupError(error2, failure);
        }
      },
      async close() {
        try {
          if (!stopped) {
            if (innerFns) {
              const r = flush(innerFns, 0, enqueue, finished);
              if (r) await r;
            } else if (isFlushable(fn)) {
              const r = processValue(noteFinal(fn(none), fn, finished));
              if (r) await r;
            }
            flushed = true;
          }
        } catch (error2) {
          if (isStop(error2)) return endAfterStop(error2);
          if (error2 !== CANCEL2) {
            errorReadable(error2);
            const failure = await releaseStages();
            throw failure === void 0 ? error2 : withCleanupError(error2, failure);
          }
        }
        closeReadable();
      },
      abort(reason) {
        cancelProducer();
        errorReadable(reason);
        return releaseStages().then(rethrow);
      }
    },
    writableStrategy
  );
  return { readable, writable };
};
var asWebStream_default = asWebStream;

// node_modules/stream-chain/src/dataSource.js
var dataSource = (fn) => {
  if (typeof fn == "function") return fn;
  if (fn) {
    if (typeof fn[Symbol.asyncIterator] == "function") return fn[Symbol.asyncIterator].bind(fn);
    if (typeof fn[Symbol.iterator] == "function") return fn[Symbol.iterator].bind(fn);
  }
  throw new TypeError("The argument should be a function or an iterable object.");
};
var dataSource_default = dataSource;

// node_modules/stream-chain/src/index.js
var {
  isReadableWebStream: isReadableWebStream2,
  isWritableWebStream: isWritableWebStream2,
  isDuplexWebStream: isDuplexWebStream2,
  isReadableNodeStream: isReadableNodeStream2,
  isWritableNodeStream: isWritableNodeStream2,
  isDuplexNodeStream: isDuplexNodeStream2
} = defs_exports;
var groupFunctions = (output, fn, index, fns) => {
  if (isDuplexNodeStream2(fn) || !index && isReadableNodeStream2(fn) || index === fns.length - 1 && isWritableNodeStream2(fn)) {
    output.push(fn);
    return output;
  }
  if (isDuplexWebStream2(fn)) {
    output.push(Duplex.fromWeb(fn, { objectMode: true }));
    return output;
  }
  if (!index && isReadableWebStream2(fn)) {
    output.push(Readable.fromWeb(fn, { objectMode: true }));
    return output;
  }
  if (index === fns.length - 1 && isWritableWebStream2(fn)) {
    output.push(Writable.fromWeb(fn, { objectMode: true }));
    return output;
  }
  if (typeof fn != "function")
    throw TypeError("Item #" + index + " is not a proper stream, nor a function.");
  if (!output.length) output.push([]);
  const last = output[output.length - 1];
  if (Array.isArray(last)) {
    last.push(fn);
  } else {
    output.push([fn]);
  }
  return output;
};
var produceStreams = (item) => {
  if (Array.isArray(item)) {
    if (!item.length) return null;
    if (item.length == 1) return item[0] && /** @type {any} */
    chain.asStream(item[0]);
    return (
      /** @type {any} */
      chain.asStream(
        /** @type {any} */
        chain.gen(...item)
      )
    );
  }
  return item;
};
var wrapFunctions = (fn, index, fns) => {
  if (isDuplexNodeStream2(fn) || !index && isReadableNodeStream2(fn) || index === fns.length - 1 && isWritableNodeStream2(fn)) {
    return fn;
  }
  if (isDuplexWebStream2(fn)) {
    return Duplex.fromWeb(fn, { objectMode: true });
  }
  if (!index && isReadableWebStream2(fn)) {
    return Readable.fromWeb(fn, { objectMode: true });
  }
  if (index === fns.length - 1 && isWritableWebStream2(fn)) {
    return Writable.fromWeb(fn, { objectMode: true });
  }
  if (typeof fn == "function") return (
    /** @type {any} */
    chain.asStream(fn)
  );
  throw TypeError("Item #" + index + " is not a proper stream, nor a function.");
};
var write = (input, chunk, encoding, callback) => {
  let error2 = null;
  try {
    input.write(chunk, encoding, (e) => callback(e || error2));
  } catch (e) {
    error2 = e;
  }
};
var final2 = (input, callback) => {
  let error2 = null;
  try {
    input.end(null, null, (e) => callback(e || error2));
  } catch (e) {
    error2 = e;
  }
};
var read = (output) => {
  output.resume();
};
var chain = (fns, options) => {
  if (!Array.isArray(fns) || !fns.length) {
    throw TypeError("Chain's first argument should be a non-empty array.");
  }
  fns = fns.flat(Infinity).filter((fn) => fn);
  const streams = (options?.noGrouping ? fns.map(wrapFunctions) : fns.map((fn) => isFunctionList(fn) ? getFunctionList(fn) : fn).flat(Infinity).reduce(groupFunctions, []).map(produceStreams)).filter((s) => s), input = streams[0], output = streams.reduce((output2, item) => output2 && output2.pipe(item) || item);
  let stream = null;
  let writeMethod = (chunk, encoding, callback) => write(input, chunk, encoding, callback), finalMethod = (callback) => final2(input, callback), readMethod = () => read(output);
  if (!isWritableNodeStream2(input)) {
    writeMethod = (_1, _2, callback) => callback(null);
    finalMethod = (callback) => callback(null);
    input.on("end", () => stream.end());
  }
  if (isReadableNodeStream2(output)) {
    output.on("data", (chunk) => !stream.push(chunk) && output.pause());
    output.on("end", () => stream.push(null));
  } else {
    readMethod = () => {
    };
    output.on("finish", () => stream.push(null));
  }
  stream = /** @type {Duplex & {streams: any[], input: any, output: any}} */
  new Duplex({
    writableObjectMode: true,
    readableObjectMode: true,
    ...options,
    readable: isReadableNodeStream2(output),
    writable: isWritableNodeStream2(input),
    write: writeMethod,
    final: finalMethod,
    read: readMethod,
    destroy(error2, callback) {
      if (!stream.writableFinished || !stream.readableEnded) {
        for (const item of streams) item.destroy();
      }
      callback(error2);
    }
  });
  stream.streams = streams;
  stream.input = input;
  stream.output = output;
  if (!isReadableNodeStream2(output)) {
    stream.resume();
  }
  if (!options?.skipEvents) {
    streams.forEach((item) => item.on("error", (error2) => stream.emit("error", error2)));
  }
  return stream;
};
chain.none = none;
chain.stop = stop;
chain.Stop = Stop;
chain.stopErrorSymbol = stopErrorSymbol;
chain.isStop = isStop;
chain.finalSymbol = finalSymbol;
chain.finalValue = finalValue;
chain.final = final;
chain.isFinalValue = isFinalValue;
chain.getFinalValue = getFinalValue;
chain.manySymbol = manySymbol;
chain.many = many;
chain.isMany = isMany;
chain.getManyValues = getManyValues;
chain.flushSymbol = flushSymbol;
chain.flushable = flushable;
chain.isFlushable = isFlushable;
chain.abortSymbol = abortSymbol;
chain.fListSymbol = fListSymbol;
chain.isFunctionList = isFunctionList;
chain.getFunctionList = getFunctionList;
chain.setFunctionList = setFunctionList;
chain.clearFunctionList = clearFunctionList;
chain.toMany = toMany;
chain.normalizeMany = normalizeMany;
chain.combineMany = combineMany;
chain.combineManyMut = combineManyMut;
chain.chain = chain;
chain.chainUnchecked = chain;
chain.gen = gen_default;
chain.asStream = asStream_default;
chain.asWebStream = asWebStream_default;
chain.dataSource = dataSource_default;
var src_default = chain;

// node_modules/stream-chain/src/node/index.js
var node_default = src_default;

// node_modules/stream-chain/src/fun.js
var asArray = (...fns) => {
  fns = fns.filter((fn) => fn).flat(Infinity).map((fn) => isFunctionList(fn) ? getFunctionList(fn) : fn).flat(Infinity);
  if (!fns.length) {
    fns = [(x) => x];
  }
  let flushed = false, stopAt = 0;
  const noteStop = (error2) => {
    if (isStop(error2)) stopAt = stopIndex(error2, fns);
    throw error2;
  };
  let g = (value) => {
    if (flushed) throw Error("Call to a flushed pipe.");
    const results = [], push = (v) => {
      results.push(v);
    };
    let pending;
    if (value !== none) {
      try {
        pending = next(value, fns, 0, push);
      } catch (error2) {
        noteStop(error2);
      }
    } else {
      flushed = true;
      pending = flush(fns, stopAt, push);
    }
    return pending && typeof pending.then == "function" ? pending.then(() => results, noteStop) : results;
  };
  const needToFlush = fns.some((fn) => isFlushable(fn));
  if (needToFlush) g = flushable(g);
  return setFunctionList(g, fns);
};
var fun = (...fns) => {
  const f = asArray(...fns);
  let g = (value) => {
    const result = (
      /** @type {any} */
      f(value)
    );
    if (result && typeof result.then == "function") {
      return result.then((results) => many(results));
    }
    return many(result);
  };
  if (isFlushable(f)) g = flushable(g);
  return setFunctionList(g, getFunctionList(f));
};
var fun_default = fun;

// node_modules/stream-chain/src/web/index.js
var groupFunctions2 = (output, item, index, items) => {
  if (isDuplexWebStream(item)) {
    output.push(item);
    return output;
  }
  if (!index && isReadableWebStream(item)) {
    output.push({ readable: item, writable: null });
    return output;
  }
  if (index === items.length - 1 && isWritableWebStream(item)) {
    output.push({ readable: null, writable: item });
    return output;
  }
  if (typeof item !== "function") {
    throw new TypeError(`Item #${index} is not a Web Streams object or function.`);
  }
  if (!output.length) output.push([]);
  const last = output[output.length - 1];
  if (Array.isArray(last)) {
    last.push(item);
  } else {
    output.push([item]);
  }
  return output;
};
var makeProduceStages = (options) => (item) => {
  if (Array.isArray(item)) {
    if (!item.length) return null;
    if (item.length === 1) return (
      /** @type {any} */
      chain2.asWebStream(item[0], options)
    );
    return (
      /** @type {any} */
      chain2.asWebStream(
        /** @type {any} */
        chain2.gen(...item),
        options
      )
    );
  }
  return item;
};
var chain2 = (fns, options) => {
  if (!Array.isArray(fns) || !fns.length) {
    throw new TypeError("Chain's first argument should be a non-empty array.");
  }
  fns = fns.flat(Infinity).filter(Boolean).map((fn) => isFunctionList(fn) ? getFunctionList(fn) : fn).flat(Infinity);
  if (!fns.length) {
    throw new TypeError("Chain's first argument is empty after flattening.");
  }
  const stages = fns.reduce(groupFunctions2, []).map(makeProduceStages(options)).filter((s) => s);
  for (let i = 0; i < stages.length - 1; ++i) {
    const from = stages[i].readable;
    const to = stages[i + 1].writable;
    if (!from) {
      throw new TypeError(`Stage #${i} has no readable side; cannot pipe to next stage.`);
    }
    if (!to) {
      throw new TypeError(`Stage #${i + 1} has no writable side; cannot accept input.`);
    }
    from.pipeTo(to).catch(() => {
    });
  }
  const c = {
    readable: stages[stages.length - 1].readable,
    writable: stages[0].writable,
    streams: stages,
    input: stages[0],
    output: stages[stages.length - 1]
  };
  return c;
};
chain2.none = none;
chain2.stop = stop;
chain2.Stop = Stop;
chain2.stopErrorSymbol = stopErrorSymbol;
chain2.isStop = isStop;
chain2.finalSymbol = finalSymbol;
chain2.finalValue = finalValue;
chain2.final = final;
chain2.isFinalValue = isFinalValue;
chain2.getFinalValue = getFinalValue;
chain2.manySymbol = manySymbol;
chain2.many = many;
chain2.isMany = isMany;
chain2.getManyValues = getManyValues;
chain2.flushSymbol = flushSymbol;
chain2.flushable = flushable;
chain2.isFlushable = isFlushable;
chain2.abortSymbol = abortSymbol;
chain2.fListSymbol = fListSymbol;
chain2.isFunctionList = isFunctionList;
chain2.getFunctionList = getFunctionList;
chain2.setFunctionList = setFunctionList;
chain2.clearFunctionList = clearFunctionList;
chain2.toMany = toMany;
chain2.normalizeMany = normalizeMany;
chain2.combineMany = combineMany;
chain2.combineManyMut = combineManyMut;
chain2.chain = chain2;
chain2.chainUnchecked = chain2;
chain2.gen = gen_default;
chain2.fun = fun_default;
chain2.asWebStream = asWebStream_default;
chain2.dataSource = dataSource_default;

// node_modules/stream-chain/src/core/index.js
var chain3 = (fns, _options) => {
  const flat = (Array.isArray(fns) ? fns : []).flat(Infinity).filter(Boolean).map((fn) => isFunctionList(fn) ? getFunctionList(fn) : fn).flat(Infinity);
  const g = gen_default(...flat);
  const c = async function* (input) {
    if (input == null) return;
    if (typeof input === "string" || input[Symbol.asyncIterator] === void 0 && input[Symbol.iterator] === void 0) {
      yield* g(input);
      return;
    }
    for await (const value of input) yield* g(value);
  };
  c.streams = null;
  c.input = null;
  c.output = null;
  return c;
};
chain3.none = none;
chain3.stop = stop;
chain3.Stop = Stop;
chain3.stopErrorSymbol = stopErrorSymbol;
chain3.isStop = isStop;
chain3.finalSymbol = finalSymbol;
chain3.finalValue = finalValue;
chain3.final = final;
chain3.isFinalValue = isFinalValue;
chain3.getFinalValue = getFinalValue;
chain3.manySymbol = manySymbol;
chain3.many = many;
chain3.isMany = isMany;
chain3.getManyValues = getManyValues;
chain3.flushSymbol = flushSymbol;
chain3.flushable = flushable;
chain3.isFlushable = isFlushable;
chain3.abortSymbol = abortSymbol;
chain3.fListSymbol = fListSymbol;
chain3.isFunctionList = isFunctionList;
chain3.getFunctionList = getFunctionList;
chain3.setFunctionList = setFunctionList;
chain3.clearFunctionList = clearFunctionList;
chain3.toMany = toMany;
chain3.normalizeMany = normalizeMany;
chain3.combineMany = combineMany;
chain3.combineManyMut = combineManyMut;
chain3.chain = chain3;
chain3.chainUnchecked = chain3;
chain3.gen = gen_default;
chain3.fun = fun_default;
chain3.dataSource = dataSource_default;

// node_modules/stream-chain/src/utils/fixUtf8Stream.js
var dropBOM = (s) => s.charCodeAt(0) === 65279 ? s.slice(1) : s;
var makeTextDecoderImpl = (options) => {
  const textDecoder = new TextDecoder("utf-8", { ignoreBOM: true });
  let atStart = !options?.ignoreBOM;
  return flushable((chunk) => {
    let s;
    if (chunk === none) s = textDecoder.decode();
    else if (typeof chunk == "string") s = chunk;
    else if (chunk instanceof Uint8Array) s = textDecoder.decode(chunk, { stream: true });
    else throw new TypeError("Expected a string or a Uint8Array");
    if (!atStart || !s) return s;
    atStart = false;
    return dropBOM(s);
  });
};
var makeStringDecoderImpl = (StringDecoder) => (options) => {
  const stringDecoder = new StringDecoder();
  let atStart = !options?.ignoreBOM;
  return flushable((chunk) => {
    let s;
    if (chunk === none) s = stringDecoder.end();
    else if (typeof chunk == "string") s = chunk;
    else if (chunk instanceof Uint8Array) s = stringDecoder.write(chunk);
    else throw new TypeError("Expected a string or a Uint8Array");
    if (!atStart || !s) return s;
    atStart = false;
    return dropBOM(s);
  });
};
var impl = makeTextDecoderImpl;
var isDeno = typeof globalThis["Deno"] == "object" && globalThis["Deno"]?.version;
var isBun = typeof globalThis["Bun"] == "object" && globalThis["Bun"]?.version;
var isNode = !isDeno && !isBun && typeof process == "object" && process?.versions?.node;
var readyPromise = isNode ? import("node:string_decoder").then(
  ({ StringDecoder }) => {
    impl = makeStringDecoderImpl(StringDecoder);
  },
  () => {
  }
  // squelch — stick with TextDecoder
) : Promise.resolve();
var fixUtf8Stream = (options) => impl(options);
var fixUtf8Stream_default = fixUtf8Stream;

// node_modules/stream-json/src/core/parser.js
var patterns = {
  value1: /[\"\{\[\]\-\d]|true\b|false\b|null\b|\s{1,256}/y,
  string: /[^\x00-\x1f\"\\]{1,256}|\\[bfnrt\"\\\/]|\\u[\da-fA-F]{4}|\"/y,
  numberStart: /\d/y,
  numberDigit: /\d{0,256}/y,
  numberFraction: /[\.eE]/y,
  numberExponent: /[eE]/y,
  numberExpSign: /[-+]/y
};
var MAX_PATTERN_SIZE = 16;
patterns.numberFracStart = patterns.numberExpStart = patterns.numberStart;
patterns.numberFracDigit = patterns.numberExpDigit = patterns.numberDigit;
var expected = { object: "objectStop", array: "arrayStop", "": "done" };
var tokenStartObject = { name: "startObject" };
var tokenEndObject = { name: "endObject" };
var tokenStartArray = { name: "startArray" };
var tokenEndArray = { name: "endArray" };
var tokenStartString = { name: "startString" };
var tokenEndString = { name: "endString" };
var tokenStartNumber = { name: "startNumber" };
var tokenEndNumber = { name: "endNumber" };
var tokenStartKey = { name: "startKey" };
var tokenEndKey = { name: "endKey" };
var literalTokens = {
  true: { name: "trueValue", value: true },
  false: { name: "falseValue", value: false },
  null: { name: "nullValue", value: null }
};
var fromHex = (s) => String.fromCharCode(parseInt(s.slice(2), 16));
var codes = { b: "\b", f: "\f", n: "\n", r: "\r", t: "	", '"': '"', "\\": "\\", "/": "/" };
var ASCII_TAB = "	".charCodeAt(0);
var ASCII_LF = "\n".charCodeAt(0);
var ASCII_CR = "\r".charCodeAt(0);
var ASCII_SPACE = " ".charCodeAt(0);
var ASCII_QUOTE = '"'.charCodeAt(0);
var ASCII_BACKSLASH = "\\".charCodeAt(0);
var ASCII_OPEN_BRACE = "{".charCodeAt(0);
var ASCII_CLOSE_BRACE = "}".charCodeAt(0);
var ASCII_OPEN_BRACKET = "[".charCodeAt(0);
var ASCII_CLOSE_BRACKET = "]".charCodeAt(0);
var ASCII_MINUS = "-".charCodeAt(0);
var ASCII_COLON = ":".charCodeAt(0);
var ASCII_COMMA = ",".charCodeAt(0);
var ASCII_ZERO = "0".charCodeAt(0);
var ASCII_NINE = "9".charCodeAt(0);
var ASCII_UPPER_A = "A".charCodeAt(0);
var ASCII_UPPER_F = "F".charCodeAt(0);
var ASCII_LOWER_A = "a".charCodeAt(0);
var ASCII_LOWER_F = "f".charCodeAt(0);
var ASCII_LOWER_N = "n".charCodeAt(0);
var ASCII_LOWER_T = "t".charCodeAt(0);
var ASCII_LOWER_U = "u".charCodeAt(0);
var HIGH_SURROGATE_FIRST = 55296;
var HIGH_SURROGATE_LAST = 56319;
var TERM = [];
for (const ch of ",}] 	\n\r") TERM[ch.charCodeAt(0)] = 1;
var numberFull = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?/y;
var HEX = (c) => c >= ASCII_ZERO && c <= ASCII_NINE || c >= ASCII_UPPER_A && c <= ASCII_UPPER_F || c >= ASCII_LOWER_A && c <= ASCII_LOWER_F;
var jsonParser = (options) => {
  let packKeys = true, packStrings = true, packNumbers = true, streamKeys = true, streamStrings = true, streamNumbers = true, jsonStreaming = false;
  if (options) {
    "packValues" in options && (packKeys = packStrings = packNumbers = options.packValues);
    "packKeys" in options && (packKeys = options.packKeys);
    "packStrings" in options && (packStrings = options.packStrings);
    "packNumbers" in options && (packNumbers = options.packNumbers);
    "streamValues" in options && (streamKeys = streamStrings = streamNumbers = options.streamValues);
    "streamKeys" in options && (streamKeys = options.streamKeys);
    "streamStrings" in options && (streamStrings = options.streamStrings);
    "streamNumbers" in options && (streamNumbers = options.streamNumbers);
    jsonStreaming = options.jsonStreaming;
  }
  !packKeys && (streamKeys = true);
  !packStrings && (streamStrings = true);
  !packNumbers && (streamNumbers = true);
  let done = false, expect = jsonStreaming ? "done" : "value", parent = "", openNumber = false, accumulator = "", heldSurrogate = "", buffer = "";
  const stack = [];
  const pushStringChunk = (tokens, value) => {
    if (heldSurrogate) {
      value = heldSurrogate + value;
      heldSurrogate = "";
    }
    const last = value.charCodeAt(value.length - 1);
    if (last >= HIGH_SURROGATE_FIRST && last <= HIGH_SURROGATE_LAST) {
      heldSurrogate = value.charAt(value.length - 1);
      if (value.length === 1) return;
      value = value.slice(0, -1);
    }
    tokens.push({ name: "stringChunk", value });
  };
  return flushable((buf) => {
    const tokens = [];
    if (buf === none) {
      done = true;
    } else {
      buffer += buf;
    }
    let match, fm, s, e, q, rs, cc, value, index = 0;
    main: for (; ; ) {
      switch (expect) {
        case "value1":
        case "value": {
          while (index < buffer.length) {
            cc = buffer.charCodeAt(index);
            if (cc === ASCII_SPACE || cc === ASCII_TAB || cc === ASCII_LF || cc === ASCII_CR) {
              ++index;
              continue;
            }
            break;
          }
          if (index >= buffer.length) {
            if (done) throw new Error("Parser has expected a value");
            break main;
          }
          cc = buffer.charCodeAt(index);
          if (cc === ASCII_QUOTE) {
            q = index + 1;
            rs = q;
            s = "";
            for (; ; ) {
              if (q >= buffer.length) {
                q = -1;
                break;
              }
              e = buffer.charCodeAt(q);
              if (e === ASCII_QUOTE) {
                s += buffer.slice(rs, q);
                break;
              }
              if (e < ASCII_SPACE) {
                q = -1;
                break;
              }
              if (e === ASCII_BACKSLASH) {
                if (q + 1 >= buffer.length) {
                  q = -1;
                  break;
                }
                cc = buffer.charCodeAt(q + 1);
                if (cc === ASCII_LOWER_U) {
                  if (q + 6 > buffer.length || !(HEX(buffer.charCodeAt(q + 2)) && HEX(buffer.charCodeAt(q + 3)) && HEX(buffer.charCodeAt(q + 4)) && HEX(buffer.charCodeAt(q + 5)))) {
                    q = -1;
                    break;
                  }
                  s += buffer.slice(rs, q) + String.fromCharCode(parseInt(buffer.slice(q + 2, q + 6), 16));
                  q += 6;
                } else {
                  value = codes[buffer.charAt(q + 1)];
                  if (value === void 0) {
                    q = -1;
                    break;
                  }
                  s += buffer.slice(rs, q) + value;
                  q += 2;
                }
                rs = q;
                continue;
              }
              ++q;
            }
            if (q >= 0) {
              if (streamStrings) {
                tokens.push(tokenStartString);
                if (s) tokens.push({ name: "stringChunk", value: s });
                tokens.push(tokenEndString);
              }
              if (packStrings) tokens.push({ name: "stringValue", value: s });
              index = q + 1;
              expect = expected[parent];
              continue main;
            }
            if (streamStrings) tokens.push(tokenStartString);
            expect = "string";
            ++index;
            continue main;
          }
          if (cc === ASCII_OPEN_BRACE) {
            tokens.push(tokenStartObject);
            stack.push(parent);
            parent = "object";
            expect = "key1";
            ++index;
            continue main;
          }
          if (cc === ASCII_OPEN_BRACKET) {
            tokens.push(tokenStartArray);
            stack.push(parent);
            parent = "array";
            expect = "value1";
            ++index;
            continue main;
          }
          if (cc === ASCII_CLOSE_BRACKET) {
            if (expect !== "value1") throw new Error("Parser cannot parse input: unexpected token ']'");
            tokens.push(tokenEndArray);
            parent = stack.pop();
            expect = expected[parent];
            ++index;
            continue main;
          }
          if (cc === ASCII_MINUS || cc >= ASCII_ZERO && cc <= ASCII_NINE) {
            numberFull.lastIndex = index;
            fm = numberFull.exec(buffer);
            if (fm) {
              e = index + fm[0].length;
              if (e < buffer.length && TERM[buffer.charCodeAt(e)]) {
                s = fm[0];
                if (streamNumbers) tokens.push(tokenStartNumber, { name: "numberChunk", value: s }, tokenEndNumber);
                if (packNumbers) tokens.push({ name: "numberValue", value: s });
                index = e;
                expect = expected[parent];
                continue main;
              }
            }
            openNumber = true;
            if (cc === ASCII_MINUS) {
              if (streamNumbers) tokens.push(tokenStartNumber, { name: "numberChunk", value: "-" });
              packNumbers && (accumulator = "-");
              expect = "numberStart";
            } else if (cc === ASCII_ZERO) {
              if (streamNumbers) tokens.push(tokenStartNumber, { name: "numberChunk", value: "0" });
              packNumbers && (accumulator = "0");
              expect = "numberFraction";
            } else {
              s = buffer.charAt(index);
              if (streamNumbers) tokens.push(tokenStartNumber, { name: "numberChunk", value: s });
              packNumbers && (accumulator = s);
              expect = "numberDigit";
            }
            ++index;
            continue main;
          }
          if (cc === ASCII_LOWER_T || cc === ASCII_LOWER_F || cc === ASCII_LOWER_N) {
            patterns.value1.lastIndex = index;
            match = patterns.value1.exec(buffer);
            if (!match) {
              if (done || index + MAX_PATTERN_SIZE < buffer.length) {
                throw new Error("Parser cannot parse input: expected a value");
              }
              break main;
            }
            value = match[0];
            if (buffer.length - index === value.length && !done) break main;
            tokens.push(literalTokens[value]);
            expect = expected[parent];
            index += value.length;
            continue main;
          }
          throw new Error("Parser cannot parse input: expected a value");
        }
        // incremental string body (escapes / long / cross-chunk)
        case "keyVal":
        case "string":
          patterns.string.lastIndex = index;
          match = patterns.string.exec(buffer);
          if (!match) {
            if (index < buffer.length && (done || buffer.length - index >= 6)) throw new Error("Parser cannot parse input: escaped characters");
            if (done) throw new Error("Parser has expected a string value");
            break main;
          }
          value = match[0];
          if (value === '"') {
            if (heldSurrogate) {
              tokens.push({ name: "stringChunk", value: heldSurrogate });
              heldSurrogate = "";
            }
            if (expect === "keyVal") {
              if (streamKeys) tokens.push(tokenEndKey);
              if (packKeys) {
                tokens.push({ name: "keyValue", value: accumulator });
                accumulator = "";
              }
              expect = "colon";
            } else {
              if (streamStrings) tokens.push(tokenEndString);
              if (packStrings) {
                tokens.push({ name: "stringValue", value: accumulator });
                accumulator = "";
              }
              expect = expected[parent];
            }
          } else if (value.length > 1 && value.charAt(0) === "\\") {
            const t = value.length == 2 ? codes[value.charAt(1)] : fromHex(value);
            if (expect === "keyVal" ? streamKeys : streamStrings) {
              pushStringChunk(tokens, t);
            }
            if (expect === "keyVal" ? packKeys : packStrings) {
              accumulator += t;
            }
          } else {
            if (expect === "keyVal" ? streamKeys : streamStrings) {
              pushStringChunk(tokens, value);
            }
            if (expect === "keyVal" ? packKeys : packStrings) {
              accumulator += value;
            }
          }
          index += value.length;
          break;
        case "key1":
        case "key": {
          while (index < buffer.length) {
            cc = buffer.charCodeAt(index);
            if (cc === ASCII_SPACE || cc === ASCII_TAB || cc === ASCII_LF || cc === ASCII_CR) {
              ++index;
              continue;
            }
            break;
          }
          if (index >= buffer.length) {
            if (done) throw new Error("Parser cannot parse input: expected an object key");
            break main;
          }
          cc = buffer.charCodeAt(index);
          if (cc === ASCII_QUOTE) {
            q = index + 1;
            rs = q;
            s = "";
            for (; ; ) {
              if (q >= buffer.length) {
                q = -1;
                break;
              }
              e = buffer.charCodeAt(q);
              if (e === ASCII_QUOTE) {
                s += buffer.slice(rs, q);
                break;
              }
              if (e < ASCII_SPACE) {
                q = -1;
                break;
              }
              if (e === ASCII_BACKSLASH) {
                if (q + 1 >= buffer.length) {
                  q = -1;
                  break;
                }
                cc = buffer.charCodeAt(q + 1);
                if (cc === ASCII_LOWER_U) {
                  if (q + 6 > buffer.length || !(HEX(buffer.charCodeAt(q + 2)) && HEX(buffer.charCodeAt(q + 3)) && HEX(buffer.charCodeAt(q + 4)) && HEX(buffer.charCodeAt(q + 5)))) {
                    q = -1;
                    break;
                  }
                  s += buffer.slice(rs, q) + String.fromCharCode(parseInt(buffer.slice(q + 2, q + 6), 16));
                  q += 6;
                } else {
                  value = codes[buffer.charAt(q + 1)];
                  if (value === void 0) {
                    q = -1;
                    break;
                  }
                  s += buffer.slice(rs, q) + value;
                  q += 2;
                }
                rs = q;
                continue;
              }
              ++q;
            }
            if (q >= 0) {
              if (streamKeys) {
                tokens.push(tokenStartKey);
                if (s) tokens.push({ name: "stringChunk", value: s });
                tokens.push(tokenEndKey);
              }
              if (packKeys) tokens.push({ name: "keyValue", value: s });
              index = q + 1;
              expect = "colon";
              continue main;
            }
            if (streamKeys) tokens.push(tokenStartKey);
            expect = "keyVal";
            ++index;
            continue main;
          }
          if (cc === ASCII_CLOSE_BRACE) {
            if (expect !== "key1") throw new Error("Parser cannot parse input: unexpected token '}'");
            tokens.push(tokenEndObject);
            parent = stack.pop();
            expect = expected[parent];
            ++index;
            continue main;
          }
          throw new Error("Parser cannot parse input: expected an object key");
        }
        case "colon": {
          while (index < buffer.length) {
            cc = buffer.charCodeAt(index);
            if (cc === ASCII_SPACE || cc === ASCII_TAB || cc === ASCII_LF || cc === ASCII_CR) {
              ++index;
              continue;
            }
            break;
          }
          if (index >= buffer.length) {
            if (done) throw new Error("Parser cannot parse input: expected ':'");
            break main;
          }
          cc = buffer.charCodeAt(index);
          if (cc === ASCII_COLON) {
            expect = "value";
            ++index;
            continue main;
          }
          throw new Error("Parser cannot parse input: expected ':'");
        }
        case "arrayStop":
        case "objectStop": {
          while (index < buffer.length) {
            cc = buffer.charCodeAt(index);
            if (cc === ASCII_SPACE || cc === ASCII_TAB || cc === ASCII_LF || cc === ASCII_CR) {
              ++index;
              continue;
            }
            break;
          }
          if (index >= buffer.length) {
            if (done) throw new Error("Parser cannot parse input: expected ','");
            break main;
          }
          if (openNumber) {
            if (streamNumbers) tokens.push(tokenEndNumber);
            openNumber = false;
            if (packNumbers) {
              tokens.push({ name: "numberValue", value: accumulator });
              accumulator = "";
            }
          }
          cc = buffer.charCodeAt(index);
          if (cc === ASCII_COMMA) {
            expect = expect === "arrayStop" ? "value" : "key";
            ++index;
            continue main;
          }
          if (cc === ASCII_CLOSE_BRACE || cc === ASCII_CLOSE_BRACKET) {
            if (cc === ASCII_CLOSE_BRACE ? expect === "arrayStop" : expect !== "arrayStop") {
              throw new Error("Parser cannot parse input: expected '" + (expect === "arrayStop" ? "]" : "}") + "'");
            }
            tokens.push(cc === ASCII_CLOSE_BRACE ? tokenEndObject : tokenEndArray);
            parent = stack.pop();
            expect = expected[parent];
            ++index;
            continue main;
          }
          throw new Error("Parser cannot parse input: expected ','");
        }
        // number chunks — cross-chunk / fallback
        case "numberStart":
          patterns.numberStart.lastIndex = index;
          match = patterns.numberStart.exec(buffer);
          if (!match) {
            if (index < buffer.length || done) throw new Error("Parser cannot parse input: expected a starting digit");
            break main;
          }
          value = match[0];
          if (streamNumbers) tokens.push({ name: "numberChunk", value });
          packNumbers && (accumulator += value);
          expect = value === "0" ? "numberFraction" : "numberDigit";
          index += value.length;
          break;
        case "numberDigit":
          patterns.numberDigit.lastIndex = index;
          match = patterns.numberDigit.exec(buffer);
          if (!match) {
            if (index < buffer.length || done) throw new Error("Parser cannot parse input: expected a digit");
            break main;
          }
          value = match[0];
          if (value) {
            if (streamNumbers) tokens.push({ name: "numberChunk", value });
            packNumbers && (accumulator += value);
            index += value.length;
          } else {
            if (index < buffer.length) {
              expect = "numberFraction";
              break;
            }
            if (done) {
              expect = expected[parent];
              break;
            }
            break main;
          }
          break;
        case "numberFraction":
          patterns.numberFraction.lastIndex = index;
          match = patterns.numberFraction.exec(buffer);
          if (!match) {
            if (index < buffer.length || done) {
              expect = expected[parent];
              break;
            }
            break main;
          }
          value = match[0];
          if (streamNumbers) tokens.push({ name: "numberChunk", value });
          packNumbers && (accumulator += value);
          expect = value === "." ? "numberFracStart" : "numberExpSign";
          index += value.length;
          break;
        case "numberFracStart":
          patterns.numberFracStart.lastIndex = index;
          match = patterns.numberFracStart.exec(buffer);
          if (!match) {
            if (index < buffer.length || done) throw new Error("Parser cannot parse input: expected a fractional part of a number");
            break main;
          }
          value = match[0];
          if (streamNumbers) tokens.push({ name: "numberChunk", value });
          packNumbers && (accumulator += value);
          expect = "numberFracDigit";
          index += value.length;
          break;
        case "numberFracDigit":
          patterns.numberFracDigit.lastIndex = index;
          match = patterns.numberFracDigit.exec(buffer);
          value = match[0];
          if (value) {
            if (streamNumbers) tokens.push({ name: "numberChunk", value });
            packNumbers && (accumulator += value);
            index += value.length;
          } else {
            if (index < buffer.length) {
              expect = "numberExponent";
              break;
            }
            if (done) {
              expect = expected[parent];
              break;
            }
            break main;
          }
          break;
        case "numberExponent":
          patterns.numberExponent.lastIndex = index;
          match = patterns.numberExponent.exec(buffer);
          if (!match) {
            if (index < buffer.length) {
              expect = expected[parent];
              break;
            }
            if (done) {
              expect = expected[parent];
              break;
            }
            break main;
          }
          value = match[0];
          if (streamNumbers) tokens.push({ name: "numberChunk", value });
          packNumbers && (accumulator += value);
          expect = "numberExpSign";
          index += value.length;
          break;
        case "numberExpSign":
          patterns.numberExpSign.lastIndex = index;
          match = patterns.numberExpSign.exec(buffer);
          if (!match) {
            if (index < buffer.length) {
              expect = "numberExpStart";
              break;
            }
            if (done) throw new Error("Parser has expected an exponent value of a number");
            break main;
          }
          value = match[0];
          if (streamNumbers) tokens.push({ name: "numberChunk", value });
          packNumbers && (accumulator += value);
          expect = "numberExpStart";
          index += value.length;
          break;
        case "numberExpStart":
          patterns.numberExpStart.lastIndex = index;
          match = patterns.numberExpStart.exec(buffer);
          if (!match) {
            if (index < buffer.length || done) throw new Error("Parser cannot parse input: expected an exponent part of a number");
            break main;
          }
          value = match[0];
          if (streamNumbers) tokens.push({ name: "numberChunk", value });
          packNumbers && (accumulator += value);
          expect = "numberExpDigit";
          index += value.length;
          break;
        case "numberExpDigit":
          patterns.numberExpDigit.lastIndex = index;
          match = patterns.numberExpDigit.exec(buffer);
          value = match[0];
          if (value) {
            if (streamNumbers) tokens.push({ name: "numberChunk", value });
            packNumbers && (accumulator += value);
            index += value.length;
          } else {
            if (index < buffer.length || done) {
              expect = expected[parent];
              break;
            }
            break main;
          }
          break;
        case "done": {
          while (index < buffer.length) {
            cc = buffer.charCodeAt(index);
            if (cc === ASCII_SPACE || cc === ASCII_TAB || cc === ASCII_LF || cc === ASCII_CR) {
              if (openNumber) {
                if (streamNumbers) tokens.push(tokenEndNumber);
                openNumber = false;
                if (packNumbers) {
                  tokens.push({ name: "numberValue", value: accumulator });
                  accumulator = "";
                }
              }
              ++index;
              continue;
            }
            break;
          }
          if (index >= buffer.length) break main;
          if (jsonStreaming) {
            if (openNumber) {
              if (streamNumbers) tokens.push(tokenEndNumber);
              openNumber = false;
              if (packNumbers) {
                tokens.push({ name: "numberValue", value: accumulator });
                accumulator = "";
              }
            }
            expect = "value";
            continue main;
          }
          throw new Error("Parser cannot parse input: unexpected characters");
        }
      }
    }
    if (done && openNumber) {
      if (streamNumbers) tokens.push(tokenEndNumber);
      openNumber = false;
      if (packNumbers) {
        tokens.push({ name: "numberValue", value: accumulator });
        accumulator = "";
      }
    }
    buffer = buffer.slice(index);
    return tokens.length ? many(tokens) : none;
  });
};
var parser = (options) => gen_default(fixUtf8Stream_default(options), jsonParser(options));
parser.parser = parser;
var parser_default = parser;

// node_modules/stream-json/src/parser.js
parser_default.asStream = (options) => asStream_default(parser_default(options), { writableObjectMode: true, readableObjectMode: true, ...options });
parser_default.asWebStream = (options) => asWebStream_default(parser_default(options), { writableObjectMode: true, readableObjectMode: true, ...options });
var parser_default2 = parser_default;

// node_modules/stream-json/src/index.js
var parserStream = parser_default2.asStream;

// node_modules/stream-json/src/core/utils/path-matcher.js
var DIVERGED = -1;
var MATCHED = -2;
var defaultFilter = () => true;
var toPart = (key2) => key2 == null ? "" : "" + key2;
var PathMatcher = class {
  constructor(filter, separator = ".") {
    this.filter = filter;
    this.separator = separator;
    this.stateful = true;
    if (typeof filter == "string") {
      this.filterWithSeparator = filter + separator;
      this.states = [0];
      return;
    }
    if (filter instanceof RegExp) {
      this.paths = [""];
      this.extend = this._extendRegExp;
      this.test = this._testRegExp;
      this.testRecorded = this._testRecordedRegExp;
      return;
    }
    this.stateful = false;
    this.extend = this._extendNothing;
    this.test = this.testRecorded = typeof filter == "function" ? filter : defaultFilter;
  }
  extend(stack) {
    const length = stack.length;
    if (length) this.states[length] = this._step(this.states[length - 1], stack[length - 1], length === 1);
  }
  test(stack, _chunk) {
    const length = stack.length;
    return this._isMatch(length ? this._step(this.states[length - 1], stack[length - 1], length === 1) : 0);
  }
  testRecorded(stack) {
    return this._isMatch(this.states[stack.length]);
  }
  _isMatch(state) {
    return state === MATCHED || state === this.filter.length;
  }
  // state: a position when the path is a proper prefix of filter + separator
  _step(state, key2, isRoot) {
    if (!isRoot) state = this._append(state, this.separator);
    return this._append(state, toPart(key2));
  }
  _append(state, part) {
    if (state < 0) return state;
    const filterWithSeparator = this.filterWithSeparator;
    if (part.length < filterWithSeparator.length - state) return filterWithSeparator.startsWith(part, state) ? state + part.length : DIVERGED;
    return part.startsWith(filterWithSeparator.slice(state)) ? MATCHED : DIVERGED;
  }
  _extendRegExp(stack) {
    const length = stack.length;
    if (length) this.paths[length] = length === 1 ? toPart(stack[0]) : [this.paths[length - 1], this.separator, toPart(stack[length - 1])].join("");
  }
  _testRegExp(stack, _chunk) {
    const length = stack.length, filter = this.filter;
    filter.lastIndex = 0;
    if (!length) return filter.test("");
    return filter.test(length === 1 ? toPart(stack[0]) : this.paths[length - 1] + this.separator + toPart(stack[length - 1]));
  }
  _testRecordedRegExp(stack) {
    const filter = this.filter;
    filter.lastIndex = 0;
    return filter.test(this.paths[stack.length]);
  }
  _extendNothing(_stack) {
  }
};
var path_matcher_default = PathMatcher;

// node_modules/stream-json/src/core/filters/filter-base.js
var checkableTokens = {
  startObject: 1,
  startArray: 1,
  startString: 1,
  startNumber: 1,
  nullValue: 1,
  trueValue: 1,
  falseValue: 1,
  stringValue: 1,
  numberValue: 1
};
var stopTokens = {
  startObject: "endObject",
  startArray: "endArray",
  startString: "endString",
  startNumber: "endNumber"
};
var optionalTokens = { endString: "stringValue", endNumber: "numberValue" };
var defaultFilter2 = () => true;
var DEFAULT_MAX_DEPTH = 1024;
var filterBase = ({
  specialAction = "accept",
  defaultAction = "ignore",
  nonCheckableAction = "process-key",
  transition
} = {}) => (options) => {
  const once = options?.once, separator = options?.pathSeparator || ".", maxDepth = options?.maxDepth ?? DEFAULT_MAX_DEPTH;
  let filter = defaultFilter2;
  let streamKeys = false, mirrorStreamKeys = true;
  if (options) {
    if (typeof options.filter == "function" || typeof options.filter == "string" || options.filter instanceof RegExp) {
      filter = options.filter;
    }
    if ("streamValues" in options) {
      streamKeys = options.streamValues;
      mirrorStreamKeys = false;
    }
    if ("streamKeys" in options) {
      streamKeys = options.streamKeys;
      mirrorStreamKeys = false;
    }
  }
  const sanitizedOptions = { ...options, filter, streamKeys, separator }, matcher = new path_matcher_default(options?.filter, separator), passToken = transition ? none : stop;
  let state = "check", stack = [], depth = 0, previousToken = "", endToken = "", optionalToken = "", startTransition = false, matched = false;
  return flushable((chunk) => {
    if (chunk === none) return transition && state !== "all" ? transition([], null, "flush", sanitizedOptions) : none;
    if (optionalToken) {
      if (optionalToken === chunk.name) {
        let returnToken2 = none;
        switch (state) {
          case "process-key":
            stack[stack.length - 1] = chunk.value;
            state = "check";
            break;
          case "accept-value":
            returnToken2 = chunk;
            state = once && matched ? "pass" : "check";
            break;
          default:
            state = once ? "all" : "check";
            break;
        }
        optionalToken = "";
        return returnToken2;
      }
      optionalToken = "";
      state = once && matched ? state === "reject-value" ? "all" : "pass" : "check";
    }
    let returnToken = none;
    recheck: for (; ; ) {
      switch (state) {
        case "process-key":
          if (chunk.name === "endKey") optionalToken = "keyValue";
          return none;
        case "pass":
          return passToken;
        case "all":
          return chunk;
        case "accept":
        case "reject":
          if (startTransition) {
            startTransition = false;
            returnToken = transition(stack, chunk, state, sanitizedOptions) || none;
          }
          switch (chunk.name) {
            case "startObject":
            case "startArray":
              ++depth;
              break;
            case "endObject":
            case "endArray":
              --depth;
              break;
          }
          if (state === "accept") {
            returnToken = combineManyMut(returnToken, chunk);
          }
          if (!depth) {
            if (once) {
              state = state === "accept" ? "pass" : "all";
            } else {
              state = "check";
            }
          }
          return returnToken;
        case "accept-value":
        case "reject-value":
          if (startTransition) {
            startTransition = false;
            returnToken = transition(stack, chunk, state, sanitizedOptions) || none;
          }
          if (state === "accept-value") {
            returnToken = combineManyMut(returnToken, chunk);
          }
          if (chunk.name === endToken) {
            optionalToken = optionalTokens[endToken];
            endToken = "";
          }
          return returnToken;
      }
      if (typeof stack[stack.length - 1] == "number") {
        switch (chunk.name) {
          case "startObject":
          case "startArray":
          case "startString":
          case "startNumber":
          case "nullValue":
          case "trueValue":
          case "falseValue":
            ++stack[stack.length - 1];
            break;
          case "numberValue":
            if (previousToken !== "endNumber") ++stack[stack.length - 1];
            break;
          case "stringValue":
            if (previousToken !== "endString") ++stack[stack.length - 1];
            break;
        }
      } else {
        if (chunk.name === "keyValue") stack[stack.length - 1] = chunk.value;
      }
      previousToken = chunk.name;
      let action = nonCheckableAction;
      if (checkableTokens[chunk.name] === 1) {
        if (stack.length > maxDepth) throw new RangeError(`filter: JSON nesting depth exceeds maxDepth (${maxDepth})`);
        action = matcher.test(stack, chunk) ? specialAction : defaultAction;
      }
      endToken = stopTokens[chunk.name] || "";
      matched = action === specialAction;
      switch (action) {
        case "process-key":
          if (chunk.name === "startKey") {
            if (mirrorStreamKeys) sanitizedOptions.streamKeys = true;
            state = "process-key";
            continue recheck;
          }
          break;
        case "accept-token":
          if (endToken && optionalTokens[endToken]) {
            state = "accept-value";
            startTransition = !!transition;
            continue recheck;
          }
          if (transition) returnToken = transition(stack, chunk, action, sanitizedOptions);
          returnToken = combineManyMut(returnToken, chunk);
          if (once && matched) state = "pass";
          break;
        case "accept":
          if (endToken) {
            state = optionalTokens[endToken] ? "accept-value" : "accept";
            startTransition = !!transition;
            continue recheck;
          }
          if (transition) returnToken = transition(stack, chunk, action, sanitizedOptions);
          returnToken = combineManyMut(returnToken, chunk);
          if (once) state = "pass";
          break;
        case "reject":
          if (endToken) {
            state = optionalTokens[endToken] ? "reject-value" : "reject";
            startTransition = !!transition;
            continue recheck;
          }
          if (transition) returnToken = transition(stack, chunk, action, sanitizedOptions);
          if (once) state = "all";
          break;
        case "pass":
          state = "pass";
          continue recheck;
      }
      break;
    }
    switch (chunk.name) {
      case "startObject":
        matcher.extend(stack);
        stack.push(null);
        break;
      case "startArray":
        matcher.extend(stack);
        stack.push(-1);
        break;
      case "endObject":
      case "endArray":
        stack.pop();
        break;
    }
    return returnToken;
  });
};
var makeStackDiffer = (previousStack = []) => (stack, chunk, options) => {
  const returnTokens = [];
  let commonLength = 0;
  for (const n = Math.min(stack.length, previousStack.length); commonLength < n && stack[commonLength] === previousStack[commonLength]; ++commonLength) ;
  for (let i = previousStack.length - 1; i > commonLength; --i) {
    returnTokens.push({ name: typeof previousStack[i] == "number" ? "endArray" : "endObject" });
  }
  if (commonLength < previousStack.length) {
    if (commonLength < stack.length) {
      const key2 = stack[commonLength];
      if (typeof key2 == "string") {
        if (options?.streamKeys) {
          returnTokens.push({ name: "startKey" }, { name: "stringChunk", value: key2 }, { name: "endKey" });
        }
        returnTokens.push({ name: "keyValue", value: key2 });
      } else if (typeof key2 == "number" && options?.skippedArrayValue) {
        for (let i = Math.max(0, previousStack[commonLength] + 1); i < key2; ++i) {
          returnTokens.push(...options.skippedArrayValue);
        }
      }
      previousStack[commonLength] = key2;
      ++commonLength;
    } else {
      returnTokens.push({ name: typeof previousStack[commonLength] == "number" ? "endArray" : "endObject" });
    }
  }
  previousStack.splice(commonLength);
  for (let i = commonLength; i < stack.length; ++i) {
    const key2 = stack[i];
    previousStack.push(key2);
    if (typeof key2 == "number") {
      if (key2 >= 0) {
        returnTokens.push({ name: "startArray" });
        if (options?.skippedArrayValue) {
          for (let j = 0; j < key2; ++j) {
            returnTokens.push(...options.skippedArrayValue);
          }
        }
      }
    } else if (typeof key2 == "string") {
      returnTokens.push({ name: "startObject" });
      if (options?.streamKeys) {
        returnTokens.push({ name: "startKey" }, { name: "stringChunk", value: key2 }, { name: "endKey" });
      }
      returnTokens.push({ name: "keyValue", value: key2 });
    }
  }
  switch (chunk?.name) {
    case "startObject":
      previousStack.push(null);
      break;
    case "startArray":
      previousStack.push(-1);
      break;
  }
  return many(returnTokens);
};
filterBase.filterBase = filterBase;
filterBase.makeStackDiffer = makeStackDiffer;
var filter_base_default = filterBase;

// node_modules/stream-json/src/core/filters/pick.js
var pick = (
  /** @type {any} */
  filter_base_default()
);
pick.pick = pick;
var pick_default = pick;

// node_modules/stream-json/src/core/utils/with-parser.js
var withParser = (fn, options) => gen_default(parser_default(options), fn(options));
withParser.withParser = withParser;
var with_parser_default = withParser;

// node_modules/stream-json/src/utils/with-parser.js
with_parser_default.asStream = (fn, options) => asStream_default(with_parser_default(fn, options), { ...options, writableObjectMode: false, readableObjectMode: true });
with_parser_default.asWebStream = (fn, options) => asWebStream_default(with_parser_default(fn, options), { ...options, writableObjectMode: false, readableObjectMode: true });
var with_parser_default2 = with_parser_default;

// node_modules/stream-json/src/filters/pick.js
pick_default.asStream = (options) => asStream_default(pick_default(options), { writableObjectMode: true, readableObjectMode: true, ...options });
pick_default.asWebStream = (options) => asWebStream_default(pick_default(options), { writableObjectMode: true, readableObjectMode: true, ...options });
pick_default.withParser = (options) => with_parser_default2(pick_default, { packKeys: true, ...options });
pick_default.withParserAsStream = (options) => (
  /** @type {any} */
  with_parser_default2.asStream(pick_default, { packKeys: true, ...options })
);
pick_default.withParserAsWebStream = (options) => (
  /** @type {any} */
  with_parser_default2.asWebStream(pick_default, { packKeys: true, ...options })
);

// node_modules/stream-json/src/core/assembler.js
var startObject = (Ctr) => (
  /** @this {Assembler} */
  function() {
    if (this.done) {
      this.done = false;
    } else {
      this.stack.push(this.current, this.key);
    }
    this.current = new Ctr();
    this.key = null;
  }
);
var Assembler = class _Assembler {
  static connectTo(stream, options) {
    return new _Assembler(options).connectTo(stream);
  }
  constructor(options) {
    this.stack = [];
    this.current = this.key = null;
    this.done = true;
    this._onDone = null;
    if (options) {
      this.reviver = typeof options.reviver == "function" && options.reviver;
      if (this.reviver) {
        this.stringValue = this._saveValue = this._saveValueWithReviver;
      }
      if (options.numberAsString) {
        this.numberValue = this.stringValue;
      }
      if (typeof options.onDone == "function") {
        this._onDone = options.onDone;
      }
    }
    this.tapChain = (chunk) => {
      if (this[chunk.name]) {
        this[chunk.name](chunk.value);
        if (this.done) return this.current;
      }
      return none;
    };
  }
  connectTo(stream) {
    const consume = (chunk) => {
      if (this[chunk.name]) {
        this[chunk.name](chunk.value);
        if (this.done) this._onDone?.(this);
      }
    };
    if (typeof stream?.getReader === "function") {
      const reader = stream.getReader();
      (async () => {
        try {
          for (; ; ) {
            const { done, value } = await reader.read();
            if (done) return;
            consume(value);
          }
        } finally {
          reader.releaseLock();
        }
      })();
    } else {
      stream.on("data", consume);
    }
    return this;
  }
  onDone(fn) {
    this._onDone = typeof fn == "function" ? fn : null;
    return this;
  }
  get depth() {
    return (this.stack.length >> 1) + (this.done ? 0 : 1);
  }
  get path() {
    const path = [];
    for (let i = 0; i < this.stack.length; i += 2) {
      const key2 = this.stack[i + 1];
      path.push(key2 === null ? this.stack[i].length : key2);
    }
    return path;
  }
  dropToLevel(level) {
    if (level < this.depth) {
      if (level > 0) {
        const index = level - 1 << 1;
        this.current = this.stack[index];
        this.key = this.stack[index + 1];
        this.stack.splice(index);
      } else {
        this.stack = [];
        this.current = this.key = null;
        this.done = true;
      }
    }
    return this;
  }
  consume(chunk) {
    this[chunk.name]?.(chunk.value);
    return this;
  }
  keyValue(value) {
    this.key = value;
  }
  //stringValue() - aliased below to _saveValue()
  numberValue(value) {
    this._saveValue(parseFloat(value));
  }
  nullValue() {
    this._saveValue(null);
  }
  trueValue() {
    this._saveValue(true);
  }
  falseValue() {
    this._saveValue(false);
  }
  //startObject() - assigned below
  endObject() {
    if (this.stack.length) {
      const value = this.current;
      this.key = this.stack.pop();
      this.current = this.stack.pop();
      this._saveValue(value);
    } else {
      if (this.reviver) {
        this.current = this.reviver.call({ "": this.current }, "", this.current);
      }
      this.done = true;
    }
  }
  //startArray() - assigned below
  //endArray() - aliased below to endObject()
  _saveValue(value) {
    if (this.done) {
      this.current = value;
      return;
    }
    if (this.current instanceof Array) {
      this.current.push(value);
    } else {
      if (this.key === "__proto__") {
        Object.defineProperty(this.current, this.key, { value, writable: true, enumerable: true, configurable: true });
      } else {
        this.current[this.key] = value;
      }
      this.key = null;
    }
  }
  _saveValueWithReviver(value) {
    if (this.done) {
      this.current = this.reviver.call({ "": value }, "", value);
      return;
    }
    if (this.current instanceof Array) {
      this.current.push(value);
      value = this.reviver.call(this.current, String(this.current.length - 1), value);
      if (value === void 0) {
        delete this.current[this.current.length - 1];
      } else {
        this.current[this.current.length - 1] = value;
      }
    } else {
      value = this.reviver.call(this.current, this.key, value);
      if (value !== void 0) {
        if (this.key === "__proto__") {
          Object.defineProperty(this.current, this.key, { value, writable: true, enumerable: true, configurable: true });
        } else {
          this.current[this.key] = value;
        }
      }
      this.key = null;
    }
  }
};
var proto = (
  /** @type {any} */
  Assembler.prototype
);
proto.stringValue = Assembler.prototype._saveValue;
proto.startObject = startObject(Object);
proto.startArray = startObject(Array);
proto.endArray = Assembler.prototype.endObject;
var assembler = (options) => new Assembler(options);
Assembler.assembler = assembler;

// node_modules/stream-json/src/core/streamers/stream-base.js
var Counter = class {
  constructor(initialDepth) {
    this.depth = initialDepth;
  }
  startObject() {
    ++this.depth;
  }
  endObject() {
    --this.depth;
  }
  startArray() {
    ++this.depth;
  }
  endArray() {
    --this.depth;
  }
};
var streamBase = ({ push, first, level }) => (options = {}) => {
  const { objectFilter, includeUndecided } = options;
  let asm = assembler(options);
  let state = first ? "first" : "check", savedAsm = null;
  if (typeof objectFilter != "function") {
    if (state === "check")
      return (chunk) => {
        if (asm[chunk.name]) {
          asm[chunk.name](chunk.value);
          if (asm.depth === level) {
            return push(asm);
          }
        }
        return none;
      };
    return (chunk) => {
      switch (state) {
        case "first":
          first(chunk);
          state = "accept";
        // fall through
        case "accept":
          if (asm[chunk.name]) {
            asm[chunk.name](chunk.value);
            if (asm.depth === level) {
              return push(asm);
            }
          }
          break;
      }
      return none;
    };
  }
  return (chunk) => {
    switch (state) {
      case "first":
        first(chunk);
        state = "check";
      // fall through
      case "check":
        if (asm[chunk.name]) {
          asm[chunk.name](chunk.value);
          const result = objectFilter(asm);
          if (result) {
            state = "accept";
            if (asm.depth === level) return push(asm);
          } else if (result === false) {
            if (asm.depth === level) return push(asm, true);
            state = "reject";
            savedAsm = asm;
            asm = new Counter(savedAsm.depth);
            savedAsm.dropToLevel(level);
          } else {
            if (asm.depth === level) return push(asm, !includeUndecided);
          }
        }
        break;
      case "accept":
        if (asm[chunk.name]) {
          asm[chunk.name](chunk.value);
          if (asm.depth === level) {
            state = "check";
            return push(asm);
          }
        }
        break;
      case "reject":
        if (asm[chunk.name]) {
          asm[chunk.name](chunk.value);
          if (asm.depth === level) {
            state = "check";
            asm = savedAsm;
            savedAsm = null;
            return push(asm, true);
          }
        }
        break;
    }
    return none;
  };
};
var stream_base_default = streamBase;

// node_modules/stream-json/src/core/streamers/stream-array.js
var streamArray = (options) => {
  let key2 = 0;
  return stream_base_default({
    level: 1,
    first(chunk) {
      if (chunk.name !== "startArray") throw new Error("Top-level object should be an array.");
    },
    push(asm, discard) {
      const current = (
        /** @type {unknown[]} */
        asm.current
      );
      if (current.length) {
        if (discard) {
          ++key2;
          current.pop();
        } else {
          return { key: key2++, value: current.pop() };
        }
      }
      return none;
    }
  })(options);
};
streamArray.streamArray = streamArray;
var stream_array_default = streamArray;

// node_modules/stream-json/src/streamers/stream-array.js
stream_array_default.asStream = (options) => asStream_default(stream_array_default(options), { writableObjectMode: true, readableObjectMode: true, ...options });
stream_array_default.asWebStream = (options) => asWebStream_default(stream_array_default(options), { writableObjectMode: true, readableObjectMode: true, ...options });
stream_array_default.withParser = (options) => with_parser_default2(stream_array_default, { packKeys: true, ...options });
stream_array_default.withParserAsStream = (options) => (
  /** @type {any} */
  with_parser_default2.asStream(stream_array_default, { packKeys: true, ...options })
);
stream_array_default.withParserAsWebStream = (options) => (
  /** @type {any} */
  with_parser_default2.asWebStream(stream_array_default, { packKeys: true, ...options })
);

// src/util/json-position.ts
var WS = /* @__PURE__ */ new Set([" ", "	", "\n", "\r"]);
var NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
var STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
function jsonErrorOffset(text) {
  const stack = [];
  let expect = "value";
  let justOpened = false;
  let i = 0;
  const afterValue = () => {
    expect = stack.length === 0 ? "end" : "comma-or-end";
  };
  while (i < text.length) {
    const c = text[i];
    if (WS.has(c)) {
      i++;
      continue;
    }
    const top = stack[stack.length - 1];
    if (expect === "end") return i;
    if (expect === "comma-or-end" || justOpened) {
      const closes = c === "]" && top === "[" || c === "}" && top === "{";
      if (closes) {
        stack.pop();
        justOpened = false;
        i++;
        afterValue();
        continue;
      }
      if (justOpened) justOpened = false;
      else if (c === ",") {
        expect = top === "{" ? "key" : "value";
        i++;
        continue;
      } else return i;
    }
    if (expect === "colon") {
      if (c !== ":") return i;
      expect = "value";
      i++;
      continue;
    }
    if (expect === "key") {
      STRING.lastIndex = i;
      if (!STRING.test(text)) return i;
      i = STRING.lastIndex;
      expect = "colon";
      continue;
    }
    if (c === "{" || c === "[") {
      stack.push(c);
      justOpened = true;
      expect = c === "{" ? "key" : "value";
      i++;
      continue;
    }
    const pattern = c === '"' ? STRING : NUMBER;
    pattern.lastIndex = i;
    if (pattern.test(text)) i = pattern.lastIndex;
    else {
      const literal = ["true", "false", "null"].find((word) => text.startsWith(word, i));
      if (literal === void 0) return i;
      i += literal.length;
    }
    afterValue();
  }
  return expect === "end" ? void 0 : text.length;
}
function lineAndColumn(text, offset) {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

// src/gate/har-read.ts
var STREAM_ABOVE_BYTES = 64 * 1024 * 1024;
var HarFileError = class extends Error {
  exitCode = EXIT.invalidInput;
  constructor(file, problem) {
    super(`${file} ${problem}`);
    this.name = "HarFileError";
  }
};
var NO_ENTRIES = "is not a HAR file: it has no log.entries list";
async function readHarEntries(file, options = {}) {
  const info = await stat(file).catch((error2) => {
    throw new HarFileError(
      file,
      error2.code === "ENOENT" ? "does not exist" : `cannot be read (${error2.code})`
    );
  });
  if (info.isDirectory()) throw new HarFileError(file, "is a directory: give the path of a .har file");
  if (!info.isFile()) throw new HarFileError(file, "is not a regular file");
  if (info.size > (options.streamAboveBytes ?? STREAM_ABOVE_BYTES)) {
    for await (const _ of streamEntries(file)) ;
    return { [Symbol.asyncIterator]: () => streamEntries(file)[Symbol.asyncIterator]() };
  }
  const entries = await parseWhole(file);
  return {
    async *[Symbol.asyncIterator]() {
      yield* entries;
    }
  };
}
async function parseWhole(file) {
  const text = await readFile(file, "utf8");
  let har;
  try {
    har = JSON.parse(text);
  } catch (error2) {
    throw new HarFileError(file, `is not valid JSON (${jsonErrorPlace(text, error2)})`);
  }
  const entries = har?.log?.entries;
  if (!Array.isArray(entries)) throw new HarFileError(file, NO_ENTRIES);
  entries.forEach((entry, index) => {
    const problem = entryProblem(entry);
    if (problem !== void 0) throw new HarFileError(file, `has log.entries[${index}] ${problem}`);
  });
  return entries;
}
async function* streamEntries(file) {
  let found = false;
  let bytes = 0;
  const source = createReadStream(file);
  source.on("data", (chunk) => {
    bytes += chunk.length;
  });
  const entries = node_default([
    source,
    parser_default2(),
    pick_default({
      filter: (stack) => {
        const hit = stack.length === 2 && stack[0] === "log" && stack[1] === "entries";
        found ||= hit;
        return hit;
      },
      once: true
    }),
    stream_array_default()
  ]);
  try {
    for await (const { key: key2, value } of entries) {
      const problem = entryProblem(value);
      if (problem !== void 0) throw new HarFileError(file, `has log.entries[${key2}] ${problem}`);
      yield value;
    }
  } catch (error2) {
    if (error2 instanceof HarFileError) throw error2;
    const code = error2.code;
    if (typeof code === "string") throw new HarFileError(file, `cannot be read (${code})`);
    const message = error2 instanceof Error ? error2.message : String(error2);
    if (/should be an array/i.test(message)) throw new HarFileError(file, NO_ENTRIES);
    throw new HarFileError(file, `is not valid JSON (within its first ${bytes} bytes: ${message})`);
  } finally {
    entries.destroy();
    source.destroy();
  }
  if (!found) throw new HarFileError(file, NO_ENTRIES);
}
function jsonErrorPlace(text, error2) {
  const message = (error2.message.split("\n")[0] ?? "").replace(/, \.\.\.".*$/, "");
  const offset = jsonErrorOffset(text);
  if (offset === void 0) return message;
  const { line, column } = lineAndColumn(text, offset);
  return `line ${line} column ${column}: ${message}`;
}
var isObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
function entryProblem(entry) {
  if (!isObject(entry)) return "that is not an object";
  const { request, response } = entry;
  if (!isObject(request)) return "without a request";
  if (typeof request.method !== "string" || request.method === "") return "without request.method";
  if (typeof request.url !== "string") return "without request.url";
  if (!Array.isArray(request.headers) || !request.headers.every((h) => isObject(h) && typeof h.name === "string" && typeof h.value === "string"))
    return "whose request.headers is not a list of {name, value}";
  const post = request.postData;
  if (post !== void 0 && (!isObject(post) || typeof post.text !== "string"))
    return "whose request.postData has no text";
  if (request.bodySize !== void 0 && typeof request.bodySize !== "number")
    return "whose request.bodySize is not a number";
  if (!isObject(response) || typeof response.status !== "number") return "without response.status";
  return void 0;
}

// src/gate/redact.ts
var SENSITIVE_HEADERS = /* @__PURE__ */ new Set([
  "authorization",
  "proxy-authorization",
  "cookie",
  "set-cookie",
  ...SIGNATURE_HEADERS
]);
var SENSITIVE_LENGTHS = new Set([...SENSITIVE_HEADERS].map((h) => h.length));
function isSensitiveHeader(name) {
  return SENSITIVE_LENGTHS.has(name.length) && SENSITIVE_HEADERS.has(name.toLowerCase());
}
function redactUrlPath(pathAndQuery) {
  return pathAndQuery.startsWith(`${LOGIN_PATH}?`) ? `${LOGIN_PATH}?token=redacted` : pathAndQuery;
}

// src/gate/replay.ts
var SKIPPED = /* @__PURE__ */ new Set([
  "host",
  "connection",
  "keep-alive",
  "proxy-connection",
  "transfer-encoding",
  "te",
  "trailer",
  "upgrade",
  "expect",
  "content-length",
  "x-forwarded-for",
  "x-forwarded-proto",
  "x-forwarded-host"
]);
async function replayHar(options) {
  const entries = await readHarEntries(options.harPath);
  const send3 = options.send ?? globalThis.fetch;
  const results = [];
  for await (const entry of entries) {
    let recorded;
    try {
      recorded = new URL(entry.request.url);
    } catch {
      results.push({
        method: entry.request.method,
        path: entry.request.url,
        error: "recorded URL is not valid"
      });
      continue;
    }
    const method = entry.request.method;
    const path = `${recorded.pathname}${recorded.search}`;
    if (options.filter && !options.filter.test(`${method} ${path}`)) continue;
    results.push(await replayOne(entry, recorded, method, path, options, send3));
  }
  return results;
}
function notReplayable(entry, pathname) {
  if (isReservedPath(pathname)) return "a path of the gate, not replayed";
  if (entry.response.status === 101) return "WebSocket upgrades are not replayed";
  const post = entry.request.postData;
  if (entry.request.bodySize > 0 && (post === void 0 || post._truncated || post.text === "")) {
    return "the request body was not recorded in full (raise record-body-limit)";
  }
  return void 0;
}
function recordedBody(entry) {
  const post = entry.request.postData;
  return post ? Buffer.from(post.text, post._encoding === "base64" ? "base64" : "utf8") : void 0;
}
function replayHeaders(recorded) {
  const headers = {};
  const present = /* @__PURE__ */ new Set();
  for (const { name, value } of recorded) {
    const lower = name.toLowerCase();
    present.add(lower);
    if (SKIPPED.has(lower) || value === REDACTED) continue;
    headers[lower] = headers[lower] === void 0 ? value : `${headers[lower]}, ${value}`;
  }
  return { headers, present };
}
function signAgain(scheme, secret, request) {
  const { body, signBase, path } = request;
  const signedUrl = scheme.provider === "twilio" ? twilioUrl(signBase + path, body) : signBase + path;
  const headers = scheme.sign(
    { body, url: signedUrl, nowSeconds: Math.floor(Date.now() / 1e3), headers: request.headers },
    secret
  );
  return { headers, path: signedUrl.slice(signBase.length) };
}
async function replayOne(entry, recorded, method, path, options, send3) {
  const refused2 = notReplayable(entry, recorded.pathname);
  if (refused2 !== void 0) return { method, path, error: refused2 };
  const body = recordedBody(entry);
  const base = (options.to ?? recorded.origin).replace(/\/+$/, "");
  let target = base + path;
  const { headers, present } = replayHeaders(entry.request.headers);
  let signedAs;
  for (const { provider, secret } of options.secrets ?? []) {
    const scheme = SCHEMES[provider];
    if (!scheme.signatureHeaders.some((h) => present.has(h))) continue;
    const signBase = (options.publicUrl ?? base).replace(/\/+$/, "");
    const signed = signAgain(scheme, secret, { body: body ?? Buffer.alloc(0), signBase, path, headers });
    target = base + signed.path;
    Object.assign(headers, signed.headers);
    signedAs = provider;
    break;
  }
  for (const [name, value] of Object.entries(options.headers ?? {})) headers[name.toLowerCase()] = value;
  try {
    const response = await send3(target, {
      method,
      headers,
      body: body && method !== "GET" && method !== "HEAD" ? new Uint8Array(body) : void 0,
      redirect: "manual",
      signal: AbortSignal.timeout(options.timeoutMs ?? 3e4)
    });
    await response.arrayBuffer?.().catch(() => void 0);
    return signedAs ? { method, path, status: response.status, signedAs } : { method, path, status: response.status };
  } catch (error2) {
    const cause = error2.cause;
    return {
      method,
      path,
      error: cause ? `${errorMessage(error2)}: ${errorMessage(cause)}` : errorMessage(error2)
    };
  }
}

// src/gate/limits.ts
var DEFAULT_TIMEOUTS = { headersMs: 1e4, requestMs: 3e5, upstreamMs: 6e4 };
var DEFAULT_MAX_UPSTREAM_CONNECTIONS = 128;
function serverOptions(timeouts) {
  return {
    headersTimeout: timeouts.headersMs,
    requestTimeout: timeouts.requestMs,
    // Node checks both timeouts on this interval (30 s by default, far coarser than a short timeout).
    connectionsCheckingInterval: Math.max(
      10,
      Math.min(1e3, Math.floor(Math.min(timeouts.headersMs, timeouts.requestMs) / 4))
    ),
    keepAliveTimeout: 5e3,
    noDelay: true
  };
}
var UpstreamAgent = class extends http_default.Agent {
  keepSocketAlive(socket) {
    if (super.keepSocketAlive(socket) === false) return false;
    socket.on("data", destroyUnasked);
    return true;
  }
  reuseSocket(socket, request) {
    socket.off("data", destroyUnasked);
    super.reuseSocket(socket, request);
  }
};
function destroyUnasked() {
  this.destroy();
}
function upstreamAgent(maxSockets) {
  return new UpstreamAgent({
    keepAlive: true,
    maxSockets,
    maxFreeSockets: Math.min(maxSockets, 256),
    scheduling: "lifo"
  });
}
function declaredLength(value) {
  if (value === void 0) return void 0;
  const length = Number(value);
  return Number.isSafeInteger(length) && length >= 0 ? length : void 0;
}
function tooLargeMessage(max) {
  return `request body larger than the gate's max-body (${formatSize(max)})`;
}
function formatSize(bytes) {
  for (const [unit, size] of [
    ["gb", 1024 ** 3],
    ["mb", 1024 ** 2],
    ["kb", 1024]
  ]) {
    if (bytes >= size && bytes % size === 0) return `${bytes / size}${unit}`;
  }
  return `${bytes}b`;
}
var BodyTooLargeError = class extends Error {
  constructor(max) {
    super(tooLargeMessage(max));
    this.max = max;
    this.name = "BodyTooLargeError";
  }
  max;
};
function readBody(req, max) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    const cleanup = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
      req.off("close", onClose);
    };
    const onData = (chunk) => {
      size += chunk.length;
      if (size > max) {
        cleanup();
        req.pause();
        reject(new BodyTooLargeError(max));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (error2) => {
      cleanup();
      reject(error2);
    };
    const onClose = () => {
      cleanup();
      reject(new Error("the client closed the connection before sending the whole body"));
    };
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
    req.on("close", onClose);
  });
}
var UpstreamTimeoutError = class extends Error {
  constructor(ms) {
    super(`the app did not answer within ${formatDuration(ms)}`);
    this.ms = ms;
    this.name = "UpstreamTimeoutError";
  }
  ms;
  code = "UPSTREAM_TIMEOUT";
};
function upstreamFailure(error2) {
  if (error2 instanceof UpstreamTimeoutError)
    return { status: 504, message: `${error2.message} (504 Gateway Timeout)` };
  const code = error2.code;
  const what = code === "ECONNREFUSED" ? "the app refused the connection (is it still running?)" : code === "ECONNRESET" || error2.message === "socket hang up" ? "the app closed the connection without answering" : `the app could not be reached (${code ?? error2.message})`;
  return { status: 502, message: `${what}; its log is in the workflow's step log` };
}

// src/gate/probe.ts
var PROBE_KEY_HEADER = "x-preview-probe-key";
function newProbeSecrets() {
  return { key: randomBytes(24).toString("base64url"), nonce: randomBytes(16).toString("hex") };
}
var ProbeResponder = class {
  #key;
  #nonce;
  constructor(secrets) {
    this.#key = new SecretMatcher(Buffer.from(secrets.key, "utf8"));
    this.#nonce = secrets.nonce;
  }
  /** Answers (true) a GET of the exact probe path that carries the key; false for anything else. */
  answer(req, res, pathname) {
    if (pathname !== PROBE_PATH || req.method !== "GET") return false;
    const given = req.headers[PROBE_KEY_HEADER];
    if (typeof given !== "string" || !this.#key.matches(given, "utf8")) return false;
    res.writeHead(200, { "content-type": "text/plain", "cache-control": "no-store" });
    res.end(this.#nonce);
    return true;
  }
};

// src/gate/gc-pacer.ts
import v8 from "node:v8";

// builtin:vm
var builtin = __require("node:vm");
var vm_default = builtin;

// src/gate/gc-pacer.ts
var DEFAULT_PACE_BYTES = 8 * 1024 * 1024;
var exposed;
function exposeGc() {
  if (exposed !== void 0) return exposed;
  const existing = globalThis.gc;
  if (typeof existing === "function") {
    exposed = existing;
    return exposed;
  }
  try {
    v8.setFlagsFromString("--expose-gc");
    const gc = vm_default.runInNewContext("gc");
    exposed = typeof gc === "function" ? gc : null;
  } catch {
    exposed = null;
  }
  return exposed;
}
var GcPacer = class {
  constructor(gc, paceBytes = DEFAULT_PACE_BYTES) {
    this.gc = gc;
    this.paceBytes = paceBytes;
  }
  gc;
  paceBytes;
  #since = 0;
  /** Called for every body chunk the gate forwards, either way. */
  forwarded(bytes) {
    if (this.gc === null) return;
    this.#since += bytes;
    if (this.#since < this.paceBytes) return;
    this.#since = 0;
    this.gc({ type: "minor" });
  }
};

// builtin:zlib
var builtin2 = __require("node:zlib");
var inflateSync = /* @__PURE__ */ (() => builtin2.inflateSync)();
var gunzipSync = /* @__PURE__ */ (() => builtin2.gunzipSync)();
var inflateRawSync = /* @__PURE__ */ (() => builtin2.inflateRawSync)();
var brotliDecompressSync = /* @__PURE__ */ (() => builtin2.brotliDecompressSync)();
var constants = /* @__PURE__ */ (() => builtin2.constants)();

// src/gate/framing.ts
var FRAMING_HEADERS = /* @__PURE__ */ new Set(["content-length", "transfer-encoding", "host"]);
var NAMES_FRAMING = {
  status: 400,
  message: "the Connection header names a framing header (Content-Length, Transfer-Encoding or Host); the gate does not remove those"
};
var OTHER_CODING = {
  status: 501,
  message: "a request body with a transfer coding other than chunked is not supported"
};
var TE_ON_HTTP10 = {
  status: 400,
  message: "Transfer-Encoding in an HTTP/1.0 request (its framing is ambiguous)"
};
var TWO_HOSTS = { status: 400, message: "the request has more than one Host header" };
function namesFramingHeader(connection) {
  if (connection.indexOf(",") === -1) return isFramingToken(connection);
  for (const token of connection.split(",")) {
    if (isFramingToken(token)) return true;
  }
  return false;
}
function isFramingToken(token) {
  const name = token.trim();
  const length = name.length;
  if (length !== 4 && length !== 14 && length !== 17) return false;
  return FRAMING_HEADERS.has(name.toLowerCase());
}
function framingRefusal(basics, httpVersion) {
  if (basics.duplicateHost) return TWO_HOSTS;
  if (basics.connection !== void 0 && namesFramingHeader(basics.connection)) return NAMES_FRAMING;
  const coding = basics.transferEncoding;
  if (coding !== void 0) {
    if (httpVersion === "1.0") return TE_ON_HTTP10;
    if (coding.trim().toLowerCase() !== "chunked") return OTHER_CODING;
  }
  return void 0;
}

// src/gate/headers.ts
var HOP_BY_HOP = /* @__PURE__ */ new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
  "proxy-authorization",
  "proxy-authenticate"
]);
function connectionTokens(raw) {
  let tokens;
  for (let i = 0; i < raw.length; i += 2) {
    if (raw[i].length !== 10 || raw[i].toLowerCase() !== "connection") continue;
    const value = raw[i + 1];
    const lower = value.toLowerCase();
    if (lower === "keep-alive" || lower === "close") continue;
    for (const token of value.split(",")) {
      const name = token.trim().toLowerCase();
      if (name === "" || HOP_BY_HOP.has(name) || FRAMING_HEADERS.has(name)) continue;
      tokens ??= /* @__PURE__ */ new Set();
      tokens.add(name);
    }
  }
  return tokens;
}
var GATE_SET = /* @__PURE__ */ new Set([
  "x-forwarded-for",
  "x-forwarded-proto",
  "x-forwarded-host",
  "expect",
  // Who signed in with GitHub: a client's own would let anyone claim to be anyone.
  "x-preview-user"
]);
function requestHeaders(raw, options) {
  const named = connectionTokens(raw);
  const out = [];
  let upgradeValue;
  let host = false;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i];
    const value = raw[i + 1];
    const lower = name.toLowerCase();
    if (HOP_BY_HOP.has(lower)) {
      if (lower === "upgrade") upgradeValue = value;
      continue;
    }
    if (GATE_SET.has(lower) || named?.has(lower) || options.addedNames.has(lower)) continue;
    if (lower === "authorization" && options.stripAuthorization) continue;
    if (lower === "content-length" && options.bodyLength !== void 0) continue;
    if (lower === "host") host = true;
    if (lower === "cookie" && options.stripSessionCookie) {
      const kept = withoutSessionCookie(value);
      if (kept !== void 0) out.push(name, kept);
      continue;
    }
    out.push(name, value);
  }
  if (!host) out.push("Host", options.defaultHost);
  for (const [name, value] of options.added) out.push(name, value);
  out.push("X-Forwarded-For", options.forwardedFor, "X-Forwarded-Proto", options.forwardedProto);
  if (options.forwardedHost !== void 0) out.push("X-Forwarded-Host", options.forwardedHost);
  if (options.previewUser !== void 0) out.push("X-Preview-User", options.previewUser);
  if (options.bodyLength !== void 0) out.push("Content-Length", String(options.bodyLength));
  else if (options.chunked) out.push("Transfer-Encoding", "chunked");
  if (options.upgrade && upgradeValue !== void 0)
    out.push("Connection", "upgrade", "Upgrade", upgradeValue);
  return out;
}
function responseHeaders(raw, keepUpgrade = false) {
  const named = connectionTokens(raw);
  const out = [];
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i];
    const lower = name.toLowerCase();
    if (HOP_BY_HOP.has(lower) && !(keepUpgrade && (lower === "upgrade" || lower === "connection"))) continue;
    if (named?.has(lower)) continue;
    out.push(name, raw[i + 1]);
  }
  return out;
}
function rawHeader(raw, lower) {
  for (let i = 0; i < raw.length; i += 2) {
    if (raw[i].length === lower.length && raw[i].toLowerCase() === lower)
      return raw[i + 1];
  }
  return void 0;
}

// src/gate/har-serialize.ts
var NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;
var QUOTE = 34;
var BACKSLASH = 92;
var DOT = 46;
var ZERO = 48;
var SHORT = 48;
var SHORT_TEXT = 1024;
function writers(buf) {
  const fast = buf;
  if (typeof fast.latin1Write === "function" && typeof fast.utf8Write === "function") {
    return buf;
  }
  return {
    latin1Write: (text, offset) => buf.write(text, offset, "latin1"),
    utf8Write: (text, offset) => buf.write(text, offset)
  };
}
var JsonOut = class {
  #buf;
  #w;
  #pos = 0;
  #initialBytes;
  constructor(initialBytes = 64 * 1024) {
    this.#initialBytes = initialBytes;
    this.#buf = Buffer.allocUnsafe(initialBytes);
    this.#w = writers(this.#buf);
  }
  #use(buf) {
    this.#buf = buf;
    this.#w = writers(buf);
  }
  get length() {
    return this.#pos;
  }
  #room(bytes) {
    if (this.#pos + bytes <= this.#buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.#buf.length * 2, this.#pos + bytes));
    this.#buf.copy(bigger, 0, 0, this.#pos);
    this.#use(bigger);
  }
  // Short pieces are copied by a plain loop: calling into native code costs more than the
  // copy for the few bytes of a constant, a number or a typical header value.
  /** Pre-encoded bytes. */
  raw(bytes) {
    const n = bytes.length;
    this.#room(n);
    if (n > SHORT) {
      this.#buf.set(bytes, this.#pos);
      this.#pos += n;
      return;
    }
    const buf = this.#buf;
    let pos = this.#pos;
    for (let i = 0; i < n; i++) buf[pos++] = bytes[i];
    this.#pos = pos;
  }
  /** Text known to be ASCII without anything to escape (numbers, dates, header names). */
  ascii(text) {
    const n = text.length;
    this.#room(n);
    if (n > SHORT) {
      this.#pos += this.#w.latin1Write(text, this.#pos);
      return;
    }
    const buf = this.#buf;
    let pos = this.#pos;
    for (let i = 0; i < n; i++) buf[pos++] = text.charCodeAt(i);
    this.#pos = pos;
  }
  /**
   * A duration in milliseconds, rounded to the microsecond, as a JSON number: the same text
   * as String(Math.round(ms * 1000) / 1000) for values >= 0, without formatting a double
   * (that took a tenth of a HAR entry's serialization for its four timings).
   */
  millis(ms) {
    const micros = Math.round(ms * 1e3);
    if (!(micros >= 0) || micros > Number.MAX_SAFE_INTEGER) {
      this.ascii(String(Math.round(ms * 1e3) / 1e3));
      return;
    }
    const whole = Math.floor(micros / 1e3);
    const fraction = micros - whole * 1e3;
    this.ascii(String(whole));
    if (fraction === 0) return;
    this.#room(4);
    const buf = this.#buf;
    let pos = this.#pos;
    buf[pos++] = DOT;
    buf[pos++] = ZERO + Math.floor(fraction / 100);
    const tens = fraction % 100;
    if (tens !== 0) {
      buf[pos++] = ZERO + Math.floor(tens / 10);
      if (tens % 10 !== 0) buf[pos++] = ZERO + tens % 10;
    }
    this.#pos = pos;
  }
  /** Text that is already JSON (e.g. from JSON.stringify). */
  json(text) {
    this.#room(text.length * 3);
    this.#pos += this.#w.utf8Write(text, this.#pos);
  }
  /** A JSON string literal. */
  str(text) {
    const n = text.length;
    if (n <= SHORT_TEXT) {
      this.#room(2 * n + 2);
      const buf = this.#buf;
      let pos = this.#pos;
      buf[pos++] = QUOTE;
      let i = 0;
      for (; i < n; i++) {
        const c = text.charCodeAt(i);
        if (c < 32 || c > 126) break;
        if (c === QUOTE || c === BACKSLASH) buf[pos++] = BACKSLASH;
        buf[pos++] = c;
      }
      if (i === n) {
        buf[pos++] = QUOTE;
        this.#pos = pos;
        return;
      }
    }
    if (NEEDS_ESCAPE.test(text)) {
      this.json(JSON.stringify(text));
      return;
    }
    this.#room(n * 3 + 2);
    this.#buf[this.#pos++] = QUOTE;
    this.#pos += this.#w.utf8Write(text, this.#pos);
    this.#buf[this.#pos++] = QUOTE;
  }
  /** Forgets what was written after `length` (an entry that failed half-way). */
  rollback(length) {
    this.#pos = Math.min(this.#pos, length);
  }
  /** A copy of the bytes written since `start`. */
  copySince(start) {
    return Buffer.from(this.#buf.subarray(start, this.#pos));
  }
  /** A view of the bytes written so far (valid until the next write or reset). */
  bytes() {
    return this.#buf.subarray(0, this.#pos);
  }
  /** Starts over, keeping the buffer (memory is reused, not allocated per batch) unless a burst grew it. */
  reset() {
    this.#pos = 0;
    if (this.#buf.length > this.#initialBytes * 4) this.#use(Buffer.allocUnsafe(this.#initialBytes));
  }
};
function parts() {
  const b = (text) => Buffer.from(text);
  return {
    started: b('{"startedDateTime":"'),
    time: b('","time":'),
    method: b(',"request":{"method":'),
    url: b(',"url":'),
    httpVersion: b(',"httpVersion":'),
    httpVersion11: b(',"httpVersion":"HTTP/1.1"'),
    cookies: b(',"cookies":['),
    headers: b('],"headers":['),
    headerName: b('{"name":"'),
    headerValue: b('","value":'),
    redactedValue: b('","value":"[redacted]"}'),
    cookieName: b('{"name":'),
    redactedCookie: b(',"value":"[redacted]"}'),
    comma: b(","),
    objectEnd: b("}"),
    queryString: b('],"queryString":'),
    noQuery: b('],"queryString":[]'),
    queryName: b('{"name":'),
    queryValue: b(',"value":'),
    postData: b(',"postData":'),
    requestEnd: b(',"headersSize":-1,"bodySize":'),
    noBody: b(',"headersSize":-1,"bodySize":0'),
    status: b('},"response":{"status":'),
    statusText: b(',"statusText":'),
    content: b('],"content":{"size":'),
    mimeType: b(',"mimeType":'),
    text: b(',"text":'),
    base64: b(',"encoding":"base64"'),
    comment: b(',"comment":'),
    redirect: b('},"redirectURL":'),
    noRedirect: b('},"redirectURL":""'),
    responseEnd: b(',"headersSize":-1,"bodySize":'),
    timings: b('},"cache":{},"timings":{"blocked":-1,"dns":-1,"connect":-1,"send":'),
    wait: b(',"wait":'),
    receive: b(',"receive":'),
    timingsEnd: b(',"ssl":-1}'),
    client: b(',"_clientAddress":'),
    service: b(',"_service":')
  };
}
var BlockCache = class {
  #raw;
  #bytes;
  /** Writes the cached bytes when `raw` equals the last block seen (true), else nothing (false). */
  hit(out, raw) {
    const last = this.#raw;
    if (last === void 0 || this.#bytes === void 0 || last.length !== raw.length) return false;
    if (last !== raw) {
      for (let i = 0; i < raw.length; i++) if (last[i] !== raw[i]) return false;
    }
    out.raw(this.#bytes);
    return true;
  }
  /** Remembers the block `raw` as the bytes written to `out` since `start`. */
  store(out, raw, start) {
    this.#raw = raw;
    this.#bytes = out.copySince(start);
  }
};
var Serializer = class {
  #p = parts();
  #requestBlock = new BlockCache();
  #responseBlock = new BlockCache();
  #redactor;
  /** The redactor's version the caches below were made with. */
  #redactorVersion;
  #isoSecond = -1;
  #isoPrefix = "";
  #lastUrl;
  #lastParsed;
  constructor(redactor) {
    this.#redactor = redactor;
    this.#redactorVersion = redactor.version;
  }
  /** Cached blocks and URLs were redacted without a secret added since (a new login link): drop them. */
  #checkRedactor() {
    if (this.#redactor.version === this.#redactorVersion) return;
    this.#redactorVersion = this.#redactor.version;
    this.#requestBlock = new BlockCache();
    this.#responseBlock = new BlockCache();
    this.#lastParsed = void 0;
  }
  /** ISO timestamps up to the second, formatted once per second (toISOString costs more than a header block). */
  #iso(ms) {
    const second = Math.floor(ms / 1e3);
    if (second !== this.#isoSecond) {
      this.#isoSecond = second;
      this.#isoPrefix = new Date(second * 1e3).toISOString().slice(0, 19);
    }
    return this.#isoPrefix;
  }
  /** The URL as recorded; the last one is remembered (consecutive requests often share it). */
  #url(url) {
    if (url !== this.#lastUrl || this.#lastParsed === void 0) {
      this.#lastUrl = url;
      this.#lastParsed = parseUrl(this.#redactor.redact(url, "redacted"));
    }
    return this.#lastParsed;
  }
  #httpVersion(out, version) {
    if (version === "1.1") out.raw(this.#p.httpVersion11);
    else {
      out.raw(this.#p.httpVersion);
      out.str(`HTTP/${version}`);
    }
  }
  #cachedBlock(out, cache, raw, kind) {
    if (cache.hit(out, raw)) return;
    const start = out.length;
    this.#block(out, raw, kind);
    cache.store(out, raw, start);
  }
  /** `"cookies":[...],"headers":[...` (without the closing bracket). */
  #block(out, raw, cookies) {
    const p = this.#p;
    out.raw(p.cookies);
    let first = true;
    const cookie = (name) => {
      if (name === "") return;
      if (!first) out.raw(p.comma);
      first = false;
      out.raw(p.cookieName);
      out.str(name);
      out.raw(p.redactedCookie);
    };
    if (cookies === "request") {
      const header = rawHeader(raw, "cookie");
      if (header !== void 0)
        for (const part of header.split(";")) cookie(part.slice(0, part.indexOf("=")).trim());
    } else {
      for (let i = 0; i + 1 < raw.length; i += 2) {
        if (raw[i].length !== 10 || raw[i].toLowerCase() !== "set-cookie") continue;
        const value = raw[i + 1];
        cookie(value.slice(0, value.indexOf("=")).trim());
      }
    }
    out.raw(p.headers);
    for (let i = 0; i + 1 < raw.length; i += 2) {
      const name = raw[i];
      if (i > 0) out.raw(p.comma);
      out.raw(p.headerName);
      out.ascii(name);
      if (isSensitiveHeader(name)) {
        out.raw(p.redactedValue);
        continue;
      }
      out.raw(p.headerValue);
      out.str(this.#redactor.redact(raw[i + 1]));
      out.raw(p.objectEnd);
    }
  }
  /** Appends one entry's JSON to `out`. */
  write(out, entry) {
    const p = this.#p;
    const redactor = this.#redactor;
    this.#checkRedactor();
    out.raw(p.started);
    out.ascii(this.#iso(entry.startedAt));
    out.ascii(millisSuffix(entry.startedAt - this.#isoSecond * 1e3));
    out.raw(p.time);
    out.millis(entry.time);
    out.raw(p.method);
    out.str(entry.method);
    const { href, query } = this.#url(entry.url);
    out.raw(p.url);
    out.str(href);
    this.#httpVersion(out, entry.httpVersion);
    this.#cachedBlock(out, this.#requestBlock, entry.requestHeaders, "request");
    if (query.length === 0) out.raw(p.noQuery);
    else {
      out.raw(p.queryString);
      out.json("[");
      query.forEach(([name, value], i) => {
        if (i > 0) out.raw(p.comma);
        out.raw(p.queryName);
        out.str(name);
        out.raw(p.queryValue);
        out.str(redactor.redact(value));
        out.raw(p.objectEnd);
      });
      out.json("]");
    }
    if (entry.request.size > 0) {
      out.raw(p.postData);
      out.json(JSON.stringify(this.#postData(entry)));
    }
    if (entry.request.size === 0) out.raw(p.noBody);
    else {
      out.raw(p.requestEnd);
      out.ascii(String(entry.request.size));
    }
    out.raw(p.status);
    out.ascii(String(entry.status));
    out.raw(p.statusText);
    out.str(entry.statusText);
    this.#httpVersion(out, entry.responseVersion);
    this.#cachedBlock(out, this.#responseBlock, entry.responseHeaders, "response");
    const mimeType = rawHeader(entry.responseHeaders, "content-type") ?? "x-unknown";
    const body = bodyText(
      entry.reply,
      mimeType,
      rawHeader(entry.responseHeaders, "content-encoding"),
      redactor
    );
    out.raw(p.content);
    out.ascii(String(entry.reply.size));
    out.raw(p.mimeType);
    out.str(mimeType);
    if (body.text !== void 0) {
      out.raw(p.text);
      out.str(body.text);
    }
    if (body.base64) out.raw(p.base64);
    if (body.comment !== void 0) {
      out.raw(p.comment);
      out.str(body.comment);
    }
    const location = rawHeader(entry.responseHeaders, "location");
    if (location === void 0) out.raw(p.noRedirect);
    else {
      out.raw(p.redirect);
      out.str(redactor.redact(location));
    }
    out.raw(p.responseEnd);
    out.ascii(String(entry.reply.size));
    out.raw(p.timings);
    out.millis(entry.send);
    out.raw(p.wait);
    out.millis(entry.wait);
    out.raw(p.receive);
    out.millis(entry.receive);
    out.raw(p.timingsEnd);
    if (entry.notes) {
      out.raw(p.comment);
      out.str(redactor.redact(entry.notes.join("; ")));
    }
    if (entry.clientAddress !== void 0) {
      out.raw(p.client);
      out.str(entry.clientAddress);
    }
    if (entry.service !== void 0) {
      out.raw(p.service);
      out.str(entry.service);
    }
    out.raw(p.objectEnd);
  }
  #postData(entry) {
    const mimeType = rawHeader(entry.requestHeaders, "content-type") ?? "";
    const body = bodyText(
      entry.request,
      mimeType,
      rawHeader(entry.requestHeaders, "content-encoding"),
      this.#redactor
    );
    const data = { mimeType, text: body.text ?? "" };
    if (body.base64) data._encoding = "base64";
    if (entry.request.size > entry.request.kept) data._truncated = true;
    if (body.comment !== void 0) data.comment = body.comment;
    return data;
  }
};
var TEXT_TYPES = /^(?:text\/|application\/(?:[\w.+-]*\+)?(?:json|xml|javascript|x-www-form-urlencoded|graphql|x-ndjson))/i;
function isText(mimeType, contentEncoding) {
  return (contentEncoding === void 0 || contentEncoding === "identity") && TEXT_TYPES.test(mimeType);
}
function bodyText(capture, mimeType, contentEncoding, redactor) {
  if (capture.size === 0) return { base64: false };
  const comment = capture.size > capture.kept ? `truncated: recorded ${capture.kept} of ${capture.size} bytes` : void 0;
  if (capture.kept === 0) return { base64: false, comment };
  const bytes = capture.bytes();
  if (isText(mimeType, contentEncoding)) {
    return { text: redactor.redact(bytes.toString("utf8")), base64: false, comment };
  }
  if (redactor.containsSecret(bytes))
    return { base64: false, comment: "binary body left out: it contains a secret" };
  const decoded = redactor.empty ? void 0 : decompressed(bytes, contentEncoding);
  if (decoded === "unreadable")
    return {
      base64: false,
      comment: `${contentEncoding} body left out: it could not be checked for secrets`
    };
  if (decoded !== void 0 && redactor.containsSecret(decoded))
    return { base64: false, comment: `${contentEncoding} body left out: it contains a secret` };
  return { text: bytes.toString("base64"), base64: true, comment };
}
var MAX_DECOMPRESSED = 8 * 1024 * 1024;
function decompressed(bytes, contentEncoding) {
  const encoding = contentEncoding?.trim().toLowerCase();
  const zlib = { maxOutputLength: MAX_DECOMPRESSED, finishFlush: constants.Z_SYNC_FLUSH };
  try {
    if (encoding === "gzip" || encoding === "x-gzip") return gunzipSync(bytes, zlib);
    if (encoding === "br")
      return brotliDecompressSync(bytes, {
        maxOutputLength: MAX_DECOMPRESSED,
        finishFlush: constants.BROTLI_OPERATION_FLUSH
      });
    if (encoding === "deflate") {
      try {
        return inflateSync(bytes, zlib);
      } catch {
        return inflateRawSync(bytes, zlib);
      }
    }
  } catch {
    return "unreadable";
  }
  return void 0;
}
var PLAIN_URL = /^https?:\/\/[A-Za-z0-9\-._~:/@!$&'()*+,;=]+$/;
function parseUrl(recorded) {
  if (!recorded.includes("?") && PLAIN_URL.test(recorded)) return { href: recorded, query: [] };
  try {
    const parsed = new URL(recorded);
    return { href: parsed.href, query: [...parsed.searchParams] };
  } catch {
    return { href: "http://invalid.invalid/", query: [] };
  }
}
var MILLIS;
function millisSuffix(ms) {
  MILLIS ??= Array.from({ length: 1e3 }, (_, i) => `.${String(i).padStart(3, "0")}Z`);
  return MILLIS[Math.floor(ms)] ?? `.${String(Math.floor(ms)).padStart(3, "0")}Z`;
}

// src/gate/stages/webhook.ts
function webhookRoutes(rules) {
  return rules.map((rule) => ({ rule, scheme: SCHEMES[rule.provider] })).sort((a, b) => b.rule.pathPrefix.length - a.rule.pathPrefix.length);
}
function matchRoute(routes, path) {
  for (const route2 of routes) {
    if (isUnder(path, route2.rule.pathPrefix)) return route2;
  }
  return void 0;
}
function webhookStage(options) {
  const { routes, maxBodyBytes } = options;
  if (routes.length === 0) return () => false;
  return (ex) => {
    if (ex.req.method !== "POST" || ex.inspecting) return false;
    const route2 = matchRoute(routes, ex.path);
    if (route2 === void 0) return false;
    const { scheme, rule } = route2;
    if (ex.path !== ex.pathname && !isUnder(ex.pathname, rule.pathPrefix)) return false;
    if (!ex.res) {
      reply(
        ex,
        403,
        `${rule.pathPrefix} is a ${rule.provider} webhook path; upgrades are not accepted there`
      );
      return true;
    }
    if (!scheme.signatureHeaders.some((h) => ex.req.headers[h] !== void 0)) {
      const reason = `missing ${scheme.signatureHeaders[0]} header`;
      ex.webhook = { provider: rule.provider, ok: false, reason };
      reply(ex, 401, `${rule.provider} webhook rejected: ${reason}`);
      return true;
    }
    const length = declaredLength(ex.basics.contentLength);
    if (length !== void 0 && length > maxBodyBytes) {
      reply(ex, 413, tooLargeMessage(maxBodyBytes));
      return true;
    }
    if (ex.expectContinue) ex.res.writeContinue();
    return readBody(ex.req, maxBodyBytes).then(
      (body) => {
        ex.record?.requestBody(body);
        const verdict = scheme.verify(
          {
            headers: ex.req.headers,
            body,
            url: options.publicUrl(ex.req.url ?? "/", ex),
            nowSeconds: Math.floor(Date.now() / 1e3)
          },
          rule.secret
        );
        if (!verdict.ok) {
          ex.webhook = { provider: rule.provider, ok: false, reason: verdict.reason };
          reply(ex, verdict.status, `${rule.provider} webhook rejected: ${verdict.reason}`);
          return true;
        }
        ex.body = body;
        ex.webhookVerified = true;
        ex.webhook = { provider: rule.provider, ok: true };
        return false;
      },
      (error2) => {
        if (error2 instanceof BodyTooLargeError) reply(ex, 413, error2.message);
        else ex.res?.destroy();
        return true;
      }
    );
  };
}

// src/gate/inspector/tickets.ts
var REPLAY_HEADER = "x-preview-replay";
var TTL_MS = 6e4;
var MAX_OPEN = 64;
var ReplayTickets = class {
  #open = /* @__PURE__ */ new Map();
  #now;
  constructor(now = Date.now) {
    this.#now = now;
  }
  issue(of, user) {
    const now = this.#now();
    for (const [key2, open2] of this.#open) if (open2.expires <= now) this.#open.delete(key2);
    if (this.#open.size >= MAX_OPEN) return void 0;
    const value = randomBytes(32).toString("base64url");
    let settle = () => void 0;
    const recorded = new Promise((resolve) => {
      settle = resolve;
    });
    this.#open.set(key(value), { ticket: { of, user, settle }, expires: now + TTL_MS });
    return { value, recorded };
  }
  /** The ticket `value` names, once: undefined when unknown, used or expired. */
  redeem(value) {
    if (value === void 0 || value === "") return void 0;
    const k = key(value);
    const open2 = this.#open.get(k);
    if (open2 === void 0) return void 0;
    this.#open.delete(k);
    return open2.expires > this.#now() ? open2.ticket : void 0;
  }
};
function key(value) {
  return sha256Base64(value);
}

// src/gate/inspector/curl.ts
var AUTH_PLACEHOLDER = "PREVIEW_AUTH_HEADER";
var CREDENTIALS = /* @__PURE__ */ new Set(["authorization", "proxy-authorization", "cookie"]);
var LEFT_OUT = /* @__PURE__ */ new Set([
  "host",
  "content-length",
  "connection",
  "keep-alive",
  "transfer-encoding",
  "te",
  "trailer",
  "upgrade",
  "expect",
  "proxy-connection",
  "x-forwarded-for",
  "x-forwarded-proto",
  "x-forwarded-host",
  REPLAY_HEADER
]);
var CONTROL = /[\u0000-\u001f\u007f]/;
function shellQuote(text) {
  if (!CONTROL.test(text)) return `'${text.replaceAll("'", `'\\''`)}'`;
  let out = "$'";
  for (const ch of text) {
    const code = ch.codePointAt(0);
    if (ch === "\\" || ch === "'") out += `\\${ch}`;
    else if (code < 32 || code === 127) out += `\\x${code.toString(16).padStart(2, "0")}`;
    else out += ch;
  }
  return `${out}'`;
}
function curlCommand(entry, id) {
  const request = entry.request;
  const lines = [
    `# ${request.method} request #${id} of the preview. Set ${AUTH_PLACEHOLDER} to your credentials first, e.g.`,
    `#   export ${AUTH_PLACEHOLDER}='Authorization: Basic <base64 of user:password>'`
  ];
  const left = [];
  const args = [];
  for (const { name, value } of request.headers) {
    const lower = name.toLowerCase();
    if (CREDENTIALS.has(lower) || LEFT_OUT.has(lower)) continue;
    if (SIGNATURE_HEADERS.has(lower) || value === REDACTED) {
      if (!left.includes(name)) left.push(name);
      continue;
    }
    args.push(`-H ${shellQuote(`${name}: ${value}`)}`);
  }
  if (left.length > 0) {
    lines.push(
      `# Left out (the recording keeps no signatures or secrets): ${left.join(", ")}. The inspector's Replay signs webhook deliveries again.`
    );
  }
  const post = request.postData;
  let pipe = "";
  let data;
  if (post !== void 0 && request.bodySize > 0) {
    if (post._truncated)
      lines.push("# The body was recorded only in part (record-body-limit): this sends that part.");
    if (post._encoding === "base64") {
      pipe = `printf %s ${shellQuote(post.text)} | base64 -d | `;
      data = "--data-binary @-";
    } else {
      data = `--data-binary ${shellQuote(post.text)}`;
    }
  }
  const command = [
    `${pipe}curl -sS -X ${shellQuote(request.method)} ${shellQuote(request.url)}`,
    `-H "$${AUTH_PLACEHOLDER}"`,
    ...args,
    ...data === void 0 ? [] : [data]
  ];
  lines.push(command.join(" \\\n  "));
  return `${lines.join("\n")}
`;
}

// src/gate/inspector/summary.ts
function pathOf(url) {
  const scheme = url.indexOf("://");
  if (scheme === -1) return url;
  const slash = url.indexOf("/", scheme + 3);
  return slash === -1 ? "/" : url.slice(slash);
}
function shownPath(item, redactor) {
  return pathOf(redactor.redact(item.url, "redacted"));
}
function summarize(item, redactor) {
  const contentType = rawHeader(item.responseHeaders, "content-type")?.split(";")[0]?.trim();
  return {
    id: item.id,
    startedAt: item.startedAt,
    method: item.method,
    path: shownPath(item, redactor),
    status: item.status,
    durationMs: Math.round(item.durationMs * 1e3) / 1e3,
    requestBytes: item.requestBytes,
    responseBytes: item.responseBytes,
    ...item.client === void 0 ? {} : { client: item.client },
    ...item.webhook === void 0 ? {} : {
      webhook: {
        provider: item.webhook.provider,
        ok: item.webhook.ok,
        ...item.webhook.reason === void 0 ? {} : { reason: redactor.redact(item.webhook.reason) }
      }
    },
    ...item.service === void 0 ? {} : { service: item.service },
    ...item.replayOf === void 0 ? {} : { replayOf: item.replayOf },
    ...item.notes === void 0 ? {} : { note: redactor.redact(item.notes.join("; ")) },
    ...contentType ? { contentType } : {}
  };
}
function summaryJson(item, redactor) {
  item.json ??= JSON.stringify(summarize(item, redactor));
  return item.json;
}

// src/gate/inspector/detail.ts
var Details = class {
  #serializer;
  #out = new JsonOut(16 * 1024);
  #redactor;
  #routes;
  constructor(redactor, routes) {
    this.#redactor = redactor;
    this.#serializer = new Serializer(redactor);
    this.#routes = routes;
  }
  /** The exchange's HAR entry as JSON text (as the recording has it), or undefined once dropped. */
  entryJson(item) {
    const recorded = item.recorded;
    if (recorded === void 0) return void 0;
    const out = this.#out;
    out.reset();
    this.#serializer.write(out, recorded);
    return out.bytes().toString("utf8");
  }
  entry(item) {
    const json2 = this.entryJson(item);
    return json2 === void 0 ? void 0 : JSON.parse(json2);
  }
  /** Path and query to send a replay to: as received (not as URL parsing rewrites it), redacted. */
  path(item) {
    return shownPath(item, this.#redactor);
  }
  /** The webhook route a replay of this request is signed for (a POST under a verify-webhooks path). */
  route(item) {
    if (item.method !== "POST") return void 0;
    const pathname = pathOf(item.url).split("?")[0] ?? "/";
    const path = requestPath(pathname);
    return typeof path === "string" ? matchRoute(this.#routes, path) : void 0;
  }
  detail(item) {
    const summary = summarize(item, this.#redactor);
    const replays = item.replays ?? [];
    const entry = this.entry(item);
    const recorded = item.recorded;
    if (entry === void 0 || recorded === void 0) {
      return {
        summary,
        kept: false,
        replays,
        notReplayable: "only the summary of this request is kept (older requests are dropped to save memory)"
      };
    }
    const post = entry.request.postData;
    const content = entry.response.content;
    const requestBody = post === void 0 ? void 0 : {
      size: entry.request.bodySize,
      mimeType: post.mimeType,
      text: post.text,
      ...post._encoding === void 0 ? {} : { encoding: post._encoding },
      truncated: post._truncated === true,
      ...post.comment === void 0 ? {} : { comment: post.comment }
    };
    const responseBody = content.size === 0 ? void 0 : {
      size: content.size,
      mimeType: content.mimeType,
      ...content.text === void 0 ? {} : { text: content.text },
      ...content.encoding === void 0 ? {} : { encoding: content.encoding },
      truncated: recorded.reply.size > recorded.reply.kept,
      ...content.comment === void 0 ? {} : { comment: content.comment }
    };
    const refused2 = notReplayable(entry, new URL(entry.request.url).pathname);
    const route2 = this.route(item);
    return {
      summary,
      kept: true,
      url: entry.request.url,
      httpVersion: entry.request.httpVersion,
      requestHeaders: entry.request.headers,
      responseHeaders: entry.response.headers,
      statusText: entry.response.statusText,
      ...requestBody === void 0 ? {} : { requestBody },
      ...responseBody === void 0 ? {} : { responseBody },
      timings: { send: entry.timings.send, wait: entry.timings.wait, receive: entry.timings.receive },
      curl: curlCommand(entry, item.id),
      replays,
      ...refused2 === void 0 ? {} : { notReplayable: refused2 },
      ...route2 === void 0 ? {} : { signsAs: route2.rule.provider }
    };
  }
};

// src/gate/inspector/feed.ts
var DEFAULT_FEED_LIMITS = { entries: 1e3, detailBytes: 64 * 1024 * 1024 };
var OVERHEAD_BYTES = 2048;
var FeedItem = class {
  // The input itself is not kept: it holds the captured bodies, which must go when the detail does.
  constructor(id, input) {
    this.id = id;
    const r = input.recorded;
    this.webhook = input.webhook;
    this.service = input.service;
    this.replayOf = input.replay?.of;
    this.recorded = r;
    this.bytes = r.request.kept + r.reply.kept + OVERHEAD_BYTES;
    this.method = r.method;
    this.url = r.url;
    this.status = r.status;
    this.startedAt = r.startedAt;
    this.durationMs = r.time;
    this.requestBytes = r.request.size;
    this.responseBytes = r.reply.size;
    this.client = r.clientAddress;
    this.notes = r.notes;
    this.responseHeaders = r.responseHeaders;
  }
  id;
  /** undefined once the detail was dropped (the summary fields below stay). */
  recorded;
  bytes;
  method;
  url;
  status;
  startedAt;
  durationMs;
  requestBytes;
  responseBytes;
  client;
  notes;
  responseHeaders;
  /** The summary's JSON, made once when first sent (see summary.ts). */
  json;
  /** Ids of exchanges that replayed this one. */
  replays;
  webhook;
  service;
  /** Id of the exchange this one replays. */
  replayOf;
};
var Feed = class {
  limits;
  #ring;
  #newest = 0;
  /** Bytes held by details, and the oldest id that may still hold one. */
  #detailBytes = 0;
  #oldestDetail = 1;
  #listener;
  constructor(limits = DEFAULT_FEED_LIMITS) {
    if (!(limits.entries >= 1) || !(limits.detailBytes >= 0)) throw new Error("feed limits must be positive");
    this.limits = limits;
    this.#ring = new Array(limits.entries);
  }
  /** Id of the newest exchange (0: none yet). */
  get newest() {
    return this.#newest;
  }
  /** Id of the oldest exchange still kept (newest + 1 when none). */
  get oldest() {
    return Math.max(1, this.#newest - this.limits.entries + 1);
  }
  /** Told of every exchange added, synchronously (the streams batch it). */
  onAdd(listener) {
    this.#listener = listener;
  }
  add(input) {
    const id = ++this.#newest;
    const slot = id % this.limits.entries;
    const evicted = this.#ring[slot];
    if (evicted?.recorded !== void 0) this.#dropDetail(evicted);
    const item = new FeedItem(id, input);
    this.#ring[slot] = item;
    this.#detailBytes += item.bytes;
    this.#oldestDetail = Math.max(this.#oldestDetail, this.oldest);
    while (this.#detailBytes > this.limits.detailBytes && this.#oldestDetail < id) {
      const old = this.get(this.#oldestDetail++);
      if (old?.recorded !== void 0) this.#dropDetail(old);
    }
    const original = input.replay === void 0 ? void 0 : this.get(input.replay.of);
    if (original !== void 0) original.replays = [...original.replays ?? [], id];
    input.replay?.settle(id);
    this.#listener?.(item);
    return item;
  }
  #dropDetail(item) {
    item.recorded = void 0;
    this.#detailBytes -= item.bytes;
  }
  get(id) {
    if (!Number.isSafeInteger(id) || id < 1) return void 0;
    const item = this.#ring[id % this.limits.entries];
    return item?.id === id ? item : void 0;
  }
  /** The kept exchanges with an id above `id`, oldest first, and how many above it are gone. */
  after(id) {
    const from = Math.max(id + 1, this.oldest);
    const items = [];
    for (let i = from; i <= this.#newest; i++) {
      const item = this.get(i);
      if (item) items.push(item);
    }
    return { items, missed: Math.max(0, from - (id + 1)) };
  }
  /** Every kept exchange, oldest first. */
  all() {
    return this.after(0).items;
  }
  /** Bytes held by details (for tests and limits). */
  get detailBytes() {
    return this.#detailBytes;
  }
};

// builtin:stream/promises
var builtin3 = __require("node:stream/promises");
var pipeline = /* @__PURE__ */ (() => builtin3.pipeline)();

// src/gate/recorder.ts
var VERSION = true ? "0.1.0" : "dev";
var MAX_PENDING_BYTES = 32 * 1024 * 1024;
var FLUSH_BYTES = 512 * 1024;
var FLUSH_MS = 25;
var BUFFER_BYTES = FLUSH_BYTES + 256 * 1024;
var Capture = class {
  first;
  rest;
  kept = 0;
  size = 0;
  add(chunk, limit) {
    this.size += chunk.length;
    if (this.kept >= limit) return;
    const take = Math.min(chunk.length, limit - this.kept);
    const kept = take === chunk.length && chunk.byteOffset === 0 && chunk.buffer.byteLength === take ? chunk : Buffer.copyBytesFrom(chunk, 0, take);
    if (this.first === void 0) this.first = kept;
    else if (this.rest === void 0) this.rest = [kept];
    else this.rest.push(kept);
    this.kept += take;
  }
  bytes() {
    const first = this.first;
    if (first === void 0) return Buffer.alloc(0);
    if (this.rest === void 0) return first;
    return Buffer.concat([first, ...this.rest], this.kept);
  }
};
var Entry = class {
  constructor(sink, method, url, httpVersion, requestHeaders2, startedAt, clientAddress2) {
    this.sink = sink;
    this.method = method;
    this.url = url;
    this.httpVersion = httpVersion;
    this.requestHeaders = requestHeaders2;
    this.startedAt = startedAt;
    this.clientAddress = clientAddress2;
  }
  sink;
  method;
  url;
  httpVersion;
  requestHeaders;
  startedAt;
  clientAddress;
  request = new Capture();
  reply = new Capture();
  status = 0;
  statusText = "";
  responseHeaders = [];
  responseVersion = "1.1";
  notes;
  send = 0;
  wait = 0;
  receive = 0;
  time = 0;
  service;
  requestBody(chunk) {
    this.request.add(chunk, this.sink.bodyLimit);
  }
  response(status, statusText, rawHeaders, httpVersion) {
    this.status = status;
    this.statusText = statusText;
    this.responseHeaders = rawHeaders;
    this.responseVersion = httpVersion;
  }
  responseBody(chunk) {
    this.reply.add(chunk, this.sink.bodyLimit);
  }
  note(text) {
    this.notes ??= [];
    this.notes.push(text);
  }
  finish(timing) {
    const end = performance.now();
    this.service = timing.service;
    const sent = timing.sentAt ?? timing.started;
    const first = timing.firstByteAt ?? end;
    this.send = Math.max(0, sent - timing.started);
    this.wait = Math.max(0, first - sent);
    this.receive = Math.max(0, end - first);
    this.time = end - timing.started;
    if (this.status === 0) this.note("no response: the connection closed first");
    this.sink.enqueue(this);
  }
};
var HEADER_TEXT = (version) => `{"log":{"version":"1.2","creator":{"name":"preview-tunnel","version":${JSON.stringify(version)}},"pages":[],"entries":[`;
var FOOTER = "\n]}}\n";
var FOOTER_BYTES = Buffer.from(FOOTER);
function harHeader() {
  return HEADER_TEXT(VERSION);
}
var HarRecorder = class _HarRecorder {
  bodyLimit;
  path;
  #serializer;
  /** Entries are serialized into one buffer while the other is being written. */
  #out = new JsonOut(BUFFER_BYTES);
  #spare = new JsonOut(BUFFER_BYTES);
  #logger;
  #file;
  #position;
  #written = 0;
  #dropped = 0;
  #timer;
  #writing;
  /** Bytes of the write in flight. */
  #inFlight = 0;
  #failed = false;
  #closed;
  /** Finished exchanges not serialized yet. */
  #queue = [];
  #draining = false;
  constructor(options, file, position) {
    this.path = options.path;
    this.bodyLimit = options.bodyLimit;
    this.#serializer = new Serializer(options.redactor);
    this.#logger = options.logger;
    this.#file = file;
    this.#position = position;
  }
  static async open(options) {
    let file;
    try {
      makeDir(path_default.dirname(options.path));
      file = await open(options.path, "w", 384);
    } catch (error2) {
      throw new Error(
        `The recording (input "record") cannot be written to ${options.path}: ${errorMessage(error2)}`
      );
    }
    const header = Buffer.from(HEADER_TEXT(VERSION));
    await file.write(Buffer.concat([header, Buffer.from(FOOTER)]), 0, void 0, 0);
    return new _HarRecorder(options, file, header.length);
  }
  /** Starts recording one exchange; `url` is absolute, e.g. the public URL plus the path. */
  begin(method, url, httpVersion, rawHeaders, startedAt, clientAddress2) {
    return new Entry(this, method, url, httpVersion, rawHeaders, startedAt, clientAddress2);
  }
  /**
   * Queues a finished exchange; the queue is serialized in one batch after the current I/O
   * (setImmediate), off the request path, and the bytes are written in larger batches.
   */
  enqueue(entry) {
    if (this.#closed !== void 0 || this.#failed) return;
    this.#queue.push(entry);
    if (!this.#draining) {
      this.#draining = true;
      setImmediate(this.#drain);
    }
  }
  #drain = () => {
    this.#draining = false;
    const queue = this.#queue;
    this.#queue = [];
    for (const entry of queue) this.#serialize(entry);
    if (this.#writing === void 0) this.#schedule();
  };
  #serialize(entry) {
    if (this.#failed) return;
    const out = this.#out;
    if (out.length >= MAX_PENDING_BYTES) {
      this.#dropped++;
      return;
    }
    const start = out.length;
    try {
      out.ascii(this.#written === 0 ? "\n" : ",\n");
      this.#serializer.write(out, entry);
      this.#written++;
    } catch (error2) {
      out.rollback(start);
      this.#logger.debug(`recorder: could not serialize an entry: ${errorMessage(error2)}`);
    }
  }
  /** Writes now when a batch is big enough, else within FLUSH_MS: few large writes, not many small ones. */
  #schedule() {
    if (this.#out.length >= FLUSH_BYTES) this.#flush();
    else if (this.#out.length > 0 && this.#timer === void 0) {
      this.#timer = setTimeout(() => this.#flush(), FLUSH_MS).unref();
    }
  }
  #flush() {
    clearTimeout(this.#timer);
    this.#timer = void 0;
    if (this.#writing !== void 0 || this.#out.length === 0 || this.#failed) return;
    const full = this.#out;
    this.#out = this.#spare;
    this.#spare = full;
    const body = full.bytes();
    const length = body.length;
    this.#inFlight = length;
    this.#writing = this.#file.writev([body, FOOTER_BYTES], this.#position).then(
      () => {
        this.#position += length;
      },
      (error2) => {
        this.#failed = true;
        this.#logger.warning(`Recording to ${this.path} stopped: ${errorMessage(error2)}`);
      }
    ).finally(() => {
      full.reset();
      this.#inFlight = 0;
      this.#writing = void 0;
      this.#schedule();
    });
  }
  /**
   * The recording so far as a complete HAR, for a download while recording goes on. What
   * finished before the call is written first. The bytes before the write position never
   * change afterwards (each write starts over the closing brackets), so they are read as they
   * are, with the closing brackets appended: no lock, and the recording goes on meanwhile.
   */
  async snapshot() {
    if (this.#closed !== void 0) {
      await this.#closed;
      return createReadStream(this.path);
    }
    this.#drain();
    const target = this.#position + this.#inFlight + this.#out.length;
    while (this.#position < target && !this.#failed && this.#closed === void 0) {
      if (this.#writing === void 0) this.#flush();
      if (this.#writing === void 0) break;
      await this.#writing;
    }
    const end = this.#position;
    const file = this.path;
    return Readable.from(
      (async function* () {
        yield* createReadStream(file, { start: 0, end: end - 1 });
        yield FOOTER_BYTES;
      })()
    );
  }
  /** Writes what is pending and closes the file; idempotent. */
  close() {
    this.#closed ??= this.#close();
    return this.#closed;
  }
  async #close() {
    try {
      this.#drain();
      while (this.#writing !== void 0 || this.#out.length > 0 && !this.#failed) {
        if (this.#writing === void 0) this.#flush();
        await this.#writing;
      }
      if (this.#dropped > 0 && !this.#failed) {
        const note = `${this.#dropped} requests were not recorded: writing the recording could not keep up`;
        const footer = Buffer.from(`
],"comment":${JSON.stringify(note)}}}
`);
        await this.#file.write(footer, 0, footer.length, this.#position);
        await this.#file.truncate(this.#position + footer.length);
        this.#logger.warning(`Recording ${this.path}: ${note}.`);
      }
    } catch (error2) {
      this.#logger.warning(`Recording to ${this.path} could not be finished: ${errorMessage(error2)}`);
    } finally {
      await this.#file.close().catch(() => void 0);
    }
  }
};
function captureExchange(bodyLimit, method, url, httpVersion, rawHeaders, startedAt, clientAddress2) {
  const sink = { bodyLimit, enqueue: () => void 0 };
  return new Entry(sink, method, url, httpVersion, rawHeaders, startedAt, clientAddress2);
}
function recordedUrl(base, pathAndQuery) {
  return base + redactUrlPath(pathAndQuery.startsWith("/") ? pathAndQuery : `/${pathAndQuery}`);
}

// src/gate/inspector/har-download.ts
function feedHar(feed, details) {
  const parts2 = [];
  let left = 0;
  for (const item of feed.all()) {
    const json2 = details.entryJson(item);
    if (json2 === void 0) left++;
    else parts2.push(json2);
  }
  const gone = feed.oldest - 1;
  const notes = ["Built by the request inspector from the requests it keeps in memory (recording is off)"];
  if (gone > 0) notes.push(`${gone} earlier requests are no longer kept`);
  if (left > 0) notes.push(`${left} more were kept only as summaries`);
  const header = harHeader();
  const footer = `
],"comment":${JSON.stringify(`${notes.join("; ")}.`)}}}
`;
  return Buffer.from(`${header}${parts2.map((p, i) => i === 0 ? `
${p}` : `,
${p}`).join("")}${footer}`);
}

// inspector-page:virtual:inspector-page
var js = '"use strict";(()=>{function r(e,t={},...n){let s=document.createElement(e);t.class&&(s.className=t.class),t.title!==void 0&&(s.title=t.title);for(let[i,c]of Object.entries(t.attrs??{}))s.setAttribute(i,c);t.text!==void 0&&(s.textContent=t.text);for(let i of n)i===void 0||i===!1||s.append(typeof i=="string"?document.createTextNode(i):i);return s}function w(e){let t=document.getElementById(e);if(t===null)throw new Error(`the page lacks #${e}`);return t}function C(e){for(;e.firstChild;)e.firstChild.remove()}function j(e){return e.map((t,n)=>n%2===0?document.createTextNode(t):r("span",{class:"ctl",text:t,title:"control character"}))}function V(e,t){C(e);for(let n of j(t))e.appendChild(n)}var z=/[\\u0000-\\u0008\\u000b-\\u001f\\u007f]/g;function K(e){return`\\\\x${e.charCodeAt(0).toString(16).padStart(2,"0")}`}function p(e){return e.replace(z,K)}function D(e){let t=[],n=0;for(let s of e.matchAll(z))t.push(e.slice(n,s.index),K(s[0])),n=s.index+1;return t.push(e.slice(n)),t}var F=64*1024;function Z(e){if(e===void 0||e.size===0)return{kind:"empty",pretty:"",raw:"",notes:[]};let t=[];if(e.comment?t.push(e.comment):e.truncated&&t.push("Only the first part was recorded (record-body-limit)."),e.text===void 0)return{kind:"empty",pretty:"",raw:"",notes:t};if(e.encoding==="base64"){let i=ue(e.text);i.length>F&&t.push(`Showing the first ${F} of ${i.length} bytes.`);let c=pe(i.subarray(0,F));return{kind:"binary",pretty:c,raw:c,notes:t}}let n=e.text,s=e.mimeType.toLowerCase();if(/[/+]json\\b|^application\\/x-ndjson/.test(s)||s===""&&/^\\s*[[{]/.test(n)){let i=de(n);if(i!==void 0)return{kind:"json",pretty:i,raw:n,notes:t}}return s.startsWith("application/x-www-form-urlencoded")?{kind:"form",pretty:ce(n),raw:n,notes:t}:/[/+]xml\\b/.test(s)||/^text\\/html/.test(s)===!1&&/^\\s*<\\?xml/.test(n)?{kind:"xml",pretty:le(n),raw:n,notes:t}:{kind:"text",pretty:n,raw:n,notes:t}}function de(e){try{return JSON.stringify(JSON.parse(e),null,2)}catch{let t=e.split(`\n`).filter(n=>n.trim()!=="");if(t.length<2)return;try{return t.map(n=>JSON.stringify(JSON.parse(n),null,2)).join(`\n`)}catch{return}}}function ce(e){return e.split("&").filter(t=>t!=="").map(t=>{let n=t.indexOf("="),s=n===-1?t:t.slice(0,n),i=n===-1?"":t.slice(n+1);return`${X(s)} = ${X(i)}`}).join(`\n`)}function X(e){try{return decodeURIComponent(e.replaceAll("+"," "))}catch{return e}}function le(e){let t=e.match(/<!\\[CDATA\\[[\\s\\S]*?\\]\\]>|<!--[\\s\\S]*?-->|<[^>]*>?|[^<]+/g)??[],n=[],s=0,i=c=>n.push(`${"  ".repeat(Math.max(0,s))}${c}`);for(let c=0;c<t.length;c++){let a=t[c];if(!a.startsWith("<")){let m=a.trim();m!==""&&i(m);continue}let d=a.startsWith("</"),v=a.endsWith("/>")||/^<[?!]/.test(a);if(d){s--,i(a);continue}let g=t[c+1],f=t[c+2];if(!v&&g!==void 0&&!g.startsWith("<")&&f?.startsWith("</")){i(`${a}${g.trim()}${f}`),c+=2;continue}i(a),v||s++}return n.join(`\n`)}function ue(e){let t=atob(e),n=new Uint8Array(t.length);for(let s=0;s<t.length;s++)n[s]=t.charCodeAt(s);return n}function pe(e){let t=[];for(let n=0;n<e.length;n+=16){let s=e.subarray(n,n+16),i="",c="";for(let a=0;a<16;a++){let d=s[a];i+=d===void 0?"   ":`${d.toString(16).padStart(2,"0")} `,a===7&&(i+=" "),d!==void 0&&(c+=d>=32&&d<127?String.fromCharCode(d):".")}t.push(`${n.toString(16).padStart(8,"0")}  ${i} |${c}|`)}return t.join(`\n`)}function M(e){return e<1024?`${e} B`:e<1024*1024?`${(e/1024).toFixed(e<10*1024?1:0)} kB`:`${(e/1024/1024).toFixed(1)} MB`}function L(e){return e<1?`${e.toFixed(2)} ms`:e<1e3?`${Math.round(e)} ms`:`${(e/1e3).toFixed(e<1e4?2:1)} s`}function R(e){return e>=100&&e<600?`${Math.floor(e/100)}xx`:"none"}function H(e){let t=new Date(e),n=s=>String(s).padStart(2,"0");return`${n(t.getHours())}:${n(t.getMinutes())}:${n(t.getSeconds())}.${String(t.getMilliseconds()).padStart(3,"0")}`}function U(e){return r("span",{class:`method m-${/^[A-Z]+$/.test(e)?e.toLowerCase():"other"}`,text:p(e)})}function P(e){return r("span",{class:`status s-${R(e)}`,text:e===0?"\\u2014":String(e),title:e===0?"no response: the connection closed first":""})}function W(e){if(e!==void 0)return r("span",{class:`badge ${e.ok?"ok":"bad"}`,text:`${e.ok?"\\u2713":"\\u2717"} ${e.provider}`,title:e.ok?`${e.provider} signature verified`:`${e.provider}: ${p(e.reason??"rejected")}`})}function J(e,t){let n=r("button",{class:"link",text:`#${e}`,attrs:{type:"button","data-goto":String(e)}});return n.addEventListener("click",()=>t.select(e)),n}function Q(e){return!e||e.length===0?r("p",{class:"muted",text:"No headers."}):r("table",{class:"headers"},r("tbody",{},...e.map(t=>r("tr",{},r("th",{text:p(t.name)}),r("td",{},...j(D(t.value)))))))}function Y(e,t){let n=Z(e),s=r("div",{class:"body"});if(n.kind==="empty"&&n.notes.length===0)return s.append(r("p",{class:"muted",text:`No ${t} body.`})),s;let i=r("div",{class:"body-head"},r("span",{class:"kind",text:n.kind==="binary"?"binary (hex)":n.kind}),e?r("span",{class:"muted",text:`${M(e.size)} \\xB7 ${p(e.mimeType||"no type")}`}):void 0);s.append(i);for(let a of n.notes)s.append(r("p",{class:"note",text:p(a)}));if(n.kind==="empty")return s;let c=r("pre",{class:"code"},...j(D(n.pretty)));if(n.pretty!==n.raw){let a=!1,d=r("button",{class:"small",text:"Raw",attrs:{type:"button"}});d.addEventListener("click",()=>{a=!a,V(c,D(a?n.raw:n.pretty)),d.textContent=a?"Pretty":"Raw"}),i.append(d)}return s.append(c),s}function fe(e){let t=e.timings;if(!t)return;let n=Math.max(t.send+t.wait+t.receive,.001),s=(a,d)=>{let v=r("span",{class:`seg ${a}`,title:`${a} ${L(d)}`});return v.style.width=`${Math.max(d/n*100,d>0?1:0)}%`,v},i=r("div",{class:"bar"},s("send",t.send),s("wait",t.wait),s("receive",t.receive)),c=r("div",{class:"legend"},r("span",{class:"key send"}),`send ${L(t.send)}`,r("span",{class:"key wait"}),`waiting for the app ${L(t.wait)}`,r("span",{class:"key receive"}),`receive ${L(t.receive)}`);return r("div",{class:"timing"},i,c)}function me(e){return e.map(t=>`${t.name}: ${t.value}`).join(`\n`)}function he(e){let t=[];for(let[n,s]of e.split(`\n`).entries()){if(s.trim()==="")continue;let i=s.indexOf(":");if(i<1)return`line ${n+1} is not "Name: value"`;t.push([s.slice(0,i).trim(),s.slice(i+1).trim()])}return t}function ge(e,t){let n=e.summary.id,s=r("p",{class:"result",attrs:{id:"replay-result",role:"status"}}),i=async(x,b)=>{b.disabled=!0,s.className="result",s.textContent="Sending\\u2026";try{let h=await t.replay(n,x);C(s),s.className=`result ${h.status<400?"ok":"bad"}`,s.append(`Replayed${h.signedAs?` (signed again as ${h.signedAs})`:""}: `,P(h.status)),h.id!==void 0&&s.append(" as ",J(h.id,t))}catch(h){s.className="result bad",s.textContent=`Replay failed: ${h.message}`}finally{b.disabled=!1}},c=r("button",{class:"button primary",text:"Replay",attrs:{type:"button",id:"replay"}}),a=r("button",{class:"button",text:"Edit and replay",attrs:{type:"button",id:"replay-edit"}}),d=r("button",{class:"button",text:"Copy as curl",attrs:{type:"button",id:"copy-curl"}}),v=r("div",{class:"actions"},c,a,d),g=r("section",{class:"card replay"},v);e.notReplayable?(c.disabled=!0,a.disabled=!0,g.append(r("p",{class:"muted",text:`Replay is not offered: ${e.notReplayable}.`}))):e.signsAs&&g.append(r("p",{class:"muted",text:`A ${e.signsAs} delivery: Replay signs it again with a fresh timestamp.`})),c.addEventListener("click",()=>{i({},c)});let f=r("form",{class:"editor",attrs:{id:"replay-editor"}});f.hidden=!0;let m=r("textarea",{attrs:{id:"edit-headers",rows:"8",spellcheck:"false"}});m.value=me((e.requestHeaders??[]).filter(x=>x.value!=="[redacted]"&&!/^(host|content-length)$/i.test(x.name)));let E=r("textarea",{attrs:{id:"edit-body",rows:"8",spellcheck:"false"}}),A=e.requestBody,y=A?.encoding==="base64";E.value=A?.text!==void 0&&!y?A.text:"",y&&(E.disabled=!0);let $=r("input",{attrs:{type:"checkbox",id:"edit-sign"}});$.checked=!0;let k=r("button",{class:"button primary",text:"Send",attrs:{type:"submit"}}),B=r("button",{class:"button",text:"Cancel",attrs:{type:"button"}});f.append(r("label",{text:"Headers (one \\u201CName: value\\u201D a line; redacted ones are left out)",attrs:{for:"edit-headers"}}),m,r("label",{text:y?"Body (binary: sent as recorded)":"Body",attrs:{for:"edit-body"}}),E),e.signsAs&&f.append(r("label",{class:"check"},$,` Sign again as ${e.signsAs} (fresh timestamp)`)),f.append(r("div",{class:"actions"},k,B)),f.addEventListener("submit",x=>{x.preventDefault();let b=he(m.value);if(typeof b=="string"){s.className="result bad",s.textContent=`Headers: ${b}`;return}let h={headers:b};y||(h.body=E.value),e.signsAs&&(h.sign=$.checked),i(h,k)}),a.addEventListener("click",()=>{f.hidden=!f.hidden}),B.addEventListener("click",()=>{f.hidden=!0});let T=r("pre",{class:"code curl",attrs:{id:"curl"},text:p(e.curl??"")});return T.hidden=!0,e.curl||(d.disabled=!0),d.addEventListener("click",()=>{T.hidden=!1;let x=()=>{d.textContent="Copied",window.setTimeout(()=>{d.textContent="Copy as curl"},2e3)};navigator.clipboard&&window.isSecureContext?navigator.clipboard.writeText(e.curl??"").then(x,()=>ee(T)):ee(T)}),g.append(f,s,T),g}function ee(e){let t=document.createRange();t.selectNodeContents(e);let n=window.getSelection();n?.removeAllRanges(),n?.addRange(t)}function S(e,...t){return r("div",{class:"fact"},r("dt",{text:e}),r("dd",{},...t))}function ye(e,t){let n=r("dd",{attrs:{id:"replayed-as"}});for(let i of e)te(n,i,t);let s=r("div",{class:"fact"},r("dt",{text:"Replayed as"}),n);return s.hidden=e.length===0,s}function te(e,t,n){e.querySelector(`[data-goto="${t}"]`)||(e.childNodes.length>0&&e.append(", "),e.append(J(t,n)))}function ne(e,t,n){let s=e.querySelector("#replayed-as");s?.parentElement&&(te(s,t,n),s.parentElement.hidden=!1)}function se(e,t,n){C(e);let s=t.summary,i=r("button",{class:"close",text:"\\xD7",title:"Close",attrs:{type:"button","aria-label":"Close"}});i.addEventListener("click",n.close),e.append(r("header",{class:"detail-head"},U(s.method),r("h2",{class:"path",text:p(s.path),title:p(t.url??s.path)}),i));let c=r("dl",{class:"facts"},S("Status",P(s.status),t.statusText?` ${p(t.statusText)}`:""),S("Duration",L(s.durationMs)),S("Started",H(s.startedAt)),S("Size",`${M(s.requestBytes)} sent \\xB7 ${M(s.responseBytes)} received`),s.client?S("Client",p(s.client)):void 0,s.webhook?S("Webhook",W(s.webhook),s.webhook.ok?" signature verified":` ${p(s.webhook.reason??"rejected")}`):void 0,s.service?S("Service",p(s.service)):void 0,s.note?S("Gate",p(s.note)):void 0,s.replayOf!==void 0?S("Replay of",J(s.replayOf,n)):void 0,ye(t.replays,n));if(e.append(r("section",{class:"card"},c,fe(t))),!t.kept){e.append(r("p",{class:"note",text:"Only the summary of this request is kept (older requests are dropped to save memory)."}));return}e.append(ge(t,n)),e.append(r("section",{class:"card"},r("h3",{text:"Request"}),Q(t.requestHeaders),Y(t.requestBody,"request")),r("section",{class:"card"},r("h3",{text:"Response"}),Q(t.responseHeaders),Y(t.responseBody,"response")))}var xe=new Set(["GET","HEAD","POST","PUT","PATCH","DELETE","OPTIONS","TRACE","CONNECT"]);function re(e){let t=e.toLowerCase();if(/^[1-5]xx$/.test(t))return n=>R(n.status)===t;if(/^\\d{3}$/.test(t))return n=>n.status===Number(t);if(t==="none"||t==="0")return n=>n.status===0}function be(e){let t=e.webhook;return[e.method,e.path,String(e.status),e.client??"",t?`${t.provider} ${t.ok?"verified":"rejected"} ${t.reason??""}`:"",e.service??"",e.note??""].join(" ").toLowerCase()}function ve(e){let t=e.indexOf(":");if(t>0){let i=e.slice(0,t).toLowerCase(),c=e.slice(t+1),a=c.toLowerCase();switch(i){case"method":return d=>d.method.toLowerCase()===a;case"status":return re(c)??(()=>!1);case"path":return d=>d.path.toLowerCase().includes(a);case"client":return d=>(d.client??"").toLowerCase().includes(a);case"webhook":return d=>d.webhook!==void 0&&(a===""||d.webhook.provider===a||a==="ok"&&d.webhook.ok||a==="failed"&&!d.webhook.ok);case"service":return d=>(d.service??"").toLowerCase()===a}}if(xe.has(e.toUpperCase()))return i=>i.method.toUpperCase()===e.toUpperCase();let n=re(e);if(n)return n;let s=e.toLowerCase();return e.startsWith("/")?i=>i.path.toLowerCase().startsWith(s):i=>be(i).includes(s)}function oe(e,t=""){let n=e.split(/\\s+/).filter(s=>s!=="").map(ve);return t!==""&&n.push(s=>R(s.status)===t),s=>n.every(i=>i(s))}var q=class{#i;#e;#t;#n=0;#a;#s=15e3;#d;#r=1e3;#c=!1;#l=!1;constructor(t,n){this.#i=t,this.#e=n}get lastId(){return this.#n}start(){this.#u()}#u(){this.#t?.close();let t=`${this.#i}/events${this.#n>0?`?lastEventId=${this.#n}`:""}`,n=new EventSource(t);this.#t=n,this.#o(this.#c?this.#s*2+5e3:8e3),n.addEventListener("hello",s=>{let i=JSON.parse(s.data);this.#c=!0,this.#r=1e3,this.#p(i),this.#e.onState("live"),this.#o(this.#s*2+5e3)}),n.addEventListener("ping",()=>this.#o(this.#s*2+5e3)),n.addEventListener("gap",s=>{this.#e.onGap(JSON.parse(s.data).missed)}),n.addEventListener("message",s=>{this.#o(this.#s*2+5e3),this.#f(JSON.parse(s.data))}),n.addEventListener("error",()=>{n===this.#t&&(this.#e.onState("reconnecting"),n.readyState===EventSource.CLOSED&&this.#m())})}#p(t){this.#a!==void 0&&this.#a!==t.epoch&&(this.#n=0,this.#e.onReset()),this.#a=t.epoch,this.#s=t.heartbeatMs}#f(t){t.id<=this.#n||(this.#n=t.id,this.#e.onSummary(t))}#o(t){window.clearTimeout(this.#d),this.#d=window.setTimeout(()=>{this.#t?.close(),this.#t=void 0,this.#c?(this.#e.onState("reconnecting"),this.#m()):this.#h()},t)}#m(){window.clearTimeout(this.#d),this.#t?.close(),this.#t=void 0;let t=this.#r;this.#r=Math.min(this.#r*2,3e4),window.setTimeout(()=>this.#u(),t)}#h(){this.#l||(this.#l=!0,this.#e.onState("polling")),fetch(`${this.#i}/events?lastEventId=${this.#n}`,{headers:{accept:"application/json"},credentials:"same-origin",cache:"no-store"}).then(t=>{if(!t.ok)throw new Error(String(t.status));return t.json()}).then(t=>{this.#p(t),t.missed>0&&this.#e.onGap(t.missed);for(let n of t.events)this.#f(n);this.#e.onState("polling")},()=>this.#e.onState("reconnecting")).finally(()=>window.setTimeout(()=>this.#h(),2e3))}};var we=2e3,Se={connecting:"Connecting\\u2026",live:"Live",reconnecting:"Reconnecting\\u2026",polling:"Live (polling)"};function ie(){let e=w("app"),t=e.dataset.base??"/__preview/inspect",n=w("rows"),s=w("empty"),i=w("count"),c=w("filter"),a=w("detail"),d=w("conn"),v=w("conn-text"),g=[...document.querySelectorAll("[data-class]")],f=new Map,m=new Map,E=()=>!0,A="",y,$=0,k=()=>{let o=0;for(let u of m.values())u.hidden||o++;let l=f.size;i.textContent=l===o?`${l}`:`${o} of ${l}`,i.title=$>0?`${$} earlier requests are no longer kept by the gate`:"",s.hidden=l>0},B=o=>{let l=r("div",{class:"path-cell"},r("span",{class:"path-text",text:p(o.path),title:p(o.path)})),u=r("td",{class:"path"},l),N=r("span",{class:"badges"},W(o.webhook),o.service?r("span",{class:"badge service",text:p(o.service)}):void 0,o.replayOf!==void 0?r("span",{class:"badge replay",text:`\\u21BB #${o.replayOf}`,title:`replay of #${o.replayOf}`}):void 0);N.childNodes.length>0&&l.append(N);let O=r("tr",{attrs:{"data-id":String(o.id),tabindex:"0"}},r("td",{class:"time",text:H(o.startedAt).slice(0,8),title:H(o.startedAt)}),r("td",{},U(o.method)),u,r("td",{},P(o.status)),r("td",{class:"num",text:L(o.durationMs)}),r("td",{class:"num",text:M(o.responseBytes),title:`${M(o.requestBytes)} sent`}),r("td",{class:"client",text:p(o.client??"")}));return o.note&&(O.title=p(o.note)),O.addEventListener("click",()=>I(o.id)),O.addEventListener("keydown",_=>{(_.key==="Enter"||_.key===" ")&&(_.preventDefault(),I(o.id))}),O},T=o=>{if(f.has(o.id))return;f.set(o.id,o);let l=B(o);for(l.hidden=!E(o),o.id===y&&l.classList.add("selected"),m.set(o.id,l),n.prepend(l);m.size>we;){let[u]=m.keys();if(u===void 0)break;m.get(u)?.remove(),m.delete(u),f.delete(u)}o.replayOf!==void 0&&o.replayOf===y&&ne(a,o.id,b),k()},x=()=>{E=oe(c.value,A);for(let[o,l]of m){let u=f.get(o);l.hidden=u===void 0||!E(u)}k()},b={select:o=>I(o),close:()=>{y=void 0,a.hidden=!0,document.body.classList.remove("with-detail");for(let o of n.querySelectorAll("tr.selected"))o.classList.remove("selected")},replay:async(o,l)=>{let u=await fetch(`${t}/replay/${o}`,{method:"POST",headers:{"content-type":"application/json",accept:"application/json"},credentials:"same-origin",body:JSON.stringify(l)}),N=await u.json();if(!u.ok)throw new Error(N.error??`the gate answered ${u.status}`);return N}},h=0,ae=async o=>{let l=++h,u=await fetch(`${t}/requests/${o}`,{headers:{accept:"application/json"},credentials:"same-origin",cache:"no-store"});if(!(l!==h||y!==o)){if(a.hidden=!1,document.body.classList.add("with-detail"),!u.ok){C(a),a.append(r("p",{class:"note",text:`Request #${o} is not kept any more (${u.status}).`}));return}se(a,await u.json(),b),a.dataset.id=String(o),a.scrollTop=0}},I=o=>{y=o;for(let u of n.querySelectorAll("tr.selected"))u.classList.remove("selected");let l=m.get(o);l?.classList.add("selected"),l?.scrollIntoView({block:"nearest"}),ae(o)};c.addEventListener("input",x);for(let o of g)o.addEventListener("click",()=>{A=o.dataset.class??"";for(let l of g)l.setAttribute("aria-pressed",String(l===o));x()});document.addEventListener("keydown",o=>{o.key==="Escape"&&y!==void 0&&b.close(),o.key==="/"&&document.activeElement?.tagName!=="INPUT"&&document.activeElement?.tagName!=="TEXTAREA"&&(o.preventDefault(),c.focus())});let G=new q(t,{onReset:()=>{f.clear(),m.clear(),C(n),$=0,k()},onSummary:T,onGap:o=>{$+=o,k()},onState:o=>{d.dataset.state=o,v.textContent=Se[o],e.dataset.lastId=String(G.lastId)}});k(),G.start()}document.readyState==="loading"?document.addEventListener("DOMContentLoaded",ie):ie();})();\n';
var css = ':root{color-scheme:light dark;--fg: #1f2328;--muted: #59636e;--bg: #f6f8fa;--card: #ffffff;--border: #d1d9e0;--row-hover: #f3f6f9;--selected: #ddf4ff;--selected-border: #54aeff;--accent: #1f883d;--accent-hover: #1a7f37;--accent-fg: #ffffff;--link: #0969da;--ok-bg: #dafbe1;--ok-fg: #116329;--warn-bg: #fff8c5;--warn-fg: #7d4e00;--error-bg: #ffebe9;--error-fg: #a40e26;--info-bg: #ddf4ff;--info-fg: #0550ae;--code-bg: #f6f8fa;--mono: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace}@media(prefers-color-scheme:dark){:root{--fg: #f0f6fc;--muted: #9198a1;--bg: #0d1117;--card: #151b23;--border: #3d444d;--row-hover: #1c2129;--selected: #121d2f;--selected-border: #1f6feb;--accent: #238636;--accent-hover: #29903b;--link: #4493f8;--ok-bg: #12261e;--ok-fg: #3fb950;--warn-bg: #272115;--warn-fg: #d29922;--error-bg: #25171c;--error-fg: #ff7b72;--info-bg: #121d2f;--info-fg: #4493f8;--code-bg: #0d1117}}*{box-sizing:border-box}[hidden]{display:none!important}html,body{height:100%}body{margin:0;background:var(--bg);color:var(--fg);font:14px/1.45 -apple-system,BlinkMacSystemFont,Segoe UI,Noto Sans,Helvetica,Arial,sans-serif;display:flex;flex-direction:column}button,input,textarea{font:inherit;color:inherit}.muted{color:var(--muted)}.topbar{display:flex;align-items:center;gap:1rem;flex-wrap:wrap;padding:.75rem 1.25rem;background:var(--card);border-bottom:1px solid var(--border)}.brand{display:flex;align-items:baseline;gap:.5rem;margin-right:auto}.brand h1{margin:0;font-size:1.125rem;font-weight:600}.brand .sub{color:var(--muted);font-size:.8125rem}.count{display:inline-block;min-width:1.5rem;padding:0 .5rem;border-radius:999px;background:var(--bg);border:1px solid var(--border);color:var(--muted);font-size:.75rem;font-weight:600;text-align:center}.tools{display:flex;align-items:center;gap:.625rem;flex-wrap:wrap}#filter{width:18rem;max-width:60vw;padding:.375rem .625rem;border:1px solid var(--border);border-radius:6px;background:var(--bg)}#filter:focus{outline:2px solid var(--selected-border);outline-offset:-1px}.classes{display:inline-flex;border:1px solid var(--border);border-radius:6px;overflow:hidden}.classes button{border:0;border-right:1px solid var(--border);background:var(--card);padding:.3125rem .625rem;cursor:pointer;font-size:.8125rem}.classes button:last-child{border-right:0}.classes button[aria-pressed=true]{background:var(--selected);color:var(--info-fg);font-weight:600}.button{display:inline-flex;align-items:center;gap:.375rem;padding:.375rem .75rem;border:1px solid var(--border);border-radius:6px;background:var(--bg);color:var(--fg);font-weight:600;font-size:.8125rem;text-decoration:none;cursor:pointer;white-space:nowrap}.button:hover{border-color:var(--muted)}.button.primary{background:var(--accent);border-color:var(--accent);color:var(--accent-fg)}.button.primary:hover{background:var(--accent-hover)}.button:disabled{opacity:.5;cursor:default}.conn{display:inline-flex;align-items:center;gap:.375rem;font-size:.8125rem;color:var(--muted)}.conn .dot{width:.5rem;height:.5rem;border-radius:50%;background:var(--muted)}.conn[data-state=live] .dot,.conn[data-state=polling] .dot{background:#2da44e;box-shadow:0 0 0 3px #2da44e33}.conn[data-state=reconnecting] .dot{background:#bf8700}.layout{flex:1;display:flex;min-height:0}.list{flex:1;overflow:auto;min-width:0}.detail{width:48%;max-width:52rem;overflow:auto;border-left:1px solid var(--border);background:var(--bg);padding:1rem}@media(max-width:900px){.layout{flex-direction:column}.detail{width:auto;max-width:none;border-left:0;border-top:1px solid var(--border);max-height:60vh}}table.requests{width:100%;border-collapse:collapse;background:var(--card)}.requests th{position:sticky;top:0;z-index:1;background:var(--card);text-align:left;font-size:.75rem;font-weight:600;color:var(--muted);text-transform:uppercase;letter-spacing:.04em;padding:.5rem .75rem;border-bottom:1px solid var(--border)}.requests td{padding:.4375rem .75rem;border-bottom:1px solid var(--border);vertical-align:middle;white-space:nowrap}.requests tbody tr{cursor:pointer}.requests tbody tr:hover{background:var(--row-hover)}.requests tbody tr.selected{background:var(--selected);box-shadow:inset 3px 0 0 var(--selected-border)}.requests tbody tr:focus-visible{outline:2px solid var(--selected-border);outline-offset:-2px}.requests td.time,.requests td.num,.requests td.client{font-family:var(--mono);font-size:.75rem;color:var(--muted)}.requests td.num,.requests th.num{text-align:right}.requests td.path{width:100%;max-width:0;overflow:hidden;text-overflow:ellipsis}.with-detail .requests .client{display:none}.path-cell{display:flex;align-items:center;gap:.5rem;min-width:0}.path-text{flex:0 1 auto;min-width:0;overflow:hidden;text-overflow:ellipsis;font-family:var(--mono);font-size:.8125rem}.badges{flex:none;display:inline-flex;gap:.25rem}.empty{margin:3rem auto;max-width:28rem;text-align:center;color:var(--muted)}.method{display:inline-block;min-width:3.75rem;padding:.0625rem .375rem;border-radius:4px;font:600 .6875rem / 1.5 var(--mono);text-align:center;background:var(--bg);border:1px solid var(--border)}.method.m-get{color:var(--info-fg);background:var(--info-bg);border-color:transparent}.method.m-post{color:var(--ok-fg);background:var(--ok-bg);border-color:transparent}.method.m-put,.method.m-patch{color:var(--warn-fg);background:var(--warn-bg);border-color:transparent}.method.m-delete{color:var(--error-fg);background:var(--error-bg);border-color:transparent}.status{display:inline-block;min-width:2.5rem;padding:.0625rem .375rem;border-radius:999px;font:600 .75rem / 1.5 var(--mono);text-align:center;background:var(--bg);color:var(--muted)}.status.s-2xx{background:var(--ok-bg);color:var(--ok-fg)}.status.s-3xx{background:var(--info-bg);color:var(--info-fg)}.status.s-4xx{background:var(--warn-bg);color:var(--warn-fg)}.status.s-5xx,.status.s-none{background:var(--error-bg);color:var(--error-fg)}.badge{display:inline-block;padding:0 .4375rem;border-radius:999px;font-size:.6875rem;font-weight:600;line-height:1.5;border:1px solid var(--border);color:var(--muted);font-family:inherit}.badge.ok{background:var(--ok-bg);color:var(--ok-fg);border-color:transparent}.badge.bad{background:var(--error-bg);color:var(--error-fg);border-color:transparent}.badge.replay{background:var(--info-bg);color:var(--info-fg);border-color:transparent}.detail-head{display:flex;align-items:flex-start;gap:.625rem;margin-bottom:.75rem}.detail-head .method{margin-top:.25rem}.detail-head h2{flex:1;margin:0;font:600 .9375rem / 1.5 var(--mono);overflow-wrap:anywhere}.close{border:0;background:none;font-size:1.375rem;line-height:1;color:var(--muted);cursor:pointer;padding:0 .25rem}.close:hover{color:var(--fg)}.card{background:var(--card);border:1px solid var(--border);border-radius:8px;padding:.875rem 1rem;margin-bottom:.875rem}.card h3{margin:0 0 .625rem;font-size:.875rem;font-weight:600}.facts{display:grid;grid-template-columns:repeat(auto-fill,minmax(11rem,1fr));gap:.625rem 1rem;margin:0}.fact dt{font-size:.6875rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);font-weight:600}.fact dd{margin:.125rem 0 0;overflow-wrap:anywhere}.timing{margin-top:.875rem}.bar{display:flex;height:.5rem;border-radius:4px;overflow:hidden;background:var(--bg)}.seg.send{background:#8c959f}.seg.wait{background:#54aeff}.seg.receive{background:#4ac26b}.legend{display:flex;flex-wrap:wrap;align-items:center;gap:.25rem .5rem;margin-top:.375rem;font-size:.75rem;color:var(--muted)}.legend .key{display:inline-block;width:.625rem;height:.625rem;border-radius:2px;margin-left:.5rem}.legend .key:first-child{margin-left:0}.key.send{background:#8c959f}.key.wait{background:#54aeff}.key.receive{background:#4ac26b}.actions{display:flex;gap:.5rem;flex-wrap:wrap}.replay .muted{margin:.625rem 0 0}.editor{display:flex;flex-direction:column;gap:.375rem;margin-top:.75rem}.editor label{font-size:.75rem;font-weight:600;color:var(--muted)}.editor label.check{font-weight:400;color:var(--fg);display:flex;align-items:center;gap:.375rem}.editor textarea{width:100%;font:.75rem / 1.5 var(--mono);padding:.5rem;border:1px solid var(--border);border-radius:6px;background:var(--code-bg);resize:vertical}.result{margin:.625rem 0 0;font-size:.8125rem}.result:empty{display:none}.result.bad{color:var(--error-fg)}.link{border:0;background:none;padding:0;color:var(--link);font:600 .8125rem var(--mono);cursor:pointer}.link:hover{text-decoration:underline}table.headers{width:100%;border-collapse:collapse;font:.75rem / 1.5 var(--mono);margin-bottom:.75rem}table.headers th{text-align:left;vertical-align:top;font-weight:600;color:var(--muted);padding:.1875rem 1rem .1875rem 0;white-space:nowrap;width:1%}table.headers td{padding:.1875rem 0;overflow-wrap:anywhere;word-break:break-word}table.headers tr+tr th,table.headers tr+tr td{border-top:1px solid var(--border)}.body-head{display:flex;align-items:center;gap:.625rem;margin-bottom:.375rem;font-size:.75rem}.body-head .kind{font-weight:600;text-transform:uppercase;letter-spacing:.04em;color:var(--fg)}.small{margin-left:auto;border:1px solid var(--border);border-radius:4px;background:var(--bg);padding:0 .5rem;font-size:.75rem;cursor:pointer}pre.code{margin:0;padding:.625rem .75rem;max-height:28rem;overflow:auto;background:var(--code-bg);border:1px solid var(--border);border-radius:6px;font:.75rem / 1.5 var(--mono);white-space:pre-wrap;overflow-wrap:anywhere}.ctl{padding:0 .125rem;border-radius:3px;background:var(--warn-bg);color:var(--warn-fg)}pre.curl{margin-top:.75rem}p.muted{margin:.25rem 0;font-size:.8125rem}.note{margin:0 0 .5rem;padding:.375rem .625rem;border-radius:6px;background:var(--warn-bg);color:var(--warn-fg);font-size:.8125rem}noscript p{margin:2rem}\n';

// src/gate/inspector/page.ts
var SCRIPT_PATH = `${INSPECT_PATH}/app.js`;
var STYLE_PATH = `${INSPECT_PATH}/app.css`;
var ICON_PATH = `${INSPECT_PATH}/icon.svg`;
var ICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#0969da"/><path d="M8 10h16M8 16h11M8 22h7" stroke="#fff" stroke-width="3" stroke-linecap="round"/><circle cx="23" cy="22" r="3.5" fill="none" stroke="#fff" stroke-width="2.5"/></svg>`;
var assets;
function asset(text, path) {
  const body = Buffer.from(text, "utf8");
  return { body, url: `${path}?v=${createHash("sha256").update(body).digest("hex").slice(0, 12)}` };
}
function pageAssets() {
  if (assets === void 0) {
    const script = asset(js, SCRIPT_PATH);
    const style = asset(css, STYLE_PATH);
    const icon = asset(ICON, ICON_PATH);
    assets = { js: script, css: style, icon, html: shell(script.url, style.url, icon.url) };
  }
  return assets;
}
function shell(scriptUrl, styleUrl, iconUrl) {
  const classes = [
    ["", "All"],
    ["2xx", "2xx"],
    ["3xx", "3xx"],
    ["4xx", "4xx"],
    ["5xx", "5xx"]
  ].map(
    ([value, label]) => `<button type="button" data-class="${value}" aria-pressed="${value === "" ? "true" : "false"}">${label}</button>`
  ).join("");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Requests \xB7 preview inspector</title>
<link rel="icon" type="image/svg+xml" href="${iconUrl}">
<link rel="stylesheet" href="${styleUrl}">
<script src="${scriptUrl}" defer></script>
</head>
<body>
<header class="topbar" id="app" data-base="${INSPECT_PATH}">
  <div class="brand"><h1>Requests</h1><span id="count" class="count">0</span><span class="sub">through this preview, live</span></div>
  <div class="tools">
    <input id="filter" type="search" placeholder="Filter: POST 4xx /hooks text\u2026  (press /)" aria-label="Filter requests" autocomplete="off" spellcheck="false">
    <div class="classes" role="group" aria-label="Status class">${classes}</div>
    <a id="download" class="button" href="${INSPECT_PATH}/har" download="preview-requests.har">Download HAR</a>
    <span id="conn" class="conn" data-state="connecting" role="status"><span class="dot"></span><span id="conn-text">Connecting\u2026</span></span>
  </div>
</header>
<main class="layout">
  <section class="list" aria-label="Requests">
    <table id="requests" class="requests">
      <thead><tr><th>Time</th><th>Method</th><th>Path</th><th>Status</th><th class="num">Duration</th><th class="num">Size</th><th class="client">Client</th></tr></thead>
      <tbody id="rows"></tbody>
    </table>
    <p id="empty" class="empty">No requests yet. They show up here as they reach the preview.</p>
    <noscript><p>The live list needs JavaScript. The recording can still be downloaded: <a href="${INSPECT_PATH}/har">Download HAR</a>.</p></noscript>
  </section>
  <section id="detail" class="detail" aria-label="Request detail" hidden></section>
</main>
</body>
</html>
`;
}

// src/gate/inspector/replay.ts
var TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
var BAD_VALUE = /[\r\n\0]/;
var refused = (status, error2) => ({ ok: false, status, error: error2 });
function checkEdits(value) {
  if (value === null || typeof value !== "object" || Array.isArray(value))
    return "the body must be a JSON object";
  const edits = value;
  for (const key2 of Object.keys(edits)) {
    if (!["headers", "body", "bodyBase64", "sign"].includes(key2)) return `unknown field "${key2}"`;
  }
  if (edits.headers !== void 0) {
    if (!Array.isArray(edits.headers)) return '"headers" must be a list of [name, value] pairs';
    for (const pair of edits.headers) {
      if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== "string" || typeof pair[1] !== "string")
        return '"headers" must be a list of [name, value] pairs';
      if (!TOKEN.test(pair[0])) return `header name ${JSON.stringify(pair[0])} is not a valid HTTP token`;
      if (BAD_VALUE.test(pair[1])) return `the value of ${pair[0]} must not hold CR, LF or NUL`;
    }
  }
  if (edits.body !== void 0 && typeof edits.body !== "string") return '"body" must be a string';
  if (edits.bodyBase64 !== void 0) {
    if (typeof edits.bodyBase64 !== "string" || !/^[A-Za-z0-9+/]*={0,2}$/.test(edits.bodyBase64))
      return '"bodyBase64" must be base64';
    if (edits.body !== void 0) return 'give "body" or "bodyBase64", not both';
  }
  if (edits.sign !== void 0 && typeof edits.sign !== "boolean") return '"sign" must be true or false';
  return edits;
}
async function replay(item, edits, who, options) {
  const entry = options.details.entry(item);
  if (entry === void 0)
    return refused(409, "only the summary of this request is kept; it cannot be replayed");
  const url = new URL(entry.request.url);
  const newBody = edits.bodyBase64 !== void 0 ? Buffer.from(edits.bodyBase64, "base64") : edits.body !== void 0 ? Buffer.from(edits.body, "utf8") : void 0;
  const why = notReplayable(entry, url.pathname);
  if (why !== void 0 && !(newBody !== void 0 && why.startsWith("the request body")))
    return refused(409, why);
  const body = newBody ?? recordedBody(entry) ?? Buffer.alloc(0);
  const recordedHeaders = edits.headers === void 0 ? entry.request.headers : edits.headers.map(([name, value]) => ({ name, value }));
  const { headers } = replayHeaders(recordedHeaders);
  delete headers[REPLAY_HEADER];
  let path = options.details.path(item);
  const route2 = edits.sign === false ? void 0 : options.details.route(item);
  if (route2 !== void 0) {
    const signed = signAgain(route2.scheme, route2.rule.secret, { body, signBase: url.origin, path, headers });
    Object.assign(headers, signed.headers);
    path = signed.path;
  }
  const gate = options.gate();
  if (gate === void 0) return refused(503, "the gate is not listening yet");
  const ticket = options.tickets.issue(item.id, who.user);
  if (ticket === void 0) return refused(429, "too many replays waiting; try again in a moment");
  const sendsBody = item.method !== "GET" && item.method !== "HEAD";
  headers.host = url.host;
  headers[REPLAY_HEADER] = ticket.value;
  if (sendsBody) headers["content-length"] = String(body.length);
  if (options.clientIpHeader !== void 0 && who.clientIp !== void 0)
    headers[options.clientIpHeader] = who.clientIp;
  let status;
  try {
    status = await send(gate, item.method, path, headers, sendsBody ? body : void 0, options.timeoutMs);
  } catch (error2) {
    return refused(502, `the replay did not get an answer: ${error2.message}`);
  }
  const id = await within(ticket.recorded, options.listedWithinMs);
  return {
    ok: true,
    outcome: {
      replayOf: item.id,
      status,
      ...id === void 0 ? {} : { id },
      ...route2 === void 0 ? {} : { signedAs: route2.rule.provider }
    }
  };
}
function send(gate, method, path, headers, body, timeoutMs) {
  return new Promise((resolve, reject) => {
    const request = http_default.request(
      { host: gate.host, port: gate.port, method, path, headers, agent: false, setHost: false },
      (response) => {
        response.resume();
        response.once("end", () => resolve(response.statusCode ?? 0));
        response.once("error", reject);
      }
    );
    request.setTimeout(timeoutMs, () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.once("error", reject);
    request.end(body);
  });
}
async function within(promise, ms) {
  let timer;
  const late = new Promise((resolve) => {
    timer = setTimeout(() => resolve(void 0), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

// src/gate/inspector/streams.ts
var DEFAULT_STREAM_LIMITS = {
  maxStreams: 16,
  heartbeatMs: 15e3,
  maxBufferedBytes: 1024 * 1024,
  retryMs: 1e3
};
var SSE_HEADERS = {
  "content-type": "text/event-stream; charset=utf-8",
  // no-transform: proxies must not compress (and so buffer) the stream.
  "cache-control": "no-store, no-transform",
  "x-accel-buffering": "no",
  "x-content-type-options": "nosniff",
  "cross-origin-resource-policy": "same-origin"
};
function resumeId(req, query) {
  const raw = req.headers["last-event-id"] ?? query.get("lastEventId") ?? "";
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value !== void 0 && /^\d{1,15}$/.test(value) ? Number(value) : 0;
}
function event(item, redactor) {
  return `id: ${item.id}
data: ${summaryJson(item, redactor)}

`;
}
var EventStreams = class {
  #feed;
  #redactor;
  limits;
  /** Changes per gate: a page that sees another epoch starts its list over. */
  epoch = randomBytes(6).toString("hex");
  #streams = /* @__PURE__ */ new Set();
  /** The last id written to the streams (the ones after it wait for the next batch). */
  #cursor;
  #scheduled = false;
  #heartbeat;
  #closed = false;
  /** Streams dropped for not reading (for tests and the log). */
  dropped = 0;
  constructor(feed, redactor, limits = DEFAULT_STREAM_LIMITS) {
    this.#feed = feed;
    this.#redactor = redactor;
    this.limits = limits;
    this.#cursor = feed.newest;
    feed.onAdd(() => this.#added());
  }
  get size() {
    return this.#streams.size;
  }
  hello() {
    return {
      epoch: this.epoch,
      oldest: this.#feed.oldest,
      newest: this.#feed.newest,
      heartbeatMs: this.limits.heartbeatMs
    };
  }
  /** The JSON answer for a page that polls instead (where a proxy buffers event streams). */
  poll(after) {
    const from = after > this.#feed.newest ? 0 : after;
    const { items, missed } = this.#feed.after(from);
    return {
      ...this.hello(),
      events: items.map((item) => JSON.parse(summaryJson(item, this.#redactor))),
      missed
    };
  }
  /** Starts a stream on `res` resuming after `lastId`; false when there are too many already. */
  start(res, lastId) {
    if (this.#closed || this.#streams.size >= this.limits.maxStreams) return false;
    res.writeHead(200, SSE_HEADERS);
    const after = lastId > this.#feed.newest ? 0 : lastId;
    const { items, missed } = this.#feed.after(after);
    let text = `retry: ${this.limits.retryMs}
event: hello
data: ${JSON.stringify(this.hello())}

`;
    if (missed > 0) text += `event: gap
data: ${JSON.stringify({ missed })}

`;
    for (const item of items) if (item.id <= this.#cursor) text += event(item, this.#redactor);
    res.write(text);
    this.#streams.add(res);
    res.once("close", () => {
      this.#streams.delete(res);
      if (this.#streams.size === 0) this.#stopHeartbeat();
    });
    this.#startHeartbeat();
    if (this.#cursor < this.#feed.newest) this.#schedule();
    return true;
  }
  #added() {
    if (this.#streams.size === 0) {
      this.#cursor = this.#feed.newest;
      return;
    }
    this.#schedule();
  }
  #schedule() {
    if (this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(this.#flush);
  }
  #flush = () => {
    this.#scheduled = false;
    const { items } = this.#feed.after(this.#cursor);
    this.#cursor = this.#feed.newest;
    if (items.length === 0 || this.#streams.size === 0) return;
    let text = "";
    for (const item of items) text += event(item, this.#redactor);
    this.#broadcast(Buffer.from(text));
  };
  #broadcast(chunk) {
    for (const res of this.#streams) {
      if (res.destroyed) continue;
      res.write(chunk);
      if (res.writableLength > this.limits.maxBufferedBytes) {
        this.dropped++;
        this.#streams.delete(res);
        res.destroy();
      }
    }
  }
  #startHeartbeat() {
    if (this.#heartbeat !== void 0) return;
    this.#heartbeat = setInterval(() => {
      this.#broadcast(Buffer.from(`event: ping
data: ${Date.now()}

`));
    }, this.limits.heartbeatMs).unref();
  }
  #stopHeartbeat() {
    clearInterval(this.#heartbeat);
    this.#heartbeat = void 0;
  }
  /** Ends every stream (the gate is closing); idempotent. */
  close() {
    this.#closed = true;
    this.#stopHeartbeat();
    for (const res of this.#streams) res.end();
    this.#streams.clear();
  }
};

// src/gate/inspector/routes.ts
var SAME_ORIGIN_ONLY = { "cross-origin-resource-policy": "same-origin" };
var HAR_NAME = "preview-requests.har";
function answer(res, a) {
  writeAnswer(res, { ...a, headers: { ...a.headers, ...SAME_ORIGIN_ONLY } });
}
function json(res, status, data) {
  answer(res, jsonAnswer(status, data));
}
function error(res, status, message, extra = {}) {
  const a = jsonAnswer(status, { error: message });
  answer(res, { ...a, headers: { ...a.headers, ...extra } });
}
function methodNotAllowed(res, allowed) {
  error(res, 405, `use ${allowed.replace(", HEAD", "")} here`, { allow: allowed });
}
var ID = /^[1-9]\d{0,14}$/;
function readRoute(first, id, rest) {
  if (rest > 0) return void 0;
  if (id === void 0) {
    const routes = {
      "": "page",
      "app.js": "script",
      "app.css": "style",
      "icon.svg": "icon",
      events: "events",
      har: "har"
    };
    return Object.hasOwn(routes, first) ? routes[first] : void 0;
  }
  return first === "requests" ? "request" : void 0;
}
function route(req, res, sub, who, ctx) {
  const method = req.method ?? "GET";
  const [, first = "", id, ...rest] = sub.split("/");
  if (first === "replay" && id !== void 0 && rest.length === 0) {
    if (method !== "POST") return methodNotAllowed(res, "POST");
    void postReplay(req, res, id, who, ctx);
    return;
  }
  const read2 = readRoute(first, id, rest.length);
  if (read2 === void 0) return error(res, 404, `${INSPECT_PATH}${sub} is not a page of the inspector`);
  if (method !== "GET" && method !== "HEAD") return methodNotAllowed(res, "GET, HEAD");
  const assets2 = pageAssets();
  switch (read2) {
    case "page":
      return answer(res, htmlAnswer(200, assets2.html));
    case "script":
      return answer(res, assetAnswer("text/javascript; charset=utf-8", assets2.js.body));
    case "style":
      return answer(res, assetAnswer("text/css; charset=utf-8", assets2.css.body));
    case "icon":
      return answer(res, assetAnswer("image/svg+xml", assets2.icon.body));
    case "events":
      return events(req, res, ctx);
    case "request": {
      const item = id !== void 0 && ID.test(id) ? ctx.feed.get(Number(id)) : void 0;
      if (item === void 0) return error(res, 404, `request ${id} is not kept (or never was)`);
      return json(res, 200, ctx.details.detail(item));
    }
    case "har":
      void downloadHar(res, ctx);
      return;
  }
}
function events(req, res, ctx) {
  const q = (req.url ?? "").indexOf("?");
  const query = new URLSearchParams(q === -1 ? "" : (req.url ?? "").slice(q + 1));
  const after = resumeId(req, query);
  if (req.headers.accept?.includes("application/json")) return json(res, 200, ctx.streams.poll(after));
  if (req.method === "HEAD") return answer(res, textAnswer(200, "event stream"));
  if (!ctx.streams.start(res, after)) {
    error(res, 503, "too many open inspector pages; close one and reload", { "retry-after": "5" });
  }
}
async function postReplay(req, res, idText, who, ctx) {
  if (!isSameOrigin(req.headers, ctx.publicOrigin())) {
    req.resume();
    return error(res, 403, "replay must come from the inspector page itself (same origin)");
  }
  if (!/^application\/json\b/i.test(req.headers["content-type"] ?? "")) {
    req.resume();
    return error(res, 415, "send the replay's edits as application/json");
  }
  const item = ID.test(idText) ? ctx.feed.get(Number(idText)) : void 0;
  if (item === void 0) {
    req.resume();
    return error(res, 404, `request ${idText} is not kept (or never was)`);
  }
  let body;
  try {
    body = await readBody(req, ctx.maxEditBytes);
  } catch (e) {
    if (e instanceof BodyTooLargeError) return error(res, 413, e.message, { connection: "close" });
    res.destroy();
    return;
  }
  let parsed;
  try {
    parsed = body.length === 0 ? {} : JSON.parse(body.toString("utf8"));
  } catch {
    return error(res, 400, "the edits are not JSON");
  }
  const edits = checkEdits(parsed);
  if (typeof edits === "string") return error(res, 400, edits);
  try {
    const result = await replay(item, edits, who, ctx.replay);
    if (result.ok) json(res, 200, result.outcome);
    else error(res, result.status, result.error);
  } catch (e) {
    ctx.onError("replay", e);
    error(res, 500, "the replay failed in the gate");
  }
}
async function downloadHar(res, ctx) {
  const headers = {
    "content-type": "application/json; charset=utf-8",
    "content-disposition": `attachment; filename="${HAR_NAME}"`,
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    ...SAME_ORIGIN_ONLY
  };
  if (ctx.har === void 0) {
    const body = feedHar(ctx.feed, ctx.details);
    res.writeHead(200, { ...headers, "content-length": String(body.length) });
    res.end(res.req?.method === "HEAD" ? void 0 : body);
    return;
  }
  try {
    const snapshot = await ctx.har();
    res.writeHead(200, headers);
    if (res.req?.method === "HEAD") {
      res.end();
      return;
    }
    await pipeline(snapshot, res);
  } catch (e) {
    ctx.onError("HAR download", e);
    if (!res.headersSent) error(res, 500, "the recording could not be read");
    else res.destroy();
  }
}

// src/gate/inspector/index.ts
function isInspectorPath(path) {
  return isUnder(path, INSPECT_PATH);
}
function authenticated(request) {
  return request;
}
function createInspector(options) {
  const { secrets, logger } = options;
  const feed = new Feed({ ...DEFAULT_FEED_LIMITS, ...options.feedLimits });
  const streams = new EventStreams(feed, secrets, { ...DEFAULT_STREAM_LIMITS, ...options.streamLimits });
  const details = new Details(secrets, options.webhooks);
  const tickets = new ReplayTickets();
  const context = {
    feed,
    details,
    streams,
    har: options.har,
    publicOrigin: options.publicOrigin,
    maxEditBytes: options.maxEditBytes ?? 32 * 1024 * 1024,
    replay: {
      details,
      tickets,
      gate: options.gate,
      clientIpHeader: options.clientIpHeader?.toLowerCase(),
      timeoutMs: options.replayTimeoutMs ?? 3e4,
      listedWithinMs: 5e3
    },
    onError: (what, error2) => logger.warning(`inspector: ${what} failed: ${error2 instanceof Error ? error2.message : String(error2)}`)
  };
  return {
    owns: isInspectorPath,
    handle(request) {
      route(request.req, request.res, request.path.slice(INSPECT_PATH.length), request, context);
    },
    redeemReplay: (value) => tickets.redeem(value),
    add: (exchange) => {
      feed.add(exchange);
    },
    get streams() {
      return streams.size;
    },
    close: () => streams.close()
  };
}

// src/gate/listen.ts
var AVOID_TRIES = 10;
async function listen(handlers, options) {
  const sockets = /* @__PURE__ */ new Set();
  const createServer = () => {
    const server = http_default.createServer(serverOptions(options.timeouts));
    server.on("request", (req, res) => handlers.request(req, res, false));
    server.on("checkContinue", (req, res) => handlers.request(req, res, true));
    server.on("upgrade", handlers.upgrade);
    server.on("connection", (socket) => {
      sockets.add(socket);
      socket.once("close", () => sockets.delete(socket));
    });
    return server;
  };
  const start = (server, host, wanted, ipv6Only = false) => new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen({ host, port: wanted, ipv6Only }, () => {
      server.off("error", reject);
      const address = server.address();
      resolve(typeof address === "object" && address ? address.port : wanted);
    });
  });
  let main = createServer();
  let port = await start(main, "127.0.0.1", 0);
  const avoided = [];
  for (let tries = 1; options.avoid?.(port) && tries < AVOID_TRIES; tries++) {
    avoided.push(main);
    main = createServer();
    port = await start(main, "127.0.0.1", 0);
  }
  for (const server of avoided) server.close();
  const servers = [main];
  if (options.ipv6) {
    const v6 = createServer();
    try {
      await start(v6, "::1", port, true);
      servers.push(v6);
    } catch (error2) {
      options.logger.debug(`gate: not listening on [::1]:${port}: ${errorMessage(error2)}`);
    }
  }
  return {
    port,
    close() {
      for (const server of servers) {
        server.close();
        server.closeAllConnections();
      }
      for (const socket of sockets) socket.destroy();
    }
  };
}

// src/gate/client-ip.ts
function normalizeAddress(address) {
  return address.startsWith("::ffff:") && isIPv4(address.slice(7)) ? address.slice(7) : address;
}
function isLoopback(address) {
  return address === "::1" || address.startsWith("127.") || address === "::ffff:127.0.0.1";
}
function parseForwarded(value) {
  let v = value.trim();
  const bracket = /^\[([^\]]+)\](?::\d+)?$/.exec(v);
  if (bracket?.[1] !== void 0) v = bracket[1];
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d+$/.test(v)) v = v.slice(0, v.lastIndexOf(":"));
  return isIP(v) === 0 ? void 0 : normalizeAddress(v);
}
function clientAddress(req, trustedHeader) {
  const peer = normalizeAddress(req.socket.remoteAddress ?? "");
  if (trustedHeader === void 0 || !isLoopback(peer)) return peer;
  const raw = req.headers[trustedHeader];
  const value = Array.isArray(raw) ? raw.join(",") : raw;
  if (value === void 0) return peer;
  const last = value.slice(value.lastIndexOf(",") + 1);
  return parseForwarded(last);
}
function isAllowed(allow, address) {
  if (allow === void 0) return true;
  if (address === void 0 || address === "") return false;
  return allow.blockList.check(address, isIPv4(address) ? "ipv4" : "ipv6");
}

// src/gate/proxy.ts
var IDEMPOTENT = /* @__PURE__ */ new Set(["GET", "HEAD", "OPTIONS"]);
var ReverseProxy = class {
  #options;
  #addedNames;
  #upstream;
  #defaultHost;
  /** Upgraded connection pairs, destroyed when the gate closes. */
  tunnels = /* @__PURE__ */ new Set();
  constructor(options) {
    this.#options = options;
    this.#addedNames = new Set(options.addedHeaders.map(([name]) => name.toLowerCase()));
    this.#upstream = options.upstream;
    this.#defaultHost = hostHeader(options.upstream);
  }
  /** The app's loopback address (127.0.0.1 or ::1), once readiness found which it took. */
  setUpstreamHost(host) {
    this.#upstream = { host, port: this.#upstream.port };
    this.#defaultHost = hostHeader(this.#upstream);
  }
  #headers(ex, upgrade, streaming) {
    const { req } = ex;
    const peer = normalizeAddress(req.socket.remoteAddress ?? "");
    let forwardedFor = ex.clientIp ?? peer;
    if (this.#options.clientIpHeader === "x-forwarded-for" && isLoopback(peer)) {
      const chain4 = req.headers["x-forwarded-for"];
      if (typeof chain4 === "string" && chain4 !== "") forwardedFor = chain4;
    }
    const publicUrl = this.#options.publicUrl();
    return requestHeaders(req.rawHeaders, {
      stripAuthorization: ex.stripAuthorization,
      stripSessionCookie: ex.stripSessionCookie,
      previewUser: ex.previewUser,
      added: this.#options.addedHeaders,
      addedNames: this.#addedNames,
      forwardedFor,
      forwardedProto: publicUrl ? publicUrl.protocol.slice(0, -1) : "http",
      forwardedHost: publicUrl ? publicUrl.host : ex.basics.host,
      upgrade,
      bodyLength: ex.body?.length,
      chunked: streaming && ex.basics.contentLength === void 0,
      defaultHost: this.#defaultHost
    });
  }
  #request(ex, headers, agent) {
    const upstream = http_default.request({
      host: this.#upstream.host,
      port: this.#upstream.port,
      method: ex.req.method,
      path: ex.upstreamPath ?? ex.req.url,
      headers,
      agent,
      setHost: false
    });
    ex.upstream = upstream;
    return upstream;
  }
  forward(ex, retried = false) {
    const { req } = ex;
    const res = ex.res;
    const body = ex.body;
    const streaming = body === void 0 && announcesBody(ex.basics);
    const upstream = this.#request(ex, this.#headers(ex, false, streaming), this.#options.agent);
    let settled = false;
    let timer;
    const sent = () => {
      ex.sentAt = performance.now();
      const ms = this.#options.upstreamTimeoutMs;
      timer = setTimeout(() => upstream.destroy(new UpstreamTimeoutError(ms)), ms);
    };
    upstream.on("response", (up) => {
      clearTimeout(timer);
      settled = true;
      this.#respond(ex, res, up);
    });
    upstream.on("error", (error2) => {
      clearTimeout(timer);
      if (settled) return;
      settled = true;
      if (!retried && upstream.reusedSocket && error2.code === "ECONNRESET" && !streaming && body === void 0 && IDEMPOTENT.has(req.method ?? "")) {
        this.forward(ex, true);
        return;
      }
      if (res.writableEnded || res.destroyed) return;
      const failure = upstreamFailure(error2);
      this.#options.onUpstreamError(error2);
      reply(ex, failure.status, failure.message);
    });
    if (body !== void 0) {
      upstream.end(body);
      sent();
      return;
    }
    if (!streaming) {
      upstream.end();
      sent();
      return;
    }
    if (ex.expectContinue) res.writeContinue();
    const max = this.#options.maxBodyBytes;
    const record = ex.record;
    let seen = 0;
    const onData = (chunk) => {
      seen += chunk.length;
      if (seen > max) {
        stop2();
        settled = true;
        clearTimeout(timer);
        upstream.destroy();
        reply(ex, 413, tooLargeMessage(max));
        return;
      }
      record?.requestBody(chunk);
      this.#options.pacer.forwarded(chunk.length);
      if (!upstream.write(chunk)) req.pause();
    };
    const onDrain = () => req.resume();
    const onEnd = () => {
      stop2();
      upstream.end();
      sent();
    };
    const stop2 = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      upstream.off("drain", onDrain);
    };
    req.on("data", onData);
    req.on("end", onEnd);
    upstream.on("drain", onDrain);
  }
  #respond(ex, res, up) {
    ex.firstByteAt = performance.now();
    if (res.destroyed || res.writableEnded) {
      up.destroy();
      return;
    }
    const status = up.statusCode ?? 502;
    const headers = responseHeaders(up.rawHeaders);
    const record = ex.record;
    record?.response(status, up.statusMessage ?? "", headers, up.httpVersion);
    res.writeHead(status, up.statusMessage, headers);
    const length = rawHeader(headers, "content-length");
    if (length === void 0 && status !== 204 && status !== 304) res.flushHeaders();
    let draining = false;
    const whole = length === void 0 ? -1 : Number(length);
    let ended = false;
    up.on("data", (chunk) => {
      record?.responseBody(chunk);
      this.#options.pacer.forwarded(chunk.length);
      if (chunk.length === whole) {
        ended = true;
        res.end(chunk);
        return;
      }
      if (res.write(chunk)) return;
      up.pause();
      if (!draining) {
        draining = true;
        res.on("drain", () => up.resume());
      }
    });
    up.on("end", () => {
      if (!ended) res.end();
    });
    up.on("close", () => {
      if (!up.complete) res.destroy();
    });
    up.on("error", () => void 0);
  }
  upgrade(ex) {
    const { socket } = ex;
    const upstream = this.#request(ex, this.#headers(ex, true, false), false);
    const ms = this.#options.upstreamTimeoutMs;
    ex.sentAt = performance.now();
    const timer = setTimeout(() => upstream.destroy(new UpstreamTimeoutError(ms)), ms);
    let settled = false;
    socket.on("error", () => void 0);
    upstream.on("upgrade", (up, upSocket, upHead) => {
      clearTimeout(timer);
      settled = true;
      ex.firstByteAt = performance.now();
      const headers = responseHeaders(up.rawHeaders, true);
      const status = up.statusCode ?? 101;
      ex.status = status;
      ex.record?.response(status, up.statusMessage ?? "", headers, up.httpVersion);
      this.#options.finishUpgrade(ex);
      if (socket.destroyed) {
        upSocket.destroy();
        return;
      }
      socket.write(head(status, up.statusMessage ?? "", headers));
      if (upHead.length > 0) socket.write(upHead);
      if (ex.head !== void 0 && ex.head.length > 0) upSocket.write(ex.head);
      const pair = {
        destroy: () => {
          socket.destroy();
          upSocket.destroy();
          this.tunnels.delete(pair);
        }
      };
      this.tunnels.add(pair);
      upSocket.on("error", pair.destroy);
      upSocket.on("close", pair.destroy);
      socket.on("error", pair.destroy);
      socket.on("close", pair.destroy);
      socket.pipe(upSocket).pipe(socket);
    });
    upstream.on("response", (up) => {
      clearTimeout(timer);
      settled = true;
      ex.firstByteAt = performance.now();
      const status = up.statusCode ?? 502;
      const headers = [...responseHeaders(up.rawHeaders), "Connection", "close"];
      ex.status = status;
      ex.record?.response(status, up.statusMessage ?? "", headers, up.httpVersion);
      if (socket.destroyed) {
        up.destroy();
        return;
      }
      socket.write(head(status, up.statusMessage ?? "", headers));
      up.on("data", (chunk) => {
        ex.record?.responseBody(chunk);
        socket.write(chunk);
      });
      up.on("end", () => {
        socket.end();
        this.#options.finishUpgrade(ex);
      });
      up.on("error", () => socket.destroy());
    });
    upstream.on("error", (error2) => {
      clearTimeout(timer);
      if (settled) return;
      settled = true;
      const failure = upstreamFailure(error2);
      this.#options.onUpstreamError(error2);
      reply(ex, failure.status, failure.message);
      this.#options.finishUpgrade(ex);
    });
    upstream.end();
  }
};
function hostHeader(upstream) {
  return `${upstream.host.includes(":") ? `[${upstream.host}]` : upstream.host}:${upstream.port}`;
}

// src/gate/settings.ts
var AUTH_MODES = ["basic", "bearer", "none", "github"];
var DEFAULT_USERNAME = "preview";
var GATE_MANAGED_HEADERS = /* @__PURE__ */ new Set([
  "host",
  "connection",
  "keep-alive",
  "proxy-connection",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
  "content-length",
  "expect",
  // Who signed in with GitHub (auth: github); a client's own is always dropped.
  "x-preview-user"
]);
function namedGateSecrets(settings) {
  const { auth } = settings;
  const secrets = [];
  if (auth.mode === "basic") {
    secrets.push(['the password of input "credentials"', auth.password]);
    secrets.push(['input "credentials"', `${auth.username}:${auth.password}`]);
  }
  if (auth.mode === "bearer") secrets.push(['the token of input "credentials"', auth.token]);
  if (auth.mode === "github") secrets.push(["the run's bearer token (auth: github)", auth.token]);
  for (const rule of settings.webhooks)
    secrets.push([`the ${rule.provider} webhook secret in ${rule.secretEnv}`, rule.secret]);
  return namedSecrets(...secrets);
}

// src/gate/stage.ts
function runStages(stages, ex, failed, from = 0) {
  try {
    for (let i = from; i < stages.length; i++) {
      const stage = stages[i];
      const result = stage ? stage(ex) : false;
      if (result === true) return;
      if (result !== false) {
        result.then(
          (handled) => {
            if (!handled) runStages(stages, ex, failed, i + 1);
          },
          (error2) => failed(ex, error2)
        );
        return;
      }
    }
  } catch (error2) {
    failed(ex, error2);
  }
}

// src/gate/stages/allow-list.ts
function allowListStage(allow, clientIpHeader) {
  return (ex) => {
    ex.clientIp = clientAddress(ex.req, clientIpHeader);
    if (!isAllowed(allow, ex.clientIp)) {
      ex.refusal = {
        status: 403,
        message: `client address ${ex.clientIp ?? "(unknown)"} is not in allow-cidrs`
      };
    }
    return false;
  };
}

// src/gate/stages/body-limit.ts
function bodyLimitStage(maxBodyBytes) {
  return (ex) => {
    const length = declaredLength(ex.basics.contentLength);
    if (ex.body !== void 0 || length === void 0 || length <= maxBodyBytes) return false;
    reply(ex, 413, tooLargeMessage(maxBodyBytes));
    return true;
  };
}

// src/gate/stages/forward.ts
function send2(proxy, ex) {
  if (ex.res) proxy.forward(ex);
  else proxy.upgrade(ex);
}
function forwardStage(proxy) {
  return (ex) => {
    send2(proxy, ex);
    return true;
  };
}
function routedForwardStage(routes) {
  const longestFirst = [...routes].sort((a, b) => b.prefix.length - a.prefix.length);
  return (ex) => {
    const route2 = longestFirst.find((r) => isUnder(ex.path, r.prefix));
    if (route2 === void 0) {
      reply(ex, 404, `no service of this preview serves ${ex.pathname}`);
      return true;
    }
    ex.service = route2.name;
    if (route2.stripPrefix && route2.prefix !== "/")
      ex.upstreamPath = withoutSegments(ex.req.url ?? "/", segments(route2.prefix));
    send2(route2.proxy, ex);
    return true;
  };
}
function segments(prefix) {
  let n = 0;
  for (let i = 0; i < prefix.length; i++) if (prefix.charCodeAt(i) === 47) n++;
  return n;
}
function withoutSegments(target, count) {
  const q = target.indexOf("?");
  const end = q === -1 ? target.length : q;
  let at = 0;
  for (let n = 0; n < count; n++) {
    const next2 = target.indexOf("/", at + 1);
    at = next2 === -1 || next2 > end ? end : next2;
  }
  return at === end ? `/${target.slice(end)}` : target.slice(at);
}

// src/gate/stages/inspect.ts
function inspectStage(inspector) {
  if (inspector === void 0) return () => false;
  return (ex) => {
    if (!ex.inspecting) return false;
    if (ex.res === void 0) {
      reply(ex, 400, "the inspector does not take WebSocket upgrades");
      return true;
    }
    if (ex.signedIn === void 0) {
      reply(ex, 401, "the inspector needs the preview's sign-in");
      return true;
    }
    inspector.handle(
      authenticated({
        req: ex.req,
        res: ex.res,
        path: ex.path,
        user: ex.signedIn.user,
        clientIp: ex.clientIp
      })
    );
    return true;
  };
}

// src/gate/stages/inspector-intake.ts
function inspectorIntakeStage(inspector) {
  if (inspector === void 0) return () => false;
  return (ex) => {
    if (ex.refusal === void 0 && inspector.owns(ex.path)) {
      ex.inspecting = true;
      return false;
    }
    const raw = ex.req.rawHeaders;
    const ticket = rawHeader(raw, REPLAY_HEADER);
    if (ticket === void 0) return false;
    ex.replay = inspector.redeemReplay(ticket);
    for (let i = raw.length - 2; i >= 0; i -= 2) {
      if (raw[i]?.toLowerCase() === REPLAY_HEADER) raw.splice(i, 2);
    }
    delete ex.req.headers[REPLAY_HEADER];
    return false;
  };
}

// src/gate/stages/login-link.ts
function loginLinkStage(auth) {
  return (ex) => {
    if (ex.path !== LOGIN_PATH) return false;
    auth.login(ex);
    return true;
  };
}

// src/gate/stages/namespace.ts
function namespaceStage(inspector) {
  return (ex) => {
    if (!isReservedPath(ex.path, inspector)) return false;
    reply(ex, 404, `${ex.path} is not a path of the gate`);
    return true;
  };
}

// src/gate/stages/probe.ts
function probeStage(responder) {
  return (ex) => responder !== void 0 && ex.res !== void 0 && responder.answer(ex.req, ex.res, ex.pathname);
}

// src/gate/stages/refusal.ts
var CLOSE = { connection: "close" };
function refusalStage(refusedConnections) {
  return (ex) => {
    const refused2 = ex.refusal;
    if (refused2 === void 0) return false;
    if (refused2.close) refusedConnections.add(ex.req.socket);
    reply(ex, refused2.status, refused2.message, refused2.close ? CLOSE : void 0);
    return true;
  };
}

// src/gate/stages/request-checks.ts
function requestChecksStage() {
  return (ex) => {
    if (ex.refusal !== void 0) return false;
    const framing = framingRefusal(ex.basics, ex.req.httpVersion);
    if (framing !== void 0) {
      ex.refusal = { ...framing, close: true };
      return false;
    }
    const path = requestPath(ex.pathname);
    if (typeof path !== "string") ex.refusal = { status: 400, message: path.refused };
    else ex.path = path;
    return false;
  };
}

// src/gate/stages/reserved-routes.ts
function reservedRoutesStage(route2) {
  return (ex) => route2 !== void 0 && ex.refusal === void 0 && ex.res !== void 0 && isReservedPath(ex.path) && route2(ex.req, ex.res, ex.path);
}

// src/gate/stages/signin-auth.ts
var LINKED = { user: void 0 };
function signInAuthStage(signin, auth) {
  const decide = (ex, verdict) => {
    if (verdict.kind === "allowed") {
      ex.stripAuthorization = verdict.via !== "session";
      ex.previewUser = verdict.login;
      ex.signedIn = { user: verdict.login };
      return false;
    }
    if (verdict.kind === "sign-in" && !verdict.invalidToken && ex.stripSessionCookie) {
      const linked = auth.check(ex.basics);
      if (linked.ok && linked.via === "session") {
        ex.signedIn = LINKED;
        return false;
      }
    }
    const answer2 = signin.refusal(verdict, { url: ex.req.url ?? "/", accept: ex.req.headers.accept });
    replyAnswer(ex, answer2, refusalNote(verdict));
    return true;
  };
  return (ex) => {
    ex.stripSessionCookie = ex.basics.cookie?.includes(SESSION_COOKIE) ?? false;
    if (!ex.inspecting && ex.webhookVerified) return false;
    if (!ex.inspecting && ex.replay !== void 0) {
      ex.previewUser = ex.replay.user;
      return false;
    }
    const verdict = signin.check(ex.basics);
    return verdict instanceof Promise ? verdict.then((v) => decide(ex, v)) : decide(ex, verdict);
  };
}
function refusalNote(verdict) {
  switch (verdict.kind) {
    case "sign-in":
      return verdict.invalidToken ? "GitHub does not accept the token" : "sign in with GitHub";
    case "denied":
      return `${verdict.login} may not open this preview: ${verdict.reason}`;
    case "unavailable":
      return `GitHub cannot check who this is: ${verdict.reason}`;
  }
}

// src/gate/stages/signin-routes.ts
function signInRoutesStage(signin, publicUrl) {
  if (signin === void 0) return () => false;
  return (ex) => {
    if (!isSignInPath(ex.path)) return false;
    if (!ex.res) {
      reply(ex, 400, `${ex.path} is a page of the sign-in, not a WebSocket`);
      return true;
    }
    const url = publicUrl();
    const answer2 = signin.route(ex.req, {
      pathname: ex.path,
      publicOrigin: url?.origin,
      secure: url?.protocol === "https:"
    });
    if (answer2 === void 0) return false;
    if (!(answer2 instanceof Promise)) {
      replyAnswer(ex, answer2);
      return true;
    }
    return answer2.then((a) => {
      replyAnswer(ex, a);
      return true;
    });
  };
}

// src/gate/stages/tracking.ts
function tracker(stats, recorder, base, watcher) {
  const finish = (ex) => {
    if (ex.finished) return;
    ex.finished = true;
    const res = ex.res;
    const status = res ? res.headersSent ? res.statusCode : 0 : ex.status;
    if (res && !res.writableFinished) ex.upstream?.destroy();
    stats.add({
      method: ex.req.method ?? "",
      path: ex.pathname,
      status,
      ms: performance.now() - ex.started,
      at: ex.startedAt,
      service: ex.service
    });
    const record = ex.record;
    if (record === void 0) return;
    record.finish(ex);
    watcher?.finished(ex, record);
  };
  const stage = (ex) => {
    if (ex.inspecting) return false;
    if (ex.res) ex.res.once("close", () => finish(ex));
    else ex.socket.once("close", () => finish(ex));
    if (recorder === void 0 && watcher === void 0) return false;
    const { req } = ex;
    const method = req.method ?? "GET";
    const url = recordedUrl(base(), req.url ?? "/");
    ex.record = recorder ? recorder.begin(method, url, req.httpVersion, req.rawHeaders, ex.startedAt, ex.clientIp) : captureExchange(
      watcher?.bodyLimit ?? 0,
      method,
      url,
      req.httpVersion,
      req.rawHeaders,
      ex.startedAt,
      ex.clientIp
    );
    return false;
  };
  return { stage, finish };
}

// src/gate/stages/user-auth.ts
var SIGNED_IN = { user: void 0 };
function userAuthStage(auth) {
  return (ex) => {
    ex.stripSessionCookie = ex.basics.cookie?.includes(SESSION_COOKIE) ?? false;
    if (!ex.inspecting && (ex.webhookVerified || ex.replay !== void 0)) return false;
    const result = auth.check(ex.basics);
    if (result.ok) {
      ex.stripAuthorization = result.via === "header";
      ex.signedIn = SIGNED_IN;
      return false;
    }
    reply(ex, 401, result.reason, { "www-authenticate": result.challenge });
    return true;
  };
}

// src/gate/stats.ts
var RECENT_LIMIT = 100;
function statusClass(status) {
  if (status >= 100 && status < 600) return `${Math.floor(status / 100)}xx`;
  return "no response";
}
var StatsCollector = class {
  #ring = new Array(RECENT_LIMIT);
  #next = 0;
  #total = 0;
  #byClass = {
    "1xx": 0,
    "2xx": 0,
    "3xx": 0,
    "4xx": 0,
    "5xx": 0,
    "no response": 0
  };
  #byService = {};
  add(sample) {
    if (sample.service !== void 0)
      this.#byService[sample.service] = (this.#byService[sample.service] ?? 0) + 1;
    this.#ring[this.#next] = sample;
    this.#next = (this.#next + 1) % RECENT_LIMIT;
    this.#total++;
    this.#byClass[statusClass(sample.status)]++;
  }
  snapshot() {
    const recent = [];
    for (let i = 0; i < RECENT_LIMIT; i++) {
      const sample = this.#ring[(this.#next + i) % RECENT_LIMIT];
      if (sample) recent.push(sample);
    }
    const services = Object.keys(this.#byService).length > 0 ? { byService: { ...this.#byService } } : {};
    return { total: this.#total, byClass: { ...this.#byClass }, recent, ...services };
  }
};

// src/gate/server.ts
var UPSTREAM_ERROR_INTERVAL_MS = 1e4;
async function startGate(options) {
  const { settings, logger } = options;
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const clientIpHeader = options.clientIpHeader?.toLowerCase();
  const secrets = options.secrets ?? new SecretRegistry();
  for (const { label, value } of namedGateSecrets(settings)) secrets.add(value, label);
  const auth = new Authenticator(settings.auth, (minted) => secrets.add(minted, "a login token or session"));
  const signin = await startSignIn(options, (minted) => secrets.add(minted, "a GitHub sign-in's session"));
  const stats = new StatsCollector();
  const agent = upstreamAgent(options.maxUpstreamConnections ?? DEFAULT_MAX_UPSTREAM_CONNECTIONS);
  const recorder = settings.record ? await HarRecorder.open({
    path: settings.record.path,
    bodyLimit: settings.recordBodyLimit,
    redactor: secrets,
    logger
  }) : void 0;
  let port = 0;
  let publicUrl;
  let publicBase;
  const gateUrl = () => `http://127.0.0.1:${port}`;
  const base = () => publicBase ?? gateUrl();
  const routes = webhookRoutes(settings.webhooks);
  if (settings.inspector && settings.auth.mode === "none") {
    logger.warning(
      `The request inspector is on with auth: none: anyone with the preview's URL can watch its traffic at ${INSPECT_PATH} (redacted as in the HAR) and replay it. Set "inspector: false" or give the preview a sign-in.`
    );
  }
  const inspector = settings.inspector ? createInspector({
    secrets,
    webhooks: routes,
    gate: () => port === 0 ? void 0 : { host: "127.0.0.1", port },
    clientIpHeader,
    publicOrigin: () => publicUrl?.origin,
    har: recorder ? () => recorder.snapshot() : void 0,
    logger,
    feedLimits: options.inspectorLimits?.feed,
    streamLimits: options.inspectorLimits?.streams
  }) : void 0;
  const track = tracker(
    stats,
    recorder,
    base,
    inspector && {
      bodyLimit: settings.recordBodyLimit,
      finished: (ex, recorded) => inspector.add({
        recorded,
        webhook: ex.webhook,
        replay: ex.replay,
        ...ex.service === void 0 ? {} : { service: ex.service }
      })
    }
  );
  const report = throttledReport(options, logger);
  const pacer = options.gcPacer ?? new GcPacer(exposeGc());
  const serviceRoutes = gateRoutes(options);
  const proxies = new Map(
    serviceRoutes.map((route2) => [
      route2.name,
      new ReverseProxy({
        upstream: { host: route2.host, port: route2.port },
        agent,
        upstreamTimeoutMs: timeouts.upstreamMs,
        maxBodyBytes: settings.maxBodyBytes,
        addedHeaders: settings.requestHeaders,
        clientIpHeader,
        publicUrl: () => publicUrl,
        onUpstreamError: (error2) => report(error2, serviceRoutes.length > 1 ? route2.name : void 0),
        finishUpgrade: track.finish,
        pacer
      })
    ])
  );
  const only = serviceRoutes.length === 1 && serviceRoutes[0]?.prefix === "/" && !serviceRoutes[0].stripPrefix;
  const forward = only ? forwardStage(proxies.values().next().value) : routedForwardStage(
    serviceRoutes.map((route2) => ({ ...route2, proxy: proxies.get(route2.name) }))
  );
  const refusedConnections = /* @__PURE__ */ new WeakSet();
  const stages = [
    probeStage(options.probe ? new ProbeResponder(options.probe) : void 0),
    allowListStage(settings.allowCidrs, clientIpHeader),
    requestChecksStage(),
    reservedRoutesStage(options.reserved),
    inspectorIntakeStage(inspector),
    track.stage,
    refusalStage(refusedConnections),
    loginLinkStage(auth),
    signInRoutesStage(signin, () => publicUrl),
    webhookStage({
      routes,
      maxBodyBytes: settings.maxBodyBytes,
      publicUrl: (pathAndQuery, ex) => (publicBase ?? `http://${ex.basics.host ?? `127.0.0.1:${port}`}`) + pathAndQuery
    }),
    signin ? signInAuthStage(signin, auth) : userAuthStage(auth),
    inspectStage(inspector),
    namespaceStage(settings.inspector),
    bodyLimitStage(settings.maxBodyBytes),
    forward
  ];
  const failed = (ex, error2) => {
    logger.warning(`gate: ${ex.req.method} ${ex.pathname} failed: ${errorMessage(error2)}`);
    reply(ex, 500, "internal error in the gate");
  };
  let listening;
  try {
    listening = await listen(
      {
        request: (req, res, expectContinue) => {
          if (refusedConnections.has(req.socket)) return;
          runStages(stages, createExchange(req, res, req.socket, void 0, expectContinue), failed);
        },
        upgrade: (req, socket, head2) => {
          if (refusedConnections.has(socket)) return;
          runStages(stages, createExchange(req, void 0, socket, head2, false), failed);
        }
      },
      {
        timeouts,
        ipv6: options.ipv6 ?? true,
        logger,
        avoid: (port2) => port2 === options.avoidPort || (options.avoidPorts?.includes(port2) ?? false)
      }
    );
  } catch (error2) {
    inspector?.close();
    agent.destroy();
    await signin?.close();
    await recorder?.close();
    throw error2;
  }
  port = listening.port;
  let closing;
  const close = async () => {
    inspector?.close();
    listening.close();
    for (const proxy of proxies.values()) for (const tunnel of [...proxy.tunnels]) tunnel.destroy();
    agent.destroy();
    await signin?.close();
    await recorder?.close();
  };
  return {
    port,
    url: gateUrl(),
    harPath: recorder?.path,
    setPublicUrl(url) {
      publicUrl = new URL(url);
      publicBase = url.replace(/\/+$/, "");
    },
    setUpstreamHost(host, service) {
      for (const [name, proxy] of proxies)
        if (service === void 0 || name === service) proxy.setUpstreamHost(host);
    },
    loginUrl() {
      return `${base()}${LOGIN_PATH}?token=${auth.createLoginToken()}`;
    },
    inspectorUrl: () => inspector ? `${base()}${INSPECT_PATH}` : void 0,
    stats: () => stats.snapshot(),
    signInAudit: () => signin?.audit(),
    close() {
      closing ??= close().catch((error2) => logger.warning(`gate: close: ${errorMessage(error2)}`));
      return closing;
    }
  };
}
async function startSignIn(options, onMinted) {
  const auth = options.settings.auth;
  if (auth.mode !== "github") return void 0;
  const { allowWarnings, GithubSignIn, repoName } = await import("./github-signin-7XYSXAZC.js");
  const settings = auth.signin;
  for (const warning of allowWarnings(settings.allow, {
    repo: repoName(settings.repository),
    author: settings.pullRequestAuthor,
    repoIsPublic: settings.repositoryIsPublic
  })) {
    options.logger.warning(warning);
  }
  if (options.signIn) return options.signIn;
  return new GithubSignIn({
    settings,
    logger: options.logger,
    runToken: new SecretMatcher(Buffer.from(auth.token, "utf8")),
    onMinted
  });
}
function gateRoutes(options) {
  if (options.routes !== void 0) return options.routes;
  if (options.upstream === void 0) throw new Error("startGate needs an upstream or routes");
  return [{ name: "app", prefix: "/", stripPrefix: false, ...options.upstream }];
}
function throttledReport(options, logger) {
  const last = /* @__PURE__ */ new Map();
  return (error2, service) => {
    logger.debug(`gate: upstream error: ${errorMessage(error2)}`);
    const now = performance.now();
    const before = last.get(service) ?? Number.NEGATIVE_INFINITY;
    if (now - before < (options.upstreamErrorIntervalMs ?? UPSTREAM_ERROR_INTERVAL_MS)) return;
    last.set(service, now);
    try {
      options.onUpstreamError?.(error2, service);
    } catch (hookError) {
      logger.debug(`gate: onUpstreamError failed: ${errorMessage(hookError)}`);
    }
  };
}

// src/gate/summary.ts
var MAX_PATH = 80;
function cell(text) {
  const short = text.length > MAX_PATH ? `${text.slice(0, MAX_PATH - 1)}\u2026` : text;
  return short.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/`/g, "'").replace(/\r?\n/g, " ");
}
function gateSummaryMarkdown(stats, options = {}) {
  const lines = [`### ${options.heading ?? "Requests through the gate"}`, ""];
  if (stats.total === 0) return [...lines, "No requests reached the gate.", ""].join("\n");
  const classes = Object.entries(stats.byClass).filter(([, n]) => n > 0);
  lines.push(
    `${stats.total} request${stats.total === 1 ? "" : "s"}: ${classes.map(([c, n]) => `${n} \xD7 ${c}`).join(", ")}`,
    "",
    "| status class | requests |",
    "| --- | ---: |",
    ...classes.map(([c, n]) => `| ${c} | ${n} |`),
    ""
  );
  const byService = Object.entries(stats.byService ?? {});
  if (byService.length > 0)
    lines.push(
      `Answered by service: ${byService.map(([name, n]) => `\`${cell(name)}\` ${n}`).join(", ")}`,
      ""
    );
  const routed = byService.length > 0;
  const shown = stats.recent.length;
  lines.push(
    shown < stats.total ? `Last ${shown} requests:` : "Requests:",
    "",
    routed ? "| method | path | service | status | ms |" : "| method | path | status | ms |",
    routed ? "| --- | --- | --- | ---: | ---: |" : "| --- | --- | ---: | ---: |",
    ...stats.recent.map(
      (r) => `| ${cell(r.method)} | \`${cell(r.path)}\` | ${routed ? `${r.service === void 0 ? "\u2014" : `\`${cell(r.service)}\``} | ` : ""}${r.status === 0 ? "\u2014" : r.status} | ${Math.round(r.ms)} |`
    ),
    ""
  );
  return lines.join("\n");
}

export {
  clientCredentials,
  PROBE_KEY_HEADER,
  newProbeSecrets,
  discord,
  github,
  gitlab,
  linear,
  paddle,
  pagerduty,
  shopify,
  slack,
  square,
  standardWebhooks,
  svix,
  stripe,
  twilioUrl,
  twilio,
  replayHar,
  brotliDecompressSync,
  pipeline,
  AUTH_MODES,
  DEFAULT_USERNAME,
  GATE_MANAGED_HEADERS,
  namedGateSecrets,
  startGate,
  gateSummaryMarkdown
};
