/**
 * The gate's signers and verifiers against the providers' published test vectors and their
 * own npm verifiers (so a signature we make is one their SDK accepts, and vice versa).
 */
import { createHmac } from "node:crypto";
import { verify as octokitVerify } from "@octokit/webhooks-methods";
import { Webhook } from "standardwebhooks";
import Stripe from "stripe";
import twilio from "twilio";
import { describe, expect, it } from "vitest";
import { signGithub, verifyGithub } from "../../src/webhooks/github.js";
import { verifyGitlab } from "../../src/webhooks/gitlab.js";
import { signPagerduty, verifyPagerduty } from "../../src/webhooks/pagerduty.js";
import { signShopify, verifyShopify } from "../../src/webhooks/shopify.js";
import { signSlack, verifySlack } from "../../src/webhooks/slack.js";
import { signStandardWebhook, standardWebhooks, svix } from "../../src/webhooks/standard-webhooks.js";
import { signStripe, verifyStripe } from "../../src/webhooks/stripe.js";
import { signTwilio, twilioUrl, verifyTwilio } from "../../src/webhooks/twilio.js";

const now = Math.floor(Date.now() / 1000);
const req = (headers: Record<string, string>, body: string, url = "https://x.test/hook") => ({
  headers,
  body: Buffer.from(body),
  url,
  nowSeconds: now,
});

describe("published vectors", () => {
  it("GitHub", () => {
    expect(signGithub("Hello, World!", "It's a Secret to Everybody")).toBe(
      "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
    );
  });

  it("Standard Webhooks", () => {
    expect(
      signStandardWebhook(
        "msg_p5jXN8AQM9LWM0D4loKWxJek",
        1614265330,
        '{"test": 2432232314}',
        "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
      ),
    ).toBe("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  });
});

describe("our signatures pass the providers' own verifiers", () => {
  it("GitHub: @octokit/webhooks-methods verify", async () => {
    expect(await octokitVerify("s3cret", '{"a":1}', signGithub('{"a":1}', "s3cret"))).toBe(true);
  });

  it("Stripe: stripe.webhooks.constructEvent", () => {
    const payload = JSON.stringify({ id: "evt_1", object: "event", type: "ping" });
    const header = signStripe(payload, "whsec_test", now);
    const event = new Stripe("sk_test_x").webhooks.constructEvent(payload, header, "whsec_test");
    expect(event.id).toBe("evt_1");
  });

  it("Standard Webhooks: Webhook.verify", () => {
    const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    const headers = standardWebhooks.sign({ body: Buffer.from('{"a":1}'), url: "", nowSeconds: now }, secret);
    expect(new Webhook(secret).verify('{"a":1}', headers)).toEqual({ a: 1 });
  });

  it("Twilio: validateRequest (form) and validateRequestWithBody (JSON)", () => {
    const url = "https://preview.example.test/sms?x=1";
    const form = "To=%2B15005550006&From=%2B15005550001&Body=hi+there&MediaUrl=b&MediaUrl=a";
    const params = { To: "+15005550006", From: "+15005550001", Body: "hi there", MediaUrl: ["b", "a"] };
    expect(twilio.validateRequest("tok", signTwilio(url, Buffer.from(form), "tok"), url, params)).toBe(true);
    const json = '{"event":"x"}';
    const jsonUrl = twilioUrl("https://preview.example.test/hook?bodySHA256=0", Buffer.from(json));
    expect(
      twilio.validateRequestWithBody("tok", signTwilio(jsonUrl, Buffer.from(json), "tok"), jsonUrl, json),
    ).toBe(true);
  });
});

describe("the providers' own signers pass our verifiers", () => {
  it("Stripe: generateTestHeaderString", () => {
    const header = new Stripe("sk_test_x").webhooks.generateTestHeaderString({
      payload: "{}",
      secret: "whsec_k",
    });
    expect(verifyStripe(req({ "stripe-signature": header }, "{}"), "whsec_k")).toEqual({ ok: true });
  });

  it("Standard Webhooks / Svix: Webhook.sign", () => {
    const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    const signature = new Webhook(secret).sign("msg_1", new Date(now * 1000), "{}");
    const headers = {
      "webhook-id": "msg_1",
      "webhook-timestamp": String(now),
      "webhook-signature": signature,
    };
    expect(standardWebhooks.verify(req(headers, "{}"), secret)).toEqual({ ok: true });
    const svixHeaders = { "svix-id": "msg_1", "svix-timestamp": String(now), "svix-signature": signature };
    expect(svix.verify(req(svixHeaders, "{}"), secret)).toEqual({ ok: true });
  });

  it("Twilio: getExpectedTwilioSignature, with and without the default port", () => {
    const params = { CallSid: "CA1", Digits: "1 2" };
    const body = "CallSid=CA1&Digits=1+2";
    const sig = twilio.getExpectedTwilioSignature("tok", "https://p.test/voice", params);
    expect(verifyTwilio(req({ "x-twilio-signature": sig }, body, "https://p.test/voice"), "tok").ok).toBe(
      true,
    );
    expect(verifyTwilio(req({ "x-twilio-signature": sig }, body, "https://p.test:443/voice"), "tok").ok).toBe(
      true,
    );
    expect(verifyTwilio(req({ "x-twilio-signature": sig }, body, "https://other.test/voice"), "tok").ok).toBe(
      false,
    );
  });
});

describe("rejections", () => {
  it("401 without a signature, 403 for a wrong or stale one", () => {
    expect(verifyGithub(req({}, "x"), "k")).toMatchObject({ ok: false, status: 401 });
    expect(verifyGithub(req({ "x-hub-signature-256": signGithub("y", "k") }, "x"), "k")).toMatchObject({
      ok: false,
      status: 403,
    });
    const stale = signStripe("{}", "whsec_k", now - 301);
    expect(verifyStripe(req({ "stripe-signature": stale }, "{}"), "whsec_k")).toMatchObject({ status: 403 });
    expect(
      verifyStripe(req({ "stripe-signature": signStripe("{}", "whsec_k", now - 299) }, "{}"), "whsec_k").ok,
    ).toBe(true);
    const slackHeaders = {
      "x-slack-request-timestamp": String(now - 400),
      "x-slack-signature": signSlack("a=b", "k", now - 400),
    };
    expect(verifySlack(req(slackHeaders, "a=b"), "k")).toMatchObject({ status: 403 });
  });

  it("PagerDuty accepts any of several v1 signatures (secret rotation)", () => {
    const header = `v1=${"0".repeat(64)},${signPagerduty("{}", "k")}`;
    expect(verifyPagerduty(req({ "x-pagerduty-signature": header }, "{}"), "k").ok).toBe(true);
  });

  it("Shopify compares the MAC bytes; GitLab compares the token", () => {
    const mac = createHmac("sha256", "k").update("{}").digest("base64");
    expect(signShopify("{}", "k")).toBe(mac);
    expect(verifyShopify(req({ "x-shopify-hmac-sha256": mac }, "{}"), "k").ok).toBe(true);
    expect(verifyGitlab(req({ "x-gitlab-token": "k" }, ""), "k").ok).toBe(true);
    expect(verifyGitlab(req({ "x-gitlab-token": "k2" }, ""), "k")).toMatchObject({ status: 403 });
  });
});
