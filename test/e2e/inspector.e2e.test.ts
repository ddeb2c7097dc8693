/**
 * The live request inspector end to end: dist/main.js in background mode on a pull request
 * (the fake GitHub REST API records the comment), in front of examples/webhooks-app (its
 * deliveries verified with @octokit/webhooks-methods). The step's `inspector-url` output, the
 * job summary and the PR comment point at the inspector while the preview is up. A real
 * headless Chromium signs in (Basic, with the generated credentials from the outputs) and
 * opens it; requests the test sends through the preview (a signed GitHub delivery among
 * them) appear live; the delivery's details open; Replay signs it again, the app accepts it
 * and the new exchange is listed, linked to the original; Download HAR validates
 * (har-validator). Screenshots of the list and the detail go next to the run's HAR and to
 * /work/screens/inspector-e2e/. The post step tears down: the comment and the final summary
 * no longer link to the inspector, and no process is left.
 */

import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { sign as octokitSign } from "@octokit/webhooks-methods";
import type { Page } from "playwright-core";
import { afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import type { Har } from "../../src/gate/har.js";
import { FakeGitHub } from "../helpers/fake-github.js";
import { expectNoProcessLeft, newMark } from "../helpers/processes.js";
import { FakeRunner } from "../helpers/runner.js";
import { withTestBrowser } from "../helpers/test-browser.js";
import { harExchanges, harValidator } from "../integration/gate-helpers.js";

// Chosen once for the run by the global setup; undefined only where no Chromium can run.
const BROWSER = inject("testBrowser");
/** Where people look at the pages (copied there after each run). */
const SHARED_SCREENS = "/work/screens/inspector-e2e";

const APP = "node examples/webhooks-app/server.mjs";
const TOKEN = "ghs_inspectorE2eToken123";
const SECRETS = {
  GITHUB_WEBHOOK_SECRET: "gh-webhook-secret-for-the-inspector-e2e",
  STRIPE_WEBHOOK_SECRET: "whsec_inspectorE2eStripeSecret01",
};
const DELIVERY = "5e8f4a10-9c1b-11f0-8de9-0242ac120002";

let mark = newMark();
let github: FakeGitHub;
beforeEach(async (ctx) => {
  if (BROWSER.skip !== undefined) ctx.skip(BROWSER.skip);
  github = await FakeGitHub.start({ login: "github-actions[bot]", token: TOKEN });
});
afterEach(async () => {
  await github?.close();
  await expectNoProcessLeft(mark.value);
  mark = newMark();
});

function prRunner(): FakeRunner {
  const probe = new FakeRunner({});
  const eventPath = path.join(probe.dir, "event.json");
  writeFileSync(
    eventPath,
    JSON.stringify({
      number: 9,
      repository: { full_name: "octo/app", private: false },
      pull_request: {
        number: 9,
        head: { sha: "c".repeat(40), ref: "feature", repo: { full_name: "octo/app" } },
        base: { ref: "main", repo: { full_name: "octo/app" } },
      },
    }),
  );
  return new FakeRunner({
    ...mark.env,
    ...SECRETS,
    GITHUB_API_URL: github.url,
    GITHUB_SERVER_URL: "https://github.example",
    GITHUB_REPOSITORY: "octo/app",
    GITHUB_EVENT_NAME: "pull_request",
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_SHA: "d".repeat(40),
    GITHUB_RUN_ID: "77",
  });
}

/** Ids of the rows in the list, top (newest) first. */
const rowIds = (page: Page) =>
  page.$$eval("#rows tr", (rows) => rows.map((r) => Number(r.getAttribute("data-id"))));

describe("the request inspector, end to end", () => {
  it("is linked while the preview is up; a browser watches requests live, replays a signed delivery the app accepts, downloads the HAR", async () => {
    const runner = prRunner();
    const main = runner.main({
      start: APP,
      ready: "/health",
      "verify-webhooks": [
        "github /webhooks/github GITHUB_WEBHOOK_SECRET",
        "stripe /webhooks/stripe STRIPE_WEBHOOK_SECRET",
      ].join("\n"),
      "github-token": TOKEN,
    });
    expect((await main.exited).code).toBe(0);
    const outputs = runner.outputs();
    const { url, username, password } = outputs;
    const auth = outputs["auth-header"] as string;
    const harPath = outputs["har-path"] as string;
    const inspectorUrl = `${url}/__preview/inspect`;
    expect(outputs["inspector-url"]).toBe(inspectorUrl);
    expect(harPath).not.toBe("");

    // While the preview is up: the summary and the PR comment link to it.
    expect(runner.summary()).toContain(`**Live requests:** \`${inspectorUrl}\``);
    const live = github.commentsOn(9)[0]?.body ?? "";
    expect(live).toMatch(/Preview is live/);
    expect(live).toContain(
      `| **Requests** | [live inspector](${inspectorUrl}) (same sign-in as the preview) |`,
    );
    expect(live).not.toContain(password as string);

    const screens: string[] = [];
    const outside: string[] = [];
    const pageErrors: string[] = [];
    const runDir = path.dirname(harPath);
    const downloaded = path.join(runDir, "inspector-download.har");
    const browserMark = newMark();

    await withTestBrowser({ ...process.env, ...browserMark.env }, async (browser) => {
      const context = await browser.newContext({
        viewport: { width: 1400, height: 860 },
        httpCredentials: { username: username as string, password: password as string },
        acceptDownloads: true,
      });
      // Test traffic stays on loopback: anything else is refused and noted.
      await context.route(
        (target) => target.hostname !== "127.0.0.1",
        (route) => {
          outside.push(route.request().url());
          return route.abort();
        },
      );
      const page = await context.newPage();
      page.on("pageerror", (error) => pageErrors.push(error.message));
      const shoot = async (name: string) => {
        const file = path.join(runDir, `inspector-${name}.png`);
        await page.screenshot({ path: file });
        screens.push(file);
      };

      // Signed in with the run's Basic credentials, the inspector opens and goes live.
      const opened = await page.goto(inspectorUrl);
      expect(opened?.status()).toBe(200);
      expect(opened?.headers()["content-security-policy"]).toContain("default-src 'none'");
      await page.waitForSelector('#conn[data-state="live"]');

      // Requests sent through the preview now appear while the page is open.
      expect((await fetch(`${url}/health`, { headers: { authorization: auth } })).status).toBe(200);
      const payload = JSON.stringify({ ref: "refs/heads/feature", after: "c".repeat(40) });
      const delivered = await fetch(`${url}/webhooks/github`, {
        method: "POST",
        body: payload,
        headers: {
          "content-type": "application/json",
          "user-agent": "GitHub-Hookshot/e2e",
          "x-github-event": "push",
          "x-github-delivery": DELIVERY,
          "x-hub-signature-256": await octokitSign(SECRETS.GITHUB_WEBHOOK_SECRET, payload),
        },
      });
      expect(delivered.status).toBe(200);
      expect((await fetch(`${url}/events`)).status).toBe(401);
      await page.waitForSelector('#rows tr[data-id="3"]');
      expect(await rowIds(page)).toEqual([3, 2, 1]);
      const hookRow = page.locator('#rows tr[data-id="2"]');
      expect(await hookRow.locator(".path-text").textContent()).toBe("/webhooks/github");
      expect(await hookRow.locator(".status").textContent()).toBe("200");
      expect(await hookRow.locator(".badge.ok").textContent()).toBe("✓ github");
      expect(await page.locator('#rows tr[data-id="3"] .status').textContent()).toBe("401");
      await shoot("1-list");

      // The delivery's details: the signature redacted, the body as sent.
      await hookRow.click();
      await page.waitForSelector('#detail[data-id="2"]');
      const headers = await page.$$eval("#detail table.headers tr", (rows) =>
        rows.map((r) => [r.querySelector("th")?.textContent, r.querySelector("td")?.textContent]),
      );
      expect(headers).toContainEqual(["x-hub-signature-256", "[redacted]"]);
      expect(headers).toContainEqual(["x-github-delivery", DELIVERY]);

      // Replay: signed again, accepted by the app's own verifier, listed as #4, linked to #2.
      await page.click("#replay");
      await page.waitForSelector("#replay-result.ok");
      expect(await page.textContent("#replay-result")).toBe("Replayed (signed again as github): 200 as #4");
      await page.waitForSelector('#rows tr[data-id="4"]');
      expect(await page.textContent('#rows tr[data-id="4"] .badge.replay')).toBe("↻ #2");
      expect(await page.textContent('#rows tr[data-id="4"] .badge.ok')).toBe("✓ github");
      await page.waitForSelector('#replayed-as [data-goto="4"]');
      await shoot("2-detail-replayed");
      const events = (await (await fetch(`${url}/events`, { headers: { authorization: auth } })).json()) as {
        provider: string;
        delivery: string;
      }[];
      expect(events.filter((e) => e.provider === "github" && e.delivery === DELIVERY)).toHaveLength(2);

      // Download HAR: valid, with the replay, without the inspector's own requests.
      const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download")]);
      await download.saveAs(downloaded);
      expect(pageErrors).toEqual([]);
      await context.close();
    });
    expect(outside).toEqual([]);
    await expectNoProcessLeft(browserMark.value);

    const har = JSON.parse(readFileSync(downloaded, "utf8")) as Har;
    await expect(harValidator.har(har)).resolves.toBeTruthy();
    expect(harExchanges(har)).toEqual([
      "GET /health 200",
      "POST /webhooks/github 200",
      "GET /events 401",
      "POST /webhooks/github 200",
      "GET /events 200",
    ]);
    const text = readFileSync(downloaded, "utf8");
    for (const secret of [password, SECRETS.GITHUB_WEBHOOK_SECRET, "x-preview-replay"])
      expect(text).not.toContain(secret);

    for (const shot of screens)
      expect(readFileSync(shot).subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
    mkdirSync(SHARED_SCREENS, { recursive: true });
    for (const file of [...screens, downloaded])
      copyFileSync(file, path.join(SHARED_SCREENS, path.basename(file)));

    // Torn down: the comment and the final summary no longer point at a page that is gone.
    const post = runner.post();
    expect((await post.exited).code).toBe(0);
    const stopped = github.commentsOn(9)[0]?.body ?? "";
    expect(stopped).toMatch(/Preview stopped/);
    expect(stopped).not.toContain("live inspector");
    const summaries = runner.summary().split("## preview-tunnel");
    const final = summaries.at(-1) ?? "";
    expect(summaries.length).toBe(3);
    expect(final).not.toContain("Live requests");
    // The inspector's requests were neither recorded nor counted: five requests, as in the HAR.
    expect(final).toContain("5 requests:");
    expect(final).not.toContain("__preview/inspect");
  });
});
