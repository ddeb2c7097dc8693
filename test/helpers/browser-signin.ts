/**
 * The GitHub sign-in in a real browser (playwright-core): a context whose traffic stays on
 * loopback, and what a person does at GitHub once the sign-in page shows its code.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";

/** A fresh context; a request to anything but 127.0.0.1 is aborted and noted in `outside`. */
export async function loopbackContext(browser: Browser, outside: string[]): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 800, height: 760 } });
  await context.route(
    (url) => url.hostname !== "127.0.0.1",
    (route) => {
      outside.push(route.request().url());
      return route.abort();
    },
  );
  return context;
}

/**
 * From the code page in `page`: opens GitHub's device page from its link (a new tab), enters
 * `code`, picks `login` and authorizes, as at the fake GitHub. Returns the URL the link opened.
 */
export async function approveAtGithub(
  context: BrowserContext,
  page: Page,
  code: string,
  login: string,
): Promise<string> {
  const [github] = await Promise.all([context.waitForEvent("page"), page.click("#open-github")]);
  await github.waitForLoadState();
  const opened = github.url();
  await github.fill("#user-code", code);
  await github.selectOption("#account", login);
  await github.click("#authorize");
  await github.waitForSelector("#done");
  await github.close();
  return opened;
}
