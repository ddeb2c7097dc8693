/**
 * examples/two-services in a real headless Chromium (the suite's: test/setup/chromium.ts),
 * through the whole pipeline: the page comes from `web` at /, its script fetches /api/items
 * from `api` through the same origin and the same sign-in, and the HAR says which service
 * answered each request. The screenshot lands next to the HAR (and in /work/screens/services/
 * for people to look at); no process is left (the harness checks, browser included).
 */
import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, inject, it } from "vitest";
import { CancelledError } from "../../src/errors.js";
import type { Har } from "../../src/gate/har.js";
import { withTestBrowser } from "../helpers/test-browser.js";
import { until } from "../helpers/wait.js";
import { type Harness, useHarness } from "./harness.js";

const BROWSER = inject("testBrowser");
const SHARED_SCREENS = "/work/screens/services";

let h: Harness;
useHarness((created) => {
  h = created;
});
beforeEach((ctx) => {
  if (BROWSER.skip !== undefined) ctx.skip(BROWSER.skip);
});

describe("two services behind one preview, in a browser", () => {
  it("shows the frontend with the API's data, each request answered by its service", async () => {
    const run = h
      .run({
        services: "examples/two-services/services.yml",
        credentials: "reviewer:two-services-Browser-7",
        "keep-alive": "5m",
        test: "exit 0",
      })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    let screenshot = "";
    try {
      await until("the preview to be held", () => h.loggedAt(/^Keeping the preview/), 30_000);
      const url = h.preview?.url as string;
      await withTestBrowser(h.env, async (browser) => {
        const context = await browser.newContext({
          httpCredentials: { username: "reviewer", password: "two-services-Browser-7" },
        });
        const page = await context.newPage();
        await page.goto(`${url}/`);
        await page.getByText("Monitor: 3 in stock").waitFor({ timeout: 10_000 });
        expect(await page.locator("#items li").allTextContents()).toEqual([
          "Keyboard: 12 in stock",
          "Monitor: 3 in stock",
          "Cable: 140 in stock",
        ]);
        screenshot = path.join(h.tempDir, "two-services.png");
        await page.screenshot({ path: screenshot, fullPage: true });
        await context.close();
      });
    } finally {
      h.controller.abort(new CancelledError("SIGINT"));
      expect(await run).toBeInstanceOf(CancelledError);
    }
    const harPath = h.finished?.harPath as string;
    const next = path.join(path.dirname(harPath), "two-services.png");
    copyFileSync(screenshot, next);
    expect(readFileSync(next).subarray(1, 4).toString()).toBe("PNG");
    mkdirSync(SHARED_SCREENS, { recursive: true });
    copyFileSync(next, path.join(SHARED_SCREENS, "two-services.png"));

    const har = JSON.parse(readFileSync(harPath, "utf8")) as Har;
    const answered = har.log.entries
      .filter((e) => e.response.status === 200)
      .map((e) => [new URL(e.request.url).pathname, e._service]);
    expect(answered).toEqual(
      expect.arrayContaining([
        ["/", "web"],
        ["/app.js", "web"],
        ["/api/items", "api"],
      ]),
    );
  });
});
