// `npm run demo`: the whole pipeline, offline (provider local), on the example apps: a plain
// app with a smoke test, an OIDC login through the preview's identity provider, signed
// GitHub/Stripe webhook deliveries verified by the gate and by the app, and two services (a
// static frontend and a JSON API) behind one preview at / and /api.
import { spawnSync } from "node:child_process";

const cli = (args, env = {}) =>
  spawnSync(process.execPath, ["dist/cli.js", "run", "--provider", "local", ...args], {
    stdio: "inherit",
    env: { ...process.env, ...env },
  }).status;

const runs = [
  {
    title: "examples/hello: boot, gate, smoke test",
    args: [
      "--start",
      "node examples/hello/server.js",
      "--ready",
      "/health",
      "--test",
      "node examples/hello/smoke-test.js",
    ],
  },
  {
    title:
      "examples/oauth-app: sign in through the preview's identity provider (a test command and OAuth scenarios)",
    args: [
      "--start",
      "node examples/oauth-app/server.mjs",
      "--ready",
      "/health",
      "--idp",
      "true",
      "--test",
      "node examples/oauth-app/login-test.mjs",
      "--scenarios",
      "examples/oauth-app/scenarios.yml",
    ],
  },
  {
    title: "examples/webhooks-app: signed webhook scenarios through the gate",
    args: [
      "--start",
      "node examples/webhooks-app/server.mjs",
      "--ready",
      "/health",
      "--verify-webhooks",
      "github /webhooks/github GITHUB_WEBHOOK_SECRET\nstripe /webhooks/stripe STRIPE_WEBHOOK_SECRET",
      "--scenarios",
      "examples/webhooks-app/scenarios.yml",
    ],
    // Demo secrets, made up for this run (real ones come from the workflow's secrets).
    env: {
      GITHUB_WEBHOOK_SECRET: "demo-github-secret",
      STRIPE_WEBHOOK_SECRET: "whsec_ZGVtby1zdHJpcGUtc2VjcmV0",
    },
  },
  {
    title: "examples/two-services: a static frontend at / and a JSON API at /api, behind one gate",
    args: [
      "--services",
      "examples/two-services/services.yml",
      "--test",
      "node examples/two-services/smoke-test.mjs",
    ],
  },
];

let failed = 0;
for (const run of runs) {
  console.log(`\n=== ${run.title}\n`);
  const status = cli(run.args, run.env);
  if (status !== 0) failed++;
  console.log(`\n=== ${run.title}: ${status === 0 ? "passed" : `failed (exit ${status})`}`);
}
console.log(`\ndemo: ${runs.length - failed} of ${runs.length} runs passed`);
process.exit(failed === 0 ? 0 : 1);
