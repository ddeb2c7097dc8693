/**
 * The GitHub sign-in in the real gate (auth: github) on 127.0.0.1:0 in front of a small app
 * that says what it was told about the visitor, with the fake GitHub (device flow extension)
 * behind it, and a browser-like client that keeps cookies. The sign-in is built here (so a
 * test can give it a clock, limits or a stand-in for GitHub) and handed to the gate.
 */
import http from "node:http";
import {
  type GithubSignIn,
  type GithubSignInOptions,
  type GithubSignInSettingsInput,
  githubSignInSettings,
  GithubSignIn as SignIn,
} from "../../src/gate/github-signin/index.js";
import { type Gate, startGate } from "../../src/gate/server.js";
import type { GateSettings } from "../../src/gate/settings.js";
import { type LogLines, startApp, type TestApp, testLogger } from "../integration/gate-helpers.js";
import { FakeGitHub } from "./fake-github.js";
import { FakeDeviceFlow, type FakeDeviceOptions, TEST_CLIENT_ID } from "./fake-github-device.js";
import { until } from "./wait.js";

export interface SignInGate {
  readonly url: string;
  readonly port: number;
  readonly gate: Gate;
  readonly signin: GithubSignIn;
  readonly app: TestApp;
  readonly fake: FakeGitHub;
  readonly device: FakeDeviceFlow;
  readonly logger: LogLines;
  close(): Promise<void>;
}

export interface SignInGateOptions {
  readonly device?: Partial<FakeDeviceOptions>;
  readonly settings?: Partial<GithubSignInSettingsInput>;
  readonly signin?: Partial<Omit<GithubSignInOptions, "settings" | "logger">>;
  /** The preview's public URL is https (as through a tunnel): cookies get Secure. */
  readonly secure?: boolean;
  /** More of the gate's settings (recording, allow-list, ...). */
  readonly gate?: Partial<Omit<GateSettings, "auth">>;
}

export const DEFAULT_USERS: FakeDeviceOptions["users"] = [
  { login: "alice", repos: { "o/r": "write" } },
  { login: "bob", repos: { "o/r": "read" } },
];

/** The app answers with what it was told about the visitor. */
function appHandler(req: http.IncomingMessage, res: http.ServerResponse): void {
  const body = JSON.stringify({
    path: req.url,
    user: req.headers["x-preview-user"] ?? null,
    cookie: req.headers.cookie ?? null,
    authorization: req.headers.authorization ?? null,
  });
  res.writeHead(200, { "content-type": "application/json" });
  res.end(body);
}

export async function startSignInGate(options: SignInGateOptions = {}): Promise<SignInGate> {
  const device = new FakeDeviceFlow({ users: DEFAULT_USERS, intervalSeconds: 0.05, ...options.device });
  const fake = await FakeGitHub.start({ token: "core-token", extensions: [device] });
  const app = await startApp(appHandler);
  const logger = testLogger();
  const settings = githubSignInSettings({
    clientId: TEST_CLIENT_ID,
    serverUrl: fake.url,
    apiUrl: fake.url,
    repository: { owner: "o", name: "r" },
    repositoryIsPublic: true,
    pullRequestAuthor: "carol",
    ...options.settings,
  });
  const signin = new SignIn({ settings, logger, ...options.signin });
  const gate = await startGate({
    upstream: { host: "127.0.0.1", port: app.port },
    settings: {
      credentialsGenerated: true,
      allowCidrs: undefined,
      requestHeaders: [],
      maxBodyBytes: 1024 * 1024,
      webhooks: [],
      record: undefined,
      recordBodyLimit: 65_536,
      inspector: true,
      ...options.gate,
      // The gate's own token (login links); the sign-in above has the run's token, if any.
      auth: { mode: "github", token: "gate-token-not-used-0123456789", signin: settings },
    },
    logger,
    signIn: signin,
  });
  if (options.secure) gate.setPublicUrl(`https://127.0.0.1:${gate.port}`);
  return {
    url: gate.url,
    port: gate.port,
    gate,
    signin,
    app,
    fake,
    device,
    logger,
    async close() {
      await gate.close();
      await app.close();
      await fake.close();
    },
  };
}

export interface Page {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

/**
 * A client that behaves like a browser where it matters here: keeps cookies by path,
 * asks for HTML, and sends Origin and Sec-Fetch-Site with its POSTs.
 */
export class BrowserLike {
  readonly cookies = new Map<string, { value: string; path: string }>();
  /** Every Set-Cookie received, as sent. */
  readonly setCookies: string[] = [];
  readonly #base: string;

  constructor(base: string) {
    this.#base = base;
  }

  cookieHeader(path: string): string | undefined {
    const matching = [...this.cookies].filter(
      ([, c]) => path === c.path || path.startsWith(`${c.path.replace(/\/$/, "")}/`) || c.path === "/",
    );
    return matching.length === 0 ? undefined : matching.map(([name, c]) => `${name}=${c.value}`).join("; ");
  }

  async request(method: string, path: string, headers: http.OutgoingHttpHeaders = {}): Promise<Page> {
    const url = new URL(path, this.#base);
    const cookie = this.cookieHeader(url.pathname);
    const page = await new Promise<Page>((resolve, reject) => {
      const req = http.request(
        {
          host: url.hostname,
          port: url.port,
          method,
          path: `${url.pathname}${url.search}`,
          agent: false,
          headers: {
            accept: "text/html,application/xhtml+xml",
            ...(cookie ? { cookie } : {}),
            ...(method === "POST" ? { origin: this.#base, "sec-fetch-site": "same-origin" } : {}),
            ...headers,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks).toString(),
            }),
          );
        },
      );
      req.on("error", reject);
      req.end();
    });
    for (const line of page.headers["set-cookie"] ?? []) {
      this.setCookies.push(line);
      const [pair = "", ...attributes] = line.split(";").map((p) => p.trim());
      const name = pair.slice(0, pair.indexOf("="));
      const value = pair.slice(pair.indexOf("=") + 1);
      const path = attributes.find((a) => a.toLowerCase().startsWith("path="))?.slice(5) ?? "/";
      if (value === "" || attributes.some((a) => a.toLowerCase() === "max-age=0")) this.cookies.delete(name);
      else this.cookies.set(name, { value, path });
    }
    return page;
  }

  get(path: string, headers?: http.OutgoingHttpHeaders): Promise<Page> {
    return this.request("GET", path, headers);
  }

  post(path: string, headers?: http.OutgoingHttpHeaders): Promise<Page> {
    return this.request("POST", path, headers);
  }
}

/** The user code shown on the code page. */
export function userCodeOf(page: Page): string {
  const code = /<output id="user-code" class="code">([^<]+)<\/output>/.exec(page.body)?.[1];
  if (!code) throw new Error(`no user code on the page: ${page.body.slice(0, 500)}`);
  return code;
}

/**
 * Signs `browser` in as `login` the way a person does, over HTTP: the page first asked for
 * (`path`) gives the sign-in page, its button starts the device flow, the code is approved at
 * the fake GitHub's page, the status is polled until done, and Continue hands over the
 * session. Returns the page Continue led to and the code that was approved.
 */
export async function signInOverHttp(
  browser: BrowserLike,
  githubUrl: string,
  login: string,
  path = "/",
): Promise<{ readonly landed: Page; readonly userCode: string }> {
  const asked = await browser.get(path);
  if (asked.status !== 401)
    throw new Error(`expected the sign-in page (401) for ${path}, got ${asked.status}`);
  const action =
    /<form method="post" action="([^"]+)">/.exec(asked.body)?.[1]?.replaceAll("&amp;", "&") ?? "";
  const started = await browser.post(action);
  const userCode = userCodeOf(await browser.get(started.headers.location ?? ""));
  const approved = await fetch(`${githubUrl}/login/device`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ user_code: userCode, login, decision: "approve" }).toString(),
  });
  if (approved.status !== 200) throw new Error(`the fake GitHub did not approve: ${approved.status}`);
  await until("the sign-in to finish", async () => {
    const status = JSON.parse((await browser.get("/__preview/signin/status")).body) as { state: string };
    return status.state === "pending" ? undefined : status;
  });
  const continued = await browser.get("/__preview/signin/continue");
  return { landed: await browser.get(continued.headers.location ?? "/"), userCode };
}
