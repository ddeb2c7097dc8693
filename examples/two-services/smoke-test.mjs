// The two-services example's test command: through PREVIEW_URL, the frontend at /, the API at
// /api, and the frontend's server reaching the API at its local URL.
const base = process.env.PREVIEW_URL;
const headers = process.env.PREVIEW_AUTH_HEADER ? { authorization: process.env.PREVIEW_AUTH_HEADER } : {};
const checks = [
  ["/", (status, body) => status === 200 && body.includes("<h1>Inventory</h1>")],
  ["/app.js", (status, body) => status === 200 && body.includes('fetch("api/items")')],
  ["/api/items", (status, body) => status === 200 && JSON.parse(body).length === 3],
  ["/api/items/2", (status, body) => status === 200 && JSON.parse(body).name === "Monitor"],
  ["/status", (status, body) => status === 200 && JSON.parse(body).api === true],
  ["/api/nothing", (status) => status === 404],
];
let failed = 0;
for (const [path, expect] of checks) {
  const response = await fetch(`${base}${path}`, { headers });
  const ok = expect(response.status, await response.text());
  if (!ok) failed++;
  console.log(`two-services smoke-test: ${ok ? "ok  " : "FAIL"} GET ${path} -> ${response.status}`);
}
console.log(`two-services smoke-test: ${checks.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
