/**
 * Sign-in bypass through webhook paths: a validly signed GitHub delivery (signed with
 * @octokit/webhooks-methods, as GitHub signs) sent to a path that climbs out of the webhook
 * prefix must never reach the app without sign-in. The app here normalises paths the way
 * many frameworks do, and records what it resolved each request to.
 */

import { posix } from "node:path";
import { sign } from "@octokit/webhooks-methods";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { parseVerifyWebhooks } from "../../src/config/parse/gate.js";
import { InputError } from "../../src/errors.js";
import type { Gate } from "../../src/gate/server.js";
import { basic, startApp, startTestGate, type TestApp } from "../integration/gate-helpers.js";
import { parseResponses, type RawResponse, sendRaw } from "./raw-http.js";

const SECRET = "gh-webhook-secret-for-paths";
const BODY = JSON.stringify({ zen: "Keep it logically awesome.", hook_id: 42 });
const AUTH = basic("u", "p");
let signature = "";

let app: TestApp | undefined;
let gate: Gate | undefined;
/** Where the app resolved each request it received (decoded, dot segments removed). */
let resolved: string[] = [];

beforeAll(async () => {
  signature = await sign(SECRET, BODY);
});

afterEach(async () => {
  await gate?.close();
  await app?.close();
  gate = undefined;
  app = undefined;
  resolved = [];
});

async function setup(): Promise<Gate> {
  app = await startApp((req, res) => {
    let where: string;
    try {
      where = posix.normalize(decodeURIComponent((req.url ?? "/").split("?")[0] ?? "/").replace(/\\/g, "/"));
    } catch {
      where = "(undecodable)";
    }
    resolved.push(where);
    res.writeHead(200, { "content-type": "text/plain" });
    res.end(`app served ${where}`);
  });
  gate = await startTestGate(
    app.port,
    { credentials: "u:p", "verify-webhooks": "github /hooks/github GH_SECRET" },
    { env: { GH_SECRET: SECRET } },
  );
  return gate;
}

/** One request on its own connection, written byte for byte (no client-side normalising). */
async function send(
  target: string,
  { method = "POST", signed = true, signedIn = false } = {},
): Promise<RawResponse> {
  const headers = [
    `${method} ${target} HTTP/1.1`,
    "Host: preview.example.test",
    "Content-Type: application/json",
    "X-GitHub-Event: push",
    "X-GitHub-Delivery: 72d3162e-cc78-11e3-81ab-4c9367dc0958",
    ...(signed ? [`X-Hub-Signature-256: ${signature}`] : []),
    ...(signedIn ? [`Authorization: ${AUTH}`] : []),
    `Content-Length: ${Buffer.byteLength(BODY)}`,
    "Connection: close",
  ];
  const bytes = `${headers.join("\r\n")}\r\n\r\n${BODY}`;
  const [response] = parseResponses(await sendRaw((gate as Gate).port, bytes), [method]);
  if (response === undefined) throw new Error(`no response to ${method} ${target}`);
  return response;
}

describe("a signed delivery cannot leave its webhook path", () => {
  const CLIMBING = [
    "/hooks/github/../../admin",
    "/hooks/github/../admin",
    "/hooks/github/%2e%2e/%2e%2e/admin",
    "/hooks/github/%2E%2e/%2e%2E/admin",
    "/hooks/github/.%2e/admin",
    "/hooks/github/..%2fadmin",
    "/hooks/github/..%2F..%2Fadmin",
    "/hooks/github%2f..%2f..%2fadmin",
    "/hooks/github/..%5cadmin",
    "/hooks/github/..\\..\\admin",
    "/hooks/github/..;/..;/admin",
    "/hooks/github;x/../../admin",
    "/hooks/github/%252e%252e/%252e%252e/admin",
    "/hooks/github/%c0%ae%c0%ae/admin",
    "/hooks/github/./../admin",
    "/hooks/github/%00/../admin",
    "//hooks/github/../admin",
  ];
  for (const target of CLIMBING) {
    it(`POST ${target}: 400, the app sees nothing`, async () => {
      await setup();
      const res = await send(target);
      expect(res.status).toBe(400);
      expect(res.body).toMatch(/^preview-tunnel gate: the (path|request target)/);
      expect(resolved).toEqual([]);
    });
  }

  it("refuses the same paths to a signed-in client too (every request gets the path check)", async () => {
    await setup();
    for (const target of CLIMBING) {
      expect((await send(target, { signed: false, signedIn: true })).status).toBe(400);
    }
    expect(resolved).toEqual([]);
  });

  const NOT_WEBHOOK_PATHS = [
    "/hooks/githubx",
    "/hooks/github;x",
    "/HOOKS/github",
    "/hooks/GitHub",
    "/hooks",
    // Percent-encoding inside the prefix: an app that does not decode would see another path.
    "/hooks/%67ithub",
    "/admin",
  ];
  for (const target of NOT_WEBHOOK_PATHS) {
    it(`POST ${target} is no webhook path: a valid signature does not replace sign-in`, async () => {
      await setup();
      const res = await send(target);
      expect(res.status).toBe(401);
      expect(resolved).toEqual([]);
    });
  }

  for (const method of ["GET", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]) {
    it(`${method} on the webhook path needs sign-in even with a valid signature`, async () => {
      await setup();
      expect((await send("/hooks/github", { method })).status).toBe(401);
      expect(resolved).toEqual([]);
      expect((await send("/hooks/github", { method, signedIn: true })).status).toBe(200);
      expect(resolved).toEqual(["/hooks/github"]);
    });
  }

  it("POST of the delivery under its prefix reaches the app with the path the gate judged", async () => {
    await setup();
    const exact = await send("/hooks/github");
    expect(exact.status).toBe(200);
    expect((await send("/hooks/github/push")).status).toBe(200);
    // Encoded after the prefix: decoded once, it is still under the prefix.
    expect((await send("/hooks/github/%70ush%20event")).status).toBe(200);
    expect(resolved).toEqual(["/hooks/github", "/hooks/github/push", "/hooks/github/push event"]);
    expect(app?.received.map((r) => r.url)).toEqual([
      "/hooks/github",
      "/hooks/github/push",
      "/hooks/github/%70ush%20event",
    ]);
    // An unsigned or wrongly signed delivery still stops at the gate.
    expect((await send("/hooks/github", { signed: false })).status).toBe(401);
    expect(resolved).toHaveLength(3);
  });
});

describe("the reserved /__preview/ namespace uses the same path", () => {
  it("refuses dot segments and encoded slashes into and out of it", async () => {
    await setup();
    for (const target of [
      "/__preview/../admin",
      "/__preview/%2e%2e/admin",
      "/x/../__preview/login",
      "/__preview%2flogin",
      "/__preview/login/..",
    ]) {
      expect((await send(target, { method: "GET", signed: false, signedIn: true })).status).toBe(400);
    }
    expect(resolved).toEqual([]);
  });

  it("decides on the decoded path: an encoded name under /__preview/ is the gate's, never the app's", async () => {
    await setup();
    const login = await send("/__preview/%6cogin?token=made-up", { method: "GET", signed: false });
    expect(login.status).toBe(401);
    expect(login.body).toMatch(/login link is not valid/);
    const other = await send("/__preview/%6fther", { method: "GET", signed: false, signedIn: true });
    expect(other.status).toBe(404);
    expect(other.body).toContain("/__preview/other is not a path of the gate");
    expect(resolved).toEqual([]);
  });
});

describe("verify-webhooks prefixes", () => {
  const parse = (prefix: string) => () =>
    parseVerifyWebhooks("verify-webhooks", `github ${prefix} GH_SECRET`, { GH_SECRET: SECRET });
  const REFUSED: [string, RegExp][] = [
    ["/hooks/../admin", /that the gate accepts as a path \(the path must not hold "\." or "\.\." segments\)/],
    ["/hooks/./github", /"\." or "\.\." segments/],
    ["//hooks", /must not start with \/\//],
    ["/hooks\\github", /backslash/],
    ["/hooks/%67ithub", /without percent-encoding/],
    ["/hooks/gith\u00fcb", /printable ASCII/],
    ["/__preview", /outside \/__preview\//],
    ["/__preview/x", /outside \/__preview\//],
  ];
  for (const [prefix, why] of REFUSED) {
    it(`refuses ${JSON.stringify(prefix)}, naming the input and what is accepted`, () => {
      expect(parse(prefix)).toThrow(InputError);
      expect(parse(prefix)).toThrow(/verify-webhooks/);
      expect(parse(prefix)).toThrow(why);
    });
  }
  it("accepts plain prefixes, with or without a trailing slash", () => {
    expect(parse("/hooks/github/")()[0]?.pathPrefix).toBe("/hooks/github");
    expect(parse("/__previews")()[0]?.pathPrefix).toBe("/__previews");
    expect(parse("/")()[0]?.pathPrefix).toBe("/");
  });
});
