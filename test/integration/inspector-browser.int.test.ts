/**
 * The request inspector in a real headless Chromium (the suite's browser, driven by
 * playwright-core), signed in with Basic credentials, on the real gate (startGate from input
 * values) in front of the verifier app (webhooks checked by @octokit/webhooks-methods). The
 * browser reaches the gate through a TCP relay the test can cut. Requests sent while the page
 * is open appear live; the filter narrows the list; a GitHub delivery's details show it
 * redacted; Replay re-signs it, the app accepts it, and the new exchange appears linked to the
 * original; edit and replay; copy as curl holds no credentials; the HAR downloads and
 * validates. Injection through the gate: a request whose path, headers and body hold
 * <script>, javascript: URLs and ANSI escapes shows as text: no script ran, the CSP saw
 * nothing to block. After the connection is cut, the page reconnects with Last-Event-ID and
 * shows the requests sent while it was away. Screenshots go to the test's temp dir and to
 * /work/screens/inspector/ for people to look at; no browser process is left.
 */

import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sign as octokitSign } from "@octokit/webhooks-methods";
import type { Page } from "playwright-core";
import { afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import type { Har } from "../../src/gate/har.js";
import type { ExchangeDetail } from "../../src/gate/inspector/protocol.js";
import type { Gate } from "../../src/gate/server.js";
import { type ChildApp, startChildApp } from "../fixtures/scenarios/apps.js";
import { expectNoProcessLeft, newMark } from "../helpers/processes.js";
import { TcpRelay } from "../helpers/tcp-relay.js";
import { withTestBrowser } from "../helpers/test-browser.js";
import { basic, harExchanges, harValidator, request, startTestGate } from "./gate-helpers.js";

// Chosen once for the run by the global setup; undefined only where no Chromium can run.
const BROWSER = inject("testBrowser");
/** Where people look at the pages (copied there after each run). */
const SHARED_SCREENS = "/work/screens/inspector";

const USER = "reviewer";
const PASSWORD = "inspector-Browser-2024";
const AUTH = basic(USER, PASSWORD);
const GITHUB_SECRET = "gh-secret-for-the-inspector-browser";

let app: ChildApp | undefined;
let gate: Gate | undefined;
let relay: TcpRelay | undefined;
let dir: string | undefined;
beforeEach((ctx) => {
  if (BROWSER.skip !== undefined) ctx.skip(BROWSER.skip);
});
afterEach(async () => {
  await relay?.close();
  relay = undefined;
  await gate?.close();
  gate = undefined;
  await app?.close();
  if (app) await expectNoProcessLeft(app.mark);
  app = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

async function githubDelivery(g: Gate, payload: object) {
  const body = JSON.stringify(payload);
  return request(g.port, "/hooks/github", {
    method: "POST",
    body,
    headers: {
      "content-type": "application/json",
      "user-agent": "GitHub-Hookshot/abc1234",
      "x-github-event": "pull_request",
      "x-github-delivery": "72d3162e-cc78-11e3-81ab-4c9367dc0958",
      "x-hub-signature-256": await octokitSign(GITHUB_SECRET, body),
    },
  });
}

const get = (g: Gate, p: string) => request(g.port, p, { headers: { authorization: AUTH } });

async function detailOf(g: Gate, id: number): Promise<ExchangeDetail> {
  return JSON.parse((await get(g, `/__preview/inspect/requests/${id}`)).body) as ExchangeDetail;
}

/** Ids of the rows in the list, top (newest) first. */
const rowIds = (page: Page) =>
  page.$$eval("#rows tr", (rows) => rows.map((r) => Number(r.getAttribute("data-id"))));

const INJECTED_PATH =
  "/x/<script>window.__pwned=1</script>/javascript:alert(1)?q=<img%20src=x%20onerror=window.__pwned=2>";
const INJECTED_BODY =
  '\u001b[31m<script>window.__pwned=5</script>\u001b[0m <a href="javascript:window.__pwned=6">click</a>';

describe("the request inspector in a real browser", () => {
  it("lists requests live, shows and replays a webhook delivery, downloads the HAR, renders hostile input as text, reconnects after the stream is cut", async () => {
    app = await startChildApp(path.resolve("test/fixtures/scenarios/verifier-app.mjs"), {
      GITHUB_WEBHOOK_SECRET: GITHUB_SECRET,
    });
    dir = mkdtempSync(path.join(tmpdir(), "inspector-browser-"));
    const g = await startTestGate(
      app.port,
      {
        credentials: `${USER}:${PASSWORD}`,
        "verify-webhooks": "github /hooks/github GITHUB_WEBHOOK_SECRET",
        record: path.join(dir, "requests.har"),
      },
      {
        env: { GITHUB_WEBHOOK_SECRET: GITHUB_SECRET },
        inspectorLimits: { streams: { heartbeatMs: 2000, retryMs: 200 } },
      },
    );
    gate = g;
    // The browser's way to the gate, which the test cuts below.
    const way = await TcpRelay.start({ host: "127.0.0.1", port: g.port });
    relay = way;
    const screens = path.join(dir, "screens");
    mkdirSync(screens);
    const shots: string[] = [];
    const shoot = async (page: Page, name: string) => {
      const file = path.join(screens, `${name}.png`);
      await page.screenshot({ path: file });
      shots.push(file);
    };
    const mark = newMark();
    const outside: string[] = [];
    const pageErrors: string[] = [];

    await withTestBrowser({ ...process.env, ...mark.env }, async (browser) => {
      const context = await browser.newContext({
        viewport: { width: 1400, height: 860 },
        httpCredentials: { username: USER, password: PASSWORD },
        acceptDownloads: true,
      });
      // Test traffic stays on loopback: anything else is refused and noted.
      await context.route(
        (url) => url.hostname !== "127.0.0.1",
        (route) => {
          outside.push(route.request().url());
          return route.abort();
        },
      );
      await context.addInitScript({
        content: `window.__violations = [];
            document.addEventListener("securitypolicyviolation", (e) => {
              window.__violations.push(e.violatedDirective + " " + e.blockedURI);
            });`,
      });
      const page = await context.newPage();
      page.on("pageerror", (error) => pageErrors.push(error.message));
      // Signed in (Basic), the page opens and goes live with an empty list.
      const opened = await page.goto(`${way.url}/__preview/inspect`);
      expect(opened?.status()).toBe(200);
      expect(opened?.headers()["content-security-policy"]).toContain("script-src 'self'");
      expect(await page.title()).toBe("Requests · preview inspector");
      await page.waitForSelector('#conn[data-state="live"]');
      expect(await page.isVisible("#empty")).toBe(true);

      // Requests sent now appear while the page is open.
      expect((await get(g, "/health")).status).toBe(200);
      expect(
        (
          await githubDelivery(g, {
            action: "opened",
            number: 42,
            pull_request: { title: "Add the inspector" },
          })
        ).status,
      ).toBe(200);
      expect((await request(g.port, "/received")).status).toBe(401);
      await page.waitForSelector('#rows tr[data-id="3"]');
      expect(await rowIds(page)).toEqual([3, 2, 1]);
      const hookRow = page.locator('#rows tr[data-id="2"]');
      expect(await hookRow.locator(".method").textContent()).toBe("POST");
      expect(await hookRow.locator(".path-text").textContent()).toBe("/hooks/github");
      expect(await hookRow.locator(".status").textContent()).toBe("200");
      expect(await hookRow.locator(".badge.ok").textContent()).toBe("✓ github");
      expect(await page.locator('#rows tr[data-id="3"] .status').textContent()).toBe("401");
      expect(await page.textContent("#count")).toBe("3");
      // The filter box narrows the list.
      await page.fill("#filter", "POST");
      expect(await page.isHidden('#rows tr[data-id="1"]')).toBe(true);
      expect(await page.textContent("#count")).toBe("1 of 3");
      await page.fill("#filter", "");
      await page.click('[data-class="4xx"]');
      expect(await page.isHidden('#rows tr[data-id="2"]')).toBe(true);
      await page.click('[data-class=""]');
      await shoot(page, "1-list");

      // The delivery's details: headers redacted as in the HAR, the body pretty-printed.
      await hookRow.click();
      await page.waitForSelector("#detail .path");
      expect(await page.textContent("#detail .path")).toBe("/hooks/github");
      const headers = await page.$$eval("#detail table.headers tr", (rows) =>
        rows.map((r) => [r.querySelector("th")?.textContent, r.querySelector("td")?.textContent]),
      );
      expect(headers).toContainEqual(["x-hub-signature-256", "[redacted]"]);
      expect(headers).toContainEqual(["x-github-event", "pull_request"]);
      const bodies = await page.$$eval("#detail pre.code:not(.curl)", (pres) =>
        pres.map((p) => p.textContent),
      );
      expect(bodies[0]).toBe(
        JSON.stringify(
          { action: "opened", number: 42, pull_request: { title: "Add the inspector" } },
          null,
          2,
        ),
      );
      expect(await page.textContent("#detail .replay")).toContain("A github delivery: Replay signs it again");

      // Replay: signed again, accepted by the app (octokit), listed and linked.
      const before = JSON.parse((await get(g, "/received")).body) as Record<string, number>;
      await page.click("#replay");
      await page.waitForSelector("#replay-result.ok");
      expect(await page.textContent("#replay-result")).toBe("Replayed (signed again as github): 200 as #5");
      await page.waitForSelector('#rows tr[data-id="5"]');
      expect(await page.textContent('#rows tr[data-id="5"] .badge.replay')).toBe("↻ #2");
      expect(await page.textContent('#rows tr[data-id="5"] .badge.ok')).toBe("✓ github");
      const replayed = await detailOf(g, 5);
      expect(JSON.parse(replayed.responseBody?.text ?? "")).toMatchObject({
        ok: true,
        provider: "github",
        event: "pull_request",
      });
      const after = JSON.parse((await get(g, "/received")).body) as Record<string, number>;
      expect((after.github ?? 0) - (before.github ?? 0)).toBe(1);
      // The original now links to its replay.
      await page.waitForSelector('#replayed-as [data-goto="5"]');
      await shoot(page, "2-detail-replayed");

      // Edit and replay: another body, signed for it, accepted.
      await page.click("#replay-edit");
      await page.fill("#edit-body", JSON.stringify({ action: "closed", number: 42 }));
      await page.click("#replay-editor button[type=submit]");
      await page.waitForSelector("#replay-result >> text=as #7");
      const edited = await detailOf(g, 7);
      expect(edited.requestBody?.text).toBe(JSON.stringify({ action: "closed", number: 42 }));
      expect(JSON.parse(edited.responseBody?.text ?? "")).toMatchObject({ ok: true });

      // Copy as curl: a placeholder, no credentials.
      await page.click("#copy-curl");
      const curl = (await page.textContent("#curl")) ?? "";
      expect(curl).toContain('-H "$PREVIEW_AUTH_HEADER"');
      expect(curl).not.toContain(PASSWORD);
      expect(curl).not.toContain(AUTH.slice(6));

      // Following the link shows the replay, linked back to the original.
      await page.click('#detail [data-goto="5"]');
      await page.waitForSelector('#detail[data-id="5"]');
      expect(await page.textContent("#detail .facts")).toContain("Replay of#2");

      // Download HAR: valid, with the replays, without the inspector's own requests.
      const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download")]);
      const harFile = path.join(dir as string, "downloaded.har");
      await download.saveAs(harFile);
      const har = JSON.parse(readFileSync(harFile, "utf8")) as Har;
      await expect(harValidator.har(har)).resolves.toBeTruthy();
      expect(harExchanges(har)).toEqual([
        "GET /health 200",
        "POST /hooks/github 200",
        "GET /received 401",
        "GET /received 200",
        "POST /hooks/github 200",
        "GET /received 200",
        "POST /hooks/github 200",
      ]);
      expect(readFileSync(harFile, "utf8")).not.toContain(PASSWORD);

      // Hostile input: shown as text, nothing runs, nothing for the CSP to block.
      const hostile = await request(g.port, INJECTED_PATH, {
        method: "POST",
        body: INJECTED_BODY,
        headers: {
          authorization: AUTH,
          "content-type": "text/plain",
          "x-evil": "<script>window.__pwned=3</script><img src=x onerror=window.__pwned=4>",
          "x-link": "javascript:window.__pwned=7",
        },
      });
      expect(hostile.status).toBe(404);
      const hostileId = 8;
      await page.waitForSelector(`#rows tr[data-id="${hostileId}"]`);
      await page.click(`#rows tr[data-id="${hostileId}"]`);
      await page.waitForSelector(`#detail[data-id="${hostileId}"]`);
      expect(await page.textContent(`#rows tr[data-id="${hostileId}"] .path-text`)).toBe(
        "/x/<script>window.__pwned=1</script>/javascript:alert(1)?q=<img%20src=x%20onerror=window.__pwned=2>",
      );
      const shownHeaders = await page.$$eval("#detail table.headers td", (cells) =>
        cells.map((c) => c.textContent),
      );
      expect(shownHeaders).toContain("<script>window.__pwned=3</script><img src=x onerror=window.__pwned=4>");
      expect(shownHeaders).toContain("javascript:window.__pwned=7");
      const shownBodies = await page.$$eval("#detail pre.code:not(.curl)", (pres) =>
        pres.map((p) => p.textContent),
      );
      expect(shownBodies[0]).toBe(
        `\\x1b[31m<script>window.__pwned=5</script>\\x1b[0m <a href="javascript:window.__pwned=6">click</a>`,
      );
      // The escapes are marked as such, not as text that happens to read "\x1b".
      expect(await page.$$eval("#detail pre.code .ctl", (spans) => spans.map((x) => x.textContent))).toEqual([
        "\\x1b",
        "\\x1b",
      ]);
      expect(shownBodies[1]).toContain('"ok": false');
      const state = await page.evaluate(`({
          pwned: window.__pwned,
          violations: window.__violations,
          scripts: [...document.scripts].map((s) => s.src.replace(/\\?.*/, "")),
          imgs: document.images.length,
          links: [...document.querySelectorAll("a[href]")].map((a) => a.getAttribute("href")),
        })`);
      expect(state).toEqual({
        pwned: undefined,
        violations: [],
        scripts: [`${way.url}/__preview/inspect/app.js`],
        imgs: 0,
        links: ["/__preview/inspect/har"],
      });
      await shoot(page, "3-detail-hostile-input");

      // The connection is cut; requests arrive while the page is away; it comes back with
      // Last-Event-ID and shows them.
      const lastSeen = Math.max(...(await rowIds(page)));
      const release = way.hold();
      const streamsOpened = () =>
        way.requests.filter((r) => r.line.startsWith("GET /__preview/inspect/events"));
      const reconnects = streamsOpened().length;
      way.cut();
      await page.waitForSelector('#conn[data-state="reconnecting"]');
      await get(g, "/during/1");
      await get(g, "/during/2");
      // Held: the browser's new stream waits in the relay, so these cannot have arrived live.
      await expect.poll(() => streamsOpened().length).toBe(reconnects + 1);
      expect(Math.max(...(await rowIds(page)))).toBe(lastSeen);
      release();
      await page.waitForSelector(`#rows tr[data-id="${lastSeen + 2}"]`);
      await page.waitForSelector('#conn[data-state="live"]');
      expect(streamsOpened().at(-1)?.headers["last-event-id"]).toBe(String(lastSeen));
      expect((await rowIds(page)).slice(0, 2)).toEqual([lastSeen + 2, lastSeen + 1]);
      expect(await page.textContent(`#rows tr[data-id="${lastSeen + 1}"] .path-text`)).toBe("/during/1");
      // And live again afterwards.
      await get(g, "/after");
      await page.waitForSelector(`#rows tr[data-id="${lastSeen + 3}"]`);

      expect(pageErrors).toEqual([]);
      await context.close();
    });
    expect(outside).toEqual([]);
    await expectNoProcessLeft(mark.value);

    for (const shot of shots)
      expect(readFileSync(shot).subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
    mkdirSync(SHARED_SCREENS, { recursive: true });
    for (const shot of shots) copyFileSync(shot, path.join(SHARED_SCREENS, path.basename(shot)));
  });
});
