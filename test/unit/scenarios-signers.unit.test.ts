/**
 * The scenario signers: published test vectors, the providers' own verifiers (in process;
 * the HTTP round trips are in scenarios-providers.int.test.ts), the gate's verifiers
 * (including the four added for linear, square, discord and paddle), purity and tampering.
 */
import { LinearWebhookClient } from "@linear/sdk/webhooks";
import { verify as octokitVerify } from "@octokit/webhooks-methods";
import { Paddle } from "@paddle/paddle-node-sdk";
import { isValidSlackRequest } from "@slack/bolt";
import { verifyKey } from "discord-interactions";
import square from "square";
import { Webhook } from "standardwebhooks";
import Stripe from "stripe";
import twilio from "twilio";
import { describe, expect, it } from "vitest";
import { createScenarioKeys } from "../../src/scenarios/keys.js";
import { EXAMPLES } from "../../src/scenarios/payloads/index.js";
import { PREVIEW_URL } from "../../src/scenarios/payloads/types.js";
import { signGithubDelivery } from "../../src/scenarios/signers/github.js";
import {
  type DeliveryToSign,
  PROVIDERS,
  SCENARIO_PROVIDERS,
  type ScenarioProvider,
} from "../../src/scenarios/signers/index.js";
import { signStandardWebhooksDelivery } from "../../src/scenarios/signers/standard-webhooks.js";
import { tamper, tamperBytes } from "../../src/scenarios/tamper.js";
import { verifyDiscord } from "../../src/webhooks/discord.js";
import { SCHEMES } from "../../src/webhooks/index.js";
import { verifyLinear } from "../../src/webhooks/linear.js";
import { verifyPaddle } from "../../src/webhooks/paddle.js";
import { verifySquare } from "../../src/webhooks/square.js";
import type { SignedRequest, Verdict } from "../../src/webhooks/types.js";

const now = Math.floor(Date.now() / 1000);
const keys = createScenarioKeys();
const URL_ = "https://preview-42.example.test/hooks/x?tenant=a";

const SECRET: Record<ScenarioProvider, string> = {
  github: "gh-secret",
  stripe: "whsec_stripe",
  slack: "slack-secret",
  shopify: "shopify-secret",
  twilio: "twilio-token",
  "standard-webhooks": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
  svix: "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD",
  pagerduty: "pd-secret",
  gitlab: "gl-token",
  linear: "linear-secret",
  square: "square-key",
  discord: keys.discord.privateKeyPem,
  paddle: "pdl_ntfset_secret",
};
/** What the verifying side holds: the same secret, except Discord's public key. */
const VERIFY_KEY = (p: ScenarioProvider) => (p === "discord" ? keys.discord.publicKeyHex : SECRET[p]);

function delivery(provider: ScenarioProvider, offsetSeconds = 0): DeliveryToSign {
  const name = Object.keys(EXAMPLES[provider])[0] as string;
  const example = EXAMPLES[provider][name];
  return {
    url: URL_,
    body: Buffer.from((example?.body ?? "{}").replaceAll(PREVIEW_URL, "https://preview-42.example.test")),
    contentType: example?.contentType ?? "application/json",
    nowSeconds: now + offsetSeconds,
    event: example?.event,
    deliveryId: "0f0e0d0c-0b0a-4908-8706-050403020100",
    secret: SECRET[provider],
  };
}

const lower = (headers: Readonly<Record<string, string>>) =>
  Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));

/** The gate's verdict on a signed delivery (SCHEMES, or the four files added for the scenarios). */
function gateVerdict(
  provider: ScenarioProvider,
  url: string,
  body: Buffer,
  headers: Record<string, string>,
): Verdict {
  const request: SignedRequest = {
    headers: lower(headers),
    body,
    url,
    nowSeconds: Math.floor(Date.now() / 1000),
  };
  const extra = { linear: verifyLinear, square: verifySquare, discord: verifyDiscord, paddle: verifyPaddle };
  const verify =
    provider in extra
      ? extra[provider as keyof typeof extra]
      : SCHEMES[provider as keyof typeof SCHEMES].verify;
  return verify(request, VERIFY_KEY(provider));
}

/** The provider's own npm verifier, in process: true when it accepts. */
const SDK: Partial<
  Record<ScenarioProvider, (url: string, body: Buffer, h: Record<string, string>) => Promise<boolean>>
> = {
  github: (_u, body, h) => octokitVerify(SECRET.github, body.toString(), h["x-hub-signature-256"] ?? ""),
  stripe: async (_u, body, h) => {
    try {
      new Stripe("sk_test_x").webhooks.constructEvent(body, h["stripe-signature"] ?? "", SECRET.stripe);
      return true;
    } catch {
      return false;
    }
  },
  slack: async (_u, body, h) =>
    isValidSlackRequest({
      signingSecret: SECRET.slack,
      body: body.toString(),
      headers: {
        "x-slack-signature": h["x-slack-signature"] ?? "",
        "x-slack-request-timestamp": Number(h["x-slack-request-timestamp"]),
      },
    }),
  twilio: async (url, body, h) =>
    twilio.validateRequest(
      SECRET.twilio,
      h["x-twilio-signature"] ?? "",
      url,
      Object.fromEntries(new URLSearchParams(body.toString())),
    ),
  "standard-webhooks": async (_u, body, h) => {
    try {
      new Webhook(SECRET["standard-webhooks"]).verify(body.toString(), h);
      return true;
    } catch {
      return false;
    }
  },
  linear: async (_u, body, h) => {
    try {
      return new LinearWebhookClient(SECRET.linear).verify(body, h["linear-signature"] ?? "");
    } catch {
      return false;
    }
  },
  square: (url, body, h) =>
    square.WebhooksHelper.verifySignature({
      requestBody: body.toString(),
      signatureHeader: h["x-square-hmacsha256-signature"] ?? "",
      signatureKey: SECRET.square,
      notificationUrl: url,
    }),
  discord: (_u, body, h) =>
    verifyKey(
      body,
      h["x-signature-ed25519"] ?? "",
      h["x-signature-timestamp"] ?? "",
      keys.discord.publicKeyHex,
    ),
  paddle: (_u, body, h) =>
    new Paddle("pdl_sdbx_apikey_x").webhooks.isSignatureValid(
      body.toString(),
      SECRET.paddle,
      h["paddle-signature"] ?? "",
    ),
};

describe("published vectors", () => {
  it("GitHub: It's a Secret to Everybody / Hello, World!", () => {
    const signed = signGithubDelivery({
      ...delivery("github"),
      body: Buffer.from("Hello, World!"),
      secret: "It's a Secret to Everybody",
    });
    expect(signed.headers["x-hub-signature-256"]).toBe(
      "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
    );
  });

  it("Standard Webhooks: msg_p5jXN8AQM9LWM0D4loKWxJek at 1614265330", () => {
    const signed = signStandardWebhooksDelivery({
      ...delivery("standard-webhooks"),
      body: Buffer.from('{"test": 2432232314}'),
      nowSeconds: 1614265330,
      deliveryId: "p5jXN8AQM9LWM0D4loKWxJek",
      secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
    });
    expect(signed.headers).toEqual({
      "webhook-id": "msg_p5jXN8AQM9LWM0D4loKWxJek",
      "webhook-timestamp": "1614265330",
      "webhook-signature": "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
    });
  });
});

describe.each(SCENARIO_PROVIDERS.map((provider) => ({ provider })))("$provider signer", ({ provider }) => {
  const sign = PROVIDERS[provider].sign;

  it("is pure: the same input gives the same bytes, URL and headers", () => {
    expect(sign(delivery(provider))).toEqual(sign(delivery(provider)));
  });

  it("is accepted by the gate's verifier, and a tampered copy is not", () => {
    const signed = sign(delivery(provider));
    expect(gateVerdict(provider, signed.url, signed.body, { ...signed.headers })).toEqual({ ok: true });
    const bad = tamper(provider, signed);
    expect(gateVerdict(provider, bad.url, bad.body, { ...bad.headers })).toMatchObject({
      ok: false,
      status: 403,
    });
  });

  // Registered only where the case applies, so the counts list no skipped tests.
  if (SDK[provider] !== undefined)
    it("is accepted by the provider's own verifier, and a tampered copy is not", async () => {
      const check = SDK[provider] as NonNullable<(typeof SDK)[ScenarioProvider]>;
      const signed = sign(delivery(provider));
      expect(await check(signed.url, signed.body, lower(signed.headers))).toBe(true);
      const bad = tamper(provider, signed);
      expect(await check(bad.url, bad.body, lower(bad.headers))).toBe(false);
    });

  if (PROVIDERS[provider].timestamped && provider !== "discord")
    it("signed 10 minutes ago, it is stale for the gate and the provider's verifier", async () => {
      const signed = sign(delivery(provider, -600));
      expect(gateVerdict(provider, signed.url, signed.body, { ...signed.headers })).toMatchObject({
        ok: false,
        status: 403,
      });
      const check = SDK[provider];
      if (check) expect(await check(signed.url, signed.body, lower(signed.headers))).toBe(false);
    });
});

describe("provider specifics", () => {
  it("GitHub sends its event and a delivery GUID", () => {
    const signed = signGithubDelivery({ ...delivery("github"), event: "pull_request" });
    expect(signed.headers).toMatchObject({
      "X-GitHub-Event": "pull_request",
      "X-GitHub-Delivery": "0f0e0d0c-0b0a-4908-8706-050403020100",
    });
  });

  it("Shopify sends the five headers webhooks.validate needs", () => {
    const signed = PROVIDERS.shopify.sign(delivery("shopify"));
    expect(Object.keys(lower(signed.headers))).toEqual(
      expect.arrayContaining([
        "x-shopify-hmac-sha256",
        "x-shopify-topic",
        "x-shopify-shop-domain",
        "x-shopify-api-version",
        "x-shopify-webhook-id",
      ]),
    );
    expect(signed.headers["X-Shopify-Topic"]).toBe("orders/create");
  });

  it("Twilio signs JSON bodies through bodySHA256 on the public URL", async () => {
    const body = Buffer.from('{"event":"call.completed"}');
    const signed = PROVIDERS.twilio.sign({ ...delivery("twilio"), body, contentType: "application/json" });
    expect(new URL(signed.url).searchParams.get("bodySHA256")).toMatch(/^[0-9a-f]{64}$/);
    expect(new URL(signed.url).searchParams.get("tenant")).toBe("a");
    expect(
      twilio.validateRequestWithBody(
        SECRET.twilio,
        signed.headers["x-twilio-signature"] ?? "",
        signed.url,
        body.toString(),
      ),
    ).toBe(true);
  });

  it("Linear carries the signing time in the signed body (webhookTimestamp, ms)", () => {
    const signed = PROVIDERS.linear.sign(delivery("linear"));
    expect(JSON.parse(signed.body.toString()).webhookTimestamp).toBe(now * 1000);
    expect(signed.headers["Linear-Event"]).toBe("Issue");
  });

  it("Discord's key pair: 32-byte public key as hex, deterministic Ed25519 signatures", () => {
    expect(keys.discord.publicKeyHex).toMatch(/^[0-9a-f]{64}$/);
    expect(keys.discord.privateKeyPem).toContain("BEGIN PRIVATE KEY");
    expect(createScenarioKeys().discord.publicKeyHex).not.toBe(keys.discord.publicKeyHex);
  });

  it("Paddle: more than 5 s old is stale, as in the SDK", () => {
    const signed = PROVIDERS.paddle.sign(delivery("paddle", -6));
    expect(gateVerdict("paddle", signed.url, signed.body, { ...signed.headers })).toMatchObject({
      ok: false,
    });
    const fresh = PROVIDERS.paddle.sign(delivery("paddle", -3));
    expect(gateVerdict("paddle", fresh.url, fresh.body, { ...fresh.headers })).toEqual({ ok: true });
  });

  it("the gate's new verifiers answer 401 when the signature header is missing", () => {
    for (const provider of ["linear", "square", "discord", "paddle"] as const) {
      const signed = PROVIDERS[provider].sign(delivery(provider));
      expect(gateVerdict(provider, signed.url, signed.body, {}), provider).toMatchObject({
        ok: false,
        status: 401,
      });
    }
  });
});

describe("tamper", () => {
  it("changes exactly one byte, to another of the same class", () => {
    const body = Buffer.from('{"id":"evt_123","amount":2000}');
    const out = tamperBytes(body);
    const changed = [...body.keys()].filter((i) => body[i] !== out[i]);
    expect(changed).toHaveLength(1);
    const i = changed[0] as number;
    const kind = (c: number) =>
      /\d/.test(String.fromCharCode(c))
        ? "digit"
        : /[a-z]/i.test(String.fromCharCode(c))
          ? "letter"
          : "other";
    expect(kind(out[i] as number)).toBe(kind(body[i] as number));
    expect(() => JSON.parse(out.toString())).not.toThrow();
    expect(body.toString()).toBe('{"id":"evt_123","amount":2000}');
  });

  it("alters GitLab's token, which signs no body", () => {
    const signed = PROVIDERS.gitlab.sign(delivery("gitlab"));
    const bad = tamper("gitlab", signed);
    expect(bad.body).toEqual(signed.body);
    expect(bad.headers["x-gitlab-token"]).not.toBe(SECRET.gitlab);
    expect(bad.headers["x-gitlab-token"]).toHaveLength(SECRET.gitlab.length);
  });

  it("alters the signature when the body is empty", () => {
    const signed = PROVIDERS.github.sign({ ...delivery("github"), body: Buffer.alloc(0) });
    const bad = tamper("github", signed);
    expect(bad.headers["x-hub-signature-256"]).not.toBe(signed.headers["x-hub-signature-256"]);
    expect(bad.headers["x-hub-signature-256"]).toMatch(/^sha256=[0-9a-f]{64}$/);
  });
});
