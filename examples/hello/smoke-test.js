// The demo's test command: checks the preview from the outside through PREVIEW_URL.
const base = process.env.PREVIEW_URL;
if (!base) {
  console.error("smoke-test: PREVIEW_URL is not set");
  process.exit(2);
}

const checks = [
  // Without credentials the gate turns a request away before the app sees it.
  {
    path: "/health",
    anonymous: true,
    expect: (status) => status === 401 || !process.env.PREVIEW_AUTH_HEADER,
  },
  { path: "/health", expect: (status, body) => status === 200 && JSON.parse(body).ok === true },
  { path: "/", expect: (status, body) => status === 200 && body.includes("Hello from the preview") },
  { path: "/missing", expect: (status) => status === 404 },
];

let failed = 0;
for (const check of checks) {
  // The preview is behind the gate: PREVIEW_AUTH_HEADER carries the run's credentials.
  const authorization = check.anonymous ? undefined : process.env.PREVIEW_AUTH_HEADER;
  const response = await fetch(`${base}${check.path}`, { headers: authorization ? { authorization } : {} });
  const body = await response.text();
  const ok = check.expect(response.status, body);
  if (!ok) failed++;
  console.log(
    `smoke-test: ${ok ? "ok  " : "FAIL"} GET ${check.path}${check.anonymous ? " (no credentials)" : ""} -> ${response.status}`,
  );
}
console.log(`smoke-test: ${checks.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
