// A test command for the oauth-app example: signs in through the PUBLIC URL like a browser
// (a cookie jar, redirects followed by hand), as user `alice` via the identity provider's
// login_hint, then checks /me. The gate's credentials (PREVIEW_AUTH_HEADER) go with every
// request; the identity provider's paths do not need them.
const base = process.env.PREVIEW_URL;
if (!base) {
  console.error("login-test: PREVIEW_URL is not set");
  process.exit(2);
}
const authorization = process.env.PREVIEW_AUTH_HEADER;
const jar = new Map();

async function get(url) {
  const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const response = await fetch(url, {
    redirect: "manual",
    headers: { ...(authorization ? { authorization } : {}), ...(cookie ? { cookie } : {}) },
  });
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const eq = pair.indexOf("=");
    jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
  const location = response.headers.get("location");
  return {
    status: response.status,
    body: await response.text(),
    location: location && new URL(location, url),
  };
}

function check(ok, message) {
  console.log(`login-test: ${ok ? "ok  " : "FAIL"} ${message}`);
  if (!ok) process.exitCode = 1;
  return ok;
}

const login = await get(`${base}/login`);
const authorize = login.location;
check(
  login.status === 302 && authorize?.pathname.endsWith("/__preview/idp/authorize"),
  "/login redirects to the provider",
);
const redirectUri = authorize?.searchParams.get("redirect_uri") ?? "";
check(redirectUri.startsWith(base), `the redirect URI is on the public URL (${redirectUri})`);
check(authorize?.searchParams.get("code_challenge_method") === "S256", "PKCE (S256) is used");
check(Boolean(authorize?.searchParams.get("state")), "a state is sent");

authorize?.searchParams.set("login_hint", "alice");
const consent = await get(authorize);
check(
  consent.status === 302 && consent.location?.href.startsWith(redirectUri),
  "the provider signs alice in and redirects back",
);

const callback = await get(consent.location);
check(callback.status === 302, `the app accepts the callback (${callback.status})`);
const me = await get(`${base}/me`);
const user = me.status === 200 ? JSON.parse(me.body) : {};
check(me.status === 200 && user.sub === "alice", `/me shows alice (${me.status} ${me.body.slice(0, 120)})`);

const replay = await get(consent.location);
check(replay.status === 400, `a replayed callback is refused (${replay.status})`);
