/**
 * The top-level navigations of a browser login, as the report's steps (every response,
 * redirects too, with its status and where it redirected, named like the scripted login's
 * steps), and the requests the checks need: the authorization request the app sent the
 * browser to, and the app's callback.
 */
import type { Page, Request, Response } from "playwright-core";
import { type Endpoints, IDP_PATH, shown } from "./checks.js";
import type { OAuthStep } from "./types.js";

const sameEndpoint = (a: URL, b: URL) => a.origin === b.origin && a.pathname === b.pathname;

export class NavigationLog {
  readonly steps: OAuthStep[] = [];
  /** The first top-level request to the provider's /authorize, or away from the preview. */
  authorization: URL | undefined;
  /** The app's answer to the provider's redirect back. */
  callback: { readonly url: URL; readonly response: Response } | undefined;
  /** The last top-level response. */
  last: Response | undefined;
  private phase = "start";
  private phaseNamed = false;

  constructor(
    private readonly page: Page,
    private readonly at: Endpoints,
  ) {
    page.on("request", (request) => {
      if (!this.topLevel(request) || this.authorization) return;
      const url = new URL(request.url());
      if (url.origin !== at.origin || url.origin + url.pathname === at.authorize) this.authorization = url;
    });
    page.on("response", (response) => {
      const request = response.request();
      if (!this.topLevel(request)) return;
      const url = new URL(response.url());
      const step = this.name(request, url);
      if (step === "callback") this.callback = { url, response };
      const location = response.status() >= 300 && response.status() < 400 && response.headers().location;
      this.steps.push({
        step,
        method: request.method(),
        request: shown(url, at.origin),
        status: response.status(),
        location: location ? shown(new URL(location, url), at.origin) : undefined,
      });
      this.last = response;
    });
    page.on("requestfailed", (request) => {
      if (!this.topLevel(request)) return;
      const url = new URL(request.url());
      this.steps.push({
        step: this.name(request, url),
        method: request.method(),
        request: shown(url, at.origin),
        status: undefined,
        location: undefined,
      });
    });
  }

  /** Names the next responses: the first one of the phase gets its name, later ones "redirect". */
  enter(phase: string): void {
    this.phase = phase;
    this.phaseNamed = false;
  }

  /** The redirect_uri of the authorization request, when it has one that parses. */
  redirectUri(): URL | undefined {
    const raw = this.authorization?.searchParams.get("redirect_uri");
    return raw && URL.canParse(raw) ? new URL(raw) : undefined;
  }

  private topLevel(request: Request): boolean {
    return request.isNavigationRequest() && request.frame() === this.page.mainFrame();
  }

  private name(request: Request, url: URL): string {
    if (url.origin === this.at.origin && url.pathname === `${IDP_PATH}/login` && request.method() === "POST")
      return "login";
    if (url.origin + url.pathname === this.at.authorize) return "authorize";
    const redirect = this.redirectUri();
    if (!this.callback && redirect && sameEndpoint(url, redirect)) return "callback";
    if (this.phaseNamed) return "redirect";
    this.phaseNamed = true;
    return this.phase;
  }
}
