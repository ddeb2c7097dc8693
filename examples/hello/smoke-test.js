// The demo's test command: checks the preview from the outside through PREVIEW_URL.
const base = process.env.PREVIEW_URL;
if (!base) {
  console.error("smoke-test: PREVIEW_URL is not set");
  process.exit(2);
}

const checks = [
  { path: "/health", expect: (status, body) => status === 200 && JSON.parse(body).ok === true },
  { path: "/", expect: (status, body) => status === 200 && body.includes("Hello from the preview") },
  { path: "/missing", expect: (status) => status === 404 },
];

let failed = 0;
for (const check of checks) {
  const response = await fetch(`${base}${check.path}`);
  const body = await response.text();
  const ok = check.expect(response.status, body);
  if (!ok) failed++;
  console.log(`smoke-test: ${ok ? "ok  " : "FAIL"} GET ${check.path} -> ${response.status}`);
}
console.log(`smoke-test: ${checks.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
