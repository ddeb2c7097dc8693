/**
 * Drives one OAuth login through the preview's PUBLIC URL with a real headless Chromium, for
 * scenarios with `browser: true`:
 *
 *   1. open start       -> the browser must be sent to <public URL>/__preview/idp/authorize;
 *                          that request is checked as the scripted login checks it
 *                          (redirect_uri on the public URL, state, PKCE with S256)
 *   2. the login page   -> click the user's button (or Deny), as a person would
 *   3. back at the app  -> the callback's status (callback-status)
 *   4. open check       -> the scenario's `expect`
 *   5. a PNG of the last page, also (above all) when a step failed
 *
 * Cookies, redirects, forms and scripts are the browser's own; it signs in to the gate with a
 * login link first, as a reviewer's browser does (../browser/sign-in.ts).
 */

import path from "node:path";
import type { Browser, Locator, Page, Response } from "playwright-core";
import { errorMessage } from "../../errors.js";
import type { Logger } from "../../util/logger.js";
import { makeDir } from "../../util/make-dir.js";
import { type ChromiumLoader, withChromium } from "../browser/playwright.js";
import { basicChallengeOptions, signInToGate } from "../browser/sign-in.js";
import { excerpt } from "../expect.js";
import type { Mismatch } from "../mismatch.js";
import type { TemplateVars } from "../template.js";
import type { Scenario } from "../types.js";
import { NavigationLog } from "./browser-steps.js";
import {
  callbackMismatch,
  checkAuthorizationRequest,
  type Endpoints,
  endpoints,
  notSentBack,
  notSentToProvider,
  pageText,
  providerError,
  sessionMismatches,
  shown,
} from "./checks.js";
import type { OAuthFlow, OAuthOutcome } from "./types.js";

export interface BrowserFlowOptions {
  readonly baseUrl: string;
  readonly authHeader: string | undefined;
  readonly vars: TemplateVars;
  readonly timeoutMs: number;
  readonly signal: AbortSignal | undefined;
  /** Chromium or Chrome (the browser-path input, or the one found). */
  readonly executablePath: string;
  /** Of the browser's processes (with the run's marker). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Where the PNG of the last page goes. */
  readonly screenshot: string;
  /** A new one-time login link of the gate (none with auth: none): the browser signs in with it. */
  readonly loginUrl?: () => string;
  readonly logger?: Logger;
  readonly load?: ChromiumLoader;
}

/** Playwright's messages go on with call logs: the first line says what happened. */
const firstLine = (error: unknown) => errorMessage(error).split("\n")[0]?.trim() ?? "";

const bodyOf = (response: Response | undefined): Promise<Buffer> =>
  // A redirect has no body to read.
  response ? response.body().catch(() => Buffer.alloc(0)) : Promise.resolve(Buffer.alloc(0));

export async function runBrowserFlow(
  s: Scenario,
  flow: OAuthFlow,
  options: BrowserFlowOptions,
): Promise<OAuthOutcome> {
  const login = new BrowserLogin(s, flow, options, endpoints(options.baseUrl));
  const timeoutMs = s.timeoutMs ?? options.timeoutMs;
  try {
    await withChromium(
      {
        executablePath: options.executablePath,
        env: options.env,
        timeoutMs,
        signal: options.signal,
        ...(options.load ? { load: options.load } : {}),
      },
      (browser, from) => login.run(browser, from, timeoutMs),
    );
  } catch (error) {
    // Only starting the browser throws: run() keeps the flow's own failures.
    login.error ??= options.signal?.aborted
      ? "cancelled"
      : `the browser ${options.executablePath} could not be started: ${firstLine(error)}`;
  }
  return login.outcome();
}

class BrowserLogin {
  error: string | undefined;
  private readonly mismatches: Mismatch[] = [];
  private failedExcerpt: string | undefined;
  private log: NavigationLog | undefined;
  private latencyMs = 0;
  private screenshot: string | undefined;
  private step = "start";

  constructor(
    private readonly s: Scenario,
    private readonly flow: OAuthFlow,
    private readonly options: BrowserFlowOptions,
    private readonly at: Endpoints,
  ) {}

  async run(browser: Browser, from: string, timeoutMs: number): Promise<void> {
    this.options.logger?.info(
      `Scenario "${this.s.name}": browser ${this.options.executablePath} ${browser.version()}, driven by playwright-core from ${from}`,
    );
    let page: Page | undefined;
    try {
      this.step = "sign-in";
      const context = await browser.newContext(
        basicChallengeOptions(this.options.authHeader, this.at.origin),
      );
      context.setDefaultTimeout(timeoutMs);
      page = await context.newPage();
      this.log = new NavigationLog(page, this.at);
      if (this.options.authHeader !== undefined && this.options.loginUrl)
        await signInToGate(context, this.options.loginUrl());
      await this.drive(page);
    } catch (error) {
      this.error = this.options.signal?.aborted
        ? "cancelled"
        : `in the browser, at step ${this.step}: ${firstLine(error)}`;
    } finally {
      if (page) await this.finish(page);
    }
  }

  outcome(): OAuthOutcome {
    return {
      mismatches: this.mismatches,
      steps: this.log?.steps ?? [],
      error: this.error,
      status: this.log?.last?.status(),
      responseExcerpt: this.failedExcerpt ?? "",
      latencyMs: this.latencyMs,
      ...(this.screenshot ? { screenshot: this.screenshot } : {}),
    };
  }

  private fail(m: Mismatch | undefined, body?: Buffer | string): void {
    if (m === undefined) return;
    this.mismatches.push(m);
    if (this.failedExcerpt === undefined && body !== undefined)
      this.failedExcerpt = excerpt(Buffer.from(body), this.options.vars.redact);
  }

  /** Runs one browser action of a step, timing it. */
  private async timed<T>(step: string, action: () => Promise<T>): Promise<T> {
    this.step = step;
    this.log?.enter(step);
    const started = performance.now();
    try {
      return await action();
    } finally {
      this.latencyMs += performance.now() - started;
    }
  }

  private async drive(page: Page): Promise<void> {
    const { flow, at } = this;
    const log = this.log as NavigationLog;

    // 1. The app's login start must send the browser to our /authorize.
    try {
      await this.timed("start", () => page.goto(at.base + flow.start));
    } catch (error) {
      // Sent to another origin that did not answer (a real provider, offline): the check says where.
      if (!log.authorization) throw error;
    }
    const authorization = log.authorization;
    if (!authorization) {
      const status = log.last ? ` (${log.last.status()})` : "";
      this.fail(
        notSentToProvider(
          flow,
          at,
          `the browser stayed at ${shown(new URL(page.url()), at.origin)}${status}`,
        ),
        await bodyOf(log.last),
      );
      return;
    }
    const request = checkAuthorizationRequest(flow, authorization, at);
    for (const m of request.mismatches) this.fail(m);
    if (this.mismatches.length > 0 || !request.state) return;

    // 2. The login page: the user's button, or Deny.
    const button = await this.choose(page);
    if (!button) return;
    const before = page.url();
    await this.timed("login", () =>
      Promise.all([page.waitForURL((url) => url.href !== before), button.click()]),
    );
    const callback = log.callback;
    if (!callback) {
      this.fail(
        notSentBack(
          request.redirectUri,
          log.last?.status() ?? 0,
          await page.content(),
          this.options.vars.redact,
        ),
      );
      return;
    }
    const refusal = providerError(flow, callback.url);
    if (refusal) {
      this.fail(refusal);
      return;
    }

    // 3. The app's callback.
    this.fail(callbackMismatch(flow, callback.response.status()), await bodyOf(callback.response));

    // 4. What the session shows.
    if (flow.check !== undefined) {
      const started = performance.now();
      const response = await this.timed("check", () => page.goto(at.base + flow.check));
      if (!response) throw new Error(`no response to GET ${flow.check}`);
      const body = await response.body();
      const reply = {
        status: response.status(),
        headers: response.headers(),
        body,
        latencyMs: performance.now() - started,
      };
      for (const m of sessionMismatches(this.s, flow, reply, this.options.vars)) this.fail(m, body);
    }
  }

  /** The login page's button for the scenario's user (its sub, or the email it shows), or Deny. */
  private async choose(page: Page): Promise<Locator | undefined> {
    const { flow } = this;
    const status = this.log?.last?.status() ?? 0;
    if (flow.negative === "deny") {
      const deny = page.locator('form button[name="deny"]');
      if ((await deny.count()) > 0) return deny.first();
      this.fail({
        what: "login page",
        expected: "a Deny button",
        actual: `${status}: ${pageText(await page.content(), this.options.vars.redact)}`,
      });
      return undefined;
    }
    const users = page.locator('form button[name="user"]');
    const offered: string[] = [];
    const count = await users.count();
    for (let i = 0; i < count; i++) {
      const button = users.nth(i);
      const sub = (await button.getAttribute("value")) ?? "";
      // The provider's page shows "email · sub: alice" under each user's name.
      const detail = (await button.locator(".muted").textContent()) ?? "";
      if (sub === flow.user || detail.split("·").some((part) => part.trim() === flow.user)) return button;
      offered.push(sub);
    }
    this.fail({
      what: "login page",
      expected: `a button for the test user ${flow.user}`,
      actual:
        offered.length > 0
          ? `only ${offered.join(", ")} (idp-users)`
          : `${status}: ${pageText(await page.content(), this.options.vars.redact)}`,
    });
    return undefined;
  }

  /** The PNG of the last page, and its text (not its markup) for a failure that has none yet. */
  private async finish(page: Page): Promise<void> {
    if (this.failedExcerpt === undefined && this.mismatches.length > 0) {
      const html = await page.content().catch(() => undefined);
      if (html !== undefined) this.failedExcerpt = pageText(html, this.options.vars.redact);
    }
    const file = this.options.screenshot;
    try {
      makeDir(path.dirname(file));
      await page.screenshot({ path: file, fullPage: true });
      this.screenshot = file;
    } catch (error) {
      if (!this.options.signal?.aborted)
        this.options.logger?.warning(`No screenshot of scenario "${this.s.name}": ${firstLine(error)}`);
    }
  }
}
