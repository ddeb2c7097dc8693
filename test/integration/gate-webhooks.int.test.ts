/**
 * Webhook deliveries through a real gate: signed by each provider's own SDK helper where one
 * exists (by hand, per the provider's docs, where none does), accepted without user auth;
 * tampered, stale and unsigned ones rejected without the app ever seeing them.
 */
import { createHash, createHmac } from "node:crypto";
import { sign as octokitSign } from "@octokit/webhooks-methods";
import { Webhook } from "standardwebhooks";
import Stripe from "stripe";
import twilio from "twilio";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Gate } from "../../src/gate/server.js";
import { basic, request, startApp, startTestGate, type TestApp } from "./gate-helpers.js";

const SECRETS = {
  GITHUB_SECRET: "It's a Secret to Everybody",
  STRIPE_SECRET: "whsec_stripe_test_secret",
  SLACK_SECRET: "8f742231b10e8888abcd99yyyzzz85a5",
  SHOPIFY_SECRET: "shpss_test_secret",
  TWILIO_TOKEN: "12345678901234567890123456789012",
  STANDARD_SECRET: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
  SVIX_SECRET: "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD",
  PAGERDUTY_SECRET: "pd-secret-value",
  GITLAB_TOKEN: "gitlab-token-value",
};

const RULES = `
github /hooks/github GITHUB_SECRET
stripe /hooks/stripe STRIPE_SECRET
slack /hooks/slack SLACK_SECRET
shopify /hooks/shopify SHOPIFY_SECRET
twilio /hooks/twilio TWILIO_TOKEN
standard-webhooks /hooks/standard STANDARD_SECRET
svix /hooks/svix SVIX_SECRET
pagerduty /hooks/pagerduty PAGERDUTY_SECRET
gitlab /hooks/gitlab GITLAB_TOKEN
`;

const PUBLIC = "https://preview-123.example.test";
const now = () => Math.floor(Date.now() / 1000);
const hmac = (alg: string, key: string, data: string) => createHmac(alg, key).update(data);

interface Delivery {
  path: string;
  body: string;
  headers: Record<string, string>;
}

interface Case {
  provider: string;
  /** A delivery signed as the provider signs it, `ageSeconds` old. */
  signed(ageSeconds: number): Promise<Delivery> | Delivery;
  /** Providers with a timestamp reject stale deliveries. */
  timestamped: boolean;
}

const json = JSON.stringify({ id: "evt_1", object: "event", type: "test.event", data: { n: 42 } });

const CASES: Case[] = [
  {
    provider: "github",
    timestamped: false,
    signed: async () => ({
      path: "/hooks/github",
      body: json,
      headers: {
        "content-type": "application/json",
        "x-github-event": "ping",
        "x-github-delivery": "72d3162e-cc78-11e3-81ab-4c9367dc0958",
        "x-hub-signature-256": await octokitSign(SECRETS.GITHUB_SECRET, json),
      },
    }),
  },
  {
    provider: "stripe",
    timestamped: true,
    signed: (age) => ({
      path: "/hooks/stripe",
      body: json,
      headers: {
        "content-type": "application/json",
        "stripe-signature": new Stripe("sk_test_x").webhooks.generateTestHeaderString({
          payload: json,
          secret: SECRETS.STRIPE_SECRET,
          timestamp: now() - age,
        }),
      },
    }),
  },
  {
    // No SDK signer: computed per https://api.slack.com/authentication/verifying-requests-from-slack
    provider: "slack",
    timestamped: true,
    signed: (age) => {
      const body = "token=x&team_id=T1&command=%2Fdeploy&text=pr+42";
      const ts = String(now() - age);
      return {
        path: "/hooks/slack/commands",
        body,
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          "x-slack-request-timestamp": ts,
          "x-slack-signature": `v0=${hmac("sha256", SECRETS.SLACK_SECRET, `v0:${ts}:${body}`).digest("hex")}`,
        },
      };
    },
  },
  {
    // No standalone SDK signer: base64 HMAC of the body, with the headers @shopify/shopify-api requires.
    provider: "shopify",
    timestamped: false,
    signed: () => ({
      path: "/hooks/shopify",
      body: json,
      headers: {
        "content-type": "application/json",
        "x-shopify-topic": "orders/create",
        "x-shopify-shop-domain": "shop.myshopify.com",
        "x-shopify-api-version": "2025-01",
        "x-shopify-webhook-id": "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043",
        "x-shopify-hmac-sha256": hmac("sha256", SECRETS.SHOPIFY_SECRET, json).digest("base64"),
      },
    }),
  },
  {
    // Twilio signs the PUBLIC URL it requested, not the gate's loopback address.
    provider: "twilio",
    timestamped: false,
    signed: () => {
      const params = { CallSid: "CA123", From: "+15005550006", Body: "hello there" };
      return {
        path: "/hooks/twilio/sms?tenant=a",
        body: new URLSearchParams(params).toString(),
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          "x-twilio-signature": twilio.getExpectedTwilioSignature(
            SECRETS.TWILIO_TOKEN,
            `${PUBLIC}/hooks/twilio/sms?tenant=a`,
            params,
          ),
        },
      };
    },
  },
  {
    provider: "standard-webhooks",
    timestamped: true,
    signed: (age) => {
      const ts = new Date((now() - age) * 1000);
      return {
        path: "/hooks/standard",
        body: json,
        headers: {
          "content-type": "application/json",
          "webhook-id": "msg_p5jXN8AQM9LWM0D4loKWxJek",
          "webhook-timestamp": String(Math.floor(ts.getTime() / 1000)),
          "webhook-signature": new Webhook(SECRETS.STANDARD_SECRET).sign(
            "msg_p5jXN8AQM9LWM0D4loKWxJek",
            ts,
            json,
          ),
        },
      };
    },
  },
  {
    provider: "svix",
    timestamped: true,
    signed: (age) => {
      const ts = new Date((now() - age) * 1000);
      // Several signatures while a secret rotates: one unknown, one right.
      const right = new Webhook(SECRETS.SVIX_SECRET).sign("msg_2", ts, json);
      return {
        path: "/hooks/svix",
        body: json,
        headers: {
          "content-type": "application/json",
          "svix-id": "msg_2",
          "svix-timestamp": String(Math.floor(ts.getTime() / 1000)),
          "svix-signature": `v1,${Buffer.alloc(32).toString("base64")} ${right}`,
        },
      };
    },
  },
  {
    // No npm signer: hex HMAC-SHA256 of the body, per PagerDuty's v3 webhook docs.
    provider: "pagerduty",
    timestamped: false,
    signed: () => ({
      path: "/hooks/pagerduty",
      body: json,
      headers: {
        "content-type": "application/json",
        "x-pagerduty-signature": `v1=${"ab".repeat(32)},v1=${hmac("sha256", SECRETS.PAGERDUTY_SECRET, json).digest("hex")}`,
      },
    }),
  },
  {
    provider: "gitlab",
    timestamped: false,
    signed: () => ({
      path: "/hooks/gitlab",
      body: json,
      headers: {
        "content-type": "application/json",
        "x-gitlab-event": "Push Hook",
        "x-gitlab-token": SECRETS.GITLAB_TOKEN,
      },
    }),
  },
];

let app: TestApp;
let gate: Gate;

beforeAll(async () => {
  app = await startApp((_req, res) => {
    res.writeHead(200, { "content-type": "text/plain" });
    res.end("received");
  });
  gate = await startTestGate(
    app.port,
    { credentials: "user:pw", "verify-webhooks": RULES },
    { env: SECRETS },
  );
  gate.setPublicUrl(PUBLIC);
});

afterAll(async () => {
  await gate?.close();
  await app?.close();
});

beforeEach(() => {
  app.received.length = 0;
});

const send = (d: Delivery) =>
  request(gate.port, d.path, { method: "POST", headers: d.headers, body: d.body });

describe.each(CASES)("$provider", (c) => {
  it("is accepted without user auth when signed, and the app gets the exact bytes", async () => {
    const delivery = await c.signed(0);
    const res = await send(delivery);
    expect(res.status, res.body).toBe(200);
    expect(app.received).toHaveLength(1);
    expect(app.received[0]?.body.toString()).toBe(delivery.body);
    expect(app.received[0]?.url).toBe(delivery.path);
  });

  it("is rejected with 403 when tampered with", async () => {
    const delivery = await c.signed(0);
    // GitLab sends a token, not a signature over the body: only a wrong token can fail.
    const tampered =
      c.provider === "gitlab"
        ? { ...delivery, headers: { ...delivery.headers, "x-gitlab-token": "guess" } }
        : { ...delivery, body: delivery.body.replace(/e/, "E") };
    const res = await send(tampered);
    expect(res.status).toBe(403);
    expect(res.body).toContain(`${c.provider} webhook rejected`);
    expect(app.received).toHaveLength(0);
  });

  it("is rejected with 401 when unsigned, even with valid user credentials", async () => {
    const delivery = await c.signed(0);
    const headers = Object.fromEntries(
      Object.entries(delivery.headers).filter(([name]) => !/signature|hmac|token/.test(name)),
    );
    const res = await send({ ...delivery, headers: { ...headers, authorization: basic("user", "pw") } });
    expect(res.status).toBe(401);
    expect(app.received).toHaveLength(0);
  });
});

describe.each(CASES.filter((c) => c.timestamped))("$provider (timestamped)", (c) => {
  it("is rejected with 403 when stale (older than 300 s)", async () => {
    const res = await send(await c.signed(301));
    expect(res.status).toBe(403);
    expect(res.body).toContain("tolerance");
    expect(app.received).toHaveLength(0);
  });
});

describe("webhook paths", () => {
  it("Twilio JSON deliveries are checked against bodySHA256", async () => {
    const body = '{"event":"call.completed"}';
    const hash = createHash("sha256").update(body).digest("hex");
    const path = `/hooks/twilio/events?bodySHA256=${hash}`;
    const signature = twilio.getExpectedTwilioSignature(SECRETS.TWILIO_TOKEN, `${PUBLIC}${path}`, {});
    const headers = { "content-type": "application/json", "x-twilio-signature": signature };
    expect((await send({ path, body, headers })).status).toBe(200);
    expect((await send({ path, body: '{"event":"call.failed"}', headers })).status).toBe(403);
    expect(app.received).toHaveLength(1);
  });

  it("a signature over the loopback URL instead of the public one is rejected", async () => {
    const params = { CallSid: "CA1" };
    const signature = twilio.getExpectedTwilioSignature(
      SECRETS.TWILIO_TOKEN,
      `http://127.0.0.1:${gate.port}/hooks/twilio`,
      params,
    );
    const res = await send({
      path: "/hooks/twilio",
      body: "CallSid=CA1",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": signature },
    });
    expect(res.status).toBe(403);
  });

  it("paths outside the prefixes still need user auth", async () => {
    expect((await request(gate.port, "/hooks/githubx", { method: "POST", body: "{}" })).status).toBe(401);
    expect(app.received).toHaveLength(0);
  });
});
