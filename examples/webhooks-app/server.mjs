// An example app that receives GitHub and Stripe webhooks, each verified with the provider's
// official library, as a production app would: @octokit/webhooks-methods for GitHub's
// X-Hub-Signature-256 and stripe.webhooks.constructEvent for Stripe-Signature (which also
// rejects deliveries older than 5 minutes). Secrets come from the environment:
// GITHUB_WEBHOOK_SECRET and STRIPE_WEBHOOK_SECRET. Listens on PORT.
//
// Routes: POST /webhooks/github, POST /webhooks/stripe (JSON acknowledging the event, 401
// or 400 when the signature does not verify), GET /health.
//
// The signature covers the exact bytes sent, so the body is read raw and verified before it
// is parsed: re-serialising parsed JSON is the classic reason verification fails.
import http from "node:http";
import { verify } from "@octokit/webhooks-methods";
import Stripe from "stripe";

function required(name) {
  const value = process.env[name];
  if (!value) {
    console.error(`webhooks-app: ${name} is not set (the webhook secret, e.g. from a repository secret)`);
    process.exit(2);
  }
  return value;
}

const port = Number(process.env.PORT || 3000);
const githubSecret = required("GITHUB_WEBHOOK_SECRET");
const stripeSecret = required("STRIPE_WEBHOOK_SECRET");
// Only webhook verification is used: no Stripe API call is made, so any key will do.
const stripe = new Stripe(process.env.STRIPE_SECRET_KEY || "sk_test_webhooks_app_no_api_calls");

/** Events seen, for GET /events: what a test (or a curious reviewer) can check arrived. */
const events = [];

function send(res, status, value) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(`${JSON.stringify(value)}\n`);
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on("data", (chunk) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

async function github(req, res) {
  const body = (await readBody(req)).toString("utf8");
  const signature = req.headers["x-hub-signature-256"];
  if (typeof signature !== "string" || !(await verify(githubSecret, body, signature))) {
    return send(res, 401, { received: false, error: "X-Hub-Signature-256 does not verify" });
  }
  const event = req.headers["x-github-event"];
  const delivery = req.headers["x-github-delivery"];
  const payload = JSON.parse(body);
  events.push({ provider: "github", event, delivery });
  send(res, 200, {
    received: true,
    provider: "github",
    event,
    delivery,
    ...(payload.action === undefined ? {} : { action: payload.action }),
    ...(event === "ping" ? { zen: payload.zen } : {}),
  });
}

async function stripeWebhook(req, res) {
  const body = await readBody(req);
  let event;
  try {
    event = stripe.webhooks.constructEvent(body, req.headers["stripe-signature"] ?? "", stripeSecret);
  } catch (error) {
    // As in Stripe's docs: 400 with the reason (bad signature, stale timestamp, no header).
    return send(res, 400, { received: false, error: `Webhook Error: ${error.message}` });
  }
  events.push({ provider: "stripe", event: event.type, id: event.id });
  send(res, 200, { received: true, provider: "stripe", type: event.type, id: event.id });
}

async function route(req, res) {
  const path = new URL(req.url ?? "/", "http://localhost").pathname;
  if (path === "/health") return send(res, 200, { ok: true });
  if (path === "/events" && req.method === "GET") return send(res, 200, events);
  if (path === "/webhooks/github" && req.method === "POST") return github(req, res);
  if (path === "/webhooks/stripe" && req.method === "POST") return stripeWebhook(req, res);
  send(res, 404, { error: `no route ${req.method} ${path}` });
}

const server = http.createServer((req, res) => {
  route(req, res).catch((error) => {
    console.error(`webhooks-app: ${req.url}: ${error.stack ?? error}`);
    if (!res.headersSent) send(res, 500, { error: "internal error (see the app's log)" });
    else res.destroy();
  });
});

server.listen(port, () =>
  console.log(`webhooks-app: listening on http://localhost:${server.address().port}`),
);

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    console.log(`webhooks-app: ${signal}, shutting down`);
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}
