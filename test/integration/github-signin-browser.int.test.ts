/**
 * The GitHub sign-in through the real gate in a real headless Chromium (the suite's browser;
 * driven by playwright-core): a deep link gets the sign-in page, the code is copied and approved at the
 * fake GitHub's page in a second tab, the waiting state turns into Continue, and Continue
 * lands on the page first asked for with the app seeing X-Preview-User. A user without write
 * access gets the 403 page, signing out works, GitHub being down shows the 503 page, and a
 * return path to another origin lands on the preview. Screenshots go to the test's temp dir
 * and to /work/screens/gh-signin/ for people to look at; no browser process is left.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import { withChromium } from "../../src/scenarios/browser/playwright.js";
import { approveAtGithub, loopbackContext } from "../helpers/browser-signin.js";
import { expectNoProcessLeft, newMark } from "../helpers/processes.js";
import { type SignInGate, startSignInGate } from "../helpers/signin-gate.js";

// Chosen once for the run by the global setup (the machine's Chromium, or the npm one).
const BROWSER = inject("testBrowser");
const CHROMIUM = BROWSER.path ?? "";
/** Where people look at the pages (copied there after each run). */
const SHARED_SCREENS = "/work/screens/gh-signin";

let gate: SignInGate | undefined;
let dir: string | undefined;
beforeEach((ctx) => {
  if (BROWSER.skip !== undefined) ctx.skip(BROWSER.skip);
});
afterEach(async () => {
  await gate?.close();
  gate = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function isPng(file: string): boolean {
  return readFileSync(file).subarray(0, 8).toString("hex") === "89504e470d0a1a0a";
}

describe("signing in with GitHub in a real browser", () => {
  it("deep link -> sign-in page -> approve at GitHub in a second tab -> back on the page asked for; refusal, sign-out, 503, no open redirect", async () => {
    const g = await startSignInGate({ device: { intervalSeconds: 0.2 } });
    gate = g;
    dir = mkdtempSync(path.join(tmpdir(), "github-signin-browser-"));
    const screens = path.join(dir, "screens");
    mkdirSync(screens);
    const shots: string[] = [];
    const shoot = async (page: Page, name: string) => {
      const file = path.join(screens, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      shots.push(file);
    };
    const mark = newMark();
    const outside: string[] = [];

    await withChromium(
      {
        executablePath: CHROMIUM,
        env: { ...process.env, ...mark.env },
        timeoutMs: 30_000,
        signal: undefined,
      },
      async (browser) => {
        const newContext = () => loopbackContext(browser, outside);

        /** Signs in as `login` from `page`, which shows the sign-in page; returns after Continue. */
        const signIn = async (
          context: BrowserContext,
          page: Page,
          login: string,
          shoot?: (n: string) => Promise<void>,
        ) => {
          await Promise.all([
            page.waitForURL(/\/__preview\/signin\?to=/),
            page.click("button:has-text('Sign in with GitHub')"),
          ]);
          const code = (await page.textContent("#user-code")) ?? "";
          expect(code).toMatch(/^[A-Z]{4}-[A-Z]{4}$/);
          expect(await page.getAttribute("#continue", "aria-disabled")).toBe("true");
          expect(await page.isVisible("#state-pending")).toBe(true);
          await shoot?.("2-waiting-for-approval");
          expect(await approveAtGithub(context, page, code, login)).toBe(`${g.fake.url}/login/device`);
          await page.waitForSelector("#state-done:not([hidden])");
          await page.waitForSelector("#continue:not([aria-disabled])");
          expect(await page.isVisible("#state-pending")).toBe(false);
          expect(await page.textContent("#login")).toBe(login);
          await shoot?.("3-approved-continue");
          const response = page.waitForResponse((r) => !r.url().includes("/__preview/"));
          await page.click("#continue");
          return response;
        };

        // alice: deep link, sign in, land where she asked, the app knows her.
        const alice = await newContext();
        await alice.grantPermissions(["clipboard-read", "clipboard-write"], { origin: g.url });
        const page = await alice.newPage();
        const first = await page.goto(`${g.url}/deep/path?x=1`);
        expect(first?.status()).toBe(401);
        expect(await page.textContent("h1")).toBe("Sign in to open this preview");
        await shoot(page, "1-sign-in");
        const landed = await signIn(alice, page, "alice", async (name) => {
          if (name === "2-waiting-for-approval") {
            await page.click("#copy");
            expect(await page.evaluate("navigator.clipboard.readText()")).toBe(
              await page.textContent("#user-code"),
            );
            expect(await page.textContent("#copy")).toBe("Copied");
          }
          await shoot(page, name);
        });
        expect(landed.status()).toBe(200);
        expect(page.url()).toBe(`${g.url}/deep/path?x=1`);
        expect(JSON.parse((await page.textContent("body")) ?? "")).toMatchObject({
          path: "/deep/path?x=1",
          user: "alice",
          cookie: null,
        });
        expect(g.app.received.at(-1)?.headers["x-preview-user"]).toBe("alice");

        // Sign out, and the preview asks for a sign-in again.
        await page.goto(`${g.url}/__preview/logout`);
        await Promise.all([page.waitForURL(`${g.url}/__preview/logout`), page.click("#sign-out")]);
        expect(await page.textContent("h1")).toBe("You are signed out");
        expect((await page.goto(`${g.url}/deep/path?x=1`))?.status()).toBe(401);
        await alice.close();

        // bob has read only: the 403 page says who he is and why, and lets him sign out.
        const bob = await newContext();
        const bobPage = await bob.newPage();
        await bobPage.goto(`${g.url}/reports`);
        const refused = await signIn(bob, bobPage, "bob");
        expect(refused.status()).toBe(403);
        expect(bobPage.url()).toBe(`${g.url}/reports`);
        expect(await bobPage.textContent("h1")).toBe("You can't open this preview");
        expect(await bobPage.textContent("main")).toContain(
          "Refused: needs write on o/r, or to be the pull request's author; bob has read.",
        );
        await shoot(bobPage, "4-refused");
        await Promise.all([bobPage.waitForURL(`${g.url}/__preview/logout`), bobPage.click("#sign-out")]);
        expect(await bobPage.textContent("h1")).toBe("You are signed out");
        await shoot(bobPage, "5-signed-out");
        await bob.close();

        // A return path to another origin: the browser ends up on the preview.
        const carol = await newContext();
        const carolPage = await carol.newPage();
        await carolPage.goto(`${g.url}/__preview/signin?to=${encodeURIComponent("//evil.example/steal")}`);
        const home = await signIn(carol, carolPage, "alice");
        expect(home.status()).toBe(200);
        expect(carolPage.url()).toBe(`${g.url}/`);

        // A code that expires: the page says so and offers a new one.
        const late = await carol.newPage();
        await carol.clearCookies();
        await late.goto(`${g.url}/later`);
        await Promise.all([
          late.waitForURL(/\/__preview\/signin\?to=/),
          late.click("button:has-text('Sign in with GitHub')"),
        ]);
        const expiring = (await late.textContent("#user-code")) ?? "";
        g.device.expire(expiring);
        await late.waitForSelector("#state-failed:not([hidden])");
        expect(await late.textContent("#state-failed")).toBe(
          "The code expired. It was not approved in time. Get a new code to try again.",
        );
        expect(await late.isVisible("#continue")).toBe(false);
        await shoot(late, "7-code-expired");
        await Promise.all([
          late.waitForURL(/\/__preview\/signin\?to=%2Flater/),
          late.click("button:has-text('Get a new code')"),
        ]);
        expect(await late.textContent("#user-code")).not.toBe(expiring);

        // GitHub down: the 503 page, and nobody gets in.
        g.fake.fail("device-code", { status: 503 });
        const down = await carol.newPage();
        await carol.clearCookies();
        await down.goto(`${g.url}/elsewhere`);
        const [unavailable] = await Promise.all([
          down.waitForResponse((r) => r.url().includes("/__preview/signin/start")),
          down.click("button:has-text('Sign in with GitHub')"),
        ]);
        expect(unavailable.status()).toBe(503);
        expect(await down.textContent("h1")).toBe("GitHub can't be reached");
        await shoot(down, "6-github-unreachable");
        await carol.close();
      },
    );

    expect(outside).toEqual([]);
    expect(shots).toHaveLength(7);
    mkdirSync(SHARED_SCREENS, { recursive: true });
    for (const file of shots) {
      expect(isPng(file)).toBe(true);
      copyFileSync(file, path.join(SHARED_SCREENS, path.basename(file)));
    }
    await expectNoProcessLeft(mark.value);
  });
});
