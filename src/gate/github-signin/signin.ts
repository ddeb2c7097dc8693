/**
 * Reviewers sign in with GitHub (`auth: github`). The gate asks `check()` for every request
 * (a cached session answers synchronously), lets `route()` answer the reserved
 * paths, and writes `refusal()` for anyone not let in:
 *
 *   GET  /__preview/signin            the code page (or the start page without a sign-in)
 *   POST /__preview/signin/start      asks GitHub for a device code (same-origin only)
 *   GET  /__preview/signin/status     how the browser's sign-in stands (the page polls this)
 *   GET  /__preview/signin/continue   hands the session cookie over, back to the page asked for
 *   GET  /__preview/signin/signin.js|.css
 *   GET|POST /__preview/logout        sign out (POST, same-origin only)
 *
 * Automation gets in beside it: the run's own bearer token, and `Authorization: Bearer
 * <GitHub token>` of an allowed user (checked once, remembered briefly by its digest).
 */
import type { IncomingMessage } from "node:http";
import { errorMessage } from "../../errors.js";
import type { Logger } from "../../util/logger.js";
import type { SecretMatcher } from "../../util/secure-compare.js";
import { type Answer, assetAnswer, htmlAnswer, jsonAnswer, redirectAnswer, textAnswer } from "../answer.js";
import { isSameOrigin, wantsHtml } from "../request-guard.js";
import { type AccessOutcome, type AccessTarget, decideAccess } from "./access.js";
import { describeAllow } from "./allow.js";
import { SIGNIN_CSS, SIGNIN_JS } from "./assets.js";
import { AuditLog, type SignInAudit } from "./audit.js";
import { type Clock, systemClock } from "./clock.js";
import { DeviceFlowClient, DeviceFlowError } from "./device-flow.js";
import { FLOW_COOKIE, type Flow, type FlowState, Flows, TooManyFlows } from "./flows.js";
import { GithubUserApi } from "./github-user.js";
import { fetchHttp, type Http } from "./http.js";
import {
  codePage,
  deniedPage,
  failurePage,
  failureText,
  type PageContext,
  refusedPostPage,
  signedOutPage,
  signOutPage,
  startPage,
  unavailablePage,
} from "./pages.js";
import {
  CONTINUE_PATH,
  isSignInPath,
  LOGOUT_PATH,
  SCRIPT_PATH,
  SIGNIN_PATH,
  START_PATH,
  STATUS_PATH,
  STYLE_PATH,
} from "./paths.js";
import { safeReturnPath } from "./return-to.js";
import { DigestCache, digestKey, SESSION_COOKIE, SessionStore } from "./sessions.js";
import { type GithubSignInSettings, repoName } from "./settings.js";
import {
  type AllowedVerdict,
  type DeniedVerdict,
  INVALID_TOKEN,
  NEEDS_SIGN_IN,
  type Refusal,
  RUN_TOKEN,
  type Verdict,
} from "./verdict.js";

export interface SignInLimits {
  /** Sessions remembered at once; beyond, the oldest is forgotten. */
  readonly maxSessions: number;
  /** Sign-ins in progress at once (each holds a device code at GitHub). */
  readonly maxFlows: number;
  /** A sign-in stops polling GitHub when its page has not asked for this long. */
  readonly idleMs: number;
  /** GitHub-token checks running at once; more are answered 503 until one finishes. */
  readonly maxTokenChecks: number;
  readonly maxCachedTokens: number;
}

export const DEFAULT_LIMITS: SignInLimits = {
  maxSessions: 10_000,
  maxFlows: 50,
  idleMs: 60_000,
  maxTokenChecks: 16,
  maxCachedTokens: 1000,
};

export interface GithubSignInOptions {
  readonly settings: GithubSignInSettings;
  readonly logger: Logger;
  /** The run's own bearer token (test command, scenarios, later steps), accepted beside sign-ins. */
  readonly runToken?: SecretMatcher;
  /** How GitHub is reached (default: fetch with a timeout). */
  readonly http?: Http;
  readonly clock?: Clock;
  readonly limits?: Partial<SignInLimits>;
  /** Told every session and sign-in id made (the gate keeps them out of the recording and logs). */
  readonly onMinted?: (secret: string) => void;
}

/** Where a request came in: what the gate knows about it beyond the request itself. */
export interface RouteContext {
  /** The path without the query string. */
  readonly pathname: string;
  /** The preview's public origin (e.g. https://abc.trycloudflare.com), when known. */
  readonly publicOrigin?: string | undefined;
  /** The visitor reached the preview over https: cookies get Secure. */
  readonly secure: boolean;
}

export interface CheckRequest {
  readonly cookie: string | undefined;
  readonly authorization: string | undefined;
}

export interface RefusalRequest {
  /** Path and query as asked for (the page to come back to after signing in). */
  readonly url: string;
  readonly accept: string | undefined;
}

const REALM = 'Bearer realm="preview"';
/** GitHub tokens (classic, fine-grained, OAuth, app, JWT-shaped): anything else is not sent to GitHub. */
const PLAUSIBLE_TOKEN = /^[\w.~+/=-]{8,2048}$/;
const BUSY: Verdict = Object.freeze({ kind: "unavailable", reason: "too many sign-in checks at once" });
const withTo = (path: string, to: string) => `${path}?to=${encodeURIComponent(to)}`;

/** The value of `Authorization: Bearer <v>` or `token <v>` (as the gh CLI and Octokit send it). */
function bearerValue(header: string): string | undefined {
  const space = header.indexOf(" ");
  if (space === -1) return undefined;
  const scheme = header.slice(0, space).toLowerCase();
  if (scheme !== "bearer" && scheme !== "token") return undefined;
  const value = header.slice(space + 1).trim();
  return value === "" ? undefined : value;
}

export class GithubSignIn {
  readonly #settings: GithubSignInSettings;
  readonly #logger: Logger;
  readonly #runToken: SecretMatcher | undefined;
  readonly #onMinted: (secret: string) => void;
  readonly #clock: Clock;
  readonly #limits: SignInLimits;
  readonly #api: GithubUserApi;
  readonly #sessions: SessionStore;
  readonly #tokenChecks: DigestCache<Verdict>;
  readonly #inflight = new Map<string, Promise<Verdict>>();
  readonly #flows: Flows;
  readonly #audit = new AuditLog();
  readonly #abort = new AbortController();
  readonly #target: AccessTarget;
  readonly #page: PageContext;
  #closing: Promise<void> | undefined;

  constructor(options: GithubSignInOptions) {
    const settings = options.settings;
    this.#settings = settings;
    this.#logger = options.logger;
    this.#runToken = options.runToken;
    this.#onMinted = options.onMinted ?? (() => undefined);
    this.#clock = options.clock ?? systemClock;
    this.#limits = { ...DEFAULT_LIMITS, ...options.limits };
    const http = options.http ?? fetchHttp();
    const now = () => this.#clock.now();
    this.#api = new GithubUserApi({ apiUrl: settings.apiUrl, http });
    this.#sessions = new SessionStore({ ttlMs: settings.sessionTtlMs, max: this.#limits.maxSessions, now });
    this.#tokenChecks = new DigestCache({
      ttlMs: settings.tokenCacheMs,
      max: this.#limits.maxCachedTokens,
      now,
    });
    const repo = repoName(settings.repository);
    this.#target = {
      owner: settings.repository.owner,
      name: settings.repository.name,
      repo,
      author: settings.pullRequestAuthor,
      repoIsPublic: settings.repositoryIsPublic,
    };
    this.#page = { repo, allowed: describeAllow(settings.allow, repo) };
    this.#flows = new Flows({
      client: new DeviceFlowClient({
        serverUrl: settings.serverUrl,
        clientId: settings.clientId,
        scope: settings.scope,
        http,
      }),
      clock: this.#clock,
      idleMs: this.#limits.idleMs,
      max: this.#limits.maxFlows,
      complete: (token, signal) => this.#completeFlow(token, signal),
      onIdle: () =>
        this.#logger.debug(
          `GitHub sign-in: a sign-in nobody watched for ${Math.round(this.#limits.idleMs / 1000)}s stopped polling GitHub`,
        ),
    });
  }

  /**
   * Whether a request may reach the app. Synchronous for a session cookie, the run's token
   * and a recently checked GitHub token; a promise only while GitHub is asked about a token.
   */
  check(request: CheckRequest): Verdict | Promise<Verdict> {
    const session = this.#sessions.find(request.cookie);
    if (session !== undefined) return session.verdict;
    const header = request.authorization;
    if (header === undefined) return NEEDS_SIGN_IN;
    const token = bearerValue(header);
    if (token === undefined) return NEEDS_SIGN_IN;
    if (this.#runToken?.matches(token, "utf8")) return RUN_TOKEN;
    if (!PLAUSIBLE_TOKEN.test(token)) return INVALID_TOKEN;
    const key = digestKey(token);
    const known = this.#tokenChecks.get(key) ?? this.#inflight.get(key);
    if (known !== undefined) return known;
    if (this.#inflight.size >= this.#limits.maxTokenChecks || this.#closing) return BUSY;
    const checking = this.#checkToken(token, key).finally(() => this.#inflight.delete(key));
    this.#inflight.set(key, checking);
    return checking;
  }

  /** The answer for someone not let in: a page for browsers, short text for API clients. */
  refusal(verdict: Refusal, request: RefusalRequest): Answer {
    const html = wantsHtml(request.accept);
    const to = safeReturnPath(request.url);
    switch (verdict.kind) {
      case "sign-in": {
        const challenge = verdict.invalidToken ? `${REALM}, error="invalid_token"` : REALM;
        if (html) return htmlAnswer(401, startPage(this.#page, to), { "www-authenticate": challenge });
        return textAnswer(
          401,
          verdict.invalidToken
            ? "GitHub does not accept this token"
            : "sign in with GitHub: open this URL in a browser, or send Authorization: Bearer <GitHub token>",
          { "www-authenticate": challenge },
        );
      }
      case "denied":
        return html
          ? htmlAnswer(403, deniedPage(this.#page, verdict.login, verdict.reason))
          : textAnswer(403, `${verdict.login} may not open this preview: ${verdict.reason}`);
      case "unavailable":
        return html
          ? htmlAnswer(503, unavailablePage(this.#page, verdict.reason, to), { "retry-after": "10" })
          : textAnswer(503, `GitHub cannot check who you are: ${verdict.reason}`, { "retry-after": "10" });
    }
  }

  /**
   * The answer for one of the sign-in's own paths, or undefined for any other path (cheap:
   * the gate may call it for every request).
   */
  route(req: IncomingMessage, context: RouteContext): Answer | Promise<Answer> | undefined {
    const { pathname } = context;
    if (!isSignInPath(pathname)) return undefined;
    const method = req.method ?? "GET";
    const read = method === "GET" || method === "HEAD";
    const query = new URLSearchParams((req.url ?? "").split("?")[1] ?? "");
    const to = safeReturnPath(query.get("to"));
    const cookie = req.headers.cookie;
    switch (pathname) {
      case SIGNIN_PATH:
        return read ? this.#signInPage(cookie, to) : notAllowed("GET");
      case START_PATH:
        return method === "POST" ? this.#start(req, context, to) : notAllowed("POST");
      case STATUS_PATH:
        return read ? this.#status(cookie) : notAllowed("GET");
      case CONTINUE_PATH:
        return read ? this.#continue(cookie, context, to) : notAllowed("GET");
      case SCRIPT_PATH:
        return read
          ? assetAnswer("text/javascript; charset=utf-8", Buffer.from(SIGNIN_JS))
          : notAllowed("GET");
      case STYLE_PATH:
        return read ? assetAnswer("text/css; charset=utf-8", Buffer.from(SIGNIN_CSS)) : notAllowed("GET");
      case LOGOUT_PATH:
        if (read) return this.#logoutPage(cookie);
        return method === "POST" ? this.#logout(req, context) : notAllowed("GET, POST");
      default:
        return textAnswer(404, `${pathname} is not a path of the gate`);
    }
  }

  /** Who signed in and who was refused (logins and reasons; never tokens). */
  audit(): SignInAudit {
    return this.#audit.snapshot();
  }

  /** Stops all polling and token checks; idempotent, never throws. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      this.#abort.abort();
      await this.#flows.close();
      await Promise.allSettled([...this.#inflight.values()]);
      this.#tokenChecks.clear();
    })().catch((error: unknown) => this.#logger.warning(`GitHub sign-in: close: ${errorMessage(error)}`));
    return this.#closing;
  }

  async #checkToken(token: string, key: string): Promise<Verdict> {
    const outcome = await decideAccess(
      this.#api,
      token,
      this.#settings.allow,
      this.#target,
      this.#abort.signal,
    );
    if (outcome.kind === "unavailable") {
      this.#logger.warning(`GitHub sign-in: a token could not be checked: ${outcome.reason}`);
      return { kind: "unavailable", reason: outcome.reason };
    }
    const verdict = outcome.kind === "invalid-token" ? INVALID_TOKEN : this.#decided(outcome, "github-token");
    if (!this.#abort.signal.aborted) this.#tokenChecks.set(key, verdict);
    return verdict;
  }

  async #completeFlow(token: string, signal: AbortSignal): Promise<FlowState> {
    const outcome = await decideAccess(this.#api, token, this.#settings.allow, this.#target, signal);
    if (outcome.kind === "unavailable")
      return { kind: "failed", code: "unavailable", detail: outcome.reason };
    if (outcome.kind === "invalid-token") {
      return {
        kind: "failed",
        code: "unexpected",
        detail: "GitHub did not accept the token it had just issued",
      };
    }
    const verdict = this.#decided(outcome, "session");
    const sessionId = this.#sessions.create(verdict);
    this.#onMinted(sessionId);
    return { kind: "done", verdict, sessionId };
  }

  /** The verdict for a decision, recorded for the summary and logged once per login. */
  #decided(
    outcome: Extract<AccessOutcome, { kind: "allowed" | "denied" }>,
    via: "session" | "github-token",
  ): AllowedVerdict | DeniedVerdict {
    const allowed = outcome.kind === "allowed";
    const detail = allowed ? outcome.because : outcome.reason;
    const how = via === "session" ? "browser" : "github-token";
    if (this.#audit.record(allowed, outcome.login, how, detail, this.#clock.now())) {
      const by = via === "session" ? "" : " with a GitHub token";
      this.#logger.info(
        allowed
          ? `GitHub sign-in: ${outcome.login} signed in${by} (${detail})`
          : `GitHub sign-in: ${outcome.login} was refused${by} (${detail})`,
      );
    }
    return Object.freeze(
      allowed
        ? { kind: "allowed", login: outcome.login, via, because: outcome.because }
        : { kind: "denied", login: outcome.login, reason: outcome.reason, via },
    );
  }

  #signInPage(cookie: string | undefined, to: string): Answer {
    if (this.#sessions.find(cookie) !== undefined) return redirectAnswer(to);
    const flow = this.#flows.find(cookie);
    if (flow === undefined) {
      const stale = cookie?.includes(FLOW_COOKIE) ? "That sign-in ended. Start a new one." : undefined;
      return htmlAnswer(200, startPage(this.#page, to, stale));
    }
    const state = flow.state;
    return htmlAnswer(
      200,
      codePage(this.#page, {
        userCode: flow.userCode,
        verificationUri: flow.verificationUri,
        to: flow.returnTo,
        minutesLeft: (flow.expiresAt - this.#clock.now()) / 60_000,
        state:
          state.kind === "done"
            ? {
                kind: "done",
                login: state.verdict.login ?? "",
                refused: state.verdict.kind === "denied" ? state.verdict.reason : undefined,
              }
            : state,
      }),
      {},
      false,
    );
  }

  async #start(req: IncomingMessage, context: RouteContext, to: string): Promise<Answer> {
    if (!isSameOrigin(req.headers, context.publicOrigin)) {
      return htmlAnswer(
        403,
        refusedPostPage(this.#page, "A sign-in can only be started from the preview itself."),
      );
    }
    let started: { id: string; flow: Flow };
    try {
      started = await this.#flows.start(to, req.headers.cookie);
    } catch (error) {
      if (error instanceof TooManyFlows) {
        return htmlAnswer(
          503,
          unavailablePage(this.#page, "too many sign-ins are in progress; try again in a minute", to),
          { "retry-after": "60" },
        );
      }
      if (!(error instanceof DeviceFlowError)) throw error;
      this.#logger.warning(`GitHub sign-in: no device code: ${error.message}`);
      return error.code === "unreachable"
        ? htmlAnswer(503, unavailablePage(this.#page, error.message, to), { "retry-after": "10" })
        : htmlAnswer(502, failurePage(this.#page, error.code, error.message, to));
    }
    this.#onMinted(started.id);
    const seconds = Math.ceil((started.flow.expiresAt - this.#clock.now()) / 1000);
    return redirectAnswer(withTo(SIGNIN_PATH, to), {
      "set-cookie": cookieHeader(FLOW_COOKIE, started.id, SIGNIN_PATH, context.secure, seconds),
    });
  }

  #status(cookie: string | undefined): Answer {
    const flow = this.#flows.find(cookie);
    if (flow === undefined) {
      return jsonAnswer(404, {
        state: "none",
        title: "The sign-in ended.",
        text: "This browser has no sign-in in progress any more. Get a new code to start again.",
      });
    }
    const state = flow.state;
    switch (state.kind) {
      case "pending":
        return jsonAnswer(200, {
          state: "pending",
          expiresIn: Math.max(0, Math.round((flow.expiresAt - this.#clock.now()) / 1000)),
        });
      case "done":
        return jsonAnswer(200, {
          state: "done",
          login: state.verdict.login,
          allowed: state.verdict.kind === "allowed",
          reason: state.verdict.kind === "denied" ? state.verdict.reason : undefined,
        });
      case "failed":
        return jsonAnswer(200, {
          state: "failed",
          code: state.code,
          ...failureText(state.code, state.detail),
        });
    }
  }

  #continue(cookie: string | undefined, context: RouteContext, to: string): Answer {
    const flow = this.#flows.find(cookie);
    const state = flow?.state;
    if (flow === undefined || state?.kind !== "done") {
      return redirectAnswer(withTo(SIGNIN_PATH, flow?.returnTo ?? to));
    }
    this.#flows.finish(cookie);
    return redirectAnswer(flow.returnTo, {
      "set-cookie": [
        cookieHeader(SESSION_COOKIE, state.sessionId, "/", context.secure, this.#sessionSeconds()),
        cookieHeader(FLOW_COOKIE, "", SIGNIN_PATH, context.secure, 0),
      ],
    });
  }

  #logoutPage(cookie: string | undefined): Answer {
    const session = this.#sessions.find(cookie);
    return htmlAnswer(
      200,
      session?.verdict.login ? signOutPage(this.#page, session.verdict.login) : signedOutPage(this.#page),
    );
  }

  #logout(req: IncomingMessage, context: RouteContext): Answer {
    if (!isSameOrigin(req.headers, context.publicOrigin)) {
      return htmlAnswer(
        403,
        refusedPostPage(this.#page, "Signing out is only possible from the preview itself."),
      );
    }
    const cookie = req.headers.cookie;
    const login = this.#sessions.find(cookie)?.verdict.login;
    this.#sessions.end(cookie);
    this.#flows.finish(cookie);
    if (login !== undefined) this.#logger.info(`GitHub sign-in: ${login} signed out`);
    return redirectAnswer(LOGOUT_PATH, {
      "set-cookie": [
        cookieHeader(SESSION_COOKIE, "", "/", context.secure, 0),
        cookieHeader(FLOW_COOKIE, "", SIGNIN_PATH, context.secure, 0),
      ],
    });
  }

  /** Max-Age of the session cookie; undefined: a browser-session cookie (the preview's life). */
  #sessionSeconds(): number | undefined {
    const ttl = this.#settings.sessionTtlMs;
    return ttl === undefined ? undefined : Math.max(1, Math.floor(ttl / 1000));
  }
}

function notAllowed(allow: string): Answer {
  return textAnswer(405, `use ${allow.replace(", ", " or ")} here`, { allow });
}

/** HttpOnly and SameSite=Lax always; Secure on https; Max-Age 0 clears it. */
function cookieHeader(
  name: string,
  value: string,
  path: string,
  secure: boolean,
  maxAgeSeconds: number | undefined,
): string {
  const age = maxAgeSeconds === undefined ? "" : `; Max-Age=${maxAgeSeconds}`;
  return `${name}=${value}; Path=${path}${age}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}
